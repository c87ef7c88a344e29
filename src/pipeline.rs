//! The validated pipeline: everything the stages need, typed and cross-checked.
//!
//! Built only by `config::load`; stages read this, never the TOML or the command line. Questions,
//! scales and segments refer to each other by index, so a stage cannot meet a dangling id.

use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
pub use crate::settings::{Quality, Statistics};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A survey programme across years, ready to run.
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// File stem of the pipeline file; names the report directory.
    pub name: String,
    /// The pipeline file itself.
    pub path: PathBuf,
    pub organisation: String,
    pub title: String,
    /// Waves sorted by fiscal year, oldest first.
    pub waves: Vec<Wave>,
    pub scales: Vec<Scale>,
    pub respondents: Respondents,
    pub questions: Vec<Question>,
    pub segments: Vec<Segment>,
    pub indicators: Vec<Indicator>,
    /// Key-driver analyses (`[[drivers]]`).
    pub drivers: Vec<crate::drivers::DriverSpec>,
    pub admin: Option<AdminSource>,
    /// HR records (`[staff]`) for the 職員の状況 section.
    pub staff: Option<crate::staff::Staff>,
    /// The comparison-values table (`[benchmarks]`).
    pub benchmarks: Option<SourceFile>,
    /// Options listed per group in reasons tables.
    pub top_n: usize,
    pub statistics: Statistics,
    pub quality: Quality,
}

/// Text encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    ShiftJis,
}

/// How a tabular file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceFormat {
    /// xlsx / xlsm / xls / ods; `None` = first sheet.
    Spreadsheet {
        sheet: Option<String>,
    },
    Csv {
        encoding: TextEncoding,
    },
}

/// A file holding one table with a header row.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub format: SourceFormat,
    /// 1-based row of the headers.
    pub header_row: u32,
    pub limits: Limits,
}

/// Limits on what an input may ask of the machine, against broken or hostile files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest total uncompressed size of a zipped spreadsheet (xlsx, ods), or size of a CSV.
    pub max_bytes: u64,
    /// Largest used range of a sheet, in cells.
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 512 * 1024 * 1024,
            max_cells: 20_000_000,
        }
    }
}

/// One fiscal year's survey.
#[derive(Debug, Clone)]
pub struct Wave {
    pub year: FiscalYear,
    pub source: SourceFile,
    /// Staff in scope per employment type, in the order of the employment values.
    pub population: Vec<(String, u64)>,
    /// Staff in scope overall: the `全体` entry, else the sum of `population`.
    pub population_total: Option<u64>,
    /// When the survey was open (free text from the pipeline file), for the 概要.
    pub period: Option<String>,
}

/// An ordered answer scale; level 0 is the most agreeing.
#[derive(Debug, Clone)]
pub struct Scale {
    pub id: String,
    pub levels: Vec<String>,
    /// Levels `0..positive` count as positive.
    pub positive: usize,
    /// Levels `positive..positive + neutral` are the neutral middle; the rest are negative.
    pub neutral: usize,
    /// Normalised label or alias → level.
    lookup: BTreeMap<String, usize>,
    /// Normalised answers that mean no answer.
    missing: std::collections::BTreeSet<String>,
}

impl Scale {
    pub fn new(
        id: String,
        levels: Vec<String>,
        positive: usize,
        neutral: usize,
        aliases: &[(String, usize)],
    ) -> Self {
        let mut lookup = BTreeMap::new();
        for (i, l) in levels.iter().enumerate() {
            lookup.insert(normalize_label(l), i);
        }
        for (alias, i) in aliases {
            lookup.insert(normalize_label(alias), *i);
        }
        Scale {
            id,
            levels,
            positive,
            neutral,
            lookup,
            missing: Default::default(),
        }
    }

    /// The level of an answer, after normalisation; `None` if it matches no label.
    pub fn code(&self, answer: &str) -> Option<usize> {
        self.lookup.get(&normalize_label(answer)).copied()
    }

    /// `満足～不満`: the scale named by its two ends, for titles where several scales are used.
    pub fn range_label(&self) -> String {
        match (self.levels.first(), self.levels.last()) {
            (Some(a), Some(b)) => format!("{a}～{b}"),
            _ => self.id.clone(),
        }
    }

    /// Declares answers that mean no answer (`missing` in the file).
    pub fn with_missing(mut self, missing: &[String]) -> Self {
        self.missing = missing.iter().map(|m| normalize_label(m)).collect();
        self
    }

    /// Whether an answer is one of the declared no-answer labels.
    pub fn is_missing(&self, answer: &str) -> bool {
        self.missing.contains(&normalize_label(answer))
    }
}

