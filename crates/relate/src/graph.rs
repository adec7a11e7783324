//! The relation graph as a reader would draw it, from the verified pairs: each copy points
//! at its group's representative, each reprint at its source — linear in the documents and
//! the reprint edges, never in group².
//!
//! - **Groups** (`tree_rows`): a duplicate group of n documents gives n − 1 rows, a
//!   spanning tree of verified pairs rooted at the representative, using a direct edge to
//!   it wherever one verifies ([`second_pass`] asks for those pairs).
//! - **Reprints** (`reprint_rows`): pairs sharing passages are gathered per pair of
//!   groups into one edge between the representatives. Edges whose passages cover enough
//!   of one side (`reprint_min_coverage`) are reprints; their direction comes from
//!   publication time, wire credit, coherence (the side whose shared passages belong with
//!   the rest of its text is the original), the composite structure (a document made of
//!   passages of sources that share nothing with each other borrows from each), a "first
//!   appeared in" notice and containment, in that order. A group known to
//!   borrow also borrows from every group it shares passages of `secondary_min_words`
//!   unquoted words in all with (a secondary source; a single passage is enough where
//!   time or coherence agree on their own). Two borrowers of one
//!   source whose shared text is what both took from it are siblings: not a reprint
//!   (`shared_source` on request), unless what they share beyond it is one.
//!
//! Reads metadata and verified pairs only; never bodies. Every examined neighbourhood is
//! capped ([`MAX_NEIGHBOURS`]), so a hub shared by 20,000 documents stays linear.

use crate::groups::Groups;
use crate::reprint::{by_coherence, by_containment, by_notice, by_time, by_wire, Direction, Rule};
use crate::stream::MAX_ROUNDS;
use crate::verify::{Checked, Reuse, Scores, Verdict};
use crate::{Kind, Relation};
use rayon::prelude::*;
use samestory_core::round4;
use samestory_core::{Document, RelateConfig};
use std::collections::{HashMap, HashSet};

/// Edges of one group examined for the composite and sibling rules (its strongest).
pub const MAX_NEIGHBOURS: usize = 32;

/// `(smaller, larger)` index pair.
fn key(i: u32, j: u32) -> (u32, u32) {
    (i.min(j), i.max(j))
}

/// Pairs to verify once the groups are known: each class exemplar with its group's
/// representative (direct tree edges), and the representatives of two groups whose members
/// share passages. Pairs already in `checked` are left out.
pub fn second_pass(groups: &Groups, exemplar: &[u32], checked: &[Checked]) -> Vec<(u32, u32)> {
    let have: HashSet<(u32, u32)> = checked.iter().map(|c| key(c.x, c.y)).collect();
    let rep = &groups.rep;
    let tree = exemplar
        .iter()
        .enumerate()
        .filter(|&(i, &e)| e as usize == i && rep[i] != e)
        .map(|(i, _)| key(rep[i], i as u32));
    let reuse = checked
        .iter()
        .filter(|c| matches!(c.verdict, Verdict::Reuse(_)))
        .filter_map(|c| regroup_pair(rep[c.x as usize], rep[c.y as usize]));
    let mut need: Vec<(u32, u32)> = tree.chain(reuse).filter(|k| !have.contains(k)).collect();
    need.sort_unstable();
    need.dedup();
    need
}

/// The groups once the [`second_pass`] pairs are verified too: `checked` (the first
/// verification) grows by the pairs each pass asks for (`verify` verifies them), and the
/// groups are made again, until a pass asks for nothing or [`MAX_ROUNDS`] passes ran — a
/// pair the graph needs may itself join two groups, whose new representatives then need
/// their own pairs (rare; a few rounds at most).
pub fn settle<E>(
    metas: &[Document],
    exemplar: &[u32],
    rank: &[u32],
    mut checked: Vec<Checked>,
    mut verify: impl FnMut(&[(u32, u32)]) -> Result<Vec<Checked>, E>,
) -> Result<(Groups, Vec<Checked>), E> {
    let mut groups = Groups::new(metas, exemplar, &checked, rank);
    for _ in 0..MAX_ROUNDS {
        let more = second_pass(&groups, exemplar, &checked);
        if more.is_empty() {
            break;
        }
        checked.extend(verify(&more)?);
        groups = Groups::new(metas, exemplar, &checked, rank);
    }
    Ok((groups, checked))
}

