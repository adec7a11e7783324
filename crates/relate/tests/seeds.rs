//! The founding example (`shared/seeds`): ingestion + relation engine must give
//! 000–001 as one duplicate group (one row), 004 as a reprint of that group — one row, to
//! its representative, named as original — and no duplicate or reprint relation touching
//! 002 or 003 (they only share a quote).
//!
//! Without `../shared` the tests skip with a message, but fail when `CI` is set.

use samestory_core::{Config, Document};
use samestory_relate::{relate, Kind, Relations};
use std::path::PathBuf;

fn seeds_dir() -> Option<PathBuf> {
    samestory_testkit::seeds_dir()
}

fn load(dir: PathBuf) -> Vec<Document> {
    let (files, errors) = samestory_ingest::collect_inputs(&[dir.to_string_lossy()]);
    assert!(errors.is_empty(), "{errors:?}");
    let cfg = Config::default();
    let mut docs: Vec<Document> = files
        .iter()
        .flat_map(|f| samestory_ingest::read_file(f, &cfg.ingest).documents)
        .filter(|d| d.id.ends_with(".txt"))
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

/// The seeds and what the engine makes of them; `None` (skip) without `../shared`.
fn run() -> Option<(Vec<Document>, Relations)> {
    let docs = load(seeds_dir()?);
    assert_eq!(docs.len(), 5);
    let out = relate(&docs, &Config::default().relate);
    Some((docs, out))
}

fn short(id: &str) -> &str {
    &id[..3]
}

#[test]
fn groups_are_as_in_truth() {
    let Some((docs, out)) = run() else {
        return;
    };
    let groups: Vec<(&str, &str)> = docs
        .iter()
        .zip(&out.group_of)
        .map(|(d, g)| (short(&d.id), short(g)))
        .collect();
    assert_eq!(
        groups,
        [
            ("000", "000"),
            ("001", "000"),
            ("002", "002"),
            ("003", "003"),
            ("004", "004")
        ]
    );
}

#[test]
fn relations_are_as_in_truth() {
    let Some((docs, out)) = run() else {
        return;
    };
    let kinds: Vec<(&str, &str, Kind)> = out
        .relations
        .iter()
        .map(|r| (short(&r.a), short(&r.b), r.kind))
        .collect();
    assert_eq!(kinds.len(), 2, "{:#?}", out.relations);
    assert!(
        matches!(kinds[0], ("000", "001", Kind::Exact | Kind::NearDuplicate)),
        "{kinds:?}"
    );
    let rep = &out.representative_of[0];
    assert_eq!(&out.representative_of[1], rep);
    let reprint = &out.relations[1];
    assert_eq!((reprint.kind, short(&reprint.b)), (Kind::Reprint, "004"));
    assert_eq!(
        &reprint.a, rep,
        "the reprint row links the group's representative"
    );
    assert_eq!(reprint.original.as_ref(), Some(rep), "{}", reprint.why);
    assert!(reprint.why.contains("direction: "), "{}", reprint.why);
    assert_eq!(out.representative_of[4], docs[4].id);
}

#[test]
fn reprint_passages_cover_about_forty_percent_of_004() {
    let Some((docs, out)) = run() else {
        return;
    };
    let d004 = &docs[4];
    let words = samestory_text::tokens(&d004.body);
    for r in &out.relations[1..] {
        let covered = words
            .iter()
            .filter(|w| r.passages.iter().any(|p| p[2] <= w.start && w.end <= p[3]))
            .count();
        let share = covered as f64 / words.len() as f64;
        assert!(
            (0.3..0.6).contains(&share),
            "{} covers {share:.2} of 004: {}",
            r.a,
            r.why
        );
    }
}
