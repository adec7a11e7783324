//! Opening an input: JSON Lines and WARC are streamed, everything else is read whole.
//!
//! [`open`] decompresses on the fly (gzip / zstd by magic bytes) and looks at the first
//! non-blank line. A UTF-8 JSON object there makes the input a [`JsonlStream`], which hands
//! out [`LineBlock`]s of about `cfg.stream_block_bytes` of whole lines: a dump of any size
//! costs one block of memory and is not bound by `max_file_bytes`. A line longer than
//! `max_line_bytes` becomes one error and an empty line (numbering is kept); bytes that are
//! not UTF-8 are replaced, with one warning per input; a read or decompression error ends
//! the stream after the blocks already read. A WARC input (first line `WARC/…`) becomes a
//! [`WarcStream`] handing out its records in batches of about the same size, a parse error
//! ending it after the records read before. Any other input comes back as its bytes (at most
//! `max_file_bytes`) for the whole-file path. A Parquet input (`PAR1`, see
//! [`sniff::is_parquet`]) is read from its footer, so only a plain file on disk can be one: it
//! becomes a [`crate::parquet::ParquetStream`] (with the `parquet` feature), and Parquet on
//! standard input or inside gzip / zstd is an error saying so. Knows nothing of what a record
//! means.

use crate::decode::{open_decompressed, read_error, read_limited_into, LimitedRead};
use crate::sources::InputSource;
use crate::{sniff, IngestError, IngestWarning, InputFile};
use samestory_core::{Format, IngestConfig};
use std::io::{BufRead, Read};

/// What [`open`] found.
pub enum Opened {
    /// A JSON Lines input, to be read block by block.
    Jsonl(JsonlStream),
    /// A WARC input, to be read batch by batch.
    Warc(WarcStream),
    /// A Parquet file, to be read row group by row group.
    #[cfg(feature = "parquet")]
    Parquet(Box<crate::parquet::ParquetStream>),
    /// Any other input: its decompressed bytes.
    Bytes(Vec<u8>),
}

impl std::fmt::Debug for Opened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Opened::Jsonl(s) => write!(f, "Jsonl({})", s.input.display),
            Opened::Warc(s) => write!(f, "Warc({})", s.input.display),
            #[cfg(feature = "parquet")]
            Opened::Parquet(s) => write!(f, "Parquet({})", s.input().display),
            Opened::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
        }
    }
}

/// Whole lines of a JSON Lines input.
#[derive(Debug, Default)]
pub struct LineBlock {
    /// 1-based number of the block's first line.
    pub first_line: usize,
    /// The lines (the input's last line may lack its `\n`).
    pub text: String,
    /// One error per line of the block that was too long (it is empty in `text`).
    pub skipped: Vec<IngestError>,
    /// Set on the first block whose bytes were not all UTF-8 (they were replaced).
    pub warning: Option<IngestWarning>,
}

impl LineBlock {
    /// `(line number, line)` of every non-blank line, in order.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> {
        self.text
            .split('\n')
            .enumerate()
            .map(|(i, l)| (self.first_line + i, l.strip_suffix('\r').unwrap_or(l)))
            .filter(|(_, l)| !l.trim().is_empty())
    }
}

/// A JSON Lines input being read block by block.
pub struct JsonlStream {
    input: InputFile,
    reader: Box<dyn BufRead + Send>,
    codec: Option<&'static str>,
    next_line: usize,
    block_bytes: usize,
    max_line: usize,
    head: Vec<u8>,
    warned: bool,
    done: bool,
}

/// Opens `input`: a [`JsonlStream`] when its first non-blank line is a JSON object in UTF-8,
/// else all its bytes.
pub fn open(input: &InputFile, cfg: &IngestConfig) -> Result<Opened, IngestError> {
    let (reader, codec) = open_decompressed(input)?;
    open_decoded(input, reader, codec, cfg)
}

/// [`open`] of bytes from any reader (`input` names them): decompressed as needed.
pub fn open_reader(
    input: &InputFile,
    raw: Box<dyn Read + Send>,
    cfg: &IngestConfig,
) -> Result<Opened, IngestError> {
    let (reader, codec) = crate::decode::decompressed(input, raw)?;
    open_decoded(input, reader, codec, cfg)
}

