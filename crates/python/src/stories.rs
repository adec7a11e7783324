//! `story_features(documents)`: each document's story features as the story stage weights
//! them (`samestory_story::build`: stemmed content terms, names, places and mentioned
//! dates, BM25-weighted with document frequencies counted over the documents given, title
//! weighted up, truncated to the strongest) — the vectors `story_score` compares.

use crate::arrow::{batch_of, field};
use crate::errors::Result;
use crate::story_shard::{feature_list, metas, named, story_docs, Feature};
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use samestory_core::{Document, SliceSource, StoryConfig};
use samestory_story::build;
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// One output row.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    day: Option<i32>,
    features: Vec<Feature<'a>>,
}

/// The documents of `batches` (columns `id`, `body`; optional `title`, `date`, `lang`,
/// `group`), their features in row order.
pub fn story_features(batches: &[RecordBatch], cfg: &StoryConfig) -> Result<RecordBatch> {
    let mut docs: Vec<Document> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    for batch in batches {
        let (d, g) = story_docs(batch)?;
        docs.extend(d);
        groups.extend(g);
    }
    let meta = metas(&docs, &groups);
    let features = build(&meta, &SliceSource(&docs), cfg)?;
    let rows: Vec<Row> = docs
        .iter()
        .zip(&features.docs)
        .map(|(d, f)| Row {
            id: &d.id,
            day: f.day,
            features: named(&f.vec, &features.model),
        })
        .collect();
    batch_of(schema(), &rows)
}

/// The columns of `story_features`' output.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("id", DataType::Utf8),
                field("day", DataType::Int32),
                Arc::new(Field::new("features", feature_list(), true)),
            ]))
        })
        .clone()
}
