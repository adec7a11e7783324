//! The JSON routes' handlers. Each reads its parameters (validated here: dates, limits,
//! cursors), calls the store on a blocking thread (reads run side by side; writes take the
//! one writer lock first, so at most one add or delete waits inside redb at a time), and
//! answers with deterministic JSON (fields in a fixed order, rows as the export writes
//! them).
//!
//! Must not: read files named by a request, or answer with internals (see [`ApiError`]).

use crate::error::ApiError;
use crate::{input, view, AppState};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use samestory_store::{Index, StoryKey, StoryQuery, StoryResolution};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::sync::Arc;

/// Stories per page when `limit` is not given.
const DEFAULT_LIMIT: usize = 50;

/// The most stories one page may hold.
const MAX_LIMIT: usize = 500;

/// Runs a store call on the blocking pool.
async fn blocking<T: Send + 'static>(
    index: &Arc<Index>,
    f: impl FnOnce(&Index) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let index = Arc::clone(index);
    tokio::task::spawn_blocking(move || f(&index))
        .await
        .map_err(ApiError::internal)?
}

/// `GET /api/health`.
pub async fn health(State(state): State<AppState>) -> Result<Response, ApiError> {
    #[derive(Serialize)]
    struct Health {
        status: &'static str,
        read_only: bool,
        documents: u64,
        stories: u64,
    }
    let counts = blocking(&state.index, |i| Ok(i.counts()?)).await?;
    Ok(Json(Health {
        status: "ok",
        read_only: state.read_only,
        documents: counts.documents,
        stories: counts.stories,
    })
    .into_response())
}

/// The query string of `GET /api/stories`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    limit: Option<String>,
    cursor: Option<String>,
}

/// `GET /api/stories?from=&to=&q=&limit=&cursor=`.
pub async fn stories(
    State(state): State<AppState>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(p) = params.map_err(|e| ApiError::bad("bad_query", e.body_text()))?;
    let query = list_query(p)?;
    #[derive(Serialize)]
    struct Page {
        stories: Vec<samestory_store::StorySummary>,
        total: usize,
        next_cursor: Option<String>,
    }
    let page = blocking(&state.index, move |i| Ok(i.stories(&query)?)).await?;
    Ok(Json(Page {
        stories: page.stories,
        total: page.total,
        next_cursor: page.next.as_ref().map(encode_cursor),
    })
    .into_response())
}

/// Validates the list parameters.
fn list_query(p: ListParams) -> Result<StoryQuery, ApiError> {
    let day = |name: &str, v: Option<String>| -> Result<Option<String>, ApiError> {
        let Some(v) = v.filter(|v| !v.is_empty()) else {
            return Ok(None);
        };
        chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
            ApiError::bad(
                "bad_date",
                format!("{name}={v:?} is not a date (YYYY-MM-DD)"),
            )
        })?;
        Ok(Some(v))
    };
    let from = day("from", p.from)?;
    let to = day("to", p.to)?;
    if let (Some(f), Some(t)) = (&from, &to) {
        if f > t {
            return Err(ApiError::bad(
                "bad_date",
                format!("from {f} is after to {t}"),
            ));
        }
    }
    let limit = match p.limit.filter(|l| !l.is_empty()) {
        None => DEFAULT_LIMIT,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(ApiError::bad(
                    "bad_limit",
                    format!("limit must be a whole number from 1 to {MAX_LIMIT}"),
                ))
            }
        },
    };
    let after = match p.cursor.filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(&c)?),
    };
    Ok(StoryQuery {
        from,
        to,
        q: p.q.filter(|q| !q.trim().is_empty()),
        limit,
        after,
    })
}

/// A cursor: the list key of the last story shown, JSON in URL-safe base64.
fn encode_cursor(key: &StoryKey) -> String {
    let json = serde_json::to_vec(key).unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json)
}

fn decode_cursor(cursor: &str) -> Result<StoryKey, ApiError> {
    let bad = || ApiError::bad("bad_cursor", "the cursor is not one this server gave");
    let json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .map_err(|_| bad())?;
    serde_json::from_slice(&json).map_err(|_| bad())
}

/// `GET /api/stories/{id}`.
pub async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (resolution, story) = blocking(&state.index, move |i| {
        let resolution = i.resolve_story(&id)?;
        let story = match &resolution {
            StoryResolution::Current { story } => i.story_view(story)?,
            _ => None,
        };
        Ok((resolution, story))
    })
    .await?;
    match resolution {
        StoryResolution::Current { story: id } => match story {
            Some(view) => Ok(Json(view::story(&id, &view)?).into_response()),
            // Removed between the two reads: as if it had been asked a moment later.
            None => Err(ApiError::NotFound(format!("no story {id:?}"))),
        },
        StoryResolution::Moved { from, story } => {
            #[derive(Serialize)]
            struct Moved {
                status: &'static str,
                from: String,
                location: String,
                story: String,
            }
            let location = format!("/api/stories/{}", encode_path(&story));
            let header = (axum::http::header::LOCATION, location.clone());
            let body = Moved {
                status: "moved",
                from,
                location,
                story,
            };
            Ok(([header], Json(body)).into_response())
        }
        StoryResolution::Removed { from } => Err(ApiError::Gone(format!(
            "story {from:?} is gone: every one of its documents was removed"
        ))),
        StoryResolution::Unknown { from } => Err(ApiError::NotFound(format!(
            "no story {from:?} was ever issued by this index"
        ))),
    }
}

