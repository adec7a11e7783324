//! The rows of a whole run in the order `samestory run` makes them: each story with its
//! comparison (story order), then each document with its quotes and numbers (id order,
//! reusing the facts the comparison extracted). Every front end that writes or stores a
//! run's output — the CLI's files, the index's tables — goes through here, so they hold
//! the same rows.
//!
//! Must not: write or print; the visitors do that.

use crate::facts::EitherFacts;
use crate::rows::StoryRow;
use crate::{for_each_body, for_each_comparison, KnownFacts, PipelineError, Related};
use samestory_compare::Facts;
use samestory_story::{Stories, Story};

/// Calls `story(story, row)` for each story of `stories` in order (the row carries its
/// comparison when `compare.stories` is on), then `document(i, body, facts)` for each
/// document index in id order, with its quotes and numbers. Facts that `known` holds (an
/// index's, for documents it already extracted with this `compare` config) are not
/// extracted again.
pub fn for_each_run_row<E: From<PipelineError>>(
    r: &Related,
    stories: &Stories,
    known: Option<&dyn KnownFacts>,
    mut story: impl FnMut(&Story, StoryRow<'_>) -> Result<(), E>,
    document: impl FnMut(usize, &str, Option<&Facts>) -> Result<(), E>,
) -> Result<(), E> {
    let compared = r.config.compare.stories;
    let cached = for_each_comparison(r, stories, known, |k, comparison| {
        let s = &stories.stories[k];
        story(s, StoryRow::new(s, compared.then_some(comparison)))
    })?;
    let docs = 0..r.corpus.docs.len();
    for_each_body(
        &r.corpus,
        docs,
        Some(&r.config.compare),
        Some(&EitherFacts(&cached, known)),
        document,
    )
}
