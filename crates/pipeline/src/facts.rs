//! Bodies with their per-document facts, for the writers: bodies come back from the corpus's
//! store in batches, the compare stage extracts each batch's quotes and numbers in parallel,
//! and the caller sees them one by one in the order asked — so output stays deterministic
//! whatever the threads, and memory holds one batch of bodies.
//!
//! Must not: write or print; the visitor does that.

use crate::PipelineError;
use samestory_compare::{extract_facts, CompareConfig, Facts};
use samestory_ingest::corpus::Corpus;

/// Documents per batch: enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 256;

/// Calls `visit(i, body, facts)` for each document index of `indices` in order. `facts` is
/// `Some` when `compare` is given (extracted with it), else `None` and nothing is extracted.
pub fn for_each_body<E: From<PipelineError>>(
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
    compare: Option<&CompareConfig>,
    mut visit: impl FnMut(usize, &str, Option<&Facts>) -> Result<(), E>,
) -> Result<(), E> {
    let mut indices = indices.into_iter().peekable();
    let mut bodies: Vec<String> = Vec::new();
    let mut batch: Vec<usize> = Vec::with_capacity(BATCH);
    while indices.peek().is_some() {
        batch.clear();
        batch.extend(indices.by_ref().take(BATCH));
        bodies.resize_with(batch.len().max(bodies.len()), String::new);
        for (&i, body) in batch.iter().zip(&mut bodies) {
            corpus
                .bodies
                .body_into(i, body)
                .map_err(PipelineError::from)?;
        }
        let facts = compare.map(|config| batch_facts(corpus, &batch, &bodies, config));
        for (k, (&i, body)) in batch.iter().zip(&bodies).enumerate() {
            visit(i, body, facts.as_ref().map(|f| &f[k]))?;
        }
    }
    Ok(())
}

/// The facts of one batch, extracted in parallel, in batch order.
fn batch_facts(
    corpus: &Corpus,
    batch: &[usize],
    bodies: &[String],
    config: &CompareConfig,
) -> Vec<Facts> {
    use rayon::prelude::*;
    batch
        .par_iter()
        .zip(bodies)
        .map(|(&i, body)| extract_facts(body, corpus.docs[i].meta.lang.as_deref(), config))
        .collect()
}
