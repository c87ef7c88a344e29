//! Cleaning one wave's export a row at a time, as its reader gives the rows ([`RowSink`]):
//! the row checks (empty, no id, repeated id, ragged), each cell matched through the
//! column's memo, conditional questions applied, and the codes appended. Nothing of a row is
//! kept but its codes and the issues it raised.

use super::answer::{asked, read_answer, Answer};
use super::codes::{WaveColumns, NONE, NO_VALUE};
use super::memo::Memos;
use super::tally::{Tally, Target};
use crate::fiscal_year::FiscalYear;
use crate::ingest::{RawRow, RawTable, RowSink};
use crate::normalize::normalize_label;
use crate::pipeline::{Pipeline, QuestionKind};
use crate::quality::{file_name, Accounting, Issue};
use anyhow::Result;
use polars::prelude::PlHashMap;

/// What cleaning one wave finds besides the codes: its issues and unmatched values, and
/// how many non-blank cells each coded column has.
pub(super) struct Found {
    pub year: FiscalYear,
    pub issues: Vec<Issue>,
    pub tally: Tally,
    /// Per column index: what it is matched against and its non-blank cells.
    answered: Vec<Option<(Target, usize)>>,
}

impl Found {
    /// Counts one non-blank cell of a coded column.
    pub fn answered(&mut self, col: usize, target: Target) {
        if self.answered.len() <= col {
            self.answered.resize(col + 1, None);
        }
        self.answered[col].get_or_insert((target, 0)).1 += 1;
    }
}

/// One wave's cleaned result.
pub(super) struct CleanedWave {
    pub columns: WaveColumns,
    pub found: Found,
    pub accounting: Accounting,
}

/// Column indices of one wave's table.
struct Layout {
    id: usize,
    age: Option<usize>,
    attrs: Vec<usize>,
    /// `None` when the question is marked as not asked in this wave (empty header).
    questions: Vec<Option<usize>>,
}

/// Cleans the rows of one wave as they come.
pub(super) struct WaveCleaner<'p> {
    pipeline: &'p Pipeline,
    /// The table's head (no rows) and its layout, once given.
    head: Option<(RawTable, Layout)>,
    wave: CleanedWave,
    /// Normalised id → the row it was first seen on.
    seen: PlHashMap<String, u32>,
    memos: Memos,
    /// One row's answers, reused.
    answers: Vec<Answer>,
}

impl<'p> WaveCleaner<'p> {
    pub fn new(pipeline: &'p Pipeline, year: FiscalYear) -> Self {
        WaveCleaner {
            pipeline,
            head: None,
            wave: CleanedWave {
                columns: WaveColumns::new(pipeline, year),
                found: Found {
                    year,
                    issues: vec![],
                    tally: Tally::default(),
                    answered: vec![],
                },
                accounting: Accounting {
                    year,
                    file: String::new(),
                    read: 0,
                    used: 0,
                    set_aside: vec![],
                },
            },
            seen: PlHashMap::default(),
            memos: Memos::default(),
            answers: vec![],
        }
    }

    /// The wave's codes, issues and accounting, once every row is in.
    pub fn finish(mut self) -> CleanedWave {
        if let Some((table, _)) = &self.head {
            let found = &mut self.wave.found;
            for (col, counted) in found.answered.iter().enumerate() {
                if let Some((target, n)) = counted {
                    found.tally.answered(found.year, table, col, *target, *n);
                }
            }
        }
        self.wave
    }
}

