//! The store through its library API: write failures injected through the I/O seam leave
//! the last committed state; a second opener gets the lock error; an index from an older
//! format or other hashing parameters is refused with a typed error naming both; expiry by
//! date and by time added; an in-memory backend.

use redb::backends::FileBackend;
use redb::{BackendError, StorageBackend};
use samestory_core::{Config, Document, Format};
use samestory_store::{InMemoryBackend, IndexBuilder, StoreError};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const FLOOD: &str = "Flood waters rose along the Westmere river on Tuesday as the spillway \
    at Orrin dam reached its limit, and the regional authority ordered the evacuation of \
    three villages downstream, the emergency office said in a statement.";
const BRIDGE: &str = "Ministers agreed on Tuesday to reopen the northern bridge after a month \
    of repairs to its span, the transport office said, adding that heavy lorries will \
    stay banned until the spring inspection is finished.";

fn doc(id: &str, body: &str, date: Option<&str>) -> Document {
    let mut d = Document::new(id, Format::Text, body);
    d.meta.date = date.map(str::to_string);
    d
}

fn corpus() -> Vec<Document> {
    vec![
        doc("a", FLOOD, Some("2024-05-01")),
        doc("b", FLOOD, Some("2024-05-02")),
        doc("c", BRIDGE, None),
    ]
}

/// A file backend whose writes and syncs fail while `failing` is set.
#[derive(Debug)]
struct Failing {
    inner: FileBackend,
    failing: Arc<AtomicBool>,
}

impl Failing {
    fn check(&self) -> std::io::Result<()> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(std::io::Error::other("injected write failure"));
        }
        Ok(())
    }
}

impl StorageBackend for Failing {
    fn len(&self) -> std::io::Result<u64> {
        self.inner.len()
    }
    fn read(&self, offset: u64, out: &mut [u8]) -> std::io::Result<()> {
        self.inner.read(offset, out)
    }
    fn set_len(&self, len: u64) -> std::io::Result<()> {
        self.check()?;
        self.inner.set_len(len)
    }
    fn sync_data(&self) -> std::io::Result<()> {
        self.check()?;
        self.inner.sync_data()
    }
    fn write(&self, offset: u64, data: &[u8]) -> std::io::Result<()> {
        self.check()?;
        self.inner.write(offset, data)
    }
    fn close(&self) -> std::io::Result<()> {
        self.inner.close()
    }
    fn try_lock_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.try_lock_range(a, b)
    }
    fn try_lock_shared_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.try_lock_shared_range(a, b)
    }
    fn lock_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_range(a, b)
    }
    fn lock_shared_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_shared_range(a, b)
    }
    fn unlock_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<(), BackendError> {
        self.inner.unlock_range(a, b)
    }
    fn query_lock_range(&self, a: Bound<u64>, b: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.query_lock_range(a, b)
    }
}

fn open_file(path: &Path) -> std::fs::File {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .unwrap()
}

/// Every file an export writes, read back.
fn exported(index: &samestory_store::Index) -> Vec<Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    index.export(dir.path(), false).unwrap();
    ["documents.jsonl", "relations.jsonl", "stories.jsonl"]
        .iter()
        .map(|f| std::fs::read(dir.path().join(f)).unwrap())
        .collect()
}

#[test]
fn injected_write_failures_leave_the_last_committed_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let failing = Arc::new(AtomicBool::new(false));
    let backend = Failing {
        inner: FileBackend::new(open_file(&path)).unwrap(),
        failing: failing.clone(),
    };
    let index = IndexBuilder::new(Config::default())
        .open_backend(backend, "failing")
        .unwrap();
    index.add(corpus().into_iter().take(2), 10).unwrap();
    let committed = exported(&index);
    failing.store(true, Ordering::SeqCst);
    let err = index.add(corpus(), 20).unwrap_err();
    assert!(matches!(err, StoreError::Db { .. }), "{err}");
    assert_eq!(err.to_string(), "failing");
    let err = index.remove(&["a".to_string()]).unwrap_err();
    assert!(matches!(err, StoreError::Db { .. }), "{err}");
    drop(index);
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    assert_eq!(index.stats().unwrap().documents, 2);
    assert_eq!(exported(&index), committed);
}

