//! A rendered table (title, note, headers, text cells) and its two file forms:
//! CSV in UTF-8 with a BOM (so Excel shows Japanese) and Markdown.

use anyhow::Result;

/// A table ready to write; every cell is already formatted text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub title: String,
    /// Explanation printed under the Markdown table (bases, marks, methods).
    pub note: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// A compact form for Markdown (headers, rows) when the CSV form is too wide to read;
    /// `None` = the CSV form.
    pub compact: Option<(Vec<String>, Vec<Vec<String>>)>,
    /// What each column holds, for typed cells in Excel; `None` = inferred from the headers.
    pub kinds: Option<Vec<Kind>>,
}

/// A CSV cell that a spreadsheet could take for a formula (text from respondents or the export
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so Excel
/// shows it as text. Numbers such as `+1.6` or `-0.8` and the no-data marker `-` are left as
/// they are.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell != "-" && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// What a column holds. Cells that do not parse as numbers (markers such as x or -) stay text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// A percentage printed as 62.2: stored as 0.622 with a % format.
    Percent,
    /// A difference of two percentages in percentage points (a change, or a bound of the
    /// interval of a change), printed as +2.6: stored as 2.6 with a `pt` format, never as a
    /// percent.
    Points,
    /// A count or other number, stored with the decimals it is printed with.
    Number,
    /// A value in the unit named by the text of column `.0` of the same row (the KGI/KPI
    /// table, where each row has its own unit): a `%` unit is stored like [`Kind::Percent`],
    /// any other unit as a number whose format shows the unit (`13人`).
    InUnit(usize),
    /// A change in the unit named by column `.0` of the same row: a change of a `%` value is
    /// in points ([`Kind::Points`]), any other a signed number whose format shows the unit.
    ChangeInUnit(usize),
}

impl Table {
    /// The kind of every column: the explicit `kinds`, else inferred from the headers.
    pub fn column_kinds(&self) -> Vec<Kind> {
        if let Some(k) = &self.kinds {
            return k.clone();
        }
        self.headers.iter().map(|h| infer_kind(h)).collect()
    }
}

/// Infers a column's kind from its Japanese header.
fn infer_kind(header: &str) -> Kind {
    const NUMBER_WORDS: [&str; 13] = [
        "p値",
        "変化",
        "統計量",
        "人数",
        "回答者数",
        "有効回答数",
        "肯定的回答数",
        "選択数",
        "対象者数",
        "読込行数",
        "使用行数",
        "除外行数",
        "順位",
    ];
    if header.contains("（pt）") {
        Kind::Points
    } else if header.contains("（%）") || header.contains("%CI") || header.contains("%）") {
        Kind::Percent
    } else if header == "n"
        || header.ends_with(" n")
        || header == "行"
        || NUMBER_WORDS.iter().any(|w| header.contains(w))
    {
        Kind::Number
    } else {
        Kind::Text
    }
}

impl Table {
    pub fn new(title: impl Into<String>, headers: Vec<String>) -> Self {
        Table {
            title: title.into(),
            headers,
            ..Default::default()
        }
    }

    /// CSV bytes: BOM, header line, rows; CRLF line ends as Excel writes them.
    pub fn to_csv(&self) -> Result<Vec<u8>> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(b"\xEF\xBB\xBF".to_vec());
        w.write_record(self.headers.iter().map(|c| neutralise(c).into_owned()))?;
        for r in &self.rows {
            w.write_record(r.iter().map(|c| neutralise(c).into_owned()))?;
        }
        w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
    }

    /// A Markdown section: `### title`, the table, the note (the `table` macro of
    /// `table.md`, which report.md uses too).
    pub fn to_markdown(&self) -> Result<String> {
        let view = super::table_view::TableView::new(self, "", |_, _, _| None);
        super::templates::call_macro("table.md", "table", view)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_bom_and_quotes_commas() {
        let mut t = Table::new("t", vec!["設問".into(), "割合".into()]);
        t.rows
            .push(vec!["情報共有、意見交換,など".into(), "62.2".into()]);
        let bytes = t.to_csv().unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text, "設問,割合\r\n\"情報共有、意見交換,など\",62.2\r\n");
    }

    #[test]
    fn formula_like_text_is_neutralised_but_numbers_are_not() {
        assert_eq!(
            neutralise("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+cmd"), "'+cmd");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        assert_eq!(neutralise("+1.6"), "+1.6");
        assert_eq!(neutralise("-0.8"), "-0.8");
        assert_eq!(neutralise("-"), "-");
        assert_eq!(neutralise("満足している"), "満足している");
        let mut t = Table::new("t", vec!["値".into()]);
        t.rows.push(vec!["=1+2".into()]);
        let csv = String::from_utf8(t.to_csv().unwrap()[3..].to_vec()).unwrap();
        assert_eq!(csv, "値\r\n'=1+2\r\n");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let mut t = Table::new("表", vec!["a".into()]);
        t.rows.push(vec!["x|y".into()]);
        assert!(t.to_markdown().unwrap().contains("| x\\|y |"));
    }
}
