//! Candidate pairs: the only pairs that get verified. Only active documents take part
//! (exact copies were collapsed to their class's exemplar, [`crate::exact`]). Three
//! sources, unioned: equal canonical URLs (a star from the first document of each URL),
//! LSH bands of the MinHash signatures (near-duplicates), and the containment index —
//! pairs of documents sharing ≥ `min_shared_fingerprints` winnowed fingerprints. Never
//! decides a relation.
//!
//! Frequent fingerprints (in ≥ [`frequent_threshold`] documents) are either boilerplate or a
//! wire story reprinted by many outlets. Both recur across documents that share nothing
//! else; what tells them apart is length: a disclaimer is 20–80 words, a reprinted story
//! one or more paragraphs. So a document and a hub of a frequent fingerprint (one of its
//! first `containment_hubs` documents) that share ≥ `wire_min_shared_prints` frequent
//! fingerprints (≈ 130 words) are a candidate — unless both come from one outlet: a long
//! site template is boilerplate —, and a frequent fingerprint whose documents mostly share
//! such a passage with a hub is content; the rest are boilerplate, returned in
//! [`Candidates::frequent`] so that alignment discounts them, and pair nothing.
//!
//! Cost is linear in the postings: a fingerprint in more than `containment_max_bucket`
//! documents, and every frequent one, pairs its members with its hubs only (hubs × S pair
//! hits, not S² / 2), so members are linked through a hub, not to each other. A hub is a
//! member with the most fingerprints shared with some other document — the fullest copy
//! of the shared text, which is its source when the source is in the corpus (borrowers
//! add text of their own that nobody shares) — so borrowers are paired with their source,
//! not with each other. These postings are copied aside (4
//! bytes each) until all are known.
//!
//! Postings are packed `key << 32 | doc` words in 256 [`Shards`] by the key's top byte (no
//! per-document allocation); each shard is sorted on its own, in cache, by a stable radix
//! sort on the key alone (documents were pushed in ascending order).

use samestory_core::{Document, KeyHasher, RelateConfig};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

/// A set of fingerprint keys. Keys are hash bits already, so the set spreads them with one
/// multiply (core's [`KeyHasher`]) instead of SipHash: alignment looks up every fingerprint
/// of every reprint candidate in it.
pub type KeySet = HashSet<u32, BuildHasherDefault<KeyHasher>>;

/// Pairs to verify, and the fingerprints judged boilerplate.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    /// `(i, j)` document indices, `i < j`, sorted, unique.
    pub pairs: Vec<(u32, u32)>,
    /// Fingerprint keys ([`crate::features::print_key`]) found in too many documents and
    /// judged boilerplate (not a reprinted passage).
    pub frequent: KeySet,
}

/// The index the candidates are drawn from: per document its word count and exact key,
/// and the packed `key << 32 | doc` postings of band keys and fingerprint keys.
#[derive(Clone, Debug, Default)]
pub struct Postings {
    /// Words per document.
    pub words: Vec<u32>,
    /// Word-sequence key per document.
    pub keys: Vec<u64>,
    /// LSH band postings.
    pub bands: Shards,
    /// Fingerprint postings.
    pub prints: Shards,
}

/// Packed `key << 32 | doc` postings split by the key's top byte.
#[derive(Clone, Debug)]
pub struct Shards(Box<[Vec<u64>; 256]>);

impl Default for Shards {
    fn default() -> Self {
        Shards(Box::new(std::array::from_fn(|_| Vec::new())))
    }
}

impl Shards {
    /// Adds one posting (documents must be added in ascending order).
    #[inline]
    pub fn push(&mut self, key: u32, doc: u32) {
        self.0[(key >> 24) as usize].push(pack(key, doc));
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }

