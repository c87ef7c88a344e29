//! Dates in HR records: reading the forms rosters are written in (`2024-04-01`, `2024/4/1`,
//! `2024年4月1日`, `令和6年4月1日`, `R6.4.1`, `昭和60年4月2日`, `平成元年5月1日`), and the age and
//! fiscal year they give. Dates are `chrono::NaiveDate`.

use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use chrono::{Datelike, NaiveDate};

/// Era names with the Gregorian year of their year 1.
const ERAS: [(&str, char, i32); 4] = [
    ("令和", 'R', 2019),
    ("平成", 'H', 1989),
    ("昭和", 'S', 1926),
    ("大正", 'T', 1912),
];

/// Reads a date, or `None` when the text is not one of the accepted forms or not a real day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    // A spreadsheet date with a time of day (`2024-04-01 00:00:00`): the day.
    let s = normalize_label(text.split_whitespace().next()?);
    let s = s.as_str();
    let (year_of, rest) = era(s).unwrap_or((0, s));
    let parts: Vec<&str> = rest
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let y: i32 = if *y == "元" { 1 } else { y.parse().ok()? };
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    let year = if year_of == 0 { y } else { year_of + y - 1 };
    if year_of != 0 && y < 1 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, m, d)
}

/// The era prefix of `s`, as the Gregorian year of its year 1 and the rest of the text.
fn era(s: &str) -> Option<(i32, &str)> {
    ERAS.iter().find_map(|(name, letter, first)| {
        let rest = s
            .strip_prefix(name)
            .or_else(|| s.strip_prefix(*letter))
            .or_else(|| s.strip_prefix(letter.to_ascii_lowercase()))?;
        rest.starts_with(|c: char| c.is_ascii_digit() || c == '元')
            .then_some((*first, rest))
    })
}

/// A date as reports print it, in the era: `令和6年4月1日` (the first year of an era is 元年).
pub fn japanese_date(date: NaiveDate) -> String {
    let era = ERAS
        .iter()
        .zip(ERA_STARTS)
        .find(|(_, start)| (date.year(), date.month(), date.day()) >= *start);
    match era {
        Some(((name, _, first), _)) => {
            let y = date.year() - first + 1;
            let y = if y == 1 {
                "元".to_string()
            } else {
                y.to_string()
            };
            format!("{name}{y}年{}月{}日", date.month(), date.day())
        }
        None => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

/// The first day of each era of [`ERAS`].
const ERA_STARTS: [(i32, u32, u32); 4] =
    [(2019, 5, 1), (1989, 1, 8), (1926, 12, 25), (1912, 7, 30)];

/// Age in whole years on `on` of someone born on `birth` (a birthday counts from its day).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    u32::try_from(age).ok()
}

/// The fiscal year (April–March) a date falls in.
pub fn fiscal_year_of(date: NaiveDate) -> FiscalYear {
    FiscalYear(if date.month() >= 4 {
        date.year()
    } else {
        date.year() - 1
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Era years worked out by hand: 令和6 = 2019 + 5, 昭和60 = 1926 + 59, 平成元 = 1989.
    #[test]
    fn reads_the_written_forms() {
        for text in [
            "2024-04-01",
            "2024/4/1",
            "2024.04.01",
            "2024年4月1日",
            "令和6年4月1日",
            "R6.4.1",
            "Ｒ６．４．１",
            "2024-04-01 00:00:00",
        ] {
            assert_eq!(parse_date(text), Some(ymd(2024, 4, 1)), "{text}");
        }
        assert_eq!(parse_date("昭和60年4月2日"), Some(ymd(1985, 4, 2)));
        assert_eq!(parse_date("平成元年5月1日"), Some(ymd(1989, 5, 1)));
        assert_eq!(parse_date("H1/5/1"), Some(ymd(1989, 5, 1)));
    }

    #[test]
    fn prints_dates_in_the_era() {
        assert_eq!(japanese_date(ymd(2024, 4, 1)), "令和6年4月1日");
        assert_eq!(japanese_date(ymd(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(japanese_date(ymd(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(japanese_date(ymd(2017, 8, 1)), "平成29年8月1日");
    }

    #[test]
    fn refuses_what_is_not_a_day() {
        for text in [
            "",
            "不明",
            "2024-02-30",
            "2024/13/1",
            "令和0年4月1日",
            "2024/4",
        ] {
            assert_eq!(parse_date(text), None, "{text}");
        }
    }

    #[test]
    fn age_turns_on_the_birthday_and_fiscal_years_start_in_april() {
        let birth = ymd(1985, 4, 2);
        assert_eq!(age_on(birth, ymd(2024, 4, 1)), Some(38));
        assert_eq!(age_on(birth, ymd(2024, 4, 2)), Some(39));
        assert_eq!(fiscal_year_of(ymd(2024, 3, 31)), FiscalYear(2023));
        assert_eq!(fiscal_year_of(ymd(2024, 4, 1)), FiscalYear(2024));
    }
}
