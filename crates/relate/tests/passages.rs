//! Property test: passages planted in unrelated text — reordered, one word edited — are
//! found as a reprint with char offsets within a few chars of where they were planted.

use proptest::prelude::*;
use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, Kind};

/// An invented word: `pool` keeps passage words and each text's filler words disjoint (a
/// filler word shared by chance next to a passage would rightly lengthen it by a word).
fn word(pool: u64, i: u64) -> String {
    let syl = [
        "ka", "to", "ri", "mo", "lu", "sen", "dar", "vi", "pe", "gon", "sha", "bel",
    ];
    let mut x = (pool << 40) ^ i.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut w = String::from(["x", "y", "z"][pool as usize]);
    for _ in 0..3 {
        x = x.rotate_left(13).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ 0x5555;
        w.push_str(syl[(x >> 59) as usize % syl.len()]);
    }
    w
}

fn words(pool: u64, from: u64, n: usize) -> Vec<String> {
    (0..n as u64).map(|i| word(pool, from + i)).collect()
}

/// Appends `ws` as a paragraph and returns its char span.
fn push(body: &mut String, ws: &[String]) -> (usize, usize) {
    if !body.is_empty() {
        body.push_str("\n\n");
    }
    let start = body.chars().count();
    body.push_str(&ws.join(" "));
    (start, body.chars().count())
}

fn doc(id: &str, body: String) -> Document {
    Document::new(id, Format::Text, body)
}

fn close(got: usize, want: usize) -> bool {
    got.abs_diff(want) <= 3
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn planted_passages_are_found(
        seed in 0u64..1_000_000, n1 in 25usize..60, n2 in 25usize..60, fill in 20usize..70,
        edit in 0.3f64..0.7,
    ) {
        let p1 = words(1, seed, n1);
        let p2 = words(1, seed + 10_000, n2);
        let mut p2_edited = p2.clone();
        p2_edited[(n2 as f64 * edit) as usize] = "changed".into();
        let (mut a, mut b) = (String::new(), String::new());
        push(&mut a, &words(0, seed, fill));
        let a1 = push(&mut a, &p1);
        push(&mut a, &words(0, seed + 1000, fill));
        let a2 = push(&mut a, &p2);
        push(&mut b, &words(2, seed + 2000, fill));
        let b2 = push(&mut b, &p2_edited);
        push(&mut b, &words(2, seed + 3000, fill / 2));
        let b1 = push(&mut b, &p1);
        let out = relate(&[doc("a", a), doc("b", b)], &RelateConfig::default());
        prop_assert_eq!(out.relations.len(), 1);
        let r = &out.relations[0];
        prop_assert_eq!(r.kind, Kind::Reprint, "{}", r.why);
        prop_assert_eq!(r.passages.len(), 2, "{:?}", r.passages);
        let (x, y) = (r.passages[0], r.passages[1]);
        for (p, (sa, ea), (sb, eb)) in [(x, a1, b1), (y, a2, b2)] {
            prop_assert!(close(p[0], sa) && close(p[1], ea) && close(p[2], sb) && close(p[3], eb),
                "{p:?} vs {:?}", (sa, ea, sb, eb));
        }
    }
}
