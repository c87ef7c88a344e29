//! The `[staff]` and `[benchmarks]` parts of the pipeline file as written: HR records (staff
//! rosters, aggregated count tables) for the report's 職員の状況 section, and comparison
//! values from other cities. Serde structs that mirror the TOML; these doc comments are the
//! reference of the format (the README links here). `validate::staff` checks them.

use super::file::YearValue;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `[staff]`: where the HR records are and how to read them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffFile {
    /// Staff rosters (職員名簿), one per reference date (`[[staff.rosters]]`).
    #[serde(default)]
    pub rosters: Vec<RosterFile>,
    /// Column headers of the rosters (`[staff.columns]`); required with rosters.
    pub columns: Option<RosterColumnsFile>,
    /// How 性別 is written (`[staff.sex]`); default 男/男性 and 女/女性.
    pub sex: Option<SexFile>,
    /// Posts from the highest to the lowest (`[[staff.posts]]`), each with the job titles
    /// (職名) that belong to it.
    #[serde(default)]
    pub posts: Vec<PostFile>,
    /// Appointing bodies (任命権者) in the order shown, e.g. `["市長部局", "教育委員会"]`;
    /// a roster value not listed is reported. Default: as found, largest first.
    pub bodies: Option<Vec<String>>,
    /// Staff left out of every statistic (`[[staff.exclude]]`): 特別職, 医師, 再任用 …
    #[serde(default)]
    pub exclude: Vec<ExclusionFile>,
    /// Which leavers count as resignations of young staff (`[staff.resignations]`).
    pub resignations: Option<ResignationsFile>,
    /// Tables of counts by year where there is no roster, and of events such as childcare
    /// leave (`[[staff.tables]]`): columns `統計`, `年度`, `値` and optionally `任命権者`,
    /// `職位`, `性別`, `所属`.
    #[serde(default)]
    pub tables: Vec<TableFile>,
    /// The earlier year the women's shares are compared with (default: the earliest year
    /// with counts).
    pub compare_year: Option<YearValue>,
}

/// One roster: everyone employed on its reference date.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterFile {
    /// Fiscal year of the reference date, e.g. `"R6"`.
    pub year: YearValue,
    /// Reference date (基準日), e.g. `"2024-04-01"` or `"令和6年4月1日"`.
    pub date: String,
    /// CSV or spreadsheet file, relative to the pipeline file.
    pub file: String,
    /// Sheet for spreadsheet files (default: the first).
    pub sheet: Option<String>,
    /// Encoding for CSV (`"utf-8"` default, or `"shift_jis"`).
    pub encoding: Option<String>,
}

/// `[staff.columns]`: the headers of the roster columns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterColumnsFile {
    /// Staff number (職員番号): counts each leaver once across rosters. Never written out.
    pub id: String,
    /// Birth date (生年月日); or `age`.
    pub birth_date: Option<String>,
    /// Age in years at the reference date (年齢), when there is no birth date.
    pub age: Option<String>,
    /// Sex (性別).
    pub sex: String,
    /// Job title (職名), mapped to a post by `[[staff.posts]]`.
    pub post: String,
    /// Department (所属), optional.
    pub department: Option<String>,
    /// Appointing body (任命権者).
    pub body: String,
    /// Hire date (採用年月日), optional: someone hired after the reference date is not counted.
    pub hire_date: Option<String>,
    /// Leave date (退職年月日), optional: needed for resignations.
    pub leave_date: Option<String>,
    /// Leave reason (退職事由), optional.
    pub leave_reason: Option<String>,
}

/// `[staff.sex]`: the values of the sex column.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SexFile {
    pub male: Vec<String>,
    pub female: Vec<String>,
}

/// A post (職位), e.g. 課長級.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostFile {
    /// Name shown, e.g. `"課長級"`.
    pub name: String,
    /// Job titles (職名) of this post, e.g. `["課長", "主幹"]`.
    pub titles: Vec<String>,
    /// Whether the post is a manager post (管理職); default no.
    #[serde(default)]
    pub manager: bool,
}

/// A rule leaving people out: everyone whose cells match every condition.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExclusionFile {
    /// Name in the report, e.g. `"特別職"`.
    pub label: String,
    /// Column header → values, e.g. `{ "任用区分" = ["特別職"] }`; all must match.
    pub when: BTreeMap<String, Vec<String>>,
}

/// `[staff.resignations]`: which leavers are young staff's resignations.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResignationsFile {
    /// Leave reasons that count, e.g. `["自己都合"]`; default every reason.
    pub reasons: Option<Vec<String>>,
    /// The oldest age (at the leave date) counted as young (default 39: 30歳代以下).
    pub max_age: Option<u32>,
    /// Leavers left out of this count only, e.g. 病院局の医療技術系職員.
    #[serde(default)]
    pub exclude: Vec<ExclusionFile>,
}

/// A table of counts (`[[staff.tables]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableFile {
    /// CSV or spreadsheet file, relative to the pipeline file.
    pub file: String,
    /// Sheet for spreadsheet files.
    pub sheet: Option<String>,
    /// Encoding for CSV (`"utf-8"` default, or `"shift_jis"`).
    pub encoding: Option<String>,
}

/// `[benchmarks]`: a table of other organisations' values (columns `指標`, `年度`, `比較対象`,
/// `値`, `出典`), shown beside the city's own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchmarksFile {
    /// CSV or spreadsheet file, relative to the pipeline file.
    pub file: String,
    /// Sheet for spreadsheet files.
    pub sheet: Option<String>,
    /// Encoding for CSV (`"utf-8"` default, or `"shift_jis"`).
    pub encoding: Option<String>,
}
