//! A tiny harness for end-to-end runs of the `samestory` binary: temp dirs, commands,
//! JSON Lines parsing, and the location of `../shared`.
#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built `samestory` binary.
pub fn samestory() -> Command {
    Command::new(env!("CARGO_BIN_EXE_samestory"))
}

/// Runs `samestory` with `args` and returns its output.
pub fn run(args: &[&str]) -> Output {
    samestory()
        .args(args)
        .output()
        .expect("samestory binary runs")
}

/// Runs `samestory` with `args`, `stdin` piped in; returns its output.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = samestory()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("samestory binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin).expect("stdin takes the input");
    drop(pipe);
    child.wait_with_output().expect("samestory finishes")
}

/// Parses JSON Lines text.
pub fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// Reads a JSON Lines file.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    jsonl(&std::fs::read_to_string(path).expect("output file exists"))
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The repository's `examples/` corpus.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The shared data directory, or `None` (the test skips) outside CI when it is missing:
/// see `samestory_testkit::shared_dir`.
pub fn shared_dir() -> Option<PathBuf> {
    samestory_testkit::shared_dir()
}

/// Runs `samestory run SHARED/seeds --out TMP` (exit status 0 or 2: truth.jsonl beside the
/// seeds is not article input) and returns the output directory.
pub fn run_seeds(shared: &Path) -> tempfile::TempDir {
    let out_dir = tempfile::tempdir().unwrap();
    let seeds = shared.join("seeds");
    let out = run(&[
        "run",
        seeds.to_str().unwrap(),
        "--out",
        out_dir.path().to_str().unwrap(),
    ]);
    assert_ne!(out.status.code(), Some(1), "{}", stderr(&out));
    out_dir
}
