//! The 概要 page in words: the survey at a glance, every KGI/KPI with its status, and the
//! findings as plain Japanese sentences, each naming the table it comes from. The findings
//! themselves (which items, which numbers) are chosen by the `findings` stage; this module
//! only words and formats them.

use super::format::{change, number, share};
use super::marks::ci_label;
use super::Report;
use crate::findings::{Behind, Cited, Fact, Finding};
use crate::fiscal_year::FiscalYear;
use crate::indicators::{Status, Tone};
use crate::pipeline::{Bound, Indicator, Pipeline};

/// What the 概要 shows, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// (label, value) pairs: 調査年度, 調査期間, 対象者数, 回答者数, 回答率.
    pub facts: Vec<(String, String)>,
    pub indicators: Vec<IndicatorLine>,
    pub findings: Vec<Sentence>,
}

/// One KGI/KPI on the 概要.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorLine {
    pub level: String,
    pub name: String,
    pub current: String,
    pub target: String,
    pub status: String,
    pub tone: Tone,
}

/// A finding in words, and the table it cites (file stem; the renderer adds its title).
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    pub text: String,
    pub table: String,
}

/// The class a status gets in HTML (`st-good`, `st-bad`, `st-neutral`).
pub fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Good => "st-good",
        Tone::Bad => "st-bad",
        Tone::Neutral => "st-neutral",
    }
}

/// The status class of a table cell holding a status label, if it is one.
pub fn status_class(cell: &str) -> Option<&'static str> {
    Status::from_label(cell).map(|s| tone_class(s.tone()))
}

/// The target as printed: value, unit and bound (`8人以下`), or 目標なし for a series followed
/// without a target.
pub fn target_text(pipeline: &Pipeline, indicator: usize) -> String {
    let ind = &pipeline.indicators[indicator];
    match ind.target {
        Some(t) => format!(
            "{}{}{}",
            number(t.value, ind.decimals),
            ind.unit,
            t.bound.map_or("", Bound::label)
        ),
        None => "目標なし".into(),
    }
}

/// The year an indicator behind its path is to meet its target by (an indicator without a
/// target is never behind).
fn target_year(ind: &Indicator) -> FiscalYear {
    ind.target
        .expect("an indicator behind its path has a target")
        .year
}

/// Words the report's overview.
pub fn view(report: &Report) -> View {
    let o = &report.overview;
    let p = report.pipeline;
    let mut facts = vec![("調査年度".to_string(), o.wave.japanese())];
    if let Some(period) = &o.period {
        facts.push(("調査期間".into(), period.clone()));
    }
    if let Some(n) = o.population {
        facts.push(("対象者数".into(), format!("{n}人")));
    }
    if let Some(n) = o.respondents {
        facts.push(("回答者数".into(), format!("{n}人")));
    }
    if let Some(r) = o.rate {
        facts.push(("回答率".into(), format!("{}%", number(r, 1))));
    }
    let indicators = report
        .indicators
        .iter()
        .map(|row| {
            let ind = &p.indicators[row.indicator];
            IndicatorLine {
                level: ind.level.label().into(),
                name: ind.name.clone(),
                current: row
                    .current
                    .map(|c| format!("{}{}", number(c.value, ind.decimals), ind.unit))
                    .unwrap_or_else(|| "-".into()),
                target: match ind.target {
                    Some(t) => format!("{}（{}）", target_text(p, row.indicator), t.year.short()),
                    None => target_text(p, row.indicator),
                },
                status: row.status.label().into(),
                tone: row.status.tone(),
            }
        })
        .collect();
    let findings = o
        .findings
        .iter()
        .map(|f| Sentence {
            text: sentence(report, f),
            table: f.table.clone(),
        })
        .collect();
    View {
        facts,
        indicators,
        findings,
    }
}

fn label(pipeline: &Pipeline, item: &str) -> String {
    pipeline
        .questions
        .iter()
        .find(|q| q.id == item)
        .map(|q| q.label.clone())
        .unwrap_or_else(|| item.to_string())
}

/// A segment's label from its id: `年代別`, or 全体 for the whole population.
pub fn segment_label(pipeline: &Pipeline, id: &str) -> String {
    if id == crate::aggregate::ALL_SEGMENT {
        return crate::aggregate::ALL_GROUP.to_string();
    }
    pipeline
        .segments
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.label.clone())
        .unwrap_or_else(|| id.to_string())
}

