//! Bodies with their per-document facts, for the writers: bodies come back from the corpus's
//! store in batches, the compare stage extracts each batch's quotes and numbers in parallel,
//! and the caller sees them one by one in the order asked — so output stays deterministic
//! whatever the threads, and memory holds one batch of bodies.
//!
//! Facts another stage already extracted (the story comparison) come from a [`FactsCache`]
//! instead of being extracted again.
//!
//! Must not: write or print; the visitor does that.

use crate::PipelineError;
use samestory_compare::{extract_facts, CompareConfig, Facts};
use samestory_core::{BodySpill, BodyStore};
use samestory_ingest::corpus::Corpus;
use std::sync::atomic::{AtomicBool, Ordering};

/// Documents per batch: enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 256;

/// Calls `visit(i, body, facts)` for each document index of `indices` in order. `facts` is
/// `Some` when `compare` is given (taken from `cached` where it knows them, else extracted
/// with `compare`), else `None` and nothing is extracted.
/// While the caller visits one batch on this thread, the next batch's bodies are read and
/// its facts extracted on the thread pool, so writing, reading and extraction overlap.
pub fn for_each_body<E: From<PipelineError>>(
    corpus: &Corpus,
    indices: impl IntoIterator<Item = usize>,
    compare: Option<&CompareConfig>,
    cached: Option<&dyn KnownFacts>,
    mut visit: impl FnMut(usize, &str, Option<&Facts>) -> Result<(), E>,
) -> Result<(), E> {
    let mut indices = indices.into_iter();
    let mut ready = Batch::default();
    if !ready.take(&mut indices) {
        return Ok(());
    }
    ready.prepare(corpus, compare, cached)?;
    let mut next = Batch::default();
    loop {
        let more = next.take(&mut indices);
        let (mut visited, mut prepared) = (Ok(()), Ok(()));
        rayon::in_place_scope(|scope| {
            if more {
                let (next, prepared) = (&mut next, &mut prepared);
                scope.spawn(move |_| *prepared = next.prepare(corpus, compare, cached));
            }
            visited = ready.visit(&mut visit);
        });
        visited?;
        prepared?;
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
    /// Takes the next `BATCH` indices; false when there were none.
    fn take(&mut self, indices: &mut impl Iterator<Item = usize>) -> bool {
        self.indices.clear();
        self.indices.extend(indices.take(BATCH));
        self.facts = None;
        !self.indices.is_empty()
    }

    /// Reads the batch's bodies and, when `compare` is given, their facts (see
    /// [`batch_facts`]).
    fn prepare(
        &mut self,
        corpus: &Corpus,
        compare: Option<&CompareConfig>,
        cached: Option<&dyn KnownFacts>,
    ) -> Result<(), PipelineError> {
        let n = self.indices.len();
        self.bodies
            .resize_with(n.max(self.bodies.len()), String::new);
        for (&i, body) in self.indices.iter().zip(&mut self.bodies) {
            corpus.bodies.body_into(i, body)?;
        }
        self.facts = compare.map(|config| batch_facts(corpus, self, config, cached));
        Ok(())
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

/// The facts of one batch, taken from `cached` or extracted, in parallel, in batch order.
fn batch_facts(
    corpus: &Corpus,
    batch: &Batch,
    config: &CompareConfig,
    cached: Option<&dyn KnownFacts>,
) -> Vec<Facts> {
    use rayon::prelude::*;
    batch
        .indices
        .par_iter()
        .zip(&batch.bodies)
        .map(|(&i, body)| {
            cached
                .and_then(|c| c.facts(i))
                .unwrap_or_else(|| extract_facts(body, corpus.docs[i].meta.lang.as_deref(), config))
        })
        .collect()
}

/// Facts already extracted, by document index: `None` means "extract them". The story
/// comparison's [`FactsCache`] is one; an index that kept each document's facts is another.
pub trait KnownFacts: Sync {
    /// The facts of document `i`, when known.
    fn facts(&self, i: usize) -> Option<Facts>;
}

impl KnownFacts for FactsCache {
    fn facts(&self, i: usize) -> Option<Facts> {
        self.get(i)
    }
}

/// The facts the first of several sources knows (a source that is `None` knows none).
pub(crate) struct FirstKnown<'a>(pub [Option<&'a dyn KnownFacts>; 3]);

impl KnownFacts for FirstKnown<'_> {
    fn facts(&self, i: usize) -> Option<Facts> {
        self.0.iter().flatten().find_map(|k| k.facts(i))
    }
}

