//! The JSONL reader on arbitrary text: never panics; every line is a document or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::IngestConfig;
use samestory_ingest::{jsonl, FileOutcome, InputFile};
use std::path::Path;

fuzz_target!(|text: &str| {
    let input = InputFile::from_path(Path::new("fuzz.jsonl"));
    let mut out = FileOutcome::default();
    jsonl::read_records(&input, text, &IngestConfig::default(), &mut out);
});
