//! `samestory similarity --pairs FILE`: `story_score` for each article pair of a JSONL file,
//! with document frequencies taken from every article in the file. A bad line is one error;
//! the other pairs are still scored.

use crate::args::SimilarityArgs;
use crate::output::round4;
use crate::output::write_jsonl;
use crate::report::{self, Status};
use anyhow::Context;
use samestory_core::Config;
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
    let cfg = match &args.config {
        Some(path) => Config::from_toml_file(path).context("loading --config")?,
        None => Config::default(),
    };
    let text = read_pairs_file(&args.pairs)?;
    let pairs = parse_pairs(&args.pairs.display().to_string(), &text);
    let ctx = PairContext::new(pairs.iter().flat_map(|p| [&p.a, &p.b]), &cfg.story);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let rows = pairs.iter().map(|p| ScoreLine {
        pair_id: &p.pair_id,
        score: round4(pair_score(&p.a, &p.b, &ctx)),
    });
    write_jsonl(&mut out, rows)?;
    out.flush()?;
    Ok(Status::from_failures())
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
