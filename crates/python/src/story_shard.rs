//! The story stage in pieces a map-reduce job can hold, for `samestory.spark`: what some
//! documents add to the corpus's document frequencies ([`counts`]); the corpus's counts,
//! merged, as one object a worker keeps ([`StoryCorpus`]); each document's weighted vector
//! and strongest features under those counts ([`vectors`]); the pairs of one strongest
//! feature's documents close enough to block together ([`close_pairs`]); and the
//! story stage itself over one block of documents that no candidate links to the rest
//! ([`block`]), weighted by the whole corpus's counts, as `samestory run` weights them.
//!
//! Must not: count across the batches it is given, or decide a story outside the story
//! crate's own clustering ([`block`]); the blocking pairs only decide which documents are
//! clustered together.

use crate::arrow::{batch_of, chunk_strings_opt, column, field, strings};
use crate::errors::{Error, Result};
use crate::shard::ints;
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;
use samestory_core::{Document, Format, SliceSource, StoryConfig};
use samestory_story::{
    build_with, counted_features, stories_from, story_score, CorpusCounts, DocFeatures, DocMeta,
    Model, SparseVec,
};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Documents of a batch (`id`, `body`; optional `title`, `date`, `lang`, `group`) and their
/// group ids (the id when absent).
pub fn story_docs(batch: &RecordBatch) -> Result<(Vec<Document>, Vec<String>)> {
    let ids = strings(column(batch, "id")?.as_ref(), "id")?;
    let bodies = strings(column(batch, "body")?.as_ref(), "body")?;
    let title = chunk_strings_opt(batch, "title")?;
    let date = chunk_strings_opt(batch, "date")?;
    let lang = chunk_strings_opt(batch, "lang")?;
    let group = chunk_strings_opt(batch, "group")?;
    let mut docs = Vec::with_capacity(ids.len());
    let mut groups = Vec::with_capacity(ids.len());
    for i in 0..ids.len() {
        let id = ids[i].ok_or_else(|| Error::Input(format!("id: null in row {}", i + 1)))?;
        let mut d = Document::new(id, Format::Text, bodies[i].unwrap_or_default());
        d.meta.title = title[i].map(str::to_string);
        d.meta.date = date[i].map(str::to_string);
        d.meta.lang = lang[i].map(str::to_string);
        groups.push(group[i].unwrap_or(id).to_string());
        docs.push(d);
    }
    Ok((docs, groups))
}

pub fn metas<'a>(docs: &'a [Document], groups: &'a [String]) -> Vec<DocMeta<'a>> {
    docs.iter()
        .zip(groups)
        .map(|(d, g)| DocMeta::of(d, g))
        .collect()
}

/// One row of [`counts`]: a feature and how many documents hold it, or (name null) the
/// documents counted and their lengths summed.
#[derive(Serialize)]
struct CountRow<'a> {
    name: Option<&'a str>,
    df: i64,
    words: f64,
}

/// What the documents of `batch` add to the corpus's story counts
/// ([`counted_features`]): one row per feature (`name`, `df`), and a first row with a null
/// name holding the documents counted (`df`) and their summed lengths (`words`). Summed
/// over all batches (groupBy name), they are the counts `samestory run` takes over its
/// whole input.
pub fn counts(batch: &RecordBatch, cfg: &StoryConfig) -> Result<RecordBatch> {
    let (docs, groups) = story_docs(batch)?;
    let meta = metas(&docs, &groups);
    let pairs: Vec<(DocMeta, &str)> = meta
        .iter()
        .zip(&docs)
        .map(|(m, d)| (*m, d.body.as_str()))
        .collect();
    let c = counted_features(&pairs, cfg);
    let mut rows = vec![CountRow {
        name: None,
        df: c.docs as i64,
        words: c.words,
    }];
    rows.extend(c.df.iter().map(|(name, df)| CountRow {
        name: Some(name),
        df: i64::from(*df),
        words: 0.0,
    }));
    batch_of(counts_schema(), &rows)
}

fn counts_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("name", DataType::Utf8),
                field("df", DataType::Int64),
                field("words", DataType::Float64),
            ]))
        })
        .clone()
}

/// The corpus's story counts, merged ([`counts`] summed by name): what every vector and
/// block is weighted by.
#[derive(Debug, Default)]
pub struct StoryCorpus {
    docs: u64,
    words: f64,
    df: HashMap<Box<str>, u32>,
}

