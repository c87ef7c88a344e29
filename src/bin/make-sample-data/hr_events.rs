//! `hr-events.csv`: yearly event counts for which no roster exists (men's childcare leave),
//! fixed values for R1–R6 chosen so the rate follows Otaru's rise (28.2% in R4). Columns
//! `統計,年度,任命権者,職位,性別,値`; the three statistics are about men only (the name says
//! so) and have no breakdown, so 任命権者, 職位 and 性別 are empty. UTF-8 with BOM, CRLF.

use crate::csv_writer::{csv_text, utf8_with_bom};

pub const STAT_ELIGIBLE: &str = "男性職員の育児休業取得対象者数";
pub const STAT_TAKERS: &str = "男性職員の育児休業取得者数";
pub const STAT_OVER_MONTH: &str = "男性職員の育児休業取得者数（1か月超）";

/// 年度, men whose child was born that year, takers, takers for more than one month.
pub type ChildcareYear = (&'static str, usize, usize, Option<usize>);

/// Per year R1–R6 (takers for more than one month counted from R2 on).
pub const CHILDCARE: [ChildcareYear; 6] = [
    ("R1", 49, 4, None),
    ("R2", 46, 6, Some(1)),
    ("R3", 44, 9, Some(2)),
    ("R4", 39, 11, Some(3)),
    ("R5", 42, 15, Some(5)),
    ("R6", 40, 18, Some(7)),
];

/// The file's bytes: all years of one statistic, then the next statistic.
pub fn hr_events_csv() -> Vec<u8> {
    let header = ["統計", "年度", "任命権者", "職位", "性別", "値"].map(String::from);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (k, name) in [STAT_ELIGIBLE, STAT_TAKERS, STAT_OVER_MONTH]
        .into_iter()
        .enumerate()
    {
        for c in &CHILDCARE {
            let value = [Some(c.1), Some(c.2), c.3][k];
            if let Some(v) = value {
                rows.push(
                    [name, c.0, "", "", "", &v.to_string()]
                        .map(String::from)
                        .to_vec(),
                );
            }
        }
    }
    utf8_with_bom(&csv_text(&header, &rows))
}

/// Data rows of the file.
pub fn hr_events_rows() -> usize {
    CHILDCARE.len() * 2 + CHILDCARE.iter().filter(|c| c.3.is_some()).count()
}
