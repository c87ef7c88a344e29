//! `report.html`: one self-contained Japanese page (no network, no external files) with every
//! section's tables and inline SVG charts, readable on a laptop and printable on A4.
//!
//! Every piece of text from the data or the pipeline file is escaped; the SVG charts escape
//! their own text (plotters writes `&amp;` and friends).

use super::marks::method_notes;
use super::sections::Section;
use super::table::Table;
use super::Report;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "IPAexGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
  margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; line-height: 1.6; color: #1a1a1a; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #0072b2; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-left: 6px solid #0072b2; padding-left: .5rem; }
h3 { font-size: 1.05rem; margin-top: 1.6rem; }
nav ol { columns: 2; font-size: .95rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; vertical-align: top; }
th { background: #eef4f9; position: sticky; top: 0; }
td { font-variant-numeric: tabular-nums; }
.note { font-size: .85rem; color: #444; max-width: 60rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #444; }
.link { font-size: .9rem; }
.warning { border: 2px solid #d55e00; background: #fff3eb; padding: .5rem .8rem; font-weight: bold; }
@media print {
  @page { size: A4; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav { display: none; }
  h2 { break-before: page; }
  h2:first-of-type { break-before: auto; }
  table, figure { break-inside: avoid; }
  .scroll { overflow: visible; }
  th { position: static; }
  table { font-size: 7pt; }
}
"#;

fn table_html(t: &Table) -> String {
    let (headers, rows) = match &t.compact {
        Some((h, r)) => (h, r),
        None => (&t.headers, &t.rows),
    };
    let mut out = format!("<h3>{}</h3>\n", escape(&t.title));
    if rows.is_empty() {
        out.push_str("<p>（該当なし）</p>\n");
    } else {
        out.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
        for h in headers {
            out.push_str(&format!("<th>{}</th>", escape(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", escape(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    }
    if !t.note.is_empty() {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&t.note)));
    }
    out
}

/// The whole HTML report.
pub fn report(report: &Report, sections: &[Section]) -> String {
    let p = report.pipeline;
    let title = format!("{} {} 報告（{}）", p.organisation, p.title, report.year);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    out.push_str(&format!(
        "<p>集計した年度: {}。表の CSV は <code>tables/</code>、グラフの SVG は <code>charts/</code> にもあります。</p>\n",
        escape(&report.waves.iter().map(|w| w.japanese()).collect::<Vec<_>>().join("、"))
    ));
    if let Some(notice) = super::quality_tables::accepted_notice(report) {
        out.push_str(&format!("<p class=\"warning\">{}</p>\n", escape(&notice)));
    }
    out.push_str("<nav><ol>\n");
    for s in sections {
        out.push_str(&format!(
            "<li><a href=\"#{}\">{}</a></li>\n",
            escape(&s.id),
            escape(&s.title)
        ));
    }
    out.push_str(
        "<li><a href=\"#methods\">方法についての注記</a></li>\n</ol></nav>\n</header>\n<main>\n",
    );
    for s in sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            escape(&s.id),
            escape(&s.title)
        ));
        for n in &s.tables {
            if n.in_report {
                out.push_str(&table_html(&n.table));
            } else {
                out.push_str(&format!(
                    "<p class=\"link\">{}: <code>tables/{}.csv</code></p>\n",
                    escape(&n.table.title),
                    escape(&n.stem)
                ));
            }
        }
        for c in &s.charts {
            out.push_str(&format!(
                "<figure role=\"img\" aria-label=\"{}\">\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                escape(&c.alt),
                c.svg.trim(),
                escape(&c.alt)
            ));
        }
        out.push_str("</section>\n");
    }
    out.push_str("<section id=\"methods\">\n<h2>方法についての注記</h2>\n<ul>\n");
    for note in method_notes(&p.statistics) {
        out.push_str(&format!("<li>{}</li>\n", escape(&note)));
    }
    out.push_str("</ul>\n</section>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("やりがい有"), "やりがい有");
    }

    #[test]
    fn tables_escape_every_cell() {
        let mut t = Table::new("表<1>", vec!["設問".into()]);
        t.rows.push(vec!["<b>&</b>".into()]);
        t.note = "注<>".into();
        let h = table_html(&t);
        assert!(h.contains("<h3>表&lt;1&gt;</h3>"));
        assert!(h.contains("<td>&lt;b&gt;&amp;&lt;/b&gt;</td>"));
        assert!(h.contains("注&lt;&gt;"));
        assert!(!h.contains("<b>"));
    }
}
