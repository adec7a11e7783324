//! The relation engine's sketches kept in the index as postings — from each document's
//! exact key, LSH band keys and winnowed fingerprints to its number — and the candidate
//! lookup a query makes with them: the stored documents that share the new one's exact key,
//! an LSH band (buckets over `relate.lsh_max_bucket` skipped) or at least
//! `relate.min_shared_fingerprints` fingerprints (fingerprints in over
//! `relate.containment_max_bucket` documents skipped: boilerplate), best first. A posting is
//! a key `key << 32 | document number` with no value (a fingerprint's: its upper 24 bits and
//! the number in 7 bytes, [`PrintPosting`]), so a bucket is one range scan and an entry costs
//! a few bytes. Removing a document sketches its stored body again to find its keys.
//!
//! Must not: decide relations; the engine verifies the candidates.

use crate::error::{db, StoreError};
use crate::tables::{
    PrintPosting, BAND_KEYS, EXACT_KEYS, EXEMPLARS, HEADER, NUMBERED_DOCUMENTS, PRINT_KEYS,
    TERM_COUNTS, TERM_KEYS, URL_KEYS,
};
use redb::{ReadOnlyTable, ReadableTable, Table, WriteTransaction};
use samestory_core::RelateConfig;
use samestory_relate::features::DocSketch;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// The tables that number documents and hold their postings, in one write transaction.
pub struct SketchTables<'t> {
    header: Table<'t, &'static str, &'static [u8]>,
    /// The next document number, once read from the header.
    next_number: Option<u32>,
    ids: Table<'t, u32, &'static str>,
    exact: Table<'t, u64, ()>,
    bands: Table<'t, u64, ()>,
    prints: Table<'t, PrintPosting, ()>,
    terms: Table<'t, u64, ()>,
    term_counts: Table<'t, u32, u32>,
    urls: Table<'t, u64, ()>,
    exemplars: Table<'t, u64, u32>,
    /// Postings numbered but not yet inserted (see [`SketchTables::buffered`]).
    pending: PostingKeys,
    /// How many postings `pending` may hold before they are inserted.
    pending_limit: usize,
}

/// What a document is posted under: its sketch, its story terms and its URL.
pub struct Keys<'a> {
    /// The relation engine's sketch of its body.
    pub sketch: &'a DocSketch,
    /// Its story terms (`terms::story_terms`).
    pub terms: &'a [u32],
    /// Its canonical URL's key ([`url_key`]).
    pub url: Option<u32>,
}

/// The key a canonical URL is posted under: the upper 32 bits of its XXH3 (a candidate
/// only; the engine compares the URLs).
pub fn url_key(url: Option<&str>) -> Option<u32> {
    url.map(|u| (xxhash_rust::xxh3::xxh3_64(u.as_bytes()) >> 32) as u32)
}

impl<'t> SketchTables<'t> {
    /// Opens them in `txn`.
    pub fn open(txn: &'t WriteTransaction, index: &str) -> Result<Self, StoreError> {
        Ok(SketchTables {
            header: txn.open_table(HEADER).map_err(db(index))?,
            next_number: None,
            ids: txn.open_table(NUMBERED_DOCUMENTS).map_err(db(index))?,
            exact: txn.open_table(EXACT_KEYS).map_err(db(index))?,
            bands: txn.open_table(BAND_KEYS).map_err(db(index))?,
            prints: txn.open_table(PRINT_KEYS).map_err(db(index))?,
            terms: txn.open_table(TERM_KEYS).map_err(db(index))?,
            term_counts: txn.open_table(TERM_COUNTS).map_err(db(index))?,
            urls: txn.open_table(URL_KEYS).map_err(db(index))?,
            exemplars: txn.open_table(EXEMPLARS).map_err(db(index))?,
            pending: PostingKeys::default(),
            pending_limit: 0,
        })
    }