/// The pair a verified pair sharing passages asks for once the groups are known: the
/// representatives of its two documents' groups (`rep_x`, `rep_y`), smaller first, when
/// those differ. Only these pairs of the [`second_pass`] can join groups: the others are
/// inside one group already.
pub fn regroup_pair<D: Ord>(rep_x: D, rep_y: D) -> Option<(D, D)> {
    match rep_x.cmp(&rep_y) {
        std::cmp::Ordering::Less => Some((rep_x, rep_y)),
        std::cmp::Ordering::Equal => None,
        std::cmp::Ordering::Greater => Some((rep_y, rep_x)),
    }
}

/// What the rows are built from.
pub struct Graph<'a> {
    /// Per document: metadata.
    pub metas: &'a [Document],
    /// The thresholds.
    pub cfg: &'a RelateConfig,
    /// Per document: its exact class's exemplar.
    pub exemplar: &'a [u32],
    /// The duplicate groups.
    pub groups: &'a Groups,
    /// Every verified pair (both passes).
    pub checked: &'a [Checked],
    /// Per document: its place in the representative order, which breaks every tie.
    pub rank: &'a [u32],
}

/// Every row of relations.jsonl the engine writes, sorted by `(a, b)`.
pub fn relations(g: &Graph) -> Vec<Relation> {
    let mut rows = if g.cfg.all_pairs {
        all_group_rows(g)
    } else {
        tree_rows(g)
    };
    rows.extend(reprint_rows(g));
    rows.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    rows
}

impl Graph<'_> {
    fn id(&self, i: u32) -> &str {
        &self.metas[i as usize].id
    }

    /// A row between `i` and `j` (any order) from the scores of a pair whose `x` plays
    /// `i`'s part (`i_is_x`) — `i` and `j` may be copies of the checked documents.
    fn row(
        &self,
        (i, j): (u32, u32),
        c: &Checked,
        i_is_x: bool,
        kind: Kind,
        why: String,
    ) -> Relation {
        let s = c.scores;
        let (ci, cj) = if i_is_x {
            (s.containment_a, s.containment_b)
        } else {
            (s.containment_b, s.containment_a)
        };
        let flip = self.id(i) > self.id(j);
        let (a, b, ca, cb) = if flip { (j, i, cj, ci) } else { (i, j, ci, cj) };
        let why = if flip == i_is_x {
            swap_sides(&why)
        } else {
            why
        };
        Relation {
            a: self.id(a).to_string(),
            b: self.id(b).to_string(),
            kind,
            jaccard: round4(s.jaccard),
            containment_a: round4(ca),
            containment_b: round4(cb),
            story_score: None,
            passages: Vec::new(),
            original: None,
            why,
            via: None,
        }
    }

    /// An exact-copy row between two members of one class.
    fn exact_row(&self, i: u32, j: u32) -> Relation {
        let one = Checked {
            x: i,
            y: j,
            scores: Scores {
                jaccard: 1.0,
                containment_a: 1.0,
                containment_b: 1.0,
            },
            verdict: Verdict::Exact,
        };
        self.row((i, j), &one, true, Kind::Exact, exact_why())
    }
}

fn exact_why() -> String {
    "identical normalised bodies".to_string()
}

/// The kind and reason of a joining verdict.
fn joining(v: &Verdict) -> (Kind, String) {
    match v {
        Verdict::Exact => (Kind::Exact, exact_why()),
        Verdict::NearDuplicate(why) => (Kind::NearDuplicate, why.clone()),
        Verdict::SameUrl => (Kind::SameUrl, "same canonical URL".to_string()),
        Verdict::Reuse(_) => unreachable!("reuse does not join groups"),
    }
}

/// A reason naming sides `a` / `b` with the two swapped.
fn swap_sides(why: &str) -> String {
    why.replace("a is a", "\u{1}")
        .replace("b is a", "a is a")
        .replace('\u{1}', "b is a")
}

