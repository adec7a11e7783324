//! The seeds through the compare stage: every seed document yields its facts, and spans
//! point at the text they claim. Per-pattern checks live beside the extractors.

mod support;

#[test]
fn seed_spans_match_their_text() {
    let Some(seeds) = support::seed_facts() else {
        return;
    };
    for (doc, facts) in &seeds {
        let chars: Vec<char> = doc.body.chars().collect();
        let spans = facts
            .quotes
            .iter()
            .map(|q| (q.span, &q.text))
            .chain(facts.numbers.iter().map(|n| (n.span, &n.text)));
        for ([start, end], text) in spans {
            let at: String = chars[start..end].iter().collect();
            assert_eq!(&at, text, "{}: span {start}..{end}", doc.id);
        }
    }
}