    /// Opens them in `txn` for a bulk add: the postings of up to `limit` keys are held and
    /// inserted together, each table's sorted, so one pass over a B-tree takes the keys of
    /// many chunks (postings keyed by hashes land all over the tree: inserted chunk by chunk,
    /// every chunk would touch nearly every page). They are inserted before any removal
    /// and by [`SketchTables::flush`], which the caller runs before the postings are read.
    pub fn buffered(
        txn: &'t WriteTransaction,
        limit: usize,
        index: &str,
    ) -> Result<Self, StoreError> {
        Ok(SketchTables {
            pending_limit: limit,
            ..SketchTables::open(txn, index)?
        })
    }

    /// Inserts the postings held back (see [`SketchTables::buffered`]).
    pub fn flush(&mut self, index: &str) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut self.pending);
        self.insert_postings(pending, index)
    }

    /// Gives document `id` the next number (the record keeps it; `numbered_documents` maps
    /// it back to the id). The header's `next_number` is written by
    /// [`SketchTables::insert_all`], which the add runs after numbering each chunk.
    pub fn number(&mut self, id: &str, index: &str) -> Result<u32, StoreError> {
        let n = match self.next_number {
            Some(n) => n,
            None => self
                .header
                .get("next_number")
                .map_err(db(index))?
                .and_then(|v| v.value().try_into().ok().map(u32::from_le_bytes))
                .unwrap_or(0),
        };
        let next = n.checked_add(1).ok_or_else(|| StoreError::Corrupt {
            index: index.to_string(),
            table: "header",
            key: "next_number".into(),
            why: "every document number is taken".into(),
        })?;
        self.ids.insert(n, id).map_err(db(index))?;
        self.next_number = Some(next);
        Ok(n)
    }

    /// Gives number `n` up before any posting was inserted under it (a document replaced
    /// within the chunk that numbered it).
    pub fn forget(&mut self, n: u32, index: &str) -> Result<(), StoreError> {
        self.ids.remove(n).map_err(db(index))?;
        Ok(())
    }

    /// Stores the postings of each numbered document of `docs`, sorted per table so the
    /// B-trees are written in key order. Every story term is counted; a term already held by
    /// more than [`TERM_BUCKET`] documents is not posted again (its bucket is never read:
    /// lookups skip it by its count), so a common word costs its count, not a posting per
    /// document.
    pub fn insert_all(&mut self, docs: &[(u32, Keys<'_>)], index: &str) -> Result<(), StoreError> {
        let mut postings = PostingKeys::default();
        let mut counts: HashMap<u32, u32> = HashMap::new();
        for &(n, ref keys) in docs {
            let mut posted = Vec::with_capacity(keys.terms.len());
            for &term in keys.terms {
                let count = match counts.entry(term) {
                    Entry::Occupied(count) => count.into_mut(),
                    Entry::Vacant(count) => {
                        let stored = self.term_counts.get(term).map_err(db(index))?;
                        count.insert(stored.map_or(0, |v| v.value()))
                    }
                };
                if *count as usize <= TERM_BUCKET {
                    posted.push(term);
                }
                *count += 1;
            }
            postings.push_own(n, keys, &posted);
            if self.becomes_exemplar(keys.sketch, n, index)? {
                postings.push_sketch(n, keys.sketch);
            }
        }
        if let Some(next) = self.next_number {
            self.header
                .insert("next_number", next.to_le_bytes().as_slice())
                .map_err(db(index))?;
        }
        let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        for (term, count) in counts {
            self.term_counts.insert(term, count).map_err(db(index))?;
        }
        self.pending.append(postings);
        if self.pending.len() > self.pending_limit {
            self.flush(index)?;
        }
        Ok(())
    }

    /// Whether document `n`, sketched as `s`, is the first of its exact class (the same
    /// normalised word sequence: the same bands and fingerprints), and so the one whose bands
    /// and fingerprints are posted for the class; it is recorded as such.
    fn becomes_exemplar(&mut self, s: &DocSketch, n: u32, index: &str) -> Result<bool, StoreError> {
        if s.words == 0 || self.exemplars.get(s.key).map_err(db(index))?.is_some() {
            return Ok(false);
        }
        self.exemplars.insert(s.key, n).map_err(db(index))?;
        Ok(true)
    }

    /// Removes document number `n` and its postings (`keys`: those of the stored document).
    /// When it was its exact class's exemplar, another stored member (found through the
    /// exact-key postings, confirmed by `sketch_of`, which sketches a stored document's
    /// body) takes its place and gets the class's bands and fingerprints.
    pub fn remove(
        &mut self,
        n: u32,
        keys: Keys<'_>,
        sketch_of: &mut dyn FnMut(&str) -> Result<DocSketch, StoreError>,
        index: &str,
    ) -> Result<(), StoreError> {
        self.flush(index)?;
        if self.ids.remove(n).map_err(db(index))?.is_none() {
            return Ok(());
        }
        let s = keys.sketch;
        let exemplar = s.words > 0
            && self
                .exemplars
                .get(s.key)
                .map_err(db(index))?
                .map(|v| v.value())
                == Some(n);
        count_out_terms(&mut self.term_counts, keys.terms.iter().copied(), index)?;
        let mut postings = PostingKeys::default();
        postings.push_own(n, &keys, keys.terms);
        if exemplar {
            postings.push_sketch(n, s);
            self.exemplars.remove(s.key).map_err(db(index))?;
        }
        for (table, keys) in self.tables(postings.own) {
            for key in keys {
                table.remove(key).map_err(db(index))?;
            }
        }
        for key in postings.prints {
            self.prints.remove(key).map_err(db(index))?;
        }
        if exemplar {
            self.replace_exemplar(s, sketch_of, index)?;
        }
        Ok(())
    }

    /// Makes another stored member of the exact class of `s` (if any) its exemplar.
    fn replace_exemplar(
        &mut self,
        s: &DocSketch,
        sketch_of: &mut dyn FnMut(&str) -> Result<DocSketch, StoreError>,
        index: &str,
    ) -> Result<(), StoreError> {
        let twins = bucket_head(&self.exact, exact_key(s), usize::MAX, index)?;
        for m in twins {
            let Some(id) = self
                .ids
                .get(m)
                .map_err(db(index))?
                .map(|v| v.value().to_string())
            else {
                continue;
            };
            let twin = sketch_of(&id)?;
            if twin.key != s.key {
                continue;
            }
            self.exemplars.insert(s.key, m).map_err(db(index))?;
            let mut postings = PostingKeys::default();
            postings.push_sketch(m, &twin);
            return self.insert_postings(postings, index);
        }
        Ok(())
    }

    /// Inserts the postings `p`, each table's in key order.
    fn insert_postings(&mut self, p: PostingKeys, index: &str) -> Result<(), StoreError> {
        for (table, mut keys) in self.tables(p.own) {
            keys.sort_unstable();
            for key in keys {
                table.insert(key, ()).map_err(db(index))?;
            }
        }
        let mut prints = p.prints;
        prints.sort_unstable();
        for key in prints {
            self.prints.insert(key, ()).map_err(db(index))?;
        }
        Ok(())
    }

    /// Each table of `u64` postings with its keys from `p`.
    fn tables(&mut self, p: OwnKeys) -> [(&mut Table<'t, u64, ()>, Vec<u64>); 4] {
        [
            (&mut self.exact, p.exact),
            (&mut self.bands, p.bands),
            (&mut self.terms, p.terms),
            (&mut self.urls, p.urls),
        ]
    }
}

/// Takes one off the count of each of `terms` (a term once per document), in key order; a
/// count that falls to 0 is removed.
fn count_out_terms(
    counts: &mut Table<'_, u32, u32>,
    terms: impl Iterator<Item = u32>,
    index: &str,
) -> Result<(), StoreError> {
    let mut changes: Vec<u32> = terms.collect();
    changes.sort_unstable();
    for run in changes.chunk_by(|a, b| a == b) {
        let term = run[0];
        let old = counts
            .get(term)
            .map_err(db(index))?
            .map_or(0, |v| v.value());
        let new = old.saturating_sub(run.len() as u32);
        if new == 0 {
            counts.remove(term).map_err(db(index))?;
        } else {
            counts.insert(term, new).map_err(db(index))?;
        }
    }
    Ok(())
}

/// Counts the documents under each story term from the `term_keys` postings, replacing
/// `term_counts`: what a format-2 index, written before the counts were kept, lacks.
pub fn recount_terms(txn: &WriteTransaction, index: &str) -> Result<(), StoreError> {
    let postings = txn.open_table(TERM_KEYS).map_err(db(index))?;
    let mut counts = txn.open_table(TERM_COUNTS).map_err(db(index))?;
    counts.retain(|_, _| false).map_err(db(index))?;
    let mut current: Option<(u32, u32)> = None;
    for entry in postings.iter().map_err(db(index))? {
        let term = (entry.map_err(db(index))?.0.value() >> 32) as u32;
        match &mut current {
            Some((t, n)) if *t == term => *n += 1,
            _ => {
                if let Some((t, n)) = current.replace((term, 1)) {
                    counts.insert(t, n).map_err(db(index))?;
                }
            }
        }
    }
    if let Some((t, n)) = current {
        counts.insert(t, n).map_err(db(index))?;
    }
    Ok(())
}

/// Moves format 3's fingerprint postings (`fingerprint << 32 | number`, table `old`) to
/// [`PRINT_KEYS`], and deletes `old`.
pub fn migrate_print_keys(
    txn: &WriteTransaction,
    old: redb::TableDefinition<u64, ()>,
    index: &str,
) -> Result<(), StoreError> {
    {
        let from = txn.open_table(old).map_err(db(index))?;
        let mut to = txn.open_table(PRINT_KEYS).map_err(db(index))?;
        for entry in from.iter().map_err(db(index))? {
            let key = entry.map_err(db(index))?.0.value();
            let print = (key >> 32) as u32;
            to.insert(print_posting(print >> 8, key as u32), ())
                .map_err(db(index))?;
        }
    }
    txn.delete_table(old).map_err(db(index))?;
    Ok(())
}

/// The posting keys of some documents, per table.
#[derive(Default)]
struct PostingKeys {
    own: OwnKeys,
    prints: Vec<PrintPosting>,
}

/// The `u64` posting keys of some documents, per table.
#[derive(Default)]
struct OwnKeys {
    exact: Vec<u64>,
    bands: Vec<u64>,
    terms: Vec<u64>,
    urls: Vec<u64>,
}

impl PostingKeys {
    /// How many postings it holds.
    fn len(&self) -> usize {
        let own = &self.own;
        own.exact.len() + own.bands.len() + own.terms.len() + own.urls.len() + self.prints.len()
    }

    /// Takes `other`'s postings too.
    fn append(&mut self, mut other: PostingKeys) {
        let (own, theirs) = (&mut self.own, &mut other.own);
        own.exact.append(&mut theirs.exact);
        own.bands.append(&mut theirs.bands);
        own.terms.append(&mut theirs.terms);
        own.urls.append(&mut theirs.urls);
        self.prints.append(&mut other.prints);
    }

    /// Adds the postings every document has: its exact key, its story terms among `terms`
    /// and its URL.
    fn push_own(&mut self, n: u32, keys: &Keys<'_>, terms: &[u32]) {
        let own = &mut self.own;
        own.terms.extend(terms.iter().map(|&t| posting(t, n)));
        own.urls.extend(keys.url.map(|u| posting(u, n)));
        if keys.sketch.words > 0 {
            own.exact.push(posting(exact_key(keys.sketch), n));
        }
    }

    /// Adds the postings an exact class's exemplar has for the class: its LSH bands and
    /// fingerprints.
    fn push_sketch(&mut self, n: u32, s: &DocSketch) {
        if s.words == 0 {
            return;
        }
        self.own
            .bands
            .extend(s.bands.iter().map(|&b| posting(b, n)));
        self.prints
            .extend(print_keys(&s.prints).map(|k| print_posting(k, n)));
    }
}

/// The postings a candidate lookup reads: read-only tables for a query, the write
/// transaction's own for a refresh.
pub struct Postings<I, P, F> {
    /// Numbers to ids.
    pub ids: I,
    /// Exact keys.
    pub exact: P,
    /// LSH buckets.
    pub bands: P,
    /// Fingerprints.
    pub prints: F,
    /// Story terms.
    pub terms: P,
    /// Documents per story term.
    pub term_counts: ReadOnlyTable<u32, u32>,
    /// Canonical URLs.
    pub urls: P,
}

/// The postings as a read transaction opens them.
pub type ReadPostings = Postings<
    ReadOnlyTable<u32, &'static str>,
    ReadOnlyTable<u64, ()>,
    ReadOnlyTable<PrintPosting, ()>,
>;

/// Posting tables opened in a read or a write transaction.
macro_rules! open_postings {
    ($txn:expr, $index:expr) => {
        $crate::sketches::Postings {
            ids: $txn
                .open_table($crate::tables::NUMBERED_DOCUMENTS)
                .map_err($crate::error::db($index))?,
            exact: $txn
                .open_table($crate::tables::EXACT_KEYS)
                .map_err($crate::error::db($index))?,
            bands: $txn
                .open_table($crate::tables::BAND_KEYS)
                .map_err($crate::error::db($index))?,
            prints: $txn
                .open_table($crate::tables::PRINT_KEYS)
                .map_err($crate::error::db($index))?,
            terms: $txn
                .open_table($crate::tables::TERM_KEYS)
                .map_err($crate::error::db($index))?,
            term_counts: $txn
                .open_table($crate::tables::TERM_COUNTS)
                .map_err($crate::error::db($index))?,
            urls: $txn
                .open_table($crate::tables::URL_KEYS)
                .map_err($crate::error::db($index))?,
        }
    };
}
pub(crate) use open_postings;

/// What a stored document shares with the query.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Shared {
    exact: bool,
    url: bool,
    bands: u32,
    prints: u32,
}

/// Stored exact copies of a document looked at, at most (they are one group, in one story:
/// a few bring all of it).
const EXACT_HEAD: usize = 64;

/// The posting of document number `n` under `key`.
fn posting(key: u32, n: u32) -> u64 {
    u64::from(key) << 32 | u64::from(n)
}

/// The distinct keys a document's fingerprints are posted under (their upper 24 bits), in
/// order: a candidate only (the engine verifies), and a key shared by two of one document's
/// fingerprints counts once.
fn print_keys(prints: &[u32]) -> impl Iterator<Item = u32> {
    let mut keys: Vec<u32> = prints.iter().map(|&p| p >> 8).collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
}

/// The fingerprint posting of document number `n` under 24-bit `key`.
fn print_posting(key: u32, n: u32) -> PrintPosting {
    let [_, k1, k2, k3] = key.to_be_bytes();
    let [n0, n1, n2, n3] = n.to_be_bytes();
    PrintPosting([k1, k2, k3, n0, n1, n2, n3])
}

/// The key a document's exact key is posted under (its upper 32 bits: a candidate only;
/// verification compares the bodies).
fn exact_key(s: &DocSketch) -> u32 {
    (s.key >> 32) as u32
}

/// A posting key: a bucket key and a document number, ordered by both.
pub trait PostingKey: redb::Key + for<'a> redb::Value<SelfType<'a> = Self> + 'static {
    /// The posting of document number `n` under `key`.
    fn of(key: u32, n: u32) -> Self;
    /// Its document number.
    fn number(&self) -> u32;
}

