//! A request body → one [`Document`], through ingest's own entry points, so an article
//! posted here is extracted exactly as `samestory index add` extracts it from a file: a
//! JSON object `{id?, title?, text | html, date?, url?, byline?, outlet?}` is one JSON
//! Lines record (`ingest::jsonl::read_record`), raw text or HTML is one whole input
//! (`ingest::read_whole`).
//!
//! Must not: read a file or fetch a URL. Nothing in a request names something to read: an
//! unknown field (`path`, `file`…) is refused, a URL is metadata and must be http(s), and a
//! text that is nothing but a path or a URL is refused rather than stored as an article.

use crate::error::ApiError;
use axum::http::HeaderMap;
use samestory_core::{Document, IngestConfig};
use samestory_ingest::sources::{InputFile, InputSource};
use serde_json::{Map, Value};

/// The fields a JSON article may have.
const FIELDS: [&str; 8] = [
    "id", "title", "text", "html", "date", "url", "byline", "outlet",
];

/// The longest id accepted, in bytes.
const MAX_ID_BYTES: usize = 512;

/// The document a request body describes; `id` (from the query string) names a raw body.
pub fn document(
    headers: &HeaderMap,
    body: &[u8],
    id: Option<&str>,
    cfg: &IngestConfig,
) -> Result<Document, ApiError> {
    let kind = content_type(headers);
    match kind.as_str() {
        "application/json" => from_json(body, cfg),
        "text/plain" | "text/markdown" | "text/html" | "application/xhtml+xml" => {
            from_raw(body, id, cfg)
        }
        "" => Err(ApiError::UnsupportedMediaType(
            "no content type: send application/json, text/plain, text/markdown or text/html".into(),
        )),
        other => Err(ApiError::UnsupportedMediaType(format!(
            "content type {other} is not read here: send application/json, text/plain, \
             text/markdown or text/html"
        ))),
    }
}

/// The media type of the request, lower case, parameters dropped.
fn content_type(headers: &HeaderMap) -> String {
    let value = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let media = value.split(';').next().unwrap_or_default();
    media.trim().to_ascii_lowercase()
}

/// A JSON article.
fn from_json(body: &[u8], cfg: &IngestConfig) -> Result<Document, ApiError> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad("bad_json", format!("the body is not valid JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(ApiError::bad("bad_json", "the body must be a JSON object"));
    };
    check_fields(&obj)?;
    for name in FIELDS {
        string(&obj, name)?;
    }
    let text = match (string(&obj, "text")?, string(&obj, "html")?) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad(
                "bad_field",
                "give either text or html, not both",
            ))
        }
        (Some(t), None) | (None, Some(t)) => t,
        (None, None) => {
            return Err(ApiError::unprocessable(
                "no_text",
                "the article has no text: give text or html",
            ))
        }
    };
    check_article_text(&text)?;
    if let Some(date) = string(&obj, "date")? {
        check_date(&date)?;
    }
    if let Some(url) = string(&obj, "url")? {
        check_url(&url)?;
    }
    let id = match string(&obj, "id")? {
        Some(id) => check_id(id)?,
        None => derived_id(text.as_bytes()),
    };
    obj.insert("id".into(), Value::String(id.clone()));
    let raw = Value::Object(obj).to_string();
    let input = request_input(&id);
    samestory_ingest::jsonl::read_record(&input, 1, &raw, cfg)
        .map_err(|e| ApiError::unprocessable("unreadable_article", e.to_string()))
}

/// Raw text, markdown or HTML.
fn from_raw(body: &[u8], id: Option<&str>, cfg: &IngestConfig) -> Result<Document, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|_| ApiError::bad("bad_encoding", "the body must be UTF-8"))?;
    if text.trim().is_empty() {
        return Err(ApiError::unprocessable("no_text", "the body is empty"));
    }
    check_article_text(text)?;
    let id = match id {
        Some(id) => check_id(id.to_string())?,
        None => derived_id(body),
    };
    let outcome = samestory_ingest::read_whole(&request_input(&id), body.to_vec(), cfg);
    if let Some(e) = outcome.errors.first() {
        return Err(ApiError::unprocessable("unreadable_article", e.to_string()));
    }
    let mut docs = outcome.documents;
    match docs.len() {
        1 => Ok(docs.remove(0)),
        n => Err(ApiError::unprocessable(
            "not_one_article",
            format!("the body holds {n} articles; post one at a time"),
        )),
    }
}

