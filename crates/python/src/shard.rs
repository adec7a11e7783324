//! The relation engine's candidate and grouping rules (`samestory_relate::shard`) over Arrow
//! columns, for `samestory.spark`: each function takes the rows one step of the plan holds
//! (documents, bucket member lists, member rows with their key's hubs, pair batches) and
//! returns what the rule gives, so the Spark job shuffles and the engine decides.
//!
//! Document numbers travel as `int64` (Spark has no unsigned columns); keys are the
//! engine's 32-bit keys widened to `int64`, the exact key and the body hash are bit-cast.
//!
//! Must not: decide anything itself (every rule is a `shard` function), hold a corpus, or
//! count across the batches it is given.

use crate::arrow::{
    batch_of, chunk_strings_opt, column, field, for_python, list_of, passages_field, strings,
};
use crate::errors::{Error, Result};
use arrow_array::builder::{BinaryBuilder, Int64Builder, ListBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, ArrayRef, BooleanArray, Int64Array, Int8Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use rayon::prelude::*;
use samestory_core::{round4, Document, Format, RelateConfig, UnionFind};
use samestory_relate::candidates::KeySet;
use samestory_relate::features::Sketcher;
use samestory_relate::shard::{self, DocKeys, DocNo, Member, PrintBucket};
use samestory_relate::verify::Verdict;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The metadata columns a document row may carry (the `samestory extract` fields the
/// engine reads: ranking, direction evidence, same-URL, outlets, story features).
pub const META: [&str; 8] = [
    "title",
    "date",
    "published",
    "url",
    "byline",
    "credit",
    "outlet",
    "lang",
];

/// The documents of one batch: `id` and `body` columns (suffixed with `suffix`, "" or
/// `_a` / `_b`), and whichever [`META`] columns it has.
pub fn documents(batch: &RecordBatch, suffix: &str) -> Result<Vec<Document>> {
    let name = |c: &str| format!("{c}{suffix}");
    let ids = strings(column(batch, &name("id"))?.as_ref(), &name("id"))?;
    let bodies = strings(column(batch, &name("body"))?.as_ref(), &name("body"))?;
    let meta: Vec<Vec<Option<&str>>> = META
        .iter()
        .map(|c| chunk_strings_opt(batch, &name(c)))
        .collect::<Result<_>>()?;
    (0..batch.num_rows())
        .map(|i| {
            let id = ids[i].ok_or_else(|| Error::Input(format!("id: null in row {}", i + 1)))?;
            let mut d = Document::new(id, Format::Text, bodies[i].unwrap_or_default());
            let m = &mut d.meta;
            let get = |k: usize| meta[k][i].map(str::to_string);
            (m.title, m.date, m.published, m.url) = (get(0), get(1), get(2), get(3));
            (m.byline, m.credit, m.outlet, m.lang) = (get(4), get(5), get(6), get(7));
            Ok(d)
        })
        .collect()
}

/// Stage 1: each document's keys ([`shard::doc_keys`]) and, when it has words, its body
/// hash. Columns: `rank` (binary, sorts as the engine's representative order), `words`,
/// `exact`, `hash` (16 bytes, null without words), `bands`, `prints`, `url`, `outlet`.
pub fn keys(batch: &RecordBatch, cfg: &RelateConfig) -> Result<RecordBatch> {
    let docs = documents(batch, "")?;
    let keys: Vec<(DocKeys, Option<u128>)> = docs
        .par_iter()
        .map_init(
            || Sketcher::new(cfg),
            |sk, d| {
                let k = shard::doc_keys(sk, d, cfg);
                let hash = (k.words > 0).then(|| shard::body_hash(&d.body));
                (k, hash)
            },
        )
        .collect();
    let mut rank = BinaryBuilder::new();
    let mut hash = BinaryBuilder::new();
    let (mut bands, mut prints) = (int_lists(), int_lists());
    for (k, h) in &keys {
        rank.append_value(&k.rank);
        hash.append_option(h.map(|h| h.to_be_bytes()));
        bands.append_value(k.bands.iter().map(|&b| Some(i64::from(b))));
        prints.append_value(k.prints.iter().map(|&p| Some(i64::from(p))));
    }
    let ints = |f: &dyn Fn(&DocKeys) -> i64| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(keys.iter().map(|(k, _)| f(k))))
    };
    let texts = |f: &dyn Fn(&DocKeys) -> Option<&str>| -> ArrayRef {
        Arc::new(arrow_array::StringArray::from_iter(
            keys.iter().map(|(k, _)| f(k)),
        ))
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(rank.finish()),
        ints(&|k| i64::from(k.words)),
        ints(&|k| k.exact as i64),
        Arc::new(hash.finish()),
        Arc::new(bands.finish()),
        Arc::new(prints.finish()),
        texts(&|k| k.url.as_deref()),
        texts(&|k| k.outlet.as_deref()),
    ];
    RecordBatch::try_new(keys_schema(), columns).map_err(internal)
}