/// `年代別` from `年代別` or `年代`: a segment label as a "by …" phrase.
fn by(label: &str) -> String {
    if label.ends_with('別') {
        label.to_string()
    } else {
        format!("{label}別")
    }
}

/// `「label」`.
fn quoted(pipeline: &Pipeline, c: &Cited) -> String {
    format!("「{}」", label(pipeline, &c.item))
}

/// `否定的設問、` before the numbers of a negative statement.
fn negative(c: &Cited) -> &'static str {
    if c.negative {
        "否定的設問、"
    } else {
        ""
    }
}

/// `N件中の上位M件` when only some are cited.
fn of_total(total: usize, cited: usize) -> String {
    if total > cited {
        format!("（{total}件のうち差の大きい{cited}件）")
    } else {
        String::new()
    }
}

/// An indicator's current and path values with its unit; one decimal more than usual when
/// the two would print alike (a gap smaller than the rounding).
fn values(p: &Pipeline, b: &Behind) -> (String, String) {
    let ind = &p.indicators[b.indicator];
    let mut d = ind.decimals;
    if number(b.current, d) == number(b.expected, d) {
        d += 1;
    }
    (
        format!("{}{}", number(b.current, d), ind.unit),
        format!("{}{}", number(b.expected, d), ind.unit),
    )
}

