//! What the story stage reads of a document ([`StoryDoc`]) and where documents come from
//! ([`DocSource`]): a slice of ingested `Document`s, the articles of a pairs file, or a
//! generator that never holds them all in memory (the 1M-document benchmark).

use samestory_core::Document;

/// The fields story features are made from.
#[derive(Clone, Copy, Debug, Default)]
pub struct StoryDoc<'a> {
    /// Headline, if known.
    pub title: Option<&'a str>,
    /// Cleaned body.
    pub body: &'a str,
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<&'a str>,
    /// ISO 639-3 language (chooses the stemmer; English when unknown).
    pub lang: Option<&'a str>,
}

impl<'a> From<&'a Document> for StoryDoc<'a> {
    fn from(d: &'a Document) -> Self {
        StoryDoc {
            title: d.title.as_deref(),
            body: &d.body,
            date: d.date.as_deref(),
            lang: d.lang.as_deref(),
        }
    }
}

/// Random access to `len()` documents, each lent to a closure (so a source may build it on
/// the fly). Feature building reads every document once.
pub trait DocSource: Sync {
    /// Number of documents.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Calls `f` with document `i`.
    fn with_doc<R>(&self, i: usize, f: impl FnOnce(StoryDoc<'_>) -> R) -> R;
}

impl DocSource for [Document] {
    fn len(&self) -> usize {
        <[Document]>::len(self)
    }
    fn with_doc<R>(&self, i: usize, f: impl FnOnce(StoryDoc<'_>) -> R) -> R {
        f(StoryDoc::from(&self[i]))
    }
}
