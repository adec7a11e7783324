//! The relation engine: given ingested [`Document`]s, find which are the same article
//! (`exact`, `near_duplicate`, `same_url`: duplicate groups) and which reprint passages of
//! which (`reprint`, pointing at the original), with verified scores and aligned passages —
//! drawn as a reader would: one row per group member besides the group's representative,
//! one per reprint between two groups' representatives.
//!
//! Pipeline (each stage a module): [`features`] (one pass over the words of a body: word
//! hash → rolling shingle hash → MinHash bins and winnowing window → exact-candidate key,
//! LSH band keys, fingerprint keys; in parallel) → [`exact`] (exact copies collapse to one
//! exemplar) → [`candidates`] (LSH bands ∪ containment index of non-frequent fingerprints ∪
//! equal URLs, among exemplars, hubs for widely shared text) → [`verify`] (bodies of
//! candidate documents fetched back through a [`BodySource`], in bounded blocks; exact
//! Jaccard and containments on the real shingle sets; [`align`]ed passages with char
//! offsets, coverage without quotes, [`wire`] credits) → [`groups`] (union-find,
//! representatives) → [`graph`] (spanning trees, reprint edges between groups, direction by
//! [`reprint`]'s rules, siblings, secondary sources).
//!
//! Two entry points: [`relate`] over a slice of documents, and the streaming [`Relater`]
//! (documents added one by one or in batches, bodies not kept; memory grows with the
//! index, not the text). `relate` is a thin wrapper over `Relater`; tests check both give
//! identical output. A third way in: [`shard`], the same candidate, verification and
//! grouping rules as pure functions over a map-reduce job's rows, giving the same groups.
//!
//! Must not: print, read files, or decide anything from a sketch estimate alone.
//! Invariants: output is a pure function of the documents (whatever their order) and the
//! config — sorted, and byte-identical whatever the thread count; passage offsets are char
//! offsets into `Document::body`; output size is O(documents + reprint edges).
//!
//! ```
//! use samestory_core::{Document, Format, RelateConfig};
//! let doc = |id: &str, body: &str| Document::new(id, Format::Text, body);
//! let docs = [doc("a", "One two three four five six."), doc("b", "one TWO  three four five SIX.")];
//! let out = samestory_relate::relate(&docs, &RelateConfig::default());
//! assert_eq!(out.relations[0].kind, samestory_relate::Kind::Exact);
//! assert_eq!(out.group_of, ["a", "a"]);
//! let line = serde_json::to_string(&out.relations[0]).unwrap(); // one relations.jsonl line
//! assert!(line.starts_with(r#"{"a":"a","b":"b","kind":"exact","jaccard":1.0"#));
//! ```

pub mod align;
pub mod candidates;
pub mod exact;
pub mod features;
pub mod graph;
pub mod groups;
mod relation;
pub mod reprint;
pub mod shard;
mod source;
pub(crate) mod stream;
mod time;
pub mod verify;
pub mod wire;

pub use relation::{Kind, Relation, Relations};
pub use source::{BodySource, RelateError, SliceSource};
pub use stream::{Relater, DEFAULT_BLOCK_DOCS};

use samestory_core::{Document, RelateConfig};

/// Finds every relation among `docs` and their duplicate groups.
///
/// Ids must be unique. `Relations::relations` is sorted by `(a, b)` with `a < b`;
/// `Relations::group_of[i]` is the group id (smallest member id) of `docs[i]`.
pub fn relate(docs: &[Document], cfg: &RelateConfig) -> Relations {
    let mut engine = Relater::new(cfg);
    engine.add_batch(docs);
    match engine.finish(docs, &SliceSource(docs)) {
        Ok(out) => out,
        Err(RelateError::Body { source, .. }) => match source {},
        Err(e @ RelateError::Count { .. }) => unreachable!("{e}: every document was added"),
    }
}