/// Extracts the facts of documents 0, 1, 2, … in turn on the calling thread, until `stop`
/// is set or every document has them: work for a core the caller leaves idle. The cache
/// only saves work, so a failure (reading a body, writing the cache) ends it early with
/// what it holds, or with none.
pub(crate) fn extract_ahead(
    corpus: &Corpus,
    config: &CompareConfig,
    stop: &AtomicBool,
) -> Option<FactsCache> {
    let mut kept = FactsSpill::new(corpus.docs.len()).ok()?;
    let mut body = String::new();
    for (i, doc) in corpus.docs.iter().enumerate() {
        if stop.load(Ordering::Relaxed) || corpus.bodies.body_into(i, &mut body).is_err() {
            break;
        }
        let facts = extract_facts(&body, doc.meta.lang.as_deref(), config);
        if kept.keep(i, &facts).is_err() {
            break;
        }
    }
    kept.finish().ok()
}

/// Facts extracted once and kept on disk (JSON in an unnamed temporary file), by document
/// index: what the story comparison extracted, for the documents.jsonl writer.
pub struct FactsCache {
    store: Option<BodyStore>,
    slot: Vec<u32>,
}

impl FactsCache {
    /// The facts of document `i`, when kept (and readable: the cache only saves work, so a
    /// failed read means they are extracted again).
    pub fn get(&self, i: usize) -> Option<Facts> {
        let slot = *self.slot.get(i).filter(|&&s| s != UNKNOWN)?;
        if slot == NONE_FOUND {
            return Some(Facts::default());
        }
        let json = self.store.as_ref()?.body(slot as usize).ok()?;
        serde_json::from_str(&json).ok()
    }
}

/// The slot of a document whose facts are not kept.
const UNKNOWN: u32 = u32::MAX;
/// The slot of a document kept with no quote and no number: nothing is written for it.
const NONE_FOUND: u32 = u32::MAX - 1;

/// Fills a [`FactsCache`].
pub(crate) struct FactsSpill {
    spill: BodySpill,
    slot: Vec<u32>,
    kept: u32,
}

impl FactsSpill {
    /// An empty cache for `docs` documents.
    pub(crate) fn new(docs: usize) -> Result<FactsSpill, PipelineError> {
        Ok(FactsSpill {
            spill: BodySpill::new()?,
            slot: vec![UNKNOWN; docs],
            kept: 0,
        })
    }

    /// Keeps the facts of document `i` (the first time only).
    pub(crate) fn keep(&mut self, i: usize, facts: &Facts) -> Result<(), PipelineError> {
        if self.slot[i] != UNKNOWN || self.kept == NONE_FOUND {
            return Ok(());
        }
        if facts.quotes.is_empty() && facts.numbers.is_empty() {
            self.slot[i] = NONE_FOUND;
            return Ok(());
        }
        self.spill.push(&serde_json::to_string(facts)?)?;
        self.slot[i] = self.kept;
        self.kept += 1;
        Ok(())
    }

    /// Ends writing.
    pub(crate) fn finish(self) -> Result<FactsCache, PipelineError> {
        Ok(FactsCache {
            store: Some(self.spill.finish()?),
            slot: self.slot,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_facts_come_back_and_unkept_ones_are_unknown() {
        let config = CompareConfig::default();
        let said = extract_facts("\"We will rebuild,\" Mayor Ines Kolar said.", None, &config);
        assert!(!said.quotes.is_empty());
        let mut spill = FactsSpill::new(3).unwrap();
        spill.keep(0, &said).unwrap();
        spill.keep(1, &Facts::default()).unwrap();
        // Only the first facts kept for a document count.
        spill.keep(1, &said).unwrap();
        let cache = spill.finish().unwrap();
        assert_eq!(cache.get(0), Some(said));
        assert_eq!(cache.get(1), Some(Facts::default()));
        assert_eq!(cache.get(2), None);
        assert_eq!(cache.get(3), None);
    }
}
