//! Why a pipeline run stopped. Bad inputs never stop it (they go to the caller's
//! `ReadEvents`); only a failing body store, an inconsistent story input or an output row
//! that cannot be serialised do.

use samestory_ingest::corpus::CorpusError;
use samestory_relate::RelateError;
use samestory_story::StoryError;

/// A run that could not finish.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PipelineError {
    /// Reading stopped (the body spill failed).
    #[error(transparent)]
    Read(#[from] CorpusError),
    /// The relation engine could not re-read a body.
    #[error("relating documents: {0}")]
    Relate(#[from] RelateError<std::io::Error>),
    /// The story stage refused its input or could not re-read a body.
    #[error("building stories: {0}")]
    Story(#[from] StoryError),
    /// A body could not be re-read for output.
    #[error("re-reading a spilled body: {0}")]
    Body(#[from] std::io::Error),
    /// Documents handed to `relate_documents` out of id order, or an id twice.
    #[error("documents must come sorted by id, each once: {id:?} came out of order")]
    Unsorted {
        /// The id that broke the order.
        id: String,
    },
    /// A row could not be serialised.
    #[error("serialising a row: {0}")]
    Json(#[from] serde_json::Error),
}
