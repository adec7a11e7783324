//! Pattern tests of the quote extractor on invented sentences: one test per pattern of
//! issue 13, negatives included.

use super::{extract_quotes, Quote};
use crate::sentences::sentences;
use crate::span::CharIndex;

fn quotes(body: &str) -> Vec<Quote> {
    let s = sentences(body, Some("eng"));
    extract_quotes(body, &s, &CharIndex::new(body))
}

fn pairs(body: &str) -> Vec<(String, Option<String>)> {
    quotes(body)
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

#[test]
fn empty_body_has_no_quotes() {
    assert!(quotes("").is_empty());
}

#[test]
fn quote_then_name_said() {
    let got =
        pairs("\"We will keep the ferry running,\" Harbour Master Odile Vance said on Monday.");
    assert_eq!(
        got,
        [(
            "\"We will keep the ferry running,\"".into(),
            Some("Odile Vance".into())
        )]
    );
}

/// Prints the quotes of the file named by `QUOTES_DEBUG_FILE` (a development aid).
#[test]
#[ignore]
#[allow(clippy::print_stdout)]
fn debug_file() {
    let Ok(path) = std::env::var("QUOTES_DEBUG_FILE") else {
        return;
    };
    let body = std::fs::read_to_string(path).unwrap_or_default();
    for q in quotes(&body) {
        println!(
            "{:?} {:.1} {} | {}",
            q.speaker, q.confidence, q.direct, q.text
        );
    }
}
