//! staff-survey: the yearly staff-survey pipeline for Japanese city halls.
//!
//! Stages, one module each, called in order by [`run::run`]:
//! `config` → `ingest` → `clean` → `segment` → `aggregate` → `indicators` → `findings` → `render`.

pub mod aggregate;
pub mod archive;
pub mod atomic;
pub mod clean;
pub mod cli;
pub mod cli_error;
pub mod config;
pub mod drivers;
pub mod error_text;
pub mod findings;
pub mod fiscal_year;
pub mod indicators;
pub mod ingest;
pub mod init;
pub mod manifest;
pub mod normalize;
pub mod pipeline;
pub mod progress;
pub mod quality;
pub mod render;
pub mod run;
pub mod segment;
pub mod settings;
pub mod staff;
pub mod stats;
pub mod verify;
