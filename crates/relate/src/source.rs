//! Where bodies come back from: verification needs the text of the documents in candidate
//! pairs, and the streaming engine keeps none. The [`BodySource`] (samestory-core's, shared
//! with the story stage) returns the body of the `index`-th document added; it must return
//! the same text that was sketched. Its failure is a [`RelateError::Body`] naming the
//! document.

pub use samestory_core::{BodySource, SliceSource};

/// Why the engine could not finish.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RelateError<E: std::error::Error + 'static> {
    /// The body source failed for one document.
    #[error("document {index} ({id}): cannot fetch its body")]
    Body {
        /// Position of the document in input order.
        index: usize,
        /// Its id.
        id: String,
        /// The source's error.
        source: E,
    },
    /// `finish` was given a different number of documents than were added.
    #[error("{given} documents given for {added} added")]
    Count {
        /// Documents added (sketches pushed).
        added: usize,
        /// Documents given to `finish`.
        given: usize,
    },
}
