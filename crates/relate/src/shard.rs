//! The engine's candidate and grouping rules as pure functions over the rows a map-reduce
//! job (Spark, Beam, …) holds, so that a distributed run finds exactly the duplicate groups
//! of [`crate::relate`] (and of `samestory dedup`) without a second implementation of any
//! rule: the same sketch keys ([`Sketcher`]), bucket limits, hubs, exact-class exemplars,
//! verification ([`crate::verify`]) and regrouping rounds. The engine calls these same
//! rules ([`crate::candidates`], [`crate::exact`], [`crate::graph::regroup_pair`]).
//!
//! Owns: per document its keys ([`doc_keys`]); per bucket (the members of one key, with
//! the per-member figures a rule needs) the pairs the engine would take; per batch of pairs
//! the verdicts ([`verify_batch`]); which verdicts join groups ([`joins`]). Returns data.
//! Must not: read files, hold a corpus, shuffle, count across buckets or find connected
//! components — the job does those steps, each named below; nor decide a relation from keys.
//!
//! **Document numbers.** A job numbers its documents ([`DocNo`]) in the engine's
//! representative order — ascending [`DocKeys::rank`] bytes; Spark: `orderBy("rank")` then
//! `monotonically_increasing_id()` (gaps are fine, only the order counts). Then the smaller
//! number is the more original document everywhere a rule picks one (a star's centre, a
//! hub among equals, an exact class's exemplar), and a duplicate group's representative is
//! its smallest number, so min-label propagation labels each document with its
//! representative. Pairs are returned smaller number first.
//!
//! # The plan, stage by stage
//!
//! 1. **Keys** (map; `mapInArrow`): [`doc_keys`] per document: `rank` bytes, `words`,
//!    `exact` key, distinct `bands` (21 × u32) and `prints` (≈ 2 per 13 words), `url`,
//!    `outlet`; and [`body_hash`] (128 bits) for documents with words. Then one sort by
//!    `rank` numbers them.
//! 2. **Exact classes** (groupBy `(exact, body_hash)` over documents with words):
//!    [`exemplar`] of each class, joined back; [`active`] per document. Broadcast: the
//!    count of active documents, `frequent_limit(count)` ([`frequent_limit`]).
//! 3. **LSH** (explode `bands` of active documents; groupBy band key): [`lsh_bucket`] of
//!    its members. A bucket over `lsh_max_bucket` is a star from its smallest number: the
//!    job needs only its count and `min(doc)` there (then the pair of that number with
//!    each other member), never the list.
//! 4. **URL** (groupBy `url` of active documents): [`url_bucket`] (a star).
//! 5. **Fingerprints** (explode `prints` of active documents; groupBy key): the member
//!    count gives [`print_bucket`] (`Alone`, `Pairs`, `Capped`, `Frequent`).
//!    - *weights*: per document, the number of its non-`Alone` fingerprints (explode the
//!      members back, groupBy document, count);
//!    - `Pairs` (≤ `containment_max_bucket` members): [`print_pairs`] are hits; groupBy
//!      pair, a pair with [`shared_needed`] hits is a candidate;
//!    - `Capped` and `Frequent`: [`hubs`] per key from its members' weights (a top-k fold:
//!      partial hub lists merge, so a huge key is an aggregate, not a collected list); then
//!      for round `r` in `0..hub_count` ([`hub_count`], 2 by default), per member row
//!      (joined with its key's hubs, their outlets, and the pairs found in earlier rounds
//!      of the same kind), [`hub_hit`]; hits groupBy pair, those with [`shared_needed`]
//!      hits are found. Capped and frequent hits are counted apart, and apart from
//!      `Pairs`. Found capped pairs and found frequent pairs (the *wire pairs*) are
//!      candidates;
//!    - per frequent key, the count of its non-hub members in a wire pair with one of its
//!      hubs gives [`wire_print`]; the frequent keys that are not wire are the
//!      **boilerplate** set (broadcast: verification discounts them).
//! 6. **Verify** (distinct candidate pairs joined with both documents' id, body and
//!    metadata, in batches): [`verify_batch`] → the related pairs with their [`Verdict`].
//! 7. **Components** over the edges `(doc, exemplar)` and the pairs that [`joins`]: label
//!    = smallest number = the representative. A group's id is its smallest document id
//!    (groupBy label, `min(id)`).
//! 8. **Regrouping**, at most [`REGROUP_ROUNDS`] times: each verified pair that does not
//!    join asks for [`regroup_pair`] of its two labels; the distinct pairs not verified
//!    before are verified (6); if any joins, components again (7). Stop when none is asked.
//! 9. **Relation rows** (optional): components of the exemplar edges and *every* related
//!    pair (joining or not); each component's documents (bodies too) and related pairs
//!    sent to one task (several small components may share one), where
//!    [`relation_rows`] gives the `relations.jsonl` rows the engine writes for them.
//!
//! Shuffles before verification: the numbering sort; the exact groupBy (a window
//! `min(doc)` over `(exact, body_hash)`); the LSH and URL groupBys; for fingerprints the
//! key groupBy, the join of postings with their bucket kind and the weight count, the
//! `Pairs` hit count, the join with weights and the hub aggregate, the join of members
//! with their key's hubs, per round an anti-join with the found pairs and a hit count
//! (2 rounds by default), and the wire count per frequent key. The boilerplate set and the
//! active count go to the driver and back as broadcasts (one number; a few keys per
//! thousand documents). Verification: distinct pairs, then a join with the documents on
//! each side (bodies travel with their pairs). Each regrouping round: two joins of the
//! non-joining pairs with labels, an anti-join with the pairs asked before, one
//! verification and one components run. On the synthetic corpora tested, the first round
//! asked for some pairs (599 at 20,000 documents), a second for none, and no group
//! changed; `tests/shard.rs` builds the case where one does (two groups whose
//! representatives are near-duplicates but never a candidate pair), so a plan without
//! these rounds is not exact.
//!
//! # What is exact
//!
//! Everything above is exact: the keys (32-bit, so their collisions are the engine's
//! too), bucket sizes, thresholds, hub choices, exemplars and verdicts (the same code on
//! the same bodies) are the engine's own, the rank bytes sort as the engine's order, and
//! the engine's groups after its regrouping rounds are the components of exactly these
//! edges (its other second-pass pairs, each member with its representative, lie inside
//! one group and never change it). The relation rows (stage 9) read only the verified
//! pairs around each group and edge, all inside one component of stage 9's graph, so a
//! task holding whole components writes the engine's rows. What a job may
//! trade away at scale, and what each costs, is its own choice: stopping before the
//! regrouping rounds misses groups joined only through a pair of representatives (their
//! members shared passages, but no candidate pair of the two was a duplicate); the
//! `frequent_limit` and the weights are corpus-wide, so a corpus processed in increments
//! (new documents related against old ones only) is not the same run as one over
//! everything.

