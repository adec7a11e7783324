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
    #[serde(deserialize_with = "lenient")]
    pub quotes: Option<Vec<SpeakerQuotes>>,
    /// One statement attributed to different speakers.
    #[serde(deserialize_with = "lenient")]
    pub conflicts: Option<Vec<Conflict>>,
    /// Numbers by quantity.
    #[serde(deserialize_with = "lenient")]
    pub numbers: Option<Vec<Quantity>>,
    /// Claims of ≥ 2 independent groups.
    #[serde(deserialize_with = "lenient")]
    pub agreed: Option<Vec<Claim>>,
    /// What only one document reports, by document.
    #[serde(deserialize_with = "lenient")]
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
    /// Conflicting attributions listed with the speaker (DESIGN.md's placement); the page
    /// shows them with the story's.
    #[serde(skip_serializing, deserialize_with = "lenient_vec")]
    pub conflicts: Vec<Conflict>,
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

/// A comparison field in a shape this page cannot read (the comparison is still being
/// settled) is left out, never fatal: `None`.
fn lenient<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    let value = Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(value).ok())
}

/// [`lenient`] for a list: unreadable → empty.
fn lenient_vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(lenient(deserializer)?.unwrap_or_default())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_reads_in_the_design_shape() {
        let line = r#"{"story":"a","documents":["a","b"],
            "quotes":[{"speaker":"Dmytro Kuleba","quotes":[{"text":"t","variants":[
                {"doc":"a","text":"t","span":[1,2],"confidence":0.9}]}],
                "conflicts":[{"text":"c","attributions":[{"speaker":"X","docs":["a"]}]}]}],
            "conflicts":[{"text":"d","attributions":[{"speaker":null,"docs":["b"]}]}],
            "numbers":[{"quantity":"Russian troops near Ukraine","unit":"troops","disagree":true,
                "compatible":false,"values":[{"value":130000,"qualifier":"an estimated",
                "doc":"a","text":"130,000","span":[3,10]},{"value":[10000,90000],"qualifier":null,
                "doc":"b","text":"tens of thousands","span":[0,17]}]}],
            "agreed":[{"claim":"k","docs":["a","b"],"groups":["a","b"],"spans":{"a":[0,1],"b":[2,3]}}],
            "unique":{"a":[{"text":"u","span":[4,5]}]}}"#;
        let story: StoryRow = serde_json::from_str(line).unwrap();
        assert!(story.numbers_disagree());
        let quotes = story.quotes.as_ref().unwrap();
        assert_eq!(quotes[0].conflicts[0].attributions[0].docs, ["a"]);
        assert_eq!(story.conflicts.as_ref().unwrap().len(), 1);
        assert_eq!(story.agreed.as_ref().unwrap()[0].spans["b"], [2, 3]);
        assert_eq!(story.unique.as_ref().unwrap()["a"][0].span, Some([4, 5]));
    }

    #[test]
    fn an_unreadable_comparison_field_is_left_out() {
        let line = r#"{"story":"a","numbers":"soon","agreed":[{"claim":3}],"quotes":[]}"#;
        let story: StoryRow = serde_json::from_str(line).unwrap();
        assert!(story.numbers.is_none() && story.agreed.is_none());
        assert_eq!(story.quotes.map(|q| q.len()), Some(0));
    }
}
