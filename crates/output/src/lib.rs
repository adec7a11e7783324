//! The files a samestory run writes, as a library: the CLI's `run` and `dedup` and the Python
//! package's `run` call [`write_run`] / [`write_dedup`] and get the same bytes.
//!
//! - [`write_run`]`(dir, related, stories, options)`: documents (group, story, quotes,
//!   numbers), stories (each story with its comparison), relations (engine relations and
//!   `same_story` pairs).
//! - [`write_dedup`]`(dir, related, options, keep_first)`: documents with groups, relations,
//!   and kept.jsonl (each group's representative) when asked.
//! - [`write_extract`]: `samestory extract`'s rows to any writer.
//! - [`JsonlFile`], [`write_jsonl`]: rows as JSON Lines.
//!
//! Documents, relations and stories are `NAME.jsonl`, `NAME.parquet` or both
//! ([`OutputOptions::format`]; Parquet needs the `parquet` feature): the same rows, the
//! Parquet columns nested as the JSON nests (`schema`, filled from the rows' own JSON).
//!
//! Every row's shape is `samestory_pipeline::rows`'; rows come in id (or story) order, so the
//! files are byte-identical from run to run. Errors name the file ([`OutputError`]).
//!
//! Must not: print, or decide anything about the rows; report.html is samestory-report's.

mod error;
mod files;
mod jsonl;
#[cfg(feature = "parquet")]
mod parquet;
mod rows;
#[cfg(feature = "arrow")]
pub mod schema;

pub use error::OutputError;
pub use files::write_extract;
pub use jsonl::{write_jsonl, JsonlFile};
#[cfg(feature = "parquet")]
pub use parquet::ParquetFile;
pub use rows::{Columns, DocumentColumns, Format};

use samestory_pipeline::Related;
use samestory_story::Stories;
use std::path::Path;

/// How a run's files are written.
#[derive(Clone, Debug, Default)]
pub struct OutputOptions {
    /// Leave `body` out of documents rows.
    pub no_body: bool,
    /// JSON Lines, Parquet or both (documents, relations, stories; kept.jsonl is JSON Lines).
    pub format: Format,
}

/// Writes a whole run's files into `dir` (created if missing): stories and documents, then
/// relations (engine relations and `stories`' same-story pairs), in `options.format`.
pub fn write_run(
    dir: &Path,
    related: &Related,
    stories: &Stories,
    options: &OutputOptions,
) -> Result<(), OutputError> {
    create_dir(dir)?;
    files::write_stories_and_documents(dir, related, stories, options)?;
    files::write_relations(dir, related, stories.pairs(), options)
}

/// Writes a dedup run's files into `dir` (created if missing): documents with groups,
/// relations (in `options.format`), and with `keep_first` kept.jsonl (each duplicate group's
/// representative).
pub fn write_dedup(
    dir: &Path,
    related: &Related,
    options: &OutputOptions,
    keep_first: bool,
) -> Result<(), OutputError> {
    create_dir(dir)?;
    files::write_documents(dir, related, options)?;
    files::write_relations(dir, related, [], options)?;
    if keep_first {
        files::write_kept(dir, related)?;
    }
    Ok(())
}

/// Creates the output directory and its parents.
pub fn create_dir(dir: &Path) -> Result<(), OutputError> {
    std::fs::create_dir_all(dir).map_err(|source| OutputError::Create {
        path: dir.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_ingest::{IngestError, IngestWarning};
    use samestory_pipeline::{cluster_stories, relate_inputs, ReadEvents};

    struct Quiet;
    impl ReadEvents for Quiet {
        fn error(&self, e: &IngestError) {
            panic!("unexpected input error: {e}")
        }
        fn warning(&self, _: &IngestWarning) {}
    }

    const TEXT: &str =
        "Ministers agreed on Tuesday to reopen the bridge after a month of repairs, \
        the transport office said. \"It is safe again,\" said Ana Ruiz, the city engineer.";

    /// Two copies and one other article, related.
    fn related(dir: &Path) -> Related {
        std::fs::write(dir.join("a.txt"), TEXT).unwrap();
        std::fs::write(dir.join("b.txt"), TEXT).unwrap();
        let other = "Rain is expected across the north on Friday, forecasters said.";
        std::fs::write(dir.join("c.txt"), other).unwrap();
        let path = dir.to_string_lossy().into_owned();
        relate_inputs(&[path], Default::default(), &Quiet).unwrap()
    }

    fn lines(path: &Path) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn a_run_writes_its_three_files_into_a_new_directory() {
        let input = tempfile::tempdir().unwrap();
        let mut r = related(input.path());
        let stories = cluster_stories(&mut r).unwrap();
        let out = tempfile::tempdir().unwrap();
        let dir = out.path().join("new").join("out");
        write_run(&dir, &r, &stories, &OutputOptions::default()).unwrap();
        let docs = lines(&dir.join("documents.jsonl"));
        let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["a.txt", "b.txt", "c.txt"]);
        assert_eq!(docs[1]["group"], "a.txt");
        assert!(docs[0]["story"].is_string() && docs[0]["quotes"].is_array());
        assert_eq!(lines(&dir.join("relations.jsonl"))[0]["kind"], "exact");
        assert!(!lines(&dir.join("stories.jsonl")).is_empty());
        assert!(!dir.join("kept.jsonl").exists());
    }

    #[test]
    fn a_dedup_writes_groups_and_what_it_keeps() {
        let input = tempfile::tempdir().unwrap();
        let r = related(input.path());
        let out = tempfile::tempdir().unwrap();
        let options = OutputOptions {
            no_body: true,
            ..OutputOptions::default()
        };
        write_dedup(out.path(), &r, &options, true).unwrap();
        let docs = lines(&out.path().join("documents.jsonl"));
        assert!(docs
            .iter()
            .all(|d| d.get("body").is_none() && d.get("story").is_none()));
        let kept = lines(&out.path().join("kept.jsonl"));
        let ids: Vec<&str> = kept.iter().map(|d| d["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["a.txt", "c.txt"]);
        assert!(!out.path().join("stories.jsonl").exists());
    }

    #[test]
    fn an_unwritable_directory_is_an_error_naming_it() {
        let input = tempfile::tempdir().unwrap();
        let r = related(input.path());
        let file = input.path().join("a.txt");
        let err = write_dedup(&file, &r, &OutputOptions::default(), false).unwrap_err();
        assert!(
            matches!(err, OutputError::Create { ref path, .. } if path == &file),
            "{err}"
        );
    }
}
