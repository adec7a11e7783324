//! The files of a run, one function each: documents (with each document's group, and story,
//! quotes and numbers when the run made them), relations, stories (each story with its
//! comparison) — as `.jsonl`, `.parquet` or both — and kept.jsonl: rows from
//! samestory-pipeline, bodies (and their quotes and numbers) from its `for_each_body` /
//! `for_each_run_row`.
//!
//! Must not: build rows of its own; every field comes from `samestory_pipeline::rows`.

use crate::jsonl::JsonlFile;
use crate::rows::{Columns, DocumentColumns, RowFile};
use crate::{OutputError, OutputOptions};
use samestory_core::CompareConfig;
use samestory_pipeline::rows::{relation_lines, DocumentRow, ExtractRow};
use samestory_pipeline::{for_each_body, for_each_run_row, Corpus, Facts, PipelineError, Related};
use samestory_story::{SameStoryPair, Stories};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The documents file(s) being written: one row per document, in id order.
struct DocumentsFile {
    file: RowFile,
    no_body: bool,
}

impl DocumentsFile {
    /// Creates `dir`/documents.jsonl (and / or .parquet); `run` says whether its rows carry
    /// stories and facts.
    fn create(dir: &Path, options: &OutputOptions, run: bool) -> Result<Self, OutputError> {
        let columns = DocumentColumns {
            story: run,
            body: !options.no_body,
            facts: run,
        };
        let columns = Columns::Documents(columns);
        Ok(DocumentsFile {
            file: RowFile::create(dir, "documents", options.format, columns)?,
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
    let mut file = DocumentsFile::create(dir, options, false)?;
    for_each_body(
        &r.corpus,
        0..r.corpus.docs.len(),
        None,
        None,
        |i, body, facts| file.write(r, None, (i, body, facts)),
    )?;
    file.file.finish()
}

/// Writes relations: the relation engine's rows, plus `same_story` rows when given.
pub(crate) fn write_relations(
    dir: &Path,
    r: &Related,
    same_story: impl IntoIterator<Item = SameStoryPair>,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let lines = relation_lines(&r.relations.relations, same_story).map_err(PipelineError::from)?;
    let mut file = RowFile::create(dir, "relations", options.format, Columns::Relations)?;
    for line in &lines {
        file.write_line(line)?;
    }
    file.finish()
}

/// Writes stories (each story with its comparison when `compare.stories` is on) and
/// documents (with stories, quotes and numbers), as the pipeline hands their rows over.
pub(crate) fn write_stories_and_documents(
    dir: &Path,
    r: &Related,
    stories: &Stories,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    let columns = Columns::Stories(r.config.compare.stories);
    let mut out = RowFile::create(dir, "stories", options.format, columns)?;
    let mut documents = DocumentsFile::create(dir, options, true)?;
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
