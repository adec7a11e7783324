//! What the story stage reads of a document: its metadata ([`DocMeta`], held in memory by
//! the caller) and its body, asked of a [`BodySource`] (samestory-core's, the same one the
//! relation engine reads) only while features are built. [`StoryDoc`] is the two together,
//! lent to feature extraction.

use samestory_core::Document;

/// What the story stage reads of a document besides its body: what its features need (title,
/// date, language) and what its rows name (id, group).
#[derive(Clone, Copy, Debug, Default)]
pub struct DocMeta<'a> {
    /// Document id.
    pub id: &'a str,
    /// Headline.
    pub title: Option<&'a str>,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<&'a str>,
    /// ISO 639-3 language (chooses the stemmer; English when unknown).
    pub lang: Option<&'a str>,
    /// Duplicate group id.
    pub group: &'a str,
}

impl<'a> DocMeta<'a> {
    /// The metadata of `doc`, in duplicate group `group`.
    pub fn of(doc: &'a Document, group: &'a str) -> DocMeta<'a> {
        DocMeta {
            id: &doc.id,
            title: doc.meta.title.as_deref(),
            date: doc.meta.date.as_deref(),
            lang: doc.meta.lang.as_deref(),
            group,
        }
    }
}

/// The fields story features are made from.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct StoryDoc<'a> {
    /// Headline, if known.
    pub title: Option<&'a str>,
    /// Cleaned body.
    pub body: &'a str,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<&'a str>,
    /// ISO 639-3 language (chooses the stemmer; English when unknown).
    pub lang: Option<&'a str>,
}

impl<'a> StoryDoc<'a> {
    /// `meta`'s document with its body.
    pub fn new(meta: &DocMeta<'a>, body: &'a str) -> StoryDoc<'a> {
        StoryDoc {
            title: meta.title,
            body,
            date: meta.date,
            lang: meta.lang,
        }
    }
}
