//! The HTML templates (minijinja) and what they are given: the environment with every
//! template compiled in, auto-escaping on, and the filters that keep labels and numbers whole
//! in table cells (`cell`, `header`; see `html::cell_html`). A template formats what it is
//! given and computes nothing.

use super::html::{cell_html, header_html};
use super::table::Table;
use anyhow::{Context, Result};
use minijinja::{Environment, Value};
use serde::Serialize;

/// Every template, by name. `table.html` holds the `table` macro the pages import.
const TEMPLATES: [(&str, &str); 2] = [
    ("table.html", include_str!("templates/table.html")),
    ("karte.html", include_str!("templates/karte.html")),
];

/// The environment: templates compiled, `.html` auto-escaped, lines of block tags trimmed.
pub fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_filter("cell", |s: String| Value::from_safe_string(cell_html(&s)));
    env.add_filter("header", |s: String| {
        Value::from_safe_string(header_html(&s))
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

/// A table as a template reads it: its compact form when it has one, each cell with an
/// optional CSS class.
#[derive(Serialize)]
pub struct TableView {
    pub id: String,
    pub title: String,
    pub note: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<CellView>>,
}

#[derive(Serialize)]
pub struct CellView {
    pub text: String,
    /// CSS classes: `num` for a value (right-aligned), and the one the caller gave.
    pub class: Option<String>,
}

/// Whether a cell holds a value to align right: a number with its sign, marks or unit
/// (`+31.7*`, `58.3`, `40人`), or a suppressed or missing one (`x`, `-`).
fn is_value(text: &str) -> bool {
    let core = text.trim_end_matches(['*', '※', '%', '人']);
    core == "x"
        || core == "-"
        || (!core.is_empty() && core.trim_start_matches(['+', '-']).parse::<f64>().is_ok())
}

impl TableView {
    /// The view of `t` (its compact form when it has one); `class` gives a cell's class from
    /// its row and column.
    pub fn new(
        t: &Table,
        id: &str,
        class: impl Fn(usize, usize) -> Option<&'static str>,
    ) -> TableView {
        let (headers, rows) = match &t.compact {
            Some((h, r)) => (h, r),
            None => (&t.headers, &t.rows),
        };
        TableView {
            id: id.to_string(),
            title: t.title.clone(),
            note: t.note.clone(),
            headers: headers.clone(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    row.iter()
                        .enumerate()
                        .map(|(c, text)| {
                            let classes: Vec<&str> = is_value(text)
                                .then_some("num")
                                .into_iter()
                                .chain(class(r, c))
                                .collect();
                            CellView {
                                text: text.clone(),
                                class: (!classes.is_empty()).then(|| classes.join(" ")),
                            }
                        })
                        .collect()
                })
                .collect(),
        }
    }
}