fn open_decoded(
    input: &InputFile,
    mut reader: Box<dyn BufRead + Send>,
    codec: Option<&'static str>,
    cfg: &IngestConfig,
) -> Result<Opened, IngestError> {
    let first = reader.fill_buf();
    if sniff::is_parquet(first.map_err(|source| read_error(input, codec, source))?) {
        return open_parquet(input, codec, cfg);
    }
    let head = read_head(&mut reader, cfg.max_line_bytes, cfg.max_file_bytes)
        .map_err(|source| read_error(input, codec, source))?;
    if sniff::is_warc(&head) {
        return Ok(Opened::Warc(WarcStream::new(input, head, reader, cfg)));
    }
    if is_jsonl_head(&head) {
        return Ok(Opened::Jsonl(JsonlStream {
            input: input.clone(),
            reader,
            codec,
            next_line: 1,
            block_bytes: cfg.stream_block_bytes.max(1),
            max_line: cfg.max_line_bytes,
            head: strip_utf8_bom(head),
            warned: false,
            done: false,
        }));
    }
    let mut bytes = head;
    read_limited_into(&input.display, reader, cfg.max_file_bytes, &mut bytes).map_err(
        |e| match e {
            LimitedRead::Io(source) => read_error(input, codec, source),
            LimitedRead::TooLarge(err) => err,
        },
    )?;
    Ok(Opened::Bytes(bytes))
}

/// A Parquet input: its stream when it is a plain file, else the error saying why not.
fn open_parquet(
    input: &InputFile,
    codec: Option<&'static str>,
    cfg: &IngestConfig,
) -> Result<Opened, IngestError> {
    let needs_file = |inside| IngestError::ParquetNeedsFile {
        path: input.display.clone(),
        inside,
    };
    let path = match (&input.source, codec) {
        (_, Some("gzip")) => return Err(needs_file("inside gzip")),
        (_, Some(_)) => return Err(needs_file("inside zstd")),
        (InputSource::Stdin, None) => return Err(needs_file("on standard input")),
        (InputSource::Path(path), None) => path,
    };
    #[cfg(feature = "parquet")]
    {
        let stream = crate::parquet::open(input, path, cfg)?;
        Ok(Opened::Parquet(Box::new(stream)))
    }
    #[cfg(not(feature = "parquet"))]
    {
        let _ = (path, cfg);
        Err(IngestError::ParquetDisabled {
            path: input.display.clone(),
        })
    }
}

/// The input's leading blank lines and its first non-blank line (at most `max_line` + 1
/// bytes of it); it stops past `max_file` bytes of blanks (the whole-file path then
/// rejects the input as too large).
fn read_head(
    reader: &mut impl BufRead,
    max_line: usize,
    max_file: u64,
) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::new();
    loop {
        let start = head.len();
        let n = reader
            .by_ref()
            .take(max_line as u64 + 1)
            .read_until(b'\n', &mut head)?;
        let blank = head[start..].iter().all(u8::is_ascii_whitespace);
        if n == 0 || !blank || head.len() as u64 > max_file {
            return Ok(head);
        }
    }
}

/// Whether the head is UTF-8 text whose first non-blank line is a JSON object.
fn is_jsonl_head(head: &[u8]) -> bool {
    let body = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    !body.contains(&0)
        && std::str::from_utf8(body).is_ok_and(|t| sniff::sniff_text(t) == Format::Jsonl)
}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

fn strip_utf8_bom(mut head: Vec<u8>) -> Vec<u8> {
    if head.starts_with(UTF8_BOM) {
        head.drain(..UTF8_BOM.len());
    }
    head
}

impl JsonlStream {
    /// The input being read.
    pub fn input(&self) -> &InputFile {
        &self.input
    }

    /// The next block of lines; an error ends the stream; `None` once it has ended.
    pub fn next_block(&mut self) -> Option<Result<LineBlock, IngestError>> {
        if self.done {
            return None;
        }
        let mut bytes = std::mem::take(&mut self.head);
        let mut skipped = Vec::new();
        if let Err(e) = self.fill(&mut bytes, &mut skipped) {
            self.done = true;
            return Some(Err(e));
        }
        if bytes.is_empty() && skipped.is_empty() {
            self.done = true;
            return None;
        }
        Some(Ok(self.block(bytes, skipped)))
    }

