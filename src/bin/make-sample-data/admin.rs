//! The administrative-indicator CSV (`admin-indicators.csv`): fixed values for R4–R6, 年度
//! written in three different valid forms, UTF-8 with BOM and CRLF.

use crate::csv_writer::{csv_text, utf8_with_bom};

/// Administrative indicators (fixed values, not random).
pub const ADMIN: [(&str, [&str; 3]); 7] = [
    ("採用試験受験者数", ["376", "405", "390"]),
    ("３０代以下職員の自己都合による退職者数", ["18", "13", "11"]),
    ("研修アンケート満足度", ["4.34", "4.27", "4.31"]),
    ("月平均時間外勤務時間数", ["14.6", "12.7", "11.9"]),
    ("年平均年次有給休暇取得日数", ["12.7", "13.4", "13.9"]),
    ("メンタルヘルス不調による長期療養者数", ["30", "29", "28"]),
    ("ストレスチェック高ストレス者割合", ["11.9", "13.2", "12.4"]),
];
/// Standard deviation and number of answers of the training-satisfaction mean, R4–R6, so its
/// t interval can be shown; the other indicators are counts or rates without them.
const SPREAD: (&str, [(&str, &str); 3]) = (
    "研修アンケート満足度",
    [("0.78", "148"), ("0.81", "152"), ("0.80", "160")],
);
/// How 年度 is written for R4, R5, R6 (mixed forms on purpose).
const ADMIN_YEARS: [&str; 3] = ["R4", "令和5年度", "2024"];

/// The file's bytes: columns `指標,年度,値,標準偏差,回答数`, one row per indicator and year.
pub fn admin_csv() -> Vec<u8> {
    let header = ["指標", "年度", "値", "標準偏差", "回答数"].map(String::from);
    let rows: Vec<Vec<String>> = ADMIN
        .iter()
        .flat_map(|(name, values)| {
            ADMIN_YEARS
                .iter()
                .zip(values)
                .enumerate()
                .map(move |(i, (y, v))| {
                    let (sd, n) = if *name == SPREAD.0 {
                        SPREAD.1[i]
                    } else {
                        ("", "")
                    };
                    [*name, y, v, sd, n].map(String::from).to_vec()
                })
        })
        .collect();
    utf8_with_bom(&csv_text(&header, &rows))
}
