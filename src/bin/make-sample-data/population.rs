//! The simulated staff: one [`Person`] per member, the roster entry (a person on 1 April and
//! their leave during the fiscal year, if any), new members (birth date from an age, name,
//! department, 主任 age) and the population on 1 April 2019, the start of the simulation.
//!
//! The age structure of the first population comes from a cohort weight (thin cohorts aged
//! 32–40 in 2019, the years of restrained hiring, hence the dip at 36–44 in 2023) times a
//! weight per post, so older staff hold the higher posts.

use crate::dates::{age_on, april_first, day, Day};
use crate::prng::Rng;
use crate::roster_defects::ERA_DEFECT_BIRTH;
use crate::roster_years::ROSTER_YEARS;
use crate::staff::*;

// A given-name index is valid for either sex.
const _: () = assert!(MALE_NAMES.len() == FEMALE_NAMES.len());

/// One staff member as on a roster's reference date.
#[derive(Clone, Debug)]
pub struct Person {
    pub id: u32,
    pub surname: usize,
    /// Index into [`MALE_NAMES`] or [`FEMALE_NAMES`].
    pub given: usize,
    pub birth: Day,
    pub female: bool,
    pub body: Body,
    pub dept: &'static str,
    pub kind: Kind,
    pub job: Job,
    /// Post of 正規 graded staff; `None` for 特別職, 医師, 指導主事 and 再任用.
    pub grade: Option<usize>,
    pub title: &'static str,
    pub hired: Day,
    /// A 主事級 member is titled 主任 from this age on.
    pub senior_age: u32,
    /// Never leaves (the 行政委員会 staff, the holder of the era-date defect).
    pub pinned: bool,
}

impl Person {
    pub fn name(&self) -> String {
        let given = if self.female {
            FEMALE_NAMES[self.given]
        } else {
            MALE_NAMES[self.given]
        };
        format!("{}\u{3000}{}", SURNAMES[self.surname], given)
    }

    /// 正規 staff holding a post: the group of the women's shares and the headcounts.
    pub fn graded(&self) -> bool {
        self.grade.is_some()
    }

    /// Sets the 主事級 title from the age on `on` (主任 from the personal 主任 age).
    pub fn refresh_title(&mut self, on: Day) {
        if self.grade == Some(SHUJI) {
            self.title = if age_on(self.birth, on) >= self.senior_age {
                SENIOR_TITLE
            } else {
                self.job.junior_title()
            };
        }
    }
}

/// A person leaving during the fiscal year.
#[derive(Clone, Copy, Debug)]
pub struct Leave {
    pub date: Day,
    pub reason: Reason,
}

/// One roster row: the person on 1 April and their leave in the fiscal year, if any.
pub struct Entry {
    pub person: Person,
    pub leave: Option<Leave>,
}

/// A birth date making someone exactly `age` on `on` (uniform over that year of birth dates).
pub fn birth_for_age(rng: &mut Rng, age: u32, on: Day) -> Day {
    let (y, m, d) = crate::dates::ymd(on);
    let latest = day(y - age as i32, m, d);
    let earliest = day(y - age as i32 - 1, m, d) + 1;
    earliest + rng.below((latest - earliest + 1) as usize) as i32
}

/// A new member with a random name, birth date for `age` on `on` and department.
#[allow(clippy::too_many_arguments)]
pub fn new_person(
    rng: &mut Rng,
    id: u32,
    body: Body,
    job: Job,
    kind: Kind,
    grade: Option<usize>,
    female: bool,
    age: u32,
    on: Day,
) -> Person {
    let birth = birth_for_age(rng, age, on);
    let surname = rng.below(SURNAMES.len());
    let given = rng.below(MALE_NAMES.len());
    let dept = dept_of(body, job, &mut |w| rng.weighted(w));
    let senior_age = if job == Job::Firefighter { 30 } else { 28 } + rng.below(7) as u32;
    Person {
        id,
        surname,
        given,
        birth,
        female,
        body,
        dept,
        kind,
        job,
        grade,
        title: job.junior_title(),
        hired: on,
        senior_age,
        pinned: false,
    }
}

/// Draws the title of someone entering post `g` (0..=3).
pub fn promotion_title(rng: &mut Rng, g: usize) -> &'static str {
    let opts = PROMOTION_TITLES[g];
    let w: Vec<f64> = opts.iter().map(|o| o.1).collect();
    opts[rng.weighted(&w)].0
}

