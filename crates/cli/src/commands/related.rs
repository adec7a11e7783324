//! What every pipeline command does first: resolve the config, prepare `--out`, and run the
//! pipeline's read-and-relate stage with terminal reporting.

use crate::args::OutputArgs;
use crate::report::ReadReport;
use anyhow::Context;
use samestory_pipeline::{relate_inputs, Related};
use std::io::IsTerminal;

/// Reads and relates the inputs of a pipeline command.
pub fn read_and_relate(args: &OutputArgs) -> anyhow::Result<Related> {
    let config = args.config()?;
    args.input.init_threads()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create output directory", args.out.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    Ok(relate_inputs(
        &args.input.paths,
        config,
        &ReadReport::new(progress),
    )?)
}
