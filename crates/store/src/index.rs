//! Opening an index ([`IndexBuilder`]: where, cache budget, config) and changing it
//! ([`Index::add`], [`Index::remove`], [`Index::expire`]). Every change is one write
//! transaction: the documents change and every derived table is refreshed before it
//! commits, so a reader sees the state before the batch or after it, never between, and a
//! batch reported as added is durable.
//!
//! All file access goes through one seam: redb's `StorageBackend` (a file for
//! [`IndexBuilder::open`], any backend for [`IndexBuilder::open_backend`], so tests can use
//! memory or a backend that fails).

use crate::error::{db, StoreError};
use crate::frequencies::FrequencyDelta;
use crate::record::{compress_text, content_hash, DocumentRecord};
use crate::refresh::Change;
use crate::sketches::{url_key, Keys, SketchTables};
use crate::tables::{BODY_PIECES, DOCUMENTS};
use crate::terms::story_terms;
use crate::{header, refresh};
use rayon::prelude::*;
use redb::backends::FileBackend;
use redb::{
    Database, DatabaseError, Durability, ReadableDatabase, ReadableTable, StorageBackend,
    WriteTransaction,
};
use samestory_core::{Config, Document};
use samestory_relate::features::{DocSketch, Sketcher};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// Default redb page cache: 256 MiB.
const DEFAULT_CACHE_BYTES: usize = 256 << 20;

/// Default memory for the text an add holds at once: 32 MiB (1,024 documents).
const DEFAULT_ADD_BYTES: usize = 32 << 20;

/// Default share of the index a change may reach before it is refreshed in full.
const DEFAULT_FULL_REFRESH_SHARE: f64 = 0.5;

/// Default size under which every change refreshes the whole index (it costs under a
/// second there, and keeps every score exactly a batch run's).
const DEFAULT_FULL_REFRESH_BELOW: usize = 1000;

/// What an add holds per document of a chunk, for the memory budget: a news body with its
/// sketch and record, with room to spare.
const ADD_BYTES_PER_DOCUMENT: usize = 32 << 10;

/// What an add holds per posting it has yet to insert (a `u64` key).
const POSTING_BYTES: usize = 8;

/// How to open an index.
#[derive(Clone, Debug)]
pub struct IndexBuilder {
    config: Config,
    cache_bytes: usize,
    add_bytes: usize,
    full_share: f64,
    full_below: usize,
}

impl IndexBuilder {
    /// An index run with `config` (its hashing parameters must match the file's).
    pub fn new(config: Config) -> Self {
        IndexBuilder {
            config,
            cache_bytes: DEFAULT_CACHE_BYTES,
            add_bytes: DEFAULT_ADD_BYTES,
            full_share: DEFAULT_FULL_REFRESH_SHARE,
            full_below: DEFAULT_FULL_REFRESH_BELOW,
        }
    }

    /// An index holding fewer documents than this refreshes in full on every change
    /// (default 1,000).
    pub fn full_refresh_below(mut self, documents: usize) -> Self {
        self.full_below = documents;
        self
    }

    /// A change whose region (the changed documents and the stories they touch) holds at
    /// least this share of the index re-derives every document instead (default 0.5: then
    /// one pass over everything costs less than a region that size). 0 always refreshes in
    /// full; above 1 only a change reaching every document does.
    pub fn full_refresh_share(mut self, share: f64) -> Self {
        self.full_share = share;
        self
    }

    /// The memory an add may hold in documents at once (default 32 MiB): the chunk that
    /// is sketched in parallel and written before the next is read. Twice as much holds
    /// the chunks' postings, inserted together in key order. The refresh that follows
    /// holds what `samestory run` holds on the same documents.
    pub fn add_memory_bytes(mut self, bytes: usize) -> Self {
        self.add_bytes = bytes;
        self
    }

    /// The page cache's budget in bytes (default 256 MiB).
    pub fn cache_bytes(mut self, bytes: usize) -> Self {
        self.cache_bytes = bytes;
        self
    }

