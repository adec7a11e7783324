//! Why a report could not be written: an input file that cannot be read or holds a line that
//! is not a JSON object of the expected shape (with its path and 1-based line number), or an
//! output file that cannot be written. Missing optional fields are never an error.

use std::path::PathBuf;

/// A report that could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// An input file could not be opened or read.
    #[error("{}: cannot read", path.display())]
    Read {
        /// The input file.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },
    /// A line of an input file is not valid JSON of the expected shape.
    #[error("{}:{line}: not a valid row", path.display())]
    Parse {
        /// The input file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What the JSON parser said.
        #[source]
        source: serde_json::Error,
    },
    /// `report.html` could not be written.
    #[error("{}: cannot write", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// What the file system said.
        #[source]
        source: std::io::Error,
    },
}
