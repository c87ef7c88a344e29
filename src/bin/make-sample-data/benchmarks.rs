//! `hr-benchmarks.csv`: comparison values of other (fictional) cities and of the averages for
//! R4–R6, fixed and invented. Overtime: しおかぜ市 (admin-indicators.csv) is above every
//! comparison; paid leave: near the averages; men's childcare leave (hr-events.csv): below
//! the averages, as Otaru describes itself. Columns `指標,年度,比較対象,値,出典`, UTF-8 with
//! BOM, CRLF.

use crate::admin::ADMIN;
use crate::csv_writer::{csv_text, utf8_with_bom};

pub const BENCH_YEARS: [&str; 3] = ["R4", "R5", "R6"];
/// 令和 year numbers of [`BENCH_YEARS`], for the 出典.
const REIWA: [u32; 3] = [4, 5, 6];
pub const CHILDCARE_RATE: &str = "男性職員の育児休業取得率";
pub const NATIONAL: &str = "全国市区町村平均";

/// (指標, 比較対象, values R4–R6). Indicator names 0 and 1 are those of admin-indicators.csv.
pub fn benchmarks() -> Vec<(&'static str, &'static str, [&'static str; 3])> {
    let overtime = ADMIN[3].0;
    let leave = ADMIN[4].0;
    vec![
        (overtime, "道内主要都市平均", ["11.4", "10.9", "10.5"]),
        (overtime, "みなと市", ["12.8", "12.2", "11.6"]),
        (overtime, "やまて市", ["9.6", "9.2", "8.7"]),
        (overtime, "かわべ市", ["10.3", "10.1", "9.8"]),
        (overtime, NATIONAL, ["10.8", "10.6", "10.2"]),
        (leave, "道内主要都市平均", ["12.9", "13.2", "13.6"]),
        (leave, "みなと市", ["11.9", "12.5", "12.8"]),
        (leave, "やまて市", ["14.2", "14.6", "15.0"]),
        (leave, "かわべ市", ["12.6", "13.0", "13.3"]),
        (leave, NATIONAL, ["12.3", "12.7", "13.1"]),
        (CHILDCARE_RATE, "道内主要都市平均", ["38.6", "47.9", "56.2"]),
        (CHILDCARE_RATE, NATIONAL, ["31.8", "46.6", "54.9"]),
    ]
}

/// The 出典 of a comparison value of year `i` (0 = R4).
fn source(target: &str, i: usize) -> String {
    if target == NATIONAL {
        format!(
            "令和{}年度地方公共団体の勤務条件等に関する調査（架空）",
            REIWA[i]
        )
    } else {
        format!("令和{}年度勤務条件等調査（架空）", REIWA[i])
    }
}

/// The file's bytes: one row per indicator, comparison and year.
pub fn benchmarks_csv() -> Vec<u8> {
    let header = ["指標", "年度", "比較対象", "値", "出典"].map(String::from);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (indicator, target, values) in benchmarks() {
        for (i, v) in values.iter().enumerate() {
            let src = source(target, i);
            rows.push(
                [indicator, BENCH_YEARS[i], target, v, &src]
                    .map(String::from)
                    .to_vec(),
            );
        }
    }
    utf8_with_bom(&csv_text(&header, &rows))
}
