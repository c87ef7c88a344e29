//! The key-driver analysis end to end (issue 13): the fixture of tests/fixtures/drivers as a
//! survey export (`pipeline/export.csv`, written with the expected values by
//! `make_pipeline.py`: statsmodels OLS over every subset of the predictors, general dominance
//! weights by their textbook definition, favourable shares counted in Python). The tool's
//! printed weights, shares, favourable shares, quadrants and respondent counts must match them
//! to the printed precision. The unrounded weights are checked to 1e-9 against the same
//! independent computation in `src/drivers/importance.rs`.

mod common;

use common::*;
use std::collections::BTreeMap;

/// Expected values of `model`: predictor → (R², weight, favourable share).
fn expected(model: &str) -> BTreeMap<String, (f64, f64, f64)> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/drivers/pipeline/expected.csv"))
        .unwrap();
    csv_rows(&text)
        .into_iter()
        .skip(1)
        .filter(|r| r[0] == model)
        .map(|r| {
            let f = |k: usize| r[k].parse::<f64>().unwrap();
            (r[1].to_uppercase(), (f(2), f(3), f(4)))
        })
        .collect()
}

/// Runs one of the fixture's pipelines and returns its output folder of tables.
fn run(model: &str) -> std::path::PathBuf {
    let out = temp_dir(&format!("drivers-{model}"));
    run_ok(
        &format!("tests/fixtures/drivers/pipeline/drivers_{model}.toml"),
        &out,
    );
    out.join(format!("drivers_{model}/R6"))
}

fn close(got: &str, want: f64, decimals: i32, what: &str) {
    let got: f64 = got.parse().unwrap_or_else(|_| panic!("{what}: {got:?}"));
    let half = 0.5 * 10f64.powi(-decimals) + 1e-9;
    assert!(
        (got - want).abs() <= half,
        "{what}: printed {got}, expected {want}"
    );
}

/// Checks the ranking table against `want` and returns its rows by item (X1…).
fn check_ranking(dir: &std::path::Path, want: &BTreeMap<String, (f64, f64, f64)>) {
    let rows = csv_rows(&read_csv(&dir.join("tables/drivers_y.csv")));
    assert_eq!(rows.len(), 1 + want.len(), "{rows:?}");
    let r2 = want.values().next().unwrap().0;
    let mean_favourable = want.values().map(|w| w.2).sum::<f64>() / want.len() as f64;
    let mut last_weight = f64::INFINITY;
    for (k, row) in rows.iter().skip(1).enumerate() {
        let item = row[1].trim_start_matches("設問").to_string();
        let (_, weight, favourable) = want[&item];
        assert_eq!(row[0], (k + 1).to_string(), "rank of {item}");
        assert!(weight <= last_weight, "ranked by weight: {item}");
        last_weight = weight;
        close(&row[2], weight, 3, &format!("{item} weight"));
        close(
            &row[5],
            100.0 * weight / r2,
            1,
            &format!("{item} share of R²"),
        );
        close(&row[6], favourable, 1, &format!("{item} favourable"));
        // The interval holds the full sample's weight.
        let (lo, hi): (f64, f64) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        assert!(
            lo <= weight + 5e-4 && weight - 5e-4 <= hi,
            "{item}: {lo}–{hi}"
        );
        // Quadrant by the averages: 100/6 % of R² and the mean favourable share.
        let important = 100.0 * weight / r2 >= 100.0 / want.len() as f64;
        let liked = favourable >= mean_favourable;
        let quadrant = match (important, liked) {
            (true, false) => "重点改善",
            (true, true) => "重点維持",
            (false, false) => "改善",
            (false, true) => "維持",
        };
        assert_eq!(row[7], quadrant, "{item}");
    }
}

#[test]
fn levels_model_matches_statsmodels_for_the_city_and_a_department() {
    let dir = run("levels");
    check_ranking(&dir, &expected("levels_all"));
    // 300 complete respondents; the 20 with a blank each are left out and counted.
    let report = std::fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(
        report.contains("すべてに答えた 300 人（答えていない設問があり除いた人 20 人）"),
        "{report}"
    );
    // Department A (200 complete) is analysed on its own; B (100, under min_n 120) is shown
    // the whole fixture's values, marked ［全体の値］ in its header and named in the note; C (3
    // respondents) is hidden for confidentiality, and D (10) with it so that C cannot be worked
    // out from the total: both show x, not the whole's values.
    let by = csv_rows(&read_csv(&dir.join("tables/drivers_y_by_department.csv")));
    assert_eq!(
        by[0],
        [
            "項目",
            "全体（%）",
            "A（%）",
            "B［全体の値］（%）",
            "C（%）",
            "D（%）"
        ]
    );
    let a = expected("levels_A");
    // The first row is each group's R² (percent).
    assert_eq!(by[1][0], "（説明力 R²）");
    close(
        &by[1][1],
        100.0 * expected("levels_all")["X1"].0,
        1,
        "R² of all",
    );
    close(&by[1][2], 100.0 * a["X1"].0, 1, "R² of A");
    assert_eq!(by[1][3], by[1][1]);
    for row in &by[2..] {
        let item = row[0].trim_start_matches("設問");
        let (r2, weight, _) = a[item];
        close(&row[2], 100.0 * weight / r2, 1, &format!("A {item}"));
        assert_eq!(row[3], row[1], "B shows the whole result for {item}");
        assert_eq!(row[4..], ["x", "x"], "C and D are hidden: {item}");
    }
    assert!(
        report.contains("全体の値を示しています: B（100 人）"),
        "{report}"
    );
    assert!(
        report.contains("分析した人数: 全体 300 人、A 200 人"),
        "{report}"
    );
    // The 概要 cites the 重点改善 items (by the quadrants worked out above: X1 and X2),
    // most important first, and says it is not cause.
    assert!(
        report.contains("「重点改善」の項目は、「設問Y」では「設問X1」「設問X2」です（回答どうしの関連であり、因果関係を示すものではありません）。"),
        "{report}"
    );
}

#[test]
fn positive_model_matches_statsmodels_on_the_favourable_indicators() {
    let dir = run("positive");
    check_ranking(&dir, &expected("positive_all"));
}

#[test]
fn the_bootstrap_gives_the_same_intervals_on_every_run() {
    let a = read_csv(&run("levels").join("tables/drivers_y.csv"));
    let b = read_csv(&run("levels").join("tables/drivers_y.csv"));
    assert_eq!(a, b);
}
