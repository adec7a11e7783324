//! `extract_any` with `Format::Html` on arbitrary text: never panics, and a body it returns
//! is non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_core::{Format, IngestConfig};

fuzz_target!(|text: &str| {
    let cfg = IngestConfig::default();
    if let Some(extracted) = samestory_ingest::extract_any(text, Format::Html, &cfg) {
        assert!(!extracted.body.trim().is_empty());
    }
});
