//! The 職員の状況 section: the HR statistics before the survey's sections, as Otaru's policy
//! orders its diagnosis (section 4(1) before 4(2)). Tables from `staff_tables`, charts from
//! `staff_charts`.

use super::sections::{named, Section};
use super::{staff_charts, staff_tables as t, Report};
use crate::staff::StaffView;
use anyhow::Result;

/// The section, or nothing when the pipeline has no `[staff]`.
pub fn section(report: &Report, view: &StaffView) -> Result<Section> {
    let min = report.pipeline.statistics.min_group;
    let org = &report.pipeline.organisation;
    let mut tables = vec![named("staff_headcount", t::headcount(view, min))];
    let optional = [
        ("staff_age", t::age(view)),
        ("staff_women_by_post", t::women_by_post(view, min)),
        ("staff_women_trend", t::women_trend(view)),
    ];
    tables.extend(
        optional
            .into_iter()
            .filter_map(|(s, x)| x.map(|x| named(s, x))),
    );
    tables.push(named("staff_resignations", t::resignations(view, min)));
    let optional = [
        ("staff_childcare", t::childcare(view, min)),
        ("staff_comparisons", t::comparisons(view, org)),
        ("staff_departments", t::departments(view, min)),
        ("staff_exclusions", t::exclusions(view)),
    ];
    tables.extend(
        optional
            .into_iter()
            .filter_map(|(s, x)| x.map(|x| named(s, x))),
    );
    tables.retain(|n| !n.table.rows.is_empty());
    Ok(Section {
        intro: vec![format!(
            "人事の記録（職員名簿と集計表）から求めた{org}の職員の状況です。名簿は人数を数えるためだけに読み、個人の行はどの出力にも写しません。職員が {min} 人未満の区分は他の区分と合わせて示します。"
        )],
        tables,
        charts: staff_charts::charts(report, view)?,
        ..Section::new("staff", "職員の状況")
    })
}
