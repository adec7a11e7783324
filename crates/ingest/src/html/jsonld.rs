//! JSON-LD (`<script type="application/ld+json">`) → the article facts we use: headline,
//! datePublished, url, author names, publisher name.
//!
//! Reads top-level arrays and `@graph` lists, prefers an object whose `@type` is an article
//! type (`NewsArticle`, `BlogPosting`, …) and falls back to a `WebPage`; resolves authors given
//! as `{"@id": …}` references against the other objects. Hand-written slips (comments,
//! trailing commas, raw newlines, text after the value) are repaired; other malformed blocks
//! are skipped.

use dom_query::Document;
use serde_json::Value;
use std::collections::HashMap;

/// Article facts found in a page's JSON-LD; every field is `None` / empty when absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LdArticle {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `datePublished` (else `dateCreated`) as written.
    pub date_published: Option<String>,
    /// `dateModified` as written.
    pub date_modified: Option<String>,
    /// Whether the dates come from an article object (not a mere `WebPage`, whose dates are
    /// often the CMS's and shown nowhere).
    pub date_of_article: bool,
    /// `url` (or `mainEntityOfPage` when it is a URL).
    pub url: Option<String>,
    /// Author names in order (persons, and authors given without a type).
    pub authors: Vec<String>,
    /// Authors typed as an organisation (`Organization`, `NewsMediaOrganization`, …).
    pub author_organizations: Vec<String>,
    /// `publisher.name`, else the `WebSite` object's name.
    pub publisher: Option<String>,
}

/// `@type`s that describe an article (schema.org `Article` and its common subtypes).
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
];

/// Reads every JSON-LD block of `doc` and returns the best article object's facts.
pub fn read(doc: &Document) -> LdArticle {
    let mut objects = Vec::new();
    for node in doc.select("script[type*=\"ld+json\"]").nodes() {
        if let Some(value) = parse_block(&node.text()) {
            flatten(value, &mut objects);
        }
    }
    from_objects(&objects)
}

/// Parses one script body, tolerating CDATA wrappers and HTML comment markers around it, and
/// (on a second try) the usual hand-written slips: see [`repair`]; a stray brace or other text
/// after a complete value leaves that value readable.
fn parse_block(text: &str) -> Option<Value> {
    let trimmed = unwrap_block(text);
    serde_json::from_str(trimmed).ok().or_else(|| {
        let repaired = repair(trimmed);
        serde_json::from_str(&repaired)
            .ok()
            .or_else(|| first_value(&repaired))
    })
}

/// The first complete JSON value at the start of `text`, whatever follows it.
fn first_value(text: &str) -> Option<Value> {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .next()?
        .ok()
}

fn unwrap_block(text: &str) -> &str {
    text.trim()
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
}