/// One row per group member besides the representative: a spanning tree of verified
/// joining pairs (breadth first from the representative, so each member hangs off it
/// directly wherever that pair verifies). An exact copy takes its exemplar's edge to the
/// representative when there is one, else hangs off its exemplar.
fn tree_rows(g: &Graph) -> Vec<Relation> {
    let n = g.metas.len();
    let mut adj: Vec<Vec<(u32, usize)>> = vec![Vec::new(); n];
    let rep = &g.groups.rep;
    for (k, c) in g.checked.iter().enumerate() {
        // A joining pair verified in the last round may span two groups: not a tree edge.
        if c.verdict.joins() && rep[c.x as usize] == rep[c.y as usize] {
            adj[c.x as usize].push((c.y, k));
            adj[c.y as usize].push((c.x, k));
        }
    }
    adj.iter_mut()
        .for_each(|a| a.sort_unstable_by_key(|&(q, _)| g.rank[q as usize]));
    let mut parent: Vec<Option<(u32, usize)>> = vec![None; n];
    let mut seen = vec![false; n];
    let mut rows = Vec::new();
    let mut queue = std::collections::VecDeque::new();
    for r in (0..n as u32).filter(|&i| g.groups.rep[i as usize] == i) {
        seen[r as usize] = true;
        queue.push_back(r);
        while let Some(p) = queue.pop_front() {
            for &(q, k) in &adj[p as usize] {
                if !std::mem::replace(&mut seen[q as usize], true) {
                    parent[q as usize] = Some((p, k));
                    queue.push_back(q);
                    let c = &g.checked[k];
                    let (kind, why) = joining(&c.verdict);
                    rows.push(g.row((p, q), c, c.x == p, kind, why));
                }
            }
        }
    }
    for m in 0..n as u32 {
        let e = g.exemplar[m as usize];
        if e == m {
            continue;
        }
        let rep = g.groups.rep[m as usize];
        rows.push(match parent[e as usize] {
            _ if e == rep => g.exact_row(rep, m),
            Some((p, k)) if p == rep => {
                let c = &g.checked[k];
                let (kind, why) = joining(&c.verdict);
                g.row((rep, m), c, c.x == rep, kind, why)
            }
            _ => g.exact_row(e, m),
        });
    }
    rows
}

/// Every verified joining pair (`relate.all_pairs`), with exact classes expanded: all pairs
/// of a class, and a verified pair of two exemplars for every pair of their copies.
fn all_group_rows(g: &Graph) -> Vec<Relation> {
    let n = g.metas.len();
    let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
    for m in 0..n as u32 {
        members.entry(g.exemplar[m as usize]).or_default().push(m);
    }
    let class = |e: u32| members.get(&e).map_or(&[][..], Vec::as_slice);
    let mut rows = Vec::new();
    for list in members.values() {
        for (k, &i) in list.iter().enumerate() {
            rows.extend(list[k + 1..].iter().map(|&j| g.exact_row(i, j)));
        }
    }
    for c in g.checked.iter().filter(|c| c.verdict.joins()) {
        let (kind, why) = joining(&c.verdict);
        for &i in class(c.x) {
            for &j in class(c.y) {
                rows.push(g.row((i, j), c, true, kind, why.clone()));
            }
        }
    }
    rows
}

/// One edge between two groups: the verified pair it stands on (both representatives
/// wherever that pair shares passages) and what the rules made of it.
#[derive(Clone, Debug)]
struct Edge {
    /// Index into `checked`.
    k: usize,
    /// The representatives of the groups of the pair's `x` and `y`.
    g: [u32; 2],
    /// Passages cover `reprint_min_coverage` of one side.
    strong: bool,
    /// The direction, once decided (`None`: not a reprint).
    dir: Option<Direction>,
    /// Decided by the secondary-source rule.
    secondary: bool,
}

/// The reuse facts of an edge.
fn reuse_of<'c>(checked: &'c [Checked], e: &Edge) -> &'c Reuse {
    match &checked[e.k].verdict {
        Verdict::Reuse(r) => r,
        _ => unreachable!("edges stand on reuse verdicts"),
    }
}

/// The reprint graph between groups.
struct Edges<'g, 'a> {
    g: &'g Graph<'a>,
    edges: Vec<Edge>,
    /// Edge index by group pair.
    by_pair: HashMap<(u32, u32), usize>,
    /// Per group (representative): its edges, strongest on its side first, at most
    /// [`MAX_NEIGHBOURS`].
    near: HashMap<u32, Vec<usize>>,
    /// Per (group, document standing for it): chars of that document inside the union of
    /// the passages of all its group's edges on it.
    shared: HashMap<(u32, u32), usize>,
    /// Per group: a cluster label for each edge of `near` ([`Edges::clusters`]).
    labels: HashMap<u32, Vec<usize>>,
}

