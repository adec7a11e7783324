//! `samestory run`: the whole pipeline, writing its files into `--out`.

use super::pipeline::{group_count, read_and_relate, write_documents, write_relations};
use super::story_stage::run_story_stage;
use crate::args::RunArgs;
use crate::output::write_jsonl_file;
use crate::report::{self, Status};

/// Runs every stage and prints a one-line summary.
pub fn run(args: RunArgs) -> anyhow::Result<Status> {
    let mut related = read_and_relate(&args.output)?;
    let stories = run_story_stage(&mut related)?;
    write_documents(&args.output, &related, Some(&stories.story_of))?;
    write_relations(&args.output, &related, &stories.pairs)?;
    write_jsonl_file(&args.output.out.join("stories.jsonl"), &stories.stories)?;
    let summary = format!(
        "{} documents, {} duplicate groups, {} stories, {} relations",
        related.corpus.docs.len(),
        group_count(&related),
        stories.stories.len(),
        related.relations.relations.len() + stories.pairs.len()
    );
    report::summary(&summary, &args.output.out);
    Ok(Status::from_failures())
}
