//! One line of `stories.jsonl` with its cross-source comparison (quotes by speaker,
//! conflicting attributions, numbers by quantity, agreed and unique claims), read with every
//! field optional and written back, spans converted, into a story's details. A comparison
//! field that is absent stays `None` (the page then falls back to the documents' own
//! quotes and numbers). Plain data: no I/O.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// One story.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StoryRow {
    /// The story id (its smallest document id).
    pub story: String,
    /// The title shown for it.
    pub title: Option<String>,
    /// Its earliest date.
    pub first_date: Option<String>,
    /// Its latest date.
    pub last_date: Option<String>,
    /// Its documents.
    pub documents: Vec<String>,
    /// Its duplicate groups.
    pub groups: Vec<String>,
    /// Quotes by speaker.
    pub quotes: Option<Vec<SpeakerQuotes>>,
    /// One statement attributed to different speakers.
    pub conflicts: Option<Vec<Conflict>>,
    /// Numbers by quantity.
    pub numbers: Option<Vec<Quantity>>,
    /// Claims of ≥ 2 independent groups.
    pub agreed: Option<Vec<Claim>>,
    /// What only one document reports, by document.
    pub unique: Option<BTreeMap<String, Vec<Passage>>>,
}

/// One speaker's quotes.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SpeakerQuotes {
    /// Who.
    pub speaker: Option<String>,
    /// Each statement with its wordings.
    pub quotes: Vec<QuoteGroup>,
}

/// One statement and its wordings across documents.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct QuoteGroup {
    /// The canonical wording.
    pub text: String,
    /// Each document's wording.
    pub variants: Vec<Variant>,
}

/// One document's wording of a statement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Variant {
    /// The document.
    pub doc: String,
    /// Its wording.
    pub text: String,
    /// Where in its body.
    pub span: Option<[usize; 2]>,
    /// How sure the attribution is.
    pub confidence: Option<f64>,
}

/// One statement attributed to different speakers.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Conflict {
    /// The statement.
    pub text: String,
    /// Who says who said it.
    pub attributions: Vec<Attribution>,
}

/// One attribution of a conflicting statement.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Attribution {
    /// The speaker named.
    pub speaker: Option<String>,
    /// The documents naming them.
    pub docs: Vec<String>,
}

/// One quantity and the values the documents state for it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Quantity {
    /// What is counted.
    pub quantity: Option<String>,
    /// Its unit.
    pub unit: Option<String>,
    /// The values differ beyond rounding.
    pub disagree: bool,
    /// … but their qualifiers make them consistent.
    pub compatible: bool,
    /// Each document's value.
    pub values: Vec<QuantityValue>,
}

/// One document's value for a quantity.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct QuantityValue {
    /// A number or `[lo, hi]`.
    pub value: Value,
    /// "more than", "about"…
    pub qualifier: Option<String>,
    /// The document.
    pub doc: String,
    /// As written.
    pub text: String,
    /// Where in its body.
    pub span: Option<[usize; 2]>,
}

/// A claim several independent groups report.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Claim {
    /// The claim.
    pub claim: String,
    /// The documents reporting it.
    pub docs: Vec<String>,
    /// Their duplicate groups.
    pub groups: Vec<String>,
    /// Where in each document's body.
    pub spans: BTreeMap<String, [usize; 2]>,
}

/// A passage of one document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct Passage {
    /// Its text.
    pub text: String,
    /// Where in the body.
    pub span: Option<[usize; 2]>,
}

impl StoryRow {
    /// Whether any quantity's values disagree (the story list's badge).
    pub fn numbers_disagree(&self) -> bool {
        self.numbers
            .iter()
            .flatten()
            .any(|q| q.disagree && !q.compatible)
    }
}
