//! The samestory pipeline as a library: files → documents → relations and duplicate groups →
//! stories, and the rows of every output file. The CLI, the benches, and the coming index,
//! server and Python package all run samestory through it; a front end only parses its
//! options, shows progress and writes or serves the rows.
//!
//! - [`relate_inputs`]`(paths, config, events)`: reads every input (bad files and records go
//!   to the caller's [`ReadEvents`] and are skipped; bodies are spilled to a temporary file,
//!   so memory holds metadata and sketches, not the text) while the streaming relation
//!   engine sketches them; returns [`Related`]: documents sorted by id ([`Corpus`]), their
//!   duplicate groups and relations.
//! - [`cluster_stories`]`(&mut related)`: the story stage over the same documents; engine
//!   relations get `story_score` 1. [`cluster_stories_for_run`] also extracts quotes and
//!   numbers on the core clustering leaves idle, for a run that writes them.
//! - [`relate_documents`]: the same from documents the caller holds, sorted by id (an
//!   index re-relating what it stores).
//! - [`read_inputs`]: ingestion only.
//! - [`for_each_body`]: bodies back from the store in order, with their quotes and numbers
//!   (the compare stage, run in parallel batches) for the writers.
//! - [`for_each_comparison`]: each story's comparison (quotes by speaker, conflicts,
//!   numbers, agreed and unique claims), in story order, for the writers; returns the facts
//!   it extracted ([`FactsCache`]) for `for_each_body` to reuse.
//! - [`for_each_run_row`]: every story row, then every document's body and facts, as
//!   `samestory run` writes them (the comparison's facts reused).
//! - [`rows`]: `ExtractRow`, `DocumentRow`, `StoryRow` and the `relations.jsonl` lines.
//!
//! Must not: print, draw progress, or write files — that is the front end's.
//!
//! ```
//! use samestory_pipeline::{relate_inputs, cluster_stories, ReadEvents};
//! use samestory_ingest::{IngestError, IngestWarning};
//! struct Quiet;
//! impl ReadEvents for Quiet {
//!     fn error(&self, _: &IngestError) {}
//!     fn warning(&self, _: &IngestWarning) {}
//! }
//! let dir = tempfile::tempdir().unwrap();
//! let text = "Ministers agreed on Tuesday to reopen the bridge after a month of repairs.";
//! std::fs::write(dir.path().join("a.txt"), text).unwrap();
//! std::fs::write(dir.path().join("b.txt"), text).unwrap();
//! let path = dir.path().to_string_lossy().into_owned();
//! let mut related = relate_inputs(&[path], Default::default(), &Quiet).unwrap();
//! assert_eq!(related.corpus.docs.len(), 2);
//! assert_eq!(related.group_count(), 1);
//! let stories = cluster_stories(&mut related).unwrap();
//! assert_eq!(stories.stories.len(), 1);
//! ```

mod comparison;
mod error;
mod facts;
mod related;
pub mod rows;
mod run;
mod stories;

pub use comparison::for_each_comparison;
pub use error::PipelineError;
pub use facts::{for_each_body, FactsCache, KnownFacts};
pub use related::{read_inputs, relate_documents, relate_inputs, Related};
pub use run::for_each_run_row;
pub use samestory_compare::{Comparison, Facts};
pub use samestory_ingest::corpus::{Corpus, ReadEvents};
pub use samestory_story::{counted_features, CorpusCounts, CountedFeatures};
pub use stories::{
    cluster_stories, cluster_stories_counted, cluster_stories_for_run, cluster_stories_with,
};