/// Respondent attribute columns.
#[derive(Debug, Clone)]
pub struct Respondents {
    pub id_column: String,
    pub age: Option<Age>,
    /// Categorical attributes, employment type first when configured (id `employment`).
    pub attributes: Vec<Attribute>,
}

/// Age bands, from labels or from numeric ages.
#[derive(Debug, Clone)]
pub struct Age {
    pub column: String,
    pub bands: Vec<String>,
    pub mode: AgeMode,
}

#[derive(Debug, Clone)]
pub enum AgeMode {
    /// Normalised export label → band index.
    Labels(BTreeMap<String, usize>),
    /// Lower bounds of bands 1.. (ascending).
    Edges(Vec<f64>),
}

impl Age {
    /// The band index of a cell, `None` if it fits no band.
    pub fn band(&self, cell: &str) -> Option<usize> {
        match &self.mode {
            AgeMode::Labels(map) => map.get(&normalize_label(cell)).copied(),
            AgeMode::Edges(edges) => {
                let age: f64 = normalize_label(cell).parse().ok()?;
                if !(0.0..150.0).contains(&age) {
                    return None;
                }
                Some(edges.iter().filter(|e| age >= **e).count())
            }
        }
    }
}

/// A categorical attribute column.
#[derive(Debug, Clone)]
pub struct Attribute {
    pub id: String,
    pub label: String,
    pub column: String,
    /// Allowed values in report order; `None` = any value, ordered as found (sorted).
    pub values: Option<Vec<String>>,
}

impl Attribute {
    /// The canonical value for a cell: the configured value it normalises to, or the
    /// trimmed cell itself for a free attribute. `None` when it is not an allowed value.
    pub fn value(&self, cell: &str) -> Option<String> {
        match &self.values {
            Some(values) => {
                let key = normalize_label(cell);
                values.iter().find(|v| normalize_label(v) == key).cloned()
            }
            None => Some(cell.trim().to_string()),
        }
    }
}

/// A survey question.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub label: String,
    pub column: String,
    /// Header per wave where it differs.
    pub columns: BTreeMap<FiscalYear, String>,
    pub kind: QuestionKind,
    /// A negative statement: a high share is bad.
    pub negative: bool,
    pub asked_if: Option<Condition>,
    /// Base of a scale item's shares.
    pub base: Base,
    /// Options listed per group in this question's reasons table.
    pub top_n: usize,
}

/// The base (denominator) of a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// Those who answered the item.
    Answered,
    /// Every respondent; no answer is its own share.
    All,
}

impl Question {
    /// The export header of this question in a given wave.
    pub fn column_for(&self, year: FiscalYear) -> &str {
        self.columns.get(&year).unwrap_or(&self.column)
    }

    /// Name of the column of scale codes or the text column in the coded frame.
    pub fn code_column(&self) -> String {
        format!("q:{}", self.id)
    }

    /// Options of a choice question; empty for other kinds.
    pub fn options(&self) -> &[String] {
        match &self.kind {
            QuestionKind::Choice { options, .. } => options,
            _ => &[],
        }
    }

    /// Name of the 0/1 column for option `k` of a choice question in the coded frame.
    pub fn option_column(&self, k: usize) -> String {
        format!("o:{}:{}", self.id, k)
    }
}

#[derive(Debug, Clone)]
pub enum QuestionKind {
    Scale {
        scale: usize,
    },
    Choice {
        multi: bool,
        options: Vec<String>,
        separator: String,
        /// Option that collects unlisted answers.
        other: Option<usize>,
    },
    Text,
}

/// Asked only of those whose answer to `question` has one of `codes`
/// (scale levels or option indices).
#[derive(Debug, Clone)]
pub struct Condition {
    pub question: usize,
    pub codes: Vec<usize>,
}

/// A breakdown of respondents into groups.
#[derive(Debug, Clone)]
pub struct Segment {
    pub id: String,
    pub label: String,
    pub by: SegmentBy,
    /// Whether each group gets a one-page sheet (所属別カルテ).
    pub sheets: bool,
}

impl Segment {
    /// Name of the group-label column in the segmented frame.
    pub fn column(&self) -> String {
        format!("seg:{}", self.id)
    }
}

#[derive(Debug, Clone)]
pub enum SegmentBy {
    /// Age bands.
    Age,
    /// Index into `respondents.attributes`.
    Attribute(usize),
    /// Positive levels of a scale question → `groups[0]`, the others → `groups[1]`.
    Split {
        question: usize,
        groups: [String; 2],
    },
}

