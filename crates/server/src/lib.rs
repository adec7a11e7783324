//! `samestory serve`: a JSON API and an embedded web UI over one persistent index
//! (samestory-store), as an axum [`Router`] built by [`router`] — testable without a
//! socket — and [`serve`], which runs it on a listener until a shutdown signal and then
//! finishes the requests in flight.
//!
//! Modules: `api` (the JSON routes), `input` (a request body → one document, through
//! ingest's own entry points), `view` (a story as the report crate draws it), `openapi`
//! (the API's description), `ui` (the embedded pages), `error` ([`ApiError`], the one
//! error answer: JSON `{error, detail}`, internals logged once and never sent).
//!
//! Invariants: the index is shared as one `Arc<Index>`; reads run side by side on the
//! blocking pool, each in one read transaction (a snapshot: never half of a batch), and
//! writes take one writer lock first, so one add or delete runs at a time; `read_only`
//! refuses every write; bodies are capped at `body_limit`; reads are cut off at `timeout`
//! (408), a write's body must arrive within it, and a write that has its body runs to the
//! end, so its answer is what happened.
//! Must not: print (it logs through `tracing`), read a file or fetch a URL a request
//! names, or read any file but the index.

mod api;
mod error;
mod input;
pub mod openapi;
mod ui;
mod view;

pub use error::ApiError;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::Router;
use samestory_core::Config;
use samestory_store::Index;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::{RequestBodyTimeoutLayer, TimeoutLayer};

/// Default cap on a request body: 8 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 8 << 20;

/// Default cap on a request's time: 60 s (an add re-derives the index's stories).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// How the server runs.
#[derive(Clone, Debug)]
pub struct ServerOptions {
    /// Refuse every write (`--read-only`).
    pub read_only: bool,
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The longest a request may take.
    pub timeout: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            read_only: false,
            body_limit: DEFAULT_BODY_LIMIT,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    index: Arc<Index>,
    config: Arc<Config>,
    read_only: bool,
    body_limit: usize,
    timeout: Duration,
    /// Held by the one write in progress.
    writer: Arc<tokio::sync::Mutex<()>>,
}

impl AppState {
    /// The state of a server over `index`, reading articles with `config` (the one the
    /// index was opened with).
    pub fn new(index: Arc<Index>, config: Config, options: &ServerOptions) -> Self {
        AppState {
            index,
            config: Arc::new(config),
            read_only: options.read_only,
            body_limit: options.body_limit,
            timeout: options.timeout,
            writer: Arc::new(tokio::sync::Mutex::new(())),
        }
    }
}

/// Every route: the API under `/api/`, the UI at `/` and `/ui/`.
pub fn router(state: AppState) -> Router {
    let limit = state.body_limit;
    let timeout = state.timeout;
    // Reads (and queries, which add nothing) are cut off at the timeout.
    let reads = Router::new()
        .route("/api/health", get(api::health))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/query", post(api::query))
        .route("/api/openapi.json", get(api::openapi))
        .merge(ui::routes())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ));
    // A write's body must arrive within the timeout; once it has, the write is not cut
    // off (a redb transaction cannot be taken back midway), so its answer is always
    // what happened: an acknowledged add is in the index.
    let writes = Router::new()
        .route("/api/documents", post(api::add))
        .route("/api/documents/{id}", delete(api::remove))
        .layer(RequestBodyTimeoutLayer::new(timeout));
    reads
        .merge(writes)
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(RequestBodyLimitLayer::new(limit))
        .layer(axum::middleware::map_response(json_errors))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves `state`'s router on `listener` until `shutdown` resolves, then lets the
/// requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Any route that does not exist.
async fn not_found() -> ApiError {
    ApiError::NotFound("no such route".into())
}

/// Turns an error answered outside the handlers (a body over the limit, a timeout, a
/// method not allowed) into the API's JSON error.
async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (error, detail) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("body_too_large", "the request body is over the limit"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "the request took too long"),
        StatusCode::METHOD_NOT_ALLOWED => {
            ("method_not_allowed", "this route does not take that method")
        }
        StatusCode::NOT_FOUND => ("not_found", "no such route"),
        s if s.is_client_error() => ("bad_request", "the request was refused"),
        _ => ("internal", "internal error; the server log has the cause"),
    };
    let body = error::ErrorBody {
        error,
        detail: detail.to_string(),
    };
    let mut answer = (status, axum::Json(body)).into_response();
    if let Some(allow) = response.headers().get(header::ALLOW) {
        answer.headers_mut().insert(header::ALLOW, allow.clone());
    }
    answer
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}
