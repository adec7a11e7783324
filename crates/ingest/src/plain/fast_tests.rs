//! Differential tests: each fast path of this module against the plain definition it replaces
//! (collapse, the markdown literal prefilter, word-count early exits, caption/repeat keys).

use super::paragraphs::same_key;
use super::words::{is_collapsed, is_collapsed_unicode, words_up_to};
use super::*;
use proptest::prelude::*;

/// Text soup rich in what the fast paths special-case: ASCII and Unicode spaces, markdown
/// literals, chars whose lowercase changes length or leaves ASCII.
const SOUP: &str = "[a-zA-Z0-9 \t\n\r\u{0b}\u{0c}\u{85}\u{a0}\u{1680}\u{2003}\u{2028}\u{202f}\u{205f}\u{3000}\u{200b}éΣİK中#*\\[\\]()<>:/`!_~-]{0,60}";

fn collapse_reference(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn markdown_reference(text: &str) -> bool {
    let end = (0..=text.len().min(64 * 1024))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    MD_SIGNAL.is_match(&text[..end])
}

#[test]
fn collapse_keeps_collapsed_text_and_fixes_the_rest() {
    for s in [
        "",
        " ",
        "a",
        "a b",
        "a  b",
        " a",
        "a ",
        "a\tb",
        "a\u{a0}b",
        "a\u{3000}b",
        "中文 a",
    ] {
        assert_eq!(collapse(s), collapse_reference(s), "{s:?}");
    }
    assert!(is_collapsed("one two"));
    for s in ["a  b", " a", "a ", "a\tb", "a\u{0b}b", "", "a b c"] {
        assert_eq!(is_collapsed(s), is_collapsed_unicode(s), "{s:?}");
    }
    assert_eq!(
        word_count(" a\u{a0}b\u{3000}\u{85}c\u{2028}d é\u{200b}f "),
        5
    );
    assert!(!is_collapsed("one\u{2003}two"));
}

#[test]
fn markdown_prefilter_keeps_every_signal() {
    for md in [
        "# Title",
        "   ## Sub",
        "see [x](#)",
        "![i](u)",
        "<https://x.test/>",
        "**bold words**",
        "[1]: https://x.test/",
        "```",
        "#\nx",
    ] {
        assert!(looks_like_markdown(md), "{md:?}");
    }
    assert!(!looks_like_markdown("Plain prose, no markup at all."));
}

proptest! {
    #[test]
    fn collapse_equals_split_and_join(s in SOUP) {
        prop_assert_eq!(collapse(&s), collapse_reference(&s));
    }

    #[test]
    fn ascii_fast_paths_equal_the_general_scans(s in "[a-z \t\n\r\u{0b}\u{0c}.]{0,200}", n in 0usize..12) {
        prop_assert_eq!(is_collapsed(&s), is_collapsed_unicode(&s));
        prop_assert_eq!(is_collapsed(&s), collapse_reference(&s) == s);
        prop_assert_eq!(words_up_to(&s, n), s.split_whitespace().count().min(n));
    }

    #[test]
    fn markdown_prefilter_never_changes_the_answer(s in SOUP) {
        prop_assert_eq!(looks_like_markdown(&s), markdown_reference(&s));
    }

    #[test]
    fn word_counts_equal_split_whitespace(s in SOUP, n in 0usize..8) {
        let count = s.split_whitespace().count();
        prop_assert_eq!(word_count(&s), count);
        prop_assert_eq!(more_words_than(&s, n), count > n);
        prop_assert_eq!(at_least_words(&s, n), count >= n);
    }

    #[test]
    fn same_key_equals_lowercase_equality(a in SOUP, b in SOUP) {
        prop_assert_eq!(same_key(&a, &b), a.to_lowercase() == b.to_lowercase());
        let upper = a.to_uppercase();
        prop_assert_eq!(same_key(&a, &upper), a.to_lowercase() == upper.to_lowercase());
    }
}
