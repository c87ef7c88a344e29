//! Clean: raw cell text → the coded frame, one row per respondent across all waves.
//!
//! Labels are compared after normalisation (see `normalize`). Scale answers become level
//! codes (0 = most agreeing, null = no answer); each option of a choice question becomes a
//! 0/1 column (null = not asked or no answer); attributes become their canonical values.
//! A cell that matches nothing, a row without an id, a repeated id, an answer to a question
//! the respondent was not asked: each is recorded as an [`Issue`] and counted in the
//! [`Accounting`]; nothing is dropped silently. Reading one answer cell lives in `answer`. Values that matched nothing are also tallied
//! per column and distinct value (`tally`), which gives the data-quality summary and the gate
//! that stops a run when a spelling variant would shift a figure (`gate`).
//!
//! Coded frame columns: `wave` (i32 fiscal year), `row` (u32 source row), `id` (str),
//! `attr:age` and `attr:<id>` (str), `q:<id>` (i32 level code, or 1 for an answered text),
//! `o:<id>:<k>` (i32 0/1).

mod answer;
mod gate;
mod memo;
mod suggest;
mod tally;

pub use gate::{describe, fixes, gate, group, Gate, UnmatchedGroup};
pub use suggest::Closeness;
pub use tally::{Suggestion, Target, UnmatchedValue};

use crate::fiscal_year::FiscalYear;
use crate::ingest::{RawRow, RawTable};
use crate::normalize::normalize_label;
use crate::pipeline::{Pipeline, Question, QuestionKind, Wave};
use crate::quality::{file_name, Accounting, Issue};
use answer::{asked, read_answer, Answer};
use anyhow::{Context, Result};
use polars::prelude::*;
use std::collections::BTreeMap;
use tally::Tally;

/// What the clean stage produces.
pub struct Cleaned {
    pub frame: DataFrame,
    pub issues: Vec<Issue>,
    /// Values that matched nothing, one row per wave × column × distinct value.
    pub unmatched: Vec<UnmatchedValue>,
    pub accounting: Vec<Accounting>,
}

/// What cleaning one wave finds besides the coded rows.
struct Findings {
    year: FiscalYear,
    issues: Vec<Issue>,
    tally: Tally,
}

/// Column builders for the coded frame.
struct Columns {
    wave: Vec<i32>,
    row: Vec<u32>,
    id: Vec<String>,
    age: Vec<Option<String>>,
    attrs: Vec<Vec<Option<String>>>,
    codes: Vec<Vec<Option<i32>>>,
    options: Vec<Vec<Vec<Option<i32>>>>,
}

/// Cleans every wave's table (paired with its wave) into one coded frame.
pub fn clean(pipeline: &Pipeline, waves: &[&Wave], tables: &[RawTable]) -> Result<Cleaned> {
    let mut cols = Columns {
        wave: vec![],
        row: vec![],
        id: vec![],
        age: vec![],
        attrs: vec![vec![]; pipeline.respondents.attributes.len()],
        codes: vec![vec![]; pipeline.questions.len()],
        options: pipeline
            .questions
            .iter()
            .map(|q| match &q.kind {
                QuestionKind::Choice { options, .. } => vec![vec![]; options.len()],
                _ => vec![],
            })
            .collect(),
    };
    let mut found = Findings {
        year: FiscalYear(0),
        issues: Vec::new(),
        tally: Tally::default(),
    };
    let mut accounting = Vec::new();
    for (wave, table) in waves.iter().zip(tables) {
        found.year = wave.year;
        let acc = clean_wave(pipeline, table, &mut cols, &mut found)?;
        accounting.push(acc);
    }
    let frame = Context::context(build_frame(pipeline, cols), "集計用の表を作れませんでした")?;
    Ok(Cleaned {
        frame,
        unmatched: found.tally.summary(pipeline),
        issues: found.issues,
        accounting,
    })
}

/// Column indices of one wave's table.
struct Layout {
    id: usize,
    age: Option<usize>,
    attrs: Vec<usize>,
    /// `None` when the question is marked as not asked in this wave (empty header).
    questions: Vec<Option<usize>>,
}

