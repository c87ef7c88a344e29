//! The leavers of one fiscal year (1 April – 31 March): who leaves, when and why.
//!
//! Fixed rules first: 正規 staff who turn 60 during the year retire on 31 March (定年), 再任用
//! staff who turn 65 leave on 31 March (その他, end of the term). Then exact numbers drawn from
//! the year's table ([`RosterYear`]): young 自己都合 leavers per body (the KPI, aged 39 or younger
//! on the leave date), young 自己都合 leavers of 病院局 医療技術 (outside the KPI), older 自己都合
//! leavers, 勧奨, 死亡 and その他, doctors and 指導主事. The 特別職 and pinned people never leave.

use crate::dates::{age_on, april_first, day, fiscal_year_end, month_end, ymd, Day};
use crate::population::{Leave, Person};
use crate::prng::Rng;
use crate::roster_years::RosterYear;
use crate::staff::{Body, Job, Kind, Reason};

/// Oldest age on the leave date counted as young (30代以下).
pub const YOUNG_MAX_AGE: u32 = 39;

/// The 正規 staff of `body` who count for the young-resignation KPI (all but 病院局 医療技術).
pub fn counts_for_kpi(body: Body, job: Job) -> bool {
    !(body == Body::Hospital && job == Job::MedTech)
}

/// A leave date for a resignation: often 31 March, else a month end or any day after April.
fn resignation_date(rng: &mut Rng, fy: i32) -> Day {
    let end = fiscal_year_end(fy);
    let r = rng.uniform();
    if r < 0.45 {
        end
    } else if r < 0.8 {
        let m = 4 + rng.below(11) as u32; // April … February
        let (y, m) = if m > 12 { (fy + 1, m - 12) } else { (fy, m) };
        month_end(y, m)
    } else {
        let start = april_first(fy) + 14;
        start + rng.below((end - start) as usize) as i32
    }
}

/// Draws `count` leavers among the people passing `filter` who are not leaving yet, with
/// weights `weight`; `date` draws a leave date for a candidate or rejects them (`None`).
#[allow(clippy::too_many_arguments)]
fn pick(
    rng: &mut Rng,
    pop: &[Person],
    out: &mut [Option<Leave>],
    count: usize,
    reason: Reason,
    filter: &dyn Fn(&Person) -> bool,
    weight: &dyn Fn(&Person) -> f64,
    date: &dyn Fn(&mut Rng, &Person) -> Option<Day>,
) {
    for _ in 0..count {
        let cand: Vec<usize> = (0..pop.len())
            .filter(|&i| out[i].is_none() && !pop[i].pinned && filter(&pop[i]))
            .collect();
        let w: Vec<f64> = cand.iter().map(|&i| weight(&pop[i])).collect();
        assert!(w.iter().any(|&x| x > 0.0), "no candidate for {reason:?}");
        let mut tries = 0;
        loop {
            let i = cand[rng.weighted(&w)];
            if let Some(d) = date(rng, &pop[i]) {
                out[i] = Some(Leave { date: d, reason });
                break;
            }
            tries += 1;
            assert!(tries < 10_000, "no leave date for {reason:?}");
        }
    }
}

