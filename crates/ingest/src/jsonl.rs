//! JSON Lines containers: one article per line. Field names come from [`JsonlFields`]; the
//! text field may hold plain text, markdown or HTML (sniffed). A record's own metadata fields
//! win over what extraction finds; the first date field holding a date-time with an offset
//! (or a Unix time, UTC) also gives the publication time. A bad line is one error; the other lines still count; a
//! file none of whose records has text is one error ([`RecordTally`]). Records come from a
//! whole text ([`read_records`]) or a [`JsonlStream`] ([`read_stream`], or block by block).
//! A Parquet row is read as the JSON object of its columns, through the same path
//! ([`read_object`] with [`RecordAt::Row`]).

use crate::assemble::{assemble, Record};
use crate::meta::date::parse_date;
use crate::meta::timestamp::{epoch_seconds, epoch_timestamp, parse_timestamp};
use crate::stream::{JsonlStream, LineBlock};
use crate::{extract_any, sniff, FileOutcome, IngestError, InputFile};
use samestory_core::{Document, Format, IngestConfig, JsonlFields};
use serde_json::{Map, Value};

/// Reads every non-blank line of a JSONL text as one record.
pub fn read_records(input: &InputFile, text: &str, cfg: &IngestConfig, out: &mut FileOutcome) {
    let mut tally = RecordTally::default();
    let results = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| read_record(input, i + 1, l, cfg));
    results.for_each(|r| tally.take(r, out));
    tally.finish(input, &cfg.jsonl, out);
}

/// Reads a streamed JSON Lines input on the calling thread.
pub fn read_stream(mut stream: JsonlStream, cfg: &IngestConfig) -> FileOutcome {
    let input = stream.input().clone();
    let blocks = std::iter::from_fn(|| stream.next_block());
    read_blocks(&input, blocks, RecordTally::default(), RecordAt::Line, cfg)
}

/// Reads blocks of records (JSON objects, one a line, numbered `at(n)`) on the calling
/// thread: a JSON Lines or a Parquet stream.
pub(crate) fn read_blocks(
    input: &InputFile,
    blocks: impl Iterator<Item = Result<LineBlock, IngestError>>,
    mut tally: RecordTally,
    at: fn(usize) -> RecordAt,
    cfg: &IngestConfig,
) -> FileOutcome {
    let mut out = FileOutcome::default();
    for block in blocks {
        match block {
            Ok(mut block) => {
                tally.take_block_notes(&mut block, &mut out);
                let lines = block
                    .lines()
                    .map(|(n, l)| read_object(input, at(n), l, cfg));
                lines.for_each(|r| tally.take(r, &mut out));
            }
            Err(e) => out.errors.push(e),
        }
    }
    tally.finish(input, &cfg.jsonl, &mut out);
    out
}

/// Folds record results in line order into a [`FileOutcome`], holding back "no text
/// field" errors until a record with text is seen: a file none of whose records has text
/// (a label file, say) gives one `NotArticles` error instead of one error per line.
#[derive(Debug, Default)]
pub struct RecordTally {
    seen_text: bool,
    held: Vec<IngestError>,
    parquet: bool,
}

impl RecordTally {
    /// A tally of a Parquet input's rows (its error names Parquet, not JSON Lines).
    pub fn parquet() -> Self {
        RecordTally {
            parquet: true,
            ..RecordTally::default()
        }
    }

    /// Takes one record's result.
    pub fn take(&mut self, result: Result<Document, IngestError>, out: &mut FileOutcome) {
        match result {
            Ok(doc) => {
                self.release(out);
                out.documents.push(doc);
            }
            Err(e) if !self.seen_text && is_missing_text(&e) => self.held.push(e),
            Err(e) => {
                if !is_missing_text(&e) {
                    self.release(out);
                }
                out.errors.push(e);
            }
        }
    }

    /// Takes a block's skipped-line errors and its warning (leaving them out of `block`).
    pub fn take_block_notes(&mut self, block: &mut LineBlock, out: &mut FileOutcome) {
        out.warnings.extend(block.warning.take());
        if !block.skipped.is_empty() {
            self.release(out);
        }
        out.errors.append(&mut block.skipped);
    }

