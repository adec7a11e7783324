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

/// LSH candidates: every pair of a bucket, or a star from its lowest-ranked member when
/// the bucket has more than `max_bucket` members (so one huge cluster stays linear).
fn lsh_pairs(bands: Shards, active: &[bool], rank: &[u32], max_bucket: usize, out: &mut Vec<u64>) {
    let mut docs = Vec::new();
    bands.for_each_run(|bucket| {
        if bucket.len() < 2 {
            return;
        }
        active_docs(bucket, active, &mut docs);
        if docs.len() > max_bucket {
            star(&docs, rank, out);
        } else {
            all_pairs(docs.iter().copied(), out);
        }
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

/// A star from the lowest-ranked document of each equal `Some` key to every other one:
/// documents of one URL join one group, which needs connecting pairs, not all of them.
fn url_pairs<K: Ord>(keys: impl Iterator<Item = Option<K>>, rank: &[u32], out: &mut Vec<u64>) {
    let mut keyed: Vec<(K, u32)> = keys
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (k, i as u32)))
        .collect();
    keyed.sort_unstable();
    for run in keyed.chunk_by(|x, y| x.0 == y.0) {
        let docs: Vec<u32> = run.iter().map(|e| e.1).collect();
        star(&docs, rank, out);
    }
}

/// Pairs (packed smaller first) of the lowest-ranked of `docs` with each other one.
fn star(docs: &[u32], rank: &[u32], out: &mut Vec<u64>) {
    let Some(&centre) = docs.iter().min_by_key(|&&d| rank[d as usize]) else {
        return;
    };
    out.extend(
        docs.iter()
            .filter(|&&d| d != centre)
            .map(|&d| ordered(centre, d)),
    );
}

/// Pushes every packed `(x, y)`, `x < y`, of an ascending list.
fn all_pairs(members: impl Iterator<Item = u32> + Clone, out: &mut Vec<u64>) {
    let mut rest = members;
    while let Some(x) = rest.next() {
        out.extend(rest.clone().map(|y| pack(x, y)));
    }
}

/// Number of documents at or above which a fingerprint is boilerplate.
pub fn frequent_threshold(n_docs: usize, cfg: &RelateConfig) -> usize {
    let rel = (cfg.boilerplate_doc_fraction * n_docs as f64).ceil() as usize;
    cfg.boilerplate_min_docs.max(rel).max(2)
}

/// Containment candidates and the boilerplate fingerprints. A fingerprint in at most
/// `containment_max_bucket` active documents pairs all of them; a bigger one is set aside
/// and pairs each member with its hubs only ([`Wide::hubs`]); a pair is a candidate once
/// it shares `min_shared_fingerprints`. Frequent fingerprints (≥ [`frequent_threshold`]
/// active documents) are judged by [`Wide::judge`]: wire passage or boilerplate.
/// `outlets` and `active` have one entry per document.
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
        if docs.len() > 1 {
            docs.iter().for_each(|&d| weight[d as usize] += 1);
        }
        let key = (run[0] >> 32) as u32;
        match docs.len() {
            0 | 1 => {}
            n if n >= limit => frequent.push(key, &docs),
            n if n > cfg.containment_max_bucket => capped.push(key, &docs),
            _ => all_pairs(docs.iter().copied(), &mut hits),
        }
    });
    let hubs = cfg.containment_hubs.max(1);
    let (frequent, capped) = (
        frequent.with_hubs(&weight, rank, hubs),
        capped.with_hubs(&weight, rank, hubs),
    );
    let min_shared = cfg.min_shared_fingerprints.max(1);
    let mut pairs = pairs_with_count(hits, min_shared);
    pairs.extend(capped.linked_pairs(min_shared, |_| true));
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

    /// Chooses each fingerprint's hubs: its `hubs` members holding the most fingerprints
    /// shared with some other document (`weight`: a source shares nearly all of its text,
    /// a borrower only what it took), the lower `rank` first among equals.
    fn with_hubs(mut self, weight: &[u32], rank: &[u32], hubs: usize) -> Self {
        self.hub_count = hubs;
        let mut chosen = Vec::with_capacity(self.keys.len() * hubs);
        for (_, docs) in self.runs() {
            let mut top: Vec<u32> = Vec::with_capacity(hubs + 1);
            for &d in docs {
                let score = |x: u32| (std::cmp::Reverse(weight[x as usize]), rank[x as usize]);
                let better = |t: &u32| score(d) < score(*t);
                let at = top.iter().position(better).unwrap_or(top.len());
                if at < hubs {
                    top.insert(at, d);
                    top.truncate(hubs);
                }
            }
            top.resize(hubs, u32::MAX);
            chosen.extend(top);
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
    /// that share at least `min` of these fingerprints, found hub rank by hub rank: first
    /// every fingerprint's first hub, then its second hub with the members no earlier hub
    /// of it was paired with, and so on. A member is linked to the fullest copy when that
    /// covers it, and to a second hub only when it does not — so a second hub that differs
    /// from one fingerprint to the next adds no pairs where the first already links.
    fn linked_pairs(&self, min: usize, keep: impl Fn(u64) -> bool) -> Vec<u64> {
        let mut found: Vec<u64> = Vec::new();
        for r in 0..self.hub_count {
            let mut hits = Vec::new();
            for (i, (_, docs)) in self.runs().enumerate() {
                let hubs: Vec<u32> = self.hubs_of(i).collect();
                let Some(&hub) = hubs.get(r) else { continue };
                let linked = |m: u32| {
                    hubs[..r]
                        .iter()
                        .any(|&h| found.binary_search(&ordered(h, m)).is_ok())
                };
                for &m in docs {
                    let p = ordered(hub, m);
                    if m != hub && keep(p) && !linked(m) {
                        hits.push(p);
                    }
                }
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
    /// ([`Wide::linked_pairs`]), but not two documents of one outlet (a long site template
    /// is boilerplate, a wire story travels across outlets); a pair counted
    /// `wire_min_shared_prints` times shares a long run of frequent text, a passage, and is
    /// a candidate. A fingerprint whose members mostly (`wire_min_support`) share such a
    /// passage with one of its hubs is content; the others are boilerplate. Returns the
    /// wire pairs (sorted) and the boilerplate keys.
    fn judge(&self, outlets: &[Option<&str>], cfg: &RelateConfig) -> (Vec<u64>, KeySet) {
        let apart = |p: u64| {
            let (a, b) = unpack(p);
            let outlet = |d: u32| outlets[d as usize];
            outlet(a).is_none() || outlet(a) != outlet(b)
        };
        let wire = self.linked_pairs(cfg.wire_min_shared_prints.max(1), apart);
        let boilerplate = self
            .runs()
            .enumerate()
            .filter(|(i, (_, d))| !self.is_wire(*i, d, &wire, cfg.wire_min_support))
            .map(|(_, (k, _))| k)
            .collect();
        (wire, boilerplate)
    }

    /// Whether at least `min_support` of fingerprint `i`'s non-hub `members` are in a
    /// `wire` pair (sorted) with one of its hubs.
    fn is_wire(&self, i: usize, members: &[u32], wire: &[u64], min_support: f64) -> bool {
        let hubs: Vec<u32> = self.hubs_of(i).collect();
        let rest = members.len() - hubs.len();
        if wire.is_empty() || rest == 0 {
            return false;
        }
        let linked = members
            .iter()
            .filter(|m| !hubs.contains(m))
            .filter(|&&m| {
                hubs.iter()
                    .any(|&h| wire.binary_search(&ordered(h, m)).is_ok())
            })
            .count();
        linked as f64 >= min_support * rest as f64
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
        let out = wide.linked_pairs(1, |_| true);
        assert_eq!(out.len(), 9_999);
        assert!(out.iter().all(|&p| unpack(p).0 == 9 || unpack(p).1 == 9));
        let two = wide.linked_pairs(2, |_| true);
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
