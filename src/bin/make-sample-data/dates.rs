//! Calendar dates of the staff rosters as day numbers (days since 1970-01-01 in the proleptic
//! Gregorian calendar, converted with Howard Hinnant's integer-only civil-date algorithms), ages
//! in completed years, the `YYYY/MM/DD` text of the rosters and the Japanese-era text
//! (`昭和60年4月2日`) used by one deliberate defect, with a parser for both forms.

/// A date as days since 1970-01-01.
pub type Day = i32;

/// The day number of `y-m-d`.
pub fn day(y: i32, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Year, month and day of a day number.
pub fn ymd(z: Day) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// 1 April of `year` (the reference date of a roster, the first day of fiscal year `year`).
pub fn april_first(year: i32) -> Day {
    day(year, 4, 1)
}

/// 31 March of `fy + 1`, the last day of fiscal year `fy`.
pub fn fiscal_year_end(fy: i32) -> Day {
    day(fy + 1, 4, 1) - 1
}

/// The last day of month `m` of `y`.
pub fn month_end(y: i32, m: u32) -> Day {
    if m == 12 {
        day(y + 1, 1, 1) - 1
    } else {
        day(y, m + 1, 1) - 1
    }
}

/// Age in completed years on `on` of someone born on `birth`.
pub fn age_on(birth: Day, on: Day) -> u32 {
    let (by, bm, bd) = ymd(birth);
    let (y, m, d) = ymd(on);
    let years = y - by - i32::from((m, d) < (bm, bd));
    years.max(0) as u32
}

/// The roster form `YYYY/MM/DD`.
pub fn format_date(d: Day) -> String {
    let (y, m, dd) = ymd(d);
    format!("{y:04}/{m:02}/{dd:02}")
}

/// Japanese eras: name and first day (from 1926, enough for everyone on a roster).
const ERAS: [(&str, (i32, u32, u32)); 3] = [
    ("令和", (2019, 5, 1)),
    ("平成", (1989, 1, 8)),
    ("昭和", (1926, 12, 25)),
];

/// The Japanese-era form, e.g. `昭和60年4月2日` (year 1 is written `元年`).
pub fn format_era(d: Day) -> String {
    let (y, m, dd) = ymd(d);
    let (name, start) = ERAS
        .iter()
        .find(|(_, s)| d >= day(s.0, s.1, s.2))
        .expect("date after 1926-12-25");
    let n = y - start.0 + 1;
    let year = if n == 1 {
        "元".to_string()
    } else {
        n.to_string()
    };
    format!("{name}{year}年{m}月{dd}日")
}

/// Reads `YYYY/MM/DD` or the Japanese-era form written by [`format_era`].
pub fn parse_date(s: &str) -> Option<Day> {
    let valid = |y: i32, m: u32, d: u32| {
        let ok = (1..=12).contains(&m) && d >= 1 && day(y, m, d) <= month_end(y, m);
        ok.then(|| day(y, m, d))
    };
    if let Some((name, start)) = ERAS.iter().find(|(n, _)| s.starts_with(n)) {
        let rest = &s[name.len()..];
        let (n, rest) = rest.split_once('年')?;
        let n: i32 = if n == "元" { 1 } else { n.parse().ok()? };
        let (m, rest) = rest.split_once('月')?;
        let d = rest.strip_suffix('日')?;
        return valid(start.0 + n - 1, m.parse().ok()?, d.parse().ok()?);
    }
    let mut it = s.split('/');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    valid(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(day(2000, 3, 1) - day(2000, 2, 28), 2);
        for z in (day(1900, 1, 1)..day(2100, 1, 1)).step_by(7) {
            let (y, m, d) = ymd(z);
            assert_eq!(day(y, m, d), z);
        }
        assert_eq!(fiscal_year_end(2019), day(2020, 3, 31));
        assert_eq!(month_end(2020, 2), day(2020, 2, 29));
    }

    #[test]
    fn ages_and_formats() {
        let b = day(1985, 4, 2);
        assert_eq!(age_on(b, april_first(2020)), 34);
        assert_eq!(age_on(b, day(2020, 4, 2)), 35);
        assert_eq!(format_date(b), "1985/04/02");
        assert_eq!(format_era(b), "昭和60年4月2日");
        assert_eq!(format_era(day(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(parse_date("昭和60年4月2日"), Some(b));
        assert_eq!(parse_date("1985/04/02"), Some(b));
        assert_eq!(parse_date("1985/02/30"), None);
        assert_eq!(parse_date(""), None);
    }
}
