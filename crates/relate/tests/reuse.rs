//! The reprint graph on small invented corpora, one shape each: siblings of one source
//! point at it and not at each other; a composite of two unrelated sources borrows from
//! both even where containment alone would point the other way; a borrower's second,
//! smaller source is a secondary source; time of day orders two documents of one date.

use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, Kind, Relation};

/// `n` invented words of family `f` (distinct across families and positions).
fn words(f: usize, range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|i| format!("f{f}w{i}")).collect()
}

/// A body: paragraphs of the given word lists, 50 words a sentence.
fn body(parts: &[Vec<String>]) -> String {
    parts
        .iter()
        .map(|p| {
            p.chunks(50)
                .map(|c| c.join(" ") + ".")
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn doc(id: &str, parts: &[Vec<String>]) -> Document {
    Document::new(id, Format::Text, body(parts))
}

fn reprints(rels: &[Relation]) -> Vec<(&str, &str, &str)> {
    rels.iter()
        .filter(|r| r.kind == Kind::Reprint)
        .map(|r| {
            let original = r.original.as_deref().unwrap();
            let borrower = if original == r.a { &r.b } else { &r.a };
            (borrower.as_str(), original, r.why.as_str())
        })
        .collect()
}

/// C, and A and B each taking three of its six paragraphs (two in common) plus text of
/// their own; nothing dated.
fn siblings() -> Vec<Document> {
    let c: Vec<Vec<String>> = (0..6).map(|p| words(0, p * 50..p * 50 + 50)).collect();
    let a = [c[0].clone(), c[1].clone(), c[2].clone(), words(1, 0..100)];
    let b = [c[1].clone(), words(2, 0..120), c[2].clone(), c[3].clone()];
    vec![doc("a", &a), doc("b", &b), doc("c", &c)]
}

#[test]
fn siblings_point_at_their_source_not_at_each_other() {
    let out = relate(&siblings(), &RelateConfig::default());
    let got: Vec<(&str, &str)> = reprints(&out.relations)
        .iter()
        .map(|&(b, o, _)| (b, o))
        .collect();
    assert_eq!(got, [("a", "c"), ("b", "c")], "{:#?}", out.relations);
    let cfg = RelateConfig {
        shared_source_edges: true,
        ..RelateConfig::default()
    };
    let out = relate(&siblings(), &cfg);
    let shared: Vec<&Relation> = out
        .relations
        .iter()
        .filter(|r| r.kind == Kind::SharedSource)
        .collect();
    assert_eq!(shared.len(), 1, "{:#?}", out.relations);
    assert_eq!((shared[0].a.as_str(), shared[0].b.as_str()), ("a", "b"));
    assert_eq!(shared[0].via.as_deref(), Some("c"));
    let off = RelateConfig {
        sibling_min_share: 1.1,
        ..RelateConfig::default()
    };
    let out = relate(&siblings(), &off);
    assert_eq!(
        reprints(&out.relations).len(),
        3,
        "the rule is what removes a–b"
    );
}

#[test]
fn a_composite_borrows_from_both_sources() {
    let s1: Vec<String> = words(10, 0..300);
    let s2: Vec<String> = words(20, 0..300);
    // 120 words of s1 (40 % of it), 90 of s2 and 100 of its own: as much of x lies inside
    // s1 as of s1 inside x, so containment alone cannot tell.
    let x = [
        s1[0..120].to_vec(),
        words(30, 0..100),
        s2[100..190].to_vec(),
    ];
    let docs = vec![doc("s1", &[s1]), doc("s2", &[s2]), doc("x", &x)];
    let out = relate(&docs, &RelateConfig::default());
    let got = reprints(&out.relations);
    assert_eq!(got.len(), 2, "{:#?}", out.relations);
    for (borrower, original, why) in got {
        assert_eq!(borrower, "x", "{why}");
        assert!(original.starts_with('s'), "{why}");
        assert!(why.contains("direction: composite"), "{why}");
    }
}

/// t1 (dated 2024-01-01), t2 (undated, 400 words) and y (dated the next day): 180 words of
/// t1, 200 of its own, then `from_t2` words of t2. Word families from `family` on.
fn borrower_of_two(family: usize, from_t2: usize) -> Vec<Document> {
    let t1: Vec<String> = words(family, 0..300);
    let t2: Vec<String> = words(family + 10, 0..400);
    let y = [
        t1[0..180].to_vec(),
        words(family + 20, 0..200),
        t2[200..200 + from_t2].to_vec(),
    ];
    let mut docs = vec![doc("t1", &[t1]), doc("t2", &[t2]), doc("y", &y)];
    docs[0].meta.date = Some("2024-01-01".into());
    docs[2].meta.date = Some("2024-01-02".into());
    docs
}

#[test]
fn a_borrowers_small_second_source_is_secondary() {
    // y: 180 words of t1 (its main source, dated earlier) and one 45-word paragraph of t2
    // (11 % of y: under the 20 % coverage rule).
    let docs = borrower_of_two(40, 45);
    let out = relate(&docs, &RelateConfig::default());
    let got = reprints(&out.relations);
    assert_eq!(got.len(), 2, "{:#?}", out.relations);
    assert_eq!((got[0].0, got[0].1), ("y", "t1"));
    assert!(got[0].2.contains("direction: time"), "{}", got[0].2);
    assert_eq!((got[1].0, got[1].1), ("y", "t2"));
    assert!(got[1].2.starts_with("secondary source"), "{}", got[1].2);
    let strict = RelateConfig {
        secondary_min_words: 100,
        ..RelateConfig::default()
    };
    assert_eq!(reprints(&relate(&docs, &strict).relations).len(), 1);
}

#[test]
fn time_of_day_orders_one_dates_documents() {
    let src: Vec<String> = words(70, 0..300);
    let copy = [src[0..150].to_vec(), words(71, 0..150)];
    let mut docs = vec![doc("early", &[src]), doc("late", &copy)];
    for d in &mut docs {
        d.meta.date = Some("2024-03-05".into());
    }
    // "early" is published later in the day: it is the borrower, whatever containment says.
    docs[0].meta.published = Some("2024-03-05T18:00:00+01:00".into());
    docs[1].meta.published = Some("2024-03-05T09:15:00Z".into());
    let out = relate(&docs, &RelateConfig::default());
    let got = reprints(&out.relations);
    assert_eq!(got.len(), 1, "{:#?}", out.relations);
    assert_eq!((got[0].0, got[0].1), ("early", "late"));
    assert!(got[0].2.contains("direction: time"), "{}", got[0].2);
}

/// Found by the fuzz target: the pair of two groups' representatives, verified after the
/// groups were formed, is itself a near-duplicate — the groups merge and the tree stays
/// one row per member besides the representative.
#[test]
fn a_pair_verified_late_joins_two_groups() {
    let w = |n: usize| vec!["w0".to_string(); n];
    let mut docs = vec![
        doc("d3", &[w(14)]),
        doc("d4", &[w(14), vec!["w19".into()], w(10)]),
        doc("d5", &[w(8), vec!["\"quoted".into()]]),
    ];
    for d in &mut docs[1..] {
        d.meta.url = Some("https://example.org/0".into());
        d.meta.date = Some("2024-01-03".into());
    }
    // d3 is a trimmed copy of d4 (56 % of its length) under this setting.
    let cfg = RelateConfig {
        min_passage_words: 8,
        trimmed_min_length_ratio: 0.5,
        ..RelateConfig::default()
    };
    let out = relate(&docs, &cfg);
    assert_eq!(out.group_of, ["d3", "d3", "d3"], "{:#?}", out.relations);
    assert_eq!(out.representative_of, ["d4", "d4", "d4"]);
    let joining = out.relations.iter().filter(|r| r.kind.joins_group());
    assert_eq!(joining.count(), 2, "{:#?}", out.relations);
    assert_eq!(out.relations.len(), 2);
}

/// Under `secondary_min_words`, one shared passage still makes a secondary source when
/// publication time says on its own that the known borrower borrows here too — and not
/// when nothing but the passage says so.
#[test]
fn a_short_second_source_needs_time_or_coherence() {
    let mut docs = borrower_of_two(80, 28);
    let cfg = RelateConfig::default();
    assert_eq!(
        reprints(&relate(&docs, &cfg).relations).len(),
        1,
        "t2 undated"
    );
    docs[1].meta.date = Some("2023-12-30".into());
    let out = relate(&docs, &cfg);
    let got = reprints(&out.relations);
    assert_eq!(got.len(), 2, "{:#?}", out.relations);
    assert_eq!((got[1].0, got[1].1), ("y", "t2"));
    assert!(got[1].2.starts_with("secondary source"), "{}", got[1].2);
    assert!(got[1].2.contains("direction: time"), "{}", got[1].2);
}
