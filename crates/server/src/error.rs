//! The one error type of the API, [`ApiError`]: each variant has a status and a stable
//! `error` code, and answers as JSON `{"error": code, "detail": text}`. Internal failures
//! (the store, a panicked worker) are logged once here, through `tracing`, and answered
//! with a fixed detail: nothing internal (paths, chains) is ever sent to a client.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The request is malformed: bad JSON, a bad parameter, an unknown field (`error` names
    /// which).
    #[error("{detail}")]
    BadRequest {
        /// The stable code.
        error: &'static str,
        /// What is wrong, for a person.
        detail: String,
    },
    /// The request is well formed but cannot be used: no article text, a path or URL where
    /// text belongs, an input the extractor rejects.
    #[error("{detail}")]
    Unprocessable {
        /// The stable code.
        error: &'static str,
        /// What is wrong, for a person.
        detail: String,
    },
    /// No such story, document or route.
    #[error("{0}")]
    NotFound(String),
    /// The story id was issued, but all its documents were removed.
    #[error("{0}")]
    Gone(String),
    /// A write while the server is read-only.
    #[error("the server is read-only (started with --read-only)")]
    ReadOnly,
    /// The body is over the limit.
    #[error("the request body is over the limit of {0} bytes")]
    TooLarge(usize),
    /// The request's body did not arrive within the timeout.
    #[error("the request body did not arrive in time")]
    Timeout,
    /// The body's content type is not one the route reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Something failed inside the server (logged, never sent).
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The JSON body of every error answer.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    /// The stable code.
    pub error: &'a str,
    /// What went wrong, for a person.
    pub detail: String,
}

impl ApiError {
    /// A malformed request.
    pub fn bad(error: &'static str, detail: impl Into<String>) -> Self {
        ApiError::BadRequest {
            error,
            detail: detail.into(),
        }
    }

    /// An unusable request.
    pub fn unprocessable(error: &'static str, detail: impl Into<String>) -> Self {
        ApiError::Unprocessable {
            error,
            detail: detail.into(),
        }
    }

    /// An internal failure.
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        ApiError::Internal(Box::new(e))
    }

    /// The status answered.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unprocessable { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Gone(_) => StatusCode::GONE,
            ApiError::ReadOnly => StatusCode::FORBIDDEN,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Timeout => StatusCode::REQUEST_TIMEOUT,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code answered.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { error, .. } | ApiError::Unprocessable { error, .. } => error,
            ApiError::NotFound(_) => "not_found",
            ApiError::Gone(_) => "gone",
            ApiError::ReadOnly => "read_only",
            ApiError::TooLarge(_) => "body_too_large",
            ApiError::Timeout => "timeout",
            ApiError::UnsupportedMediaType(_) => "unsupported_media_type",
            ApiError::Internal(_) => "internal",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(e) = &self {
            tracing::error!(error = %chain(e.as_ref()), "request failed");
        }
        let detail = match &self {
            ApiError::Internal(_) => "internal error; the server log has the cause".to_string(),
            other => other.to_string(),
        };
        let body = ErrorBody {
            error: self.code(),
            detail,
        };
        (self.status(), Json(body)).into_response()
    }
}

impl From<samestory_store::StoreError> for ApiError {
    fn from(e: samestory_store::StoreError) -> Self {
        ApiError::internal(e)
    }
}

/// An error and its sources, one line.
fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}