impl PostingKey for u64 {
    fn of(key: u32, n: u32) -> u64 {
        posting(key, n)
    }
    fn number(&self) -> u32 {
        *self as u32
    }
}

impl PostingKey for PrintPosting {
    fn of(key: u32, n: u32) -> PrintPosting {
        print_posting(key, n)
    }
    fn number(&self) -> u32 {
        let PrintPosting([_, _, _, n0, n1, n2, n3]) = *self;
        u32::from_be_bytes([n0, n1, n2, n3])
    }
}

/// The first `k` document numbers posted under `key` (by number).
pub fn bucket_head<K: PostingKey>(
    table: &impl ReadableTable<K, ()>,
    key: u32,
    k: usize,
    index: &str,
) -> Result<Vec<u32>, StoreError> {
    let range = table
        .range(K::of(key, 0)..=K::of(key, u32::MAX))
        .map_err(db(index))?;
    let mut out = Vec::new();
    for entry in range.take(k) {
        out.push(entry.map_err(db(index))?.0.value().number());
    }
    Ok(out)
}

/// The document numbers posted under `key`, or `None` when there are more than `cap`.
pub fn bucket<K: PostingKey>(
    table: &impl ReadableTable<K, ()>,
    key: u32,
    cap: usize,
    index: &str,
) -> Result<Option<Vec<u32>>, StoreError> {
    let head = bucket_head(table, key, cap.saturating_add(1), index)?;
    Ok((head.len() <= cap).then_some(head))
}

