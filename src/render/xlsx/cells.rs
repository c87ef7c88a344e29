//! One table cell as Excel stores it: the printed text of the CSV turned into a number with the
//! number format that shows it the same way (`62.2` in a percent column → 0.622 shown
//! `62.2%`, `+2.6` in a points column → 2.6 shown `+2.6pt`, `13` in an indicator counted in
//! 人 → 13 shown `13人`), or text for markers (＊, -, <0.001) and words.

use crate::render::table::Kind;

/// Display width of text in Excel character units: East Asian wide characters count 2.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let u = c as u32;
            let wide = (0x1100..=0x115F).contains(&u)
                || (0x2E80..=0xA4CF).contains(&u)
                || (0xAC00..=0xD7A3).contains(&u)
                || (0xF900..=0xFAFF).contains(&u)
                || (0xFE30..=0xFE4F).contains(&u)
                || (0xFF00..=0xFF60).contains(&u)
                || (0xFFE0..=0xFFE6).contains(&u);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

/// What goes into one cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number and the number format that prints it as the CSV does (plus its unit).
    Number(f64, String),
}

impl Cell {
    /// The width the cell takes when shown, in Excel character units.
    pub fn shown_width(&self) -> usize {
        match self {
            Cell::Empty => 0,
            Cell::Text(t) => display_width(t),
            // The number as its format prints it, with the format's literal text (pt, 人).
            Cell::Number(v, f) => {
                let section = f.split(';').next().unwrap_or("");
                let literal: String = section.split('"').skip(1).step_by(2).collect();
                let percent = section.contains('%');
                let decimals = section
                    .split('.')
                    .nth(1)
                    .map_or(0, |d| d.chars().take_while(|c| *c == '0').count());
                let shown = if percent { v * 100.0 } else { *v };
                let sign = usize::from(section.starts_with('+') || shown < 0.0);
                format!("{:.*}", decimals, shown.abs()).len()
                    + sign
                    + usize::from(percent)
                    + display_width(&literal)
            }
        }
    }
}

/// The cell for `text` in a column of `kind`; `row` is the whole row (for a unit column).
pub fn cell(kind: Kind, text: &str, row: &[String]) -> Cell {
    if text.is_empty() {
        return Cell::Empty;
    }
    let parsed: Option<f64> = text.parse().ok().filter(|v: &f64| v.is_finite());
    let Some(value) = parsed else {
        return Cell::Text(text.to_string());
    };
    let unit = |col: usize| row.get(col).map(String::as_str).unwrap_or("");
    match kind {
        Kind::Text => Cell::Text(text.to_string()),
        Kind::Number => Cell::Number(value, number_format(text, "")),
        Kind::Percent => percent(text),
        Kind::Points => Cell::Number(value, number_format(text, "pt")),
        Kind::InUnit(col) if unit(col) == "%" => percent(text),
        Kind::InUnit(col) => Cell::Number(value, number_format(text, unit(col))),
        Kind::ChangeInUnit(col) if unit(col) == "%" => {
            Cell::Number(value, number_format(text, "pt"))
        }
        Kind::ChangeInUnit(col) => Cell::Number(value, number_format(text, unit(col))),
    }
}

/// A percentage printed as `78.1`: the fraction 0.781 with a `%` format of the same decimals.
fn percent(text: &str) -> Cell {
    // "78.1e-2" parses to the double nearest 0.781, where 78.1 / 100 would not.
    let v: f64 = format!("{text}e-2").parse().unwrap_or(f64::NAN);
    let decimals = decimals(text);
    let f = if decimals == 0 {
        "0%".to_string()
    } else {
        format!("0.{}%", "0".repeat(decimals))
    };
    Cell::Number(v, f)
}

fn decimals(text: &str) -> usize {
    text.split('.').nth(1).map(str::len).unwrap_or(0)
}

