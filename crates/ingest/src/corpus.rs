//! Reads all inputs into a [`Corpus`]: expands paths, reads files in parallel chunks
//! (rayon), streams JSON Lines, Parquet and WARC inputs block by block (each block's records
//! extracted in parallel), reports every bad file or record once through [`ReadEvents`],
//! drops duplicate ids, hands each batch of documents to the caller (the relation engine
//! sketches them) and spills their bodies to a temporary file ([`BodySpill`]). Memory holds
//! metadata and one batch of text, not the corpus' text (an HTML, text or markdown file is
//! read whole).
//!
//! Never prints: problems and progress go to the caller's [`ReadEvents`]; only the body
//! spill failing stops reading ([`CorpusError`]).

use crate::jsonl::read_stream as read_jsonl_stream;
use crate::jsonl::{read_object, RecordAt, RecordTally};
use crate::sources::InputSource;
use crate::stream::{open, JsonlStream, LineBlock, Opened, WarcStream};
use crate::warc::{read_record as read_warc_record, read_stream as read_warc_stream};
use crate::{
    collect_inputs, read_whole, FileOutcome, IdSet, IngestError, IngestWarning, InputFile,
};
use rayon::prelude::*;
use samestory_core::{BodySpill, BodyStore, Document, IngestConfig};

/// Files read in parallel per chunk.
const FILES_PER_CHUNK: usize = 64;

/// What reading reports as it goes: every bad input or record, every warning, and progress.
/// Called from reading threads (hence `Sync`); the default progress methods do nothing.
pub trait ReadEvents: Sync {
    /// A bad file, record or argument (it is skipped; reading goes on).
    fn error(&self, error: &IngestError);
    /// A problem that did not stop reading (e.g. invalid bytes replaced).
    fn warning(&self, warning: &IngestWarning);
    /// The inputs were expanded: `files` files will be read.
    fn files_found(&self, _files: usize) {}
    /// One more file was read.
    fn file_done(&self) {}
    /// `documents` documents were admitted so far.
    fn documents_read(&self, _documents: usize) {}
}

/// Why reading stopped: the body spill could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// Creating, writing or finishing the temporary body file failed.
    #[error("body spill file: cannot {what}: {source}")]
    Spill {
        /// What was being done ("create", "write", "finish").
        what: &'static str,
        /// The I/O error.
        source: std::io::Error,
    },
}

fn spill_error(what: &'static str) -> impl FnOnce(std::io::Error) -> CorpusError {
    move |source| CorpusError::Spill { what, source }
}

/// Every document read, sorted by id, with its body in the spill store.
pub struct Corpus {
    /// Documents sorted by id; `body` is empty (see `bodies`).
    pub docs: Vec<Document>,
    /// Bodies, same indices as `docs`.
    pub bodies: BodyStore,
}

/// Documents as read, before sorting: `read_order` indices match the spill.
pub struct ReadCorpus {
    docs: Vec<Document>,
    bodies: BodyStore,
}

/// Reads every input; `on_batch` sees each batch's documents (with bodies) in read order.
pub fn read_corpus(
    paths: &[String],
    cfg: &IngestConfig,
    events: &dyn ReadEvents,
    on_batch: impl FnMut(&[Document]),
) -> Result<ReadCorpus, CorpusError> {
    let (files, errors) = collect_inputs(paths);
    errors.iter().for_each(|e| events.error(e));
    events.files_found(files.len());
    let mut reader = Reader {
        spill: BodySpill::new().map_err(spill_error("create"))?,
        docs: Vec::new(),
        ids: IdSet::default(),
        on_batch,
        events,
    };
    for chunk in files.chunks(FILES_PER_CHUNK) {
        reader.chunk(chunk, cfg)?;
    }
    let bodies = reader.spill.finish().map_err(spill_error("finish"))?;
    Ok(ReadCorpus {
        docs: reader.docs,
        bodies,
    })
}

/// The state of [`read_corpus`] between batches.
struct Reader<'e, F> {
    spill: BodySpill,
    docs: Vec<Document>,
    ids: IdSet,
    on_batch: F,
    events: &'e dyn ReadEvents,
}

