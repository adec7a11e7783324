//! Typed ingestion errors and warnings; each names the path and, where it applies, line or record.

use std::fmt;

/// Why an input file or record could not become a document.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// An argument matched nothing (missing path, empty glob).
    #[error("{path}: not found")]
    NotFound {
        /// The argument as given.
        path: String,
    },
    /// The file or directory entry could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A glob pattern is malformed.
    #[error("{pattern}: bad glob pattern: {why}")]
    BadGlob {
        /// The pattern as given.
        pattern: String,
        /// The parser's message.
        why: String,
    },
    /// A gzip or zstd stream is corrupt or truncated.
    #[error("{path}: corrupt {codec} stream: {source}")]
    Decompress {
        /// The path.
        path: String,
        /// `gzip` or `zstd`.
        codec: &'static str,
        /// The decoder's error.
        source: std::io::Error,
    },
    /// The file has no bytes (or only whitespace).
    #[error("{path}: empty file")]
    Empty {
        /// The path.
        path: String,
    },
    /// The file is binary data, not text.
    #[error("{path}: binary data, not text (NUL byte at offset {offset})")]
    Binary {
        /// The path.
        path: String,
        /// Byte offset of the first NUL byte (after decompression).
        offset: usize,
    },
    /// The file exceeds the configured size limit.
    #[error("{path}: too large ({size} bytes, limit {limit})")]
    TooLarge {
        /// The path.
        path: String,
        /// Bytes read before giving up (at least `limit + 1`).
        size: u64,
        /// The configured limit.
        limit: u64,
    },
    /// A line is too long to be article text.
    #[error("{path}:{line}: line of {bytes} bytes exceeds the limit of {limit}: not article text")]
    LineTooLong {
        /// The path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// Its length in bytes.
        bytes: usize,
        /// The configured limit.
        limit: usize,
    },
    /// No article text could be found.
    #[error("{path}: no article text found")]
    NoText {
        /// The path (with `:LINE` or record id for container records).
        path: String,
    },
    /// A JSONL line is not a usable record.
    #[error("{path}:{line}: bad JSONL record: {why}")]
    BadRecord {
        /// The path.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        why: String,
    },
    /// A container file holds no articles at all.
    #[error("{path}: not article input: {why}")]
    NotArticles {
        /// The path.
        path: String,
        /// What was expected and missing.
        why: String,
    },
    /// A WARC file could not be parsed past some point.
    #[error("{path}: bad WARC data after record {records_read}: {why}")]
    BadWarc {
        /// The path.
        path: String,
        /// How many records were read before the problem.
        records_read: usize,
        /// What is wrong.
        why: String,
    },
    /// A Parquet input that is not a plain file: it is read from its footer, so it cannot be
    /// streamed from standard input or through a decompressor.
    #[error("{path}: Parquet {inside} cannot be read: a Parquet file is read from its footer, so it must be an uncompressed file (Parquet compresses its own pages)")]
    ParquetNeedsFile {
        /// The path (`<stdin>` for standard input).
        path: String,
        /// Where it was found: `on standard input`, `inside gzip`, `inside zstd`.
        inside: &'static str,
    },
    /// A Parquet input, in a build without the `parquet` feature.
    #[error("{path}: Parquet input, but this samestory was built without the `parquet` feature")]
    ParquetDisabled {
        /// The path.
        path: String,
    },
    /// A Parquet file (or one of its row groups) could not be read.
    #[error("{path}: bad Parquet file: {why}")]
    BadParquet {
        /// The path.
        path: String,
        /// What is wrong (and which row group, when only one is).
        why: String,
    },
    /// A Parquet row is not a usable record.
    #[error("{path}:{row}: bad Parquet row: {why}")]
    BadRow {
        /// The path.
        path: String,
        /// 1-based row number in the file.
        row: usize,
        /// What is wrong.
        why: String,
    },
    /// Two records share an id; the later one (in id order of files) is dropped.
    #[error("{record}: duplicate id {id:?} (first seen in {first})")]
    DuplicateId {
        /// The record's source.
        record: String,
        /// The repeated id.
        id: String,
        /// Source of the record that kept the id.
        first: String,
    },
}

/// A problem that did not stop a file from being read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IngestWarning {
    /// Bytes that were not valid in the detected encoding were replaced with U+FFFD.
    InvalidBytesReplaced {
        /// The path.
        path: String,
        /// The encoding the text was decoded as.
        encoding: &'static str,
    },
}

impl fmt::Display for IngestWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IngestWarning::InvalidBytesReplaced { path, encoding } => {
                write!(f, "{path}: invalid {encoding} bytes replaced with U+FFFD")
            }
        }
    }
}