    /// Whether there are no postings.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// Calls `f` with each run of postings of one key, keys ascending, documents ascending
    /// and distinct within a run (a key a document pushed twice counts once); frees each
    /// shard once visited.
    fn for_each_run(self, mut f: impl FnMut(&[u64])) {
        let mut scratch = Vec::new();
        for mut shard in *self.0 {
            sort_shard(&mut shard, &mut scratch);
            shard.dedup();
            shard.chunk_by(|x, y| x >> 32 == y >> 32).for_each(&mut f);
        }
    }
}

/// Sorts one shard (keys share their top byte; documents were pushed in ascending order):
/// a stable LSD radix sort on the key's three other bytes, so each key's documents keep
/// their ascending push order and `(key, doc)` comes out sorted; `out` is scratch space
/// reused across shards. Small shards take a comparison sort.
fn sort_shard(v: &mut Vec<u64>, out: &mut Vec<u64>) {
    if v.len() < 1024 {
        return v.sort_unstable();
    }
    out.clear();
    out.resize(v.len(), 0);
    for shift in [32, 40, 48] {
        if radix_pass(v, out, shift) {
            std::mem::swap(v, out);
        }
    }
}

/// Scatters `src` into `dst` stably by the byte at `shift`; false (nothing written) when
/// every element has the same byte there.
fn radix_pass(src: &[u64], dst: &mut [u64], shift: u32) -> bool {
    let digit = |x: u64| ((x >> shift) & 0xff) as usize;
    let mut next = [0usize; 256];
    src.iter().for_each(|&x| next[digit(x)] += 1);
    if next.contains(&src.len()) {
        return false;
    }
    let mut start = 0;
    for slot in next.iter_mut() {
        (*slot, start) = (start, start + *slot);
    }
    for &x in src {
        dst[next[digit(x)]] = x;
        next[digit(x)] += 1;
    }
    true
}

/// All candidate pairs among the `active` documents. Sorts the band and fingerprint
/// postings in place and then frees them (they are not needed after this); `words` and
/// `keys` stay.
///
/// `rank` orders documents wherever one must be picked among equals (a star's centre, a
/// hub): so the pairs do not depend on the order documents were added.
pub fn find(
    metas: &[Document],
    post: &mut Postings,
    active: &[bool],
    rank: &[u32],
    cfg: &RelateConfig,
) -> Candidates {
    let prints = std::mem::take(&mut post.prints);
    let bands = std::mem::take(&mut post.bands);
    let outlets: Vec<Option<&str>> = metas.iter().map(|d| d.meta.outlet.as_deref()).collect();
    let (mut pairs, frequent) = containment_pairs(prints, &outlets, active, rank, cfg);
    lsh_pairs(bands, active, rank, cfg.lsh_max_bucket, &mut pairs);
    url_pairs(
        metas
            .iter()
            .zip(active)
            .map(|(d, &on)| d.meta.url.as_deref().filter(|_| on)),
        rank,
        &mut pairs,
    );
    sort_u64(&mut pairs);
    pairs.dedup();
    Candidates {
        pairs: pairs.into_iter().map(unpack).collect(),
        frequent,
    }
}

