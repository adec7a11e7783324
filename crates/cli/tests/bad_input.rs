//! Bad input never crashes the run and never loses good data: one error line per bad file
//! (naming it), every good file still written, exit status 2.

mod util;

use std::io::Write;
use std::path::Path;

const GOOD: &str = "The harbour ferry will cost more from May, the council said on Monday.\n\nCommuters called the increase unfair and asked for a monthly pass.\n";

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// A corpus of one good file and every kind of bad file.
fn bad_corpus(dir: &Path) -> Vec<&'static str> {
    write(dir, "good.txt", GOOD.as_bytes());
    write(dir, "empty.txt", b"");
    write(
        dir,
        "binary.bin",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
    );
    let full = gzip(GOOD.repeat(200).as_bytes());
    write(dir, "truncated.txt.gz", &full[..full.len() / 2]);
    write(dir, "one_line.txt", &vec![b'x'; 50 * 1024 * 1024]);
    std::os::unix::fs::symlink(dir.join("missing-target"), dir.join("dangling.txt")).unwrap();
    vec![
        "empty.txt",
        "binary.bin",
        "truncated.txt.gz",
        "one_line.txt",
        "dangling.txt",
    ]
}

#[test]
fn every_bad_file_gets_one_error_line_and_good_files_survive() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_corpus(dir.path());
    write(
        dir.path(),
        "invalid_utf8.txt",
        b"Caf\xc3\xa9 owners said the na\xc3\xafve plan \xff failed.\n",
    );
    let out_dir = tempfile::tempdir().unwrap();
    let out = util::run(&[
        "run",
        dir.path().to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    let stderr = util::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let error_lines: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
    assert_eq!(error_lines.len(), bad.len(), "{stderr}");
    for name in bad {
        assert_eq!(
            error_lines.iter().filter(|l| l.contains(name)).count(),
            1,
            "{name}: {stderr}"
        );
    }
    assert!(
        stderr.contains("invalid_utf8.txt: invalid UTF-8 bytes replaced"),
        "{stderr}"
    );
    let docs = util::read_jsonl(&out_dir.path().join("documents.jsonl"));
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good.txt", "invalid_utf8.txt"]);
    assert!(docs[1]["body"].as_str().unwrap().contains("Café owners"));
}

#[test]
fn missing_paths_are_errors_but_the_rest_runs() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    let good = dir.path().join("good.txt");
    let out = util::run(&["extract", good.to_str().unwrap(), "/no/such/input.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(util::stderr(&out).contains("/no/such/input.txt: not found"));
    assert_eq!(util::jsonl(&String::from_utf8_lossy(&out.stdout)).len(), 1);
}

#[test]
fn bad_flags_and_unwritable_output_exit_1() {
    assert_eq!(
        util::run(&["run", "--no-such-flag", "x"]).status.code(),
        Some(1)
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", GOOD.as_bytes());
    write(
        dir.path(),
        "blocker",
        b"a file where the output directory should go",
    );
    let blocked = dir.path().join("blocker/out");
    let out = util::run(&[
        "run",
        dir.path().join("good.txt").to_str().unwrap(),
        "--out",
        blocked.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", util::stderr(&out));
}

#[test]
fn duplicate_ids_are_an_error_for_the_later_record() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str| format!("{{\"id\": \"{id}\", \"text\": {:?}}}\n", GOOD);
    write(dir.path(), "a.jsonl", (line("x") + &line("y")).as_bytes());
    write(dir.path(), "b.jsonl", line("x").as_bytes());
    let out = util::run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        util::stderr(&out).contains("duplicate id \"x\""),
        "{}",
        util::stderr(&out)
    );
    // The error names where the id was first seen, across files and batches.
    assert!(
        util::stderr(&out).contains("a.jsonl:1"),
        "{}",
        util::stderr(&out)
    );
    let docs = util::jsonl(&String::from_utf8_lossy(&out.stdout));
    let sources: Vec<&str> = docs.iter().map(|d| d["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 2);
    assert!(sources.iter().all(|s| s.contains("a.jsonl")), "{sources:?}");
}

#[test]
fn stdin_is_an_input() {
    let out = util::run_with_stdin(&["extract", "-"], GOOD.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let docs = util::jsonl(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(docs[0]["id"], "stdin");
}
