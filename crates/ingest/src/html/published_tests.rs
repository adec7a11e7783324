//! Tests of the publication time of HTML pages (`published`): each date source with a time
//! and an offset, date-only and offset-less values (none), and a time whose day is not the
//! page's date (none once assembled).

use super::extract;
use crate::assemble::{assemble, Record};
use samestory_core::{Document, Format, IngestConfig};

const BODY: &str = "<article><p>The harbour council voted on Tuesday to rebuild the old pier, \
    ending a long dispute among the town's fishermen and boat owners.</p></article>";

/// The assembled document of a page with `head` and `extra` body markup.
fn doc(head: &str, extra: &str) -> Document {
    let html = format!("<!doctype html><html><head>{head}</head><body>{extra}{BODY}</body></html>");
    let cfg = IngestConfig::default();
    let record = Record {
        id: "p".into(),
        source: "p.html".into(),
        format: Format::Html,
    };
    assemble(record, extract(&html, &cfg), &cfg)
}

fn ld(date: &str) -> String {
    format!(
        r#"<script type="application/ld+json">{{"@type":"NewsArticle","datePublished":"{date}"}}</script>"#
    )
}

fn meta(property: &str, value: &str) -> String {
    format!(r#"<meta property="{property}" content="{value}">"#)
}

#[test]
fn jsonld_time_keeps_its_offset() {
    let d = doc(&ld("2022-02-15T09:30:00+01:00"), "");
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2022-02-15T09:30:00+01:00")
    );
}

#[test]
fn meta_time_in_utc_is_z_without_fraction() {
    let d = doc(
        &meta("article:published_time", "2022-02-15T08:30:12.250Z"),
        "",
    );
    assert_eq!(d.meta.published.as_deref(), Some("2022-02-15T08:30:12Z"));
    let d = doc(&meta("og:published_time", "2022-02-15T08:30:00+00:00"), "");
    assert_eq!(d.meta.published.as_deref(), Some("2022-02-15T08:30:00Z"));
}

#[test]
fn date_only_or_offsetless_values_give_no_time() {
    let d = doc(&ld("2022-02-15"), "");
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(d.meta.published, None);
    let d = doc(&meta("article:published_time", "2022-02-15T08:30:00"), "");
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(d.meta.published, None);
}

#[test]
fn a_later_source_gives_the_time_when_the_date_source_has_none() {
    let head = format!(
        "{}{}",
        ld("2022-02-15"),
        meta("article:published_time", "2022-02-15T23:10:00-05:00")
    );
    let d = doc(&head, "");
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2022-02-15T23:10:00-05:00")
    );
}

#[test]
fn time_element_marked_as_publication_first() {
    let extra = r#"<time datetime="2022-02-15T07:00:00Z">7:00</time>
        <time pubdate datetime="2022-02-15T06:45:00+02:00">6:45</time>"#;
    let d = doc("", extra);
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2022-02-15T06:45:00+02:00")
    );
}

#[test]
fn a_time_on_another_day_than_the_date_is_dropped() {
    let head = format!(
        "{}{}",
        ld("2022-02-15"),
        meta("article:published_time", "2022-02-16T00:30:00+01:00")
    );
    let d = doc(&head, "");
    assert_eq!(d.meta.date.as_deref(), Some("2022-02-15"));
    assert_eq!(d.meta.published, None);
}

#[test]
fn no_date_means_no_time() {
    let d = doc("<title>t</title>", "");
    assert_eq!((d.meta.date, d.meta.published), (None, None));
}
