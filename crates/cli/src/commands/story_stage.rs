//! The story stage as the pipeline runs it: story features built from the spilled bodies,
//! stories clustered with the relation engine's links, and `story_score` set to 1 on every
//! engine relation, since a duplicate or reprint is always the same story (DESIGN.md).

use super::pipeline::Related;
use crate::corpus::Corpus;
use anyhow::Context;
use samestory_story::{build, stories_from, DocMeta, DocSource, Stories, StoryDoc};
use std::collections::HashMap;
use std::sync::Mutex;

/// Clusters `r`'s documents into stories and marks each engine relation as same-story.
pub fn run_story_stage(r: &mut Related) -> anyhow::Result<Stories> {
    let links = relation_links(r);
    let cfg = &r.config.story;
    let source = SpilledDocs {
        corpus: &r.corpus,
        failure: Mutex::new(None),
    };
    let feats = build(&source, cfg);
    if let Some(e) = source
        .failure
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
    {
        return Err(e).context("re-reading spilled bodies for story features");
    }
    let meta: Vec<DocMeta<'_>> = r
        .corpus
        .docs
        .iter()
        .zip(&r.relations.group_of)
        .map(|(d, g)| DocMeta {
            id: &d.id,
            title: d.title.as_deref(),
            group: g,
        })
        .collect();
    let stories = stories_from(&feats, &meta, &links, cfg).context("clustering stories")?;
    for rel in &mut r.relations.relations {
        rel.story_score = Some(1.0);
    }
    Ok(stories)
}

/// The corpus as the story stage reads it; a body that cannot be re-read is remembered
/// (and the stage fails) rather than silently scored as empty.
struct SpilledDocs<'a> {
    corpus: &'a Corpus,
    failure: Mutex<Option<std::io::Error>>,
}

impl DocSource for SpilledDocs<'_> {
    fn len(&self) -> usize {
        self.corpus.docs.len()
    }

    fn with_doc<R>(&self, i: usize, f: impl FnOnce(StoryDoc<'_>) -> R) -> R {
        let body = self.corpus.bodies.body(i).unwrap_or_else(|e| {
            *self.failure.lock().unwrap_or_else(|p| p.into_inner()) = Some(e);
            String::new()
        });
        let doc = &self.corpus.docs[i];
        f(StoryDoc {
            body: &body,
            ..StoryDoc::from(doc)
        })
    }
}

/// Each engine relation as a pair of document indices.
fn relation_links(r: &Related) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = r
        .corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    r.relations
        .relations
        .iter()
        .map(|rel| (index[rel.a.as_str()], index[rel.b.as_str()]))
        .collect()
}
