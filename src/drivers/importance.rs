//! How much each predictor item adds to the explained variance of an outcome: dominance
//! analysis (Budescu 1993; Azen & Budescu 2003), exact over every subset of the predictors,
//! and Johnson's (2000) relative weights as the fallback beyond [`MAX_EXACT`] predictors.
//!
//! Both work on the correlation matrix of the complete cases, so a model is ordinary least
//! squares with an intercept: the R² of a subset `S` is `r_S' R_SS⁻¹ r_S`, with `R_SS` the
//! predictors' correlations and `r_S` their correlations with the outcome.
//!
//! The general dominance weight of predictor `j` is the mean, over subset sizes `k = 0 … p−1`,
//! of the mean increase in R² that adding `j` brings to the subsets of size `k` of the other
//! predictors. The weights add up to the R² of the full model. Johnson's weights share the same
//! total: the predictors are replaced by their closest orthogonal counterparts `Z = X Λ⁻¹`
//! (`Λ = R^{1/2}`), the outcome is regressed on `Z` (coefficients `β = Λ⁻¹ r`) and predictor
//! `j` gets `Σ_k Λ_jk² β_k²`.

use nalgebra::{DMatrix, DVector, SymmetricEigen};

/// Up to this many predictors the weights are exact dominance weights (2^15 = 32,768 models
/// for 15 items); beyond it, Johnson's relative weights.
pub const MAX_EXACT: usize = 20;

/// How the weights were computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// General dominance weights over every subset.
    Dominance,
    /// Johnson's relative weights.
    RelativeWeights,
}

/// The importance of each predictor for one outcome.
#[derive(Debug, Clone, PartialEq)]
pub struct Importance {
    pub method: Method,
    /// R² of the model with every predictor.
    pub r2: f64,
    /// One weight per predictor, in the predictors' order; they add up to `r2`.
    pub weights: Vec<f64>,
}

impl Importance {
    /// Each weight as a share of the full model's R² (0–1).
    pub fn shares(&self) -> Vec<f64> {
        self.weights
            .iter()
            .map(|w| if self.r2 > 0.0 { w / self.r2 } else { 0.0 })
            .collect()
    }
}

/// The correlations of the predictors among themselves and with the outcome, from complete
/// rows: `rows[i]` holds the predictors of respondent `i`, `y[i]` the outcome. `None` when
/// there are fewer than three rows or the outcome does not vary. A predictor that does not
/// vary gets correlation 0 with everything (and so weight 0).
pub fn correlations(rows: &[Vec<f64>], y: &[f64]) -> Option<(DMatrix<f64>, DVector<f64>)> {
    if y.len() != rows.len() {
        return None;
    }
    correlations_of(rows, y, &(0..rows.len()).collect::<Vec<_>>())
}

/// The same correlations from the rows `idx` (a bootstrap resample: an index may repeat), so a
/// resample is never copied.
pub fn correlations_of(
    rows: &[Vec<f64>],
    y: &[f64],
    idx: &[usize],
) -> Option<(DMatrix<f64>, DVector<f64>)> {
    let n = idx.len();
    if n < 3 {
        return None;
    }
    let p = rows[idx[0]].len();
    let mut mx = vec![0.0f64; p];
    let mut my = 0.0;
    for &i in idx {
        for (m, v) in mx.iter_mut().zip(&rows[i]) {
            *m += v;
        }
        my += y[i];
    }
    mx.iter_mut().for_each(|m| *m /= n as f64);
    my /= n as f64;
    // Centred sums of squares and products.
    let mut sxx = DMatrix::<f64>::zeros(p, p);
    let mut sxy = DVector::<f64>::zeros(p);
    let mut syy = 0.0;
    let mut d = vec![0.0f64; p];
    for &i in idx {
        let dy = y[i] - my;
        syy += dy * dy;
        for (a, da) in d.iter_mut().enumerate() {
            *da = rows[i][a] - mx[a];
        }
        for a in 0..p {
            sxy[a] += d[a] * dy;
            for b in a..p {
                sxx[(a, b)] += d[a] * d[b];
            }
        }
    }
    if syy <= 0.0 {
        return None;
    }
    let sd: Vec<f64> = (0..p).map(|a| sxx[(a, a)].sqrt()).collect();
    let mut r = DMatrix::<f64>::identity(p, p);
    let mut ry = DVector::<f64>::zeros(p);
    for a in 0..p {
        if sd[a] <= 0.0 {
            continue;
        }
        ry[a] = sxy[a] / (sd[a] * syy.sqrt());
        for b in (a + 1)..p {
            if sd[b] > 0.0 {
                let v = sxx[(a, b)] / (sd[a] * sd[b]);
                r[(a, b)] = v;
                r[(b, a)] = v;
            }
        }
    }
    Some((r, ry))
}

/// The importance of every predictor: exact dominance weights up to [`MAX_EXACT`] predictors,
/// Johnson's relative weights beyond.
pub fn importance(r: &DMatrix<f64>, ry: &DVector<f64>) -> Importance {
    if r.nrows() <= MAX_EXACT {
        dominance(r, ry)
    } else {
        relative_weights(r, ry)
    }
}

