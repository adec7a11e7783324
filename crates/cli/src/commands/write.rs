//! The files a pipeline command writes into `--out`: documents.jsonl, relations.jsonl,
//! stories.jsonl, kept.jsonl — rows from samestory-pipeline, bodies (and, where asked, their quotes and
//! numbers) from its `for_each_body`.

use crate::args::OutputArgs;
use crate::output::{create, write_jsonl, write_lines_file};
use anyhow::Context;
use samestory_core::CompareConfig;
use samestory_pipeline::rows::{relation_lines, DocumentRow, ExtractRow, StoryRow};
use samestory_pipeline::{for_each_body, for_each_comparison, Corpus, FactsCache, Related};
use samestory_story::{SameStoryPair, Stories};
use std::io::Write;

/// Writes documents.jsonl; `story_of` gives each document's story when stories were built,
/// and each row carries its quotes and numbers when `compare` is given (taken from `cached`
/// where the story comparison already extracted them).
pub fn write_documents(
    args: &OutputArgs,
    r: &Related,
    story_of: Option<&[String]>,
    compare: Option<(&CompareConfig, &FactsCache)>,
) -> anyhow::Result<()> {
    let path = args.out.join("documents.jsonl");
    let mut out = create(&path)?;
    let docs = &r.corpus.docs;
    let (compare, cached) = compare.unzip();
    for_each_body(
        &r.corpus,
        0..docs.len(),
        compare,
        cached,
        |i, body, facts| {
            let body = (!args.no_body).then_some(body);
            let story = story_of.map(|s| s[i].as_str());
            let group = &r.relations.group_of[i];
            let chars = r.corpus.bodies.chars(i);
            let row = DocumentRow::new(&docs[i], (body, chars), (group, story), facts);
            write_jsonl(&mut out, [row])
                .with_context(|| format!("{}: cannot write", path.display()))
        },
    )?;
    out.flush()
        .with_context(|| format!("{}: cannot write", path.display()))
}

/// Writes relations.jsonl: the relation engine's rows, plus `same_story` rows when given.
pub fn write_relations(
    args: &OutputArgs,
    r: &Related,
    same_story: impl IntoIterator<Item = SameStoryPair>,
) -> anyhow::Result<()> {
    let lines = relation_lines(&r.relations.relations, same_story)?;
    write_lines_file(&args.out.join("relations.jsonl"), &lines)
}

/// Writes stories.jsonl, each story with its comparison when `compare.stories` is on; returns
/// the facts the comparison extracted.
pub fn write_stories(
    args: &OutputArgs,
    r: &Related,
    stories: &Stories,
) -> anyhow::Result<FactsCache> {
    let path = args.out.join("stories.jsonl");
    let mut out = create(&path)?;
    let compared = r.config.compare.stories;
    let cached = for_each_comparison(r, stories, |k, comparison| {
        let row = StoryRow::new(&stories.stories[k], compared.then_some(comparison));
        write_jsonl(&mut out, [row]).with_context(|| format!("{}: cannot write", path.display()))
    })?;
    out.flush()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(cached)
}

/// Writes the extract rows of the documents at `indices`, re-reading each body, with its
/// quotes and numbers when `compare` is given.
pub fn write_with_bodies(
    out: &mut impl Write,
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
    compare: Option<&CompareConfig>,
) -> anyhow::Result<()> {
    for_each_body(corpus, indices, compare, None, |i, body, facts| {
        write_jsonl(&mut *out, [ExtractRow::new(&corpus.docs[i], body, facts)])
    })
}
