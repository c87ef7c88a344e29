//! Any bytes as an xlsx export: the zip and size checks, calamine and clean must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

static SETUP: OnceLock<(staff_survey::pipeline::Pipeline, std::path::PathBuf)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (pipeline, wave) = SETUP.get_or_init(|| common::setup("wave.xlsx", ""));
    std::fs::write(wave, data).unwrap();
    common::ingest_and_clean(pipeline);
});
