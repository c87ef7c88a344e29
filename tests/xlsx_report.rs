//! report.xlsx: every table on its own sheet with the same numbers as the CSV files, every
//! number stored as a number in its column's unit (shares as fractions with a % format,
//! changes in points with a pt format, KGI/KPI values in their own unit, targets apart from
//! their bound), A4 page setup on every sheet, conditional formats, and a contents sheet that
//! links every sheet. Read back with calamine; formats, page setup and links from the XML
//! inside the file (zip + roxmltree).

mod common;

use calamine::{Data, Reader, SheetType};
use common::xlsx::*;
use common::*;
use std::collections::BTreeMap;

/// The title of each table file: the first line of its Markdown form (`### title`).
fn tables() -> Vec<(String, String)> {
    let dir = sample_dir().join("tables");
    let mut out = Vec::new();
    for f in files(&dir) {
        let Some(stem) = f.strip_suffix(".md") else {
            continue;
        };
        let md = std::fs::read_to_string(dir.join(&f)).unwrap();
        let title = md
            .lines()
            .next()
            .unwrap()
            .trim_start_matches("### ")
            .to_string();
        out.push((stem.to_string(), title));
    }
    out
}

#[test]
fn every_table_sheet_holds_its_csv_numbers_as_numbers_in_their_unit() {
    let dir = sample_dir();
    let mut book = open();
    let parts = Parts::read(&dir.join("report.xlsx"));
    let part_of: BTreeMap<String, String> = parts.sheets().into_iter().collect();
    let listed = contents(&mut book);
    let (mut tables_checked, mut numbers, mut percents, mut points) = (0, 0, 0, 0);
    for (stem, title) in tables() {
        let name = &listed
            .iter()
            .find(|(_, t)| *t == title)
            .unwrap_or_else(|| panic!("{stem}: 「{title}」 is not on the contents sheet"))
            .0;
        let sheet = book.worksheet_range(name).unwrap();
        let formats = parts.number_formats(&part_of[name]);
        let csv = csv_rows(&read_csv(&dir.join(format!("tables/{stem}.csv"))));
        let top = header_row(&sheet, &csv[0]);
        let unit_col = csv[0].iter().position(|h| h == "単位");
        for (r, row) in csv.iter().enumerate().skip(1) {
            for (c, text) in row.iter().enumerate() {
                let header = &csv[0][c];
                let at = format!("{stem} {header} row {r}");
                let cell = sheet.get((top + r, c)).cloned().unwrap_or(Data::Empty);
                let format = formats
                    .get(&cell_ref(top + r, c))
                    .cloned()
                    .unwrap_or_default();
                let Ok(t) = text.parse::<f64>() else {
                    // Words and markers (＊, -, <0.001) stay text, blanks stay blank.
                    match &cell {
                        Data::String(s) => assert_eq!(s, text, "{at}"),
                        Data::Empty => assert!(text.is_empty(), "{at}: missing {text}"),
                        other => panic!("{at}: {other:?} for {text}"),
                    }
                    continue;
                };
                // A number in the CSV is a number in the book, never text.
                let Data::Float(v) = cell else {
                    panic!("{at}: {text} is stored as {cell:?}")
                };
                numbers += 1;
                // Which unit the cell is in: its column's header, or in the KGI/KPI table the
                // row's 単位 (a share's values are percents and its changes points, a count's
                // are in 人, …).
                let unit = unit_col.map(|u| row[u].as_str());
                let expect = match unit {
                    Some(_) if header == "進捗率（%）" => Unit::Percent,
                    Some(_) if header.ends_with(" n") => Unit::Plain(""),
                    // A share's or ratio's numerator and denominator are counts.
                    Some(_) if header.starts_with("現在値の分") => Unit::Plain(""),
                    Some("%") if header.contains("からの変化") || header.ends_with("との差") => {
                        Unit::Points
                    }
                    Some("%") => Unit::Percent,
                    Some(u) => Unit::Plain(u),
                    None if header.contains("（pt）") => Unit::Points,
                    None if header.contains("（%）") || header.contains("%CI") => Unit::Percent,
                    None => Unit::Plain(""),
                };
                match expect {
                    Unit::Points => {
                        // A change of shares and its interval, as printed, never a percent.
                        assert!(
                            format.contains("\"pt\"") && !format.contains('%'),
                            "{at}: {format}"
                        );
                        assert!((v - t).abs() < 1e-9, "{at}: {v} vs {text}");
                        points += 1;
                    }
                    Unit::Percent => {
                        // Shares: 62.2 in the CSV is 0.622 shown as 62.2% on every sheet.
                        assert!(format.ends_with('%'), "{at}: {format}");
                        assert!((v * 100.0 - t).abs() < 1e-9, "{at}: {v} vs {text}");
                        percents += 1;
                    }
                    Unit::Plain(u) => {
                        assert!(!format.contains('%'), "{at}: {format}");
                        assert!(
                            format.contains(&format!("\"{u}\"")) || u.is_empty(),
                            "{at}: {format}"
                        );
                        assert!((v - t).abs() < 1e-9, "{at}: {v} vs {text}");
                    }
                }
            }
        }
        tables_checked += 1;
    }
    // The sample's 41 tables: indicators, indicator_comparisons; groups_yarigai; items_by_ and change_by_ for 4
    // segments; top_ and options_ for 4 choice questions; free_text, trend, levels, the 2
    // aggregates, response_rates, row_counts and the 2 data-quality tables; and the 9 tables
    // of 職員の状況 (staff_headcount, _age, _women_by_post, _women_trend, _resignations,
    // _childcare, _comparisons, _departments, _exclusions); and the 4 of the key-driver
    // analyses (drivers_q02, drivers_q12 and each by age band).
    assert_eq!(
        tables_checked,
        2 + 1 + 8 + 8 + 3 + 2 + 2 + 2 + 9 + 4,
        "tables compared"
    );
    // Rough floors from the CSV sizes: aggregate_items alone has 816 rows of 15+ numbers.
    assert!(numbers > 20_000, "{numbers} numbers");
    assert!(percents > 5_000, "{percents} shares");
    assert!(points > 500, "{points} changes in points");
}

