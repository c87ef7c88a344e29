//! The pipeline file as written: serde structs that mirror the TOML, field by field.
//!
//! These doc comments are the reference of the file format (the README links here). Nothing
//! here is checked beyond TOML syntax and unknown keys; `validate` turns a [`PipelineFile`]
//! into the typed [`crate::pipeline::Pipeline`], reporting every problem at once.
//! Paths are relative to the pipeline file; fiscal years accept `R5`, `令和5年度` or `2023`.

use serde::Deserialize;
use std::collections::BTreeMap;

/// The whole pipeline file: one survey programme across years.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineFile {
    /// Organisation shown on every report, e.g. `"しおかぜ市"`.
    pub organisation: String,
    /// Survey title, e.g. `"職員アンケート"`.
    pub title: String,
    /// One entry per fiscal year (`[[waves]]`).
    #[serde(default)]
    pub waves: Vec<WaveFile>,
    /// Answer scales by id (`[scales.agree4]`).
    #[serde(default)]
    pub scales: BTreeMap<String, ScaleFile>,
    /// Who answered: id, age, employment type and other attribute columns.
    pub respondents: RespondentsFile,
    /// The questions analysed (`[[questions]]`).
    #[serde(default)]
    pub questions: Vec<QuestionFile>,
    /// Groupings that every table is broken down by (`[[segments]]`).
    #[serde(default)]
    pub segments: Vec<SegmentFile>,
    /// KGI and KPI (`[[indicators]]`).
    #[serde(default)]
    pub indicators: Vec<IndicatorFile>,
    /// Key-driver analyses (`[[drivers]]`): which items move an outcome such as やりがい.
    #[serde(default)]
    pub drivers: Vec<super::drivers_file::DriversFile>,
    /// Table of administrative indicator values (not from the survey).
    pub admin: Option<AdminFile>,
    /// HR records for the 職員の状況 section: staff rosters and count tables.
    pub staff: Option<super::staff_file::StaffFile>,
    /// Table of other organisations' values to compare with.
    pub benchmarks: Option<super::staff_file::BenchmarksFile>,
    /// Report settings.
    #[serde(default)]
    pub report: ReportFile,
    /// Intervals, tests and confidentiality thresholds.
    #[serde(default)]
    pub statistics: StatisticsFile,
    /// Limits against broken or hostile input files.
    #[serde(default)]
    pub limits: LimitsFile,
    /// The data-quality gate.
    #[serde(default)]
    pub quality: QualityFile,
}

/// `[quality]`: when unmatched answers stop a run.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityFile {
    /// Largest share (0–1) of a column's non-blank answers that one value matching no level,
    /// option or band may make up before `run` refuses (default 0.02, i.e. 2%). Such a value
    /// is usually a spelling variant (どちらかといえば for どちらかと言えば) that would otherwise
    /// count as no answer and shift the column's figures. `check` lists them all;
    /// `run --accept-data-problems` goes on regardless and says so in the report.
    pub max_unmatched_share: Option<f64>,
}

/// `[limits]`: what one input file may ask of the machine.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitsFile {
    /// Largest uncompressed size of an xlsx/ods (all its parts together) or of a CSV file, in
    /// megabytes (default 512). A zip bomb is refused before it is unpacked.
    pub max_megabytes: Option<u64>,
    /// Largest used range of a sheet, in cells (default 20,000,000); a stray cell far away
    /// (XFD1048576) makes the range huge.
    pub max_cells: Option<u64>,
}

