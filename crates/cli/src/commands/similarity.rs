//! `samestory similarity --pairs FILE`: `story_score` for each article pair of a JSONL file,
//! with document frequencies taken from every article in the file. A bad line is one error;
//! the other pairs are still scored.

use crate::args::SimilarityArgs;
use crate::report::{self, Status};
use anyhow::Context;
use samestory_core::round4;
use samestory_core::Config;
use samestory_output::write_jsonl;
use samestory_story::{pair_score, PairContext, PairDoc};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// One input line.
#[derive(Deserialize)]
struct PairLine {
    pair_id: serde_json::Value,
    a: PairDoc,
    b: PairDoc,
}

/// One output line.
#[derive(Serialize)]
struct ScoreLine<'a> {
    pair_id: &'a serde_json::Value,
    score: f64,
}

/// Scores every pair and prints one line per pair.
pub fn similarity(args: SimilarityArgs) -> anyhow::Result<Status> {
    let cfg = similarity_config(&args)?;
    let text = read_pairs_file(&args.pairs)?;
    let pairs = parse_pairs(&args.pairs.display().to_string(), &text);
    let ctx = PairContext::try_new(pairs.iter().flat_map(|p| [&p.a, &p.b]), &cfg.story)
        .context("loading the embedding model")?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let rows = pairs.iter().map(|p| ScoreLine {
        pair_id: &p.pair_id,
        score: round4(f64::from(pair_score(&p.a, &p.b, &ctx))),
    });
    write_jsonl(&mut out, rows)?;
    out.flush()?;
    Ok(Status::from_failures())
}

/// Defaults ← `--config` ← `--set` ← `--model-dir`.
fn similarity_config(args: &SimilarityArgs) -> anyhow::Result<Config> {
    let mut cfg = Config::load(args.config.as_deref(), &args.settings)
        .context("loading the config (--config, --set)")?;
    if let Some(dir) = &args.model_dir {
        if !cfg!(feature = "embed") {
            report::warning(&"--model-dir ignored: this build has no `embed` feature");
        }
        cfg.story.model_dir = Some(dir.clone());
    }
    Ok(cfg)
}

fn read_pairs_file(path: &std::path::Path) -> anyhow::Result<String> {
    let mut text = String::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading pairs from stdin")?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read pairs file", path.display()))
}

/// Parses every non-blank line; a bad line is reported and skipped.
fn parse_pairs(path: &str, text: &str) -> Vec<PairLine> {
    let mut pairs = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        match serde_json::from_str::<PairLine>(line) {
            Ok(pair) => pairs.push(pair),
            Err(e) => report::input_error(&format!("{path}:{}: bad pair: {e}", i + 1)),
        }
    }
    pairs
}
