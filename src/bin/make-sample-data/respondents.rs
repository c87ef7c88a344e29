//! The simulated respondents of one wave: attributes, latent engagement and statement scores,
//! answers assigned by rank within each age band, item non-response, the multi-select answers
//! and comments, and the response times; in export order.

use crate::prng::Rng;
use crate::questionnaire::*;
use crate::waves::{Wave, WINDOW_DAYS};

/// One simulated respondent.
pub struct Respondent {
    pub age: usize,
    pub emp: usize,
    pub dept: usize,
    /// Latent engagement (the やりがい latent).
    e: f64,
    /// Latent score per statement.
    z: [f64; 16],
    /// Answer index into SCALE per statement; None = blank.
    pub answers: [Option<usize>; 16],
    pub unsat: Vec<usize>,
    pub needs: Vec<usize>,
    pub stress: Vec<usize>,
    pub quit: Vec<usize>,
    pub comment: Option<&'static str>,
    /// Seconds since the start of the survey window.
    pub time: u32,
}

impl Respondent {
    pub fn agrees(&self, k: usize) -> Option<bool> {
        self.answers[k].map(|a| a <= 1)
    }
    /// やりがい group for the reason weights: 0 = 有, 1 = 無. A blank
    /// やりがい answer falls back to the sign of the latent.
    pub fn group(&self) -> usize {
        match self.agrees(STMT_YARIGAI) {
            Some(true) => 0,
            Some(false) => 1,
            None => usize::from(self.e < 0.0),
        }
    }
}

fn n_choices(rng: &mut Rng) -> usize {
    rng.weighted(&N_CHOICES_W) + 1
}

/// Agree share (0..1) of statement `k` in age band `a` for this wave, given
/// the KPI correction `c` (percentage points).
fn band_share(wave: &Wave, k: usize, a: usize, c: f64) -> f64 {
    let s = &STATEMENTS[k];
    let sign = if s.loading < 0.0 { -1.0 } else { 1.0 };
    ((s.age_pct[a] + c + sign * wave.shift_pp) / 100.0).clamp(0.02, 0.98)
}

