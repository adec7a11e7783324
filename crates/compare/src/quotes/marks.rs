//! Quotation-mark pairing: the spans between an opening and a closing double mark, straight
//! or typographic, paragraph by paragraph.
//!
//! Returns [`Marked`] byte ranges (marks included) in body order. A paragraph that ends
//! inside a quote while the next paragraph opens with a mark is a multi-paragraph quote:
//! its span runs to the end of the paragraph. An unbalanced mark is dropped at the end of
//! its paragraph, so it can never shift the pairing of later quotes. Knows nothing of
//! speech: whether a span is a quote is decided by the caller.

use super::tokens::is_double_mark;
use std::ops::Range;

/// One span between quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// Byte range, marks included (no closing mark when `closed` is false).
    pub bytes: Range<usize>,
    /// Ends with a closing mark.
    pub closed: bool,
    /// The quote goes on in the next paragraph (opening mark on it, no closing mark here).
    pub continues: bool,
}

/// Whether a mark opens, closes, or could do either.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// The quoted spans of `body`.
pub fn quoted_spans(body: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let lines = paragraphs(body);
    for (n, line) in lines.iter().enumerate() {
        let next_opens = lines
            .get(n + 1)
            .and_then(|next| body[next.clone()].chars().next())
            .is_some_and(is_double_mark);
        pair_marks(body, line.clone(), next_opens, &mut out);
    }
    out
}

/// Byte ranges of the non-blank lines of `body`, whitespace trimmed.
fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in body.split('\n') {
        let start = at + (line.len() - line.trim_start().len());
        let end = at + line.trim_end().len();
        if end > start {
            out.push(start..end);
        }
        at += line.len() + 1;
    }
    out
}

/// Pairs the marks of one paragraph `line` into `out`.
fn pair_marks(body: &str, line: Range<usize>, next_opens: bool, out: &mut Vec<Marked>) {
    let text = &body[line.clone()];
    let mut open: Option<usize> = None;
    for (at, c) in marks_in(text) {
        let prev = text[..at].chars().next_back();
        let next = text[at + c.len_utf8()..].chars().next();
        let start = line.start + at;
        match role(c, prev, next, open.is_some()) {
            Role::Open => open = Some(start),
            Role::Close => {
                if let Some(from) = open.take() {
                    let end = start + c.len_utf8();
                    out.push(Marked {
                        bytes: from..end,
                        closed: true,
                        continues: false,
                    });
                }
            }
            Role::Either => close_or_open(&mut open, start, c, out),
        }
    }
    if let Some(from) = open {
        let at_start = from == line.start;
        if next_opens || at_start {
            out.push(Marked {
                bytes: from..line.end,
                closed: false,
                continues: next_opens,
            });
        }
    }
}

/// The double quotation marks of `text` with their byte offsets, found by their lead
/// bytes so the text is not decoded char by char.
pub(super) fn marks_in(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(at, &b)| {
        if !matches!(b, b'"' | 0xE2 | 0xC2 | 0xEF) {
            return None;
        }
        let c = text.get(at..)?.chars().next()?;
        is_double_mark(c).then_some((at, c))
    })
}

/// A mark that could open or close: it closes an open quote, else opens one.
fn close_or_open(open: &mut Option<usize>, start: usize, c: char, out: &mut Vec<Marked>) {
    match open.take() {
        Some(from) => out.push(Marked {
            bytes: from..start + c.len_utf8(),
            closed: true,
            continues: false,
        }),
        None => *open = Some(start),
    }
}

/// The role of mark `c` between chars `prev` and `next`, with a quote open or not.
fn role(c: char, prev: Option<char>, next: Option<char>, is_open: bool) -> Role {
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…".contains(n));
    match c {
        '“' | '„' | '«' | '‟' => {
            if is_open && space_after && !space_before {
                Role::Close
            } else {
                Role::Open
            }
        }
        '”' | '»' => {
            if !is_open && space_before && !space_after {
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => match (space_before, space_after) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::quoted_spans;

    fn texts(body: &str) -> Vec<&str> {
        quoted_spans(body)
            .into_iter()
            .map(|m| &body[m.bytes])
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_pair() {
        assert_eq!(
            texts(r#"He said "yes, fine." Then “no.”"#),
            ["\"yes, fine.\"", "“no.”"]
        );
    }

    #[test]
    fn an_unbalanced_mark_does_not_shift_later_quotes() {
        let body = "A stray \" mark here and \"more words.\n\nShe said: \"Real quote,\" and left.";
        assert_eq!(texts(body), ["\"Real quote,\""]);
    }

    #[test]
    fn a_multi_paragraph_quote_is_one_span_per_paragraph() {
        let body = "\"First part.\n\n\"Second part,\" he said.";
        let spans = quoted_spans(body);
        assert_eq!(spans.len(), 2);
        assert!(spans[0].continues);
        assert_eq!(&body[spans[0].bytes.clone()], "\"First part.");
    }
}
