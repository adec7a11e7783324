//! An in-process model of the distributed plan of `samestory_relate::shard` (its module
//! docs, stages 1–8): documents split into partitions, keys computed per partition, buckets
//! formed by grouping keys across partitions, each bucket rule applied to its members in
//! partition order (not sorted), pairs verified in small batches, components by
//! union-find over joining verdicts. Also the engine's own candidates and boilerplate for
//! the same documents, and a corpus generator with planted worst cases. Shared by
//! `tests/shard.rs` and `examples/shard_diff.rs`.

#![allow(dead_code)]

use samestory_core::{Document, Format, IngestConfig, RelateConfig, UnionFind};
use samestory_relate::candidates::{self, KeySet, Postings};
use samestory_relate::features::Sketcher;
use samestory_relate::shard::{self, DocKeys, DocNo, Member, PrintBucket};
use samestory_relate::verify::Corpus;
use samestory_relate::{exact, groups, SliceSource};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// What the plan found, besides the groups.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Per document (input order): its group id.
    pub group_of: Vec<String>,
    /// Candidate pairs as `(input index, input index)`, smaller first, sorted.
    pub candidates: Vec<(u32, u32)>,
    /// Boilerplate fingerprint keys.
    pub boilerplate: BTreeSet<u32>,
    /// Pairs each regrouping round asked for.
    pub regroup_asked: Vec<usize>,
    /// Per document: its group id before any regrouping round.
    pub first_groups: Vec<String>,
    /// Buckets by rule: LSH stars, capped fingerprints, frequent, wire pairs.
    pub stars: usize,
    /// Capped fingerprints.
    pub capped: usize,
    /// Frequent fingerprints.
    pub frequent: usize,
    /// Wire pairs.
    pub wire: usize,
}

/// One document's row after stage 1.
struct Row {
    keys: DocKeys,
    hash: Option<u128>,
    part: usize,
}

fn ordered(a: DocNo, b: DocNo) -> (DocNo, DocNo) {
    (a.min(b), a.max(b))
}

