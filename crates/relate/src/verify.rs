//! Verification: each candidate pair is decided on the real shingle sets (Jaccard, both
//! containments) and, when it is not a duplicate, on aligned passages (reprint rule).
//! Returns finished [`Relation`]s oriented so that `a < b` by id, sorted by `(a, b)`.
//! Shingle sets are built only for documents in some candidate pair; full details (tokens,
//! quotes, marks) only per reprint candidate while it is aligned, so memory stays bounded.

use crate::align::{align, to_chars, AlignParams, Mark, Side, WordPassage};
use crate::candidates::Candidates;
use crate::features::{detail, shingle_set, Detail, Features};
use crate::relation::round4;
use crate::reprint::{coverage, direction, Shares};
use crate::{Kind, Relation};
use rayon::prelude::*;
use samestory_core::{Document, RelateConfig};
use std::collections::HashSet;

/// Exact overlap of two shingle sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f64,
    /// |A ∩ B| / |A|.
    pub containment_a: f64,
    /// |A ∩ B| / |B|.
    pub containment_b: f64,
}

/// Scores of two sorted, deduplicated sets.
pub fn scores(a: &[u64], b: &[u64]) -> Scores {
    let inter = intersection_len(a, b) as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    let ratio = |x: f64, y: usize| if y == 0 { 0.0 } else { x / y as f64 };
    Scores {
        jaccard: if union == 0.0 { 0.0 } else { inter / union },
        containment_a: ratio(inter, a.len()),
        containment_b: ratio(inter, b.len()),
    }
}

/// Size of the intersection of two sorted, deduplicated slices (merge walk).
fn intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// Everything a pair decision reads.
struct Ctx<'a> {
    docs: &'a [Document],
    feats: &'a [Features],
    sets: &'a [Option<Vec<u64>>],
    frequent: &'a HashSet<u64>,
    cfg: &'a RelateConfig,
}

/// Verifies every candidate pair; returns the relations sorted by `(a, b)`.
pub fn verify_all(
    docs: &[Document],
    feats: &[Features],
    cands: &Candidates,
    cfg: &RelateConfig,
) -> Vec<Relation> {
    let sets = sets_for(docs, &cands.pairs, cfg);
    let ctx = Ctx {
        docs,
        feats,
        sets: &sets,
        frequent: &cands.frequent,
        cfg,
    };
    let mut rels: Vec<Relation> = cands
        .pairs
        .par_iter()
        .filter_map(|&(i, j)| ctx.pair(i as usize, j as usize))
        .collect();
    rels.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    rels
}

/// Shingle sets of the documents that appear in some pair (`None` elsewhere).
fn sets_for(docs: &[Document], pairs: &[(u32, u32)], cfg: &RelateConfig) -> Vec<Option<Vec<u64>>> {
    let mut needed = vec![false; docs.len()];
    for &(i, j) in pairs {
        needed[i as usize] = true;
        needed[j as usize] = true;
    }
    docs.par_iter()
        .zip(needed)
        .map(|(d, n)| n.then(|| shingle_set(&d.body, cfg)))
        .collect()
}