/// The unit a number is expected in.
enum Unit<'a> {
    Percent,
    Points,
    /// A number, its format showing this unit (人, 点) when there is one.
    Plain(&'a str),
}

/// A text cell that is really a number: `12`, `-0.8`, or a number with a bound (`8以下`).
fn number_as_text(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_suffix("以下")
        .or_else(|| s.strip_suffix("以上"))
        .unwrap_or(s);
    !s.is_empty() && s.parse::<f64>().is_ok()
}

#[test]
fn no_sheet_stores_a_number_as_text() {
    let mut book = open();
    let mut text_numbers = Vec::new();
    let mut floats = 0;
    for meta in book.sheets_metadata().to_vec() {
        assert_eq!(meta.typ, SheetType::WorkSheet, "{}", meta.name);
        let sheet = book.worksheet_range(&meta.name).unwrap();
        for (r, c, cell) in sheet.cells() {
            match cell {
                Data::String(s) if number_as_text(s) => {
                    text_numbers.push(format!("{}!{}: {s}", meta.name, cell_ref(r, c)))
                }
                Data::Float(_) => floats += 1,
                _ => {}
            }
        }
    }
    assert_eq!(text_numbers, Vec::<String>::new(), "numbers stored as text");
    assert!(floats > 20_000, "{floats}");
}

#[test]
fn level_counts_and_targets_are_numbers() {
    let mut book = open();
    // Level counts: each row's counts at the four levels plus 無回答 add up to 回答者数
    // (levels.csv's note: 無回答 is 回答者数 minus the valid answers), summed in Excel's
    // numbers, which text cells could not be.
    let levels = book.worksheet_range("選択肢別の回答数").unwrap();
    let headers: Vec<String> = ["設問ID", "設問", "回答者数", "そう思う"]
        .map(String::from)
        .to_vec();
    let top = header_row(&levels, &headers);
    let mut rows = 0;
    for r in top + 1..levels.height() {
        let Some(Data::String(id)) = levels.get((r, 0)) else {
            continue;
        };
        if !id.starts_with('q') {
            continue;
        }
        let num = |c: usize| match levels.get((r, c)) {
            Some(Data::Float(v)) => *v,
            other => panic!("{id} column {c}: {other:?}"),
        };
        let parts: f64 = (3..=7).map(num).sum();
        assert_eq!(parts, num(2), "{id}");
        rows += 1;
    }
    assert_eq!(rows, 16, "16 scale items in the sample");

    // Targets: 8人以下 (the sample's resignations KPI, as in Otaru's policy) is the number 8
    // shown 8人, with 以下 in its own column; 80% is 0.8 shown 80.0%.
    let kpi = book.worksheet_range("KGI・KPI").unwrap();
    let find_col = |h: &str| {
        (0..kpi.width())
            .find(|&c| (0..5).any(|r| kpi.get((r, c)) == Some(&Data::String(h.into()))))
            .unwrap_or_else(|| panic!("no column {h}"))
    };
    let (name, target, bound) = (
        find_col("指標"),
        find_col("目標値"),
        find_col("目標値の条件"),
    );
    let row_of = |label: &str| {
        (0..kpi.height())
            .find(|&r| kpi.get((r, name)) == Some(&Data::String(label.into())))
            .unwrap_or_else(|| panic!("no row {label}"))
    };
    let quit = row_of("３０代以下職員の自己都合による退職者数");
    assert_eq!(kpi.get((quit, target)), Some(&Data::Float(8.0)));
    assert_eq!(kpi.get((quit, bound)), Some(&Data::String("以下".into())));
    let kgi = row_of("仕事にやりがいを感じている職員の割合");
    assert_eq!(kpi.get((kgi, target)), Some(&Data::Float(0.8)));
}

