//! `samestory run ../shared/seeds`: duplicate groups and stories scored with the shared
//! scorer (`../shared/eval/score.py`), and the relations the seeds' right answer names.

mod util;

use serde_json::Value;
use std::path::Path;
use std::process::Command;

const A000: &str = "000_93b865a10e29ad99.txt";
const A001: &str = "001_3278946dcb9baabf.txt";
const A002: &str = "002_978851898b15b31b.txt";
const A003: &str = "003_b77045d31c88eb84.txt";
const A004: &str = "004_b460525a3b6ab500.txt";

fn bcubed_f1(shared: &Path, out: &Path, field: &str) -> f64 {
    let scored = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args([
            "--truth",
            shared.join("seeds/truth.jsonl").to_str().unwrap(),
        ])
        .args(["--pred", out.join("documents.jsonl").to_str().unwrap()])
        .args(["--truth-field", field, "--pred-field", field])
        .output()
        .expect("python3 runs the shared scorer");
    let result: Value = serde_json::from_slice(&scored.stdout).expect("scorer prints JSON");
    result["bcubed"]["f1"].as_f64().unwrap()
}

fn relation<'a>(rels: &'a [Value], a: &str, b: &str) -> Option<&'a Value> {
    rels.iter().find(|r| r["a"] == a && r["b"] == b)
}

#[test]
fn groups_and_stories_match_truth() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let out = util::run_seeds(&shared);
    assert_eq!(bcubed_f1(&shared, out.path(), "group"), 1.0);
    assert_eq!(bcubed_f1(&shared, out.path(), "story"), 1.0);
}

#[test]
fn seed_relations_are_the_right_ones() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let out = util::run_seeds(&shared);
    let rels = util::read_jsonl(&out.path().join("relations.jsonl"));
    let dup = relation(&rels, A000, A001).expect("000–001 related");
    assert!(
        dup["kind"] == "exact" || dup["kind"] == "near_duplicate",
        "{dup}"
    );
    // One reprint row, from 004 to the 000/001 group's representative, named original.
    let reprints: Vec<&Value> = rels.iter().filter(|r| r["kind"] == "reprint").collect();
    assert_eq!(reprints.len(), 1, "{reprints:?}");
    let r = reprints[0];
    assert_eq!(r["b"], A004, "{r}");
    assert!(r["a"] == A000 || r["a"] == A001, "{r}");
    assert_eq!(r["original"], r["a"], "{r}");
    let coverage = r["containment_b"].as_f64().unwrap();
    assert!((0.3..0.6).contains(&coverage), "{r}");
    assert!(!r["passages"].as_array().unwrap().is_empty());
    for r in &rels {
        let touches_own = [A002, A003].iter().any(|id| r["a"] == *id || r["b"] == *id);
        assert!(
            !touches_own || r["kind"] == "same_story",
            "unexpected relation {r}"
        );
    }
}

#[test]
fn reprint_passages_point_at_the_same_text_in_both_bodies() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let out = util::run_seeds(&shared);
    let docs = util::read_jsonl(&out.path().join("documents.jsonl"));
    let body = |id: &str| -> Vec<char> {
        docs.iter().find(|d| d["id"] == id).unwrap()["body"]
            .as_str()
            .unwrap()
            .chars()
            .collect()
    };
    let rels = util::read_jsonl(&out.path().join("relations.jsonl"));
    let r = rels.iter().find(|r| r["kind"] == "reprint").unwrap();
    let (a, b) = (body(r["a"].as_str().unwrap()), body(A004));
    for p in r["passages"].as_array().unwrap() {
        let p: Vec<usize> = p
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let words = |text: &[char], s: usize, e: usize| -> Vec<String> {
            text[s..e]
                .iter()
                .collect::<String>()
                .split_whitespace()
                .map(str::to_lowercase)
                .collect()
        };
        let (wa, wb) = (words(&a, p[0], p[1]), words(&b, p[2], p[3]));
        // Small edits are tolerated inside a passage: most words of each side are in the other.
        let shared = wa.iter().filter(|w| wb.contains(w)).count();
        assert!(
            shared * 10 >= wa.len() * 8,
            "passage {p:?} differs: {wa:?} / {wb:?}"
        );
    }
}