#[test]
fn a_second_opener_gets_the_lock_error_naming_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let _first = IndexBuilder::new(Config::default()).open(&path).unwrap();
    let Err(err) = IndexBuilder::new(Config::default()).open(&path) else {
        panic!("a second open must fail while the first holds the lock");
    };
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("index.redb"), "{err}");
}

#[test]
fn other_hashing_parameters_are_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    IndexBuilder::new(Config::default()).open(&path).unwrap();
    let mut other = Config::default();
    other.relate.shingle = 4;
    let Err(err) = IndexBuilder::new(other).open(&path) else {
        panic!("other hashing parameters must be refused");
    };
    let StoreError::Params {
        stored, current, ..
    } = &err
    else {
        panic!("expected a parameter mismatch, got {err}");
    };
    assert!(stored.contains("shingle=5"), "{stored}");
    assert!(current.contains("shingle=4"), "{current}");
    let mut thresholds = Config::default();
    thresholds.relate.near_dup_jaccard = 0.7;
    assert!(IndexBuilder::new(thresholds).open(&path).is_ok());
}

/// The index file of format 0 kept under tests/data (written by
/// `write_format_0_fixture`).
fn format_0_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/index-format-0.redb")
}

#[test]
fn an_index_of_an_older_format_is_refused_with_the_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("old.redb");
    std::fs::copy(format_0_fixture(), &copy).unwrap();
    let Err(err) = IndexBuilder::new(Config::default()).open(&copy) else {
        panic!("format 0 must be refused");
    };
    let StoreError::Format {
        found, expected, ..
    } = &err
    else {
        panic!("expected a format error, got {err}");
    };
    assert_eq!(found, "samestory-index 0");
    assert_eq!(expected, samestory_store::tables::FORMAT_VERSION);
    let Err(again) = IndexBuilder::new(Config::default()).open(&copy) else {
        panic!("refusing must leave the file as it was: format 0 again");
    };
    assert_eq!(again.to_string(), err.to_string());
}

/// Writes the format-0 fixture: a header naming format 0 and one document record in the
/// old shape. Run with `--ignored` only to remake it.
#[test]
#[ignore]
fn write_format_0_fixture() {
    let path = format_0_fixture();
    let _ = std::fs::remove_file(&path);
    let db = redb::Database::create(&path).unwrap();
    let header: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("header");
    let docs: redb::TableDefinition<&str, &str> = redb::TableDefinition::new("docs");
    let txn = db.begin_write().unwrap();
    {
        let mut h = txn.open_table(header).unwrap();
        h.insert("format", b"samestory-index 0".as_slice()).unwrap();
        let mut d = txn.open_table(docs).unwrap();
        d.insert("a", "{\"id\":\"a\",\"body\":\"old shape\"}")
            .unwrap();
    }
    txn.commit().unwrap();
}

/// Documents per story term, in term order.
type Counts = Vec<(u32, u32)>;

/// `term_counts` read from the file, and the same counted afresh from the `term_keys`
/// postings.
fn term_counts(path: &Path) -> (Counts, Counts) {
    use redb::{ReadableDatabase, ReadableTable};
    let db = redb::Database::open(path).unwrap();
    let txn = db.begin_read().unwrap();
    let kept = txn
        .open_table(samestory_store::tables::TERM_COUNTS)
        .unwrap()
        .iter()
        .unwrap()
        .map(|e| {
            let (k, v) = e.unwrap();
            (k.value(), v.value())
        })
        .collect();
    let mut counted: Vec<(u32, u32)> = Vec::new();
    for e in txn
        .open_table(samestory_store::tables::TERM_KEYS)
        .unwrap()
        .iter()
        .unwrap()
    {
        let term = (e.unwrap().0.value() >> 32) as u32;
        match counted.last_mut() {
            Some((t, n)) if *t == term => *n += 1,
            _ => counted.push((term, 1)),
        }
    }
    (kept, counted)
}

