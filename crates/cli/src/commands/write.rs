//! The files a pipeline command writes into `--out`: documents.jsonl, relations.jsonl,
//! stories.jsonl, kept.jsonl — rows from samestory-pipeline, bodies (and, where asked, their quotes and
//! numbers) from its `for_each_body`.

use crate::args::OutputArgs;
use crate::output::{create, write_jsonl, write_lines_file};
use anyhow::Context;
use samestory_core::CompareConfig;
use samestory_pipeline::rows::{relation_lines, DocumentRow, ExtractRow};
use samestory_pipeline::{for_each_body, for_each_run_row, Corpus, Facts, Related};
use samestory_story::{SameStoryPair, Stories};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// documents.jsonl being written: one row per document, in id order.
pub struct DocumentsFile {
    path: PathBuf,
    out: BufWriter<File>,
    no_body: bool,
}

impl DocumentsFile {
    /// Creates `--out`/documents.jsonl.
    pub fn create(args: &OutputArgs) -> anyhow::Result<Self> {
        let path = args.out.join("documents.jsonl");
        let out = create(&path)?;
        Ok(DocumentsFile {
            path,
            out,
            no_body: args.no_body,
        })
    }

    /// Writes the row of document `i` of `r`: its `body`, its story (from `story_of`, when
    /// stories were built) and its quotes and numbers (`facts`, when extracted).
    pub fn write(
        &mut self,
        r: &Related,
        story_of: Option<&[String]>,
        (i, body, facts): (usize, &str, Option<&Facts>),
    ) -> anyhow::Result<()> {
        let body = (!self.no_body).then_some(body);
        let story = story_of.map(|s| s[i].as_str());
        let group = &r.relations.group_of[i];
        let chars = r.corpus.bodies.chars(i);
        let row = DocumentRow::new(&r.corpus.docs[i], (body, chars), (group, story), facts);
        write_jsonl(&mut self.out, [row])
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }

    /// Flushes the file.
    pub fn finish(mut self) -> anyhow::Result<()> {
        self.out
            .flush()
            .with_context(|| format!("{}: cannot write", self.path.display()))
    }
}

/// Writes documents.jsonl without stories or facts (`samestory dedup`).
pub fn write_documents(args: &OutputArgs, r: &Related) -> anyhow::Result<()> {
    let mut file = DocumentsFile::create(args)?;
    for_each_body(
        &r.corpus,
        0..r.corpus.docs.len(),
        None,
        None,
        |i, body, facts| file.write(r, None, (i, body, facts)),
    )?;
    file.finish()
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

/// Writes stories.jsonl (each story with its comparison when `compare.stories` is on) and
/// documents.jsonl (with stories, quotes and numbers), as the pipeline hands their rows over.
pub fn write_stories_and_documents(
    args: &OutputArgs,
    r: &Related,
    stories: &Stories,
) -> anyhow::Result<()> {
    let path = args.out.join("stories.jsonl");
    let mut out = create(&path)?;
    let mut documents = DocumentsFile::create(args)?;
    let story_of = Some(stories.story_of.as_slice());
    for_each_run_row(
        r,
        stories,
        None,
        |_, row| {
            write_jsonl(&mut out, [row])
                .with_context(|| format!("{}: cannot write", path.display()))
        },
        |i, body, facts| documents.write(r, story_of, (i, body, facts)),
    )?;
    out.flush()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    documents.finish()
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
