//! Tests of `parquet`: rows through the JSON Lines record path, ids, row numbers across row
//! groups, and one error per bad file, row group or row.

use crate::{read_file, FileOutcome, IngestConfig, InputFile};
use arrow_array::{ArrayRef, Int64Array, RecordBatch, StringArray};
use parquet::arrow::ArrowWriter;
use parquet::file::properties::WriterProperties;
use samestory_core::Format;
use std::sync::Arc;

const TEXT: &str = "The harbour ferry will cost more from May, the council said on Monday.";

/// A Parquet file of `columns`, `group_rows` rows per row group.
fn parquet_bytes(columns: Vec<(&str, ArrayRef)>, group_rows: usize) -> Vec<u8> {
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let props = WriterProperties::builder()
        .set_max_row_group_row_count(Some(group_rows))
        .build();
    let mut bytes = Vec::new();
    let mut writer = ArrowWriter::try_new(&mut bytes, batch.schema(), Some(props)).unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    bytes
}

fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(StringArray::from(values.to_vec()))
}

fn read(bytes: &[u8], cfg: &IngestConfig) -> FileOutcome {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.parquet");
    std::fs::write(&path, bytes).unwrap();
    read_file(&InputFile::from_path(&path), cfg)
}

fn messages(out: &FileOutcome) -> Vec<String> {
    out.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn rows_become_documents_like_json_lines_records() {
    let html = format!(
        "<html><body><article><h1>Ferry fares rise</h1><p>{TEXT}</p></article></body></html>"
    );
    let bytes = parquet_bytes(
        vec![
            ("id", strings(&[Some("n1"), None])),
            ("text", strings(&[Some(TEXT), Some(&html)])),
            ("date", strings(&[Some("2024-03-05T10:00:00+01:00"), None])),
            ("ignored", strings(&[Some("x"), Some("y")])),
        ],
        1024,
    );
    let out = read(&bytes, &IngestConfig::default());
    assert!(out.errors.is_empty(), "{:?}", messages(&out));
    let [a, b] = &out.documents[..] else {
        panic!("two documents expected")
    };
    assert_eq!((a.id.as_str(), a.format), ("n1", Format::Parquet));
    assert_eq!(
        a.meta.published.as_deref(),
        Some("2024-03-05T10:00:00+01:00")
    );
    assert_eq!(b.id, "news.parquet:2");
    assert!(b.source.ends_with("news.parquet:2"), "{}", b.source);
    assert_eq!(b.meta.title.as_deref(), Some("Ferry fares rise"));
    assert_eq!(b.body, TEXT);
}

#[test]
fn row_numbers_run_on_across_row_groups_and_small_blocks() {
    let texts: Vec<String> = (1..=7).map(|i| format!("Article {i}. {TEXT}")).collect();
    let column: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
    let bytes = parquet_bytes(vec![("body", strings(&column))], 3);
    let cfg = IngestConfig {
        stream_block_bytes: 1,
        ..IngestConfig::default()
    };
    let out = read(&bytes, &cfg);
    assert!(out.errors.is_empty(), "{:?}", messages(&out));
    let ids: Vec<&str> = out.documents.iter().map(|d| d.id.as_str()).collect();
    let want: Vec<String> = (1..=7).map(|i| format!("news.parquet:{i}")).collect();
    assert_eq!(ids, want);
    assert!(out.documents[6].body.starts_with("Article 7."));
}

#[test]
fn a_bad_row_is_one_error_and_the_others_are_read() {
    let bytes = parquet_bytes(
        vec![
            ("id", strings(&[Some("a"), Some("b"), Some("c")])),
            (
                "text",
                strings(&[Some(TEXT), None, Some("<html><body></body></html>")]),
            ),
        ],
        1024,
    );
    let out = read(&bytes, &IngestConfig::default());
    assert_eq!(out.documents.len(), 1);
    let lines = messages(&out);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].ends_with("news.parquet:2: bad Parquet row: no text field (looked for text, body, content, article, maintext, html)"), "{lines:?}");
    assert!(
        lines[1].ends_with("news.parquet:3: bad Parquet row: empty text"),
        "{lines:?}"
    );
}

#[test]
fn column_names_come_from_the_json_lines_fields() {
    let bytes = parquet_bytes(
        vec![
            ("key", strings(&[Some("k1")])),
            ("story_text", strings(&[Some(TEXT)])),
        ],
        1024,
    );
    let mut cfg = IngestConfig::default();
    cfg.jsonl.id = vec!["key".into()];
    cfg.jsonl.text = vec!["story_text".into()];
    let out = read(&bytes, &cfg);
    assert!(out.errors.is_empty(), "{:?}", messages(&out));
    assert_eq!(out.documents[0].id, "k1");
}

