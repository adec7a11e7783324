//! One output file of rows in the formats asked for: `NAME.jsonl`, `NAME.parquet`, or both
//! side by side, filled from the same rows in the same order. What a Parquet file's columns
//! are is named here ([`Columns`]) and spelled out in `schema` (with the `parquet` feature);
//! without the feature a Parquet file is [`OutputError::ParquetDisabled`].

use crate::jsonl::JsonlFile;
use crate::OutputError;
use serde::Serialize;
use std::path::Path;

/// Which files a run writes for each of documents, relations and stories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// `NAME.jsonl` only.
    #[default]
    Jsonl,
    /// `NAME.parquet` only (needs the `parquet` feature).
    Parquet,
    /// Both, side by side.
    Both,
}

impl Format {
    /// Whether the JSON Lines files are written.
    pub fn jsonl(self) -> bool {
        matches!(self, Format::Jsonl | Format::Both)
    }

    /// Whether the Parquet files are written.
    pub fn parquet(self) -> bool {
        matches!(self, Format::Parquet | Format::Both)
    }
}

/// What a documents file holds beside the fields every run writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocumentColumns {
    /// Each document's `story` (`run`).
    pub story: bool,
    /// Each document's `body` (not with `--no-body`).
    pub body: bool,
    /// Each document's `quotes` and `numbers` (`run`).
    pub facts: bool,
}

/// The rows of a file, for its Parquet schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// documents: `DocumentRow`s with these columns.
    Documents(DocumentColumns),
    /// relations: engine relations and `same_story` pairs.
    Relations,
    /// stories: `StoryRow`s, with their comparison when `true`.
    Stories(bool),
}

/// One output file of rows, in one format or both.
pub(crate) struct RowFile {
    jsonl: Option<JsonlFile>,
    #[cfg(feature = "parquet")]
    parquet: Option<crate::parquet::ParquetFile>,
}

impl RowFile {
    /// Creates `dir/NAME.jsonl` and / or `dir/NAME.parquet` (of `columns`), as `format` asks.
    pub fn create(
        dir: &Path,
        name: &str,
        format: Format,
        columns: Columns,
    ) -> Result<Self, OutputError> {
        let jsonl = match format.jsonl() {
            true => Some(JsonlFile::create(&dir.join(format!("{name}.jsonl")))?),
            false => None,
        };
        let parquet_path = dir.join(format!("{name}.parquet"));
        #[cfg(feature = "parquet")]
        let parquet = match format.parquet() {
            true => Some(crate::parquet::ParquetFile::create(
                &parquet_path,
                crate::schema::of(columns),
            )?),
            false => None,
        };
        #[cfg(not(feature = "parquet"))]
        if format.parquet() {
            let _ = columns;
            return Err(OutputError::ParquetDisabled { path: parquet_path });
        }
        Ok(RowFile {
            jsonl,
            #[cfg(feature = "parquet")]
            parquet,
        })
    }

    /// Writes one row.
    pub fn write<T: Serialize>(&mut self, row: &T) -> Result<(), OutputError> {
        if let Some(file) = &mut self.jsonl {
            file.write(row)?;
        }
        #[cfg(feature = "parquet")]
        if let Some(file) = &mut self.parquet {
            file.write(row)?;
        }
        Ok(())
    }

    /// Writes one row already serialised as a JSON object (without its newline).
    pub fn write_line(&mut self, line: &str) -> Result<(), OutputError> {
        if let Some(file) = &mut self.jsonl {
            file.write_line(line)?;
        }
        #[cfg(feature = "parquet")]
        if let Some(file) = &mut self.parquet {
            file.write_line(line)?;
        }
        Ok(())
    }

    /// Finishes the files (flushed; a Parquet file's footer written).
    pub fn finish(self) -> Result<(), OutputError> {
        if let Some(file) = self.jsonl {
            file.finish()?;
        }
        #[cfg(feature = "parquet")]
        if let Some(file) = self.parquet {
            file.finish()?;
        }
        Ok(())
    }
}
