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
/// While the caller visits one batch on this thread, the next batch's facts are extracted
/// on the thread pool, so writing and extraction overlap.
pub fn for_each_body<E: From<PipelineError>>(
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
    compare: Option<&CompareConfig>,
    mut visit: impl FnMut(usize, &str, Option<&Facts>) -> Result<(), E>,
) -> Result<(), E> {
    let mut indices = indices.into_iter();
    let mut ready = Batch::default();
    if !ready.load(corpus, &mut indices)? {
        return Ok(());
    }
    ready.facts = compare.map(|config| batch_facts(corpus, &ready, config));
    let mut next = Batch::default();
    loop {
        let more = next.load(corpus, &mut indices)?;
        let mut visited = Ok(());
        rayon::in_place_scope(|scope| {
            if let (true, Some(config)) = (more, compare) {
                let next = &mut next;
                scope.spawn(move |_| next.facts = Some(batch_facts(corpus, next, config)));
            }
            visited = ready.visit(&mut visit);
        });
        visited?;
        if !more {
            return Ok(());
        }
        std::mem::swap(&mut ready, &mut next);
    }
}

/// One batch: document indices, their bodies (buffers reused from batch to batch) and,
/// once extracted, their facts.
#[derive(Default)]
struct Batch {
    indices: Vec<usize>,
    bodies: Vec<String>,
    facts: Option<Vec<Facts>>,
}

impl Batch {
    /// Takes the next `BATCH` indices and reads their bodies; false when there were none.
    fn load(
        &mut self,
        corpus: &Corpus,
        indices: &mut impl Iterator<Item = usize>,
    ) -> Result<bool, PipelineError> {
        self.indices.clear();
        self.indices.extend(indices.take(BATCH));
        self.facts = None;
        let n = self.indices.len();
        self.bodies
            .resize_with(n.max(self.bodies.len()), String::new);
        for (&i, body) in self.indices.iter().zip(&mut self.bodies) {
            corpus.bodies.body_into(i, body)?;
        }
        Ok(n > 0)
    }

    /// Hands each document of the batch to `visit`, in order.
    fn visit<E>(
        &self,
        visit: &mut impl FnMut(usize, &str, Option<&Facts>) -> Result<(), E>,
    ) -> Result<(), E> {
        for (k, (&i, body)) in self.indices.iter().zip(&self.bodies).enumerate() {
            visit(i, body, self.facts.as_ref().map(|f| &f[k]))?;
        }
        Ok(())
    }
}

/// The facts of one batch, extracted in parallel, in batch order.
fn batch_facts(corpus: &Corpus, batch: &Batch, config: &CompareConfig) -> Vec<Facts> {
    use rayon::prelude::*;
    batch
        .indices
        .par_iter()
        .zip(&batch.bodies)
        .map(|(&i, body)| extract_facts(body, corpus.docs[i].meta.lang.as_deref(), config))
        .collect()
}
