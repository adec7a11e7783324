//! Why the story stage refused its input. Clustering itself cannot fail; only inputs that
//! do not fit together (lengths, link indices), a body the source cannot give back, the temporary file of counts failing, and,
//! with the `embed` feature, a model directory that cannot be loaded or run are errors.

use std::path::PathBuf;

/// An inconsistent input to [`crate::stories`], a body that cannot be fetched, or an
/// embedding model that cannot be used.
#[derive(Debug, thiserror::Error)]
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
    /// A relation names a document the stage was not given.
    #[error("a relation names document {id}, which is not in the input")]
    UnknownDocument {
        /// The id.
        id: String,
    },
    /// The body source failed for one document.
    #[error("document {index} ({id}): cannot fetch its body")]
    Body {
        /// Position of the document.
        index: usize,
        /// Its id.
        id: String,
        /// The source's error.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The temporary file holding the documents' counts between the two passes failed.
    #[error("cannot keep the story features in a temporary file")]
    Spill {
        /// The I/O error.
        source: std::io::Error,
    },
    /// The document frequencies lent by the caller could not be read.
    #[error("cannot read the corpus's document frequencies")]
    Counts {
        /// The caller's error.
        source: Box<dyn std::error::Error + Send + Sync>,
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
