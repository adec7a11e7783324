//! Where bodies come back from. The pipeline keeps metadata in memory and bodies elsewhere
//! (a spill file, a database, a generator); every stage that needs text — the relation
//! engine's verification, the story features, the writers — asks a [`BodySource`] for the
//! body of the `index`-th document. [`SliceSource`] lends them from documents in memory.
//!
//! A source must return exactly the text that ingestion produced; its failure names why,
//! and the stage that called it names the document.

use crate::Document;
use std::borrow::Cow;
use std::convert::Infallible;

/// Gives back the bodies of documents by position.
pub trait BodySource: Sync {
    /// Why a body could not be fetched.
    type Error: std::error::Error + Send + Sync + 'static;

    /// The body of the `index`-th document (`id` is its id), exactly as ingested.
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
