//! Reads all inputs into documents: expands paths, reads files in parallel (rayon), reports
//! every bad file or record once, drops duplicate ids, and returns documents sorted by id.

use crate::report;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use samestory_core::{Document, IngestConfig};
use samestory_ingest::{collect_inputs, drop_duplicate_ids, read_file, FileOutcome};

/// Reads every input; `progress` draws a bar on stderr when it is a terminal.
pub fn read_corpus(paths: &[String], cfg: &IngestConfig, progress: bool) -> Vec<Document> {
    let (files, errors) = collect_inputs(paths);
    errors.iter().for_each(report::input_error);
    let bar = progress_bar(files.len() as u64, progress);
    let outcomes: Vec<FileOutcome> = files
        .par_iter()
        .map(|f| {
            let outcome = read_file(f, cfg);
            bar.inc(1);
            outcome
        })
        .collect();
    bar.finish_and_clear();
    collect_documents(outcomes)
}

fn collect_documents(outcomes: Vec<FileOutcome>) -> Vec<Document> {
    let mut docs = Vec::new();
    for outcome in outcomes {
        outcome.warnings.iter().for_each(report::warning);
        outcome.errors.iter().for_each(report::input_error);
        docs.extend(outcome.documents);
    }
    drop_duplicate_ids(&mut docs)
        .iter()
        .for_each(report::input_error);
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    docs
}

fn progress_bar(len: u64, enabled: bool) -> ProgressBar {
    if !enabled {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} reading {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}
