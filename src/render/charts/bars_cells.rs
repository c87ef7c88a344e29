//! The cells of the bar chart (one per category and series) and how each is to be read: the
//! [`CellNote`] of a cell, the marks appended to its printed value ("*" significant, "※"
//! unstable), its 95 % confidence interval whisker, the "x 秘匿" marker drawn instead of a
//! suppressed cell, and the legend lines explaining the marks a chart uses.

use anyhow::Result;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::bars::Series;
use super::colors::TEXT_COLOR;
use super::draw::{draw_suppressed, draw_text, draw_whisker, to_px, Area, Backend};
use super::font::{text_style, text_width};
use super::legend::{LegendItem, Symbol};
use super::numbers::format_one_decimal;

/// Font size of the printed values and of the "x 秘匿" marker.
const VALUE_PX: f64 = 11.0;
/// Length of a whisker's end caps (a bar is 12 px high).
const CAP_PX: f64 = 8.0;

/// Printed instead of a suppressed cell.
pub(super) use crate::render::marks::SUPPRESSED_LABEL as SUPPRESSED_MARK;
pub(super) use crate::render::marks::SUPPRESSED_NOTE;
/// Legend lines explaining the marks (only those a chart uses are shown).
pub(super) use crate::render::marks::{SIGNIFICANT_NOTE, UNSTABLE_NOTE};
/// Legend label of the whisker symbol.
pub(super) const INTERVAL_NOTE: &str = "95%信頼区間";

/// How the value of one cell (category × series) of a bar chart is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CellNote {
    /// The value is printed as it is.
    #[default]
    Plain,
    /// Significantly different: " *" follows the printed value ("62.3 *").
    Significant,
    /// Based on few answers, unstable: " ※" follows the printed value ("62.3 ※").
    Unstable,
    /// Both: " * ※" follows the printed value ("62.3 * ※").
    SignificantUnstable,
    /// Confidential (the group is too small): no bar, no whisker and no number, whatever value
    /// and interval are given; "x 秘匿" is printed where the bar would start.
    Suppressed,
}

impl CellNote {
    fn significant(self) -> bool {
        matches!(self, CellNote::Significant | CellNote::SignificantUnstable)
    }

    fn unstable(self) -> bool {
        matches!(self, CellNote::Unstable | CellNote::SignificantUnstable)
    }

    /// Text appended to the printed value.
    fn suffix(self) -> String {
        crate::render::marks::chart_suffix(
            matches!(self, CellNote::Significant | CellNote::SignificantUnstable),
            matches!(self, CellNote::Unstable | CellNote::SignificantUnstable),
        )
    }
}

/// What is drawn for one cell: the bar and its printed value (a finite value), the whisker (a
/// finite interval, drawn with or without a bar), or only the "x 秘匿" marker (suppressed).
pub(super) struct Cell {
    value: Option<f64>,
    interval: Option<(f64, f64)>,
    note: CellNote,
}

impl Cell {
    /// The `i`-th cell of `series`. A suppressed cell keeps neither value nor interval;
    /// non-finite values and intervals are left out; an interval's ends are put in order.
    pub(super) fn of(series: &Series, i: usize) -> Cell {
        let note = series.notes.get(i).copied().unwrap_or_default();
        if note == CellNote::Suppressed {
            return Cell {
                value: None,
                interval: None,
                note,
            };
        }
        Cell {
            value: series.values[i].filter(|v| v.is_finite()),
            interval: series
                .intervals
                .get(i)
                .copied()
                .flatten()
                .filter(|(lo, hi)| lo.is_finite() && hi.is_finite())
                .map(|(lo, hi)| (lo.min(hi), lo.max(hi))),
            note,
        }
    }

    /// The printed value with its marks, if a value is printed.
    fn label(&self) -> Option<String> {
        self.value
            .map(|v| format!("{}{}", format_one_decimal(v), self.note.suffix()))
    }
}

