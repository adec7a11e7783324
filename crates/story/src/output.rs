//! The story stage's results as data: one [`Story`] per `stories.jsonl` line (the
//! clustering fields; the comparison stage adds its own), each member's [`MemberWhy`], and
//! [`SameStoryPair`]s shaped like `relations.jsonl` rows. Pairs are by far the most rows
//! (every pair of a story's units up to `max_pair_members`): [`Stories`] holds each as
//! ~40 bytes (its story, the two members' places in it, its score, the ids of the shared
//! features) and writes the row's strings only when [`Stories::pairs`] hands it out.

use crate::kind::Kind;
use samestory_core::round4;
use serde::Serialize;
use std::sync::Arc;

/// Why a member is in its story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberWhy {
    /// The member document's id.
    pub doc: String,
    /// `story_score` of the member against the rest of the story (1 when the rest is
    /// only its duplicates and reprints), 4 decimals.
    pub score: f64,
    /// The strongest features it shares with the rest of the story (stems, names,
    /// places, `MM-DD` dates).
    pub shared: FeatureNames,
}

/// Feature names as a row shows them: model ids, spelled from the model's shared table only
/// when read or serialised (a million members' names as strings would cost ~300 bytes
/// each; these cost ~60).
#[derive(Clone, Debug)]
pub struct FeatureNames {
    ids: Box<[u32]>,
    names: Arc<[Box<str>]>,
}

impl FeatureNames {
    /// The features `ids` of the table `names` (tagged names: see [`Kind`]).
    pub(crate) fn new(ids: Vec<u32>, names: Arc<[Box<str>]>) -> FeatureNames {
        FeatureNames {
            ids: ids.into_boxed_slice(),
            names,
        }
    }

    /// The names, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.ids
            .iter()
            .map(|&id| Kind::untag(&self.names[id as usize]))
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

impl PartialEq for FeatureNames {
    fn eq(&self, other: &FeatureNames) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Serialize for FeatureNames {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// One story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Story {
    /// Story id: the smallest member id.
    pub story: String,
    /// The most representative title: the titled member closest to the story centroid.
    pub title: Option<String>,
    /// Earliest member date (`YYYY-MM-DD`), if any member is dated.
    pub first_date: Option<String>,
    /// Latest member date.
    pub last_date: Option<String>,
    /// Member ids, sorted.
    pub documents: Vec<String>,
    /// Duplicate groups of the members, sorted, unique.
    pub groups: Vec<String>,
    /// Per member (in `documents` order): why it belongs.
    pub why: Vec<MemberWhy>,
}

/// A `relations.jsonl` row of kind `same_story`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SameStoryPair {
    /// The smaller id.
    pub a: String,
    /// The larger id.
    pub b: String,
    /// Always `"same_story"`.
    pub kind: &'static str,
    /// `story_score` of the two documents, 4 decimals.
    pub story_score: f64,
    /// One human sentence: the shared features.
    pub why: String,
}

/// Everything the story stage found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stories {
    /// Per input document (input order): its story id.
    pub story_of: Vec<String>,
    /// Stories sorted by id.
    pub stories: Vec<Story>,
    /// `same_story` pairs, sorted by `(a, b)`, compact (see [`Stories::pairs`]).
    pub(crate) pairs: Vec<PairAt>,
    /// The shared features of every pair (model ids; `PairAt::shared` indexes here).
    pub(crate) shared: Vec<u32>,
    /// Feature strings by model id.
    pub(crate) names: Arc<[Box<str>]>,
}

/// One `same_story` pair: members `i < j` of story `story` (positions in its `documents`,
/// so `a` is member `i`), its unrounded score, and its shared features
/// `shared[shared..shared + len]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PairAt {
    pub story: u32,
    pub i: u32,
    pub j: u32,
    pub score: f32,
    pub shared: u32,
    pub len: u32,
}

impl Stories {
    /// `same_story` pairs between members that are not linked as duplicates or reprints,
    /// sorted by `(a, b)`; each row is made when handed out.
    pub fn pairs(&self) -> impl ExactSizeIterator<Item = SameStoryPair> + '_ {
        self.pairs.iter().map(|p| self.pair_row(p))
    }

    fn pair_row(&self, p: &PairAt) -> SameStoryPair {
        let docs = &self.stories[p.story as usize].documents;
        let at = p.shared as usize;
        let shared: Vec<&str> = self.shared[at..at + p.len as usize]
            .iter()
            .map(|&id| Kind::untag(&self.names[id as usize]))
            .collect();
        SameStoryPair {
            a: docs[p.i as usize].clone(),
            b: docs[p.j as usize].clone(),
            kind: "same_story",
            story_score: round4(f64::from(p.score)),
            why: format!(
                "same story: shares {} (score {:.2})",
                shared.join(", "),
                p.score
            ),
        }
    }
}