    /// Opens the index file at `path`, creating it (and its directory) when missing.
    pub fn open(self, path: &Path) -> Result<Index, StoreError> {
        let name = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| db(&name)(redb::Error::Io(e)))?;
        }
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| db(&name)(redb::Error::Io(e)))?;
        let backend = FileBackend::new(file).map_err(|e| opened(&name, e))?;
        self.open_backend(backend, &name)
    }

    /// Opens an index kept by `backend` (named `name` in errors).
    pub fn open_backend(
        self,
        backend: impl StorageBackend,
        name: &str,
    ) -> Result<Index, StoreError> {
        let database = redb::Builder::new()
            .set_cache_size(self.cache_bytes)
            .create_with_backend(backend)
            .map_err(|e| opened(name, e))?;
        let index = Index {
            db: database,
            config: self.config,
            name: name.to_string(),
            add_chunk: (self.add_bytes / ADD_BYTES_PER_DOCUMENT).max(16),
            add_postings: 2 * self.add_bytes / POSTING_BYTES,
            refresh: refresh::Policy {
                full_share: self.full_share,
                full_below: self.full_below,
            },
        };
        let txn = index.begin_write()?;
        match header::write_or_check(&txn, &index.config, name)? {
            header::Opened::Created => {
                crate::tables::create_all(&txn).map_err(db(name))?;
                txn.commit().map_err(db(name))?;
            }
            header::Opened::Migrated => txn.commit().map_err(db(name))?,
            header::Opened::Checked => txn.abort().map_err(db(name))?,
        }
        Ok(index)
    }
}

/// An open index: documents and everything derived from them.
pub struct Index {
    pub(crate) db: Database,
    pub(crate) config: Config,
    pub(crate) name: String,
    /// Documents an add sketches and writes per chunk.
    add_chunk: usize,
    /// Postings an add holds before inserting them.
    add_postings: usize,
    /// When a change refreshes the whole index.
    refresh: refresh::Policy,
}

/// What one [`Index::add`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AddSummary {
    /// New ids.
    pub added: usize,
    /// Known ids whose content changed (stored as a new revision).
    pub revised: usize,
    /// Known ids with the same content (nothing done).
    pub unchanged: usize,
    /// What the refresh re-derived.
    pub refreshed: Refreshed,
}

/// What a change's refresh re-derived.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Refreshed {
    /// Nothing changed, nothing was refreshed.
    #[default]
    Nothing,
    /// The region of the change: this many documents (the stories it reached).
    Region(usize),
    /// Every document (a small index, a large region, or other settings).
    All,
}

/// What one [`Index::remove`] or [`Index::expire`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemoveSummary {
    /// Ids removed.
    pub removed: Vec<String>,
    /// Ids asked for that the index does not hold.
    pub unknown: Vec<String>,
    /// What the refresh re-derived.
    pub refreshed: Refreshed,
}

impl Index {
    /// The index's name in messages (its path).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The config the index runs with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Adds documents (with bodies) as one batch, added at `now` (Unix seconds): a new id
    /// is added, a known id with other content replaces the stored one as its next
    /// revision, the same content again is a no-op. Relations, groups, stories and their
    /// comparisons are refreshed before the batch commits.
    pub fn add(
        &self,
        docs: impl IntoIterator<Item = Document>,
        now: i64,
    ) -> Result<AddSummary, StoreError> {
        self.add_from(docs.into_iter().map(Ok::<_, StoreError>), now)
    }

    /// [`Index::add`] from a fallible source (bodies read back from a spill, say), in
    /// chunks, so memory holds one chunk of text: an `Err` item aborts the batch (nothing
    /// of it is committed) and is returned.
    pub fn add_from<E: From<StoreError>>(
        &self,
        docs: impl IntoIterator<Item = Result<Document, E>>,
        now: i64,
    ) -> Result<AddSummary, E> {
        let name = self.name.clone();
        let txn = self.begin_write()?;
        let before = self.db.begin_read().map_err(db(&name))?;
        let mut summary = AddSummary::default();
        let mut change = Change::default();
        let mut writer = DocumentWriter::open(&txn, &self.config, self.add_postings, &name)?;
        {
            let mut docs = docs.into_iter();
            loop {
                let chunk: Vec<Document> = docs
                    .by_ref()
                    .take(self.add_chunk)
                    .collect::<Result<_, E>>()?;
                if chunk.is_empty() {
                    break;
                }
                writer.put_all(&chunk, now, &mut summary, &mut change.changed)?;
            }
        }
        writer.finish(&txn)?;
        if summary.added + summary.revised == 0 {
            txn.abort().map_err(db(&name))?;
            return Ok(summary);
        }
        summary.refreshed =
            refresh::refresh((&txn, &before), &self.config, &change, self.refresh, &name)?;
        txn.commit().map_err(db(&name))?;
        Ok(summary)
    }

