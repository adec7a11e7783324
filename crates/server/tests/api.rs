//! The router without a socket (`tower::ServiceExt::oneshot`): every route, and bad input
//! on each — malformed JSON, a body over the limit, unknown ids, bad dates, a path or URL
//! where text belongs, writes while read-only — answering with the right status and a
//! JSON `{error, detail}`, and leaving the index as it was.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use samestory_core::{Config, Document, Format};
use samestory_server::{router, AppState, ServerOptions};
use samestory_store::{Index, IndexBuilder};
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

const BRIDGE: &str = "Ministers agreed on Tuesday to reopen the Halden bridge after a month of \
    repairs to its northern span, the transport office said. Traffic will resume on Friday, \
    and about 1,200 lorries a day are expected to use the crossing again.";
const COMET: &str = "Astronomers at the Kestrel observatory reported a faint comet moving \
    through the constellation of Lyra, visible with binoculars before dawn next week.";

struct Server {
    _dir: tempfile::TempDir,
    index: Arc<Index>,
    app: Router,
}

fn doc(id: &str, date: &str, body: &str) -> Document {
    let mut d = Document::new(id, Format::Text, body);
    d.meta.date = Some(date.into());
    d.meta.title = Some(format!("title of {id}"));
    d.meta.outlet = Some(format!("outlet of {id}"));
    d
}

fn server_with(options: ServerOptions) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let index = IndexBuilder::new(Config::default())
        .open(&dir.path().join("i.redb"))
        .unwrap();
    let docs = [
        doc("bridge-a", "2024-03-01", BRIDGE),
        doc("bridge-b", "2024-03-02", BRIDGE),
        doc("comet", "2024-02-01", COMET),
    ];
    index.add(docs, 0).unwrap();
    let index = Arc::new(index);
    let state = AppState::new(Arc::clone(&index), Config::default(), &options);
    Server {
        _dir: dir,
        index,
        app: router(state),
    }
}

fn server() -> Server {
    server_with(ServerOptions::default())
}

impl Server {
    async fn call(&self, req: Request<Body>) -> (StatusCode, Value) {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let json = res
            .headers()
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let value = match json {
            true => serde_json::from_slice(&bytes).unwrap(),
            false => Value::String(String::from_utf8_lossy(&bytes).into_owned()),
        };
        (status, value)
    }

    async fn get(&self, uri: &str) -> (StatusCode, Value) {
        self.call(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    async fn send(
        &self,
        method: Method,
        uri: &str,
        kind: &str,
        body: impl Into<Body>,
    ) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method).uri(uri);
        if !kind.is_empty() {
            req = req.header(header::CONTENT_TYPE, kind);
        }
        self.call(req.body(body.into()).unwrap()).await
    }

    async fn post_json(&self, uri: &str, body: &Value) -> (StatusCode, Value) {
        self.send(Method::POST, uri, "application/json", body.to_string())
            .await
    }

    /// What the index holds: every document id, and the story list.
    fn snapshot(&self) -> (Vec<String>, String) {
        let export = tempfile::tempdir().unwrap();
        self.index.export(export.path(), false).unwrap();
        let docs = std::fs::read_to_string(export.path().join("documents.jsonl")).unwrap();
        let stories = std::fs::read_to_string(export.path().join("stories.jsonl")).unwrap();
        let ids = docs
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        (ids, stories)
    }
}

/// An error answer: the status, and a JSON body with `error` equal to `code`.
fn assert_error(answer: &(StatusCode, Value), status: StatusCode, code: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["error"], code, "{}", answer.1);
    assert!(
        answer.1["detail"].as_str().is_some_and(|d| !d.is_empty()),
        "{}",
        answer.1
    );
}

