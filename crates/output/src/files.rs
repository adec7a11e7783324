//! The files of a run, one function each: documents.jsonl (with each document's group, and
//! story, quotes and numbers when the run made them), relations.jsonl, stories.jsonl (each
//! story with its comparison) and kept.jsonl — rows from samestory-pipeline, bodies (and
//! their quotes and numbers) from its `for_each_body` / `for_each_run_row`.
//!
//! Must not: build rows of its own; every field comes from `samestory_pipeline::rows`.

use crate::jsonl::JsonlFile;
use crate::{OutputError, OutputOptions};
use samestory_core::CompareConfig;
use samestory_pipeline::rows::{relation_lines, DocumentRow, ExtractRow};
use samestory_pipeline::{for_each_body, for_each_run_row, Corpus, Facts, PipelineError, Related};
use samestory_story::{SameStoryPair, Stories};
use std::io::Write;
use std::path::{Path, PathBuf};

/// documents.jsonl being written: one row per document, in id order.
struct DocumentsFile {
    file: JsonlFile,
    no_body: bool,
}

impl DocumentsFile {
    /// Creates `dir`/documents.jsonl.
    fn create(dir: &Path, options: &OutputOptions) -> Result<Self, OutputError> {
        Ok(DocumentsFile {
            file: JsonlFile::create(&dir.join("documents.jsonl"))?,
            no_body: options.no_body,
        })
    }

    /// Writes the row of document `i` of `r`: its `body`, its story (from `story_of`, when
    /// stories were built) and its quotes and numbers (`facts`, when extracted).
    fn write(
        &mut self,
        r: &Related,
        story_of: Option<&[String]>,
        (i, body, facts): (usize, &str, Option<&Facts>),
    ) -> Result<(), OutputError> {
        let body = (!self.no_body).then_some(body);
        let story = story_of.map(|s| s[i].as_str());
        let group = &r.relations.group_of[i];
        let chars = r.corpus.bodies.chars(i);
        let row = DocumentRow::new(&r.corpus.docs[i], (body, chars), (group, story), facts);
        self.file.write(&row)
    }
}

/// Writes documents.jsonl without stories or facts (`samestory dedup`).
pub(crate) fn write_documents(
    dir: &Path,
    r: &Related,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let mut file = DocumentsFile::create(dir, options)?;
    for_each_body(
        &r.corpus,
        0..r.corpus.docs.len(),
        None,
        None,
        |i, body, facts| file.write(r, None, (i, body, facts)),
    )?;
    file.file.finish()
}

/// Writes relations.jsonl: the relation engine's rows, plus `same_story` rows when given.
pub(crate) fn write_relations(
    dir: &Path,
    r: &Related,
    same_story: impl IntoIterator<Item = SameStoryPair>,
) -> Result<(), OutputError> {
    let lines = relation_lines(&r.relations.relations, same_story).map_err(PipelineError::from)?;
    let mut file = JsonlFile::create(&dir.join("relations.jsonl"))?;
    for line in &lines {
        file.write_line(line)?;
    }
    file.finish()
}

/// Writes stories.jsonl (each story with its comparison when `compare.stories` is on) and
/// documents.jsonl (with stories, quotes and numbers), as the pipeline hands their rows over.
pub(crate) fn write_stories_and_documents(
    dir: &Path,
    r: &Related,
    stories: &Stories,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let mut out = JsonlFile::create(&dir.join("stories.jsonl"))?;
    let mut documents = DocumentsFile::create(dir, options)?;
    let story_of = Some(stories.story_of.as_slice());
    for_each_run_row(
        r,
        stories,
        None,
        |_, row| out.write(&row),
        |i, body, facts| documents.write(r, story_of, (i, body, facts)),
    )?;
    out.finish()?;
    documents.file.finish()
}

/// Writes kept.jsonl: each duplicate group's representative, as `extract` rows.
pub(crate) fn write_kept(dir: &Path, r: &Related) -> Result<(), OutputError> {
    let mut file = JsonlFile::create(&dir.join("kept.jsonl"))?;
    for_each_body(
        &r.corpus,
        r.representatives(),
        None,
        None,
        |i, body, facts| file.write(&ExtractRow::new(&r.corpus.docs[i], body, facts)),
    )?;
    file.finish()
}

/// Writes the `extract` rows of the documents at `indices` to `out` (named `name` in
/// errors), re-reading each body, with its quotes and numbers when `compare` is given.
pub fn write_extract(
    out: &mut impl Write,
    name: &Path,
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
    compare: Option<&CompareConfig>,
) -> Result<(), OutputError> {
    let name = || PathBuf::from(name);
    for_each_body(corpus, indices, compare, None, |i, body, facts| {
        let row = ExtractRow::new(&corpus.docs[i], body, facts);
        crate::write_jsonl(&mut *out, [row]).map_err(|e| OutputError::write(name(), e))
    })?;
    out.flush().map_err(|e| OutputError::write(name(), e))
}