impl<'g, 'a> Edges<'g, 'a> {
    /// One edge per pair of groups whose members share passages: the representatives'
    /// own pair where it shares passages, else the pair covering the most words.
    fn new(g: &'g Graph<'a>) -> Self {
        let rep = &g.groups.rep;
        let mut best: HashMap<(u32, u32), usize> = HashMap::new();
        for (k, c) in g.checked.iter().enumerate() {
            let Verdict::Reuse(r) = &c.verdict else {
                continue;
            };
            let gs = [rep[c.x as usize], rep[c.y as usize]];
            if gs[0] == gs[1] {
                continue;
            }
            let on_reps = |c: &Checked| gs.contains(&c.x) && gs.contains(&c.y);
            let weight = |c: &Checked, r: &Reuse| {
                let order = (g.rank[c.x as usize], g.rank[c.y as usize]);
                (
                    on_reps(c),
                    r.covered[0] + r.covered[1],
                    std::cmp::Reverse(order),
                )
            };
            let slot = best.entry(key(gs[0], gs[1])).or_insert(k);
            let old = &g.checked[*slot];
            if let Verdict::Reuse(o) = &old.verdict {
                if weight(c, r) > weight(old, o) {
                    *slot = k;
                }
            }
        }
        let mut picked: Vec<((u32, u32), usize)> = best.into_iter().collect();
        picked.sort_unstable_by_key(|&((i, j), _)| key(g.rank[i as usize], g.rank[j as usize]));
        let cfg = g.cfg;
        let edges: Vec<Edge> = picked
            .into_iter()
            .map(|(_, k)| {
                let c = &g.checked[k];
                let Verdict::Reuse(r) = &c.verdict else {
                    unreachable!()
                };
                Edge {
                    k,
                    g: [rep[c.x as usize], rep[c.y as usize]],
                    strong: r.is_strong(cfg),
                    dir: None,
                    secondary: false,
                }
            })
            .collect();
        let by_pair = edges
            .iter()
            .enumerate()
            .map(|(i, e)| (key(e.g[0], e.g[1]), i))
            .collect();
        let mut near: HashMap<u32, Vec<usize>> = HashMap::new();
        for (i, e) in edges.iter().enumerate() {
            near.entry(e.g[0]).or_default().push(i);
            near.entry(e.g[1]).or_default().push(i);
        }
        for (group, list) in near.iter_mut() {
            let weight = |i: &usize| {
                let e = &edges[*i];
                let s = usize::from(e.g[1] == *group);
                let other = g.rank[e.g[1 - s] as usize];
                (std::cmp::Reverse(reuse_of(g.checked, e).covered[s]), other)
            };
            list.sort_by_key(weight);
            list.truncate(MAX_NEIGHBOURS);
        }
        let shared = shared_chars(g, &edges);
        let mut out = Edges {
            g,
            edges,
            by_pair,
            near,
            shared,
            labels: HashMap::new(),
        };
        out.labels = out.near.keys().map(|&p| (p, out.clusters(p))).collect();
        out
    }

    /// Share of side `s`'s text that other documents share with it outside edge `e`'s
    /// passages (0 when it stands on another document than its group's other edges).
    fn extra(&self, e: usize, s: usize) -> f64 {
        let (group, doc) = (self.edges[e].g[s], self.doc(e, s));
        let all = self.shared.get(&(group, doc)).copied().unwrap_or(0);
        let here = total(&self.ranges(e, s));
        let extent = self.reuse(e).extent[s].max(1);
        all.saturating_sub(here) as f64 / extent as f64
    }

    fn reuse(&self, e: usize) -> &Reuse {
        reuse_of(self.g.checked, &self.edges[e])
    }

    /// The document standing for side `s` of edge `e`.
    fn doc(&self, e: usize, s: usize) -> u32 {
        let c = &self.g.checked[self.edges[e].k];
        [c.x, c.y][s]
    }

    /// Side `s`'s char ranges of edge `e`'s passages.
    fn ranges(&self, e: usize, s: usize) -> Vec<(usize, usize)> {
        let p = &self.reuse(e).passages;
        p.iter().map(|p| (p[2 * s], p[2 * s + 1])).collect()
    }

    /// The side of edge `e` that group `group` is on.
    fn side_of(&self, e: usize, group: u32) -> usize {
        usize::from(self.edges[e].g[1] == group && self.edges[e].g[0] != group)
    }

