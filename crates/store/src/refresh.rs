//! The refresh: inside the write transaction that changed the documents, every stored
//! document is related, clustered and compared again by the pipeline — exactly as
//! `samestory run` does it on the same documents — and the derived tables (places,
//! relations, stories, issued story ids) are rewritten from its rows. The state after a
//! batch is therefore the batch run's state on what the index holds, whatever the order
//! documents came in.
//!
//! Must not: change documents or bodies.

use crate::error::{db, StoreError};
use crate::read;
use crate::record::{compress_text, Place};
use crate::tables::{
    BODIES, DOCUMENTS, HEADER, ISSUED_STORIES, PLACES, RELATIONS, RELATIONS_BY_DOCUMENT, STORIES,
};
use redb::{ReadableTable, WriteTransaction};
use samestory_core::Config;
use samestory_pipeline::rows::relation_lines;
use samestory_pipeline::{
    cluster_stories, for_each_run_row, relate_documents, Facts, KnownFacts, Related,
};
use samestory_story::Stories;
use std::collections::HashSet;

/// Re-derives every derived table from the documents `txn` holds. The quotes and numbers of
/// documents not in `changed` are taken from their places when the last refresh extracted
/// them with the same `compare` settings (they depend on the body, its language and those
/// settings only).
pub fn refresh(
    txn: &WriteTransaction,
    config: &Config,
    changed: &HashSet<String>,
    name: &str,
) -> Result<(), StoreError> {
    let mut related = {
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODIES).map_err(db(name))?;
        let docs = read::documents(name, &records, &bodies)?;
        relate_documents(config.clone(), docs).map_err(|e| e.in_index(name))?
    };
    let stories = cluster_stories(&mut related).map_err(|e| StoreError::from(e).in_index(name))?;
    let known = kept_facts(txn, &related, config, changed, name)?;
    clear(txn, name)?;
    write_rows(txn, &related, &stories, &known, name)?;
    write_relations(txn, &related, &stories, name)
}

/// Each document's place as the last refresh wrote it (JSON), by document index: the
/// documents whose facts can be kept.
struct KeptFacts(Vec<Option<Vec<u8>>>);

impl KnownFacts for KeptFacts {
    fn facts(&self, i: usize) -> Option<Facts> {
        let json = self.0.get(i)?.as_deref()?;
        serde_json::from_slice::<Place>(json).ok().map(|p| p.facts)
    }
}

/// The places of unchanged documents, when the last refresh used these `compare` settings
/// (recorded in the header as `facts_config`, rewritten here).
fn kept_facts(
    txn: &WriteTransaction,
    r: &Related,
    config: &Config,
    changed: &HashSet<String>,
    name: &str,
) -> Result<KeptFacts, StoreError> {
    let settings = serde_json::to_vec(&config.compare).unwrap_or_default();
    let mut header = txn.open_table(HEADER).map_err(db(name))?;
    let same = header
        .get("facts_config")
        .map_err(db(name))?
        .is_some_and(|v| v.value() == settings.as_slice());
    header
        .insert("facts_config", settings.as_slice())
        .map_err(db(name))?;
    let places = txn.open_table(PLACES).map_err(db(name))?;
    let mut kept = Vec::with_capacity(r.corpus.docs.len());
    for doc in &r.corpus.docs {
        let keep = same && !changed.contains(&doc.id);
        let place = match keep {
            true => places.get(doc.id.as_str()).map_err(db(name))?,
            false => None,
        };
        kept.push(place.map(|v| v.value().to_vec()));
    }
    Ok(KeptFacts(kept))
}

/// Empties the tables a refresh rewrites (issued story ids are kept: they outlive stories).
fn clear(txn: &WriteTransaction, name: &str) -> Result<(), StoreError> {
    txn.delete_table(PLACES).map_err(db(name))?;
    txn.delete_table(STORIES).map_err(db(name))?;
    txn.delete_table(RELATIONS).map_err(db(name))?;
    txn.delete_multimap_table(RELATIONS_BY_DOCUMENT)
        .map_err(db(name))?;
    Ok(())
}

/// Writes each story's line and members, and each document's place.
fn write_rows(
    txn: &WriteTransaction,
    r: &Related,
    stories: &Stories,
    known: &KeptFacts,
    name: &str,
) -> Result<(), StoreError> {
    let mut story_lines = txn.open_table(STORIES).map_err(db(name))?;
    let mut issued = txn.open_table(ISSUED_STORIES).map_err(db(name))?;
    let mut places = txn.open_table(PLACES).map_err(db(name))?;
    for_each_run_row(
        r,
        stories,
        Some(known),
        |story, row| {
            let line =
                serde_json::to_string(&row).map_err(samestory_pipeline::PipelineError::from)?;
            let members = serde_json::to_vec(&story.documents)
                .map_err(samestory_pipeline::PipelineError::from)?;
            let line = compress_text(&line).map_err(|e| db(name)(redb::Error::Io(e)))?;
            story_lines
                .insert(story.story.as_str(), line.as_slice())
                .map_err(db(name))?;
            issued
                .insert(story.story.as_str(), members.as_slice())
                .map_err(db(name))?;
            Ok::<(), StoreError>(())
        },
        |i, _body, facts| {
            let place = Place {
                group: r.relations.group_of[i].clone(),
                story: stories.story_of[i].clone(),
                facts: facts.cloned().unwrap_or_default(),
            };
            let json =
                serde_json::to_vec(&place).map_err(samestory_pipeline::PipelineError::from)?;
            places
                .insert(r.corpus.docs[i].id.as_str(), json.as_slice())
                .map_err(db(name))?;
            Ok(())
        },
    )
    .map_err(|e| e.in_index(name))
}

/// Writes relations.jsonl's lines and, per document, the lines it is an end of.
fn write_relations(
    txn: &WriteTransaction,
    r: &Related,
    stories: &Stories,
    name: &str,
) -> Result<(), StoreError> {
    let lines = relation_lines(&r.relations.relations, stories.pairs())
        .map_err(|e| StoreError::from(samestory_pipeline::PipelineError::from(e)).in_index(name))?;
    let mut table = txn.open_table(RELATIONS).map_err(db(name))?;
    let mut by_doc = txn
        .open_multimap_table(RELATIONS_BY_DOCUMENT)
        .map_err(db(name))?;
    for (k, line) in lines.iter().enumerate() {
        let k = k as u64;
        table.insert(k, line.as_str()).map_err(db(name))?;
        let ends = read::relation_ends(line)
            .map_err(|e| read::damaged(name, "relations", &k.to_string(), e))?;
        by_doc.insert(ends.a.as_str(), k).map_err(db(name))?;
        by_doc.insert(ends.b.as_str(), k).map_err(db(name))?;
    }
    Ok(())
}
