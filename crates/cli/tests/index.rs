//! `samestory index …` end to end: an index built one file at a time, in any order, or all
//! at once exports exactly what `run` writes; `remove` leaves the state a batch run on what
//! remains gives; `query` adds nothing; story ids keep resolving; bad input gives one clear
//! line and changes nothing; `kill -9` during `add` never loses a committed batch nor shows
//! half of one.

mod util;

use std::path::{Path, PathBuf};
use std::process::Output;

const FILES: [&str; 4] = [
    "documents.jsonl",
    "relations.jsonl",
    "stories.jsonl",
    "report.html",
];

/// Runs `samestory index --index INDEX ARGS…`.
fn index(at: &Path, args: &[&str]) -> Output {
    let mut all = vec!["index", "--index", at.to_str().unwrap()];
    all.extend_from_slice(args);
    util::run(&all)
}

/// The example files, sorted.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(util::examples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// A new index holding every example file: its directory and path.
fn indexed_examples() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("index.redb");
    add(&at, &[util::examples_dir().to_str().unwrap()]);
    (dir, at)
}

/// `samestory run PATHS…` into a new directory.
fn run_batch(paths: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec!["run", "--out", out.path().to_str().unwrap(), "--quiet"];
    args.extend_from_slice(paths);
    let done = util::run(&args);
    assert_ne!(done.status.code(), Some(1), "{}", util::stderr(&done));
    out
}

/// `index export` into a new directory.
fn export(at: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let done = index(at, &["export", "--out", out.path().to_str().unwrap()]);
    assert_eq!(done.status.code(), Some(0), "{}", util::stderr(&done));
    out
}

fn assert_same_files(a: &Path, b: &Path, what: &str) {
    for file in FILES {
        let left = std::fs::read(a.join(file)).unwrap();
        let right = std::fs::read(b.join(file)).unwrap();
        assert!(left == right, "{what}: {file} differs");
    }
}

fn add(at: &Path, paths: &[&str]) {
    let mut args = vec!["add", "--quiet"];
    args.extend_from_slice(paths);
    let done = index(at, &args);
    assert_ne!(done.status.code(), Some(1), "{}", util::stderr(&done));
}

#[test]
fn one_at_a_time_in_any_order_or_all_at_once_exports_what_run_writes() {
    let files = example_files();
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let batch = run_batch(&paths);
    let dir = tempfile::tempdir().unwrap();
    let orders: [Vec<&str>; 2] = [
        paths.iter().rev().copied().collect(),
        paths
            .iter()
            .skip(5)
            .chain(paths.iter().take(5))
            .copied()
            .collect(),
    ];
    for (k, order) in orders.iter().enumerate() {
        let at = dir.path().join(format!("one-by-one-{k}.redb"));
        for path in order {
            add(&at, &[path]);
        }
        assert_same_files(batch.path(), export(&at).path(), "added one at a time");
    }
    let at = dir.path().join("all.redb");
    add(&at, &paths);
    assert_same_files(batch.path(), export(&at).path(), "added at once");
    let again = index(&at, &["add", paths[0]]);
    let said = String::from_utf8_lossy(&again.stdout).into_owned();
    assert!(said.contains("0 added, 0 revised, 1 unchanged"), "{said}");
}

#[test]
fn export_equals_run_on_the_seeds() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let seeds = shared.join("seeds");
    let seeds = seeds.to_str().unwrap();
    let batch = run_batch(&[seeds]);
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("seeds.redb");
    add(&at, &[seeds]);
    assert_same_files(batch.path(), export(&at).path(), "seeds");
}

#[test]
fn after_remove_the_state_is_a_batch_run_on_what_remains() {
    let files = example_files();
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let (_dir, at) = indexed_examples();
    let gone = [
        "westmere_flood_northland_wire.txt",
        "wire_bridge_closure.txt",
    ];
    let removed = index(&at, &["remove", gone[0], gone[1]]);
    assert_eq!(removed.status.code(), Some(0), "{}", util::stderr(&removed));
    let kept: Vec<&str> = paths
        .iter()
        .filter(|p| !gone.iter().any(|g| p.ends_with(g)))
        .copied()
        .collect();
    assert_eq!(kept.len(), paths.len() - 2);
    assert_same_files(run_batch(&kept).path(), export(&at).path(), "after remove");
}

