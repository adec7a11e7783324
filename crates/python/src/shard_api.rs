//! The Python functions behind `samestory.spark` (`samestory._samestory.shard_*` and
//! `story_*`): each plan step of [`crate::shard`] and [`crate::story_shard`] over record
//! batches, the GIL released while Rust works. They are public so other map-reduce
//! front ends (Dask, Ray, Beam) can drive the same plan; `samestory.spark` is the
//! reference for their use.
//!
//! Every function takes one or more record batches (a RecordBatch, Table or stream) and
//! returns a pyarrow Table with one output batch per input batch.

use crate::config::ConfigArgs;
use crate::errors::Error;
use crate::story_shard::StoryCorpus;
use crate::{shard, story_shard};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{Field, Schema};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use samestory_core::Config;
use std::path::PathBuf;
use std::sync::Arc;

/// Runs `f` over each batch of `input` with the GIL released; the outputs as one Table.
fn each<'py>(
    py: Python<'py>,
    input: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
    f: impl Fn(&RecordBatch, &Config) -> crate::errors::Result<RecordBatch> + Send + Sync,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = crate::batches(input)?;
    let out: Vec<RecordBatch> = py.detach(|| -> crate::errors::Result<_> {
        let cfg = cfg.load()?;
        batches.iter().map(|b| f(b, &cfg)).collect()
    })?;
    let schema = match out.first() {
        Some(b) => b.schema(),
        None => Arc::new(Schema::empty()),
    };
    Ok(PyTable::try_new(out, schema)?.into_pyarrow(py)?.unbind())
}

/// One boolean, integer or float column as a batch.
fn single(name: &str, array: ArrayRef) -> crate::errors::Result<RecordBatch> {
    let schema = Schema::new(vec![Field::new(name, array.data_type().clone(), true)]);
    RecordBatch::try_new(Arc::new(schema), vec![array])
        .map_err(|e| Error::Internal(format!("building the Arrow output: {e}")))
}

fn col<'a>(b: &'a RecordBatch, name: &str) -> crate::errors::Result<&'a ArrayRef> {
    crate::arrow::column(b, name)
}

/// The engine's limits and counts the plan reads: `lsh_max_bucket`, `containment_max_bucket`,
/// `hub_count`, `shared_pairs`, `shared_capped`, `shared_frequent` (hits a fingerprint pair
/// needs), `regroup_rounds`, and the story stage's `max_posting`, `window_days`,
/// `join_threshold`, `merge_threshold`, `index_features`.
#[pyfunction]
#[pyo3(signature = (*, config = None, settings = None))]
pub fn shard_rules<'py>(
    py: Python<'py>,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    use samestory_relate::shard::{hub_count, shared_needed, PrintBucket, REGROUP_ROUNDS};
    let cfg = ConfigArgs::new(config, settings)?.load()?;
    let (r, s) = (&cfg.relate, &cfg.story);
    let d = PyDict::new(py);
    d.set_item("lsh_max_bucket", r.lsh_max_bucket)?;
    d.set_item("containment_max_bucket", r.containment_max_bucket)?;
    d.set_item("hub_count", hub_count(r))?;
    d.set_item("shared_pairs", shared_needed(PrintBucket::Pairs, r))?;
    d.set_item("shared_capped", shared_needed(PrintBucket::Capped, r))?;
    d.set_item("shared_frequent", shared_needed(PrintBucket::Frequent, r))?;
    d.set_item("regroup_rounds", REGROUP_ROUNDS)?;
    d.set_item("max_posting", s.max_posting)?;
    d.set_item("window_days", s.window_days)?;
    d.set_item("join_threshold", s.join_threshold)?;
    d.set_item("merge_threshold", s.merge_threshold)?;
    d.set_item("index_features", s.index_features)?;
    Ok(d.into_any().unbind())
}

/// Stage 1 (keys): per document row (`id`, `body`, optional `title`, `date`,
/// `published`, `url`, `byline`, `credit`, `outlet`, `lang`), `rank` (binary, sorts in the
/// engine's representative order), `words`, `exact`, `hash` (null without words), `bands`,
/// `prints` (`list<int64>`), `url`, `outlet`.
#[pyfunction]
#[pyo3(signature = (documents, *, config = None, settings = None))]
pub fn shard_keys<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, documents, config, settings, |b, c| {
        shard::keys(b, &c.relate)
    })
}

