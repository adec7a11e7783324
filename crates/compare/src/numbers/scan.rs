//! The scan of one sentence: every number read once, left to right, with its qualifier,
//! unit and range partner, then units lent to bare numbers from the quantity they are
//! compared with or counted among ("up from roughly 130,000", "41 of whom").
//!
//! Returns candidates as token ranges; must not look outside the sentence's tokens.

use super::lexicon::{ascii_lower, currency_code, is_month, is_number_word_bytes, is_stop_word};
use super::negatives::{
    date_span_end, follows_name, is_date_day, is_feet_and_inches, is_identifier, is_list_marker,
    is_time_of_day, is_year, word_in_name, Seen,
};
use super::qualifier::{self, Qualifier};
use super::token::{Kind, Token};
use super::unit::{self, After, Unit, UnitKind};
use super::value::{self, Amount, Read};
use super::Value;

/// A quantity found in a sentence, before it becomes a [`super::Number`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// The value.
    pub value: Value,
    /// The unit, if any.
    pub unit: Option<Unit>,
    /// The qualifier as written, or `up` / `down`.
    pub qualifier: Option<String>,
    /// First token of the surface text.
    pub start: usize,
    /// Token after the surface text.
    pub end: usize,
    /// The number was preceded by "the" (a bare one is then a name: "the 486").
    pub after_the: bool,
    /// A bare number that must not borrow a unit (a fraction, a number before a noun
    /// that is not counted, a vague plural whose noun was not read).
    pub keep_bare: bool,
}

/// The start of a number: a sign and a currency written before it.
#[derive(Clone, Copy, Debug)]
struct Head {
    /// -1 for "minus 12" or "-18", else 1.
    sign: f64,
    /// The currency written before the number.
    currency: Option<&'static str>,
    /// First token (sign or currency).
    start: usize,
    /// Token of the number itself.
    number: usize,
}

/// A number read with its head.
#[derive(Clone, Debug)]
struct Reading {
    head: Head,
    amount: Amount,
}

/// One step of the scan.
enum Step {
    /// A quantity, and the token to resume at.
    Found(Candidate),
    /// Not a quantity; resume at this token.
    Skip(usize),
}

/// The quantities of one sentence's tokens, units lent to bare numbers.
pub(crate) fn scan(toks: &[Token]) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match step(toks, i) {
            Some(Step::Found(c)) => {
                i = c.end.max(i + 1);
                found.push(c);
            }
            Some(Step::Skip(next)) => i = next.max(i + 1),
            None => i += 1,
        }
    }
    lend_units(toks, &mut found);
    found.retain(|c| !(c.after_the && c.unit.is_none()));
    found
}

/// What starts at token `i`.
fn step(toks: &[Token], i: usize) -> Option<Step> {
    if !may_start(toks, i) {
        return None;
    }
    let first = read_at(toks, i)?;
    let reading = match first {
        Ok(r) => r,
        Err(skip) => return Some(Step::Skip(skip)),
    };
    Some(quantity(toks, reading))
}

/// A cheap test, without allocating, that token `i` can start a number: digits, a sign or
/// currency sign, a currency code or prefix, or a number word. Keeps the scan linear and
/// light on the many tokens that are ordinary words.
fn may_start(toks: &[Token], i: usize) -> bool {
    let tok = toks[i];
    match tok.kind {
        Kind::Digits => true,
        Kind::Sym => {
            matches!(tok.text, "$" | "£" | "€" | "¥" | "₹" | "\u{2212}")
                || (tok.is_dash() && toks.get(i + 1).is_some_and(|t| t.kind == Kind::Digits))
        }
        Kind::Word => {
            let mut buf = [0u8; 12];
            let Some(lower) = ascii_lower(tok.text.as_bytes(), &mut buf) else {
                return false;
            };
            let next_scales = || {
                toks.get(i + 1).is_some_and(|t| {
                    [
                        "hundred", "thousand", "dozen", "quarter", "third", "fifth", "tenth",
                        "million", "billion", "trillion",
                    ]
                    .iter()
                    .any(|w| t.is(w))
                })
            };
            let next_is_money = || {
                toks.get(i + 1)
                    .is_some_and(|t| t.is_sym('$') || t.kind == Kind::Digits)
            };
            is_number_word_bytes(lower)
                || lower == b"minus"
                || (matches!(lower, b"a" | b"an") && next_scales())
                || (tok.text.len() <= 3 && next_is_money())
        }
    }
}

