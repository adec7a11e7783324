//! Ingestion: turns paths (files, directories, globs, `-` for stdin) into clean [`Document`]s.
//!
//! Flow per input file: [`sources`] expands arguments into [`InputFile`]s with stable ids →
//! [`decode`] reads bytes, undoes gzip/zstd, decodes the charset → [`sniff`] decides the shape
//! (WARC, JSONL, HTML, markdown, text) → [`html`] or [`plain`] extract a body and metadata as an
//! [`Extracted`] → [`assemble`] fills outlet, language and canonical URL into a `Document`.
//! [`stream`] opens an input and streams containers (JSON Lines, WARC, and Parquet with the
//! `parquet` feature) in blocks of records; [`jsonl`] and [`warc`] turn those records into
//! documents through the same path (a Parquet row is read as a JSON Lines record).
//!
//! This crate never prints and never panics on bad input: every problem is an [`IngestError`]
//! naming the path (and line or record), and one bad record never hides the good ones.

pub mod assemble;
pub mod corpus;
pub mod decode;
mod error;
pub mod guard;
pub mod html;
pub mod jsonl;
pub mod meta;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod plain;
pub mod sniff;
pub mod sources;
pub mod stream;
pub mod warc;

pub use error::{IngestError, IngestWarning};
pub use samestory_core::{Document, Format, RemovedLine};
pub use sources::{collect_inputs, InputFile};

use samestory_core::IngestConfig;

/// What one extractor (HTML or text) found in one record, before assembly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extracted {
    /// Headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication time, RFC 3339 (see [`meta::timestamp`]), when the input gives a time of
    /// day with an offset; [`assemble`] keeps it only when its day is `date`.
    pub published: Option<String>,
    /// URL as found (canonicalised later by [`assemble`]).
    pub url: Option<String>,
    /// Byline: the persons, as one string.
    pub byline: Option<String>,
    /// The persons, each once (empty: [`assemble`] splits `byline`).
    pub authors: Vec<String>,
    /// An organisation credited (wire agency, desk), when the input names one.
    pub credit: Option<String>,
    /// Outlet / site name as the page states it.
    pub outlet: Option<String>,
    /// Language as the page declares it (e.g. `<html lang>`), if any.
    pub declared_lang: Option<String>,
    /// Cleaned body, paragraphs separated by `"\n\n"`.
    pub body: String,
    /// Lines removed by cleaning.
    pub removed: Vec<RemovedLine>,
}

/// Everything read from one input file: its documents, its errors, its warnings.
#[derive(Debug, Default)]
pub struct FileOutcome {
    /// Good documents, in record order.
    pub documents: Vec<Document>,
    /// Bad records (or the whole file, when it could not be read).
    pub errors: Vec<IngestError>,
    /// Problems that did not stop reading (e.g. invalid bytes replaced).
    pub warnings: Vec<IngestWarning>,
}

/// Reads one input file completely: decode, sniff, split records, extract, assemble.
/// JSON Lines, Parquet and WARC are streamed (see [`stream`]), here on the calling thread.
pub fn read_file(input: &InputFile, cfg: &IngestConfig) -> FileOutcome {
    match stream::open(input, cfg) {
        Ok(stream::Opened::Jsonl(s)) => jsonl::read_stream(s, cfg),
        Ok(stream::Opened::Warc(s)) => warc::read_stream(s, cfg),
        #[cfg(feature = "parquet")]
        Ok(stream::Opened::Parquet(s)) => parquet::read_stream(*s, cfg),
        Ok(stream::Opened::Bytes(bytes)) => read_whole(input, bytes, cfg),
        Err(e) => FileOutcome {
            errors: vec![e],
            ..FileOutcome::default()
        },
    }
}

/// Reads one input that is not JSON Lines from its decompressed bytes.
pub fn read_whole(input: &InputFile, bytes: Vec<u8>, cfg: &IngestConfig) -> FileOutcome {
    let mut outcome = FileOutcome::default();
    match decode::check_not_empty(input, bytes) {
        Ok(bytes) => dispatch(input, bytes, cfg, &mut outcome),
        Err(e) => outcome.errors.push(e),
    }
    outcome
}

fn dispatch(input: &InputFile, bytes: Vec<u8>, cfg: &IngestConfig, out: &mut FileOutcome) {
    if sniff::is_warc(&bytes) {
        return warc::read_records(input, &bytes, cfg, out);
    }
    let text = match decode::decode_text_owned(input, bytes) {
        Ok((text, warning)) => {
            out.warnings.extend(warning);
            text
        }
        Err(e) => return out.errors.push(e),
    };
    if let Err(e) = check_line_lengths(input, &text, cfg) {
        return out.errors.push(e);
    }
    match sniff::sniff_text(&text) {
        Format::Jsonl => jsonl::read_records(input, &text, cfg, out),
        format => push_single(input, &text, format, cfg, out),
    }
}

fn check_line_lengths(
    input: &InputFile,
    text: &str,
    cfg: &IngestConfig,
) -> Result<(), IngestError> {
    let limit = cfg.max_line_bytes;
    match text.split('\n').enumerate().find(|(_, l)| l.len() > limit) {
        Some((i, l)) => Err(IngestError::LineTooLong {
            path: input.display.clone(),
            line: i + 1,
            bytes: l.len(),
            limit,
        }),
        None => Ok(()),
    }
}

fn push_single(
    input: &InputFile,
    text: &str,
    format: Format,
    cfg: &IngestConfig,
    out: &mut FileOutcome,
) {
    let record = assemble::Record {
        id: input.id.clone(),
        source: input.display.clone(),
        format,
    };
    match extract_any(text, format, cfg) {
        Some(extracted) => out
            .documents
            .push(assemble::assemble(record, extracted, cfg)),
        None => out.errors.push(IngestError::NoText {
            path: input.display.clone(),
        }),
    }
}

/// Extracts body and metadata from a decoded text of a known shape; `None` when no body text.
pub fn extract_any(text: &str, format: Format, cfg: &IngestConfig) -> Option<Extracted> {
    let extracted = match format {
        Format::Html => html::extract(text, cfg),
        _ => plain::extract(text, format, cfg),
    };
    (!extracted.body.trim().is_empty()).then_some(extracted)
}

/// The ids seen so far, for the rule "a repeated id is an input error for the later record"
/// (input order decides, which is deterministic because inputs are sorted by id). Holds a
/// 128-bit hash of each id and the position of the document that brought it, not the id
/// itself: 20 bytes a document, whatever the id's length.
#[derive(Debug, Default)]
pub struct IdSet {
    first: std::collections::HashMap<u128, u32>,
}

impl IdSet {
    /// Admits `id`, brought by the `position`-th admitted document, when it is new; else
    /// returns the position of the document that brought it first.
    pub fn admit(&mut self, id: &str, position: u32) -> Result<(), u32> {
        let key = xxhash_rust::xxh3::xxh3_128(id.as_bytes());
        match self.first.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => Err(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(position);
                Ok(())
            }
        }
    }
}
