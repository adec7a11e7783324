//! The persistent index on arbitrary text: the input is cut into up to five articles (by form
//! feeds) with ids from their first bytes, added to an in-memory index in two batches (the
//! second re-adding one article changed: a revision), queried with each article, one removed;
//! never panics, a query never changes what the index holds, and the index ends with the
//! documents it was given less the one removed. Odd-length inputs refresh by region (the
//! stories a change reaches), even-length ones in full.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::{Config, Document, Format};
use samestory_store::{InMemoryBackend, IndexBuilder};

fuzz_target!(|text: &str| {
    let docs: Vec<Document> = text
        .split('\u{c}')
        .take(5)
        .enumerate()
        .map(|(k, body)| {
            let mut d = Document::new(format!("doc-{k}"), Format::Text, body);
            d.meta.title = body.lines().next().map(str::to_string);
            d
        })
        .collect();
    let share = if text.len() % 2 == 1 { f64::INFINITY } else { 0.0 };
    let Ok(index) = IndexBuilder::new(Config::default())
        .full_refresh_below(0)
        .full_refresh_share(share)
        .open_backend(InMemoryBackend::new(), "fuzz")
    else {
        return;
    };
    let (first, second) = docs.split_at(docs.len() / 2);
    index.add(first.to_vec(), 1).unwrap();
    let mut second = second.to_vec();
    if let Some(d) = first.first() {
        second.push(Document { body: format!("{} more", d.body), ..d.clone() });
    }
    index.add(second, 2).unwrap();
    let before = index.stats().unwrap();
    for d in &docs {
        let placed = index.query(vec![d.clone()]).unwrap();
        assert_eq!(placed.len(), 1);
        assert!(placed[0].story.documents.contains(&d.id));
    }
    assert_eq!(index.stats().unwrap().documents, before.documents);
    assert_eq!(before.documents as usize, docs.len());
    index.remove(&["doc-0".to_string()]).unwrap();
    assert_eq!(index.stats().unwrap().documents as usize, docs.len() - 1);
});