    /// Whether edge `e`'s side `s` (group P) is made of passages of several sources that
    /// share nothing with each other. P's other neighbours fall into clusters (two related
    /// neighbours share a cluster): borrowers of one source take overlapping parts of it and
    /// relate to each other, a composite's sources do not. P is a composite with respect to
    /// Q when a source-like neighbour outside Q's cluster (on the same document) brought
    /// text lying apart from what Q's cluster shares with P (at most a fifth overlaps) —
    /// and Q does not lie wholly inside P.
    fn composite(&self, e: usize, s: usize) -> bool {
        let p = self.edges[e].g[s];
        if self.reuse(e).share(1 - s) >= self.g.cfg.contained_share {
            return false;
        }
        let doc = self.doc(e, s);
        let near = &self.near[&p];
        let labels = &self.labels[&p];
        let Some(mine) = near.iter().position(|&f| f == e).map(|i| labels[i]) else {
            return false;
        };
        let on_doc = |f: usize| {
            let fs = self.side_of(f, p);
            (self.doc(f, fs) == doc).then(|| self.ranges(f, fs))
        };
        let ours: Vec<(usize, usize)> = near
            .iter()
            .zip(labels)
            .filter(|&(_, &l)| l == mine)
            .filter_map(|(&f, _)| on_doc(f))
            .flatten()
            .collect();
        near.iter().zip(labels).any(|(&f, &l)| {
            if l == mine || !self.is_source_like(f) {
                return false;
            }
            on_doc(f).is_some_and(|there| overlap(&there, &ours) * 5 <= total(&there))
        })
    }

    /// Per edge of `near[p]` (same order), a cluster label: edges whose other groups are
    /// related (directly) share a label.
    fn clusters(&self, p: u32) -> Vec<usize> {
        let near = &self.near[&p];
        let other = |f: usize| self.edges[f].g[1 - self.side_of(f, p)];
        let mut uf = samestory_core::UnionFind::new(near.len());
        for i in 0..near.len() {
            for j in i + 1..near.len() {
                if self
                    .by_pair
                    .contains_key(&key(other(near[i]), other(near[j])))
                {
                    uf.union(i, j);
                }
            }
        }
        (0..near.len()).map(|i| uf.find(i)).collect()
    }

    /// Whether edge `f` could make a side a borrower: strong, or a long passage.
    fn is_source_like(&self, f: usize) -> bool {
        self.edges[f].strong || self.reuse(f).shared_words() >= self.g.cfg.secondary_min_words
    }

    /// Publication time of the two documents edge `e` stands on (its groups'
    /// representatives wherever their own pair shares the passages; verification left the
    /// coherence and wire evidence out exactly where this decides).
    fn by_time(&self, e: usize) -> Option<Direction> {
        let metas = self.g.metas;
        by_time(
            &metas[self.doc(e, 0) as usize],
            &metas[self.doc(e, 1) as usize],
        )
    }

    /// The direction of a strong edge by the rules in order.
    fn direct(&self, e: usize) -> Direction {
        let g = self.g;
        let r = self.reuse(e);
        self.by_time(e)
            .or_else(|| self.by_wire(e))
            .or_else(|| by_coherence(r.coherence, g.cfg.coherence_margin))
            .or_else(|| self.by_composite(e))
            .or_else(|| by_notice(&r.evidence[0], &r.evidence[1]))
            .unwrap_or_else(|| {
                by_containment(r.share(0) + self.extra(e, 1), r.share(1) + self.extra(e, 0))
            })
    }

    /// The wire rule on edge `e`, knowing which ends of each side shared text reaches.
    fn by_wire(&self, e: usize) -> Option<Direction> {
        let r = self.reuse(e);
        let reach = |s: usize, head: bool| {
            r.passages.iter().any(|p| {
                let (start, end) = (p[2 * s], p[2 * s + 1]);
                if head {
                    start < crate::wire::HEAD_CHARS
                } else {
                    end + crate::wire::TAIL_CHARS > r.extent[s]
                }
            })
        };
        let heads = [reach(0, true), reach(1, true)];
        let tails = [reach(0, false), reach(1, false)];
        by_wire(
            &r.evidence[0],
            &r.evidence[1],
            &self.g.cfg.wire_agencies,
            heads,
            tails,
        )
    }

    fn by_composite(&self, e: usize) -> Option<Direction> {
        let (ca, cb) = (self.composite(e, 0), self.composite(e, 1));
        (ca != cb).then(|| Direction {
            a_is_original: cb,
            rule: Rule::Composite,
            detail: format!(
                "{} is made of passages of sources that share nothing with each other",
                if ca { "a" } else { "b" }
            ),
        })
    }

