//! Every table of the index file, defined once: its name, key and value types. The byte
//! layout of each is documented in `docs/index-format.md`; a change to any of them bumps
//! [`FORMAT_VERSION`].
//!
//! Must not: read or write; the other modules open these tables in their transactions.

use redb::{MultimapTableDefinition, TableDefinition};

/// The format this build reads and writes (recorded in [`HEADER`] under `format`).
pub const FORMAT_VERSION: &str = "samestory-index 5";

/// `name → bytes`: `format` (the format version, UTF-8), `params` (the hashing parameters,
/// JSON), `next_number` (the next document number, u32 LE).
pub const HEADER: TableDefinition<&str, &[u8]> = TableDefinition::new("header");

/// `document id → record`: its number, revision, when it was added and its content hash,
/// then the document without its id and body (JSON; see `record`).
pub const DOCUMENTS: TableDefinition<&str, &[u8]> = TableDefinition::new("documents");

/// `(document id, piece) → bytes`: the cleaned body, UTF-8, one zstd frame, cut into
/// pieces of at most 512 bytes numbered from 0 (`bodies`).
pub const BODY_PIECES: TableDefinition<(&str, u16), &[u8]> = TableDefinition::new("body_pieces");

/// `document id → place`: its duplicate group, its story, its quotes and numbers (JSON),
/// as of the last refresh.
pub const PLACES: TableDefinition<&str, &[u8]> = TableDefinition::new("places");

/// `(a, b) → line`: the lines of `relations.jsonl` under their two ends, so the table's
/// order is the file's (sorted by `a`, then `b`). Two lines of one pair would be one value,
/// joined by a newline, in the file's order.
pub const RELATIONS: TableDefinition<(&str, &str), &str> = TableDefinition::new("relations");

/// `document id → other end`: for each document, the documents it shares a relations line
/// with (both directions are stored).
pub const RELATIONS_BY_DOCUMENT: MultimapTableDefinition<&str, &str> =
    MultimapTableDefinition::new("relations_by_document");

/// `(story id, piece) → bytes`: the lines of `stories.jsonl` (the story with its comparison),
/// in its order (by story id), each one zstd frame cut into pieces (`pieces`).
pub const STORIES: TableDefinition<(&str, u16), &[u8]> = TableDefinition::new("story_pieces");

/// `story id → member ids`: every story id ever issued, with its members when it was last
/// current (JSON array), so that an old id resolves to where its documents went.
pub const ISSUED_STORIES: TableDefinition<&str, &[u8]> = TableDefinition::new("issued_stories");

/// Creates every table that does not exist yet, so readers never meet a missing one.
pub fn create_all(txn: &redb::WriteTransaction) -> Result<(), redb::TableError> {
    txn.open_table(HEADER)?;
    txn.open_table(DOCUMENTS)?;
    txn.open_table(BODY_PIECES)?;
    txn.open_table(PLACES)?;
    txn.open_table(RELATIONS)?;
    txn.open_multimap_table(RELATIONS_BY_DOCUMENT)?;
    txn.open_table(STORIES)?;
    txn.open_table(ISSUED_STORIES)?;
    txn.open_table(NUMBERED_DOCUMENTS)?;
    txn.open_table(EXACT_KEYS)?;
    txn.open_table(BAND_KEYS)?;
    txn.open_table(PRINT_KEYS)?;
    txn.open_table(TERM_KEYS)?;
    txn.open_table(TERM_COUNTS)?;
    txn.open_table(URL_KEYS)?;
    txn.open_table(STORY_DF)?;
    txn.open_table(EXEMPLARS)?;
    txn.open_table(STORY_SUMMARIES)?;
    Ok(())
}

/// `number → document id`: whose number it is (the document's record holds its number, which
/// its postings use: 4 bytes instead of the id).
pub const NUMBERED_DOCUMENTS: TableDefinition<u32, &str> =
    TableDefinition::new("numbered_documents");

/// `key << 32 | document number → ()`, key the upper 32 bits of the exact key: documents
/// whose normalised word sequences hash alike (a range scan over one key lists them).
pub const EXACT_KEYS: TableDefinition<u64, ()> = TableDefinition::new("exact_keys");

/// `band key << 32 | document number → ()`: the MinHash LSH buckets.
pub const BAND_KEYS: TableDefinition<u64, ()> = TableDefinition::new("band_keys");

/// `term << 32 | document number → ()`: the story candidates (`terms`: title and lead words).
pub const TERM_KEYS: TableDefinition<u64, ()> = TableDefinition::new("term_keys");

/// `term → documents`: how many stored documents `term_keys` posts under each story term
/// (terms posted for none are absent), so a lookup skips a term too common to find a story
/// by without reading its bucket.
pub const TERM_COUNTS: TableDefinition<u32, u32> = TableDefinition::new("term_counts");

/// A fingerprint posting: the fingerprint's upper 24 bits, then the document number, each
/// big-endian (7 bytes, so byte order is `(fingerprint, number)` order and keys compare as
/// one `memcmp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PrintPosting(pub [u8; 7]);

impl redb::Value for PrintPosting {
    type SelfType<'a> = PrintPosting;
    type AsBytes<'a> = [u8; 7];

    fn fixed_width() -> Option<usize> {
        Some(7)
    }

    fn from_bytes<'a>(data: &'a [u8]) -> PrintPosting
    where
        Self: 'a,
    {
        let mut bytes = [0; 7];
        bytes.copy_from_slice(&data[..7]);
        PrintPosting(bytes)
    }

    fn as_bytes<'a, 'b: 'a>(value: &'a PrintPosting) -> [u8; 7]
    where
        Self: 'b,
    {
        value.0
    }

    fn type_name() -> redb::TypeName {
        redb::TypeName::new("samestory::PrintPosting")
    }
}

impl redb::Key for PrintPosting {
    fn compare(data1: &[u8], data2: &[u8]) -> std::cmp::Ordering {
        data1.cmp(data2)
    }
}

/// `fingerprint posting → ()`: the containment index.
pub const PRINT_KEYS: TableDefinition<PrintPosting, ()> = TableDefinition::new("print_postings");

/// `url key << 32 | document number → ()`, url key the upper 32 bits of the XXH3 of the
/// document's canonical URL: documents at one address (the engine pairs them).
pub const URL_KEYS: TableDefinition<u64, ()> = TableDefinition::new("url_keys");

/// `story feature → documents`: how many stored documents hold each story feature (the
/// story stage's tagged feature names; features held by none are absent). The header's
/// `story_docs` (u64 LE) and `story_words` (f64 LE) count the documents and their lengths.
pub const STORY_DF: TableDefinition<&str, u32> = TableDefinition::new("story_df");

/// `exact key → document number`: each exact class's exemplar (the relation engine's full
/// 64-bit exact key: the normalised word sequence). Only the exemplar's LSH bands and
/// fingerprints are posted — its copies have the same ones — so 20,000 copies of a wire story
/// post them once and a near-copy still finds the class.
pub const EXEMPLARS: TableDefinition<u64, u32> = TableDefinition::new("exemplars");

/// `story id → summary`: what the story list shows of each current story (title, first and
/// last date, how many documents, groups and outlets, whether numbers disagree; JSON), so a
/// list page reads a few bytes per story instead of its whole line.
pub const STORY_SUMMARIES: TableDefinition<&str, &[u8]> = TableDefinition::new("story_summaries");
