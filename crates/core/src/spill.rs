//! Body spill: cleaned bodies written once to an unnamed temporary file and read back by
//! offset, so that a run holds metadata and sketches in memory, not the text. A
//! [`BodySource`] beside [`SliceSource`](crate::SliceSource): the relation engine and the
//! story stage re-read bodies through it; the writers read each body once more when they
//! print it.

use crate::BodySource;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::FileExt;

/// Bytes buffered before a write, for the spill and the output files: whole page-cache
/// folios at a time (a small write that opens a folio makes the kernel zero the rest of it
/// first, a second pass over the file).
pub const WRITE_BUFFER: usize = 1 << 20;

/// Appends bodies to the spill file.
pub struct BodySpill {
    writer: BufWriter<File>,
    spans: Vec<Span>,
    end: u64,
}

/// Where one body lies in the spill file, and its length in chars.
#[derive(Clone, Copy, Debug)]
struct Span {
    offset: u64,
    bytes: u64,
    chars: u64,
}

impl BodySpill {
    /// A new spill file in the system temporary directory (deleted when dropped).
    pub fn new() -> io::Result<BodySpill> {
        let file = tempfile::tempfile()?;
        Ok(BodySpill {
            writer: BufWriter::with_capacity(WRITE_BUFFER, file),
            spans: Vec::new(),
            end: 0,
        })
    }

    /// Stores the next body.
    pub fn push(&mut self, body: &str) -> io::Result<()> {
        self.writer.write_all(body.as_bytes())?;
        let bytes = body.len() as u64;
        let chars = body.chars().count() as u64;
        self.spans.push(Span {
            offset: self.end,
            bytes,
            chars,
        });
        self.end += bytes;
        Ok(())
    }

    /// Ends writing; the bodies can now be read back.
    pub fn finish(self) -> io::Result<BodyStore> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        Ok(BodyStore {
            file,
            spans: self.spans,
        })
    }
}

/// Read access to spilled bodies by index.
pub struct BodyStore {
    file: File,
    spans: Vec<Span>,
}

impl BodyStore {
    /// The `i`-th body.
    pub fn body(&self, i: usize) -> io::Result<String> {
        let mut body = String::new();
        self.body_into(i, &mut body)?;
        Ok(body)
    }

    /// The `i`-th body, read into `body` (replacing its text, reusing its buffer: for
    /// writers that go through every body in turn).
    pub fn body_into(&self, i: usize, body: &mut String) -> io::Result<()> {
        let span = self.spans[i];
        let mut buf = std::mem::take(body).into_bytes();
        buf.clear();
        buf.resize(span.bytes as usize, 0);
        self.file.read_exact_at(&mut buf, span.offset)?;
        *body =
            String::from_utf8(buf).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        Ok(())
    }

    /// The `i`-th body's length in chars (the unit of every offset).
    pub fn chars(&self, i: usize) -> usize {
        self.spans[i].chars as usize
    }

    /// Reorders the bodies: afterwards body `i` is the one that was at `order[i]`.
    pub fn permute(&mut self, order: &[usize]) {
        self.spans = order.iter().map(|&i| self.spans[i]).collect();
    }
}

impl BodySource for BodyStore {
    type Error = io::Error;

    fn body(&self, index: usize, _id: &str) -> io::Result<Cow<'_, str>> {
        BodyStore::body(self, index).map(Cow::Owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_round_trip_and_permute() {
        let mut spill = BodySpill::new().unwrap();
        for body in ["first body", "", "third — with non-ASCII Київ"] {
            spill.push(body).unwrap();
        }
        let mut store = spill.finish().unwrap();
        assert_eq!(store.body(2).unwrap(), "third — with non-ASCII Київ");
        assert_eq!(store.body(1).unwrap(), "");
        let mut reused = String::from("a longer text left from before");
        store.body_into(0, &mut reused).unwrap();
        assert_eq!(reused, "first body");
        assert_eq!(store.chars(2), 27);
        store.permute(&[2, 0, 1]);
        assert_eq!(store.body(0).unwrap(), "third — with non-ASCII Київ");
        assert_eq!(store.body(1).unwrap(), "first body");
    }
}