fn int_lists() -> ListBuilder<Int64Builder> {
    ListBuilder::new(Int64Builder::new())
}

/// The columns of [`keys`].
fn keys_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("rank", DataType::Binary),
                field("words", DataType::Int64),
                field("exact", DataType::Int64),
                field("hash", DataType::Binary),
                Arc::new(list_of("bands", DataType::Int64)),
                Arc::new(list_of("prints", DataType::Int64)),
                field("url", DataType::Utf8),
                field("outlet", DataType::Utf8),
            ]))
        })
        .clone()
}

fn internal(e: arrow_schema::ArrowError) -> Error {
    Error::Internal(format!("building the Arrow output: {e}"))
}

/// The values of an integer column as `i64` (cast from any integer type; nulls are errors).
pub fn ints(array: &dyn Array, name: &str) -> Result<Vec<i64>> {
    let cast = arrow_cast::cast(array, &DataType::Int64)
        .map_err(|e| Error::Input(format!("{name}: expected integers: {e}")))?;
    let values = cast.as_primitive::<Int64Type>();
    if values.null_count() > 0 {
        return Err(Error::Input(format!("{name}: null values")));
    }
    Ok(values.values().to_vec())
}

/// The rows of an integer-list column as `i64` lists (a null row is an empty list).
fn int_rows(array: &dyn Array, name: &str) -> Result<Vec<Vec<i64>>> {
    let target = DataType::List(Arc::new(Field::new("item", DataType::Int64, true)));
    let cast = arrow_cast::cast(array, &target)
        .map_err(|e| Error::Input(format!("{name}: expected lists of integers: {e}")))?;
    Ok(cast
        .as_list::<i32>()
        .iter()
        .map(|row| {
            row.map_or_else(Vec::new, |v| {
                v.as_primitive::<Int64Type>().values().to_vec()
            })
        })
        .collect())
}

fn no(v: i64) -> DocNo {
    v as DocNo
}

/// Stage 2: whether each document takes part in candidates ([`shard::active`]), given its
/// number, its exact class's exemplar and its word count.
pub fn active(doc: &dyn Array, exemplar: &dyn Array, words: &dyn Array) -> Result<BooleanArray> {
    let (d, e, w) = (
        ints(doc, "doc")?,
        ints(exemplar, "exemplar")?,
        ints(words, "words")?,
    );
    Ok(BooleanArray::from_iter((0..d.len()).map(|i| {
        Some(shard::active(
            no(d[i]),
            no(e[i]),
            w[i].clamp(0, u32::MAX as i64) as u32,
        ))
    })))
}

/// The [`PrintBucket`] as the small integer `samestory.spark` names.
fn bucket_code(b: PrintBucket) -> i8 {
    match b {
        PrintBucket::Alone => 0,
        PrintBucket::Pairs => 1,
        PrintBucket::Capped => 2,
        PrintBucket::Frequent => 3,
    }
}

fn bucket_of(code: i64) -> Result<PrintBucket> {
    Ok(match code {
        0 => PrintBucket::Alone,
        1 => PrintBucket::Pairs,
        2 => PrintBucket::Capped,
        3 => PrintBucket::Frequent,
        other => return Err(Error::Input(format!("bucket: no kind {other}"))),
    })
}

