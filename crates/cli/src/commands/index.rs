//! `samestory index …`: the persistent index (samestory-store) from the command line —
//! reads inputs through the pipeline with terminal reporting, calls the store, prints its
//! answers (JSON, or a readable summary for `query --format text`).

use crate::args::{IndexAddArgs, IndexArgs, IndexCommand, IndexQueryArgs};
use crate::report::{self, ReadReport, Status};
use anyhow::Context;
use samestory_core::{Config, Document};
use samestory_pipeline::read_inputs;
use samestory_store::{Index, IndexBuilder, Placement, Refreshed};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Runs one index subcommand.
pub fn index(args: IndexArgs) -> anyhow::Result<Status> {
    let mut config = args.config()?;
    if let IndexCommand::Add(add) = &args.command {
        config.ingest.clean_boilerplate &= !add.no_clean;
        if let Some(n) = add.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("starting worker threads")?;
        }
    } else if !args.index.exists() {
        anyhow::bail!(
            "{}: no index here (`samestory index add PATH…` creates one)",
            args.index.display()
        );
    }
    let mut index = IndexBuilder::new(config.clone())
        .cache_bytes(args.cache_mib.saturating_mul(1 << 20))
        .open(&args.index)
        .context("opening the index")?;
    match &args.command {
        IndexCommand::Add(add) => add_inputs(&mut index, add, &config),
        IndexCommand::Query(query) => query_inputs(&index, query, &config),
        IndexCommand::Remove(remove) => {
            let summary = index.remove(&remove.ids)?;
            compact_after(&mut index, summary.refreshed)?;
            report_removed(&index, &summary)
        }
        IndexCommand::Expire(expire) => {
            let summary = index.expire(&expire.before)?;
            compact_after(&mut index, summary.refreshed)?;
            report_removed(&index, &summary)
        }
        IndexCommand::Refresh => {
            index.refresh_all()?;
            index.compact()?;
            let counts = index.counts()?;
            let what = format!(
                "refreshed {} documents, {} stories",
                counts.documents, counts.stories
            );
            report::summary(&what, Path::new(index.name()));
            Ok(Status::from_failures())
        }
        IndexCommand::Compact => {
            let before = file_len(&index);
            index.defragment().context("compacting the index")?;
            let what = format!("{} → {} bytes", before, file_len(&index));
            report::summary(&what, Path::new(index.name()));
            Ok(Status::from_failures())
        }
        IndexCommand::Stats => {
            print_json(&index.stats()?)?;
            Ok(Status::from_failures())
        }
        IndexCommand::Export(export) => {
            let s = index.export(&export.out, !export.no_report)?;
            let what = format!(
                "{} documents, {} relations, {} stories",
                s.documents, s.relations, s.stories
            );
            report::summary(&what, &export.out);
            Ok(Status::from_failures())
        }
        IndexCommand::Story(story) => {
            print_json(&index.resolve_story(&story.id)?)?;
            Ok(Status::from_failures())
        }
    }
}

/// Reads the articles of a query (bad ones reported and skipped), with their bodies.
fn read_documents(paths: &[String], config: &Config) -> anyhow::Result<Vec<Document>> {
    let corpus = read_inputs(paths, config, &ReadReport::new(false))?;
    let mut docs = corpus.docs;
    for (i, doc) in docs.iter_mut().enumerate() {
        doc.body = corpus.bodies.body(i).context("re-reading a spilled body")?;
    }
    Ok(docs)
}

/// `index add`: the inputs are read (bodies spilled), then handed to the index one by one.
fn add_inputs(index: &mut Index, args: &IndexAddArgs, config: &Config) -> anyhow::Result<Status> {
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let corpus = read_inputs(&args.paths, config, &ReadReport::new(progress))?;
    let bodies = &corpus.bodies;
    let docs = corpus.docs.iter().enumerate().map(|(i, doc)| {
        let body = bodies.body(i).context("re-reading a spilled body")?;
        Ok::<_, anyhow::Error>(Document {
            body,
            ..doc.clone()
        })
    });
    let now = chrono::Utc::now().timestamp();
    let added = index.add_from(docs, now)?;
    compact_after(index, added.refreshed)?;
    let stats = index.counts()?;
    let what = format!(
        "{} added, {} revised, {} unchanged{}; the index holds {} documents, {} stories",
        added.added,
        added.revised,
        added.unchanged,
        refreshed(added.refreshed),
        stats.documents,
        stats.stories
    );
    report::summary(&what, std::path::Path::new(index.name()));
    Ok(Status::from_failures())
}

