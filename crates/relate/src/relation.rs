//! The output types: [`Relation`] (one `relations.jsonl` line, field for field as in
//! DESIGN.md) and [`Relations`] (all relations plus each document's duplicate group).

use serde::{Deserialize, Serialize};

/// What two documents are to each other, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Identical normalised bodies.
    Exact,
    /// The same article: shingle Jaccard ≥ threshold, or a trimmed copy.
    NearDuplicate,
    /// Equal canonical URLs (revisions or re-crawls), whatever the text.
    SameUrl,
    /// One body reprints passages of the other.
    Reprint,
    /// Both reprint the same source (`via`), and what they share is what they each took
    /// from it (written only with `relate.shared_source_edges`).
    SharedSource,
}

impl Kind {
    /// Whether this kind joins the two documents' duplicate groups.
    pub fn joins_group(self) -> bool {
        !matches!(self, Kind::Reprint | Kind::SharedSource)
    }
}

/// One relation between documents `a` and `b` (`a < b` by id).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Id of the first document (the smaller id).
    pub a: String,
    /// Id of the second document.
    pub b: String,
    /// The relation's kind.
    pub kind: Kind,
    /// Word-shingle Jaccard of the two bodies, exact (4 decimals).
    pub jaccard: f64,
    /// Share of `a`'s shingles found in `b` (4 decimals).
    pub containment_a: f64,
    /// Share of `b`'s shingles found in `a` (4 decimals).
    pub containment_b: f64,
    /// Same-story score; filled by the story stage, `null` here.
    pub story_score: Option<f64>,
    /// Aligned passages `[a_start, a_end, b_start, b_end]`, char offsets into the bodies,
    /// sorted by `a_start` (reprints only; empty for other kinds).
    pub passages: Vec<[usize; 4]>,
    /// For a reprint, the id of the likely original (`a` or `b`); else `null`.
    pub original: Option<String>,
    /// One human sentence: the evidence and, for a reprint, which rule chose `original`.
    pub why: String,
    /// For a `shared_source` pair, the representative of the source both take from; else
    /// `null`.
    pub via: Option<String>,
}

/// Everything the engine found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Relations {
    /// Relations sorted by `(a, b)`: one row per duplicate-group member besides the
    /// representative (a spanning tree rooted at it), one per reprint between two groups'
    /// representatives (every verified pair with `relate.all_pairs`).
    pub relations: Vec<Relation>,
    /// Per input document (same order): its duplicate group id, the smallest member id.
    pub group_of: Vec<String>,
    /// Per input document (same order): its group's representative's id — the earliest
    /// published member (dated before undated), wire-credited first, then the smallest id.
    pub representative_of: Vec<String>,
}
