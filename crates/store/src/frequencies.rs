//! The story stage's document frequencies over every stored document: how many documents
//! hold each story feature, how many documents were counted and their summed length. A
//! revision or a removal takes back what the old version brought; what an add brings is
//! counted by its refresh — over its documents before a refresh of their region
//! ([`count_in`]), or over every document by the story stage of a full refresh
//! ([`replace`]). A refresh of a few stories lends these counts to the story stage
//! ([`StoredCounts`]), so those stories are weighted as a batch run over the whole index
//! weights them.
//!
//! Must not: relate, cluster or write anything but `story_df` and its totals.

use crate::error::{db, StoreError};
use crate::read;
use crate::tables::{BODY_PIECES, DOCUMENTS, HEADER, STORY_DF};
use redb::{ReadableTable, Table, WriteTransaction};
use samestory_core::{Document, StoryConfig};
use samestory_pipeline::{counted_features, CorpusCounts, CountedFeatures};
use samestory_story::DocMeta;
use std::collections::HashMap;

/// Header entry: documents counted (u64 LE).
const DOCS_KEY: &str = "story_docs";

/// Header entry: their summed lengths (f64 LE).
const WORDS_KEY: &str = "story_words";

/// Changes to the counts, gathered over a batch and written once.
#[derive(Debug, Default)]
pub struct FrequencyDelta {
    docs: i64,
    words: f64,
    df: HashMap<Box<str>, i64>,
}

impl FrequencyDelta {
    /// Counts `docs` (with bodies) in (`sign` 1) or out (`sign` -1).
    pub fn count(&mut self, docs: &[&Document], sign: i64, cfg: &StoryConfig) {
        if docs.is_empty() {
            return;
        }
        let metas: Vec<(DocMeta<'_>, &str)> = docs
            .iter()
            .map(|d| (DocMeta::of(d, &d.id), d.body.as_str()))
            .collect();
        let counted = counted_features(&metas, cfg);
        self.docs += sign * counted.docs as i64;
        self.words += sign as f64 * counted.words;
        for (name, n) in counted.df {
            *self.df.entry(name).or_default() += sign * i64::from(n);
        }
    }

    /// Writes the changes into `txn` (features whose count falls to 0 are dropped).
    pub fn apply(self, txn: &WriteTransaction, name: &str) -> Result<(), StoreError> {
        let mut header = txn.open_table(HEADER).map_err(db(name))?;
        let (docs, words) = totals(&header, name)?;
        let docs = (docs as i64 + self.docs).max(0) as u64;
        let words = (words + self.words).max(0.0);
        header
            .insert(DOCS_KEY, docs.to_le_bytes().as_slice())
            .map_err(db(name))?;
        header
            .insert(WORDS_KEY, words.to_le_bytes().as_slice())
            .map_err(db(name))?;
        let mut table = txn.open_table(STORY_DF).map_err(db(name))?;
        let mut changes: Vec<(Box<str>, i64)> =
            self.df.into_iter().filter(|(_, d)| *d != 0).collect();
        changes.sort_unstable();
        for (feature, change) in changes {
            let old = table
                .get(&*feature)
                .map_err(db(name))?
                .map_or(0, |v| v.value());
            let new = (i64::from(old) + change).clamp(0, i64::from(u32::MAX)) as u32;
            if new == 0 {
                table.remove(&*feature).map_err(db(name))?;
            } else {
                table.insert(&*feature, new).map_err(db(name))?;
            }
        }
        Ok(())
    }
}

/// Puts `counted` in place of the counts (a refresh that re-derived every document counted
/// them over all of them).
pub fn replace(
    txn: &WriteTransaction,
    counted: &CountedFeatures,
    name: &str,
) -> Result<(), StoreError> {
    txn.delete_table(STORY_DF).map_err(db(name))?;
    let mut header = txn.open_table(HEADER).map_err(db(name))?;
    let docs = counted.docs.to_le_bytes();
    header.insert(DOCS_KEY, docs.as_slice()).map_err(db(name))?;
    let words = counted.words.to_le_bytes();
    header
        .insert(WORDS_KEY, words.as_slice())
        .map_err(db(name))?;
    let mut table = txn.open_table(STORY_DF).map_err(db(name))?;
    for (feature, n) in &counted.df {
        table.insert(&**feature, *n).map_err(db(name))?;
    }
    Ok(())
}

/// Counts in the stored documents `ids` (written by an add whose refresh reaches only
/// their region, so the story stage weighs them by counts that hold them).
pub fn count_in<'a>(
    txn: &WriteTransaction,
    ids: impl IntoIterator<Item = &'a String>,
    cfg: &StoryConfig,
    name: &str,
) -> Result<(), StoreError> {
    let mut delta = FrequencyDelta::default();
    {
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        let mut chunk = Vec::with_capacity(COUNT_CHUNK);
        for id in ids {
            chunk.push(read::document(name, &records, &bodies, id)?);
            if chunk.len() == COUNT_CHUNK {
                delta.count(&chunk.iter().collect::<Vec<_>>(), 1, cfg);
                chunk.clear();
            }
        }
        delta.count(&chunk.iter().collect::<Vec<_>>(), 1, cfg);
    }
    delta.apply(txn, name)
}

