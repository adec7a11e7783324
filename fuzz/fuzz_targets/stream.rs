//! Opening and streaming any bytes as `read_file` and the CLI do: decompression, the JSON
//! Lines / WARC / whole-file decision, blocks of lines with tiny blocks and a tiny line
//! limit (so block edges and too-long lines are hit), then the record readers. Never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::IngestConfig;
use samestory_ingest::stream::{open_reader, Opened};
use samestory_ingest::{jsonl, read_whole, warc, InputFile};
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let cfg = IngestConfig {
        stream_block_bytes: 64,
        max_line_bytes: 256,
        ..IngestConfig::default()
    };
    let input = InputFile::from_path(Path::new("fuzz.bin"));
    let raw = Box::new(std::io::Cursor::new(bytes.to_vec()));
    match open_reader(&input, raw, &cfg) {
        Ok(Opened::Jsonl(s)) => drop(jsonl::read_stream(s, &cfg)),
        Ok(Opened::Warc(s)) => drop(warc::read_stream(s, &cfg)),
        Ok(Opened::Bytes(b)) => drop(read_whole(&input, b, &cfg)),
        Err(_) => {}
    }
});
