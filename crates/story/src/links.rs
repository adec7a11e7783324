//! The relation engine's verdicts as story links: a duplicate or a reprint is always the same
//! story (DESIGN.md), so every engine relation links its two documents and gets
//! `story_score` 1. The only place this rule lives.

use crate::error::StoryError;
use crate::source::DocMeta;
use samestory_relate::Relation;
use std::collections::HashMap;

/// Each relation as a pair of indices into `meta` (by id), with `story_score` set to 1.
/// Fails when a relation names a document that `meta` does not hold.
pub fn link_relations(
    meta: &[DocMeta<'_>],
    relations: &mut [Relation],
) -> Result<Vec<(usize, usize)>, StoryError> {
    let index: HashMap<&str, usize> = meta.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    let find = |id: &str| {
        index
            .get(id)
            .copied()
            .ok_or_else(|| StoryError::UnknownDocument { id: id.to_string() })
    };
    relations
        .iter_mut()
        .map(|rel| {
            let link = (find(&rel.a)?, find(&rel.b)?);
            rel.story_score = Some(1.0);
            Ok(link)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::{Document, Format, RelateConfig};

    #[test]
    fn engine_relations_become_links_scored_one() {
        let docs = [
            Document::new("x", Format::Text, "one two three four five six seven"),
            Document::new("y", Format::Text, "One two three four five six seven."),
            Document::new("z", Format::Text, "something else entirely here today"),
        ];
        let mut rel = samestory_relate::relate(&docs, &RelateConfig::default());
        let meta: Vec<DocMeta<'_>> = docs.iter().map(|d| DocMeta::of(d, &d.id)).collect();
        let links = link_relations(&meta, &mut rel.relations).unwrap();
        assert_eq!(links, [(0, 1)]);
        assert_eq!(rel.relations[0].story_score, Some(1.0));
        let err = link_relations(&meta[..1], &mut rel.relations).unwrap_err();
        assert!(matches!(err, StoryError::UnknownDocument { .. }), "{err}");
    }
}
