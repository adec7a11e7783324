//! Numbers that are not quantities: calendar years, dates, times of day, list numbering,
//! identifiers and names with digits ("Highway 35", "Boeing 777", "SCP-173", "no. 1"), and
//! numbers read as part of a larger code.
//!
//! Returns yes/no for a number at a token; must not read values or units itself.

use super::lexicon::{is_identifier_noun, is_month, is_stop_word};
use super::token::{Kind, Token};

/// Facts about one number that the tests below need.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Seen {
    /// Token index of the first digit or number word.
    pub start: usize,
    /// Token index after the number (scale included).
    pub end: usize,
    /// The value.
    pub value: f64,
    /// One run of digits without separators or scale.
    pub plain: bool,
    /// Its number of digits (0 for words).
    pub digits: usize,
}

/// True when the number is a day of a date ("February 15", "15 February", "nov. 6").
pub(crate) fn is_date_day(toks: &[Token], seen: Seen) -> bool {
    if !seen.plain || seen.digits > 2 || seen.value < 1.0 || seen.value > 31.0 {
        return false;
    }
    let mut before = seen.start.checked_sub(1);
    if let Some(b) = before.filter(|&b| toks[b].is_sym('.')) {
        before = b.checked_sub(1);
    }
    let month_before = before.is_some_and(|b| month_word(&toks[b]));
    let mut after = seen.end;
    if toks.get(after).is_some_and(|t| t.is("of")) {
        after += 1;
    }
    let month_after = toks.get(after).is_some_and(month_word);
    month_before || month_after
}

/// True for a month name.
fn month_word(tok: &Token) -> bool {
    tok.kind == Kind::Word && is_month(&tok.text.to_ascii_lowercase())
}

/// True when a time of day follows ("2 pm", "9am", "2.13 a.m.", "5 o'clock").
pub(crate) fn is_time_of_day(toks: &[Token], seen: Seen) -> bool {
    let Some(next) = toks.get(seen.end) else {
        return false;
    };
    if next.is("am") || next.is("pm") || next.is("o'clock") || next.is("o\u{2019}clock") {
        return true;
    }
    (next.is("a") || next.is("p"))
        && toks.get(seen.end + 1).is_some_and(|t| t.is_sym('.'))
        && toks.get(seen.end + 2).is_some_and(|t| t.is("m"))
}

/// True for list numbering: "1)" not opened by "(", "1." opening a sentence or line, or a
/// small number alone in brackets ("(34)", a reference).
pub(crate) fn is_list_marker(toks: &[Token], seen: Seen) -> bool {
    if !seen.plain || seen.digits > 2 {
        return false;
    }
    let next = toks.get(seen.end);
    let opened = seen
        .start
        .checked_sub(1)
        .is_some_and(|b| toks[b].is_sym('('));
    let closed = next.is_some_and(|t| t.is_sym(')') && !t.space_before);
    if closed && !opened {
        return true;
    }
    // "(34)" alone in brackets: a reference or a repeated figure ("four (4)").
    if closed && opened && !toks[seen.start].space_before {
        return true;
    }
    seen.start == 0
        && next.is_some_and(|t| t.is_sym('.') && !t.space_before)
        && toks.get(seen.end + 1).is_none_or(|t| t.space_before)
}

/// True when the number names something: an identifier noun before it ("highway 35",
/// "no. 1", "#3"), letters or a hyphenated word written onto it ("i7", "SCP-173",
/// "Covid-19"), or a "±" before it.
pub(crate) fn is_identifier(toks: &[Token], seen: Seen) -> bool {
    let Some(prev_at) = seen.start.checked_sub(1) else {
        return false;
    };
    let prev = toks[prev_at];
    let first = toks[seen.start];
    if prev.kind == Kind::Word && !first.space_before {
        return true;
    }
    if prev.is_sym('#') || prev.is_sym('±') || prev.is_sym('+') && !first.space_before {
        return true;
    }
    if prev.is_dash() && !first.space_before && !prev.space_before {
        let word_before = prev_at
            .checked_sub(1)
            .is_some_and(|b| toks[b].kind == Kind::Word);
        if word_before {
            return true;
        }
    }
    if !seen.plain {
        return false;
    }
    let mut noun_at = Some(prev_at);
    if prev.is_sym('.') {
        noun_at = prev_at.checked_sub(1);
    }
    noun_at.is_some_and(|n| {
        let t = toks[n];
        t.kind == Kind::Word && is_identifier_noun(&t.text.to_ascii_lowercase())
    })
}

/// True when a plain number follows a capitalised word inside a sentence ("Voyager 2",
/// "English 101", "VX 1234"): a name, unless that word is an ordinary function word.
pub(crate) fn follows_name(toks: &[Token], seen: Seen) -> bool {
    if !seen.plain && seen.digits > 0 {
        return false;
    }
    let Some(prev_at) = seen.start.checked_sub(1) else {
        return false;
    };
    let prev = toks[prev_at];
    let capital = prev.text.chars().next().is_some_and(char::is_uppercase);
    // "iPhone 14": a capital inside the word marks a name even at a sentence start.
    let inner_capital = prev.text.chars().skip(1).any(char::is_uppercase);
    if prev.kind == Kind::Word && (inner_capital || prev.text == "Year") {
        return true;
    }
    if prev.kind != Kind::Word || !capital || prev_at == 0 {
        return false;
    }
    let lower = prev.text.to_ascii_lowercase();
    !is_stop_word(&lower) && !is_month(&lower)
}

/// True for a number word capitalised inside a sentence before another capitalised word, or
/// a bare "zero" ("Ground Zero", "Zero Hedge", "Three Mile Island").
pub(crate) fn word_in_name(toks: &[Token], seen: Seen) -> bool {
    let first = toks[seen.start];
    if first.kind != Kind::Word {
        return false;
    }
    if first.is("zero") {
        return true;
    }
    let capital =
        |t: &Token| t.kind == Kind::Word && t.text.chars().next().is_some_and(char::is_uppercase);
    seen.start > 0 && capital(&first) && toks.get(seen.end).is_some_and(capital)
}

/// The token after a day-to-day span that follows a date ("September 16-19", "Sept. 19 to
/// 22").
pub(crate) fn date_span_end(toks: &[Token], seen: Seen) -> usize {
    let joiner = toks.get(seen.end);
    let joined =
        joiner.is_some_and(|t| t.is_dash() || t.is("to") || t.is("and") || t.is("through"));
    let day = toks
        .get(seen.end + 1)
        .is_some_and(|t| t.kind == Kind::Digits && t.text.len() <= 2);
    if joined && day {
        seen.end + 2
    } else {
        seen.end
    }
}

/// True for feet and inches written with marks ("6'3\"").
pub(crate) fn is_feet_and_inches(toks: &[Token], seen: Seen) -> bool {
    toks.get(seen.end).is_some_and(|t| {
        !t.space_before && (t.is_sym('\'') || t.is_sym('\u{2019}') || t.is_sym('\u{2032}'))
    }) && toks
        .get(seen.end + 1)
        .is_some_and(|t| t.kind == Kind::Digits && !t.space_before)
}

/// True for a calendar year: four plain digits from 1800 to 2100.
pub(crate) fn is_year(seen: Seen) -> bool {
    seen.plain && seen.digits == 4 && (1800.0..=2100.0).contains(&seen.value)
}
