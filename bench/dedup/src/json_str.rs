//! The body of one JSON string (the text between its quotes) decoded into a buffer the
//! caller reuses. serde_json decodes an escaped string into a scratch buffer that starts
//! empty for every record and grows by doubling, then copies it out; news bodies almost
//! all hold `\n` escapes, so that was every record. Returns the decoded text or why the
//! text is not a JSON string body; validates no UTF-8 (the input is `&str`) and parses
//! nothing but one string.

use thiserror::Error;

/// Why text is not the body of a JSON string.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum JsonStrError {
    /// A backslash not followed by a valid escape, at this byte offset.
    #[error("bad escape at byte {0}")]
    Escape(usize),
    /// A `\u` escape naming a lone surrogate, at this byte offset.
    #[error("lone surrogate at byte {0}")]
    Surrogate(usize),
}

/// Decodes the string body `raw` into `out` (cleared first; its allocation is reused).
pub fn decode_into(raw: &str, out: &mut String) -> Result<(), JsonStrError> {
    out.clear();
    out.reserve(raw.len());
    let mut at = 0;
    while let Some(p) = memchr::memchr(b'\\', &raw.as_bytes()[at..]) {
        out.push_str(&raw[at..at + p]);
        let (c, next) = unescape(raw.as_bytes(), at + p)?;
        out.push(c);
        at = next;
    }
    out.push_str(&raw[at..]);
    Ok(())
}

/// The char of the escape at `raw[at]` (a backslash) and the offset after it.
fn unescape(raw: &[u8], at: usize) -> Result<(char, usize), JsonStrError> {
    let simple = match raw.get(at + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode(raw, at),
        _ => return Err(JsonStrError::Escape(at)),
    };
    Ok((simple, at + 2))
}

/// The char of a `\uXXXX` escape (with its low surrogate when it is a high one).
fn unicode(raw: &[u8], at: usize) -> Result<(char, usize), JsonStrError> {
    let hi = hex4(raw, at)?;
    let (code, next) = match hi {
        0xd800..=0xdbff => {
            let lo = hex4(raw, at + 6).map_err(|_| JsonStrError::Surrogate(at))?;
            if !(0xdc00..=0xdfff).contains(&lo) {
                return Err(JsonStrError::Surrogate(at));
            }
            (0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00), at + 12)
        }
        0xdc00..=0xdfff => return Err(JsonStrError::Surrogate(at)),
        _ => (hi, at + 6),
    };
    let c = char::from_u32(code).ok_or(JsonStrError::Surrogate(at))?;
    Ok((c, next))
}

/// The four hex digits of the `\u` escape at `raw[at]`.
fn hex4(raw: &[u8], at: usize) -> Result<u32, JsonStrError> {
    let digits = raw
        .get(at..at + 6)
        .filter(|d| d.starts_with(b"\\u"))
        .ok_or(JsonStrError::Escape(at))?;
    digits[2..].iter().try_fold(0u32, |v, &d| {
        let x = (d as char).to_digit(16).ok_or(JsonStrError::Escape(at))?;
        Ok(v << 4 | x)
    })
}

#[cfg(test)]
#[path = "json_str_tests.rs"]
mod tests;
