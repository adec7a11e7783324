//! JSON Lines inputs are streamed: a dump larger than `max_file_bytes` is read block by
//! block with the same result as a small one, and a damaged compressed dump keeps every
//! record before the damage.

mod util;

use std::io::Write;
use std::path::Path;

/// `n` records of invented news text; every tenth is a reformatted copy of the one before.
fn dump(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let base = if i % 10 == 9 { i - 1 } else { i };
        let words: Vec<String> = (0..120)
            .map(|w| format!("w{}", mix((base * 1000 + w) as u64) % 50_000))
            .collect();
        let text = if base == i {
            words.join(" ")
        } else {
            words.join("  ").to_uppercase()
        };
        out.push_str(&format!(
            "{{\"id\": \"n{i:04}\", \"title\": \"Report {base}\", \"text\": \"{text}.\"}}\n"
        ));
    }
    out
}

/// splitmix64: invented words that do not repeat across records.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn dedup(input: &Path, config: Option<&Path>) -> (std::process::Output, tempfile::TempDir) {
    let out_dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "dedup".to_string(),
        input.display().to_string(),
        "--out".into(),
        out_dir.path().display().to_string(),
        "--quiet".into(),
    ];
    if let Some(c) = config {
        args.extend(["--config".to_string(), c.display().to_string()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    (util::run(&args), out_dir)
}

fn read(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name)).unwrap()
}

#[test]
fn a_dump_over_the_file_size_limit_streams_in_small_blocks_with_the_same_result() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    std::fs::write(&path, dump(300)).unwrap();
    let config = dir.path().join("small.toml");
    std::fs::write(
        &config,
        "[ingest]\nmax_file_bytes = 10000\nstream_block_bytes = 5000\n",
    )
    .unwrap();
    let (whole, whole_dir) = dedup(&path, None);
    let (small, small_dir) = dedup(&path, Some(&config));
    assert_eq!(whole.status.code(), Some(0), "{}", util::stderr(&whole));
    assert_eq!(small.status.code(), Some(0), "{}", util::stderr(&small));
    let docs = read(&small_dir, "documents.jsonl");
    assert_eq!(docs.lines().count(), 300);
    assert_eq!(docs, read(&whole_dir, "documents.jsonl"));
    let relations = read(&small_dir, "relations.jsonl");
    assert_eq!(relations, read(&whole_dir, "relations.jsonl"));
    assert_eq!(relations.lines().count(), 30, "one copy per ten records");
}

#[test]
fn a_truncated_gzip_dump_keeps_the_records_before_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(dump(400).as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    let path = dir.path().join("cut.jsonl.gz");
    std::fs::write(&path, &gz[..gz.len() * 3 / 4]).unwrap();
    let config = dir.path().join("small.toml");
    std::fs::write(&config, "[ingest]\nstream_block_bytes = 20000\n").unwrap();
    let (out, out_dir) = dedup(&path, Some(&config));
    let stderr = util::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("cut.jsonl.gz") && errors[0].contains("gzip"),
        "{stderr}"
    );
    let kept = read(&out_dir, "documents.jsonl").lines().count();
    assert!((100..400).contains(&kept), "{kept} records kept");
}

#[test]
fn records_come_from_stdin_too() {
    let out = util::run_with_stdin(&["extract", "-"], dump(20).as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let rows = util::jsonl(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(rows.len(), 20);
    assert_eq!(rows[19]["id"], "n0019");
}

#[test]
fn a_warc_over_the_file_size_limit_is_streamed() {
    let dir = tempfile::tempdir().unwrap();
    let mut crawl = String::new();
    for i in 0..40 {
        let words: Vec<String> = (0..80)
            .map(|w| format!("w{}", mix(i * 1000 + w) % 50_000))
            .collect();
        let html = format!(
            "<html><body><article><p>{}.</p></article></body></html>",
            words.join(" ")
        );
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
        crawl += &format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: https://news.example/{i}\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
    }
    let path = dir.path().join("crawl.warc");
    std::fs::write(&path, &crawl).unwrap();
    let config = dir.path().join("small.toml");
    std::fs::write(
        &config,
        "[ingest]\nmax_file_bytes = 4000\nstream_block_bytes = 3000\n",
    )
    .unwrap();
    let (out, out_dir) = dedup(&path, Some(&config));
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert_eq!(read(&out_dir, "documents.jsonl").lines().count(), 40);
}

#[test]
fn set_overrides_a_threshold_and_rejects_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dump.jsonl");
    let edited: String = dump(40)
        .lines()
        .enumerate()
        .map(|(i, l)| match i % 10 == 9 {
            true => format!("{}\n", l.replacen("W", "EDITED ", 1)),
            false => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&path, edited).unwrap();
    let p = path.display().to_string();
    let out_dir = tempfile::tempdir().unwrap();
    let o = out_dir.path().display().to_string();
    let strict = util::run(&[
        "dedup",
        &p,
        "--out",
        &o,
        "--quiet",
        "--set",
        "relate.near_dup_jaccard=1.01",
        "--set",
        "relate.reprint_min_coverage=1.01",
        "--set",
        "relate.trimmed_min_containment=1.01",
    ]);
    assert_eq!(strict.status.code(), Some(0), "{}", util::stderr(&strict));
    let near: usize = read(&out_dir, "relations.jsonl")
        .lines()
        .filter(|l| l.contains("near_duplicate"))
        .count();
    assert_eq!(near, 0, "no pair reaches Jaccard 1.01");
    let (default, default_dir) = dedup(&path, None);
    assert_eq!(default.status.code(), Some(0));
    assert_eq!(
        read(&default_dir, "relations.jsonl")
            .lines()
            .filter(|l| l.contains("near_duplicate"))
            .count(),
        4
    );
    let bad = util::run(&["dedup", &p, "--out", &o, "--set", "relate.no_such_key=1"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        util::stderr(&bad).contains("no_such_key"),
        "{}",
        util::stderr(&bad)
    );
}
