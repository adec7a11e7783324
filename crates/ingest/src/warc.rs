//! WARC containers: each `response` (HTML over HTTP) or `resource` record becomes one document,
//! id = its `WARC-Record-ID`, URL = `WARC-Target-URI` unless the page names a canonical one.
//! Other record types (request, metadata, warcinfo) are skipped; non-text payloads are skipped.
//! A parse error stops the file there with one error; records read before it are kept.
//! (Files are streamed by `stream::WarcStream`; [`read_records`] reads bytes in memory.)

use crate::assemble::{assemble, Record as DocRecord};
use crate::stream::WarcStream;
use crate::{decode, extract_any, sniff, FileOutcome, IngestError, InputFile};
use samestory_core::{Format, IngestConfig};
use warc::{RecordType, WarcHeader, WarcReader};

/// Reads every record of a (decompressed) WARC file.
pub fn read_records(input: &InputFile, bytes: &[u8], cfg: &IngestConfig, out: &mut FileOutcome) {
    for (read, record) in WarcReader::new(bytes).iter_records().enumerate() {
        match record {
            Ok(record) => read_record(input, record, cfg, out),
            Err(e) => {
                let why = e.to_string();
                let path = input.display.clone();
                return out.errors.push(IngestError::BadWarc {
                    path,
                    records_read: read,
                    why,
                });
            }
        }
    }
}

/// Reads a streamed WARC input on the calling thread.
pub fn read_stream(mut stream: WarcStream, cfg: &IngestConfig) -> FileOutcome {
    let mut out = FileOutcome::default();
    let input = stream.input().clone();
    while let Some(batch) = stream.next_batch() {
        for record in batch.records {
            read_record(&input, record, cfg, &mut out);
        }
        out.errors.extend(batch.error);
    }
    out
}

/// One record: a document when it is a `response` or `resource` with text.
pub fn read_record(
    input: &InputFile,
    record: warc::Record<warc::BufferedBody>,
    cfg: &IngestConfig,
    out: &mut FileOutcome,
) {
    let payload = match record.warc_type() {
        RecordType::Response => http_payload(record.body()),
        RecordType::Resource => Some(record.body().to_vec()),
        _ => None,
    };
    let Some(payload) = payload.filter(|p| !p.is_empty()) else {
        return;
    };
    let id = record.warc_id().to_string();
    let target = target_uri(record);
    let record_input = InputFile {
        id: id.clone(),
        display: format!("{}#{id}", input.display),
        source: input.source.clone(),
    };
    push_payload(&record_input, &payload, target, cfg, out);
}

/// The `WARC-Target-URI` header, read from the raw headers: `Record::header` of the warc
/// crate (0.4) panics on a value that is not UTF-8, so bad bytes are replaced here instead.
fn target_uri(record: warc::Record<warc::BufferedBody>) -> Option<String> {
    let (headers, _) = record.into_raw_parts();
    let raw = headers.as_ref().get(&WarcHeader::TargetURI)?;
    Some(String::from_utf8_lossy(raw).into_owned())
}

fn push_payload(
    input: &InputFile,
    payload: &[u8],
    target: Option<String>,
    cfg: &IngestConfig,
    out: &mut FileOutcome,
) {
    let text = match decode::decode_text(input, payload) {
        Ok((text, warning)) => {
            out.warnings.extend(warning);
            text
        }
        Err(IngestError::Binary { .. }) => return,
        Err(e) => return out.errors.push(e),
    };
    let inner = match sniff::sniff_text(&text) {
        Format::Html => Format::Html,
        _ => Format::Text,
    };
    let Some(mut extracted) = extract_any(&text, inner, cfg) else {
        return out.errors.push(IngestError::NoText {
            path: input.display.clone(),
        });
    };
    if extracted.url.is_none() {
        extracted.url = target;
    }
    let record = DocRecord {
        id: input.id.clone(),
        source: input.display.clone(),
        format: Format::Warc,
    };
    out.documents.push(assemble(record, extracted, cfg));
}

/// The body of an HTTP response (headers stripped, chunked and gzip encodings undone), or
/// `None` when the status is not 2xx.
fn http_payload(http: &[u8]) -> Option<Vec<u8>> {
    let split = find(http, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| find(http, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(&http[..split.0]).to_ascii_lowercase();
    let status_ok = head
        .split_whitespace()
        .nth(1)
        .is_some_and(|s| s.starts_with('2'));
    if !status_ok {
        return None;
    }
    let mut body = http[split.0 + split.1..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    if head.contains("content-encoding: gzip") {
        body = gunzip(&body).unwrap_or(body);
    }
    Some(body)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    while let Some(eol) = find(data, b"\r\n") {
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        let start = eol + 2;
        if size == 0 || start + size > data.len() {
            break;
        }
        out.extend_from_slice(&data[start..start + size]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(data)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

#[cfg(test)]
#[path = "warc_tests.rs"]
mod tests;
