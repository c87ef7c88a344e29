//! Test-only: writes every chart kind as PNG and SVG to a folder for looking at them
//! (`cargo test --lib render::charts::preview -- --ignored`; folder `/tmp/charts-check`, or
//! `$CHARTS_CHECK_DIR`), and the sample inputs the PNG tests share.

use std::path::PathBuf;

use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{Svg, Target};
use super::raster::Png;
use super::*;

pub(super) fn sample_bars() -> GroupedBars {
    let values = |v: [f64; 4]| v.iter().map(|x| Some(*x)).collect::<Vec<_>>();
    GroupedBars {
        title: "設問別 肯定的回答の割合（年齢階層別）「全体」との比較".into(),
        categories: vec![
            "仕事にやりがいを感じている".into(),
            "仕事を辞めたいと思うことがある".into(),
            "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている"
                .into(),
            "研修（OJT・Off-JT）の機会が十分にある".into(),
        ],
        negative: vec![false, true, false, false],
        series: vec![
            Series {
                name: "20歳代".into(),
                values: values([62.25, 18.4, 55.0, 37.7]),
                intervals: vec![Some((55.0, 69.0)), None, None, None],
                notes: vec![
                    CellNote::Significant,
                    CellNote::Plain,
                    CellNote::Unstable,
                    CellNote::Suppressed,
                ],
                n: Some(212),
            },
            Series {
                name: "30歳代".into(),
                values: values([48.0, 25.5, 61.2, 44.0]),
                intervals: vec![],
                notes: vec![],
                n: None,
            },
        ],
        value_axis_label: "肯定的回答の割合（%）".into(),
    }
}

pub(super) fn sample_path() -> IndicatorPath {
    let point = |fy: i32, label: &str, value: f64| PathPoint {
        fiscal_year: fy,
        label: label.into(),
        value,
    };
    IndicatorPath {
        title: "KGI 仕事にやりがいを感じている職員の割合（「そう思う」＋「ややそう思う」）".into(),
        unit: "%".into(),
        lower_is_better: false,
        actual: vec![point(2022, "R4", 55.2), point(2023, "R5", 58.45)],
        intervals: vec![Some((51.0, 59.4)), Some((54.9, 62.0))],
        baseline: point(2023, "R5", 58.45),
        target: point(2027, "R9", 70.0),
        decimals: None,
        target_bound: None,
        hold: false,
        status: None,
    }
}

pub(super) fn sample_diverging() -> Diverging {
    let row = |label: &str, negative: bool, counts: Option<Vec<u32>>| DivergingRow {
        label: label.into(),
        negative_statement: negative,
        shares: super::diverging::from_counts(counts),
    };
    Diverging {
        title: "設問別 回答の分布（全体）".into(),
        levels: ["そう思う", "ややそう思う", "あまりそう思わない", "そう思わない"]
            .map(String::from)
            .to_vec(),
        positive: 2,
        neutral: 0,
        rows: vec![
            row("仕事にやりがいを感じている", false, Some(vec![120, 210, 60, 20])),
            row("仕事を辞めたいと思うことがある", true, Some(vec![40, 90, 160, 120])),
            row(
                "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている",
                false,
                Some(vec![300, 90, 15, 5]),
            ),
            row("研修（OJT・Off-JT）の機会が十分にある", false, None),
            row("回答のない設問", false, Some(vec![0, 0, 0, 0])),
            row("ほとんどが否定的", false, Some(vec![3, 10, 150, 250])),
        ],
    }
}

pub(super) fn sample_heatmap() -> Heatmap {
    let v = |share: f64, diff: f64, significant: bool| HeatCell::Value {
        share,
        diff,
        significant,
    };
    Heatmap {
        title: "設問別 肯定的回答の割合（所属別、全体との差で色分け）".into(),
        rows: vec![
            "仕事にやりがいを感じている".into(),
            "仕事を辞めたいと思うことがある".into(),
            "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている"
                .into(),
            "研修（OJT・Off-JT）の機会が十分にある".into(),
        ],
        negative: vec![false, true, false, false],
        columns: vec![
            "総務部".into(),
            "市民生活部".into(),
            "保健福祉部（子ども家庭課を含む）".into(),
            "都市整備部".into(),
            "教育委員会事務局".into(),
        ],
        cells: vec![
            vec![
                v(62.3, 4.1, false),
                v(48.0, -10.2, true),
                v(70.5, 12.3, true),
                HeatCell::Suppressed,
                v(58.2, 0.0, false),
            ],
            vec![
                v(31.7, 8.5, true),
                v(20.0, -3.2, false),
                HeatCell::Empty,
                HeatCell::Suppressed,
                v(12.4, -20.0, true),
            ],
            vec![
                v(75.0, 1.5, false),
                v(64.1, -7.4, false),
                v(88.8, 16.2, true),
                v(40.0, -30.0, true),
                v(70.2, -1.1, false),
            ],
            vec![
                v(37.7, -2.0, false),
                v(44.4, 5.0, false),
                v(51.9, 11.0, false),
                v(22.2, -14.9, true),
                v(f64::NAN, f64::NAN, false),
            ],
        ],
        overall: Some(OverallColumn {
            label: "全体".into(),
            cells: vec![
                v(58.2, 0.0, false),
                v(23.2, 0.0, false),
                v(73.5, 0.0, false),
                HeatCell::Suppressed,
            ],
        }),
    }
}