/// Number format for a printed number: its decimals, a sign when it was printed with one, and
/// `unit` after the digits as literal text (`0.0"pt"`).
pub fn number_format(text: &str, unit: &str) -> String {
    let decimals = decimals(text);
    let digits = if decimals == 0 {
        "0".to_string()
    } else {
        format!("0.{}", "0".repeat(decimals))
    };
    // A quote cannot appear inside Excel's quoted literal; units never need one.
    let unit: String = unit.chars().filter(|c| *c != '"').collect();
    let body = if unit.is_empty() {
        digits
    } else {
        format!("{digits}\"{unit}\"")
    };
    if text.starts_with('+') {
        format!("+{body};-{body};{body}")
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_counts_double() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("年代別"), 6);
        assert_eq!(display_width("（%）"), 5);
        assert_eq!(display_width("ｶﾀｶﾅ"), 4, "half-width katakana is narrow");
    }

    #[test]
    fn formats_keep_the_printed_decimals_and_sign() {
        assert_eq!(number_format("1185", ""), "0");
        assert_eq!(number_format("0.013", ""), "0.000");
        assert_eq!(number_format("+1.6", ""), "+0.0;-0.0;0.0");
        assert_eq!(
            number_format("+1.6", "pt"),
            "+0.0\"pt\";-0.0\"pt\";0.0\"pt\""
        );
        assert_eq!(number_format("13", "人"), "0\"人\"");
    }

    #[test]
    fn each_kind_stores_the_number_in_its_unit() {
        let row = |unit: &str| vec!["KPI".to_string(), unit.to_string()];
        // Shares: 78.1 printed → 0.781 shown 78.1%.
        assert_eq!(
            cell(Kind::Percent, "78.1", &[]),
            Cell::Number(0.781, "0.0%".into())
        );
        // A change and the bound of its interval are points, never percents.
        assert_eq!(
            cell(Kind::Points, "+2.6", &[]),
            Cell::Number(2.6, "+0.0\"pt\";-0.0\"pt\";0.0\"pt\"".into())
        );
        assert_eq!(
            cell(Kind::Points, "-0.9", &[]),
            Cell::Number(-0.9, "0.0\"pt\"".into())
        );
        // Indicator values follow the row's unit (column 1 here).
        assert_eq!(
            cell(Kind::InUnit(1), "68.8", &row("%")),
            Cell::Number(0.688, "0.0%".into())
        );
        assert_eq!(
            cell(Kind::InUnit(1), "8", &row("人")),
            Cell::Number(8.0, "0\"人\"".into())
        );
        assert_eq!(
            cell(Kind::ChangeInUnit(1), "+1.6", &row("%")),
            Cell::Number(1.6, "+0.0\"pt\";-0.0\"pt\";0.0\"pt\"".into())
        );
        assert_eq!(
            cell(Kind::ChangeInUnit(1), "-15", &row("人")),
            Cell::Number(-15.0, "0\"人\"".into())
        );
        // Markers and words stay text; blanks stay empty.
        assert_eq!(cell(Kind::Number, "＊", &[]), Cell::Text("＊".into()));
        assert_eq!(
            cell(Kind::Number, "<0.001", &[]),
            Cell::Text("<0.001".into())
        );
        assert_eq!(cell(Kind::Percent, "-", &[]), Cell::Text("-".into()));
        assert_eq!(cell(Kind::Text, "", &[]), Cell::Empty);
    }

    #[test]
    fn shown_width_counts_what_excel_prints() {
        assert_eq!(cell(Kind::Percent, "33.3", &[]).shown_width(), 5, "33.3%");
        assert_eq!(cell(Kind::Points, "+2.6", &[]).shown_width(), 6, "+2.6pt");
        assert_eq!(cell(Kind::Points, "-10.9", &[]).shown_width(), 7, "-10.9pt");
        let row = ["13".to_string(), "人".to_string()];
        assert_eq!(cell(Kind::InUnit(1), "13", &row).shown_width(), 4, "13人");
        assert_eq!(cell(Kind::Text, "満足", &[]).shown_width(), 4);
    }
}
