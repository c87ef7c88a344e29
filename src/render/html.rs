//! `report.html`: one self-contained Japanese page (no network, no external files) with every
//! section's tables and inline SVG charts, readable on a laptop and printable on A4.
//!
//! Every piece of text from the data or the pipeline file is escaped; the SVG charts escape
//! their own text (plotters writes `&amp;` and friends).

use super::marks::method_notes;
use super::overview::{status_class, tone_class, View};
use super::sections::{table_title, Section};
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
th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; vertical-align: top; word-break: auto-phrase; overflow-wrap: normal; }
.nw { white-space: nowrap; }
th { background: #eef4f9; position: sticky; top: 0; }
td { font-variant-numeric: tabular-nums; }
.note, .intro { font-size: .85rem; color: #444; max-width: 60rem; }
.intro { color: #1a1a1a; font-size: .95rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #444; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: .5rem 1rem; }
.multiples figure { margin: .25rem 0; }
.link { font-size: .9rem; }
.warning { border: 2px solid #d55e00; background: #fff3eb; padding: .5rem .8rem; font-weight: bold; }
.st-good { background: #e3f1e6; color: #1b5e20; font-weight: bold; }
.st-bad { background: #fde4d8; color: #a4300b; font-weight: bold; }
.st-neutral { color: #555; }
.facts { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; margin: .5rem 0 1rem; padding: 0; }
.facts div { display: flex; gap: .4rem; }
.facts dt { color: #555; }
.facts dd { margin: 0; font-weight: bold; }
.findings li { margin: .35rem 0; }
.findings .cite { font-size: .85rem; color: #444; }
@media print {
  @page { size: A4; margin: 12mm; }
  @page wide { size: A4 landscape; margin: 12mm; }
  .wide { page: wide; }
  body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.45; }
  nav, .screen-only { display: none; }
  h2 { margin-top: 12pt; }
  h3 { margin-top: 10pt; margin-bottom: 4pt; }
  h1, h2, h3 { break-after: avoid; }
  table, figure, tr, .facts { break-inside: avoid; }
  .long table { break-inside: auto; }
  .scroll { overflow: visible; }
  th { position: static; }
  table { font-size: 9pt; margin: 2pt 0; }
  th, td { padding: 1pt 2pt; line-height: 1.2; }
  .note { margin: 2pt 0 6pt; }
  figure { margin: 4pt 0 8pt; }
  figure svg { display: block; width: var(--print-width, auto); max-width: 100%; max-height: 250mm; height: auto; }
  .multiples { display: block; }
  .multiples figure { display: inline-block; width: calc(50% - 6pt); margin: 0 2pt 6pt; vertical-align: top; }
  .multiples figure svg { width: 100% !important; }
  .wide td, .wide th { line-height: 1.1; padding: .5pt 2pt; }
  .wide .note, .wide .link { margin: 1pt 0 3pt; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Japanese opening brackets: a line may break before them.
const OPENING: &str = "（［「『【〔｛〈《";
/// Closing brackets and punctuation: a line may break after them.
const CLOSING: &str = "）］」』】〕｝〉》、。・，．：；！？";
/// Cell labels up to this many characters (教育委員会, 会計年度任用職員, 遅れ,
/// 自己啓発に取り組んでいる) never break: a short question label broken in two reads as two
/// words. Headers keep pieces of up to [`HEADER_CHARS`] (a level such as
/// どちらかと言えばそう思う may break between its phrases, so wide tables still fit).
const LABEL_CHARS: usize = 12;
const HEADER_CHARS: usize = 8;

/// A cell's text as HTML in which no label or number can break over two lines: the text is
/// cut at white space, before opening brackets and after closing ones and 、。・ (where Japanese
/// lines may always break); a piece that is short (a label) or holds a digit (58.1–66.0,
/// n=1185, 10～20歳代) is kept on one line; longer prose breaks between phrases (CSS
/// `word-break: auto-phrase`).
pub(super) fn cell_html(text: &str) -> String {
    pieces_html(text, LABEL_CHARS)
}

/// [`cell_html`] for a header cell.
pub(super) fn header_html(text: &str) -> String {
    pieces_html(text, HEADER_CHARS)
}

fn pieces_html(text: &str, label_chars: usize) -> String {
    let mut out = String::new();
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut String| {
        if piece.is_empty() {
            return;
        }
        let keep =
            piece.chars().count() <= label_chars || piece.chars().any(|c| c.is_ascii_digit());
        if keep && piece.chars().count() > 1 {
            out.push_str(&format!("<span class=\"nw\">{}</span>", escape(piece)));
        } else {
            out.push_str(&escape(piece));
        }
        piece.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut piece, &mut out);
            out.push_str(&escape(&c.to_string()));
            continue;
        }
        if OPENING.contains(c) {
            flush(&mut piece, &mut out);
        }
        piece.push(c);
        if CLOSING.contains(c) {
            flush(&mut piece, &mut out);
        }
    }
    flush(&mut piece, &mut out);
    out
}

/// One table with its heading and note, kept together on a page; `id` is its link anchor.
fn table_html(t: &Table, id: &str, same_note_as: Option<&str>, long: bool) -> String {
    let (headers, rows) = match &t.compact {
        Some((h, r)) => (h, r),
        None => (&t.headers, &t.rows),
    };
    let mut out = format!(
        "<div class=\"block{}\" id=\"{}\">\n<h3>{}</h3>\n",
        if long { " long" } else { "" },
        escape(id),
        escape(&t.title)
    );
    if rows.is_empty() {
        out.push_str("<p>（該当なし）</p>\n");
    } else {
        out.push_str("<div class=\"scroll\"><table>\n<thead><tr>");
        for h in headers {
            out.push_str(&format!("<th>{}</th>", header_html(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in rows {
            out.push_str("<tr>");
            for c in r {
                match status_class(c) {
                    Some(class) => {
                        out.push_str(&format!("<td class=\"{class}\">{}</td>", cell_html(c)))
                    }
                    None => out.push_str(&format!("<td>{}</td>", cell_html(c))),
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n");
    }
    match same_note_as {
        Some(first) => out.push_str(&format!(
            "<p class=\"note\">注記は表「{}」と同じです。</p>\n",
            escape(first)
        )),
        None if !t.note.is_empty() => {
            out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(&t.note)))
        }
        None => {}
    }
    out.push_str("</div>\n");
    out
}

/// Printed charts are 0.5 pt per SVG pixel (a 1000 px chart is 500 pt, nearly the width of
/// a portrait A4 page's text), so every chart prints its text at the same size.
fn print_width(svg: &str) -> Option<String> {
    let tag = &svg[svg.find("<svg")?..];
    let tag = &tag[..tag.find('>')?];
    let w: f64 = tag
        .split("width=\"")
        .nth(1)?
        .split('"')
        .next()?
        .parse()
        .ok()?;
    Some(super::format::number(w * 0.5, 1))
}

/// The link anchor of the table with file stem `stem`.
fn table_anchor(stem: &str) -> String {
    format!("t-{stem}")
}

/// The 概要: facts, every KGI/KPI with its status in colour and words, the findings.
fn overview_html(view: &View, sections: &[Section]) -> String {
    let mut out = String::from("<dl class=\"facts\">\n");
    for (k, v) in &view.facts {
        out.push_str(&format!(
            "<div><dt>{}</dt><dd>{}</dd></div>\n",
            escape(k),
            escape(v)
        ));
    }
    out.push_str("</dl>\n");
    if !view.indicators.is_empty() {
        out.push_str("<div class=\"block\">\n<h3>KGI・KPI の判定</h3>\n<table>\n<thead><tr><th>区分</th><th>指標</th><th>現在値</th><th>目標</th><th>判定</th></tr></thead>\n<tbody>\n");
        for i in &view.indicators {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td class=\"nw\">{}</td><td class=\"nw\">{}</td><td class=\"{}\">{}</td></tr>\n",
                cell_html(&i.level),
                cell_html(&i.name),
                escape(&i.current),
                escape(&i.target),
                tone_class(i.tone),
                cell_html(&i.status)
            ));
        }
        out.push_str("</tbody></table>\n</div>\n");
    }
    if !view.findings.is_empty() {
        out.push_str("<div class=\"block\">\n<h3>主な結果</h3>\n<ol class=\"findings\">\n");
        for f in &view.findings {
            let cite = table_title(sections, &f.table)
                .map(|t| {
                    format!(
                        " <a class=\"cite\" href=\"#{}\">（表「{}」）</a>",
                        escape(&table_anchor(&f.table)),
                        escape(t)
                    )
                })
                .unwrap_or_default();
            out.push_str(&format!("<li>{}{cite}</li>\n", escape(&f.text)));
        }
        out.push_str("</ol>\n</div>\n");
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
    let mut notes: std::collections::BTreeMap<String, String> = Default::default();
    for s in sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n{}<h2>{}</h2>\n",
            escape(&s.id),
            if s.wide { "<div class=\"wide\">\n" } else { "" },
            escape(&s.title)
        ));
        if let Some(view) = &s.overview {
            out.push_str(&overview_html(view, sections));
        }
        for p in &s.intro {
            out.push_str(&format!("<p class=\"intro\">{}</p>\n", escape(p)));
        }
        for n in &s.tables {
            if n.in_report {
                // A note printed in full once; a later table with the same note points to it.
                let first = notes
                    .entry(n.table.note.clone())
                    .or_insert(n.table.title.clone());
                let same =
                    (!n.table.note.is_empty() && *first != n.table.title).then_some(first.as_str());
                out.push_str(&table_html(&n.table, &table_anchor(&n.stem), same, n.long));
            } else {
                out.push_str(&format!(
                    "<p class=\"link\">{}: <code>tables/{}.csv</code></p>\n",
                    escape(&n.table.title),
                    escape(&n.stem)
                ));
            }
        }
        if s.wide {
            out.push_str("</div>\n");
        }
        if s.multiples {
            out.push_str("<div class=\"multiples\">\n");
        }
        for c in &s.charts {
            out.push_str(&format!(
                "<figure role=\"img\" aria-label=\"{}\"{}{}>\n{}\n<figcaption>{}</figcaption>\n</figure>\n",
                escape(&c.alt),
                if c.print { "" } else { " class=\"screen-only\"" },
                print_width(&c.svg)
                    .map(|w| format!(" style=\"--print-width: {w}pt\""))
                    .unwrap_or_default(),
                c.svg.trim(),
                escape(&c.alt)
            ));
        }
        if s.multiples {
            out.push_str("</div>\n");
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
    fn labels_and_numbers_stay_whole_and_prose_may_break() {
        assert_eq!(cell_html("遅れ"), "<span class=\"nw\">遅れ</span>");
        assert_eq!(
            cell_html("78.1 (75.7–80.4) n=1185*"),
            "<span class=\"nw\">78.1</span> <span class=\"nw\">(75.7–80.4)</span> <span class=\"nw\">n=1185*</span>"
        );
        // Cut after 、 and before （: a long prose piece (19 characters, may break between
        // phrases), then two short ones kept whole.
        assert_eq!(
            cell_html("職場内のコミュニケーションや情報共有、積極的な意見交換（否定的設問）"),
            "職場内のコミュニケーションや情報共有、<span class=\"nw\">積極的な意見交換</span><span class=\"nw\">（否定的設問）</span>"
        );
        // Headers keep only pieces of up to 8 characters whole.
        assert_eq!(
            header_html("どちらかと言えばそう思う"),
            "どちらかと言えばそう思う"
        );
        assert_eq!(cell_html("<b>"), "<span class=\"nw\">&lt;b&gt;</span>");
        assert_eq!(cell_html("<"), "&lt;");
    }

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
        let h = table_html(&t, "t-x", None, false);
        assert!(h.contains("<h3>表&lt;1&gt;</h3>"));
        assert!(h.contains("id=\"t-x\""));
        assert!(h.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(!h.contains("<b>"));
        assert!(h.contains("注&lt;&gt;"));
        assert!(!h.contains("<b>"));
    }
}
