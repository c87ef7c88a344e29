//! Fiscal years of the waves: guessed from each export's file name (`R5`, `令和5年度`,
//! `H31`, `2023`, `fy2023`, a date), else made up as plausible consecutive years that the
//! pipeline file flags for the user to set.

use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;

/// The fiscal year written in a file name: `fy2022_R4`, `R5`, `令和5年度`, `H31`, `2023`,
/// `FY2023`, or a date `20230701` (a date before April belongs to the previous fiscal year).
pub fn guess_year(stem: &str) -> Option<FiscalYear> {
    let s = normalize_label(stem);
    let chars: Vec<char> = s.chars().collect();
    let digits_at = |i: usize| -> (String, usize) {
        let d: String = chars[i.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let n = d.len();
        (d, n)
    };
    // Era names first: they are the least ambiguous.
    for (name, start) in [("令和", 2019), ("平成", 1989)] {
        if let Some(pos) = s.find(name) {
            let rest = &s[pos + name.len()..];
            if rest.starts_with('元') {
                return Some(FiscalYear(start));
            }
            let d: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = d.parse::<i32>() {
                if (1..=99).contains(&n) {
                    return Some(FiscalYear(start + n - 1));
                }
            }
        }
    }
    // R5 / H31, not inside a word (`REPORT5`, `Sheet1`).
    for i in 0..chars.len() {
        let c = chars[i].to_ascii_uppercase();
        if c != 'R' && c != 'H' {
            continue;
        }
        if i > 0 && chars[i - 1].is_ascii_alphabetic() {
            continue;
        }
        let (d, n) = digits_at(i + 1);
        if n == 0 || n > 2 {
            continue;
        }
        let y: i32 = d.parse().ok()?;
        let start = if c == 'R' { 2019 } else { 1989 };
        if (1..=40).contains(&y) {
            return Some(FiscalYear(start + y - 1));
        }
    }
    // Four digits (2023, fy2023) or a date (20230701, 2023-07-01).
    let mut i = 0;
    while i < chars.len() {
        let (d, n) = digits_at(i);
        if n == 0 {
            i += 1;
            continue;
        }
        if n == 4 || n == 6 || n == 8 {
            let year: i32 = d[..4].parse().ok()?;
            if (1990..=2100).contains(&year) {
                let month: Option<u32> = if n >= 6 {
                    d[4..6].parse().ok()
                } else {
                    let after = chars.get(i + 4).copied();
                    if matches!(after, Some('-' | '/' | '.')) {
                        let (m, mn) = digits_at(i + 5);
                        (mn == 2 || mn == 1).then(|| m.parse().ok()).flatten()
                    } else {
                        None
                    }
                };
                return Some(match month {
                    Some(1..=3) => FiscalYear(year - 1),
                    _ => FiscalYear(year),
                });
            }
        }
        i += n;
    }
    None
}

/// The years of the waves, in the order the exports were given: guessed from each file name,
/// or (`false`) made up so that the file still validates: consecutive years next to the
/// guessed ones, or ending at `current` when none could be guessed. A year guessed twice
/// is kept for the first file only.
pub fn assign_years(stems: &[String], current: FiscalYear) -> Vec<(FiscalYear, bool)> {
    let mut years: Vec<Option<FiscalYear>> = Vec::new();
    for s in stems {
        let y = guess_year(s).filter(|y| !years.contains(&Some(*y)));
        years.push(y);
    }
    let n = years.len();
    let mut out: Vec<(FiscalYear, bool)> = Vec::with_capacity(n);
    let taken = |out: &[(FiscalYear, bool)], years: &[Option<FiscalYear>], y: FiscalYear| {
        out.iter().any(|(x, _)| *x == y) || years.contains(&Some(y))
    };
    for i in 0..n {
        if let Some(y) = years[i] {
            out.push((y, true));
            continue;
        }
        // Next to the previous wave, or before the next guessed one, else ending at `current`.
        let mut y = match (
            i.checked_sub(1).map(|p| out[p].0),
            years[i..].iter().flatten().next(),
        ) {
            (Some(prev), _) => FiscalYear(prev.0 + 1),
            (None, Some(next)) => {
                let before = years[i..].iter().take_while(|y| y.is_none()).count() as i32;
                FiscalYear(next.0 - before)
            }
            (None, None) => FiscalYear(current.0 - (n as i32 - 1)),
        };
        while taken(&out, &years, y) {
            y = FiscalYear(y.0 + 1);
        }
        out.push((y, false));
    }
    out
}

/// The current fiscal year (April–March) from the system clock.
pub fn current_fiscal_year() -> FiscalYear {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    FiscalYear(if month < 4 { year - 1 } else { year } as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_file_names() {
        let y = |s| guess_year(s).map(|y: FiscalYear| y.0);
        assert_eq!(y("fy2022_R4"), Some(2022));
        assert_eq!(y("R5"), Some(2023));
        assert_eq!(y("職員アンケート_令和5年度"), Some(2023));
        assert_eq!(y("令和元年度調査"), Some(2019));
        assert_eq!(y("H31_survey"), Some(2019));
        assert_eq!(y("平成30年度"), Some(2018));
        assert_eq!(y("survey2023"), Some(2023));
        assert_eq!(y("FY2023"), Some(2023));
        assert_eq!(y("Ｒ６回答"), Some(2024));
        // A date in January belongs to the fiscal year that began the April before.
        assert_eq!(y("export_20240115"), Some(2023));
        assert_eq!(y("export_2023-07-01"), Some(2023));
        assert_eq!(y("回答"), None);
        assert_eq!(y("REPORT5"), None);
        assert_eq!(y("Sheet1"), None);
    }

    #[test]
    fn years_not_guessed_are_consecutive_and_distinct() {
        let stems = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let now = FiscalYear(2025);
        let got = assign_years(&stems(&["a", "b", "c"]), now);
        assert_eq!(
            got,
            vec![
                (FiscalYear(2023), false),
                (FiscalYear(2024), false),
                (FiscalYear(2025), false)
            ]
        );
        let got = assign_years(&stems(&["R4", "b", "R6"]), now);
        assert_eq!(got[1], (FiscalYear(2023), false));
        let got = assign_years(&stems(&["a", "R6"]), now);
        assert_eq!(got[0], (FiscalYear(2023), false));
        let got = assign_years(&stems(&["R5", "R5_copy"]), now);
        assert_eq!(
            got,
            vec![(FiscalYear(2023), true), (FiscalYear(2024), false)]
        );
    }
}
