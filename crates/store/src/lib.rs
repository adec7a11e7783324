//! The persistent samestory index: one redb file that holds documents (metadata, the
//! compressed body), where each belongs (duplicate group, story, quotes and numbers), the
//! rows of relations.jsonl and stories.jsonl (each story with its comparison), and every
//! story id ever issued. Articles are added as they arrive ([`Index::add`]), asked about
//! without being added ([`Index::query`]), removed ([`Index::remove`]) or expired
//! ([`Index::expire`]); [`Index::export`] writes the files `samestory run` writes.
//!
//! Each change is one durable write transaction in which the pipeline re-derives every
//! derived table from the documents held (`refresh`), so the state always equals a batch
//! run on the documents the index holds, whatever order they came in.
//!
//! Must not: print, or read any file but the index (and write any but export's).
//!
//! ```
//! use samestory_core::{Config, Document, Format};
//! use samestory_store::IndexBuilder;
//! let dir = tempfile::tempdir().unwrap();
//! let mut index = IndexBuilder::new(Config::default())
//!     .open(&dir.path().join("index.redb"))
//!     .unwrap();
//! let text = "Ministers agreed on Tuesday to reopen the bridge after a month of repairs \
//!             to its northern span, the transport office said.";
//! let added = index.add([Document::new("a", Format::Text, text)], 0).unwrap();
//! assert_eq!(added.added, 1);
//! let placed = index.query(vec![Document::new("b", Format::Text, text)]).unwrap();
//! assert_eq!(placed[0].duplicates, ["a"]);
//! assert_eq!(index.stats().unwrap().documents, 1);
//! ```

mod browse;
mod compact;
mod encode;
mod error;
mod export;
mod frequencies;
mod header;
mod index;
mod migrate;
mod pieces;
mod query;
mod read;
mod record;
mod refresh;
mod region;
mod sketches;
mod stats;
mod stories;
mod story_line;
pub mod tables;
mod terms;
mod warm;

pub use browse::{DocumentView, StoryKey, StoryPage, StoryQuery, StorySummary, StoryView};
pub use error::StoreError;
pub use export::ExportSummary;
pub use header::Params;
pub use index::{AddSummary, Index, IndexBuilder, Refreshed, RemoveSummary};
pub use query::{Placement, StoryPlacement};
pub use record::{DocumentRecord, Place};
pub use redb::backends::InMemoryBackend;
pub use stats::{Counts, Stats};
pub use stories::StoryResolution;
