//! `report.md`: every section's tables (long ones linked) and charts, for reading on a code
//! host or in an editor.

use super::marks::method_notes;
use super::overview::View;
use super::sections::{table_title, Section};
use super::Report;

/// The whole Markdown report.
pub fn report(report: &Report, sections: &[Section]) -> String {
    let mut md = format!(
        "# {} {} 報告（{}）\n\n",
        report.pipeline.organisation, report.pipeline.title, report.year
    );
    md.push_str(&format!(
        "集計した年度: {}。表は `tables/`（CSV は Excel で開けます）、グラフは `charts/`、同じ内容の HTML 版は `report.html` にあります。\n\n",
        report.waves.iter().map(|w| w.japanese()).collect::<Vec<_>>().join("、")
    ));
    if let Some(notice) = super::quality_tables::accepted_notice(report) {
        md.push_str(&format!("> **{notice}**\n\n"));
    }
    for s in sections {
        md.push_str(&format!("## {}\n\n", s.title));
        if let Some(view) = &s.overview {
            md.push_str(&overview_markdown(view, sections));
        }
        for p in &s.intro {
            md.push_str(&format!("{p}\n\n"));
        }
        for n in &s.tables {
            if n.in_report {
                md.push_str(&n.table.to_markdown());
            } else {
                md.push_str(&format!(
                    "{}: [tables/{}.csv](tables/{}.csv)\n\n",
                    n.table.title, n.stem, n.stem
                ));
            }
        }
        for c in &s.charts {
            md.push_str(&format!("![{}](charts/{}.svg)\n\n", c.alt, c.stem));
        }
    }
    md.push_str("## 方法についての注記\n\n");
    for note in method_notes(&report.pipeline.statistics) {
        md.push_str(&format!("- {note}\n"));
    }
    md
}

/// The 概要 in Markdown: facts, the KGI/KPI status table, the findings with their tables.
fn overview_markdown(view: &View, sections: &[Section]) -> String {
    let mut md: String = view
        .facts
        .iter()
        .map(|(k, v)| format!("- {k}: **{v}**\n"))
        .collect();
    md.push('\n');
    if !view.indicators.is_empty() {
        md.push_str("### KGI・KPI の判定\n\n| 区分 | 指標 | 現在値 | 目標 | 判定 |\n|---|---|---|---|---|\n");
        for i in &view.indicators {
            md.push_str(&format!(
                "| {} | {} | {} | {} | **{}** |\n",
                i.level, i.name, i.current, i.target, i.status
            ));
        }
        md.push('\n');
    }
    if !view.findings.is_empty() {
        md.push_str("### 主な結果\n\n");
        for (k, f) in view.findings.iter().enumerate() {
            let cite = table_title(sections, &f.table)
                .map(|t| {
                    format!(
                        "（表「{t}」: [tables/{}.md](tables/{}.md)）",
                        f.table, f.table
                    )
                })
                .unwrap_or_default();
            md.push_str(&format!("{}. {}{cite}\n", k + 1, f.text));
        }
        md.push('\n');
    }
    md
}
