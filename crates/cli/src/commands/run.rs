//! `samestory run`: the whole pipeline, writing its files into `--out`.

use super::pipeline::{group_count, read_and_relate, write_documents, write_relations};
use crate::args::RunArgs;
use crate::report::{self, Status};

/// Runs every stage and prints a one-line summary.
pub fn run(args: RunArgs) -> anyhow::Result<Status> {
    let related = read_and_relate(&args.output)?;
    // Until stories are built, each duplicate group is its own story.
    write_documents(&args.output, &related, Some(&related.relations.group_of))?;
    write_relations(&args.output, &related)?;
    let summary = format!(
        "{} documents, {} duplicate groups, {} relations",
        related.docs.len(),
        group_count(&related),
        related.relations.relations.len()
    );
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}
