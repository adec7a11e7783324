//! Parquet in and out: a corpus as a Parquet input gives what the same records as JSON Lines
//! give; `--format both` writes Parquet files that read back (row by row, as JSON) to the
//! JSON Lines files, byte-identical from run to run; a Parquet input on stdin, compressed,
//! truncated, damaged or without a text column is one error line, and the good inputs are
//! still read.
#![cfg(feature = "parquet")]

mod util;

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use serde_json::{json, Map, Value};
use std::path::Path;
use std::sync::Arc;

/// The input record fields written for each extracted document.
const FIELDS: [&str; 7] = ["id", "title", "text", "date", "url", "byline", "outlet"];

/// The records of `samestory extract PATH` as JSON Lines input records: id, metadata and the
/// cleaned body as `text` (`published` as the date when the input had a time of day).
fn records(path: &Path) -> Vec<Map<String, Value>> {
    let out = util::run(&["extract", path.to_str().unwrap()]);
    assert_ne!(out.status.code(), Some(1), "{}", util::stderr(&out));
    let docs = util::jsonl(&String::from_utf8_lossy(&out.stdout));
    assert!(docs.len() > 3, "{} documents", docs.len());
    docs.iter()
        .map(|d| {
            let date = if d["published"].is_string() {
                &d["published"]
            } else {
                &d["date"]
            };
            let values = [
                &d["id"],
                &d["title"],
                &d["body"],
                date,
                &d["url"],
                &d["byline"],
                &d["outlet"],
            ];
            FIELDS
                .iter()
                .map(|f| f.to_string())
                .zip(values.into_iter().cloned())
                .collect()
        })
        .collect()
}

