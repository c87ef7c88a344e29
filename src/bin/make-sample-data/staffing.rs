//! From one roster to the next 1 April: the leavers go, staff of 市長部局 move between
//! departments, vacant posts are filled by promotion from the post below (same body and job,
//! old enough, older staff more likely), the vacant 主事級 seats, doctors and 指導主事 are filled
//! by new hires, and 定年 retirees are taken on again as 再任用 (with a new 職員番号).
//!
//! The women's shares are steered to the next year's targets: the number of women among the
//! promotions into 課長級 (for the managers' share) and into 係長級, and among the new hires
//! (for the overall share), is the number that reaches the target, when there are enough.

use crate::dates::{age_on, april_first};
use crate::population::{new_person, promotion_title, Entry, Person};
use crate::prng::Rng;
use crate::roster_years::RosterYear;
use crate::staff::*;

/// The next free 職員番号 for new 正規 staff and for 再任用 staff.
pub struct Ids {
    pub regular: u32,
    pub rehired: u32,
}

impl Ids {
    pub fn after(pop: &[Person]) -> Ids {
        let max = |k: Kind| pop.iter().filter(|p| p.kind == k).map(|p| p.id).max();
        Ids {
            regular: max(Kind::Regular).unwrap_or(10_000) + 1,
            rehired: max(Kind::Rehired).unwrap_or(90_000) + 1,
        }
    }
}

/// Seats of post `g` over every body (the 行政委員会 included).
fn post_seats(g: usize) -> usize {
    let audit = AUDIT_STAFF.iter().filter(|s| s.0 == g).count();
    SEATS.iter().map(|s| s.2[g]).sum::<usize>() + audit
}

/// Number of women wanted so that `share` of `total` are women, given `have` already.
fn women_wanted(share: f64, total: usize, have: usize, slots: usize) -> usize {
    ((share * total as f64).round() as usize)
        .saturating_sub(have)
        .min(slots)
}

/// How many of `staff` hold post `g` in `job` of `body`.
fn seated(staff: &[Person], body: Body, job: Job, g: usize) -> usize {
    staff
        .iter()
        .filter(|p| (p.body, p.job, p.grade) == (body, job, Some(g)))
        .count()
}

/// Fills the vacant seats of post `g` (0..=3) by promotion from post `g + 1`; when `women` is
/// given, exactly that many of the promoted are women if candidates allow.
fn promote(rng: &mut Rng, staff: &mut [Person], g: usize, on_year: i32, women: Option<usize>) {
    let on = april_first(on_year);
    let mut vacancies: Vec<(Body, Job)> = Vec::new();
    for (body, job, seats) in SEATS {
        let have = seated(staff, body, job, g);
        vacancies.extend(std::iter::repeat_n(
            (body, job),
            seats[g].saturating_sub(have),
        ));
    }
    rng.shuffle(&mut vacancies);
    // Vacancies whose candidates are all of one sex (nurses, firefighters) first, so the
    // steering acts on the others.
    let mixed = |&(body, job): &(Body, Job)| {
        let sexes = staff
            .iter()
            .filter(|p| (p.body, p.job, p.grade) == (body, job, Some(g + 1)))
            .filter(|p| age_on(p.birth, on) >= MIN_PROMOTION_AGE[g])
            .fold([false; 2], |mut acc, p| {
                acc[usize::from(p.female)] = true;
                acc
            });
        sexes[0] && sexes[1]
    };
    vacancies.sort_by_key(|v| mixed(v));
    let mut need_women = women.map(|w| w.min(vacancies.len()));
    for (k, &(body, job)) in vacancies.iter().enumerate() {
        let left = vacancies.len() - k;
        let sex = need_women.map(|r| {
            if r >= left {
                Some(true)
            } else if r == 0 {
                Some(false)
            } else {
                None
            }
        });
        let below = |p: &Person, k: usize| (p.body, p.job, p.grade) == (body, job, Some(g + k));
        let old_enough = |p: &Person| age_on(p.birth, on) >= MIN_PROMOTION_AGE[g];
        // When the post below is empty (all retired at once), someone two posts below.
        let tries: [&dyn Fn(&Person) -> bool; 4] = [
            &|p| below(p, 1) && old_enough(p) && sex.flatten().is_none_or(|f| p.female == f),
            &|p| below(p, 1) && old_enough(p),
            &|p| below(p, 1),
            &|p| below(p, 2) && old_enough(p),
        ];
        let Some(cand) = tries.iter().find_map(|t| {
            let c: Vec<usize> = (0..staff.len()).filter(|&i| t(&staff[i])).collect();
            (!c.is_empty()).then_some(c)
        }) else {
            continue;
        };
        let w: Vec<f64> = cand
            .iter()
            .map(|&i| {
                let a = age_on(staff[i].birth, on) as f64 - MIN_PROMOTION_AGE[g] as f64 + 1.0;
                a.max(1.0) * a.max(1.0)
            })
            .collect();
        let p = &mut staff[cand[rng.weighted(&w)]];
        p.grade = Some(g);
        p.title = promotion_title(rng, g);
        if let Some(r) = need_women.as_mut() {
            if p.female && *r > 0 {
                *r -= 1;
            }
        }
    }
}

