//! `report.html`: one self-contained page over a run's output directory — the story list
//! (newest first, searchable, paginated) and, per story, its sources side by side with
//! reprinted passages marked, quotes by speaker, numbers, agreed and unique claims, and a
//! timeline. [`write_report`] reads `documents.jsonl`, `relations.jsonl` and `stories.jsonl`
//! and writes the page; [`render`] makes it from rows in memory.
//!
//! The page needs no network: CSS and script are inline, fonts are the system's. It stays
//! small and quick at scale because only a compact story list is plain JSON; each story's
//! details (bodies, comparison) are raw DEFLATE + base64, decoded by the browser's
//! `DecompressionStream` only when that story is opened (the base64 text sits in one HTML
//! comment, which Chromium parses ~3× faster than raw text in a `<script>`). Spans in the details are UTF-16
//! offsets (converted from the char offsets of the files by [`utf16`]).
//!
//! Invariants: the same rows give a byte-identical page (no clock, no hash order); every
//! string from the input is escaped (HTML text via [`page::escape_html`], inline JSON via
//! [`page::script_json`], and the script builds the DOM with `textContent` only). Must not:
//! print, or read or write anything but the three input files and `report.html`.

pub mod blob;
pub mod detail;
pub mod error;
pub mod index;
pub mod input;
pub mod page;
pub mod story;
pub mod utf16;

pub use error::ReportError;
pub use input::ReportInput;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Reads the three output files of `out_dir` and writes `out_dir/report.html`; returns its
/// path.
pub fn write_report(out_dir: &Path) -> Result<PathBuf, ReportError> {
    let input = ReportInput::read(out_dir)?;
    let path = out_dir.join("report.html");
    std::fs::write(&path, render(&input)).map_err(|source| ReportError::Write {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

/// The page for a run's rows.
pub fn render(input: &ReportInput) -> String {
    let lookup = detail::Lookup::new(input);
    let order = index::newest_first(&input.stories);
    // Each story's details are packed in parallel, collected in list order.
    let packed: Vec<String> = order
        .par_iter()
        .map(|story| blob::pack(&detail::to_json(story, &lookup)))
        .collect();
    let mut rows = Vec::with_capacity(order.len());
    let mut blobs = String::with_capacity(packed.iter().map(String::len).sum());
    for (story, packed) in order.iter().zip(&packed) {
        let docs = lookup.story_docs(story);
        rows.push(index::IndexRow::new(
            story,
            &docs,
            blobs.len(),
            packed.len(),
        ));
        blobs.push_str(packed);
    }
    let totals = page::Totals {
        stories: input.stories.len(),
        documents: input.documents.len(),
    };
    page::page(&rows, &blobs, totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DocRow;
    use crate::story::StoryRow;

    fn hostile() -> ReportInput {
        let evil = "</script><img src=x onerror=alert(1)><!--";
        ReportInput {
            documents: vec![DocRow {
                id: evil.into(),
                title: Some(evil.into()),
                body: Some(format!("{evil} & more")),
                ..DocRow::default()
            }],
            relations: Vec::new(),
            stories: vec![StoryRow {
                story: evil.into(),
                documents: vec![evil.into()],
                ..StoryRow::default()
            }],
        }
    }

    #[test]
    fn article_text_cannot_inject_html() {
        let html = render(&hostile());
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches("<!--").count(), 1, "only the blobs' comment");
        assert_eq!(html.matches("-->").count(), 1, "only the blobs' comment");
        assert_eq!(html.matches("</script>").count(), 2, "only the page's own");
        assert!(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    #[test]
    fn rendering_is_deterministic() {
        assert_eq!(render(&hostile()), render(&hostile()));
    }

    #[test]
    fn an_empty_run_renders() {
        let html = render(&ReportInput::default());
        assert!(html.contains("0 stories · 0 documents"));
    }
}