/// One input of a chunk, opened: read whole (and extracted), or a stream still to read.
enum Opening {
    Read(FileOutcome),
    Jsonl(Box<JsonlStream>),
    Warc(Box<WarcStream>),
    #[cfg(feature = "parquet")]
    Parquet(Box<crate::parquet::ParquetStream>),
}

impl<F: FnMut(&[Document])> Reader<'_, F> {
    /// Reads a chunk of files in file order: whole files in parallel, streams one by one.
    fn chunk(&mut self, chunk: &[InputFile], cfg: &IngestConfig) -> Result<(), CorpusError> {
        let events = self.events;
        let opened: Vec<Opening> = chunk.par_iter().map(|f| opening(f, cfg, events)).collect();
        let mut pending = Vec::new();
        for item in opened {
            match item {
                Opening::Read(outcome) => pending.push(outcome),
                Opening::Jsonl(stream) => {
                    self.deliver(std::mem::take(&mut pending))?;
                    self.jsonl(*stream, cfg)?;
                    events.file_done();
                }
                Opening::Warc(stream) => {
                    self.deliver(std::mem::take(&mut pending))?;
                    self.warc(*stream, cfg)?;
                    events.file_done();
                }
                #[cfg(feature = "parquet")]
                Opening::Parquet(mut stream) => {
                    self.deliver(std::mem::take(&mut pending))?;
                    let input = stream.input().clone();
                    let blocks = std::iter::from_fn(|| stream.next_block());
                    self.blocks(&input, blocks, RecordTally::parquet(), RecordAt::Row, cfg)?;
                    events.file_done();
                }
            }
        }
        self.deliver(pending)
    }

    /// Reads a WARC stream, one batch per batch of records (extracted in parallel).
    fn warc(&mut self, mut stream: WarcStream, cfg: &IngestConfig) -> Result<(), CorpusError> {
        let input = stream.input().clone();
        while let Some(batch) = stream.next_batch() {
            let mut outcomes: Vec<FileOutcome> = batch
                .records
                .into_par_iter()
                .map(|record| {
                    let mut out = FileOutcome::default();
                    read_warc_record(&input, record, cfg, &mut out);
                    out
                })
                .collect();
            outcomes.push(FileOutcome {
                errors: batch.error.into_iter().collect(),
                ..FileOutcome::default()
            });
            self.deliver(outcomes)?;
        }
        Ok(())
    }

    /// Reads a JSON Lines stream, one batch per block.
    fn jsonl(&mut self, mut stream: JsonlStream, cfg: &IngestConfig) -> Result<(), CorpusError> {
        let input = stream.input().clone();
        let blocks = std::iter::from_fn(|| stream.next_block());
        self.blocks(&input, blocks, RecordTally::default(), RecordAt::Line, cfg)
    }

    /// Reads blocks of records (JSON objects, one a line, numbered `at(n)`: a JSON Lines or
    /// a Parquet stream), one batch per block, each block's records extracted in parallel.
    fn blocks(
        &mut self,
        input: &InputFile,
        blocks: impl Iterator<Item = Result<LineBlock, IngestError>>,
        mut tally: RecordTally,
        at: fn(usize) -> RecordAt,
        cfg: &IngestConfig,
    ) -> Result<(), CorpusError> {
        for block in blocks {
            let mut out = FileOutcome::default();
            match block {
                Ok(mut block) => {
                    tally.take_block_notes(&mut block, &mut out);
                    let results = records(input, &block, at, cfg);
                    results.into_iter().for_each(|r| tally.take(r, &mut out));
                }
                Err(e) => out.errors.push(e),
            }
            self.deliver(vec![out])?;
        }
        let mut out = FileOutcome::default();
        tally.finish(input, &cfg.jsonl, &mut out);
        self.deliver(vec![out])
    }

    /// Reports the outcomes' problems, admits their documents, hands them to `on_batch`
    /// and spills their bodies.
    fn deliver(&mut self, outcomes: Vec<FileOutcome>) -> Result<(), CorpusError> {
        let batch = admitted(outcomes, &mut self.ids, &self.docs, self.events);
        if batch.is_empty() {
            return Ok(());
        }
        (self.on_batch)(&batch);
        for mut doc in batch {
            self.spill.push(&doc.body).map_err(spill_error("write"))?;
            doc.body = String::new();
            self.docs.push(doc);
        }
        self.events.documents_read(self.docs.len());
        Ok(())
    }
}

