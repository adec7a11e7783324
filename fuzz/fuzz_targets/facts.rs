//! `samestory_compare::extract_facts` on arbitrary text: never panics, and every quote's and
//! number's span points at exactly its text (char offsets into the body).
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_compare::{extract_facts, CompareConfig};

fuzz_target!(|text: &str| {
    let facts = extract_facts(text, Some("eng"), &CompareConfig::default());
    let chars: Vec<char> = text.chars().collect();
    let spans = facts
        .quotes
        .iter()
        .map(|q| (q.span, &q.text))
        .chain(facts.numbers.iter().map(|n| (n.span, &n.text)));
    for ([start, end], said) in spans {
        assert!(start <= end && end <= chars.len(), "span {start}..{end}");
        let at: String = chars[start..end].iter().collect();
        assert_eq!(&at, said);
    }
});
