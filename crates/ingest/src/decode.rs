//! Bytes in: opens a file or stdin as a stream with gzip / zstd undone (sniffed by magic
//! bytes, not by name), reads whole inputs under the size limit, then decodes the charset
//! (BOM, UTF-8, the charset a page declares, or a detected legacy charset).
//! Returns text or a typed error; knows nothing of article shapes.

mod charset;

use crate::sources::{InputFile, InputSource};
use crate::{IngestError, IngestWarning};
use samestory_core::IngestConfig;
use std::io::{BufRead, BufReader, Read};

const GZIP_MAGIC: &[u8] = &[0x1f, 0x8b];
const ZSTD_MAGIC: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];

/// Reads the input's bytes, decompressed, at most `cfg.max_file_bytes` of them.
pub fn read_bytes(input: &InputFile, cfg: &IngestConfig) -> Result<Vec<u8>, IngestError> {
    let (reader, codec) = open_decompressed(input)?;
    let mut bytes = Vec::new();
    read_limited_into(&input.display, reader, cfg.max_file_bytes, &mut bytes).map_err(
        |e| match e {
            LimitedRead::Io(source) => read_error(input, codec, source),
            LimitedRead::TooLarge(err) => err,
        },
    )?;
    check_not_empty(input, bytes)
}

/// `bytes`, unless they are empty or only whitespace.
pub fn check_not_empty(input: &InputFile, bytes: Vec<u8>) -> Result<Vec<u8>, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty {
            path: input.display.clone(),
        });
    }
    Ok(bytes)
}

/// The error of a failed read: a decompression error when a codec is in the way.
pub(crate) fn read_error(
    input: &InputFile,
    codec: Option<&'static str>,
    source: std::io::Error,
) -> IngestError {
    let path = input.display.clone();
    match codec {
        Some(codec) => IngestError::Decompress {
            path,
            codec,
            source,
        },
        None => IngestError::Read { path, source },
    }
}

/// The input as a buffered stream of decompressed bytes, and the codec undone (`gzip` or
/// `zstd`, sniffed from the first bytes), if any.
pub fn open_decompressed(
    input: &InputFile,
) -> Result<(Box<dyn BufRead + Send>, Option<&'static str>), IngestError> {
    let raw: Box<dyn Read + Send> = match &input.source {
        InputSource::Path(p) => {
            Box::new(std::fs::File::open(p).map_err(|source| IngestError::Read {
                path: input.display.clone(),
                source,
            })?)
        }
        InputSource::Stdin => Box::new(std::io::stdin()),
    };
    decompressed(input, raw)
}

/// `raw` decompressed (gzip / zstd sniffed from its first bytes), and the codec, if any.
pub fn decompressed(
    input: &InputFile,
    raw: Box<dyn Read + Send>,
) -> Result<(Box<dyn BufRead + Send>, Option<&'static str>), IngestError> {
    let mut raw = BufReader::with_capacity(1 << 16, raw);
    let magic = peek(&mut raw, 4).map_err(|source| read_error(input, None, source))?;
    let codec = if magic.starts_with(GZIP_MAGIC) {
        Some("gzip")
    } else if magic.starts_with(ZSTD_MAGIC) {
        Some("zstd")
    } else {
        None
    };
    let raw = std::io::Cursor::new(magic).chain(raw);
    let reader: Box<dyn BufRead + Send> = match codec {
        Some("gzip") => Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(raw))),
        Some(_) => Box::new(BufReader::new(
            zstd::stream::read::Decoder::new(raw).map_err(|e| read_error(input, codec, e))?,
        )),
        None => Box::new(raw),
    };
    Ok((reader, codec))
}

/// Up to `n` first bytes of `r` (fewer only at its end), consumed from it.
fn peek(r: &mut impl Read, n: usize) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    r.by_ref().take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// Why [`read_limited_into`] failed.
pub(crate) enum LimitedRead {
    Io(std::io::Error),
    TooLarge(IngestError),
}

/// Appends the rest of `reader` to `buf`, failing once `buf` would exceed `limit` bytes.
pub(crate) fn read_limited_into(
    path: &str,
    reader: impl Read,
    limit: u64,
    buf: &mut Vec<u8>,
) -> Result<(), LimitedRead> {
    let room = limit.saturating_add(1).saturating_sub(buf.len() as u64);
    reader
        .take(room)
        .read_to_end(buf)
        .map_err(LimitedRead::Io)?;
    if buf.len() as u64 > limit {
        let err = IngestError::TooLarge {
            path: path.into(),
            size: buf.len() as u64,
            limit,
        };
        return Err(LimitedRead::TooLarge(err));
    }
    Ok(())
}

