//! The three survey waves (R4, R5, R6): file name and format, respondent and population counts,
//! survey window, wave offsets and RNG stream, plus the column layout and header row of every
//! survey export.

use crate::questionnaire::{
    H_FREE, H_NEEDS, H_QUIT, H_STRESS, H_UNSAT, R6_TRAINING_HEADER, STATEMENTS, STMT_TRAINING,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileFormat {
    Xlsx,
    CsvShiftJis,
}

/// One yearly survey wave and the export written for it.
pub struct Wave {
    pub code: &'static str,
    pub era: &'static str,
    pub file: &'static str,
    pub format: FileFormat,
    /// Respondents per employment type [正規, 会計年度] (unique people).
    pub respondents: [usize; 2],
    /// Staff population per employment type [正規, 会計年度].
    pub population: [usize; 2],
    /// First day of the 19-day survey window (a Monday).
    pub start: (u32, u32, u32),
    /// Offset (percentage points) added to every agree share (subtracted for
    /// the negative statement).
    pub shift_pp: f64,
    /// Share of those answering ストレス要因 who choose 所属部署の雰囲気.
    pub atmosphere: f64,
    /// RNG stream number.
    pub stream: u64,
}

pub const WAVES: [Wave; 3] = [
    Wave {
        code: "R4",
        era: "令和4年度 (FY2022)",
        file: "fy2022_R4.xlsx",
        format: FileFormat::Xlsx,
        respondents: [816, 284],
        population: [1680, 790],
        start: (2022, 6, 27),
        shift_pp: -2.0,
        atmosphere: 0.306,
        stream: 1,
    },
    Wave {
        code: "R5",
        era: "令和5年度 (FY2023)",
        file: "fy2023_R5.csv",
        format: FileFormat::CsvShiftJis,
        respondents: [784, 272],
        population: [1670, 786],
        start: (2023, 6, 26),
        shift_pp: 0.0,
        atmosphere: 0.297,
        stream: 2,
    },
    Wave {
        code: "R6",
        era: "令和6年度 (FY2024)",
        file: "fy2024_R6.xlsx",
        format: FileFormat::Xlsx,
        respondents: [890, 310],
        population: [1665, 800],
        start: (2024, 6, 24),
        shift_pp: 1.6,
        atmosphere: 0.285,
        stream: 3,
    },
];

pub const WINDOW_DAYS: u32 = 19;
pub const SHEET_NAME: &str = "回答";

/// Column layout.
pub const COL_ID: usize = 0;
pub const COL_AGE: usize = 2;
pub const COL_STMT0: usize = 5;
const COL_UNSAT: usize = COL_STMT0 + 16;
pub const COL_NEEDS: usize = COL_UNSAT + 1;
/// After 満足していない理由, やりがい…, ストレス要因, 仕事を辞めたい理由.
pub const COL_FREE: usize = COL_UNSAT + 4;
pub const N_COLS: usize = COL_FREE + 1;

/// The header row of `wave`'s export (R6 renamed the training statement).
pub fn headers(wave: &Wave) -> Vec<String> {
    let mut h: Vec<String> = ["回答ID", "回答日時", "年代", "雇用形態", "所属"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (k, s) in STATEMENTS.iter().enumerate() {
        if k == STMT_TRAINING && wave.code == "R6" {
            h.push(R6_TRAINING_HEADER.to_string());
        } else {
            h.push(s.text.to_string());
        }
    }
    for s in [H_UNSAT, H_NEEDS, H_STRESS, H_QUIT, H_FREE] {
        h.push(s.to_string());
    }
    h
}
