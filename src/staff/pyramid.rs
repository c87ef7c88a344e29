//! The age pyramid at a reference date: staff per five-year age band and sex. Bands at the
//! young and old ends with fewer staff than `statistics.min_group` are merged into their
//! neighbour (`～24歳`, `60歳～`); a band in the middle that is still too small is hidden.

use super::facts::{By, Facts, Stat};
use super::spec::Sex;
use crate::fiscal_year::FiscalYear;

/// One band of the pyramid.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// First age of the band, `None` for an open lower end (`～24歳`).
    pub from: Option<u32>,
    /// Last age of the band, `None` for an open upper end (`60歳～`).
    pub to: Option<u32>,
    /// `None` when hidden.
    pub men: Option<f64>,
    pub women: Option<f64>,
}

impl Band {
    /// `20～24歳`, `～24歳`, `60歳～`.
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (Some(a), Some(b)) => format!("{a}～{b}歳"),
            (None, Some(b)) => format!("～{b}歳"),
            (Some(a), None) => format!("{a}歳～"),
            (None, None) => "全年齢".into(),
        }
    }
}

/// The pyramid of `year`, youngest band first.
#[derive(Debug, Clone, PartialEq)]
pub struct Pyramid {
    pub year: FiscalYear,
    pub bands: Vec<Band>,
    /// People whose age or sex is unknown (not in any band).
    pub unknown: f64,
}

/// The pyramid of `year`, when it has counts by age band and sex.
pub fn pyramid(facts: &Facts, year: FiscalYear, min: u32) -> Option<Pyramid> {
    let cells = facts.breakdown(Stat::Headcount, year, By::BAND_SEX)?;
    let min = f64::from(min);
    let mut unknown = 0.0;
    // (band index, men, women)
    let mut raw: Vec<(u32, f64, f64)> = Vec::new();
    for (d, v) in &cells {
        let (Some(b), Some(sex)) = (d.band, d.sex) else {
            unknown += v;
            continue;
        };
        let i = match raw.iter().position(|r| r.0 == b) {
            Some(i) => i,
            None => {
                raw.push((b, 0.0, 0.0));
                raw.len() - 1
            }
        };
        match sex {
            Sex::Male => raw[i].1 += v,
            Sex::Female => raw[i].2 += v,
        }
    }
    raw.sort_by_key(|r| r.0);
    if raw.is_empty() {
        return None;
    }
    let mut bands: Vec<Band> = raw
        .iter()
        .map(|&(b, m, w)| Band {
            from: Some(b * 5),
            to: Some(b * 5 + 4),
            men: Some(m),
            women: Some(w),
        })
        .collect();
    let size = |b: &Band| b.men.unwrap_or(0.0) + b.women.unwrap_or(0.0);
    let join = |into: &mut Band, from: &Band| {
        into.men = Some(into.men.unwrap_or(0.0) + from.men.unwrap_or(0.0));
        into.women = Some(into.women.unwrap_or(0.0) + from.women.unwrap_or(0.0));
    };
    while bands.len() > 1 && size(&bands[0]) < min {
        let first = bands.remove(0);
        join(&mut bands[0], &first);
        bands[0].from = None;
    }
    while bands.len() > 1 && size(&bands[bands.len() - 1]) < min {
        let last = bands.pop().expect("more than one band");
        let n = bands.len() - 1;
        join(&mut bands[n], &last);
        bands[n].to = None;
    }
    for b in bands.iter_mut() {
        if size(b) < min {
            b.men = None;
            b.women = None;
        }
    }
    Some(Pyramid {
        year,
        bands,
        unknown,
    })
}
