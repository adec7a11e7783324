//! Duplicate groups: connected components of exact, near-duplicate and same-URL relations
//! (union-find). A group's id is its smallest member id, so it does not depend on input
//! order. Reprints never join groups.

use crate::Relation;
use samestory_core::Document;
use std::collections::HashMap;

/// Per document (input order), the id of its duplicate group.
pub fn duplicate_groups(docs: &[Document], relations: &[Relation]) -> Vec<String> {
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut uf = UnionFind::new(docs.len());
    for r in relations.iter().filter(|r| r.kind.joins_group()) {
        if let (Some(&a), Some(&b)) = (index.get(r.a.as_str()), index.get(r.b.as_str())) {
            uf.union(a, b);
        }
    }
    let mut smallest: Vec<Option<usize>> = vec![None; docs.len()];
    for i in 0..docs.len() {
        let root = uf.find(i);
        let best = smallest[root].get_or_insert(i);
        if docs[i].id < docs[*best].id {
            *best = i;
        }
    }
    (0..docs.len())
        .map(|i| docs[smallest[uf.find(i)].unwrap_or(i)].id.clone())
        .collect()
}

/// Union-find with path halving and union by size.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    pub(crate) fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
        }
    }

    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (mut ra, mut rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        if self.size[ra] < self.size[rb] {
            std::mem::swap(&mut ra, &mut rb);
        }
        self.parent[rb] = ra;
        self.size[ra] += self.size[rb];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;
    use samestory_core::Format;

    fn doc(id: &str) -> Document {
        Document::new(id, Format::Text, String::new())
    }

    fn rel(a: &str, b: &str, kind: Kind) -> Relation {
        Relation {
            a: a.into(),
            b: b.into(),
            kind,
            jaccard: 0.0,
            containment_a: 0.0,
            containment_b: 0.0,
            story_score: None,
            passages: vec![],
            original: None,
            why: String::new(),
        }
    }

    #[test]
    fn components_named_by_smallest_id_reprints_apart() {
        let docs: Vec<Document> = ["d", "b", "c", "a", "e"].into_iter().map(doc).collect();
        let rels = [
            rel("b", "d", Kind::NearDuplicate),
            rel("a", "c", Kind::SameUrl),
            rel("c", "d", Kind::Exact),
            rel("a", "e", Kind::Reprint),
        ];
        assert_eq!(duplicate_groups(&docs, &rels), ["a", "a", "a", "a", "e"]);
    }
}
