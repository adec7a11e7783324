//! `samestory_compare::compare_story` on arbitrary text cut into up to four documents (by
//! form feeds), in two duplicate groups, the last one borrowing its first half: never
//! panics, and every span in the comparison points at exactly the text it reports.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_compare::{compare_story, extract_facts, sentences, CompareConfig, Member};

fuzz_target!(|text: &str| {
    let config = CompareConfig::default();
    let bodies: Vec<&str> = text.split('\u{c}').take(4).collect();
    let ids = ["a", "b", "c", "d"];
    let facts: Vec<_> = bodies.iter().map(|b| extract_facts(b, None, &config)).collect();
    let splits: Vec<_> = bodies.iter().map(|b| sentences(b, None)).collect();
    let borrowed: Vec<Vec<[usize; 2]>> = bodies
        .iter()
        .enumerate()
        .map(|(k, b)| match k + 1 == bodies.len() && k > 0 {
            true => vec![[0, b.chars().count() / 2]],
            false => Vec::new(),
        })
        .collect();
    let members: Vec<Member<'_>> = (0..bodies.len())
        .map(|k| Member {
            id: ids[k],
            group: ids[k % 2],
            representative: k < 2,
            date: None,
            lang: None,
            body: bodies[k],
            sentences: &splits[k],
            facts: &facts[k],
            borrowed: &borrowed[k],
        })
        .collect();
    let c = compare_story(&members, &config);
    let body_of = |doc: &str| bodies[ids.iter().position(|i| *i == doc).unwrap()];
    let check = |doc: &str, [start, end]: [usize; 2], said: &str| {
        let at: String = body_of(doc).chars().skip(start).take(end - start).collect();
        assert_eq!(at, said, "{doc} {start}..{end}");
    };
    for s in &c.quotes {
        for q in &s.quotes {
            for v in &q.variants {
                check(&v.doc, v.span, &v.text);
            }
        }
    }
    for q in &c.numbers {
        for v in &q.values {
            check(&v.doc, v.span, &v.text);
        }
    }
    for claim in &c.agreed {
        assert!(claim.groups.len() >= 2);
        let first = claim.docs[0].as_str();
        check(first, claim.spans[first], &claim.claim);
    }
    for (doc, passages) in &c.unique {
        for p in passages {
            check(doc, p.span, &p.text);
        }
    }
});