/// Where a cell is drawn: the top and bottom of its bar, the x of the value axis' 0 and the map
/// from values to x.
pub(super) struct CellPlace<'a> {
    pub(super) y0: f64,
    pub(super) y1: f64,
    pub(super) x_zero: f64,
    pub(super) x_of: &'a dyn Fn(f64) -> f64,
}

/// Draws a cell: its bar in `color`, its whisker across the bar's middle, and its printed value
/// right of both; for a suppressed cell only the "x 秘匿" marker.
pub(super) fn draw_cell<DB: Backend>(
    area: &Area<DB>,
    cell: &Cell,
    place: &CellPlace<'_>,
    color: &RGBColor,
) -> Result<()> {
    let mid = (place.y0 + place.y1) / 2.0;
    if cell.note == CellNote::Suppressed {
        return draw_suppressed(area, (place.x_zero + 4.0, mid), HPos::Left);
    }
    let mut label_x = None;
    if let Some(v) = cell.value {
        let x1 = (place.x_of)(v);
        area.draw(&Rectangle::new(
            [
                (to_px(place.x_zero), to_px(place.y0)),
                (to_px(x1), to_px(place.y1)),
            ],
            color.filled(),
        ))?;
        label_x = Some(x1);
    }
    if let Some((lo, hi)) = cell.interval {
        let (x_lo, x_hi) = ((place.x_of)(lo), (place.x_of)(hi));
        draw_whisker(area, (x_lo, mid), (x_hi, mid), CAP_PX)?;
        label_x = label_x.map(|x| x.max(x_hi));
    }
    if let (Some(text), Some(x)) = (cell.label(), label_x) {
        let style = text_style(VALUE_PX, &TEXT_COLOR, HPos::Left, VPos::Center);
        draw_text(area, &text, (x + 4.0, mid), &style)?;
    }
    Ok(())
}

/// Extra room needed right of the value axis for the widest mark after a printed value (0 when
/// no value carries a mark).
pub(super) fn suffix_room(series: &[Series], n: usize) -> f64 {
    series
        .iter()
        .flat_map(|s| (0..n).map(move |i| Cell::of(s, i)))
        .filter(|c| c.value.is_some())
        .map(|c| text_width(&c.note.suffix(), VALUE_PX))
        .fold(0.0, f64::max)
}

/// The marks a chart shows, i.e. the legend lines it needs.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Marks {
    interval: bool,
    significant: bool,
    unstable: bool,
    suppressed: bool,
}

impl Marks {
    /// Marks shown by the first `n` cells of each series: a mark counts only where it is drawn
    /// (a note on a cell without a value prints nothing).
    pub(super) fn of(series: &[Series], n: usize) -> Marks {
        let mut marks = Marks::default();
        for cell in series
            .iter()
            .flat_map(|s| (0..n).map(move |i| Cell::of(s, i)))
        {
            marks.interval |= cell.interval.is_some();
            marks.suppressed |= cell.note == CellNote::Suppressed;
            if cell.value.is_some() {
                marks.significant |= cell.note.significant();
                marks.unstable |= cell.note.unstable();
            }
        }
        marks
    }

