//! 職員の状況 reproduces the HR figures Otaru printed (section 4(1) of
//! ../shared/reference/otaru-hr-policy-2024.txt) from counts: `tests/fixtures/otaru/
//! hr-counts.csv` (written by hand; its comment in otaru.toml says which counts were printed
//! and which were constructed to give a printed share).
//!
//! Expected values are Otaru's printed ones, worked out by hand from the counts:
//! women 630 / (966 + 630) = 39.47% → 39.5%; managers 49 / (177 + 49) = 21.68% → 21.7%;
//! H29 670 / 1750 = 38.29% → 38.3% and 45 / 234 = 19.23% → 19.2%; men's childcare leave R4
//! 11 / 39 = 28.21% → 28.2%. The same two women's shares come back as ratio indicators of the
//! KGI/KPI table, with their numerators and denominators.

mod common;

use common::{read_csv, run_ok, temp_dir};
use staff_survey::fiscal_year::FiscalYear;
use staff_survey::staff::{read_staff, staff_stats};
use std::path::Path;

fn one_decimal(x: f64) -> String {
    format!("{x:.1}")
}

#[test]
fn otaru_hr_figures_come_back_from_the_counts() {
    let pipeline =
        staff_survey::config::load(Path::new("tests/fixtures/otaru/otaru.toml")).unwrap();
    let staff = pipeline.staff.as_ref().expect("otaru.toml has [staff]");
    let facts = read_staff(staff).unwrap();
    assert!(facts.issues.is_empty(), "{:?}", facts.issues);
    let r5 = FiscalYear::parse("R5").unwrap();
    let stats = staff_stats(staff, &facts, r5, pipeline.statistics.min_group);

    let latest = stats.women.last().unwrap();
    assert_eq!(latest.year, r5);
    let overall = latest.overall.unwrap();
    assert_eq!((overall.women, overall.men), (630.0, 966.0));
    assert_eq!(one_decimal(overall.percent), "39.5");
    let managers = latest.managers.unwrap();
    assert_eq!((managers.women, managers.men), (49.0, 177.0));
    assert_eq!(one_decimal(managers.percent), "21.7");
    let posts: Vec<(&str, f64, f64)> = latest
        .posts
        .iter()
        .map(|(p, s)| (p.as_str(), s.unwrap().men, s.unwrap().women))
        .collect();
    assert_eq!(
        posts,
        [
            ("部長級", 14.0, 1.0),
            ("次長級", 26.0, 6.0),
            ("課長級", 137.0, 42.0),
            ("係長級", 262.0, 103.0),
            ("主事級", 527.0, 478.0)
        ]
    );

    let h29 = FiscalYear::parse("H29").unwrap();
    assert_eq!(stats.compare_year, Some(h29));
    let earlier = stats.women.iter().find(|w| w.year == h29).unwrap();
    assert_eq!(one_decimal(earlier.overall.unwrap().percent), "38.3");
    assert_eq!(one_decimal(earlier.managers.unwrap().percent), "19.2");

    // 若手職員の離職数, H25–R4: the printed totals and 市長部局's printed series.
    let r = &stats.resignations;
    let years: Vec<String> = r.years.iter().map(|y| y.short()).collect();
    assert_eq!(
        years,
        ["H25", "H26", "H27", "H28", "H29", "H30", "R1", "R2", "R3", "R4"]
    );
    assert_eq!(
        r.totals,
        [6.0, 5.0, 4.0, 7.0, 6.0, 8.0, 5.0, 9.0, 13.0, 18.0]
    );
    assert_eq!(r.series[0], "市長部局");
    let mayor: Vec<f64> = r.values.iter().map(|v| v[0].unwrap()).collect();
    assert_eq!(mayor, [3.0, 4.0, 4.0, 6.0, 6.0, 7.0, 4.0, 9.0, 8.0, 12.0]);

    let r4 = FiscalYear::parse("R4").unwrap();
    let childcare = stats.childcare.iter().find(|c| c.year == r4).unwrap();
    assert_eq!(one_decimal(childcare.taken_percent.unwrap()), "28.2");
}

// otaru.toml's two ratio indicators: 女性職員数 / 職員数 = 630 / 1596 and 女性管理職数 /
// 管理職数 = 49 / 226 (by hand, as above), printed as Otaru printed them, without an interval
// (the counts are the whole staff, not a sample) and without a target (判定 目標なし).
#[test]
fn otaru_women_shares_are_ratio_indicators() {
    let out = temp_dir("otaru-ratios");
    run_ok("tests/fixtures/otaru/otaru.toml", &out);
    let table = read_csv(&out.join("otaru/R5/tables/indicators.csv"));
    let header: Vec<&str> = table.lines().next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    for (name, value, parts) in [
        ("女性職員の割合", "39.5", ("630", "1596")),
        ("管理職に占める女性職員の割合", "21.7", ("49", "226")),
    ] {
        let row: Vec<&str> = table
            .lines()
            .find(|l| l.split(',').nth(1) == Some(name))
            .unwrap_or_else(|| panic!("{name} missing:\n{table}"))
            .split(',')
            .collect();
        assert_eq!(row[col("現在年度")], "令和5年度");
        assert_eq!(row[col("現在値")], value, "{name}");
        assert_eq!(
            (row[col("現在値の分子")], row[col("現在値の分母")]),
            parts,
            "{name}"
        );
        assert_eq!(row[col("判定")], "目標なし");
        assert_eq!(
            row[col("現在値の95%CI下限")],
            "-",
            "a census has no interval"
        );
    }
}