/// Documents [`count_in`] counts at once.
const COUNT_CHUNK: usize = 1024;

/// The totals the header holds (0 when none were counted).
fn totals(
    header: &impl ReadableTable<&'static str, &'static [u8]>,
    name: &str,
) -> Result<(u64, f64), StoreError> {
    let read = |key: &str| -> Result<[u8; 8], StoreError> {
        let value = header.get(key).map_err(db(name))?;
        Ok(value
            .and_then(|v| v.value().try_into().ok())
            .unwrap_or([0; 8]))
    };
    Ok((
        u64::from_le_bytes(read(DOCS_KEY)?),
        f64::from_le_bytes(read(WORDS_KEY)?),
    ))
}

/// The stored counts, lent to the story stage.
pub struct StoredCounts<'t> {
    table: Table<'t, &'static str, u32>,
    totals: (u64, f64),
}

impl<'t> StoredCounts<'t> {
    /// The counts `txn` holds.
    pub fn open(txn: &'t WriteTransaction, name: &str) -> Result<Self, StoreError> {
        let header = txn.open_table(HEADER).map_err(db(name))?;
        Ok(StoredCounts {
            totals: totals(&header, name)?,
            table: txn.open_table(STORY_DF).map_err(db(name))?,
        })
    }
}

impl CorpusCounts for StoredCounts<'_> {
    fn totals(&self) -> (u64, f64) {
        self.totals
    }

    fn df(&self, names: &[Box<str>]) -> Result<Vec<u32>, Box<dyn std::error::Error + Send + Sync>> {
        let mut out = Vec::with_capacity(names.len());
        for feature in names {
            out.push(self.table.get(&**feature)?.map_or(0, |v| v.value()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Index, IndexBuilder};
    use redb::backends::InMemoryBackend;
    use redb::ReadableDatabase;
    use samestory_core::{Config, Format};

    /// What the index holds as counts.
    fn stored(index: &Index) -> CountedFeatures {
        let txn = index.db.begin_read().unwrap();
        let header = txn.open_table(HEADER).unwrap();
        let (docs, words) = totals(&header, "mem").unwrap();
        let table = txn.open_table(STORY_DF).unwrap();
        let df = table
            .iter()
            .unwrap()
            .map(|e| {
                let (k, v) = e.unwrap();
                (Box::from(k.value()), v.value())
            })
            .collect();
        CountedFeatures { docs, words, df }
    }

    /// The counts of the stored documents, counted from nothing.
    fn recounted(index: &Index) -> CountedFeatures {
        let txn = index.db.begin_read().unwrap();
        let records = txn.open_table(DOCUMENTS).unwrap();
        let bodies = txn.open_table(BODY_PIECES).unwrap();
        let docs: Vec<Document> = read::documents("mem", &records, &bodies)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let metas: Vec<(DocMeta<'_>, &str)> = docs
            .iter()
            .map(|d| (DocMeta::of(d, &d.id), d.body.as_str()))
            .collect();
        counted_features(&metas, &Config::default().story)
    }

    fn doc(id: &str, title: &str, body: &str) -> Document {
        let mut d = Document::new(id.to_string(), Format::Text, body);
        d.meta.title = Some(title.to_string());
        d.meta.date = Some("2024-05-01".to_string());
        d
    }

    fn docs(from: usize, to: usize) -> Vec<Document> {
        (from..to)
            .map(|i| {
                let body = format!(
                    "Harbour pilots in Port {} met on Tuesday after ship {} ran aground. \
                     Officials counted {} containers lost and {} sailors rescued near Cape {}.",
                    i % 4,
                    i,
                    10 * i,
                    i % 3,
                    i % 5
                );
                doc(
                    &format!("d{i:03}"),
                    &format!("Ship {} aground", i % 6),
                    &body,
                )
            })
            .collect()
    }

    fn open(builder: IndexBuilder) -> Index {
        builder.open_backend(InMemoryBackend::new(), "mem").unwrap()
    }

    #[test]
    fn the_counts_are_those_of_the_stored_documents_after_every_change_by_either_refresh() {
        let by_region = IndexBuilder::new(Config::default())
            .full_refresh_below(0)
            .full_refresh_share(f64::INFINITY);
        let in_full = IndexBuilder::new(Config::default()).full_refresh_share(0.0);
        for (how, builder) in [("by region", by_region), ("in full", in_full)] {
            let index = open(builder);
            let check = |index: &Index, step: &str| {
                let (stored, expected) = (stored(index), recounted(index));
                assert!(stored.docs > 0, "{how}, {step}: nothing counted");
                assert_eq!(stored, expected, "{how}, {step}");
            };
            index.add(docs(0, 12), 1).unwrap();
            check(&index, "first add");
            index.add(docs(12, 15), 2).unwrap();
            check(&index, "second add");
            let revised = doc(
                "d004",
                "Ferry strike ends",
                "Dockers voted to end the strike.",
            );
            index.add([revised], 3).unwrap();
            check(&index, "revision");
            index.remove(&["d007".to_string()]).unwrap();
            check(&index, "removal");
        }
    }

    #[test]
    fn an_id_written_twice_in_one_batch_is_counted_once() {
        // Chunks of 16 documents: the second version of d020 in the same chunk as the
        // first, of d021 in the next chunk.
        let index = open(
            IndexBuilder::new(Config::default())
                .full_refresh_below(0)
                .full_refresh_share(f64::INFINITY)
                .add_memory_bytes(1),
        );
        index.add(docs(0, 20), 1).unwrap();
        let mut batch = docs(20, 22);
        batch.push(doc("d020", "Ferry strike ends", "Dockers voted to end it."));
        batch.extend(docs(22, 40));
        batch.push(doc(
            "d021",
            "Bridge reopens",
            "The bridge reopened on Monday.",
        ));
        index.add(batch, 2).unwrap();
        assert_eq!(stored(&index), recounted(&index));
        assert_numbered_once(&index);
        index.remove(&["d020".into(), "d021".into()]).unwrap();
        assert_numbered_once(&index);
    }

    /// Each stored document's number maps back to it, and no other number is in use.
    fn assert_numbered_once(index: &Index) {
        use redb::ReadableTableMetadata;
        let txn = index.db.begin_read().unwrap();
        let records = txn.open_table(DOCUMENTS).unwrap();
        let ids = txn.open_table(crate::tables::NUMBERED_DOCUMENTS).unwrap();
        for e in records.iter().unwrap() {
            let (id, bytes) = e.unwrap();
            let record = read::record("mem", id.value(), bytes.value()).unwrap();
            let back = ids
                .get(record.number)
                .unwrap()
                .map(|v| v.value().to_string());
            assert_eq!(back.as_deref(), Some(id.value()));
        }
        assert_eq!(ids.len().unwrap(), records.len().unwrap());
    }
}