/// Cohort weight by age on 1 April 2019: few aged 18–21, many 22–31, the dip 32–40 (hiring
/// restrained in the 2000s), many 44–59.
fn cohort_weight(age: u32) -> f64 {
    match age {
        18..=19 => 0.55,
        20..=21 => 0.8,
        22..=27 => 1.15,
        28..=31 => 1.0,
        32..=34 => 0.62,
        35..=40 => 0.48,
        41..=42 => 0.85,
        43..=47 => 1.1,
        _ => 1.2,
    }
}

/// Weight of an age (on 1 April 2019) within a post.
fn post_weight(g: usize, age: u32) -> f64 {
    let a = age as f64;
    match g {
        0 if age >= 55 => a - 54.0,
        1 if age >= 52 => a - 51.0,
        2 if age >= 45 => (a - 44.0).min(8.0),
        3 if age >= 34 => (a - 33.0).min(10.0) * if age >= 52 { 0.7 } else { 1.0 },
        4 => match age {
            18..=31 => 1.0,
            32..=39 => 0.85,
            40..=49 => 0.3,
            _ => 0.2,
        },
        _ => 0.0,
    }
}

/// An age (on 1 April 2019) for post `g` and `job`, between 18 and 59.
fn initial_age(rng: &mut Rng, g: usize, job: Job) -> u32 {
    let min = match job {
        Job::Firefighter => 18,
        Job::Nurse | Job::MedTech | Job::Childcare => 21,
        _ => 18,
    };
    let w: Vec<f64> = (18..=59u32)
        .map(|a| {
            // Few were hired younger than the job's usual first age (高卒).
            let teen = if a < job.hire_ages().0 && job != Job::Firefighter {
                0.1
            } else {
                1.0
            };
            if a < min {
                0.0
            } else {
                cohort_weight(a) * post_weight(g, a) * teen
            }
        })
        .collect();
    18 + rng.weighted(&w) as u32
}

/// The 1 April of a past year on which someone aged `age` on `on_year`'s 1 April was hired: the
/// hiring age is weighted towards the job's usual first age, with a few 高卒 (18) and
/// mid-career (社会人採用) hires.
fn past_hire(rng: &mut Rng, job: Job, age: u32, on_year: i32) -> Day {
    let (lo, hi) = job.hire_ages();
    let w: Vec<f64> = (18..=age)
        .map(|h| match h {
            _ if age < lo => 1.0,
            h if h < lo => 0.1 * f64::from(job == Job::Clerical),
            h if h <= hi => 1.0 / f64::from(1 + h - lo),
            h if h <= 40 => 0.015,
            _ => 0.0,
        })
        .collect();
    let h = 18 + rng.weighted(&w) as u32;
    april_first(on_year - (age - h) as i32)
}

