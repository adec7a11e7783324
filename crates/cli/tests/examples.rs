//! The README's first command on `examples/`: every input shape is read, and the output is
//! byte-identical from run to run and whatever the thread count.

mod util;

use std::collections::BTreeMap;

fn run_examples(extra: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let out_dir = tempfile::tempdir().unwrap();
    let examples = util::examples_dir();
    let mut args = vec![
        "run",
        examples.to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = util::run(&args);
    (out_dir, out)
}

#[test]
fn examples_cover_every_shape() {
    let (dir, out) = run_examples(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let docs = util::read_jsonl(&dir.path().join("documents.jsonl"));
    let mut formats = BTreeMap::new();
    for d in &docs {
        *formats
            .entry(d["format"].as_str().unwrap().to_string())
            .or_insert(0) += 1;
    }
    let shapes: Vec<&str> = formats.keys().map(String::as_str).collect();
    assert_eq!(shapes, ["html", "jsonl", "markdown", "text", "warc"]);
    assert!(docs.len() >= 12, "{} documents", docs.len());
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "documents are sorted by id");
    let by_id = |id: &str| docs.iter().find(|d| d["id"] == id).unwrap();
    assert_eq!(by_id("jazz_festival_latin1.txt")["lang"], "fra");
    assert!(by_id("comet_dispatch.txt.gz")["body"]
        .as_str()
        .unwrap()
        .contains("KESSRIN PEAK"));
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let (a, _) = run_examples(&[]);
    let (b, _) = run_examples(&["--threads", "1"]);
    for file in ["documents.jsonl", "relations.jsonl", "stories.jsonl"] {
        let left = std::fs::read(a.path().join(file)).unwrap();
        let right = std::fs::read(b.path().join(file)).unwrap();
        assert!(left == right, "{file} differs between runs");
    }
}

#[test]
fn no_body_leaves_the_body_out() {
    let (dir, _) = run_examples(&["--no-body"]);
    let docs = util::read_jsonl(&dir.path().join("documents.jsonl"));
    assert!(docs
        .iter()
        .all(|d| d.get("body").is_none() && d["chars"].as_u64().unwrap() > 0));
}

#[test]
fn the_flood_story_compares_its_three_outlets() {
    let (dir, out) = run_examples(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let stories = util::read_jsonl(&dir.path().join("stories.jsonl"));
    let flood = stories
        .iter()
        .find(|s| {
            s["documents"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d.as_str().unwrap().starts_with("westmere"))
        })
        .unwrap();
    let docs: Vec<&str> = flood["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            "westmere_flood_northland_wire.txt",
            "westmere_flood_radio_kestrel.md",
            "westmere_flood_valley_post.html"
        ]
    );
    let okafor = flood["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["speaker"] == "Nadia Okafor")
        .unwrap();
    let spillway = okafor["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("spillway"))
        .unwrap();
    let wordings: std::collections::BTreeSet<&str> = spillway["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["doc"].as_str().unwrap())
        .collect();
    assert_eq!(
        wordings.len(),
        3,
        "one statement, three wordings: {spillway:#}"
    );
    let evacuated: Vec<&serde_json::Value> = flood["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| {
            q["values"]
                .as_array()
                .unwrap()
                .iter()
                .any(|v| v["value"] == 2300)
        })
        .collect();
    assert_eq!(evacuated.len(), 1, "{:#}", flood["numbers"]);
    let mut values: Vec<u64> = evacuated[0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_u64().unwrap())
        .collect();
    values.sort_unstable();
    assert_eq!(values, [1200, 1500, 2300]);
    assert_eq!(evacuated[0]["disagree"], true);
    assert_eq!(evacuated[0]["compatible"], false);
    assert!(flood["agreed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["claim"].as_str().unwrap().contains("three metres")));
    assert!(flood["unique"]["westmere_flood_radio_kestrel.md"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["text"].as_str().unwrap().contains("winter wheat")));
}

#[test]
fn a_story_compares_at_most_story_docs_documents() {
    let (dir, out) = run_examples(&["--set", "compare.story_docs=2", "--no-report"]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let stories = util::read_jsonl(&dir.path().join("stories.jsonl"));
    for story in &stories {
        let mut compared = std::collections::BTreeSet::new();
        for speaker in story["quotes"].as_array().unwrap() {
            for quote in speaker["quotes"].as_array().unwrap() {
                for v in quote["variants"].as_array().unwrap() {
                    compared.insert(v["doc"].as_str().unwrap().to_string());
                }
            }
        }
        assert!(compared.len() <= 2, "{}: {compared:?}", story["story"]);
    }
    assert!(!dir.path().join("report.html").exists(), "--no-report");
}
