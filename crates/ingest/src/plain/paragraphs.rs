//! Paragraph-level cleaning, once lines are joined: photo captions (a paragraph right above a
//! removed credit that repeats another paragraph, or is short and unpunctuated), verbatim
//! repeats of the paragraph before (the first copy stays), and stray fragments ending the body
//! ("Route 6"-like leftovers of page furniture).
//!
//! Each dropped paragraph goes to `removed` under its first source line. Short real sentences
//! survive every rule: a sentence ends with punctuation, and only long paragraphs count as
//! repeats.

use super::wrap::Para;
use super::{at_least_words, ends_sentence, word_count};
use samestory_core::{IngestConfig, RemovedLine};
use std::collections::HashMap;

/// At most this many stray fragments end a body; more in a row are a list, and stay.
const STRAY_TAIL_MAX: usize = 2;

/// A stray fragment averages at most this many chars a word.
const FRAGMENT_CHARS_PER_WORD: usize = 10;

/// Drops captions, repeated paragraphs and a stray tail from `paras`.
pub(crate) fn tidy(paras: &mut Vec<Para>, removed: &mut Vec<RemovedLine>, cfg: &IngestConfig) {
    let captions = captions(paras, cfg);
    drop_marked(paras, captions, removed);
    let repeats = repeated(paras, cfg);
    drop_marked(paras, repeats, removed);
    drop_stray_tail(paras, removed, cfg);
}

fn key(text: &str) -> String {
    text.to_lowercase()
}

/// `key(a) == key(b)`; ASCII text is compared in place (its lowercase is per byte).
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    key(a) == key(b)
}

/// Marks paragraphs directly above a credit line that repeat another paragraph, or are short
/// and have no sentence punctuation.
fn captions(paras: &[Para], cfg: &IngestConfig) -> Vec<Option<&'static str>> {
    if !paras.iter().any(|p| p.before_credit) {
        return vec![None; paras.len()];
    }
    let mut copies: HashMap<String, usize> = HashMap::new();
    for p in paras.iter().filter(|p| p.before_credit) {
        copies.insert(key(&p.text), 0);
    }
    for p in paras {
        copies.entry(key(&p.text)).and_modify(|n| *n += 1);
    }
    let is_caption = |p: &Para| {
        let repeats = || copies.get(&key(&p.text)).is_some_and(|&n| n > 1);
        let short = || !ends_sentence(&p.text) && word_count(&p.text) <= cfg.caption_max_words;
        p.before_credit && (repeats() || short())
    };
    paras
        .iter()
        .map(|p| is_caption(p).then_some("caption"))
        .collect()
}

/// Marks every paragraph that repeats the one before it verbatim (long ones only: a short
/// sentence may well be said twice, and lists repeat items far apart on purpose).
fn repeated(paras: &[Para], cfg: &IngestConfig) -> Vec<Option<&'static str>> {
    let mut marks = vec![None];
    for pair in paras.windows(2) {
        let long = at_least_words(&pair[1].text, cfg.duplicate_min_words);
        let same = long && same_key(&pair[0].text, &pair[1].text);
        marks.push(same.then_some("duplicate"));
    }
    marks.truncate(paras.len());
    marks
}

/// Removes the paragraphs marked `Some(reason)`.
fn drop_marked(
    paras: &mut Vec<Para>,
    marks: Vec<Option<&'static str>>,
    removed: &mut Vec<RemovedLine>,
) {
    let mut marks = marks.into_iter();
    paras.retain(|p| match marks.next().flatten() {
        Some(reason) => {
            removed.push(removed_para(p, reason));
            false
        }
        None => true,
    });
}

fn removed_para(p: &Para, reason: &str) -> RemovedLine {
    RemovedLine {
        line: p.line,
        text: p.text.clone(),
        reason: reason.to_string(),
    }
}

/// Drops the short unpunctuated paragraphs ending the body ("Route 6"); see [`stray_tail`].
fn drop_stray_tail(paras: &mut Vec<Para>, removed: &mut Vec<RemovedLine>, cfg: &IngestConfig) {
    let run = stray_tail(paras.iter().map(|p| p.text.as_str()), cfg);
    for p in paras.split_off(paras.len() - run) {
        removed.push(removed_para(&p, "stray-fragment"));
    }
}

/// How many of the last `paras` are a stray tail: short unpunctuated fragments, as long as
/// some body remains and there are at most [`STRAY_TAIL_MAX`] of them (a longer run is a
/// list). Zero when there is no such tail.
pub(crate) fn stray_tail<'a>(
    paras: impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator,
    cfg: &IngestConfig,
) -> usize {
    let total = paras.len();
    let run = paras.rev().take_while(|p| is_fragment(p, cfg)).count();
    if run > STRAY_TAIL_MAX || run >= total {
        return 0;
    }
    run
}

/// A few short words without sentence punctuation. Words are counted so that scripts
/// written without spaces count each character (a Japanese sentence is not one word), and a
/// fragment is short in chars too.
fn is_fragment(text: &str, cfg: &IngestConfig) -> bool {
    let words = word_count(text) + text.chars().filter(|&c| is_cjk(c)).count();
    let max = cfg.stray_fragment_max_words;
    let short = words <= max && text.chars().count() <= max * FRAGMENT_CHARS_PER_WORD;
    short && !ends_sentence(text) && !text.ends_with(':')
}

/// Kana, CJK ideographs and Hangul: scripts whose words are not separated by spaces.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}