    /// Directions of strong edges; then secondary edges of known borrowers.
    fn decide(&mut self) {
        let strong: Vec<Option<Direction>> = (0..self.edges.len())
            .into_par_iter()
            .map(|e| self.edges[e].strong.then(|| self.direct(e)))
            .collect();
        for (edge, dir) in self.edges.iter_mut().zip(strong) {
            edge.dir = dir;
        }
        let borrowers: HashSet<u32> = self
            .edges
            .iter()
            .filter_map(|e| Some(e.g[usize::from(e.dir.as_ref()?.a_is_original)]))
            .collect();
        let min_words = self.g.cfg.secondary_min_words;
        let secondary: Vec<Option<Direction>> = (0..self.edges.len())
            .into_par_iter()
            .map(|e| {
                let shared = self.reuse(e).shared_words();
                if self.edges[e].strong || shared < self.g.cfg.min_passage_words {
                    return None;
                }
                let [ga, gb] = self.edges[e].g;
                let known = (borrowers.contains(&ga), borrowers.contains(&gb));
                if shared < min_words {
                    return self.short_secondary(e, known);
                }
                match known {
                    (false, false) => None,
                    (true, true) => Some(self.direct(e)),
                    (a_borrows, _) => Some(self.secondary_direction(e, a_borrows)),
                }
            })
            .collect();
        for (edge, dir) in self.edges.iter_mut().zip(secondary) {
            if dir.is_some() {
                edge.secondary = true;
                edge.dir = dir;
            }
        }
    }

    /// A secondary source sharing fewer than `secondary_min_words` (but a whole passage):
    /// only when one side is known to borrow elsewhere and publication time or coherence
    /// independently say that side borrows here too.
    fn short_secondary(&self, e: usize, known: (bool, bool)) -> Option<Direction> {
        let a_borrows = match known {
            (true, false) => true,
            (false, true) => false,
            _ => return None,
        };
        let r = self.reuse(e);
        let dir = self
            .by_time(e)
            .or_else(|| by_coherence(r.coherence, self.g.cfg.coherence_margin))?;
        (dir.a_is_original != a_borrows).then_some(dir)
    }

    /// The direction of a secondary edge of which one side is known to borrow elsewhere:
    /// publication time and wire credit still come first.
    fn secondary_direction(&self, e: usize, a_borrows: bool) -> Direction {
        let r = self.reuse(e);
        self.by_time(e)
            .or_else(|| self.by_wire(e))
            .or_else(|| by_notice(&r.evidence[0], &r.evidence[1]))
            .unwrap_or_else(|| Direction {
                a_is_original: !a_borrows,
                rule: Rule::Composite,
                detail: format!(
                    "{} borrows from another source too",
                    if a_borrows { "a" } else { "b" }
                ),
            })
    }

    /// The borrower's side of a directed edge.
    fn borrower(&self, e: usize) -> Option<usize> {
        Some(usize::from(self.edges[e].dir.as_ref()?.a_is_original))
    }

    /// Whether group `src` is the original of directed edge `f`.
    fn is_original_of(&self, f: usize, src: u32) -> bool {
        self.borrower(f)
            .is_some_and(|b| self.edges[f].g[1 - b] == src)
    }

    /// Whether group `c` is not the borrower of edge `f` (its original, or no reprint).
    fn not_borrower(&self, f: usize, c: u32) -> bool {
        self.edges[f].dir.is_none() || self.is_original_of(f, c)
    }

    /// For a directed edge A–B: the source C both take from that explains the most of
    /// what they share, with that share (the larger of A's and B's sides: alignment may miss
    /// a lightly edited or repeated paragraph on one side). C is the original of A or of B,
    /// and the borrower of neither; the other's passages with C may be too short to be a
    /// reprint of their own: what A and B share is still C's text.
    fn sibling_source(&self, e: usize) -> Option<(u32, f64)> {
        let [ga, gb] = self.edges[e].g;
        let (ra, rb) = (self.ranges(e, 0), self.ranges(e, 1));
        let (da, db) = (self.doc(e, 0), self.doc(e, 1));
        let mut best: Option<(u32, f64)> = None;
        for &f in &self.near[&ga] {
            let fs = self.side_of(f, ga);
            let c = self.edges[f].g[1 - fs];
            if c == gb || !self.not_borrower(f, c) || self.doc(f, fs) != da {
                continue;
            }
            let Some(&h) = self.by_pair.get(&key(gb, c)) else {
                continue;
            };
            let hs = self.side_of(h, gb);
            if !self.not_borrower(h, c) || self.doc(h, hs) != db {
                continue;
            }
            if !self.is_original_of(f, c) && !self.is_original_of(h, c) {
                continue;
            }
            let share = |mine: &[(usize, usize)], from_c: &[(usize, usize)]| {
                overlap(mine, from_c) as f64 / total(mine).max(1) as f64
            };
            let s = share(&ra, &self.ranges(f, fs)).max(share(&rb, &self.ranges(h, hs)));
            let rank = |c: u32| self.g.rank[c as usize];
            if best.is_none_or(|(bc, bs)| s > bs || (s == bs && rank(c) < rank(bc))) {
                best = Some((c, s));
            }
        }
        best
    }
}