fn layout(pipeline: &Pipeline, year: FiscalYear, table: &RawTable) -> Result<Layout> {
    let r = &pipeline.respondents;
    Ok(Layout {
        id: table.column(&r.id_column)?,
        age: r
            .age
            .as_ref()
            .map(|a| table.column(&a.column))
            .transpose()?,
        attrs: r
            .attributes
            .iter()
            .map(|a| table.column(&a.column))
            .collect::<Result<_>>()?,
        questions: pipeline
            .questions
            .iter()
            .map(|q| {
                let header = q.column_for(year);
                if header.trim().is_empty() {
                    Ok(None)
                } else {
                    table.column(header).map(Some)
                }
            })
            .collect::<Result<_>>()?,
    })
}

fn clean_wave(
    pipeline: &Pipeline,
    table: &RawTable,
    cols: &mut Columns,
    found: &mut Findings,
) -> Result<Accounting> {
    let year = found.year;
    let issues = &mut found.issues;
    let tally = &mut found.tally;
    let layout = layout(pipeline, year, table)?;
    let mut acc = Accounting {
        year,
        file: file_name(table),
        read: table.rows.len(),
        used: 0,
        set_aside: vec![],
    };
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let mut memos = memo::Memos::default();
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            acc.add_set_aside("空行");
            issues.push(row_issue(
                table,
                row,
                layout.id,
                "空行",
                "回答のある行",
                "行を除外",
            ));
            continue;
        }
        let id = table.cell(row, layout.id).trim().to_string();
        if id.is_empty() {
            acc.add_set_aside("回答IDなし");
            issues.push(row_issue(
                table,
                row,
                layout.id,
                "回答IDが空",
                "回答ID",
                "行を除外",
            ));
            continue;
        }
        let key = normalize_label(&id);
        if let Some(first) = seen.get(&key) {
            acc.add_set_aside("回答ID重複");
            let expected = format!("重複しない回答ID（{first} 行目と同じ）");
            issues.push(row_issue(
                table,
                row,
                layout.id,
                "回答IDの重複",
                &expected,
                "行を除外",
            ));
            continue;
        }
        seen.insert(key, row.number);
        ragged(table, row, issues);
        acc.used += 1;
        cols.wave.push(year.0);
        cols.row.push(row.number);
        cols.id.push(id);
        let age = pipeline
            .respondents
            .age
            .as_ref()
            .zip(layout.age)
            .and_then(|(age, c)| {
                let cell = table.cell(row, c);
                if cell.trim().is_empty() {
                    return None;
                }
                tally.answered(year, table, c, Target::Age);
                let band = memos.age.get(c, cell, |v| age.band(v));
                if band.is_none() {
                    tally.unmatched(year, table, row, c, Target::Age, cell);
                    let expected = format!("年代（{}）", age.bands.join("、"));
                    issues.push(Issue::new(
                        table,
                        row,
                        c,
                        "年代を解釈できない",
                        &expected,
                        "年代なしとして扱う",
                    ));
                }
                band.map(|b| age.bands[b].clone())
            });
        cols.age.push(age);
        for (k, attr) in pipeline.respondents.attributes.iter().enumerate() {
            let c = layout.attrs[k];
            let cell = table.cell(row, c);
            let value = if cell.trim().is_empty() {
                None
            } else {
                tally.answered(year, table, c, Target::Attribute(k));
                match memos.attribute.get(c, cell, |v| attr.value(v)) {
                    Some(v) => Some(v),
                    None => {
                        tally.unmatched(year, table, row, c, Target::Attribute(k), cell);
                        let expected = format!(
                            "{}（{}）",
                            attr.label,
                            attr.values.as_deref().unwrap_or_default().join("、")
                        );
                        issues.push(Issue::new(
                            table,
                            row,
                            c,
                            "値が一覧にない",
                            &expected,
                            "属性なしとして扱う",
                        ));
                        None
                    }
                }
            };
            cols.attrs[k].push(value);
        }
        let answers: Vec<Answer> = pipeline
            .questions
            .iter()
            .zip(&layout.questions)
            .enumerate()
            .map(|(qi, (q, c))| match c {
                Some(c) => read_answer(
                    pipeline,
                    (q, qi),
                    table,
                    (row, *c),
                    (issues, tally, year),
                    &mut memos,
                ),
                None => Answer::None,
            })
            .collect();
        for (qi, q) in pipeline.questions.iter().enumerate() {
            let mut answer = answers[qi].clone();
            if answer != Answer::None && !asked(pipeline, &answers, qi, 0) {
                let c = layout.questions[qi].unwrap_or(0);
                let cond = q.asked_if.as_ref().map(|c| &pipeline.questions[c.question]);
                let expected = format!(
                    "空欄（この設問は「{}」の回答によってだけ尋ねます）",
                    cond.map(|c| c.label.as_str()).unwrap_or_default()
                );
                issues.push(Issue::new(
                    table,
                    row,
                    c,
                    "回答対象外の回答",
                    &expected,
                    "無回答として扱う",
                ));
                answer = Answer::None;
            } else if !asked(pipeline, &answers, qi, 0) {
                answer = Answer::None;
            }
            push_answer(cols, qi, q, &answer);
        }
    }
    Ok(acc)
}