#[test]
fn a_term_held_by_over_300_documents_is_counted_but_posted_for_its_first_301() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    let docs = |range: std::ops::Range<usize>| {
        range.map(|i| {
            let mut d = doc(
                &format!("d{i:03}"),
                &format!("Quarry{i} report number {i}."),
                None,
            );
            d.meta.title = Some("Westmere quarry".into());
            d
        })
    };
    index.add(docs(0..200), 100).unwrap();
    index.add(docs(200..320), 200).unwrap();
    drop(index);
    let (kept, counted) = term_counts(&path);
    let most = |c: &Counts| c.iter().map(|&(_, n)| n).max().unwrap();
    assert_eq!(most(&kept), 320, "every holder counted");
    assert_eq!(most(&counted), 301, "posted for the first 301 only");
    let posted: u32 = counted.iter().map(|&(_, n)| n).sum();
    let held: u32 = kept.iter().map(|&(_, n)| n).sum();
    assert_eq!(held - posted, 4 * 19, "four terms over the cap (title: westmere, quarry; lead: report, number), 19 documents each");

    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    let gone: Vec<String> = (300..320).map(|i| format!("d{i:03}")).collect();
    index.remove(&gone).unwrap();
    drop(index);
    let (kept, counted) = term_counts(&path);
    assert_eq!(most(&kept), 300);
    assert_eq!(
        most(&counted),
        300,
        "the removed ones' postings went with them"
    );
}

#[test]
fn term_counts_follow_changes_and_a_format_2_index_migrates_with_its_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    index.add(corpus(), 100).unwrap();
    index.add([doc("c", FLOOD, None)], 200).unwrap();
    index.remove(&["a".to_string()]).unwrap();
    let before = exported(&index);
    drop(index);
    let (kept, counted) = term_counts(&path);
    assert!(!kept.is_empty());
    assert_eq!(
        kept, counted,
        "adds, a revision and a removal keep the counts"
    );

    // What a format-2 file is: no term counts, each body one value, the older format name.
    {
        use redb::ReadableTable;
        let db = redb::Database::open(&path).unwrap();
        let txn = db.begin_write().unwrap();
        txn.delete_table(samestory_store::tables::TERM_COUNTS)
            .unwrap();
        for (pieces, format_2, values) in [
            (samestory_store::tables::BODY_PIECES, "bodies", 2),
            (samestory_store::tables::STORIES, "stories", 1),
        ] {
            let mut whole: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
            for e in txn.open_table(pieces).unwrap().iter().unwrap() {
                let (k, v) = e.unwrap();
                let id = k.value().0.to_string();
                whole.entry(id).or_default().extend_from_slice(v.value());
            }
            assert_eq!(whole.len(), values, "{format_2}");
            txn.delete_table(pieces).unwrap();
            let format_2: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new(format_2);
            let mut old = txn.open_table(format_2).unwrap();
            for (id, bytes) in &whole {
                old.insert(id.as_str(), bytes.as_slice()).unwrap();
            }
        }
        // Records as JSON, their numbers in a table of their own.
        let mut records = txn.open_table(samestory_store::tables::DOCUMENTS).unwrap();
        let numbers: redb::TableDefinition<&str, u32> =
            redb::TableDefinition::new("document_numbers");
        let mut numbers = txn.open_table(numbers).unwrap();
        let mut legacy = Vec::new();
        for e in records.iter().unwrap() {
            let (id, bytes) = e.unwrap();
            let r = samestory_store::DocumentRecord::from_bytes(id.value(), bytes.value()).unwrap();
            numbers.insert(id.value(), r.number).unwrap();
            let json = serde_json::json!({
                "document": r.document, "added": r.added, "revision": r.revision,
                "content": format!("{:032x}", r.content),
            });
            legacy.push((id.value().to_string(), serde_json::to_vec(&json).unwrap()));
        }
        for (id, json) in legacy {
            records.insert(id.as_str(), json.as_slice()).unwrap();
        }
        drop((records, numbers));
        txn.open_table(samestory_store::tables::HEADER)
            .unwrap()
            .insert("format", b"samestory-index 2".as_slice())
            .unwrap();
        txn.commit().unwrap();
    }
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    assert_eq!(
        index.stats().unwrap().format,
        samestory_store::tables::FORMAT_VERSION
    );
    assert_eq!(exported(&index), before);
    drop(index);
    assert_eq!(term_counts(&path).0, kept, "migrated from the postings");
}

