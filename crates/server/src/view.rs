//! A story as the API and the UI show it: the stored rows (its stories.jsonl line, its
//! documents' documents.jsonl lines, the relations among them) and the view `report.html`
//! draws for a story — built by the report crate itself (`detail::build`, `IndexRow`), so
//! the UI's story page and the report's are one component fed the same data.
//!
//! Must not: touch the index; it formats what the store returned.

use crate::api::raw;
use crate::error::ApiError;
use samestory_report::detail::{self, Lookup};
use samestory_report::index::IndexRow;
use samestory_report::input::{DocRow, RelationRow, ReportInput};
use samestory_report::story::StoryRow;
use samestory_store::StoryView;
use serde::Serialize;
use serde_json::value::RawValue;

/// The answer of `GET /api/stories/{id}` for a current story.
#[derive(Serialize)]
pub struct StoryAnswer {
    status: &'static str,
    id: String,
    /// The stories.jsonl line: the story with its comparison.
    story: Box<RawValue>,
    /// The documents.jsonl line of each member, in id order.
    documents: Vec<Box<RawValue>>,
    /// The relations.jsonl lines between members.
    relations: Vec<Box<RawValue>>,
    /// The report's list row: `[id, title, first_date, last_date, documents, outlets,
    /// disagree, 0, 0]`.
    row: Box<RawValue>,
    /// The report's story details (UTF-16 spans), what its story view draws.
    view: Box<RawValue>,
}

/// Builds the answer for story `id`.
pub fn story(id: &str, view: &StoryView) -> Result<StoryAnswer, ApiError> {
    let parse_err = |e: serde_json::Error| ApiError::Internal(Box::new(e));
    let story: StoryRow = serde_json::from_str(&view.line).map_err(parse_err)?;
    let mut documents = Vec::with_capacity(view.documents.len());
    for line in &view.documents {
        documents.push(serde_json::from_str::<DocRow>(line).map_err(parse_err)?);
    }
    let mut relations = Vec::new();
    for line in &view.relations {
        let r: RelationRow = serde_json::from_str(line).map_err(parse_err)?;
        if r.marks_passages() {
            relations.push(r);
        }
    }
    let input = ReportInput {
        documents,
        relations,
        stories: vec![story],
    };
    let lookup = Lookup::new(&input);
    let story = &input.stories[0];
    let docs = lookup.story_docs(story);
    let row = serde_json::to_string(&IndexRow::new(story, &docs, 0, 0)).map_err(parse_err)?;
    let detail = serde_json::to_string(&detail::build(story, &lookup)).map_err(parse_err)?;
    Ok(StoryAnswer {
        status: "current",
        id: id.to_string(),
        story: raw(view.line.clone())?,
        documents: view
            .documents
            .iter()
            .cloned()
            .map(raw)
            .collect::<Result<_, _>>()?,
        relations: view
            .relations
            .iter()
            .cloned()
            .map(raw)
            .collect::<Result<_, _>>()?,
        row: raw(row)?,
        view: raw(detail)?,
    })
}