    /// Ends the input: errors still held (every record so far lacked text, and there was
    /// no other error) become one `NotArticles` error.
    pub fn finish(self, input: &InputFile, fields: &JsonlFields, out: &mut FileOutcome) {
        if !self.held.is_empty() {
            let container = if self.parquet {
                "Parquet"
            } else {
                "JSON Lines"
            };
            out.errors.push(no_text_anywhere(input, container, fields));
        }
    }

    /// Records that the input has article records: held errors are ordinary errors now.
    fn release(&mut self, out: &mut FileOutcome) {
        self.seen_text = true;
        out.errors.append(&mut self.held);
    }
}

const NO_TEXT_FIELD: &str = "no text field";

fn is_missing_text(e: &IngestError) -> bool {
    matches!(e, IngestError::BadRecord { why, .. } | IngestError::BadRow { why, .. }
        if why.starts_with(NO_TEXT_FIELD))
}

/// One error for a JSON Lines file that is not an article dump at all (e.g. a label file).
fn no_text_anywhere(input: &InputFile, container: &str, fields: &JsonlFields) -> IngestError {
    IngestError::NotArticles {
        path: input.display.clone(),
        why: format!(
            "{container} without articles: no record has a text field ({})",
            fields.text.join(", ")
        ),
    }
}

/// Where a record sits in its container, 1-based: what its errors, id and source name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordAt {
    /// A line of a JSON Lines input.
    Line(usize),
    /// A row of a Parquet input.
    Row(usize),
}

impl RecordAt {
    /// The line or row number.
    fn number(self) -> usize {
        match self {
            RecordAt::Line(n) | RecordAt::Row(n) => n,
        }
    }

    /// The shape its document is read from.
    fn format(self) -> Format {
        match self {
            RecordAt::Line(_) => Format::Jsonl,
            RecordAt::Row(_) => Format::Parquet,
        }
    }

    /// The error of this record of `input`.
    fn bad(self, input: &InputFile, why: String) -> IngestError {
        let path = input.display.clone();
        match self {
            RecordAt::Line(line) => IngestError::BadRecord { path, line, why },
            RecordAt::Row(row) => IngestError::BadRow { path, row, why },
        }
    }
}

/// One JSON Lines record (line number `line`, 1-based) as a document.
pub fn read_record(
    input: &InputFile,
    line: usize,
    raw: &str,
    cfg: &IngestConfig,
) -> Result<Document, IngestError> {
    read_object(input, RecordAt::Line(line), raw, cfg)
}

/// One record, the JSON object `raw` (a JSON Lines line, or a Parquet row's columns), as a
/// document: id from the id field, else `FILE:N`; source `PATH:N`.
pub fn read_object(
    input: &InputFile,
    at: RecordAt,
    raw: &str,
    cfg: &IngestConfig,
) -> Result<Document, IngestError> {
    let bad = |why: String| at.bad(input, why);
    let obj = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => return Err(bad("not a JSON object".into())),
        Err(e) => return Err(bad(format!("invalid JSON: {e}"))),
    };
    let fields = &cfg.jsonl;
    let text = first_string(&obj, &fields.text).ok_or_else(|| {
        bad(format!(
            "{NO_TEXT_FIELD} (looked for {})",
            fields.text.join(", ")
        ))
    })?;
    let inner = inner_format(&text);
    let mut extracted = extract_any(&text, inner, cfg).ok_or_else(|| bad("empty text".into()))?;
    overlay_metadata(&mut extracted, &obj, fields);
    let n = at.number();
    let record = Record {
        id: first_string(&obj, &fields.id).unwrap_or_else(|| format!("{}:{n}", input.id)),
        source: format!("{}:{n}", input.display),
        format: at.format(),
    };
    Ok(assemble(record, extracted, cfg))
}