pub(super) fn sample_trend() -> Trend {
    let series = |name: &str, values: [Option<f64>; 3], negative: bool| TrendSeries {
        name: name.into(),
        values: values.to_vec(),
        intervals: values
            .iter()
            .map(|v| v.map(|v| (v - 4.5, v + 4.5)))
            .collect(),
        negative_statement: negative,
        change: TrendChange::Points {
            since: "R5".into(),
            diff: 2.6,
            significant: !negative,
        },
    };
    Trend {
        title: "設問別 肯定的回答の割合の推移（R4〜R6）".into(),
        waves: vec!["R4".into(), "R5".into(), "R6".into()],
        series: vec![
            series("仕事にやりがいを感じている", [Some(55.2), Some(58.45), Some(61.0)], false),
            series("仕事を辞めたいと思うことがある", [Some(30.0), Some(27.5), Some(31.2)], true),
            series(
                "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている",
                [Some(70.0), None, Some(74.1)],
                false,
            ),
            series("研修（OJT・Off-JT）の機会が十分にある", [None, Some(40.0), Some(37.7)], false),
            series("能力を発揮できている", [Some(98.0), Some(100.0), Some(99.5)], false),
            TrendSeries {
                name: "休暇を取得しやすい".into(),
                values: vec![Some(2.0), Some(0.0), None],
                intervals: vec![],
                negative_statement: false,
                change: TrendChange::Suppressed { since: "R5".into() },
            },
        ],
    }
}

pub(super) fn sample_columns() -> StackedColumns {
    let rows = [
        [1162.0, 118.0, 251.0, 702.0, 31.0],
        [1150.0, 121.0, 249.0, 688.0, 30.0],
        [1141.0, 119.0, 252.0, 671.0, 29.0],
        [1137.0, 117.0, 250.0, 664.0, 8.0],
        [1129.0, 120.0, 248.0, 655.0, 0.0],
    ];
    let mut values: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|r| r.iter().map(|v| Some(*v)).collect())
        .collect();
    values[4][4] = None;
    let totals = values
        .iter()
        .map(|r| Some(r.iter().flatten().sum()))
        .collect();
    StackedColumns {
        title: "任命権者別 職員数の推移（各年度4月1日現在）".into(),
        categories: ["R1", "R2", "R3", "R4", "R5"].map(String::from).to_vec(),
        series: [
            "市長部局",
            "教育委員会",
            "消防本部",
            "病院局",
            "その他（少人数）",
        ]
        .map(String::from)
        .to_vec(),
        values,
        totals,
        value_axis_label: "職員数（人）".into(),
    }
}

pub(super) fn sample_pyramid() -> AgePyramid {
    let side = |v: [f64; 9]| v.iter().map(|x| Some(*x)).collect::<Vec<_>>();
    let mut left = side([12.0, 98.0, 121.0, 135.0, 162.0, 188.0, 201.0, 176.0, 64.0]);
    let right = side([21.0, 87.0, 96.0, 88.0, 91.0, 102.0, 97.0, 70.0, 18.0]);
    left[0] = None;
    AgePyramid {
        title: "職員の年齢構成（令和5年4月1日現在、正規職員）".into(),
        bands: [
            "～24歳",
            "25～29歳",
            "30～34歳",
            "35～39歳",
            "40～44歳",
            "45～49歳",
            "50～54歳",
            "55～59歳",
            "60歳～",
        ]
        .map(String::from)
        .to_vec(),
        left,
        right,
        left_label: "男性".into(),
        right_label: "女性".into(),
        value_axis_label: "人".into(),
    }
}

pub(super) fn sample_comparison() -> ComparisonBars {
    ComparisonBars {
        title: "職員1人当たりの月平均時間外勤務時間（令和4年度）".into(),
        labels: [
            "しおかぜ市",
            "道内主要都市平均",
            "みなと市",
            "やまなみ町",
            "北の森市（教育委員会・消防本部を除く）",
            "かわせみ市",
        ]
        .map(String::from)
        .to_vec(),
        values: vec![14.25, 12.0, 16.8, 9.35, 11.0, 0.0],
        highlight: vec![true, false, false, false, false, false],
        warning: false,
        unit: "時間".into(),
        decimals: 1,
        caption: "出典: 令和4年度地方公共団体の勤務条件等に関する調査（総務省）".into(),
    }
}

