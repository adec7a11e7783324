//! Browsing: list order, filters, a cursor that survives changes, and the views.

use super::*;
use crate::IndexBuilder;
use samestory_core::{Config, Document, Format};

const BRIDGE: &str = "Ministers agreed on Tuesday to reopen the Halden bridge after a month of \
    repairs to its northern span, the transport office said. Traffic will resume on Friday.";
const COMET: &str = "Astronomers at the Kestrel observatory reported a faint comet moving \
    through the constellation of Lyra, visible with binoculars before dawn next week.";
const FLOOD: &str = "Flood waters in Westmere rose above the river wall overnight and two \
    hundred homes were evacuated, the county emergency service said on Monday.";

fn doc(id: &str, date: &str, body: &str) -> Document {
    let mut d = Document::new(id, Format::Text, body);
    d.meta.date = Some(date.into());
    d.meta.title = Some(format!("title of {id}"));
    d
}

fn index() -> (tempfile::TempDir, Index) {
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
    (dir, index)
}

fn ids(page: &StoryPage) -> Vec<&str> {
    page.stories.iter().map(|s| s.id.as_str()).collect()
}

#[test]
fn newest_first_with_filters() {
    let (_dir, index) = index();
    let all = index
        .stories(&StoryQuery {
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&all), ["bridge-a", "comet"]);
    assert_eq!(all.stories[0].documents, 2);
    assert_eq!(all.total, 2);
    assert!(all.next.is_none());
    let q = |q: &str| StoryQuery {
        q: Some(q.into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(
        ids(&index.stories(&q("LYRA binoculars")).unwrap()),
        ["comet"]
    );
    assert_eq!(
        ids(&index.stories(&q("title of bridge-b")).unwrap()),
        ["bridge-a"]
    );
    assert!(index.stories(&q("lyra bridge")).unwrap().stories.is_empty());
    let dates = StoryQuery {
        from: Some("2024-02-15".into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(ids(&index.stories(&dates).unwrap()), ["bridge-a"]);
    let dates = StoryQuery {
        to: Some("2024-02-15".into()),
        limit: 10,
        ..Default::default()
    };
    assert_eq!(ids(&index.stories(&dates).unwrap()), ["comet"]);
}

#[test]
fn a_cursor_stays_put_while_stories_come_and_go() {
    let (_dir, index) = index();
    let first = index
        .stories(&StoryQuery {
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ids(&first), ["bridge-a"]);
    let next = first.next.clone().expect("a second page");
    // A newer story arrives before the boundary: the second page is still the comet.
    index.add([doc("flood", "2024-04-01", FLOOD)], 0).unwrap();
    let after = StoryQuery {
        limit: 1,
        after: Some(next),
        ..Default::default()
    };
    let second = index.stories(&after).unwrap();
    assert_eq!(ids(&second), ["comet"]);
    assert!(second.next.is_none());
}

#[test]
fn views_hold_rows_and_relations() {
    let (_dir, index) = index();
    let story = index.story_view("bridge-a").unwrap().expect("a story");
    assert_eq!(story.documents.len(), 2);
    assert!(!story.relations.is_empty());
    assert!(story
        .relations
        .iter()
        .all(|r| r.contains("bridge-a") && r.contains("bridge-b")));
    let line: serde_json::Value = serde_json::from_str(&story.line).unwrap();
    assert_eq!(line["story"], "bridge-a");
    assert!(index.story_view("bridge-b").unwrap().is_none());
    let doc = index
        .document_view("bridge-b")
        .unwrap()
        .expect("a document");
    let row: serde_json::Value = serde_json::from_str(&doc.row).unwrap();
    assert_eq!(row["body"], BRIDGE);
    assert_eq!(row["group"], "bridge-a");
    assert_eq!(doc.relations, story.relations);
    assert_eq!(doc.revision, 1);
    assert!(index.document_view("nope").unwrap().is_none());
    let comet = index.document_view("comet").unwrap().unwrap();
    assert!(comet.relations.is_empty());
}