/// `a << 32 | b`.
pub(crate) fn pack(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

fn unpack(p: u64) -> (u32, u32) {
    ((p >> 32) as u32, p as u32)
}

/// LSH candidates: [`bucket_pairs`] of each band key's active documents.
fn lsh_pairs(bands: Shards, active: &[bool], rank: &[u32], max_bucket: usize, out: &mut Vec<u64>) {
    let mut docs = Vec::new();
    bands.for_each_run(|bucket| {
        if bucket.len() < 2 {
            return;
        }
        active_docs(bucket, active, &mut docs);
        bucket_pairs(
            &docs,
            max_bucket,
            |d| rank[d as usize],
            |a, b| out.push(ordered(a, b)),
        );
    });
}

/// The active documents of a run of postings, into `out`.
fn active_docs(run: &[u64], active: &[bool], out: &mut Vec<u32>) {
    out.clear();
    out.extend(
        run.iter()
            .map(|&p| p as u32)
            .filter(|&d| active[d as usize]),
    );
}

/// The LSH rule for one bucket (the distinct active documents of one band key): every
/// pair, or a [`star`] when it has more than `max_bucket` members (so one huge cluster
/// stays linear). `rank` orders documents (the lower, the more original).
pub fn bucket_pairs<D: Copy, K: Ord>(
    docs: &[D],
    max_bucket: usize,
    rank: impl Fn(D) -> K,
    emit: impl FnMut(D, D),
) {
    if docs.len() > max_bucket {
        star(docs, rank, emit);
    } else {
        all_pairs(docs, emit);
    }
}

/// A star from the lowest-ranked document of each equal `Some` key to every other one:
/// documents of one URL join one group, which needs connecting pairs, not all of them.
fn url_pairs<K: Ord>(keys: impl Iterator<Item = Option<K>>, rank: &[u32], out: &mut Vec<u64>) {
    let mut keyed: Vec<(K, u32)> = keys
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (k, i as u32)))
        .collect();
    keyed.sort_unstable();
    let mut docs = Vec::new();
    for run in keyed.chunk_by(|x, y| x.0 == y.0) {
        docs.clear();
        docs.extend(run.iter().map(|e| e.1));
        star(&docs, |d| rank[d as usize], |a, b| out.push(ordered(a, b)));
    }
}

/// The pairs of the lowest-ranked of `docs` (distinct) with each other one: the URL rule
/// for the documents of one canonical URL, and the LSH rule for a bucket over its cap.
pub fn star<D: Copy, K: Ord>(docs: &[D], rank: impl Fn(D) -> K, mut emit: impl FnMut(D, D)) {
    let Some(centre) = (0..docs.len()).min_by_key(|&k| rank(docs[k])) else {
        return;
    };
    let c = docs[centre];
    docs.iter()
        .enumerate()
        .filter(|&(k, _)| k != centre)
        .for_each(|(_, &d)| emit(c, d));
}

/// Every pair `(x, y)` of `docs` with `x` before `y`.
pub fn all_pairs<D: Copy>(docs: &[D], mut emit: impl FnMut(D, D)) {
    for (k, &x) in docs.iter().enumerate() {
        docs[k + 1..].iter().for_each(|&y| emit(x, y));
    }
}

/// Number of documents at or above which a fingerprint is boilerplate.
pub fn frequent_threshold(n_docs: usize, cfg: &RelateConfig) -> usize {
    let rel = (cfg.boilerplate_doc_fraction * n_docs as f64).ceil() as usize;
    cfg.boilerplate_min_docs.max(rel).max(2)
}

/// What a fingerprint's postings give, by the number of distinct active documents holding
/// it ([`print_bucket`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintBucket {
    /// Fewer than two documents: nothing (and no weight).
    Alone,
    /// At most `containment_max_bucket`: every pair is a hit ([`all_pairs`]); a pair with
    /// [`shared_needed`] hits over all such fingerprints is a candidate.
    Pairs,
    /// More, but not frequent: each member is paired with the fingerprint's hubs only
    /// ([`hubs_of`], [`hub_round`]).
    Capped,
    /// In at least [`frequent_threshold`] active documents: hubs too, and the fingerprint
    /// is judged wire passage or boilerplate ([`wire_print`]).
    Frequent,
}

/// The rule for one fingerprint held by `members` distinct active documents, given the
/// corpus's [`frequent_threshold`] `limit`.
pub fn print_bucket(members: usize, limit: usize, cfg: &RelateConfig) -> PrintBucket {
    match members {
        0 | 1 => PrintBucket::Alone,
        n if n >= limit => PrintBucket::Frequent,
        n if n > cfg.containment_max_bucket => PrintBucket::Capped,
        _ => PrintBucket::Pairs,
    }
}

