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
