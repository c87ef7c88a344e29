//! Helpers shared by the integration tests: run the real binary, read its CSV output.

#![allow(dead_code)]

pub mod init;
pub mod xlsx;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root (where Cargo.toml is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty directory for one test's output, unique per call (tests run in parallel).
pub fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!(
        "staff-survey-test-{}-{name}-{n}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `staff-survey` with `args` from the repository root.
pub fn staff_survey(args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_staff-survey"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run staff-survey")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A CSV file written by the tool as text: asserts the BOM, drops it, turns CRLF into LF.
pub fn read_csv(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "{} has no BOM",
        path.display()
    );
    String::from_utf8(bytes[3..].to_vec())
        .unwrap()
        .replace("\r\n", "\n")
}

/// Compares two texts line by line and panics with every differing line.
pub fn assert_same_lines(name: &str, expected: &str, actual: &str) {
    if expected == actual {
        return;
    }
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let mut diffs = Vec::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (
            e.get(i).copied().unwrap_or("<none>"),
            a.get(i).copied().unwrap_or("<none>"),
        );
        if x != y {
            diffs.push(format!(
                "  line {}:\n    expected: {x}\n    actual:   {y}",
                i + 1
            ));
        }
    }
    panic!(
        "{name} differs from the expected table:\n{}",
        diffs.join("\n")
    );
}

/// Every file below `dir`, as paths relative to it with `/` separators.
pub fn files(dir: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if p.is_dir() {
            out.extend(files(&p).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.insert(name);
        }
    }
    out
}

/// Runs `staff-survey run <pipeline> --out <out>` with `extra` arguments.
pub fn run_pipeline(pipeline: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "run",
        pipeline.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    staff_survey(&args)
}

/// Runs `staff-survey run <pipeline> --out <out>` and asserts success.
pub fn run_ok(pipeline: &str, out: &Path) {
    let r = run_pipeline(Path::new(pipeline), out, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
}

/// The files of the small fixture that a run reads: its pipeline file, then its data files.
pub const SMALL_FIXTURE_FILES: [&str; 5] = [
    "pipeline.toml",
    "small_R4.csv",
    "small_R5.xlsx",
    "admin.csv",
    "benchmarks.csv",
];

/// The small fixture's pipeline file with absolute paths to its data files, so a variation of
/// it can be written anywhere.
pub fn small_pipeline_text() -> String {
    let fixture = root().join("tests/fixtures/small");
    let mut text = std::fs::read_to_string(fixture.join("pipeline.toml")).unwrap();
    for f in &SMALL_FIXTURE_FILES[1..] {
        text = text.replace(
            &format!("file = \"{f}\""),
            &format!("file = \"{}\"", abs(&fixture.join(f))),
        );
    }
    text
}

/// A path as TOML text.
pub fn abs(path: &Path) -> String {
    path.to_str().unwrap().replace('\\', "/")
}

/// CSV text as rows of cells.
pub fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

/// Compares the columns of `expected` (CSV text with a header) with the same-named columns of
/// `actual`, row by row; `actual` may have more columns (intervals, tests) that the expected
/// table leaves to other checks. Panics listing every difference.
pub fn assert_columns_match(name: &str, expected: &str, actual: &str) {
    let (e, a) = (csv_rows(expected), csv_rows(actual));
    let mut diffs = Vec::new();
    let index: Vec<Option<usize>> = e[0]
        .iter()
        .map(|h| a[0].iter().position(|x| x == h))
        .collect();
    for (h, i) in e[0].iter().zip(&index) {
        if i.is_none() {
            diffs.push(format!("  column {h} is missing; columns: {:?}", a[0]));
        }
    }
    if e.len() != a.len() {
        diffs.push(format!(
            "  {} rows expected, {} written",
            e.len() - 1,
            a.len() - 1
        ));
    }
    for (r, (er, ar)) in e.iter().zip(&a).enumerate().skip(1) {
        for ((h, i), ev) in e[0].iter().zip(&index).zip(er) {
            let av = i
                .and_then(|i| ar.get(i))
                .map(String::as_str)
                .unwrap_or("<none>");
            if av != ev {
                diffs.push(format!("  row {r}, {h}: expected {ev}, written {av}"));
            }
        }
    }
    assert!(
        diffs.is_empty(),
        "{name} differs from the expected table:\n{}",
        diffs.join("\n")
    );
}

/// The small fixture copied into `dir/<sub>` and run there (reports under `dir/reports`);
/// returns the copy and the report directory.
pub fn run_fixture_copy(dir: &Path, sub: &str) -> (PathBuf, PathBuf) {
    let fixture = dir.join(sub);
    std::fs::create_dir_all(&fixture).unwrap();
    for f in SMALL_FIXTURE_FILES {
        std::fs::copy(root().join("tests/fixtures/small").join(f), fixture.join(f)).unwrap();
    }
    let reports = fixture.parent().unwrap().join("reports");
    run_ok(fixture.join("pipeline.toml").to_str().unwrap(), &reports);
    (fixture, reports.join("pipeline/R5"))
}

/// Runs `staff-survey verify <dir>`.
pub fn verify(dir: &Path) -> Output {
    staff_survey(&["verify", dir.to_str().unwrap()])
}

/// Changes one bit of a file's last byte.
pub fn flip_last_byte(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

/// The marks fixture's pipeline file (tests/fixtures/marks/pipeline.toml) with `departments`
/// as its department list: the base of the tests that write their own data.
pub fn marks_pipeline(departments: &[&str]) -> String {
    let text = std::fs::read_to_string(root().join("tests/fixtures/marks/pipeline.toml")).unwrap();
    let from = r#"values = ["監査室", "企画課", "総務課", "財政課"]"#;
    assert!(
        text.contains(from),
        "the marks fixture lists its departments"
    );
    text.replace(from, &format!("values = {departments:?}"))
}

/// Runs the pipeline file `pipeline` into `out`, asserts that it succeeded and returns the
/// report directory of the pipeline (`out/pipeline`).
pub fn run_succeeds(pipeline: &Path, out: &Path) -> PathBuf {
    let result = run_pipeline(pipeline, out, &[]);
    assert!(result.status.success(), "{}", stderr(&result));
    out.join("pipeline")
}

/// A fresh test directory `out` and the folder `out/in` for the data and pipeline file the
/// test writes.
pub fn input_dir(name: &str) -> (PathBuf, PathBuf) {
    let out = temp_dir(name);
    let dir = out.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    (out, dir)
}

/// The answer of the agree4 scale that counts as positive (そう思う) or not (そう思わない).
pub fn agree(positive: bool) -> &'static str {
    if positive {
        "そう思う"
    } else {
        "そう思わない"
    }
}

/// Writes a test's data and pipeline file with `write` into a fresh input folder, runs it and
/// returns the pipeline's report directory (`<out>/pipeline`).
pub fn run_written(name: &str, write: impl Fn(&Path)) -> PathBuf {
    let (out, dir) = input_dir(name);
    write(&dir);
    run_succeeds(&dir.join("pipeline.toml"), &out.join("out"))
}
