//! `verify(pairs)`: each row's two texts related by the relation engine itself
//! (`samestory_relate::relate` over the two documents: exact, near-duplicate, same-URL or
//! reprint, with its passages, direction and reason, as a `relations.jsonl` row would give
//! them), and their exact shingle scores (`verify::detail_scores`) even when the engine
//! reports nothing. Pairs are independent: they run in parallel.

use crate::arrow::{batch_of, column, field, passages_field, strings};
use crate::errors::Result;
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Schema, SchemaRef};
use rayon::prelude::*;
use samestory_core::{round4, Document, Format, Metadata, RelateConfig};
use samestory_relate::features::detail;
use samestory_relate::verify::detail_scores;
use samestory_relate::{relate, Relation};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// The metadata columns read for each side, when present: `date_a`, `url_b`, ….
const META: [&str; 5] = ["date", "published", "url", "byline", "credit"];

/// One output row.
#[derive(Serialize)]
struct Row<'a> {
    kind: Option<String>,
    jaccard: f64,
    containment_a: f64,
    containment_b: f64,
    passages: &'a [[usize; 4]],
    original: Option<&'a str>,
    why: Option<&'a str>,
}

/// One row per input row: columns `a` and `b` (texts, cleaned bodies), optional metadata
/// columns `date_a`, `date_b`, `published_a`, … that the engine reads for direction.
pub fn verify(batches: &[RecordBatch], cfg: &RelateConfig) -> Result<RecordBatch> {
    let mut related: Vec<(Option<Relation>, [f64; 3])> = Vec::new();
    for batch in batches {
        let docs = side_docs(batch, "a")?
            .into_iter()
            .zip(side_docs(batch, "b")?)
            .collect::<Vec<_>>();
        related.par_extend(
            docs.par_iter()
                .map(|(a, b)| pair(a.as_ref(), b.as_ref(), cfg)),
        );
    }
    let rows: Vec<Row> = related
        .iter()
        .map(|(rel, scores)| Row {
            kind: rel.as_ref().map(kind_name),
            jaccard: scores[0],
            containment_a: scores[1],
            containment_b: scores[2],
            passages: rel.as_ref().map_or(&[], |r| &r.passages),
            original: rel.as_ref().and_then(|r| r.original.as_deref()),
            why: rel.as_ref().map(|r| r.why.as_str()),
        })
        .collect();
    batch_of(schema(), &rows)
}

/// The engine's relation between two texts (`None` when it reports none, or a text is
/// null) and their exact Jaccard and containments.
fn pair(
    a: Option<&Document>,
    b: Option<&Document>,
    cfg: &RelateConfig,
) -> (Option<Relation>, [f64; 3]) {
    let (Some(a), Some(b)) = (a, b) else {
        return (None, [0.0; 3]);
    };
    let s = detail_scores(&detail(&a.body, cfg), &detail(&b.body, cfg));
    let scores = [s.jaccard, s.containment_a, s.containment_b].map(round4);
    let docs = [a.clone(), b.clone()];
    let rel = relate(&docs, cfg).relations.into_iter().next();
    (rel, scores)
}

/// The relation kind as `relations.jsonl` writes it.
fn kind_name(r: &Relation) -> String {
    serde_json::to_value(r.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The documents of one side (`a` or `b`): id `a` or `b`, the text as body, the side's
/// metadata columns.
fn side_docs(batch: &RecordBatch, side: &str) -> Result<Vec<Option<Document>>> {
    let texts = strings(column(batch, side)?.as_ref(), side)?;
    let mut meta: Vec<(usize, Vec<Option<&str>>)> = Vec::new();
    for (k, name) in META.iter().enumerate() {
        let col = format!("{name}_{side}");
        if let Some(c) = batch.column_by_name(&col) {
            meta.push((k, strings(c.as_ref(), &col)?));
        }
    }
    Ok(texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Document::new(side, Format::Text, (*text)?);
            for (k, values) in &meta {
                set_meta(&mut doc.meta, *k, values[i]);
            }
            Some(doc)
        })
        .collect())
}

fn set_meta(m: &mut Metadata, k: usize, v: Option<&str>) {
    let v = v.map(str::to_string);
    match META[k] {
        "date" => m.date = v,
        "published" => m.published = v,
        "url" => m.url = v,
        "byline" => m.byline = v,
        _ => m.credit = v,
    }
}

/// The columns of `verify`'s output.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let f = || DataType::Float64;
            Arc::new(Schema::new(vec![
                field("kind", DataType::Utf8),
                field("jaccard", f()),
                field("containment_a", f()),
                field("containment_b", f()),
                passages_field(),
                field("original", DataType::Utf8),
                field("why", DataType::Utf8),
            ]))
        })
        .clone()
}
