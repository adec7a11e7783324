//! `extract(records)`: each row of a record batch read as one JSON Lines record, through
//! ingest's own `jsonl::read_record` (the text field sniffed as HTML, markdown or text; the
//! record's metadata fields overlaid; ids from the id field, else `NAME:ROW`), with its
//! quotes and numbers from `compare::extract_facts` — the rows `samestory extract` prints,
//! as Arrow columns.

use crate::arrow::{batch_of, for_python};
use crate::errors::{Error, Result};
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use rayon::prelude::*;
use samestory_compare::{extract_facts, Facts};
use samestory_core::{Config, Document};
use samestory_ingest::sources::InputSource;
use samestory_ingest::{jsonl, IdSet, IngestError, InputFile};
use samestory_pipeline::rows::ExtractRow;
use serde_json::Value;
use std::sync::OnceLock;

/// What to do with a record that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first one (the error names its row).
    Raise,
    /// Leave it out.
    Skip,
}

/// The documents of `batches`' rows in row order (rows numbered from 1 across batches);
/// `name` stands for the file in ids (`NAME:ROW`) and sources. Without `with_facts`, the
/// quotes and numbers columns are left null (the relation and story stages never read
/// them).
pub fn extract(
    batches: &[RecordBatch],
    name: &str,
    cfg: &Config,
    on_error: OnError,
    with_facts: bool,
) -> Result<RecordBatch> {
    let input = InputFile {
        id: name.to_string(),
        display: name.to_string(),
        source: InputSource::Stdin,
    };
    let mut docs = Vec::new();
    let mut first_row = 1;
    for batch in batches {
        let lines = json_lines(batch)?;
        let read: Vec<std::result::Result<Document, IngestError>> = lines
            .par_iter()
            .enumerate()
            .map(|(i, line)| jsonl::read_record(&input, first_row + i, line, &cfg.ingest))
            .collect();
        first_row += batch.num_rows();
        docs.extend(read);
    }
    let docs = admit(docs, on_error)?;
    let facts: Vec<Option<Facts>> = docs
        .par_iter()
        .map(|d| with_facts.then(|| extract_facts(&d.body, d.meta.lang.as_deref(), &cfg.compare)))
        .collect();
    let rows: Vec<Value> = docs
        .iter()
        .zip(&facts)
        .map(|(d, f)| row_json(d, f.as_ref()))
        .collect::<Result<_>>()?;
    batch_of(schema(), &rows)
}

/// The rows of a batch as JSON objects, one line each (nulls left out, as a missing field).
fn json_lines(batch: &RecordBatch) -> Result<Vec<String>> {
    let mut writer = arrow_json::LineDelimitedWriter::new(Vec::new());
    writer.write(batch)?;
    writer.finish()?;
    let text = String::from_utf8(writer.into_inner())
        .map_err(|e| Error::Input(format!("records: not UTF-8 JSON: {e}")))?;
    Ok(text.lines().map(str::to_string).collect())
}

/// The good documents; a bad record or a repeated id (the later record's) raises or is left
/// out, as `on_error` says.
fn admit(
    read: Vec<std::result::Result<Document, IngestError>>,
    on_error: OnError,
) -> Result<Vec<Document>> {
    let mut ids = IdSet::default();
    let mut docs: Vec<Document> = Vec::with_capacity(read.len());
    for r in read {
        let checked = r.and_then(|d| match ids.admit(&d.id, docs.len() as u32) {
            Ok(()) => Ok(d),
            Err(first) => Err(IngestError::DuplicateId {
                record: d.source.clone(),
                id: d.id.clone(),
                first: docs[first as usize].source.clone(),
            }),
        });
        match (checked, on_error) {
            (Ok(d), _) => docs.push(d),
            (Err(e), OnError::Raise) => return Err(e.into()),
            (Err(_), OnError::Skip) => {}
        }
    }
    Ok(docs)
}

/// A document's `samestory extract` line as JSON, each number's `value` made a list (one
/// value, or a range's two) so that the column has one type.
fn row_json(doc: &Document, facts: Option<&Facts>) -> Result<Value> {
    // Through the JSON text, so an `f32` (a quote's confidence) is the number the CLI
    // writes (0.7), not its widened binary value (0.699999988…).
    let text = serde_json::to_string(&ExtractRow::new(doc, &doc.body, facts))
        .map_err(|e| Error::Internal(e.to_string()))?;
    let mut row: Value = serde_json::from_str(&text).map_err(|e| Error::Internal(e.to_string()))?;
    samestory_output::schema::values_as_lists(&mut row);
    Ok(row)
}

/// The columns of `extract`'s output: the fields of a `samestory extract` line
/// (`samestory_output::schema::extract`, as Python takes it).
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| for_python(&samestory_output::schema::extract()))
        .clone()
}
