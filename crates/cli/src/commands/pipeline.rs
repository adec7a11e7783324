//! The stages every pipeline command shares: read the corpus into `--out`'s documents, relate
//! them, and write documents.jsonl / relations.jsonl.

use crate::args::OutputArgs;
use crate::corpus::{read_corpus, Corpus};
use crate::output::{create, relation_lines, write_jsonl, write_lines_file, DocumentRow};
use anyhow::Context;
use samestory_core::Config;
use samestory_relate::{Relater, Relations};
use samestory_story::SameStoryPair;
use std::io::{IsTerminal, Write};

/// Documents read and related, with the config that produced them.
pub struct Related {
    /// The resolved configuration.
    pub config: Config,
    /// Documents sorted by id, bodies in the spill store.
    pub corpus: Corpus,
    /// Relations and duplicate groups (`group_of` parallel to `corpus.docs`).
    pub relations: Relations,
}

/// Resolves the config, prepares the output directory, reads every input while the
/// streaming relation engine sketches it, then verifies candidates from the spilled bodies.
pub fn read_and_relate(args: &OutputArgs) -> anyhow::Result<Related> {
    let config = args.config()?;
    args.input.init_threads()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("{}: cannot create output directory", args.out.display()))?;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let mut relater = Relater::new(&config.relate);
    let read = read_corpus(&args.input.paths, &config.ingest, progress, |batch| {
        relater.add_batch(batch)
    })?;
    let mut relations = relater
        .finish(read.bodies())
        .context("re-reading spilled bodies")?;
    let (corpus, order) = read.sort_by_id();
    let reorder = |v: &[String]| order.iter().map(|&i| v[i].clone()).collect();
    relations.group_of = reorder(&relations.group_of);
    relations.representative_of = reorder(&relations.representative_of);
    Ok(Related {
        config,
        corpus,
        relations,
    })
}

/// Writes documents.jsonl; `story_of` gives each document's story when stories were built.
pub fn write_documents(
    args: &OutputArgs,
    r: &Related,
    story_of: Option<&[String]>,
) -> anyhow::Result<()> {
    let path = args.out.join("documents.jsonl");
    let mut out = create(&path)?;
    let (docs, bodies) = (&r.corpus.docs, &r.corpus.bodies);
    for (i, doc) in docs.iter().enumerate() {
        let body = if args.no_body {
            None
        } else {
            Some(bodies.body(i)?)
        };
        let story = story_of.map(|s| s[i].as_str());
        let group = &r.relations.group_of[i];
        let row = DocumentRow::new(doc, (body.as_deref(), bodies.chars(i)), group, story);
        write_jsonl(&mut out, [row])
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    out.flush()
        .with_context(|| format!("{}: cannot write", path.display()))
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
