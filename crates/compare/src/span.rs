//! Byte offsets to char offsets. Extractors work on `&str` byte positions; output spans are
//! char offsets of the body. [`CharIndex`] converts in O(log n) after one O(n) pass.

/// Maps byte offsets of one text to char offsets.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// For every non-ASCII char, in order: its byte offset, and the bytes beyond one per
    /// char counted up to and including it.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
}

impl CharIndex {
    /// The index of `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut extra = 0;
        let wide = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(b, c)| {
                extra += c.len_utf8() - 1;
                (b, extra)
            })
            .collect();
        CharIndex {
            wide,
            len_bytes: text.len(),
        }
    }

    /// The char offset of byte offset `byte` (a char boundary, or the text's length).
    pub fn char_at(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        match self.wide.partition_point(|&(b, _)| b < byte) {
            0 => byte,
            before => byte - self.wide[before - 1].1,
        }
    }

    /// The char span `[start, end]` of byte range `range`.
    pub fn span(&self, range: std::ops::Range<usize>) -> [usize; 2] {
        [self.char_at(range.start), self.char_at(range.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn char_offsets_count_scalars() {
        let text = "a “b” é c";
        let index = CharIndex::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.char_at(byte), chars);
        }
        assert_eq!(index.char_at(text.len()), text.chars().count());
    }
}
