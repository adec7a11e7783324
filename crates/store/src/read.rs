//! Reading stored documents back: one record, every record, or every document with its
//! body in id order (what a refresh or a query relates) — from a read transaction or from
//! the write transaction that is changing them.
//!
//! Must not: write.

use crate::error::{db, StoreError};
use crate::record::{decompress_text, DocumentRecord, Place};
use crate::tables::{DOCUMENTS, PLACES};
use crate::Index;
use redb::{ReadableDatabase, ReadableTable};
use samestory_core::Document;

/// Decodes the record stored under `id`.
pub fn record(index: &str, id: &str, bytes: &[u8]) -> Result<DocumentRecord, StoreError> {
    DocumentRecord::from_bytes(id, bytes).map_err(|e| damaged(index, "documents", id, e))
}

/// Decodes the place stored under `id`.
pub fn place(index: &str, id: &str, bytes: &[u8]) -> Result<Place, StoreError> {
    Place::from_bytes(id, bytes).map_err(|e| damaged(index, "places", id, e))
}

/// Every record, in id order.
pub fn records(index: &Index) -> Result<Vec<DocumentRecord>, StoreError> {
    let name = index.name.as_str();
    let txn = index.db.begin_read().map_err(db(name))?;
    let table = txn.open_table(DOCUMENTS).map_err(db(name))?;
    let mut out = Vec::new();
    for entry in table.iter().map_err(db(name))? {
        let (id, value) = entry.map_err(db(name))?;
        out.push(record(name, id.value(), value.value())?);
    }
    Ok(out)
}

/// Stored document `id` with its body.
pub fn document(
    index: &str,
    records: &impl ReadableTable<&'static str, &'static [u8]>,
    bodies: &impl ReadableTable<(&'static str, u16), &'static [u8]>,
    id: &str,
) -> Result<Document, StoreError> {
    let value = records.get(id).map_err(db(index))?;
    let value = value.ok_or_else(|| damaged(index, "documents", id, "missing"))?;
    let mut doc = record(index, id, value.value())?.document;
    doc.body = body(index, bodies, id)?;
    Ok(doc)
}

/// The body of stored document `id`.
pub fn body(
    index: &str,
    bodies: &impl ReadableTable<(&'static str, u16), &'static [u8]>,
    id: &str,
) -> Result<String, StoreError> {
    let body = crate::pieces::read(bodies, id, index)?;
    let body = body.ok_or_else(|| damaged(index, "body_pieces", id, "missing"))?;
    decompress_text(&body).map_err(|e| damaged(index, "body_pieces", id, e))
}

/// The `stories.jsonl` line of story `id` from its stored bytes (`packed`): decompressed,
/// and its unique passages cut from the stored bodies again ([`crate::story_line`]).
pub fn story_line(
    index: &str,
    bodies: &impl ReadableTable<(&'static str, u16), &'static [u8]>,
    id: &str,
    packed: &[u8],
) -> Result<String, StoreError> {
    let stored = decompress_text(packed).map_err(|e| damaged(index, "stories", id, e))?;
    crate::story_line::unpack(
        stored,
        |doc| body(index, bodies, doc),
        |why| damaged(index, "stories", id, why),
    )
}

/// Every stored document with its body, in id order, from `records` and `bodies`.
pub fn documents<'t>(
    index: &'t str,
    records: &'t impl ReadableTable<&'static str, &'static [u8]>,
    bodies: &'t impl ReadableTable<(&'static str, u16), &'static [u8]>,
) -> Result<impl Iterator<Item = Result<Document, StoreError>> + 't, StoreError> {
    let iter = records.iter().map_err(db(index))?;
    Ok(iter.map(move |entry| {
        let (id, value) = entry.map_err(db(index))?;
        let id = id.value();
        let mut doc = record(index, id, value.value())?.document;
        doc.body = body(index, bodies, id)?;
        Ok(doc)
    }))
}

impl Index {
    /// Where the last refresh put document `id` (group, story, quotes, numbers), when the
    /// index holds it.
    pub fn place(&self, id: &str) -> Result<Option<Place>, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let table = txn.open_table(PLACES).map_err(db(name))?;
        let value = table.get(id).map_err(db(name))?;
        value.map(|v| place(name, id, v.value())).transpose()
    }

    /// The stored record of document `id` (its body left out), when the index holds it.
    pub fn record(&self, id: &str) -> Result<Option<DocumentRecord>, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let table = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let value = table.get(id).map_err(db(name))?;
        value.map(|v| record(name, id, v.value())).transpose()
    }
}

/// The two ids (`a`, `b`) of a relations.jsonl line.
#[derive(serde::Deserialize)]
pub struct RelationEnds {
    /// The smaller id.
    pub a: String,
    /// The larger id.
    pub b: String,
}

/// The two ids of relations.jsonl line `line`.
pub fn relation_ends(line: &str) -> Result<RelationEnds, serde_json::Error> {
    serde_json::from_str(line)
}

/// A damaged record.
pub fn damaged(index: &str, table: &'static str, key: &str, why: impl ToString) -> StoreError {
    StoreError::Corrupt {
        index: index.to_string(),
        table,
        key: key.to_string(),
        why: why.to_string(),
    }
}