/// `[statistics]`: confidence level, significance level and the group-size thresholds.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatisticsFile {
    /// `"internal"` (default): for the organisation's own use. `"public"`: for what a city
    /// publishes: the smallest group shown is at least 10 (the default of `min_group` becomes
    /// 10, and a smaller one is an error) and no department sheets are written.
    pub profile: Option<String>,
    /// Confidence level of every interval (default 0.95).
    pub confidence: Option<f64>,
    /// Significance level for the marks, applied to Holm-adjusted p-values (default 0.05).
    pub significance: Option<f64>,
    /// Smallest group shown (default 5): a group or cell with fewer respondents is suppressed
    /// in every output, and a second group too where the first could be recovered from a total.
    pub min_group: Option<u32>,
    /// Smallest group whose free-text answers may be shown (default 10).
    pub min_group_text: Option<u32>,
    /// In a group smaller than this (default 10), a share of 0% or 100% is suppressed: it
    /// would tell every member's answer (all answered alike).
    pub min_uniform_group: Option<u32>,
    /// A group's cell is suppressed in a wave where its base differs from an earlier shown
    /// wave's by at least 1 and fewer than this (default 3): the two waves would tell the
    /// answers of the one or two who joined or left. 1 turns the rule off.
    pub min_change_members: Option<u32>,
    /// The size-change rule watches bases below this (default 20).
    pub change_watch_below: Option<u32>,
    /// Below this base a value is shown but marked as unstable (default 30).
    pub unstable_below: Option<u32>,
    /// Base of the shares of scale items: `"answered"` (default: those who answered the item;
    /// no answer is outside the base) or `"all"` (every respondent, with 無回答 as its own
    /// share, so positive + neutral + negative + 無回答 = 100%, as Wakkanai prints them).
    /// A question may override it with its own `base`.
    pub base: Option<String>,
}

/// One survey wave: a fiscal year and its export file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WaveFile {
    /// Fiscal year of the survey: `"R5"`, `"令和5年度"` or `2023` (a number or a string).
    pub year: YearValue,
    /// Export file: `.xlsx`, `.xlsm`, `.xls`, `.ods` or `.csv`, relative to the pipeline file.
    pub file: String,
    /// Sheet name for spreadsheet files (default: the first sheet). Not allowed for CSV.
    pub sheet: Option<String>,
    /// Text encoding for CSV: `"utf-8"` (default; a BOM is accepted) or `"shift_jis"` (CP932).
    pub encoding: Option<String>,
    /// Row number (1-based) holding the column headers; default 1. Rows below are respondents.
    pub header_row: Option<u32>,
    /// Staff in scope by employment type, for response rates: `{ "正規職員" = 1670, ... }`.
    /// Keys are values of the employment attribute, or `"全体"` for the overall number (when
    /// omitted, the overall number is the sum of the types).
    #[serde(default)]
    pub population: BTreeMap<String, u64>,
    /// When the survey was open, as the report's 概要 should print it: `"2024年7月1日～7月19日"`.
    pub period: Option<String>,
}

/// A fiscal year written as a TOML string (`"R5"`) or integer (`2023`).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum YearValue {
    /// `2023`
    Number(i64),
    /// `"R5"`, `"令和5年度"`, `"2023"`
    Text(String),
}

/// An ordered answer scale.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleFile {
    /// Answer labels from the most to the least agreeing, e.g.
    /// `["そう思う", "どちらかと言えばそう思う", "どちらかと言えばそう思わない", "そう思わない"]`.
    pub levels: Vec<String>,
    /// How many of the top levels count as positive (肯定的回答); for the four-point scale, 2.
    pub positive: usize,
    /// How many levels right after the positive ones are a neutral middle (どちらともいえない),
    /// counted neither positive nor negative; default 0. A five-point agree scale has
    /// `positive = 2`, `neutral = 1`: the last two levels are negative.
    #[serde(default)]
    pub neutral: usize,
    /// Answers that mean "no answer" rather than a level, such as `["わからない", "該当なし"]`:
    /// counted as 無回答 (outside the base, or its own share under `base = "all"`) and not
    /// reported as data problems.
    #[serde(default)]
    pub missing: Vec<String>,
    /// Other spellings of a level: `{ "どちらかといえばそう思う" = "どちらかと言えばそう思う" }`.
    /// Width, spaces and wave dashes are normalised anyway and need no alias.
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
}

