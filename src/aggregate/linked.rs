//! Confidentiality across linked breakdowns: the age table, the department table and the
//! others count the same respondents, so a cell hidden in one must not follow from the shown
//! cells of all of them together (the statistical agencies' rule for linked tables).
//!
//! Example: department 監査室 (3 people) is hidden, and 企画課 (8) with it as its partner, so
//! the department table gives only the two together. If every 60代 respondent works in
//! 企画課, the age table's 60代 column is 企画課, and 監査室 = 全体 − the shown departments −
//! 60代. Every published count is a sum over respondents, so a hidden cell follows from the
//! shown ones exactly when its respondents' indicator is a linear combination of theirs. The
//! respondents are grouped into atoms (one per combination of groups across the segments) and
//! the test is a rank test over those atoms. Where a hidden cell follows, the cheapest shown
//! cell (with a partner where its own breakdown would give it back) is hidden too, until none
//! follows.
//!
//! Membership is taken over all respondents of the wave; restricted to those who answered an
//! item, a combination still holds, so what follows over everyone follows per item too.

use super::suppress::{Candidate, Rule};
use super::ALL_SEGMENT;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// Per wave, the respondents grouped by their group in every segment.
#[derive(Debug, Default, Clone)]
pub struct Links {
    waves: BTreeMap<i32, Atoms>,
}

/// One wave's atoms: for each atom, its group in each segment (`None` where it has none).
#[derive(Debug, Default, Clone)]
struct Atoms {
    segments: Vec<String>,
    groups: Vec<Vec<Option<String>>>,
}

const TOLERANCE: f64 = 1e-9;

impl Links {
    /// Builds the atoms of every wave from a frame with at least one row for every
    /// combination of groups that occurs (the segmented frame, or one row per combination:
    /// `cube::Combinations::representatives`), the segment columns named by `columns`:
    /// segment id → column.
    pub fn new(frame: &DataFrame, columns: &[(String, String)]) -> PolarsResult<Links> {
        if columns.len() < 2 {
            // A single breakdown links to nothing but its own total.
            return Ok(Links::default());
        }
        let mut keys = vec![col("wave")];
        keys.extend(
            columns
                .iter()
                .map(|(id, c)| col(c.as_str()).cast(DataType::String).alias(id.as_str())),
        );
        let atoms = frame
            .clone()
            .lazy()
            .select(keys)
            .unique(None, UniqueKeepStrategy::First)
            .collect()?;
        let wave = atoms.column("wave")?.i32()?.clone();
        let cols: Vec<StringChunked> = columns
            .iter()
            .map(|(id, _)| Ok(atoms.column(id)?.str()?.clone()))
            .collect::<PolarsResult<_>>()?;
        // Sorted, so the elimination runs in the same order on every run.
        let mut sorted: BTreeMap<i32, BTreeSet<Vec<Option<String>>>> = BTreeMap::new();
        for i in 0..atoms.height() {
            sorted
                .entry(wave.get(i).unwrap_or(0))
                .or_default()
                .insert(cols.iter().map(|c| c.get(i).map(str::to_string)).collect());
        }
        let segments: Vec<String> = columns.iter().map(|(id, _)| id.clone()).collect();
        let waves = sorted
            .into_iter()
            .map(|(w, groups)| {
                let atoms = Atoms {
                    segments: segments.clone(),
                    groups: groups.into_iter().collect(),
                };
                (w, atoms)
            })
            .collect();
        Ok(Links { waves })
    }

    /// The 0/1 vector of the respondents of `group` of `segment` over the wave's atoms
    /// (everyone for the whole population), or `None` when the wave has no atoms.
    fn indicator(&self, wave: i32, segment: &str, group: &str) -> Option<Vec<f64>> {
        let atoms = self.waves.get(&wave)?;
        if segment == ALL_SEGMENT {
            return Some(vec![1.0; atoms.groups.len()]);
        }
        let s = atoms.segments.iter().position(|x| x == segment)?;
        Some(
            atoms
                .groups
                .iter()
                .map(|g| f64::from(u8::from(g[s].as_deref() == Some(group))))
                .collect(),
        )
    }

    /// Whether the wave has atoms to test (more than one breakdown).
    pub fn covers(&self, wave: i32) -> bool {
        self.waves.contains_key(&wave)
    }

