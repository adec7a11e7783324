//! Where bodies come back from: verification needs the text of the documents in candidate
//! pairs, and the streaming engine keeps none. A [`BodySource`] returns the body of the
//! `index`-th document added (re-reading a file, a database row, or borrowing from a slice:
//! [`SliceSource`]); it must return the same text that was sketched. Its failure is a
//! [`RelateError::Body`] naming the document.

use samestory_core::Document;
use std::borrow::Cow;
use std::convert::Infallible;

/// Gives back the bodies of documents added earlier.
pub trait BodySource: Sync {
    /// Why a body could not be fetched.
    type Error: std::error::Error + Send + Sync + 'static;

    /// The body of the `index`-th document added (`id` is its id), exactly as sketched.
    fn body(&self, index: usize, id: &str) -> Result<Cow<'_, str>, Self::Error>;
}

/// Bodies borrowed from the documents themselves.
#[derive(Clone, Copy, Debug)]
pub struct SliceSource<'a>(pub &'a [Document]);

impl BodySource for SliceSource<'_> {
    type Error = Infallible;

    fn body(&self, index: usize, _id: &str) -> Result<Cow<'_, str>, Infallible> {
        Ok(Cow::Borrowed(&self.0[index].body))
    }
}

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
}
