//! Attribution phrases around a speech verb: the subject noun phrase before it ("Hugh Hill,
//! a doctor, said"), the inverted subject after it ("said Maj. Gen. X"), and the
//! attribution next to a quotation (`"…," X said` / `X said: "…"`).
//!
//! Returns token ranges ([`Attr`]); resolving them to a person is the speaker module's
//! job. Every search is bounded to a few tokens, so the cost stays linear in the body.

use super::lexicon;
use super::tokens::{Kind, Token};
use crate::calendar::is_weekday;
use std::ops::Range;

/// A speech verb with the noun phrase of its speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attr {
    /// Token range of the speaker's noun phrase.
    pub subject: Range<usize>,
    /// Token index of the verb.
    pub verb: usize,
}

/// Longest subject noun phrase, in tokens.
const MAX_NP: usize = 12;

/// True when token `t` is a finite speech verb.
fn is_finite_speech_verb(t: &Token) -> bool {
    t.is_word() && t.verb.is_some_and(|v| v.finite)
}

/// The noun phrase ending right before token `end`, not reaching below `floor`: words
/// leftwards up to a determiner, a clause word or punctuation.
fn np_left(tokens: &[Token], end: usize, floor: usize) -> Option<Range<usize>> {
    if end <= floor {
        return None;
    }
    let last = &tokens[end - 1];
    if last.is_word() && lexicon::pronoun(last.lower).is_some() {
        return Some(end - 1..end);
    }
    let mut start = end;
    while start > floor && end - start < MAX_NP {
        let t = &tokens[start - 1];
        if !t.is_word() {
            break;
        }
        let w = t.lower;
        if matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "one" | "some"
        ) {
            start -= 1;
            break;
        }
        if lexicon::is_clause_word(w) && !t.is_cap() || lexicon::pronoun(w).is_some() {
            break;
        }
        if t.verb.is_some() {
            break;
        }
        if w == "of" || w == "for" {
            // "head of the agency", "spokesman for the port": part of the phrase only
            // when a word comes before it.
            if start >= 2 && tokens[start - 2].is_word() {
                start -= 1;
                continue;
            }
            break;
        }
        start -= 1;
    }
    (start < end).then_some(start..end)
}

/// The subject of speech verb `verb`, searched between `floor` and the verb.
pub fn subject_before(tokens: &[Token], verb: usize, floor: usize) -> Option<Range<usize>> {
    let np = raw_subject_before(tokens, verb, floor)?;
    let np = strip_openers(tokens, np)?;
    let words: Vec<&Token> = tokens[np.clone()].iter().filter(|t| t.is_word()).collect();
    // "his claims", "the reports": the verb form is a noun.
    if let [only] = words.as_slice() {
        if matches!(
            only.lower,
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
        ) {
            return None;
        }
    }
    let plural_noun_form = lexicon::is_noun_like_verb(tokens[verb].lower);
    let named = words
        .iter()
        .any(|t| t.is_cap() || lexicon::pronoun(t.lower).is_some());
    if plural_noun_form && !named {
        return None;
    }
    Some(np)
}

/// `np` without the sentence openers at its front ("But", "When", "Finally").
fn strip_openers(tokens: &[Token], np: Range<usize>) -> Option<Range<usize>> {
    let mut start = np.start;
    while start < np.end {
        let t = &tokens[start];
        let opener =
            t.is_cap() && (t.lower.ends_with("ly") || lexicon::is_sentence_opener(t.lower));
        if !opener {
            break;
        }
        start += 1;
    }
    (start < np.end).then_some(start..np.end)
}

fn raw_subject_before(tokens: &[Token], verb: usize, floor: usize) -> Option<Range<usize>> {
    let mut end = verb;
    while end > floor
        && tokens[end - 1].is_word()
        && (lexicon::is_verb_filler(tokens[end - 1].lower)
            || tokens[end - 1].lower.ends_with("ly") && !tokens[end - 1].is_cap()
            || is_day(tokens, end - 1, floor))
    {
        end -= 1;
    }
    if end > floor && tokens[end - 1].is(',') {
        return apposition_before(tokens, end - 1, floor)
            .or_else(|| long_apposition(tokens, end - 1, floor));
    }
    if end > floor + 1 && tokens[end - 1].lower == "who" && tokens[end - 2].is(',') {
        return np_left(tokens, end - 2, floor);
    }
    if let Some(head) = relative_head(tokens, end, floor) {
        return Some(head);
    }
    let np = np_left(tokens, end, floor)?;
    // "Kuleba in a tweet said": skip a short prepositional phrase.
    let before = np.start.checked_sub(1).map(|i| &tokens[i]);
    if np.len() <= 3
        && !tokens[np.clone()].iter().any(|t| t.is_cap())
        && np.start > floor
        && before.is_some_and(|t| t.is_word() && lexicon::is_adverbial_opener(t.lower))
    {
        if let Some(outer) = np_left(tokens, np.start - 1, floor) {
            // The phrase keeps its prepositional part ("sources familiar with the talks").
            return Some(outer.start..np.end);
        }
    }
    Some(np)
}