/// Stage 2: per row (`doc`, `exemplar`, `words`), `active`: whether the document takes
/// part in candidates and verification.
#[pyfunction]
#[pyo3(signature = (rows, *, config = None, settings = None))]
pub fn shard_active<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, |b, _| {
        let a = shard::active(
            col(b, "doc")?.as_ref(),
            col(b, "exemplar")?.as_ref(),
            col(b, "words")?.as_ref(),
        )?;
        single("active", Arc::new(a))
    })
}

/// The number of active documents at or above which a fingerprint is frequent.
#[pyfunction]
#[pyo3(signature = (active_docs, *, config = None, settings = None))]
pub fn shard_frequent_limit<'py>(
    active_docs: u64,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<usize> {
    let cfg = ConfigArgs::new(config, settings)?.load()?;
    Ok(samestory_relate::shard::frequent_limit(
        active_docs,
        &cfg.relate,
    ))
}

/// Stage 5: per fingerprint row (`count`: its active members), `bucket`: 0 alone, 1 pairs,
/// 2 capped, 3 frequent, given the corpus's frequent `limit`.
#[pyfunction]
#[pyo3(signature = (rows, limit, *, config = None, settings = None))]
pub fn shard_print_buckets<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    limit: usize,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, move |b, c| {
        let k = shard::print_buckets(col(b, "count")?.as_ref(), limit, &c.relate)?;
        single("bucket", Arc::new(k))
    })
}

/// Stages 3–5: the pairs of each row's `members` (distinct active document numbers of one
/// key) under `rule`: `"lsh"` (a band key; a star from the smallest number past
/// `lsh_max_bucket`), `"url"` (a star) or `"prints"` (every pair: hits of a pairs-bucket
/// fingerprint). Columns `a`, `b`, smaller first.
#[pyfunction]
#[pyo3(signature = (rule, rows, *, config = None, settings = None))]
pub fn shard_bucket_pairs<'py>(
    py: Python<'py>,
    rule: String,
    rows: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, move |b, c| {
        shard::bucket_pairs(&rule, col(b, "members")?.as_ref(), &c.relate)
    })
}

/// Stage 5: the hubs of each fingerprint among rows `key`, `doc`, `weight`, `outlet`
/// (associative: hubs of partial hubs are the hubs of all). Same columns.
#[pyfunction]
#[pyo3(signature = (rows, *, config = None, settings = None))]
pub fn shard_hubs<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, |b, c| shard::hubs(b, &c.relate))
}

/// Stage 5, hub round `round` of fingerprints of kind `bucket` (2 capped, 3 frequent): per
/// member row (`doc`, `weight`, `outlet`, `hubs`: list of `{doc, weight, outlet}`,
/// `linked`: hub numbers it was paired with in earlier rounds of this kind) the pair it
/// gives. Columns `a`, `b`.
#[pyfunction]
#[pyo3(signature = (rows, bucket, round, *, config = None, settings = None))]
pub fn shard_hub_hits<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    bucket: i64,
    round: usize,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, move |b, c| {
        shard::hub_hits(b, bucket, round, &c.relate)
    })
}

/// Stage 5: per frequent fingerprint row (`members`, `hubs`, `linked`: non-hub members in
/// a wire pair with one of its hubs), `wire`: whether it is a wire passage (else
/// boilerplate), given whether the corpus has any wire pair.
#[pyfunction]
#[pyo3(signature = (rows, any_wire, *, config = None, settings = None))]
pub fn shard_wire_prints<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    any_wire: bool,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, move |b, c| {
        let w = shard::wire_prints(
            col(b, "members")?.as_ref(),
            col(b, "hubs")?.as_ref(),
            col(b, "linked")?.as_ref(),
            any_wire,
            &c.relate,
        )?;
        single("wire", Arc::new(w))
    })
}

