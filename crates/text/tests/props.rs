//! Property tests: token offsets always point at the original words, whatever the input.

use proptest::prelude::*;
use samestory_text::{normalize, quote_spans, token_hashes, tokens, word_hash};

fn texty() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[a-zA-Z0-9 ,.'’“”\"«»—\\-\n éÜЖж日ﬁＡß]{0,80}").unwrap()
}

proptest! {
    #[test]
    fn offsets_slice_back_to_the_word(body in texty()) {
        let chars: Vec<char> = body.chars().collect();
        let mut last = 0;
        for t in tokens(&body) {
            prop_assert!(t.start < t.end && t.end <= chars.len() && t.start >= last);
            last = t.end;
            let orig: String = chars[t.start..t.end].iter().collect();
            prop_assert_eq!(normalize(&orig), t.text);
        }
    }

    #[test]
    fn hashes_match_tokens(body in texty()) {
        let a: Vec<_> = tokens(&body).iter().map(|t| (word_hash(&t.text), t.start, t.end)).collect();
        let b: Vec<_> = token_hashes(&body).iter().map(|t| (t.hash, t.start, t.end)).collect();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn quote_spans_sorted_disjoint_in_range(body in texty()) {
        let n = body.chars().count();
        let spans = quote_spans(&body);
        for w in spans.windows(2) {
            prop_assert!(w[0].end <= w[1].start);
        }
        prop_assert!(spans.iter().all(|r| r.start < r.end && r.end <= n));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    /// The ASCII fast path segments exactly like unicode-segmentation.
    #[test]
    fn ascii_fast_path_matches_uax29(body in "[abZ09_:.,;' \"\n\t-]{0,40}") {
        use unicode_segmentation::UnicodeSegmentation;
        let want: Vec<(usize, usize)> = body.unicode_word_indices().map(|(b, w)| (b, b + w.len())).collect();
        let got: Vec<(usize, usize)> = tokens(&body).iter().map(|t| (t.start, t.end)).collect();
        prop_assert_eq!(got, want);
    }

    /// The same across the 64-byte blocks of the fast path (words, joins and runs that
    /// straddle a block edge).
    #[test]
    fn ascii_fast_path_matches_uax29_across_blocks(body in "[aZ09_.,' ]{0,8}([ab9]{1,70}[.,' _]{1,2}){0,9}") {
        use unicode_segmentation::UnicodeSegmentation;
        let want: Vec<(usize, usize)> = body.unicode_word_indices().map(|(b, w)| (b, b + w.len())).collect();
        let got: Vec<(usize, usize)> = tokens(&body).iter().map(|t| (t.start, t.end)).collect();
        prop_assert_eq!(got, want);
    }

    /// normalize's ASCII fast path equals the general path (forced by a trailing "é").
    #[test]
    fn ascii_normalize_matches_general(body in "[abZ09 \n\t\u{0B}\u{0C}\u{1C}\r.,'-]{0,40}") {
        let general = normalize(&format!("{body}é"));
        let expect = general.strip_suffix('é').unwrap().trim_end().to_string();
        prop_assert_eq!(normalize(&body), expect);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    /// The ASCII word-hash fast path (SWAR lowercasing, reads past the word) equals
    /// `word_hash` of the normalised token, for short, 16-byte and long words at any position.
    #[test]
    fn ascii_hashes_match_tokens(body in "([a-zA-Z0-9]{1,24}[ .,'\n]{1,2}){0,12}") {
        let a: Vec<_> = tokens(&body).iter().map(|t| (word_hash(&t.text), t.start, t.end)).collect();
        let b: Vec<_> = token_hashes(&body).iter().map(|t| (t.hash, t.start, t.end)).collect();
        prop_assert_eq!(a, b);
    }
}