/// Hits a pair needs, counted over the fingerprints of one kind of bucket (`Pairs` and
/// `Capped` are counted apart, each against `min_shared_fingerprints`; `Frequent` against
/// `wire_min_shared_prints`), to be a candidate.
pub fn shared_needed(bucket: PrintBucket, cfg: &RelateConfig) -> usize {
    match bucket {
        PrintBucket::Frequent => cfg.wire_min_shared_prints.max(1),
        _ => cfg.min_shared_fingerprints.max(1),
    }
}

/// Number of hubs of a capped or frequent fingerprint (fewer when it has fewer members).
pub fn hub_count(cfg: &RelateConfig) -> usize {
    cfg.containment_hubs.max(1)
}

/// The hubs of one wide fingerprint: its `count` members holding the most fingerprints
/// shared with some other document (`weight`: the number of fingerprints it holds that are
/// not [`PrintBucket::Alone`] — a source shares nearly all of its text, a borrower only
/// what it took), the lower `rank` first among equals; best first.
pub fn hubs_of<D: Copy, K: Ord>(
    docs: &[D],
    count: usize,
    weight: impl Fn(D) -> u32,
    rank: impl Fn(D) -> K,
) -> Vec<D> {
    let score = |x: D| (std::cmp::Reverse(weight(x)), rank(x));
    let mut top: Vec<D> = Vec::with_capacity(count + 1);
    for &d in docs {
        let better = |t: &D| score(d) < score(*t);
        let at = top.iter().position(better).unwrap_or(top.len());
        if at < count {
            top.insert(at, d);
            top.truncate(count);
        }
    }
    top
}

/// Round `r` of pairing one wide fingerprint's members with its `hubs` (best first): its
/// hub number `r` with each other member that `keep` accepts and that is not `linked`
/// already (a pair found in an earlier round, counted over every fingerprint of this kind)
/// to one of its earlier hubs. A member is linked to the fullest copy when that covers
/// it, and to a second hub only when it does not.
pub fn hub_round<D: Copy + PartialEq>(
    docs: &[D],
    hubs: &[D],
    r: usize,
    linked: impl Fn(D, D) -> bool,
    keep: impl Fn(D, D) -> bool,
    mut emit: impl FnMut(D, D),
) {
    if r < hubs.len() {
        for &m in docs {
            if let Some(hub) = hub_hit(m, hubs, r, &linked, &keep) {
                emit(hub, m);
            }
        }
    }
}

/// [`hub_round`] for one member `m`: the hub it is paired with in round `r`, if any.
pub fn hub_hit<D: Copy + PartialEq>(
    m: D,
    hubs: &[D],
    r: usize,
    linked: impl Fn(D, D) -> bool,
    keep: impl Fn(D, D) -> bool,
) -> Option<D> {
    let &hub = hubs.get(r)?;
    (m != hub && keep(hub, m) && !hubs[..r].iter().any(|&h| linked(h, m))).then_some(hub)
}

/// Whether two documents may be a wire pair of a frequent fingerprint: not two documents
/// of one outlet (a long site template is boilerplate; a wire story travels across
/// outlets).
pub fn apart(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_none() || a != b
}

/// Whether a frequent fingerprint of `members` documents, `hubs` of them its hubs, is a
/// wire passage (content) rather than boilerplate: at least `wire_min_support` of its
/// non-hub members are in a wire pair with one of its hubs (`linked` of them). `any_wire`:
/// whether the corpus has any wire pair at all.
pub fn wire_print(
    members: usize,
    hubs: usize,
    linked: usize,
    any_wire: bool,
    cfg: &RelateConfig,
) -> bool {
    let rest = members - hubs;
    any_wire && rest > 0 && linked as f64 >= cfg.wire_min_support * rest as f64
}