/// A number with its head at token `i`: `Err(skip)` for something that is not a quantity.
fn read_at(toks: &[Token], i: usize) -> Option<Result<Reading, usize>> {
    let head = head(toks, i)?;
    match value::read(toks, head.number, head.currency.is_some()) {
        Read::Number(amount) => Some(Ok(Reading { head, amount })),
        Read::Skip(next) => Some(Err(next)),
        Read::Nothing => None,
    }
}

/// The sign and currency before the number at token `i`.
fn head(toks: &[Token], i: usize) -> Option<Head> {
    let mut at = i;
    let mut sign = 1.0;
    let tok = toks.get(at)?;
    let digits_next = toks
        .get(at + 1)
        .is_some_and(|t| t.kind == Kind::Digits && !t.space_before);
    let opens = i == 0 || tok.space_before || toks[i - 1].is_sym('(');
    let sign_mark = (tok.is_dash() || tok.is_sym('\u{2212}')) && digits_next && opens;
    if sign_mark || tok.is("minus") {
        sign = -1.0;
        at += 1;
    }
    let (currency, number) = match currency_before(toks, at) {
        Some((key, next)) => (Some(key), next),
        None => (None, at),
    };
    Some(Head {
        sign,
        currency,
        start: i,
        number,
    })
}

/// A currency written before a number at token `at`: its key and the number's token.
fn currency_before(toks: &[Token], at: usize) -> Option<(&'static str, usize)> {
    let tok = toks.get(at)?;
    let number_at = |n: usize| {
        toks.get(n)
            .is_some_and(|t| t.kind == Kind::Digits || (t.kind == Kind::Word && t.space_before))
    };
    if tok.kind == Kind::Word {
        let next = toks.get(at + 1);
        if next.is_some_and(|t| t.is_sym('$') && !t.space_before) && number_at(at + 2) {
            let key = match tok.text {
                "US" | "U" | "us" => "dollar",
                "C" | "CA" | "Can" | "CAN" => "canadian dollar",
                "HK" => "hong kong dollar",
                "A" | "AU" | "AUS" => "australian dollar",
                "NZ" => "new zealand dollar",
                "S" | "SG" => "singaporean dollar",
                _ => return None,
            };
            return Some((key, at + 2));
        }
        let key = match tok.text {
            "Rs" => "indian rupee",
            code => currency_code(code)?,
        };
        let digits = toks
            .get(at + 1)
            .is_some_and(|t| t.kind == Kind::Digits && t.space_before);
        return digits.then_some((key, at + 1));
    }
    let key = match tok.text {
        "$" => "dollar",
        "£" => "pound sterling",
        "€" => "euro",
        "¥" => "japanese yen",
        "₹" => "indian rupee",
        _ => return None,
    };
    number_at(at + 1).then_some((key, at + 1))
}

