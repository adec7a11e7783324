//! Bringing an index of an older format to this one, inside the write transaction that opens
//! it (all or nothing), one step per format. Format 2 lacks `term_counts`, which its
//! `term_keys` postings give, and keeps each body and story line as one value, which are cut
//! into pieces. Format 3 stores places, story members and summaries as full JSON and story
//! lines with their unique passages' texts: they are rewritten compactly ([`crate::record`],
//! [`crate::encode`], [`crate::story_line`]); its fingerprint postings (`print_keys`, 8-byte
//! keys) move to `print_postings` (7-byte keys). Formats 3 and 4 store records as JSON and
//! each document's number in `document_numbers`: the number moves into the record, which is
//! rewritten in binary, and the table goes. Other keys, postings and bodies are unchanged.
//!
//! Must not: decide which format to migrate from (`header` does).

use crate::encode;
use crate::error::{db, StoreError};
use crate::read;
use crate::record::{compress_text, DocumentRecord};
use crate::tables::{BODY_PIECES, DOCUMENTS, ISSUED_STORIES, PLACES, STORIES, STORY_SUMMARIES};
use redb::{ReadableTable, TableDefinition, WriteTransaction};

/// Format 2 to format 3.
pub fn from_format_2(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    crate::sketches::recount_terms(txn, index)?;
    let format_2 = |name| TableDefinition::<&str, &[u8]>::new(name);
    crate::pieces::migrate(txn, format_2("bodies"), BODY_PIECES, index)?;
    crate::pieces::migrate(txn, format_2("stories"), STORIES, index)
}

/// Format 3 to format 4: places, story members, summaries and story lines rewritten
/// compactly; fingerprint postings moved to 7-byte keys (records: [`from_format_4`]).
pub fn from_format_3(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    crate::sketches::migrate_print_keys(txn, TableDefinition::new("print_keys"), index)?;
    rewrite(txn, PLACES, index, |id, bytes| {
        let place = read::place(index, id, bytes)?;
        place
            .to_bytes(id)
            .map_err(|e| read::damaged(index, "places", id, e))
    })?;
    rewrite(txn, ISSUED_STORIES, index, |id, bytes| {
        let members = encode::members_from_bytes(id, bytes)
            .map_err(|e| read::damaged(index, "issued_stories", id, e))?;
        encode::members_to_bytes(id, &members)
            .map_err(|e| read::damaged(index, "issued_stories", id, e))
    })?;
    rewrite(txn, STORY_SUMMARIES, index, |id, bytes| {
        let summary = encode::summary_from_bytes(id, bytes)
            .map_err(|e| read::damaged(index, "story_summaries", id, e))?;
        encode::summary_to_bytes(&summary)
            .map_err(|e| read::damaged(index, "story_summaries", id, e))
    })?;
    let mut lines = Vec::new();
    {
        let stories = txn.open_table(STORIES).map_err(db(index))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(index))?;
        for entry in crate::pieces::all(&stories, index)? {
            let (id, packed) = entry?;
            let line = read::story_line(index, &bodies, &id, &packed)?;
            lines.push((id, line));
        }
    }
    let mut stories = txn.open_table(STORIES).map_err(db(index))?;
    for (id, line) in lines {
        let packed = compress_text(&crate::story_line::pack(&line))
            .map_err(|e| db(index)(redb::Error::Io(e)))?;
        crate::pieces::write(&mut stories, &id, &packed, index)?;
    }
    Ok(())
}

/// Format 4 (or 3) to format 5: each record rewritten in binary with its number from
/// `document_numbers`, which goes.
pub fn from_format_4(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    let legacy = TableDefinition::<&str, u32>::new("document_numbers");
    {
        let numbers = txn.open_table(legacy).map_err(db(index))?;
        rewrite(txn, DOCUMENTS, index, |id, bytes| {
            let number = numbers
                .get(id)
                .map_err(db(index))?
                .ok_or_else(|| read::damaged(index, "documents", id, "no document number"))?
                .value();
            DocumentRecord::from_legacy_json(bytes, number)
                .and_then(|record| record.to_bytes())
                .map_err(|e| read::damaged(index, "documents", id, e))
        })?;
    }
    txn.delete_table(legacy).map_err(db(index))?;
    Ok(())
}

/// Replaces every value of `table` by `f(id, value)`.
fn rewrite(
    txn: &WriteTransaction,
    table: TableDefinition<&str, &[u8]>,
    index: &str,
    f: impl Fn(&str, &[u8]) -> Result<Vec<u8>, StoreError>,
) -> Result<(), StoreError> {
    let mut table = txn.open_table(table).map_err(db(index))?;
    let mut new = Vec::new();
    for entry in table.iter().map_err(db(index))? {
        let (id, bytes) = entry.map_err(db(index))?;
        new.push((id.value().to_string(), f(id.value(), bytes.value())?));
    }
    for (id, bytes) in new {
        table
            .insert(id.as_str(), bytes.as_slice())
            .map_err(db(index))?;
    }
    Ok(())
}