/// Containment candidates and the boilerplate fingerprints: each fingerprint's
/// [`print_bucket`] rule over its active documents. `outlets` and `active` have one entry
/// per document.
fn containment_pairs(
    prints: Shards,
    outlets: &[Option<&str>],
    active: &[bool],
    rank: &[u32],
    cfg: &RelateConfig,
) -> (Vec<u64>, KeySet) {
    let live = active.iter().filter(|&&a| a).count();
    let limit = frequent_threshold(live, cfg);
    let mut frequent = Wide::default();
    let mut capped = Wide::default();
    let mut hits = Vec::new();
    let mut docs = Vec::new();
    let mut weight = vec![0u32; outlets.len()];
    prints.for_each_run(|run| {
        if run.len() < 2 {
            return;
        }
        active_docs(run, active, &mut docs);
        let key = (run[0] >> 32) as u32;
        let bucket = print_bucket(docs.len(), limit, cfg);
        if bucket != PrintBucket::Alone {
            docs.iter().for_each(|&d| weight[d as usize] += 1);
        }
        match bucket {
            PrintBucket::Alone => {}
            PrintBucket::Frequent => frequent.push(key, &docs),
            PrintBucket::Capped => capped.push(key, &docs),
            PrintBucket::Pairs => all_pairs(&docs, |a, b| hits.push(pack(a, b))),
        }
    });
    let hubs = hub_count(cfg);
    let (frequent, capped) = (
        frequent.with_hubs(&weight, rank, hubs),
        capped.with_hubs(&weight, rank, hubs),
    );
    let min_shared = shared_needed(PrintBucket::Pairs, cfg);
    let mut pairs = pairs_with_count(hits, min_shared);
    pairs.extend(capped.linked_pairs(shared_needed(PrintBucket::Capped, cfg), |_, _| true));
    let (wire, boilerplate) = frequent.judge(outlets, cfg);
    pairs.extend(wire);
    (pairs, boilerplate)
}

/// Widely shared fingerprints (capped or frequent), set aside until all are known: keys,
/// the documents of each (ascending) in one flat list, `ends[i]` closing key `i`'s, and
/// once chosen the hubs of each (`hubs` per key, `u32::MAX` where a key has fewer members).
#[derive(Default)]
struct Wide {
    keys: Vec<u32>,
    ends: Vec<usize>,
    docs: Vec<u32>,
    hub_count: usize,
    hubs: Vec<u32>,
}

impl Wide {
    fn push(&mut self, key: u32, docs: &[u32]) {
        self.docs.extend_from_slice(docs);
        self.keys.push(key);
        self.ends.push(self.docs.len());
    }

    /// Chooses each fingerprint's hubs ([`hubs_of`]).
    fn with_hubs(mut self, weight: &[u32], rank: &[u32], hubs: usize) -> Self {
        self.hub_count = hubs;
        let mut chosen = Vec::with_capacity(self.keys.len() * hubs);
        for (_, docs) in self.runs() {
            let top = hubs_of(docs, hubs, |d| weight[d as usize], |d| rank[d as usize]);
            let filled = top.len();
            chosen.extend(top);
            chosen.extend(std::iter::repeat_n(u32::MAX, hubs - filled));
        }
        self.hubs = chosen;
        self
    }