/// Stage 5: each fingerprint's [`PrintBucket`] (0 alone, 1 pairs, 2 capped, 3 frequent)
/// from its member count, given the corpus's frequent limit.
pub fn print_buckets(counts: &dyn Array, limit: usize, cfg: &RelateConfig) -> Result<Int8Array> {
    let counts = ints(counts, "count")?;
    Ok(Int8Array::from_iter_values(counts.iter().map(|&c| {
        bucket_code(shard::print_bucket(c.max(0) as usize, limit, cfg))
    })))
}

/// The pairs each row's member list gives under `rule`: `"lsh"` ([`shard::lsh_bucket`]),
/// `"url"` ([`shard::url_bucket`]) or `"prints"` ([`shard::print_pairs`]). Columns `a`,
/// `b` (smaller number first).
pub fn bucket_pairs(rule: &str, members: &dyn Array, cfg: &RelateConfig) -> Result<RecordBatch> {
    type Rule = fn(&[DocNo], &RelateConfig) -> Vec<(DocNo, DocNo)>;
    let pairs_of: Rule = match rule {
        "lsh" => shard::lsh_bucket,
        "url" => |d, _| shard::url_bucket(d),
        "prints" => |d, _| shard::print_pairs(d),
        other => {
            return Err(Error::Input(format!(
                "rule: \"lsh\", \"url\" or \"prints\", not {other:?}"
            )))
        }
    };
    let rows = int_rows(members, "members")?;
    let pairs: Vec<(DocNo, DocNo)> = rows
        .par_iter()
        .flat_map_iter(|row| {
            let docs: Vec<DocNo> = row.iter().map(|&d| no(d)).collect();
            pairs_of(&docs, cfg)
        })
        .collect();
    pairs_out(&pairs)
}

/// Columns `a`, `b`.
pub fn pairs_out(pairs: &[(DocNo, DocNo)]) -> Result<RecordBatch> {
    let col = |f: fn(&(DocNo, DocNo)) -> DocNo| -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(
            pairs.iter().map(|p| f(p) as i64),
        ))
    };
    RecordBatch::try_new(pair_schema(), vec![col(|p| p.0), col(|p| p.1)]).map_err(internal)
}

fn pair_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                Arc::new(Field::new("a", DataType::Int64, false)),
                Arc::new(Field::new("b", DataType::Int64, false)),
            ]))
        })
        .clone()
}

/// A hub row as `hubs` writes it: `pos` 0 for the best.
#[derive(Serialize)]
struct HubRow<'a> {
    key: i64,
    pos: i64,
    doc: i64,
    weight: i64,
    outlet: Option<&'a str>,
}

fn member(doc: i64, weight: i64, outlet: Option<&str>) -> Member<'_> {
    Member {
        doc: no(doc),
        weight: weight.clamp(0, u32::MAX as i64) as u32,
        outlet,
    }
}

/// Members of a fingerprint as columns: numbers, weights, outlets.
#[derive(Default)]
struct Members {
    doc: Vec<i64>,
    weight: Vec<i64>,
    outlet: Vec<Option<String>>,
}

impl Members {
    fn extend(&mut self, other: Members) {
        self.doc.extend(other.doc);
        self.weight.extend(other.weight);
        self.outlet.extend(other.outlet);
    }

    fn push(&mut self, doc: i64, weight: i64, outlet: Option<&str>) {
        self.doc.push(doc);
        self.weight.push(weight);
        self.outlet.push(outlet.map(str::to_string));
    }

    /// As the rules read them.
    fn members(&self) -> Vec<Member<'_>> {
        (0..self.doc.len())
            .map(|i| member(self.doc[i], self.weight[i], self.outlet[i].as_deref()))
            .collect()
    }
}

