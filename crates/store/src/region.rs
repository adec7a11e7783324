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
use crate::sketches::{candidates, open_postings, term_candidates, url_key};
use crate::tables::{BODIES, DOCUMENTS, ISSUED_STORIES, PLACES};
use crate::terms::story_terms;
use redb::{ReadableTable, WriteTransaction};
use samestory_core::Config;
use samestory_relate::features::Sketcher;
use serde::Deserialize;
use std::collections::BTreeSet;

/// Stored documents a changed one is checked against for relations, at most (their
/// stories come whole, so a big story needs only a few of its members here).
const RELATION_CANDIDATES: usize = 32;

/// Stored documents sharing title and lead words whose stories join the region, at most
/// (a query names the story of the best of 4: as many as it scores).
const STORY_CANDIDATES: usize = 4;

/// Story terms a stored document must share with a changed one to bring its story in.
const TERMS_SHARED: u32 = 2;

/// A story term posted for more documents than this is too common to find a story by.
const TERM_BUCKET: usize = 300;

/// The ids (sorted) a change reaches: the stored documents of `changed` (added or
/// revised) and every stored member of the stories that `changed` and `removed` were in
/// or may join.
pub fn affected(
    txn: &WriteTransaction,
    config: &Config,
    changed: &BTreeSet<String>,
    removed: &[String],
    name: &str,
) -> Result<Vec<String>, StoreError> {
    let places = txn.open_table(PLACES).map_err(db(name))?;
    let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
    let bodies = txn.open_table(BODIES).map_err(db(name))?;
    let postings = open_postings!(txn, name);
    let mut region: BTreeSet<String> = BTreeSet::new();
    let mut stories: BTreeSet<String> = BTreeSet::new();
    let mut visit = |id: &str, region: &mut BTreeSet<String>| -> Result<(), StoreError> {
        match places.get(id).map_err(db(name))? {
            Some(place) => {
                stories.insert(story_of(name, id, place.value())?);
            }
            None if records.get(id).map_err(db(name))?.is_some() => {
                region.insert(id.to_string());
            }
            None => {}
        }
        Ok(())
    };
    for id in removed {
        visit(id, &mut region)?;
    }
    let mut sketcher = Sketcher::new(&config.relate);
    for id in changed {
        visit(id, &mut region)?;
        let doc = read::document(name, &records, &bodies, id)?;
        let sketch = sketcher.sketch(&doc.body);
        let keys = (&sketch, url_key(doc.meta.url.as_deref()));
        let related = candidates(
            &postings,
            keys,
            &config.relate,
            id,
            RELATION_CANDIDATES,
            name,
        )?;
        let limits = (TERMS_SHARED, TERM_BUCKET, STORY_CANDIDATES);
        let similar = term_candidates(&postings, &story_terms(&doc), limits, name)?;
        for other in related.iter().chain(&similar) {
            visit(other, &mut region)?;
        }
        region.insert(id.clone());
    }
    let issued = txn.open_table(ISSUED_STORIES).map_err(db(name))?;
    for story in &stories {
        let Some(members) = issued.get(story.as_str()).map_err(db(name))? else {
            continue;
        };
        let members: Vec<String> = serde_json::from_slice(members.value())
            .map_err(|e| read::damaged(name, "issued_stories", story, e))?;
        for member in members {
            if records.get(member.as_str()).map_err(db(name))?.is_some() {
                region.insert(member);
            }
        }
    }
    Ok(region.into_iter().collect())
}

/// The story of a stored place (the rest of it unread).
pub fn story_of(name: &str, id: &str, place: &[u8]) -> Result<String, StoreError> {
    #[derive(Deserialize)]
    struct StoryOnly {
        story: String,
    }
    serde_json::from_slice::<StoryOnly>(place)
        .map(|p| p.story)
        .map_err(|e| read::damaged(name, "places", id, e))
}
