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
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut open: Option<(usize, Kind)> = None;
    for i in 0..chars.len() {
        let (prev, c, next) = context(&chars, i);
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
            out.push(start..chars.len());
        }
    }
    out
}

/// The chars before and after position `i` (a space outside the text).
fn context(chars: &[char], i: usize) -> (char, char, char) {
    let prev = if i == 0 { ' ' } else { chars[i - 1] };
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    (prev, chars[i], next)
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

    #[test]
    fn offsets_are_chars() {
        assert_eq!(quote_spans("é “ü”"), vec![2..5]);
    }
}