/// R² of the model with the predictors in `mask` (bit `j` = predictor `j`), solved on its
/// own: the check of [`all_r_squared`].
#[cfg(test)]
fn r_squared(r: &DMatrix<f64>, ry: &DVector<f64>, mask: usize) -> f64 {
    let idx: Vec<usize> = (0..r.nrows()).filter(|j| mask >> j & 1 == 1).collect();
    if idx.is_empty() {
        return 0.0;
    }
    let k = idx.len();
    let sub = DMatrix::from_fn(k, k, |a, b| r[(idx[a], idx[b])]);
    let rs = DVector::from_fn(k, |a, _| ry[idx[a]]);
    // Positive definite unless predictors are collinear; then the least-squares solution
    // (pseudo-inverse) gives the same fitted values, so the same R².
    let beta = match sub.clone().cholesky() {
        Some(c) => c.solve(&rs),
        None => sub
            .svd(true, true)
            .solve(&rs, 1e-12)
            .unwrap_or_else(|_| DVector::zeros(k)),
    };
    rs.dot(&beta)
}

/// The R² of every subset of the predictors, indexed by mask, by sweeping the correlation
/// matrix (outcome last) in Gray-code order: each step adds or removes one predictor with one
/// sweep (O(p²)), so all 2^p models cost about 2^p · p² operations instead of 2^p solves. After
/// sweeping the predictors of `S`, the outcome's diagonal entry is 1 − R²(S). A predictor that
/// is (nearly) a combination of those already in adds nothing and is not swept. At most
/// [`MAX_EXACT`] predictors (2^20 models).
pub fn all_r_squared(r: &DMatrix<f64>, ry: &DVector<f64>) -> Vec<f64> {
    let p = r.nrows();
    assert!(
        p <= MAX_EXACT,
        "{p} predictors: more than MAX_EXACT for all subsets"
    );
    let m = p + 1;
    let mut a = vec![0.0f64; m * m];
    for i in 0..p {
        for j in 0..p {
            a[i * m + j] = r[(i, j)];
        }
        a[i * m + p] = ry[i];
        a[p * m + i] = ry[i];
    }
    a[p * m + p] = 1.0;
    let mut swept = vec![false; p];
    let mut skipped = vec![false; p];
    let mut out = vec![0.0f64; 1 << p];
    for step in 1usize..(1 << p) {
        let k = step.trailing_zeros() as usize;
        let mask = step ^ (step >> 1);
        if skipped[k] {
            skipped[k] = false;
        } else if swept[k] {
            sweep(&mut a, m, k, -1.0);
            swept[k] = false;
        } else if a[k * m + k] > 1e-10 {
            sweep(&mut a, m, k, 1.0);
            swept[k] = true;
        } else {
            skipped[k] = true;
        }
        out[mask] = 1.0 - a[p * m + p];
    }
    out
}

/// Sweeps (`sign` 1) or reverse-sweeps (`sign` −1) the symmetric `m`×`m` matrix `a` on pivot
/// `k` (Goodnight 1979). Only the upper triangle (`i ≤ j`) is read and kept.
fn sweep(a: &mut [f64], m: usize, k: usize, sign: f64) {
    let at = |i: usize| i.min(k) * m + i.max(k);
    let h = a[k * m + k];
    let mut col = [0.0f64; MAX_EXACT + 1];
    let mut scaled = [0.0f64; MAX_EXACT + 1];
    for i in 0..m {
        col[i] = a[at(i)];
        scaled[i] = col[i] / h;
    }
    // Every entry first (row and column k are overwritten below), so the inner loop has no
    // branch and vectorises.
    for i in 0..m {
        let ci = col[i];
        for (x, &sj) in a[i * m + i..(i + 1) * m].iter_mut().zip(&scaled[i..m]) {
            *x -= ci * sj;
        }
    }
    for (i, s) in scaled.iter().enumerate().take(m) {
        a[at(i)] = sign * s;
    }
    a[k * m + k] = -1.0 / h;
}

/// General dominance weights over all 2^p subsets.
pub fn dominance(r: &DMatrix<f64>, ry: &DVector<f64>) -> Importance {
    let p = r.nrows();
    let r2 = all_r_squared(r, ry);
    // binom[k] = C(p − 1, k): how many subsets of size k the other predictors have.
    let mut binom = vec![1.0f64; p.max(1)];
    for k in 1..p {
        binom[k] = binom[k - 1] * (p - k) as f64 / k as f64;
    }
    let weights = (0..p)
        .map(|j| {
            let mut by_size = vec![0.0f64; p];
            for (mask, &without) in r2.iter().enumerate() {
                if mask >> j & 1 == 1 {
                    continue;
                }
                let k = mask.count_ones() as usize;
                by_size[k] += r2[mask | 1 << j] - without;
            }
            by_size
                .iter()
                .zip(&binom)
                .map(|(sum, count)| sum / count)
                .sum::<f64>()
                / p as f64
        })
        .collect();
    Importance {
        method: Method::Dominance,
        r2: r2[(1usize << p) - 1],
        weights,
    }
}

