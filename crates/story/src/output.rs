//! The story stage's results as data: one [`Story`] per `stories.jsonl` line (the
//! clustering fields; the comparison stage adds its own), each member's [`MemberWhy`], and
//! [`SameStoryPair`]s shaped like `relations.jsonl` rows.

use serde::Serialize;

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
    pub shared: Vec<String>,
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
    /// `same_story` pairs between members that are not linked as duplicates or reprints,
    /// sorted by `(a, b)`.
    pub pairs: Vec<SameStoryPair>,
}
