//! `bench-stories`: prints a table of the story stage's quality on semeval8-dev (against a
//! plain TF-IDF cosine, same run, same scorer) and its time and peak RSS on synthetic
//! corpora. Usage: `bench-stories [--data DIR] [--sizes 100000,1000000] [--cfg JSON]`
//! (`--cfg` overrides `StoryConfig` fields, e.g. `'{"max_features": 128}'`).
#![allow(clippy::print_stdout)]

mod semeval;
mod synthetic;

use anyhow::Result;
use samestory_story::StoryConfig;
use std::path::PathBuf;
use std::process::Command;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = flag(&args, "--one-size") {
        return one_size(n.parse()?, &config(&args)?);
    }
    let data = flag(&args, "--data")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/semeval8-dev"));
    let pairs = semeval::read_pairs(&data.join("pairs.jsonl"))?;
    let cfg = config(&args)?;
    let ours = semeval::samestory_scores(&pairs, &cfg);
    let ours = semeval::evaluate(&data, &pairs, &ours, "samestory")?;
    let tfidf = semeval::evaluate(&data, &pairs, &semeval::tfidf_scores(&pairs), "tfidf")?;
    println!("| semeval8-dev (61 pairs) | Pearson | ROC-AUC |\n|---|---|---|");
    println!(
        "| samestory story_score | {:.3} | {:.3} |",
        ours.pearson, ours.roc_auc
    );
    println!(
        "| TF-IDF cosine (1–2-grams) | {:.3} | {:.3} |",
        tfidf.pearson, tfidf.roc_auc
    );
    let sizes = flag(&args, "--sizes").unwrap_or("100000,1000000");
    println!("\n| synthetic docs | seconds | docs/s | peak RSS MiB | stories | pairwise P | pairwise R |");
    println!("|---|---|---|---|---|---|---|");
    for n in sizes.split(',') {
        print!("{}", String::from_utf8_lossy(&sized(n, &args)?));
    }
    Ok(())
}

/// Runs one synthetic size in a fresh process, so its peak RSS is its own.
fn sized(n: &str, args: &[String]) -> Result<Vec<u8>> {
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.args(["--one-size", n]);
    if let Some(json) = flag(args, "--cfg") {
        cmd.args(["--cfg", json]);
    }
    Ok(cmd.output()?.stdout)
}

fn config(args: &[String]) -> Result<StoryConfig> {
    Ok(match flag(args, "--cfg") {
        Some(json) => serde_json::from_str(json)?,
        None => StoryConfig::default(),
    })
}

fn one_size(n: usize, cfg: &StoryConfig) -> Result<()> {
    let (secs, stories, p, r) = synthetic::run(n, cfg);
    let rss = synthetic::peak_rss_mib();
    let rate = n as f64 / secs;
    println!("| {n} | {secs:.1} | {rate:.0} | {rss:.0} | {stories} | {p:.3} | {r:.3} |");
    Ok(())
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}
