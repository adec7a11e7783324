//! Why writing a run's output stopped: a file that could not be created or written (with its
//! path), or the pipeline failing while it handed rows over.

use samestory_pipeline::PipelineError;
use std::path::PathBuf;

/// Output that could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OutputError {
    /// The output directory or a file in it could not be created.
    #[error("{}: cannot create", path.display())]
    Create {
        /// The directory or file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A file (or the caller's stream, named by `path`) could not be written.
    #[error("{}: cannot write", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A Parquet file asked for, in a build without the `parquet` feature.
    #[error("{}: cannot write Parquet: this samestory was built without the `parquet` feature", path.display())]
    ParquetDisabled {
        /// The file that was not written.
        path: PathBuf,
    },
    /// The Parquet writer failed.
    #[cfg(feature = "parquet")]
    #[error("{}: cannot write Parquet", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// Why.
        source: parquet::errors::ParquetError,
    },
    /// A row did not fit the file's Arrow schema (a field the schema lacks, or of another
    /// type): a row and its schema out of step.
    #[cfg(feature = "parquet")]
    #[error("{}: a row does not fit the Parquet schema", path.display())]
    Arrow {
        /// The file.
        path: PathBuf,
        /// Why.
        source: arrow_schema::ArrowError,
    },
    /// The pipeline stopped while handing rows over (a body could not be re-read).
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
}

impl OutputError {
    /// A write error on `path`.
    pub(crate) fn write(path: impl Into<PathBuf>, source: impl Into<std::io::Error>) -> Self {
        OutputError::Write {
            path: path.into(),
            source: source.into(),
        }
    }
}