/// Writes `records` as `dir/corpus.jsonl` and `dir/corpus.parquet` (row groups of
/// `group_rows`); returns both paths.
fn write_inputs(dir: &Path, records: &[Map<String, Value>], group_rows: usize) -> [String; 2] {
    let jsonl: String = records
        .iter()
        .map(|r| format!("{}\n", Value::Object(r.clone())))
        .collect();
    let jsonl_path = dir.join("corpus.jsonl");
    std::fs::write(&jsonl_path, jsonl).unwrap();
    let fields: Vec<Field> = FIELDS
        .iter()
        .map(|f| Field::new(*f, DataType::Utf8, true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .build_decoder()
        .unwrap();
    decoder.serialize(records).unwrap();
    let batch: RecordBatch = decoder.flush().unwrap().unwrap();
    let props = parquet::file::properties::WriterProperties::builder()
        .set_max_row_group_row_count(Some(group_rows))
        .build();
    let parquet_path = dir.join("corpus.parquet");
    let file = std::fs::File::create(&parquet_path).unwrap();
    let mut writer = ArrowWriter::try_new(file, schema, Some(props)).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    [jsonl_path, parquet_path].map(|p| p.to_str().unwrap().to_string())
}

/// `samestory run INPUT --format both --out DIR`.
fn run_both(input: &str, out: &Path) {
    let out = util::run(&[
        "run",
        input,
        "--format",
        "both",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
}

/// The rows of a Parquet file as JSON objects (nulls written), values made comparable with
/// JSON Lines rows by [`comparable`].
fn parquet_rows(path: &Path) -> Vec<Value> {
    let file = std::fs::File::open(path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut text = Vec::new();
    let mut writer = arrow_json::WriterBuilder::new()
        .with_explicit_nulls(true)
        .build::<_, arrow_json::writer::LineDelimited>(&mut text);
    for batch in reader {
        writer.write(&batch.unwrap()).unwrap();
    }
    writer.finish().unwrap();
    let mut rows = util::jsonl(&String::from_utf8(text).unwrap());
    rows.iter_mut().for_each(unlist_values);
    rows.into_iter().map(comparable).collect()
}

/// A number's `value` back from its Parquet list (`[v]` → `v`, a range stays a pair).
fn unlist_values(row: &mut Value) {
    samestory_output::schema::for_each_number_value(row, unlist);
}

/// `[v]` → `v`.
fn unlist(value: Option<&mut Value>) {
    if let Some(v @ Value::Array(_)) = value {
        if v.as_array().is_some_and(|items| items.len() == 1) {
            *v = v[0].take();
        }
    }
}

/// JSON with every number as a float (Parquet's `1.0` is JSON Lines' `1`).
fn comparable(v: Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.into_iter().map(comparable).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, comparable(v))).collect()),
        other => other,
    }
}

fn jsonl_rows(path: &Path) -> Vec<Value> {
    util::read_jsonl(path).into_iter().map(comparable).collect()
}

/// A documents.jsonl row without what names its input (`source`, `format`).
fn without_input(mut doc: Value) -> Value {
    let o = doc.as_object_mut().unwrap();
    o.remove("source");
    o.remove("format");
    doc
}

/// Runs `records` as JSON Lines and as Parquet, both written in both formats, and checks that
/// every file agrees.
fn check_parquet_matches_json_lines(records: &[Map<String, Value>], group_rows: usize) {
    let inputs = tempfile::tempdir().unwrap();
    let [jsonl, parquet] = write_inputs(inputs.path(), records, group_rows);
    let (from_jsonl, from_parquet) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    run_both(&jsonl, from_jsonl.path());
    run_both(&parquet, from_parquet.path());
    let (a, b) = (from_jsonl.path(), from_parquet.path());
    let docs_a = util::read_jsonl(&a.join("documents.jsonl"));
    let docs_b = util::read_jsonl(&b.join("documents.jsonl"));
    assert_eq!(docs_a.len(), records.len());
    assert!(
        docs_b.iter().all(|d| d["format"] == "parquet"),
        "{:?}",
        docs_b[0]
    );
    let docs_a: Vec<Value> = docs_a.into_iter().map(without_input).collect();
    let docs_b: Vec<Value> = docs_b.into_iter().map(without_input).collect();
    assert_eq!(
        docs_a, docs_b,
        "documents (groups, stories, quotes, numbers) differ"
    );
    for name in ["stories", "relations"] {
        let file = format!("{name}.jsonl");
        assert_eq!(
            util::read_jsonl(&a.join(&file)),
            util::read_jsonl(&b.join(&file)),
            "{name}"
        );
    }
    for dir in [a, b] {
        for name in ["documents", "stories", "relations"] {
            let from_parquet = parquet_rows(&dir.join(format!("{name}.parquet")));
            let from_jsonl = jsonl_rows(&dir.join(format!("{name}.jsonl")));
            assert_eq!(from_parquet.len(), from_jsonl.len(), "{name}");
            for (p, j) in from_parquet.iter().zip(&from_jsonl) {
                assert_eq!(p, j, "{name}.parquet row differs from its JSON Lines row");
            }
        }
    }
}

#[test]
fn examples_as_parquet_give_what_json_lines_give() {
    let records = records(&util::examples_dir());
    check_parquet_matches_json_lines(&records, 4);
}

#[test]
fn seeds_as_parquet_give_what_json_lines_give() {
    let Some(shared) = util::shared_dir() else {
        return;
    };
    let records = records(&shared.join("seeds"));
    check_parquet_matches_json_lines(&records, 1024);
}

#[test]
fn parquet_output_is_byte_identical_from_run_to_run_and_ids_default_to_file_and_row() {
    let mut records = records(&util::examples_dir());
    records.iter_mut().for_each(|r| {
        r.remove("id");
    });
    let inputs = tempfile::tempdir().unwrap();
    let [_, parquet] = write_inputs(inputs.path(), &records, 5);
    let (first, second) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    run_both(&parquet, first.path());
    let out = util::run(&[
        "run",
        &parquet,
        "--format",
        "parquet",
        "-j",
        "1",
        "--out",
        second.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    assert!(
        util::stderr(&out).contains("report.html not written"),
        "{}",
        util::stderr(&out)
    );
    assert!(!second.path().join("documents.jsonl").exists());
    for name in ["documents", "stories", "relations"] {
        let file = format!("{name}.parquet");
        let (a, b) = (
            std::fs::read(first.path().join(&file)).unwrap(),
            std::fs::read(second.path().join(&file)).unwrap(),
        );
        assert!(a == b, "{file} differs between runs");
    }
    let docs = util::read_jsonl(&first.path().join("documents.jsonl"));
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut want: Vec<String> = (1..=records.len())
        .map(|row| format!("corpus.parquet:{row}"))
        .collect();
    want.sort();
    assert_eq!(ids, want);
}

#[test]
fn dedup_writes_parquet_too() {
    let records = records(&util::examples_dir());
    let inputs = tempfile::tempdir().unwrap();
    let [jsonl, _] = write_inputs(inputs.path(), &records, 1024);
    let out_dir = tempfile::tempdir().unwrap();
    let dir = out_dir.path();
    let args = [
        "dedup",
        &jsonl,
        "--format",
        "both",
        "--no-body",
        "--keep-first",
        "--out",
        dir.to_str().unwrap(),
    ];
    let out = util::run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", util::stderr(&out));
    for name in ["documents", "relations"] {
        let from_parquet = parquet_rows(&dir.join(format!("{name}.parquet")));
        assert_eq!(
            from_parquet,
            jsonl_rows(&dir.join(format!("{name}.jsonl"))),
            "{name}"
        );
    }
    assert!(!dir.join("stories.parquet").exists() && dir.join("kept.jsonl").exists());
}

const GOOD: &str = "The harbour ferry will cost more from May, the council said on Monday.\n\nCommuters called the increase unfair and asked for a monthly pass.\n";

/// A Parquet file of string `columns`, one row.
fn one_row(columns: &[(&str, &str)]) -> Vec<u8> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(n, _)| Field::new(*n, DataType::Utf8, true))
        .collect();
    let arrays: Vec<arrow_array::ArrayRef> = columns
        .iter()
        .map(|(_, v)| Arc::new(arrow_array::StringArray::from(vec![*v])) as arrow_array::ArrayRef)
        .collect();
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).unwrap();
    let mut bytes = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut bytes, batch.schema(), None).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    bytes
}

