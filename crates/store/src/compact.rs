//! Rewriting every table in key order, so its B-tree pages are full. Postings are keyed by
//! hashes, so an add inserts all over each table, and a page that fills splits into two half
//! full ones: a table written that way holds about as much empty space as entries (an 8-byte
//! posting took 12.6 bytes). Copied in key order, pages fill as they are written. Run by
//! [`crate::Index::defragment`] (`samestory index compact`) before redb's own compaction
//! gives the freed pages back.
//!
//! Must not: change a key or a value; the index means exactly what it meant before.

use crate::error::{db, StoreError};
use crate::tables::{
    BAND_KEYS, BODY_PIECES, DOCUMENTS, EXACT_KEYS, EXEMPLARS, HEADER, ISSUED_STORIES,
    NUMBERED_DOCUMENTS, PLACES, PRINT_KEYS, RELATIONS, RELATIONS_BY_DOCUMENT, STORIES, STORY_DF,
    STORY_SUMMARIES, TERM_COUNTS, TERM_KEYS, URL_KEYS,
};
use redb::{
    Key, MultimapTableDefinition, ReadableMultimapTable, ReadableTable, TableDefinition, Value,
    WriteTransaction,
};

/// Rewrites every table of the index in key order, in `txn`.
pub fn rewrite_all(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    rewrite(txn, HEADER, "header.rewrite", index)?;
    rewrite(txn, DOCUMENTS, "documents.rewrite", index)?;
    rewrite(txn, BODY_PIECES, "body_pieces.rewrite", index)?;
    rewrite(txn, PLACES, "places.rewrite", index)?;
    rewrite(txn, RELATIONS, "relations.rewrite", index)?;
    rewrite(txn, STORIES, "stories.rewrite", index)?;
    rewrite(txn, ISSUED_STORIES, "issued_stories.rewrite", index)?;
    rewrite(txn, NUMBERED_DOCUMENTS, "numbered_documents.rewrite", index)?;
    rewrite(txn, EXACT_KEYS, "exact_keys.rewrite", index)?;
    rewrite(txn, BAND_KEYS, "band_keys.rewrite", index)?;
    rewrite(txn, PRINT_KEYS, "print_postings.rewrite", index)?;
    rewrite(txn, TERM_KEYS, "term_keys.rewrite", index)?;
    rewrite(txn, TERM_COUNTS, "term_counts.rewrite", index)?;
    rewrite(txn, URL_KEYS, "url_keys.rewrite", index)?;
    rewrite(txn, STORY_DF, "story_df.rewrite", index)?;
    rewrite(txn, EXEMPLARS, "exemplars.rewrite", index)?;
    rewrite(txn, STORY_SUMMARIES, "story_summaries.rewrite", index)?;
    rewrite_multimap(
        txn,
        RELATIONS_BY_DOCUMENT,
        "relations_by_document.rewrite",
        index,
    )
}

/// Copies `table` into a scratch table and back, each time in key order.
fn rewrite<K: Key + 'static, V: Value + 'static>(
    txn: &WriteTransaction,
    table: TableDefinition<K, V>,
    scratch: &'static str,
    index: &str,
) -> Result<(), StoreError> {
    let scratch = TableDefinition::<K, V>::new(scratch);
    copy(txn, table, scratch, index)?;
    copy(txn, scratch, table, index)
}

/// Moves every entry of `from` into `to` (new: absent or empty), in key order, and deletes
/// `from`.
fn copy<K: Key + 'static, V: Value + 'static>(
    txn: &WriteTransaction,
    from: TableDefinition<K, V>,
    to: TableDefinition<K, V>,
    index: &str,
) -> Result<(), StoreError> {
    {
        let source = txn.open_table(from).map_err(db(index))?;
        let mut target = txn.open_table(to).map_err(db(index))?;
        for entry in source.iter().map_err(db(index))? {
            let (k, v) = entry.map_err(db(index))?;
            target.insert(k.value(), v.value()).map_err(db(index))?;
        }
    }
    txn.delete_table(from).map_err(db(index))?;
    Ok(())
}

/// [`rewrite`] for a multimap table.
fn rewrite_multimap<K: Key + 'static, V: Key + 'static>(
    txn: &WriteTransaction,
    table: MultimapTableDefinition<K, V>,
    scratch: &'static str,
    index: &str,
) -> Result<(), StoreError> {
    let scratch = MultimapTableDefinition::<K, V>::new(scratch);
    for (from, to) in [(table, scratch), (scratch, table)] {
        {
            let source = txn.open_multimap_table(from).map_err(db(index))?;
            let mut target = txn.open_multimap_table(to).map_err(db(index))?;
            for entry in source.iter().map_err(db(index))? {
                let (k, values) = entry.map_err(db(index))?;
                for v in values {
                    let v = v.map_err(db(index))?;
                    target.insert(k.value(), v.value()).map_err(db(index))?;
                }
            }
        }
        txn.delete_multimap_table(from).map_err(db(index))?;
    }
    Ok(())
}