/// Stage 6: the engine's verdict on each pair (`a`, `b` numbers; per side `id_a`,
/// `body_a`, `date_a`, `published_a`, `url_a`, `byline_a`, `credit_a`, … as the documents
/// have them), given the corpus's `boilerplate` fingerprint keys. The related pairs only:
/// `a` (the smaller id), `b`, `joins`, `kind`, `jaccard`, `containment_a`,
/// `containment_b`, `passages`, `why`.
#[pyfunction]
#[pyo3(signature = (pairs, boilerplate, *, config = None, settings = None))]
pub fn shard_verify<'py>(
    py: Python<'py>,
    pairs: AnyRecordBatch,
    boilerplate: Vec<i64>,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, pairs, config, settings, move |b, c| {
        shard::verify(b, &boilerplate, &c.relate)
    })
}

/// Stage 9: the `relations.jsonl` rows of whole components of the relation graph (rows
/// `doc`, `exemplar`, `partners`: numbers of related documents, and the document: `id`,
/// `body`, metadata), given the corpus's `boilerplate`. All of a batch's rows are one
/// call (several components may share it; none may be split). Columns as
/// `relations.jsonl`: `a`, `b`, `kind`, `jaccard`, `containment_a`, `containment_b`,
/// `passages`, `original`, `why`, `via`.
#[pyfunction]
#[pyo3(signature = (documents, boilerplate, *, config = None, settings = None))]
pub fn shard_relations<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    boilerplate: Vec<i64>,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = crate::batches(documents)?;
    let out = py.detach(|| -> crate::errors::Result<RecordBatch> {
        let cfg = cfg.load()?;
        shard::relations(&concat(&batches)?, &boilerplate, &cfg.relate)
    })?;
    let schema = out.schema();
    Ok(PyTable::try_new(vec![out], schema)?
        .into_pyarrow(py)?
        .unbind())
}

/// Stage 7's contraction step: per vertex of `edges` (`a`, `b`; all of the input's
/// batches together), its `label`: the smallest number of its component among these
/// edges. Columns `doc`, `label`.
#[pyfunction]
#[pyo3(signature = (edges,))]
pub fn shard_components(py: Python<'_>, edges: AnyRecordBatch) -> PyResult<Py<PyAny>> {
    let batches = crate::batches(edges)?;
    let out = py.detach(|| -> crate::errors::Result<RecordBatch> {
        let all = concat(&batches)?;
        shard::components(col(&all, "a")?.as_ref(), col(&all, "b")?.as_ref())
    })?;
    let schema = out.schema();
    Ok(PyTable::try_new(vec![out], schema)?
        .into_pyarrow(py)?
        .unbind())
}

/// Stage 8: per row of labels (`a`, `b`), the pair of representatives to verify, if any.
/// Columns `a`, `b`.
#[pyfunction]
#[pyo3(signature = (rows,))]
pub fn shard_regroup(py: Python<'_>, rows: AnyRecordBatch) -> PyResult<Py<PyAny>> {
    each(py, rows, None, None, |b, _| {
        shard::regroup(col(b, "a")?.as_ref(), col(b, "b")?.as_ref())
    })
}

/// What documents (`id`, `body`, optional `title`, `date`, `lang`) add to the corpus's
/// story counts: rows `name`, `df`, `words`; the row with a null name holds the documents
/// counted (`df`) and their summed lengths (`words`). Summed by name over every batch of a
/// corpus, they make its [`StoryCorpus`].
#[pyfunction]
#[pyo3(signature = (documents, *, config = None, settings = None))]
pub fn story_counts<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, documents, config, settings, |b, c| {
        story_shard::counts(b, &c.story)
    })
}

/// A corpus's story counts (the summed rows of `story_counts`), held once per worker:
/// every vector and block is weighted by them, as `samestory run` weights its whole input.
#[pyclass(name = "StoryCorpus", module = "samestory._samestory", frozen)]
pub struct PyStoryCorpus(StoryCorpus);