/// The quantity around a number that has been read.
fn quantity(toks: &[Token], reading: Reading) -> Step {
    let Reading { head, amount } = reading.clone();
    if let Some(range) = amount.vague {
        return vague(toks, head, &amount, range);
    }
    let seen = Seen {
        start: head.number,
        end: amount.end,
        value: amount.value,
        plain: amount.plain,
        digits: amount.digits,
    };
    if is_date_day(toks, seen) {
        return Step::Skip(date_span_end(toks, seen));
    }
    if is_list_marker(toks, seen) || word_in_name(toks, seen) {
        return Step::Skip(amount.end);
    }
    if is_feet_and_inches(toks, seen) {
        return Step::Skip(amount.end + 2);
    }
    if is_time_of_day(toks, seen) {
        return Step::Skip(amount.end + 1);
    }
    if head.currency.is_none() && is_identifier(toks, seen) {
        return Step::Skip(value::skip_digit_chain(toks, head.number).max(amount.end));
    }
    let mut unit_at = amount.end;
    let mut trailing = qualifier::after(toks, unit_at);
    if let Some(q) = &trailing {
        unit_at = q.at;
    }
    let first_unit = match unit_of(toks, &head, &amount, unit_at) {
        Ok(u) => u,
        Err(skip) => return Step::Skip(skip),
    };
    let after_unit = first_unit.as_ref().map_or(unit_at, |u| u.end);
    if let Some(step) = range(toks, &reading, first_unit.as_ref(), after_unit) {
        return step;
    }
    let qualifier_before = bound_before(toks, head.start);
    let unit = first_unit;
    let mut end = after_unit;
    if trailing.is_none() {
        trailing = qualifier::after(toks, end);
        if let Some(q) = &trailing {
            end = q.at;
        }
    } else if unit.is_none() {
        end = trailing.as_ref().map_or(end, |q| q.at);
    }
    let direction = qualifier::direction_after(toks, end);
    if not_a_quantity(
        toks,
        &head,
        &amount,
        seen,
        unit.as_ref(),
        qualifier_before.as_ref(),
    ) {
        return Step::Skip(end.max(amount.end));
    }
    if unit.is_none() && (model_number(toks, &amount) || street_number(toks, &amount)) {
        return Step::Skip(amount.end);
    }
    let unit = unit.or_else(|| age_by_context(toks, head.start, &amount));
    let (value, unit, end) = with_minor_currency(toks, head.sign * amount.value, unit, end);
    let keep_bare = unit.is_none()
        && ((amount.words && amount.value.fract() != 0.0)
            || toks.get(end).is_some_and(|t| {
                let lower = t.text.to_ascii_lowercase();
                t.kind == Kind::Word
                    && t.space_before
                    && !is_stop_word(&lower)
                    && !lower.ends_with("ed")
            }));
    let start = qualifier_before.as_ref().map_or(head.start, |q| q.at);
    let qualifier = qualifier_before
        .or(trailing)
        .or_else(|| qualifier::direction_before(toks, head.start))
        .or(direction)
        .map(|q| q.text);
    Step::Found(Candidate {
        value: Value::One(value),
        unit,
        qualifier,
        start,
        end,
        after_the: start > 0 && toks[start - 1].is("the"),
        keep_bare,
    })
}

/// The unit after the number: the currency before it (with a rate), or the words after it.
fn unit_of(toks: &[Token], head: &Head, amount: &Amount, at: usize) -> Result<Option<Unit>, usize> {
    if let Some(currency) = head.currency.or(amount.code) {
        return Ok(Some(unit::after_money(toks, at, currency)));
    }
    match unit::after(toks, at, amount.value, amount.scaled) {
        After::Unit(u) => Ok(Some(u)),
        After::Nothing => Ok(None),
        After::NotQuantity => Err(at + 1),
    }
}

/// A bound or approximation before token `start` ("more than", "about").
fn bound_before(toks: &[Token], start: usize) -> Option<Qualifier> {
    qualifier::before(toks, start)
}

/// True for a number that names or dates something rather than counting it.
fn not_a_quantity(
    toks: &[Token],
    head: &Head,
    amount: &Amount,
    seen: Seen,
    unit: Option<&Unit>,
    bound: Option<&Qualifier>,
) -> bool {
    let counted = unit.is_none_or(|u| u.kind == UnitKind::Noun);
    // A year stays a year even after "below" or "since" ("below 2005 levels").
    if head.currency.is_none() && counted && is_year(seen) {
        return true;
    }
    let free = head.currency.is_none() && bound.is_none() && counted;
    if free && follows_name(toks, seen) {
        return true;
    }
    if amount.lone_one {
        return lone_one_is_pronoun(toks, head.start, unit);
    }
    false
}

/// True when a bare "one" is a pronoun or idiom ("no one", "that one", "one day,").
fn lone_one_is_pronoun(toks: &[Token], start: usize, unit: Option<&Unit>) -> bool {
    let Some(unit) = unit else {
        return true;
    };
    let prev = start.checked_sub(1).map(|p| toks[p]);
    let pronoun_before = prev.is_some_and(|p| {
        [
            "no", "that", "this", "the", "which", "any", "each", "every", "someone",
        ]
        .iter()
        .any(|w| p.is(w))
    });
    let idiom = unit.name == "day" && prev.is_none_or(|p| p.is_sym(','));
    let next_dot = toks
        .get(start + 1)
        .is_some_and(|t| t.is_sym('.') && !t.space_before);
    pronoun_before || idiom || next_dot
}

