//! The Python exception classes, one per engine error family, all subclasses of
//! `samestory.SamestoryError`, and the conversions from each library crate's error enum.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    samestory,
    SamestoryError,
    PyException,
    "The base class of every error samestory raises."
);
create_exception!(
    samestory,
    ConfigError,
    SamestoryError,
    "A config file or setting that cannot be read or applied (unknown key, wrong type)."
);
create_exception!(
    samestory,
    InputError,
    SamestoryError,
    "An Arrow input of the wrong shape: a missing column or a column of the wrong type."
);
create_exception!(
    samestory,
    IngestError,
    SamestoryError,
    "An input samestory could not read: a bad record, a file without text, an unreadable path."
);
create_exception!(
    samestory,
    RelateError,
    SamestoryError,
    "The relation engine stopped (a body it needed could not be read back)."
);
create_exception!(
    samestory,
    StoryError,
    SamestoryError,
    "The story stage refused its input or could not read a body back."
);
create_exception!(
    samestory,
    PipelineError,
    SamestoryError,
    "A pipeline run could not finish (the body spill failed, a row could not be serialised)."
);
create_exception!(
    samestory,
    OutputError,
    SamestoryError,
    "An output file could not be created or written."
);

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("SamestoryError", py.get_type::<SamestoryError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("IngestError", py.get_type::<IngestError>())?;
    m.add("RelateError", py.get_type::<RelateError>())?;
    m.add("StoryError", py.get_type::<StoryError>())?;
    m.add("PipelineError", py.get_type::<PipelineError>())?;
    m.add("OutputError", py.get_type::<OutputError>())?;
    Ok(())
}

/// An error of the binding or of a library crate, turned into its Python class when it
/// crosses back into Python (so the work itself runs without the GIL and without `PyErr`).
#[derive(Debug)]
pub enum Error {
    /// A config that cannot be loaded.
    Config(samestory_core::ConfigError),
    /// An Arrow input of the wrong shape (the message names the column).
    Input(String),
    /// An input that could not be read.
    Ingest(String),
    /// The relation engine stopped.
    Relate(String),
    /// The story stage stopped.
    Story(samestory_story::StoryError),
    /// A pipeline run stopped.
    Pipeline(samestory_pipeline::PipelineError),
    /// An output file could not be written.
    Output(String),
    /// The binding failed on its own rows (a bug): the base class.
    Internal(String),
}

/// The binding's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        match e {
            Error::Config(e) => ConfigError::new_err(chain(&e)),
            Error::Input(m) => InputError::new_err(m),
            Error::Ingest(m) => IngestError::new_err(m),
            Error::Relate(m) => RelateError::new_err(m),
            Error::Story(e) => StoryError::new_err(chain(&e)),
            Error::Pipeline(e) => pipeline(e),
            Error::Output(m) => OutputError::new_err(m),
            Error::Internal(m) => SamestoryError::new_err(m),
        }
    }
}

/// A pipeline error as the class of the stage that stopped.
fn pipeline(e: samestory_pipeline::PipelineError) -> PyErr {
    use samestory_pipeline::PipelineError as P;
    match e {
        P::Relate(_) => RelateError::new_err(chain(&e)),
        P::Story(_) => StoryError::new_err(chain(&e)),
        _ => PipelineError::new_err(chain(&e)),
    }
}

/// An error's message followed by its sources' ("a: b: c").
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let next = s.to_string();
        if !text.contains(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        source = s.source();
    }
    text
}

impl From<samestory_core::ConfigError> for Error {
    fn from(e: samestory_core::ConfigError) -> Self {
        Error::Config(e)
    }
}

impl From<samestory_ingest::IngestError> for Error {
    fn from(e: samestory_ingest::IngestError) -> Self {
        Error::Ingest(chain(&e))
    }
}

impl From<samestory_pipeline::PipelineError> for Error {
    fn from(e: samestory_pipeline::PipelineError) -> Self {
        Error::Pipeline(e)
    }
}

impl From<samestory_story::StoryError> for Error {
    fn from(e: samestory_story::StoryError) -> Self {
        Error::Story(e)
    }
}

impl From<arrow_schema::ArrowError> for Error {
    fn from(e: arrow_schema::ArrowError) -> Self {
        Error::Input(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::chain;

    #[test]
    fn chain_names_each_source_once() {
        let io = std::io::Error::other("disk full");
        let e = samestory_pipeline::PipelineError::Body(io);
        assert_eq!(chain(&e), "re-reading a spilled body: disk full");
    }
}