    /// Removes the documents with these ids (and, by the refresh, their relations); groups
    /// and stories are refreshed before the batch commits.
    pub fn remove(&self, ids: &[String]) -> Result<RemoveSummary, StoreError> {
        let name = self.name.clone();
        let txn = self.begin_write()?;
        let before = self.db.begin_read().map_err(db(&name))?;
        let mut summary = RemoveSummary::default();
        let mut frequencies = FrequencyDelta::default();
        {
            let mut records = txn.open_table(DOCUMENTS).map_err(db(&name))?;
            let mut bodies = txn.open_table(BODY_PIECES).map_err(db(&name))?;
            let mut postings = SketchTables::open(&txn, &name)?;
            let mut sketcher = Sketcher::new(&self.config.relate);
            for id in ids {
                let old = records.remove(id.as_str()).map_err(db(&name))?;
                let Some(old) = old else {
                    summary.unknown.push(id.clone());
                    continue;
                };
                let DocumentRecord {
                    document: mut doc,
                    number,
                    ..
                } = crate::read::record(&name, id, old.value())?;
                drop(old);
                doc.body = crate::read::body(&name, &bodies, id)?;
                crate::pieces::remove(&mut bodies, id, &name)?;
                let keys = (sketcher.sketch(&doc.body), story_terms(&doc));
                let keys = Keys {
                    sketch: &keys.0,
                    terms: &keys.1,
                    url: url_key(doc.meta.url.as_deref()),
                };
                let mut twins = Sketcher::new(&self.config.relate);
                let mut sketch_of = |other: &str| {
                    crate::read::body(&name, &bodies, other).map(|b| twins.sketch(&b))
                };
                postings.remove(number, keys, &mut sketch_of, &name)?;
                frequencies.count(&[&doc], -1, &self.config.story);
                summary.removed.push(id.clone());
            }
        }
        frequencies.apply(&txn, &name)?;
        if summary.removed.is_empty() {
            txn.abort().map_err(db(&name))?;
            return Ok(summary);
        }
        let change = Change {
            removed: summary.removed.clone(),
            ..Change::default()
        };
        summary.refreshed =
            refresh::refresh((&txn, &before), &self.config, &change, self.refresh, &name)?;
        txn.commit().map_err(db(&name))?;
        Ok(summary)
    }

    /// Removes every document published before `date` (`YYYY-MM-DD`), and every undated one
    /// added before that day began (UTC).
    pub fn expire(&self, before: &str) -> Result<RemoveSummary, StoreError> {
        let cutoff = day_start(before)?;
        let expired: Vec<String> = crate::read::records(self)?
            .into_iter()
            .filter(|r| match r.document.meta.date.as_deref() {
                Some(date) => date < before,
                None => r.added < cutoff,
            })
            .map(|r| r.document.id)
            .collect();
        self.remove(&expired)
    }

    /// Re-derives every relation, group, story and comparison from the stored documents,
    /// as a batch run over them would (a change refreshes only the stories it touches, whose
    /// scores are weighted by the document frequencies of their time; this brings every
    /// score up to date).
    pub fn refresh_all(&self) -> Result<(), StoreError> {
        let txn = self.begin_write()?;
        let before = self.db.begin_read().map_err(db(&self.name))?;
        let policy = refresh::Policy {
            full_share: 0.0,
            full_below: usize::MAX,
        };
        let change = Change::default();
        refresh::refresh((&txn, &before), &self.config, &change, policy, &self.name)?;
        txn.commit().map_err(db(&self.name))
    }

    /// Rewrites every table in key order (full pages; inserts keyed by hashes leave pages
    /// half empty), then [`Index::compact`]s: the smallest file for what the index holds, at
    /// the cost of copying every table twice. Needs no read transaction open on this index.
    pub fn defragment(&mut self) -> Result<(), StoreError> {
        let txn = self.begin_write()?;
        crate::compact::rewrite_all(&txn, &self.name)?;
        txn.commit().map_err(db(&self.name))?;
        self.compact()
    }

