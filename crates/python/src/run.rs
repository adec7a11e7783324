//! `run(paths, out)`: `samestory run` as a function — the pipeline's `relate_inputs` and
//! `cluster_stories`, the files written by samestory-output's `write_run` (the CLI's own
//! writers) and report.html by samestory-report, so the files are the CLI's byte for byte.
//! Bad inputs are collected (the CLI prints them), never printed.

use crate::errors::{chain, Error, Result};
use samestory_core::Config;
use samestory_ingest::{IngestError, IngestWarning};
use samestory_output::{write_run, OutputOptions};
use samestory_pipeline::{cluster_stories_for_run, relate_inputs, ReadEvents};
use std::path::Path;
use std::sync::Mutex;

/// What a run did: the CLI's summary line as numbers, and the problems it skipped.
#[derive(Debug, Default)]
pub struct Summary {
    /// Documents read.
    pub documents: usize,
    /// Duplicate groups.
    pub groups: usize,
    /// Stories.
    pub stories: usize,
    /// Rows of relations.jsonl.
    pub relations: usize,
    /// Each bad input or record (skipped), as the CLI's error line says it.
    pub errors: Vec<String>,
    /// Each problem that did not stop reading.
    pub warnings: Vec<String>,
}

/// Collects reading's problems.
#[derive(Default)]
struct Collect {
    errors: Mutex<Vec<String>>,
    warnings: Mutex<Vec<String>>,
}

impl ReadEvents for Collect {
    fn error(&self, e: &IngestError) {
        push(&self.errors, chain(e));
    }

    fn warning(&self, w: &IngestWarning) {
        push(&self.warnings, w.to_string());
    }
}

fn push(list: &Mutex<Vec<String>>, message: String) {
    list.lock().unwrap_or_else(|p| p.into_inner()).push(message);
}

/// Runs the pipeline over `paths` and writes its files into `out` (report.html too when
/// `report`).
pub fn run(paths: &[String], out: &Path, config: Config, report: bool) -> Result<Summary> {
    let events = Collect::default();
    let mut related = relate_inputs(paths, config, &events)?;
    let stories = cluster_stories_for_run(&mut related)?;
    write_run(out, &related, &stories, &OutputOptions::default()).map_err(output_error)?;
    let summary = Summary {
        documents: related.corpus.docs.len(),
        groups: related.group_count(),
        stories: stories.stories.len(),
        relations: related.relations.relations.len() + stories.pairs().len(),
        errors: events
            .errors
            .into_inner()
            .unwrap_or_else(|p| p.into_inner()),
        warnings: events
            .warnings
            .into_inner()
            .unwrap_or_else(|p| p.into_inner()),
    };
    drop((related, stories));
    if report {
        samestory_report::write_report(out).map_err(|e| Error::Output(chain(&e)))?;
    }
    Ok(summary)
}

/// An output error as its class: the pipeline's when the pipeline stopped.
fn output_error(e: samestory_output::OutputError) -> Error {
    match e {
        samestory_output::OutputError::Pipeline(p) => Error::Pipeline(p),
        e => Error::Output(chain(&e)),
    }
}
