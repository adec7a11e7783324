//! Unit tests of the numbers extractor: one invented sentence per pattern, negatives
//! included.

use super::{extract_numbers, Number, Value};
use crate::sentences::sentences;
use crate::span::CharIndex;

fn numbers(body: &str) -> Vec<Number> {
    let sentences = sentences(body, Some("eng"));
    let index = CharIndex::new(body);
    extract_numbers(body, &sentences, &index)
}

fn brief(body: &str) -> Vec<(Value, Option<String>, Option<String>)> {
    numbers(body)
        .into_iter()
        .map(|n| (n.value, n.unit, n.qualifier))
        .collect()
}

#[test]
fn smoke() {
    for s in ["More than 100,000 troops have massed near the border."] {
        eprintln!("{:?}", brief(s));
    }
}

/// Writes the numbers of every file in `$NUMBERS_DEV_CORPUS` to `$NUMBERS_DEV_OUT` as
/// documents.jsonl rows (a development aid; run with `--ignored`).
#[test]
#[ignore]
fn dev_corpus_to_jsonl() {
    let (Ok(dir), Ok(out)) = (
        std::env::var("NUMBERS_DEV_CORPUS"),
        std::env::var("NUMBERS_DEV_OUT"),
    ) else {
        return;
    };
    let mut rows = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus dir")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let body = std::fs::read_to_string(entry.path()).expect("utf-8 file");
        let row = serde_json::json!({
            "id": entry.file_name().to_string_lossy(),
            "numbers": numbers(&body),
        });
        rows.push_str(&row.to_string());
        rows.push('\n');
    }
    std::fs::write(out, rows).expect("write output");
}