/// `tests/data/NAME.zst`: `index-format-N.redb`, an index of `examples/` written by the
/// samestory of format N (`index add examples`, then `index compact`), and
/// `index-examples.FILE.jsonl`, what `index export` wrote from it (the same at formats 3 and 4).
fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(format!("{name}.zst"));
    zstd::decode_all(std::fs::File::open(path).unwrap()).unwrap()
}

/// What every fixture index of `examples/` exported before it was migrated.
fn exported_before_migration() -> Vec<Vec<u8>> {
    ["documents", "relations", "stories"]
        .iter()
        .map(|f| fixture(&format!("index-examples.{f}.jsonl")))
        .collect()
}

/// Opens the fixture index of format `format` (copied to `dir`): it migrates, holds the 15
/// documents of `examples/` and exports what it exported before.
fn migrated_fixture(format: u32, dir: &Path) -> (samestory_store::Index, std::path::PathBuf) {
    let path = dir.join("index.redb");
    std::fs::write(&path, fixture(&format!("index-format-{format}.redb"))).unwrap();
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    let stats = index.stats().unwrap();
    assert_eq!(stats.format, samestory_store::tables::FORMAT_VERSION);
    assert_eq!(stats.documents, 15);
    let got = exported(&index);
    let expected = exported_before_migration();
    for (k, f) in ["documents", "relations", "stories"].iter().enumerate() {
        assert!(got[k] == expected[k], "{f}.jsonl differs after migration");
    }
    (index, path)
}

#[test]
fn a_format_3_index_migrates_and_exports_what_it_exported_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    std::fs::write(&path, fixture("index-format-3.redb")).unwrap();
    let stories_before = story_piece_bytes(&path);
    let (index, path) = migrated_fixture(3, dir.path());
    drop(index);
    let stories_after = story_piece_bytes(&path);
    assert!(
        stories_after * 10 < stories_before * 9,
        "story lines stored as spans: {stories_before} → {stories_after} bytes"
    );
}

#[test]
fn a_format_4_index_migrates_its_numbers_into_the_records_and_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let (index, path) = migrated_fixture(4, dir.path());
    let expected = exported_before_migration();
    // A document removed and added back, through the migrated numbers and postings,
    // leaves the index exporting what it did.
    let first = expected[0].split(|&b| b == b'\n').next().unwrap();
    let doc: Document = serde_json::from_slice(first).unwrap();
    assert!(!doc.body.is_empty());
    let mut copy = doc.clone();
    copy.id.push_str("-copy");
    let duplicates = |index: &samestory_store::Index| {
        let found = index.query(vec![copy.clone()]).unwrap();
        found[0].duplicates.contains(&doc.id)
    };
    assert!(duplicates(&index), "found through the migrated postings");
    let removed = index.remove(std::slice::from_ref(&doc.id)).unwrap();
    assert_eq!(removed.removed, std::slice::from_ref(&doc.id));
    assert_eq!(index.stats().unwrap().documents, 14);
    assert!(
        !duplicates(&index),
        "the removed document's postings are gone"
    );
    index.add(vec![doc], 0).unwrap();
    let got = exported(&index);
    for (k, f) in ["documents", "relations", "stories"].iter().enumerate() {
        assert!(
            got[k] == expected[k],
            "{f}.jsonl differs after remove and add"
        );
    }
    drop(index);
    use redb::ReadableDatabase;
    let db = redb::Database::open(&path).unwrap();
    let txn = db.begin_read().unwrap();
    let gone = redb::TableDefinition::<&str, u32>::new("document_numbers");
    assert!(txn.open_table(gone).is_err(), "document_numbers dropped");
}