fn inner_format(text: &str) -> Format {
    match sniff::sniff_text(text) {
        Format::Html => Format::Html,
        Format::Markdown => Format::Markdown,
        _ => Format::Text,
    }
}

fn overlay_metadata(ex: &mut crate::Extracted, obj: &Map<String, Value>, f: &JsonlFields) {
    overlay(&mut ex.title, first_string(obj, &f.title));
    overlay(&mut ex.url, first_string(obj, &f.url));
    if let Some(byline) = first_string(obj, &f.byline) {
        // The record's author fields win; assembly reads them into persons and credit.
        ex.byline = Some(byline);
        ex.authors.clear();
    }
    overlay(&mut ex.outlet, first_string(obj, &f.outlet));
    overlay(&mut ex.date, first_date(obj, &f.date));
    overlay(&mut ex.published, first_timestamp(obj, &f.date));
}

fn overlay(slot: &mut Option<String>, value: Option<String>) {
    if value.is_some() {
        *slot = value;
    }
}

/// The first listed field holding a non-empty string (numbers are stringified; arrays of
/// strings are joined with ", ", objects with a `name` give that name).
fn first_string(obj: &Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().filter_map(|n| obj.get(n)).find_map(value_text)
}

fn value_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items
            .iter()
            .filter_map(value_text)
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(o) => o.get("name").and_then(value_text)?,
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn first_date(obj: &Map<String, Value>, names: &[String]) -> Option<String> {
    names.iter().filter_map(|n| obj.get(n)).find_map(date_value)
}

fn date_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => parse_date(s),
        Value::Number(n) => epoch_date(n.as_i64()?),
        _ => None,
    }
}

/// Unix time in seconds or milliseconds → `YYYY-MM-DD` (UTC).
fn epoch_date(t: i64) -> Option<String> {
    let dt = chrono::DateTime::from_timestamp(epoch_seconds(t), 0)?;
    Some(dt.format("%Y-%m-%d").to_string())
}

/// The first listed field holding a date-time with an offset or a Unix time, normalised.
fn first_timestamp(obj: &Map<String, Value>, names: &[String]) -> Option<String> {
    names
        .iter()
        .filter_map(|n| obj.get(n))
        .find_map(timestamp_value)
}

