//! Clean: raw cell text → the coded frame, one row per respondent across all waves.
//!
//! Rows are cleaned as they are read (`wave`), each wave into one-byte codes (`codes`).
//! Labels are compared after normalisation (see `normalize`), each distinct value of a column
//! once (`memo`). Scale answers become level codes (0 = most agreeing, null = no answer);
//! each option of a choice question becomes a 0/1 column (null = not asked or no answer);
//! attributes become their canonical values. A cell that matches nothing, a row without an
//! id, a repeated id, an answer to a question the respondent was not asked: each is recorded
//! as an [`Issue`] and counted in the [`Accounting`]; nothing is dropped silently. Reading one
//! answer cell lives in `answer`. Values that matched nothing are also tallied per column and
//! distinct value (`tally`), which gives the data-quality summary and the gate that stops a
//! run when a spelling variant would shift a figure (`gate`).
//!
//! Coded frame columns: `wave` (i32 fiscal year), `attr:age` and `attr:<id>` (str), `q:<id>`
//! (i32 level code, or 1 for an answered text), `o:<id>:<k>` (i32 0/1).

mod answer;
mod codes;
mod gate;
mod memo;
mod suggest;
mod tally;
mod wave;

pub use gate::{describe, fixes, gate, group, Gate, UnmatchedGroup};
pub use suggest::Closeness;
pub use tally::{Suggestion, Target, UnmatchedValue};

use crate::ingest::{read_in_background, RawTable, RowSink};
use crate::pipeline::{Pipeline, Wave};
use crate::quality::{Accounting, Issue};
use anyhow::{Context, Result};
use polars::prelude::*;
use tally::Tally;
use wave::{CleanedWave, WaveCleaner};

/// What the clean stage produces.
pub struct Cleaned {
    pub frame: DataFrame,
    pub issues: Vec<Issue>,
    /// Values that matched nothing, one row per wave × column × distinct value.
    pub unmatched: Vec<UnmatchedValue>,
    pub accounting: Vec<Accounting>,
}

/// Cleans every wave's table (paired with its wave), already read whole, into one coded
/// frame.
pub fn clean(pipeline: &Pipeline, waves: &[&Wave], tables: &[RawTable]) -> Result<Cleaned> {
    let cleaned = waves
        .iter()
        .zip(tables)
        .map(|(wave, table)| {
            let mut cleaner = WaveCleaner::new(pipeline, wave.year);
            cleaner.begin(table)?;
            table.rows.iter().try_for_each(|r| cleaner.row(r))?;
            Ok(cleaner.finish())
        })
        .collect::<Result<Vec<_>>>()?;
    put_together(pipeline, cleaned)
}

/// Reads and cleans every wave's export into one coded frame, streaming: no export is held
/// whole. The waves are read side by side, each on two threads (one parsing the file, one
/// cleaning its rows); the first wave in the pipeline's order that fails gives the error.
/// With `progress_bar`, a terminal shows how much of the files is read.
pub fn read_and_clean(pipeline: &Pipeline, waves: &[&Wave], progress_bar: bool) -> Result<Cleaned> {
    let sizes: Vec<u64> = waves
        .iter()
        .map(|w| std::fs::metadata(&w.source.path).map_or(0, |m| m.len()))
        .collect();
    let bar = crate::progress::reading_bar(sizes.iter().sum(), progress_bar);
    // The waves share the cores: one wave's large xlsx sheet is parsed on all of them, two
    // or more waves each on one (each wave's reader is a core's work already).
    let cores = (crate::ingest::cores() / waves.len().max(1)).max(1);
    let cleaned = std::thread::scope(|scope| {
        let workers: Vec<_> = waves
            .iter()
            .zip(&sizes)
            .map(|(w, size)| {
                let bar = &bar;
                scope.spawn(move || {
                    let mut cleaner = WaveCleaner::new(pipeline, w.year);
                    read_in_background(&w.source, &mut cleaner, (bar, *size), cores)?;
                    Ok(cleaner.finish())
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect::<Result<Vec<_>>>()
    });
    bar.finish_and_clear();
    put_together(pipeline, cleaned?)
}

/// The waves' codes as one frame, and their findings in wave order.
fn put_together(pipeline: &Pipeline, waves: Vec<CleanedWave>) -> Result<Cleaned> {
    let mut tally = Tally::default();
    let mut issues = Vec::new();
    let mut accounting = Vec::new();
    let mut columns = Vec::new();
    for w in waves {
        tally.extend(w.found.tally);
        issues.extend(w.found.issues);
        accounting.push(w.accounting);
        columns.push(w.columns);
    }
    let frame = Context::context(
        codes::frame(pipeline, &columns),
        "集計用の表を作れませんでした",
    )?;
    Ok(Cleaned {
        frame,
        unmatched: tally.summary(pipeline),
        issues,
        accounting,
    })
}