/// Fixes what breaks hand-written JSON-LD: raw newlines and tabs inside strings, `//` and
/// `/* */` comments, and trailing commas before `]` or `}`.
pub fn repair(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            in_string = push_string_char(&mut out, c, &mut chars);
        } else if c == '/' && matches!(chars.peek(), Some('/' | '*')) {
            skip_comment(&mut chars);
        } else if c == ']' || c == '}' {
            drop_trailing_comma(&mut out);
            out.push(c);
        } else {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// Pushes one character of a string literal; returns whether the string goes on.
fn push_string_char(
    out: &mut String,
    c: char,
    chars: &mut std::iter::Peekable<std::str::Chars>,
) -> bool {
    match c {
        '\\' => {
            out.push(c);
            out.extend(chars.next());
            true
        }
        '"' => {
            out.push(c);
            false
        }
        c if c.is_control() => {
            out.push(' ');
            true
        }
        c => {
            out.push(c);
            true
        }
    }
}

fn skip_comment(chars: &mut std::iter::Peekable<std::str::Chars>) {
    let block = chars.next() == Some('*');
    let mut prev = ' ';
    for c in chars.by_ref() {
        if (!block && c == '\n') || (block && prev == '*' && c == '/') {
            break;
        }
        prev = c;
    }
}

fn drop_trailing_comma(out: &mut String) {
    let kept = out.trim_end().len();
    if out[..kept].ends_with(',') {
        out.truncate(kept - 1);
    }
}

/// Collects the objects of a JSON-LD value: arrays and `@graph` lists are opened.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// Picks the article object (else a web page) and reads its facts.
pub fn from_objects(objects: &[Value]) -> LdArticle {
    let names = names_by_id(objects);
    let article = objects
        .iter()
        .find(|o| has_type(o, ARTICLE_TYPES))
        .or_else(|| objects.iter().find(|o| has_type(o, &["WebPage"])));
    let mut facts = article.map(|a| facts_of(a, &names)).unwrap_or_default();
    if facts.publisher.is_none() {
        facts.publisher = objects
            .iter()
            .find(|o| has_type(o, &["WebSite"]))
            .and_then(|o| string_at(o, "name"));
    }
    facts
}

fn facts_of(article: &Value, names: &HashMap<String, String>) -> LdArticle {
    LdArticle {
        headline: string_at(article, "headline").or_else(|| string_at(article, "name")),
        date_published: string_at(article, "datePublished")
            .or_else(|| string_at(article, "dateCreated")),
        date_modified: string_at(article, "dateModified"),
        date_of_article: has_type(article, ARTICLE_TYPES),
        url: string_at(article, "url").or_else(|| string_at(article, "mainEntityOfPage")),
        authors: authors_of(article, names, false),
        author_organizations: authors_of(article, names, true),
        publisher: article
            .get("publisher")
            .and_then(|p| person_names(p, names).into_iter().next()),
    }
}

/// `@id` → `name` for every object that has both (authors are often given by reference).
/// Organisation objects are also entered under [`ORGANISATION_MARK`] + their `@id`.
fn names_by_id(objects: &[Value]) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for object in objects {
        let (Some(id), Some(name)) = (string_at(object, "@id"), string_at(object, "name")) else {
            continue;
        };
        if has_type(object, ORGANISATION_TYPES) {
            names.insert(format!("{ORGANISATION_MARK}{id}"), name.clone());
        }
        names.insert(id, name);
    }
    names
}

/// Names in an author / publisher value: a string, an object with `name` or `@id`, or a list.
fn person_names(value: &Value, names: &HashMap<String, String>) -> Vec<String> {
    match value {
        Value::String(s) => clean(s).into_iter().collect(),
        Value::Array(items) => items.iter().flat_map(|v| person_names(v, names)).collect(),
        Value::Object(_) => string_at(value, "name")
            .or_else(|| string_at(value, "@id").and_then(|id| names.get(&id).cloned()))
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

/// The names of the article's `author` (also `creator`) values that are (`organisations`) or
/// are not organisations; a value given by `@id` reference takes the referenced object's type.
fn authors_of(
    article: &Value,
    names: &HashMap<String, String>,
    organisations: bool,
) -> Vec<String> {
    let mut values = Vec::new();
    for key in ["author", "creator"] {
        match article.get(key) {
            Some(Value::Array(items)) => values.extend(items.iter()),
            Some(value) => values.push(value),
            None => {}
        }
        if !values.is_empty() {
            break;
        }
    }
    values
        .into_iter()
        .filter(|v| is_organisation(v, names) == organisations)
        .flat_map(|v| person_names(v, names))
        .collect()
}

/// Types of an author that is no person.
const ORGANISATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "EducationalOrganization",
    "GovernmentOrganization",
    "LocalBusiness",
    "WebSite",
    "Brand",
];

/// True for an organisation author, typed inline or by the object its `@id` names.
fn is_organisation(value: &Value, names: &HashMap<String, String>) -> bool {
    has_type(value, ORGANISATION_TYPES)
        || string_at(value, "@id")
            .is_some_and(|id| names.contains_key(&format!("{ORGANISATION_MARK}{id}")))
}

/// Prefix of the `@id` keys of organisation objects in the id → name map.
const ORGANISATION_MARK: &str = "organisation:";

/// True when the object's `@type` (a string or a list) is one of `types`.
fn has_type(object: &Value, types: &[&str]) -> bool {
    match object.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// The string at `key`, following one level of `{"@id"|"name"|"url": …}` or a one-item list;
/// whitespace collapsed, `None` when empty.
fn string_at(object: &Value, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => clean(s),
        Value::Array(items) => items.first().and_then(Value::as_str).and_then(clean),
        Value::Object(inner) => ["@id", "url"]
            .iter()
            .find_map(|k| inner.get(*k).and_then(Value::as_str))
            .and_then(clean),
        _ => None,
    }
}

/// Collapses whitespace; `None` for an empty string.
fn clean(s: &str) -> Option<String> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}
