//! `samestory dedup`: ingestion and the relation engine only — documents with their duplicate
//! group, relations, and optionally one kept document per group (written by
//! samestory-output).

use super::related::read_and_relate;
use crate::args::DedupArgs;
use crate::report::{self, Status};

/// Deduplicates the inputs into `--out`.
pub fn dedup(args: DedupArgs) -> anyhow::Result<Status> {
    let related = read_and_relate(&args.output)?;
    let out = &args.output.out;
    samestory_output::write_dedup(out, &related, &args.output.options(), args.keep_first)?;
    let summary = format!(
        "{} documents, {} kept (one per duplicate group)",
        related.corpus.docs.len(),
        related.group_count()
    );
    report::summary(&summary, out);
    Ok(Status::from_failures())
}