impl StoryCorpus {
    /// From rows `name`, `df`, `words` (the null name: the totals), any number of batches.
    pub fn from_batches(batches: &[RecordBatch]) -> Result<StoryCorpus> {
        let mut out = StoryCorpus::default();
        for batch in batches {
            let names = strings(column(batch, "name")?.as_ref(), "name")?;
            let df = ints(column(batch, "df")?.as_ref(), "df")?;
            let words = arrow_cast::cast(column(batch, "words")?.as_ref(), &DataType::Float64)
                .map_err(|e| Error::Input(format!("words: expected numbers: {e}")))?;
            let words = words.as_primitive::<arrow_array::types::Float64Type>();
            for i in 0..names.len() {
                match names[i] {
                    Some(name) => {
                        *out.df.entry(name.into()).or_insert(0) += df[i].max(0) as u32;
                    }
                    None => {
                        out.docs += df[i].max(0) as u64;
                        out.words += words.value(i);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Documents counted.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Distinct features counted.
    pub fn features(&self) -> usize {
        self.df.len()
    }
}

impl CorpusCounts for StoryCorpus {
    fn totals(&self) -> (u64, f64) {
        (self.docs, self.words)
    }

    fn df(
        &self,
        names: &[Box<str>],
    ) -> std::result::Result<Vec<u32>, Box<dyn std::error::Error + Send + Sync>> {
        Ok(names
            .iter()
            .map(|n| self.df.get(n).copied().unwrap_or(0))
            .collect())
    }
}

#[derive(Serialize)]
struct VectorRow<'a> {
    id: &'a str,
    day: Option<i32>,
    features: Vec<Feature<'a>>,
    strongest: Vec<&'a str>,
}

/// One named feature of a vector.
#[derive(Serialize)]
pub struct Feature<'a> {
    name: &'a str,
    weight: f32,
}

/// A vector's features named by the model that weighted them, strongest first as kept.
pub fn named<'a>(vec: &SparseVec, model: &'a Model) -> Vec<Feature<'a>> {
    vec.0
        .iter()
        .map(|&(id, weight)| Feature {
            name: model.name(id),
            weight,
        })
        .collect()
}

/// Each document's story vector weighted by `corpus` (the features `samestory run` gives
/// it): `id`, `day`, `features` (`{name, weight}`, as `story_features`), and `strongest`:
/// the `story.index_features` names the clustering looks candidates up by.
pub fn vectors(
    batch: &RecordBatch,
    corpus: &StoryCorpus,
    cfg: &StoryConfig,
) -> Result<RecordBatch> {
    let (docs, groups) = story_docs(batch)?;
    let meta = metas(&docs, &groups);
    let feats = build_with(&meta, &SliceSource(&docs), cfg, Some(corpus))?;
    let rows: Vec<VectorRow> = docs
        .iter()
        .zip(&feats.docs)
        .map(|(d, f)| VectorRow {
            id: &d.id,
            day: f.day,
            features: named(&f.vec, &feats.model),
            strongest: f
                .vec
                .strongest(cfg.index_features)
                .into_iter()
                .map(|id| feats.model.name(id))
                .collect(),
        })
        .collect();
    batch_of(vectors_schema(), &rows)
}

/// `list<struct<name, weight>>`.
pub fn feature_list() -> DataType {
    DataType::List(Arc::new(Field::new(
        "item",
        DataType::Struct(
            vec![
                Field::new("name", DataType::Utf8, true),
                Field::new("weight", DataType::Float32, true),
            ]
            .into(),
        ),
        true,
    )))
}

fn vectors_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("id", DataType::Utf8),
                field("day", DataType::Int32),
                Arc::new(Field::new("features", feature_list(), true)),
                Arc::new(crate::arrow::list_of("strongest", DataType::Utf8)),
            ]))
        })
        .clone()
}

/// One member of a strongest feature's bucket: number, day, vector.
struct Posted {
    doc: i64,
    features: DocFeatures,
}

/// The members of one bucket row (`{doc, day, features}` structs), their vectors over ids
/// interned for this row (all a dot product needs).
fn posted(row: &dyn Array) -> Result<Vec<Posted>> {
    let st = row
        .as_struct_opt()
        .ok_or_else(|| Error::Input("members: expected structs {doc, day, features}".into()))?;
    let get = |name: &str| {
        st.column_by_name(name)
            .ok_or_else(|| Error::Input(format!("members: missing field {name:?}")))
    };
    let docs = ints(get("doc")?.as_ref(), "members.doc")?;
    let days = arrow_cast::cast(get("day")?.as_ref(), &DataType::Int64)
        .map_err(|e| Error::Input(format!("members.day: {e}")))?;
    let days = days.as_primitive::<Int64Type>();
    let lists = get("features")?
        .as_list_opt::<i32>()
        .ok_or_else(|| Error::Input("members.features: expected lists".into()))?;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::with_capacity(docs.len());
    for (i, &doc) in docs.iter().enumerate() {
        let vec = named_weights(lists.value(i).as_ref())?
            .into_iter()
            .map(|(n, w)| {
                let next = ids.len() as u32;
                (*ids.entry(n).or_insert(next), w)
            })
            .collect();
        out.push(Posted {
            doc,
            features: DocFeatures {
                vec: SparseVec::from_unsorted(vec),
                day: (!days.is_null(i)).then(|| days.value(i) as i32),
            },
        });
    }
    Ok(out)
}

