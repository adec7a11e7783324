//! The region a change reaches: the documents whose relations, groups, stories or
//! comparisons a batch can change. Every relation and every same-story link joins two
//! documents of one story, so a story is closed: nothing outside the stories a batch
//! touches can gain or lose a relation. The region is the changed documents and every
//! member of the stories they touch — the ones they were in (a revision, a removal), the
//! ones their candidates are in (stored documents sharing the exact key, an LSH band, a
//! URL or fingerprints: what they may duplicate or reprint), and the ones of stored
//! documents sharing their title and lead words (what they may join by content).
//!
//! Must not: write; the refresh re-derives the region and rewrites its rows.

use crate::error::{db, StoreError};
use crate::read;
use crate::sketches::{candidates, open_postings, term_candidates, url_key, ReadPostings};
use crate::tables::{BODY_PIECES, DOCUMENTS, ISSUED_STORIES, PLACES};
use crate::terms::story_terms;
use rayon::prelude::*;
use redb::{ReadTransaction, ReadableTable, WriteTransaction};
use samestory_core::{Config, Document};
use samestory_relate::features::Sketcher;
use std::collections::BTreeSet;

/// Stored documents a changed one is checked against for relations, at most (their
/// stories come whole, so a big story needs only a few of its members here).
const RELATION_CANDIDATES: usize = 16;

/// The ids (sorted) a change reaches: the stored documents of `changed` (added or
/// revised) and every stored member of the stories that `changed` and `removed` were in
/// or may join. `before` is a snapshot of the index as the change found it (the write
/// transaction `txn` started from it): the candidates of the changed documents are looked
/// up there, in parallel — the changed documents are in the region anyway.
pub fn affected(
    txn: &WriteTransaction,
    before: &ReadTransaction,
    config: &Config,
    (changed, removed): (&BTreeSet<String>, &[String]),
    name: &str,
) -> Result<Vec<String>, StoreError> {
    let docs: Vec<Document> = {
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        changed
            .iter()
            .map(|id| read::document(name, &records, &bodies, id))
            .collect::<Result<_, _>>()?
    };
    let postings = open_postings!(before, name);
    let found: Vec<Vec<String>> = docs
        .par_iter()
        .map_init(
            || Sketcher::new(&config.relate),
            |sketcher, doc| reached_by(&postings, sketcher, doc, config, name),
        )
        .collect::<Result<_, _>>()?;
    let places = before.open_table(PLACES).map_err(db(name))?;
    let mut stories: BTreeSet<String> = BTreeSet::new();
    let mut region: BTreeSet<String> = changed.iter().cloned().collect();
    let reached = removed.iter().chain(changed).chain(found.iter().flatten());
    for id in reached {
        match places.get(id.as_str()).map_err(db(name))? {
            Some(place) => {
                stories.insert(story_of(name, id, place.value())?);
            }
            None => {
                region.insert(id.clone());
            }
        }
    }
    let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
    let issued = txn.open_table(ISSUED_STORIES).map_err(db(name))?;
    for story in &stories {
        let Some(members) = issued.get(story.as_str()).map_err(db(name))? else {
            continue;
        };
        let members = crate::encode::members_from_bytes(story, members.value())
            .map_err(|e| read::damaged(name, "issued_stories", story, e))?;
        region.extend(members);
    }
    let mut out = Vec::with_capacity(region.len());
    for id in region {
        if records.get(id.as_str()).map_err(db(name))?.is_some() {
            out.push(id);
        }
    }
    Ok(out)
}

/// The stored documents `doc` may relate to (its candidates in the postings) or join by
/// content (the ones sharing most title and lead words).
fn reached_by(
    postings: &ReadPostings,
    sketcher: &mut Sketcher,
    doc: &Document,
    config: &Config,
    name: &str,
) -> Result<Vec<String>, StoreError> {
    let sketch = sketcher.sketch(&doc.body);
    let keys = (&sketch, url_key(doc.meta.url.as_deref()));
    let limit = RELATION_CANDIDATES;
    let mut out = candidates(postings, keys, &config.relate, &doc.id, limit, name)?;
    out.extend(term_candidates(postings, &story_terms(doc), name)?);
    Ok(out)
}

/// The story of a stored place (the rest of it unread).
pub fn story_of(name: &str, id: &str, place: &[u8]) -> Result<String, StoreError> {
    crate::record::Place::story_from_bytes(id, place)
        .map_err(|e| read::damaged(name, "places", id, e))
}
