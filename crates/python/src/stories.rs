//! `story_features(documents)`: each document's story features as the story stage weights
//! them (`samestory_story::build`: stemmed content terms, names, places and mentioned
//! dates, BM25-weighted with document frequencies counted over the documents given, title
//! weighted up, truncated to the strongest) — the vectors `story_score` compares.

use crate::arrow::{batch_of, chunk_strings_opt, column, field, strings};
use crate::errors::{Error, Result};
use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use samestory_core::{Document, Format, SliceSource, StoryConfig};
use samestory_story::{build, DocMeta};
use serde::Serialize;
use std::sync::{Arc, OnceLock};

/// One output row.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    day: Option<i32>,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    name: &'a str,
    weight: f32,
}

/// The documents of `batches` (columns `id`, `body`; optional `title`, `date`, `lang`,
/// `group`), their features in row order.
pub fn story_features(batches: &[RecordBatch], cfg: &StoryConfig) -> Result<RecordBatch> {
    let mut docs: Vec<Document> = Vec::new();
    let mut groups: Vec<String> = Vec::new();
    for batch in batches {
        let ids = strings(column(batch, "id")?.as_ref(), "id")?;
        let bodies = strings(column(batch, "body")?.as_ref(), "body")?;
        let title = chunk_strings_opt(batch, "title")?;
        let date = chunk_strings_opt(batch, "date")?;
        let lang = chunk_strings_opt(batch, "lang")?;
        let group = chunk_strings_opt(batch, "group")?;
        for i in 0..batch.num_rows() {
            let id = ids[i].ok_or_else(|| Error::Input(format!("id: null in row {}", i + 1)))?;
            let mut d = Document::new(id, Format::Text, bodies[i].unwrap_or_default());
            d.meta.title = title[i].map(str::to_string);
            d.meta.date = date[i].map(str::to_string);
            d.meta.lang = lang[i].map(str::to_string);
            groups.push(group[i].unwrap_or(id).to_string());
            docs.push(d);
        }
    }
    let meta: Vec<DocMeta> = docs
        .iter()
        .zip(&groups)
        .map(|(d, g)| DocMeta::of(d, g))
        .collect();
    let features = build(&meta, &SliceSource(&docs), cfg)?;
    let rows: Vec<Row> = docs
        .iter()
        .zip(&features.docs)
        .map(|(d, f)| Row {
            id: &d.id,
            day: f.day,
            features: f
                .vec
                .0
                .iter()
                .map(|&(id, weight)| Feature {
                    name: features.model.name(id),
                    weight,
                })
                .collect(),
        })
        .collect();
    batch_of(schema(), &rows)
}

/// The columns of `story_features`' output.
pub fn schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let feature = Field::new(
                "item",
                DataType::Struct(
                    vec![
                        Field::new("name", DataType::Utf8, true),
                        Field::new("weight", DataType::Float32, true),
                    ]
                    .into(),
                ),
                true,
            );
            Arc::new(Schema::new(vec![
                field("id", DataType::Utf8),
                field("day", DataType::Int32),
                Arc::new(Field::new(
                    "features",
                    DataType::List(Arc::new(feature)),
                    true,
                )),
            ]))
        })
        .clone()
}
