//! A cell's text as the analyst sees it in Excel: integers without `.0`, dates as
//! `2023-06-01`, errors as `#N/A`. Both spreadsheet paths (the cell reader and the dense
//! range) write cells through [`write_cell_text`].

use calamine::{Data, DataRef};
use std::fmt::Write;

/// Writes the text of a cell as the analyst sees it: integers without `.0`, dates as
/// `2023-06-01`, errors as `#N/A`.
pub(super) fn write_cell_text(c: &DataRef, out: &mut String) {
    match c {
        DataRef::Empty => {}
        DataRef::SharedString(s) => out.push_str(s),
        DataRef::String(s) => out.push_str(s),
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
            let _ = write!(out, "{}", *f as i64);
        }
        DataRef::DateTime(d) => out.push_str(&excel_date(d.as_f64())),
        other => {
            let _ = write!(out, "{}", Data::from(other.clone()));
        }
    }
}

/// A loaded cell as the cell reader would have given it (strings borrowed).
pub(super) fn data_ref(c: &Data) -> DataRef<'_> {
    match c {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// An Excel serial date as the analyst would see it: `2023-06-01`, with the time when there
/// is one. Serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is accounted for.
fn excel_date(serial: f64) -> String {
    if !(1.0..2_958_466.0).contains(&serial) {
        return format!("{serial}");
    }
    let days = serial.floor() as i64;
    // Days since 1970-01-01: serial 25569 is 1970-01-01 (serials below 61 are before the
    // fictitious leap day and need one day more).
    let unix_days = days - 25569 + if days < 61 { 1 } else { 0 };
    let (y, m, d) = civil_from_days(unix_days);
    let secs = ((serial - serial.floor()) * 86400.0).round() as i64;
    if secs == 0 {
        format!("{y:04}-{m:02}-{d:02}")
    } else {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// Proleptic Gregorian date from days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Serials checked against Excel's own: 45078 = 2023-06-01, 1 = 1900-01-01,
    // 60 = the fictitious 1900-02-29 (shown as 1900-03-01 here), 61 = 1900-03-01.
    #[test]
    fn excel_serial_dates() {
        assert_eq!(excel_date(45078.0), "2023-06-01");
        assert_eq!(excel_date(45078.5), "2023-06-01 12:00:00");
        assert_eq!(excel_date(1.0), "1900-01-01");
        assert_eq!(excel_date(61.0), "1900-03-01");
        assert_eq!(excel_date(25569.0), "1970-01-01");
    }
}
