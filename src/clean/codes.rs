//! One wave's coded columns as they are filled, a row at a time: one byte per scale answer
//! or option flag, a dictionary code per attribute value. No text is kept per row; the
//! frame's label columns are made from the dictionaries when the waves are put together
//! ([`frame`]).

use crate::fiscal_year::FiscalYear;
use crate::pipeline::{Pipeline, QuestionKind};
use polars::prelude::*;

/// No answer, no band, no value: the null of a code column.
pub(super) const NONE: u8 = u8::MAX;
/// The null of a dictionary code.
pub(super) const NO_VALUE: u32 = u32::MAX;

/// The coded columns of one wave.
pub(super) struct WaveColumns {
    pub year: FiscalYear,
    pub rows: usize,
    /// Age band index, or [`NO_VALUE`].
    pub age: Vec<u32>,
    /// Per attribute: the code of the value in `values`, or [`NO_VALUE`].
    pub attrs: Vec<Vec<u32>>,
    /// Per attribute: its values in first-met order (the dictionary of `attrs`).
    pub values: Vec<Vec<String>>,
    /// Per question: the level code (1 for an answered text), or [`NONE`].
    pub codes: Vec<Vec<u8>>,
    /// Per question, per option: 1 chosen, 0 not chosen, [`NONE`] not asked or no answer.
    pub options: Vec<Vec<Vec<u8>>>,
}

impl WaveColumns {
    pub fn new(pipeline: &Pipeline, year: FiscalYear) -> Self {
        let attributes = pipeline.respondents.attributes.len();
        WaveColumns {
            year,
            rows: 0,
            age: vec![],
            attrs: vec![vec![]; attributes],
            values: vec![vec![]; attributes],
            codes: vec![vec![]; pipeline.questions.len()],
            options: pipeline
                .questions
                .iter()
                .map(|q| match &q.kind {
                    QuestionKind::Choice { options, .. } => vec![vec![]; options.len()],
                    _ => vec![],
                })
                .collect(),
        }
    }

    /// The dictionary code of attribute `k`'s canonical value, added if new.
    pub fn value_code(&mut self, k: usize, value: String) -> u32 {
        let values = &mut self.values[k];
        match values.iter().position(|v| *v == value) {
            Some(i) => i as u32,
            None => {
                values.push(value);
                (values.len() - 1) as u32
            }
        }
    }
}

/// The coded frame of every wave, oldest first: `wave` (i32 fiscal year), `attr:age` and
/// `attr:<id>` (str), `q:<id>` (i32 level code, or 1 for an answered text) and `o:<id>:<k>`
/// (i32 0/1); nulls where a code is [`NONE`].
pub(super) fn frame(pipeline: &Pipeline, waves: &[WaveColumns]) -> PolarsResult<DataFrame> {
    let height: usize = waves.iter().map(|w| w.rows).sum();
    let wave: Int32Chunked = waves
        .iter()
        .flat_map(|w| std::iter::repeat_n(w.year.0, w.rows))
        .collect_ca("wave".into());
    let bands = pipeline
        .respondents
        .age
        .as_ref()
        .map(|a| a.bands.as_slice())
        .unwrap_or_default();
    let age: StringChunked = waves
        .iter()
        .flat_map(|w| w.age.iter().map(|&c| label(bands, c)))
        .collect_ca("attr:age".into());
    let mut out = vec![wave.into_column(), age.into_column()];
    for (k, a) in pipeline.respondents.attributes.iter().enumerate() {
        let values: StringChunked = waves
            .iter()
            .flat_map(|w| w.attrs[k].iter().map(|&c| label(&w.values[k], c)))
            .collect_ca(format!("attr:{}", a.id).into());
        out.push(values.into_column());
    }
    let codes = |name: String, column: &dyn Fn(&WaveColumns) -> &[u8]| -> Column {
        let ca: Int32Chunked = waves
            .iter()
            .flat_map(|w| column(w).iter().map(|&c| (c != NONE).then_some(c as i32)))
            .collect_ca(name.into());
        ca.into_column()
    };
    for (qi, q) in pipeline.questions.iter().enumerate() {
        if let QuestionKind::Choice { options, .. } = &q.kind {
            for k in 0..options.len() {
                out.push(codes(q.option_column(k), &|w| &w.options[qi][k]));
            }
        } else {
            out.push(codes(q.code_column(), &|w| &w.codes[qi]));
        }
    }
    DataFrame::new(height, out)
}

/// The label of a dictionary code, `None` for [`NO_VALUE`].
fn label(labels: &[String], code: u32) -> Option<&str> {
    (code != NO_VALUE).then(|| labels[code as usize].as_str())
}
