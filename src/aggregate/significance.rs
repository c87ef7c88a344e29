//! Intervals and tests on a long table of proportions (items or options).
//!
//! For every visible (not suppressed) cell: the Wilson interval of its share; its difference
//! from the whole population's share in the same wave; for segments with more than two
//! groups, the test of the group against the rest of the segment; the change from the
//! previous wave with its Newcombe interval and z-test. For every segment × thing × wave: the
//! test between the visible groups (z for two groups, r×c chi-square for more). P-values are
//! Holm-adjusted within each family, which is one table of the report: a segment in a wave
//! (for options, a segment × question in a wave).
//!
//! Which test marks a group as different is decided here, once, for tables and charts alike
//! (`p_group`): with two visible groups, the test between them; with more, the group against
//! the rest. A segment of three groups with one hidden has two visible groups, so its marks
//! come from the test between those two.

use super::ALL_SEGMENT;
use crate::pipeline::Statistics;
use crate::stats::{chi_square_independence, holm, newcombe, two_proportion_z, wilson};
use std::collections::BTreeMap;

/// The proportion cells: one entry per row, in the frame's order.
pub struct Proportions {
    pub wave: Vec<i32>,
    pub segment: Vec<String>,
    pub group: Vec<String>,
    /// The thing counted: item id, or `question:option`.
    pub key: Vec<String>,
    pub k: Vec<u32>,
    pub n: Vec<u32>,
}

/// A test between the groups of a segment for one thing in one wave.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupTest {
    pub wave: i32,
    pub segment: String,
    pub key: String,
    /// `z` (two groups) or `chi2`.
    pub test: &'static str,
    pub statistic: f64,
    pub df: u32,
    pub p: f64,
    pub p_adj: f64,
}

/// Per-row results (percent and percentage points), `None` where nothing applies.
#[derive(Debug, Default)]
pub struct Significance {
    pub ci_lo: Vec<Option<f64>>,
    pub ci_hi: Vec<Option<f64>>,
    pub p_rest: Vec<Option<f64>>,
    pub p_rest_adj: Vec<Option<f64>>,
    /// The adjusted p that says whether this group differs within its segment: the test
    /// between the two visible groups, or the group against the rest when there are more.
    pub p_group: Vec<Option<f64>>,
    /// `p_group` below the significance level: the group's mark in tables and charts.
    pub differs: Vec<bool>,
    /// `p_prev_adj` below the significance level: the change's mark.
    pub changed: Vec<bool>,
    /// Share minus the whole population's share of the same thing in the same wave (points).
    pub diff_all: Vec<Option<f64>>,
    pub diff_prev: Vec<Option<f64>>,
    pub diff_lo: Vec<Option<f64>>,
    pub diff_hi: Vec<Option<f64>>,
    pub p_prev: Vec<Option<f64>>,
    pub p_prev_adj: Vec<Option<f64>>,
    pub unstable: Vec<bool>,
    pub tests: Vec<GroupTest>,
}