/// Per (group, document standing for it): chars inside the union of the passages of all
/// the group's edges on that document.
fn shared_chars(g: &Graph, edges: &[Edge]) -> HashMap<(u32, u32), usize> {
    let mut ranges: HashMap<(u32, u32), Vec<(usize, usize)>> = HashMap::new();
    for e in edges {
        let c = &g.checked[e.k];
        let r = reuse_of(g.checked, e);
        for (s, doc) in [c.x, c.y].into_iter().enumerate() {
            let list = ranges.entry((e.g[s], doc)).or_default();
            list.extend(r.passages.iter().map(|p| (p[2 * s], p[2 * s + 1])));
        }
    }
    ranges
        .into_iter()
        .map(|(k, mut list)| {
            list.sort_unstable();
            let (mut sum, mut end) = (0, 0);
            for (a, b) in list {
                let a = a.max(end);
                if b > a {
                    sum += b - a;
                    end = b;
                }
            }
            (k, sum)
        })
        .collect()
}

/// Chars of `a` inside the union of `b` (both lists of disjoint ranges).
fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    a.iter()
        .map(|&(s, e)| {
            b.iter()
                .map(|&(t, f)| e.min(f).saturating_sub(s.max(t)))
                .sum::<usize>()
        })
        .sum()
}

fn total(a: &[(usize, usize)]) -> usize {
    a.iter().map(|&(s, e)| e - s).sum()
}

/// What the sibling rule made of a directed edge.
enum Sibling {
    /// Not explained by a common source: written as it is.
    Keep,
    /// Explained: left out, or `shared_source` via the source.
    Explained { via: u32, share: f64 },
    /// Explained in part: a reprint over the passages outside the common source.
    Residual { via: u32, passages: Vec<[usize; 4]> },
}

/// The reprint rows: one per directed edge between groups that the sibling rule keeps
/// (every verified pair of those groups with `relate.all_pairs`).
fn reprint_rows(g: &Graph) -> Vec<Relation> {
    let mut edges = Edges::new(g);
    edges.decide();
    let members = if g.cfg.all_pairs {
        member_pairs(g)
    } else {
        HashMap::new()
    };
    let directed: Vec<usize> = (0..edges.edges.len())
        .filter(|&e| edges.edges[e].dir.is_some())
        .collect();
    let rows: Vec<Vec<Relation>> = directed
        .par_iter()
        .map(|&e| {
            let verdict = sibling(&edges, e);
            if g.cfg.all_pairs {
                let [ga, gb] = edges.edges[e].g;
                let pairs = members.get(&key(ga, gb)).map_or(&[][..], Vec::as_slice);
                pairs
                    .iter()
                    .filter_map(|&k| edge_row(&edges, e, k, &verdict))
                    .collect()
            } else {
                edge_row(&edges, e, edges.edges[e].k, &verdict)
                    .into_iter()
                    .collect()
            }
        })
        .collect();
    rows.concat()
}

/// With `all_pairs`: the verified pairs sharing passages, by the pair of their groups.
fn member_pairs(g: &Graph) -> HashMap<(u32, u32), Vec<usize>> {
    let mut by_groups: HashMap<(u32, u32), Vec<usize>> = HashMap::new();
    for (k, c) in g.checked.iter().enumerate() {
        let (gx, gy) = (g.groups.rep[c.x as usize], g.groups.rep[c.y as usize]);
        if matches!(c.verdict, Verdict::Reuse(_)) && gx != gy {
            by_groups.entry(key(gx, gy)).or_default().push(k);
        }
    }
    by_groups
}