pub(super) fn sample_year_lines() -> YearLines {
    YearLines {
        width: YEAR_LINES_WIDTH,
        title: "女性職員の割合の推移（全体・管理職）".into(),
        categories: ["H30", "R1", "R2", "R3", "R4", "R5"]
            .map(String::from)
            .to_vec(),
        series: vec![
            (
                "全体".into(),
                vec![
                    Some(31.2),
                    Some(31.85),
                    Some(32.4),
                    None,
                    Some(33.95),
                    Some(34.6),
                ],
            ),
            (
                "管理職（課長級以上）".into(),
                vec![
                    Some(8.1),
                    Some(9.0),
                    Some(10.25),
                    Some(11.4),
                    Some(12.0),
                    Some(14.3),
                ],
            ),
            (
                "係長級".into(),
                vec![
                    Some(24.0),
                    Some(26.5),
                    Some(27.0),
                    Some(30.1),
                    Some(32.0),
                    Some(33.9),
                ],
            ),
        ],
        unit: "%".into(),
        value_axis_label: "女性の割合（%）".into(),
    }
}

/// Lines of text whose glyphs depend on their side bearings (punctuation, symbols), at 20 px,
/// left-aligned, right-aligned and centred.
fn specimen<T: Target>(target: T) -> anyhow::Result<T::Output> {
    font::ensure_fonts()?;
    let lines = [
        "（括弧）「鉤括弧」『二重』【隅付き】、。・：；！？",
        "※＊▼〜ー―…％＋－＝ 62.3% R4〜R6 Off-JT",
        "研修（OJT・Off-JT）の機会が十分にある。",
    ];
    target.render((640, 200), |root| {
        for (i, line) in lines.iter().enumerate() {
            let y = 25.0 + i as f64 * 40.0;
            let style = font::text_style(20.0, &colors::TEXT_COLOR, HPos::Left, VPos::Center);
            draw::draw_text(root, line, (10.0, y), &style)?;
        }
        let right = font::text_style(14.0, &colors::TEXT_COLOR, HPos::Right, VPos::Top);
        draw::draw_text(root, "右寄せ（上端）", (630.0, 150.0), &right)?;
        let centre = font::text_style(14.0, &colors::TEXT_COLOR, HPos::Center, VPos::Bottom);
        draw::draw_text(root, "「中央・下端」", (320.0, 190.0), &centre)?;
        Ok(())
    })
}

#[test]
#[ignore = "writes files for looking at the charts"]
fn write_charts_for_inspection() {
    let dir = std::env::var_os("CHARTS_CHECK_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/charts-check"));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, png: Vec<u8>, svg: String| {
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
        std::fs::write(dir.join(format!("{name}.svg")), svg).unwrap();
    };
    let bars = sample_bars();
    write(
        "bars",
        grouped_bars_png(&bars).unwrap(),
        grouped_bars_svg(&bars).unwrap(),
    );
    let path = sample_path();
    write(
        "path",
        indicator_path_png(&path).unwrap(),
        indicator_path_svg(&path).unwrap(),
    );
    let diverging = sample_diverging();
    write(
        "diverging",
        diverging_png(&diverging).unwrap(),
        diverging_svg(&diverging).unwrap(),
    );
    let heatmap = sample_heatmap();
    write(
        "heatmap",
        heatmap_png(&heatmap).unwrap(),
        heatmap_svg(&heatmap).unwrap(),
    );
    write("text", specimen(Png).unwrap(), specimen(Svg).unwrap());
    let trend = sample_trend();
    write(
        "trend",
        trend_png(&trend).unwrap(),
        trend_svg(&trend).unwrap(),
    );
    let columns = sample_columns();
    write(
        "columns",
        stacked_columns_png(&columns).unwrap(),
        stacked_columns_svg(&columns).unwrap(),
    );
    let pyramid = sample_pyramid();
    write(
        "pyramid",
        age_pyramid_png(&pyramid).unwrap(),
        age_pyramid_svg(&pyramid).unwrap(),
    );
    let comparison = sample_comparison();
    write(
        "comparison",
        comparison_bars_png(&comparison).unwrap(),
        comparison_bars_svg(&comparison).unwrap(),
    );
    let year_lines = sample_year_lines();
    write(
        "year_lines",
        year_lines_png(&year_lines).unwrap(),
        year_lines_svg(&year_lines).unwrap(),
    );
}
