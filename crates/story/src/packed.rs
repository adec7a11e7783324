//! Packed counts: a document's [`Counts`] kept between the document-frequency pass and the
//! vector pass in about 2.5 bytes per feature instead of 12 — what makes one extraction
//! pass affordable at a million documents. Per feature, LEB128 varints of
//! `(id delta << 1 | in title)`, the body count, and (when in the title) the title count;
//! ids ascend, so deltas are small. [`pack`] appends a document's bytes to a buffer (see
//! [`crate::spill`], which holds every document's); [`Packed`] reads them back.

use crate::extract::{weighted, Bag, Count, Counts};

/// What a document's packed bytes do not say: their length and the document's length in
/// content words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Head {
    /// Bytes of packed counts.
    pub bytes: u32,
    body_words: u32,
    title_words: u32,
}

/// Appends `counts` (ids ascending), packed, to `out`; returns what reading them back needs
/// besides the bytes.
pub fn pack(counts: &Counts, out: &mut Vec<u8>) -> Head {
    let start = out.len();
    let mut prev = 0;
    for c in &counts.features {
        let delta = u64::from(c.id - prev);
        put(out, delta << 1 | u64::from(c.title > 0));
        put(out, u64::from(c.body));
        if c.title > 0 {
            put(out, u64::from(c.title));
        }
        prev = c.id;
    }
    Head {
        bytes: (out.len() - start) as u32,
        body_words: counts.body_words,
        title_words: counts.title_words,
    }
}

/// One document's packed counts, borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Packed<'a> {
    bytes: &'a [u8],
    head: Head,
}

impl<'a> Packed<'a> {
    /// The counts `head` describes, packed in `bytes` (exactly `head.bytes` of them).
    pub fn new(bytes: &'a [u8], head: Head) -> Packed<'a> {
        Packed { bytes, head }
    }

    /// The feature counts, in id order.
    pub fn iter(&self) -> impl Iterator<Item = Count> + 'a {
        let bytes = self.bytes;
        let mut at = 0;
        let mut id = 0;
        std::iter::from_fn(move || {
            if at >= bytes.len() {
                return None;
            }
            let head = get(bytes, &mut at);
            id += (head >> 1) as u32;
            let body = get(bytes, &mut at) as u32;
            let title = if head & 1 == 1 {
                get(bytes, &mut at) as u32
            } else {
                0
            };
            Some(Count { id, body, title })
        })
    }

    /// The document's length in content words, title words weighted by `title_weight`.
    pub fn len(&self, title_weight: f32) -> f32 {
        weighted(self.head.body_words, self.head.title_words, title_weight)
    }

    /// The bag of these counts with title occurrences weighted by `title_weight` (as
    /// [`Counts::weighted`] of [`Packed::unpack`], without the unpacked copy).
    pub fn weighted(&self, title_weight: f32) -> Bag {
        Bag {
            features: self
                .iter()
                .map(|c| (c.id, weighted(c.body, c.title, title_weight)))
                .collect(),
            len: self.len(title_weight),
        }
    }

    /// The counts back.
    #[cfg(test)]
    pub fn unpack(&self) -> Counts {
        Counts {
            features: self.iter().collect(),
            body_words: self.head.body_words,
            title_words: self.head.title_words,
        }
    }
}

/// Appends `v` as a LEB128 varint.
fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a LEB128 varint at `*at`, advancing it.
fn get(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut v, mut shift) = (0u64, 0);
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let c = |id, body, title| Count { id, body, title };
        let counts = Counts {
            features: vec![c(0, 1, 0), c(3, 0, 2), c(200, 300, 0), c(1 << 30, 1, 1)],
            body_words: 302,
            title_words: 3,
        };
        let mut out = vec![7u8];
        let head = pack(&counts, &mut out);
        assert_eq!(head.bytes, 16);
        assert_eq!(out.len(), 17, "appended after what was there");
        let p = Packed::new(&out[1..], head);
        assert_eq!(p.unpack(), counts);
        assert_eq!(p.weighted(2.0), counts.weighted(2.0));
    }
}