fn timestamp_value(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => parse_timestamp(s),
        Value::Number(n) => epoch_timestamp(n.as_i64()?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> FileOutcome {
        let input = InputFile::from_path(std::path::Path::new("dump.jsonl"));
        let mut out = FileOutcome::default();
        read_records(&input, text, &IngestConfig::default(), &mut out);
        out
    }

    #[test]
    fn records_take_ids_and_metadata_from_fields() {
        let out = run(concat!(
            r#"{"id": "n1", "title": "Ferry fares rise", "text": "The harbour ferry will cost more from May, the council said on Monday.", "date": "2024-03-05T10:00:00Z", "url": "https://news.example/ferry?utm_source=rss"}"#,
            "\n\n",
            r#"{"headline": "No id here", "body": "A second article without an id field, long enough to matter.", "published": 1709632800}"#,
            "\n"
        ));
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let [a, b] = &out.documents[..] else {
            panic!("two documents expected")
        };
        assert_eq!(a.id, "n1");
        assert_eq!(a.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(a.meta.url.as_deref(), Some("https://news.example/ferry"));
        assert_eq!(a.format, Format::Jsonl);
        assert_eq!(b.id, "dump.jsonl:3");
        assert_eq!(b.meta.title.as_deref(), Some("No id here"));
        assert_eq!(b.meta.date.as_deref(), Some("2024-03-05"));
    }

    /// Byline, persons and credit of one record holding `fields` and a text.
    fn people(fields: &str) -> (Option<String>, Vec<String>, Option<String>) {
        let line = format!(
            r#"{{{fields}, "text": "The harbour ferry will cost more from May, the council said."}}"#
        );
        let out = run(&line);
        let doc = &out.documents[0];
        (
            doc.meta.byline.clone(),
            doc.meta.authors.clone(),
            doc.meta.credit.clone(),
        )
    }

    #[test]
    fn author_fields_give_persons_and_credit() {
        let (byline, authors, _) =
            people(r#""authors": [{"name": "Ann Lee"}, {"name": "Bo Park"}]"#);
        assert_eq!(byline.as_deref(), Some("Ann Lee and Bo Park"));
        assert_eq!(authors, ["Ann Lee", "Bo Park"]);
        let (byline, _, credit) = people(r#""author": "By Ann Lee, Reuters""#);
        assert_eq!(
            (byline.as_deref(), credit.as_deref()),
            (Some("Ann Lee"), Some("Reuters"))
        );
        let (byline, authors, _) = people(r#""author": "annlee99""#);
        assert_eq!((byline, authors.len()), (None, 0));
    }

    /// `published` of one record holding `fields` and a text.
    fn published(fields: &str) -> (Option<String>, Option<String>) {
        let line = format!(
            r#"{{{fields}, "text": "The harbour ferry will cost more from May, the council said."}}"#
        );
        let out = run(&line);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        let doc = &out.documents[0];
        (doc.meta.date.clone(), doc.meta.published.clone())
    }

    #[test]
    fn timestamps_give_the_publication_time() {
        let cases = [
            (
                r#""date": "2024-03-05T10:00:00+01:00""#,
                Some("2024-03-05T10:00:00+01:00"),
            ),
            (
                r#""published_at": "2024-03-05T10:00:00.5Z""#,
                Some("2024-03-05T10:00:00Z"),
            ),
            (r#""published": 1709632800"#, Some("2024-03-05T10:00:00Z")),
            (
                r#""published": 1709632800000"#,
                Some("2024-03-05T10:00:00Z"),
            ),
            (
                r#""date": "2024-03-05", "pubdate": "2024-03-05T23:00:00-04:00""#,
                Some("2024-03-05T23:00:00-04:00"),
            ),
            (r#""date": "2024-03-05""#, None),
            (r#""date": "2024-03-05T10:00:00""#, None),
            (
                r#""date": "2024-03-05", "published": "2024-03-06T01:00:00+02:00""#,
                None,
            ),
            (
                r#""date": "2024-03-05", "published": "2024-03-05T25:00:00Z""#,
                None,
            ),
            (r#""published": "soon""#, None),
        ];
        for (fields, want) in cases {
            assert_eq!(published(fields).1.as_deref(), want, "{fields}");
        }
        assert_eq!(
            published(r#""date": "2024-03-05T10:00:00+01:00""#)
                .0
                .as_deref(),
            Some("2024-03-05")
        );
    }

    #[test]
    fn the_record_s_date_decides_over_an_html_page_time() {
        let page = r#"<html><head><meta property='article:published_time' content='2024-03-04T09:00:00Z'></head><body><article><p>The harbour ferry will cost more from May, the council said on Monday.</p></article></body></html>"#;
        let line = |date: &str| format!(r#"{{"date": "{date}", "html": "{page}"}}"#);
        let out = run(&line("2024-03-05"));
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert_eq!(out.documents[0].meta.published, None);
        let out = run(&line("2024-03-04"));
        assert_eq!(
            out.documents[0].meta.published.as_deref(),
            Some("2024-03-04T09:00:00Z")
        );
    }

    #[test]
    fn bad_lines_are_errors_and_good_lines_survive() {
        let out =
            run("{\"id\": 1, \"text\": \"Good record text.\"}\n{broken\n[1,2]\n{\"id\": 3}\n");
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].id, "1");
        let lines: Vec<String> = out.errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("dump.jsonl:2: bad JSONL record: invalid JSON"));
        assert!(lines[2].contains("no text field"));
    }

    #[test]
    fn a_label_file_is_one_error_not_one_per_line() {
        let out = run("{\"id\": \"a\", \"group\": 1}\n{\"id\": \"b\", \"group\": 2}\n");
        assert!(out.documents.is_empty());
        assert_eq!(out.errors.len(), 1);
        assert!(out.errors[0]
            .to_string()
            .starts_with("dump.jsonl: not article input"));
    }
}