/// Up to `limit` stored documents worth verifying against a body sketched as `s`, best
/// first (exact key, then shared bands, then shared fingerprints, then id), `except` left
/// out.
pub fn candidates<
    I: ReadableTable<u32, &'static str>,
    P: ReadableTable<u64, ()>,
    F: ReadableTable<PrintPosting, ()>,
>(
    p: &Postings<I, P, F>,
    (s, url): (&DocSketch, Option<u32>),
    cfg: &RelateConfig,
    except: &str,
    limit: usize,
    index: &str,
) -> Result<Vec<String>, StoreError> {
    let mut shared: HashMap<u32, Shared> = HashMap::new();
    if let Some(url) = url {
        for n in bucket(&p.urls, url, usize::MAX, index)?.unwrap_or_default() {
            shared.entry(n).or_default().url = true;
        }
    }
    if s.words == 0 {
        return found(p, shared, cfg, except, limit, index);
    }
    for n in bucket_head(&p.exact, exact_key(s), EXACT_HEAD, index)? {
        shared.entry(n).or_default().exact = true;
    }
    for &band in &s.bands {
        for n in bucket(&p.bands, band, cfg.lsh_max_bucket, index)?.unwrap_or_default() {
            shared.entry(n).or_default().bands += 1;
        }
    }
    for key in print_keys(&s.prints) {
        let posting = bucket(&p.prints, key, cfg.containment_max_bucket, index)?;
        for n in posting.unwrap_or_default() {
            shared.entry(n).or_default().prints += 1;
        }
    }
    found(p, shared, cfg, except, limit, index)
}

