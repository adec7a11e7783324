//! The founding example (`shared/seeds`): ingestion + relation engine must give
//! 000–001 as one duplicate group, 004 as a reprint of both with 000/001 as original, and
//! no duplicate or reprint relation touching 002 or 003 (they only share a quote).

use samestory_core::{Config, Document};
use samestory_relate::{relate, Kind, Relations};
use std::path::PathBuf;

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn load() -> Vec<Document> {
    let dir = seeds_dir();
    assert!(dir.is_dir(), "seeds not found at {}", dir.display());
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

fn run() -> (Vec<Document>, Relations) {
    let docs = load();
    assert_eq!(docs.len(), 5);
    let out = relate(&docs, &Config::default().relate);
    (docs, out)
}

fn short(id: &str) -> &str {
    &id[..3]
}

#[test]
fn groups_are_as_in_truth() {
    let (docs, out) = run();
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
    let (_, out) = run();
    let kinds: Vec<(&str, &str, Kind)> = out
        .relations
        .iter()
        .map(|r| (short(&r.a), short(&r.b), r.kind))
        .collect();
    assert_eq!(kinds.len(), 3, "{:#?}", out.relations);
    assert!(
        matches!(kinds[0], ("000", "001", Kind::Exact | Kind::NearDuplicate)),
        "{kinds:?}"
    );
    assert_eq!(
        &kinds[1..],
        [("000", "004", Kind::Reprint), ("001", "004", Kind::Reprint)]
    );
    for r in &out.relations[1..] {
        assert_eq!(r.original.as_deref(), Some(r.a.as_str()), "{}", r.why);
    }
}

#[test]
fn reprint_passages_cover_about_forty_percent_of_004() {
    let (docs, out) = run();
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
