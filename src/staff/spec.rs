//! What the pipeline file says about the HR records, validated (`config::validate::staff`
//! builds it): the rosters and how to read them, the posts, the exclusion rules, which
//! leavers count as young staff's resignations, the count tables and the comparison values.

use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::SourceFile;
use chrono::NaiveDate;

/// The HR records of `[staff]`.
#[derive(Debug, Clone)]
pub struct Staff {
    /// Oldest first.
    pub rosters: Vec<Roster>,
    pub columns: Option<RosterColumns>,
    pub sex: SexValues,
    /// Highest first.
    pub posts: Vec<Post>,
    /// Appointing bodies in the order shown, when declared.
    pub bodies: Option<Vec<String>>,
    pub exclusions: Vec<Exclusion>,
    pub resignations: Resignations,
    pub tables: Vec<SourceFile>,
    pub compare_year: Option<FiscalYear>,
}

/// One roster: everyone employed on `date`.
#[derive(Debug, Clone)]
pub struct Roster {
    pub year: FiscalYear,
    pub date: NaiveDate,
    pub source: SourceFile,
}

/// Headers of the roster columns.
#[derive(Debug, Clone)]
pub struct RosterColumns {
    pub id: String,
    pub birth_date: Option<String>,
    pub age: Option<String>,
    pub sex: String,
    pub post: String,
    pub department: Option<String>,
    pub body: String,
    pub hire_date: Option<String>,
    pub leave_date: Option<String>,
    pub leave_reason: Option<String>,
}

/// Sex as the report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn label(self) -> &'static str {
        match self {
            Sex::Male => "男性",
            Sex::Female => "女性",
        }
    }
}

/// How the sex column is written (normalised values).
#[derive(Debug, Clone)]
pub struct SexValues {
    pub male: Vec<String>,
    pub female: Vec<String>,
}

impl Default for SexValues {
    fn default() -> Self {
        SexValues {
            male: vec!["男".into(), "男性".into()],
            female: vec!["女".into(), "女性".into()],
        }
    }
}

impl SexValues {
    /// The sex a cell means, if any.
    pub fn read(&self, cell: &str) -> Option<Sex> {
        let v = normalize_label(cell);
        if self.male.contains(&v) {
            Some(Sex::Male)
        } else if self.female.contains(&v) {
            Some(Sex::Female)
        } else {
            None
        }
    }
}

/// A post (職位) and the job titles that belong to it.
#[derive(Debug, Clone)]
pub struct Post {
    pub name: String,
    /// Normalised job titles.
    pub titles: Vec<String>,
    pub manager: bool,
}

/// People left out: those whose cells match every condition (values normalised).
#[derive(Debug, Clone)]
pub struct Exclusion {
    pub label: String,
    pub when: Vec<(String, Vec<String>)>,
}

/// Which leavers count as young staff's resignations.
#[derive(Debug, Clone)]
pub struct Resignations {
    /// Normalised reasons that count; `None`: every reason.
    pub reasons: Option<Vec<String>>,
    /// The oldest age at the leave date that counts as young.
    pub max_age: u32,
    pub exclusions: Vec<Exclusion>,
}

impl Default for Resignations {
    fn default() -> Self {
        Resignations {
            reasons: None,
            max_age: 39,
            exclusions: vec![],
        }
    }
}