/// "aged 34", "age 87", or "Name, 34," → year of age for a bare number.
fn age_by_context(toks: &[Token], start: usize, amount: &Amount) -> Option<Unit> {
    let prev = start.checked_sub(1).map(|p| toks[p])?;
    let years = Unit {
        name: "year of age".to_string(),
        kind: UnitKind::Age,
        end: amount.end,
    };
    let age_of = prev.is("of")
        && start
            .checked_sub(2)
            .is_some_and(|p| toks[p].is("age") || toks[p].is("ages"));
    if prev.is("aged") || prev.is("age") || prev.is("ages") || age_of {
        return Some(years);
    }
    let whole = amount.value.fract() == 0.0 && (1.0..=110.0).contains(&amount.value);
    // "Mr Smith, 47,", "the prime minister, 58,": a person's age between commas.
    let name_before = start
        .checked_sub(2)
        .map(|p| toks[p])
        .is_some_and(|t| t.kind == Kind::Word && !is_stop_word(&t.text.to_ascii_lowercase()));
    let comma_after = toks.get(amount.end).is_some_and(|t| t.is_sym(','));
    (prev.is_sym(',') && whole && amount.plain && name_before && comma_after).then_some(years)
}

/// A vague plural ("dozens", "tens of thousands of people").
fn vague(toks: &[Token], head: Head, amount: &Amount, range: [f64; 2]) -> Step {
    let unit = unit::after_vague(toks, amount.end);
    let end = unit.as_ref().map_or(amount.end, |u| u.end);
    let bound = bound_before(toks, head.start);
    let start = bound.as_ref().map_or(head.start, |q| q.at);
    Step::Found(Candidate {
        value: Value::Range(range),
        keep_bare: unit.is_none() && toks.get(amount.end).is_some_and(|t| t.is("of")),
        unit,
        qualifier: bound.map(|q| q.text),
        start,
        end,
        after_the: false,
    })
}

/// A range with the number just read as its low end ("between 30 and 40 houses", "30-40",
/// "eight to 10 feet", "44 mg to 50 mg"), or a pair that is not a quantity ("2-0", a phone
/// number, "2019-2020"). `None` when no range follows.
fn range(toks: &[Token], first: &Reading, first_unit: Option<&Unit>, at: usize) -> Option<Step> {
    let joiner = toks.get(at)?;
    let between = first
        .head
        .start
        .checked_sub(1)
        .is_some_and(|b| toks[b].is("between"));
    let dash = joiner.is_dash();
    let to = joiner.is("to");
    let and = joiner.is("and") && between;
    if !(dash || to || and) {
        return None;
    }
    if dash && first_unit.is_some_and(|u| u.kind == UnitKind::Noun) {
        return None;
    }
    let second = match read_at(toks, at + 1)? {
        Ok(r) => r,
        Err(_) => return None,
    };
    if second.amount.vague.is_some() {
        return None;
    }
    // "7-Eleven": digits dashed to a word are a name.
    if dash && first.amount.digits > 0 && second.amount.words {
        return Some(Step::Skip(second.amount.end));
    }
    // "between 3 and 5 March": days of a month.
    let month_after = toks
        .get(second.amount.end)
        .is_some_and(|t| t.kind == Kind::Word && is_month(&t.text.to_ascii_lowercase()));
    if month_after && second.amount.plain && second.amount.value <= 31.0 {
        return Some(Step::Skip(second.amount.end + 1));
    }
    let a = &first.amount;
    let b = &second.amount;
    if dash && first.head.currency.is_none() && not_a_range(toks, a, b) {
        return Some(Step::Skip(
            value::skip_digit_chain(toks, first.head.number).max(b.end),
        ));
    }
    let years = |x: &Amount| x.plain && x.digits == 4 && (1800.0..=2100.0).contains(&x.value);
    if years(a) && years(b) && first.head.currency.is_none() {
        return Some(Step::Skip(b.end));
    }
    let second_unit = unit_of(toks, &second.head, b, b.end).ok().flatten();
    let descending = first.head.sign > 0.0 && second.head.sign > 0.0 && a.value > b.value;
    if to && descending {
        return None;
    }
    if to && !between {
        let change = change_context(toks, first.head.start);
        let same = match (first_unit, &second_unit) {
            (None, _) => true,
            (Some(u1), Some(u2)) => {
                u1.name == u2.name || u2.name.starts_with(&format!("{} per ", u1.name))
            }
            (Some(_), None) => false,
        };
        if change || !same {
            return None;
        }
    }
    let low = first.head.sign * a.value * lifted_scale(a, b);
    let high = second.head.sign * b.value;
    let before_at = if between {
        first.head.start.checked_sub(1)
    } else {
        Some(first.head.start)
    };
    let ages = before_at
        .and_then(|b| b.checked_sub(1))
        .is_some_and(|p| toks[p].is("ages") || toks[p].is("aged"));
    let unit = second_unit
        .clone()
        .or_else(|| first_unit.cloned())
        .or_else(|| {
            ages.then(|| Unit {
                name: "year of age".to_string(),
                kind: UnitKind::Age,
                end: b.end,
            })
        });
    let mut end = second_unit.as_ref().map_or(b.end, |u| u.end);
    let start_at = if between {
        first.head.start - 1
    } else {
        first.head.start
    };
    let bound = bound_before(toks, start_at);
    let trailing = qualifier::after(toks, end);
    if let Some(q) = &trailing {
        end = q.at;
    }
    let start = bound.as_ref().map_or(start_at, |q| q.at);
    Some(Step::Found(Candidate {
        value: Value::Range([low.min(high), low.max(high)]),
        unit,
        qualifier: bound.or(trailing).map(|q| q.text),
        start,
        end,
        after_the: false,
        keep_bare: false,
    }))
}

