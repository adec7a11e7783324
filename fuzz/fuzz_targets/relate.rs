//! The relation engine on arbitrary small corpora: never panics; the same rows and groups
//! whatever the input order; every passage inside both bodies; groups a partition named by
//! their smallest member, each with one representative inside it; a duplicate group of n
//! documents written as n − 1 rows.
//!
//! Input: documents separated by 0xFF bytes (at most 16). A document's first byte sets its
//! metadata (a date among three, a URL among two, a wire byline); each later byte is a word
//! from a 24-word vocabulary, or a paragraph break — so documents share runs of words.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{relate, Relations};
use std::collections::{BTreeMap, HashMap};

fn document(i: usize, bytes: &[u8]) -> Document {
    let (head, rest) = bytes.split_first().map_or((0, &[][..]), |(h, r)| (*h, r));
    let mut body = String::new();
    for &b in rest {
        match b % 26 {
            24 => body.push_str(".\n\n"),
            25 => body.push_str(" \"quoted"),
            w => body.push_str(&format!(" w{w}")),
        }
    }
    let mut d = Document::new(format!("d{i:02}"), Format::Text, body);
    d.meta.date = match head % 4 {
        0 => None,
        k => Some(format!("2024-01-0{k}")),
    };
    d.meta.url = (head & 0x10 != 0).then(|| format!("https://example.org/{}", head >> 6));
    d.meta.byline = (head & 0x20 != 0).then(|| "Staff and AFP".to_string());
    d
}

/// Rows and each document's (group, representative), keyed by id.
fn by_id(docs: &[Document], out: &Relations) -> (String, BTreeMap<String, (String, String)>) {
    let rows = serde_json::to_string(&out.relations).unwrap();
    let groups = docs
        .iter()
        .zip(out.group_of.iter().zip(&out.representative_of))
        .map(|(d, (g, r))| (d.id.clone(), (g.clone(), r.clone())))
        .collect();
    (rows, groups)
}

fuzz_target!(|bytes: &[u8]| {
    let docs: Vec<Document> = bytes
        .split(|&b| b == 0xFF)
        .take(16)
        .enumerate()
        .map(|(i, d)| document(i, d))
        .collect();
    let cfg = RelateConfig {
        min_passage_words: 8,
        ..RelateConfig::default()
    };
    let out = relate(&docs, &cfg);
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(by_id(&docs, &out), by_id(&reversed, &relate(&reversed, &cfg)));

    let chars: HashMap<&str, usize> = docs.iter().map(|d| (d.id.as_str(), d.chars())).collect();
    for r in &out.relations {
        assert!(r.a < r.b, "rows are ordered a < b");
        for p in &r.passages {
            assert!(p[0] < p[1] && p[1] <= chars[r.a.as_str()], "{p:?} outside {}", r.a);
            assert!(p[2] < p[3] && p[3] <= chars[r.b.as_str()], "{p:?} outside {}", r.b);
        }
    }
    let mut members: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (d, g) in docs.iter().zip(&out.group_of) {
        members.entry(g.as_str()).or_default().push(d.id.as_str());
    }
    for (g, list) in &members {
        assert_eq!(list.iter().min(), Some(g), "a group is named by its smallest member");
    }
    for (i, r) in out.representative_of.iter().enumerate() {
        assert!(members[out.group_of[i].as_str()].contains(&r.as_str()));
    }
    let joining = out.relations.iter().filter(|r| r.kind.joins_group()).count();
    assert_eq!(joining, docs.len() - members.len(), "a spanning tree per group");
});
