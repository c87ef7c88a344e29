//! The seeded generator of large exports in the shape of a pooled survey: 40 four-point
//! items, 5 multi-select questions of 8 options (one cell, options joined by `;`), age band,
//! employment type and 30 departments, one file per wave (CSV in UTF-8, or xlsx), and the
//! pipeline file that reads them (segments age, やりがい, employment, department).
//!
//! Each respondent has a latent engagement `e ~ N(0, 1)`; item `k`'s answer is the level of
//! `0.6·e + 0.8·ε_k` cut at −0.8, 0 and 0.8 (2% left blank). The numbers only need to be
//! plausible; what matters is the size and shape.

// The sample data's generator (SplitMix64-seeded xoshiro256**); not every draw is used here.
#[allow(dead_code)]
#[path = "../make-sample-data/prng.rs"]
mod prng;

use prng::Rng;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub const ITEMS: usize = 40;
pub const MULTI: usize = 5;
pub const OPTIONS: usize = 8;
pub const DEPARTMENTS: usize = 30;
const LEVELS: [&str; 4] = [
    "そう思う",
    "どちらかと言えばそう思う",
    "どちらかと言えばそう思わない",
    "そう思わない",
];
const BANDS: [&str; 5] = ["10～20歳代", "30歳代", "40歳代", "50歳代", "60歳代～"];
const BAND_WEIGHTS: [f64; 5] = [0.18, 0.22, 0.24, 0.26, 0.10];
const EMPLOYMENT: [&str; 2] = ["正規職員", "会計年度任用職員"];

/// Input format of a generated wave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn ext(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

fn item_column(k: usize) -> String {
    format!("設問{:02}への回答", k + 1)
}

fn multi_column(m: usize) -> String {
    format!("複数選択{}", m + 1)
}

fn option_label(m: usize, o: usize) -> String {
    format!("選択肢{}-{}", m + 1, o + 1)
}

fn department(d: usize) -> String {
    format!("部署{:02}", d + 1)
}

pub fn header() -> Vec<String> {
    let mut h = vec![
        "回答ID".to_string(),
        "年代".into(),
        "雇用形態".into(),
        "所属".into(),
    ];
    h.extend((0..ITEMS).map(item_column));
    h.extend((0..MULTI).map(multi_column));
    h
}

/// One respondent's row.
fn row(rng: &mut Rng, id: usize, wave: usize, dept_weights: &[f64]) -> Vec<String> {
    let e = rng.normal();
    let mut r = vec![
        format!("W{wave}-{id:07}"),
        BANDS[rng.weighted(&BAND_WEIGHTS)].to_string(),
        EMPLOYMENT[usize::from(rng.chance(0.3))].to_string(),
        department(rng.weighted(dept_weights)),
    ];
    for _ in 0..ITEMS {
        if rng.chance(0.02) {
            r.push(String::new());
            continue;
        }
        let z = 0.6 * e + 0.8 * rng.normal();
        let level = [-0.8, 0.0, 0.8].iter().filter(|t| z < **t).count();
        // The highest latent agrees most: level 0 is そう思う.
        r.push(LEVELS[3 - level].to_string());
    }
    for m in 0..MULTI {
        let chosen: Vec<String> = (0..OPTIONS)
            .filter(|_| rng.chance(0.25))
            .map(|o| option_label(m, o))
            .collect();
        r.push(chosen.join(";"));
    }
    r
}

/// The department weights: a few large departments and many small ones.
fn department_weights() -> Vec<f64> {
    (0..DEPARTMENTS)
        .map(|d| 1.0 / (1.0 + d as f64 * 0.2))
        .collect()
}

/// The fiscal year label of wave `w` of `waves` (the last is R6).
pub fn year(w: usize, waves: usize) -> String {
    format!("R{}", 6 + w - (waves - 1))
}