    /// `(key, documents, hubs)` of each fingerprint (hubs empty before [`Wide::with_hubs`]).
    fn runs(&self) -> impl Iterator<Item = (u32, &[u32])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        self.keys
            .iter()
            .zip(starts.zip(&self.ends))
            .map(|(&k, (s, &e))| (k, &self.docs[s..e]))
    }

    /// The hubs of fingerprint number `i`.
    fn hubs_of(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.hubs[i * self.hub_count..(i + 1) * self.hub_count]
            .iter()
            .copied()
            .filter(|&h| h != u32::MAX)
    }

    /// The pairs `(hub, member)` (packed smaller first, sorted) that `keep` accepts and
    /// that share at least `min` of these fingerprints, found hub rank by hub rank
    /// ([`hub_round`] of every fingerprint, then counted).
    fn linked_pairs(&self, min: usize, keep: impl Fn(u32, u32) -> bool) -> Vec<u64> {
        let mut found: Vec<u64> = Vec::new();
        for r in 0..self.hub_count {
            let mut hits = Vec::new();
            for (i, (_, docs)) in self.runs().enumerate() {
                let hubs: Vec<u32> = self.hubs_of(i).collect();
                let linked = |h: u32, m: u32| found.binary_search(&ordered(h, m)).is_ok();
                hub_round(docs, &hubs, r, linked, &keep, |h, m| {
                    hits.push(ordered(h, m))
                });
            }
            let new = pairs_with_count(hits, min);
            if !new.is_empty() {
                found.extend(new);
                sort_u64(&mut found);
                found.dedup();
            }
        }
        found
    }

    /// Wire passage or boilerplate. Each fingerprint pairs its members with its hubs
    /// ([`Wide::linked_pairs`]) when they are [`apart`]; a pair counted
    /// `wire_min_shared_prints` times shares a long run of frequent text, a passage, and is
    /// a candidate. Each fingerprint is then judged by [`wire_print`]. Returns the wire
    /// pairs (sorted) and the boilerplate keys.
    fn judge(&self, outlets: &[Option<&str>], cfg: &RelateConfig) -> (Vec<u64>, KeySet) {
        let keep = |a: u32, b: u32| apart(outlets[a as usize], outlets[b as usize]);
        let wire = self.linked_pairs(shared_needed(PrintBucket::Frequent, cfg), keep);
        let boilerplate = self
            .runs()
            .enumerate()
            .filter(|(i, (_, d))| !self.is_wire(*i, d, &wire, cfg))
            .map(|(_, (k, _))| k)
            .collect();
        (wire, boilerplate)
    }

    /// [`wire_print`] of fingerprint `i`, its non-hub `members` linked by `wire` (sorted).
    fn is_wire(&self, i: usize, members: &[u32], wire: &[u64], cfg: &RelateConfig) -> bool {
        let hubs: Vec<u32> = self.hubs_of(i).collect();
        if wire.is_empty() {
            return wire_print(members.len(), hubs.len(), 0, false, cfg);
        }
        let linked = members
            .iter()
            .filter(|m| !hubs.contains(m))
            .filter(|&&m| {
                hubs.iter()
                    .any(|&h| wire.binary_search(&ordered(h, m)).is_ok())
            })
            .count();
        wire_print(members.len(), hubs.len(), linked, true, cfg)
    }
}

/// `pack` with the smaller document first.
fn ordered(a: u32, b: u32) -> u64 {
    pack(a.min(b), a.max(b))
}

/// The packed pairs occurring at least `min` times in `hits`.
fn pairs_with_count(mut hits: Vec<u64>, min: usize) -> Vec<u64> {
    sort_u64(&mut hits);
    hits.chunk_by(|x, y| x == y)
        .filter(|run| run.len() >= min)
        .map(|run| run[0])
        .collect()
}

