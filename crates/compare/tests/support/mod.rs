//! Test support: the seed documents (`../shared/seeds`) read through ingestion, so tests
//! see the same cleaned bodies `samestory run` does, and their facts with the default
//! settings. `None` (the test skips) when the shared data is missing outside CI.

use samestory_compare::{extract_facts, CompareConfig, Facts};
use samestory_core::{Config, Document};
use samestory_ingest::{collect_inputs, read_file};

/// The five seed documents (the `.txt` files), in id order.
pub fn seed_documents() -> Option<Vec<Document>> {
    let dir = samestory_testkit::seeds_dir()?;
    let (files, errors) = collect_inputs(&[dir.to_str().expect("utf-8 path")]);
    assert!(errors.is_empty(), "{errors:?}");
    let cfg = Config::default();
    let txt = files.iter().filter(|f| f.id.ends_with(".txt"));
    let docs: Vec<Document> = txt
        .flat_map(|f| read_file(f, &cfg.ingest).documents)
        .collect();
    assert_eq!(docs.len(), 5);
    Some(docs)
}

/// Each seed document with its facts (default settings), in id order.
pub fn seed_facts() -> Option<Vec<(Document, Facts)>> {
    let docs = seed_documents()?;
    let config = CompareConfig::default();
    Some(
        docs.into_iter()
            .map(|doc| {
                let facts = extract_facts(&doc.body, doc.meta.lang.as_deref(), &config);
                (doc, facts)
            })
            .collect(),
    )
}