/// An age (on 1 April) for a new hire of `job`: mostly fresh graduates, some mid-career.
fn hire_age(rng: &mut Rng, job: Job) -> u32 {
    let (lo, hi) = job.hire_ages();
    if matches!(job, Job::Clerical | Job::Technical) && rng.chance(0.1) {
        return 28 + rng.below(9) as u32; // 社会人採用
    }
    let span = (hi - lo + 1) as usize;
    let w: Vec<f64> = (0..span).map(|k| 1.0 / (1.0 + k as f64)).collect();
    lo + rng.weighted(&w) as u32
}

/// The population on 1 April of `next.fy`, from the entries of the roster before it.
pub fn next_population(
    entries: &[Entry],
    next: &RosterYear,
    rng: &mut Rng,
    ids: &mut Ids,
) -> Vec<Person> {
    let on = april_first(next.fy);
    let mut staff: Vec<Person> = entries
        .iter()
        .filter(|e| e.leave.is_none())
        .map(|e| e.person.clone())
        .collect();
    // Transfers between the departments of 市長部局.
    for p in staff
        .iter_mut()
        .filter(|p| p.body == Body::Mayor && p.graded())
    {
        let rate = match p.job {
            Job::Clerical => 0.15,
            Job::Technical => 0.05,
            _ => 0.0,
        };
        if rng.chance(rate) {
            p.dept = dept_of(p.body, p.job, &mut |w| rng.weighted(w));
        }
    }
    // Promotions, top down.
    let women_in = |staff: &[Person], gs: std::ops::Range<usize>| {
        staff
            .iter()
            .filter(|p| p.female && p.grade.is_some_and(|g| gs.contains(&g)))
            .count()
    };
    for g in 0..SHUJI {
        let women = match g {
            KACHO => {
                let mgr = (0..MANAGERS).map(post_seats).sum();
                let have = women_in(&staff, 0..MANAGERS);
                Some(women_wanted(next.women_managers, mgr, have, usize::MAX))
            }
            KAKARI => {
                let have = women_in(&staff, KAKARI..KAKARI + 1);
                Some(women_wanted(
                    next.women_kakari,
                    post_seats(KAKARI),
                    have,
                    usize::MAX,
                ))
            }
            _ => None,
        };
        promote(rng, &mut staff, g, next.fy, women);
    }
    // New 正規 hires for the vacant 主事級 seats.
    let mut hires: Vec<(Body, Job)> = Vec::new();
    for (body, job, seats) in SEATS {
        let have = seated(&staff, body, job, SHUJI);
        let mut want = seats[SHUJI] as i64;
        if (body, job) == (Body::Mayor, Job::Clerical) {
            want += next.clerk_delta as i64;
        }
        let n = (want - have as i64).max(0) as usize;
        hires.extend(std::iter::repeat_n((body, job), n));
    }
    let graded = staff.iter().filter(|p| p.graded()).count() + hires.len();
    let have = women_in(&staff, 0..POSTS.len());
    let k = women_wanted(next.women, graded, have, hires.len());
    let w: Vec<f64> = hires.iter().map(|h| h.1.female_weight()).collect();
    let women = rng.pick_k(&w, k);
    for (i, &(body, job)) in hires.iter().enumerate() {
        let age = hire_age(rng, job);
        let female = women.contains(&i);
        let p = new_person(
            rng,
            ids.regular,
            body,
            job,
            Kind::Regular,
            Some(SHUJI),
            female,
            age,
            on,
        );
        ids.regular += 1;
        staff.push(p);
    }
    // Doctors and 指導主事 replace those who left.
    for (job, body, seats) in [
        (Job::Doctor, Body::Hospital, DOCTORS),
        (Job::Teacher, Body::Education, SUPERVISORS),
    ] {
        let have = staff
            .iter()
            .filter(|p| p.kind == Kind::Regular && p.job == job)
            .count();
        for _ in have..seats {
            let age = hire_age(rng, job);
            let female = rng.chance(0.25);
            let p = new_person(
                rng,
                ids.regular,
                body,
                job,
                Kind::Regular,
                None,
                female,
                age,
                on,
            );
            ids.regular += 1;
            staff.push(p);
        }
    }
    // 再任用: some of this year's 定年 retirees, with a new 職員番号.
    let have = staff.iter().filter(|p| p.kind == Kind::Rehired).count();
    let retirees: Vec<&Person> = entries
        .iter()
        .filter(|e| e.leave.is_some_and(|l| l.reason == Reason::Retirement))
        .map(|e| &e.person)
        .collect();
    let n = next.rehired.saturating_sub(have).min(retirees.len());
    let mut chosen = rng.sample(retirees.len(), n);
    chosen.sort_unstable();
    for i in chosen {
        let mut p = retirees[i].clone();
        p.id = ids.rehired;
        ids.rehired += 1;
        p.kind = Kind::Rehired;
        p.grade = None;
        p.title = if rng.chance(0.7) {
            SENIOR_TITLE
        } else {
            "主査"
        };
        p.hired = on;
        staff.push(p);
    }
    for p in &mut staff {
        p.refresh_title(on);
    }
    staff.sort_by_key(|p| p.id);
    staff
}