/// Johnson's relative weights.
pub fn relative_weights(r: &DMatrix<f64>, ry: &DVector<f64>) -> Importance {
    let p = r.nrows();
    let eig = SymmetricEigen::new(r.clone());
    let sqrt_vals = eig.eigenvalues.map(|v| v.max(0.0).sqrt());
    // Λ = V diag(√λ) V'
    let lambda =
        &eig.eigenvectors * DMatrix::from_diagonal(&sqrt_vals) * eig.eigenvectors.transpose();
    let beta = match lambda.clone().cholesky() {
        Some(c) => c.solve(ry),
        None => lambda
            .clone()
            .svd(true, true)
            .solve(ry, 1e-12)
            .unwrap_or_else(|_| DVector::zeros(p)),
    };
    let weights: Vec<f64> = (0..p)
        .map(|j| {
            (0..p)
                .map(|k| lambda[(j, k)].powi(2) * beta[k].powi(2))
                .sum()
        })
        .collect();
    Importance {
        method: Method::RelativeWeights,
        r2: weights.iter().sum(),
        weights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Worked by hand in tests/fixtures/drivers/README.md: r_y = (.5, .4, .3), x1 and x2
    // correlated .5, x3 uncorrelated with both. R²: {1} .25, {2} .16, {3} .09, {1,2} .28,
    // {1,3} .34, {2,3} .25, {1,2,3} .37; weights .185, .095, .09.
    #[test]
    fn three_predictors_by_hand() {
        let r = DMatrix::from_row_slice(3, 3, &[1.0, 0.5, 0.0, 0.5, 1.0, 0.0, 0.0, 0.0, 1.0]);
        let ry = DVector::from_row_slice(&[0.5, 0.4, 0.3]);
        for (mask, want) in [(0b011, 0.28), (0b101, 0.34), (0b110, 0.25), (0b111, 0.37)] {
            assert!((r_squared(&r, &ry, mask) - want).abs() < 1e-12, "{mask:b}");
        }
        let d = dominance(&r, &ry);
        assert_eq!(d.method, Method::Dominance);
        assert!((d.r2 - 0.37).abs() < 1e-12);
        for (got, want) in d.weights.iter().zip([0.185, 0.095, 0.09]) {
            assert!((got - want).abs() < 1e-12, "{got} vs {want}");
        }
        let shares = d.shares();
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }

    /// The fixture's rows and the independent results (statsmodels OLS over every subset,
    /// numpy eigh; `tests/fixtures/drivers/make_drivers.py`).
    fn fixture() -> (Vec<Vec<f64>>, Vec<f64>, Vec<Vec<String>>) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drivers");
        let read = |name: &str| -> Vec<Vec<String>> {
            std::fs::read_to_string(dir.join(name))
                .unwrap()
                .lines()
                .skip(1)
                .map(|l| l.split(',').map(String::from).collect())
                .collect()
        };
        let data = read("data.csv");
        let y = data.iter().map(|r| r[0].parse().unwrap()).collect();
        let x = data
            .iter()
            .map(|r| r[1..].iter().map(|v| v.parse().unwrap()).collect())
            .collect();
        (x, y, read("expected.csv"))
    }

    #[test]
    fn sweeping_gives_every_subset_as_a_solve_does() {
        let (x, y, _) = fixture();
        let (r, ry) = correlations(&x, &y).unwrap();
        let all = all_r_squared(&r, &ry);
        for (mask, got) in all.iter().enumerate() {
            assert!((got - r_squared(&r, &ry, mask)).abs() < 1e-12, "{mask:b}");
        }
        // A predictor repeated adds nothing, and is not swept into a division by zero.
        let rows: Vec<Vec<f64>> = x.iter().map(|r| vec![r[0], r[1], r[0]]).collect();
        let (r, ry) = correlations(&rows, &y).unwrap();
        let all = all_r_squared(&r, &ry);
        assert!((all[0b111] - all[0b011]).abs() < 1e-12);
        assert!(all.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn agrees_with_statsmodels_and_numpy_to_1e9() {
        let (x, y, expected) = fixture();
        for (model, cols) in [("all", 6), ("first3", 3)] {
            let rows: Vec<Vec<f64>> = x.iter().map(|r| r[..cols].to_vec()).collect();
            let (r, ry) = correlations(&rows, &y).unwrap();
            let d = dominance(&r, &ry);
            let rw = relative_weights(&r, &ry);
            let want: Vec<&Vec<String>> = expected.iter().filter(|e| e[0] == model).collect();
            assert_eq!(want.len(), cols);
            for (j, e) in want.iter().enumerate() {
                let num = |k: usize| e[k].parse::<f64>().unwrap();
                assert!((d.r2 - num(2)).abs() < 1e-9, "{model} R²");
                assert!(
                    (rw.r2 - num(2)).abs() < 1e-9,
                    "{model} R² (relative weights)"
                );
                assert!(
                    (d.weights[j] - num(3)).abs() < 1e-9,
                    "{model} {} dominance",
                    e[1]
                );
                assert!(
                    (rw.weights[j] - num(4)).abs() < 1e-9,
                    "{model} {} relative",
                    e[1]
                );
            }
        }
    }
}
