//! Acceptance check against figures a city actually printed.
//!
//! `tests/fixtures/otaru/otaru_R5.csv` is a Google-Forms-style export of Otaru's R5 staff survey
//! (1,056 respondents) whose rows were built by `make_otaru.py` to reproduce Otaru's printed
//! percentages. `expected.csv` holds those percentages, transcribed by hand from the policy
//! (section 4(2): the age-band table, the やりがい split and table; section 6(2): the KGI/KPI
//! baselines; the response counts and rate). This test runs the built binary on `otaru.toml`
//! and requires every row of `expected.csv` to come back exactly (string equality of the
//! printed value), listing every mismatch at once.

mod common;

use common::{csv_rows, root, staff_survey, temp_dir};
use std::collections::BTreeMap;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/otaru";
const NEGATIVE_SUFFIX: &str = "（否定的設問）";

/// Parses CSV text as the tool writes it (optional BOM).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    csv_rows(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A CSV file as header → value maps, one per data row.
struct Table {
    file: String,
    header: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

impl Table {
    fn read(path: &Path) -> Result<Table, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let mut rows = parse_csv(&text).into_iter();
        let header = rows
            .next()
            .ok_or_else(|| format!("{} is empty", path.display()))?;
        let rows = rows
            .map(|r| header.iter().cloned().zip(r).collect())
            .collect();
        Ok(Table {
            file: path.file_name().unwrap().to_string_lossy().into_owned(),
            header,
            rows,
        })
    }

    /// The value in `column` of the row whose `key_column` equals `key` (after `clean_key`).
    fn lookup(
        &self,
        key_column: &str,
        key: &str,
        column: &str,
        clean_key: fn(&str) -> &str,
    ) -> Result<String, String> {
        if !self.header.iter().any(|h| h == column) {
            return Err(format!(
                "{} has no column {column:?} (columns: {})",
                self.file,
                self.header.join(", ")
            ));
        }
        let found: Vec<_> = self
            .rows
            .iter()
            .filter(|r| r.get(key_column).map(|k| clean_key(k)) == Some(key))
            .collect();
        match found.as_slice() {
            [row] => row
                .get(column)
                .cloned()
                .ok_or_else(|| format!("{}: row {key:?} is short", self.file)),
            [] => Err(format!("{}: no row with {key_column} = {key:?}", self.file)),
            _ => Err(format!(
                "{}: {} rows with {key_column} = {key:?}",
                self.file,
                found.len()
            )),
        }
    }
}

/// A 設問 cell without the tool's marking of negative statements.
fn label(cell: &str) -> &str {
    cell.strip_suffix(NEGATIVE_SUFFIX).unwrap_or(cell)
}

fn same(cell: &str) -> &str {
    cell
}

/// Fiscal year as written in expected.csv → as the tables print it.
fn era(year: &str) -> String {
    match year.strip_prefix('R') {
        Some(n) => format!("令和{n}年度"),
        None => year.to_string(),
    }
}

#[test]
fn otaru_printed_figures_are_reproduced() {
    let root = root();
    let out = temp_dir("otaru");
    let run = staff_survey(&[
        "run",
        &format!("{FIXTURE}/otaru.toml"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "staff-survey run failed ({}):\nstdout:\n{}\nstderr:\n{}",
        run.status,
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let tables_dir = out.join("otaru").join("R5").join("tables");
    let mut tables: BTreeMap<&str, Result<Table, String>> = BTreeMap::new();
    for name in [
        "items_by_age",
        "items_by_yarigai",
        "groups_yarigai",
        "indicators",
        "response_rates",
    ] {
        tables.insert(name, Table::read(&tables_dir.join(format!("{name}.csv"))));
    }
    let table =
        |name: &str| -> Result<&Table, String> { tables[name].as_ref().map_err(|e| e.clone()) };
    let expected = std::fs::read_to_string(root.join(FIXTURE).join("expected.csv"))
        .expect("cannot read expected.csv");
    let expected = parse_csv(&expected);
    assert_eq!(
        expected[0],
        ["table", "item", "group", "value"],
        "expected.csv header"
    );

    let mut checked = 0;
    let mut mismatches = Vec::new();
    for (line, row) in expected.iter().enumerate().skip(1) {
        let [kind, item, group, want] = row.as_slice() else {
            mismatches.push(format!("expected.csv line {}: not 4 fields", line + 1));
            continue;
        };
        let got: Result<String, String> = match kind.as_str() {
            "age" => table("items_by_age")
                .and_then(|t| t.lookup("設問", item, &format!("{group}（%）"), label)),
            "yarigai" => table("items_by_yarigai")
                .and_then(|t| t.lookup("設問", item, &format!("{group}（%）"), label)),
            "split" => {
                table("groups_yarigai").and_then(|t| t.lookup("区分", group, "割合（%）", same))
            }
            "kpi" => table("indicators").and_then(|t| {
                let year = t.lookup("指標", item, "現在年度", same)?;
                if year != era(group) {
                    return Err(format!("現在年度 is {year}, not {}", era(group)));
                }
                t.lookup("指標", item, "現在値", same)
            }),
            "response" => table("response_rates").and_then(|t| {
                let column = match item.as_str() {
                    "回答率" => "回答率（%）",
                    other => other,
                };
                t.lookup("区分", group, column, same)
            }),
            other => Err(format!("unknown table {other:?} in expected.csv")),
        };
        checked += 1;
        match got {
            Ok(got) if got == *want => {}
            Ok(got) => mismatches.push(format!(
                "line {:>3} {kind} | {item} | {group}: printed {want}, tool {got}",
                line + 1
            )),
            Err(e) => mismatches.push(format!(
                "line {:>3} {kind} | {item} | {group}: printed {want}, {e}",
                line + 1
            )),
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {checked} printed figures not reproduced (output kept in {}):\n{}",
        mismatches.len(),
        out.display(),
        mismatches.join("\n")
    );
    assert_eq!(checked, 124, "expected.csv should hold 124 figures");
    let _ = std::fs::remove_dir_all(&out);
}
