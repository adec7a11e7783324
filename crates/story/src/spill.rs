//! Every document's packed counts (see [`crate::packed`]) between the story stage's two
//! passes, in input order, written and read a chunk of documents at a time: in memory while
//! they are few, in an unnamed temporary file beyond [`MEMORY_BYTES`]. At a million
//! documents they are about a gigabyte, more than anything else the stage holds at once.
//! Must not: interpret the bytes (that is [`Packed`]'s).

use crate::packed::{Head, Packed};
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;

/// Packed counts kept in memory up to this many bytes; past it all go to a file.
const MEMORY_BYTES: usize = 128 << 20;

/// Packed counts of every document, chunk by chunk.
#[derive(Debug)]
pub struct CountsSpill {
    /// Bytes kept in memory at most.
    memory_limit: usize,
    heads: Vec<Head>,
    /// Each chunk's first document and the offset of its first byte.
    chunks: Vec<(usize, u64)>,
    memory: Vec<u8>,
    file: Option<File>,
    end: u64,
}

impl Default for CountsSpill {
    fn default() -> CountsSpill {
        CountsSpill::with_limit(MEMORY_BYTES)
    }
}

impl CountsSpill {
    /// Keeps up to `memory_limit` bytes in memory.
    fn with_limit(memory_limit: usize) -> CountsSpill {
        CountsSpill {
            memory_limit,
            heads: Vec::new(),
            chunks: Vec::new(),
            memory: Vec::new(),
            file: None,
            end: 0,
        }
    }

    /// Appends the next chunk: its documents' packed bytes one after another, and their
    /// heads in the same order.
    pub fn push(&mut self, bytes: &[u8], heads: &[Head]) -> io::Result<()> {
        self.chunks.push((self.heads.len(), self.end));
        self.heads.extend_from_slice(heads);
        if self.file.is_none() && self.memory.len() + bytes.len() > self.memory_limit {
            let mut file = tempfile::tempfile()?;
            file.write_all(&std::mem::take(&mut self.memory))?;
            self.file = Some(file);
        }
        match &mut self.file {
            Some(file) => file.write_all(bytes)?,
            None => {
                // Exactly: doubling would hold up to twice the limit.
                self.memory.reserve_exact(bytes.len());
                self.memory.extend_from_slice(bytes);
            }
        }
        self.end += bytes.len() as u64;
        Ok(())
    }

    /// Number of chunks pushed.
    pub fn chunks(&self) -> usize {
        self.chunks.len()
    }

    /// The packed counts of chunk `k`'s documents, in order; read into `buf` when they
    /// are in the file.
    pub fn chunk<'a>(&'a self, k: usize, buf: &'a mut Vec<u8>) -> io::Result<Vec<Packed<'a>>> {
        let (first, from) = self.chunks[k];
        let (last, to) = match self.chunks.get(k + 1) {
            Some(&next) => next,
            None => (self.heads.len(), self.end),
        };
        let bytes: &[u8] = match &self.file {
            Some(file) => {
                buf.clear();
                buf.resize((to - from) as usize, 0);
                file.read_exact_at(buf, from)?;
                buf
            }
            None => &self.memory[from as usize..to as usize],
        };
        let mut at = 0;
        Ok(self.heads[first..last]
            .iter()
            .map(|&head| {
                let packed = Packed::new(&bytes[at..at + head.bytes as usize], head);
                at += head.bytes as usize;
                packed
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Count, Counts};
    use crate::packed::pack;

    fn counts(seed: u32, n: u32) -> Counts {
        Counts {
            features: (0..n)
                .map(|k| Count {
                    id: seed + 3 * k,
                    body: k % 4 + 1,
                    title: k % 2,
                })
                .collect(),
            body_words: seed,
            title_words: n,
        }
    }

    /// Chunks of documents pushed and read back, in memory or past the limit in the file.
    fn round_trip(memory_limit: usize) -> CountsSpill {
        let mut spill = CountsSpill::with_limit(memory_limit);
        let mut pushed = Vec::new();
        for chunk in 0..3 {
            let (mut bytes, mut heads) = (Vec::new(), Vec::new());
            for d in 0..5 {
                let c = counts(chunk * 1000 + d, 10 + d % 3);
                heads.push(pack(&c, &mut bytes));
                pushed.push(c);
            }
            spill.push(&bytes, &heads).unwrap();
        }
        let mut buf = Vec::new();
        let read: Vec<Counts> = (0..spill.chunks())
            .flat_map(|k| {
                let chunk = spill.chunk(k, &mut buf).unwrap();
                chunk.iter().map(|p| p.unpack()).collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(read, pushed);
        spill
    }

    #[test]
    fn chunks_come_back_in_order_from_memory() {
        let spill = round_trip(MEMORY_BYTES);
        assert!(spill.file.is_none() && spill.memory.len() as u64 == spill.end);
    }

    #[test]
    fn chunks_come_back_in_order_from_the_file() {
        // A chunk is about 100 bytes: the second goes past the limit, so the first moves
        // to the file with it.
        let spill = round_trip(150);
        assert!(spill.file.is_some() && spill.memory.is_empty());
    }
}
