//! The timed path of `dedup-bench run`: the corpus is streamed (a reader thread cuts the
//! JSONL file into blocks of whole lines; each block's records are parsed and sketched in
//! parallel and pushed in file order into a `Relater`), and the bodies that verification
//! needs are re-read from the file by byte offset. Only ids, offsets and sketches stay in
//! memory; bodies never all at once.

use crate::json_str;
use anyhow::{Context, Result};
use rayon::prelude::*;
use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{BodySource, Relater, Relations};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::sync::mpsc::sync_channel;

/// Bytes read per block.
const BLOCK: usize = 8 << 20;

/// Fewest records a parallel task parses: each task makes its own sketcher and buffers.
const MIN_RECORDS_PER_TASK: usize = 64;

/// One JSONL record (other fields ignored); `text` is kept raw (decoded by
/// [`json_str::decode_into`] into a reused buffer), id and date borrowed when they can be.
#[derive(Deserialize)]
struct Rec<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: &'a RawValue,
}

/// Where a body is in the corpus file: the bytes between the quotes of its JSON string,
/// and whether they hold escapes (else they are the body).
#[derive(Clone, Copy)]
struct Span {
    offset: u64,
    len: u32,
    escaped: bool,
}

/// Bodies re-read from the corpus file.
struct FileSource {
    file: std::fs::File,
    lines: Vec<Span>,
}

impl BodySource for FileSource {
    type Error = std::io::Error;

    fn body(&self, index: usize, _id: &str) -> std::io::Result<Cow<'_, str>> {
        let span = self.lines[index];
        let mut buf = vec![0u8; span.len as usize];
        self.file.read_exact_at(&mut buf, span.offset)?;
        let raw = String::from_utf8(buf).map_err(std::io::Error::other)?;
        if !span.escaped {
            return Ok(Cow::Owned(raw));
        }
        let mut text = String::with_capacity(raw.len());
        json_str::decode_into(&raw, &mut text).map_err(std::io::Error::other)?;
        Ok(Cow::Owned(text))
    }
}

/// Runs the engine over the JSONL corpus at `path`.
pub fn relate_file(path: &str, cfg: &RelateConfig) -> Result<Relations> {
    let file = std::fs::File::open(path).with_context(|| path.to_string())?;
    let mut reader = file.try_clone()?;
    let (tx, rx) = sync_channel::<(u64, Vec<u8>)>(2);
    let (free_tx, free_rx) = sync_channel::<Vec<u8>>(4);
    let producer = std::thread::spawn(move || {
        let next_buffer = || free_rx.try_recv().unwrap_or_default();
        read_blocks(&mut reader, next_buffer, |b| tx.send(b).is_ok())
    });
    let mut engine = Relater::new(cfg);
    let mut lines = Vec::new();
    for (base, block) in rx {
        add_block(&mut engine, &mut lines, base, &block)?;
        let _ = free_tx.try_send(block);
    }
    producer.join().expect("reader thread")?;
    eprintln!(
        "sketched {} docs: process CPU {:.2}s",
        engine.len(),
        cpu_secs()
    );
    let source = FileSource { file, lines };
    Ok(engine.finish(&source)?)
}

/// Reads `r` in blocks of whole lines into buffers from `buffer`, passing
/// `(offset of the block, bytes)` to `send`.
fn read_blocks(
    r: &mut impl Read,
    mut buffer: impl FnMut() -> Vec<u8>,
    mut send: impl FnMut((u64, Vec<u8>)) -> bool,
) -> Result<()> {
    let (mut base, mut carry) = (0u64, Vec::new());
    loop {
        let mut block = buffer();
        block.clear();
        block.append(&mut carry);
        let n = (&mut *r).take(BLOCK as u64).read_to_end(&mut block)?;
        let cut = match memchr::memrchr(b'\n', &block) {
            Some(p) if n > 0 => p + 1,
            _ => block.len(),
        };
        carry.extend_from_slice(&block[cut..]);
        block.truncate(cut);
        let len = block.len() as u64;
        if !block.is_empty() && !send((base, block)) {
            return Ok(());
        }
        base += len;
        if n == 0 {
            return Ok(());
        }
    }
}

/// Parses and sketches one block's records in parallel, then pushes them in order.
fn add_block(engine: &mut Relater, lines: &mut Vec<Span>, base: u64, block: &[u8]) -> Result<()> {
    let spans: Vec<(usize, usize)> = line_spans(block);
    let sketched: Vec<_> = spans
        .par_iter()
        .with_min_len(MIN_RECORDS_PER_TASK)
        .map_init(
            || (engine.sketcher(), String::new()),
            |(s, buf), &(a, b)| -> Result<_> {
                let line = &block[a..b];
                let rec: Rec = serde_json::from_slice(line)?;
                let (start, raw) = string_body(line, rec.text)?;
                let escaped = memchr::memchr(b'\\', raw.as_bytes()).is_some();
                let text = if escaped {
                    json_str::decode_into(raw, buf)?;
                    buf.as_str()
                } else {
                    raw
                };
                let span = Span {
                    offset: base + (a + start) as u64,
                    len: raw.len() as u32,
                    escaped,
                };
                let doc = meta(rec.id.into_owned(), rec.date.map(Cow::into_owned));
                Ok((doc, s.sketch(text), span))
            },
        )
        .collect::<Result<_>>()?;
    for (doc, sketch, span) in sketched {
        lines.push(span);
        engine.push(doc, &sketch);
    }
    Ok(())
}

/// The bytes between the quotes of the JSON string `raw` (borrowed from `line`), and
/// where they start in `line`.
fn string_body<'a>(line: &[u8], raw: &'a RawValue) -> Result<(usize, &'a str)> {
    let raw = raw.get();
    let body = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .context("`text` is not a string")?;
    let start = (body.as_ptr() as usize)
        .checked_sub(line.as_ptr() as usize)
        .filter(|s| s + body.len() <= line.len())
        .context("`text` is not borrowed from its line")?;
    Ok((start, body))
}

/// `(start, end)` of every non-empty line of `block`.
fn line_spans(block: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', block).chain([block.len()]) {
        if nl > start {
            out.push((start, nl));
        }
        start = nl + 1;
    }
    out
}

/// CPU seconds (user + system) of this process so far, from `/proc/self/stat` (0 elsewhere).
pub fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<f64> = after
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    // fields after the command: state(skipped, not a number) ppid ... utime is field 14 overall
    f.get(10)
        .zip(f.get(11))
        .map_or(0.0, |(u, s)| (u + s) / 100.0)
}

/// The metadata the engine reads: id and date (bodies stay in the file).
pub fn meta(id: String, date: Option<String>) -> Document {
    Document {
        date,
        ..Document::new(id, Format::Jsonl, String::new())
    }
}
