//! `index query`: where new articles would belong, without adding them; nothing is written.
//! Each new article gets what it duplicates, the relations it would be an end of (reprints
//! in either direction, near-duplicates, same-story links, each with its evidence) and the
//! story it would join.
//!
//! Two ways: [`Index::query`] sketches the article, looks its candidates up in the stored
//! postings (`sketches`) and has the relation engine verify it against those only — cost
//! independent of the index's size; the story is the one its duplicates and reprints are
//! in. [`Index::query_exact`] relates and clusters it with every stored document, exactly
//! as an add would (same-story links by content included), at the cost of a batch run.
//!
//! Must not: write to the index.

use crate::error::{db, StoreError};
use crate::read;
use crate::record::decompress_text;
use crate::sketches::{candidates, open_postings, term_candidates, url_key, ReadPostings};
use crate::tables::{BODY_PIECES, DOCUMENTS, PLACES, STORIES};
use crate::terms::story_terms;
use crate::Index;
use redb::{ReadOnlyTable, ReadTransaction, ReadableDatabase, ReadableTable};
use samestory_core::round4;
use samestory_core::Document;
use samestory_pipeline::rows::relation_lines;
use samestory_pipeline::{cluster_stories, relate_documents};
use samestory_relate::features::Sketcher;
use samestory_relate::Relation;
use samestory_story::{scores_against, PairDoc, SameStoryPair};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Where one queried article would belong.
#[derive(Clone, Debug, Serialize)]
pub struct Placement {
    /// The article's id.
    pub id: String,
    /// Its title, when it has one.
    pub title: Option<String>,
    /// The duplicate group it would be in (the smallest member id).
    pub group: String,
    /// The stored documents in that group: what it duplicates.
    pub duplicates: Vec<String>,
    /// The relations it would be an end of, as relations.jsonl writes them (evidence
    /// included: scores, passages, why, original).
    pub relations: Vec<Box<RawValue>>,
    /// The story it would be in.
    pub story: StoryPlacement,
    /// How many stored documents were verified against it (`None`: all of them, by
    /// [`Index::query_exact`]).
    pub verified: Option<usize>,
}

/// The story a queried article would be in.
#[derive(Clone, Debug, Serialize)]
pub struct StoryPlacement {
    /// The story's id once it is added (the smallest member id).
    pub id: String,
    /// The stored story it joins (the one holding most of its other members), or `None`
    /// when it would start a story of its own.
    pub joins: Option<String>,
    /// That story's title.
    pub title: Option<String>,
    /// Every member once it is added, the article included.
    pub documents: Vec<String>,
}