/// Bytes of every stored story line piece.
fn story_piece_bytes(path: &Path) -> usize {
    use redb::{ReadableDatabase, ReadableTable};
    let db = redb::Database::open(path).unwrap();
    let txn = db.begin_read().unwrap();
    let table = txn.open_table(samestory_store::tables::STORIES).unwrap();
    table
        .iter()
        .unwrap()
        .map(|e| e.unwrap().1.value().len())
        .sum()
}

#[test]
fn expire_removes_by_date_and_undated_by_time_added() {
    let index = IndexBuilder::new(Config::default())
        .open_backend(InMemoryBackend::new(), "memory")
        .unwrap();
    let day = 86_400;
    let t_2024_05_02 = 19_845 * day;
    index.add(corpus(), t_2024_05_02).unwrap();
    let kept = index.expire("2024-05-02").unwrap();
    assert_eq!(kept.removed, ["a"]);
    assert!(
        index.record("c").unwrap().is_some(),
        "added on the day itself"
    );
    let gone = index.expire("2024-05-03").unwrap();
    assert_eq!(gone.removed, ["b", "c"]);
    assert_eq!(index.stats().unwrap().documents, 0);
    assert!(matches!(
        index.expire("2024-5-3"),
        Err(StoreError::BadDate { .. })
    ));
}

#[test]
fn revisions_replace_and_same_content_is_a_no_op() {
    let index = IndexBuilder::new(Config::default())
        .open_backend(InMemoryBackend::new(), "memory")
        .unwrap();
    let first = index.add(corpus(), 100).unwrap();
    assert_eq!((first.added, first.revised, first.unchanged), (3, 0, 0));
    let again = index.add(corpus(), 200).unwrap();
    assert_eq!((again.added, again.revised, again.unchanged), (0, 0, 3));
    let changed = index.add([doc("c", FLOOD, None)], 300).unwrap();
    assert_eq!(changed.revised, 1);
    let record = index.record("c").unwrap().unwrap();
    assert_eq!((record.revision, record.added), (2, 100));
    let place = index.place("c").unwrap().unwrap();
    assert_eq!(place.group, "a", "the revision joined the flood copies");
    let placed = index.query(vec![doc("d", BRIDGE, None)]).unwrap();
    assert!(placed[0].duplicates.is_empty());
    assert_eq!(placed[0].story.joins, None);
    assert!(index.record("d").unwrap().is_none(), "query adds nothing");
}

#[test]
fn kept_facts_follow_the_compare_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let quoted = "\"We will reopen the bridge in May,\" said Anna Berg, the transport minister. \
        Lorries stay banned until the spring inspection.";
    let docs = vec![doc("q", quoted, None), doc("c", BRIDGE, None)];
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    index.add(docs.clone(), 1).unwrap();
    let quotes = |index: &samestory_store::Index| index.place("q").unwrap().unwrap().facts.quotes;
    assert!(!quotes(&index).is_empty(), "the quote is found");
    drop(index);
    let mut off = Config::default();
    off.compare.quotes = false;
    let index = IndexBuilder::new(off).open(&path).unwrap();
    index.add([doc("d", FLOOD, None)], 2).unwrap();
    assert!(quotes(&index).is_empty(), "facts kept under other settings");
    drop(index);
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    index.remove(&["d".to_string()]).unwrap();
    assert!(
        !quotes(&index).is_empty(),
        "the default settings extract the quote again"
    );
}

