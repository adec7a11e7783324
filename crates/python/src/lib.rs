//! The native module of the `samestory` Python package (`samestory._samestory`): Arrow
//! batches in, the library crates' answers out. A thin layer — conversions, error mapping
//! and registration only; every decision is the engine's (ingest, relate, story, compare,
//! pipeline), so Python, Spark and the CLI give the same answers.
//!
//! Each function takes pyarrow arrays, record batches or tables (anything with the Arrow
//! PyCapsule interface), reads them with the GIL held, releases the GIL while Rust works
//! (rayon inside: never a Python call per row), and returns pyarrow objects. Errors come
//! back as one Python class per engine error family ([`errors`]), all subclasses of
//! `samestory.SamestoryError`.
//!
//! Must not: hold engine logic (no thresholds, no rules), print, or call Python per row.

mod arrow;
mod compare;
mod config;
pub mod errors;
mod extract;
mod run;
mod shard;
mod shard_api;
mod sketch;
mod stories;
mod story_shard;
mod verify;

use config::ConfigArgs;
use pyo3::prelude::*;
use pyo3_arrow::input::{AnyArray, AnyRecordBatch};
use pyo3_arrow::{PyArray, PyRecordBatch};
use std::path::PathBuf;

/// The record batches of a batch, table or stream (read with the GIL held).
pub(crate) fn batches(input: AnyRecordBatch) -> PyResult<Vec<arrow_array::RecordBatch>> {
    input
        .into_reader()?
        .collect::<Result<_, _>>()
        .map_err(|e| errors::InputError::new_err(e.to_string()))
}

/// The chunks of an array or chunked array (read with the GIL held).
fn chunks(input: AnyArray) -> PyResult<Vec<arrow_array::ArrayRef>> {
    input
        .into_reader()?
        .collect::<Result<_, _>>()
        .map_err(|e| errors::InputError::new_err(e.to_string()))
}

/// Reads each row of `records` as one JSON Lines record, as `samestory extract` reads a
/// JSON Lines file: the text field (`ingest.jsonl.text`; HTML, markdown or text, sniffed)
/// extracted and cleaned, the record's metadata fields overlaid, quotes and numbers found.
///
/// `records`: a pyarrow Table, RecordBatch or stream. `name` stands for the file: a record
/// without an id field gets `NAME:ROW` (rows numbered from 1). `errors="raise"` raises
/// `IngestError` at the first bad record or repeated id; `"skip"` leaves them out.
/// `facts=False` skips finding quotes and numbers (those columns are then null).
///
/// Returns a pyarrow RecordBatch, one row per document in row order, with the fields of a
/// `samestory extract` line: id, source, format, title, date, published, url, byline,
/// authors, credit, outlet, lang, body, removed, quotes, numbers (a number's `value` is a
/// list: `[v]`, or `[min, max]` for a range). Spans are char offsets into `body`.
#[pyfunction]
#[pyo3(name = "extract", signature = (records, *, name = "records", errors = "raise", facts = true, config = None, settings = None))]
#[allow(clippy::too_many_arguments)]
fn py_extract<'py>(
    py: Python<'py>,
    records: AnyRecordBatch,
    name: &str,
    errors: &str,
    facts: bool,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let on_error = match errors {
        "raise" => extract::OnError::Raise,
        "skip" => extract::OnError::Skip,
        other => {
            return Err(errors::InputError::new_err(format!(
                "errors: \"raise\" or \"skip\", not {other:?}"
            )))
        }
    };
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = batches(records)?;
    let out = py.detach(|| extract::extract(&batches, name, &cfg.load()?, on_error, facts))?;
    Ok(PyRecordBatch::new(out).into_pyarrow(py)?.unbind())
}

/// The relation engine's MinHash signature of each text (a cleaned body): `relate.num_perm`
/// values (32-bit, widened to int64), from the same words and shingles the engine hashes.
///
/// `texts`: a pyarrow string array or chunked array. Returns a `list<int64>` array, null
/// for a null text or one without words (the engine never bands those).
#[pyfunction]
#[pyo3(name = "signatures", signature = (texts, *, config = None, settings = None))]
fn py_signatures<'py>(
    py: Python<'py>,
    texts: AnyArray,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let texts = chunks(texts)?;
    let out = py.detach(|| sketch::signatures(&texts, &cfg.load()?.relate))?;
    Ok(PyArray::from_array_ref(sketch::into_ref(out))
        .to_pyarrow(py)?
        .unbind())
}

/// The relation engine's LSH band keys of each signature: `relate.lsh_bands` keys (32-bit,
/// widened to int64), equal keys meaning a candidate pair in that band.
///
/// `signatures`: `signatures()`' output, or any list array of integers that fit in 32 bits
/// (`relate.num_perm` each). Returns a `list<int64>` array, null for a null signature.
#[pyfunction]
#[pyo3(name = "band_keys", signature = (signatures, *, config = None, settings = None))]
fn py_band_keys<'py>(
    py: Python<'py>,
    signatures: AnyArray,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let sigs = chunks(signatures)?;
    let out = py.detach(|| sketch::band_keys(&sigs, &cfg.load()?.relate))?;
    Ok(PyArray::from_array_ref(sketch::into_ref(out))
        .to_pyarrow(py)?
        .unbind())
}