/// The members of one list row of structs `{doc, weight, outlet}`.
fn member_list(list: &dyn Array, what: &str) -> Result<Members> {
    let rows = list
        .as_struct_opt()
        .ok_or_else(|| Error::Input(format!("{what}: expected structs {{doc, weight, outlet}}")))?;
    let get = |name: &str| {
        rows.column_by_name(name)
            .ok_or_else(|| Error::Input(format!("{what}: missing field {name:?}")))
    };
    let doc = ints(get("doc")?.as_ref(), what)?;
    let weight = ints(get("weight")?.as_ref(), what)?;
    let outlet = match rows.column_by_name("outlet") {
        Some(c) => strings(c.as_ref(), what)?
            .into_iter()
            .map(|o| o.map(str::to_string))
            .collect(),
        None => vec![None; doc.len()],
    };
    Ok(Members {
        doc,
        weight,
        outlet,
    })
}

/// Stage 5, hubs: the hubs of each fingerprint ([`shard::hubs`]), best first (`pos` 0).
/// Either rows `key`, `doc`, `weight`, `outlet` (every key's rows in this batch: partial
/// hubs) or rows `key`, `members` (a list of `{doc, weight, outlet}`: one whole key a
/// row). Associative: the hubs of partial hubs are the hubs of all the members. Columns
/// `key`, `pos`, `doc`, `weight`, `outlet`.
pub fn hubs(batch: &RecordBatch, cfg: &RelateConfig) -> Result<RecordBatch> {
    let key = ints(column(batch, "key")?.as_ref(), "key")?;
    let mut by_key: BTreeMap<i64, Members> = BTreeMap::new();
    if let Some(lists) = batch.column_by_name("members") {
        let lists = lists
            .as_list_opt::<i32>()
            .ok_or_else(|| Error::Input("members: expected lists".into()))?;
        for (i, &k) in key.iter().enumerate() {
            let found = member_list(lists.value(i).as_ref(), "members")?;
            by_key.entry(k).or_default().extend(found);
        }
    } else {
        let doc = ints(column(batch, "doc")?.as_ref(), "doc")?;
        let weight = ints(column(batch, "weight")?.as_ref(), "weight")?;
        let outlet = chunk_strings_opt(batch, "outlet")?;
        for i in 0..key.len() {
            by_key
                .entry(key[i])
                .or_default()
                .push(doc[i], weight[i], outlet[i]);
        }
    }
    let mut rows: Vec<HubRow> = Vec::new();
    for (&k, m) in &by_key {
        for (pos, h) in shard::hubs(&m.members(), cfg).into_iter().enumerate() {
            rows.push(HubRow {
                key: k,
                pos: pos as i64,
                doc: h.doc as i64,
                weight: i64::from(h.weight),
                outlet: h.outlet,
            });
        }
    }
    batch_of(hubs_schema(), &rows)
}

fn hubs_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                field("key", DataType::Int64),
                field("pos", DataType::Int64),
                field("doc", DataType::Int64),
                field("weight", DataType::Int64),
                field("outlet", DataType::Utf8),
            ]))
        })
        .clone()
}

/// Stage 5, one hub round `round` of a `bucket` kind (2 capped, 3 frequent): per member
/// row (`doc`, `weight`, `outlet`, its key's `hubs` as a list of `{doc, weight, outlet}`,
/// and `linked`: the hub numbers already paired with this member in an earlier round of
/// this kind) the pair [`shard::hub_hit`] gives, if any. Columns `a`, `b`.
pub fn hub_hits(
    batch: &RecordBatch,
    bucket: i64,
    round: usize,
    _cfg: &RelateConfig,
) -> Result<RecordBatch> {
    let bucket = bucket_of(bucket)?;
    let doc = ints(column(batch, "doc")?.as_ref(), "doc")?;
    let weight = ints(column(batch, "weight")?.as_ref(), "weight")?;
    let outlet = chunk_strings_opt(batch, "outlet")?;
    let linked = int_rows(column(batch, "linked")?.as_ref(), "linked")?;
    let hubs_col = column(batch, "hubs")?;
    let hubs_list = hubs_col.as_list_opt::<i32>().ok_or_else(|| {
        Error::Input(format!(
            "hubs: expected lists, found {}",
            hubs_col.data_type()
        ))
    })?;
    let mut pairs = Vec::new();
    for i in 0..doc.len() {
        let listed = member_list(hubs_list.value(i).as_ref(), "hubs")?;
        let hubs = listed.members();
        let m = member(doc[i], weight[i], outlet[i]);
        let done = &linked[i];
        let hit = shard::hub_hit(bucket, &m, &hubs, round, |h, x| {
            let other = if x == m.doc { h } else { x };
            done.contains(&(other as i64))
        });
        pairs.extend(hit);
    }
    pairs_out(&pairs)
}