/// `GET /api/documents/{id}`.
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let wanted = id.clone();
    let found = blocking(&state.index, move |i| Ok(i.document_view(&wanted)?)).await?;
    let Some(doc) = found else {
        return Err(ApiError::NotFound(format!("no document {id:?}")));
    };
    #[derive(Serialize)]
    struct Doc {
        document: Box<RawValue>,
        added: i64,
        revision: u32,
        relations: Vec<Box<RawValue>>,
    }
    Ok(Json(Doc {
        document: raw(doc.row)?,
        added: doc.added,
        revision: doc.revision,
        relations: doc
            .relations
            .into_iter()
            .map(raw)
            .collect::<Result<_, _>>()?,
    })
    .into_response())
}

/// The query string of the routes that take an article.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleParams {
    id: Option<String>,
}

/// The article a request carries.
fn article(
    state: &AppState,
    headers: &HeaderMap,
    params: Result<Query<ArticleParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<samestory_core::Document, ApiError> {
    let Query(p) = params.map_err(|e| ApiError::bad("bad_query", e.body_text()))?;
    let body = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge(state.body_limit),
        _ if caused_by::<http_body_util::LengthLimitError>(&e) => {
            ApiError::TooLarge(state.body_limit)
        }
        _ if caused_by::<tower_http::timeout::TimeoutError>(&e) => ApiError::Timeout,
        _ => ApiError::bad("bad_body", e.body_text()),
    })?;
    input::document(headers, &body, p.id.as_deref(), &state.config.ingest)
}

/// Whether reading the body failed because of an `E` (over the limit, not in time),
/// however deep the body layers wrapped it.
fn caused_by<E: std::error::Error + 'static>(e: &BytesRejection) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if s.is::<E>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// `POST /api/documents`: adds one article, as `index add` does.
pub async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ArticleParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    if state.read_only {
        return Err(ApiError::ReadOnly);
    }
    let doc = article(&state, &headers, params, body)?;
    let id = doc.id.clone();
    let wanted = id.clone();
    let _writer = state.writer.lock().await;
    let now = chrono::Utc::now().timestamp();
    let (summary, place, counts) = blocking(&state.index, move |i| {
        let summary = i.add([doc], now)?;
        Ok((summary, i.place(&wanted)?, i.counts()?))
    })
    .await?;
    #[derive(Serialize)]
    struct Added {
        id: String,
        result: &'static str,
        group: Option<String>,
        story: Option<String>,
        documents: u64,
        stories: u64,
    }
    let (status, result) = match (summary.added, summary.revised) {
        (1, _) => (StatusCode::CREATED, "added"),
        (_, 1) => (StatusCode::OK, "revised"),
        _ => (StatusCode::OK, "unchanged"),
    };
    let place = place.unwrap_or_default();
    let nonempty = |s: String| (!s.is_empty()).then_some(s);
    let body = Added {
        id,
        result,
        group: nonempty(place.group),
        story: nonempty(place.story),
        documents: counts.documents,
        stories: counts.stories,
    };
    Ok((status, Json(body)).into_response())
}

/// `DELETE /api/documents/{id}`.
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if state.read_only {
        return Err(ApiError::ReadOnly);
    }
    let _writer = state.writer.lock().await;
    let wanted = id.clone();
    let (summary, counts) = blocking(&state.index, move |i| {
        if i.record(&wanted)?.is_none() {
            return Ok((None, i.counts()?));
        }
        let summary = i.remove(&[wanted])?;
        Ok((Some(summary), i.counts()?))
    })
    .await?;
    match summary {
        Some(s) if !s.removed.is_empty() => {
            #[derive(Serialize)]
            struct Removed {
                removed: String,
                documents: u64,
                stories: u64,
            }
            Ok(Json(Removed {
                removed: id,
                documents: counts.documents,
                stories: counts.stories,
            })
            .into_response())
        }
        _ => Err(ApiError::NotFound(format!("no document {id:?}"))),
    }
}

/// `POST /api/query`: where the article would belong, nothing added.
pub async fn query(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Result<Query<ArticleParams>, QueryRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let doc = article(&state, &headers, params, body)?;
    let mut placed = blocking(&state.index, move |i| Ok(i.query(vec![doc])?)).await?;
    match placed.pop() {
        Some(p) => Ok(Json(p).into_response()),
        None => Err(ApiError::internal(std::io::Error::other(
            "the query answered no placement",
        ))),
    }
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    Json(crate::openapi::document()).into_response()
}

/// A stored JSON line as a raw value (it was written by serde, so it parses).
pub fn raw(line: String) -> Result<Box<RawValue>, ApiError> {
    RawValue::from_string(line).map_err(ApiError::internal)
}

/// A path segment, percent-encoded as JavaScript's `encodeURIComponent` does.
pub fn encode_path(segment: &str) -> String {
    samestory_report::page::encode_uri_component(segment)
}
