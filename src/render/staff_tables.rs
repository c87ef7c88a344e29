//! The tables of the 職員の状況 section, formatted from the HR statistics
//! ([`crate::staff::StaffStats`]) and the comparisons: staff per year by appointing body, the
//! age structure, women's shares by post and over the years, young staff's resignations,
//! men's childcare leave, staff per department, the city beside other cities, and who was
//! left out by rule. Every number is the staff stage's; this file only formats.

use super::format::{change, number, share};
use super::marks::SUPPRESSED;
use super::table::{Kind, Table};
use crate::staff::date::japanese_date;
use crate::staff::stats::{Merged, Share, Stacked, WomenYear};
use crate::staff::{Comparison, StaffView};

/// A count as printed (whole numbers), `-` when absent.
fn count(v: Option<f64>) -> String {
    v.map(|v| number(v, 0)).unwrap_or_else(|| "-".into())
}

/// The note on groups merged for confidentiality in `dimension`, if any.
pub fn merged_note(merged: &[Merged], dimension: &str, min: u32) -> String {
    // Runs of years with the same merged groups are named once: R1～R6.
    let mut runs: Vec<(String, String, &Merged)> = Vec::new();
    for m in merged.iter().filter(|m| m.dimension == dimension) {
        match runs.last_mut() {
            Some((_, last, prev)) if prev.groups == m.groups && prev.shown == m.shown => {
                *last = m.year.short();
            }
            _ => runs.push((m.year.short(), m.year.short(), m)),
        }
    }
    let lines: Vec<String> = runs
        .iter()
        .map(|(first, last, m)| {
            let years = if first == last {
                first.clone()
            } else {
                format!("{first}～{last}")
            };
            let hidden = if m.shown {
                ""
            } else {
                "（合わせても少ないため非表示）"
            };
            format!("{years}: {}{hidden}", m.groups.join("、"))
        })
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "職員が {min} 人未満の{dimension}は、その{dimension}と、合計や他の表との差し引きで人数が分からないよう選んだ他の{dimension}（人数の多いものも含みます）を合わせて「その他（少人数）」として示します（「その他（少人数）」に含むもの: {}）。",
        lines.join("; ")
    )
}

/// A stacked count per year and group, with the total.
fn stacked_table(title: String, note: String, s: &Stacked) -> Table {
    let mut headers = vec!["年度".to_string()];
    headers.extend(s.series.iter().cloned());
    headers.push("合計".into());
    let mut t = Table::new(title, headers);
    t.note = note;
    t.kinds = Some(
        std::iter::once(Kind::Text)
            .chain(std::iter::repeat_n(Kind::Number, s.series.len() + 1))
            .collect(),
    );
    t.rows = s
        .years
        .iter()
        .zip(&s.values)
        .zip(&s.totals)
        .map(|((y, values), total)| {
            let mut row = vec![y.short()];
            row.extend(values.iter().map(|v| count(*v)));
            row.push(count(Some(*total)));
            row
        })
        .collect();
    t
}

/// Staff per year by appointing body.
pub fn headcount(view: &StaffView, min: u32) -> Table {
    let mut note = "各年度の基準日（名簿の日付）時点の職員数です。除外ルールに当たる職員（特別職など、「集計から除いた職員」の表）は含みません。".to_string();
    note.push_str(&merged_note(&view.stats.merged, "任命権者", min));
    stacked_table(
        "職員数の推移（任命権者別）".into(),
        note,
        &view.stats.headcount,
    )
}

/// Young staff's resignations per year by appointing body.
pub fn resignations(view: &StaffView, min: u32) -> Table {
    let mut note = "30歳代以下（退職日の年齢）で、数える退職事由に当たる退職者の数です。年度は退職日の年度です。".to_string();
    note.push_str(&merged_note(&view.stats.merged, "任命権者", min));
    stacked_table(
        "30歳代以下の職員の退職者数（任命権者別）".into(),
        note,
        &view.stats.resignations,
    )
}

