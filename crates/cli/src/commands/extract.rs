//! `samestory extract`: documents as JSON Lines on stdout, nothing else.

use crate::args::ExtractArgs;
use crate::corpus::read_corpus;
use crate::output::{write_jsonl, ExtractRow};
use crate::report::Status;
use std::io::Write;

/// Prints one JSON object per document.
pub fn extract(args: ExtractArgs) -> anyhow::Result<Status> {
    let cfg = args.input.config()?;
    args.input.init_threads()?;
    let docs = read_corpus(&args.input.paths, &cfg.ingest, false);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_jsonl(&mut out, docs.iter().map(ExtractRow::from))?;
    out.flush()?;
    Ok(Status::from_failures())
}
