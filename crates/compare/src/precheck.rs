//! The cheap scan in front of the extractors: whether a text can hold a quote or a number
//! at all, so that bodies holding neither (lists, tables, text in no language the rules
//! read) are not split into sentences and tokenised for nothing.
//!
//! Returns booleans: `true` promises nothing, `false` promises the extractor would find
//! none. The rules are the extractors' own ([`crate::quotes`]: a double quotation mark or a
//! word that opens a reported clause; [`crate::numbers`]: a digit or a number word); this
//! module holds the one pass over a text's ASCII words that tests them. Must not allocate.

/// Longest word tested: no word the rules know is longer.
const MAX_WORD: usize = 16;

/// Whether `text` may hold a quote (asked when `quotes`) and a number (asked when
/// `numbers`); what is not asked is `false`. Marks and digits are looked for first, then
/// the words, in one pass that ends as soon as every answer asked is `true`.
pub(crate) fn may_hold(text: &str, quotes: bool, numbers: bool) -> (bool, bool) {
    let mut q = quotes && crate::quotes::has_double_mark(text);
    let mut n = numbers && text.bytes().any(|b| b.is_ascii_digit());
    if q == quotes && n == numbers {
        return (q, n);
    }
    for_each_ascii_word(text.as_bytes(), |word| {
        q = q || quotes && crate::quotes::opens_clause(word);
        n = n || numbers && crate::numbers::is_number_word(word);
        q == quotes && n == numbers
    });
    (q, n)
}

/// Calls `visit` with each maximal run of ASCII letters of `text` (at most [`MAX_WORD`]
/// long; longer runs are skipped), lower-cased, until it returns `true`. A word of the
/// extractors' tokens made only of ASCII letters is such a run, so a rule on those words
/// can only fire on a text where `visit` sees it.
fn for_each_ascii_word(text: &[u8], mut visit: impl FnMut(&[u8]) -> bool) {
    let mut buf = [0u8; MAX_WORD];
    samestory_text::for_each_letter_run(text, |start, end| {
        let Some(word) = text.get(start..end).filter(|w| w.len() <= MAX_WORD) else {
            return false;
        };
        let lower = &mut buf[..word.len()];
        for (slot, b) in lower.iter_mut().zip(word) {
            *slot = b | 0x20;
        }
        visit(lower)
    });
}

#[cfg(test)]
mod tests {
    use super::for_each_ascii_word;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_ascii_word(text.as_bytes(), |w| {
            out.push(String::from_utf8(w.to_vec()).unwrap());
            false
        });
        out
    }

    #[test]
    fn words_are_whole_ascii_letter_runs_lower_cased() {
        assert_eq!(words("She SAID so."), ["she", "said", "so"]);
        assert_eq!(words("x-said, 3told@[`{"), ["x", "said", "told"]);
        // A non-ASCII letter ends a run; a run longer than any rule's word is skipped.
        assert_eq!(words("\u{e9}said abcdefghijklmnopq"), ["said"]);
    }

    #[test]
    fn the_pass_stops_once_answered() {
        let mut seen = 0;
        for_each_ascii_word(b"one two three", |_| {
            seen += 1;
            true
        });
        assert_eq!(seen, 1);
    }
}
