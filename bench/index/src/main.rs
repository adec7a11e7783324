//! `index-bench query INDEX FILE...`: opens the index once and times `Index::query` on each
//! file's articles, one article per call, as a server would answer them (after one untimed
//! query: the story model's tables load once per process); prints one JSON
//! object: the latencies in milliseconds, how many were placed in a stored story, and each
//! article's placement (`id`, `joins`).
//! `index-bench query-exact INDEX FILE...` times `Index::query_exact` the same way.

use samestory_core::Config;
use samestory_ingest::{IngestError, IngestWarning};
use samestory_pipeline::{read_inputs, ReadEvents};
use samestory_store::IndexBuilder;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

/// Ignores reading problems (the bench's inputs are generated).
struct Quiet;

impl ReadEvents for Quiet {
    fn error(&self, _: &IngestError) {}
    fn warning(&self, _: &IngestWarning) {}
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, index, files @ ..] = args.as_slice() else {
        return Err("usage: index-bench query|query-exact INDEX FILE...".into());
    };
    let config = Config::default();
    let mut builder = IndexBuilder::new(config.clone());
    // INDEX_CACHE_MIB: the redb page cache, as a server would be given (default the builder's);
    // with it, the cache is warmed first, as `samestory serve` does at start.
    let cache = std::env::var("INDEX_CACHE_MIB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map(|mib| mib << 20);
    if let Some(bytes) = cache {
        builder = builder.cache_bytes(bytes);
    }
    let index = builder.open(Path::new(index))?;
    if let Some(bytes) = cache {
        index.warm(bytes)?;
    }
    let corpus = read_inputs(files, &config, &Quiet)?;
    // One query first, untimed: a process pays once for the story model's tables.
    if let Some(first) = corpus.docs.first() {
        let mut doc = first.clone();
        doc.body = corpus.bodies.body(0)?;
        index.query(vec![doc])?;
    }
    let mut latencies = Vec::new();
    let mut joined = 0;
    let mut placements = Vec::new();
    for (i, doc) in corpus.docs.iter().enumerate() {
        let mut doc = doc.clone();
        doc.body = corpus.bodies.body(i)?;
        let start = Instant::now();
        let placed = match mode.as_str() {
            "query" => index.query(vec![doc])?,
            "query-exact" => index.query_exact(vec![doc])?,
            other => return Err(format!("unknown mode {other}").into()),
        };
        latencies.push(start.elapsed().as_secs_f64() * 1000.0);
        joined += placed.iter().filter(|p| p.story.joins.is_some()).count();
        for p in placed {
            placements.push(serde_json::json!({ "id": p.id, "joins": p.story.joins }));
        }
    }
    let out = serde_json::json!({
        "latencies_ms": latencies,
        "joined": joined,
        "placements": placements,
    });
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{out}")?;
    Ok(())
}