    /// Appends whole lines to `bytes` until it holds about `block_bytes` or the input ends;
    /// a too-long line is left empty and its error put in `skipped`.
    fn fill(
        &mut self,
        bytes: &mut Vec<u8>,
        skipped: &mut Vec<IngestError>,
    ) -> Result<(), IngestError> {
        let mut lines = bytes.iter().filter(|&&b| b == b'\n').count();
        while bytes.len() < self.block_bytes {
            let start = bytes.len();
            let n = self.read_line_into(bytes)?;
            if n == 0 {
                break;
            }
            if n > self.max_line && bytes.last() != Some(&b'\n') {
                bytes.truncate(start);
                let extra = self.skip_line()?;
                skipped.push(self.too_long(self.next_line + lines, n + extra));
                bytes.push(b'\n');
            }
            lines += 1;
        }
        Ok(())
    }

    /// Reads one line (at most `max_line` + 1 bytes of it) into `bytes`; its length.
    fn read_line_into(&mut self, bytes: &mut Vec<u8>) -> Result<usize, IngestError> {
        let limit = self.max_line as u64 + 1;
        let reader = &mut self.reader;
        let result = reader.by_ref().take(limit).read_until(b'\n', bytes);
        result.map_err(|source| read_error(&self.input, self.codec, source))
    }

    /// Consumes the rest of a too-long line, through its `\n`; the bytes consumed.
    fn skip_line(&mut self) -> Result<usize, IngestError> {
        let mut sink = Vec::new();
        let mut total = 0;
        loop {
            sink.clear();
            let n = self.read_line_into(&mut sink)?;
            total += n;
            if sink.ends_with(b"\n") {
                return Ok(total - 1);
            }
            if n == 0 {
                return Ok(total);
            }
        }
    }

    fn too_long(&self, line: usize, bytes: usize) -> IngestError {
        IngestError::LineTooLong {
            path: self.input.display.clone(),
            line,
            bytes,
            limit: self.max_line,
        }
    }

    /// The block of `bytes` (whole lines), decoded; the first invalid bytes warn once.
    fn block(&mut self, bytes: Vec<u8>, skipped: Vec<IngestError>) -> LineBlock {
        let first_line = self.next_line;
        self.next_line += bytes.iter().filter(|&&b| b == b'\n').count();
        let (text, warning) = match String::from_utf8(bytes) {
            Ok(text) => (text, None),
            Err(e) => (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                self.warn_once(),
            ),
        };
        LineBlock {
            first_line,
            text,
            skipped,
            warning,
        }
    }

    fn warn_once(&mut self) -> Option<IngestWarning> {
        let first = !std::mem::replace(&mut self.warned, true);
        first.then(|| IngestWarning::InvalidBytesReplaced {
            path: self.input.display.clone(),
            encoding: "UTF-8",
        })
    }
}

/// A WARC record as the `warc` crate reads it.
pub type WarcRecord = warc::Record<warc::BufferedBody>;

/// Records of a WARC input, and the error that ended it there, if one did.
#[derive(Debug, Default)]
pub struct WarcBatch {
    /// The records, in file order.
    pub records: Vec<WarcRecord>,
    /// A parse error after them (the input ends there).
    pub error: Option<IngestError>,
}

/// A WARC input being read batch by batch.
pub struct WarcStream {
    input: InputFile,
    records: warc::RecordIter<Box<dyn BufRead + Send>>,
    read: usize,
    block_bytes: usize,
    done: bool,
}

impl WarcStream {
    fn new(
        input: &InputFile,
        head: Vec<u8>,
        rest: Box<dyn BufRead + Send>,
        cfg: &IngestConfig,
    ) -> Self {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(head).chain(rest));
        WarcStream {
            input: input.clone(),
            records: warc::WarcReader::new(reader).iter_records(),
            read: 0,
            block_bytes: cfg.stream_block_bytes.max(1),
            done: false,
        }
    }

    /// The input being read.
    pub fn input(&self) -> &InputFile {
        &self.input
    }

    /// The next records (about `stream_block_bytes` of bodies); `None` once it has ended.
    pub fn next_batch(&mut self) -> Option<WarcBatch> {
        let mut batch = WarcBatch::default();
        let mut bytes = 0;
        while !self.done && bytes < self.block_bytes {
            match self.records.next() {
                Some(Ok(record)) => {
                    bytes += record.body().len();
                    self.read += 1;
                    batch.records.push(record);
                }
                Some(Err(e)) => {
                    self.done = true;
                    batch.error = Some(IngestError::BadWarc {
                        path: self.input.display.clone(),
                        records_read: self.read,
                        why: e.to_string(),
                    });
                }
                None => self.done = true,
            }
        }
        let empty = batch.records.is_empty() && batch.error.is_none();
        (!empty).then_some(batch)
    }
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
