//! Why the story stage refused its input. Clustering itself cannot fail; only inputs that
//! do not fit together (lengths, link indices) are errors, and, with the `embed` feature, a
//! model directory that cannot be loaded or run.

use std::path::PathBuf;

/// An inconsistent input to [`crate::stories`], or an embedding model that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoryError {
    /// A per-document slice does not have one entry per document.
    #[error("{what}: expected {expected} entries (one per document), found {found}")]
    LengthMismatch {
        /// Which input (`group_of`, `features`…).
        what: &'static str,
        /// Number of documents.
        expected: usize,
        /// Entries given.
        found: usize,
    },
    /// A relation link names a document index that does not exist.
    #[error("link ({a}, {b}) is out of range for {docs} documents")]
    LinkOutOfRange {
        /// First index.
        a: usize,
        /// Second index.
        b: usize,
        /// Number of documents.
        docs: usize,
    },
    /// The embedding model (feature `embed`) could not be loaded or run.
    #[error("{}: {what}: {detail}", path.display())]
    Model {
        /// The model directory (or the file in it that failed).
        path: PathBuf,
        /// What failed ("reading config.json", "tokenizing"…).
        what: &'static str,
        /// The underlying library's message.
        detail: String,
    },
}
