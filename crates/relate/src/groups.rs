//! Duplicate groups and their representatives. A group is a connected component of exact
//! classes ([`crate::exact`]) and verified joining pairs (near-duplicate, same URL); its id
//! is its smallest member id (independent of input order), its representative the member
//! a reader would call the original: the earliest published (dated before undated, then
//! by time of day), wire-credited before not, then the smallest id ([`ranks`]). Reprints
//! never join groups.

use crate::reprint::wire_credit;
use crate::time::instant;
use crate::verify::Checked;
use samestory_core::{Document, UnionFind};

/// Per document, its position in the representative order (0 = most original).
pub fn ranks(docs: &[Document], agencies: &[String]) -> Vec<u32> {
    let key = |d: &Document| {
        let undated = d.meta.date.is_none();
        let time = d
            .meta
            .published
            .as_deref()
            .and_then(instant)
            .unwrap_or(i64::MAX);
        let wire = d.meta.credit_line().and_then(|b| wire_credit(b, agencies));
        (undated, time, wire.is_none())
    };
    let keys: Vec<_> = docs.iter().map(key).collect();
    let mut order: Vec<u32> = (0..docs.len() as u32).collect();
    order.sort_unstable_by(|&i, &j| {
        let (i, j) = (i as usize, j as usize);
        let (ki, kj) = (&keys[i], &keys[j]);
        (
            ki.0,
            docs[i].meta.date.as_deref(),
            ki.1,
            ki.2,
            docs[i].id.as_str(),
        )
            .cmp(&(
                kj.0,
                docs[j].meta.date.as_deref(),
                kj.1,
                kj.2,
                docs[j].id.as_str(),
            ))
    });
    let mut rank = vec![0u32; docs.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    rank
}

/// The duplicate groups of a corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Groups {
    /// Per document: index of its group's representative.
    pub rep: Vec<u32>,
    /// Per document: index of its group's smallest-id member (the group id).
    pub named: Vec<u32>,
}

impl Groups {
    /// Groups from exact classes (`exemplar` per document) and verified pairs (those whose
    /// verdict joins); `rank` orders candidates for representative.
    pub fn new(docs: &[Document], exemplar: &[u32], checked: &[Checked], rank: &[u32]) -> Self {
        let n = docs.len();
        let mut uf = UnionFind::new(n);
        exemplar
            .iter()
            .enumerate()
            .for_each(|(i, &e)| uf.union(i, e as usize));
        checked
            .iter()
            .filter(|c| c.verdict.joins())
            .for_each(|c| uf.union(c.x as usize, c.y as usize));
        let mut rep: Vec<Option<u32>> = vec![None; n];
        let mut named: Vec<Option<u32>> = vec![None; n];
        for i in 0..n {
            let root = uf.find(i);
            let r = rep[root].get_or_insert(i as u32);
            if rank[i] < rank[*r as usize] {
                *r = i as u32;
            }
            let g = named[root].get_or_insert(i as u32);
            if docs[i].id < docs[*g as usize].id {
                *g = i as u32;
            }
        }
        let at = |v: &[Option<u32>], i: usize| v[i].unwrap_or(i as u32);
        Groups {
            rep: (0..n).map(|i| at(&rep, uf.find(i))).collect(),
            named: (0..n).map(|i| at(&named, uf.find(i))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::{Scores, Verdict};
    use samestory_core::Format;

    fn doc(id: &str) -> Document {
        Document::new(id, Format::Text, String::new())
    }

    fn pair(x: u32, y: u32, verdict: Verdict) -> Checked {
        let scores = Scores {
            jaccard: 0.0,
            containment_a: 0.0,
            containment_b: 0.0,
        };
        Checked {
            x,
            y,
            scores,
            verdict,
        }
    }

    #[test]
    fn components_named_by_smallest_id_reprints_apart() {
        let docs: Vec<Document> = ["d", "b", "c", "a", "e"].into_iter().map(doc).collect();
        let exemplar = [0, 1, 2, 2, 4]; // "a" is an exact copy of "c"
        let reuse = Verdict::Reuse(crate::verify::Reuse {
            passages: vec![],
            covered: [0, 0],
            unquoted: [0, 0],
            extent: [0, 0],
            coherence: [0.0, 0.0],
            evidence: Default::default(),
        });
        let checked = [
            pair(1, 0, Verdict::NearDuplicate(String::new())),
            pair(2, 0, Verdict::SameUrl),
            pair(3, 4, reuse),
        ];
        let rank = ranks(&docs, &[]);
        let g = Groups::new(&docs, &exemplar, &checked, &rank);
        assert_eq!(g.named, [3, 3, 3, 3, 4]);
        assert_eq!(g.rep, [3, 3, 3, 3, 4]);
    }

    #[test]
    fn representative_is_earliest_dated_then_wire_then_id() {
        let mut docs: Vec<Document> = ["a", "b", "c", "d"].into_iter().map(doc).collect();
        docs[1].meta.date = Some("2022-02-16".into());
        docs[2].meta.date = Some("2022-02-15".into());
        docs[3].meta.date = Some("2022-02-15".into());
        docs[3].meta.byline = Some("By Jo Lee, Reuters".into());
        let agencies = vec!["Reuters".to_string()];
        assert_eq!(ranks(&docs, &agencies), [3, 2, 1, 0]);
        docs[2].meta.published = Some("2022-02-15T08:00:00Z".into());
        docs[3].meta.published = Some("2022-02-15T09:00:00+02:00".into());
        assert_eq!(ranks(&docs, &agencies), [3, 2, 1, 0]);
        docs[3].meta.published = Some("2022-02-15T11:00:00+02:00".into());
        assert_eq!(ranks(&docs, &agencies), [3, 2, 0, 1]);
    }
}
