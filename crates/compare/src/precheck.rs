//! The cheap scan in front of the extractors: whether a text can hold a quote or a number
//! at all, so that bodies holding neither (lists, tables, text in no language the rules
//! read) are not split into sentences and tokenised for nothing.
//!
//! Returns booleans: `true` promises nothing, `false` promises the extractor would find
//! none. The rules are the extractors' own ([`crate::quotes`]: a double quotation mark or a
//! word that opens a reported clause; [`crate::numbers`]: a digit or a number word); this
//! module holds the one pass over a text's ASCII words that tests them, with a table of
//! the shapes (length, first and last letter) of every word either rule knows, so that most
//! words are passed over on one bit. Must not allocate.

use std::sync::LazyLock;

/// Longest word either rule knows, and so the longest the pass looks at.
const MAX_WORD: usize = 15;

/// Whether `text` may hold a quote (asked when `quotes`) and a number (asked when
/// `numbers`); what is not asked is `false`. Marks and digits are looked for first, then
/// the words, in one pass that ends as soon as every answer asked is `true`.
pub(crate) fn may_hold(text: &str, quotes: bool, numbers: bool) -> (bool, bool) {
    let mut q = quotes && crate::quotes::has_double_mark(text);
    let mut n = numbers && text.bytes().any(|b| b.is_ascii_digit());
    if q == quotes && n == numbers {
        return (q, n);
    }
    let bytes = text.as_bytes();
    let shapes = &*SHAPES;
    let mut buf = [0u8; MAX_WORD];
    samestory_text::for_each_letter_run(bytes, |start, end| {
        let word = &bytes[start..end];
        if !shapes.has(word) {
            return false;
        }
        let lower = &mut buf[..word.len()];
        for (slot, b) in lower.iter_mut().zip(word) {
            *slot = b | 0x20;
        }
        q = q || quotes && crate::quotes::opens_clause(lower);
        n = n || numbers && crate::numbers::is_number_word(lower);
        q == quotes && n == numbers
    });
    (q, n)
}

/// One bit per word shape: length (at most [`MAX_WORD`]), first and last letter, case
/// ignored.
struct Shapes(Vec<u64>);

impl Shapes {
    /// The shape of an ASCII-letter word, `None` when it is too long to have one.
    fn key(word: &[u8]) -> Option<usize> {
        let (&first, &last) = (word.first()?, word.last()?);
        if word.len() > MAX_WORD {
            return None;
        }
        let letter = |b: u8| usize::from((b | 0x20).wrapping_sub(b'a')) % 26;
        Some((word.len() * 26 + letter(first)) * 26 + letter(last))
    }

    /// True when some word of the table has the shape of `word`.
    fn has(&self, word: &[u8]) -> bool {
        Shapes::key(word).is_some_and(|k| self.0[k / 64] >> (k % 64) & 1 == 1)
    }
}

/// The shapes of every clause opener and number word.
static SHAPES: LazyLock<Shapes> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((MAX_WORD + 1) * 26 * 26).div_ceil(64)];
    let openers = crate::quotes::clause_openers().map(str::as_bytes);
    for word in openers.chain(crate::numbers::NUMBER_WORDS.iter().copied()) {
        let key = Shapes::key(word).expect("every rule word is ASCII letters, at most 15");
        bits[key / 64] |= 1 << (key % 64);
    }
    Shapes(bits)
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_words_are_ascii_letters_with_a_shape_in_the_table() {
        let openers = crate::quotes::clause_openers().map(str::as_bytes);
        for word in openers.chain(crate::numbers::NUMBER_WORDS.iter().copied()) {
            assert!(word.iter().all(u8::is_ascii_lowercase), "{word:?}");
            assert!(SHAPES.has(word), "{word:?}");
        }
        assert!(crate::numbers::NUMBER_WORDS
            .iter()
            .all(|w| (3..=9).contains(&w.len())));
    }

    #[test]
    fn most_words_miss_the_table_and_case_is_ignored() {
        assert!(SHAPES.has(b"SAID") && SHAPES.has(b"Twelve"));
        assert!(!SHAPES.has(b"council") && !SHAPES.has(b"abcdefghijklmnop"));
        assert_eq!(
            may_hold("Trimo peomrisha kaomdar.", true, true),
            (false, false)
        );
        assert_eq!(may_hold("A vote, she SAID.", true, true), (true, false));
        assert_eq!(may_hold("Dozens came.", false, true), (false, true));
    }
}
