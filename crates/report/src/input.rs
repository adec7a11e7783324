//! Reading a run's output directory: `documents.jsonl`, `relations.jsonl` and
//! `stories.jsonl` into view rows that hold only what the page shows. Every field has a
//! default, so a row written by an older or newer samestory (a field missing, one added)
//! reads fine; a line that is not JSON of the right shape is a [`ReportError::Parse`] naming
//! file and line. Reads files, nothing else: no writing, no rendering.

use crate::error::ReportError;
use crate::story::StoryRow;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;

/// One line of `documents.jsonl`, as far as the page shows it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DocRow {
    /// The document id.
    pub id: String,
    /// Its duplicate group.
    pub group: Option<String>,
    /// Its story.
    pub story: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// RFC 3339 publication time.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Byline as written.
    pub byline: Option<String>,
    /// Wire or desk credit.
    pub credit: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Language code.
    pub lang: Option<String>,
    /// Body length in chars.
    pub chars: usize,
    /// The cleaned body (absent after `--no-body`).
    pub body: Option<String>,
    /// Quotes found in the body.
    pub quotes: Vec<DocQuote>,
    /// Numbers found in the body.
    pub numbers: Vec<DocNumber>,
}

/// One quote of a document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DocQuote {
    /// Who said it.
    pub speaker: Option<String>,
    /// The wording.
    pub text: String,
    /// `[start, end)` chars of the body.
    pub span: Option<[usize; 2]>,
    /// How sure the attribution is.
    pub confidence: Option<f64>,
}

/// One number of a document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DocNumber {
    /// A number or `[lo, hi]`.
    pub value: Value,
    /// What it counts.
    pub unit: Option<String>,
    /// "more than", "about"…
    pub qualifier: Option<String>,
    /// As written.
    pub text: String,
    /// `[start, end)` chars of the body.
    pub span: Option<[usize; 2]>,
}

/// One line of `relations.jsonl`, as far as the page shows it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RelationRow {
    /// First document (the smaller id).
    pub a: String,
    /// Second document.
    pub b: String,
    /// `exact`, `reprint`, `same_story`…
    pub kind: String,
    /// `[a_start, a_end, b_start, b_end]` chars of the two bodies.
    pub passages: Vec<[usize; 4]>,
    /// For a reprint: the original's id.
    pub original: Option<String>,
}

impl RelationRow {
    /// Whether the page highlights this relation's passages: a reprint that has some.
    pub fn marks_passages(&self) -> bool {
        self.kind == "reprint" && !self.passages.is_empty()
    }
}

/// Everything a report is made of.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    /// Every document, in file order.
    pub documents: Vec<DocRow>,
    /// The relations that carry passages to highlight (reprints).
    pub relations: Vec<RelationRow>,
    /// Every story, in file order.
    pub stories: Vec<StoryRow>,
}

impl ReportInput {
    /// Reads the three files of an output directory.
    pub fn read(dir: &Path) -> Result<ReportInput, ReportError> {
        let mut relations = Vec::new();
        for_each_row(&dir.join("relations.jsonl"), |r: RelationRow| {
            if r.marks_passages() {
                relations.push(r);
            }
        })?;
        Ok(ReportInput {
            documents: read_rows(&dir.join("documents.jsonl"))?,
            relations,
            stories: read_rows(&dir.join("stories.jsonl"))?,
        })
    }
}

/// Every row of a JSON Lines file.
pub fn read_rows<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, ReportError> {
    let mut rows = Vec::new();
    for_each_row(path, |row| rows.push(row))?;
    Ok(rows)
}

/// Hands each row of a JSON Lines file to `f`; blank lines are skipped.
pub fn for_each_row<T: DeserializeOwned>(
    path: &Path,
    mut f: impl FnMut(T),
) -> Result<(), ReportError> {
    let read_err = |source| ReportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let row = serde_json::from_str(&line).map_err(|source| ReportError::Parse {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        f(row);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(docs: &str, relations: &str, stories: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("documents.jsonl"), docs).unwrap();
        std::fs::write(dir.path().join("relations.jsonl"), relations).unwrap();
        std::fs::write(dir.path().join("stories.jsonl"), stories).unwrap();
        dir
    }

    #[test]
    fn missing_optional_fields_are_fine() {
        let dir = dir_with(
            "{\"id\":\"a\"}\n\n{\"id\":\"b\",\"date\":null,\"extra\":1}\n",
            "{\"a\":\"a\",\"b\":\"b\",\"kind\":\"same_story\"}\n",
            "{\"story\":\"a\",\"documents\":[\"a\",\"b\"]}\n",
        );
        let input = ReportInput::read(dir.path()).unwrap();
        assert_eq!(input.documents.len(), 2);
        assert!(input.documents[1].date.is_none());
        assert!(input.relations.is_empty(), "only reprints are kept");
        assert!(input.stories[0].quotes.is_none());
    }

    #[test]
    fn a_malformed_line_names_file_and_line() {
        let dir = dir_with("{\"id\":\"a\"}\n{\"id\": 3}\n", "", "");
        let err = ReportInput::read(dir.path()).unwrap_err();
        let ReportError::Parse { path, line, .. } = &err else {
            panic!("parse error expected, got {err:?}")
        };
        assert!(path.ends_with("documents.jsonl"));
        assert_eq!(*line, 2);
        assert!(err
            .to_string()
            .ends_with("documents.jsonl:2: not a valid row"));
    }

    #[test]
    fn a_missing_file_is_a_read_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = ReportInput::read(dir.path()).unwrap_err();
        assert!(matches!(err, ReportError::Read { .. }), "{err:?}");
    }
}