/// The tables a query reads, opened once per query call.
struct QueryTables {
    postings: ReadPostings,
    records: ReadOnlyTable<&'static str, &'static [u8]>,
    bodies: ReadOnlyTable<(&'static str, u16), &'static [u8]>,
    places: ReadOnlyTable<&'static str, &'static [u8]>,
    stories: ReadOnlyTable<(&'static str, u16), &'static [u8]>,
}

impl QueryTables {
    fn open(txn: &ReadTransaction, name: &str) -> Result<Self, StoreError> {
        Ok(QueryTables {
            postings: open_postings!(txn, name),
            records: txn.open_table(DOCUMENTS).map_err(db(name))?,
            bodies: txn.open_table(BODY_PIECES).map_err(db(name))?,
            places: txn.open_table(PLACES).map_err(db(name))?,
            stories: txn.open_table(STORIES).map_err(db(name))?,
        })
    }
}

/// What the relation engine found for one queried article among its candidates.
struct Related {
    /// Its relations (with evidence), as relations.jsonl writes them.
    relations: Vec<Box<RawValue>>,
    /// The documents joined to its group.
    duplicates: Vec<String>,
    /// Its group id once added.
    group: String,
    /// The stored stories of the documents it relates to, counted.
    stories: BTreeMap<String, usize>,
}

impl Index {
    /// Where each of `docs` (with bodies) would belong, from the stored postings: up to
    /// [`QUERY_CANDIDATES`] stored documents sharing its exact key, an LSH band or
    /// fingerprints are verified against it by the relation engine. The story is the stored
    /// one its related documents are in (most of them; then the smallest id); an article
    /// that duplicates or reprints nothing is scored against the stored documents sharing
    /// its title and lead words (`by_content`). [`Index::query_exact`] relates it with
    /// every stored document instead.
    pub fn query(&self, mut docs: Vec<Document>) -> Result<Vec<Placement>, StoreError> {
        let name = self.name.as_str();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        docs.dedup_by(|a, b| a.id == b.id);
        let txn = self.db.begin_read().map_err(db(name))?;
        let tables = QueryTables::open(&txn, name)?;
        let mut sketcher = Sketcher::new(&self.config.relate);
        docs.into_iter()
            .map(|doc| self.place_one(&tables, &mut sketcher, doc))
            .collect()
    }

    /// The placement of one article.
    fn place_one(
        &self,
        t: &QueryTables,
        sketcher: &mut Sketcher,
        doc: Document,
    ) -> Result<Placement, StoreError> {
        let name = self.name.as_str();
        let sketch = sketcher.sketch(&doc.body);
        let cfg = &self.config.relate;
        let keys = (&sketch, url_key(doc.meta.url.as_deref()));
        let ids = candidates(&t.postings, keys, cfg, &doc.id, QUERY_CANDIDATES, name)?;
        let (id, title) = (doc.id.clone(), doc.meta.title.clone());
        let (pair, terms) = (pair_doc(&doc), story_terms(&doc));
        let mut found = self.relate_candidates(t, doc, &ids)?;
        let joins = match majority(std::mem::take(&mut found.stories)) {
            Some(story) => Some(story),
            None => self.by_content(t, (&pair, &terms))?.map(|(story, line)| {
                found.relations.extend(RawValue::from_string(line).ok());
                story
            }),
        };
        let (story_title, mut members) = match &joins {
            Some(story) => story_of(&t.stories, story, name)?,
            None => (None, Vec::new()),
        };
        members.push(id.clone());
        members.sort();
        members.dedup();
        Ok(Placement {
            id,
            title,
            group: found.group,
            duplicates: found.duplicates,
            relations: found.relations,
            story: StoryPlacement {
                id: members[0].clone(),
                joins,
                title: story_title,
                documents: members,
            },
            verified: Some(ids.len()),
        })
    }

    /// Relates `doc` with the stored documents `ids` (the relation engine on that small
    /// set) and reads where the ones it relates to are.
    fn relate_candidates(
        &self,
        t: &QueryTables,
        doc: Document,
        ids: &[String],
    ) -> Result<Related, StoreError> {
        let name = self.name.as_str();
        let id = doc.id.clone();
        let mut set = Vec::with_capacity(ids.len() + 1);
        for other in ids {
            set.push(read::document(name, &t.records, &t.bodies, other)?);
        }
        set.push(doc);
        set.sort_by(|a, b| a.id.cmp(&b.id));
        let found = samestory_relate::relate(&set, &self.config.relate);
        let mine: Vec<&Relation> = found
            .relations
            .iter()
            .filter(|r| r.a == id || r.b == id)
            .collect();
        let mut out = Related {
            relations: Vec::new(),
            duplicates: Vec::new(),
            group: id.clone(),
            stories: BTreeMap::new(),
        };
        for r in mine {
            let other = if r.a == id { &r.b } else { &r.a };
            if r.kind.joins_group() {
                out.duplicates.push(other.clone());
            }
            if let Some(v) = t.places.get(other.as_str()).map_err(db(name))? {
                let place = read::place(name, other, v.value())?;
                if r.kind.joins_group() && place.group < out.group {
                    out.group = place.group;
                }
                *out.stories.entry(place.story).or_default() += 1;
            }
            let line = serde_json::to_string(r).ok();
            out.relations
                .extend(line.and_then(|l| RawValue::from_string(l).ok()));
        }
        Ok(out)
    }

    /// Where each of `docs` (with bodies; ids unique) would belong if added now, exactly:
    /// the stored documents and these are related and clustered together as an add would
    /// do it (the cost of a batch run over the index). A new article with the id of a
    /// stored one is placed as its next revision would be.
    pub fn query_exact(&self, mut docs: Vec<Document>) -> Result<Vec<Placement>, StoreError> {
        let name = self.name.as_str();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        docs.dedup_by(|a, b| a.id == b.id);
        let txn = self.db.begin_read().map_err(db(name))?;
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        let places = txn.open_table(PLACES).map_err(db(name))?;
        let stored = read::documents(name, &records, &bodies)?;
        let asked: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
        let merged = merge_by_id(stored, docs);
        let mut related =
            relate_documents(self.config.clone(), merged).map_err(|e| e.in_index(name))?;
        let stories =
            cluster_stories(&mut related).map_err(|e| StoreError::from(e).in_index(name))?;
        let lines = relation_lines(&related.relations.relations, stories.pairs())
            .map_err(|e| StoreError::from(samestory_pipeline::PipelineError::from(e)))?;
        let relations = relations_of(&lines, &asked);
        let ids: Vec<&str> = related.corpus.docs.iter().map(|d| d.id.as_str()).collect();
        let mut out = Vec::with_capacity(asked.len());
        for (id, relations) in asked.iter().zip(relations) {
            let Ok(i) = ids.binary_search(&id.as_str()) else {
                continue;
            };
            let group = related.relations.group_of[i].clone();
            let duplicates = (0..ids.len())
                .filter(|&j| j != i && related.relations.group_of[j] == group)
                .map(|j| ids[j].to_string())
                .collect();
            let story_id = &stories.story_of[i];
            let story = stories
                .stories
                .binary_search_by(|s| s.story.as_str().cmp(story_id))
                .ok()
                .map(|k| &stories.stories[k]);
            let members = story.map(|s| s.documents.clone()).unwrap_or_default();
            let others = members.iter().filter(|m| asked.binary_search(m).is_err());
            let mut joins = BTreeMap::<String, usize>::new();
            for other in others {
                if let Some(v) = places.get(other.as_str()).map_err(db(name))? {
                    *joins
                        .entry(read::place(name, other, v.value())?.story)
                        .or_default() += 1;
                }
            }
            let joins = majority(joins);
            out.push(Placement {
                id: id.clone(),
                title: related.corpus.docs[i].meta.title.clone(),
                group,
                duplicates,
                relations,
                story: StoryPlacement {
                    id: story_id.clone(),
                    joins,
                    title: story.and_then(|s| s.title.clone()),
                    documents: members,
                },
                verified: None,
            });
        }
        Ok(out)
    }
}

impl Index {
    /// The stored story an article that copies nothing would join by content: stored
    /// documents sharing its title and lead words (`terms`) are scored against it with
    /// `pair_score` (`scores_against`), and the best at or above `story.join_threshold` names the story. Returns
    /// the story and the `same_story` relations.jsonl line that is its evidence.
    fn by_content(
        &self,
        t: &QueryTables,
        (query, terms): (&PairDoc, &[u32]),
    ) -> Result<Option<(String, String)>, StoreError> {
        let name = self.name.as_str();
        let id = query.id.as_deref().unwrap_or("");
        let found = term_candidates(&t.postings, terms, name)?;
        let mut docs = Vec::with_capacity(found.len());
        for other in found.iter().filter(|o| o.as_str() != id) {
            docs.push(pair_doc(&read::document(
                name, &t.records, &t.bodies, other,
            )?));
        }
        let scores = scores_against(query, &docs, &self.config.story);
        let mut best: Option<(f32, &PairDoc)> = None;
        for (doc, &score) in docs.iter().zip(&scores) {
            if score >= self.config.story.join_threshold && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, doc));
            }
        }
        let Some((score, doc)) = best else {
            return Ok(None);
        };
        let other = doc.id.clone().unwrap_or_default();
        let Some(place) = t.places.get(other.as_str()).map_err(db(name))? else {
            return Ok(None);
        };
        let story = read::place(name, &other, place.value())?.story;
        let (a, b) = if id < other.as_str() {
            (id, other.as_str())
        } else {
            (other.as_str(), id)
        };
        let pair = SameStoryPair {
            a: a.to_string(),
            b: b.to_string(),
            kind: "same_story",
            story_score: round4(f64::from(score)),
            why: format!(
                "same story: shares title and lead words with {other} (score {score:.2}; found by the index's term postings)"
            ),
        };
        let line = relation_lines(&[], [pair])
            .map_err(|e| StoreError::from(samestory_pipeline::PipelineError::from(e)))?;
        Ok(line.into_iter().next().map(|line| (story, line)))
    }
}

