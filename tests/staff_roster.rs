//! Reading a staff roster and the confidentiality of every statistic made from it, on the
//! hand-written fixture `tests/fixtures/roster/roster_R6.csv` (26 regular staff on
//! 2024-04-01, two 特別職 and one 再任用 left out by rule).
//!
//! Expected values were counted by hand from the 29 rows and checked with a short Python
//! script (`csv.DictReader` over the file, ages by the birthday rule):
//! 市長部局 17, 消防本部 6, 行政委員会 3; 部長級 2 (1 man, 1 woman), 課長級 6 (5, 1),
//! 係長級 8 (5, 3), 主事級 10 (5, 5); departments 総務部 8 (3 women), 福祉部 7 (4),
//! 消防本部 6 (1), 監査室 2 (1), 選挙管理委員会事務局 3 (1). Leavers: A06 aged 30 自己都合
//! (市長部局), E02 aged 38 自己都合 (行政委員会) are young resignations; B03 (46, 自己都合)
//! and C01 (60, 定年) are not.
//!
//! With the minimum group of 5: 行政委員会 (3) is too small, and alone it would be the total
//! minus the rest, so the smallest other body (消防本部, 6) joins it in その他（少人数）;
//! 部長級 (2) joins 課長級 (6); 監査室 (2) and 選挙管理委員会事務局 (3) make 5 together.
//!
//! The body and department tables are published side by side, and on their own they would
//! give both small departments back: その他 of the bodies (9) − 消防本部 of the departments (6)
//! = 3 = 選挙管理委員会事務局, and 市長部局 (17) − 総務部 (8) − 福祉部 (7) = 2 = 監査室. So the
//! smallest departments still shown join the merged one: 消防本部 (6), after which 17 − 8 − 7
//! still gives 2, then 福祉部 (7). Left: 総務部 8 (3 women) and その他（少人数） 18 (7 women),
//! where 17 − 8 = 9 is 福祉部 and 監査室 together and 9 (bodies' その他) is 消防本部 and 選挙管理委員会
//! together: neither small department can be separated.

use staff_survey::fiscal_year::FiscalYear;
use staff_survey::staff::protect::MERGED;
use staff_survey::staff::{read_staff, staff_stats, StaffStats};
use std::path::Path;

fn stats() -> StaffStats {
    let pipeline =
        staff_survey::config::load(Path::new("tests/fixtures/roster/pipeline.toml")).unwrap();
    let staff = pipeline.staff.as_ref().unwrap();
    let facts = read_staff(staff).unwrap();
    assert!(facts.issues.is_empty(), "{:?}", facts.issues);
    staff_stats(
        staff,
        &facts,
        FiscalYear(2024),
        pipeline.statistics.min_group,
    )
}

#[test]
fn exclusions_are_counted_per_rule() {
    let s = stats();
    let excluded: Vec<(&str, u64)> = s
        .excluded
        .iter()
        .map(|e| (e.label.as_str(), e.count))
        .collect();
    assert_eq!(excluded, [("特別職", 2), ("再任用", 1)]);
}

#[test]
fn small_bodies_are_merged_in_staff_numbers_and_resignations() {
    let s = stats();
    assert_eq!(s.headcount.series, ["市長部局", MERGED]);
    assert_eq!(s.headcount.values, [[Some(17.0), Some(9.0)]]);
    assert_eq!(s.headcount.totals, [26.0]);
    assert_eq!(s.resignations.series, ["市長部局", MERGED]);
    assert_eq!(s.resignations.values, [[Some(1.0), Some(1.0)]]);
    assert_eq!(s.resignations.totals, [2.0]);
}

#[test]
fn a_small_post_is_merged_in_the_womens_shares() {
    let s = stats();
    let w = &s.women[0];
    let overall = w.overall.unwrap();
    assert_eq!((overall.women, overall.men), (10.0, 16.0));
    let managers = w.managers.unwrap();
    assert_eq!((managers.women, managers.men), (2.0, 6.0));
    let posts: Vec<(&str, Option<(f64, f64)>)> = w
        .posts
        .iter()
        .map(|(p, s)| (p.as_str(), s.map(|s| (s.women, s.men))))
        .collect();
    assert_eq!(
        posts,
        [
            ("部長級", None),
            ("課長級", None),
            ("係長級", Some((3.0, 5.0))),
            ("主事級", Some((5.0, 5.0))),
            (MERGED, Some((2.0, 6.0)))
        ]
    );
}

#[test]
fn small_departments_are_merged() {
    let s = stats();
    let (_, rows) = s.departments.unwrap();
    let rows: Vec<(&str, f64, f64)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.staff, r.women.unwrap().women))
        .collect();
    assert_eq!(rows, [("総務部", 8.0, 3.0), (MERGED, 18.0, 7.0)]);
}

/// Bands worked out by hand: 20–24 has 2 people, so it joins 25–29 (4 men, 3 women with it);
/// 30–34 (4), 35–39 (2), 40–44 (3), 45–49 (2) and 50–54 (3) are too small and hidden;
/// 55–59 has 5 (4 men, 1 woman).
#[test]
fn the_pyramid_merges_small_end_bands_and_hides_small_middle_ones() {
    let s = stats();
    let p = s.pyramid.unwrap();
    let bands: Vec<(String, Option<f64>, Option<f64>)> = p
        .bands
        .iter()
        .map(|b| (b.label(), b.men, b.women))
        .collect();
    assert_eq!(
        bands,
        [
            ("～29歳".to_string(), Some(4.0), Some(3.0)),
            ("30～34歳".to_string(), None, None),
            ("35～39歳".to_string(), None, None),
            ("40～44歳".to_string(), None, None),
            ("45～49歳".to_string(), None, None),
            ("50～54歳".to_string(), None, None),
            ("55～59歳".to_string(), Some(4.0), Some(1.0)),
        ]
    );
}
