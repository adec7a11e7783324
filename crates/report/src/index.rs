//! The story list embedded in the page: one compact row per story, newest first (latest date,
//! then earliest date, undated last, then id), with where its compressed details sit in the
//! blob text. Builds data only: no I/O, no HTML.

use crate::input::DocRow;
use crate::story::StoryRow;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// One row of the story list, serialised as a JSON array:
/// `[id, title, first_date, last_date, documents, outlets, disagree (0/1), offset, length]`.
#[derive(Debug, Serialize)]
pub struct IndexRow<'a>(
    pub &'a str,
    pub &'a str,
    pub Option<&'a str>,
    pub Option<&'a str>,
    pub usize,
    pub usize,
    pub u8,
    pub usize,
    pub usize,
);

impl<'a> IndexRow<'a> {
    /// The row of `story`, whose blob is `len` bytes at `offset`.
    pub fn new(story: &'a StoryRow, docs: &[&'a DocRow], offset: usize, len: usize) -> Self {
        IndexRow(
            &story.story,
            title(story, docs),
            story.first_date.as_deref(),
            story.last_date.as_deref(),
            docs.len(),
            outlets(docs),
            u8::from(story.numbers_disagree()),
            offset,
            len,
        )
    }

    /// The story id.
    pub fn id(&self) -> &str {
        self.0
    }
}

/// The story's title, else its first document's, else its id.
fn title<'a>(story: &'a StoryRow, docs: &[&'a DocRow]) -> &'a str {
    let first_doc = docs.iter().find_map(|d| d.title.as_deref());
    story.title.as_deref().or(first_doc).unwrap_or(&story.story)
}

/// How many distinct outlets the documents name.
fn outlets(docs: &[&DocRow]) -> usize {
    let names: BTreeSet<&str> = docs.iter().filter_map(|d| d.outlet.as_deref()).collect();
    names.len()
}

/// The sort key of a story: dated first, then latest date descending, then earliest.
fn recency(s: &StoryRow) -> (bool, Reverse<Option<&str>>, Reverse<Option<&str>>) {
    let last = s.last_date.as_deref().or(s.first_date.as_deref());
    (
        last.is_none(),
        Reverse(last),
        Reverse(s.first_date.as_deref()),
    )
}

/// The stories, newest first.
pub fn newest_first(stories: &[StoryRow]) -> Vec<&StoryRow> {
    let mut order: Vec<&StoryRow> = stories.iter().collect();
    order.sort_by(|x, y| {
        recency(x)
            .cmp(&recency(y))
            .then_with(|| x.story.cmp(&y.story))
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, first: Option<&str>, last: Option<&str>) -> StoryRow {
        StoryRow {
            story: id.into(),
            first_date: first.map(Into::into),
            last_date: last.map(Into::into),
            ..StoryRow::default()
        }
    }

    #[test]
    fn newest_first_puts_undated_last() {
        let stories = [
            story("old", Some("2024-01-01"), Some("2024-01-02")),
            story("none", None, None),
            story("new", Some("2024-03-01"), Some("2024-03-01")),
            story("long", Some("2023-01-01"), Some("2024-03-01")),
        ];
        let ids: Vec<&str> = newest_first(&stories)
            .iter()
            .map(|s| s.story.as_str())
            .collect();
        assert_eq!(ids, ["new", "long", "old", "none"]);
    }
}