fn sentence(report: &Report, f: &Finding) -> String {
    let p = report.pipeline;
    let pct = |v: f64| format!("{}%", share(Some(v)));
    let pt = |v: f64| format!("{}pt", change(Some(v), 1));
    match &f.fact {
        Fact::KgiBehind(b) => {
            let ind = &p.indicators[b.indicator];
            let (now, path) = values(p, b);
            let head = match b.status {
                Status::Missed => format!(
                    "KGI「{}」は{now}で、目標年度（{}）を過ぎても目標 {} に届いていません（{}）。",
                    ind.name,
                    target_year(ind).japanese(),
                    target_text(p, b.indicator),
                    b.status.label()
                ),
                _ => format!(
                    "KGI「{}」は{now}で、目標 {}（{}）への経路上の値 {path} に届いていません（{}）。",
                    ind.name,
                    target_text(p, b.indicator),
                    target_year(ind).short(),
                    b.status.label()
                ),
            };
            let ci = ci_label(&p.statistics);
            let tail = match b.path_in_interval {
                Some(true) => format!(
                    "ただし経路上の値は現在値の{ci}の内にあり、調査の誤差の範囲とも言えます。"
                ),
                Some(false) => {
                    format!("経路上の値は現在値の{ci}の外にあり、誤差では説明できない遅れです。")
                }
                None => String::new(),
            };
            head + &tail
        }
        Fact::KpisBehind(list) => {
            let items: Vec<String> = list
                .iter()
                .map(|b| {
                    let (now, path) = values(p, b);
                    let ind = &p.indicators[b.indicator];
                    match b.status {
                        Status::Missed => format!(
                            "「{}」{now}（目標 {}、未達成）",
                            ind.name,
                            target_text(p, b.indicator)
                        ),
                        _ => format!("「{}」{now}（経路上の値 {path}）", ind.name),
                    }
                })
                .collect();
            let within = list
                .iter()
                .filter(|b| b.path_in_interval == Some(true))
                .count();
            let tail = if within > 0 {
                format!(
                    "このうち{within}件は経路上の値が現在値の{}の内にあり、誤差の範囲とも言えます。",
                    ci_label(&p.statistics)
                )
            } else {
                String::new()
            };
            format!(
                "目標への経路より遅れている KPI は{}件です: {}。{tail}",
                list.len(),
                items.join("、")
            )
        }
        Fact::Changed {
            since,
            compared,
            total,
            items,
        } => {
            if items.is_empty() {
                return format!(
                    "{}から有意に変化した設問はありませんでした（{compared}設問を比較）。",
                    since.japanese()
                );
            }
            let list: Vec<String> = items
                .iter()
                .map(|c| {
                    format!(
                        "{}（{}{} → {}、{}）",
                        quoted(p, c),
                        negative(c),
                        pct(c.other),
                        pct(c.share),
                        pt(c.diff)
                    )
                })
                .collect();
            format!(
                "{}から有意に変化した設問は{compared}設問中{total}設問です{}: {}。",
                since.japanese(),
                of_total(*total, items.len()),
                list.join("、")
            )
        }
        Fact::SplitGaps {
            segment: _,
            groups,
            total,
            items,
        } => {
            let list: Vec<String> = items
                .iter()
                .map(|c| {
                    format!(
                        "{}（{}{} {} / {} {}、差 {}）",
                        quoted(p, c),
                        negative(c),
                        groups[0],
                        pct(c.share),
                        groups[1],
                        pct(c.other),
                        pt(c.diff)
                    )
                })
                .collect();
            format!(
                "{}と{}で差が大きい設問{}: {}。",
                groups[0],
                groups[1],
                of_total(*total, items.len()),
                list.join("、")
            )
        }
        Fact::WorseThanWhole {
            segment,
            total,
            cells,
        } => {
            let list: Vec<String> = cells
                .iter()
                .map(|c| {
                    format!(
                        "{}の{}（{}{}、全体 {}、{}）",
                        c.group.as_deref().unwrap_or_default(),
                        quoted(p, c),
                        negative(c),
                        pct(c.share),
                        pct(c.other),
                        pt(c.diff)
                    )
                })
                .collect();
            format!(
                "{}で全体より有意に望ましくない値{}: {}。",
                by(&segment_label(p, segment)),
                of_total(*total, cells.len()),
                list.join("、")
            )
        }
        Fact::StaffWomen(w) => {
            let earlier = |now: Option<f64>, before: Option<f64>| match (now, w.earlier, before) {
                (Some(n), Some((y, ..)), Some(b)) => {
                    format!("{}（{} {}）", pct(n), y.short(), pct(b))
                }
                (Some(n), ..) => pct(n),
                (None, ..) => "-".into(),
            };
            let managers = match w.managers {
                Some(m) => format!(
                    "、管理職に占める割合は{}",
                    earlier(Some(m), w.earlier.and_then(|e| e.2))
                ),
                None => String::new(),
            };
            format!(
                "{}の女性職員の割合は{}{managers}です。",
                w.year,
                earlier(Some(w.overall), w.earlier.map(|e| e.1))
            )
        }
        Fact::Priorities(all) => {
            let label = |id: &str| {
                p.questions
                    .iter()
                    .find(|q| q.id == id)
                    .map_or(id.to_string(), |q| q.label.clone())
            };
            let parts: Vec<String> = all
                .iter()
                .map(|pr| {
                    let items: Vec<String> = pr
                        .items
                        .iter()
                        .map(|i| format!("「{}」", label(&i.item)))
                        .collect();
                    let more = if pr.total > pr.items.len() {
                        format!("など{}件", pr.total)
                    } else {
                        String::new()
                    };
                    format!("「{}」では{}{more}", label(&pr.outcome), items.join(""))
                })
                .collect();
            format!(
                "要因分析で、関係が強いのに好ましい回答の割合が平均より低い「重点改善」の項目は、{}です（回答どうしの関連であり、因果関係を示すものではありません）。",
                parts.join("、")
            )
        }
        Fact::StaffResignations(r) => {
            let times = match r.times {
                Some(t) if t >= 1.05 => format!(
                    "で、{}（{}人）の{}倍",
                    r.first_year.short(),
                    number(r.first, 0),
                    number(t, 1)
                ),
                _ => format!("（{} は{}人）", r.first_year.short(), number(r.first, 0)),
            };
            format!(
                "30歳代以下の職員の退職者は{}に{}人{times}です。",
                r.year.short(),
                number(r.count, 0)
            )
        }
        Fact::StaffBehindOthers(list) => {
            let items: Vec<String> = list
                .iter()
                .map(|w| {
                    let v = |x: f64| format!("{}{}", number(x, w.decimals), w.unit);
                    let how = match (w.unit == "%", w.higher_is_worse) {
                        (true, true) => "高く",
                        (true, false) => "低く",
                        (false, true) => "多く",
                        (false, false) => "少なく",
                    };
                    format!(
                        "「{}」は{}で{}（{}）より{how}",
                        w.name,
                        v(w.city),
                        w.comparator,
                        v(w.value)
                    )
                })
                .collect();
            format!("他の自治体と比べると、{}なっています。", items.join("、"))
        }
    }
}
