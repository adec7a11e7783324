//! The rows of a whole run in the order `samestory run` makes them: each story with its
//! comparison (story order), then each document with its quotes and numbers (id order,
//! reusing the facts the comparison extracted). Every front end that writes or stores a
//! run's output — the CLI's files, the index's tables — goes through here, so they hold
//! the same rows.
//!
//! Must not: write or print; the visitors do that.

use crate::facts::FirstKnown;
use crate::rows::StoryRow;
use crate::{for_each_body, for_each_comparison, KnownFacts, PipelineError, Related};
use samestory_compare::Facts;
use samestory_story::{Stories, Story};

/// Calls `story(story, row)` for each story of `stories` in order (the row carries its
/// comparison when `compare.stories` is on), then `document(i, body, facts)` for each
/// document index in id order, with its quotes and numbers. Facts that `known` holds (an
/// index's, for documents it already extracted with this `compare` config), or that were
/// extracted ahead (`r.facts`), are not extracted again.
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
        Some(&FirstKnown([Some(&cached), r.facts_ahead(), known])),
        document,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{extract_ahead, FactsSpill};
    use crate::{cluster_stories, cluster_stories_for_run, relate_inputs, ReadEvents};
    use samestory_ingest::{IngestError, IngestWarning};
    use std::sync::atomic::AtomicBool;

    struct Quiet;
    impl ReadEvents for Quiet {
        fn error(&self, e: &IngestError) {
            panic!("example failed: {e}");
        }
        fn warning(&self, _: &IngestWarning) {}
    }

    /// The repository's examples, read and related.
    fn examples() -> Related {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
        relate_inputs(&[dir.to_string()], Default::default(), &Quiet).unwrap()
    }

    /// Every row of a run, as JSON, with each document's facts.
    fn rows(r: &Related, stories: &Stories) -> Vec<String> {
        let mut out = Vec::new();
        let mut documents = Vec::new();
        for_each_run_row::<PipelineError>(
            r,
            stories,
            None,
            |_, row| {
                out.push(serde_json::to_string(&row)?);
                Ok(())
            },
            |i, _, facts| {
                documents.push(format!("{i} {}", serde_json::to_string(&facts)?));
                Ok(())
            },
        )
        .unwrap();
        out.extend(documents);
        out
    }

    #[test]
    fn facts_extracted_ahead_change_no_row_and_are_the_ones_used() {
        let mut plain = examples();
        let stories = cluster_stories(&mut plain).unwrap();
        assert!(plain.facts.is_none());
        let expected = rows(&plain, &stories);
        assert!(expected.iter().any(|row| row.contains("\"quotes\":[{")));

        let mut ahead = examples();
        assert_eq!(cluster_stories_for_run(&mut ahead).unwrap(), stories);
        assert_eq!(rows(&ahead, &stories), expected);

        // Every document's facts ahead: none is extracted again, the rows are the same.
        let n = ahead.corpus.docs.len();
        let never = AtomicBool::new(false);
        ahead.facts = extract_ahead(&ahead.corpus, &ahead.config.compare, &never);
        let cache = ahead.facts.as_ref().unwrap();
        assert!((0..n).all(|i| cache.get(i).is_some()));
        assert_eq!(rows(&ahead, &stories), expected);

        // And they are the ones used: a document given no facts ahead shows none.
        let quoted = (0..n)
            .find(|&i| cache.get(i).is_some_and(|f| !f.quotes.is_empty()))
            .unwrap();
        let mut spill = FactsSpill::new(n).unwrap();
        spill.keep(quoted, &Facts::default()).unwrap();
        ahead.facts = Some(spill.finish().unwrap());
        let changed = rows(&ahead, &stories);
        assert_ne!(changed, expected);
        let row = |rows: &[String]| {
            rows.iter()
                .find(|r| r.starts_with(&format!("{quoted} ")))
                .cloned()
        };
        assert_eq!(
            row(&changed).unwrap(),
            format!(
                "{quoted} {}",
                serde_json::to_string(&Facts::default()).unwrap()
            )
        );
    }
}
