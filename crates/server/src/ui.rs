//! The web UI, embedded in the binary (no CDN, works offline): one HTML page, one script
//! and one style sheet. The script is the report's shared story view
//! (`samestory_report::page::VIEW_JS`: sources side by side with reprint marks, timeline,
//! quotes, numbers, claims) inside the UI's own closure, and the sheet is the report's
//! (`page::CSS`) plus the UI's additions, so `report.html` and the UI draw a story alike.
//! A strict Content-Security-Policy allows only these same-origin files.
//!
//! Must not: read files at run time.

use crate::AppState;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::OnceLock;

const INDEX_HTML: &str = include_str!("../ui/index.html");
const APP_OPEN_JS: &str = include_str!("../ui/app-open.js");
const APP_JS: &str = include_str!("../ui/app.js");
const APP_CSS: &str = include_str!("../ui/app.css");

/// Only same-origin scripts, styles and requests; nothing inline, no frames.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                   form-action 'none'; frame-ancestors 'none'";

/// The UI's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index))
        .route("/ui/app.js", get(script))
        .route("/ui/app.css", get(style))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

async fn script() -> Response {
    static JS: OnceLock<String> = OnceLock::new();
    let js = JS.get_or_init(|| [APP_OPEN_JS, samestory_report::page::VIEW_JS, APP_JS].concat());
    asset("text/javascript; charset=utf-8", js)
}

async fn style() -> Response {
    static CSS: OnceLock<String> = OnceLock::new();
    let css = CSS.get_or_init(|| [samestory_report::page::CSS, APP_CSS].concat());
    asset("text/css; charset=utf-8", css)
}