/// Sorts `v` ascending: one counting pass on the top 16 bits scatters it into buckets,
/// each then sorted on its own (they are small and cache-resident).
pub(crate) fn sort_u64(v: &mut [u64]) {
    if v.len() < 1 << 16 {
        return v.sort_unstable();
    }
    let mut starts = vec![0usize; (1 << 16) + 1];
    for &x in v.iter() {
        starts[(x >> 48) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = vec![0u64; v.len()];
    let mut next = starts.clone();
    for &x in v.iter() {
        let b = (x >> 48) as usize;
        out[next[b]] = x;
        next[b] += 1;
    }
    for w in starts.windows(2) {
        out[w[0]..w[1]].sort_unstable();
    }
    v.copy_from_slice(&out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unpacked(v: Vec<u64>) -> Vec<(u32, u32)> {
        v.into_iter().map(unpack).collect()
    }

    #[test]
    fn equal_urls_pair_as_a_star_and_none_is_ignored() {
        let keys = [Some("u"), None, Some("v"), Some("u"), None, Some("u")];
        let mut out = Vec::new();
        url_pairs(keys.into_iter(), &[0, 1, 2, 3, 4, 5], &mut out);
        assert_eq!(unpacked(out), vec![(0, 3), (0, 5)]);
    }

    #[test]
    fn counted_pairs() {
        let hits = vec![pack(1, 2), pack(0, 1), pack(1, 2)];
        assert_eq!(unpacked(pairs_with_count(hits, 2)), vec![(1, 2)]);
    }

    #[test]
    fn huge_bucket_becomes_star() {
        let mut bands = Shards::default();
        for (k, d) in [(7, 1), (7, 2), (7, 3), (9, 5)] {
            bands.push(k, d);
        }
        let mut out = Vec::new();
        lsh_pairs(bands, &[true; 6], &[0, 1, 2, 3, 4, 5], 2, &mut out);
        assert_eq!(unpacked(out), vec![(1, 2), (1, 3)]);
    }

    #[test]
    fn shard_runs_come_in_key_order() {
        let mut sh = Shards::default();
        let keys: Vec<u32> = (0..50_000u32)
            .map(|i| i.wrapping_mul(0x9e37_79b9) % 20_000)
            .collect();
        for (doc, &k) in keys.iter().enumerate() {
            sh.push(k, doc as u32);
        }
        assert_eq!(sh.len(), keys.len());
        let mut seen: Vec<u64> = Vec::new();
        sh.for_each_run(|run| {
            assert!(run.iter().all(|&p| p >> 32 == run[0] >> 32));
            seen.extend_from_slice(run);
        });
        let mut want: Vec<u64> = keys
            .iter()
            .enumerate()
            .map(|(d, &k)| pack(k, d as u32))
            .collect();
        want.sort_unstable();
        assert_eq!(seen, want);
    }

    #[test]
    fn a_key_pushed_twice_by_one_document_counts_once() {
        let mut sh = Shards::default();
        for (k, d) in [(7, 0), (9, 0), (7, 0), (7, 1), (9, 1), (9, 1)] {
            sh.push(k, d);
        }
        let mut runs: Vec<Vec<u64>> = Vec::new();
        sh.for_each_run(|run| runs.push(run.to_vec()));
        assert_eq!(
            runs,
            [vec![pack(7, 0), pack(7, 1)], vec![pack(9, 0), pack(9, 1)]]
        );
    }

    #[test]
    fn radix_sort_sorts() {
        let mut v: Vec<u64> = (0..200_000u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (i >> 3))
            .collect();
        let mut want = v.clone();
        want.sort_unstable();
        sort_u64(&mut v);
        assert_eq!(v, want);
    }

    #[test]
    fn hubs_hold_the_most_shared_fingerprints_and_pairs_are_linear() {
        let mut wide = Wide::default();
        let members: Vec<u32> = (0..10_000).collect();
        wide.push(1, &members);
        wide.push(2, &[4, 9]);
        wide.push(3, &[9, 20, 30]);
        let mut weight = vec![0; 10_000];
        (0..10_000).for_each(|d| weight[d] = 1);
        [4, 9, 9, 20, 30].iter().for_each(|&d| weight[d] += 1);
        let rank: Vec<u32> = (0..10_000).collect();
        let wide = wide.with_hubs(&weight, &rank, 2);
        assert_eq!(wide.hubs, [9, 4, 9, 4, 9, 20]);
        // Every member shares fingerprint 1 with hub 9: the second hub adds nothing.
        let out = wide.linked_pairs(1, |_, _| true);
        assert_eq!(out.len(), 9_999);
        assert!(out.iter().all(|&p| unpack(p).0 == 9 || unpack(p).1 == 9));
        let two = wide.linked_pairs(2, |_, _| true);
        assert_eq!(two, [ordered(4, 9), ordered(9, 20), ordered(9, 30)]);
    }

    /// Containment pairs and boilerplate of `(key, doc)` items, every document active and
    /// ranked by index.
    fn judge_all(
        items: &[(u32, u32)],
        outlets: &[Option<&str>],
        cfg: &RelateConfig,
    ) -> (Vec<u64>, KeySet) {
        let n = outlets.len();
        let ranks: Vec<u32> = (0..n as u32).collect();
        containment_pairs(shards_sorted(items), outlets, &vec![true; n], &ranks, cfg)
    }

    /// Postings of `(key, doc)` items, pushed in document order.
    fn shards_sorted(items: &[(u32, u32)]) -> Shards {
        let mut v = items.to_vec();
        v.sort_unstable_by_key(|&(k, d)| (d, k));
        let mut sh = Shards::default();
        v.into_iter().for_each(|(k, d)| sh.push(k, d));
        sh
    }

    #[test]
    fn long_frequent_passage_is_content_short_block_is_boilerplate() {
        let cfg = RelateConfig::default();
        let mut items = Vec::new();
        let mut add = |keys: std::ops::Range<u32>, docs: std::ops::Range<u32>| {
            keys.for_each(|k| docs.clone().for_each(|d| items.push((k, d))))
        };
        add(1000..1030, 0..60); // a 30-fingerprint passage in 60 documents
        add(2000..2006, 50..150); // a 6-fingerprint block in 100, 10 of them wire copies
        let (pairs, frequent) = judge_all(&items, &[None; 200], &cfg);
        assert_eq!(frequent, (2000..2006).collect());
        // Documents 50–59 hold both blocks, the most shared text: 50 is the first hub and
        // links every member of the passage, so the second hub (51) adds no pair.
        let want: Vec<u64> = (0..60)
            .filter(|&m| m != 50)
            .map(|m| ordered(m, 50))
            .collect();
        let mut got = pairs;
        got.sort_unstable();
        assert_eq!(got, want);
    }

    #[test]
    fn support_decides_a_fingerprint_partly_inside_a_passage() {
        let mut items = Vec::new();
        (1..26u32).for_each(|k| (0..60).for_each(|d| items.push((k, d))));
        (0..100).for_each(|d| items.push((100, d))); // 58 of its 98 non-hubs in the passage
        let judged = |support| {
            let cfg = RelateConfig {
                wire_min_support: support,
                ..RelateConfig::default()
            };
            judge_all(&items, &[None; 200], &cfg).1
        };
        assert!(judged(0.5).is_empty());
        assert_eq!(judged(0.7), KeySet::from_iter([100]));
    }

    #[test]
    fn long_block_within_one_outlet_is_boilerplate() {
        let mut items = Vec::new();
        (1..31u32).for_each(|k| (0..60).for_each(|d| items.push((k, d))));
        let mut outlets = vec![None; 200];
        outlets[..60].fill(Some("Daily Planet"));
        let cfg = RelateConfig::default();
        let (pairs, frequent) = judge_all(&items, &outlets, &cfg);
        assert!(pairs.is_empty());
        assert_eq!(frequent, (1..31).collect());
        outlets[1] = Some("Bugle"); // the second hub links everyone but the first
        let (pairs, frequent) = judge_all(&items, &outlets, &cfg);
        assert_eq!(pairs.len(), 59);
        assert!(frequent.is_empty());
    }

    #[test]
    fn big_non_frequent_bucket_pairs_through_hubs() {
        let cfg = RelateConfig {
            boilerplate_min_docs: 100_000,
            ..RelateConfig::default()
        };
        let mut items = Vec::new();
        (0..3u32).for_each(|k| (0..1000).for_each(|d| items.push((k, d))));
        let (pairs, frequent) = judge_all(&items, &[None; 1000], &cfg);
        assert!(frequent.is_empty());
        // The first hub links every member: the second adds nothing.
        assert_eq!(pairs.len(), 999);
        assert!(pairs.iter().all(|&p| (p >> 32) == 0));
    }

    #[test]
    fn frequent_threshold_scales() {
        let cfg = RelateConfig::default();
        assert_eq!(frequent_threshold(10, &cfg), 50);
        assert_eq!(frequent_threshold(1_000_000, &cfg), 10_000);
    }
}
