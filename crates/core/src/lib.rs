//! Shared vocabulary of samestory: the [`Document`] that ingestion produces and every later
//! stage reads, and the single [`Config`] that holds every threshold with its default.
//!
//! [`BodySource`] is how every stage asks for a body it does not hold ([`SliceSource`]:
//! documents in memory; [`BodyStore`]: bodies spilled to a temporary file). Two small shared
//! pieces have their one home here too: [`UnionFind`] (groups, clusters, stories) and
//! [`round4`] (the precision of every score written).
//!
//! This crate owns types only: no I/O beyond reading a config file and the body spill, no text processing.
//! Invariant: every offset anywhere in samestory counts Unicode scalar values (chars) of
//! [`Document::body`], the cleaned body.

mod body;
mod config;
mod document;
mod key_hasher;
mod round;
mod spill;
mod union_find;

pub use body::{BodySource, SliceSource};
pub use config::{
    CompareConfig, Config, ConfigError, IngestConfig, JsonlFields, RelateConfig, StoryConfig,
};
pub use document::{Document, Format, Metadata, RemovedLine};
pub use key_hasher::{KeyHasher, KeyMap};
pub use round::round4;
pub use spill::{BodySpill, BodyStore, WRITE_BUFFER};
pub use union_find::{Partition, UnionFind};
