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

/// Where a document stands in the representative order (the lower, the more original):
/// dated before undated, then by date, by published time of day (none last), wire-credited
/// before not, then by id. Ids are unique, so no two documents of a corpus are equal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RankKey<'a> {
    undated: bool,
    date: Option<&'a str>,
    time: i64,
    no_wire: bool,
    id: &'a str,
}

/// The [`RankKey`] of one document.
pub fn rank_key<'a>(d: &'a Document, agencies: &[String]) -> RankKey<'a> {
    key_with(d, facts(d, agencies))
}

/// What a document's [`RankKey`] derives from more than its fields: its published instant
/// (`i64::MAX` when none) and whether it lacks a wire credit.
fn facts(d: &Document, agencies: &[String]) -> (i64, bool) {
    let wire = d.meta.credit_line().and_then(|b| wire_credit(b, agencies));
    let time = d.meta.published.as_deref().and_then(instant);
    (time.unwrap_or(i64::MAX), wire.is_none())
}

/// The [`RankKey`] of `d` given its [`facts`].
fn key_with(d: &Document, (time, no_wire): (i64, bool)) -> RankKey<'_> {
    RankKey {
        undated: d.meta.date.is_none(),
        date: d.meta.date.as_deref(),
        time,
        no_wire,
        id: d.id.as_str(),
    }
}

impl RankKey<'_> {
    /// The key as bytes whose lexicographic order is the key's order (what a job that
    /// sorts or compares binary columns needs): the flag bytes, the date escaped (`0x00` →
    /// `0x00 0xFF`) and closed by `0x00 0x00`, the time as big-endian bytes with the sign
    /// bit flipped, then the id's UTF-8 bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.id.len() + 24);
        out.push(u8::from(self.undated));
        match self.date {
            None => out.push(0),
            Some(date) => {
                out.push(1);
                for &b in date.as_bytes() {
                    out.push(b);
                    if b == 0 {
                        out.push(0xFF);
                    }
                }
                out.extend([0, 0]);
            }
        }
        out.extend(((self.time as u64) ^ (1 << 63)).to_be_bytes());
        out.push(u8::from(self.no_wire));
        out.extend(self.id.as_bytes());
        out
    }
}

/// Per document, its position in the representative order ([`RankKey`]; 0 = most
/// original).
pub fn ranks(docs: &[Document], agencies: &[String]) -> Vec<u32> {
    // Only the derived facts are kept (16 bytes a document); each comparison borrows the
    // rest of the key from the documents.
    let facts: Vec<(i64, bool)> = docs.iter().map(|d| facts(d, agencies)).collect();
    let key = |i: u32| key_with(&docs[i as usize], facts[i as usize]);
    let mut order: Vec<u32> = (0..docs.len() as u32).collect();
    order.sort_unstable_by(|&i, &j| key(i).cmp(&key(j)));
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
    fn rank_key_bytes_sort_as_the_key() {
        let mut docs: Vec<Document> = ["b", "a", "c", "d", "e", "f", "g"]
            .into_iter()
            .map(doc)
            .collect();
        docs[1].meta.date = Some("2022-02-16".into());
        docs[2].meta.date = Some("2022-02-15".into());
        docs[3].meta.date = Some("2022-02-15".into());
        docs[3].meta.published = Some("2022-02-15T09:00:00+02:00".into());
        docs[4].meta.date = Some("2022-02-1".into());
        docs[5].meta.date = Some("2022-02-1\0".into());
        docs[6].meta.date = Some("2022-02-15".into());
        docs[6].meta.byline = Some("By Jo Lee, Reuters".into());
        let agencies = vec!["Reuters".to_string()];
        let keys: Vec<RankKey> = docs.iter().map(|d| rank_key(d, &agencies)).collect();
        for x in &keys {
            for y in &keys {
                assert_eq!(x.cmp(y), x.to_bytes().cmp(&y.to_bytes()), "{x:?} {y:?}");
            }
        }
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
