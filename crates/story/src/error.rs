//! Why the story stage refused its input. Clustering itself cannot fail; only inputs that
//! do not fit together (lengths, link indices) are errors.

/// An inconsistent input to [`crate::stories`].
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
}
