//! Normalisation: NFKC, case folding, typographic quotes and dashes folded to ASCII,
//! whitespace collapsed. Pure string functions; no offsets are produced here.

use unicode_normalization::UnicodeNormalization;

/// Normalises a whole text: NFKC, case fold, quotes/dashes folded, every whitespace run
/// collapsed to one space, trimmed. Two bodies are `exact` duplicates iff this is equal.
pub fn normalize(s: &str) -> String {
    if s.is_ascii() {
        return normalize_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkc() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(c, &mut out);
    }
    out
}

/// xxh3-128 of [`normalize()`]`(s)`, streaming (no allocation) for ASCII text.
pub fn normalized_hash(s: &str) -> u128 {
    if !s.is_ascii() {
        return xxhash_rust::xxh3::xxh3_128(normalize(s).as_bytes());
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = [0u8; 4096];
    let (mut n, mut pending_space, mut started) = (0, false, false);
    for &b in s.as_bytes() {
        if matches!(b, b' ' | b'\t'..=b'\r') {
            pending_space = true;
            continue;
        }
        if n + 2 > buf.len() {
            h.update(&buf[..n]);
            n = 0;
        }
        if pending_space && started {
            buf[n] = b' ';
            n += 1;
        }
        pending_space = false;
        started = true;
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    h.update(&buf[..n]);
    h.digest128()
}

/// [`normalize()`] of an ASCII text (NFKC and folding are identities there but lowercasing).
fn normalize_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.make_ascii_lowercase();
    out
}

/// Normalises one word into `buf` (cleared first): the same folding as [`normalize()`],
/// with an ASCII fast path that allocates nothing.
pub fn normalize_word_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.nfkc() {
        if !c.is_whitespace() {
            push_folded(c, buf);
        }
    }
}

/// Pushes the folded form of one (already NFKC) char.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match fold_special(c) {
        Some(s) => out.push_str(s),
        None => out.extend(c.to_lowercase()),
    }
}

/// Folds that plain lowercasing misses: quotes, dashes, final sigma, sharp s.
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => "\"",
        '\u{2039}' | '\u{203A}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' => "-",
        '\u{2212}' | '\u{2043}' | '\u{FE58}' => "-",
        'ς' => "σ",
        'ß' | 'ẞ' => "ss",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_space() {
        assert_eq!(
            normalize("  “Hello”\n\n  World — ‘ok’  "),
            "\"hello\" world - 'ok'"
        );
    }

    #[test]
    fn nfkc_and_case_folding() {
        assert_eq!(
            normalize("ﬁne Ｆｕｌｌ STRAẞE ΟΔΟΣ"),
            "fine full strasse οδοσ"
        );
    }

    #[test]
    fn word_fast_path_matches_slow_path() {
        let mut buf = String::new();
        normalize_word_into("Don't", &mut buf);
        assert_eq!(buf, normalize("Don't"));
        normalize_word_into("Don’t", &mut buf);
        assert_eq!(buf, "don't");
    }

    #[test]
    fn streaming_hash_equals_hash_of_normalized() {
        for s in [
            "",
            "  A  b\n\nC. ",
            "Ünï “x”",
            &"Long  wOrd\x0b ".repeat(900),
        ] {
            assert_eq!(
                normalized_hash(s),
                xxhash_rust::xxh3::xxh3_128(normalize(s).as_bytes())
            );
        }
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \n\t "), "");
    }
}
