//! `samestory run`: the whole pipeline, writing its files into `--out`.

use crate::args::RunArgs;
use crate::corpus::read_corpus;
use crate::output::{write_jsonl_file, DocumentRow};
use crate::report::{self, Status};
use anyhow::Context;
use std::io::IsTerminal;

/// Runs every stage and prints a one-line summary.
pub fn run(args: RunArgs) -> anyhow::Result<Status> {
    let cfg = args.input.config()?;
    args.input.init_threads()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create output directory", args.out.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let docs = read_corpus(&args.input.paths, &cfg.ingest, progress);
    let rows = docs.iter().map(|d| DocumentRow::new(d, &d.id, &d.id, !args.no_body));
    write_jsonl_file(&args.out.join("documents.jsonl"), rows)?;
    summary(docs.len(), &args.out);
    Ok(Status::from_failures())
}

fn summary(documents: usize, out: &std::path::Path) {
    let failed = report::failures();
    let failed = if failed > 0 { format!(", {failed} inputs failed") } else { String::new() };
    println!("samestory: {documents} documents{failed} → {}", out.display());
}
