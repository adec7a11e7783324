//! Quotation spans: char ranges of the original text that lie inside quotation marks
//! (“…”, „…“, "…", «…», ‘…’, '…'), marks included. Reprint coverage ignores them, because
//! independent outlets quote the same statement.
//!
//! Rules: only outermost quotes count; a newline ends any open quote; an unclosed double or
//! guillemet quote runs to the end of its paragraph (news style for multi-paragraph quotes),
//! an unclosed single quote is dropped (it was probably an apostrophe).

use std::ops::Range;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    LowDouble,
    Guillemet,
    Single,
}

/// Char ranges `[start, end)` of `text` inside quotation marks, sorted and disjoint.
pub fn quote_spans(text: &str) -> Vec<Range<usize>> {
    if text.is_ascii() {
        let bytes = text.as_bytes();
        let marks = memchr::memchr3_iter(b'"', b'\'', b'\n', bytes);
        return spans_of(bytes.len(), |i| bytes[i] as char, marks);
    }
    let chars: Vec<char> = text.chars().collect();
    let marks = (0..chars.len()).filter(|&i| is_mark(chars[i]));
    spans_of(chars.len(), |i| chars[i], marks)
}

/// [`quote_spans`] over `n` chars given by `at`, visiting only the positions `marks` of
/// chars that can open, close or end a quote (ascending), so ASCII text is scanned by
/// `memchr` and needs no char vector.
fn spans_of(
    n: usize,
    at: impl Fn(usize) -> char,
    marks: impl Iterator<Item = usize>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    let context = |i: usize| {
        let prev = if i == 0 { ' ' } else { at(i - 1) };
        let next = if i + 1 < n { at(i + 1) } else { ' ' };
        (prev, next)
    };
    for i in marks {
        let c = at(i);
        let (prev, next) = context(i);
        match open {
            None => open = opener(prev, c, next).map(|k| (i, k)),
            Some((start, kind)) => {
                if c == '\n' {
                    if kind != Kind::Single {
                        out.push(start..i);
                    }
                    open = None;
                } else if closes(kind, c, next) {
                    out.push(start..i + 1);
                    open = None;
                }
            }
        }
    }
    if let Some((start, kind)) = open {
        if kind != Kind::Single {
            out.push(start..n);
        }
    }
    out
}

/// Chars that can open or close a quote, or end one (newline); every other char is skipped.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\n' | '“' | '”' | '„' | '«' | '»' | '‘' | '’'
    )
}

/// Whether `c` opens a quote here, and which kind.
fn opener(prev: char, c: char, next: char) -> Option<Kind> {
    if prev.is_alphanumeric() || next.is_whitespace() {
        return None;
    }
    match c {
        '“' | '"' => Some(Kind::Double),
        '„' => Some(Kind::LowDouble),
        '«' => Some(Kind::Guillemet),
        '‘' | '\'' => Some(Kind::Single),
        _ => None,
    }
}

/// Whether `c` closes a quote of `kind`.
fn closes(kind: Kind, c: char, next: char) -> bool {
    match kind {
        Kind::Double => matches!(c, '”' | '"' | '“'),
        Kind::LowDouble => matches!(c, '“' | '”' | '"'),
        Kind::Guillemet => c == '»',
        Kind::Single => matches!(c, '’' | '\'') && !next.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        quote_spans(text)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        let t = "He said “we go” and \"they stay\" then «non».";
        assert_eq!(quoted(t), ["“we go”", "\"they stay\"", "«non»"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("It’s the people’s choice, don't worry"),
            Vec::<String>::new()
        );
        assert_eq!(quoted("She said ‘it’s fine’ twice"), ["‘it’s fine’"]);
    }

    #[test]
    fn unclosed_double_runs_to_paragraph_end() {
        let t = "“First part of it.\n\n“Second.” Done";
        assert_eq!(quoted(t), ["“First part of it.", "“Second.”"]);
    }

    #[test]
    fn nested_single_inside_double_is_one_span() {
        assert_eq!(quoted("x “a ‘b’ c” y"), ["“a ‘b’ c”"]);
    }

    /// The original per-char formulation, kept as the reference.
    fn reference(text: &str) -> Vec<Range<usize>> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut open: Option<(usize, Kind)> = None;
        for i in 0..chars.len() {
            let prev = if i == 0 { ' ' } else { chars[i - 1] };
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let c = chars[i];
            match open {
                None => open = opener(prev, c, next).map(|k| (i, k)),
                Some((start, kind)) if c == '\n' => {
                    if kind != Kind::Single {
                        out.push(start..i);
                    }
                    open = None;
                }
                Some((start, kind)) => {
                    if closes(kind, c, next) {
                        out.push(start..i + 1);
                        open = None;
                    }
                }
            }
        }
        if let Some((start, kind)) = open {
            if kind != Kind::Single {
                out.push(start..chars.len());
            }
        }
        out
    }

    #[test]
    fn skipping_non_marks_equals_reference() {
        let alphabet: Vec<char> = "ab 1\n\"'“”„«»‘’.".chars().collect();
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for len in 0..3000 {
            let text: String = (0..len % 40)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(quote_spans(&text), reference(&text), "{text:?}");
            let ascii: String = text.chars().filter(char::is_ascii).collect();
            assert_eq!(quote_spans(&ascii), reference(&ascii), "{ascii:?}");
        }
    }

    #[test]
    fn offsets_are_chars() {
        assert_eq!(quote_spans("é “ü”"), vec![2..5]);
    }
}
