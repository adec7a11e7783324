//! The stages every pipeline command shares: read the corpus into `--out`'s documents, relate
//! them, and write documents.jsonl / relations.jsonl.

use crate::args::OutputArgs;
use crate::corpus::read_corpus;
use crate::output::{relation_lines, write_jsonl_file, write_lines_file, DocumentRow};
use anyhow::Context;
use samestory_core::{Config, Document};
use samestory_relate::Relations;
use samestory_story::SameStoryPair;
use std::io::IsTerminal;

/// Documents read and related, with the config that produced them.
pub struct Related {
    /// The resolved configuration.
    pub config: Config,
    /// Documents sorted by id.
    pub docs: Vec<Document>,
    /// Relations and duplicate groups (`group_of` parallel to `docs`).
    pub relations: Relations,
}

/// Resolves the config, prepares the output directory, reads and relates every input.
pub fn read_and_relate(args: &OutputArgs) -> anyhow::Result<Related> {
    let config = args.input.config()?;
    args.input.init_threads()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create output directory", args.out.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let docs = read_corpus(&args.input.paths, &config.ingest, progress);
    let relations = samestory_relate::relate(&docs, &config.relate);
    Ok(Related {
        config,
        docs,
        relations,
    })
}

/// Writes documents.jsonl; `story_of` gives each document's story when stories were built.
pub fn write_documents(
    args: &OutputArgs,
    r: &Related,
    story_of: Option<&[String]>,
) -> anyhow::Result<()> {
    let rows = r.docs.iter().enumerate().map(|(i, d)| {
        let story = story_of.map(|s| s[i].as_str());
        DocumentRow::new(d, &r.relations.group_of[i], story, !args.no_body)
    });
    write_jsonl_file(&args.out.join("documents.jsonl"), rows)
}

/// Writes relations.jsonl: the relation engine's rows, plus `same_story` rows when given.
pub fn write_relations(
    args: &OutputArgs,
    r: &Related,
    same_story: &[SameStoryPair],
) -> anyhow::Result<()> {
    let lines = relation_lines(&r.relations.relations, same_story)?;
    write_lines_file(&args.out.join("relations.jsonl"), &lines)
}

/// Number of distinct duplicate groups.
pub fn group_count(r: &Related) -> usize {
    let mut groups: Vec<&str> = r.relations.group_of.iter().map(String::as_str).collect();
    groups.sort_unstable();
    groups.dedup();
    groups.len()
}