/// Records a row with fewer cells than headers (the missing ones count as no answer) or with
/// values beyond the last header (ignored). Only CSV rows can be ragged.
fn ragged(table: &RawTable, row: &RawRow, issues: &mut Vec<Issue>) {
    let width = table.headers.len();
    if row.cells.len() < width {
        let last = row.cells.len().saturating_sub(1);
        let mut issue = Issue::new(
            table,
            row,
            last,
            &format!(
                "列が足りない行（見出し {width} 列に対して {} 列）",
                row.cells.len()
            ),
            "見出しと同じ数の列",
            "足りない列は無回答として扱う",
        );
        issue.value = String::new();
        issues.push(issue);
    } else if let Some(extra) = row
        .cells
        .iter()
        .skip(width)
        .position(|c| !c.trim().is_empty())
    {
        issues.push(Issue::new(
            table,
            row,
            width + extra,
            "見出しのない列に値がある",
            "見出しの範囲内の値",
            "その値を無視",
        ));
    }
}

/// An issue about a whole row, pointing at its id cell.
fn row_issue(
    table: &RawTable,
    row: &RawRow,
    id_col: usize,
    problem: &str,
    expected: &str,
    action: &str,
) -> Issue {
    Issue::new(table, row, id_col, problem, expected, action)
}

fn push_answer(cols: &mut Columns, qi: usize, q: &Question, answer: &Answer) {
    match (&q.kind, answer) {
        (QuestionKind::Choice { .. }, answer) => {
            for (k, column) in cols.options[qi].iter_mut().enumerate() {
                column.push(match answer {
                    Answer::Chosen(chosen) => Some(chosen[k] as i32),
                    _ => None,
                });
            }
        }
        (_, Answer::Level(l)) => cols.codes[qi].push(Some(*l as i32)),
        (_, Answer::Text) => cols.codes[qi].push(Some(1)),
        _ => cols.codes[qi].push(None),
    }
}

fn build_frame(pipeline: &Pipeline, cols: Columns) -> PolarsResult<DataFrame> {
    let height = cols.wave.len();
    let mut out = vec![
        Column::new("wave".into(), cols.wave),
        Column::new("row".into(), cols.row),
        Column::new("id".into(), cols.id),
        Column::new("attr:age".into(), cols.age),
    ];
    for (a, values) in pipeline.respondents.attributes.iter().zip(cols.attrs) {
        out.push(Column::new(format!("attr:{}", a.id).into(), values));
    }
    for ((q, codes), options) in pipeline.questions.iter().zip(cols.codes).zip(cols.options) {
        if matches!(q.kind, QuestionKind::Choice { .. }) {
            for (k, values) in options.into_iter().enumerate() {
                out.push(Column::new(q.option_column(k).into(), values));
            }
        } else {
            out.push(Column::new(q.code_column().into(), codes));
        }
    }
    DataFrame::new(height, out)
}