/// The sibling rule on directed edge `e`.
fn sibling(edges: &Edges, e: usize) -> Sibling {
    let cfg = edges.g.cfg;
    let Some((via, share)) = edges.sibling_source(e) else {
        return Sibling::Keep;
    };
    if share < cfg.sibling_min_share {
        return Sibling::Keep;
    }
    let r = edges.reuse(e);
    let b = edges.borrower(e).unwrap_or(1);
    let f = edges.by_pair[&key(edges.edges[e].g[0], via)];
    let h = edges.by_pair[&key(edges.edges[e].g[1], via)];
    let (fa, hb) = (
        edges.ranges(f, edges.side_of(f, edges.edges[e].g[0])),
        edges.ranges(h, edges.side_of(h, edges.edges[e].g[1])),
    );
    let rest: Vec<[usize; 4]> = r
        .passages
        .iter()
        .filter(|p| {
            let (a, b) = ([(p[0], p[1])], [(p[2], p[3])]);
            overlap(&a, &fa) * 2 < total(&a) && overlap(&b, &hb) * 2 < total(&b)
        })
        .copied()
        .collect();
    let side = |p: &[usize; 4]| (p[2 * b], p[2 * b + 1]);
    let all: Vec<(usize, usize)> = r.passages.iter().map(side).collect();
    let kept: Vec<(usize, usize)> = rest.iter().map(side).collect();
    let words = r.covered[b] * total(&kept) / total(&all).max(1);
    let share_left = words as f64 / r.unquoted[b].max(1) as f64;
    if !rest.is_empty() && share_left >= cfg.reprint_min_coverage && words >= cfg.min_passage_words
    {
        Sibling::Residual {
            via,
            passages: rest,
        }
    } else {
        Sibling::Explained { via, share }
    }
}

/// The row of directed edge `e`, standing on verified pair `k` (the edge's own, or a
/// member pair of the same two groups with `all_pairs`).
fn edge_row(edges: &Edges, e: usize, k: usize, verdict: &Sibling) -> Option<Relation> {
    let g = edges.g;
    let edge = &edges.edges[e];
    let c = &g.checked[k];
    let Verdict::Reuse(r) = &c.verdict else {
        return None;
    };
    let dir = edge.dir.as_ref()?;
    // The edge's direction is between groups; this pair's x is in group g[0] or g[1].
    let x_original = dir.a_is_original == (g.groups.rep[c.x as usize] == edge.g[0]);
    let (borrower, b) = if x_original { ("b", 1) } else { ("a", 0) };
    let (kind, passages, via, lead) = match verdict {
        Sibling::Keep => (Kind::Reprint, r.passages.clone(), None, String::new()),
        Sibling::Residual { via, passages } => (
            Kind::Reprint,
            passages.clone(),
            None,
            format!("beyond what both take from {}, ", g.id(*via)),
        ),
        Sibling::Explained { via, share } => {
            if !g.cfg.shared_source_edges {
                return None;
            }
            let lead = format!(
                "both take from {} ({:.0} % of what they share): ",
                g.id(*via),
                share * 100.0
            );
            (Kind::SharedSource, r.passages.clone(), Some(*via), lead)
        }
    };
    let n = passages.len();
    let what = if edge.secondary {
        format!(
            "secondary source: shares {n} passage{}, {} unquoted words, {:.0} % of {borrower}",
            plural(n),
            r.covered[b],
            r.share(b) * 100.0
        )
    } else {
        format!(
            "shares {n} passage{}, {} unquoted words, {:.0} % of {borrower}",
            plural(n),
            r.covered[b],
            r.share(b) * 100.0
        )
    };
    let side = if x_original { "a" } else { "b" };
    let why = format!(
        "{lead}{what}; original {side} (direction: {}): {}",
        dir.rule.as_str(),
        orient_detail(&dir.detail, dir.a_is_original != x_original)
    );
    let mut row = g.row((c.x, c.y), c, true, kind, why);
    row.passages = passages;
    row.original = Some(g.id(if x_original { c.x } else { c.y }).to_string());
    row.via = via.map(|v| g.id(v).to_string());
    Some(row)
}

/// A direction detail naming the group pair's sides `a` / `b`, for a pair whose sides are
/// the other way round when `flip`.
fn orient_detail(detail: &str, flip: bool) -> String {
    if !flip {
        return detail.to_string();
    }
    let mut out = String::with_capacity(detail.len());
    let mut prev = ' ';
    let chars: Vec<char> = detail.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let lone = !prev.is_alphanumeric() && !next.is_alphanumeric();
        out.push(match ch {
            'a' if lone => 'b',
            'b' if lone => 'a',
            _ => ch,
        });
        prev = ch;
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_shared_chars() {
        assert_eq!(overlap(&[(0, 10), (20, 30)], &[(5, 25)]), 10);
        assert_eq!(total(&[(0, 10), (20, 30)]), 20);
    }

    #[test]
    fn details_flip_lone_side_letters_only() {
        assert_eq!(
            orient_detail("b's text lies more inside a than the reverse", true),
            "a's text lies more inside b than the reverse"
        );
        assert_eq!(swap_sides("a is a trimmed copy"), "b is a trimmed copy");
    }
}
