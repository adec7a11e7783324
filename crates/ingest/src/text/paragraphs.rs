//! Paragraph-level cleaning, once lines are joined: photo captions (a paragraph right above a
//! removed credit that repeats another paragraph, or is short and unpunctuated), verbatim
//! repeats of a paragraph (the first copy stays), and stray fragments ending the body
//! ("Route 6"-like leftovers of page furniture).
//!
//! Each dropped paragraph goes to `removed` under its first source line. Short real sentences
//! survive every rule: a sentence ends with punctuation, and only long paragraphs count as
//! repeats.

use super::wrap::Para;
use super::{ends_sentence, word_count};
use samestory_core::{IngestConfig, RemovedLine};
use std::collections::HashSet;

/// Drops captions, repeated paragraphs and a stray tail from `paras`.
pub(crate) fn tidy(paras: &mut Vec<Para>, removed: &mut Vec<RemovedLine>, cfg: &IngestConfig) {
    let captions = (0..paras.len())
        .map(|k| is_caption(paras, k, cfg).then_some("caption"))
        .collect();
    drop_marked(paras, captions, removed);
    let repeats = repeated(paras, cfg);
    drop_marked(paras, repeats, removed);
    drop_stray_tail(paras, removed, cfg);
}

fn key(text: &str) -> String {
    text.to_lowercase()
}

/// A paragraph directly above a credit line that repeats another paragraph, or is short and
/// has no sentence punctuation.
fn is_caption(paras: &[Para], k: usize, cfg: &IngestConfig) -> bool {
    let p = &paras[k];
    if !p.before_credit {
        return false;
    }
    let k_key = key(&p.text);
    let repeats = paras
        .iter()
        .enumerate()
        .any(|(j, q)| j != k && key(&q.text) == k_key);
    repeats || (!ends_sentence(&p.text) && word_count(&p.text) <= cfg.caption_max_words)
}

/// Marks every paragraph that repeats an earlier one verbatim (long ones only).
fn repeated(paras: &[Para], cfg: &IngestConfig) -> Vec<Option<&'static str>> {
    let mut seen = HashSet::new();
    let mut mark = |p: &Para| {
        let long = word_count(&p.text) >= cfg.duplicate_min_words;
        (!seen.insert(key(&p.text)) && long).then_some("duplicate")
    };
    paras.iter().map(&mut mark).collect()
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

/// Drops short unpunctuated paragraphs ending the body, as long as some body remains.
fn drop_stray_tail(paras: &mut Vec<Para>, removed: &mut Vec<RemovedLine>, cfg: &IngestConfig) {
    while paras.len() > 1 && paras.last().is_some_and(|p| is_fragment(&p.text, cfg)) {
        if let Some(p) = paras.pop() {
            removed.push(removed_para(&p, "stray-fragment"));
        }
    }
}

fn is_fragment(text: &str, cfg: &IngestConfig) -> bool {
    word_count(text) <= cfg.stray_fragment_max_words && !ends_sentence(text) && !text.ends_with(':')
}
