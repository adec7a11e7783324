//! The seeds (`../shared/seeds`): all five documents are one story. The seeds are read at
//! test time through ingestion; when they are missing the test skips, unless `CI` is set.

use samestory_core::{Config, Document};
use samestory_ingest::{collect_inputs, read_file};
use std::path::{Path, PathBuf};

fn seeds_dir() -> Option<PathBuf> {
    samestory_testkit::seeds_dir()
}

fn read_seeds(dir: &Path) -> Vec<Document> {
    let (files, errors) = collect_inputs(&[dir.to_str().expect("utf-8 path")]);
    assert!(errors.is_empty(), "{errors:?}");
    let cfg = Config::default();
    let txt = files.iter().filter(|f| f.id.ends_with(".txt"));
    txt.flat_map(|f| read_file(f, &cfg.ingest).documents)
        .collect()
}

#[test]
fn seeds_are_one_story() {
    let Some(dir) = seeds_dir() else { return };
    let docs = read_seeds(&dir);
    assert_eq!(docs.len(), 5);
    // Duplicate groups as the relation engine gives them (000 and 001 are one article) and
    // its reprint link 000–004: the story stage must put all five in one story anyway.
    let groups: Vec<String> = ["000", "000", "002", "003", "004"]
        .iter()
        .zip(&docs)
        .map(|(g, d)| {
            if *g == "000" {
                docs[0].id.clone()
            } else {
                d.id.clone()
            }
        })
        .collect();
    let out = samestory_story::stories(&docs, &groups, &[(0, 4)], &Config::default().story)
        .expect("consistent input");
    assert_eq!(out.stories.len(), 1, "{:#?}", out.stories);
    assert!(out.story_of.iter().all(|s| s == &docs[0].id));
    let story = &out.stories[0];
    assert_eq!(story.documents.len(), 5);
    assert_eq!(story.groups.len(), 4);
    assert_eq!(story.first_date.as_deref(), Some("2022-02-15"));
    assert!(
        story
            .why
            .iter()
            .all(|w| w.score > 0.0 && !w.shared.is_empty()),
        "{:#?}",
        story.why
    );
}

#[test]
fn seeds_without_relation_evidence_are_still_one_story() {
    let Some(dir) = seeds_dir() else { return };
    let docs = read_seeds(&dir);
    let groups: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    let out = samestory_story::stories(&docs, &groups, &[], &Config::default().story).unwrap();
    assert_eq!(out.stories.len(), 1, "{:#?}", out.stories);
    assert_eq!(out.pairs().len(), 10);
}
