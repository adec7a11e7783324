//! The files a pipeline command writes into `--out`: documents.jsonl, relations.jsonl,
//! kept.jsonl — rows from samestory-pipeline, bodies re-read from the spill.

use crate::args::OutputArgs;
use crate::output::{create, write_jsonl, write_lines_file};
use anyhow::Context;
use samestory_pipeline::rows::{relation_lines, DocumentRow, ExtractRow};
use samestory_pipeline::{Corpus, Related};
use samestory_story::SameStoryPair;
use std::io::Write;

/// Writes documents.jsonl; `story_of` gives each document's story when stories were built.
pub fn write_documents(
    args: &OutputArgs,
    r: &Related,
    story_of: Option<&[String]>,
) -> anyhow::Result<()> {
    let path = args.out.join("documents.jsonl");
    let mut out = create(&path)?;
    let (docs, bodies) = (&r.corpus.docs, &r.corpus.bodies);
    let mut text = String::new();
    for (i, doc) in docs.iter().enumerate() {
        let body = if args.no_body {
            None
        } else {
            bodies.body_into(i, &mut text)?;
            Some(text.as_str())
        };
        let story = story_of.map(|s| s[i].as_str());
        let group = &r.relations.group_of[i];
        let row = DocumentRow::new(doc, (body, bodies.chars(i)), group, story);
        write_jsonl(&mut out, [row])
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
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

/// Writes the extract rows of the documents at `indices`, re-reading each body.
pub fn write_with_bodies(
    out: &mut impl Write,
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
) -> anyhow::Result<()> {
    let mut body = String::new();
    for i in indices {
        corpus.bodies.body_into(i, &mut body)?;
        write_jsonl(out, [ExtractRow::new(&corpus.docs[i], &body)])?;
    }
    Ok(())
}
