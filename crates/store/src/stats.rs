//! `index stats`: what the index holds — counts per table, stored sizes and the format.
//!
//! Must not: write.

use crate::error::{db, StoreError};
use crate::header::Params;
use crate::read;
use crate::tables::{
    BAND_KEYS, BODY_PIECES, DOCUMENTS, EXACT_KEYS, EXEMPLARS, FORMAT_VERSION, ISSUED_STORIES,
    NUMBERED_DOCUMENTS, PLACES, PRINT_KEYS, RELATIONS, RELATIONS_BY_DOCUMENT, STORIES, STORY_DF,
    STORY_SUMMARIES, TERM_COUNTS, TERM_KEYS, URL_KEYS,
};
use crate::Index;
use redb::{
    MultimapTableHandle, ReadableDatabase, ReadableTable, ReadableTableMetadata, TableHandle,
};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts and sizes of an index.
#[derive(Clone, Debug, Serialize)]
pub struct Stats {
    /// The format version.
    pub format: String,
    /// The hashing parameters.
    pub params: Params,
    /// Documents held.
    pub documents: u64,
    /// Duplicate groups.
    pub groups: u64,
    /// Current stories.
    pub stories: u64,
    /// Story ids ever issued (current ones included).
    pub issued_story_ids: u64,
    /// Lines of relations.jsonl.
    pub relations: u64,
    /// Compressed bytes of all bodies.
    pub body_bytes: u64,
    /// Bytes of the index file, when it is a file.
    pub file_bytes: Option<u64>,
    /// Per table: bytes stored (keys and values), B-tree metadata, and fragmentation
    /// (free space inside its pages).
    pub tables: BTreeMap<&'static str, TableSize>,
}

/// The space one table takes.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct TableSize {
    /// Key and value bytes.
    pub stored: u64,
    /// B-tree page metadata.
    pub metadata: u64,
    /// Free space inside its pages.
    pub fragmented: u64,
}

impl From<redb::TableStats> for TableSize {
    fn from(s: redb::TableStats) -> Self {
        TableSize {
            stored: s.stored_bytes(),
            metadata: s.metadata_bytes(),
            fragmented: s.fragmented_bytes(),
        }
    }
}

/// How many documents and stories an index holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Current stories.
    pub stories: u64,
}

impl Index {
    /// How many documents and stories it holds (two table lengths: cheap, unlike
    /// [`Index::stats`], which reads every body and place).
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        Ok(Counts {
            documents: txn
                .open_table(DOCUMENTS)
                .map_err(db(name))?
                .len()
                .map_err(db(name))?,
            stories: txn
                .open_table(STORY_SUMMARIES)
                .map_err(db(name))?
                .len()
                .map_err(db(name))?,
        })
    }

    /// Counts and sizes.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let name = self.name.as_str();
        let Counts { documents, stories } = self.counts()?;
        let txn = self.db.begin_read().map_err(db(name))?;
        let count = |n: Result<u64, redb::StorageError>| n.map_err(db(name));
        let issued = count(txn.open_table(ISSUED_STORIES).map_err(db(name))?.len())?;
        let relations = count(txn.open_table(RELATIONS).map_err(db(name))?.len())?;
        let mut body_bytes = 0;
        for entry in txn
            .open_table(BODY_PIECES)
            .map_err(db(name))?
            .iter()
            .map_err(db(name))?
        {
            body_bytes += entry.map_err(db(name))?.1.value().len() as u64;
        }
        let mut groups = BTreeSet::new();
        let places = txn.open_table(PLACES).map_err(db(name))?;
        for entry in places.iter().map_err(db(name))? {
            let (id, value) = entry.map_err(db(name))?;
            groups.insert(read::place(name, id.value(), value.value())?.group);
        }
        let mut tables = BTreeMap::new();
        macro_rules! size {
            ($open:ident, $($def:expr),+) => {$(
                let table = txn.$open($def).map_err(db(name))?;
                let stats = table.stats().map_err(db(name))?;
                tables.insert($def.name(), TableSize::from(stats));
            )+};
        }
        size!(
            open_table,
            DOCUMENTS,
            BODY_PIECES,
            PLACES,
            ISSUED_STORIES,
            STORIES
        );
        size!(open_table, NUMBERED_DOCUMENTS);
        size!(open_table, RELATIONS);
        size!(open_table, EXACT_KEYS);
        size!(open_table, BAND_KEYS, TERM_KEYS, URL_KEYS);
        size!(open_table, PRINT_KEYS);
        size!(open_table, TERM_COUNTS);
        size!(open_table, STORY_DF, STORY_SUMMARIES);
        size!(open_table, EXEMPLARS);
        size!(open_multimap_table, RELATIONS_BY_DOCUMENT);
        Ok(Stats {
            format: FORMAT_VERSION.to_string(),
            params: Params::of(&self.config),
            documents,
            groups: groups.len() as u64,
            stories,
            issued_story_ids: issued,
            relations,
            body_bytes,
            file_bytes: std::fs::metadata(&self.name).ok().map(|m| m.len()),
            tables,
        })
    }
}
