//! Quantities across a story: each document's numbers keyed by unit (its last word stemmed,
//! so "troop" and "troops" meet; "residents" and "people" count people alike) and grouped
//! by what surrounds them — a number joins a quantity of its unit whose first statement
//! shares a content word with its sentence, is within `number_ratio` times its value, and,
//! when both sentences name entities, shares an entity — so "14,000 lives" and "100,000
//! troops", NATO's troops and Russia's, or 1,500 evacuees and a valley's 300,000 people,
//! never merge. A quantity stated by two documents or more
//! is reported, with:
//!
//! - `disagree`: two stated values differ after rounding both to the coarser one's last
//!   significant place (kept to two significant digits at least: 100,000 against 130,000
//!   differ, 1.2 million against 1,213,000 do not);
//! - `compatible`: one true value lies in every value's interval — a bound ("more than")
//!   is a half-line, an approximation ("about") `about_margin` either side, "nearly" just
//!   under, a range its ends, a plain value its rounding.
//!
//! Changes ("up 5%") are a quantity of their own kind. Returns `numbers`.

use super::leader::Leaders;
use super::terms::{shared, Termer, Terms};
use super::{Quantity, Read, StatedValue};
use crate::calendar::{is_month_name, is_weekday};
use crate::numbers::{bound, Bound};
use crate::{CompareConfig, Number, Value};
use samestory_story::lexicon::is_content;
use std::collections::HashMap;

/// A number of one member: `(member, number)` indices.
type At = (usize, usize);

/// One quantity being gathered: its statements, and the first one's entities and value.
struct Gathered {
    unit: String,
    members: Vec<At>,
    entities: Vec<u64>,
    value: [f64; 2],
}