#[test]
fn a_file_without_a_text_column_is_one_error() {
    let bytes = parquet_bytes(vec![("id", strings(&[Some("a"), Some("b")]))], 1024);
    let out = read(&bytes, &IngestConfig::default());
    assert!(out.documents.is_empty());
    assert_eq!(
        messages(&out),
        [format!(
            "{}: not article input: Parquet without a text column (looked for text, body, content, article, maintext, html)",
            out_path(&out)
        )]
    );
}

#[test]
fn a_text_column_of_numbers_is_one_error() {
    let numbers: ArrayRef = Arc::new(Int64Array::from(vec![1, 2]));
    let bytes = parquet_bytes(vec![("text", numbers)], 1024);
    let out = read(&bytes, &IngestConfig::default());
    assert!(out.documents.is_empty());
    let lines = messages(&out);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].ends_with("bad Parquet file: text column `text` holds Int64, not strings"),
        "{lines:?}"
    );
}

#[test]
fn a_truncated_file_is_one_error() {
    let bytes = parquet_bytes(vec![("text", strings(&[Some(TEXT)]))], 1024);
    for cut in [bytes.len() - 1, bytes.len() / 2, 4] {
        let out = read(&bytes[..cut], &IngestConfig::default());
        let lines = messages(&out);
        assert_eq!(lines.len(), 1, "{cut}: {lines:?}");
        assert!(
            lines[0].contains("bad Parquet file: no PAR1 footer"),
            "{lines:?}"
        );
    }
    let mut corrupt = bytes.clone();
    let footer = corrupt.len() - 8;
    corrupt[footer - 40..footer].fill(0xff);
    let out = read(&corrupt, &IngestConfig::default());
    let lines = messages(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("bad Parquet file"), "{lines:?}");
}

#[test]
fn compressed_or_piped_parquet_is_refused_with_the_reason() {
    use std::io::Write;
    let bytes = parquet_bytes(vec![("text", strings(&[Some(TEXT)]))], 1024);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&bytes).unwrap();
    let gz = gz.finish().unwrap();
    let out = read(&gz, &IngestConfig::default());
    let lines = messages(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].contains("Parquet inside gzip cannot be read"),
        "{lines:?}"
    );
    let stdin = crate::collect_inputs(&["-"]).0.remove(0);
    let raw: Box<dyn std::io::Read + Send> = Box::new(std::io::Cursor::new(bytes));
    let Err(e) = crate::stream::open_reader(&stdin, raw, &IngestConfig::default()) else {
        panic!("Parquet on stdin must be refused")
    };
    assert!(
        e.to_string()
            .starts_with("<stdin>: Parquet on standard input cannot be read"),
        "{e}"
    );
}

