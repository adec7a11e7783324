//! The OpenAPI 3.1 document served at `/api/openapi.json`, written by hand next to the
//! routes it describes; a router test checks that its paths and methods are exactly the
//! router's (`tests/api.rs`). Deterministic: `serde_json`'s map keeps keys sorted.
//!
//! Must not: describe a route the router does not have.

use serde_json::{json, Value};

/// The error answer every route may give.
fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn id_param(what: &str) -> Value {
    json!({"name": "id", "in": "path", "required": true, "schema": {"type": "string"},
           "description": format!("The {what} id (percent-encoded).")})
}

fn query_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "schema": {"type": "string"},
           "description": description})
}

/// The request body of the routes that take one article.
fn article_body() -> Value {
    json!({
        "required": true,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Article"}},
            "text/plain": {"schema": {"type": "string"}},
            "text/markdown": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}}
        }
    })
}

/// The document.
pub fn document() -> Value {
    let any = json!({"type": "object"});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "samestory",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Browse stories, compare sources, and place or add articles in a samestory index."
        },
        "paths": {
            "/api/health": {"get": {
                "summary": "Liveness and what the index holds.",
                "responses": {"200": ok("Healthy.", json!({"$ref": "#/components/schemas/Health"}))}
            }},
            "/api/stories": {"get": {
                "summary": "Stories, newest first.",
                "parameters": [
                    query_param("from", "Stories whose latest date is on or after this day (YYYY-MM-DD)."),
                    query_param("to", "Stories whose earliest date is on or before this day (YYYY-MM-DD)."),
                    query_param("q", "Words that must all appear in a title or body (case-insensitive)."),
                    query_param("limit", "Stories per page, 1 to 500 (default 50)."),
                    query_param("cursor", "The next_cursor of the previous page: opaque, stable while the index changes.")
                ],
                "responses": {
                    "200": ok("A page of stories.", json!({"$ref": "#/components/schemas/StoryPage"})),
                    "400": error("A bad date, limit, cursor or parameter."),
                    "408": error("Past the server's timeout.")
                }
            }},
            "/api/stories/{id}": {"get": {
                "summary": "One story with its documents and comparison; an old id answers with a pointer to the story that now holds its documents.",
                "parameters": [id_param("story")],
                "responses": {
                    "200": ok("The story (status current) or a pointer (status moved, with location).", any.clone()),
                    "404": error("Never issued by this index."),
                    "408": error("Past the server's timeout."),
                    "410": error("Issued, but all its documents were removed.")
                }
            }},
            "/api/documents": {"post": {
                "summary": "Adds one article, as `samestory index add` does.",
                "parameters": [query_param("id", "The id of a raw text or HTML body (default: a hash of the body).")],
                "requestBody": article_body(),
                "responses": {
                    "201": ok("Added.", json!({"$ref": "#/components/schemas/Added"})),
                    "200": ok("Revised, or unchanged.", json!({"$ref": "#/components/schemas/Added"})),
                    "400": error("Malformed JSON, an unknown field, a bad id, date or URL."),
                    "403": error("The server is read-only."),
                    "408": error("The body did not arrive within the timeout (a write whose body arrived is never cut off)."),
                    "413": error("The body is over the limit."),
                    "415": error("A content type that is not read."),
                    "422": error("No article text, a path or URL instead of text, or an input the extractor rejects.")
                }
            }},
            "/api/documents/{id}": {
                "get": {
                    "summary": "One document: clean body, metadata, removed boilerplate, quotes, numbers, relations with their evidence.",
                    "parameters": [id_param("document")],
                    "responses": {"200": ok("The document.", any.clone()), "404": error("No such document.")}
                },
                "delete": {
                    "summary": "Removes one document.",
                    "parameters": [id_param("document")],
                    "responses": {
                        "200": ok("Removed.", any.clone()),
                        "403": error("The server is read-only."),
                        "404": error("No such document.")
                    }
                }
            },
            "/api/query": {"post": {
                "summary": "Where an article would belong (as `samestory index query` answers); nothing is added.",
                "parameters": [query_param("id", "The id of a raw text or HTML body.")],
                "requestBody": article_body(),
                "responses": {
                    "200": ok("Its placement: group, duplicates, relations with evidence, story.", any),
                    "400": error("Malformed JSON, an unknown field, a bad id, date or URL."),
                    "408": error("Past the server's timeout."),
                    "413": error("The body is over the limit."),
                    "415": error("A content type that is not read."),
                    "422": error("No article text, or a path or URL instead of text.")
                }
            }},
            "/api/openapi.json": {"get": {
                "summary": "This document.",
                "responses": {"200": ok("OpenAPI 3.1.", json!({"type": "object"}))}
            }}
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error", "detail"], "properties": {
                "error": {"type": "string", "description": "A stable code."},
                "detail": {"type": "string"}
            }},
            "Health": {"type": "object", "properties": {
                "status": {"type": "string"}, "read_only": {"type": "boolean"},
                "documents": {"type": "integer"}, "stories": {"type": "integer"}
            }},
            "Article": {"type": "object", "additionalProperties": false, "properties": {
                "id": {"type": "string"}, "title": {"type": "string"},
                "text": {"type": "string"}, "html": {"type": "string"},
                "date": {"type": "string", "description": "YYYY-MM-DD or RFC 3339."},
                "url": {"type": "string", "description": "http(s); stored, never fetched."},
                "byline": {"type": "string"}, "outlet": {"type": "string"}
            }},
            "StoryPage": {"type": "object", "properties": {
                "stories": {"type": "array", "items": {"$ref": "#/components/schemas/StorySummary"}},
                "total": {"type": "integer"},
                "next_cursor": {"type": ["string", "null"]}
            }},
            "StorySummary": {"type": "object", "properties": {
                "id": {"type": "string"}, "title": {"type": "string"},
                "first_date": {"type": ["string", "null"]}, "last_date": {"type": ["string", "null"]},
                "documents": {"type": "integer"}, "groups": {"type": "integer"},
                "outlets": {"type": "integer"}, "numbers_disagree": {"type": "boolean"}
            }},
            "Added": {"type": "object", "properties": {
                "id": {"type": "string"},
                "result": {"type": "string", "enum": ["added", "revised", "unchanged"]},
                "group": {"type": ["string", "null"]}, "story": {"type": ["string", "null"]},
                "documents": {"type": "integer"}, "stories": {"type": "integer"}
            }}
        }}
    })
}