impl RowSink for WaveCleaner<'_> {
    fn begin(&mut self, head: &RawTable) -> Result<()> {
        let layout = layout(self.pipeline, self.wave.found.year, head)?;
        let year = self.wave.found.year;
        *self = WaveCleaner::new(self.pipeline, year);
        self.wave.accounting.file = file_name(head);
        self.head = Some((head.clone(), layout));
        Ok(())
    }

    fn row(&mut self, row: &RawRow) -> Result<()> {
        let Some((table, layout)) = &self.head else {
            return Ok(());
        };
        let (pipeline, acc) = (self.pipeline, &mut self.wave.accounting);
        let (cols, found) = (&mut self.wave.columns, &mut self.wave.found);
        acc.read += 1;
        let id_issue = |found: &mut Found, problem: &str, expected: &str| {
            let issue = Issue::new(table, row, layout.id, problem, expected, "行を除外");
            found.issues.push(issue);
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            acc.add_set_aside("空行");
            id_issue(found, "空行", "回答のある行");
            return Ok(());
        }
        let id = table.cell(row, layout.id).trim();
        if id.is_empty() {
            acc.add_set_aside("回答IDなし");
            id_issue(found, "回答IDが空", "回答ID");
            return Ok(());
        }
        let key = normalize_label(id);
        if let Some(first) = self.seen.get(&key) {
            acc.add_set_aside("回答ID重複");
            let expected = format!("重複しない回答ID（{first} 行目と同じ）");
            id_issue(found, "回答IDの重複", &expected);
            return Ok(());
        }
        self.seen.insert(key, row.number);
        ragged(table, row, &mut found.issues);
        acc.used += 1;
        cols.rows += 1;
        let memos = &mut self.memos;
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
                found.answered(c, Target::Age);
                let band = memos.age.get(c, cell, |v| age.band(v));
                if band.is_none() {
                    found
                        .tally
                        .unmatched(found.year, table, row, c, Target::Age, cell);
                    let expected = format!("年代（{}）", age.bands.join("、"));
                    found.issues.push(Issue::new(
                        table,
                        row,
                        c,
                        "年代を解釈できない",
                        &expected,
                        "年代なしとして扱う",
                    ));
                }
                band
            });
        cols.age.push(age.map_or(NO_VALUE, |b| b as u32));
        for (k, attr) in pipeline.respondents.attributes.iter().enumerate() {
            let c = layout.attrs[k];
            let cell = table.cell(row, c);
            let mut code = NO_VALUE;
            if !cell.trim().is_empty() {
                found.answered(c, Target::Attribute(k));
                let matched = memos.attribute.get(c, cell, |v| {
                    attr.value(v).map(|value| cols.value_code(k, value))
                });
                match matched {
                    Some(v) => code = v,
                    None => {
                        found.tally.unmatched(
                            found.year,
                            table,
                            row,
                            c,
                            Target::Attribute(k),
                            cell,
                        );
                        let expected = format!(
                            "{}（{}）",
                            attr.label,
                            attr.values.as_deref().unwrap_or_default().join("、")
                        );
                        found.issues.push(Issue::new(
                            table,
                            row,
                            c,
                            "値が一覧にない",
                            &expected,
                            "属性なしとして扱う",
                        ));
                    }
                }
            }
            cols.attrs[k].push(code);
        }
        let answers = &mut self.answers;
        answers.clear();
        for (qi, (q, c)) in pipeline.questions.iter().zip(&layout.questions).enumerate() {
            answers.push(match c {
                Some(c) => read_answer(pipeline, (q, qi), table, (row, *c), found, memos),
                None => Answer::None,
            });
        }
        for (qi, q) in pipeline.questions.iter().enumerate() {
            let was_asked = asked(pipeline, answers, qi, 0);
            if answers[qi] != Answer::None && !was_asked {
                let c = layout.questions[qi].unwrap_or(0);
                let cond = q.asked_if.as_ref().map(|c| &pipeline.questions[c.question]);
                let expected = format!(
                    "空欄（この設問は「{}」の回答によってだけ尋ねます）",
                    cond.map(|c| c.label.as_str()).unwrap_or_default()
                );
                found.issues.push(Issue::new(
                    table,
                    row,
                    c,
                    "回答対象外の回答",
                    &expected,
                    "無回答として扱う",
                ));
            }
            let answer = if was_asked {
                &answers[qi]
            } else {
                &Answer::None
            };
            push_answer(cols, qi, &q.kind, answer);
        }
        Ok(())
    }
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

/// Records a CSV row with fewer cells than headers (the missing ones count as no answer) or
/// with values beyond the last header (ignored). A sheet's rows are as wide as its used
/// range, so only CSV rows can be ragged.
fn ragged(table: &RawTable, row: &RawRow, issues: &mut Vec<Issue>) {
    if table.sheet.is_some() {
        return;
    }
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
    } else if let Some(extra) = (width..row.cells.len())
        .position(|i| !row.cells.get(i).unwrap_or_default().trim().is_empty())
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

fn push_answer(cols: &mut WaveColumns, qi: usize, kind: &QuestionKind, answer: &Answer) {
    match (kind, answer) {
        (QuestionKind::Choice { .. }, answer) => {
            for (k, column) in cols.options[qi].iter_mut().enumerate() {
                column.push(match answer {
                    Answer::Chosen(m) => m.chosen[k] as u8,
                    _ => NONE,
                });
            }
        }
        (_, Answer::Level(l)) => cols.codes[qi].push(*l as u8),
        (_, Answer::Text) => cols.codes[qi].push(1),
        _ => cols.codes[qi].push(NONE),
    }
}