/// The scale of the high end lent to a low end written without one ("$3-4 million").
fn lifted_scale(a: &Amount, b: &Amount) -> f64 {
    if a.scale == 1.0 && b.scale > 1.0 && a.value * b.scale <= b.value {
        b.scale
    } else {
        1.0
    }
}

/// True for dashed digits that are a score, a span of years or a phone number.
fn not_a_range(toks: &[Token], a: &Amount, b: &Amount) -> bool {
    let a_year = a.plain && a.digits == 4 && (1800.0..=2100.0).contains(&a.value);
    let b_year =
        b.plain && (b.digits == 2 || (b.digits == 4 && (1800.0..=2100.0).contains(&b.value)));
    let phone = a.plain && b.plain && a.digits == 3 && b.digits == 4;
    let chained = toks
        .get(b.end)
        .is_some_and(|t| t.is_dash() && !t.space_before);
    a.value > b.value || (a_year && b_year) || phone || chained
}

/// True when "X to Y" states a change (two quantities): "by" before X, or "from" before X
/// after a change word ("rose from 30 to 40").
fn change_context(toks: &[Token], start: usize) -> bool {
    let mut at = start;
    while at > 0 && toks[at - 1].kind == Kind::Word && qualifier::before(toks, at).is_some() {
        match qualifier::before(toks, at) {
            Some(q) if q.at < at => at = q.at,
            _ => break,
        }
    }
    let Some(prev) = at.checked_sub(1).map(|p| toks[p]) else {
        return false;
    };
    if prev.is("by") || qualifier::is_change_word(&prev.text.to_ascii_lowercase()) {
        return true;
    }
    prev.is("from")
        && toks[..at].iter().any(|t| {
            t.kind == Kind::Word && qualifier::is_change_word(&t.text.to_ascii_lowercase())
        })
}

/// Lends units to bare numbers: from a following quantity they are counted among ("two of
/// the five hostages", "45 and 50 cases"), else from the nearest earlier one ("up from
/// roughly 130,000", "41 of whom").
fn lend_units(toks: &[Token], found: &mut [Candidate]) {
    share_rates(toks, found);
    for i in 0..found.len() {
        if found[i].unit.is_some() || found[i].keep_bare {
            continue;
        }
        let partitive = toks.get(found[i].end).is_some_and(|t| t.is("of"));
        let lent = lent_forward(toks, found, i).or_else(|| {
            if partitive {
                if let Some(noun) = partitive_noun(toks, found[i].end) {
                    return Some(noun);
                }
            }
            let previous = i.checked_sub(1).map(|p| &found[p]);
            let joined = previous.is_some_and(|p| {
                p.end + 1 == found[i].start
                    && toks
                        .get(p.end)
                        .is_some_and(|t| t.is("and") || t.is("or") || t.is("to"))
            });
            // Durations and ages are lent only to a number joined to them ("aged 23 and
            // 31"); otherwise the nearest count, amount or measure before it lends.
            found[..i]
                .iter()
                .rev()
                .filter_map(|c| c.unit.clone())
                .find(|u| joined || !matches!(u.kind, UnitKind::Age | UnitKind::Time))
        });
        if let Some(mut unit) = lent {
            unit.end = found[i].end;
            found[i].unit = Some(unit);
        }
    }
}

