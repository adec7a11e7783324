//! Reads all inputs into a [`Corpus`]: expands paths, reads files in parallel chunks
//! (rayon), reports every bad file or record once, drops duplicate ids, hands each chunk's
//! documents to the caller (the relation engine sketches them) and spills their bodies to a
//! temporary file. Memory holds metadata, not text (a single input file is still read whole).

use crate::report;
use crate::spill::{BodySpill, BodyStore};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use samestory_core::{Document, IngestConfig};
use samestory_ingest::{collect_inputs, read_file, FileOutcome, IdSet, InputFile};

/// Files read in parallel per chunk.
const FILES_PER_CHUNK: usize = 64;

/// Every document read, sorted by id, with its body in the spill store.
pub struct Corpus {
    /// Documents sorted by id; `body` is empty (see `bodies`).
    pub docs: Vec<Document>,
    /// Bodies, same indices as `docs`.
    pub bodies: BodyStore,
}

/// Documents as read, before sorting: `read_order` indices match the spill.
pub struct ReadCorpus {
    docs: Vec<Document>,
    bodies: BodyStore,
}

/// Reads every input; `on_batch` sees each chunk's documents (with bodies) in read order.
pub fn read_corpus(
    paths: &[String],
    cfg: &IngestConfig,
    progress: bool,
    mut on_batch: impl FnMut(&[Document]),
) -> anyhow::Result<ReadCorpus> {
    let (files, errors) = collect_inputs(paths);
    errors.iter().for_each(report::input_error);
    let bar = progress_bar(files.len() as u64, progress);
    let mut spill = BodySpill::new().context("creating the body spill file")?;
    let (mut docs, mut ids) = (Vec::new(), IdSet::default());
    for chunk in files.chunks(FILES_PER_CHUNK) {
        let batch = admitted(read_chunk(chunk, cfg, &bar), &mut ids);
        on_batch(&batch);
        for mut doc in batch {
            spill
                .push(&doc.body)
                .context("writing the body spill file")?;
            doc.body = String::new();
            docs.push(doc);
        }
    }
    bar.finish_and_clear();
    let bodies = spill.finish().context("writing the body spill file")?;
    Ok(ReadCorpus { docs, bodies })
}

impl ReadCorpus {
    /// The spilled bodies in read order (what `on_batch` saw).
    pub fn bodies(&self) -> &BodyStore {
        &self.bodies
    }

    /// Sorts by id; returns the corpus and, per sorted position, the read-order index.
    pub fn sort_by_id(self) -> (Corpus, Vec<usize>) {
        let ReadCorpus { docs, mut bodies } = self;
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
        let mut slots: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
        let docs = order.iter().filter_map(|&i| slots[i].take()).collect();
        bodies.permute(&order);
        (Corpus { docs, bodies }, order)
    }
}

fn read_chunk(chunk: &[InputFile], cfg: &IngestConfig, bar: &ProgressBar) -> Vec<FileOutcome> {
    chunk
        .par_iter()
        .map(|f| {
            let outcome = read_file(f, cfg);
            bar.inc(1);
            outcome
        })
        .collect()
}

/// Reports the chunk's problems and keeps the documents whose ids are new.
fn admitted(outcomes: Vec<FileOutcome>, ids: &mut IdSet) -> Vec<Document> {
    let mut docs = Vec::new();
    for outcome in outcomes {
        outcome.warnings.iter().for_each(report::warning);
        outcome.errors.iter().for_each(report::input_error);
        for doc in outcome.documents {
            match ids.admit(&doc) {
                Ok(()) => docs.push(doc),
                Err(e) => report::input_error(&e),
            }
        }
    }
    docs
}

fn progress_bar(len: u64, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}
