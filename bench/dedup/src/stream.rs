//! The timed path of `dedup-bench run`: the corpus is streamed (the file is mapped
//! read-only and cut into 8 MB blocks of whole lines; each block's records are parsed and
//! sketched in parallel and pushed in file order into a `Relater`, then the block's pages
//! are released from the process), and the bodies that verification needs are re-read
//! from the file by byte offset. Only ids, offsets and sketches stay in memory; bodies
//! never all at once. Mapping instead of `read` saves the copy into a buffer (~5 % CPU).

use crate::json_str;
use anyhow::{Context, Result};
use rayon::prelude::*;
use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::features::{DocSketch, Sketcher};
use samestory_relate::{BodySource, Relater, Relations};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::os::unix::fs::FileExt;

/// Bytes read per block.
const BLOCK: usize = 8 << 20;

/// Bytes of a block parsed by one parallel task (about 45 news-length records; each task
/// makes its own sketcher and buffers).
const TASK_BYTES: usize = 256 << 10;

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
    let map = map_file(&file).with_context(|| path.to_string())?;
    let mut engine = Relater::new(cfg);
    let mut lines = Vec::new();
    let mut docs = Vec::new();
    let mut base = 0;
    while base < map.len() {
        let end = block_end(&map, base);
        let block = &map[base..end];
        add_block(&mut engine, (&mut docs, &mut lines), base as u64, block)?;
        release(&map, base, end - base);
        base = end;
    }
    eprintln!(
        "sketched {} docs: process CPU {:.2}s",
        engine.len(),
        cpu_secs()
    );
    let source = FileSource { file, lines };
    Ok(engine.finish(&docs, &source)?)
}

/// The corpus file mapped read-only, to be read once from front to back.
#[allow(unsafe_code)]
fn map_file(file: &std::fs::File) -> std::io::Result<memmap2::Mmap> {
    // SAFETY: the bench's corpus is written once by `gen` and not changed while it runs.
    let map = unsafe { memmap2::Mmap::map(file)? };
    map.advise(memmap2::Advice::Sequential)?;
    Ok(map)
}

/// Drops `map[offset..offset + len]`'s pages from this process (they stay in the page
/// cache), so that the mapped file does not count in the peak RSS.
#[allow(unsafe_code)]
fn release(map: &memmap2::Mmap, offset: usize, len: usize) {
    // SAFETY: a read-only shared file mapping: released pages read back from the file
    // unchanged, and nothing borrowed from the released range is used after this.
    let _ = unsafe { map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, offset, len) };
}

/// End of the block that starts at `base`: after its last newline within `BLOCK` bytes
/// (after the first one beyond, for a longer line), or the end of the file.
fn block_end(map: &[u8], base: usize) -> usize {
    let limit = (base + BLOCK).min(map.len());
    if limit == map.len() {
        return limit;
    }
    match memchr::memrchr(b'\n', &map[base..limit]) {
        Some(p) => base + p + 1,
        // One line longer than a block: the block ends with it.
        None => memchr::memchr(b'\n', &map[limit..]).map_or(map.len(), |p| limit + p + 1),
    }
}

/// Parses and sketches one block's records in parallel (byte ranges of whole lines, each
/// read by one serde stream), then pushes them in order (metadata to `docs`, where each
/// line lies to `lines`).
fn add_block(
    engine: &mut Relater,
    (docs, lines): (&mut Vec<Document>, &mut Vec<Span>),
    base: u64,
    block: &[u8],
) -> Result<()> {
    let sketched: Vec<Vec<Sketched>> = task_ranges(block, TASK_BYTES)
        .par_iter()
        .map_init(
            || (engine.sketcher(), String::new()),
            |(s, buf), &(a, b)| parse_range(&block[a..b], base + a as u64, s, buf),
        )
        .collect::<Result<_>>()?;
    for (doc, sketch, span) in sketched.into_iter().flatten() {
        lines.push(span);
        engine.push(&sketch);
        docs.push(doc);
    }
    Ok(())
}

/// One record, ready to push.
type Sketched = (Document, DocSketch, Span);

/// The records of `range` (whole lines starting at file offset `base`), sketched in order.
fn parse_range(
    range: &[u8],
    base: u64,
    sketcher: &mut Sketcher,
    buf: &mut String,
) -> Result<Vec<Sketched>> {
    let mut out = Vec::new();
    for rec in serde_json::Deserializer::from_slice(range).into_iter::<Rec>() {
        let rec = rec?;
        let (start, raw) = string_body(range, rec.text)?;
        let escaped = memchr::memchr(b'\\', raw.as_bytes()).is_some();
        let text = if escaped {
            json_str::decode_into(raw, buf)?;
            buf.as_str()
        } else {
            raw
        };
        let span = Span {
            offset: base + start as u64,
            len: raw.len() as u32,
            escaped,
        };
        let doc = meta(rec.id.into_owned(), rec.date.map(Cow::into_owned));
        out.push((doc, sketcher.sketch(text), span));
    }
    Ok(out)
}

/// `block` cut into ranges of about `size` bytes, each ending after a newline (or at the
/// end): the units of parallel parsing. Finding a cut costs one line's scan, not a scan
/// of the whole block for line ends.
fn task_ranges(block: &[u8], size: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < block.len() {
        let limit = (start + size).min(block.len());
        let end = memchr::memchr(b'\n', &block[limit..]).map_or(block.len(), |p| limit + p + 1);
        out.push((start, end));
        start = end;
    }
    out
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
    let mut doc = Document::new(id, Format::Jsonl, String::new());
    doc.meta.date = date;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_end_after_a_newline_even_past_a_long_line() {
        let mut data = vec![b'a'; BLOCK + 10];
        data.push(b'\n');
        data.extend_from_slice(b"short\n");
        assert_eq!(block_end(&data, 0), BLOCK + 11);
        assert_eq!(block_end(&data, BLOCK + 11), data.len());
        let small = b"one\ntwo\nthree";
        assert_eq!(block_end(small, 0), small.len());
    }

    #[test]
    fn task_ranges_cover_the_block_in_whole_lines() {
        let block = b"aa\nbbbb\nc\ndddddd\n";
        let ranges = task_ranges(block, 3);
        assert_eq!(ranges, [(0, 8), (8, 17)]);
        assert_eq!(task_ranges(b"no newline", 4), [(0, 10)]);
        assert!(task_ranges(b"", 4).is_empty());
    }
}
