//! Story candidates for a query: each stored document is posted under the content words of
//! its title and of its lead (the first [`LEAD_WORDS`] words of its body), so that an article
//! that copies nothing can still find the documents that tell its story. The candidates are
//! then scored by the story crate's `pair_score` — the same `story_score` that
//! `samestory similarity` gives — and the best one at or above `story.join_threshold` names
//! the story the article would join.
//!
//! Must not: decide which story a stored document is in; the refresh does that.

use samestory_core::Document;
use samestory_story::lexicon::is_content;
use samestory_text::{tokens, word_hash};

/// Body words read for the lead.
pub const LEAD_WORDS: usize = 80;

/// Terms posted per document at most.
const MAX_TERMS: usize = 48;

/// Shortest lead word posted (in bytes): short words are too common to find a story.
const MIN_LEAD_WORD: usize = 4;

/// The terms a document is posted under (32-bit word hashes, distinct, title first).
pub fn story_terms(doc: &Document) -> Vec<u32> {
    let title = doc.meta.title.as_deref().unwrap_or("");
    let title_words = tokens(title).into_iter().filter(|t| is_content(&t.text));
    let lead_words = tokens(lead(&doc.body))
        .into_iter()
        .take(LEAD_WORDS)
        .filter(|t| t.text.len() >= MIN_LEAD_WORD && is_content(&t.text));
    let mut out: Vec<u32> = Vec::with_capacity(MAX_TERMS);
    for t in title_words.chain(lead_words) {
        let h = (word_hash(&t.text) >> 32) as u32;
        if !out.contains(&h) {
            out.push(h);
            if out.len() == MAX_TERMS {
                break;
            }
        }
    }
    out
}

/// The start of `body` long enough to hold [`LEAD_WORDS`] words.
fn lead(body: &str) -> &str {
    let mut end = body.len().min(LEAD_WORDS * 12);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::Format;

    #[test]
    fn title_and_lead_content_words_are_posted_once() {
        let mut d = Document::new(
            "a",
            Format::Text,
            "Floods hit the Westmere valley. Floods rose.",
        );
        d.meta.title = Some("The Westmere floods".into());
        let terms = story_terms(&d);
        let h = |w: &str| (word_hash(w) >> 32) as u32;
        assert_eq!(terms[..2], [h("westmere"), h("floods")]);
        assert!(terms.contains(&h("valley")));
        assert!(!terms.contains(&h("the")), "stop words are not posted");
        assert!(
            !terms.contains(&h("hit")),
            "short lead words are not posted"
        );
        assert_eq!(terms.len(), 4, "{terms:?}");
    }

    #[test]
    fn the_lead_ends_on_a_char_boundary() {
        let body = "é".repeat(2000);
        assert!(lead(&body).len() <= LEAD_WORDS * 12);
    }
}