/// The `{name, weight}` entries of one vector.
fn named_weights(list: &dyn Array) -> Result<Vec<(String, f32)>> {
    let st = list
        .as_struct_opt()
        .ok_or_else(|| Error::Input("features: expected structs {name, weight}".into()))?;
    let names = strings(st.column(0).as_ref(), "features.name")?;
    let w = arrow_cast::cast(st.column(1).as_ref(), &DataType::Float32)
        .map_err(|e| Error::Input(format!("features.weight: {e}")))?;
    let w = w.as_primitive::<arrow_array::types::Float32Type>();
    Ok(names
        .iter()
        .zip(w.values())
        .filter_map(|(n, &w)| Some(((*n)?.to_string(), w)))
        .collect())
}

/// Whether two days are within the clustering's window (always, when either is undated:
/// the clustering never looks further).
fn within(a: Option<i32>, b: Option<i32>, cfg: &StoryConfig) -> bool {
    match (a, b) {
        (Some(p), Some(q)) => (p - q).abs() <= cfg.window_days,
        _ => true,
    }
}

/// The blocking pairs of each strongest feature's row (`members`: `{doc, day, features}`
/// of the documents it is strongest in): pairs within `story.window_days` whose
/// `story_score` reaches `threshold`. Columns `a`, `b` (smaller first).
pub fn close_pairs(members: &dyn Array, threshold: f32, cfg: &StoryConfig) -> Result<RecordBatch> {
    let lists = members
        .as_list_opt::<i32>()
        .ok_or_else(|| Error::Input("members: expected lists".into()))?;
    let rows: Vec<Vec<Posted>> = (0..lists.len())
        .map(|i| posted(lists.value(i).as_ref()))
        .collect::<Result<_>>()?;
    let pairs: Vec<(u64, u64)> = rows
        .par_iter()
        .flat_map_iter(|m| {
            let mut out = Vec::new();
            for (x, a) in m.iter().enumerate() {
                for b in &m[x + 1..] {
                    let (fa, fb) = (&a.features, &b.features);
                    if a.doc != b.doc
                        && within(fa.day, fb.day, cfg)
                        && story_score(fa, fb, cfg) >= threshold
                    {
                        out.push((a.doc.min(b.doc) as u64, a.doc.max(b.doc) as u64));
                    }
                }
            }
            out
        })
        .collect();
    crate::shard::pairs_out(&pairs)
}

#[derive(Serialize)]
struct StoryRow<'a> {
    id: &'a str,
    story: &'a str,
}

/// The story stage itself ([`stories_from`]) over one block of documents (`id`, `body`,
/// `title`, `date`, `lang`, `group`, and `links`: the ids of documents the relation engine
/// related to this one, duplicates and reprints, outside the block ignored), weighted by
/// the whole `corpus`'s counts. Columns `id`, `story`.
pub fn block(batch: &RecordBatch, corpus: &StoryCorpus, cfg: &StoryConfig) -> Result<RecordBatch> {
    let (docs, groups) = story_docs(batch)?;
    let meta = metas(&docs, &groups);
    let index: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut links: Vec<(usize, usize)> = Vec::new();
    if let Some(col) = batch.column_by_name("links") {
        let lists = col
            .as_list_opt::<i32>()
            .ok_or_else(|| Error::Input("links: expected lists of ids".into()))?;
        for i in 0..lists.len() {
            if lists.is_null(i) {
                continue;
            }
            let row = lists.value(i);
            for other in strings(row.as_ref(), "links")?.into_iter().flatten() {
                if let Some(&j) = index.get(other) {
                    links.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    links.sort_unstable();
    links.dedup();
    let feats = build_with(&meta, &SliceSource(&docs), cfg, Some(corpus))?;
    let out = stories_from(feats, &meta, &links, cfg)?;
    let rows: Vec<StoryRow> = docs
        .iter()
        .zip(out.story_of.iter())
        .map(|(d, s)| StoryRow {
            id: &d.id,
            story: s,
        })
        .collect();
    batch_of(story_schema(), &rows)
}

fn story_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("id", DataType::Utf8),
                field("story", DataType::Utf8),
            ]))
        })
        .clone()
}
