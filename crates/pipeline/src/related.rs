//! The stages every pipeline run shares: read the inputs into a [`Corpus`] (bodies spilled)
//! while the streaming relation engine sketches each batch, then verify candidates from the
//! spilled bodies. Returns documents sorted by id with their groups and relations.

use crate::error::PipelineError;
use crate::facts::{FactsCache, KnownFacts};
use samestory_core::{BodySpill, Config, Document};
use samestory_ingest::corpus::{read_corpus, Corpus, ReadEvents};
use samestory_relate::{Relater, Relations};

/// Documents read and related, with the config that produced them.
pub struct Related {
    /// The configuration.
    pub config: Config,
    /// Documents sorted by id, bodies in the spill store.
    pub corpus: Corpus,
    /// Relations and duplicate groups (`group_of` parallel to `corpus.docs`).
    pub relations: Relations,
    /// Quotes and numbers extracted ahead, while the story stage clustered
    /// ([`cluster_stories_for_run`](crate::cluster_stories_for_run)); the comparison and
    /// the documents' rows take them from here instead of extracting them again.
    pub facts: Option<FactsCache>,
}

/// Reads every input (paths, directories, globs, `-`) while the streaming relation engine
/// sketches it, then relates the documents. Bad inputs go to `events` and are skipped; only
/// the body spill failing stops the run.
pub fn relate_inputs(
    paths: &[String],
    config: Config,
    events: &dyn ReadEvents,
) -> Result<Related, PipelineError> {
    let mut relater = Relater::new(&config.relate);
    let read = read_corpus(paths, &config.ingest, events, |batch| {
        relater.add_batch(batch)
    })?;
    let mut relations = relater.finish(read.docs(), read.bodies())?;
    let (corpus, order) = read.sort_by_id();
    let reorder = |v: &[String]| order.iter().map(|&i| v[i].clone()).collect();
    relations.group_of = reorder(&relations.group_of);
    relations.representative_of = reorder(&relations.representative_of);
    Ok(Related {
        config,
        corpus,
        relations,
        facts: None,
    })
}

/// Documents per batch handed to the relation engine by [`relate_documents`].
const DOCUMENT_BATCH: usize = 1024;

/// Relates documents the caller already holds (an index re-relating what it stores), with
/// bodies: the same engine and the same [`Related`] as [`relate_inputs`] gives for files
/// holding these documents. `docs` must come sorted by id, each id once (a typed error
/// otherwise); an `Err` item stops the run and is returned. Bodies are spilled as they
/// come, so memory holds one batch of text.
pub fn relate_documents<E: From<PipelineError>>(
    config: Config,
    docs: impl IntoIterator<Item = Result<Document, E>>,
) -> Result<Related, E> {
    let mut relater = Relater::new(&config.relate);
    let mut spill = BodySpill::new().map_err(PipelineError::Body)?;
    let mut metas: Vec<Document> = Vec::new();
    let mut batch: Vec<Document> = Vec::with_capacity(DOCUMENT_BATCH);
    for doc in docs {
        let doc = doc?;
        let previous = batch.last().or(metas.last()).map(|d| d.id.as_str());
        if previous.is_some_and(|p| p >= doc.id.as_str()) {
            return Err(PipelineError::Unsorted { id: doc.id }.into());
        }
        batch.push(doc);
        if batch.len() == DOCUMENT_BATCH {
            spill_batch(&mut relater, &mut spill, &mut batch, &mut metas)?;
        }
    }
    spill_batch(&mut relater, &mut spill, &mut batch, &mut metas)?;
    let bodies = spill.finish().map_err(PipelineError::Body)?;
    let relations = relater
        .finish(&metas, &bodies)
        .map_err(PipelineError::Relate)?;
    Ok(Related {
        config,
        corpus: Corpus {
            docs: metas,
            bodies,
        },
        relations,
        facts: None,
    })
}

/// Sketches a batch, moves its bodies to the spill and its metadata to `metas`.
fn spill_batch(
    relater: &mut Relater,
    spill: &mut BodySpill,
    batch: &mut Vec<Document>,
    metas: &mut Vec<Document>,
) -> Result<(), PipelineError> {
    relater.add_batch(batch);
    for mut doc in batch.drain(..) {
        spill.push(&doc.body)?;
        doc.body = String::new();
        metas.push(doc);
    }
    Ok(())
}

/// Reads every input into a [`Corpus`] sorted by id (ingestion only: `samestory extract`).
pub fn read_inputs(
    paths: &[String],
    config: &Config,
    events: &dyn ReadEvents,
) -> Result<Corpus, PipelineError> {
    Ok(read_corpus(paths, &config.ingest, events, |_| {})?
        .sort_by_id()
        .0)
}

impl Related {
    /// The facts extracted ahead ([`Related::facts`]), as a source of known facts.
    pub(crate) fn facts_ahead(&self) -> Option<&dyn KnownFacts> {
        self.facts.as_ref().map(|f| f as &dyn KnownFacts)
    }

    /// Number of distinct duplicate groups.
    pub fn group_count(&self) -> usize {
        let mut groups: Vec<&str> = self.relations.group_of.iter().map(String::as_str).collect();
        groups.sort_unstable();
        groups.dedup();
        groups.len()
    }

    /// Indices (into `corpus.docs`) of each duplicate group's representative.
    pub fn representatives(&self) -> impl Iterator<Item = usize> + '_ {
        let docs = &self.corpus.docs;
        (0..docs.len()).filter(|&i| docs[i].id == self.relations.representative_of[i])
    }
}