/// The story crate's view of a document.
fn pair_doc(doc: &Document) -> PairDoc {
    PairDoc {
        id: Some(doc.id.clone()),
        title: doc.meta.title.clone(),
        text: doc.body.clone(),
        date: doc.meta.date.clone(),
        url: doc.meta.url.clone(),
    }
}

/// Stored documents verified against one queried article at most.
pub const QUERY_CANDIDATES: usize = 32;

/// The key counted most often (ties: the smallest key).
fn majority(counts: BTreeMap<String, usize>) -> Option<String> {
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(key, _)| key)
}

/// The title and members of stored story `id`, read from its stories.jsonl line.
fn story_of(
    stories: &impl ReadableTable<(&'static str, u16), &'static [u8]>,
    id: &str,
    name: &str,
) -> Result<(Option<String>, Vec<String>), StoreError> {
    #[derive(Deserialize)]
    struct Head {
        title: Option<String>,
        documents: Vec<String>,
    }
    let Some(line) = crate::pieces::read(stories, id, name)? else {
        return Ok((None, Vec::new()));
    };
    let text = decompress_text(&line).map_err(|e| read::damaged(name, "stories", id, e))?;
    let head: Head =
        serde_json::from_str(&text).map_err(|e| read::damaged(name, "stories", id, e))?;
    Ok((head.title, head.documents))
}

/// The stored documents (id order) and the new ones (id order) as one id-ordered stream; a
/// new document replaces the stored one with its id.
fn merge_by_id<E>(
    stored: impl Iterator<Item = Result<Document, E>>,
    new: Vec<Document>,
) -> impl Iterator<Item = Result<Document, E>> {
    let mut stored = stored.peekable();
    let mut new = new.into_iter().peekable();
    std::iter::from_fn(move || {
        let next_new = new.peek().map(|d| d.id.clone());
        match (stored.peek(), next_new) {
            (Some(Ok(s)), Some(n)) if s.id < n => stored.next(),
            (Some(Ok(s)), Some(n)) if s.id == n => {
                stored.next();
                new.next().map(Ok)
            }
            (Some(Err(_)), _) => stored.next(),
            (_, Some(_)) => new.next().map(Ok),
            (_, None) => stored.next(),
        }
    })
}

/// For each asked id (sorted), the relations.jsonl lines it is an end of, as written.
fn relations_of(lines: &[String], asked: &[String]) -> Vec<Vec<Box<RawValue>>> {
    let mut out = vec![Vec::new(); asked.len()];
    for line in lines {
        let Ok(ends) = read::relation_ends(line) else {
            continue;
        };
        for end in [&ends.a, &ends.b] {
            if let Ok(k) = asked.binary_search(end) {
                if let Ok(raw) = RawValue::from_string(line.clone()) {
                    out[k].push(raw);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use samestory_core::Format;

    fn doc(id: &str, body: &str) -> Document {
        Document::new(id, Format::Text, body)
    }

    #[test]
    fn merge_keeps_id_order_and_replaces() {
        let stored = vec![doc("a", "1"), doc("c", "1"), doc("e", "1")];
        let new = vec![doc("b", "2"), doc("c", "2"), doc("f", "2")];
        let merged: Vec<(String, String)> = merge_by_id(stored.into_iter().map(Ok::<_, ()>), new)
            .map(|d| d.map(|d| (d.id, d.body)).unwrap())
            .collect();
        let want = [("a", "1"), ("b", "2"), ("c", "2"), ("e", "1"), ("f", "2")];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(merged, want);
    }
}