/// Groups a list of `(key, value)` rows "across partitions": per key, the values in the
/// order the rows came (partition order), keys ascending.
fn group_by<K: Ord, V>(rows: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, Vec<V>> {
    let mut out: BTreeMap<K, Vec<V>> = BTreeMap::new();
    for (k, v) in rows {
        out.entry(k).or_default().push(v);
    }
    out
}

/// Counts equal items.
fn count<K: Ord + Copy>(items: impl IntoIterator<Item = K>) -> BTreeMap<K, usize> {
    let mut out = BTreeMap::new();
    items
        .into_iter()
        .for_each(|k| *out.entry(k).or_insert(0) += 1);
    out
}

/// The plan over `docs` (unique ids, any order) in `parts` partitions, verifying five
/// pairs a batch.
pub fn run(docs: &[Document], cfg: &RelateConfig, parts: usize) -> Outcome {
    run_with(docs, cfg, parts, 5)
}

/// The plan, verifying `batch` pairs a batch.
pub fn run_with(docs: &[Document], cfg: &RelateConfig, parts: usize, batch: usize) -> Outcome {
    let n = docs.len();
    // Stage 1: keys per partition (document i in partition (i * 7 + 3) % parts).
    let part_of = |i: usize| (i * 7 + 3) % parts;
    let mut rows: Vec<Option<Row>> = (0..n).map(|_| None).collect();
    for p in 0..parts {
        let mut sketcher = Sketcher::new(cfg);
        for i in (0..n).filter(|&i| part_of(i) == p) {
            let keys = shard::doc_keys(&mut sketcher, &docs[i], cfg);
            let hash = (keys.words > 0).then(|| shard::body_hash(&docs[i].body));
            rows[i] = Some(Row {
                keys,
                hash,
                part: p,
            });
        }
    }
    let rows: Vec<Row> = rows.into_iter().map(Option::unwrap).collect();
    let rows = &rows;
    // Numbering: a global sort by rank bytes, then numbers with gaps, as Spark's
    // monotonically_increasing_id gives after a sort (partition << 33 | position).
    let mut by_rank: Vec<usize> = (0..n).collect();
    by_rank.sort_by(|&a, &b| rows[a].keys.rank.cmp(&rows[b].keys.rank));
    let chunk = n.div_ceil(parts).max(1);
    let mut no = vec![0 as DocNo; n];
    for (pos, &i) in by_rank.iter().enumerate() {
        no[i] = (((pos / chunk) as u64) << 33) | (pos % chunk) as u64;
    }
    let no = &no;
    let index: HashMap<DocNo, usize> = (0..n).map(|i| (no[i], i)).collect();
    // Rows visited partition by partition, as a shuffle reads them.
    let order: Vec<usize> = (0..parts)
        .flat_map(|p| (0..n).filter(move |&i| rows[i].part == p))
        .collect();

    // Stage 2: exact classes.
    let classes = group_by(
        order
            .iter()
            .filter_map(|&i| Some(((rows[i].keys.exact, rows[i].hash?), no[i]))),
    );
    let mut exemplar: Vec<DocNo> = no.to_vec();
    for members in classes.values() {
        let e = shard::exemplar(members);
        members.iter().for_each(|m| exemplar[index[m]] = e);
    }
    let active: Vec<bool> = (0..n)
        .map(|i| shard::active(no[i], exemplar[i], rows[i].keys.words))
        .collect();
    let live: Vec<usize> = order.iter().copied().filter(|&i| active[i]).collect();
    let limit = shard::frequent_limit(live.len() as u64, cfg);

    let mut out = Outcome::default();
    let mut cands: BTreeSet<(DocNo, DocNo)> = BTreeSet::new();
    // Stage 3: LSH buckets.
    let bands = group_by(
        live.iter()
            .flat_map(|&i| rows[i].keys.bands.iter().map(move |&k| (k, no[i]))),
    );
    for members in bands.values() {
        out.stars += usize::from(members.len() > cfg.lsh_max_bucket);
        cands.extend(shard::lsh_bucket(members, cfg));
    }
    // Stage 4: URLs.
    let urls = group_by(
        live.iter()
            .filter_map(|&i| Some((rows[i].keys.url.clone()?, no[i]))),
    );
    urls.values()
        .for_each(|m| cands.extend(shard::url_bucket(m)));
    // Stage 5: fingerprints.
    let prints = group_by(
        live.iter()
            .flat_map(|&i| rows[i].keys.prints.iter().map(move |&k| (k, no[i]))),
    );
    let kind: BTreeMap<u32, PrintBucket> = prints
        .iter()
        .map(|(&k, m)| (k, shard::print_bucket(m.len(), limit, cfg)))
        .collect();
    let weight = count(
        prints
            .iter()
            .filter(|(k, _)| kind[k] != PrintBucket::Alone)
            .flat_map(|(_, m)| m.iter().copied()),
    );
    let hits = count(
        prints
            .iter()
            .filter(|(k, _)| kind[k] == PrintBucket::Pairs)
            .flat_map(|(_, m)| shard::print_pairs(m)),
    );
    let needed = shard::shared_needed(PrintBucket::Pairs, cfg);
    cands.extend(hits.iter().filter(|(_, &c)| c >= needed).map(|(&p, _)| p));
    let member = |d: DocNo| Member {
        doc: d,
        weight: weight.get(&d).copied().unwrap_or(0) as u32,
        outlet: rows[index[&d]].keys.outlet.as_deref(),
    };
    let mut boilerplate = KeySet::default();
    for bucket in [PrintBucket::Capped, PrintBucket::Frequent] {
        let wide: Vec<(u32, Vec<Member>)> = prints
            .iter()
            .filter(|(k, _)| kind[k] == bucket)
            .map(|(&k, m)| (k, m.iter().map(|&d| member(d)).collect()))
            .collect();
        // Hubs as a two-level aggregate: per half of the members, then merged.
        let hubs: Vec<Vec<Member>> = wide
            .iter()
            .map(|(_, m)| {
                let (a, b) = m.split_at(m.len() / 2);
                let mut partial = shard::hubs(a, cfg);
                partial.extend(shard::hubs(b, cfg));
                shard::hubs(&partial, cfg)
            })
            .collect();
        let mut found: HashSet<(DocNo, DocNo)> = HashSet::new();
        for r in 0..shard::hub_count(cfg) {
            let linked = |h: DocNo, m: DocNo| found.contains(&ordered(h, m));
            let hits = count(wide.iter().zip(&hubs).flat_map(|((_, members), hubs)| {
                members
                    .iter()
                    .filter_map(|m| shard::hub_hit(bucket, m, hubs, r, linked))
                    .collect::<Vec<_>>()
            }));
            let needed = shard::shared_needed(bucket, cfg);
            let new: Vec<_> = hits
                .iter()
                .filter(|(_, &c)| c >= needed)
                .map(|(&p, _)| p)
                .collect();
            found.extend(new);
        }
        cands.extend(found.iter().copied());
        if bucket == PrintBucket::Capped {
            out.capped = wide.len();
            continue;
        }
        out.frequent = wide.len();
        out.wire = found.len();
        for ((key, members), hubs) in wide.iter().zip(&hubs) {
            let is_hub = |d: DocNo| hubs.iter().any(|h| h.doc == d);
            let linked = members
                .iter()
                .filter(|m| !is_hub(m.doc))
                .filter(|m| hubs.iter().any(|h| found.contains(&ordered(h.doc, m.doc))))
                .count();
            if !shard::wire_print(members.len(), hubs.len(), linked, !found.is_empty(), cfg) {
                boilerplate.insert(*key);
            }
        }
    }
    out.boilerplate = boilerplate.iter().copied().collect();
    out.candidates = cands
        .iter()
        .map(|&(a, b)| {
            let (x, y) = (index[&a] as u32, index[&b] as u32);
            (x.min(y), x.max(y))
        })
        .collect();
    out.candidates.sort_unstable();

    // Stage 6: verification in batches of a few pairs, each with its own documents.
    let verify = |pairs: &[(DocNo, DocNo)]| -> Vec<(DocNo, DocNo, bool)> {
        let mut out = Vec::new();
        for batch in pairs.chunks(batch.max(1)) {
            let mut local: Vec<DocNo> = batch.iter().flat_map(|&(a, b)| [a, b]).collect();
            local.sort_unstable();
            local.dedup();
            let at = |d: DocNo| local.binary_search(&d).unwrap() as u32;
            let bodies: Vec<Document> = local.iter().map(|d| docs[index[d]].clone()).collect();
            let pairs: Vec<(u32, u32)> = batch.iter().map(|&(a, b)| (at(a), at(b))).collect();
            for c in shard::verify_batch(&bodies, &pairs, &boilerplate, cfg) {
                let (x, y) = (local[c.x as usize], local[c.y as usize]);
                out.push((x.min(y), x.max(y), shard::joins(&c.verdict)));
            }
        }
        out
    };
    let pairs: Vec<(DocNo, DocNo)> = cands.iter().copied().collect();
    let mut checked = verify(&pairs);
    let mut asked: HashSet<(DocNo, DocNo)> = cands.iter().copied().collect();

    // Stage 7: components; label = smallest number (UnionFind keeps the smallest root).
    let mut sorted: Vec<DocNo> = no.to_vec();
    sorted.sort_unstable();
    let pos = |d: DocNo| sorted.binary_search(&d).unwrap();
    let labels = |checked: &[(DocNo, DocNo, bool)]| -> Vec<DocNo> {
        let mut uf = UnionFind::new(n);
        (0..n).for_each(|i| uf.union(pos(no[i]), pos(exemplar[i])));
        checked
            .iter()
            .filter(|c| c.2)
            .for_each(|&(a, b, _)| uf.union(pos(a), pos(b)));
        (0..n).map(|i| sorted[uf.find(pos(no[i]))]).collect()
    };
    let names = |label: &[DocNo]| -> Vec<String> {
        let mut name: HashMap<DocNo, &str> = HashMap::new();
        for i in 0..n {
            let e = name.entry(label[i]).or_insert(&docs[i].id);
            if docs[i].id.as_str() < *e {
                *e = &docs[i].id;
            }
        }
        (0..n).map(|i| name[&label[i]].to_string()).collect()
    };
    let mut label = labels(&checked);
    out.first_groups = names(&label);
    // Stage 8: regrouping rounds.
    for _ in 0..shard::REGROUP_ROUNDS {
        let lab = |d: DocNo| label[index[&d]];
        let want: BTreeSet<(DocNo, DocNo)> = checked
            .iter()
            .filter(|c| !c.2)
            .filter_map(|&(a, b, _)| shard::regroup_pair(lab(a), lab(b)))
            .filter(|p| !asked.contains(p))
            .collect();
        out.regroup_asked.push(want.len());
        if want.is_empty() {
            break;
        }
        asked.extend(want.iter().copied());
        let pairs: Vec<(DocNo, DocNo)> = want.into_iter().collect();
        checked.extend(verify(&pairs));
        label = labels(&checked);
    }
    out.group_of = names(&label);
    out
}

/// The engine's own candidate pairs and boilerplate keys for `docs` (input order), for a
/// stage-by-stage comparison.
pub fn engine_candidates(
    docs: &[Document],
    cfg: &RelateConfig,
) -> (Vec<(u32, u32)>, BTreeSet<u32>) {
    let mut post = Postings::default();
    let mut sketcher = Sketcher::new(cfg);
    for (i, d) in docs.iter().enumerate() {
        let s = sketcher.sketch(&d.body);
        post.words.push(s.words);
        post.keys.push(s.key);
        s.bands.iter().for_each(|&k| post.bands.push(k, i as u32));
        s.prints.iter().for_each(|&k| post.prints.push(k, i as u32));
    }
    let rank = groups::ranks(docs, &cfg.wire_agencies);
    let corpus = Corpus {
        metas: docs,
        words: &post.words,
        keys: &post.keys,
    };
    let exemplar = exact::exemplars(&corpus, &rank, &SliceSource(docs)).unwrap();
    let active: Vec<bool> = (0..docs.len())
        .map(|i| exact::active(exemplar[i] as usize == i, post.words[i]))
        .collect();
    let c = candidates::find(docs, &mut post, &active, &rank, cfg);
    (c.pairs, c.frequent.into_iter().collect())
}

/// A small deterministic generator (xorshift).
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// Next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// An invented word.
fn word(r: &mut Rng) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fu", "gi", "ho", "ja", "pe",
        "zu",
    ];
    let len = 1 + r.below(3);
    (0..len).map(|_| SYL[r.below(16)]).collect()
}

