//! Number formatting on the charts: one-decimal values (half-up through the project's
//! [`number`] rule), indicator values with their whole-number form, axis ticks, and whether a
//! unit is a percentage.

use crate::render::format::number;

/// Rounds `v` to one decimal place, halves rounded away from zero (四捨五入: half-up for the
/// non-negative values these charts show), and formats it with exactly one decimal.
///
/// `format!("{:.1}")` rounds the binary value half-to-even, so 0.25 prints as "0.2", and a share
/// computed as 62.35 but stored as 62.349999999999994 would go down. This uses the project's
/// table rule ([`number`]): `floor(|v| * 10 + 0.5 + 1e-9) / 10`, where the tolerance of 1e-9
/// treats values within floating-point noise of a half as exactly half. A result of zero is
/// printed as "0.0" (never "-0.0"). Non-finite values, which have no number to show, are printed
/// as `"-"`.
pub fn format_one_decimal(v: f64) -> String {
    if v.is_finite() {
        number(v, 1)
    } else {
        "-".to_string()
    }
}

/// Formats an indicator value: whole numbers when every value on the chart is whole
/// (`whole == true`), otherwise one decimal with half-up rounding.
pub(super) fn format_value(v: f64, whole: bool) -> String {
    if whole {
        number(v, 0)
    } else {
        format_one_decimal(v)
    }
}

/// Whether `unit` is a percentage ("%" or "％"), whose axes end at 100.
pub(super) fn is_percent(unit: &str) -> bool {
    matches!(unit, "%" | "％")
}

/// Axis tick formatter: at most two decimals, trailing zeros dropped, no "-0".
pub(super) fn format_tick(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == 0.0 {
        return "0".to_string();
    }
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_rounding() {
        assert_eq!(format_one_decimal(62.25), "62.3");
        assert_eq!(format_one_decimal(0.05), "0.1");
        assert_eq!(format_one_decimal(0.15), "0.2");
        assert_eq!(format_one_decimal(0.25), "0.3");
        assert_eq!(format_one_decimal(2.675), "2.7");
        assert_eq!(format_one_decimal(1.04999), "1.0");
        assert_eq!(format_one_decimal(100.0), "100.0");
        assert_eq!(format_one_decimal(0.0), "0.0");
        // 249 of 400 respondents, computed the way an analysis would.
        assert_eq!(format_one_decimal(249.0 / 400.0 * 100.0), "62.3");
        // Values that came out just below the half through floating-point arithmetic.
        assert_eq!(format_one_decimal(62.249_999_999_999_99), "62.3");
        assert_eq!(format_one_decimal(100.0 * 1247.0 / 2000.0), "62.4");
        assert_eq!(format_one_decimal(100.0 * 1373.0 / 2000.0), "68.7");
        // A real value below the half still goes down.
        assert_eq!(format_one_decimal(62.2499), "62.2");
        assert_eq!(format_one_decimal(0.04999), "0.0");
        // Plain `{:.1}` gets some of these wrong; make sure the test data exercises that.
        assert_ne!(format!("{:.1}", 0.25), format_one_decimal(0.25));
        // Negative values round half away from zero; no "-0.0".
        assert_eq!(format_one_decimal(-0.05), "-0.1");
        assert_eq!(format_one_decimal(-0.04), "0.0");
        assert_eq!(format_one_decimal(-12.35), "-12.4");
        assert_eq!(format_one_decimal(f64::NAN), "-");
    }

    #[test]
    fn value_and_tick_formatting() {
        assert_eq!(format_value(12.0, true), "12");
        assert_eq!(format_value(-0.0, true), "0");
        assert_eq!(format_value(12.25, false), "12.3");
        assert_eq!(format_tick(60.0), "60");
        assert_eq!(format_tick(2.5), "2.5");
        assert_eq!(format_tick(-0.0001), "0");
    }
}
