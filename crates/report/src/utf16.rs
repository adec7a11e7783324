//! Char offsets → UTF-16 offsets. Every span samestory writes counts Unicode scalar values of
//! a body; the browser's strings count UTF-16 code units, so each span in a story's details
//! is converted here, once, before it is embedded. Pure arithmetic: no I/O.

/// The UTF-16 offset of every char offset of one body.
#[derive(Debug, Clone, Default)]
pub struct Utf16Offsets {
    /// Char offsets of the chars outside the Basic Multilingual Plane (two code units each),
    /// ascending. Empty for most bodies: then every offset maps to itself.
    astral: Vec<usize>,
}

impl Utf16Offsets {
    /// Indexes one body.
    pub fn new(body: &str) -> Utf16Offsets {
        let astral = body
            .chars()
            .enumerate()
            .filter(|(_, c)| c.len_utf16() == 2)
            .map(|(i, _)| i)
            .collect();
        Utf16Offsets { astral }
    }

    /// The UTF-16 offset of char offset `at` (an offset past the end counts as if the body
    /// went on in the BMP).
    pub fn offset(&self, at: usize) -> usize {
        at + self.astral.partition_point(|&i| i < at)
    }

    /// A `[start, end)` char span as a UTF-16 span.
    pub fn span(&self, [start, end]: [usize; 2]) -> [usize; 2] {
        [self.offset(start), self.offset(end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bmp_text_maps_to_itself() {
        let idx = Utf16Offsets::new("Fähre für Köln — “quoted”");
        assert_eq!(idx.offset(0), 0);
        assert_eq!(idx.span([3, 10]), [3, 10]);
    }

    #[test]
    fn astral_chars_count_twice_after_them() {
        // 'a' '😀' 'b' '𝄞' 'c': chars 0..5, UTF-16 units 0..7.
        let body = "a😀b𝄞c";
        let idx = Utf16Offsets::new(body);
        let units: Vec<usize> = (0..=5).map(|i| idx.offset(i)).collect();
        assert_eq!(units, [0, 1, 3, 4, 6, 7]);
        let utf16: Vec<u16> = body.encode_utf16().collect();
        let [s, e] = idx.span([2, 5]);
        assert_eq!(String::from_utf16(&utf16[s..e]).unwrap(), "b𝄞c");
    }
}