use crate::candidates::{self, KeySet};
use crate::features::{exact_key, Sketcher};
use crate::groups::rank_key;
use crate::verify::{verify_all, Checked, Corpus, Verdict};
use crate::{exact, graph, Relation, SliceSource, DEFAULT_BLOCK_DOCS};
use samestory_core::{Document, RelateConfig};

pub use crate::candidates::{
    apart, hub_count, print_bucket, shared_needed, wire_print, PrintBucket,
};
pub use crate::graph::regroup_pair;

/// A document's number in a job: numbers order documents as their [`DocKeys::rank`] bytes.
pub type DocNo = u64;

/// Rounds of regrouping after the first verification (the engine's own limit).
pub const REGROUP_ROUNDS: usize = crate::stream::MAX_ROUNDS;

/// What the candidate stages read of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocKeys {
    /// Bytes whose order is the engine's representative order ([`crate::groups::RankKey`]).
    pub rank: Vec<u8>,
    /// Number of words (a document without words takes part in nothing).
    pub words: u32,
    /// Exact-candidate key (equal for equal normalised bodies; classes are confirmed on
    /// [`body_hash`]).
    pub exact: u64,
    /// LSH band keys, distinct, ascending (empty without words).
    pub bands: Vec<u32>,
    /// Winnowed fingerprint keys, distinct, ascending.
    pub prints: Vec<u32>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet (two documents of one outlet are never a wire pair, [`apart`]).
    pub outlet: Option<String>,
}