#[test]
fn query_places_an_article_without_adding_it() {
    let files = example_files();
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let dir = tempfile::tempdir().unwrap();
    let at = dir.path().join("index.redb");
    let (held, asked): (Vec<&str>, Vec<&str>) = paths
        .iter()
        .partition(|p| !p.ends_with("westmere_flood_radio_kestrel.md"));
    add(&at, &held);
    let before = export(&at);

    // By content alone (no copy of it is held): the term postings find its story, and so
    // does the exact query.
    let fast = index(&at, &["query", asked[0]]);
    assert_eq!(fast.status.code(), Some(0), "{}", util::stderr(&fast));
    let fast = &util::jsonl(&String::from_utf8_lossy(&fast.stdout))[0];
    assert_eq!(fast["relations"][0]["kind"], "same_story", "{fast}");
    let answer = index(&at, &["query", "--exact", asked[0]]);
    assert_eq!(answer.status.code(), Some(0), "{}", util::stderr(&answer));
    let rows = util::jsonl(&String::from_utf8_lossy(&answer.stdout));
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row["id"], "westmere_flood_radio_kestrel.md");
    let joins = row["story"]["joins"]
        .as_str()
        .expect("joins a stored story");
    assert!(joins.starts_with("westmere_flood"), "{joins}");
    let relations = row["relations"].as_array().unwrap();
    assert!(!relations.is_empty());
    for r in relations {
        assert!(r["a"] == row["id"] || r["b"] == row["id"], "{r}");
        assert!(r["why"].as_str().is_some_and(|w| !w.is_empty()), "{r}");
    }
    let text = index(&at, &["query", "--exact", "--format", "text", asked[0]]);
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert!(text.contains(&format!("story: joins {joins}")), "{text}");

    // A copy of a held article under another name: the sketch lookup finds it.
    let copy = dir.path().join("copy-of-the-wire.txt");
    let wire = util::examples_dir().join("westmere_flood_northland_wire.txt");
    std::fs::copy(&wire, &copy).unwrap();
    let answer = index(&at, &["query", copy.to_str().unwrap()]);
    assert_eq!(answer.status.code(), Some(0), "{}", util::stderr(&answer));
    let row = &util::jsonl(&String::from_utf8_lossy(&answer.stdout))[0];
    assert_eq!(
        row["duplicates"][0], "westmere_flood_northland_wire.txt",
        "{row}"
    );
    assert_eq!(row["relations"][0]["kind"], "exact", "{row}");
    assert_eq!(row["story"]["joins"], joins, "{row}");
    assert!(row["verified"].as_u64().unwrap() >= 1, "{row}");
    assert_same_files(before.path(), export(&at).path(), "query changed the index");
}

#[test]
fn story_ids_keep_resolving_after_their_documents_move() {
    let (_dir, at) = indexed_examples();
    let stories = util::read_jsonl(&export(&at).path().join("stories.jsonl"));
    let flood = stories
        .iter()
        .find(|s| s["story"].as_str().unwrap().starts_with("westmere_flood"))
        .expect("the flood story");
    let old = flood["story"].as_str().unwrap().to_string();
    let members: Vec<&str> = flood["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(members.len() >= 3);
    let resolve = |id: &str| -> serde_json::Value {
        let out = index(&at, &["story", id]);
        serde_json::from_slice(&out.stdout).unwrap()
    };
    assert_eq!(resolve(&old)["status"], "current");
    index(&at, &["remove", &old]);
    let moved = resolve(&old);
    assert_eq!(moved["status"], "moved", "{moved}");
    assert_eq!(moved["story"], members[1], "{moved}");
    let rest: Vec<&str> = members[1..].to_vec();
    let mut args = vec!["remove"];
    args.extend_from_slice(&rest);
    index(&at, &args);
    assert_eq!(resolve(&old)["status"], "removed");
    assert_eq!(resolve("never-issued")["status"], "unknown");
}

#[test]
fn bad_input_gives_one_line_and_leaves_the_index_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.redb");
    for args in [
        vec!["stats"],
        vec!["export", "--out", dir.path().to_str().unwrap()],
        vec!["query", "x.txt"],
        vec!["remove", "a"],
        vec!["expire", "--before", "2024-01-01"],
        vec!["story", "a"],
    ] {
        let out = index(&missing, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = util::stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("no index here"), "{err}");
        assert!(!missing.exists(), "{args:?} created the index");
    }

    let corrupt = dir.path().join("corrupt.redb");
    let junk: Vec<u8> = (0..9000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&corrupt, &junk).unwrap();
    for args in [
        vec!["stats"],
        vec!["add", util::examples_dir().to_str().unwrap()],
    ] {
        let out = index(&corrupt, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = util::stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("corrupt.redb"), "{err}");
        assert_eq!(std::fs::read(&corrupt).unwrap(), junk, "{args:?} wrote");
    }

    let at = dir.path().join("index.redb");
    add(&at, &[util::examples_dir().to_str().unwrap()]);
    let before = export(&at);
    let out = index(&at, &["expire", "--before", "2024-13-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        util::stderr(&out).contains("bad date \"2024-13-01\""),
        "{}",
        util::stderr(&out)
    );
    let out = index(&at, &["remove", "no-such-id"]);
    assert_eq!(out.status.code(), Some(2));
    let err = util::stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no-such-id: no such document"), "{err}");
    assert_same_files(
        before.path(),
        export(&at).path(),
        "bad input changed the index",
    );
}

#[test]
fn refresh_and_compact_keep_what_run_writes() {
    let files = example_files();
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let batch = run_batch(&paths);
    let (_dir, at) = indexed_examples();
    let done = index(&at, &["refresh"]);
    assert_eq!(done.status.code(), Some(0), "{}", util::stderr(&done));
    let said = format!(
        "{}{}",
        util::stderr(&done),
        String::from_utf8_lossy(&done.stdout)
    );
    assert!(said.contains("refreshed"), "{said}");
    assert_same_files(batch.path(), export(&at).path(), "refreshed");
    let done = index(&at, &["compact"]);
    assert_eq!(done.status.code(), Some(0), "{}", util::stderr(&done));
    assert_same_files(batch.path(), export(&at).path(), "compacted");
}