/// Writes wave `w` (rows `rows`) as `dir/bench_<year>.<ext>` and returns its path.
pub fn write_wave(
    dir: &Path,
    format: Format,
    w: usize,
    waves: usize,
    rows: usize,
    seed: u64,
) -> std::io::Result<PathBuf> {
    let path = dir.join(format!("bench_{}.{}", year(w, waves), format.ext()));
    let mut rng = Rng::stream(seed.wrapping_mul(1000) + w as u64);
    let weights = department_weights();
    let header = header();
    match format {
        Format::Csv => {
            let mut out = BufWriter::new(std::fs::File::create(&path)?);
            writeln!(out, "{}", header.join(","))?;
            for id in 0..rows {
                writeln!(out, "{}", row(&mut rng, id, w, &weights).join(","))?;
            }
            out.flush()?;
        }
        Format::Xlsx => {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.set_name("回答").map_err(std::io::Error::other)?;
            for (c, h) in header.iter().enumerate() {
                sheet
                    .write_string(0, c as u16, h)
                    .map_err(std::io::Error::other)?;
            }
            for id in 0..rows {
                for (c, v) in row(&mut rng, id, w, &weights).iter().enumerate() {
                    if !v.is_empty() {
                        sheet
                            .write_string(id as u32 + 1, c as u16, v)
                            .map_err(std::io::Error::other)?;
                    }
                }
            }
            book.save(&path).map_err(std::io::Error::other)?;
        }
    }
    Ok(path)
}

/// The pipeline file over the generated waves.
pub fn pipeline(files: &[PathBuf], waves: usize) -> String {
    let mut t = String::from(
        "# Generated by staff-survey-bench: a pooled survey's shape, for the benchmark.\n\
         organisation = \"ベンチマーク\"\ntitle = \"職員アンケート\"\n\n\
         [limits]\nmax_megabytes = 65536\nmax_cells = 4000000000\n\n\
         [quality]\nmax_unmatched_share = 0.5\n\n",
    );
    for (w, f) in files.iter().enumerate() {
        t.push_str(&format!(
            "[[waves]]\nyear = \"{}\"\nfile = \"{}\"\n",
            year(w, waves),
            f.file_name().unwrap().to_string_lossy()
        ));
        if f.extension().is_some_and(|e| e == "xlsx") {
            t.push_str("sheet = \"回答\"\n");
        }
        t.push('\n');
    }
    t.push_str(&format!(
        "[scales.agree4]\nlevels = {LEVELS:?}\npositive = 2\n\n\
         [respondents]\nid = \"回答ID\"\n\n\
         [respondents.age]\ncolumn = \"年代\"\nbands = {BANDS:?}\n\n\
         [respondents.employment]\ncolumn = \"雇用形態\"\nvalues = {EMPLOYMENT:?}\n\n\
         [[respondents.attributes]]\nid = \"department\"\nlabel = \"所属\"\ncolumn = \"所属\"\nvalues = {:?}\n\n",
        (0..DEPARTMENTS).map(department).collect::<Vec<_>>()
    ));
    for k in 0..ITEMS {
        t.push_str(&format!(
            "[[questions]]\nid = \"q{:02}\"\nlabel = \"設問{:02}\"\ncolumn = \"{}\"\nkind = \"scale\"\nscale = \"agree4\"\n\n",
            k + 1,
            k + 1,
            item_column(k)
        ));
    }
    for m in 0..MULTI {
        t.push_str(&format!(
            "[[questions]]\nid = \"m{}\"\nlabel = \"複数選択{}\"\ncolumn = \"{}\"\nkind = \"multi\"\noptions = {:?}\n\n",
            m + 1,
            m + 1,
            multi_column(m),
            (0..OPTIONS).map(|o| option_label(m, o)).collect::<Vec<_>>()
        ));
    }
    t.push_str(
        "[[segments]]\nid = \"age\"\nlabel = \"年代別\"\nattribute = \"age\"\n\n\
         [[segments]]\nid = \"yarigai\"\nlabel = \"「やりがい」別\"\nsplit_on = \"q02\"\ngroups = [\"やりがい有\", \"やりがい無\"]\n\n\
         [[segments]]\nid = \"employment\"\nlabel = \"雇用形態別\"\nattribute = \"employment\"\n\n\
         [[segments]]\nid = \"department\"\nlabel = \"所属別\"\nattribute = \"department\"\nsheets = false\n",
    );
    t
}