/// Stage 5: whether each frequent fingerprint is a wire passage ([`shard::wire_print`])
/// from its `members`, `hubs` and `linked` counts, given whether the corpus has any wire
/// pair.
pub fn wire_prints(
    members: &dyn Array,
    hubs: &dyn Array,
    linked: &dyn Array,
    any_wire: bool,
    cfg: &RelateConfig,
) -> Result<BooleanArray> {
    let (m, h, l) = (
        ints(members, "members")?,
        ints(hubs, "hubs")?,
        ints(linked, "linked")?,
    );
    let n = |v: i64| v.max(0) as usize;
    Ok(BooleanArray::from_iter((0..m.len()).map(|i| {
        Some(shard::wire_print(
            n(m[i]),
            n(h[i]).min(n(m[i])),
            n(l[i]),
            any_wire,
            cfg,
        ))
    })))
}

/// One verified pair.
#[derive(Serialize)]
struct Verified<'a> {
    a: i64,
    b: i64,
    joins: bool,
    kind: &'static str,
    jaccard: f64,
    containment_a: f64,
    containment_b: f64,
    passages: &'a [[usize; 4]],
    why: Option<&'a str>,
}

/// Stage 6: the engine's verdict on each pair of a batch (columns `a`, `b`: numbers, and
/// per side `id_a`, `body_a`, [`META`] columns `date_a`, … as the documents have them),
/// given the corpus's `boilerplate` fingerprint keys. Returns the related pairs only: `a`
/// the document with the smaller id, `joins` ([`shard::joins`]), `kind`, scores (`_a`: of
/// `a`), `passages` (`[a_start, a_end, b_start, b_end]` char offsets, reprints) and `why`.
pub fn verify(batch: &RecordBatch, boilerplate: &[i64], cfg: &RelateConfig) -> Result<RecordBatch> {
    let a = ints(column(batch, "a")?.as_ref(), "a")?;
    let b = ints(column(batch, "b")?.as_ref(), "b")?;
    let (docs_a, docs_b) = (documents(batch, "_a")?, documents(batch, "_b")?);
    // Each document once, in number order; pairs as indices into that list.
    let mut local: BTreeMap<i64, Document> = BTreeMap::new();
    for ((&x, &y), (da, db)) in a.iter().zip(&b).zip(docs_a.into_iter().zip(docs_b)) {
        local.entry(x).or_insert(da);
        local.entry(y).or_insert(db);
    }
    let nos: Vec<i64> = local.keys().copied().collect();
    let docs: Vec<Document> = local.into_values().collect();
    let at = |d: i64| nos.binary_search(&d).map_or(0, |p| p as u32);
    let pairs: Vec<(u32, u32)> = (0..a.len()).map(|i| (at(a[i]), at(b[i]))).collect();
    let boilerplate: KeySet = boilerplate.iter().map(|&k| k as u32).collect();
    let checked = shard::verify_batch(&docs, &pairs, &boilerplate, cfg);
    let rows: Vec<Verified> = checked
        .iter()
        .map(|c| {
            let (kind, passages, why): (_, &[[usize; 4]], _) = match &c.verdict {
                Verdict::Exact => ("exact", &[], None),
                Verdict::NearDuplicate(why) => ("near_duplicate", &[], Some(why.as_str())),
                Verdict::SameUrl => ("same_url", &[], None),
                Verdict::Reuse(r) => ("reprint", &r.passages, None),
            };
            Verified {
                a: nos[c.x as usize],
                b: nos[c.y as usize],
                joins: shard::joins(&c.verdict),
                kind,
                jaccard: round4(c.scores.jaccard),
                containment_a: round4(c.scores.containment_a),
                containment_b: round4(c.scores.containment_b),
                passages,
                why,
            }
        })
        .collect();
    batch_of(verified_schema(), &rows)
}

