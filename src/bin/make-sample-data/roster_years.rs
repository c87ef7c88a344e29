//! The six staff rosters (職員名簿, R1–R6): file name and format, the yearly targets the
//! simulation steers to (women's shares, 再任用 headcount, seats) and the exact numbers of
//! leavers per reason, plus the roster header and the RNG streams.

use crate::staff::{Body, Job};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RosterFormat {
    CsvUtf8Bom,
    CsvShiftJis,
    Xlsx,
}

impl RosterFormat {
    pub fn label(self) -> &'static str {
        match self {
            RosterFormat::CsvUtf8Bom => "CSV, UTF-8 with BOM, CRLF",
            RosterFormat::CsvShiftJis => "CSV, Shift_JIS (CP932), CRLF",
            RosterFormat::Xlsx => "xlsx, sheet `職員名簿`",
        }
    }
}

/// One roster (reference date 1 April of `fy`) and the fiscal year that follows it.
pub struct RosterYear {
    pub code: &'static str,
    pub era: &'static str,
    /// Fiscal year (its 1 April is the reference date).
    pub fy: i32,
    pub file: &'static str,
    pub format: RosterFormat,
    /// Women's share on 1 April among 正規 graded staff, among managers and among 係長級.
    pub women: f64,
    pub women_managers: f64,
    pub women_kakari: f64,
    /// 再任用 headcount on 1 April.
    pub rehired: usize,
    /// Extra 主事級 seats of 市長部局 事務 on 1 April.
    pub clerk_delta: i32,
    /// 自己都合 leavers aged 39 or younger on the leave date, per body 市長部局, 教育委員会,
    /// 消防本部, 病院局 (without 病院局 医療技術): the KPI.
    pub young_quits: [usize; 4],
    /// Body and job of some of those (the rest are drawn from any job but 医療技術 in 病院局).
    pub young_quit_jobs: &'static [(Body, Job)],
    /// Young 自己都合 leavers of 病院局 医療技術 (left out of the KPI).
    pub young_medtech_quits: usize,
    /// 自己都合 leavers aged 40 or older on the leave date (正規 and one 再任用).
    pub older_quits: usize,
    /// Whether the first older leaver is 39 on 1 April and 40 on the leave date.
    pub boundary_quit: bool,
    pub encouraged: usize,
    pub deaths: usize,
    /// その他 among 正規 graded staff (transfers, dismissals), doctors and 指導主事.
    pub other: usize,
    pub doctors_leaving: usize,
    pub supervisors_leaving: usize,
}

#[allow(clippy::too_many_arguments)]
const fn year(
    code: &'static str,
    era: &'static str,
    fy: i32,
    file: &'static str,
    format: RosterFormat,
    shares: [f64; 3],
    rehired: usize,
    clerk_delta: i32,
    young_quits: [usize; 4],
    young_quit_jobs: &'static [(Body, Job)],
    // young 医療技術, older, 勧奨, 死亡, その他, doctors, 指導主事
    n: [usize; 7],
    boundary_quit: bool,
) -> RosterYear {
    RosterYear {
        code,
        era,
        fy,
        file,
        format,
        women: shares[0],
        women_managers: shares[1],
        women_kakari: shares[2],
        rehired,
        clerk_delta,
        young_quits,
        young_quit_jobs,
        young_medtech_quits: n[0],
        older_quits: n[1],
        boundary_quit,
        encouraged: n[2],
        deaths: n[3],
        other: n[4],
        doctors_leaving: n[5],
        supervisors_leaving: n[6],
    }
}

use RosterFormat::{CsvShiftJis, CsvUtf8Bom, Xlsx};

#[rustfmt::skip]
pub const ROSTER_YEARS: [RosterYear; 6] = [
    year("R1", "令和元年度 (FY2019)", 2019, "roster_R1.csv", CsvUtf8Bom, [0.365, 0.170, 0.270], 60, 0,
         [4, 0, 0, 1], &[], [1, 3, 3, 1, 1, 4, 1], false),
    year("R2", "令和2年度 (FY2020)", 2020, "roster_R2.csv", CsvUtf8Bom, [0.372, 0.180, 0.280], 61, 2,
         [7, 1, 0, 1], &[], [1, 4, 2, 0, 2, 3, 1], false),
    year("R3", "令和3年度 (FY2021)", 2021, "roster_R3.csv", CsvShiftJis, [0.379, 0.192, 0.293], 59, -2,
         [8, 1, 1, 3], &[(Body::Mayor, Job::MedTech)], [2, 3, 3, 1, 1, 4, 2], false),
    year("R4", "令和4年度 (FY2022)", 2022, "roster_R4.csv", CsvUtf8Bom, [0.387, 0.204, 0.306], 62, 3,
         [12, 1, 2, 3], &[], [2, 5, 2, 0, 2, 5, 1], true),
    year("R5", "令和5年度 (FY2023)", 2023, "roster_R5.csv", CsvShiftJis, [0.395, 0.217, 0.320], 60, 1,
         [9, 1, 1, 2], &[], [1, 4, 3, 1, 1, 3, 1], false),
    year("R6", "令和6年度 (FY2024)", 2024, "roster_R6.xlsx", Xlsx, [0.401, 0.223, 0.330], 58, -3,
         [7, 0, 1, 3], &[], [2, 4, 2, 0, 2, 4, 2], false),
];

pub const ROSTER_SHEET: &str = "職員名簿";

pub const ROSTER_HEADER: [&str; 12] = [
    "職員番号",
    "氏名",
    "生年月日",
    "性別",
    "職名",
    "所属",
    "任命権者",
    "任用区分",
    "職種",
    "採用年月日",
    "退職年月日",
    "退職事由",
];
pub const COL_BIRTH: usize = 2;
pub const COL_SEX: usize = 3;
pub const COL_TITLE: usize = 4;
pub const COL_BODY: usize = 6;
pub const COL_KIND: usize = 7;
pub const COL_JOB: usize = 8;
pub const COL_HIRED: usize = 9;
pub const COL_LEFT: usize = 10;
pub const COL_REASON: usize = 11;

/// RNG streams: the population on 1 April 2019 is stream 200, the events of fiscal year
/// `ROSTER_YEARS[i]` (leavers, then promotions and hires for the next 1 April) stream 201 + i,
/// and the defects of roster i stream 211 + i.
pub const STREAM_POPULATION: u64 = 200;
pub const STREAM_YEAR0: u64 = 201;
pub const STREAM_DEFECTS0: u64 = 211;
