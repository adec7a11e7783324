//! A change refreshes only its region (the stories it touches); these tests check that
//! region refreshes agree with full ones: documents added one at a time, in two orders,
//! with every change refreshed by region, give the duplicate groups, stories and relations
//! of one batch add; removing documents by region gives what a batch add of the rest gives;
//! and after `refresh_all` the export is byte for byte the batch one. Inputs: `examples/`,
//! the seeds when present, and a generated corpus of copies, near-copies and reprints.

use samestory_core::{Config, Document, Format};
use samestory_ingest::{IngestError, IngestWarning};
use samestory_pipeline::{read_inputs, ReadEvents};
use samestory_store::{Index, IndexBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Quiet;

impl ReadEvents for Quiet {
    fn error(&self, _: &IngestError) {}
    fn warning(&self, _: &IngestWarning) {}
}

/// The documents (with bodies) of `paths`, as `samestory run` reads them.
fn read(paths: &[PathBuf]) -> Vec<Document> {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let corpus = read_inputs(&paths, &Config::default(), &Quiet).unwrap();
    let mut docs = corpus.docs;
    for (i, doc) in docs.iter_mut().enumerate() {
        doc.body = corpus.bodies.body(i).unwrap();
    }
    docs
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// Deterministic words.
struct Words(u64);

impl Words {
    fn next(&mut self) -> String {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        let syllables = [
            "ka", "lo", "mer", "tan", "vi", "sor", "ped", "ul", "ra", "nix",
        ];
        let mut word = String::new();
        for k in 0..2 + self.0 % 3 {
            word.push_str(syllables[((self.0 >> (8 * k)) % 10) as usize]);
        }
        word
    }

    fn text(&mut self, n: usize) -> String {
        (0..n).map(|_| self.next()).collect::<Vec<_>>().join(" ")
    }
}

/// Ten stories, each with a source, an exact copy, a near-copy (a few words changed), a
/// reprint of its first half inside other text, and an unrelated article.
fn generated() -> Vec<Document> {
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let mut docs = Vec::new();
    for s in 0..10 {
        let source = words.text(160);
        let mut near: Vec<String> = source.split(' ').map(str::to_string).collect();
        for k in (5..near.len()).step_by(40) {
            near[k] = words.next();
        }
        let half: Vec<&str> = source.split(' ').take(80).collect();
        let reprint = format!("{} {} {}", words.text(60), half.join(" "), words.text(60));
        let date = format!("2024-03-{:02}", 1 + s);
        for (kind, body) in [
            ("source", source.clone()),
            ("copy", source.clone()),
            ("near", near.join(" ")),
            ("reprint", reprint),
            ("other", words.text(150)),
        ] {
            let mut d = Document::new(format!("s{s:02}-{kind}"), Format::Text, &body);
            d.meta.date = Some(date.clone());
            docs.push(d);
        }
    }
    docs
}

/// An index that refreshes only regions, however small.
fn by_region(path: &Path) -> Index {
    IndexBuilder::new(Config::default())
        .full_refresh_below(0)
        .full_refresh_share(f64::INFINITY)
        .open(path)
        .unwrap()
}

/// An index that refreshes in full on every change.
fn in_full(path: &Path) -> Index {
    IndexBuilder::new(Config::default())
        .full_refresh_share(0.0)
        .open(path)
        .unwrap()
}

/// The exported files.
fn export(index: &Index, dir: &Path) -> BTreeMap<&'static str, String> {
    index.export(dir, false).unwrap();
    ["documents.jsonl", "relations.jsonl", "stories.jsonl"]
        .into_iter()
        .map(|f| (f, std::fs::read_to_string(dir.join(f)).unwrap()))
        .collect()
}

/// What must not depend on how documents came in: each document's group and story, and
/// every relation's ends and kind (its scores may differ: a story's `story_score`s are
/// weighted by the document frequencies of the index when the story was last refreshed),
/// and engine relations whole.
fn state(files: &BTreeMap<&str, String>) -> (Vec<String>, Vec<String>) {
    let docs = files["documents.jsonl"]
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            format!("{} {} {}", v["id"], v["group"], v["story"])
        })
        .collect();
    let relations = files["relations.jsonl"]
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            match v["kind"].as_str() {
                Some("same_story") => format!("{} {} same_story", v["a"], v["b"]),
                _ => l.to_string(),
            }
        })
        .collect();
    (docs, relations)
}