/// Computes everything for the visible cells. `family` maps a key to the part of it that
/// belongs to the Holm family besides wave and segment (`""` for items, the question for
/// options). `previous` maps each wave to the one before it.
pub fn analyse(
    rows: &Proportions,
    suppressed: &[bool],
    stats: &Statistics,
    family: impl Fn(&str) -> String,
    previous: &BTreeMap<i32, i32>,
) -> Significance {
    let len = rows.wave.len();
    let visible = |i: usize| !suppressed[i];
    let pct = |v: f64| 100.0 * v;
    let mut out = Significance {
        ci_lo: vec![None; len],
        ci_hi: vec![None; len],
        p_rest: vec![None; len],
        p_group: vec![None; len],
        diff_all: vec![None; len],
        diff_prev: vec![None; len],
        diff_lo: vec![None; len],
        diff_hi: vec![None; len],
        p_prev: vec![None; len],
        unstable: vec![false; len],
        ..Default::default()
    };
    // Cells of one wave × segment × thing, for the between-group tests.
    let mut sets: BTreeMap<(i32, &str, &str), Vec<usize>> = BTreeMap::new();
    let mut index: BTreeMap<(i32, &str, &str, &str), usize> = BTreeMap::new();
    for i in 0..len {
        index.insert(
            (rows.wave[i], &rows.segment[i], &rows.group[i], &rows.key[i]),
            i,
        );
        if !visible(i) {
            continue;
        }
        let (k, n) = (rows.k[i] as u64, rows.n[i] as u64);
        if let Some((lo, hi)) = wilson(k, n, stats.confidence) {
            out.ci_lo[i] = Some(pct(lo));
            out.ci_hi[i] = Some(pct(hi));
        }
        out.unstable[i] = rows.n[i] < stats.unstable_below;
        if rows.segment[i] != ALL_SEGMENT {
            sets.entry((rows.wave[i], &rows.segment[i], &rows.key[i]))
                .or_default()
                .push(i);
        }
    }
    // Difference from the whole population, same wave and thing.
    for i in (0..len).filter(|i| visible(*i) && rows.segment[*i] != ALL_SEGMENT) {
        let whole = index.get(&(
            rows.wave[i],
            ALL_SEGMENT,
            super::ALL_GROUP,
            rows.key[i].as_str(),
        ));
        if let Some(&j) = whole.filter(|j| visible(**j)) {
            if let (Some(a), Some(b)) = (share(rows, i), share(rows, j)) {
                out.diff_all[i] = Some(pct(a - b));
            }
        }
    }
    // Change from the previous wave, same segment, group and thing.
    for i in (0..len).filter(|i| visible(*i)) {
        let Some(prev_wave) = previous.get(&rows.wave[i]) else {
            continue;
        };
        let Some(&j) = index.get(&(*prev_wave, &rows.segment[i], &rows.group[i], &rows.key[i]))
        else {
            continue;
        };
        if !visible(j) {
            continue;
        }
        let (k1, n1, k2, n2) = (
            rows.k[i] as u64,
            rows.n[i] as u64,
            rows.k[j] as u64,
            rows.n[j] as u64,
        );
        if n1 == 0 || n2 == 0 {
            continue;
        }
        out.diff_prev[i] = Some(pct(k1 as f64 / n1 as f64 - k2 as f64 / n2 as f64));
        if let Some((lo, hi)) = newcombe(k1, n1, k2, n2, stats.confidence) {
            out.diff_lo[i] = Some(pct(lo));
            out.diff_hi[i] = Some(pct(hi));
        }
        out.p_prev[i] = two_proportion_z(k1, n1, k2, n2).map(|t| t.p);
    }
    // Between the visible groups, and each group against the rest when there are more than two.
    for ((wave, segment, key), members) in &sets {
        let members: Vec<usize> = members.iter().copied().filter(|i| rows.n[*i] > 0).collect();
        let (k, n) = (|i: usize| rows.k[i] as u64, |i: usize| rows.n[i] as u64);
        let test = match members.as_slice() {
            [a, b] => two_proportion_z(k(*a), n(*a), k(*b), n(*b)).map(|t| ("z", t.z, 1, t.p)),
            m if m.len() > 2 => {
                let table: Vec<Vec<u64>> = m.iter().map(|i| vec![k(*i), n(*i) - k(*i)]).collect();
                chi_square_independence(&table).map(|t| ("chi2", t.statistic, t.df as u32, t.p))
            }
            _ => None,
        };
        if let Some((test, statistic, df, p)) = test {
            out.tests.push(GroupTest {
                wave: *wave,
                segment: segment.to_string(),
                key: key.to_string(),
                test,
                statistic,
                df,
                p,
                p_adj: p,
            });
        }
        if members.len() > 2 {
            let (tk, tn): (u64, u64) = members
                .iter()
                .fold((0, 0), |(a, b), i| (a + k(*i), b + n(*i)));
            for &i in &members {
                out.p_rest[i] = two_proportion_z(k(i), n(i), tk - k(i), tn - n(i)).map(|t| t.p);
            }
        }
    }
    // Holm within each family.
    let fam = |i: usize| (rows.wave[i], rows.segment[i].clone(), family(&rows.key[i]));
    out.p_rest_adj = adjust(&out.p_rest, fam);
    out.p_prev_adj = adjust(&out.p_prev, fam);
    let test_p: Vec<Option<f64>> = out.tests.iter().map(|t| Some(t.p)).collect();
    let adjusted = adjust(&test_p, |i| {
        let t = &out.tests[i];
        (t.wave, t.segment.clone(), family(&t.key))
    });
    for (t, a) in out.tests.iter_mut().zip(adjusted) {
        t.p_adj = a.unwrap_or(t.p);
    }
    // The test that marks a group: the pair's test, or the group against the rest.
    let pair_tests: BTreeMap<(i32, &str, &str), f64> = out
        .tests
        .iter()
        .filter(|t| t.test == "z")
        .map(|t| ((t.wave, t.segment.as_str(), t.key.as_str()), t.p_adj))
        .collect();
    for ((wave, segment, key), members) in &sets {
        let tested: Vec<usize> = members.iter().copied().filter(|i| rows.n[*i] > 0).collect();
        for &i in &tested {
            out.p_group[i] = if tested.len() == 2 {
                pair_tests.get(&(*wave, *segment, *key)).copied()
            } else {
                out.p_rest_adj[i]
            };
        }
    }
    let below = |p: &Option<f64>| p.is_some_and(|p| p < stats.significance);
    out.differs = out.p_group.iter().map(below).collect();
    out.changed = out.p_prev_adj.iter().map(below).collect();
    out
}