    /// Legend entries for the marks shown: the whisker symbol, then one line per mark.
    pub(super) fn legend(&self) -> Vec<LegendItem> {
        let mut items = Vec::new();
        if self.interval {
            let whisker = Symbol::Whisker {
                from: (2.0, 0.0),
                to: (22.0, 0.0),
                cap: CAP_PX,
            };
            items.push(LegendItem::new(24.0, INTERVAL_NOTE, whisker));
        }
        for (used, note) in [
            (self.significant, SIGNIFICANT_NOTE),
            (self.unstable, UNSTABLE_NOTE),
            (self.suppressed, SUPPRESSED_NOTE),
        ] {
            if used {
                items.push(LegendItem::new(0.0, note, Symbol::Blank));
            }
        }
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::bars::{grouped_bars_svg, GroupedBars};
    use crate::render::charts::font::ensure_fonts;
    use crate::render::charts::test_support::{
        assert_svg_document, attr, bar_rects, text_element, texts, whiskers,
    };
    use CellNote::*;

    type Intervals = Vec<Option<(f64, f64)>>;

    fn series(name: &str, values: Vec<Option<f64>>, intervals: Intervals) -> Series {
        Series {
            name: name.into(),
            values,
            intervals,
            notes: vec![],
            n: None,
        }
    }

    fn chart(series: Vec<Series>) -> GroupedBars {
        GroupedBars {
            title: "設問別 肯定的回答の割合（雇用形態別）".into(),
            categories: vec![
                "仕事にやりがいを感じている".into(),
                "上司に相談しやすい".into(),
                "研修の機会が十分にある".into(),
            ],
            negative: vec![],
            series,
            value_axis_label: "肯定的回答の割合（%）".into(),
        }
    }

    fn legend_notes(svg: &str) -> Vec<String> {
        let notes = [
            INTERVAL_NOTE,
            SIGNIFICANT_NOTE,
            UNSTABLE_NOTE,
            SUPPRESSED_NOTE,
        ];
        texts(svg)
            .into_iter()
            .filter(|t| notes.contains(&t.as_str()))
            .collect()
    }

    #[test]
    fn one_whisker_per_finite_interval_spanning_it() {
        let c = chart(vec![
            series(
                "正規職員",
                vec![Some(60.0), Some(30.0), Some(15.0)],
                vec![Some((50.0, 70.0)), None, Some((20.0, 10.0))],
            ),
            series(
                "会計年度任用職員",
                vec![None, Some(40.0), Some(5.0)],
                vec![Some((1.0, 9.0)), Some((f64::NAN, 50.0)), None],
            ),
        ]);
        let svg = grouped_bars_svg(&c).unwrap();
        assert_svg_document(&svg);
        let w = whiskers(&svg);
        // Legend symbol, then three whiskers (the NaN interval is left out; an interval without
        // a value is still drawn).
        assert_eq!(w.len(), 1 + 3, "{w:?}");
        // Whiskers (category by category, series by series): cap, cap, line, cap, cap,
        // horizontal across the middle of the bar. 50–70 is twice as long as 20–10 (reordered).
        let span = |p: &Vec<(f64, f64)>| (p[2].0, p[3].0);
        let (lo_a, hi_a) = span(&w[1]);
        let (lo_b, hi_b) = span(&w[3]);
        assert!(lo_a < hi_a && lo_b < hi_b, "ends in order: {w:?}");
        assert!(((hi_a - lo_a) - 2.0 * (hi_b - lo_b)).abs() <= 1.0, "{w:?}");
        assert_eq!(w[1][2].1, w[1][3].1);
        let bars = bar_rects(&svg);
        let bar = bars[0];
        let mid = attr(bar, "y") + attr(bar, "height") / 2.0;
        assert!((w[1][2].1 - mid).abs() <= 1.0, "{mid} {w:?}");
        // The value is printed right of the whisker, not on it.
        let label = text_element(&svg, "60.0").expect("value 60.0");
        assert!(attr(label, "x") > hi_a, "{label}");
        // The bar still ends at its value.
        assert!(attr(bar, "x") + attr(bar, "width") < hi_a);
        assert_eq!(legend_notes(&svg), [INTERVAL_NOTE]);
    }

    #[test]
    fn suppressed_cell_shows_only_the_marker() {
        let mut s = series(
            "20歳代",
            vec![Some(37.7), Some(41.2), None],
            vec![Some((30.1, 45.2)), None, None],
        );
        s.notes = vec![Suppressed, Plain, Plain];
        let svg = grouped_bars_svg(&chart(vec![s])).unwrap();
        assert_svg_document(&svg);
        assert_eq!(bar_rects(&svg).len(), 1);
        assert!(whiskers(&svg).is_empty());
        let t = texts(&svg);
        assert_eq!(
            t.iter().filter(|s| *s == SUPPRESSED_MARK).count(),
            1,
            "{t:?}"
        );
        assert!(t.iter().any(|s| s == "41.2"));
        for number in ["37.7", "30.1", "45.2"] {
            assert!(
                !svg.contains(number),
                "{number} printed for a suppressed cell"
            );
        }
        assert!(!t.iter().any(|s| s.starts_with("37")));
        // The marker sits at the start of the first category's bar, above the second's.
        let marker = text_element(&svg, SUPPRESSED_MARK).unwrap();
        let bar = bar_rects(&svg)[0];
        assert!(attr(marker, "y") < attr(bar, "y"));
        assert!((attr(marker, "x") - attr(bar, "x") - 4.0).abs() <= 1.0);
        assert_eq!(legend_notes(&svg), [SUPPRESSED_NOTE]);
    }

    #[test]
    fn marks_follow_the_printed_value() {
        let mut s = series(
            "やりがい有",
            vec![Some(62.25), Some(12.5), Some(0.05)],
            vec![],
        );
        s.notes = vec![Significant, Unstable, SignificantUnstable];
        let svg = grouped_bars_svg(&chart(vec![s])).unwrap();
        let t = texts(&svg);
        for v in ["62.3 *", "12.5 ※", "0.1 * ※"] {
            assert!(t.iter().any(|s| s == v), "{v} missing in {t:?}");
        }
        assert!(!t.iter().any(|s| s == "62.3" || s == "12.5"));
        assert_eq!(bar_rects(&svg).len(), 3);
        assert_eq!(legend_notes(&svg), [SIGNIFICANT_NOTE, UNSTABLE_NOTE]);

        let mut only_unstable = chart(vec![series("全体", vec![Some(50.0); 3], vec![])]);
        only_unstable.series[0].notes = vec![Plain, Unstable, Plain];
        let svg = grouped_bars_svg(&only_unstable).unwrap();
        assert!(texts(&svg).iter().any(|s| s == "50.0 ※"));
        assert_eq!(legend_notes(&svg), [UNSTABLE_NOTE]);
    }

    #[test]
    fn legend_lines_only_for_marks_shown() {
        let plain = chart(vec![series(
            "全体",
            vec![Some(50.0), None, Some(20.0)],
            vec![],
        )]);
        let svg = grouped_bars_svg(&plain).unwrap();
        assert!(legend_notes(&svg).is_empty());
        assert!(!svg.contains('※') && !svg.contains("x 秘匿") && !svg.contains(" *"));

        // Notes and intervals that mark nothing change nothing: all Plain, all None, and a mark
        // on a cell without a value (nothing printed, so nothing to explain).
        let mut explicit = plain.clone();
        explicit.series[0].notes = vec![Plain, Significant, Plain];
        explicit.series[0].intervals = vec![None; 3];
        assert_eq!(grouped_bars_svg(&explicit).unwrap(), svg);
    }

    #[test]
    fn marked_values_stay_on_the_chart() {
        ensure_fonts().unwrap();
        let full = |notes: Vec<CellNote>| {
            let mut s = series("全体", vec![Some(100.0); 3], vec![]);
            s.notes = notes;
            grouped_bars_svg(&chart(vec![s])).unwrap()
        };
        let plain = full(vec![]);
        let marked = full(vec![SignificantUnstable, Plain, Plain]);
        let width = attr(marked.lines().next().unwrap(), "width");
        let label = text_element(&marked, "100.0 * ※").expect("marked 100 %");
        let right = attr(label, "x") + text_width("100.0 * ※", VALUE_PX);
        assert!(right <= width - 4.0, "label ends at {right} of {width}");
        // The room comes out of the value axis.
        let bar_w = |svg: &str| attr(bar_rects(svg)[0], "width");
        assert!(bar_w(&marked) < bar_w(&plain));
    }

    #[test]
    fn marked_chart_is_deterministic() {
        let mut s = series(
            "全体",
            vec![Some(62.25), None, Some(80.0)],
            vec![Some((55.0, 69.0)), None, Some((74.5, 85.5))],
        );
        s.notes = vec![Significant, Suppressed, Unstable];
        let c = chart(vec![s]);
        assert_eq!(grouped_bars_svg(&c).unwrap(), grouped_bars_svg(&c).unwrap());
    }
}