#[test]
fn bad_parquet_inputs_get_one_error_line_each_and_good_files_survive() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    let good = one_row(&[("id", "pq-good"), ("text", GOOD)]);
    write("good.txt", GOOD.as_bytes());
    write("good.parquet", &good);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&good).unwrap();
    write("compressed.parquet.gz", &gz.finish().unwrap());
    write(
        "compressed.parquet.zst",
        &zstd::encode_all(&good[..], 3).unwrap(),
    );
    write("truncated.parquet", &good[..good.len() / 2]);
    // A page the parquet crate panics on (found by fuzz/parquet): caught, one line, no panic
    // message.
    write(
        "damaged_page.parquet",
        include_bytes!("../../ingest/src/testdata/bad_bit_width_page.parquet"),
    );
    write(
        "no_text.parquet",
        &one_row(&[("id", "x"), ("headline", "No body here")]),
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
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
    let expected = [
        (
            "compressed.parquet.gz",
            "Parquet inside gzip cannot be read",
        ),
        (
            "compressed.parquet.zst",
            "Parquet inside zstd cannot be read",
        ),
        ("truncated.parquet", "bad Parquet file: no PAR1 footer"),
        ("damaged_page.parquet", "the Parquet decoder failed"),
        (
            "no_text.parquet",
            "not article input: Parquet without a text column",
        ),
    ];
    assert_eq!(errors.len(), expected.len(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (name, why) in expected {
        let line = errors
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name}: {stderr}"));
        assert!(line.contains(why), "{line}");
    }
    let docs = util::read_jsonl(&out_dir.path().join("documents.jsonl"));
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["good.txt", "pq-good"]);
}

#[test]
fn parquet_on_stdin_is_one_error() {
    let good = one_row(&[("text", GOOD)]);
    let out_dir = tempfile::tempdir().unwrap();
    let out = util::run_with_stdin(
        &["run", "-", "--out", out_dir.path().to_str().unwrap()],
        &good,
    );
    let stderr = util::stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("error:")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].contains("<stdin>: Parquet on standard input cannot be read"),
        "{stderr}"
    );
}
