//! One answer cell read against its question: a scale level, the options chosen in a
//! multi-select or single-choice cell (pieces joined back when an option contains the
//! separator), or an answered free text; and whether a conditional question was put to the
//! respondent. Values that match nothing are recorded as issues and tallied per column.

use super::memo::{Memos, ScaleMatch};
use super::tally::Target;
use super::wave::Found;
use crate::ingest::{RawRow, RawTable};
use crate::normalize::normalize_label;
use crate::pipeline::{Pipeline, Question, QuestionKind};
use crate::quality::Issue;
use std::sync::Arc;

/// One respondent's answer to one question, before conditions are applied.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Answer {
    None,
    Level(usize),
    /// The match of the cell, shared by every cell of the column with the same text.
    Chosen(Arc<ChoiceMatch>),
    Text,
}

/// A choice cell matched against the question's options.
#[derive(Debug, PartialEq)]
pub(super) struct ChoiceMatch {
    /// Per option, whether it was chosen (the "other" option included when a piece matched
    /// nothing and the question has one).
    pub chosen: Vec<bool>,
    /// The pieces that matched no option.
    pub unknown: Vec<String>,
}

/// Whether question `qi` was put to the respondent, following chained conditions.
pub(super) fn asked(pipeline: &Pipeline, answers: &[Answer], qi: usize, depth: usize) -> bool {
    let Some(cond) = &pipeline.questions[qi].asked_if else {
        return true;
    };
    if depth > pipeline.questions.len() {
        return false;
    }
    if !asked(pipeline, answers, cond.question, depth + 1) {
        return false;
    }
    match &answers[cond.question] {
        Answer::Level(l) => cond.codes.contains(l),
        Answer::Chosen(m) => cond.codes.iter().any(|k| m.chosen.get(*k) == Some(&true)),
        Answer::None | Answer::Text => false,
    }
}

/// Reads one answer cell; values that match nothing are recorded and tallied.
pub(super) fn read_answer(
    pipeline: &Pipeline,
    (q, qi): (&Question, usize),
    table: &RawTable,
    (row, col): (&RawRow, usize),
    found: &mut Found,
    memos: &mut Memos,
) -> Answer {
    let year = found.year;
    let cell = table.cell(row, col);
    if cell.trim().is_empty() {
        return Answer::None;
    }
    match &q.kind {
        QuestionKind::Scale { scale: si } => {
            let scale = &pipeline.scales[*si];
            found.answered(col, Target::Scale(*si));
            let matched = memos.scale.get(col, cell, |c| match scale.code(c) {
                Some(l) => ScaleMatch::Level(l),
                None if scale.is_missing(c) => ScaleMatch::Missing,
                None => ScaleMatch::Unmatched,
            });
            match matched {
                ScaleMatch::Level(l) => Answer::Level(l),
                ScaleMatch::Missing => Answer::None,
                ScaleMatch::Unmatched => {
                    let target = Target::Scale(*si);
                    found.tally.unmatched(year, table, row, col, target, cell);
                    let expected = scale.levels.join("、");
                    found.issues.push(Issue::new(
                        table,
                        row,
                        col,
                        "選択肢にない回答",
                        &expected,
                        "無回答として扱う",
                    ));
                    Answer::None
                }
            }
        }
        QuestionKind::Choice {
            multi,
            options,
            separator,
            other,
        } => {
            let matched = memos.choice.get(col, cell, |c| {
                let keys: Vec<String> = options.iter().map(|o| normalize_label(o)).collect();
                let parts: Vec<&str> = if *multi {
                    c.split(separator.as_str()).collect()
                } else {
                    vec![c]
                };
                let (mut chosen, unknown) = match_options(&parts, &keys, separator);
                if let (Some(o), false) = (other, unknown.is_empty()) {
                    chosen[*o] = true;
                }
                Arc::new(ChoiceMatch { chosen, unknown })
            });
            found.answered(col, Target::Choice(qi));
            if !matched.unknown.is_empty() && other.is_none() {
                let unknown = &matched.unknown;
                let mut distinct = unknown.clone();
                distinct.sort();
                distinct.dedup();
                for u in &distinct {
                    found
                        .tally
                        .unmatched(year, table, row, col, Target::Choice(qi), u);
                }
                let mut issue = Issue::new(
                    table,
                    row,
                    col,
                    &format!("選択肢にない回答「{}」", unknown.join("」「")),
                    &options.join("、"),
                    "その選択を除いて集計",
                );
                issue.value = cell.to_string();
                found.issues.push(issue);
            }
            if matched.chosen.iter().any(|c| *c) {
                Answer::Chosen(matched)
            } else {
                Answer::None
            }
        }
        QuestionKind::Text => Answer::Text,
    }
}

/// Matches the pieces of a multi-select cell against the option keys. Adjacent pieces are
/// joined back when an option itself contains the separator. Returns the chosen flags and
/// the pieces that matched nothing.
fn match_options(parts: &[&str], keys: &[String], separator: &str) -> (Vec<bool>, Vec<String>) {
    let mut chosen = vec![false; keys.len()];
    let mut unknown = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let mut matched = None;
        let mut joined = String::new();
        for (j, part) in parts[i..].iter().enumerate() {
            if j > 0 {
                joined.push_str(separator);
            }
            joined.push_str(part);
            if let Some(k) = keys.iter().position(|key| *key == normalize_label(&joined)) {
                matched = Some((k, j));
                break;
            }
        }
        match matched {
            Some((k, j)) => {
                chosen[k] = true;
                i += j + 1;
            }
            None => {
                if !parts[i].trim().is_empty() {
                    unknown.push(parts[i].trim().to_string());
                }
                i += 1;
            }
        }
    }
    (chosen, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(options: &[&str]) -> Vec<String> {
        options.iter().map(|o| normalize_label(o)).collect()
    }

    #[test]
    fn multi_select_matches_variants_and_options_containing_the_separator() {
        let k = keys(&["適正な業務配分", "職場のコミュニケーションの円滑化", "A;B"]);
        let (chosen, unknown) = match_options(&["職場のｺﾐｭﾆｹｰｼｮﾝの円滑化 ", "A", "B"], &k, ";");
        assert_eq!(chosen, vec![false, true, true]);
        assert!(unknown.is_empty());
        let (chosen, unknown) = match_options(&["適正な業務配分", "なんとなく", ""], &k, ";");
        assert_eq!(chosen, vec![true, false, false]);
        assert_eq!(unknown, vec!["なんとなく"]);
    }
}