#[test]
fn every_sheet_is_set_up_for_a4_with_titles_repeated() {
    let parts = Parts::read(&sample_dir().join("report.xlsx"));
    let sheets = parts.sheets();
    let book = parts.get("xl/workbook.xml");
    let mut landscape = 0;
    for (k, (name, part)) in sheets.iter().enumerate() {
        let xml = parts.get(part);
        let doc = roxmltree::Document::parse(xml).unwrap();
        let setup = doc
            .descendants()
            .find(|n| n.has_tag_name("pageSetup"))
            .unwrap_or_else(|| panic!("{name}: no pageSetup"));
        assert_eq!(setup.attribute("paperSize"), Some("9"), "{name}: A4");
        if setup.attribute("orientation") == Some("landscape") {
            landscape += 1;
        }
        // Fit to the page width, as many pages down as the rows need (charts: one page).
        let fit = doc
            .descendants()
            .find(|n| n.has_tag_name("pageSetUpPr"))
            .and_then(|n| n.attribute("fitToPage"));
        assert_eq!(fit, Some("1"), "{name}: fit to page");
        let footer = doc
            .descendants()
            .find(|n| n.has_tag_name("oddFooter"))
            .and_then(|n| n.text())
            .unwrap_or_default();
        assert!(footer.contains("&P / &N ページ"), "{name}: {footer}");
        assert!(
            xml.contains("<oddHeader>"),
            "{name}: no page header with the title"
        );
        // Every sheet has a print area; table sheets repeat their header row.
        let local = format!("localSheetId=\"{k}\"");
        let names: Vec<&str> = book
            .split("<definedName ")
            .skip(1)
            .filter(|d| d.contains(&local))
            .collect();
        assert!(
            names.iter().any(|d| d.contains("_xlnm.Print_Area")),
            "{name}: no print area"
        );
        let is_table = !name.ends_with("（図）") && name != "表紙";
        if is_table {
            assert!(
                names.iter().any(|d| d.contains("_xlnm.Print_Titles")),
                "{name}: header row not repeated"
            );
        }
    }
    assert!(landscape >= 10, "wide sheets print landscape: {landscape}");
}

#[test]
fn status_and_differences_are_highlighted() {
    let parts = Parts::read(&sample_dir().join("report.xlsx"));
    let sheets: BTreeMap<String, String> = parts.sheets().into_iter().collect();
    let kpi = parts.get(&sheets["KGI・KPI"]);
    // The statuses the indicator stage writes (Status::label), each with its own fill.
    for status in ["目標達成", "順調", "遅れ", "未達成"] {
        assert!(
            kpi.contains(&format!("<formula>\"{status}\"</formula>")),
            "KGI・KPI: no rule for {status}"
        );
    }
    // Changes of indicators coloured by the 向き column.
    assert!(kpi.contains("低いほど良い"), "no direction rule");
    // Changes of shares on a colour scale, on every change sheet.
    for (name, part) in &sheets {
        if name.ends_with("の変化") || name == "経年変化" {
            assert!(parts.get(part).contains("<colorScale>"), "{name}");
        }
    }
}

#[test]
fn the_contents_links_every_sheet_under_a_name_never_cut() {
    let mut book = open();
    let names = book.sheet_names();
    assert_eq!(&names[..4], ["表紙", "目次", "KGI・KPI", "KGI・KPI（図）"]);
    let listed = contents(&mut book);
    // Every sheet but the cover and the contents, in order.
    let expected: Vec<&String> = names.iter().skip(2).collect();
    assert_eq!(listed.iter().map(|(n, _)| n).collect::<Vec<_>>(), expected);
    for (name, title) in &listed {
        assert!(name.chars().count() <= 31, "{name}");
        // A name that is the start of its title ends where a word ends: at the title's end,
        // before a space, a parenthesis or a colon (年代別の分析 / 年代別の分析（令和6年度）,
        // KGI・KPI / KGI・KPI の状況), never inside a word as 「…：回答数」 for
        // 「…：回答数の多いもの」 did.
        if let Some(rest) = title.strip_prefix(name.as_str()) {
            assert!(
                rest.is_empty() || rest.starts_with([' ', '（', '：']),
                "{name} cut from {title}"
            );
        }
    }
    // Every sheet is linked from the contents sheet and from the cover.
    let parts = Parts::read(&sample_dir().join("report.xlsx"));
    let sheets: BTreeMap<String, String> = parts.sheets().into_iter().collect();
    for (list, part) in [("目次", &sheets["目次"]), ("表紙", &sheets["表紙"])] {
        let xml = parts.get(part);
        for name in &expected {
            let location = format!("location=\"'{name}'!A1\"");
            assert!(xml.contains(&location), "{list} does not link {name}");
        }
    }
}