/// The `ARROW:schema` of the fuzz target's crash input (a `documents.parquet` schema with one
/// byte changed: an integer type of width 0).
const DAMAGED_ARROW_SCHEMA: &str = concat!(
    "/////wwEAAAQAAAAAAAKAAwACgAJAAQACgAAABAAAAAAAQQACAAIAAAABAAIAAAABAAAABAAAAC0AwAA",
    "eAMAAEwDAAAgAwAA9AIAALgCAACIAgAAYAIAADQCAADcAQAAsAEAAIQBAABYAQAAIAEAAOQAAAAEAAAA",
    "nPz//xgAAAAMAAAAAAAADMAAAAABAAAACAAAAJD8//+8/P//IAAAAAwAAAAAAAANlAAAAAMAAABgAAAA",
    "NAAAAAgAAAC4/P//5Pz//xQAAAAMAAAAAAAABQwAAAAAAAAA1Pz//wYAAAByZWFzb24AAAz9//8UAAAA",
    "DAAAAAAAAAUMAAAAAAAAAPz8//8EAAAAdGV4dAAAAAA0/f//EAAAABQAAAAAAAACEAAAAIL///8AAAAA",
    "AAAAAAQAAABsaW5lAAAAAAQAAABpdGVtAAAAAAcAAAByZW1vdmVkAHj9//8UAAAADAAAAAAAAAUMAAAA",
    "AAAAAGj9//8EAAAAYm9keQAAAAAQABYAEAAAAA8ABAAAAAgAEAAAABgAAAAcAAAAAAAAAhgAAAAAAAYA",
    "CAAEAAYAAABAAAAAAAAAAAUAAABjaGFycwAAAJT+//8UAAAADAAAAAAAAQUMAAAAAAAAANT9//8EAAAA",
    "bGFuZwAAAAC8/v//FAAAAAwAAAAAAAEFDAAAAAAAAAD8/f//BgAAAG91dGxldAAA5P7//xQAAAAMAAAA",
    "AAABBQwAAAAAAAAAJP7//wYAAABjcmVkaXQAAFz+//8YAAAADAAAAAAAAAw4AAAAAQAAAAgAAABQ/v//",
    "fP7//xQAAAAMAAAAAAAABQwAAAAAAAAAbP7//wQAAABpdGVtAAAAAAcAAABhdXRob3JzAGD///8UAAAA",
    "DAAAAAAAAQUMAAAAAAAAAKD+//8GAAAAYnlsaW5lAACI////FAAAAAwAAAAAAAEFDAAAAAAAAADI/v//",
    "AwAAAHVybACs////FAAAAAwAAAAAAAEFDAAAAAAAAADs/v//CQAAAHB1Ymxpc2hlZAAAANj///8UAAAA",
    "DAAAAAAAAQUMAAAAAAAAABj///8EAAAAZGF0ZQAAAAAQABQAEAAOAA8ABAAAAAgAEAAAABQAAAAMAAAA",
    "AAABBQwAAAAAAAAAUP///wUAAAB0aXRsZQAAAIj///8UAAAADAAAAAAAAAUMAAAAAAAAAHj///8FAAAA",
    "Z3JvdXAAAACw////FAAAAAwAAAAAAAAFDAAAAAAAAACg////BgAAAGZvcm1hdAAA2P///xQAAAAMAAAA",
    "AAAABQwAAAAAAAAAyP///wYAAABzb3VyY2UAABAAFAAQAAAADwAEAAAACAAQAAAAGAAAAAwAAAAAAAAF",
    "EAAAAAAAAAAEAAQABAAAAAIAAABpZAAA",
);

#[test]
fn a_damaged_embedded_arrow_schema_is_ignored_not_a_panic() {
    // What the fuzz target found: arrow-ipc panics on an `ARROW:schema` whose field has an
    // integer type of width 0. The reader ignores that schema; the Parquet types decide.
    use parquet::arrow::arrow_writer::ArrowWriterOptions;
    use parquet::file::metadata::KeyValue;
    let batch = RecordBatch::try_from_iter([("text", strings(&[Some(TEXT)]))]).unwrap();
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "ARROW:schema".to_string(),
            DAMAGED_ARROW_SCHEMA.to_string(),
        )]))
        .build();
    let options = ArrowWriterOptions::new()
        .with_properties(props)
        .with_skip_arrow_metadata(true);
    let mut bytes = Vec::new();
    let mut writer =
        parquet::arrow::ArrowWriter::try_new_with_options(&mut bytes, batch.schema(), options)
            .unwrap();
    writer.write(&batch).unwrap();
    writer.close().unwrap();
    let out = read(&bytes, &IngestConfig::default());
    assert!(out.errors.is_empty(), "{:?}", messages(&out));
    assert_eq!(out.documents.len(), 1);
    assert!(out.documents[0].body.contains("harbour ferry"));
}

#[test]
fn a_column_chunk_outside_the_file_is_one_error_not_a_panic() {
    // The fuzz target's second find: a footer giving a column chunk a negative offset, which
    // the parquet crate asserts against (a panic) when the row group is opened.
    let bytes = include_bytes!("testdata/negative_column_offset.parquet");
    let out = read(bytes, &IngestConfig::default());
    assert!(out.documents.is_empty());
    let lines = messages(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("lies outside the file"), "{lines:?}");
}

#[test]
fn a_page_the_parquet_crate_panics_on_is_one_error() {
    // The fuzz target's third find: a data page whose bit width is out of range, which the
    // parquet crate asserts against while decoding; the reader catches it.
    let bytes = include_bytes!("testdata/bad_bit_width_page.parquet");
    let out = read(bytes, &IngestConfig::default());
    let lines = messages(&out);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("the Parquet decoder failed"), "{lines:?}");
}

/// The display path of the file `read` wrote (errors name it).
fn out_path(out: &FileOutcome) -> String {
    let line = &messages(out)[0];
    line[..line.find(": ").unwrap()].to_string()
}
