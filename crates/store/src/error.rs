//! What can go wrong with an index, each error naming the index (its path, or the name given
//! to an in-memory backend) and, where one is involved, the table, key or id. An underlying
//! error is the `source()`, not repeated in the message, so a reporter prints the chain once.

use samestory_pipeline::PipelineError;

/// Why an index operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Another process holds the index open (redb's file lock).
    #[error(
        "{index}: the index is in use by another process (it holds the file lock); \
         wait for it to finish, or add through `samestory serve`'s API while it runs"
    )]
    Locked {
        /// The index.
        index: String,
    },
    /// The file was written by another format version of samestory's index.
    #[error("{index}: index format {found}, but this samestory reads format {expected}")]
    Format {
        /// The index.
        index: String,
        /// The version the file records.
        found: String,
        /// The version this build reads and writes.
        expected: String,
    },
    /// The index was built with other hashing parameters than the config asks for.
    #[error("{index}: the index was built with {stored}, but the config asks for {current}")]
    Params {
        /// The index.
        index: String,
        /// The parameters the file records.
        stored: String,
        /// The parameters of the config given.
        current: String,
    },
    /// The database could not be opened, read or written (redb's error is the `source`).
    #[error("{index}")]
    Db {
        /// The index.
        index: String,
        /// redb's error.
        #[source]
        source: redb::Error,
    },
    /// A stored record could not be decoded.
    #[error("{index}: table {table}, key {key:?}: damaged record: {why}")]
    Corrupt {
        /// The index.
        index: String,
        /// The table.
        table: &'static str,
        /// The record's key.
        key: String,
        /// What is wrong with it.
        why: String,
    },
    /// Relating, clustering or comparing the stored documents failed (the `source`).
    #[error("{index}")]
    Pipeline {
        /// The index.
        index: String,
        /// The pipeline's error.
        #[source]
        source: PipelineError,
    },
    /// Writing an export file failed (the error names the file).
    #[error(transparent)]
    Export(#[from] samestory_output::OutputError),
    /// The report could not be written.
    #[error(transparent)]
    Report(#[from] samestory_report::ReportError),
    /// A date argument is not `YYYY-MM-DD`.
    #[error("bad date {date:?}: expected YYYY-MM-DD")]
    BadDate {
        /// The argument.
        date: String,
    },
}

/// A pipeline error inside the store, before the index name is attached.
impl From<PipelineError> for StoreError {
    fn from(source: PipelineError) -> Self {
        StoreError::Pipeline {
            index: String::new(),
            source,
        }
    }
}

impl StoreError {
    /// The error with `index` named where it was not yet.
    pub(crate) fn in_index(self, name: &str) -> Self {
        match self {
            StoreError::Pipeline { index, source } if index.is_empty() => StoreError::Pipeline {
                index: name.to_string(),
                source,
            },
            other => other,
        }
    }
}

/// Maps any redb error into [`StoreError::Db`] naming `index`.
pub(crate) fn db<E: Into<redb::Error>>(index: &str) -> impl FnOnce(E) -> StoreError + '_ {
    move |e| StoreError::Db {
        index: index.to_string(),
        source: e.into(),
    }
}