/// `words` invented words, a full stop every 17.
pub fn text(r: &mut Rng, words: usize) -> Vec<String> {
    (0..words)
        .map(|i| {
            let w = word(r);
            if i % 17 == 16 {
                format!("{w}.")
            } else {
                w
            }
        })
        .collect()
}

/// Scattered word edits: about one word in `every` replaced, dropped or doubled.
fn edit(r: &mut Rng, words: &[String], every: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len() + 8);
    for w in words {
        match r.below(every * 3) {
            0 => out.push(word(r)),
            1 => {}
            2 => {
                out.push(w.clone());
                out.push(word(r));
            }
            _ => out.push(w.clone()),
        }
    }
    out
}

const OUTLETS: [&str; 8] = [
    "Daily Planet",
    "Bugle",
    "Gazette",
    "Herald",
    "Courier",
    "Sentinel",
    "Tribune",
    "Ledger",
];

/// A synthetic corpus of about `n` documents: fresh stories, near-duplicates, trimmed and
/// exact copies, reprints of passages, shared URLs, dated and undated, wire bylines; and
/// the worst cases scaled with `n`: many exact copies of one story, one disclaimer on
/// every document, one LSH bucket over `lsh_max_bucket` members, a wire passage reprinted
/// across outlets and one outlet's long template.
pub fn synthetic(n: usize, seed: u64) -> Vec<Document> {
    let mut r = Rng::new(seed);
    let disclaimer = text(&mut r, 45).join(" ");
    let wire = text(&mut r, 160);
    let template = text(&mut r, 140);
    let mut bodies: Vec<Vec<String>> = Vec::new();
    let mut docs: Vec<Document> = Vec::new();
    let push = |r: &mut Rng, id: String, words: &[String], docs: &mut Vec<Document>| {
        let mut d = Document::new(
            id,
            Format::Text,
            format!("{}\n\n{disclaimer}", words.join(" ")),
        );
        let k = docs.len();
        if r.below(4) != 0 {
            d.meta.date = Some(format!(
                "2023-{:02}-{:02}",
                1 + (k / 280) % 12,
                1 + (k / 10) % 28
            ));
            if r.below(3) == 0 {
                d.meta.published = Some(format!(
                    "{}T{:02}:{:02}:00Z",
                    d.meta.date.as_deref().unwrap(),
                    r.below(24),
                    r.below(60)
                ));
            }
        }
        if r.below(6) == 0 {
            d.meta.byline = Some("By Jo Lee, Reuters".into());
        }
        d.meta.outlet = Some(OUTLETS[r.below(8)].into());
        docs.push(d);
    };
    let big_bucket = 230.min(n / 2).max(8);
    let copies = 120.min(n / 12).max(4);
    let wires = 70.min(n / 9).max(4);
    let templated = 60.min(n / 9).max(4);
    // One text punctuated differently: equal words and signatures (every band key
    // shared), unequal normalised bodies (no exact class).
    let base = text(&mut r, 80);
    for k in 0..big_bucket {
        let mut words = base.clone();
        for b in 0..10 {
            let mark = if k >> b & 1 == 1 { ',' } else { ';' };
            words[3 + 7 * b].push(mark);
        }
        push(&mut r, format!("lsh-{k:05}"), &words, &mut docs);
    }
    let story = text(&mut r, 250);
    for k in 0..copies {
        let body = if k % 2 == 0 {
            story.join(" ")
        } else {
            story.join("  ").to_uppercase()
        };
        push(&mut r, format!("copy-{k:05}"), &[body], &mut docs);
    }
    for k in 0..wires {
        let mut words = {
            let len = 60 + r.below(150);
            text(&mut r, len)
        };
        let at = r.below(words.len());
        words.splice(at..at, edit(&mut r, &wire, 1000));
        push(&mut r, format!("wire-{k:05}"), &words, &mut docs);
        docs.last_mut().unwrap().meta.outlet = Some(format!("Outlet {k}"));
    }
    for k in 0..templated {
        let mut words = {
            let len = 120 + r.below(200);
            text(&mut r, len)
        };
        words.extend(template.iter().cloned());
        push(&mut r, format!("site-{k:05}"), &words, &mut docs);
        docs.last_mut().unwrap().meta.outlet = Some("Daily Planet".into());
    }
    let rest = n.saturating_sub(docs.len());
    for k in 0..rest {
        let id = format!("doc-{:06}", (k * 7919) % rest.max(1));
        let id = format!("{id}-{k}");
        let pick = |r: &mut Rng, b: &Vec<Vec<String>>| b[r.below(b.len())].clone();
        let words = match r.below(20) {
            _ if bodies.is_empty() => {
                let len = 150 + r.below(350);
                text(&mut r, len)
            }
            0..=2 => {
                let b = pick(&mut r, &bodies);
                {
                    let len = 25 + r.below(60);
                    edit(&mut r, &b, len)
                }
            }
            3 => {
                let b = pick(&mut r, &bodies);
                b[..b.len() * 9 / 10].to_vec()
            }
            4 => pick(&mut r, &bodies),
            5..=6 => {
                let mut own = {
                    let len = 100 + r.below(200);
                    text(&mut r, len)
                };
                for _ in 0..1 + r.below(3) {
                    let b = pick(&mut r, &bodies);
                    let len = (30 + r.below(100)).min(b.len());
                    let from = r.below(b.len() - len + 1);
                    let at = r.below(own.len());
                    own.splice(at..at, edit(&mut r, &b[from..from + len], 80));
                }
                own
            }
            _ => {
                let len = 150 + r.below(350);
                text(&mut r, len)
            }
        };
        push(&mut r, id, &words, &mut docs);
        if r.below(30) == 0 && docs.len() > 2 {
            let other = r.below(docs.len() - 1);
            let url = format!("https://example.org/{other}");
            docs[other].meta.url = Some(url.clone());
            docs.last_mut().unwrap().meta.url = Some(url);
        }
        bodies.push(words);
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

/// The documents of every input under `path` as the CLI reads them, sorted by id (a
/// repeated id kept once).
pub fn read_corpus(path: &str, cfg: &IngestConfig) -> Vec<Document> {
    let (files, errors) = samestory_ingest::collect_inputs(&[path]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut docs: Vec<Document> = files
        .iter()
        .flat_map(|f| samestory_ingest::read_file(f, cfg).documents)
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs.dedup_by(|a, b| a.id == b.id);
    docs
}