#[tokio::test]
async fn health_counts_what_the_index_holds() {
    let s = server();
    let (status, body) = s.get("/api/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["documents"], 3);
    assert_eq!(body["stories"], 2);
    assert_eq!(body["read_only"], false);
}

#[tokio::test]
async fn stories_come_newest_first_in_pages_with_a_stable_cursor() {
    let s = server();
    let (status, page) = s.get("/api/stories?limit=1").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page["total"], 2);
    let first = &page["stories"][0];
    assert_eq!(first["id"], "bridge-a");
    assert_eq!(first["documents"], 2);
    assert_eq!(first["outlets"], 2);
    let cursor = page["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    // A newer story arrives before the page boundary; the next page does not shift.
    let (status, _) = s
        .post_json("/api/documents", &json!({"id": "late", "text": COMET.replace("comet", "meteor shower").replace("Lyra", "Orion"), "date": "2025-01-01"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, next) = s
        .get(&format!("/api/stories?limit=1&cursor={cursor}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{next}");
    let ids: Vec<&str> = next["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert!(ids == ["comet"] || ids == ["late"], "{ids:?}");
    assert_ne!(
        ids,
        ["bridge-a"],
        "the cursor must not repeat the first page"
    );
}

#[tokio::test]
async fn stories_filter_by_words_and_dates() {
    let s = server();
    let ids = |v: &Value| -> Vec<String> {
        v["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, hit) = s.get("/api/stories?q=LYRA%20binoculars").await;
    assert_eq!(ids(&hit), ["comet"]);
    let (_, hit) = s.get("/api/stories?from=2024-02-15").await;
    assert_eq!(ids(&hit), ["bridge-a"]);
    let (_, hit) = s.get("/api/stories?from=2024-01-01&to=2024-02-10").await;
    assert_eq!(ids(&hit), ["comet"]);
}

#[tokio::test]
async fn bad_list_parameters_are_400() {
    let s = server();
    let before = s.snapshot();
    for (uri, code) in [
        ("/api/stories?from=2024-13-01", "bad_date"),
        ("/api/stories?to=yesterday", "bad_date"),
        ("/api/stories?from=2024-03-02&to=2024-03-01", "bad_date"),
        ("/api/stories?limit=0", "bad_limit"),
        ("/api/stories?limit=lots", "bad_limit"),
        ("/api/stories?limit=100000", "bad_limit"),
        ("/api/stories?cursor=not-a-cursor", "bad_cursor"),
        ("/api/stories?path=/etc/passwd", "bad_query"),
    ] {
        assert_error(&s.get(uri).await, StatusCode::BAD_REQUEST, code);
    }
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn a_story_comes_with_its_documents_comparison_and_view() {
    let s = server();
    let (status, story) = s.get("/api/stories/bridge-a").await;
    assert_eq!(status, StatusCode::OK, "{story}");
    assert_eq!(story["status"], "current");
    assert_eq!(story["story"]["story"], "bridge-a");
    assert_eq!(story["documents"].as_array().unwrap().len(), 2);
    assert!(!story["relations"].as_array().unwrap().is_empty());
    assert_eq!(story["row"][0], "bridge-a");
    let view_docs: Vec<&str> = story["view"]["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(view_docs, ["bridge-a", "bridge-b"]);
    assert_eq!(story["view"]["docs"][0]["body"], BRIDGE);
}

#[tokio::test]
async fn an_old_story_id_points_to_where_its_documents_went() {
    let s = server();
    // A copy with a smaller id renames the story (its id is its smallest member id).
    let (status, _) = s
        .post_json(
            "/api/documents",
            &json!({"id": "aaa", "text": BRIDGE, "date": "2024-03-03"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, moved) = s.get("/api/stories/bridge-a").await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["status"], "moved");
    assert_eq!(moved["story"], "aaa");
    assert_eq!(moved["location"], "/api/stories/aaa");
    let req = Request::get("/api/stories/bridge-a")
        .body(Body::empty())
        .unwrap();
    let res = s.app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/api/stories/aaa");
    // A story whose documents are all gone.
    let (status, _) = s
        .send(Method::DELETE, "/api/documents/comet", "", Body::empty())
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_error(&s.get("/api/stories/comet").await, StatusCode::GONE, "gone");
    assert_error(
        &s.get("/api/stories/never-issued").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn a_document_comes_with_its_relations_and_evidence() {
    let s = server();
    let (status, d) = s.get("/api/documents/bridge-b").await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["document"]["body"], BRIDGE);
    assert_eq!(d["document"]["group"], "bridge-a");
    assert_eq!(d["document"]["title"], "title of bridge-b");
    assert!(d["document"]["numbers"].is_array());
    assert!(d["document"]["removed"].is_array());
    let r = &d["relations"][0];
    assert_eq!(
        (r["a"].as_str(), r["b"].as_str()),
        (Some("bridge-a"), Some("bridge-b"))
    );
    assert_error(
        &s.get("/api/documents/nope").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn articles_are_added_as_json_or_raw_text_and_ids_may_hold_slashes() {
    let s = server();
    let article = json!({"id": "desk/c-1", "title": "Comet seen", "text": COMET, "date": "2024-02-02",
        "url": "https://example.org/comet", "byline": "By Ann Lee", "outlet": "Example"});
    let (status, added) = s.post_json("/api/documents", &article).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["result"], "added");
    assert_eq!(added["story"], "comet");
    assert_eq!(added["documents"], 4);
    let (status, again) = s.post_json("/api/documents", &article).await;
    assert_eq!(
        (status, again["result"].as_str()),
        (StatusCode::OK, Some("unchanged"))
    );
    let mut revised = article.clone();
    revised["title"] = json!("Comet seen again");
    let (status, again) = s.post_json("/api/documents", &revised).await;
    assert_eq!(
        (status, again["result"].as_str()),
        (StatusCode::OK, Some("revised"))
    );
    let (status, d) = s.get("/api/documents/desk%2Fc-1").await;
    assert_eq!(status, StatusCode::OK, "{d}");
    assert_eq!(d["revision"], 2);
    assert_eq!(d["document"]["title"], "Comet seen again");
    assert_eq!(d["document"]["url"], "https://example.org/comet");
    let (status, raw) = s
        .send(
            Method::POST,
            "/api/documents?id=raw-1",
            "text/plain; charset=utf-8",
            BRIDGE,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{raw}");
    assert_eq!(raw["group"], "bridge-a");
    let html = format!("<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><p>{BRIDGE}</p></article></body></html>");
    let (status, from_html) = s
        .send(Method::POST, "/api/documents", "text/html", html)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{from_html}");
    let id = from_html["id"].as_str().unwrap();
    assert!(id.starts_with("api-"), "{id}");
    let (_, d) = s.get(&format!("/api/documents/{id}")).await;
    assert_eq!(d["document"]["body"], BRIDGE, "{d}");
    assert_eq!(d["document"]["format"], "html", "{d}");
    assert_eq!(s.index.counts().unwrap().documents, 6);
}

#[tokio::test]
async fn bad_articles_are_refused_and_change_nothing() {
    let s = server_with(ServerOptions {
        body_limit: 4096,
        ..ServerOptions::default()
    });
    let before = s.snapshot();
    let cases: Vec<(&str, String, StatusCode, &str)> = vec![
        (
            "application/json",
            "{\"text\": ".into(),
            StatusCode::BAD_REQUEST,
            "bad_json",
        ),
        (
            "application/json",
            "[1, 2]".into(),
            StatusCode::BAD_REQUEST,
            "bad_json",
        ),
        (
            "application/json",
            json!({"path": "/etc/passwd"}).to_string(),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            "application/json",
            json!({"file": "examples/a.txt", "text": BRIDGE}).to_string(),
            StatusCode::BAD_REQUEST,
            "unknown_field",
        ),
        (
            "application/json",
            json!({"text": "/etc/passwd"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "path_or_url",
        ),
        (
            "application/json",
            json!({"html": "file:///etc/passwd"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "path_or_url",
        ),
        (
            "application/json",
            json!({"text": "https://example.com/story"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "path_or_url",
        ),
        (
            "application/json",
            json!({"text": BRIDGE, "url": "file:///etc/passwd"}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_url",
        ),
        (
            "application/json",
            json!({"text": BRIDGE, "date": "2024-02-30"}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_date",
        ),
        (
            "application/json",
            json!({"text": BRIDGE, "date": "last week"}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_date",
        ),
        (
            "application/json",
            json!({"text": BRIDGE, "title": 7}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_field",
        ),
        (
            "application/json",
            json!({"text": BRIDGE, "html": BRIDGE}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_field",
        ),
        (
            "application/json",
            json!({"id": "x\u{7}", "text": BRIDGE}).to_string(),
            StatusCode::BAD_REQUEST,
            "bad_id",
        ),
        (
            "application/json",
            json!({"title": "no text"}).to_string(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_text",
        ),
        (
            "text/plain",
            "/etc/passwd".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "path_or_url",
        ),
        (
            "text/plain",
            "   ".into(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no_text",
        ),
        (
            "",
            BRIDGE.into(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "image/png",
            BRIDGE.into(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "text/plain",
            BRIDGE.repeat(40),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
        (
            "application/json",
            json!({"text": BRIDGE.repeat(40)}).to_string(),
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
        ),
    ];
    for route in ["/api/documents", "/api/query"] {
        for (kind, body, status, code) in &cases {
            let answer = s.send(Method::POST, route, kind, body.clone()).await;
            assert!(
                answer.0 == *status && answer.1["error"] == *code,
                "{route} {kind} {} bytes, want {status} {code}: {answer:?}",
                body.len()
            );
        }
    }
    let answer = s
        .send(
            Method::POST,
            "/api/documents?file=/etc/passwd",
            "text/plain",
            BRIDGE,
        )
        .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "bad_query");
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_413() {
    let s = server_with(ServerOptions {
        body_limit: 1024,
        ..ServerOptions::default()
    });
    let before = s.snapshot();
    let chunks: Vec<Result<String, std::io::Error>> =
        (0..8).map(|_| Ok(BRIDGE.to_string())).collect();
    let body = Body::from_stream(futures_util::stream::iter(chunks));
    let answer = s
        .send(Method::POST, "/api/documents", "text/plain", body)
        .await;
    assert_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn deleting_removes_once_then_404() {
    let s = server();
    let (status, body) = s
        .send(Method::DELETE, "/api/documents/bridge-b", "", Body::empty())
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["documents"], 2);
    let before = s.snapshot();
    let again = s
        .send(Method::DELETE, "/api/documents/bridge-b", "", Body::empty())
        .await;
    assert_error(&again, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn a_query_places_an_article_and_adds_nothing() {
    let s = server();
    let before = s.snapshot();
    let (status, p) = s
        .post_json("/api/query", &json!({"id": "probe", "text": BRIDGE}))
        .await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["id"], "probe");
    assert_eq!(p["group"], "bridge-a");
    assert!(
        p["duplicates"]
            .as_array()
            .unwrap()
            .contains(&json!("bridge-a")),
        "{p}"
    );
    assert_eq!(p["story"]["joins"], "bridge-a");
    let (status, p) = s
        .send(Method::POST, "/api/query", "text/markdown", COMET)
        .await;
    assert_eq!(status, StatusCode::OK, "{p}");
    assert_eq!(p["story"]["joins"], "comet");
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn read_only_refuses_writes_and_still_answers_reads() {
    let s = server_with(ServerOptions {
        read_only: true,
        ..ServerOptions::default()
    });
    let before = s.snapshot();
    let add = s
        .post_json("/api/documents", &json!({"text": COMET, "id": "new"}))
        .await;
    assert_error(&add, StatusCode::FORBIDDEN, "read_only");
    let raw = s
        .send(Method::POST, "/api/documents", "text/plain", COMET)
        .await;
    assert_error(&raw, StatusCode::FORBIDDEN, "read_only");
    let del = s
        .send(Method::DELETE, "/api/documents/comet", "", Body::empty())
        .await;
    assert_error(&del, StatusCode::FORBIDDEN, "read_only");
    assert_eq!(s.get("/api/health").await.1["read_only"], true);
    assert_eq!(
        s.post_json("/api/query", &json!({"text": COMET})).await.0,
        StatusCode::OK
    );
    assert_eq!(s.get("/api/stories").await.0, StatusCode::OK);
    assert_eq!(s.snapshot(), before);
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let s = server();
    assert_error(
        &s.get("/api/nothing").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &s.get("/etc/passwd").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(
        &s.get("/api/documents/a/b").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    let put = s.send(Method::PUT, "/api/stories", "", Body::empty()).await;
    assert_error(&put, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn the_ui_is_embedded_and_locked_down() {
    let s = server();
    for (path, kind, needle) in [
        ("/", "text/html", "<main id=\"main\""),
        ("/ui/app.js", "text/javascript", "function renderStory("),
        ("/ui/app.css", "text/css", ".badge"),
    ] {
        let res = s
            .app
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let headers = res.headers().clone();
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind),
            "{path}"
        );
        assert!(headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("default-src 'none'"));
        let text = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec())
            .unwrap();
        assert!(text.contains(needle), "{path}");
        for outside in ["http://", "https://", "//cdn", "@import"] {
            assert!(
                !text.contains(outside) || path == "/ui/app.js" && outside.starts_with("http"),
                "{path} has {outside}"
            );
        }
    }
}

/// The OpenAPI document lists exactly the router's API routes: every path and method it
/// names is routed, and every other method on those paths is 405.
#[tokio::test]
async fn the_openapi_document_matches_the_router() {
    let s = server_with(ServerOptions {
        read_only: true,
        ..ServerOptions::default()
    });
    let (status, doc) = s.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut listed = Vec::new();
    for (path, item) in paths {
        let uri = path.replace("{id}", "x");
        for method in ["get", "post", "put", "patch", "delete"] {
            let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let answer = s.send(m, &uri, "application/json", "{}").await;
            let routed =
                answer.0 != StatusCode::METHOD_NOT_ALLOWED && answer.1["detail"] != "no such route";
            assert_eq!(
                routed,
                item.get(method).is_some(),
                "{method} {path}: {answer:?}"
            );
            if routed {
                listed.push(format!("{} {path}", method.to_uppercase()));
            }
        }
    }
    listed.sort();
    assert_eq!(
        listed,
        [
            "DELETE /api/documents/{id}",
            "GET /api/documents/{id}",
            "GET /api/health",
            "GET /api/openapi.json",
            "GET /api/stories",
            "GET /api/stories/{id}",
            "POST /api/documents",
            "POST /api/query",
        ]
    );
    // Deterministic: two answers are byte-identical.
    assert_eq!(s.get("/api/openapi.json").await.1, doc);
}

/// Readers during a batch add see the index before it or after it, never between: every
/// story list sums to the documents of one of the two states.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readers_never_see_half_a_batch() {
    let s = server();
    let before = s.index.counts().unwrap().documents;
    let batch: Vec<Document> = (0..6)
        .map(|i| {
            doc(
                &format!("z-{i}"),
                "2024-05-01",
                &format!("{COMET} Sighting number {i}."),
            )
        })
        .collect();
    let index = Arc::clone(&s.index);
    let writer = tokio::task::spawn_blocking(move || index.add(batch, 0).unwrap());
    let mut seen = std::collections::BTreeSet::new();
    while !writer.is_finished() {
        let (status, page) = s.get("/api/stories?limit=500").await;
        assert_eq!(status, StatusCode::OK);
        let total: u64 = page["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["documents"].as_u64().unwrap())
            .sum();
        seen.insert(total);
    }
    writer.await.unwrap();
    let (_, page) = s.get("/api/stories?limit=500").await;
    let total: u64 = page["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["documents"].as_u64().unwrap())
        .sum();
    seen.insert(total);
    assert_eq!(total, before + 6);
    assert!(
        seen.iter().all(|t| *t == before || *t == before + 6),
        "{seen:?}"
    );
}

/// A read past the timeout answers 408 as JSON; a write whose body has arrived is not cut
/// off, so its answer is what happened.
#[tokio::test]
async fn reads_time_out_and_writes_answer_what_happened() {
    let s = server_with(ServerOptions {
        timeout: std::time::Duration::from_millis(50),
        ..ServerOptions::default()
    });
    let (status, added) = s
        .post_json("/api/documents", &json!({"id": "slow", "text": COMET}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert!(s.index.record("slow").unwrap().is_some());
    let before = s.snapshot();
    // A query (under the whole-request timeout) whose body never arrives.
    let stalled = futures_util::stream::pending::<Result<String, std::io::Error>>();
    let late = s
        .send(
            Method::POST,
            "/api/query",
            "text/plain",
            Body::from_stream(stalled),
        )
        .await;
    assert_error(&late, StatusCode::REQUEST_TIMEOUT, "timeout");
    // An add (under the body timeout) whose body never arrives.
    let stalled = futures_util::stream::pending::<Result<String, std::io::Error>>();
    let answer = s
        .send(
            Method::POST,
            "/api/documents",
            "text/plain",
            Body::from_stream(stalled),
        )
        .await;
    assert_error(&answer, StatusCode::REQUEST_TIMEOUT, "timeout");
    assert_eq!(s.snapshot(), before);
}