#[test]
fn the_cover_names_the_survey_its_waves_and_the_indicators() {
    let mut book = open();
    let cover = book.worksheet_range("表紙").unwrap();
    let text: Vec<String> = cover.rows().flatten().map(|c| c.to_string()).collect();
    let all = text.join("\n");
    for expected in [
        "しおかぜ市",
        "職員アンケート",
        "令和4年度、令和5年度、令和6年度",
        "概要",
        "KGI・KPI の状況（令和6年度）",
        "仕事にやりがいを感じている職員の割合",
        "回答率",
        "読み込んだ行の内訳",
        "方法についての注記",
    ] {
        assert!(all.contains(expected), "cover lacks {expected}");
    }
    // The KGI/KPI statuses on the cover are the indicator table's (indicators.csv, column
    // 判定), in its order.
    let csv = csv_rows(&read_csv(&sample_dir().join("tables/indicators.csv")));
    let status = csv[0].iter().position(|h| h == "判定").unwrap();
    let expected: Vec<&str> = csv[1..].iter().map(|r| r[status].as_str()).collect();
    let header = (0..cover.height())
        .find(|&r| cover.get((r, 1)) == Some(&Data::String("指標".into())))
        .expect("the KGI/KPI header on the cover");
    let col = (0..cover.width())
        .find(|&c| cover.get((header, c)) == Some(&Data::String("判定".into())))
        .unwrap();
    let got: Vec<String> = (header + 1..header + 1 + expected.len())
        .map(|r| {
            cover
                .get((r, col))
                .map(|c| c.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn the_cover_holds_the_overview_findings_of_the_report() {
    // The same sentences as report.md's 主な結果, in the same order, each followed by a link
    // to the sheet of the table it cites.
    let md = std::fs::read_to_string(sample_dir().join("report.md")).unwrap();
    let findings: Vec<String> = md
        .split("### 主な結果")
        .nth(1)
        .expect("report.md has 主な結果")
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            // "1. sentence（表「…」: [link](…)）" → "1. sentence"
            l.rsplit_once("（表「").map_or(l, |(s, _)| s).to_string()
        })
        .collect();
    assert!(findings.len() >= 5, "{findings:?}");
    let mut book = open();
    let cover = book.worksheet_range("表紙").unwrap();
    let cells: Vec<String> = cover.rows().map(|r| r[0].to_string()).collect();
    let mut at = 0;
    for f in &findings {
        let k = cells[at..]
            .iter()
            .position(|c| c == f)
            .unwrap_or_else(|| panic!("the cover lacks, in order, {f}"));
        at += k + 1;
        assert!(
            cells[at].starts_with("　→ 表「"),
            "a link follows {f}: {}",
            cells[at]
        );
    }
    let names: Vec<String> = contents(&mut book).into_iter().map(|(n, _)| n).collect();
    let links = cover_links();
    assert!(links.len() >= findings.len());
    for target in &links {
        assert!(
            names.contains(target) || target == "目次",
            "the cover links to a sheet {target}"
        );
    }
}

/// The sheets the cover's hyperlinks open, read from the workbook's XML.
fn cover_links() -> Vec<String> {
    let parts = Parts::read(&sample_dir().join("report.xlsx"));
    let doc = roxmltree::Document::parse(parts.get("xl/worksheets/sheet1.xml")).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("hyperlink"))
        .filter_map(|n| n.attribute("location"))
        .map(|l| {
            l.split('!')
                .next()
                .unwrap()
                .trim_matches('\'')
                .replace("''", "'")
        })
        .collect()
}

#[test]
fn two_runs_write_the_same_workbook() {
    let (a, b) = (temp_dir("xlsx-a"), temp_dir("xlsx-b"));
    run_ok("tests/fixtures/small/pipeline.toml", &a);
    run_ok("tests/fixtures/small/pipeline.toml", &b);
    let read = |d: &std::path::Path| std::fs::read(d.join("pipeline/R5/report.xlsx")).unwrap();
    assert_eq!(read(&a), read(&b));
}