/// The keys of one document, sketched by `sketcher` ([`crate::Relater::sketcher`] or
/// [`Sketcher::new`] of the run's config).
pub fn doc_keys(sketcher: &mut Sketcher, doc: &Document, cfg: &RelateConfig) -> DocKeys {
    let sketch = sketcher.sketch(&doc.body);
    let distinct = |mut v: Vec<u32>| {
        v.sort_unstable();
        v.dedup();
        v
    };
    DocKeys {
        rank: rank_key(doc, &cfg.wire_agencies).to_bytes(),
        words: sketch.words,
        exact: sketch.key,
        bands: distinct(sketch.bands),
        prints: distinct(sketch.prints),
        url: doc.meta.url.clone(),
        outlet: doc.meta.outlet.clone(),
    }
}

/// The normalised body's hash: with [`DocKeys::exact`], what makes an exact class. Only
/// documents whose exact key is shared need it (one normalising pass over the body).
pub fn body_hash(body: &str) -> u128 {
    samestory_text::normalized_hash(body)
}

/// The exemplar of one exact class (documents with words and equal `(exact, body_hash)`):
/// its smallest number. Only exemplars take part in candidates and verification.
pub fn exemplar(class: &[DocNo]) -> DocNo {
    exact::exemplar_of(class.iter().copied(), |d| d)
}

/// Whether document `doc` (of `words` words, class exemplar `exemplar`, itself when alone)
/// takes part in candidates and verification.
pub fn active(doc: DocNo, exemplar: DocNo, words: u32) -> bool {
    exact::active(doc == exemplar, words)
}

/// The number of active documents at or above which a fingerprint is frequent.
pub fn frequent_limit(active_docs: u64, cfg: &RelateConfig) -> usize {
    candidates::frequent_threshold(active_docs as usize, cfg)
}

/// `(smaller, larger)`.
fn ordered(a: DocNo, b: DocNo) -> (DocNo, DocNo) {
    (a.min(b), a.max(b))
}

/// The candidate pairs of one LSH bucket: `docs` are the distinct active documents of one
/// band key (any order).
pub fn lsh_bucket(docs: &[DocNo], cfg: &RelateConfig) -> Vec<(DocNo, DocNo)> {
    let mut out = Vec::new();
    candidates::bucket_pairs(
        docs,
        cfg.lsh_max_bucket,
        |d| d,
        |a, b| out.push(ordered(a, b)),
    );
    out
}

/// The candidate pairs of one canonical URL: `docs` are its distinct active documents.
pub fn url_bucket(docs: &[DocNo]) -> Vec<(DocNo, DocNo)> {
    let mut out = Vec::new();
    candidates::star(docs, |d| d, |a, b| out.push(ordered(a, b)));
    out
}

/// The hits of one [`PrintBucket::Pairs`] fingerprint: every pair of its distinct active
/// documents (counted over all such fingerprints, [`shared_needed`] make a candidate).
pub fn print_pairs(docs: &[DocNo]) -> Vec<(DocNo, DocNo)> {
    let mut out = Vec::new();
    candidates::all_pairs(docs, |a, b| out.push(ordered(a, b)));
    out
}

/// A member of a capped or frequent fingerprint, with what choosing hubs and pairing it
/// reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member<'a> {
    /// The document.
    pub doc: DocNo,
    /// Its number of fingerprints that are not [`PrintBucket::Alone`].
    pub weight: u32,
    /// Its outlet.
    pub outlet: Option<&'a str>,
}

/// The hubs of one capped or frequent fingerprint, best first ([`hub_count`] at most).
/// Associative: the hubs of the hubs of two halves of the members are the hubs of all.
pub fn hubs<'a>(members: &[Member<'a>], cfg: &RelateConfig) -> Vec<Member<'a>> {
    candidates::hubs_of(members, hub_count(cfg), |m| m.weight, |m| m.doc)
}