/// A cell's proportion, `None` when its base is 0.
fn share(rows: &Proportions, i: usize) -> Option<f64> {
    (rows.n[i] > 0).then(|| rows.k[i] as f64 / rows.n[i] as f64)
}

/// Holm adjustment of `p` within the families given by `family(row)`.
fn adjust<F: Ord>(p: &[Option<f64>], family: impl Fn(usize) -> F) -> Vec<Option<f64>> {
    let mut families: BTreeMap<F, Vec<usize>> = BTreeMap::new();
    for (i, v) in p.iter().enumerate() {
        if v.is_some() {
            families.entry(family(i)).or_default().push(i);
        }
    }
    let mut out = vec![None; p.len()];
    for members in families.values() {
        let adjusted = holm(&members.iter().map(|i| p[*i]).collect::<Vec<_>>());
        for (i, a) in members.iter().zip(adjusted) {
            out[*i] = a;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[(i32, &str, &str, &str, u32, u32)]) -> Proportions {
        Proportions {
            wave: cells.iter().map(|c| c.0).collect(),
            segment: cells.iter().map(|c| c.1.to_string()).collect(),
            group: cells.iter().map(|c| c.2.to_string()).collect(),
            key: cells.iter().map(|c| c.3.to_string()).collect(),
            k: cells.iter().map(|c| c.4).collect(),
            n: cells.iter().map(|c| c.5).collect(),
        }
    }

    /// `analyse` with the default statistics, items (one Holm family) and a single wave.
    fn plain(r: &Proportions, suppressed: &[bool]) -> Significance {
        analyse(
            r,
            suppressed,
            &Statistics::default(),
            |_| String::new(),
            &BTreeMap::new(),
        )
    }

    // Expected values from the stats module's own checked functions (which match statsmodels
    // and scipy): here we check the wiring — which counts go into which test and family.
    #[test]
    fn two_groups_get_one_z_test_and_no_rest_tests() {
        let r = rows(&[
            (2023, "all", "全体", "q1", 787, 1056),
            (2023, "y", "有", "q1", 645, 725),
            (2023, "y", "無", "q1", 142, 331),
        ]);
        let s = plain(&r, &[false; 3]);
        assert_eq!(s.tests.len(), 1);
        let t = &s.tests[0];
        assert_eq!(
            (t.test, t.segment.as_str(), t.key.as_str()),
            ("z", "y", "q1")
        );
        assert!((t.statistic - 15.937659964666125).abs() < 1e-9);
        assert_eq!(t.p_adj, t.p, "a family of one is not adjusted");
        assert!(s.p_rest.iter().all(Option::is_none));
        let (lo, hi) = wilson(645, 725, 0.95).unwrap();
        assert_eq!(
            (s.ci_lo[1], s.ci_hi[1]),
            (Some(100.0 * lo), Some(100.0 * hi))
        );
    }

    #[test]
    fn more_groups_get_chi_square_and_each_against_the_rest() {
        let r = rows(&[
            (2023, "age", "a", "q1", 84, 135),
            (2023, "age", "b", "q1", 135, 237),
            (2023, "age", "c", "q1", 153, 212),
        ]);
        let s = plain(&r, &[false; 3]);
        let expected =
            chi_square_independence(&[vec![84, 51], vec![135, 102], vec![153, 59]]).unwrap();
        assert_eq!(s.tests[0].test, "chi2");
        assert!((s.tests[0].p - expected.p).abs() < 1e-15);
        // Group a against b + c: 84/135 vs 288/449.
        let rest = two_proportion_z(84, 135, 288, 449).unwrap();
        assert_eq!(s.p_rest[0], Some(rest.p));
        // Three tests in one family: the adjusted values are Holm's of the three.
        let adj = holm(&s.p_rest);
        assert_eq!(s.p_rest_adj, adj);
    }

    #[test]
    fn suppressed_cells_get_nothing_and_are_left_out_of_tests() {
        let r = rows(&[
            (2023, "age", "a", "q1", 2, 3),
            (2023, "age", "b", "q1", 10, 40),
            (2023, "age", "c", "q1", 30, 40),
        ]);
        let s = plain(&r, &[true, false, false]);
        assert_eq!(s.ci_lo[0], None);
        // Only b and c are compared: a z-test of 10/40 vs 30/40.
        let z = two_proportion_z(10, 40, 30, 40).unwrap();
        assert_eq!(s.tests[0].test, "z");
        assert!((s.tests[0].p - z.p).abs() < 1e-15);
        assert!(!s.unstable[1], "a base of 40 is not below 30");
        // The two visible groups are marked by the test between them, not by a test
        // against the rest (which needs three groups).
        assert_eq!(s.p_group[0], None);
        assert_eq!(s.p_group[1], Some(s.tests[0].p_adj));
        assert_eq!(s.p_group[2], Some(s.tests[0].p_adj));
        assert!(s.p_rest_adj.iter().all(Option::is_none));
    }

    #[test]
    fn groups_are_compared_with_the_whole_population() {
        // By hand: 30/40 − 50/100 = 0.25 → 25 points; 20/60 − 50/100 = −16.67 points.
        let r = rows(&[
            (2023, "all", "全体", "q1", 50, 100),
            (2023, "s", "a", "q1", 30, 40),
            (2023, "s", "b", "q1", 20, 60),
            (2023, "s", "c", "q1", 1, 3),
        ]);
        let s = plain(&r, &[false, false, false, true]);
        assert_eq!(
            s.diff_all[0], None,
            "the whole has no difference from itself"
        );
        assert!((s.diff_all[1].unwrap() - 25.0).abs() < 1e-9);
        assert!((s.diff_all[2].unwrap() + 100.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.diff_all[3], None, "hidden");
    }

    #[test]
    fn three_visible_groups_are_marked_against_the_rest() {
        let r = rows(&[
            (2023, "age", "a", "q1", 84, 135),
            (2023, "age", "b", "q1", 135, 237),
            (2023, "age", "c", "q1", 153, 212),
        ]);
        let s = plain(&r, &[false; 3]);
        assert_eq!(s.p_group, s.p_rest_adj);
    }

    #[test]
    fn change_from_the_previous_wave() {
        let r = rows(&[
            (2022, "all", "全体", "q1", 600, 1000),
            (2023, "all", "全体", "q1", 700, 1000),
        ]);
        let previous: BTreeMap<i32, i32> = [(2023, 2022)].into();
        let s = analyse(
            &r,
            &[false; 2],
            &Statistics::default(),
            |_| String::new(),
            &previous,
        );
        assert_eq!(s.diff_prev[0], None);
        assert!((s.diff_prev[1].unwrap() - 10.0).abs() < 1e-9);
        let (lo, hi) = newcombe(700, 1000, 600, 1000, 0.95).unwrap();
        assert_eq!(
            (s.diff_lo[1], s.diff_hi[1]),
            (Some(100.0 * lo), Some(100.0 * hi))
        );
        assert_eq!(
            s.p_prev[1],
            two_proportion_z(700, 1000, 600, 1000).map(|t| t.p)
        );
    }

    #[test]
    fn an_item_missing_from_the_previous_wave_has_no_change() {
        // q2 was not asked in 2022: its 2023 cell has an interval but no change or test.
        let r = rows(&[
            (2022, "all", "全体", "q1", 600, 1000),
            (2023, "all", "全体", "q1", 700, 1000),
            (2023, "all", "全体", "q2", 10, 20),
        ]);
        let previous: BTreeMap<i32, i32> = [(2023, 2022)].into();
        let s = analyse(
            &r,
            &[false; 3],
            &Statistics::default(),
            |_| String::new(),
            &previous,
        );
        assert!(s.ci_lo[2].is_some());
        assert_eq!(
            (s.diff_prev[2], s.p_prev[2], s.p_prev_adj[2]),
            (None, None, None)
        );
        // q1 alone in its family: adjusted = raw.
        assert_eq!(s.p_prev_adj[1], s.p_prev[1]);
        // n = 20 is below the unstable threshold of 30.
        assert!(s.unstable[2]);
    }
}
