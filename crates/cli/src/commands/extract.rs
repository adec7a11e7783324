//! `samestory extract`: documents as JSON Lines on stdout, nothing else.

use crate::args::ExtractArgs;
use crate::report::{ReadReport, Status};
use samestory_pipeline::read_inputs;
use std::path::Path;

/// Prints one JSON object per document, in id order.
pub fn extract(args: ExtractArgs) -> anyhow::Result<Status> {
    let cfg = args.input.config()?;
    args.input.init_threads()?;
    let corpus = read_inputs(&args.input.paths, &cfg, &ReadReport::new(false))?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let all = 0..corpus.docs.len();
    let stdout = Path::new("<stdout>");
    samestory_output::write_extract(&mut out, stdout, &corpus, all, Some(&cfg.compare))?;
    Ok(Status::from_failures())
}