/// "by 11c to 17c a share", "from $3 to $4 a share": the rate written after the second of
/// two amounts joined by "to" applies to the first too.
fn share_rates(toks: &[Token], found: &mut [Candidate]) {
    for i in 1..found.len() {
        let (before, after) = found.split_at_mut(i);
        let (Some(first), Some(second)) = (before.last_mut(), after.first()) else {
            continue;
        };
        let joined =
            second.start == first.end + 1 && toks.get(first.end).is_some_and(|t| t.is("to"));
        let (Some(u1), Some(u2)) = (&first.unit, &second.unit) else {
            continue;
        };
        if joined && u2.name.starts_with(&format!("{} per ", u1.name)) {
            let end = u1.end;
            first.unit = Some(Unit { end, ..u2.clone() });
        }
    }
}

/// The unit of the next quantity when the bare number at `i` is joined to it by "of the",
/// "and", "or", "to" or a comma.
fn lent_forward(toks: &[Token], found: &[Candidate], i: usize) -> Option<Unit> {
    let this = &found[i];
    let next = found.get(i + 1)?;
    let mut unit = next.unit.clone()?;
    let joiner = toks.get(this.end)?;
    let coordinated =
        (joiner.is("and") || joiner.is("or") || joiner.is("to") || joiner.is_sym(','))
            && next.start == this.end + 1;
    let partitive = joiner.is("of")
        && next.start <= this.end + 6
        && toks[this.end..next.start]
            .iter()
            .all(|t| !t.is_sym(',') && !t.is_sym(';'));
    if partitive && unit.kind != UnitKind::Noun {
        // "five of the three-ton satellites": the noun after the measure is counted.
        unit = unit::counted_noun(toks, next.end, 2.0)?;
    }
    (coordinated || partitive).then_some(unit)
}

/// The counted noun of "of the …" after a bare number ("two of the producers").
fn partitive_noun(toks: &[Token], of_at: usize) -> Option<Unit> {
    let det = toks.get(of_at + 1)?;
    let determiner = ["the", "its", "their", "these", "those", "our", "his", "her"]
        .iter()
        .any(|w| det.is(w));
    if !determiner {
        return None;
    }
    unit::counted_noun(toks, of_at + 2, 2.0)
}

/// True for plain digits before a singular noun: a model or part number ("the 8088 chip").
fn model_number(toks: &[Token], amount: &Amount) -> bool {
    amount.plain
        && amount.digits >= 3
        && toks.get(amount.end).is_some_and(|t| {
            let lower = t.text.to_ascii_lowercase();
            t.kind == Kind::Word
                && t.space_before
                && !is_stop_word(&lower)
                && !lower.ends_with("ly")
        })
}

/// True for a house number: plain digits before a capitalised street name.
fn street_number(toks: &[Token], amount: &Amount) -> bool {
    if !amount.plain {
        return false;
    }
    toks.iter()
        .skip(amount.end)
        .take(3)
        .take_while(|t| {
            t.kind == Kind::Word && t.text.chars().next().is_some_and(char::is_uppercase)
        })
        .any(|t| {
            [
                "street",
                "st",
                "road",
                "rd",
                "avenue",
                "ave",
                "boulevard",
                "blvd",
                "lane",
                "drive",
                "way",
                "place",
                "square",
            ]
            .iter()
            .any(|w| t.is(w))
        })
}

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents": the cents added to the
/// main unit.
fn with_minor_currency(
    toks: &[Token],
    value: f64,
    unit: Option<Unit>,
    end: usize,
) -> (f64, Option<Unit>, usize) {
    let main = matches!(
        unit.as_ref().map(|u| u.name.as_str()),
        Some("dollar" | "euro" | "pound sterling")
    );
    if !main {
        return (value, unit, end);
    }
    let at = if toks.get(end).is_some_and(|t| t.is("and")) {
        end + 1
    } else {
        end
    };
    let Some(Ok(cents)) = read_at(toks, at) else {
        return (value, unit, end);
    };
    let minor = toks
        .get(cents.amount.end)
        .is_some_and(|t| t.is("cents") || t.is("pence") || t.is("cent"));
    if !minor || cents.head.currency.is_some() || cents.amount.value >= 100.0 {
        return (value, unit, end);
    }
    let end = cents.amount.end + 1;
    let unit = unit.map(|u| Unit { end, ..u });
    (value + cents.amount.value / 100.0, unit, end)
}
