//! `report.md`: every section's tables (long ones linked) and charts, for reading on a code
//! host or in an editor.

use super::marks::method_notes;
use super::sections::Section;
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
