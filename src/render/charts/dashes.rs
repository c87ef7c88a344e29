//! Dashed lines as single SVG paths. plotters draws a dashed line as one short polyline per
//! dash, each end rounded to a whole pixel, so a sloping dashed line reads as a kinked row of
//! segments. A chart instead draws the whole line solid in a stand-in colour ([`Dash::stand_in`])
//! and [`apply`] turns every stroke of that colour into the real colour with a
//! `stroke-dasharray` once the SVG is written; the PNG is rendered from that SVG (resvg draws
//! the dash pattern), so both forms show one smooth dashed line.

use plotters::style::RGBColor;

/// A dashed stroke: the colour it is drawn in, the colour it shows and its pattern (dash and
/// gap, in pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Dash {
    /// A colour used for nothing else: the real colour one step off in blue.
    pub stand_in: RGBColor,
    pub color: RGBColor,
    pub pattern: (u32, u32),
}

/// The path from the baseline to the target in the indicator charts.
pub(super) const TARGET_DASH: Dash = Dash {
    stand_in: RGBColor(0xD5, 0x5E, 0x01),
    color: super::colors::TARGET_COLOR,
    pattern: (8, 5),
};

const DASHES: [Dash; 1] = [TARGET_DASH];

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// The SVG with every stroke in a stand-in colour dashed in its real colour.
pub(super) fn apply(svg: String) -> String {
    DASHES.iter().fold(svg, |svg, d| {
        svg.replace(
            &format!("stroke=\"{}\"", hex(d.stand_in)),
            &format!(
                "stroke=\"{}\" stroke-dasharray=\"{} {}\"",
                hex(d.color),
                d.pattern.0,
                d.pattern.1
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_strokes_become_dashed_and_nothing_else_changes() {
        let svg = "<polyline stroke=\"#D55E01\" points=\"1,2 30,40 \"/>\n<polyline stroke=\"#D55E00\" points=\"0,0 1,1 \"/>".to_string();
        assert_eq!(
            apply(svg),
            "<polyline stroke=\"#D55E00\" stroke-dasharray=\"8 5\" points=\"1,2 30,40 \"/>\n<polyline stroke=\"#D55E00\" points=\"0,0 1,1 \"/>"
        );
    }
}
