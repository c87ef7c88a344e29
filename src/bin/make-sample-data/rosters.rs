//! The six staff rosters: one population simulated from 1 April 2019 to 31 March 2025 (so ids,
//! ages, promotions and leavers agree across the rosters), its entries as text rows, and the
//! rows written in each roster's file format.

use crate::csv_writer::{csv_text, encode_cp932, utf8_with_bom};
use crate::dates::format_date;
use crate::leavers::leavers;
use crate::population::{initial_population, Entry};
use crate::prng::Rng;
use crate::roster_years::*;
use crate::staffing::{next_population, Ids};
use crate::xlsx_writer::{sheet_bytes, SheetSpec};
use crate::Res;

/// Month and day (09:00 UTC) of the fixed creation time of an xlsx roster, in its fiscal year:
/// the day after the reference date.
pub const ROSTER_CREATED: (u8, u8) = (4, 2);

/// The entries of every roster, in the order of [`ROSTER_YEARS`].
pub fn simulate() -> Vec<Vec<Entry>> {
    let mut pop = initial_population(&mut Rng::stream(STREAM_POPULATION));
    let mut ids = Ids::after(&pop);
    let mut out = Vec::new();
    for (i, y) in ROSTER_YEARS.iter().enumerate() {
        let mut rng = Rng::stream(STREAM_YEAR0 + i as u64);
        let leaves = leavers(y, &pop, &mut rng);
        let entries: Vec<Entry> = pop
            .into_iter()
            .zip(leaves)
            .map(|(person, leave)| Entry { person, leave })
            .collect();
        pop = match ROSTER_YEARS.get(i + 1) {
            Some(next) => next_population(&entries, next, &mut rng, &mut ids),
            None => Vec::new(),
        };
        out.push(entries);
    }
    out
}

/// The roster's data rows, one per entry, in the order of [`ROSTER_HEADER`].
pub fn roster_rows(entries: &[Entry]) -> Vec<Vec<String>> {
    entries
        .iter()
        .map(|e| {
            let p = &e.person;
            vec![
                format!("S{:06}", p.id),
                p.name(),
                format_date(p.birth),
                if p.female { "女" } else { "男" }.to_string(),
                p.title.to_string(),
                p.dept.to_string(),
                p.body.label().to_string(),
                p.kind.label().to_string(),
                p.job.label().to_string(),
                format_date(p.hired),
                e.leave.map_or(String::new(), |l| format_date(l.date)),
                e.leave.map_or("", |l| l.reason.label()).to_string(),
            ]
        })
        .collect()
}

/// The roster header as owned strings.
pub fn roster_header() -> Vec<String> {
    ROSTER_HEADER.iter().map(|s| s.to_string()).collect()
}

/// The bytes of roster `y` in its file format.
pub fn roster_bytes(y: &RosterYear, rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let header = roster_header();
    Ok(match y.format {
        RosterFormat::CsvUtf8Bom => utf8_with_bom(&csv_text(&header, rows)),
        RosterFormat::CsvShiftJis => encode_cp932(&csv_text(&header, rows))?,
        RosterFormat::Xlsx => {
            let spec = SheetSpec {
                title: format!("しおかぜ市 職員名簿 {} (架空のサンプル)", y.code),
                sheet: ROSTER_SHEET,
                created: (y.fy as u16, ROSTER_CREATED.0, ROSTER_CREATED.1),
                widths: &[
                    10.0, 14.0, 12.0, 6.0, 14.0, 16.0, 12.0, 9.0, 9.0, 12.0, 12.0, 10.0,
                ],
            };
            sheet_bytes(&spec, &header, rows)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::{FEMALE_NAMES, MALE_NAMES, SURNAMES};

    #[test]
    fn leavers_never_return_and_stayers_stay() {
        let years = simulate();
        for pair in years.windows(2) {
            let next: Vec<u32> = pair[1].iter().map(|e| e.person.id).collect();
            for e in &pair[0] {
                assert_eq!(next.contains(&e.person.id), e.leave.is_none());
            }
        }
        for entries in &years {
            let mut ids: Vec<u32> = entries.iter().map(|e| e.person.id).collect();
            ids.dedup();
            assert_eq!(ids.len(), entries.len(), "ids sorted and unique");
        }
    }

    #[test]
    fn names_encode_in_shift_jis() {
        let all = SURNAMES.iter().chain(&MALE_NAMES).chain(&FEMALE_NAMES);
        for name in all {
            assert!(encode_cp932(name).is_ok(), "{name}");
        }
    }
}
