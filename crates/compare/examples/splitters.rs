//! Compares sentence splitters on directories of UTF-8 text files: sentences found, splits
//! right after a title abbreviation followed by a capital ("Maj. | Gen.", "Ms. | May" — always
//! wrong), and throughput. Run:
//! `cargo run --release -p samestory-compare --example splitters -- ../shared/seeds ../shared/data/quotes-dev/news-corpus`
#![allow(clippy::print_stdout)]

use std::time::Instant;
use unicode_segmentation::UnicodeSegmentation;

const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Lt", "Col", "Sen", "Rep", "Gov", "St", "Prof", "Sgt",
    "Capt", "Cmdr", "Adm", "Rev", "Mt", "Ft", "No", "vs", "Jan", "Feb", "Aug", "Sept", "Oct",
    "Nov", "Dec",
];

fn wrong_split(before: &str, after: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix('.') else {
        return false;
    };
    let word = head
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    TITLES.contains(&word) && after.trim_start().starts_with(char::is_uppercase)
}

fn main() {
    let mut texts = Vec::new();
    for dir in std::env::args().skip(1) {
        for entry in std::fs::read_dir(&dir).expect("a directory") {
            if let Ok(text) = std::fs::read_to_string(entry.expect("an entry").path()) {
                texts.push(text);
            }
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("| splitter | files | sentences | splits after a title | MB/s |");
    println!("|---|---|---|---|---|");
    for name in ["sentencex", "unicode-segmentation"] {
        let start = Instant::now();
        let (mut count, mut wrong) = (0, 0);
        for text in &texts {
            let parts: Vec<&str> = if name == "sentencex" {
                sentencex::segment("en", text)
            } else {
                text.split_sentence_bounds().collect()
            };
            count += parts.len();
            wrong += parts.windows(2).filter(|w| wrong_split(w[0], w[1])).count();
        }
        let mbps = bytes as f64 / start.elapsed().as_secs_f64() / 1e6;
        println!(
            "| {name} | {} | {count} | {wrong} | {mbps:.1} |",
            texts.len()
        );
    }
}
