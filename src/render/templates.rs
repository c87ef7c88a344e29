//! The templates (minijinja) of report.html, report.md and the department sheets: the
//! environment with every template compiled in, `.html` auto-escaped (`.md` and `.css` are
//! not), and the filters that format a table cell: `cell` and `header` keep labels and
//! numbers whole in HTML (see `cells_html`), `md_cell` keeps a Markdown table's cell in its
//! column. A template formats what it is given and computes nothing.

use super::cells_html::{cell_html, escape, header_html};
use anyhow::{Context, Result};
use minijinja::{escape_formatter, AutoEscape, Environment, Error, Value};
use serde::Serialize;

/// Every template, by name. `table.html` and `table.md` hold the `table` macro the pages
/// import, `page.html` the start of a page, `overview.html` the 概要; `report.css` is
/// included into `report.html`.
const TEMPLATES: [(&str, &str); 8] = [
    ("page.html", include_str!("templates/page.html")),
    ("table.html", include_str!("templates/table.html")),
    ("table.md", include_str!("templates/table.md")),
    ("overview.html", include_str!("templates/overview.html")),
    ("report.css", include_str!("templates/report.css")),
    ("report.html", include_str!("templates/report.html")),
    ("report.md", include_str!("templates/report.md")),
    ("karte.html", include_str!("templates/karte.html")),
];

/// The environment: templates compiled, `.html` auto-escaped, lines of block tags trimmed.
pub fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // A page ends with the line end its template ends with.
    env.set_keep_trailing_newline(true);
    // HTML text is escaped as the cell filters escape it (`&`, `<`, `>`, `"`, `'`); `/`
    // stays as it is.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            out.write_str(&escape(text)).map_err(Error::from)
        }
        _ => escape_formatter(out, state, value),
    });
    env.add_filter("cell", |s: String| Value::from_safe_string(cell_html(&s)));
    env.add_filter("header", |s: String| {
        Value::from_safe_string(header_html(&s))
    });
    env.add_filter("md_cell", |s: String| {
        s.replace('|', "\\|").replace('\n', " ")
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)
            .with_context(|| format!("テンプレート {name} を読めません"))?;
    }
    Ok(env)
}

/// Renders template `name` with `context`.
pub fn render<S: Serialize>(name: &str, context: S) -> Result<String> {
    let env = environment()?;
    let template = env.get_template(name)?;
    template
        .render(context)
        .with_context(|| format!("テンプレート {name} を書き出せません"))
}

/// Calls macro `name` of template `template` with the one argument `arg`.
pub fn call_macro<S: Serialize>(template: &str, name: &str, arg: S) -> Result<String> {
    let env = environment()?;
    let captured = env.get_template(template)?.render_captured(())?;
    captured
        .state()
        .call_macro(name, &[Value::from_serialize(arg)])
        .with_context(|| format!("テンプレート {template} の {name} を書き出せません"))
}

#[cfg(test)]
mod tests {
    use super::super::table::Table;
    use super::super::table_view::TableView;
    use super::*;

    fn table() -> Table {
        let mut t = Table::new("表<1>", vec!["設問".into(), "a|b".into()]);
        t.rows.push(vec!["<b>&</b>".into(), "x\ny".into()]);
        t.note = "注<'/>".into();
        t
    }

    #[test]
    fn html_tables_escape_every_cell() {
        let view = TableView::new(&table(), "t-x", |_, _, _| None);
        let h = call_macro("table.html", "table", view).unwrap();
        assert!(h.starts_with("<div class=\"block\" id=\"t-x\">\n<h3>表&lt;1&gt;</h3>\n"));
        assert!(h.contains("&lt;b&gt;&amp;&lt;/b&gt;"));
        assert!(!h.contains("<b>"));
        assert!(h.contains("<p class=\"note\">注&lt;&#39;/&gt;</p>\n</div>\n"));
    }

    #[test]
    fn a_shared_note_points_to_its_first_table() {
        let mut view = TableView::new(&table(), "t-x", |_, _, _| None);
        view.same_note_as = Some("表<0>".into());
        let h = call_macro("table.html", "table", view).unwrap();
        assert!(h.contains("<p class=\"note\">注記は表「表&lt;0&gt;」と同じです。</p>"));
        assert!(!h.contains("注&lt;"));
    }

    #[test]
    fn markdown_tables_keep_cells_in_their_columns() {
        assert_eq!(
            table().to_markdown().unwrap(),
            "### 表<1>\n\n| 設問 | a\\|b |\n|---|---|\n| <b>&</b> | x y |\n\n注<'/>\n\n"
        );
        let empty = Table::new("空", vec!["設問".into()]);
        assert_eq!(empty.to_markdown().unwrap(), "### 空\n\n（該当なし）\n\n");
    }
}