/// Respondent attributes: which columns identify and describe each respondent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RespondentsFile {
    /// Header of the respondent id column; rows without an id or with a repeated id are set aside.
    pub id: String,
    /// Age: either a band-label column or numeric ages binned by edges.
    pub age: Option<AgeFile>,
    /// Employment type (正規職員 / 会計年度任用職員 …); its values key the wave populations.
    pub employment: Option<CategoryFile>,
    /// Further attribute columns such as department (所属) or position (職位).
    #[serde(default)]
    pub attributes: Vec<AttributeFile>,
}

/// How age bands are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeFile {
    /// Header of the age column.
    pub column: String,
    /// Band labels as reports show them, youngest first: `["10～20歳代", "30歳代", ...]`.
    pub bands: Vec<String>,
    /// For a band-label column: export label → band, e.g. `{ "20歳代以下" = "10～20歳代" }`.
    /// Labels equal to a band name (after normalisation) need no entry.
    #[serde(default)]
    pub map: BTreeMap<String, String>,
    /// For numeric ages: the lower bound of every band but the first, ascending;
    /// `[30, 40, 50, 60]` with five bands means ..29, 30..39, 40..49, 50..59, 60.. .
    pub edges: Option<Vec<f64>>,
}

/// A categorical attribute with a fixed list of values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    /// Header of the column.
    pub column: String,
    /// Allowed values in report order. Any other value is reported in the data-quality table.
    pub values: Vec<String>,
}

/// A free attribute column (department, position, …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeFile {
    /// Identifier used by segments, e.g. `"department"`.
    pub id: String,
    /// Japanese name shown in reports, e.g. `"所属"`.
    pub label: String,
    /// Header of the column.
    pub column: String,
    /// Allowed values in report order; when omitted, the values found are used, sorted.
    pub values: Option<Vec<String>>,
}

/// One question of the survey.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionFile {
    /// Identifier, e.g. `"q02"`; used by segments, conditions and indicators.
    pub id: String,
    /// Short Japanese label for tables and charts, e.g. `"仕事にやりがいを感じている"`.
    pub label: String,
    /// Column header in the exports.
    pub column: String,
    /// Header per wave where it differs from `column`: `{ R6 = "職場研修（OJT）が…" }`.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// `"scale"` (needs `scale`), `"multi"` (multi-select, needs `options`), `"single"`
    /// (single choice, needs `options`) or `"text"` (free text: read, never shown in any output).
    pub kind: String,
    /// Scale id for `kind = "scale"`.
    pub scale: Option<String>,
    /// `"positive"` (default) or `"negative"`: a negative statement such as 仕事を辞めたい,
    /// where a high share is bad.
    pub polarity: Option<String>,
    /// Options of a multi-select or single-choice question, in questionnaire order.
    pub options: Option<Vec<String>>,
    /// Separator between the options chosen in a multi-select cell; default `";"`.
    pub separator: Option<String>,
    /// Option that collects answers matching no listed option (e.g. `"その他"`); without it,
    /// such answers are reported in the data-quality table.
    pub other: Option<String>,
    /// Asked only of respondents who gave one of these answers to another question.
    pub asked_if: Option<ConditionFile>,
    /// Base of this scale item's shares: `"answered"` or `"all"` (see `[statistics] base`).
    /// `"all"` is not allowed with `asked_if` (those not asked are not respondents of it).
    pub base: Option<String>,
    /// For a multi-select or single-choice question, how many of the most chosen options its
    /// reasons table lists per group (default: `[report] top_n`).
    pub top_n: Option<usize>,
}

/// "Asked only if": the question is put only to those who answered `question` with one of
/// `answers`; everyone else is outside its base.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionFile {
    /// Id of the question the condition looks at.
    pub question: String,
    /// Answers (scale levels or options) that lead to this question.
    pub answers: Vec<String>,
}

