//! `bench-stories`: prints a table of the story stage's quality on semeval8-dev (against a
//! plain TF-IDF cosine, same run, same scorer) and its time and peak RSS on synthetic
//! corpora. Usage: `bench-stories [--data DIR] [--sizes 100000,1000000] [--cfg JSON]
//! [--model-dir DIR]` (`--cfg` overrides `StoryConfig` fields, e.g. `'{"max_features":
//! 128}'`; the model directory, or `SAMESTORY_MODEL_DIR`, adds the MiniLM rows when built
//! with `--features embed`).
#![allow(clippy::print_stdout)]

mod semeval;
mod synthetic;

use anyhow::Result;
use samestory_story::StoryConfig;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = flag(&args, "--one-size") {
        let undated = flag(&args, "--shape") == Some("undated");
        return one_size(n.parse()?, &config(&args)?, undated);
    }
    let data = flag(&args, "--data")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/semeval8-dev"));
    let pairs = semeval::read_pairs(&data.join("pairs.jsonl"))?;
    let cfg = config(&args)?;
    let model_dir = flag(&args, "--model-dir")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("SAMESTORY_MODEL_DIR").map(PathBuf::from));
    println!("| semeval8-dev (61 pairs) | Pearson | ROC-AUC |\n|---|---|---|");
    let lexical = StoryConfig {
        model_dir: None,
        ..cfg.clone()
    };
    let ours = semeval::samestory_scores(&pairs, &lexical)?;
    row(&data, &pairs, &ours, "samestory story_score (no embed)")?;
    embed_rows(&data, &pairs, &cfg, model_dir.as_deref())?;
    row(
        &data,
        &pairs,
        &semeval::tfidf_scores(&pairs),
        "TF-IDF cosine (1–2-grams)",
    )?;
    let sizes = flag(&args, "--sizes").unwrap_or("100000,1000000");
    println!("\n| synthetic docs | dates | seconds | docs/s | peak RSS MiB | stories | pairwise P | pairwise R |");
    println!("|---|---|---|---|---|---|---|---|");
    for shape in ["spread", "undated"] {
        for n in sizes.split(',') {
            print!("{}", String::from_utf8_lossy(&sized(n, shape, &args)?));
        }
    }
    Ok(())
}

/// Scores `scores` with the split's scorer and prints one table row.
fn row(data: &Path, pairs: &[semeval::Pair], scores: &[f32], name: &str) -> Result<()> {
    let m = semeval::evaluate(data, pairs, scores, &name.replace(' ', "_"))?;
    println!("| {name} | {:.3} | {:.3} |", m.pearson, m.roc_auc);
    Ok(())
}

/// The MiniLM rows: samestory with embeddings, and plain MiniLM.
#[cfg(feature = "embed")]
fn embed_rows(
    data: &Path,
    pairs: &[semeval::Pair],
    cfg: &StoryConfig,
    dir: Option<&Path>,
) -> Result<()> {
    let Some(dir) = dir else {
        println!("| (MiniLM rows: give --model-dir or SAMESTORY_MODEL_DIR) | – | – |");
        return Ok(());
    };
    let with = StoryConfig {
        model_dir: Some(dir.to_owned()),
        ..cfg.clone()
    };
    let ours = semeval::samestory_scores(pairs, &with)?;
    row(data, pairs, &ours, "samestory story_score + MiniLM (embed)")?;
    let minilm = semeval::minilm_scores(pairs, dir)?;
    row(data, pairs, &minilm, "MiniLM mean-pooled cosine")
}

#[cfg(not(feature = "embed"))]
fn embed_rows(_: &Path, _: &[semeval::Pair], _: &StoryConfig, _: Option<&Path>) -> Result<()> {
    println!("| (MiniLM rows: build with --features embed) | – | – |");
    Ok(())
}

/// Runs one synthetic size and date shape (`spread` over years, or `undated`) in a fresh
/// process, so its peak RSS is its own.
fn sized(n: &str, shape: &str, args: &[String]) -> Result<Vec<u8>> {
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.args(["--one-size", n, "--shape", shape]);
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

fn one_size(n: usize, cfg: &StoryConfig, undated: bool) -> Result<()> {
    let (secs, stories, p, r) = synthetic::run(n, cfg, undated);
    let dates = if undated { "none" } else { "spread" };
    let rss = synthetic::peak_rss_mib();
    let rate = n as f64 / secs;
    println!("| {n} | {dates} | {secs:.1} | {rate:.0} | {rss:.0} | {stories} | {p:.3} | {r:.3} |");
    Ok(())
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}
