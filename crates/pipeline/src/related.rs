//! The stages every pipeline run shares: read the inputs into a [`Corpus`] (bodies spilled)
//! while the streaming relation engine sketches each batch, then verify candidates from the
//! spilled bodies. Returns documents sorted by id with their groups and relations.

use crate::error::PipelineError;
use samestory_core::Config;
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
    })
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