/// The input a request body stands for: named `request`, never read from anywhere.
fn request_input(id: &str) -> InputFile {
    InputFile {
        id: id.to_string(),
        display: "request".into(),
        source: InputSource::Stdin,
    }
}

/// Refuses fields the API does not define (a `path` or `file` would never be read).
fn check_fields(obj: &Map<String, Value>) -> Result<(), ApiError> {
    match obj.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        Some(k) => Err(ApiError::bad(
            "unknown_field",
            format!(
                "unknown field {k:?}: an article has {}; the server never reads files or \
                 fetches URLs",
                FIELDS.join(", ")
            ),
        )),
        None => Ok(()),
    }
}

/// Field `name` as a string (absent or null: `None`; another type: an error).
fn string(obj: &Map<String, Value>, name: &str) -> Result<Option<String>, ApiError> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ApiError::bad(
            "bad_field",
            format!("field {name:?} must be a string"),
        )),
    }
}

/// A document id: non-empty, at most 512 bytes, no control characters.
fn check_id(id: String) -> Result<String, ApiError> {
    let id = id.trim().to_string();
    if id.is_empty() || id.len() > MAX_ID_BYTES || id.chars().any(char::is_control) {
        return Err(ApiError::bad(
            "bad_id",
            format!("an id is 1 to {MAX_ID_BYTES} bytes without control characters"),
        ));
    }
    Ok(id)
}

/// The id of an article posted without one: its content's hash, so posting it twice is
/// one document.
fn derived_id(body: &[u8]) -> String {
    format!("api-{:016x}", xxhash_rust::xxh3::xxh3_64(body))
}

/// A date is `YYYY-MM-DD` or RFC 3339.
pub fn check_date(date: &str) -> Result<(), ApiError> {
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok();
    if day || chrono::DateTime::parse_from_rfc3339(date).is_ok() {
        return Ok(());
    }
    Err(ApiError::bad(
        "bad_date",
        format!("{date:?} is not a date: use YYYY-MM-DD or RFC 3339"),
    ))
}

/// A URL is stored, never fetched, and must be an absolute http(s) URL.
fn check_url(url: &str) -> Result<(), ApiError> {
    let lower = url.trim().to_ascii_lowercase();
    let web = ["http://", "https://"]
        .iter()
        .any(|s| lower.strip_prefix(s).is_some_and(|rest| !rest.is_empty()));
    if web && !url.chars().any(char::is_whitespace) {
        return Ok(());
    }
    Err(ApiError::bad(
        "bad_url",
        "url must be an absolute http(s) URL; it is stored as metadata, never fetched",
    ))
}

/// Refuses a text that is only a path or a URL: the server reads neither.
fn check_article_text(text: &str) -> Result<(), ApiError> {
    let t = text.trim();
    let one_token = !t.is_empty() && !t.chars().any(char::is_whitespace);
    let lower = t.to_ascii_lowercase();
    let pathish = t.starts_with('/')
        || t.starts_with("./")
        || t.starts_with("../")
        || t.starts_with('~')
        || t.starts_with("\\\\")
        || t.get(1..3) == Some(":\\")
        || lower.contains("://")
        || lower.starts_with("file:");
    if one_token && pathish {
        return Err(ApiError::unprocessable(
            "path_or_url",
            "the text is a path or a URL: send the article's text; the server never reads \
             files or fetches URLs",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_urls_are_not_articles() {
        for t in [
            "/etc/passwd",
            "file:///etc/passwd",
            "https://example.com/a",
            "../x",
            "C:\\x",
        ] {
            assert!(check_article_text(t).is_err(), "{t}");
        }
        assert!(check_article_text("The bridge at /north reopened.").is_ok());
    }

    #[test]
    fn urls_must_be_web_urls() {
        assert!(check_url("https://example.com/a").is_ok());
        for u in ["file:///etc/passwd", "/etc/passwd", "ftp://x/y", "https://"] {
            assert!(check_url(u).is_err(), "{u}");
        }
    }

    #[test]
    fn dates_are_days_or_rfc3339() {
        assert!(check_date("2024-03-01").is_ok());
        assert!(check_date("2024-03-01T10:00:00+02:00").is_ok());
        for d in ["2024-13-01", "yesterday", "01/03/2024"] {
            assert!(check_date(d).is_err(), "{d}");
        }
    }
}
