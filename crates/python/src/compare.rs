//! `compare(members)`: each story's comparison by the compare stage itself
//! (`samestory_compare::compare_story` over the members given: each member's sentences,
//! quotes and numbers extracted, then statements by speaker, conflicts, quantities, agreed
//! and unique claims) — what stories.jsonl holds beside each story. Stories run in
//! parallel.

use crate::arrow::{batch_of, chunk_strings_opt, column, field, strings, u32_lists};
use crate::errors::{Error, Result};
use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Schema, SchemaRef};
use rayon::prelude::*;
use samestory_compare::{compare_story, extract_facts_in, sentences, CompareConfig, Member};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// One member as given.
struct Given {
    story: String,
    id: String,
    group: String,
    representative: bool,
    date: Option<String>,
    lang: Option<String>,
    body: String,
    borrowed: Vec<[usize; 2]>,
}

/// One output row: a story and its comparison as stories.jsonl writes it (JSON).
#[derive(Serialize)]
struct Row<'a> {
    story: &'a str,
    comparison: String,
}

/// The comparison of each story of `batches` (columns `id`, `body`; optional `story` —
/// one story when absent —, `group`, `representative`, `date`, `lang`, `borrowed`), in
/// the order stories first appear.
pub fn compare(batches: &[RecordBatch], cfg: &CompareConfig) -> Result<RecordBatch> {
    let mut given = Vec::new();
    for batch in batches {
        read_members(batch, &mut given)?;
    }
    let mut order: Vec<&str> = Vec::new();
    for g in &given {
        if !order.contains(&g.story.as_str()) {
            order.push(&g.story);
        }
    }
    let compared: Vec<Result<String>> = order
        .par_iter()
        .map(|story| {
            let members: Vec<&Given> = given.iter().filter(|g| g.story == *story).collect();
            compare_one(&members, cfg)
        })
        .collect();
    let mut rows = Vec::with_capacity(order.len());
    for (story, comparison) in order.iter().zip(compared) {
        rows.push(Row {
            story,
            comparison: comparison?,
        });
    }
    batch_of(schema(), &rows)
}

/// One story's comparison as JSON.
fn compare_one(given: &[&Given], cfg: &CompareConfig) -> Result<String> {
    let read: Vec<_> = given
        .par_iter()
        .map(|g| {
            let s = sentences(&g.body, g.lang.as_deref());
            let facts = extract_facts_in(&g.body, g.lang.as_deref(), &s, cfg);
            (s, facts)
        })
        .collect();
    let members: Vec<Member> = given
        .iter()
        .zip(&read)
        .map(|(g, (sentences, facts))| Member {
            id: &g.id,
            group: &g.group,
            representative: g.representative,
            date: g.date.as_deref(),
            lang: g.lang.as_deref(),
            body: &g.body,
            sentences,
            facts,
            borrowed: &g.borrowed,
        })
        .collect();
    serde_json::to_string(&compare_story(&members, cfg)).map_err(|e| Error::Internal(e.to_string()))
}

/// The members of one batch, appended to `out`.
fn read_members(batch: &RecordBatch, out: &mut Vec<Given>) -> Result<()> {
    let ids = strings(column(batch, "id")?.as_ref(), "id")?;
    let bodies = strings(column(batch, "body")?.as_ref(), "body")?;
    let story = chunk_strings_opt(batch, "story")?;
    let group = chunk_strings_opt(batch, "group")?;
    let date = chunk_strings_opt(batch, "date")?;
    let lang = chunk_strings_opt(batch, "lang")?;
    let representative = match batch.column_by_name("representative") {
        Some(c) if c.data_type() == &DataType::Boolean => {
            c.as_boolean().iter().map(|v| v.unwrap_or(false)).collect()
        }
        Some(c) => {
            return Err(Error::Input(format!(
                "representative: expected booleans, found {}",
                c.data_type()
            )))
        }
        None => vec![false; batch.num_rows()],
    };
    let borrowed = match batch.column_by_name("borrowed") {
        Some(c) => ranges(c.as_ref())?,
        None => vec![Vec::new(); batch.num_rows()],
    };
    for i in 0..batch.num_rows() {
        let id = ids[i].ok_or_else(|| Error::Input(format!("id: null in row {}", i + 1)))?;
        out.push(Given {
            story: story[i].unwrap_or("").to_string(),
            id: id.to_string(),
            group: group[i].unwrap_or(id).to_string(),
            representative: representative[i],
            date: date[i].map(str::to_string),
            lang: lang[i].map(str::to_string),
            body: bodies[i].unwrap_or_default().to_string(),
            borrowed: borrowed[i].clone(),
        });
    }
    Ok(())
}

/// A `list<list<int>>` column of `[start, end)` char ranges.
fn ranges(array: &dyn Array) -> Result<Vec<Vec<[usize; 2]>>> {
    let lists = array
        .as_list_opt::<i32>()
        .ok_or_else(|| Error::Input("borrowed: expected lists of [start, end] ranges".into()))?;
    let mut out = Vec::with_capacity(lists.len());
    for row in lists.iter() {
        let mut kept = Vec::new();
        if let Some(row) = row {
            for r in u32_lists(row.as_ref(), "borrowed")?.into_iter().flatten() {
                match r[..] {
                    [start, end] => kept.push([start as usize, end as usize]),
                    _ => return Err(Error::Input("borrowed: each range is [start, end]".into())),
                }
            }
        }
        out.push(kept);
    }
    Ok(out)
}

/// The columns of `compare`'s output.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("story", DataType::Utf8),
                field("comparison", DataType::Utf8),
            ]))
        })
        .clone()
}