/// Every story of the story list (its stored summaries), newest first.
fn list(index: &Index) -> Vec<samestory_store::StorySummary> {
    let query = samestory_store::StoryQuery {
        limit: usize::MAX,
        ..Default::default()
    };
    index.stories(&query).unwrap().stories
}

fn corpora() -> Vec<(&'static str, Vec<Document>)> {
    let mut out = vec![
        ("examples", read(&[examples()])),
        ("generated", generated()),
    ];
    if let Some(seeds) = samestory_testkit::seeds_dir() {
        out.push(("seeds", read(&[seeds])));
    }
    out
}

#[test]
fn one_at_a_time_by_region_gives_the_batch_state_and_refresh_all_its_bytes() {
    for (name, docs) in corpora() {
        let dir = tempfile::tempdir().unwrap();
        let batch = in_full(&dir.path().join("batch.redb"));
        batch.add(docs.clone(), 0).unwrap();
        let want = export(&batch, &dir.path().join("batch"));
        let orders: [Vec<Document>; 2] = [
            docs.iter().rev().cloned().collect(),
            docs.iter()
                .skip(docs.len() / 3)
                .chain(docs.iter().take(docs.len() / 3))
                .cloned()
                .collect(),
        ];
        for (k, order) in orders.into_iter().enumerate() {
            let index = by_region(&dir.path().join(format!("one-{k}.redb")));
            for doc in order {
                index.add([doc], 0).unwrap();
            }
            let got = export(&index, &dir.path().join(format!("one-{k}")));
            assert_eq!(state(&got), state(&want), "{name}, order {k}");
            assert_eq!(
                list(&index),
                list(&batch),
                "{name}, order {k}: the story list"
            );
            index.refresh_all().unwrap();
            let got = export(&index, &dir.path().join(format!("one-{k}-refreshed")));
            assert!(
                got == want,
                "{name}, order {k}: refresh_all differs from batch"
            );
        }
    }
}

#[test]
fn removing_by_region_gives_the_batch_state_of_the_rest() {
    for (name, docs) in corpora() {
        let dir = tempfile::tempdir().unwrap();
        let index = by_region(&dir.path().join("all.redb"));
        index.add(docs.clone(), 0).unwrap();
        let gone: Vec<String> = docs.iter().step_by(4).map(|d| d.id.clone()).collect();
        let removed = index.remove(&gone).unwrap();
        assert_eq!(removed.removed.len(), gone.len());
        let rest: Vec<Document> = docs
            .iter()
            .filter(|d| !gone.contains(&d.id))
            .cloned()
            .collect();
        let batch = in_full(&dir.path().join("rest.redb"));
        batch.add(rest, 0).unwrap();
        let want = export(&batch, &dir.path().join("rest"));
        let got = export(&index, &dir.path().join("removed"));
        assert_eq!(state(&got), state(&want), "{name}");
        assert_eq!(list(&index), list(&batch), "{name}: the story list");
    }
}

#[test]
fn a_near_copy_of_a_text_copied_hundreds_of_times_finds_the_copies() {
    // More copies than an LSH bucket (200), a fingerprint posting (50) or a story term (300)
    // may hold: only one exemplar of the class is posted, and when it goes another copy
    // takes its place.
    let text = Words(7).text(200);
    let copies: Vec<Document> = (0..320)
        .map(|k| Document::new(format!("copy-{k:03}"), Format::Text, &text))
        .collect();
    let mut near: Vec<String> = text.split(' ').map(str::to_string).collect();
    near[100] = "different".into();
    let near = Document::new("near", Format::Text, near.join(" "));
    let dir = tempfile::tempdir().unwrap();
    let index = by_region(&dir.path().join("copies.redb"));
    index.add(copies.clone(), 0).unwrap();
    index.remove(&["copy-000".to_string()]).unwrap();
    let added = index.add([near.clone()], 0).unwrap();
    assert!(
        matches!(added.refreshed, samestory_store::Refreshed::Region(n) if n == 320),
        "the near copy must reach the 319 copies: {:?}",
        added.refreshed
    );
    assert_eq!(index.place("near").unwrap().unwrap().group, "copy-001");
    let batch = in_full(&dir.path().join("batch.redb"));
    let mut rest = copies[1..].to_vec();
    rest.push(near);
    batch.add(rest, 0).unwrap();
    let want = export(&batch, &dir.path().join("batch"));
    let got = export(&index, &dir.path().join("got"));
    assert_eq!(state(&got), state(&want));
}
