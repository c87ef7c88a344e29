//! Number formatting for readers: half-up rounding (四捨五入), shares, counts and changes.
//!
//! Computations keep full precision; only these functions round, and only for display.

/// Rounds half away from zero to `decimals` places, as Japanese official reports do (四捨五入).
///
/// A share such as 62.25 % may be stored as 62.249999…; the tolerance of 1e-9 (far below
/// the gap between a true tie and its neighbours for any base under a million) makes such
/// values round up as their exact value would.
pub fn round_half_up(value: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    let r = (value.abs() * scale + 0.5 + 1e-9).floor() / scale;
    if value < 0.0 {
        -r
    } else {
        r
    }
}

/// A number with `decimals` places after half-up rounding: `62.2`; `-0.0` prints as `0.0`.
pub fn number(value: f64, decimals: u8) -> String {
    let r = round_half_up(value, decimals);
    let r = if r == 0.0 { 0.0 } else { r };
    format!("{:.*}", decimals as usize, r)
}

/// A share in percent with one decimal, or `-` when there is no base.
pub fn share(value: Option<f64>) -> String {
    value.map(|v| number(v, 1)).unwrap_or_else(|| "-".into())
}

/// A signed change: `+1.2`, `-0.4`, `0.0`.
pub fn change(value: Option<f64>, decimals: u8) -> String {
    match value {
        None => "-".into(),
        Some(v) => {
            let s = number(v, decimals);
            if s.starts_with('-') || round_half_up(v, decimals) == 0.0 {
                s
            } else {
                format!("+{s}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values by hand: 四捨五入 to one decimal.
    #[test]
    fn half_up_at_ties_even_when_binary_floats_fall_short() {
        assert_eq!(number(62.25, 1), "62.3");
        assert_eq!(number(0.05, 1), "0.1");
        assert_eq!(number(0.04999, 1), "0.0");
        // 100 × 1247 / 2000 = 62.35 exactly, stored as 62.349999999999994.
        assert_eq!(number(100.0 * 1247.0 / 2000.0, 1), "62.4");
        // 68.65 → 68.7 (the tie of the やりがい baseline).
        assert_eq!(number(100.0 * 1373.0 / 2000.0, 1), "68.7");
        assert_eq!(number(-1.25, 1), "-1.3");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(12.0, 0), "12");
    }

    #[test]
    fn changes_carry_a_sign() {
        assert_eq!(change(Some(1.25), 1), "+1.3");
        assert_eq!(change(Some(-0.4), 1), "-0.4");
        assert_eq!(change(Some(0.01), 1), "0.0");
        assert_eq!(change(None, 1), "-");
        assert_eq!(share(None), "-");
    }
}
