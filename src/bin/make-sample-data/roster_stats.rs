//! The figures the pipeline should find in each roster, computed from the rows as written
//! (after the defects), for the README: headcounts after the exclusions, men and women per
//! post, the young-resignation KPI per body, leavers per reason, new hires and the age bands.
//!
//! The group of the headcounts, the women's shares and the age bands is 任用区分 `正規` without
//! 職種 `医師` and without 職名 `指導主事` (so without 特別職, 再任用, doctors and 指導主事).

use crate::dates::{age_on, april_first, parse_date};
use crate::leavers::YOUNG_MAX_AGE;
use crate::roster_years::*;
use crate::staff::*;

/// Upper ends of the age bands (on 1 April): 〜19, 20–24, …, 55–59, 60〜.
pub const AGE_BANDS: [&str; 10] = [
    "〜19", "20–24", "25–29", "30–34", "35–39", "40–44", "45–49", "50–54", "55–59", "60〜",
];

/// Figures of one roster.
#[derive(Default)]
pub struct RosterStats {
    /// Data rows, the blank row included.
    pub rows: usize,
    pub blank_rows: usize,
    /// Rows left out of the group: 特別職, 再任用, 医師, 指導主事 (in that order of checks).
    pub excluded: [usize; 4],
    /// Group headcount per body ([`BODIES`] order).
    pub headcount: [usize; 5],
    /// Group [men, women] per post ([`POSTS`] order), and with a 職名 outside the mapping.
    pub by_post: [[usize; 2]; 5],
    pub unmapped: [usize; 2],
    /// Group rows with a blank 性別.
    pub sex_blank: usize,
    /// The young-resignation KPI per body, and the young 自己都合 leavers of 病院局 医療技術.
    pub young_quits: [usize; 5],
    pub young_medtech: usize,
    /// 自己都合 leavers of 正規 who were 39 on 1 April but 40 on the leave date.
    pub turned_40: usize,
    /// Leavers per reason ([`REASONS`] order), every 任用区分.
    pub reasons: [usize; 5],
    /// Group rows hired on the reference date, and how many of them were 22–30.
    pub hires: usize,
    pub hires_22_30: usize,
    /// Group rows per age band on the reference date; rows whose 生年月日 cannot be read.
    pub age_bands: [usize; 10],
    pub birth_unreadable: usize,
}

impl RosterStats {
    pub fn group_size(&self) -> usize {
        self.headcount.iter().sum()
    }

    /// (women, base): the group with 性別 given, all posts and the unmapped title.
    pub fn women(&self) -> (usize, usize) {
        let w: usize = self.by_post.iter().map(|p| p[1]).sum::<usize>() + self.unmapped[1];
        let m: usize = self.by_post.iter().map(|p| p[0]).sum::<usize>() + self.unmapped[0];
        (w, w + m)
    }

    /// (women, base) among managers (部長級, 次長級, 課長級 by the mapping).
    pub fn managers(&self) -> (usize, usize) {
        let w: usize = self.by_post[..MANAGERS].iter().map(|p| p[1]).sum();
        let n: usize = self.by_post[..MANAGERS].iter().map(|p| p[0] + p[1]).sum();
        (w, n)
    }
}

/// The figures of roster `y` from its data rows.
pub fn roster_stats(y: &RosterYear, rows: &[Vec<String>]) -> RosterStats {
    let on = april_first(y.fy);
    let mut s = RosterStats {
        rows: rows.len(),
        ..Default::default()
    };
    for r in rows {
        if r.iter().all(|c| c.is_empty()) {
            s.blank_rows += 1;
            continue;
        }
        let body = BODIES.iter().position(|b| b.label() == r[COL_BODY]);
        let body = body.expect("known 任命権者");
        let regular = r[COL_KIND] == Kind::Regular.label();
        let birth = parse_date(&r[COL_BIRTH]);
        if let Some(reason) = REASONS.iter().position(|x| x.label() == r[COL_REASON]) {
            s.reasons[reason] += 1;
            let left = parse_date(&r[COL_LEFT]).expect("leave date");
            let b = birth.expect("birth date of a leaver");
            if regular && REASONS[reason] == Reason::Voluntary {
                let kpi = !(BODIES[body] == Body::Hospital && r[COL_JOB] == Job::MedTech.label());
                if age_on(b, left) <= YOUNG_MAX_AGE {
                    if kpi {
                        s.young_quits[body] += 1;
                    } else {
                        s.young_medtech += 1;
                    }
                } else if age_on(b, on) <= YOUNG_MAX_AGE {
                    s.turned_40 += 1;
                }
            }
        }
        let excluded = [
            r[COL_KIND] == Kind::Special.label(),
            r[COL_KIND] == Kind::Rehired.label(),
            r[COL_JOB] == Job::Doctor.label(),
            r[COL_TITLE] == SUPERVISOR_TITLE,
        ];
        if let Some(k) = excluded.iter().position(|&x| x) {
            s.excluded[k] += 1;
            continue;
        }
        assert!(regular, "a row outside the group not counted as excluded");
        s.headcount[body] += 1;
        let sex = ["男", "女"].iter().position(|x| *x == r[COL_SEX]);
        match (sex, post_of(&r[COL_TITLE])) {
            (None, _) => s.sex_blank += 1,
            (Some(x), Some(p)) => s.by_post[p][x] += 1,
            (Some(x), None) => s.unmapped[x] += 1,
        }
        match birth {
            Some(b) => {
                let age = age_on(b, on) as usize;
                s.age_bands[(age.saturating_sub(15) / 5).min(9)] += 1;
                if parse_date(&r[COL_HIRED]) == Some(on) {
                    s.hires += 1;
                    s.hires_22_30 += usize::from((22..=30).contains(&age));
                }
            }
            None => s.birth_unreadable += 1,
        }
    }
    s
}
