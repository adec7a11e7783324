//! The streaming engine: [`Relater`] takes documents one at a time or in batches, keeps only
//! their metadata and [`DocSketch`] (packed into flat postings), and at
//! [`Relater::finish`] finds candidates, fetches the bodies of candidate documents back from
//! a [`BodySource`], verifies and groups. Memory grows with the index (about 1 KB per
//! news-length document), not with the text.
//!
//! Determinism: a document's index is its position in the order added; sketches may be
//! computed on any thread ([`Relater::sketcher`]) as long as they are pushed in that order.
//! Output equals [`crate::relate`] on the same documents in the same order.

use crate::candidates::{self, Postings};
use crate::features::{DocSketch, Sketcher};
use crate::groups;
use crate::source::{BodySource, RelateError};
use crate::verify::{self, Corpus};
use crate::{exact, graph, Relations};
use rayon::prelude::*;
use samestory_core::{Document, RelateConfig};

/// Default number of documents whose bodies are held at once during verification: a
/// news-length document's body and detail take ~36 KB, so 256 of them (~9 MB) stay in
/// cache between tokenising and pair decisions (2,048 cost 2 % more CPU at 100k docs).
pub const DEFAULT_BLOCK_DOCS: usize = 256;

/// Rounds of verification after the first, each asking for the pairs the relation graph
/// needs given the groups so far (the last round's groups stand even if it asked for more).
pub(crate) const MAX_ROUNDS: usize = 4;

/// Streaming relation engine (see the module docs).
#[derive(Clone, Debug)]
pub struct Relater {
    cfg: RelateConfig,
    block_docs: usize,
    post: Postings,
}

impl Relater {
    /// An empty engine with the given thresholds.
    pub fn new(cfg: &RelateConfig) -> Self {
        Relater {
            cfg: cfg.clone(),
            block_docs: DEFAULT_BLOCK_DOCS,
            post: Postings::default(),
        }
    }

    /// Sets how many documents' bodies verification holds at once per thread (memory
    /// budget: about 36 KB per news-length document; default [`DEFAULT_BLOCK_DOCS`]).
    pub fn block_docs(mut self, docs: usize) -> Self {
        self.block_docs = docs.max(2);
        self
    }

    /// Number of documents added.
    pub fn len(&self) -> usize {
        self.post.words.len()
    }

    /// Whether no document was added.
    pub fn is_empty(&self) -> bool {
        self.post.words.is_empty()
    }

    /// A sketcher for this engine's settings, to sketch bodies on any thread.
    pub fn sketcher(&self) -> Sketcher {
        Sketcher::new(&self.cfg)
    }

    /// Adds the next document's sketch, made by [`Relater::sketcher`]. The engine keeps no
    /// metadata: [`Relater::finish`] borrows the documents, in the order they were added.
    pub fn push(&mut self, sketch: &DocSketch) {
        let doc = self.post.words.len() as u32;
        let p = &mut self.post;
        p.words.push(sketch.words);
        p.keys.push(sketch.key);
        sketch.bands.iter().for_each(|&k| p.bands.push(k, doc));
        sketch.prints.iter().for_each(|&k| p.prints.push(k, doc));
    }

    /// Adds a batch of documents, sketched in parallel, in order.
    pub fn add_batch(&mut self, docs: &[Document]) {
        let sketches: Vec<DocSketch> = docs
            .par_iter()
            .with_min_len(64) // each task makes its own sketcher
            .map_init(|| self.sketcher(), |s, d| s.sketch(&d.body))
            .collect();
        sketches.iter().for_each(|s| self.push(s));
    }

    /// Finds, verifies and groups every relation among `metas` — the documents added, in the
    /// order they were added (their bodies are not read: they may be empty) — fetching
    /// candidate bodies from `source`:
    /// exact classes collapse to their exemplars, candidates among those are verified,
    /// groups formed, then the pairs the relation graph stands on that were not candidates
    /// (members with their representative, representatives of groups sharing passages)
    /// are verified too, and the rows built ([`crate::graph`]).
    pub fn finish<S: BodySource>(
        self,
        metas: &[Document],
        source: &S,
    ) -> Result<Relations, RelateError<S::Error>> {
        let Relater {
            cfg,
            block_docs,
            mut post,
        } = self;
        if metas.len() != post.words.len() {
            return Err(RelateError::Count {
                added: post.words.len(),
                given: metas.len(),
            });
        }
        let rank = groups::ranks(metas, &cfg.wire_agencies);
        let exemplar = {
            let corpus = corpus_of(metas, &post);
            exact::exemplars(&corpus, &rank, source)?
        };
        let active: Vec<bool> = (0..metas.len())
            .map(|i| exact::active(exemplar[i] as usize == i, post.words[i]))
            .collect();
        let cands = candidates::find(metas, &mut post, &active, &rank, &cfg);
        let corpus = corpus_of(metas, &post);
        let verify = |pairs: &[(u32, u32)]| {
            verify::verify_all(&corpus, pairs, &cands.frequent, &cfg, source, block_docs)
        };
        let checked = verify(&cands.pairs)?;
        let (groups, checked) = graph::settle(metas, &exemplar, &rank, checked, verify)?;
        let relations = graph::relations(&graph::Graph {
            metas,
            cfg: &cfg,
            exemplar: &exemplar,
            groups: &groups,
            checked: &checked,
            rank: &rank,
        });
        let id = |i: &u32| metas[*i as usize].id.clone();
        Ok(Relations {
            relations,
            group_of: groups.named.iter().map(id).collect(),
            representative_of: groups.rep.iter().map(id).collect(),
        })
    }
}

/// What verification reads about the corpus.
fn corpus_of<'a>(metas: &'a [Document], post: &'a Postings) -> Corpus<'a> {
    Corpus {
        metas,
        words: &post.words,
        keys: &post.keys,
    }
}
