//! `samestory extract`: documents as JSON Lines on stdout, nothing else.

use super::write::write_with_bodies;
use crate::args::ExtractArgs;
use crate::report::{ReadReport, Status};
use samestory_pipeline::read_inputs;
use std::io::Write;

/// Prints one JSON object per document, in id order.
pub fn extract(args: ExtractArgs) -> anyhow::Result<Status> {
    let cfg = args.input.config()?;
    args.input.init_threads()?;
    let corpus = read_inputs(&args.input.paths, &cfg, &ReadReport::new(false))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_with_bodies(&mut out, &corpus, 0..corpus.docs.len(), Some(&cfg.compare))?;
    out.flush()?;
    Ok(Status::from_failures())
}