fn verified_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let f = || DataType::Float64;
            Arc::new(Schema::new(vec![
                field("a", DataType::Int64),
                field("b", DataType::Int64),
                field("joins", DataType::Boolean),
                field("kind", DataType::Utf8),
                field("jaccard", f()),
                field("containment_a", f()),
                field("containment_b", f()),
                passages_field(),
                field("why", DataType::Utf8),
            ]))
        })
        .clone()
}

/// Stage 9: the `relations.jsonl` rows of whole components of the relation graph: rows
/// `doc`, `exemplar` (numbers; the exemplar among the rows), `partners` (numbers of the
/// documents verified related to this one; each pair given once or twice), and the
/// document (`id`, `body`, [`META`]), given the corpus's `boilerplate`
/// ([`shard::relation_rows`]). Columns `a`, `b`, `kind`, `jaccard`, `containment_a`,
/// `containment_b`, `passages`, `original`, `why`, `via`, as `relations.jsonl`.
pub fn relations(
    batch: &RecordBatch,
    boilerplate: &[i64],
    cfg: &RelateConfig,
) -> Result<RecordBatch> {
    let doc = ints(column(batch, "doc")?.as_ref(), "doc")?;
    let exemplar = ints(column(batch, "exemplar")?.as_ref(), "exemplar")?;
    let partners = int_rows(column(batch, "partners")?.as_ref(), "partners")?;
    let docs = documents(batch, "")?;
    // Number order is rank order.
    let mut order: Vec<usize> = (0..doc.len()).collect();
    order.sort_unstable_by_key(|&i| doc[i]);
    let sorted: Vec<i64> = order.iter().map(|&i| doc[i]).collect();
    let at = |d: i64, what: &str| {
        sorted
            .binary_search(&d)
            .map(|p| p as u32)
            .map_err(|_| Error::Input(format!("{what}: document {d} is not among the rows")))
    };
    let exemplar: Vec<u32> = order
        .iter()
        .map(|&i| at(exemplar[i], "exemplar"))
        .collect::<Result<_>>()?;
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (p, &i) in order.iter().enumerate() {
        for &other in &partners[i] {
            let q = at(other, "partners")?;
            pairs.push(((p as u32).min(q), (p as u32).max(q)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut docs: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
    let docs: Vec<Document> = order.iter().filter_map(|&i| docs[i].take()).collect();
    let boilerplate: KeySet = boilerplate.iter().map(|&k| k as u32).collect();
    let rows = shard::relation_rows(&docs, &exemplar, &pairs, &boilerplate, cfg);
    batch_of(relations_schema(), &rows)
}

/// relations.jsonl's columns (`samestory_output::schema::relations`, as Python takes them)
/// without `story_score`, which only the story stage's `same_story` rows carry.
fn relations_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let all = for_python(&samestory_output::schema::relations());
            let engine = all.fields().iter().filter(|f| f.name() != "story_score");
            Arc::new(Schema::new(engine.cloned().collect::<Vec<_>>()))
        })
        .clone()
}

/// Stage 7's contraction step: the connected components of the edges of one batch (`a`,
/// `b`): per vertex, its `label`, the smallest number in its component among these
/// edges. Columns `doc`, `label`. A job merges the labels batches give one vertex (the
/// smallest), links the others to it, and repeats on those links: the labels it ends
/// with are the smallest numbers of the components of all the edges.
pub fn components(a: &dyn Array, b: &dyn Array) -> Result<RecordBatch> {
    let (a, b) = (ints(a, "a")?, ints(b, "b")?);
    let mut vertices: Vec<i64> = a.iter().chain(&b).copied().collect();
    vertices.sort_unstable();
    vertices.dedup();
    let at = |v: i64| vertices.binary_search(&v).unwrap_or_default();
    let mut uf = UnionFind::new(vertices.len());
    for (&x, &y) in a.iter().zip(&b) {
        uf.union(at(x), at(y));
    }
    // The root is the smallest index: the smallest number.
    let labels: Vec<(DocNo, DocNo)> = (0..vertices.len())
        .map(|i| (vertices[i] as DocNo, vertices[uf.find(i)] as DocNo))
        .collect();
    let out = pairs_out(&labels)?;
    RecordBatch::try_new(labels_schema(), out.columns().to_vec()).map_err(internal)
}

fn labels_schema() -> SchemaRef {
    static SCHEMA: OnceLock<SchemaRef> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            Arc::new(Schema::new(vec![
                Arc::new(Field::new("doc", DataType::Int64, false)),
                Arc::new(Field::new("label", DataType::Int64, false)),
            ]))
        })
        .clone()
}

