//! `samestory dedup`: ingestion and the relation engine only — documents with their duplicate
//! group, relations, and optionally one kept document per group.

use super::pipeline::{group_count, read_and_relate, write_documents, write_relations, Related};
use crate::args::DedupArgs;
use crate::output::{write_jsonl_file, ExtractRow};
use crate::report::{self, Status};

/// Deduplicates the inputs into `--out`.
pub fn dedup(args: DedupArgs) -> anyhow::Result<Status> {
    let related = read_and_relate(&args.output)?;
    write_documents(&args.output, &related, None)?;
    write_relations(&args.output, &related, &[])?;
    if args.keep_first {
        write_jsonl_file(
            &args.output.out.join("kept.jsonl"),
            kept(&related).map(ExtractRow::from),
        )?;
    }
    let summary = format!(
        "{} documents, {} kept (one per duplicate group)",
        related.docs.len(),
        group_count(&related)
    );
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}

/// The first document of each group: the one whose id is the group id.
fn kept(r: &Related) -> impl Iterator<Item = &samestory_core::Document> {
    r.docs
        .iter()
        .zip(&r.relations.group_of)
        .filter(|(d, g)| &d.id == *g)
        .map(|(d, _)| d)
}
