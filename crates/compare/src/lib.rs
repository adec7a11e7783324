//! Per-document facts for the comparison of sources: the sentences of a cleaned body, the
//! quotes in it with their speakers ([`Quote`]), and the quantities it states with their
//! units and qualifiers ([`Number`]). [`extract_facts`] returns them for one body;
//! [`compare_story`] (module [`across`]) lines up the facts and sentences of one story's
//! documents: statements by speaker, quantities that disagree, agreed and unique claims.
//!
//! Every span is `[start, end)` in chars (Unicode scalar values) of the body it was taken
//! from, as everywhere in samestory's output.
//!
//! Must not: read files, or touch metadata other than what it is given (the language; for a
//! story, each member's id, group and date) — bodies in, facts and comparisons out, so any
//! front end can call it per document or per story, in parallel.
//!
//! ```
//! use samestory_compare::{extract_facts, CompareConfig};
//! let body = "The council approved the plan on Monday.";
//! let facts = extract_facts(body, Some("eng"), &CompareConfig::default());
//! assert!(facts.quotes.is_empty());
//! ```

/// Defines a test `fn name(word: T) -> bool`, a `matches!` on the words, and a constant
/// list of the same words for tables built from them: one list of words, written once.
macro_rules! word_set {
    (
        $(#[$test_doc:meta])* $test_vis:vis fn $test:ident($ty:ty),
        $(#[$list_doc:meta])* $list_vis:vis const $list:ident: $list_ty:ty,
        [$($word:literal,)+]
    ) => {
        $(#[$test_doc])*
        $test_vis fn $test(word: $ty) -> bool {
            matches!(word, $($word)|+)
        }

        $(#[$list_doc])*
        $list_vis const $list: $list_ty = &[$($word),+];
    };
}

pub mod across;
mod calendar;
pub mod numbers;
mod precheck;
pub mod quotes;
pub mod sentences;
pub mod span;

pub use across::{compare_story, compares_nothing, Comparison, Member};
pub use numbers::{Number, Value};
pub use quotes::Quote;
pub use samestory_core::CompareConfig;
pub use sentences::{sentences, Sentence};

use serde::{Deserialize, Serialize};

/// What one document states: its quotes and its quantities, in body order. Written as JSON
/// and read back unchanged (the pipeline keeps extracted facts on disk between stages).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    /// Quotes, direct and indirect, with their speakers.
    pub quotes: Vec<Quote>,
    /// Quantities with value, unit and qualifier.
    pub numbers: Vec<Number>,
}

/// The facts of `body`, whose language (ISO 639-3, as in `Metadata::lang`) is `lang` when
/// known. The rules (speech verbs, number words, units) are English: a body known to be in
/// another language gets none, rather than noise; an unknown language is read as English.
pub fn extract_facts(body: &str, lang: Option<&str>, config: &CompareConfig) -> Facts {
    let (quotes, numbers) = may_hold(body, lang, config);
    if !quotes && !numbers {
        return Facts::default();
    }
    extract_in(body, &sentences(body, lang), (quotes, numbers), config)
}

/// [`extract_facts`] for a body whose [`sentences`] the caller already has.
pub fn extract_facts_in(
    body: &str,
    lang: Option<&str>,
    sentences: &[Sentence],
    config: &CompareConfig,
) -> Facts {
    extract_in(body, sentences, may_hold(body, lang, config), config)
}

/// Whether `body` may hold quotes and numbers that `config` asks for: not when its
/// language is known and not English, nor when the extractors' cheap pre-checks find
/// nothing they could start from (sentences and tokens are then never made).
fn may_hold(body: &str, lang: Option<&str>, config: &CompareConfig) -> (bool, bool) {
    if !is_english(lang) {
        return (false, false);
    }
    precheck::may_hold(body, config.quotes, config.numbers)
}

/// The quotes (when `quotes`) and numbers (when `numbers`) of `body`.
fn extract_in(
    body: &str,
    sentences: &[Sentence],
    (quotes, numbers): (bool, bool),
    config: &CompareConfig,
) -> Facts {
    if !quotes && !numbers {
        return Facts::default();
    }
    let index = span::CharIndex::new(body);
    Facts {
        quotes: if quotes {
            quotes::extract_quotes(body, sentences, &index, config.describe_unnamed_speakers)
        } else {
            Vec::new()
        },
        numbers: if numbers {
            numbers::extract_numbers(body, sentences, &index)
        } else {
            Vec::new()
        },
    }
}

/// Whether the extractors' English rules apply to a body in `lang`.
fn is_english(lang: Option<&str>) -> bool {
    matches!(lang, None | Some("eng"))
}

#[cfg(test)]
mod tests {
    use super::{extract_facts, numbers, quotes, sentences, span, CompareConfig, Facts};
    use proptest::prelude::*;

    /// Pieces of text that start, almost start or never start a quote or a number.
    const PIECES: &[&str] = &[
        "the",
        "council",
        "voted",
        "Maria Lopez",
        "Mr.",
        "Dr. Kerr",
        "she",
        "they",
        "it",
        "said",
        "Said",
        "SAID",
        "says",
        "told",
        "reporters",
        "that",
        "according",
        "According",
        "to",
        "called",
        "described",
        "the plan",
        "a disaster",
        "unsaid",
        "sayings",
        "x-said",
        "ten",
        "Ten",
        "tenfold",
        "hundreds",
        "of",
        "dozen",
        "half",
        "million",
        "3",
        "1,200",
        "40%",
        "$5",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "\u{ab}",
        "'",
        "\u{2019}",
        ",",
        ".",
        "?",
        ":",
        "-",
        "\u{2014}",
        "\n",
        "\n\n",
        "caf\u{e9}",
        "\u{e9}said",
        "Tr\u{ed}mo",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        /// The pre-checks only spare work: the facts are those of the extractors run on
        /// every body.
        #[test]
        fn prechecks_change_no_fact(picks in prop::collection::vec(0..PIECES.len(), 0..12)) {
            let body = picks.iter().map(|&k| PIECES[k]).collect::<Vec<_>>().join(" ");
            let config = CompareConfig::default();
            let s = sentences(&body, None);
            let index = span::CharIndex::new(&body);
            let full = Facts {
                quotes: quotes::extract_quotes(&body, &s, &index, config.describe_unnamed_speakers),
                numbers: numbers::numbers_in(&body, &s, &index, |_| true),
            };
            prop_assert_eq!(&extract_facts(&body, None, &config), &full);
            prop_assert_eq!(&super::extract_facts_in(&body, None, &s, &config), &full);
        }
    }

    #[test]
    fn prechecks_pass_over_text_with_nothing_to_find() {
        let config = CompareConfig::default();
        let dull = "Trimo peomrisha kaomdar. Vivitovi rifa sennuzel, belfaqua nudar.";
        assert_eq!(super::may_hold(dull, None, &config), (false, false));
        let said = "The mayor said the bridge would reopen.";
        assert_eq!(super::may_hold(said, None, &config), (true, false));
        let marked = "A \u{201c}temporary\u{201d} fix for twelve weeks.";
        assert_eq!(super::may_hold(marked, None, &config), (true, true));
    }

    #[test]
    fn other_languages_get_no_facts() {
        let body = "More than 300 people came to the hearing on Monday.";
        let config = CompareConfig::default();
        assert_eq!(extract_facts(body, Some("eng"), &config).numbers.len(), 1);
        assert_eq!(extract_facts(body, None, &config).numbers.len(), 1);
        assert_eq!(
            extract_facts(body, Some("deu"), &config),
            Default::default()
        );
    }

    #[test]
    fn facts_read_back_as_written() {
        let body = "\"We will rebuild,\" Mayor Ines Kolar said. Between 30 and 40 homes, \
                    more than 1.5 million euros and about 0.35 percent were lost.";
        let facts = extract_facts(body, None, &CompareConfig::default());
        assert!(
            !facts.quotes.is_empty() && facts.numbers.len() >= 3,
            "{facts:?}"
        );
        let json = serde_json::to_string(&facts).unwrap();
        let back: super::Facts = serde_json::from_str(&json).unwrap();
        assert_eq!(back, facts);
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}