/// Round `r` for one member `m` of a `bucket` fingerprint (capped or frequent) with the
/// given `hubs` ([`hubs`]): the pair it gives, if any. `linked(h, m)`: whether the pair
/// `(h, m)` (any order) was found in an earlier round among fingerprints of this kind.
pub fn hub_hit(
    bucket: PrintBucket,
    m: &Member,
    hubs: &[Member],
    r: usize,
    linked: impl Fn(DocNo, DocNo) -> bool,
) -> Option<(DocNo, DocNo)> {
    let keep = |h: Member, m: Member| bucket != PrintBucket::Frequent || apart(h.outlet, m.outlet);
    let hub = candidates::hub_hit(*m, hubs, r, |h, m| linked(h.doc, m.doc), keep)?;
    Some(ordered(hub.doc, m.doc))
}

/// Verifies `pairs` (indices into `docs`, which hold the two documents of every pair)
/// exactly as the engine does, given the corpus's `boilerplate` fingerprint keys (stage
/// 5). Of a document it reads the id, the body, and `meta.url`, `meta.date`,
/// `meta.published` and `meta.credit` / `meta.byline` (for the direction evidence that a
/// [`Verdict::Reuse`] carries). Returns the related pairs, `x` the smaller id, sorted by
/// `(x, y)`; unrelated pairs are left out.
pub fn verify_batch(
    docs: &[Document],
    pairs: &[(u32, u32)],
    boilerplate: &KeySet,
    cfg: &RelateConfig,
) -> Vec<Checked> {
    let (keys, words): (Vec<u64>, Vec<u32>) = docs.iter().map(|d| exact_key(&d.body)).unzip();
    let corpus = Corpus {
        metas: docs,
        words: &words,
        keys: &keys,
    };
    let source = SliceSource(docs);
    match verify_all(
        &corpus,
        pairs,
        boilerplate,
        cfg,
        &source,
        DEFAULT_BLOCK_DOCS,
    ) {
        Ok(checked) => checked,
        Err(crate::RelateError::Body { source, .. }) => match source {},
        Err(e @ crate::RelateError::Count { .. }) => unreachable!("{e}: verify counts nothing"),
    }
}

/// Stage 9, the relation rows: every row of `relations.jsonl` among `docs` — the
/// documents of whole components of the relation graph (joined by exemplar edges and by
/// every related pair), in number order (so their place is their rank) — given each
/// one's class exemplar (`exemplar`, indices into `docs`), the related pairs found by
/// the job among them (`pairs`, indices), and the corpus's `boilerplate`. Verifies the
/// pairs again (the rows read each verdict's evidence), then as the engine: the groups,
/// the second-pass pairs (members with their representative, representatives of groups
/// sharing passages), the spanning trees, the reprint edges and their direction. Rows
/// sorted by `(a, b)`, ids as `samestory run` writes them.
pub fn relation_rows(
    docs: &[Document],
    exemplar: &[u32],
    pairs: &[(u32, u32)],
    boilerplate: &KeySet,
    cfg: &RelateConfig,
) -> Vec<Relation> {
    let rank: Vec<u32> = (0..docs.len() as u32).collect();
    let checked = verify_batch(docs, pairs, boilerplate, cfg);
    let verify = |more: &[(u32, u32)]| -> Result<Vec<Checked>, std::convert::Infallible> {
        Ok(verify_batch(docs, more, boilerplate, cfg))
    };
    let Ok((groups, checked)) = graph::settle(docs, exemplar, &rank, checked, verify);
    graph::relations(&graph::Graph {
        metas: docs,
        cfg,
        exemplar,
        groups: &groups,
        checked: &checked,
        rank: &rank,
    })
}

/// Whether a verdict joins its two documents' duplicate groups (a pair that does not
/// join asks for a [`regroup_pair`]).
pub fn joins(v: &Verdict) -> bool {
    v.joins()
}