/// The leave (if any) of every person of `pop` during fiscal year `y`, in the order of `pop`.
pub fn leavers(y: &RosterYear, pop: &[Person], rng: &mut Rng) -> Vec<Option<Leave>> {
    let (start, end) = (april_first(y.fy), fiscal_year_end(y.fy));
    let mut out: Vec<Option<Leave>> = vec![None; pop.len()];
    for (i, p) in pop.iter().enumerate() {
        let age_end = age_on(p.birth, end);
        if p.pinned {
            continue;
        }
        if p.graded() && age_end >= 60 {
            out[i] = Some(Leave {
                date: end,
                reason: Reason::Retirement,
            });
        } else if p.kind == Kind::Rehired && age_end >= 65 {
            out[i] = Some(Leave {
                date: end,
                reason: Reason::Other,
            });
        }
    }
    let age = |p: &Person| age_on(p.birth, start);
    let young_weight = |p: &Person| match age(p) {
        0..=21 => 1.5,
        22..=29 => 3.0,
        30..=34 => 2.0,
        35..=39 => 1.2,
        _ => 0.0,
    };
    let young_date = |rng: &mut Rng, p: &Person| {
        let d = resignation_date(rng, y.fy);
        (age_on(p.birth, d) <= YOUNG_MAX_AGE).then_some(d)
    };
    let fy_end = |_: &mut Rng, _: &Person| Some(end);
    let any_day =
        |rng: &mut Rng, _: &Person| Some(start + 1 + rng.below((end - start) as usize) as i32);
    let one = |_: &Person| 1.0;
    let v = Reason::Voluntary;

    // Young 自己都合 per body (the KPI): first the leavers of a given job, then any job.
    for (b, body) in [Body::Mayor, Body::Education, Body::Fire, Body::Hospital]
        .into_iter()
        .enumerate()
    {
        let forced: Vec<Job> = y
            .young_quit_jobs
            .iter()
            .filter(|(fb, _)| *fb == body)
            .map(|&(_, j)| j)
            .collect();
        for &job in &forced {
            let f = move |p: &Person| p.graded() && p.body == body && p.job == job;
            pick(rng, pop, &mut out, 1, v, &f, &young_weight, &young_date);
        }
        let f = |p: &Person| p.graded() && p.body == body && counts_for_kpi(p.body, p.job);
        let n = y.young_quits[b] - forced.len();
        pick(rng, pop, &mut out, n, v, &f, &young_weight, &young_date);
    }
    // Young 自己都合 of 病院局 医療技術 (not in the KPI).
    let f = |p: &Person| p.graded() && !counts_for_kpi(p.body, p.job);
    pick(
        rng,
        pop,
        &mut out,
        y.young_medtech_quits,
        v,
        &f,
        &young_weight,
        &young_date,
    );
    // Older 自己都合: one aged 39 on 1 April and 40 on the leave date (in some years), one
    // 再任用, the rest 正規 aged 40–59.
    let mut older = y.older_quits;
    if y.boundary_quit {
        let f = |p: &Person| p.graded() && age(p) == 39 && age_on(p.birth, end) == 40;
        let after_birthday = |rng: &mut Rng, p: &Person| {
            // The 40th birthday (29 February counts from 1 March, as in `age_on`).
            let (by, bm, bd) = ymd(p.birth);
            let b40 = day(by + 40, bm, bd);
            Some(b40 + rng.below((end - b40 + 1) as usize) as i32)
        };
        pick(rng, pop, &mut out, 1, v, &f, &one, &after_birthday);
        older -= 1;
    }
    let f = |p: &Person| p.kind == Kind::Rehired;
    pick(rng, pop, &mut out, 1, v, &f, &one, &any_day);
    let f = |p: &Person| p.graded() && age(p) >= 40;
    let older_date = |rng: &mut Rng, p: &Person| {
        let d = resignation_date(rng, y.fy);
        (age_on(p.birth, d) > YOUNG_MAX_AGE).then_some(d)
    };
    pick(rng, pop, &mut out, older - 1, v, &f, &one, &older_date);
    // 勧奨 (aged 50–58), 死亡, その他.
    let f = |p: &Person| p.graded() && (50..=58).contains(&age(p));
    pick(
        rng,
        pop,
        &mut out,
        y.encouraged,
        Reason::Encouraged,
        &f,
        &one,
        &fy_end,
    );
    let f = |p: &Person| p.graded() && age(p) >= 40;
    pick(
        rng,
        pop,
        &mut out,
        y.deaths,
        Reason::Death,
        &f,
        &one,
        &any_day,
    );
    let f = |p: &Person| p.graded() && age(p) >= 23;
    pick(
        rng,
        pop,
        &mut out,
        y.other,
        Reason::Other,
        &f,
        &one,
        &any_day,
    );
    // Doctors (mostly at the end of March or September) and 指導主事 (back to the schools).
    let f = |p: &Person| p.kind == Kind::Regular && p.job == Job::Doctor;
    let doctor_date = |rng: &mut Rng, _: &Person| {
        Some(if rng.chance(0.7) {
            end
        } else {
            month_end(y.fy, 9)
        })
    };
    pick(
        rng,
        pop,
        &mut out,
        y.doctors_leaving,
        Reason::Other,
        &f,
        &one,
        &doctor_date,
    );
    let f = |p: &Person| p.job == Job::Teacher;
    pick(
        rng,
        pop,
        &mut out,
        y.supervisors_leaving,
        Reason::Other,
        &f,
        &one,
        &fy_end,
    );
    out
}