/// Simulates the respondents of `wave` from its own RNG stream, sorted by response time.
pub fn generate(wave: &Wave) -> Vec<Respondent> {
    let mut rng = Rng::stream(wave.stream);
    let n = wave.respondents[0] + wave.respondents[1];

    // Employment types: exact counts, shuffled.
    let mut emps: Vec<usize> = (0..n)
        .map(|i| usize::from(i >= wave.respondents[0]))
        .collect();
    rng.shuffle(&mut emps);

    // Pass 1: attributes and latent scores.
    let mut people: Vec<Respondent> = emps
        .into_iter()
        .map(|emp| {
            let age = rng.weighted(&AGE_WEIGHTS[emp]);
            let dept = rng.weighted(&DEPT_WEIGHTS[emp]);
            let e = rng.normal() + DEPT_SHIFT[dept];
            let mut z = [0.0; 16];
            for (k, s) in STATEMENTS.iter().enumerate() {
                let noise = rng.normal();
                let l = s.loading;
                z[k] = l * e + (1.0 - l * l).sqrt() * noise + s.emp_shift[emp];
            }
            Respondent {
                age,
                emp,
                dept,
                e,
                z,
                answers: [None; 16],
                unsat: Vec::new(),
                needs: Vec::new(),
                stress: Vec::new(),
                quit: Vec::new(),
                comment: None,
                time: 0,
            }
        })
        .collect();

    // Pass 2: answers by rank of z within each age band.
    let mut band_count = [0usize; 5];
    for p in &people {
        band_count[p.age] += 1;
    }
    for (k, s) in STATEMENTS.iter().enumerate() {
        // KPI correction: move every band by the same number of points so
        // the overall share (actual age mix) equals the KPI baseline.
        let c = match s.kpi_r5 {
            None => 0.0,
            Some(target) => {
                let mixed: f64 = (0..5)
                    .map(|a| s.age_pct[a] * band_count[a] as f64 / n as f64)
                    .sum();
                target - mixed
            }
        };
        for a in 0..5 {
            let mut idx: Vec<usize> = (0..n).filter(|&i| people[i].age == a).collect();
            idx.sort_by(|&i, &j| people[j].z[k].total_cmp(&people[i].z[k]));
            let nb = idx.len();
            let p = band_share(wave, k, a, c);
            let n_agree = (p * nb as f64).round() as usize;
            let n_top = (p * s.top * nb as f64).round() as usize;
            let n_bottom = ((1.0 - p) * s.bottom * nb as f64).round() as usize;
            for (rank, &i) in idx.iter().enumerate() {
                let ans = if rank < n_top {
                    0
                } else if rank < n_agree {
                    1
                } else if rank < nb - n_bottom {
                    2
                } else {
                    3
                };
                people[i].answers[k] = Some(ans);
            }
        }
    }
    // Item non-response: exactly round(rate·n) blank cells per statement,
    // at random respondents.
    for (k, s) in STATEMENTS.iter().enumerate() {
        let m = (s.nonresponse * n as f64).round() as usize;
        for i in rng.sample(n, m) {
            people[i].answers[k] = None;
        }
    }

    // Pass 3: multi-select questions and comments.
    for p in people.iter_mut() {
        let g = p.group();
        // 満足していない理由: only for the bottom two answers of statement 1.
        if p.agrees(STMT_SATISFIED) == Some(false) && !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.unsat = rng.pick_k(&UNSAT_W[g], k);
        }
        if !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.needs = rng.pick_k(&NEEDS_W[g], k);
        }
        // 辞めたい理由: only for the top two answers of statement 14.
        if p.agrees(STMT_QUIT) == Some(true) && !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.quit = rng.pick_k(&QUIT_W[g], k);
        }
        if rng.chance(COMMENT_RATE) {
            p.comment = Some(COMMENTS[rng.below(COMMENTS.len())]);
        }
    }

    // ストレス要因: exactly round(atmosphere × answering) respondents choose
    // 所属部署の雰囲気, drawn with weight 3 if they disagreed with the
    // communication statement, 1 otherwise.
    let answering: Vec<usize> = (0..n).filter(|_| !rng.chance(MULTI_NONRESPONSE)).collect();
    let m = (wave.atmosphere * answering.len() as f64).round() as usize;
    let mut w: Vec<f64> = answering
        .iter()
        .map(|&i| match people[i].agrees(STMT_COMMUNICATION) {
            Some(false) => ATMOSPHERE_WEIGHT_DISAGREE,
            _ => 1.0,
        })
        .collect();
    let mut atmosphere = vec![false; n];
    for _ in 0..m {
        let j = rng.weighted(&w);
        w[j] = 0.0;
        atmosphere[answering[j]] = true;
    }
    for &i in &answering {
        let p = &mut people[i];
        let g = p.group();
        if atmosphere[i] {
            let k = rng.weighted(&STRESS_N_CHOICES_W);
            let others = rng.pick_k(&STRESS_OTHER_W[g], k);
            p.stress = std::iter::once(0)
                .chain(others.iter().map(|o| o + 1))
                .collect();
        } else {
            let well = p.agrees(STMT_MENTAL) == Some(true);
            if rng.chance(STRESS_NONE_P[usize::from(!well)]) {
                p.stress = vec![5];
            } else {
                let k = rng.weighted(&STRESS_N_CHOICES_W) + 1;
                p.stress = rng
                    .pick_k(&STRESS_OTHER_W[g], k)
                    .iter()
                    .map(|o| o + 1)
                    .collect();
            }
        }
    }

    // Response times: weekdays, busier on the first two and last three days,
    // mostly office hours.
    let day_w: Vec<f64> = (0..WINDOW_DAYS)
        .map(|d| {
            let weekday = d % 7 < 5;
            let base = if weekday { 1.0 } else { 0.06 };
            let rush = if d < 2 {
                1.8
            } else if d >= WINDOW_DAYS - 3 {
                1.4
            } else {
                1.0
            };
            base * rush
        })
        .collect();
    for p in people.iter_mut() {
        let day = rng.weighted(&day_w) as u32;
        let u = rng.uniform();
        let (from, to) = if u < 0.85 {
            (8 * 3600 + 1800, 17 * 3600 + 1800)
        } else if u < 0.95 {
            (17 * 3600 + 1800, 21 * 3600 + 1800)
        } else {
            (7 * 3600, 8 * 3600 + 1800)
        };
        let sec = from + rng.below((to - from) as usize) as u32;
        p.time = day * 86_400 + sec;
    }
    // Export order: by response time (stable sort, ties keep generation order).
    people.sort_by_key(|p| p.time);
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waves::WAVES;

    #[test]
    fn nonresponse_and_routing_within_bounds() {
        for wave in &WAVES {
            let people = generate(wave);
            let n = people.len() as f64;
            for k in 0..16 {
                let blank = people.iter().filter(|p| p.answers[k].is_none()).count() as f64;
                let share = blank / n;
                assert!(
                    (0.004..=0.06).contains(&share),
                    "{} stmt {}: {share}",
                    wave.code,
                    k + 1
                );
            }
            for p in &people {
                if p.agrees(STMT_SATISFIED) != Some(false) {
                    assert!(p.unsat.is_empty());
                }
                if p.agrees(STMT_QUIT) != Some(true) {
                    assert!(p.quit.is_empty());
                }
                for v in [&p.unsat, &p.needs, &p.stress, &p.quit] {
                    assert!(v.len() <= 3);
                }
                if p.stress.contains(&5) {
                    assert_eq!(p.stress, vec![5]);
                }
            }
        }
    }

    #[test]
    fn kpi_baselines_are_close_in_r5() {
        let people = generate(&WAVES[1]);
        for (k, s) in STATEMENTS.iter().enumerate() {
            if let Some(target) = s.kpi_r5 {
                let answered: Vec<_> = people.iter().filter_map(|p| p.agrees(k)).collect();
                let share = answered.iter().filter(|&&a| a).count() as f64 / answered.len() as f64;
                assert!(
                    (share * 100.0 - target).abs() < 1.5,
                    "stmt {}: {share}",
                    k + 1
                );
            }
        }
        let answered: Vec<_> = people.iter().filter(|p| !p.stress.is_empty()).collect();
        let atm = answered.iter().filter(|p| p.stress.contains(&0)).count() as f64;
        assert!((atm / answered.len() as f64 - 0.297).abs() < 0.002);
    }
}
