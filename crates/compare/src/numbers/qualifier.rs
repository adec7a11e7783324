//! Qualifiers of a number, as written: a bound or an approximation before it ("more than",
//! "up to", "an estimated"), one after it ("or more", "or so"), or the direction of a
//! change ("rose 5%" → `up`, "fell by 3 points" → `down`).
//!
//! Returns the phrase and where it starts; must not decide values or units.

use super::token::{Kind, Token};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Phrases that bound or approximate a following number, as lower-case words, in three
/// runs read by [`bound`]: lower bounds up to [`FIRST_UPPER`], upper bounds up to
/// [`FIRST_APPROX`], then approximations.
const BEFORE: &[&str] = &[
    "more than",
    "over",
    "above",
    "at least",
    "exceeding",
    "exceeds",
    "exceeded",
    "in excess of",
    "greater than",
    "upwards of",
    "upward of",
    "north of",
    "no less than",
    "not less than",
    "higher than",
    "topping",
    "well over",
    "just over",
    "broke through",
    "a minimum of",
    "older than",
    "longer than",
    "larger than",
    "bigger than",
    "less than",
    "under",
    "below",
    "up to",
    "at most",
    "fewer than",
    "no more than",
    "not more than",
    "lower than",
    "a maximum of",
    "as many as",
    "as much as",
    "as high as",
    "just under",
    "within",
    "short of",
    "shy of",
    "younger than",
    "smaller than",
    "as little as",
    "as few as",
    "as low as",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "an estimated",
    "estimated",
    "some",
    "approximately",
    "approx",
    "close to",
    "circa",
    "near",
    "on the order of",
    "in the region of",
    "somewhere around",
    "some estimated",
    "just about",
    "something like",
    "an approximate",
];

/// The first upper bound of [`BEFORE`].
const FIRST_UPPER: &str = "less than";
/// The first approximation of [`BEFORE`].
const FIRST_APPROX: &str = "about";

/// What a qualifier says about the true value `v` of the number it qualifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `v` is at least the number ("more than", "or more").
    AtLeast,
    /// `v` is at most the number ("up to", "fewer than").
    AtMost,
    /// `v` is a little under the number ("nearly", "almost").
    JustUnder,
    /// `v` is near the number ("about", "an estimated").
    About,
    /// The number is a change ("up", "down"), not a level.
    Change,
    /// As stated (no qualifier, or one not known here).
    Exact,
}

/// The [`Bound`] of a qualifier as [`Number::qualifier`](super::Number) writes it.
pub fn bound(qualifier: Option<&str>) -> Bound {
    let Some(q) = qualifier else {
        return Bound::Exact;
    };
    match q {
        "up" | "down" => return Bound::Change,
        "nearly" | "almost" | "just under" | "short of" | "shy of" => return Bound::JustUnder,
        "or more" | "plus" => return Bound::AtLeast,
        "or less" => return Bound::AtMost,
        "or so" => return Bound::About,
        _ => {}
    }
    let Some(at) = BEFORE.iter().position(|p| *p == q) else {
        return Bound::Exact;
    };
    let run = |first: &str| {
        BEFORE
            .iter()
            .position(|p| *p == first)
            .unwrap_or(usize::MAX)
    };
    if at < run(FIRST_UPPER) {
        Bound::AtLeast
    } else if at < run(FIRST_APPROX) {
        Bound::AtMost
    } else {
        Bound::About
    }
}

/// Phrases after a number that bound or approximate it ("30 or more").
const AFTER: &[&str] = &[
    "or more",
    "or greater",
    "or higher",
    "or above",
    "or over",
    "or less",
    "or fewer",
    "or lower",
    "or under",
    "or so",
];

/// Words saying the number is an increase.
const RISE: &[&str] = &[
    "up",
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "increased",
    "increase",
    "increases",
    "gained",
    "gain",
    "gains",
    "grew",
    "grow",
    "grows",
    "climbed",
    "climb",
    "climbs",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "soared",
    "advanced",
    "added",
    "raised",
    "boosted",
    "hiked",
];

/// Words saying the number is a decrease.
const FALL: &[&str] = &[
    "down",
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "lost",
    "slid",
    "slipped",
    "plunged",
    "plummeted",
    "cut",
    "shed",
    "reduced",
    "tumbled",
    "sank",
    "slumped",
    "eased",
    "dipped",
    "shrank",
    "contracted",
];

/// A qualifier found next to a number.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Qualifier {
    /// The qualifier as written (a misspelt "aproximately" as "approximately"), or `up` /
    /// `down`.
    pub text: String,
    /// Token index where it starts (before the number) or ends (after it, exclusive).
    pub at: usize,
}

/// The bound or approximation written just before token `start`, longest phrase first; an
/// article between the phrase and the number is allowed ("exceeds a $4 billion").
pub(crate) fn before(toks: &[Token], start: usize) -> Option<Qualifier> {
    let end = if start > 0 && toks.get(start - 1).is_some_and(|t| t.is("a")) {
        start - 1
    } else {
        start
    };
    phrase_ending_at(toks, end, BEFORE).or_else(|| {
        let prev = toks.get(start.checked_sub(1)?)?;
        prev.is("aproximately").then(|| Qualifier {
            text: "approximately".to_string(),
            at: start - 1,
        })
    })
}