/// The age structure at the latest reference date.
pub fn age(view: &StaffView) -> Option<Table> {
    let p = view.stats.pyramid.as_ref()?;
    let date = view
        .stats
        .reference
        .map(|(_, d)| japanese_date(d))
        .unwrap_or_else(|| p.year.to_string());
    let mut t = Table::new(
        format!("年齢別職員構成（{date}時点）"),
        ["年齢", "男性（人）", "女性（人）", "計（人）"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![Kind::Text, Kind::Number, Kind::Number, Kind::Number]);
    let cell = |v: Option<f64>| v.map(|v| number(v, 0)).unwrap_or_else(|| SUPPRESSED.into());
    t.rows = p
        .bands
        .iter()
        .rev()
        .map(|b| {
            let total = b.men.zip(b.women).map(|(m, w)| m + w);
            vec![b.label(), cell(b.men), cell(b.women), cell(total)]
        })
        .collect();
    t.note = format!(
        "年齢は基準日の満年齢です。両端の年齢層は人数が少なければ隣の層と合わせ、それでも少ない層は x（秘匿）とします。{}",
        if p.unknown > 0.0 {
            format!("年齢か性別の分からない {} 人は含みません。", number(p.unknown, 0))
        } else {
            String::new()
        }
    );
    Some(t)
}

/// Women's shares by post in the latest year with posts, beside the compared year.
pub fn women_by_post(view: &StaffView, min: u32) -> Option<Table> {
    let stats = &view.stats;
    let latest = stats.women.last()?;
    let earlier: Option<&WomenYear> = stats
        .compare_year
        .and_then(|c| stats.women.iter().find(|w| w.year == c))
        .filter(|w| w.year != latest.year);
    let y = latest.year.short();
    let mut headers = vec![
        "職位".to_string(),
        format!("{y} 男性（人）"),
        format!("{y} 女性（人）"),
        format!("{y} 女性の割合（%）"),
    ];
    if let Some(e) = earlier {
        let ey = e.year.short();
        headers.push(format!("{ey} 女性の割合（%）"));
        headers.push(format!("{ey}からの変化（pt）"));
    }
    let mut t = Table::new(format!("職位別の女性の割合（{}）", latest.year), headers);
    let mut kinds = vec![Kind::Text, Kind::Number, Kind::Number, Kind::Percent];
    if earlier.is_some() {
        kinds.extend([Kind::Percent, Kind::Points]);
    }
    t.kinds = Some(kinds);
    let find = |w: &WomenYear, name: &str| -> Option<Share> { w.share(name) };
    let mut names = vec!["全体".to_string(), "管理職".to_string()];
    names.extend(latest.posts.iter().map(|(p, _)| p.clone()));
    for name in names {
        let now = find(latest, &name);
        let before = earlier.and_then(|e| find(e, &name));
        let hidden = |s: Option<Share>, f: fn(Share) -> String| {
            s.map(f).unwrap_or_else(|| SUPPRESSED.into())
        };
        let mut row = vec![
            name.clone(),
            hidden(now, |s| number(s.men, 0)),
            hidden(now, |s| number(s.women, 0)),
            hidden(now, |s| share(Some(s.percent))),
        ];
        if earlier.is_some() {
            row.push(
                before
                    .map(|s| share(Some(s.percent)))
                    .unwrap_or_else(|| "-".into()),
            );
            row.push(change(
                now.zip(before).map(|(n, b)| n.percent - b.percent),
                1,
            ));
        }
        t.rows.push(row);
    }
    t.note = format!(
        "女性の割合は女性 ÷（男性 + 女性）です。管理職は管理職とした職位（パイプラインファイルの manager = true）の合計です。{}",
        merged_note(&stats.merged, "職位", min)
    );
    Some(t)
}

/// Women's shares overall and among managers over the years.
pub fn women_trend(view: &StaffView) -> Option<Table> {
    let women = &view.stats.women;
    if women.len() < 2 {
        return None;
    }
    let mut t = Table::new(
        "女性の割合の推移",
        ["年度", "全体（%）", "管理職（%）"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![Kind::Text, Kind::Percent, Kind::Percent]);
    t.rows = women
        .iter()
        .map(|w| {
            vec![
                w.year.short(),
                share(w.overall.map(|s| s.percent)),
                share(w.managers.map(|s| s.percent)),
            ]
        })
        .collect();
    Some(t)
}

/// Men's childcare leave per year.
pub fn childcare(view: &StaffView, min: u32) -> Option<Table> {
    let rows = &view.stats.childcare;
    if rows.is_empty() {
        return None;
    }
    let mut t = Table::new(
        "男性職員の育児休業取得率",
        [
            "年度",
            "対象者数（人）",
            "取得者数（人）",
            "取得率（%）",
            "1か月超の取得者数（人）",
            "取得者のうち1か月超の割合（%）",
        ]
        .map(String::from)
        .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Number,
        Kind::Number,
        Kind::Percent,
        Kind::Number,
        Kind::Percent,
    ]);
    t.rows = rows
        .iter()
        .map(|c| {
            vec![
                c.year.short(),
                count(c.eligible),
                count(c.taken),
                share(c.taken_percent),
                count(c.long),
                share(c.long_percent),
            ]
        })
        .collect();
    t.note = format!("取得率は取得者数 ÷ 対象者数（その年度に子が生まれた男性職員）、1か月超の割合は 1か月を超えて取得した人数 ÷ 取得者数です。分母が {min} 人未満の割合は示しません。");
    Some(t)
}

/// Staff and women's share per department at the latest reference date.
pub fn departments(view: &StaffView, min: u32) -> Option<Table> {
    let (year, rows) = view.stats.departments.as_ref()?;
    let mut t = Table::new(
        format!("所属別の職員数と女性の割合（{year}）"),
        ["所属", "職員数（人）", "女性（人）", "女性の割合（%）"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![Kind::Text, Kind::Number, Kind::Number, Kind::Percent]);
    t.rows = rows
        .iter()
        .map(|r| {
            vec![
                r.name.clone(),
                number(r.staff, 0),
                count(r.women.map(|s| s.women)),
                share(r.women.map(|s| s.percent)),
            ]
        })
        .collect();
    t.note = merged_note(&view.stats.merged, "所属", min);
    Some(t)
}

/// The city beside other organisations, one row per organisation and indicator.
pub fn comparisons(view: &StaffView, organisation: &str) -> Option<Table> {
    if view.comparisons.is_empty() {
        return None;
    }
    let mut t = Table::new(
        "他の自治体との比較",
        ["指標", "年度", "比較対象", "値", "単位", "出典"]
            .map(String::from)
            .to_vec(),
    );
    t.kinds = Some(vec![
        Kind::Text,
        Kind::Text,
        Kind::Text,
        Kind::InUnit(4),
        Kind::Text,
        Kind::Text,
    ]);
    for c in &view.comparisons {
        let row = |who: &str, v: Option<f64>, source: &str| {
            vec![
                c.name.clone(),
                c.year.short(),
                who.to_string(),
                v.map(|v| number(v, c.decimals))
                    .unwrap_or_else(|| "-".into()),
                c.unit.clone(),
                source.to_string(),
            ]
        };
        t.rows.push(row(organisation, c.city, "本市の値"));
        for (who, v, source) in &c.others {
            t.rows.push(row(who, Some(*v), source));
        }
    }
    t.note = "比較の値は比較表（[benchmarks]）のとおりで、本市の値は同じ年度の行政データ（育児休業取得率は人事の集計）です。".into();
    Some(t)
}

/// Who was left out of the statistics by rule: one row per rule, one column per roster year.
pub fn exclusions(view: &StaffView) -> Option<Table> {
    let e = &view.stats.excluded;
    if e.is_empty() {
        return None;
    }
    let mut years: Vec<_> = e.iter().map(|x| x.year).collect();
    years.dedup();
    let mut labels: Vec<&str> = Vec::new();
    for x in e {
        if !labels.contains(&x.label.as_str()) {
            labels.push(&x.label);
        }
    }
    let mut headers = vec!["除外ルール".to_string()];
    headers.extend(years.iter().map(|y| format!("{}（人）", y.short())));
    let mut t = Table::new("集計から除いた職員", headers);
    t.kinds = Some(
        std::iter::once(Kind::Text)
            .chain(std::iter::repeat_n(Kind::Number, years.len()))
            .collect(),
    );
    t.rows = labels
        .iter()
        .map(|label| {
            let mut row = vec![label.to_string()];
            row.extend(years.iter().map(|y| {
                let n = e.iter().find(|x| x.year == *y && x.label == *label);
                n.map_or_else(|| "-".into(), |x| x.count.to_string())
            }));
            row
        })
        .collect();
    t.note = "パイプラインファイルの [[staff.exclude]] に書いたルールに当たり、職員の状況のどの集計にも含めなかった人数です（各年度の名簿で、上のルールから順に当てはめます）。".into();
    Some(t)
}

/// A comparison's city and others as chart rows, the city first.
pub fn comparison_rows(c: &Comparison, organisation: &str) -> Vec<(String, f64, bool)> {
    let mut rows = Vec::new();
    if let Some(v) = c.city {
        rows.push((organisation.to_string(), v, true));
    }
    rows.extend(c.others.iter().map(|(w, v, _)| (w.clone(), *v, false)));
    rows
}
