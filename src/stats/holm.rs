//! Holm's step-down adjustment of p-values for multiple tests within one table.

/// Holm-adjusted p-values, in the order given: sort ascending, multiply the i-th smallest
/// (0-based) by m − i, carry the running maximum, cap at 1. `None` entries (no test) are
/// left out of the family and stay `None`.
pub fn holm(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut order: Vec<(usize, f64)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| x.is_finite()).map(|x| (i, x)))
        .collect();
    order.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let m = order.len();
    let mut out = vec![None; p.len()];
    let mut running: f64 = 0.0;
    for (rank, (i, v)) in order.into_iter().enumerate() {
        running = running.max(((m - rank) as f64 * v).min(1.0));
        out[i] = Some(running);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // statsmodels 0.15.0:
    // from statsmodels.stats.multitest import multipletests
    // multipletests(p, method="holm")[1]
    #[test]
    fn matches_statsmodels() {
        for (p, expected) in [
            (vec![0.01, 0.04, 0.03, 0.005], vec![0.03, 0.06, 0.06, 0.02]),
            (vec![0.5, 0.2, 0.04], vec![0.5, 0.4, 0.12]),
            (vec![0.02, 0.02, 0.5], vec![0.06, 0.06, 0.5]),
        ] {
            let got = holm(&p.iter().map(|x| Some(*x)).collect::<Vec<_>>());
            for (g, e) in got.iter().zip(&expected) {
                assert!((g.unwrap() - e).abs() < 1e-9, "{got:?} vs {expected:?}");
            }
        }
    }

    #[test]
    fn missing_tests_are_not_in_the_family() {
        // Same as holm([0.01, 0.04]) = [0.02, 0.04] with a gap.
        let got = holm(&[Some(0.04), None, Some(0.01)]);
        assert_eq!(got[1], None);
        assert!((got[0].unwrap() - 0.04).abs() < 1e-12);
        assert!((got[2].unwrap() - 0.02).abs() < 1e-12);
        assert!(holm(&[]).is_empty());
    }
}
