//! The whole path for one file's bytes after decompression, as `read_file` takes it: WARC
//! check, charset decoding, sniffing, then the JSONL reader or `extract_any` with the sniffed
//! format. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::{Format, IngestConfig};
use samestory_ingest::{decode, jsonl, sniff, warc, FileOutcome, InputFile};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let cfg = IngestConfig::default();
    let input = InputFile::from_path(Path::new("fuzz.bin"));
    let mut out = FileOutcome::default();
    if sniff::is_warc(bytes) {
        return warc::read_records(&input, bytes, &cfg, &mut out);
    }
    let Ok((text, _)) = decode::decode_text(&input, bytes) else {
        return;
    };
    match sniff::sniff_text(&text) {
        Format::Jsonl => jsonl::read_records(&input, &text, &cfg, &mut out),
        format => {
            let _ = samestory_ingest::extract_any(&text, format, &cfg);
        }
    }
});