/// The population on 1 April 2019 (roster R1), ordered by 職員番号.
pub fn initial_population(rng: &mut Rng) -> Vec<Person> {
    let y0 = &ROSTER_YEARS[0];
    let on = april_first(y0.fy);
    let mut staff: Vec<Person> = Vec::new();
    for (body, job, seats) in SEATS {
        for (g, &n) in seats.iter().enumerate() {
            for _ in 0..n {
                let age = initial_age(rng, g, job);
                let mut p = new_person(rng, 0, body, job, Kind::Regular, Some(g), false, age, on);
                p.hired = past_hire(rng, job, age, y0.fy);
                if g < SHUJI {
                    p.title = promotion_title(rng, g);
                }
                staff.push(p);
            }
        }
    }
    for (g, title) in AUDIT_STAFF {
        let age = initial_age(rng, g, Job::Clerical).clamp(30, 50);
        let mut p = new_person(
            rng,
            0,
            Body::Audit,
            Job::Clerical,
            Kind::Regular,
            Some(g),
            false,
            age,
            on,
        );
        p.hired = past_hire(rng, Job::Clerical, age, y0.fy);
        p.title = title;
        p.pinned = true;
        staff.push(p);
    }
    // Women per post group: managers, 係長級, 主事級 (weights by job and post).
    let seats_in = |gs: &[usize]| {
        staff
            .iter()
            .filter(|p| gs.contains(&p.grade.unwrap()))
            .count()
    };
    let n_all = staff.len() as f64;
    let w_mgr = (y0.women_managers * seats_in(&[0, 1, 2]) as f64).round() as usize;
    let w_kakari = (y0.women_kakari * seats_in(&[KAKARI]) as f64).round() as usize;
    let w_all = (y0.women * n_all).round() as usize;
    for (gs, k) in [
        (&[0usize, 1, 2][..], w_mgr),
        (&[KAKARI][..], w_kakari),
        (&[SHUJI][..], w_all - w_mgr - w_kakari),
    ] {
        let idx: Vec<usize> = (0..staff.len())
            .filter(|&i| gs.contains(&staff[i].grade.unwrap()))
            .collect();
        let w: Vec<f64> = idx
            .iter()
            .map(|&i| {
                staff[i].job.female_weight() * [0.3, 0.6, 1.0, 1.0, 1.0][staff[i].grade.unwrap()]
            })
            .collect();
        for j in rng.pick_k(&w, k) {
            staff[idx[j]].female = true;
        }
    }
    // Doctors and 指導主事.
    for i in 0..DOCTORS + SUPERVISORS {
        let (body, job, age) = if i < DOCTORS {
            let w: Vec<f64> = (28..=59u32)
                .map(|a| if (33..=50).contains(&a) { 2.0 } else { 1.0 })
                .collect();
            (Body::Hospital, Job::Doctor, 28 + rng.weighted(&w) as u32)
        } else {
            (Body::Education, Job::Teacher, 40 + rng.below(15) as u32)
        };
        let female = rng.chance(if job == Job::Doctor { 0.2 } else { 0.25 });
        let mut p = new_person(rng, 0, body, job, Kind::Regular, None, female, age, on);
        let span = if job == Job::Doctor {
            (age - 27).min(15)
        } else {
            4
        };
        p.hired = april_first(y0.fy - rng.below(span as usize) as i32);
        staff.push(p);
    }
    // 職員番号 in order of hiring: S010001 on.
    let mut order: Vec<(Day, usize)> = staff
        .iter()
        .enumerate()
        .map(|(i, p)| (p.hired, i))
        .collect();
    rng.shuffle(&mut order);
    order.sort_by_key(|&(d, _)| d);
    for (k, &(_, i)) in order.iter().enumerate() {
        staff[i].id = 10_001 + k as u32;
    }
    // 再任用 (former 定年 retirees, appointed on the 1 April after their 定年, ages 60–64).
    for k in 0..y0.rehired {
        let age = 60 + rng.weighted(&[1.3, 1.15, 1.0, 0.85, 0.7]) as u32;
        let body = BODIES[rng.weighted(&[0.75, 0.06, 0.08, 0.11])];
        let job = match body {
            Body::Mayor => {
                [Job::Clerical, Job::Technical, Job::Childcare][rng.weighted(&[0.75, 0.2, 0.05])]
            }
            Body::Fire => Job::Firefighter,
            Body::Hospital => {
                [Job::Nurse, Job::Clerical, Job::MedTech][rng.weighted(&[0.6, 0.2, 0.2])]
            }
            _ => Job::Clerical,
        };
        let female = rng.chance(job.female_weight() / (job.female_weight() + 2.0));
        let mut p = new_person(
            rng,
            90_001 + k as u32,
            body,
            job,
            Kind::Rehired,
            None,
            female,
            age,
            on,
        );
        p.hired = april_first(y0.fy - (age - 60) as i32);
        p.title = if rng.chance(0.7) {
            SENIOR_TITLE
        } else {
            "主査"
        };
        staff.push(p);
    }
    // The four 特別職 (fixed people).
    let specials = [
        (1958, 9, 12, false, (2015, 5, 1)),
        (1961, 6, 3, false, (2017, 4, 1)),
        (1956, 11, 20, true, (2018, 10, 1)),
        (1955, 2, 8, false, (2016, 4, 1)),
    ];
    for (k, (y, m, d, female, h)) in specials.into_iter().enumerate() {
        let job = if k == 3 { Job::Doctor } else { Job::Clerical };
        let mut p = new_person(
            rng,
            1 + k as u32,
            Body::Mayor,
            job,
            Kind::Special,
            None,
            female,
            60,
            on,
        );
        p.birth = day(y, m, d);
        p.hired = day(h.0, h.1, h.2);
        p.title = SPECIAL_TITLES[k];
        p.dept = SPECIAL_DEPT;
        staff.push(p);
    }
    // The holder of the era-date defect of roster R2: 市長部局 事務 主事級, never leaves.
    let (y, m, d) = ERA_DEFECT_BIRTH;
    let holder = staff
        .iter_mut()
        .find(|p| {
            (p.body, p.job, p.grade) == (Body::Mayor, Job::Clerical, Some(SHUJI))
                && age_on(p.birth, on) == age_on(day(y, m, d), on)
        })
        .expect("a 主事 of the right age");
    holder.birth = day(y, m, d);
    holder.pinned = true;
    for p in &mut staff {
        p.refresh_title(on);
    }
    staff.sort_by_key(|p| p.id);
    staff
}