/// KGI or KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Kgi,
    Kpi,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Kgi => "KGI",
            Level::Kpi => "KPI",
        }
    }
}

/// How a target is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    AtMost,
    AtLeast,
}

impl Bound {
    /// As written after the value: 以下 or 以上.
    pub fn label(self) -> &'static str {
        match self {
            Bound::AtMost => "以下",
            Bound::AtLeast => "以上",
        }
    }
}

/// A target: the value to reach by a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    pub value: f64,
    pub year: FiscalYear,
    /// How the policy states it (8人以下), when as a bound.
    pub bound: Option<Bound>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub level: Level,
    pub name: String,
    pub unit: String,
    pub lower_is_better: bool,
    pub baseline: FiscalYear,
    /// `None` for a series followed without a target (shown with its changes, no progress).
    pub target: Option<Target>,
    pub decimals: u8,
    pub source: IndicatorSource,
    /// The comparator of the comparison table shown beside the city's value; `None` = the
    /// first one the table lists for the indicator.
    pub compare: Option<String>,
}

#[derive(Debug, Clone)]
pub enum IndicatorSource {
    /// Positive share (%) of a scale question among all respondents, or among a subgroup.
    Positive {
        question: usize,
        among: Option<Among>,
    },
    /// Share (%) of respondents choosing an option, among all or among a subgroup.
    Option {
        question: usize,
        option: usize,
        among: Option<Among>,
    },
    /// Value from the administrative table under this name.
    Admin { name: String },
    /// Numerator over denominator (×100 when the unit is "%"), each a name in the
    /// administrative table or an HR statistic; `sample` when the counts are a sample's, so
    /// the value gets a Wilson interval.
    Ratio {
        numerator: String,
        denominator: String,
        sample: bool,
    },
}

/// Some groups of one segment taken together: a survey indicator about a subgroup (the
/// share among staff in their 30s or younger sums the groups 10～20歳代 and 30歳代).
#[derive(Debug, Clone, PartialEq)]
pub struct Among {
    /// Segment id.
    pub segment: String,
    /// Group labels as the segment names them.
    pub groups: Vec<String>,
}

/// The administrative table and its column headers.
#[derive(Debug, Clone)]
pub struct AdminSource {
    pub source: SourceFile,
    pub indicator_column: String,
    pub year_column: String,
    pub value_column: String,
    /// Standard deviation and count of a mean: (header, required). Required when set in the
    /// pipeline file; the default headers are used only when the table has them.
    pub sd_column: (String, bool),
    pub n_column: (String, bool),
}

impl Pipeline {
    /// Waves up to and including `year`, oldest first.
    pub fn waves_until(&self, year: FiscalYear) -> Vec<&Wave> {
        self.waves.iter().filter(|w| w.year <= year).collect()
    }

    /// The number of levels of the longest scale (the level columns of the items table).
    pub fn max_levels(&self) -> usize {
        self.scales
            .iter()
            .map(|s| s.levels.len())
            .max()
            .unwrap_or(0)
    }

    /// The scale of a scale question.
    pub fn scale_of(&self, q: &Question) -> Option<&Scale> {
        match q.kind {
            QuestionKind::Scale { scale } => Some(&self.scales[scale]),
            _ => None,
        }
    }

    /// The scale questions, in questionnaire order.
    pub fn scale_items(&self) -> Vec<&Question> {
        self.questions
            .iter()
            .filter(|q| matches!(q.kind, QuestionKind::Scale { .. }))
            .collect()
    }

    /// The scale items compared across a segment's groups: all of them, except that a split
    /// segment leaves out the question that defines it (its shares are 100 % and 0 % by
    /// construction), as Otaru's やりがい table does.
    pub fn segment_items(&self, segment: &Segment) -> Vec<&Question> {
        self.scale_items()
            .into_iter()
            .filter(|q| match &segment.by {
                SegmentBy::Split { question, .. } => self.questions[*question].id != q.id,
                _ => true,
            })
            .collect()
    }

    /// The segments in the report's reading order: splits such as やりがい first (the policy's
    /// headline comparison), then age bands, then the other attributes, each kind in the
    /// pipeline file's order.
    pub fn segments_in_report_order(&self) -> Vec<&Segment> {
        let rank = |by: &SegmentBy| match by {
            SegmentBy::Split { .. } => 0,
            SegmentBy::Age => 1,
            SegmentBy::Attribute(_) => 2,
        };
        let mut segments: Vec<&Segment> = self.segments.iter().collect();
        segments.sort_by_key(|s| rank(&s.by));
        segments
    }
}
