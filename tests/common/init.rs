//! Helpers of the `init` tests: run `init` on exports and `run` on the file it wrote, and
//! read what they said.

use super::*;
use std::path::PathBuf;

pub const FIXTURES: &str = "tests/fixtures/init";

/// Runs `init <exports> --out <dir>/<name>.toml`, asserts success, then `run` on the written
/// file and asserts success. Returns the file's text, init's message, the run's stderr and
/// the report directory of the latest wave.
pub fn init_and_run(exports: &[&str], name: &str) -> (String, String, String, PathBuf) {
    let dir = temp_dir(&format!("init-{name}"));
    let out = dir.join(format!("{name}.toml"));
    let mut args = vec!["init"];
    args.extend_from_slice(exports);
    args.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let init = staff_survey(&args);
    let message = stderr(&init);
    assert!(init.status.success(), "init failed:\n{message}");
    let text = std::fs::read_to_string(&out).unwrap();
    let reports = dir.join("reports");
    let run = run_pipeline(&out, &reports, &[]);
    let run_err = stderr(&run);
    assert!(
        run.status.success(),
        "run on the init-written file failed:\n{run_err}\n---\n{text}"
    );
    let report = std::fs::read_dir(reports.join(name))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .max()
        .expect("a report directory");
    (text, message, run_err, report)
}

/// N of the `データの問題: N 件` line that `run` prints.
pub fn problem_count(run_err: &str) -> usize {
    run_err
        .lines()
        .find_map(|l| l.strip_prefix("データの問題: "))
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no データの問題 line:\n{run_err}"))
}

/// Asserts that `text` contains every needle, showing the whole text when one is missing.
pub fn assert_has(text: &str, needles: &[&str]) {
    for n in needles {
        assert!(text.contains(n), "no {n:?} in:\n{text}");
    }
}

pub fn sample(name: &str) -> String {
    format!("sample-data/{name}")
}

pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// Runs `init <args> --out <dir>/x.toml` in a fresh directory, asserts exit code 1 (a
/// message, not a panic) and that nothing was written; returns the message.
pub fn init_fails(name: &str, args: &[&str]) -> String {
    let out = temp_dir(&format!("init-fails-{name}")).join("x.toml");
    let mut all = vec!["init"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let result = staff_survey(&all);
    let err = stderr(&result);
    assert_eq!(result.status.code(), Some(1), "{name}: {err}");
    assert!(!out.exists(), "{name}: written anyway");
    err
}

/// [`init_and_run`] on one CSV export `R6.csv` made of `header` and `rows`: the file's text,
/// init's message and the run's stderr.
pub fn init_and_run_csv(header: &str, rows: &str, name: &str) -> (String, String, String) {
    let csv = export_file("R6.csv", &format!("{header}\n{rows}"));
    let (text, message, run_err, _) = init_and_run(&[&csv], name);
    (text, message, run_err)
}

/// Agree-scale answers of respondents `ids`, with `extra` cells after each.
pub fn agree_rows(ids: std::ops::RangeInclusive<usize>, extra: &str) -> String {
    let levels = ["そう思う", "どちらかと言えばそう思う", "そう思わない"];
    ids.map(|i| format!("{i},{}{extra}\n", levels[i % 3]))
        .collect()
}

/// Writes `text` as `name` in a fresh directory; returns its path.
pub fn export_file(name: &str, text: &str) -> String {
    let path = temp_dir(&format!("init-export-{name}")).join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}
