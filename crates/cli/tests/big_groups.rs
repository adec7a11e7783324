//! Output stays linear in the size of a duplicate group (issue: 2,000 copies of one story
//! wrote 1,999,000 rows): n copies give n − 1 rows, each touching the representative; a
//! group of near-variants gives a spanning tree; `--keep-first` keeps the representative;
//! `--all-pairs` still writes every pair when asked.

mod util;

use serde_json::{json, Value};
use std::collections::HashSet;
use std::path::Path;

/// A short invented story (about 60 words), with word `changed` replaced when given.
fn story(changed: Option<usize>) -> String {
    let mut words: Vec<String> = (0..60).map(|i| format!("w{}", i * 7 % 61)).collect();
    if let Some(i) = changed {
        words[i % 60] = format!("edit{i}");
    }
    words.join(" ") + "."
}

/// Writes `records` as a JSON Lines file and runs `samestory dedup` on it.
fn dedup(records: &[Value], extra: &[&str]) -> (tempfile::TempDir, Vec<Value>, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines: Vec<String> = records.iter().map(Value::to_string).collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let out_dir = dir.path().join("out");
    let mut args = vec![
        "dedup",
        input.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "--quiet",
        "--set",
        "ingest.detect_language=false",
    ];
    args.extend_from_slice(extra);
    let out = util::run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let read = |name: &str| util::read_jsonl(&out_dir.join(name));
    let (docs, rels) = (read("documents.jsonl"), read("relations.jsonl"));
    (dir, docs, rels)
}

fn kept(dir: &Path) -> Vec<Value> {
    util::read_jsonl(&dir.join("out/kept.jsonl"))
}

#[test]
fn five_thousand_copies_give_one_row_each_to_the_representative() {
    let n = 5_000;
    let text = story(None);
    let records: Vec<Value> = (0..n)
        .map(|i| {
            // The representative is the only dated copy, not the smallest id.
            let date = (i == 4_321).then_some("2024-05-01");
            json!({"id": format!("c{i:05}"), "text": text, "date": date})
        })
        .collect();
    let (dir, docs, rels) = dedup(&records, &["--keep-first"]);
    assert_eq!(docs.len(), n);
    assert!(docs.iter().all(|d| d["group"] == "c00000"));
    assert_eq!(rels.len(), n - 1);
    let rep = "c04321";
    assert!(rels.iter().all(|r| r["kind"] == "exact"));
    assert!(rels.iter().all(|r| r["a"] == rep || r["b"] == rep));
    let others: HashSet<&str> = rels
        .iter()
        .map(|r| if r["a"] == rep { &r["b"] } else { &r["a"] })
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(others.len(), n - 1);
    let kept = kept(dir.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0]["id"], rep);
}

#[test]
fn near_variants_form_a_spanning_tree_rooted_at_the_representative() {
    let n = 300;
    let records: Vec<Value> = (0..n)
        .map(|i| json!({"id": format!("v{i:03}"), "text": story(Some(i))}))
        .collect();
    let (_dir, docs, rels) = dedup(&records, &[]);
    assert!(docs.iter().all(|d| d["group"] == "v000"));
    assert_eq!(rels.len(), n - 1, "a tree over {n} documents");
    assert!(rels.iter().all(|r| r["kind"] == "near_duplicate"));
    let mut children: HashSet<&str> = HashSet::new();
    for r in &rels {
        let (a, b) = (r["a"].as_str().unwrap(), r["b"].as_str().unwrap());
        // The representative (smallest id, nothing dated) is the parent of every direct row.
        let child = if a == "v000" { b } else { a.max(b) };
        assert!(children.insert(child), "{child} has two parents");
    }
    assert!(!children.contains("v000"));
    let direct = rels.iter().filter(|r| r["a"] == "v000").count();
    assert!(
        direct * 10 >= n * 9,
        "only {direct} rows to the representative"
    );
}

#[test]
fn all_pairs_on_request() {
    let records: Vec<Value> = (0..30)
        .map(|i| json!({"id": format!("c{i:02}"), "text": story(None)}))
        .collect();
    let (_dir, _docs, rels) = dedup(&records, &["--all-pairs"]);
    assert_eq!(rels.len(), 30 * 29 / 2);
}
