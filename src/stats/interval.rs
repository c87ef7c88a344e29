//! Confidence intervals: Wilson score for a proportion, Newcombe's hybrid score for the
//! difference of two independent proportions, Student's t for a mean. Proportions are
//! fractions (0–1); callers scale to percent.

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// The two-sided standard-normal quantile for confidence `level` (0.95 → 1.959963984540054).
pub fn z_quantile(level: f64) -> f64 {
    let n = Normal::new(0.0, 1.0).expect("standard normal");
    n.inverse_cdf(1.0 - (1.0 - level) / 2.0)
}

/// Wilson score interval for `k` successes out of `n`; `None` when `n` is 0.
pub fn wilson(k: u64, n: u64, level: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let z = z_quantile(level);
    let p = k / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let center = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(((center - half).max(0.0), (center + half).min(1.0)))
}

/// Newcombe's hybrid score interval (his method 10) for p1 − p2, built from the two Wilson
/// intervals; `None` when either base is 0.
pub fn newcombe(k1: u64, n1: u64, k2: u64, n2: u64, level: f64) -> Option<(f64, f64)> {
    let (l1, u1) = wilson(k1, n1, level)?;
    let (l2, u2) = wilson(k2, n2, level)?;
    let p1 = k1 as f64 / n1 as f64;
    let p2 = k2 as f64 / n2 as f64;
    let d = p1 - p2;
    let lower = d - ((p1 - l1).powi(2) + (u2 - p2).powi(2)).sqrt();
    let upper = d + ((u1 - p1).powi(2) + (p2 - l2).powi(2)).sqrt();
    Some((lower, upper))
}

/// Student's t interval for a mean from its sample standard deviation; `None` for n < 2.
pub fn t_interval(mean: f64, sd: f64, n: u64, level: f64) -> Option<(f64, f64)> {
    if n < 2 || !sd.is_finite() || sd < 0.0 {
        return None;
    }
    let t = StudentsT::new(0.0, 1.0, (n - 1) as f64).ok()?;
    let q = t.inverse_cdf(1.0 - (1.0 - level) / 2.0);
    let half = q * sd / (n as f64).sqrt();
    Some((mean - half, mean + half))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-9, "{a} vs {b}");
    }

    // statsmodels 0.15.0:
    // from statsmodels.stats.proportion import proportion_confint
    // proportion_confint(k, n, alpha=0.05, method="wilson")
    #[test]
    fn wilson_matches_statsmodels() {
        for (k, n, lo, hi) in [
            (725, 1056, 0.6579402307426091, 0.7138134846087524),
            (0, 10, 0.0, 0.27753279986288926),
            (10, 10, 0.7224672001371106, 1.0),
            (1, 1, 0.2065493143772374, 1.0),
            (3, 7, 0.15821985525146964, 0.7495416354723428),
        ] {
            let (a, b) = wilson(k, n, 0.95).unwrap();
            close(a, lo);
            close(b, hi);
        }
        assert_eq!(wilson(0, 0, 0.95), None);
    }

    // proportion_confint(725, 1056, alpha=0.10, method="wilson")
    #[test]
    fn wilson_at_another_level() {
        let (a, b) = wilson(725, 1056, 0.90).unwrap();
        close(a, 0.6626205864085948);
        close(b, 0.7095319941045377);
    }

    // from statsmodels.stats.proportion import confint_proportions_2indep
    // confint_proportions_2indep(k1, n1, k2, n2, method="newcomb", compare="diff", alpha=0.05)
    #[test]
    fn newcombe_matches_statsmodels() {
        for (k1, n1, k2, n2, lo, hi) in [
            (645, 725, 142, 331, 0.40134242095363537, 0.5168418772743151),
            (0, 10, 0, 12, -0.24249400665524096, 0.27753279986288926),
            (10, 10, 0, 12, 0.6314517694202744, 1.0),
            (1, 1, 0, 1, -0.12210872068194178, 1.0),
        ] {
            let (a, b) = newcombe(k1, n1, k2, n2, 0.95).unwrap();
            close(a, lo);
            close(b, hi);
        }
        assert_eq!(newcombe(1, 0, 1, 2, 0.95), None);
    }

    // scipy 1.17.1: scipy.stats.t.interval(0.95, df=n-1, loc=mean, scale=sd/math.sqrt(n))
    #[test]
    fn t_interval_matches_scipy() {
        let (a, b) = t_interval(4.27, 0.81, 152, 0.95).unwrap();
        close(a, 4.140190651737397);
        close(b, 4.399809348262602);
        let (a, b) = t_interval(3.0, 1.0, 2, 0.95).unwrap();
        close(a, -5.984643532093752);
        close(b, 11.984643532093752);
        assert_eq!(t_interval(3.0, 1.0, 1, 0.95), None);
    }
}
