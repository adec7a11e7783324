//! `samestory dedup`: ingestion and the relation engine only — documents with their duplicate
//! group, relations, and optionally one kept document per group.

use super::related::read_and_relate;
use super::write::{write_documents, write_relations, write_with_bodies};
use crate::args::DedupArgs;
use crate::output::create;
use crate::report::{self, Status};
use anyhow::Context;
use samestory_pipeline::Related;
use std::io::Write;

/// Deduplicates the inputs into `--out`.
pub fn dedup(args: DedupArgs) -> anyhow::Result<Status> {
    let related = read_and_relate(&args.output)?;
    write_documents(&args.output, &related)?;
    write_relations(&args.output, &related, [])?;
    if args.keep_first {
        write_kept(&args.output.out.join("kept.jsonl"), &related)?;
    }
    let summary = format!(
        "{} documents, {} kept (one per duplicate group)",
        related.corpus.docs.len(),
        related.group_count()
    );
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}

/// kept.jsonl: each group's representative.
fn write_kept(path: &std::path::Path, r: &Related) -> anyhow::Result<()> {
    let mut out = create(path)?;
    write_with_bodies(&mut out, &r.corpus, r.representatives(), None)?;
    out.flush()
        .with_context(|| format!("{}: cannot write", path.display()))
}