/// What the relation engine finds between the two texts of each row — the relation
/// `samestory run` would write for those two documents alone.
///
/// `pairs`: a Table or RecordBatch with string columns `a` and `b` (cleaned bodies) and,
/// optionally, `date_a`, `date_b`, `published_a`, `published_b`, `url_a`, `url_b`,
/// `byline_a`, `byline_b`, `credit_a`, `credit_b` (what the engine reads for same-URL and
/// for a reprint's direction).
///
/// Returns a RecordBatch, one row per pair: `kind` (exact, near_duplicate, same_url,
/// reprint; null when the engine reports nothing), `jaccard`, `containment_a`,
/// `containment_b` (exact, over word shingles, 4 decimals), `passages` (`[a_start, a_end,
/// b_start, b_end]` char offsets, reprints only), `original` (`"a"` or `"b"`, reprints
/// only) and `why`.
#[pyfunction]
#[pyo3(name = "verify", signature = (pairs, *, config = None, settings = None))]
fn py_verify<'py>(
    py: Python<'py>,
    pairs: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = batches(pairs)?;
    let out = py.detach(|| verify::verify(&batches, &cfg.load()?.relate))?;
    Ok(PyRecordBatch::new(out).into_pyarrow(py)?.unbind())
}

/// Each document's story features as the story stage weights them: stemmed content terms,
/// names (`@`), places (`#`) and mentioned dates (`~`), BM25-weighted with document
/// frequencies counted over the documents given (and the shipped background table), the
/// title weighted up, truncated to the `story.max_features` strongest, unit length — the
/// vectors whose cosine (times a time decay) is `story_score`.
///
/// `documents`: a Table or RecordBatch with string columns `id` and `body` and, optionally,
/// `title`, `date` (`YYYY-MM-DD`), `lang` (ISO 639-3) and `group` (duplicate group id; the
/// id when absent). Returns a RecordBatch: `id`, `day` (days since 1970-01-01, null when
/// undated), `features` (`list<struct<name, weight>>`, strongest first as the model keeps
/// them).
#[pyfunction]
#[pyo3(name = "story_features", signature = (documents, *, config = None, settings = None))]
fn py_story_features<'py>(
    py: Python<'py>,
    documents: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = batches(documents)?;
    let out = py.detach(|| stories::story_features(&batches, &cfg.load()?.story))?;
    Ok(PyRecordBatch::new(out).into_pyarrow(py)?.unbind())
}

/// Runs the whole pipeline over `paths` and writes its files into `out`, as `samestory run
/// PATHS --out OUT` does: documents.jsonl, relations.jsonl, stories.jsonl and (unless
/// `report=False`) report.html — the CLI's own writers, so the files are the same bytes.
///
/// `paths`: files, directories (read recursively), glob patterns. A bad input or record is
/// skipped and listed in the result's `errors` (the CLI prints it and exits 2); with
/// `strict=True` (the default) `IngestError` is raised after the good inputs are written.
/// Returns a dict: `documents`, `groups`, `stories`, `relations` (the CLI's summary line),
/// `errors`, `warnings`.
#[pyfunction]
#[pyo3(name = "run", signature = (paths, out, *, report = true, strict = true, config = None, settings = None))]
#[allow(clippy::too_many_arguments)]
fn py_run<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    out: PathBuf,
    report: bool,
    strict: bool,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let paths: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let summary = py.detach(|| run::run(&paths, &out, cfg.load()?, report))?;
    if strict && !summary.errors.is_empty() {
        return Err(errors::IngestError::new_err(format!(
            "{} input(s) could not be read (the others were written): {}",
            summary.errors.len(),
            summary.errors.join("; ")
        )));
    }
    let dict = pyo3::types::PyDict::new(py);
    dict.set_item("documents", summary.documents)?;
    dict.set_item("groups", summary.groups)?;
    dict.set_item("stories", summary.stories)?;
    dict.set_item("relations", summary.relations)?;
    dict.set_item("errors", summary.errors)?;
    dict.set_item("warnings", summary.warnings)?;
    Ok(dict.into_any().unbind())
}

/// Each story's comparison by the compare stage itself — what `stories.jsonl` holds beside
/// each story: `quotes` by speaker, `conflicts`, `numbers` stated by two documents or more,
/// `agreed` and `unique` claims.
///
/// `members`: a Table or RecordBatch with string columns `id` and `body` and, optionally,
/// `story` (rows of one story compared together; one story when absent), `group` (duplicate
/// group; the id when absent), `representative` (bool: the group's representative, whose
/// claims count), `date`, `lang` and `borrowed` (`[start, end]` char ranges the member
/// reprints from another, left out of its claims). `samestory run` compares at most
/// `compare.group_docs` members per group and `compare.story_docs` per story; here every
/// member given is compared. Returns a RecordBatch: `story`, `comparison` (JSON text, the
/// stories.jsonl fields).
#[pyfunction]
#[pyo3(name = "compare", signature = (members, *, config = None, settings = None))]
fn py_compare<'py>(
    py: Python<'py>,
    members: AnyRecordBatch,
    config: Option<PathBuf>,
    settings: Option<&Bound<'py, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let cfg = ConfigArgs::new(config, settings)?;
    let batches = batches(members)?;
    let out = py.detach(|| compare::compare(&batches, &cfg.load()?.compare))?;
    Ok(PyRecordBatch::new(out).into_pyarrow(py)?.unbind())
}

/// The native module.
#[pymodule]
fn _samestory(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(py_extract, m)?)?;
    m.add_function(wrap_pyfunction!(py_signatures, m)?)?;
    m.add_function(wrap_pyfunction!(py_band_keys, m)?)?;
    m.add_function(wrap_pyfunction!(py_verify, m)?)?;
    m.add_function(wrap_pyfunction!(py_story_features, m)?)?;
    m.add_function(wrap_pyfunction!(py_run, m)?)?;
    m.add_function(wrap_pyfunction!(py_compare, m)?)?;
    shard_api::register(m)?;
    Ok(())
}
