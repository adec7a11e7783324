//! Parquet files of rows: each row goes through its own serde JSON (the JSON Lines line) into
//! arrow-json's decoder against the file's [`crate::schema`] (strict: a field the schema lacks
//! is an error), in batches of [`BATCH_ROWS`], and the batches into a zstd-compressed Parquet
//! file — memory holds one batch and one row group, whatever the run's size.
//!
//! Deterministic: the same rows give the same bytes (no timestamps in the file; `created_by`
//! names the parquet-rs version, fixed by Cargo.lock).

use crate::OutputError;
use arrow_json::reader::{Decoder, ReaderBuilder};
use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use serde::Serialize;
use serde_json::Value;
use std::fs::File;
use std::path::{Path, PathBuf};

/// Rows decoded into one Arrow batch.
const BATCH_ROWS: usize = 1024;
/// Most rows in one row group.
const GROUP_ROWS: usize = 65_536;
/// Most bytes buffered for one row group before it is written.
const GROUP_BYTES: usize = 64 << 20;

/// A Parquet file of rows being written.
pub struct ParquetFile {
    path: PathBuf,
    writer: ArrowWriter<File>,
    decoder: Decoder,
    pending: Vec<Value>,
}

impl ParquetFile {
    /// Creates `path` (replacing any file of that name) for rows of `schema`.
    pub fn create(path: &Path, schema: SchemaRef) -> Result<Self, OutputError> {
        let file = File::create(path).map_err(|source| OutputError::Create {
            path: path.to_owned(),
            source,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(GROUP_ROWS))
            .set_max_row_group_bytes(Some(GROUP_BYTES))
            .build();
        let writer = ArrowWriter::try_new(file, schema.clone(), Some(props))
            .map_err(|e| parquet_error(path, e))?;
        let decoder = ReaderBuilder::new(schema)
            .with_batch_size(BATCH_ROWS)
            .with_strict_mode(true)
            .build_decoder()
            .map_err(|e| arrow_error(path, e))?;
        Ok(ParquetFile {
            path: path.to_owned(),
            writer,
            decoder,
            pending: Vec::with_capacity(BATCH_ROWS),
        })
    }

    /// Writes one row.
    pub fn write<T: Serialize>(&mut self, row: &T) -> Result<(), OutputError> {
        let value = serde_json::to_value(row).map_err(|e| OutputError::write(&self.path, e))?;
        self.push(value)
    }

    /// Writes one row already serialised as a JSON object.
    pub fn write_line(&mut self, line: &str) -> Result<(), OutputError> {
        let value = serde_json::from_str(line).map_err(|e| OutputError::write(&self.path, e))?;
        self.push(value)
    }

    /// Closes the file: the last batch, the last row group, the footer.
    pub fn finish(mut self) -> Result<(), OutputError> {
        self.flush()?;
        self.writer
            .close()
            .map_err(|e| parquet_error(&self.path, e))?;
        Ok(())
    }

    fn push(&mut self, mut value: Value) -> Result<(), OutputError> {
        crate::schema::values_as_lists(&mut value);
        self.pending.push(value);
        if self.pending.len() >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    /// Decodes the pending rows into a batch and hands it to the writer.
    fn flush(&mut self) -> Result<(), OutputError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let path = &self.path;
        self.decoder
            .serialize(&self.pending)
            .map_err(|e| arrow_error(path, e))?;
        self.pending.clear();
        if let Some(batch) = self.decoder.flush().map_err(|e| arrow_error(path, e))? {
            self.writer
                .write(&batch)
                .map_err(|e| parquet_error(path, e))?;
        }
        Ok(())
    }
}

fn parquet_error(path: &Path, e: parquet::errors::ParquetError) -> OutputError {
    OutputError::Parquet {
        path: path.to_owned(),
        source: e,
    }
}

fn arrow_error(path: &Path, e: arrow_schema::ArrowError) -> OutputError {
    OutputError::Arrow {
        path: path.to_owned(),
        source: e,
    }
}