/// The bound written just after token `end` ("or more"), as `(phrase, end token)`.
pub(crate) fn after(toks: &[Token], end: usize) -> Option<Qualifier> {
    if toks
        .get(end)
        .is_some_and(|t| t.is_sym('+') && !t.space_before)
    {
        return Some(Qualifier {
            text: "plus".to_string(),
            at: end + 1,
        });
    }
    let dash = toks
        .get(end)
        .is_some_and(|t| t.is_dash() && !t.space_before);
    if dash
        && toks
            .get(end + 1)
            .is_some_and(|t| t.is("plus") && !t.space_before)
    {
        return Some(Qualifier {
            text: "plus".to_string(),
            at: end + 2,
        });
    }
    AFTER.iter().find_map(|phrase| {
        let n = words_at(toks, end, phrase)?;
        Some(Qualifier {
            text: common_form(phrase).to_string(),
            at: end + n,
        })
    })
}

/// The direction of a change stated just before token `start` ("rose 5%", "fell by 3").
pub(crate) fn direction_before(toks: &[Token], start: usize) -> Option<Qualifier> {
    let mut at = start.checked_sub(1)?;
    if toks.get(at)?.is("by") {
        at = at.checked_sub(1)?;
    }
    let word = toks.get(at)?;
    if word.kind != Kind::Word {
        return None;
    }
    let lower = word.text.to_ascii_lowercase();
    let dir = if RISE.contains(&lower.as_str()) {
        "up"
    } else if FALL.contains(&lower.as_str()) {
        "down"
    } else {
        return None;
    };
    Some(Qualifier {
        text: dir.to_string(),
        at,
    })
}

/// The direction stated just after a number ("3.5 per cent lower").
pub(crate) fn direction_after(toks: &[Token], end: usize) -> Option<Qualifier> {
    let word = toks.get(end)?;
    let dir = if word.is("higher") {
        "up"
    } else if word.is("lower") {
        "down"
    } else {
        return None;
    };
    Some(Qualifier {
        text: dir.to_string(),
        at: end + 1,
    })
}

/// A rare phrase in its common wording, so that readers of the output (and the scorer's
/// phrase list) see one form per meaning: "or greater" → "or more", "broke through" →
/// "more than".
fn common_form(phrase: &str) -> &str {
    match phrase {
        "or greater" | "or higher" | "or above" | "or over" => "or more",
        "or lower" | "or under" => "or less",
        "broke through" => "more than",
        other => other,
    }
}

/// True for a word that states a change ("rose", "cut", "reduced").
pub(crate) fn is_change_word(lower: &str) -> bool {
    RISE.contains(&lower)
        || FALL.contains(&lower)
        || matches!(
            lower,
            "revised" | "changed" | "moved" | "went" | "lowered" | "widened" | "narrowed"
        )
}

/// True for a word that ends some phrase of [`BEFORE`], checked before any phrase is tried.
fn is_final_word(lower: &str) -> bool {
    static FINAL: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        BEFORE
            .iter()
            .map(|p| p.rsplit(' ').next().unwrap_or(p))
            .collect()
    });
    FINAL.contains(lower)
}

/// The longest phrase of `phrases` whose words end just before token `end`.
fn phrase_ending_at(toks: &[Token], end: usize, phrases: &[&str]) -> Option<Qualifier> {
    let mut best: Option<(usize, &str)> = None;
    let last = end.checked_sub(1).and_then(|l| toks.get(l))?;
    if last.kind != Kind::Word {
        return None;
    }
    if !is_final_word(&last.text.to_ascii_lowercase()) {
        return None;
    }
    for phrase in phrases {
        let final_word = phrase.rsplit(' ').next().unwrap_or(phrase);
        if !last.text.eq_ignore_ascii_case(final_word) {
            continue;
        }
        let n = phrase.split(' ').count();
        let Some(start) = end.checked_sub(n) else {
            continue;
        };
        if words_at(toks, start, phrase) == Some(n) && best.is_none_or(|(b, _)| start < b) {
            best = Some((start, phrase));
        }
    }
    best.map(|(at, phrase)| Qualifier {
        text: common_form(phrase).to_string(),
        at,
    })
}

/// The number of tokens `phrase` (space-separated lower-case words) takes at token `at`.
fn words_at(toks: &[Token], at: usize, phrase: &str) -> Option<usize> {
    let mut n = 0;
    for word in phrase.split(' ') {
        let tok = toks.get(at + n)?;
        if tok.kind != Kind::Word || !tok.text.eq_ignore_ascii_case(word) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod bound_tests {
    use super::{bound, Bound, BEFORE, FIRST_APPROX, FIRST_UPPER};

    #[test]
    fn qualifiers_read_as_bounds() {
        assert!(BEFORE.contains(&FIRST_UPPER) && BEFORE.contains(&FIRST_APPROX));
        assert_eq!(bound(None), Bound::Exact);
        assert_eq!(bound(Some("more than")), Bound::AtLeast);
        assert_eq!(bound(Some("a minimum of")), Bound::AtLeast);
        assert_eq!(bound(Some("or more")), Bound::AtLeast);
        assert_eq!(bound(Some("up to")), Bound::AtMost);
        assert_eq!(bound(Some("as low as")), Bound::AtMost);
        assert_eq!(bound(Some("an estimated")), Bound::About);
        assert_eq!(bound(Some("nearly")), Bound::JustUnder);
        assert_eq!(bound(Some("down")), Bound::Change);
        assert_eq!(bound(Some("unheard of")), Bound::Exact);
    }
}
