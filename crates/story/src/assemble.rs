//! From clusters of documents to output rows: story id, representative title, date range,
//! groups, each member's `why`, and the `same_story` pairs (as [`PairParts`]: members,
//! score and shared feature ids; [`crate::Stories`] writes their strings on demand).
//! Reads only the per-document [`DocMeta`] and features; never the bodies.

use crate::clusters::Cluster;
use crate::dates::date_string;
use crate::features::Features;
use crate::kind::Kind;
use crate::output::{FeatureNames, MemberWhy, Story};
use crate::score::{combine, days_to_range, story_score, to_centroid};
use crate::source::DocMeta;
use crate::sum::Sum;
use crate::units::span;
use crate::vector::SparseVec;
use samestory_core::round4;
use samestory_core::StoryConfig;
use std::collections::HashMap;

/// A `same_story` pair of a cluster: members `i < j` (positions in `Cluster::docs`), the
/// unrounded `story_score`, and the model ids of the shared features its `why` names.
#[derive(Clone, Debug, PartialEq)]
pub struct PairParts {
    pub i: u32,
    pub j: u32,
    pub score: f32,
    pub shared: Vec<u32>,
}

/// Builds the story row of a cluster and its `same_story` pairs.
pub fn story_row(
    c: &Cluster<'_>,
    meta: &[DocMeta<'_>],
    feats: &Features,
    cfg: &StoryConfig,
) -> (Story, Vec<PairParts>) {
    let f = |d: usize| &feats.docs[d];
    let total = Sum::of(c.docs.iter().map(|&d| &f(d).vec));
    let centroid = total.mean();
    let parts = unit_sums(c, feats);
    let range = span(c.docs.iter().filter_map(|&d| f(d).day));
    let rep = representative(c, meta, feats, &centroid);
    let story = Story {
        story: meta[c.docs[0]].id.to_owned(),
        title: c
            .docs
            .iter()
            .find(|&&d| d == rep)
            .and_then(|&d| meta[d].title)
            .map(str::to_owned),
        first_date: range.map(|r| date_string(r.0)),
        last_date: range.map(|r| date_string(r.1)),
        documents: c.docs.iter().map(|&d| meta[d].id.to_owned()).collect(),
        groups: groups(c, meta),
        why: (0..c.docs.len())
            .map(|i| {
                let rest = RestOf {
                    total: &total,
                    part: &parts[&c.unit_of[i]],
                };
                member_why(c.docs[i], rest, meta, feats, range, cfg)
            })
            .collect(),
    };
    (story, pairs(c, rep, feats, cfg))
}

/// The member closest to the centroid, preferring titled members (ties: smaller id).
fn representative(
    c: &Cluster<'_>,
    meta: &[DocMeta<'_>],
    feats: &Features,
    centroid: &SparseVec,
) -> usize {
    let key = |d: usize| {
        (
            meta[d].title.is_some(),
            to_centroid(&feats.docs[d].vec, centroid),
        )
    };
    let mut best = c.docs[0];
    for &d in &c.docs[1..] {
        let (kb, kd) = (key(best), key(d));
        if (kd.0 && !kb.0) || (kd.0 == kb.0 && kd.1 > kb.1) {
            best = d;
        }
    }
    best
}

fn groups(c: &Cluster<'_>, meta: &[DocMeta<'_>]) -> Vec<String> {
    let mut g: Vec<String> = c.docs.iter().map(|&d| meta[d].group.to_owned()).collect();
    g.sort();
    g.dedup();
    g
}

/// The sums of each unit's members in a cluster.
fn unit_sums(c: &Cluster<'_>, feats: &Features) -> HashMap<usize, Sum> {
    let mut members: HashMap<usize, Vec<&SparseVec>> = HashMap::new();
    for (&d, &u) in c.docs.iter().zip(c.unit_of) {
        members.entry(u).or_default().push(&feats.docs[d].vec);
    }
    members
        .into_iter()
        .map(|(u, vecs)| (u, Sum::of(vecs.into_iter())))
        .collect()
}

/// A cluster's sum and the part of it (a member's unit) to leave out.
#[derive(Clone, Copy)]
struct RestOf<'a> {
    total: &'a Sum,
    part: &'a Sum,
}

/// Member `doc` against the members outside its unit.
fn member_why(
    doc: usize,
    rest: RestOf<'_>,
    meta: &[DocMeta<'_>],
    feats: &Features,
    range: Option<(i32, i32)>,
    cfg: &StoryConfig,
) -> MemberWhy {
    let me = &feats.docs[doc];
    let (score, rest) = if rest.total.vectors() == rest.part.vectors() {
        (1.0, me.vec.clone())
    } else {
        let rest = rest.total.mean_without(rest.part);
        let gap = me.day.zip(range).map(|(d, r)| days_to_range(d, r));
        (combine(to_centroid(&me.vec, &rest), gap, cfg), rest)
    };
    MemberWhy {
        doc: meta[doc].id.to_owned(),
        score: round4(f64::from(score)),
        shared: FeatureNames::new(
            shown(feats, &me.vec.shared(&rest, cfg.why_features)),
            feats.model.names(),
        ),
    }
}

/// The features to show, strongest first, each once: a stem already spelled out by an
/// earlier name ("haa" after "haas") is left out.
fn shown(feats: &Features, ids: &[u32]) -> Vec<u32> {
    let name = |id: u32| Kind::untag(feats.model.name(id));
    let mut out: Vec<u32> = Vec::with_capacity(ids.len());
    for &id in ids {
        if !out.iter().any(|&seen| name(seen).starts_with(name(id))) {
            out.push(id);
        }
    }
    out
}

/// `same_story` pairs across units: all of them in small stories, else each member with
/// the representative.
fn pairs(c: &Cluster<'_>, rep: usize, feats: &Features, cfg: &StoryConfig) -> Vec<PairParts> {
    let n = c.docs.len();
    let rep_i = c.docs.iter().position(|&d| d == rep).unwrap_or(0);
    let all = n <= cfg.max_pair_members;
    let mut out = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if c.unit_of[i] != c.unit_of[j] && (all || i == rep_i || j == rep_i) {
                let (x, y) = (&feats.docs[c.docs[i]], &feats.docs[c.docs[j]]);
                out.push(PairParts {
                    i: i as u32,
                    j: j as u32,
                    score: story_score(x, y, cfg),
                    shared: shown(feats, &x.vec.shared(&y.vec, cfg.why_features)),
                });
            }
        }
    }
    out
}