    /// The shown cells `shown` of a wave (each a `(segment, group)`, 全体 included where it
    /// is shown), reduced once to test any number of hidden cells against.
    fn basis(&self, wave: i32, shown: &[(&str, &str)]) -> Basis {
        let mut basis = Basis::default();
        for (s, g) in shown {
            if let Some(v) = self.indicator(wave, s, g) {
                basis.add(v);
            }
        }
        basis
    }

    /// Whether the hidden cell of `(segment, group)` follows from `basis`.
    fn follows(&self, wave: i32, hidden: (&str, &str), basis: &Basis) -> bool {
        self.indicator(wave, hidden.0, hidden.1)
            .is_some_and(|v| basis.spans(v))
    }
}

/// Hides more cells of `wave` until no hidden cell of a thing (item, option or the group
/// itself) follows from the thing's shown cells across every breakdown. Each step hides the
/// cheapest shown cell (smallest base) that keeps the exposed cell from following, with the
/// smallest other shown cell of its breakdown as its partner when it would be the only one
/// hidden there.
pub fn hide_linked(candidates: &[Candidate], out: &mut [Option<Rule>], wave: i32, links: &Links) {
    if !links.covers(wave) {
        return;
    }
    let mut things: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, c) in candidates.iter().enumerate() {
        if c.group.0 == wave {
            things.entry(c.key.as_str()).or_default().push(i);
        }
    }
    for members in things.values() {
        while let Some(exposed) = exposed(candidates, out, members, (wave, links)) {
            let actions = actions(candidates, out, members);
            let Some(chosen) = actions
                .iter()
                .find(|a| {
                    let mut trial = out.to_vec();
                    apply(&mut trial, a);
                    !follows(candidates, &trial, members, exposed, (wave, links))
                })
                .or(actions.first())
            else {
                break;
            };
            apply(out, chosen);
        }
    }
}

/// The shown cells of a thing as (segment, group).
fn shown<'a>(
    candidates: &'a [Candidate],
    out: &[Option<Rule>],
    members: &[usize],
) -> Vec<(&'a str, &'a str)> {
    members
        .iter()
        .filter(|i| out[**i].is_none())
        .map(|i| {
            (
                candidates[*i].group.1.as_str(),
                candidates[*i].group.2.as_str(),
            )
        })
        .collect()
}

/// Whether the hidden cell `hidden` follows from the shown cells of its thing.
fn follows(
    candidates: &[Candidate],
    out: &[Option<Rule>],
    members: &[usize],
    hidden: usize,
    (wave, links): (i32, &Links),
) -> bool {
    let basis = links.basis(wave, &shown(candidates, out, members));
    let c = &candidates[hidden];
    links.follows(wave, (c.group.1.as_str(), c.group.2.as_str()), &basis)
}

/// The first hidden cell (of a breakdown, with anyone in it) that follows from the shown ones.
fn exposed(
    candidates: &[Candidate],
    out: &[Option<Rule>],
    members: &[usize],
    (wave, links): (i32, &Links),
) -> Option<usize> {
    let mut hidden = members.iter().copied().filter(|&i| {
        let c = &candidates[i];
        out[i].is_some() && c.group.1 != ALL_SEGMENT && c.base > 0
    });
    let first = hidden.next()?;
    let basis = links.basis(wave, &shown(candidates, out, members));
    std::iter::once(first).chain(hidden).find(|&i| {
        let c = &candidates[i];
        links.follows(wave, (c.group.1.as_str(), c.group.2.as_str()), &basis)
    })
}

/// One way to hide more: a shown cell, and its partner where it would be alone.
struct Action {
    cell: usize,
    partner: Option<usize>,
    cost: u64,
}

fn apply(out: &mut [Option<Rule>], a: &Action) {
    out[a.cell] = Some(Rule::Linked);
    if let Some(p) = a.partner {
        out[p] = Some(Rule::Partner);
    }
}

/// Every shown cell of a breakdown as an action, cheapest first (then the smaller cell).
fn actions(candidates: &[Candidate], out: &[Option<Rule>], members: &[usize]) -> Vec<Action> {
    let segment = |i: usize| candidates[i].group.1.as_str();
    let mut actions: Vec<Action> = members
        .iter()
        .copied()
        .filter(|&i| out[i].is_none() && segment(i) != ALL_SEGMENT)
        .map(|i| {
            let alone = !members
                .iter()
                .any(|&j| segment(j) == segment(i) && out[j].is_some());
            let partner = members
                .iter()
                .copied()
                .filter(|&j| j != i && segment(j) == segment(i) && out[j].is_none())
                .min_by_key(|&j| (candidates[j].base, candidates[j].group.2.as_str()))
                .filter(|_| alone);
            let cost = candidates[i].base as u64 + partner.map_or(0, |p| candidates[p].base as u64);
            Action {
                cell: i,
                partner,
                cost,
            }
        })
        .collect();
    actions.sort_by_key(|a| {
        (
            a.cost,
            candidates[a.cell].base,
            candidates[a.cell].group.1.clone(),
            candidates[a.cell].group.2.clone(),
        )
    });
    actions
}