/// "Shop owners who asked not to be named said": the phrase before a "who" clause that
/// runs up to the verb at `end` without punctuation.
fn relative_head(tokens: &[Token], end: usize, floor: usize) -> Option<Range<usize>> {
    let from = end.saturating_sub(15).max(floor);
    let who = (from..end)
        .rev()
        .take_while(|&k| tokens[k].is_word())
        .find(|&k| tokens[k].lower == "who")?;
    let head = np_left(tokens, who, floor)?;
    Some(head.start..end)
}

/// True when token `k` is a day ("Tuesday", "on Tuesday"'s "on", "today"): a time word
/// between a speaker and the verb.
fn is_day(tokens: &[Token], k: usize, floor: usize) -> bool {
    let day = |w: &str| is_weekday(w) || matches!(w, "today" | "yesterday" | "tonight");
    day(tokens[k].lower)
        || matches!(tokens[k].lower, "on" | "last" | "this")
            && k + 1 < tokens.len()
            && k > floor
            && day(tokens[k + 1].lower)
}

/// "NAME, chief executive of a company that …, said": a name opening the sentence, then
/// a long description up to the comma at `comma` before the verb.
fn long_apposition(tokens: &[Token], comma: usize, floor: usize) -> Option<Range<usize>> {
    let first_comma = (floor..comma).find(|&k| tokens[k].is(','))?;
    if comma - floor > 45 {
        return None;
    }
    let head = np_left(tokens, first_comma, floor)?;
    let head = strip_openers(tokens, head)?;
    let opens = head.start == floor
        || tokens[floor..head.start]
            .iter()
            .all(|t| t.is_cap() && lexicon::is_capitalised_stopword(t.lower));
    let named = tokens[head.clone()].iter().any(|t| t.is_cap());
    (opens && named && !tokens[head.clone()].iter().any(Token::is_quote_mark))
        .then_some(head.start..comma)
}

/// "NAME, a doctor," or "the spokesman, NAME," before the comma at `comma`.
fn apposition_before(tokens: &[Token], comma: usize, floor: usize) -> Option<Range<usize>> {
    let second = np_left(tokens, comma, floor)?;
    if second.start <= floor + 1 || !tokens[second.start - 1].is(',') {
        return None;
    }
    let first = np_left(tokens, second.start - 1, floor)?;
    let has_name = |r: &Range<usize>| tokens[r.clone()].iter().any(|t| t.is_cap());
    (has_name(&first) || has_name(&second)).then_some(first.start..comma)
}

/// The inverted subject after speech verb `verb` ("said Maj. Gen. X, the commander"),
/// before `ceil`.
pub fn subject_after(tokens: &[Token], verb: usize, ceil: usize) -> Option<Range<usize>> {
    let mut first = np_right(tokens, verb + 1, ceil)?;
    // "said oil and gas worker Jane Roe": reach the name after a lower-case description.
    if !tokens[first.clone()].iter().any(|t| t.is_cap()) {
        let limit = ceil.min(first.start + 9);
        let name = (first.end..limit)
            .take_while(|&k| tokens[k].is_word())
            .find(|&k| tokens[k].is_cap());
        if let Some(k) = name {
            let mut end = k;
            while end < ceil && tokens[end].is_cap() {
                end += 1;
            }
            first = first.start..end;
        }
    }
    let has_name = tokens[first.clone()].iter().any(|t| t.is_cap());
    let comma = first.end;
    if !has_name && comma < ceil && tokens[comma].is(',') {
        if let Some(second) = np_right(tokens, comma + 1, ceil) {
            if tokens[second.clone()].iter().any(|t| t.is_cap()) {
                return Some(first.start..second.end);
            }
        }
    }
    Some(first)
}

/// The noun phrase starting at token `start`: words up to punctuation or a clause word.
fn np_right(tokens: &[Token], start: usize, ceil: usize) -> Option<Range<usize>> {
    // "said of the plan", "said Tuesday": no subject here.
    let first = tokens.get(start).filter(|_| start < ceil)?;
    if lexicon::is_adverbial_opener(first.lower) || is_day(tokens, start, 0) {
        return None;
    }
    let mut end = start;
    while end < ceil && end - start < MAX_NP {
        let t = &tokens[end];
        if !t.is_word() {
            break;
        }
        let w = t.lower;
        let determiner = matches!(w, "the" | "a" | "an" | "his" | "her" | "its" | "their");
        if end > start && (lexicon::is_clause_word(w) || lexicon::is_adverbial_opener(w)) {
            if !(w == "of" || w == "for") || !tokens.get(end + 1).is_some_and(|n| n.is_word()) {
                break;
            }
        } else if end == start && lexicon::is_clause_word(w) && !determiner {
            return (lexicon::pronoun(w).is_some()).then(|| start..start + 1);
        }
        end += 1;
    }
    (end > start).then_some(start..end)
}