/// Decodes bytes to text: a BOM wins; else valid UTF-8 (whatever a page declares, as
/// when its charset is declared wrongly); else the charset a markup page declares
/// (`charset::declared`) unless decoding by it fails (`decodes_cleanly`); else UTF-8 with
/// a few bad bytes (replaced, with a warning); else the charset `chardetng` detects. NUL
/// bytes in text that is not UTF-16 mean binary data.
pub fn decode_text(
    input: &InputFile,
    bytes: &[u8],
) -> Result<(String, Option<IngestWarning>), IngestError> {
    let path = &input.display;
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(decode_with(path, encoding, &bytes[bom_len..]));
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            path: path.clone(),
            offset,
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(decode_seven_bit(path, text, bytes));
    }
    if let Some(decoded) = decode_declared(path, bytes) {
        return Ok(decoded);
    }
    Ok(decode_with(path, guess_encoding(bytes), bytes))
}

/// Valid UTF-8 is taken as it is, save a page declaring ISO-2022-JP (a 7-bit charset that
/// is valid UTF-8 byte for byte) that holds its escape sequences.
fn decode_seven_bit(path: &str, text: &str, bytes: &[u8]) -> (String, Option<IngestWarning>) {
    let iso_2022_jp = encoding_rs::ISO_2022_JP;
    if bytes.contains(&ESCAPE) && charset::declared(bytes) == Some(iso_2022_jp) {
        return decode_with(path, iso_2022_jp, bytes);
    }
    (text.to_owned(), None)
}

/// The escape byte that switches ISO-2022-JP's character sets.
const ESCAPE: u8 = 0x1b;

/// Bytes that are not valid UTF-8, decoded by the charset their page declares, when it
/// declares one other than UTF-8 that fits them; `None` leaves them to UTF-8 repair and
/// detection (a UTF-8 declaration is taken at its word there: damaged UTF-8 stays UTF-8).
fn decode_declared(path: &str, bytes: &[u8]) -> Option<(String, Option<IngestWarning>)> {
    let declared = charset::declared(bytes)?;
    if declared == encoding_rs::UTF_8 || looks_like_damaged_utf8(bytes) {
        return None;
    }
    let decoded = decode_with(path, declared, bytes);
    decodes_cleanly(&decoded.0, bytes).then_some(decoded)
}

/// A decoding that replaced at most one in [`MAX_REPLACED_SHARE`] of the non-ASCII bytes
/// (a multi-byte charset declared on bytes in another one replaces many).
fn decodes_cleanly(text: &str, bytes: &[u8]) -> bool {
    let replaced = text
        .chars()
        .filter(|&c| c == char::REPLACEMENT_CHARACTER)
        .count();
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    replaced * MAX_REPLACED_SHARE <= non_ascii
}

/// One replaced character in this many non-ASCII bytes is still a clean decoding.
const MAX_REPLACED_SHARE: usize = 100;

/// Mostly well-formed multi-byte UTF-8 with a few bad bytes: UTF-8 whatever is declared.
fn looks_like_damaged_utf8(bytes: &[u8]) -> bool {
    let valid = utf8_multibyte_chars(bytes);
    valid > 0 && valid >= DAMAGED_UTF8_RATIO * invalid_utf8_sequences(bytes)
}

/// Well-formed multi-byte characters per bad sequence above which bytes are damaged UTF-8
/// rather than a declared legacy charset.
const DAMAGED_UTF8_RATIO: usize = 4;

/// [`decode_text`] for bytes the caller gives up: valid UTF-8 without a BOM or NUL byte (the
/// common case) becomes the text in place, without a copy.
pub fn decode_text_owned(
    input: &InputFile,
    bytes: Vec<u8>,
) -> Result<(String, Option<IngestWarning>), IngestError> {
    let special = bytes.contains(&0) || bytes.contains(&ESCAPE);
    if special || encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return decode_text(input, &bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(e) => decode_text(input, e.as_bytes()),
    }
}

fn decode_with(
    path: &str,
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> (String, Option<IngestWarning>) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| IngestWarning::InvalidBytesReplaced {
        path: path.into(),
        encoding: encoding.name(),
    });
    (text.into_owned(), warning)
}

/// UTF-8 when the text holds well-formed multi-byte sequences (the bad bytes are then damage),
/// else chardetng's guess for a legacy charset.
fn guess_encoding(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let valid = utf8_multibyte_chars(bytes);
    if valid > 0 && valid >= invalid_utf8_sequences(bytes) {
        return encoding_rs::UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn utf8_multibyte_chars(bytes: &[u8]) -> usize {
    bytes
        .utf8_chunks()
        .map(|c| c.valid().chars().filter(|ch| !ch.is_ascii()).count())
        .sum()
}

fn invalid_utf8_sequences(bytes: &[u8]) -> usize {
    bytes
        .utf8_chunks()
        .filter(|c| !c.invalid().is_empty())
        .count()
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
