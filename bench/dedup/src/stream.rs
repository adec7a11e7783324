//! The timed path of `dedup-bench run`: the corpus is streamed (a reader thread cuts the
//! JSONL file into blocks of whole lines; each block's records are parsed and sketched in
//! parallel and pushed in file order into a `Relater`), and the bodies that verification
//! needs are re-read from the file by byte offset. Only ids, offsets and sketches stay in
//! memory; bodies never all at once.

use anyhow::{Context, Result};
use rayon::prelude::*;
use samestory_core::{Document, Format, RelateConfig};
use samestory_relate::{BodySource, Relater, Relations};
use serde::Deserialize;
use std::borrow::Cow;
use std::io::Read;
use std::os::unix::fs::FileExt;
use std::sync::mpsc::sync_channel;

/// Bytes read per block.
const BLOCK: usize = 8 << 20;

/// One JSONL record (other fields ignored); strings borrowed when they have no escapes.
#[derive(Deserialize)]
struct Rec<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    text: Cow<'a, str>,
}

/// Bodies re-read from the corpus file by `(offset, length)` of their line.
struct FileSource {
    file: std::fs::File,
    lines: Vec<(u64, u32)>,
}

impl BodySource for FileSource {
    type Error = std::io::Error;

    fn body(&self, index: usize, _id: &str) -> std::io::Result<Cow<'_, str>> {
        let (off, len) = self.lines[index];
        let mut buf = vec![0u8; len as usize];
        self.file.read_exact_at(&mut buf, off)?;
        let rec: Rec = serde_json::from_slice(&buf).map_err(std::io::Error::other)?;
        Ok(Cow::Owned(rec.text.into_owned()))
    }
}

/// Runs the engine over the JSONL corpus at `path`.
pub fn relate_file(path: &str, cfg: &RelateConfig) -> Result<Relations> {
    let file = std::fs::File::open(path).with_context(|| path.to_string())?;
    let mut reader = file.try_clone()?;
    let (tx, rx) = sync_channel::<(u64, Vec<u8>)>(2);
    let producer = std::thread::spawn(move || read_blocks(&mut reader, |b| tx.send(b).is_ok()));
    let mut engine = Relater::new(cfg);
    let mut lines = Vec::new();
    for (base, block) in rx {
        add_block(&mut engine, &mut lines, base, &block)?;
    }
    producer.join().expect("reader thread")?;
    let source = FileSource { file, lines };
    Ok(engine.finish(&source)?)
}

/// Reads `r` in blocks of whole lines, passing `(offset of the block, bytes)` to `send`.
fn read_blocks(r: &mut impl Read, mut send: impl FnMut((u64, Vec<u8>)) -> bool) -> Result<()> {
    let (mut base, mut carry) = (0u64, Vec::new());
    loop {
        let mut block = std::mem::take(&mut carry);
        let start = block.len();
        block.resize(start + BLOCK, 0);
        let n = r.read(&mut block[start..])?;
        block.truncate(start + n);
        let cut = if n == 0 {
            block.len()
        } else {
            block.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1)
        };
        carry = block.split_off(cut);
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
fn add_block(
    engine: &mut Relater,
    lines: &mut Vec<(u64, u32)>,
    base: u64,
    block: &[u8],
) -> Result<()> {
    let spans: Vec<(usize, usize)> = line_spans(block);
    let sketched: Vec<_> = spans
        .par_iter()
        .map_init(
            || engine.sketcher(),
            |s, &(a, b)| -> Result<_> {
                let rec: Rec = serde_json::from_slice(&block[a..b])?;
                Ok((rec.id.into_owned(), s.sketch(&rec.text)))
            },
        )
        .collect::<Result<_>>()?;
    for ((id, sketch), &(a, b)) in sketched.into_iter().zip(&spans) {
        lines.push((base + a as u64, (b - a) as u32));
        engine.push(meta(id), &sketch);
    }
    Ok(())
}

/// `(start, end)` of every non-empty line of `block`.
fn line_spans(block: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in block.iter().enumerate() {
        if b == b'\n' {
            if i > start {
                out.push((start, i));
            }
            start = i + 1;
        }
    }
    if start < block.len() {
        out.push((start, block.len()));
    }
    out
}

fn meta(id: String) -> Document {
    Document {
        source: String::new(),
        id,
        format: Format::Jsonl,
        title: None,
        date: None,
        url: None,
        byline: None,
        outlet: None,
        lang: None,
        body: String::new(),
        removed: vec![],
    }
}
