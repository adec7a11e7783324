//! The charset a markup page declares for itself: `<meta charset>`, `<meta http-equiv=
//! "Content-Type" content="…; charset=…">` or an XML declaration's `encoding`, read from the
//! first [`PRESCAN_BYTES`] bytes of a file that starts with `<`, as browsers prescan. Labels
//! map to encodings as browsers map them (`iso-8859-1` → windows-1252; a UTF-16 label on an
//! ASCII-compatible page → UTF-8). Bytes in, an encoding out; never decodes the page itself.

use encoding_rs::Encoding;
use regex::bytes::Regex;
use std::sync::LazyLock;

/// How many leading bytes are searched for a declaration.
pub const PRESCAN_BYTES: usize = 4096;

/// `<meta … charset=LABEL` (both the `charset` attribute and the `content` of http-equiv).
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)"#)
        .expect("meta charset pattern")
});
/// `<?xml … encoding="LABEL"`.
static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)["']"#)
        .expect("xml encoding pattern")
});

/// The encoding `bytes` declare, if they are markup and declare a known one.
pub fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    if !starts_with_markup(head) {
        return None;
    }
    let label = XML_ENCODING
        .captures(head)
        .or_else(|| META_CHARSET.captures(head))?
        .get(1)?
        .as_bytes();
    Encoding::for_label(label).map(Encoding::output_encoding)
}

/// The first byte that is not white space is `<`.
fn starts_with_markup(head: &[u8]) -> bool {
    head.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}
