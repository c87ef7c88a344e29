//! `make-sample-data`: writes the fictional, seeded sample inputs of the
//! `staff-survey` pipeline (three yearly staff-survey exports of the fictional
//! city of しおかぜ市, one administrative-indicator CSV, six staff rosters
//! R1–R6, HR event counts, comparison values and a README).
//!
//! ```text
//! cargo run --bin make-sample-data -- [OUT_DIR]      # default OUT_DIR: sample-data
//! ```
//!
//! The program is standalone: it uses only `std`, `rust_xlsxwriter` and
//! `encoding_rs`, never the `staff-survey` library, so the sample data cannot
//! silently follow a bug in the code it is meant to test.
//!
//! # Determinism
//! Every random draw comes from one hand-written xoshiro256** generator seeded
//! through SplitMix64 from the fixed constant [`SEED`](prng::SEED) (the ASCII
//! bytes of "SHIOKAZE"), with one independent stream per file (see
//! [`Rng::stream`](prng::Rng::stream)).
//! Only integer arithmetic, IEEE-754 `+ - * /` and `sqrt` (all correctly
//! rounded, hence identical on every platform) touch the random numbers; no
//! `exp`/`ln`/`cos` from the platform maths library, no hash-map iteration,
//! no clock. The xlsx document-creation time is fixed per file, so every run
//! on every machine writes the same bytes. The README lists their SHA-256.
//!
//! # Model (details in the generated README)
//! Each respondent has a latent engagement `e` (approximately standard normal,
//! plus a small department effect). Statement `k` has the latent score
//! `z_k = λ_k·e + √(1-λ_k²)·ε_k (+ an employment-type offset)`, with `λ` for
//! 仕事にやりがいを感じている equal to 1, so `e` *is* the やりがい latent.
//! Within each age band the respondents are ranked by `z_k` and the top
//! `round(p·n)` agree, where `p` is Otaru's R5 age-band share, moved so the
//! overall share hits Otaru's KPI baseline where one exists, and moved by a
//! wave offset (R4 a little lower, R6 a little higher). The loadings `λ_k`
//! were calibrated so the やりがい有/無 split resembles Otaru's.
//!
//! The staff rosters come from one population simulated from 1 April 2019 to
//! 31 March 2025: leavers per fiscal year (exact numbers, the young
//! resignations checked against the plan), promotions into vacant posts and
//! new hires, with the women's shares steered to yearly targets.
//!
//! # Files
//! This file owns the command line and the order of the outputs; one module
//! per concept: `prng` (random numbers), `questionnaire` (questions, labels
//! and distributions), `waves` (the three waves and the column layout),
//! `respondents` (the simulation), `rows` (respondents as text rows),
//! `defects` (deliberate defects), `csv_writer` / `xlsx_writer` (file
//! formats), `admin` (administrative indicators), `sha256` and `readme`.
//! Staff rosters: `staff` (bodies, jobs, posts, titles, seats, names),
//! `roster_years` (the six rosters and their yearly targets), `dates`,
//! `population` (people and the first population), `leavers`, `staffing`
//! (promotions and hires), `rosters` (the simulation and the rows),
//! `roster_defects`, `roster_stats` (figures for the README); `hr_events`,
//! `benchmarks`; `readme_roster` / `readme_hr` (their README sections).

mod admin;
mod benchmarks;
mod csv_writer;
mod dates;
mod defects;
mod hr_events;
mod leavers;
mod population;
mod prng;
mod questionnaire;
mod readme;
mod readme_hr;
mod readme_roster;
mod respondents;
mod roster_defects;
mod roster_stats;
mod roster_years;
mod rosters;
mod rows;
mod sha256;
mod staff;
mod staffing;
mod waves;
mod xlsx_writer;

use std::error::Error;
use std::path::{Path, PathBuf};

use admin::admin_csv;
use benchmarks::benchmarks_csv;
use csv_writer::{csv_text, encode_cp932};
use defects::{inject_defects, Defect};
use hr_events::hr_events_csv;
use population::Entry;
use readme::readme;
use respondents::generate;
use roster_defects::{inject_roster_defects, RosterDefect};
use roster_stats::{roster_stats, RosterStats};
use roster_years::{RosterYear, ROSTER_YEARS};
use rosters::{roster_bytes, roster_rows, simulate};
use rows::render;
use sha256::sha256_hex;
use waves::{headers, FileFormat, Wave, WAVES};
use xlsx_writer::xlsx_bytes;

type Res<T> = Result<T, Box<dyn Error>>;

pub const EVENTS_FILE: &str = "hr-events.csv";
pub const BENCHMARKS_FILE: &str = "hr-benchmarks.csv";

/// One generated survey export.
struct WaveOutput {
    file: &'static str,
    bytes: Vec<u8>,
    /// Where the deliberate defects are.
    defects: Vec<Defect>,
    /// Data rows (without the header).
    rows: usize,
}