/// The attribution right after a quotation whose closing mark is the token before
/// `after`: `"…," X said` or `"…," said X`, within the sentence (before `ceil`).
pub fn after_quote(tokens: &[Token], after: usize, ceil: usize) -> Option<Attr> {
    if let Some(attr) = dash_signature(tokens, after, ceil) {
        return Some(attr);
    }
    let mut i = after;
    while i < ceil && (tokens[i].is(',') || tokens[i].is('—') || tokens[i].is('–')) {
        i += 1;
    }
    if i >= ceil {
        return None;
    }
    if is_finite_speech_verb(&tokens[i]) {
        let subject = subject_after(tokens, i, ceil)?;
        return Some(Attr { subject, verb: i });
    }
    let limit = ceil.min(i + MAX_NP + 4);
    let verb = (i..limit)
        .take_while(|&k| !tokens[k].ends_sentence() && !tokens[k].is_quote_mark())
        .find(|&k| is_finite_speech_verb(&tokens[k]) && !tokens[k].is_cap())?;
    let subject = subject_before(tokens, verb, i)?;
    (subject.start == i).then_some(Attr { subject, verb })
}

/// `"…" — Jane Roe`: a name signed after a dash right behind the closing mark.
fn dash_signature(tokens: &[Token], after: usize, ceil: usize) -> Option<Attr> {
    let dash = tokens.get(after).filter(|_| after < ceil)?;
    if !matches!(dash.kind, Kind::Punct('—' | '–' | '―')) {
        return None;
    }
    let mut end = after + 1;
    while end < ceil && end - after <= 5 && tokens[end].is_cap() {
        end += 1;
    }
    let signed_off = tokens.get(end).is_none_or(|t| {
        end >= ceil || matches!(t.kind, Kind::Punct('.' | ',' | '(') | Kind::Break)
    });
    (end > after + 1 && signed_off).then_some(Attr {
        subject: after + 1..end,
        verb: after,
    })
}

/// The attribution right before a quotation whose opening mark is token `open`:
/// `X said: "…"`, `X told the court: "…"`, `X said, "…"`; or the speaker of "called the
/// plan "…"". `floor` bounds the search (the sentence start or the previous quote).
pub fn before_quote(tokens: &[Token], open: usize, floor: usize) -> Option<Attr> {
    let colon = open > floor && (tokens[open - 1].is(':') || tokens[open - 1].is(','));
    let reach = if colon { 9 } else { 4 };
    let from = open.saturating_sub(9).max(floor);
    let verb = (from..open)
        .rev()
        .take_while(|&k| !tokens[k].ends_sentence())
        .find(|&k| {
            let t = &tokens[k];
            let near = open - k <= reach;
            t.is_word()
                && !t.is_cap()
                && (near && t.verb.is_some() || lexicon::is_labelling_verb(t.lower))
        })?;
    let participle = !tokens[verb].lower.ends_with("ed") && tokens[verb].lower.ends_with("ing");
    let subject = subject_before(tokens, verb, floor)
        .or_else(|| inherited_subject(tokens, verb, floor))
        .or(participle.then_some(verb..verb))?;
    // "… tell stories about "firsts."": a few words in marks are the verb's own words only
    // right after it, a colon or a comma.
    let adjacent = open == verb + 1 || tokens[open - 1].is(':') || tokens[open - 1].is(',');
    let words_inside = tokens[open..]
        .iter()
        .skip(1)
        .take_while(|t| !t.is_quote_mark())
        .filter(|t| t.is_word())
        .count();
    let labelling = lexicon::is_labelling_verb(tokens[verb].lower);
    (labelling || adjacent || words_inside >= 4).then_some(Attr { subject, verb })
}

/// The subject of an earlier speech verb of the same sentence, for "… and said", "…,
/// adding", "but warned".
pub fn inherited_subject(tokens: &[Token], verb: usize, floor: usize) -> Option<Range<usize>> {
    (floor..verb).rev().take(40).find_map(|k| {
        let t = &tokens[k];
        let speechy = t.is_word()
            && !t.is_cap()
            && (t.verb.is_some_and(|v| v.finite) || lexicon::is_labelling_verb(t.lower));
        if speechy {
            subject_before(tokens, k, floor)
        } else {
            None
        }
    })
}