/// The quantities two documents or more state, in story order.
pub fn quantities(read: &[Read<'_>], config: &CompareConfig) -> Vec<Quantity> {
    let mut by_unit: HashMap<u64, Leaders> = HashMap::new();
    let mut gathered: Vec<Gathered> = Vec::new();
    let mut of_leader: HashMap<(u64, usize), usize> = HashMap::new();
    for (m, r) in read.iter().enumerate() {
        for (n, number) in r.member.facts.numbers.iter().enumerate() {
            let (Some(key), own) = &r.number_terms[n] else {
                continue;
            };
            let key = *key;
            let sentence = match r.sentence_index(number.span[0]) {
                Some(k) => r.sentence_terms(k),
                None => &Terms::EMPTY,
            };
            let context: Vec<u64> = sentence
                .all
                .iter()
                .copied()
                .filter(|t| own.binary_search(t).is_err())
                .collect();
            let leaders = by_unit.entry(key).or_default();
            let value = ends(number.value);
            let score = |leader: usize, own: &[u64]| {
                let first = &gathered[of_leader[&(key, leader)]];
                let n = shared(&context, own);
                (n >= 1
                    && ratio(first.value, value) <= config.number_ratio
                    && (first.entities.is_empty()
                        || sentence.entities.is_empty()
                        || shared(&first.entities, &sentence.entities) > 0))
                    .then_some(n as f64)
            };
            match leaders.best(&context, 1, score) {
                Some(leader) => gathered[of_leader[&(key, leader)]].members.push((m, n)),
                None => {
                    let leader = leaders.add(context);
                    of_leader.insert((key, leader), gathered.len());
                    gathered.push(Gathered {
                        unit: number.unit.clone().unwrap_or_default(),
                        members: vec![(m, n)],
                        entities: sentence.entities.clone(),
                        value,
                    });
                }
            }
        }
    }
    gathered
        .into_iter()
        .filter(|g| {
            let first = g.members[0].0;
            g.members
                .iter()
                .any(|&(m, _)| read[m].member.id != read[first].member.id)
        })
        .map(|g| quantity(read, g, config))
        .collect()
}

/// Counted nouns that all count people: one key, so "1,200 residents" and "more than 1,500
/// people" can be one quantity (what surrounds them still decides whether they are).
const PEOPLE: &[&str] = &[
    "people",
    "persons",
    "residents",
    "inhabitants",
    "individuals",
    "citizens",
    "villagers",
    "locals",
    "civilians",
];

/// The key of a number's unit (`None` for a bare number), changes apart from levels.
pub(super) fn unit_key(termer: &Termer, number: &Number) -> Option<u64> {
    let unit = number.unit.as_deref()?;
    let mut last = unit.rsplit(' ').next().unwrap_or(unit).to_lowercase();
    if PEOPLE.contains(&last.as_str()) {
        last = "people".to_string();
    }
    let change = bound(number.qualifier.as_deref()) == Bound::Change;
    Some(termer.stem_hash(&last) ^ u64::from(change))
}

/// A value's ends: `[v, v]` for one number.
fn ends(value: Value) -> [f64; 2] {
    match value {
        Value::One(v) => [v, v],
        Value::Range(r) => r,
    }
}

/// How many times the larger of two values (the nearest ends of two ranges) is the smaller;
/// 1 when they overlap, infinite across zero.
fn ratio(a: [f64; 2], b: [f64; 2]) -> f64 {
    if a[0] <= b[1] && b[0] <= a[1] {
        return 1.0;
    }
    let (low, high) = if a[1] < b[0] {
        (a[1], b[0])
    } else {
        (b[1], a[0])
    };
    if low <= 0.0 || high <= 0.0 {
        return f64::INFINITY;
    }
    high / low
}

/// The reported quantity.
fn quantity(read: &[Read<'_>], g: Gathered, config: &CompareConfig) -> Quantity {
    let numbers: Vec<&Number> = g
        .members
        .iter()
        .map(|&(m, n)| &read[m].member.facts.numbers[n])
        .collect();
    let values = g
        .members
        .iter()
        .zip(&numbers)
        .map(|(&(m, _), number)| StatedValue {
            value: number.value,
            qualifier: number.qualifier.clone(),
            doc: read[m].member.id.to_string(),
            text: number.text.clone(),
            span: number.span,
        })
        .collect();
    Quantity {
        quantity: label(read, &g),
        disagree: disagree(&numbers),
        compatible: compatible(&numbers, config.about_margin),
        unit: g.unit,
        values,
    }
}

/// The unit and the two names most often written in its statements' sentences.
fn label(read: &[Read<'_>], g: &Gathered) -> String {
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    let mut slot: HashMap<String, usize> = HashMap::new();
    for (pos, &(m, n)) in g.members.iter().enumerate() {
        let r = &read[m];
        let Some(k) = r.sentence_index(r.member.facts.numbers[n].span[0]) else {
            continue;
        };
        for name in names_in(r.text(r.sentences[k])) {
            match slot.get(&name) {
                Some(&k) => counts[k].1 += 1,
                None => {
                    slot.insert(name.clone(), counts.len());
                    counts.push((name, 1, pos));
                }
            }
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    let names: Vec<&str> = counts.iter().take(2).map(|c| c.0.as_str()).collect();
    if names.is_empty() {
        g.unit.clone()
    } else {
        format!("{}: {}", g.unit, names.join(", "))
    }
}

/// Capitalised content words after a sentence's first word, possessives dropped.
fn names_in(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in sentence.split_whitespace().skip(1) {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let word = word
            .strip_suffix("'s")
            .or(word.strip_suffix("’s"))
            .unwrap_or(word);
        if word.starts_with(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && is_content(&word.to_lowercase())
            && !is_weekday(&word.to_lowercase())
            && !is_month_name(&word.to_lowercase())
            && !out.iter().any(|w| w == word)
        {
            out.push(word.to_string());
        }
    }
    out
}

/// Whether two stated values differ beyond rounding.
fn disagree(numbers: &[&Number]) -> bool {
    let points: Vec<f64> = numbers
        .iter()
        .filter_map(|n| match n.value {
            Value::One(v) => Some(v),
            Value::Range(_) => None,
        })
        .collect();
    points
        .iter()
        .enumerate()
        .any(|(i, &a)| points[i + 1..].iter().any(|&b| !same_after_rounding(a, b)))
}

/// Whether `a` and `b` are equal once both are rounded to the coarser one's place.
fn same_after_rounding(a: f64, b: f64) -> bool {
    let place = place(a).max(place(b));
    (a / place).round() == (b / place).round()
}

/// The place of a value's last significant digit, keeping two significant digits at least.
fn place(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    let magnitude = v.log10().floor() as i32;
    let written = format!("{v}");
    let digits = written
        .chars()
        .filter(char::is_ascii_digit)
        .skip_while(|&c| c == '0')
        .collect::<String>();
    let significant = digits.trim_end_matches('0').len().max(2) as i32;
    10f64.powi(magnitude - significant + 1)
}

/// Whether one value fits every statement with its qualifier.
fn compatible(numbers: &[&Number], margin: f64) -> bool {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for n in numbers {
        let [a, b] = interval(n, margin);
        lo = lo.max(a);
        hi = hi.min(b);
    }
    lo <= hi
}

/// The values a statement allows.
fn interval(n: &Number, margin: f64) -> [f64; 2] {
    let v = match n.value {
        Value::Range(r) => return r,
        Value::One(v) => v,
    };
    let half = place(v) / 2.0;
    let m = v.abs() * margin;
    match bound(n.qualifier.as_deref()) {
        Bound::AtLeast => [v, f64::INFINITY],
        Bound::AtMost => [f64::NEG_INFINITY, v],
        Bound::JustUnder => [v - m, v],
        Bound::About => [v - m, v + m],
        Bound::Change | Bound::Exact => [v - half, v + half],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f64, qualifier: Option<&str>) -> Number {
        Number {
            value: Value::One(value),
            unit: Some("troops".into()),
            qualifier: qualifier.map(str::to_string),
            text: String::new(),
            span: [0, 0],
        }
    }

    #[test]
    fn rounding_keeps_two_significant_digits() {
        assert!(!same_after_rounding(100_000.0, 130_000.0));
        assert!(same_after_rounding(1_200_000.0, 1_213_000.0));
        assert!(same_after_rounding(14_000.0, 14_300.0));
        assert!(!same_after_rounding(3.0, 4.0));
        assert!(same_after_rounding(2.5, 2.54));
        assert!(same_after_rounding(0.05, 0.05));
    }

    #[test]
    fn qualifiers_decide_compatibility() {
        let more_than = number(100_000.0, Some("more than"));
        let estimated = number(130_000.0, Some("an estimated"));
        let over = number(150_000.0, Some("over"));
        let plain = number(130_000.0, None);
        assert!(compatible(&[&more_than, &plain], 0.1));
        assert!(compatible(&[&more_than, &estimated], 0.1));
        assert!(!compatible(&[&estimated, &over], 0.1));
        assert!(!compatible(&[&plain, &number(150_000.0, None)], 0.1));
        assert!(disagree(&[&more_than, &plain]));
        assert!(!disagree(&[&plain, &number(130_400.0, None)]));
        let range = Number {
            value: Value::Range([10_000.0, 100_000.0]),
            ..number(0.0, None)
        };
        assert!(compatible(&[&range, &number(90_000.0, Some("about"))], 0.1));
        assert!(
            !disagree(&[&range, &plain]),
            "a range is not a point that differs"
        );
    }

    #[test]
    fn ratio_of_values_and_ranges() {
        assert_eq!(ratio([100.0, 100.0], [150.0, 150.0]), 1.5);
        assert_eq!(ratio([150.0, 150.0], [100.0, 100.0]), 1.5);
        assert_eq!(ratio([10.0, 100.0], [50.0, 50.0]), 1.0);
        assert_eq!(ratio([10.0, 100.0], [300.0, 300.0]), 3.0);
        assert!(ratio([-1.0, -1.0], [2.0, 2.0]).is_infinite());
    }

    #[test]
    fn names_are_capitalised_words_inside_the_sentence() {
        assert_eq!(
            names_in("Officials said Norway's army sent 300 troops to Lund on Monday."),
            vec!["Norway", "Lund"]
        );
    }
}
