//! Any bytes as a UTF-8 CSV export: ingest (decoding, CSV parsing, header lookup) and clean
//! (label matching, multi-select splitting, conditions, ids) must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static SETUP: OnceLock<(staff_survey::pipeline::Pipeline, std::path::PathBuf)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (pipeline, wave) = SETUP.get_or_init(|| common::setup("wave.csv", "encoding = \"utf-8\""));
    std::fs::write(wave, data).unwrap();
    common::ingest_and_clean(pipeline);
});