/// The ids of the documents that share enough, best first, at most `limit`.
fn found<I: ReadableTable<u32, &'static str>, P, F>(
    p: &Postings<I, P, F>,
    shared: HashMap<u32, Shared>,
    cfg: &RelateConfig,
    except: &str,
    limit: usize,
    index: &str,
) -> Result<Vec<String>, StoreError> {
    let min_prints = cfg.min_shared_fingerprints as u32;
    let mut found: Vec<(Shared, String)> = Vec::new();
    for (n, s) in shared {
        if !(s.exact || s.url || s.bands > 0 || s.prints >= min_prints) {
            continue;
        }
        let id = p.ids.get(n).map_err(db(index))?;
        let Some(id) = id.map(|v| v.value().to_string()) else {
            continue;
        };
        if id != except {
            found.push((s, id));
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.truncate(limit);
    Ok(found.into_iter().map(|(_, id)| id).collect())
}

/// Story terms two documents must share to be scored as one story's.
const TERMS_SHARED: u32 = 2;

/// A story term held by more documents than this is too common to find a story by: lookups
/// skip it by its count, and documents added once it is are not posted under it (a bucket
/// holds a term's first `TERM_BUCKET + 1` documents; should removals bring the count back
/// under, it holds those of them that are left).
const TERM_BUCKET: usize = 300;

/// Stored documents a new one is scored against for its story (a query), or whose stories
/// join a change's region, at most.
pub const STORY_CANDIDATES: usize = 4;

/// The [`STORY_CANDIDATES`] stored documents sharing the most story terms with `terms` (at
/// least [`TERMS_SHARED`]; terms posted for more than [`TERM_BUCKET`] documents skipped as
/// too common, by their count: their buckets are not read), best first.
pub fn term_candidates<I: ReadableTable<u32, &'static str>, P: ReadableTable<u64, ()>, F>(
    p: &Postings<I, P, F>,
    terms: &[u32],
    index: &str,
) -> Result<Vec<String>, StoreError> {
    let (min_shared, limit) = (TERMS_SHARED, STORY_CANDIDATES);
    let mut shared: HashMap<u32, u32> = HashMap::new();
    for &term in terms {
        let count = p.term_counts.get(term).map_err(db(index))?;
        if count.is_none_or(|c| c.value() as usize > TERM_BUCKET) {
            continue;
        }
        for n in bucket(&p.terms, term, TERM_BUCKET, index)?.unwrap_or_default() {
            *shared.entry(n).or_default() += 1;
        }
    }
    let mut best: Vec<(u32, u32)> = shared
        .into_iter()
        .filter(|&(_, c)| c >= min_shared)
        .collect();
    best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    best.truncate(limit);
    let mut out = Vec::with_capacity(best.len());
    for (n, _) in best {
        if let Some(id) = p.ids.get(n).map_err(db(index))? {
            out.push(id.value().to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use redb::backends::InMemoryBackend;

    #[test]
    fn print_postings_sort_by_key_then_number_and_a_bucket_reads_back_its_numbers() {
        let pairs = [
            (0x00ab_cdef, 7),
            (0x00ab_cdef, 1 << 31),
            (0x00ab_cdf0, 0),
            (0, 5),
        ];
        let mut keys: Vec<PrintPosting> = pairs.iter().map(|&(k, n)| print_posting(k, n)).collect();
        keys.sort_unstable();
        let mut sorted = pairs.to_vec();
        sorted.sort_unstable();
        let back: Vec<PrintPosting> = sorted.iter().map(|&(k, n)| print_posting(k, n)).collect();
        assert_eq!(keys, back, "byte order is (key, number) order");

        let db = redb::Builder::new()
            .create_with_backend(InMemoryBackend::new())
            .unwrap();
        let txn = db.begin_write().unwrap();
        {
            let mut table = txn.open_table(PRINT_KEYS).unwrap();
            for key in &keys {
                table.insert(key, ()).unwrap();
            }
            let bucket = bucket_head(&table, 0x00ab_cdef, 10, "mem").unwrap();
            assert_eq!(bucket, vec![7, 1 << 31]);
            assert_eq!(bucket_head(&table, 0x00ab_cdef, 1, "mem").unwrap(), vec![7]);
            assert!(bucket_head(&table, 1, 10, "mem").unwrap().is_empty());
        }
    }

    #[test]
    fn two_fingerprints_of_one_key_count_once() {
        let keys: Vec<u32> = print_keys(&[0x1234_5601, 0x1234_56ff, 0x9999_0000]).collect();
        assert_eq!(keys, vec![0x0012_3456, 0x0099_9900]);
    }
}
