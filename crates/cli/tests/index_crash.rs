//! `kill -9` at many moments of `samestory index add`: the next open succeeds, the batch
//! committed before is all there, and the killed batch is either wholly there (when the
//! kill came after its commit) or not at all — never half of it, and never derived tables
//! that disagree with the documents.

mod util;

use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

/// Kills spread over one add.
const KILLS: u32 = 20;

/// `n` articles from `first` on as JSON Lines: invented words, a few shared sentences so
/// that groups and stories form.
fn articles(first: usize, n: usize) -> String {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64 ^ first as u64;
    let mut word = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let syllables = [
            "ka", "lo", "mi", "ren", "tas", "vo", "del", "sun", "ar", "pe",
        ];
        (0..2 + seed % 3)
            .map(|k| syllables[((seed >> (8 * k)) % 10) as usize])
            .collect::<String>()
    };
    let shared: Vec<String> = (0..8)
        .map(|_| (0..30).map(|_| word()).collect::<Vec<_>>().join(" "))
        .collect();
    let mut out = String::new();
    for i in first..first + n {
        let own: Vec<String> = (0..120).map(|_| word()).collect();
        let text = format!("{} {}.", shared[i % 8], own.join(" "));
        out.push_str(&format!("{{\"id\":\"doc-{i:05}\",\"text\":\"{text}\"}}\n"));
    }
    out
}

fn stats_documents(index: &Path) -> u64 {
    let out = util::run(&["index", "--index", index.to_str().unwrap(), "stats"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "open after kill: {}",
        util::stderr(&out)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    stats["documents"].as_u64().unwrap()
}

/// Exports and checks that the derived files agree with the documents held.
fn assert_consistent(index: &Path, documents: u64) {
    let dir = tempfile::tempdir().unwrap();
    let out = util::run(&[
        "index",
        "--index",
        index.to_str().unwrap(),
        "export",
        "--no-report",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let docs = util::read_jsonl(&dir.path().join("documents.jsonl"));
    assert_eq!(docs.len() as u64, documents);
    let stories = util::read_jsonl(&dir.path().join("stories.jsonl"));
    let members: usize = stories
        .iter()
        .map(|s| s["documents"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        members as u64, documents,
        "stories hold every document once"
    );
}

#[test]
fn kill_9_during_add_never_loses_a_committed_batch_nor_shows_half_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.jsonl");
    let second = dir.path().join("second.jsonl");
    std::fs::write(&first, articles(0, 100)).unwrap();
    std::fs::write(&second, articles(100, 300)).unwrap();
    let committed = dir.path().join("committed.redb");
    let index = dir.path().join("index.redb");
    let args = |at: &Path, input: &Path| {
        vec![
            "index".to_string(),
            "--index".to_string(),
            at.to_str().unwrap().to_string(),
            "add".to_string(),
            "--quiet".to_string(),
            input.to_str().unwrap().to_string(),
        ]
    };
    let out = util::samestory()
        .args(args(&committed, &first))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));

    std::fs::copy(&committed, &index).unwrap();
    let start = Instant::now();
    let out = util::samestory()
        .args(args(&index, &second))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let whole = start.elapsed();
    assert_eq!(stats_documents(&index), 400);

    let (mut before, mut after) = (0, 0);
    for k in 0..KILLS {
        std::fs::copy(&committed, &index).unwrap();
        let mut child = util::samestory()
            .args(args(&index, &second))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole.mul_f64(1.1 * f64::from(k) / f64::from(KILLS - 1)));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        let reported = String::from_utf8_lossy(&out.stdout).contains("300 added");
        let documents = stats_documents(&index);
        match documents {
            100 => {
                assert!(!reported, "kill {k}: a batch reported as added is missing");
                before += 1;
            }
            400 => after += 1,
            n => panic!("kill {k}: {n} documents: half a batch is visible"),
        }
        assert_consistent(&index, documents);
        let _ = std::fs::remove_file(&index);
    }
    // Late kills often land after the commit, but how many depends on the machine's speed:
    // only the first (immediate) kill is sure to land before it.
    assert!(
        before > 0,
        "no kill landed before the commit ({after} after)"
    );
}