    /// Gives the free space that copy-on-write leaves behind back to the file system (each
    /// change rewrites the derived tables; their old pages are free space until compacted).
    /// Needs no read transaction open on this index.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        while self
            .db
            .compact()
            .map_err(|e| db(&self.name)(redb::Error::from(e)))?
        {}
        Ok(())
    }

    /// A durable write transaction.
    fn begin_write(&self) -> Result<WriteTransaction, StoreError> {
        let mut txn = self.db.begin_write().map_err(db(&self.name))?;
        txn.set_durability(Durability::Immediate)
            .map_err(|e| db(&self.name)(redb::Error::from(e)))?;
        Ok(txn)
    }
}

/// The tables an add writes, in its transaction.
struct DocumentWriter<'t> {
    records: redb::Table<'t, &'static str, &'static [u8]>,
    bodies: redb::Table<'t, (&'static str, u16), &'static [u8]>,
    postings: SketchTables<'t>,
    /// What the old versions replaced take out of the story features' document
    /// frequencies (the refresh counts what the documents written bring).
    frequencies: FrequencyDelta,
    /// Old versions replaced in the current chunk (with bodies).
    retired: Vec<Document>,
    config: &'t Config,
    name: &'t str,
}

impl<'t> DocumentWriter<'t> {
    fn open(
        txn: &'t WriteTransaction,
        config: &'t Config,
        postings: usize,
        name: &'t str,
    ) -> Result<Self, StoreError> {
        Ok(DocumentWriter {
            records: txn.open_table(DOCUMENTS).map_err(db(name))?,
            bodies: txn.open_table(BODY_PIECES).map_err(db(name))?,
            postings: SketchTables::buffered(txn, postings, name)?,
            frequencies: FrequencyDelta::default(),
            retired: Vec::new(),
            config,
            name,
        })
    }

    /// Inserts the postings held back and writes what the old versions replaced took out
    /// of the document frequencies.
    fn finish(mut self, txn: &WriteTransaction) -> Result<(), StoreError> {
        self.postings.flush(self.name)?;
        let frequencies = std::mem::take(&mut self.frequencies);
        let name = self.name;
        drop(self);
        frequencies.apply(txn, name)
    }