/// Stage 8: per row, the pair of representatives [`shard::regroup_pair`] asks to verify
/// for two labels (`a`, `b`; both null when it asks none).
pub fn regroup(label_a: &dyn Array, label_b: &dyn Array) -> Result<RecordBatch> {
    let (x, y) = (ints(label_a, "a")?, ints(label_b, "b")?);
    let pairs: Vec<(DocNo, DocNo)> = (0..x.len())
        .filter_map(|i| shard::regroup_pair(no(x[i]), no(y[i])))
        .collect();
    pairs_out(&pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::StringArray;

    fn docs_batch(ids: &[&str], bodies: &[&str]) -> RecordBatch {
        RecordBatch::try_from_iter(vec![
            ("id", Arc::new(StringArray::from(ids.to_vec())) as ArrayRef),
            (
                "body",
                Arc::new(StringArray::from(bodies.to_vec())) as ArrayRef,
            ),
        ])
        .unwrap()
    }

    #[test]
    fn keys_give_a_hash_only_to_documents_with_words() {
        let cfg = RelateConfig::default();
        let out = keys(
            &docs_batch(&["a", "b"], &["one two three four five", ""]),
            &cfg,
        )
        .unwrap();
        let hash = out.column_by_name("hash").unwrap();
        assert_eq!((hash.is_null(0), hash.is_null(1)), (false, true));
        let words = ints(out.column_by_name("words").unwrap().as_ref(), "words").unwrap();
        assert_eq!(words, [5, 0]);
    }

    #[test]
    fn a_big_lsh_bucket_is_a_star_from_its_smallest_number() {
        let cfg = RelateConfig::default();
        let n = cfg.lsh_max_bucket as i64 + 5;
        let mut members = ListBuilder::new(Int64Builder::new());
        members.append_value((0..n).rev().map(|d| Some(d * 2 + 7)));
        let out = bucket_pairs("lsh", &members.finish(), &cfg).unwrap();
        assert_eq!(out.num_rows() as i64, n - 1);
        let a = ints(out.column(0).as_ref(), "a").unwrap();
        assert!(a.iter().all(|&x| x == 7));
        assert!(bucket_pairs(
            "band",
            &ListBuilder::new(Int64Builder::new()).finish(),
            &cfg
        )
        .is_err());
    }

    #[test]
    fn verify_reports_related_pairs_by_number() {
        let cfg = RelateConfig::default();
        let body = "the council voted on tuesday to close the old bridge for repairs that \
                    will last until the spring, officials said after a long meeting";
        let batch = RecordBatch::try_from_iter(vec![
            ("a", Arc::new(Int64Array::from(vec![4, 4])) as ArrayRef),
            ("b", Arc::new(Int64Array::from(vec![9, 11])) as ArrayRef),
            ("id_a", Arc::new(StringArray::from(vec!["x", "x"]))),
            ("body_a", Arc::new(StringArray::from(vec![body, body]))),
            ("id_b", Arc::new(StringArray::from(vec!["y", "z"]))),
            (
                "body_b",
                Arc::new(StringArray::from(vec![body, "nothing alike at all here"])),
            ),
        ])
        .unwrap();
        let out = verify(&batch, &[], &cfg).unwrap();
        assert_eq!(out.num_rows(), 1);
        assert_eq!(ints(out.column(0).as_ref(), "a").unwrap(), [4]);
        assert_eq!(ints(out.column(1).as_ref(), "b").unwrap(), [9]);
    }
}
