//! Decides a record's shape from its content (never from the file name): Parquet by its magic
//! bytes (`PAR1` at its start and end), WARC by its version line, JSONL when the first
//! non-blank line is a JSON object, HTML by its tags, markdown by its syntax, else plain text.

use samestory_core::Format;

/// The bytes a Parquet file starts and ends with.
pub const PARQUET_MAGIC: &[u8; 4] = b"PAR1";

/// True when the bytes (a file's first bytes, or its last four) are Parquet's magic: a
/// Parquet file starts and ends with `PAR1`.
pub fn is_parquet(bytes: &[u8]) -> bool {
    bytes.starts_with(PARQUET_MAGIC)
}

/// True when the bytes start a WARC file (`WARC/1.x`).
pub fn is_warc(bytes: &[u8]) -> bool {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    bytes[start..].starts_with(b"WARC/")
}

/// The shape of decoded text (never [`Format::Warc`], see [`is_warc`]).
pub fn sniff_text(text: &str) -> Format {
    if looks_like_jsonl(text) {
        Format::Jsonl
    } else if looks_like_html(text) {
        Format::Html
    } else if crate::plain::looks_like_markdown(text) {
        Format::Markdown
    } else {
        Format::Text
    }
}

fn looks_like_jsonl(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return false;
    };
    first.starts_with('{')
        && matches!(
            serde_json::from_str::<serde_json::Value>(first),
            Ok(serde_json::Value::Object(_))
        )
}

/// True when the text is an HTML document or fragment rather than prose that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    if !starts_with_tag(text) {
        return false;
    }
    let head: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if HTML_STARTS.iter().any(|p| trimmed.starts_with(p)) {
        return true;
    }
    trimmed.starts_with('<') && block_tag_count(&head) >= 2
}

/// Lowercased openings that make a text HTML on their own.
const HTML_STARTS: [&str; 6] = [
    "<!doctype html",
    "<html",
    "<?xml",
    "<head",
    "<body",
    "<article",
];

/// Whether the first char after leading whitespace and BOMs is `<`: every HTML signal needs
/// it, so prose is told apart without copying its head.
fn starts_with_tag(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .starts_with('<')
}

fn block_tag_count(head: &str) -> usize {
    [
        "<p>", "<p ", "<div", "</p>", "<br", "<h1", "<h2", "<li", "<meta", "<title",
    ]
    .iter()
    .map(|t| head.matches(t).count())
    .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_told_apart() {
        assert_eq!(
            sniff_text("<!DOCTYPE html><html><body><p>x</p></body></html>"),
            Format::Html
        );
        assert_eq!(
            sniff_text("  <div><p>One.</p><p>Two.</p></div>"),
            Format::Html
        );
        assert_eq!(
            sniff_text("{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2}\n"),
            Format::Jsonl
        );
        assert_eq!(sniff_text("Plain words.\nMore words.\n"), Format::Text);
        assert_eq!(
            sniff_text("{not json at all} said the headline\n"),
            Format::Text
        );
        assert_eq!(sniff_text("Prose that mentions <p> once."), Format::Text);
    }

    /// The definition before the `<` shortcut: head copied, lowercased, then tested.
    fn html_reference(text: &str) -> bool {
        let head = text
            .chars()
            .take(4096)
            .collect::<String>()
            .to_ascii_lowercase();
        let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        HTML_STARTS.iter().any(|p| trimmed.starts_with(p))
            || (trimmed.starts_with('<') && block_tag_count(&head) >= 2)
    }

    proptest::proptest! {
        #[test]
        fn tag_shortcut_never_changes_the_answer(
            s in "[ \t\n\u{feff}]{0,3}(<|x|<p>|<P>|<div|<!DOCTYPE html|<br|</p>| |\u{a0})*"
        ) {
            proptest::prop_assert_eq!(looks_like_html(&s), html_reference(&s));
        }
    }

    #[test]
    fn parquet_is_sniffed_from_its_magic() {
        assert!(is_parquet(b"PAR1\x15\x04\x15"));
        assert!(!is_parquet(b"PAR"));
        assert!(!is_parquet(b" PAR1"));
        assert!(!is_parquet(b"par1"));
        assert!(!is_parquet(b""));
    }

    #[test]
    fn warc_is_sniffed_from_bytes() {
        assert!(is_warc(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
        assert!(!is_warc(b"<html>"));
        assert!(!is_warc(b""));
    }
}