    /// Prepares a chunk in parallel (sketch, story terms, compressed body, content hash)
    /// and writes each document, in order; the ids written (new or revised) go to
    /// `changed`.
    fn put_all(
        &mut self,
        chunk: &[Document],
        now: i64,
        summary: &mut AddSummary,
        changed: &mut BTreeSet<String>,
    ) -> Result<(), StoreError> {
        let prepared: Vec<Prepared> = chunk
            .par_iter()
            .map_init(
                || Sketcher::new(&self.config.relate),
                |s, d| Prepared::of(d, s),
            )
            .collect::<Result<_, std::io::Error>>()
            .map_err(|e| db(self.name)(redb::Error::Io(e)))?;
        // Documents numbered in this chunk, whose postings are inserted at its end (`None`
        // where a later one of the same id replaced it), and where each id is in it.
        let mut written: Vec<Option<(u32, Keys<'_>)>> = Vec::new();
        let mut at: HashMap<&str, usize> = HashMap::new();
        for (doc, prepared) in chunk.iter().zip(&prepared) {
            let in_chunk = at.get(doc.id.as_str()).copied();
            let old = Old {
                // A version written earlier in this batch was never counted in.
                counted: !changed.contains(&doc.id),
                posted: in_chunk.is_none(),
            };
            let Some(n) = self.put(doc, prepared, now, old, summary)? else {
                continue;
            };
            if let Some(i) = in_chunk {
                written[i] = None;
            }
            changed.insert(doc.id.clone());
            at.insert(&doc.id, written.len());
            written.push(Some((
                n,
                Keys {
                    sketch: &prepared.sketch,
                    terms: &prepared.terms,
                    url: url_key(doc.meta.url.as_deref()),
                },
            )));
        }
        let old: Vec<&Document> = self.retired.iter().collect();
        self.frequencies.count(&old, -1, &self.config.story);
        self.retired.clear();
        let written: Vec<(u32, Keys<'_>)> = written.into_iter().flatten().collect();
        self.postings.insert_all(&written, self.name)
    }

    /// Writes one document's record and body: new, a revision, or unchanged; the number it
    /// was written under (its postings are then the caller's to insert). A revision gives
    /// the old version's number up and removes its postings where they were inserted
    /// (`old.posted`), and counts it out of the document frequencies where it was counted
    /// in (`old.counted`).
    fn put(
        &mut self,
        doc: &Document,
        prepared: &Prepared,
        now: i64,
        old: Old,
        summary: &mut AddSummary,
    ) -> Result<Option<u32>, StoreError> {
        let name = self.name;
        let stored = match self.records.get(doc.id.as_str()).map_err(db(name))? {
            Some(v) => Some(crate::read::record(name, &doc.id, v.value())?),
            None => None,
        };
        let (added, revision) = match stored {
            Some(stored) if stored.content == prepared.content => {
                summary.unchanged += 1;
                return Ok(None);
            }
            Some(stored) => {
                summary.revised += 1;
                self.retire(stored.number, stored.document, old)?;
                (stored.added, stored.revision + 1)
            }
            None => {
                summary.added += 1;
                (now, 1)
            }
        };
        let id = doc.id.as_str();
        let n = self.postings.number(id, name)?;
        let record = DocumentRecord::new(doc, n, prepared.content, added, revision);
        let bytes = record.to_bytes().map_err(|e| corrupt(name, id, e))?;
        self.records
            .insert(id, bytes.as_slice())
            .map_err(db(name))?;
        crate::pieces::write(&mut self.bodies, id, &prepared.body, name)?;
        Ok(Some(n))
    }

    /// Takes the stored version `old_doc` (body not read yet), numbered `n`, out of the
    /// postings and, through [`DocumentWriter::retired`], out of the document frequencies.
    fn retire(&mut self, n: u32, mut old_doc: Document, old: Old) -> Result<(), StoreError> {
        let name = self.name;
        if !old.posted {
            return self.postings.forget(n, name);
        }
        old_doc.body = crate::read::body(name, &self.bodies, &old_doc.id)?;
        let old_sketch = Sketcher::new(&self.config.relate).sketch(&old_doc.body);
        let terms = story_terms(&old_doc);
        let keys = Keys {
            sketch: &old_sketch,
            terms: &terms,
            url: url_key(old_doc.meta.url.as_deref()),
        };
        let mut twins = Sketcher::new(&self.config.relate);
        let bodies = &self.bodies;
        let mut sketch_of =
            |other: &str| crate::read::body(name, bodies, other).map(|b| twins.sketch(&b));
        self.postings.remove(n, keys, &mut sketch_of, name)?;
        if old.counted {
            self.retired.push(old_doc);
        }
        Ok(())
    }
}

/// What a revision must undo of the version it replaces.
#[derive(Clone, Copy)]
struct Old {
    /// The old version is counted in the document frequencies (it was not written earlier
    /// in this batch: the refresh counts a batch's documents in).
    counted: bool,
    /// Its postings were inserted (it was not numbered in the current chunk).
    posted: bool,
}

/// What an add computes for a document before writing it (in parallel, per chunk).
struct Prepared {
    sketch: DocSketch,
    terms: Vec<u32>,
    body: Vec<u8>,
    content: u128,
}

impl Prepared {
    fn of(doc: &Document, sketcher: &mut Sketcher) -> std::io::Result<Self> {
        Ok(Prepared {
            sketch: sketcher.sketch(&doc.body),
            terms: story_terms(doc),
            body: compress_text(&doc.body)?,
            content: content_hash(doc),
        })
    }
}

/// The start of day `date` (`YYYY-MM-DD`), Unix seconds, UTC.
fn day_start(date: &str) -> Result<i64, StoreError> {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .filter(|_| date.len() == 10)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
        .ok_or_else(|| StoreError::BadDate {
            date: date.to_string(),
        })
}

/// An error opening the database: the file lock becomes [`StoreError::Locked`].
fn opened(name: &str, e: DatabaseError) -> StoreError {
    match e {
        DatabaseError::DatabaseAlreadyOpen => StoreError::Locked {
            index: name.to_string(),
        },
        other => db(name)(other),
    }
}

/// A record that cannot be encoded.
fn corrupt(name: &str, id: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt {
        index: name.to_string(),
        table: "documents",
        key: id.to_string(),
        why: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_start_is_utc_midnight() {
        assert_eq!(day_start("1970-01-02").unwrap(), 86_400);
        assert!(matches!(
            day_start("2024-13-01"),
            Err(StoreError::BadDate { .. })
        ));
        assert!(matches!(
            day_start("yesterday"),
            Err(StoreError::BadDate { .. })
        ));
    }
}