/// Vectors in row echelon form (Gaussian elimination with partial pivoting; the vectors are
/// 0/1, so a tolerance of 1e-9 separates zero from not).
#[derive(Default)]
struct Basis {
    rows: Vec<(usize, Vec<f64>)>,
}

impl Basis {
    /// `x` less its components along the rows.
    fn reduce(&self, mut x: Vec<f64>) -> Vec<f64> {
        for (p, r) in &self.rows {
            let f = x[*p] / r[*p];
            if f.abs() > TOLERANCE {
                for (xi, ri) in x.iter_mut().zip(r) {
                    *xi -= f * ri;
                }
            }
        }
        x
    }

    fn add(&mut self, v: Vec<f64>) {
        let x = self.reduce(v);
        let pivot = x
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
            .filter(|(_, v)| v.abs() > TOLERANCE)
            .map(|(i, _)| i);
        if let Some(p) = pivot {
            self.rows.push((p, x));
        }
    }

    /// Whether `v` is a linear combination of the vectors added.
    fn spans(&self, v: Vec<f64>) -> bool {
        self.reduce(v).iter().all(|x| x.abs() <= TOLERANCE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Atoms of one wave (2024) with two segments, `dept` and `age`, from `(dept, age)` pairs.
    fn links(people: &[(&str, &str)]) -> Links {
        let frame = df!(
            "wave" => vec![2024i32; people.len()],
            "seg:dept" => people.iter().map(|p| p.0).collect::<Vec<_>>(),
            "seg:age" => people.iter().map(|p| p.1).collect::<Vec<_>>(),
        )
        .unwrap();
        Links::new(
            &frame,
            &[
                ("dept".into(), "seg:dept".into()),
                ("age".into(), "seg:age".into()),
            ],
        )
        .unwrap()
    }

    #[test]
    fn a_hidden_department_follows_when_its_partner_is_an_age_band() {
        // 監査室 (hidden) is all 40代; 企画課 (its partner) is all 60代; 総務課 spans 40代 and
        // 50代. By hand: 監査室 = 全体 − 総務課 − 60代.
        let l = links(&[
            ("監査室", "40代"),
            ("企画課", "60代"),
            ("総務課", "40代"),
            ("総務課", "50代"),
        ]);
        let shown = [
            ("all", "全体"),
            ("dept", "総務課"),
            ("age", "40代"),
            ("age", "50代"),
            ("age", "60代"),
        ];
        assert!(l.follows(2024, ("dept", "監査室"), &l.basis(2024, &shown)));
        // With 60代 hidden (and 50代, its partner), the ages give only 50代 + 60代 together:
        // 監査室 and 企画課 stay inseparable.
        let shown = [("all", "全体"), ("dept", "総務課"), ("age", "40代")];
        assert!(!l.follows(2024, ("dept", "監査室"), &l.basis(2024, &shown)));
    }

    #[test]
    fn spread_departments_do_not_follow() {
        // Both hidden departments have people in every age band: no combination isolates one.
        let l = links(&[
            ("監査室", "40代"),
            ("監査室", "60代"),
            ("企画課", "40代"),
            ("企画課", "60代"),
            ("総務課", "40代"),
            ("総務課", "60代"),
        ]);
        let shown = [
            ("all", "全体"),
            ("dept", "総務課"),
            ("age", "40代"),
            ("age", "60代"),
        ];
        assert!(!l.follows(2024, ("dept", "監査室"), &l.basis(2024, &shown)));
    }

    #[test]
    fn span_arithmetic() {
        let mut b = Basis::default();
        b.add(vec![1.0, 1.0, 0.0]);
        b.add(vec![0.0, 1.0, 1.0]);
        b.add(vec![1.0, 2.0, 1.0]);
        assert_eq!(b.rows.len(), 2, "the third is the sum of the first two");
        assert!(b.spans(vec![1.0, 0.0, -1.0]));
        assert!(!b.spans(vec![1.0, 0.0, 0.0]));
        assert!(b.spans(vec![0.0, 0.0, 0.0]));
    }
}
