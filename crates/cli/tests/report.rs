//! `samestory report` on the example corpus: the page's structure as an insta snapshot (the
//! HTML with its inline CSS and script left out, the story list and every story's
//! compressed details decoded into pretty JSON), byte-identical pages from two runs, and —
//! where Debian's `chromium` is installed — the page's script at work in a real browser.

mod util;

use base64::Engine;
use flate2::read::DeflateDecoder;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

const INDEX_OPEN: &str = "<script id=\"story-index\" type=\"application/json\">";
const BLOBS_OPEN: &str = "<div id=\"story-blobs\" hidden><!--";

/// Runs the pipeline on examples/ into a temp dir, then `samestory report` on it.
fn examples_report() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().to_str().unwrap();
    let examples = util::examples_dir();
    let out = util::run(&["run", examples.to_str().unwrap(), "--out", out_dir]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let out = util::run(&["report", out_dir]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    (dir, html)
}

/// The text between `open` and the next `</script>` (`-->` for the blobs' comment), with its
/// byte range.
fn script_text<'a>(html: &'a str, open: &str) -> (usize, usize, &'a str) {
    let close = if open.ends_with("<!--") {
        "-->"
    } else {
        "</script>"
    };
    let start = html.find(open).expect("element present") + open.len();
    let end = start + html[start..].find(close).expect("element closed");
    (start, end, &html[start..end])
}

/// One story's details: base64 → raw DEFLATE → JSON.
fn decode(blob: &str) -> Value {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(blob)
        .expect("base64");
    let mut json = Vec::new();
    DeflateDecoder::new(&bytes[..])
        .read_to_end(&mut json)
        .expect("raw deflate");
    sorted(serde_json::from_slice(&json).expect("details are JSON"))
}

/// `value` with every object's keys in sorted order, whether or not serde_json preserves
/// insertion order in this build.
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The page with CSS and script elided and every embedded JSON decoded and pretty.
fn structure(html: &str) -> String {
    let (_, _, index) = script_text(html, INDEX_OPEN);
    let mut rows: Vec<Value> = serde_json::from_str(index).unwrap();
    let (_, _, blobs) = script_text(html, BLOBS_OPEN);
    let mut decoded = String::from("\n");
    for row in &mut rows {
        let (at, len) = (row[7].as_u64().unwrap() as usize, row[8].as_u64().unwrap());
        let details = decode(&blobs[at..at + len as usize]);
        decoded += &format!("== {} ==\n{:#}\n", row[0], details);
        // Where the blob sits depends on the compressor's bytes, not on the report.
        (row[7], row[8]) = ("blob offset".into(), "blob length".into());
    }
    let mut page = html.to_string();
    replace_script(&mut page, BLOBS_OPEN, &decoded);
    replace_script(
        &mut page,
        INDEX_OPEN,
        &format!("\n{:#}\n", Value::Array(rows)),
    );
    replace_script(&mut page, "<script>", "/* report.js */");
    let css = (
        page.find("<style>").unwrap() + 7,
        page.find("</style>").unwrap(),
    );
    page.replace_range(css.0..css.1, "/* report.css */");
    page
}

fn replace_script(page: &mut String, open: &str, with: &str) {
    let (start, end, _) = script_text(page, open);
    page.replace_range(start..end, with);
}

#[test]
fn examples_report_structure() {
    let (dir, html) = examples_report();
    insta::assert_snapshot!("examples_report", structure(&html));
    let out = util::run(&["report", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    let again = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(again == html, "report.html differs between two runs");
}

#[test]
fn the_page_is_self_contained() {
    let (dir, html) = examples_report();
    for outside in ["<link", "src=", "@import", "url(", "fetch("] {
        assert!(!html.contains(outside), "report.html has {outside}");
    }
    let documents = util::read_jsonl(&dir.path().join("documents.jsonl")).len();
    let per_document = html.len() / documents;
    assert!(per_document < 5_000, "{per_document} bytes per document");
}

#[test]
fn a_bad_line_is_a_fatal_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for (file, text) in [
        ("documents.jsonl", "{\"id\":\"a\"}\nnot json\n"),
        ("relations.jsonl", ""),
        ("stories.jsonl", ""),
    ] {
        std::fs::write(dir.path().join(file), text).unwrap();
    }
    let out = util::run(&["report", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        util::stderr(&out).contains("documents.jsonl:2: not a valid row"),
        "{}",
        util::stderr(&out)
    );
}

#[test]
fn a_story_opens_in_chromium() {
    let Ok(chromium) = which_chromium() else {
        eprintln!("skipping: chromium not installed (apt-get install -y chromium)");
        return;
    };
    let (dir, _) = examples_report();
    let probe = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/report_probe.html");
    std::fs::copy(&probe, dir.path().join("probe.html")).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(["--virtual-time-budget=20000", "--dump-dom"])
        .arg(format!(
            "file://{}",
            dir.path().join("probe.html").display()
        ))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout);
    for seen in [
        "title: Halden Strait bridge shut after cable cracks found",
        "sources: 4",
        "reprint marks: true",
        "focused span: true",
        "search: 1 story",
    ] {
        assert!(dom.contains(seen), "{seen:?} not in {dom}");
    }
}

fn which_chromium() -> Result<std::path::PathBuf, ()> {
    let path = std::env::var_os("PATH").ok_or(())?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
        .ok_or(())
}
