//! `samestory run`: the whole pipeline, writing its files into `--out` (samestory-output),
//! report.html last.

use super::related::read_and_relate;
use crate::args::RunArgs;
use crate::report::{self, Status};
use anyhow::Context;
use samestory_output::Format;
use samestory_pipeline::cluster_stories_for_run;
use std::path::Path;

/// Documents up to which `run` writes report.html itself: the report reads the output files
/// whole, so a larger run leaves it to `samestory report DIR`.
const REPORT_MAX_DOCS: usize = 200_000;

/// Runs every stage and prints a one-line summary.
pub fn run(args: RunArgs) -> anyhow::Result<Status> {
    let mut related = read_and_relate(&args.output)?;
    let stories = cluster_stories_for_run(&mut related)?;
    let out = &args.output.out;
    samestory_output::write_run(out, &related, &stories, &args.output.options())?;
    let docs = related.corpus.docs.len();
    let summary = format!(
        "{docs} documents, {} duplicate groups, {} stories, {} relations",
        related.group_count(),
        stories.stories.len(),
        related.relations.relations.len() + stories.pairs().len()
    );
    drop((related, stories));
    if !args.no_report {
        write_report(&args.output.out, docs, args.output.options().format)?;
    }
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}

/// Writes report.html from the files just written, unless the run is too large for it or
/// wrote no JSON Lines files (the report reads them).
fn write_report(out: &Path, docs: usize, format: Format) -> anyhow::Result<()> {
    if !format.jsonl() {
        report::warning(&format!(
            "{}: report.html not written: it reads the JSON Lines files, and `--format parquet` \
             wrote none (`--format both` writes both; --no-report silences this)",
            out.display()
        ));
        return Ok(());
    }
    if docs > REPORT_MAX_DOCS {
        report::warning(&format!(
            "report.html not written for {docs} documents (over {REPORT_MAX_DOCS}); \
             `samestory report {}` writes it",
            out.display()
        ));
        return Ok(());
    }
    samestory_report::write_report(out)
        .with_context(|| format!("writing {}", out.join("report.html").display()))?;
    Ok(())
}