impl Ctx<'_> {
    /// The relation of documents `i` and `j`, if any.
    fn pair(&self, i: usize, j: usize) -> Option<Relation> {
        let (x, y) = if self.docs[i].id <= self.docs[j].id {
            (i, j)
        } else {
            (j, i)
        };
        let s = scores(self.sets[x].as_ref()?, self.sets[y].as_ref()?);
        let rel = |kind, why| self.relation(x, y, kind, s, why);
        if self.is_exact(x, y) {
            return Some(rel(Kind::Exact, "identical normalised bodies".into()));
        }
        if let Some(why) = self.near_duplicate(x, y, s) {
            return Some(rel(Kind::NearDuplicate, why));
        }
        if let Some(r) = self.reprint(x, y, s) {
            return Some(r);
        }
        self.same_url(x, y).then(|| {
            rel(
                Kind::SameUrl,
                format!("same canonical URL (Jaccard {:.2})", s.jaccard),
            )
        })
    }

    fn is_exact(&self, x: usize, y: usize) -> bool {
        let (fx, fy) = (&self.feats[x], &self.feats[y]);
        fx.words > 0 && fx.exact == fy.exact
    }

    fn same_url(&self, x: usize, y: usize) -> bool {
        self.docs[x].url.is_some() && self.docs[x].url == self.docs[y].url
    }

    /// Why `x` and `y` are near-duplicates, if they are.
    fn near_duplicate(&self, x: usize, y: usize, s: Scores) -> Option<String> {
        if s.jaccard >= self.cfg.near_dup_jaccard {
            let k = self.cfg.shingle;
            return Some(format!(
                "word {k}-gram Jaccard {:.2} ≥ {}",
                s.jaccard, self.cfg.near_dup_jaccard
            ));
        }
        let (wx, wy) = (self.feats[x].words as f64, self.feats[y].words as f64);
        let (short, ratio, cont) = if wx <= wy {
            ("a", wx / wy, s.containment_a)
        } else {
            ("b", wy / wx, s.containment_b)
        };
        let trimmed =
            ratio >= self.cfg.trimmed_min_length_ratio && cont >= self.cfg.trimmed_min_containment;
        trimmed.then(|| format!("{short} is a trimmed copy: {:.0} % of the other's length, {:.0} % of its shingles inside it", ratio * 100.0, cont * 100.0))
    }

    /// The reprint relation of `x` and `y`, if passages cover enough of one of them.
    fn reprint(&self, x: usize, y: usize, s: Scores) -> Option<Relation> {
        if s.containment_a == 0.0 {
            return None;
        }
        let (dx, dy) = (
            detail(&self.docs[x].body, self.cfg),
            detail(&self.docs[y].body, self.cfg),
        );
        let passages = self.passages(&dx, &dy);
        let (cx, tx) = coverage(passages.iter().map(|p| p.a.clone()), &dx.quoted);
        let (cy, ty) = coverage(passages.iter().map(|p| p.b.clone()), &dy.quoted);
        let share = |c: usize, t: usize| if t == 0 { 0.0 } else { c as f64 / t as f64 };
        let shares = Shares {
            cov_a: share(cx, tx),
            cov_b: share(cy, ty),
        };
        let (best_cov, best_words) = if shares.cov_a >= shares.cov_b {
            (shares.cov_a, cx)
        } else {
            (shares.cov_b, cy)
        };
        if best_cov < self.cfg.reprint_min_coverage || best_words < self.cfg.min_passage_words {
            return None;
        }
        let dir = direction(
            &self.docs[x],
            &self.docs[y],
            shares,
            &self.cfg.wire_agencies,
        );
        let (borrower, cov, words) = if dir.a_is_original {
            ("b", shares.cov_b, cy)
        } else {
            ("a", shares.cov_a, cx)
        };
        let why =
            format!(
            "shares {} passage{}, {words} unquoted words, {:.0} % of {borrower}; original {}: {}",
            passages.len(), if passages.len() == 1 { "" } else { "s" }, cov * 100.0,
            if dir.a_is_original { "a" } else { "b" }, dir.rule
        );
        let mut rel = self.relation(x, y, Kind::Reprint, s, why);
        rel.passages = passages
            .iter()
            .map(|p| to_chars(p, &dx.tokens, &dy.tokens))
            .collect();
        rel.original = Some(self.docs[if dir.a_is_original { x } else { y }].id.clone());
        Some(rel)
    }

    /// Aligned passages of two details, with `x`'s boilerplate fingerprints marked.
    fn passages(&self, dx: &Detail, dy: &Detail) -> Vec<WordPassage> {
        let marks: Vec<Mark> = dx
            .shingles
            .iter()
            .zip(&dx.fingerprint)
            .map(|(h, &fp)| self.mark(*h, fp))
            .collect();
        let c = self.cfg;
        let p = AlignParams {
            k: c.shingle.max(1),
            max_gap: c.passage_max_gap_words,
            max_shift: c.passage_max_shift_words,
            min_words: c.min_passage_words,
            max_repeats: c.max_seed_repeats,
        };

        align(side(dx), side(dy), &marks, &p)
    }

    fn mark(&self, h: u64, fingerprint: bool) -> Mark {
        match (fingerprint, self.frequent.contains(&h)) {
            (false, _) => Mark::Plain,
            (true, false) => Mark::Fingerprint,
            (true, true) => Mark::Frequent,
        }
    }

    fn relation(&self, x: usize, y: usize, kind: Kind, s: Scores, why: String) -> Relation {
        Relation {
            a: self.docs[x].id.clone(),
            b: self.docs[y].id.clone(),
            kind,
            jaccard: round4(s.jaccard),
            containment_a: round4(s.containment_a),
            containment_b: round4(s.containment_b),
            story_score: None,
            passages: Vec::new(),
            original: None,
            why,
        }
    }
}

/// The alignment view of a detail.
fn side(d: &Detail) -> Side<'_> {
    Side {
        shingles: &d.shingles,
        words: d.tokens.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_of_overlapping_sets() {
        let s = scores(&[1, 2, 3, 4], &[3, 4, 5, 6, 7, 8]);
        assert_eq!(
            s,
            Scores {
                jaccard: 2.0 / 8.0,
                containment_a: 0.5,
                containment_b: 2.0 / 6.0
            }
        );
        assert_eq!(scores(&[], &[]).jaccard, 0.0);
    }
}
