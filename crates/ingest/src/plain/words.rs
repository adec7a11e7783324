//! Whitespace words, as `str::split_whitespace` sees them (Unicode `White_Space`): collapsing
//! runs of whitespace to one space, and counting words, possibly only up to a limit.
//!
//! Every line and paragraph of a text goes through here several times, so each function has a
//! fast path: ASCII text is scanned in branch-free passes the compiler vectorises, and other
//! text by a byte scan that decodes a char only when its lead byte can start a Unicode space
//! (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000). Results always equal the plain
//! `split_whitespace` definitions (differential tests in `fast_tests`).

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn collapse(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// True when [`collapse`] would return `s` unchanged: no whitespace at either end, and every
/// whitespace char is a single ASCII space.
pub(super) fn is_collapsed(s: &str) -> bool {
    if s.is_ascii() {
        let b = s.as_bytes();
        let single = !b.starts_with(b" ") && !b.ends_with(b" ");
        return single && !any_byte(b, |c| (b'\t'..=b'\r').contains(&c)) && !s.contains("  ");
    }
    is_collapsed_unicode(s)
}

/// [`is_collapsed`] by a byte scan that decodes a char only when its lead byte can start a
/// Unicode space (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
pub(super) fn is_collapsed_unicode(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut after_space = true;
    for (i, &b) in bytes.iter().enumerate() {
        let space = match b {
            b' ' => true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0xc2 | 0xe1..=0xe3 if s[i..].starts_with(char::is_whitespace) => return false,
            _ => false,
        };
        if space && after_space {
            return false;
        }
        after_space = space;
    }
    !after_space || bytes.is_empty()
}

/// Whether any byte satisfies `pred`; a branch-free fold that the compiler vectorises.
fn any_byte(bytes: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |hit, &b| hit | pred(b))
}

/// ASCII whitespace as `char::is_whitespace` sees it (branch-free, for vectorised scans).
fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// Number of whitespace-separated words (as `split_whitespace` counts them).
pub(crate) fn word_count(s: &str) -> usize {
    words_up_to(s, usize::MAX)
}

/// `word_count(s) > n`, without counting past `n + 1`.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    words_up_to(s, n.saturating_add(1)) > n
}

/// `word_count(s) >= n`, without counting past `n`.
pub(crate) fn at_least_words(s: &str, n: usize) -> bool {
    words_up_to(s, n) >= n
}

/// `word_count(s).min(limit)`. ASCII text is counted in one vectorised pass (word starts: a
/// non-space after a space or at the start); other text by a byte scan that stops at the
/// `limit`-th word and decodes a char only when its lead byte can start a Unicode space.
pub(super) fn words_up_to(s: &str, limit: usize) -> usize {
    if s.is_ascii() {
        return ascii_words(s.as_bytes()).min(limit);
    }
    let bytes = s.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && words < limit {
        let (space, len) = match bytes[i] {
            b' ' | b'\t'..=b'\r' => (true, 1),
            0xc2 | 0xe1..=0xe3 => s[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
            _ => (false, 1),
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        i += len;
    }
    words
}

fn ascii_words(bytes: &[u8]) -> usize {
    let Some((&first, rest)) = bytes.split_first() else {
        return 0;
    };
    let prev = &bytes[..rest.len()];
    let (mut prev_chunks, mut next_chunks) = (prev.chunks_exact(64), rest.chunks_exact(64));
    let mut words = usize::from(!is_ascii_space(first));
    for (p, n) in (&mut prev_chunks).zip(&mut next_chunks) {
        words += word_starts(p, n);
    }
    words + word_starts(prev_chunks.remainder(), next_chunks.remainder())
}

/// How many `next[i]` start a word (a non-space after the space `prev[i]`); at most 64 pairs,
/// so the branch-free byte sum vectorises and cannot overflow.
fn word_starts(prev: &[u8], next: &[u8]) -> usize {
    let starts = prev.iter().zip(next).fold(0u8, |sum, (&p, &n)| {
        sum + u8::from(is_ascii_space(p) & !is_ascii_space(n))
    });
    usize::from(starts)
}
