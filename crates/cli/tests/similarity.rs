//! `samestory similarity --pairs FILE`: one score per pair, in input order; same-event pairs
//! score above unrelated ones; bad lines are reported and skipped.

mod util;

use std::io::Write;

fn article(id: &str, title: &str, text: &str, date: &str) -> serde_json::Value {
    serde_json::json!({"id": id, "title": title, "text": text, "date": date, "url": null})
}

#[test]
fn same_event_pairs_outscore_unrelated_pairs() {
    let bridge1 = article("1", "Bridge closed after cable cracks", "Engineers closed the Halden Strait bridge on Tuesday after inspectors found cracks in two steel support cables, cutting the road link to the island of Teller.", "2024-03-05");
    let bridge2 = article("2", "Island cut off as strait bridge shuts", "The Halden Strait bridge to Teller island was shut on Tuesday when inspectors discovered cracked support cables; ferries added sailings.", "2024-03-05");
    let chess = article("3", "Teenager wins chess title", "Ada Okonkwo won the Northern Regions chess championship on Saturday with a final-round victory over Viktor Haas.", "2024-03-09");
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        file,
        "{}",
        serde_json::json!({"pair_id": "same", "a": bridge1, "b": bridge2})
    )
    .unwrap();
    writeln!(file, "not json").unwrap();
    writeln!(
        file,
        "{}",
        serde_json::json!({"pair_id": 7, "a": bridge1, "b": chess})
    )
    .unwrap();
    let out = util::run(&["similarity", "--pairs", file.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", util::stderr(&out));
    assert!(
        util::stderr(&out).contains(":2: bad pair"),
        "{}",
        util::stderr(&out)
    );
    let rows = util::jsonl(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["pair_id"], "same");
    assert_eq!(rows[1]["pair_id"], 7);
    let (same, other) = (
        rows[0]["score"].as_f64().unwrap(),
        rows[1]["score"].as_f64().unwrap(),
    );
    assert!((0.0..=1.0).contains(&same) && (0.0..=1.0).contains(&other));
    assert!(same > other + 0.2, "same {same} vs unrelated {other}");
}

#[cfg(not(feature = "embed"))]
#[test]
fn model_dir_without_the_embed_feature_is_a_warning() {
    let doc = article(
        "1",
        "Title",
        "Some article text about a harbour.",
        "2024-03-05",
    );
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(
        file,
        "{}",
        serde_json::json!({"pair_id": 1, "a": doc, "b": doc})
    )
    .unwrap();
    let out = util::run(&[
        "similarity",
        "--pairs",
        file.path().to_str().unwrap(),
        "--model-dir",
        "/nowhere",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        util::stderr(&out).contains("--model-dir ignored"),
        "{}",
        util::stderr(&out)
    );
}
