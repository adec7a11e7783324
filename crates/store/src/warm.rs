//! Warming the page cache: reading the tables a query looks its candidates up in (postings,
//! term counts, numbered documents) once, in key order, so that a process answering many
//! queries (`samestory serve`) finds their pages in redb's cache instead of reading a
//! random page of the file for most lookups. Worth it when the cache budget holds them (at
//! 10^6 documents about 1.3 GB); reading stops at the budget.
//!
//! Must not: write.

use crate::error::{db, StoreError};
use crate::tables::{
    BAND_KEYS, EXACT_KEYS, NUMBERED_DOCUMENTS, PRINT_KEYS, TERM_COUNTS, TERM_KEYS, URL_KEYS,
};
use crate::Index;
use redb::{Key, ReadTransaction, ReadableDatabase, ReadableTable, TableDefinition, Value};

impl Index {
    /// Reads the query's lookup tables once, most used first, until about `budget` bytes of
    /// keys and values have been read; returns the bytes read. Pages read stay in the
    /// cache (set by `IndexBuilder::cache_bytes`) as far as it holds them.
    pub fn warm(&self, budget: usize) -> Result<usize, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let mut read = 0;
        read += scan(&txn, PRINT_KEYS, budget.saturating_sub(read), name)?;
        read += scan(&txn, BAND_KEYS, budget.saturating_sub(read), name)?;
        read += scan(&txn, TERM_COUNTS, budget.saturating_sub(read), name)?;
        read += scan(&txn, TERM_KEYS, budget.saturating_sub(read), name)?;
        read += scan(&txn, EXACT_KEYS, budget.saturating_sub(read), name)?;
        read += scan(&txn, URL_KEYS, budget.saturating_sub(read), name)?;
        read += scan(&txn, NUMBERED_DOCUMENTS, budget.saturating_sub(read), name)?;
        Ok(read)
    }
}

/// Reads `table` in key order until `budget` bytes; returns the bytes read.
fn scan<K: Key + 'static, V: Value + 'static>(
    txn: &ReadTransaction,
    table: TableDefinition<K, V>,
    budget: usize,
    name: &str,
) -> Result<usize, StoreError> {
    let table = txn.open_table(table).map_err(db(name))?;
    let mut read = 0;
    for entry in table.iter().map_err(db(name))? {
        if read >= budget {
            break;
        }
        let (k, v) = entry.map_err(db(name))?;
        read += K::as_bytes(&k.value()).as_ref().len() + V::as_bytes(&v.value()).as_ref().len();
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use crate::IndexBuilder;
    use redb::backends::InMemoryBackend;
    use samestory_core::{Config, Document, Format};

    #[test]
    fn warming_reads_the_postings_up_to_the_budget() {
        let index = IndexBuilder::new(Config::default())
            .open_backend(InMemoryBackend::new(), "memory")
            .unwrap();
        let body = "Flood waters rose along the Westmere river on Tuesday as the spillway \
            at Orrin dam reached its limit, and the authority ordered an evacuation.";
        let docs = (0..5).map(|i| Document::new(format!("d{i}"), Format::Text, body));
        index.add(docs, 100).unwrap();
        let all = index.warm(usize::MAX).unwrap();
        assert!(all > 5 * 8, "postings of five documents: {all} bytes");
        let some = index.warm(16).unwrap();
        assert!(some < all, "{some} of {all}");
    }
}