/// One generated staff roster.
pub struct RosterOutput {
    file: &'static str,
    bytes: Vec<u8>,
    defects: Vec<RosterDefect>,
    stats: RosterStats,
}

/// The HR files besides the survey exports: rosters, events and benchmarks.
pub struct HrOutputs {
    rosters: Vec<RosterOutput>,
    events: Vec<u8>,
    benchmarks: Vec<u8>,
}

/// Renders roster `index`, puts in its defects, checks the young-resignation KPI and writes it
/// in the roster's file format.
fn build_roster(index: usize, y: &RosterYear, entries: &[Entry]) -> Res<RosterOutput> {
    let mut rows = roster_rows(entries);
    let defects = inject_roster_defects(index, y, entries, &mut rows);
    let stats = roster_stats(y, &rows);
    if stats.young_quits[..4] != y.young_quits || stats.young_quits[4] != 0 {
        return Err(format!(
            "{}: young resignations {:?}, wanted {:?}",
            y.file, stats.young_quits, y.young_quits
        )
        .into());
    }
    Ok(RosterOutput {
        file: y.file,
        bytes: roster_bytes(y, &rows)?,
        defects,
        stats,
    })
}

/// Simulates the staff over six years and builds the rosters, events and benchmarks.
fn build_hr() -> Res<HrOutputs> {
    let rosters = simulate()
        .iter()
        .zip(ROSTER_YEARS.iter())
        .enumerate()
        .map(|(i, (entries, y))| build_roster(i, y, entries))
        .collect::<Res<Vec<_>>>()?;
    Ok(HrOutputs {
        rosters,
        events: hr_events_csv(),
        benchmarks: benchmarks_csv(),
    })
}

/// Simulates one wave, puts in its defects and writes it in the wave's file format.
fn build_wave(wave: &Wave) -> Res<WaveOutput> {
    let people = generate(wave);
    let header = headers(wave);
    let mut rows = render(wave, &people);
    let defects = inject_defects(wave, &header, &mut rows);
    let bytes = match wave.format {
        FileFormat::Xlsx => xlsx_bytes(wave, &header, &rows)?,
        FileFormat::CsvShiftJis => encode_cp932(&csv_text(&header, &rows))?,
    };
    Ok(WaveOutput {
        file: wave.file,
        bytes,
        defects,
        rows: rows.len(),
    })
}

/// Writes every file into `out_dir` and prints its checksum.
fn run(out_dir: &Path) -> Res<()> {
    std::fs::create_dir_all(out_dir)?;
    let mut outputs = Vec::new();
    for wave in &WAVES {
        let o = build_wave(wave)?;
        std::fs::write(out_dir.join(o.file), &o.bytes)?;
        println!(
            "{}: {} data rows, {} bytes, sha256 {}",
            o.file,
            o.rows,
            o.bytes.len(),
            sha256_hex(&o.bytes)
        );
        outputs.push(o);
    }
    let admin = admin_csv();
    std::fs::write(out_dir.join("admin-indicators.csv"), &admin)?;
    let admin_sha = sha256_hex(&admin);
    println!("admin-indicators.csv: sha256 {admin_sha}");
    let hr = build_hr()?;
    for r in &hr.rosters {
        std::fs::write(out_dir.join(r.file), &r.bytes)?;
        println!(
            "{}: {} data rows, {} bytes, sha256 {}",
            r.file,
            r.stats.rows,
            r.bytes.len(),
            sha256_hex(&r.bytes)
        );
    }
    for (file, bytes) in [(EVENTS_FILE, &hr.events), (BENCHMARKS_FILE, &hr.benchmarks)] {
        std::fs::write(out_dir.join(file), bytes)?;
        println!("{file}: sha256 {}", sha256_hex(bytes));
    }
    std::fs::write(out_dir.join("README.md"), readme(&outputs, &admin_sha, &hr))?;
    println!("README.md written to {}", out_dir.display());
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 1 {
        eprintln!("usage: make-sample-data [OUT_DIR]   (default: sample-data)");
        std::process::exit(if args.len() > 1 { 2 } else { 0 });
    }
    let out = args
        .first()
        .map_or_else(|| PathBuf::from("sample-data"), PathBuf::from);
    if let Err(e) = run(&out) {
        eprintln!("make-sample-data: error: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_deterministic() {
        let a = build_wave(&WAVES[1]).unwrap();
        let b = build_wave(&WAVES[1]).unwrap();
        assert_eq!(a.bytes, b.bytes);
        let x = build_wave(&WAVES[2]).unwrap();
        let y = build_wave(&WAVES[2]).unwrap();
        assert_eq!(x.bytes, y.bytes);
    }

    #[test]
    fn rosters_are_deterministic() {
        let a = build_hr().unwrap();
        let b = build_hr().unwrap();
        for (x, y) in a.rosters.iter().zip(&b.rosters) {
            assert_eq!(x.bytes, y.bytes, "{}", x.file);
        }
    }
}