/// A grouping of respondents that tables are broken down by.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentFile {
    /// Identifier, used in output file names (`items_by_<id>.csv`).
    pub id: String,
    /// Japanese name, e.g. `"年代別"`.
    pub label: String,
    /// Group by an attribute: `"age"`, `"employment"` or the id of an `[[respondents.attributes]]`.
    pub attribute: Option<String>,
    /// Or split by a scale question: its positive levels form the first group, the rest the second
    /// (no answer: neither). This is the やりがい有/無 split.
    pub split_on: Option<String>,
    /// Group names for a split: default `["肯定的回答", "否定的回答"]`,
    /// e.g. `["やりがい有", "やりがい無"]`.
    pub groups: Option<Vec<String>>,
    /// Whether every group gets a printable one-page sheet (所属別カルテ) under `sheets/`.
    /// Default: yes for a breakdown by department (attribute id `department` or a label
    /// containing 所属), no for any other.
    pub sheets: Option<bool>,
}

/// A KGI or KPI.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorFile {
    /// Identifier, used in chart file names.
    pub id: String,
    /// `"KGI"` or `"KPI"`.
    pub level: String,
    /// Japanese name as in the policy, e.g. `"仕事にやりがいを感じている職員の割合"`.
    pub name: String,
    /// Unit shown after values: `"%"`, `"人"`, `"時間"`, `"日"`, `"点"`. Survey indicators are `"%"`.
    pub unit: String,
    /// `"higher"` or `"lower"` is better.
    pub direction: String,
    /// Baseline fiscal year (基準値の年度).
    pub baseline: YearValue,
    /// Target fiscal year (目標年度). Omitted with `target` for a series followed without a
    /// target.
    pub target_year: Option<YearValue>,
    /// Target value; omitted for a series followed without a target.
    pub target: Option<f64>,
    /// `"at_most"` (以下) or `"at_least"` (以上) when the policy states the target as a bound,
    /// as in 8人以下; otherwise omitted.
    pub target_bound: Option<String>,
    /// Decimals when printing values (default 1).
    pub decimals: Option<u8>,
    /// From the survey: the positive share of a scale question, or the share choosing `option`
    /// of a multi-select question.
    pub survey: Option<SurveySourceFile>,
    /// From the administrative table: the value of its `指標` column naming this indicator.
    pub admin: Option<String>,
    /// A ratio of two counts.
    pub ratio: Option<RatioFile>,
    /// The comparator of the comparison table (`[benchmarks]`) shown beside the city's value,
    /// e.g. `"道内主要都市平均"`; default the first one the table lists for the indicator.
    pub compare: Option<String>,
}

/// Where a survey indicator comes from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SurveySourceFile {
    /// Question id.
    pub question: String,
    /// For a multi-select or single-choice question, the option whose share is the indicator.
    pub option: Option<String>,
    /// The share among some groups of a segment only, e.g. `{ segment = "age", groups =
    /// ["10～20歳代", "30歳代"] }`.
    pub among: Option<AmongFile>,
}

/// Groups of a segment taken together.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AmongFile {
    /// Segment id.
    pub segment: String,
    pub groups: Vec<String>,
}

/// A ratio indicator: numerator over denominator, each the name of a row of the
/// administrative table or of an HR statistic (職員数, 女性管理職数, …).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatioFile {
    pub numerator: String,
    pub denominator: String,
    /// Whether the counts are a sample's (default no): the value then gets a Wilson interval.
    pub sample: Option<bool>,
}

/// The administrative-indicators table: one row per indicator and fiscal year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdminFile {
    /// CSV or spreadsheet file, relative to the pipeline file.
    pub file: String,
    /// Sheet for spreadsheet files.
    pub sheet: Option<String>,
    /// Encoding for CSV (`"utf-8"` default, or `"shift_jis"`).
    pub encoding: Option<String>,
    /// Header of the indicator-name column (default `"指標"`).
    pub indicator_column: Option<String>,
    /// Header of the fiscal-year column (default `"年度"`).
    pub year_column: Option<String>,
    /// Header of the value column (default `"値"`).
    pub value_column: Option<String>,
    /// Header of the standard-deviation column of means, for a t interval (default
    /// `"標準偏差"`, used when present).
    pub sd_column: Option<String>,
    /// Header of the number-of-answers column of means (default `"回答数"`, used when present).
    pub n_column: Option<String>,
}

/// Report settings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// How many of the most chosen options each reasons table lists per group (default 3).
    pub top_n: Option<usize>,
}