#[test]
fn a_small_memory_budget_adds_the_same_in_many_chunks() {
    let many: Vec<Document> = (0..40)
        .map(|k| {
            doc(
                &format!("d{k:02}"),
                if k % 2 == 0 { FLOOD } else { BRIDGE },
                None,
            )
        })
        .collect();
    let small = IndexBuilder::new(Config::default())
        .add_memory_bytes(1)
        .open_backend(InMemoryBackend::new(), "small")
        .unwrap();
    let large = IndexBuilder::new(Config::default())
        .open_backend(InMemoryBackend::new(), "large")
        .unwrap();
    assert_eq!(small.add(many.clone(), 1).unwrap().added, 40);
    large.add(many, 1).unwrap();
    assert_eq!(exported(&small), exported(&large));
    assert_eq!(small.place("d39").unwrap().unwrap().group, "d01");
}

#[test]
fn one_id_twice_in_a_batch_keeps_the_later_version() {
    let index = IndexBuilder::new(Config::default())
        .open_backend(InMemoryBackend::new(), "memory")
        .unwrap();
    let batch = [
        doc("a", FLOOD, None),
        doc("a", BRIDGE, None),
        doc("b", BRIDGE, None),
    ];
    let added = index.add(batch, 1).unwrap();
    assert_eq!((added.added, added.revised), (2, 1));
    assert_eq!(index.place("a").unwrap().unwrap().group, "a");
    assert_eq!(index.place("b").unwrap().unwrap().group, "a");
    let placed = index.query(vec![doc("q", BRIDGE, None)]).unwrap();
    assert_eq!(
        placed[0].verified,
        Some(2),
        "each stored document a candidate once"
    );
    assert_eq!(placed[0].group, "a");
    let placed = index.query(vec![doc("r", FLOOD, None)]).unwrap();
    assert_eq!(
        placed[0].verified,
        Some(0),
        "the replaced version left no postings"
    );
}

/// `n` documents of invented words (each its own text), ids from `first`.
fn invented(first: usize, n: usize) -> Vec<Document> {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64 ^ first as u64;
    let mut word = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let w: String = (0..4 + state % 6)
            .map(|i| (b'a' + ((state >> (i * 5)) % 26) as u8) as char)
            .collect();
        w
    };
    (first..first + n)
        .map(|i| {
            let body: Vec<String> = (0..120).map(|_| word()).collect();
            doc(&format!("n{i:05}"), &body.join(" "), None)
        })
        .collect()
}

#[test]
fn defragment_fills_the_pages_and_changes_nothing_the_index_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.redb");
    let mut index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    for batch in 0..4 {
        index.add(invented(batch * 100, 100), 100).unwrap();
    }
    let before = index.stats().unwrap();
    let exported_before = exported(&index);
    index.defragment().unwrap();
    let after = index.stats().unwrap();
    let free = |s: &samestory_store::Stats, t: &str| s.tables[t].fragmented;
    for table in [
        "print_postings",
        "term_keys",
        "band_keys",
        "body_pieces",
        "documents",
    ] {
        assert_eq!(
            before.tables[table].stored, after.tables[table].stored,
            "{table}"
        );
    }
    // Postings are keyed by hashes (inserted all over their tables); the bodies, by ids
    // added in order, were full already.
    for table in ["print_postings", "term_keys", "band_keys"] {
        assert!(
            free(&after, table) * 3 < free(&before, table).max(1),
            "{table}: {} free bytes before, {} after",
            free(&before, table),
            free(&after, table)
        );
    }
    assert!(after.file_bytes < before.file_bytes);
    assert_eq!(exported(&index), exported_before);
    drop(index);
    let index = IndexBuilder::new(Config::default()).open(&path).unwrap();
    assert_eq!(exported(&index), exported_before, "and after reopening");
}