/// Opens one input; one that is small or not a container is read and extracted at once
/// (files in parallel), a big container is left to stream (records in parallel).
fn opening(input: &InputFile, cfg: &IngestConfig, events: &dyn ReadEvents) -> Opening {
    let small = is_small(input, cfg);
    let outcome = match open(input, cfg) {
        Ok(Opened::Jsonl(stream)) if small => read_jsonl_stream(stream, cfg),
        Ok(Opened::Warc(stream)) if small => read_warc_stream(stream, cfg),
        Ok(Opened::Jsonl(stream)) => return Opening::Jsonl(Box::new(stream)),
        Ok(Opened::Warc(stream)) => return Opening::Warc(Box::new(stream)),
        #[cfg(feature = "parquet")]
        Ok(Opened::Parquet(stream)) => return Opening::Parquet(stream),
        Ok(Opened::Bytes(bytes)) => read_whole(input, bytes, cfg),
        Err(e) => FileOutcome {
            errors: vec![e],
            ..FileOutcome::default()
        },
    };
    events.file_done();
    Opening::Read(outcome)
}

/// Whether `input` is a file of at most one stream block on disk.
fn is_small(input: &InputFile, cfg: &IngestConfig) -> bool {
    match &input.source {
        InputSource::Path(p) => {
            std::fs::metadata(p).is_ok_and(|m| m.len() <= cfg.stream_block_bytes as u64)
        }
        InputSource::Stdin => false,
    }
}

/// The block's records (numbered `at(n)`), extracted in parallel, in line order.
fn records(
    input: &InputFile,
    block: &LineBlock,
    at: fn(usize) -> RecordAt,
    cfg: &IngestConfig,
) -> Vec<Result<Document, IngestError>> {
    let lines: Vec<(usize, &str)> = block.lines().collect();
    lines
        .par_iter()
        .map(|&(n, line)| read_object(input, at(n), line, cfg))
        .collect()
}

impl ReadCorpus {
    /// The documents in read order (what `on_batch` saw), bodies empty.
    pub fn docs(&self) -> &[Document] {
        &self.docs
    }

    /// The spilled bodies in read order (what `on_batch` saw).
    pub fn bodies(&self) -> &BodyStore {
        &self.bodies
    }

    /// Sorts by id; returns the corpus and, per sorted position, the read-order index.
    pub fn sort_by_id(self) -> (Corpus, Vec<usize>) {
        let ReadCorpus { docs, mut bodies } = self;
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
        let mut slots: Vec<Option<Document>> = docs.into_iter().map(Some).collect();
        let docs = order.iter().filter_map(|&i| slots[i].take()).collect();
        bodies.permute(&order);
        (Corpus { docs, bodies }, order)
    }
}

/// Reports the chunk's problems and keeps the documents whose ids are new; `earlier` are
/// the documents admitted before this chunk (to name where a repeated id was first seen).
fn admitted(
    outcomes: Vec<FileOutcome>,
    ids: &mut IdSet,
    earlier: &[Document],
    events: &dyn ReadEvents,
) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    for outcome in outcomes {
        outcome.warnings.iter().for_each(|w| events.warning(w));
        outcome.errors.iter().for_each(|e| events.error(e));
        for doc in outcome.documents {
            let position = (earlier.len() + docs.len()) as u32;
            match ids.admit(&doc.id, position) {
                Ok(()) => docs.push(doc),
                Err(first) => {
                    let first = first as usize;
                    let first = earlier
                        .get(first)
                        .or_else(|| docs.get(first.checked_sub(earlier.len())?))
                        .map_or_else(String::new, |d| d.source.clone());
                    events.error(&IngestError::DuplicateId {
                        record: doc.source.clone(),
                        id: doc.id.clone(),
                        first,
                    });
                }
            }
        }
    }
    docs
}
