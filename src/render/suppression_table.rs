//! `suppression.csv`, beside the tables and never in the report: every hidden group size,
//! item and option cell of the waves up to the report's (the groups first), the rule that hid it and, for auditors, the
//! range of its share a reader can still derive from what is published in its row (decided
//! by the aggregate stage; see `aggregate::suppress`).

use super::format::number;
use super::overview::segment_label;
use super::table::Table;
use super::Report;
use crate::aggregate::suppress::Rule;
use crate::fiscal_year::FiscalYear;
use crate::pipeline::QuestionKind;

/// The rule in plain Japanese.
fn reason(rule: Option<Rule>, report: &Report) -> String {
    let s = &report.pipeline.statistics;
    match rule {
        Some(Rule::SmallBase) => format!("回答者が{}人未満", s.min_group),
        Some(Rule::Uniform) => format!("{}人未満で全員が同じ回答（0%か100%）", s.min_uniform_group),
        Some(Rule::Group) => "グループ全体を秘匿（理由は同じグループの「回答者数」の行）".into(),
        Some(Rule::Partner) => "合計から逆算されないための相方".into(),
        Some(Rule::Linked) => "別の区分の表と合わせると逆算できるため".into(),
        Some(Rule::SizeChange) => format!(
            "以前の年度との回答者数の差が1～{}人（差から加わった人・抜けた人の回答が分かる）",
            s.min_change_members.saturating_sub(1)
        ),
        None => "-".into(),
    }
}

/// The table of hidden cells.
pub fn suppression(report: &Report) -> Table {
    let p = report.pipeline;
    let mut t = Table::new(
        format!("秘匿したセル（{}まで）", report.year),
        [
            "年度",
            "区分",
            "グループ",
            "設問ID",
            "設問",
            "選択肢",
            "理由",
            "読み取れる範囲（%）",
        ]
        .map(String::from)
        .to_vec(),
    );
    for c in report
        .lookup
        .plan
        .cells()
        .filter(|c| c.wave <= report.year.0)
    {
        let segment = match report.left_out.iter().find(|(id, _)| *id == c.segment) {
            Some((_, label)) => label.clone(),
            None => segment_label(p, &c.segment),
        };
        let question = p.questions.iter().find(|q| q.id == c.item);
        let option = match (c.option, question.map(|q| &q.kind)) {
            (Some(k), Some(QuestionKind::Choice { options, .. })) => options
                .get(k as usize)
                .cloned()
                .unwrap_or_else(|| k.to_string()),
            (Some(k), _) => k.to_string(),
            (None, _) => String::new(),
        };
        t.rows.push(vec![
            FiscalYear(c.wave).japanese(),
            segment,
            c.group.clone(),
            c.item.clone(),
            match question {
                Some(q) => q.label.clone(),
                None if c.item.is_empty() => "（回答者数）".into(),
                None => String::new(),
            },
            option,
            reason(c.rule, report),
            c.derivable
                .map(|(lo, hi)| format!("{}–{}", number(lo, 1), number(hi, 1)))
                .unwrap_or_else(|| "-".into()),
        ]);
    }
    t
}
