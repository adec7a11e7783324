//! `index export`: the files `samestory run` writes — documents.jsonl, relations.jsonl,
//! stories.jsonl and report.html — from the index's tables, byte for byte what `run` gives
//! on the documents the index holds.
//!
//! Must not: change the index, or write a file other than through `samestory_output` (one
//! writer for every run's files).

use crate::error::{db, StoreError};
use crate::read;
use crate::tables::{BODY_PIECES, DOCUMENTS, PLACES, RELATIONS, STORIES};
use crate::Index;
use redb::{ReadableDatabase, ReadableTable};
use samestory_output::JsonlFile;
use samestory_pipeline::rows::DocumentRow;
use std::path::Path;

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Lines of documents.jsonl.
    pub documents: usize,
    /// Lines of relations.jsonl.
    pub relations: usize,
    /// Lines of stories.jsonl.
    pub stories: usize,
}

impl Index {
    /// Writes documents.jsonl, relations.jsonl, stories.jsonl and (with `report`)
    /// report.html into `dir` (created if missing).
    pub fn export(&self, dir: &Path, report: bool) -> Result<ExportSummary, StoreError> {
        samestory_output::create_dir(dir)?;
        let summary = ExportSummary {
            documents: self.export_documents(&dir.join("documents.jsonl"))?,
            relations: self.export_lines(&dir.join("relations.jsonl"), Lines::Relations)?,
            stories: self.export_lines(&dir.join("stories.jsonl"), Lines::Stories)?,
        };
        if report {
            samestory_report::write_report(dir)?;
        }
        Ok(summary)
    }

    /// documents.jsonl: each stored document in id order, as `run` writes it.
    fn export_documents(&self, path: &Path) -> Result<usize, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        let places = txn.open_table(PLACES).map_err(db(name))?;
        let mut out = JsonlFile::create(path)?;
        let mut n = 0;
        for doc in read::documents(name, &records, &bodies)? {
            let doc = doc?;
            let place = places.get(doc.id.as_str()).map_err(db(name))?;
            let place = place.ok_or_else(|| read::damaged(name, "places", &doc.id, "missing"))?;
            let place = read::place(name, &doc.id, place.value())?;
            let chars = doc.chars();
            let row = DocumentRow::new(
                &doc,
                (Some(&doc.body), chars),
                (&place.group, Some(&place.story)),
                Some(&place.facts),
            );
            out.write(&row)?;
            n += 1;
        }
        out.finish()?;
        Ok(n)
    }

    /// relations.jsonl or stories.jsonl: their stored lines in order.
    fn export_lines(&self, path: &Path, which: Lines) -> Result<usize, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        let mut out = JsonlFile::create(path)?;
        let mut n = 0;
        let mut line = |text: &str| -> Result<(), StoreError> {
            out.write_line(text)?;
            n += text.lines().count();
            Ok(())
        };
        match which {
            Lines::Relations => {
                let table = txn.open_table(RELATIONS).map_err(db(name))?;
                for entry in table.iter().map_err(db(name))? {
                    line(entry.map_err(db(name))?.1.value())?;
                }
            }
            Lines::Stories => {
                let table = txn.open_table(STORIES).map_err(db(name))?;
                let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
                for entry in crate::pieces::all(&table, name)? {
                    let (id, packed) = entry?;
                    line(&read::story_line(name, &bodies, &id, &packed)?)?;
                }
            }
        }
        out.finish()?;
        Ok(n)
    }
}

/// Which line table to export.
enum Lines {
    Relations,
    Stories,
}
