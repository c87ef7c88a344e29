//! Tests of difference between groups: the pooled two-proportion z-test (equivalent to the
//! 2×2 chi-square test without continuity correction) and the r×c chi-square test of
//! independence, its p-value from `ChiSquared::sf` (statrs has no r×c test of its own).

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal};

/// A two-proportion z-test result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZTest {
    pub z: f64,
    /// Two-sided p-value.
    pub p: f64,
}

/// Pooled two-proportion z-test of p1 = p2; `None` when a base is 0 or the pooled share is 0
/// or 1 (no variation: nothing to test).
pub fn two_proportion_z(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<ZTest> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (k1, n1, k2, n2) = (k1 as f64, n1 as f64, k2 as f64, n2 as f64);
    let pooled = (k1 + k2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if se == 0.0 || !se.is_finite() {
        return None;
    }
    let z = (k1 / n1 - k2 / n2) / se;
    let normal = Normal::new(0.0, 1.0).expect("standard normal");
    Some(ZTest {
        z,
        p: 2.0 * normal.sf(z.abs()),
    })
}

/// An r×c chi-square test result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChiSquare {
    pub statistic: f64,
    pub df: u64,
    pub p: f64,
}

/// Pearson's chi-square test of independence on a table of counts (rows × columns). Rows and
/// columns whose total is 0 are dropped first; `None` when fewer than two of either remain.
pub fn chi_square_independence(table: &[Vec<u64>]) -> Option<ChiSquare> {
    let cols = table.iter().map(Vec::len).max().unwrap_or(0);
    let col_total = |j: usize| {
        table
            .iter()
            .map(|r| r.get(j).copied().unwrap_or(0))
            .sum::<u64>()
    };
    let keep_cols: Vec<usize> = (0..cols).filter(|j| col_total(*j) > 0).collect();
    let rows: Vec<Vec<f64>> = table
        .iter()
        .map(|r| {
            keep_cols
                .iter()
                .map(|j| r.get(*j).copied().unwrap_or(0) as f64)
                .collect::<Vec<f64>>()
        })
        .filter(|r| r.iter().sum::<f64>() > 0.0)
        .collect();
    if rows.len() < 2 || keep_cols.len() < 2 {
        return None;
    }
    let total: f64 = rows.iter().flatten().sum();
    let row_sums: Vec<f64> = rows.iter().map(|r| r.iter().sum()).collect();
    let col_sums: Vec<f64> = (0..keep_cols.len())
        .map(|j| rows.iter().map(|r| r[j]).sum())
        .collect();
    let mut statistic = 0.0;
    for (i, r) in rows.iter().enumerate() {
        for (j, observed) in r.iter().enumerate() {
            let expected = row_sums[i] * col_sums[j] / total;
            statistic += (observed - expected).powi(2) / expected;
        }
    }
    let df = ((rows.len() - 1) * (keep_cols.len() - 1)) as u64;
    let dist = ChiSquared::new(df as f64).ok()?;
    Some(ChiSquare {
        statistic,
        df,
        p: dist.sf(statistic),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) {
        assert!((a - b).abs() <= tol, "{a} vs {b}");
    }

    // statsmodels 0.15.0:
    // from statsmodels.stats.proportion import proportions_ztest
    // proportions_ztest([k1, k2], [n1, n2])  (pooled variance, two-sided)
    #[test]
    fn z_test_matches_statsmodels() {
        for (k1, n1, k2, n2, z, p) in [
            (645, 725, 142, 331, 15.937659964666125, 3.47110386620778e-57),
            (5, 10, 9, 12, -1.2137603905690306, 0.22483923580791298),
            (0, 10, 3, 12, -1.7013926184468013, 0.08886928647264575),
        ] {
            let t = two_proportion_z(k1, n1, k2, n2).unwrap();
            close(t.z, z, 1e-9);
            // Relative agreement, so that a p-value far in the tail is checked too.
            close(t.p, p, 1e-9 * p);
        }
    }

    #[test]
    fn z_test_has_no_answer_without_variation_or_base() {
        assert_eq!(two_proportion_z(0, 10, 0, 12), None);
        assert_eq!(two_proportion_z(10, 10, 12, 12), None);
        assert_eq!(two_proportion_z(1, 0, 1, 2), None);
    }

    // scipy 1.17.1:
    // scipy.stats.chi2_contingency(numpy.array(table), correction=False)
    #[test]
    fn chi_square_matches_scipy() {
        let t = chi_square_independence(&[
            vec![84, 51],
            vec![135, 102],
            vec![153, 59],
            vec![266, 99],
            vec![87, 20],
        ])
        .unwrap();
        close(t.statistic, 29.854546673807732, 1e-9);
        assert_eq!(t.df, 4);
        close(t.p, 5.239731020450133e-06, 1e-15);
        let t = chi_square_independence(&[vec![10, 5], vec![3, 12]]).unwrap();
        close(t.statistic, 6.651583710407239, 1e-9);
        close(t.p, 0.00990677301136375, 1e-12);
        let t = chi_square_independence(&[vec![1, 0], vec![0, 1]]).unwrap();
        close(t.statistic, 2.0, 1e-12);
        close(t.p, 0.15729920705028105, 1e-12);
    }

    #[test]
    fn the_2x2_chi_square_equals_the_squared_z() {
        let z = two_proportion_z(10, 15, 3, 15).unwrap();
        let c = chi_square_independence(&[vec![10, 5], vec![3, 12]]).unwrap();
        close(z.z * z.z, c.statistic, 1e-9);
        close(z.p, c.p, 1e-12);
    }

    #[test]
    fn empty_rows_and_a_level_nobody_chose_are_dropped() {
        // A band with nobody in it and a column nobody chose leave a 2×2 table.
        let t = chi_square_independence(&[vec![10, 5, 0], vec![0, 0, 0], vec![3, 12, 0]]).unwrap();
        assert_eq!(t.df, 1);
        close(t.statistic, 6.651583710407239, 1e-9);
        assert_eq!(chi_square_independence(&[vec![3, 4]]), None);
        assert_eq!(chi_square_independence(&[]), None);
    }
}
