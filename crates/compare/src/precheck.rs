//! The cheap scan in front of the extractors: whether a text can hold a quote or a number
//! at all, so that bodies holding neither (lists, tables, text in no language the rules
//! read) are not split into sentences and tokenised for nothing.
//!
//! Returns booleans: `true` promises nothing, `false` promises the extractor would find
//! none. Each extractor owns its own test ([`crate::quotes`]'s marks and clause words,
//! [`crate::numbers`]'s digits and number words); this module holds the one pass over a
//! text's ASCII words that both use. Must not allocate.

use std::ops::RangeInclusive;

/// Longest word [`any_ascii_word`] can test.
pub(crate) const MAX_WORD: usize = 16;

/// True when some maximal run of ASCII letters in `text`, with a length in `lengths`
/// (at most [`MAX_WORD`]), lower-cased, satisfies `is`. A word of the extractors' tokens
/// made of ASCII letters only is such a run, so a rule on those words that `is` accepts
/// can only fire when this is true.
pub(crate) fn any_ascii_word(
    text: &[u8],
    lengths: RangeInclusive<usize>,
    is: impl Fn(&[u8]) -> bool,
) -> bool {
    debug_assert!(*lengths.end() <= MAX_WORD);
    let mut buf = [0u8; MAX_WORD];
    text.split(|b| !b.is_ascii_alphabetic())
        .filter(|w| lengths.contains(&w.len()))
        .any(|w| {
            let lower = &mut buf[..w.len()];
            for (slot, b) in lower.iter_mut().zip(w) {
                *slot = b.to_ascii_lowercase();
            }
            is(lower)
        })
}

#[cfg(test)]
mod tests {
    use super::any_ascii_word;

    #[test]
    fn words_are_whole_ascii_letter_runs_lower_cased() {
        let said = |w: &[u8]| w == b"said";
        assert!(any_ascii_word(b"She SAID so.", 1..=16, said));
        assert!(any_ascii_word(b"x-said,", 1..=16, said));
        assert!(!any_ascii_word(b"unsaid saids", 1..=16, said));
        assert!(!any_ascii_word(b"said", 5..=16, said));
        // A non-ASCII letter ends a run.
        assert!(any_ascii_word("\u{e9}said".as_bytes(), 1..=16, said));
    }
}
