//! `samestory run`: the whole pipeline, writing its files into `--out`.

use super::related::read_and_relate;
use super::write::{write_documents, write_relations, write_stories};
use crate::args::RunArgs;
use crate::report::{self, Status};
use samestory_pipeline::cluster_stories;

/// Runs every stage and prints a one-line summary.
pub fn run(args: RunArgs) -> anyhow::Result<Status> {
    let mut related = read_and_relate(&args.output)?;
    let stories = cluster_stories(&mut related)?;
    let compare = Some(&related.config.compare);
    write_documents(&args.output, &related, Some(&stories.story_of), compare)?;
    write_relations(&args.output, &related, stories.pairs())?;
    write_stories(&args.output, &related, &stories)?;
    let summary = format!(
        "{} documents, {} duplicate groups, {} stories, {} relations",
        related.corpus.docs.len(),
        related.group_count(),
        stories.stories.len(),
        related.relations.relations.len() + stories.pairs().len()
    );
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}
