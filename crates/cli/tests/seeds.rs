//! `samestory run ../shared/seeds`: metadata against truth.jsonl, and the cleaning the seeds'
//! README asks for (lines identified by file and line number, read at test time).

mod util;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn run_seeds(shared: &Path) -> BTreeMap<String, Value> {
    let out_dir = util::run_seeds(shared);
    let docs = util::read_jsonl(&out_dir.path().join("documents.jsonl"));
    docs.into_iter()
        .map(|d| (d["id"].as_str().unwrap().to_string(), d))
        .collect()
}

fn truth(shared: &Path) -> Vec<Value> {
    util::read_jsonl(&shared.join("seeds/truth.jsonl"))
}

fn seed_line(shared: &Path, id: &str, line: usize) -> String {
    let text = std::fs::read_to_string(shared.join("seeds").join(id)).unwrap();
    text.lines().nth(line - 1).unwrap().trim().to_string()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn seed_metadata_matches_truth() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let docs = run_seeds(&shared);
    let mut checked = 0;
    for t in truth(&shared) {
        let id = t["id"].as_str().unwrap();
        let doc = docs
            .get(id)
            .unwrap_or_else(|| panic!("{id} missing from output"));
        for field in ["title", "date", "url"] {
            assert_eq!(doc[field], t[field], "{id}: {field}");
            checked += 1;
        }
    }
    assert_eq!(checked, 15);
}

/// (file, 1-based line, how many copies of that line's text may stay in the body)
const BOILERPLATE: &[(&str, usize, usize)] = &[
    ("000_93b865a10e29ad99.txt", 14, 0),
    ("001_3278946dcb9baabf.txt", 11, 0),
    ("001_3278946dcb9baabf.txt", 21, 0),
    ("004_b460525a3b6ab500.txt", 5, 1),
    ("004_b460525a3b6ab500.txt", 6, 0),
    ("004_b460525a3b6ab500.txt", 22, 0),
    ("004_b460525a3b6ab500.txt", 24, 0),
    ("004_b460525a3b6ab500.txt", 42, 0),
    ("004_b460525a3b6ab500.txt", 44, 0),
];

#[test]
fn seed_boilerplate_lines_are_removed() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let docs = run_seeds(&shared);
    for &(id, line, may_stay) in BOILERPLATE {
        let text = seed_line(&shared, id, line);
        let body = docs[id]["body"].as_str().unwrap();
        let paragraphs = body
            .split("\n\n")
            .filter(|p| squash(p) == squash(&text))
            .count();
        assert!(
            paragraphs <= may_stay,
            "{id}:{line} still in body: {text:?}"
        );
        let removed = docs[id]["removed"].as_array().unwrap();
        assert!(
            removed.iter().any(|r| r["line"] == line) || may_stay > 0,
            "{id}:{line} not listed in removed"
        );
    }
}

#[test]
fn seed_paragraphs_are_kept() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let docs = run_seeds(&shared);
    let removed_lines: Vec<(&str, usize)> = BOILERPLATE.iter().map(|&(f, l, _)| (f, l)).collect();
    for (id, doc) in &docs {
        if !id.starts_with("00") {
            continue;
        }
        let body = squash(doc["body"].as_str().unwrap());
        let raw = std::fs::read_to_string(shared.join("seeds").join(id)).unwrap();
        for (n, line) in raw.lines().enumerate() {
            let words: Vec<&str> = line.split_whitespace().collect();
            let is_listed = removed_lines.contains(&(id.as_str(), n + 1))
                || doc["title"].as_str() == Some(squash(line).as_str());
            // Long plain lines are body text (or metadata consumed as a whole line); the
            // middle of every long line must survive in the body.
            if is_listed || words.len() < 12 || line.contains("](") {
                continue;
            }
            let middle = words[3..words.len() - 3].join(" ");
            assert!(
                body.contains(&middle),
                "{id}:{}: paragraph text lost: {middle:?}",
                n + 1
            );
        }
    }
}