#[pymethods]
impl PyStoryCorpus {
    /// From the rows `name`, `df`, `words` (a Table, RecordBatch or stream).
    #[new]
    fn new(py: Python<'_>, counts: AnyRecordBatch) -> PyResult<Self> {
        let batches = crate::batches(counts)?;
        let corpus = py.detach(|| StoryCorpus::from_batches(&batches))?;
        Ok(PyStoryCorpus(corpus))
    }

    /// Documents counted.
    #[getter]
    fn documents(&self) -> u64 {
        self.0.docs()
    }

    /// Distinct features counted.
    #[getter]
    fn features(&self) -> usize {
        self.0.features()
    }
}

/// Each document's story vector weighted by `corpus`: `id`, `day`, `features`
/// (`{name, weight}`), `strongest` (the names the clustering indexes it by).
#[pyfunction]
#[pyo3(signature = (documents, corpus, *, config = None, settings = None))]
pub fn story_vectors<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    corpus: &PyStoryCorpus,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, documents, config, settings, |b, c| {
        story_shard::vectors(b, &corpus.0, &c.story)
    })
}

/// The blocking pairs of each strongest feature's row (`members`: list of `{doc, day,
/// features}`): pairs within `story.window_days` whose `story_score` reaches `threshold`.
/// Columns `a`, `b`.
#[pyfunction]
#[pyo3(signature = (rows, threshold, *, config = None, settings = None))]
pub fn story_close_pairs<'py>(
    py: Python<'py>,
    rows: AnyRecordBatch,
    threshold: f32,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    each(py, rows, config, settings, move |b, c| {
        story_shard::close_pairs(col(b, "members")?.as_ref(), threshold, &c.story)
    })
}

/// The story stage over one block of documents (`id`, `body`, `title`, `date`, `lang`,
/// `group`, `links`: ids of related documents), weighted by `corpus`. Columns `id`,
/// `story`.
#[pyfunction]
#[pyo3(signature = (documents, corpus, *, config = None, settings = None))]
pub fn story_block<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    corpus: &PyStoryCorpus,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = crate::batches(documents)?;
    // One block is clustered as a whole, whatever batches it came in.
    let out = py.detach(|| -> crate::errors::Result<RecordBatch> {
        let cfg = cfg.load()?;
        let whole = concat(&batches)?;
        story_shard::block(&whole, &corpus.0, &cfg.story)
    })?;
    let schema = out.schema();
    Ok(PyTable::try_new(vec![out], schema)?
        .into_pyarrow(py)?
        .unbind())
}

fn concat(batches: &[RecordBatch]) -> crate::errors::Result<RecordBatch> {
    match batches {
        [one] => Ok(one.clone()),
        _ => {
            let schema = batches
                .first()
                .map_or_else(|| Arc::new(Schema::empty()), |b| b.schema());
            arrow_select::concat::concat_batches(&schema, batches)
                .map_err(|e| Error::Input(format!("documents: {e}")))
        }
    }
}

/// Registers the plan's functions and `StoryCorpus`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyStoryCorpus>()?;
    m.add_function(wrap_pyfunction!(shard_rules, m)?)?;
    m.add_function(wrap_pyfunction!(shard_keys, m)?)?;
    m.add_function(wrap_pyfunction!(shard_active, m)?)?;
    m.add_function(wrap_pyfunction!(shard_frequent_limit, m)?)?;
    m.add_function(wrap_pyfunction!(shard_print_buckets, m)?)?;
    m.add_function(wrap_pyfunction!(shard_bucket_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(shard_hubs, m)?)?;
    m.add_function(wrap_pyfunction!(shard_hub_hits, m)?)?;
    m.add_function(wrap_pyfunction!(shard_wire_prints, m)?)?;
    m.add_function(wrap_pyfunction!(shard_verify, m)?)?;
    m.add_function(wrap_pyfunction!(shard_regroup, m)?)?;
    m.add_function(wrap_pyfunction!(shard_components, m)?)?;
    m.add_function(wrap_pyfunction!(shard_relations, m)?)?;
    m.add_function(wrap_pyfunction!(story_counts, m)?)?;
    m.add_function(wrap_pyfunction!(story_vectors, m)?)?;
    m.add_function(wrap_pyfunction!(story_close_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(story_block, m)?)?;
    Ok(())
}