/// `index query`.
fn query_inputs(index: &Index, args: &IndexQueryArgs, config: &Config) -> anyhow::Result<Status> {
    let docs = read_documents(&args.paths, config)?;
    let placements = if args.exact {
        index.query_exact(docs)?
    } else {
        index.query(docs)?
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for p in &placements {
        if args.format == "text" {
            write_placement(&mut out, p)?;
        } else {
            serde_json::to_writer(&mut out, p)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(Status::from_failures())
}

/// A readable summary of one placement.
fn write_placement(out: &mut impl Write, p: &Placement) -> anyhow::Result<()> {
    let title = p.title.as_deref().unwrap_or("(no title)");
    writeln!(out, "{} — {title}", p.id)?;
    if p.duplicates.is_empty() {
        writeln!(out, "  duplicates: none")?;
    } else {
        writeln!(out, "  duplicates: {}", p.duplicates.join(", "))?;
    }
    for r in &p.relations {
        let r: serde_json::Value = serde_json::from_str(r.get())?;
        let field = |k: &str| r.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let other = if field("a") == p.id {
            field("b")
        } else {
            field("a")
        };
        let passages = match r
            .get("passages")
            .and_then(|v| v.as_array())
            .map_or(0, Vec::len)
        {
            0 => String::new(),
            n => format!(", {n} passages"),
        };
        let original = match field("original") {
            "" => String::new(),
            o => format!(", original {o}"),
        };
        writeln!(
            out,
            "  {} with {other}{passages}{original}: {}",
            field("kind"),
            field("why")
        )?;
    }
    match &p.story.joins {
        Some(story) => writeln!(
            out,
            "  story: joins {story} ({}; {} documents with it)",
            p.story.title.as_deref().unwrap_or("no title"),
            p.story.documents.len()
        )?,
        None => writeln!(out, "  story: starts a new one")?,
    }
    match p.verified {
        Some(n) => writeln!(
            out,
            "  (verified against {n} stored documents its sketch points to)"
        )?,
        None => writeln!(out, "  (related with every stored document)")?,
    }
    Ok(())
}

/// Reports what `remove` or `expire` did; an unknown id is an input error (exit 2).
/// The index file's length in bytes (0 when it cannot be read).
fn file_len(index: &Index) -> u64 {
    std::fs::metadata(index.name()).map_or(0, |m| m.len())
}

/// How much a change re-derived, for its summary line.
fn refreshed(r: Refreshed) -> String {
    match r {
        Refreshed::Nothing => String::new(),
        Refreshed::Region(n) => format!(" ({n} documents in the stories it reached re-derived)"),
        Refreshed::All => " (every document re-derived)".to_string(),
    }
}

/// Gives the free space a full refresh leaves (every derived row rewritten) back to the file
/// system; a region refresh rewrites a few rows, whose pages the next change reuses.
fn compact_after(index: &mut Index, refreshed: Refreshed) -> anyhow::Result<()> {
    if refreshed == Refreshed::All {
        index.compact().context("compacting the index")?;
    }
    Ok(())
}

fn report_removed(index: &Index, s: &samestory_store::RemoveSummary) -> anyhow::Result<Status> {
    for id in &s.unknown {
        report::input_error(&format!("{id}: no such document in {}", index.name()));
    }
    let stats = index.counts()?;
    let what = format!(
        "{} removed{}; the index holds {} documents, {} stories",
        s.removed.len(),
        refreshed(s.refreshed),
        stats.documents,
        stats.stories
    );
    report::summary(&what, std::path::Path::new(index.name()));
    Ok(Status::from_failures())
}

/// Prints one value as pretty JSON on stdout.
fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}
