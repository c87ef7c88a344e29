//! Turning a parsed [`PipelineFile`] into a typed [`Pipeline`], reporting every problem at once.
//!
//! Each problem names its key (`questions[3].scale`) and what is allowed. Input files are
//! checked to exist but are not read here.

mod drivers;
mod indicator_source;
mod indicators;
mod questions;
mod respondents;
mod scales;
mod segments;
mod staff;
mod statistics;

use super::file::*;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Collected configuration problems, one line each, and the ids of questions that could not
/// be typed because of a problem already reported (checks that refer to them stay quiet, so
/// one mistake is reported once).
#[derive(Default)]
struct Problems {
    lines: Vec<String>,
    poisoned: Vec<String>,
}

impl Problems {
    fn add(&mut self, key: impl AsRef<str>, msg: impl AsRef<str>) {
        self.lines
            .push(format!("{}: {}", key.as_ref(), msg.as_ref()));
    }

    /// Checks an id that names output files: unique, and only ASCII letters, digits, `_`, `-`.
    fn file_id(&mut self, key: &str, id: &str, repeated: bool) {
        if repeated {
            self.add(format!("{key}.id"), format!("「{id}」が重複しています"));
        }
        let safe = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
        if id.is_empty() || !id.chars().all(safe) {
            self.add(
                format!("{key}.id"),
                "ファイル名に使うので英数字、_、- だけで書いてください",
            );
        }
    }
}

/// Validates the whole file. `base` is the directory of the pipeline file.
pub fn validate(file: PipelineFile, path: &Path) -> Result<Pipeline, Vec<String>> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut p = Problems::default();
    let limits = limits(&file.limits, &mut p);

    if file.organisation.trim().is_empty() {
        p.add("organisation", "空です。組織名を書いてください");
    }
    if file.title.trim().is_empty() {
        p.add("title", "空です。調査名を書いてください");
    }

    let scales = scales::scales(&file.scales, &mut p);
    let scale_ids: Vec<&str> = scales.iter().map(|s| s.id.as_str()).collect();
    let respondents = respondents::respondents(&file.respondents, &mut p);
    let employment_values: Option<Vec<String>> = respondents
        .attributes
        .iter()
        .find(|a| a.id == "employment")
        .and_then(|a| a.values.clone());

    let mut waves = Vec::new();
    let mut seen_years = BTreeSet::new();
    let mut wave_years: Vec<FiscalYear> = Vec::new();
    if file.waves.is_empty() {
        p.add("waves", "調査回（[[waves]]）が一つもありません");
    }
    for (i, w) in file.waves.iter().enumerate() {
        let key = format!("waves[{i}]");
        let Some(year) = year(&w.year, &format!("{key}.year"), &mut p) else {
            continue;
        };
        // Every wave written counts for the indicators' baselines, even one whose file is
        // missing (that problem is reported at the wave).
        wave_years.push(year);
        if !seen_years.insert(year) {
            p.add(format!("{key}.year"), format!("{year} が二度出てきます"));
        }
        let source = source_file(
            (base, limits),
            &w.file,
            w.sheet.as_deref(),
            w.encoding.as_deref(),
            w.header_row,
            &key,
            &mut p,
        );
        let mut population = Vec::new();
        let mut population_total = None;
        for (k, n) in &w.population {
            if normalize_label(k) == crate::aggregate::ALL_GROUP {
                population_total = Some(*n);
                continue;
            }
            let Some(values) = &employment_values else {
                p.add(
                    format!("{key}.population.{k}"),
                    "雇用形態別の対象者数を書くには respondents.employment が必要です（全体だけなら \"全体\" = 人数）",
                );
                continue;
            };
            match values.iter().find(|v| normalize_label(v) == normalize_label(k)) {
                Some(v) => population.push((v.clone(), *n)),
                None => p.add(
                    format!("{key}.population.{k}"),
                    format!(
                        "雇用形態「{k}」は respondents.employment.values にありません（使える値: {}）",
                        values.join("、")
                    ),
                ),
            }
        }
        if let Some(values) = &employment_values {
            population.sort_by_key(|(k, _)| values.iter().position(|v| v == k));
        }
        if let Some(source) = source {
            let population_total = population_total.or_else(|| {
                (!population.is_empty()).then(|| population.iter().map(|(_, n)| n).sum())
            });
            waves.push(Wave {
                year,
                source,
                population,
                population_total,
                period: w
                    .period
                    .as_ref()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty()),
            });
        }
    }
    waves.sort_by_key(|w| w.year);

    let top_n = file.report.top_n.unwrap_or(3);
    if top_n == 0 {
        p.add("report.top_n", "1 以上にしてください");
    }
    let defaults = questions::Defaults {
        base: file
            .statistics
            .base
            .as_deref()
            .and_then(|b| questions::base(b, "statistics.base", &mut p))
            .unwrap_or(Base::Answered),
        top_n,
        declared_scales: file.scales.keys().cloned().collect(),
    };
    let questions = questions::questions(&file.questions, &scales, &scale_ids, &defaults, &mut p);
    let segments = segments::segments(&file.segments, &respondents, &questions, &mut p);
    let indicators = indicators::indicators(
        &file.indicators,
        &indicator_source::Context {
            questions: &questions,
            segments: &segments,
            respondents: &respondents,
            waves: &wave_years,
            has_admin: file.admin.is_some(),
            has_staff: file.staff.is_some(),
        },
        file.benchmarks.is_some(),
        &mut p,
    );
    let admin = file.admin.as_ref().and_then(|a| {
        let source = source_file(
            (base, limits),
            &a.file,
            a.sheet.as_deref(),
            a.encoding.as_deref(),
            None,
            "admin",
            &mut p,
        )?;
        Some(AdminSource {
            source,
            indicator_column: a.indicator_column.clone().unwrap_or_else(|| "指標".into()),
            year_column: a.year_column.clone().unwrap_or_else(|| "年度".into()),
            value_column: a.value_column.clone().unwrap_or_else(|| "値".into()),
            sd_column: optional_column(&a.sd_column, "標準偏差"),
            n_column: optional_column(&a.n_column, "回答数"),
        })
    });
    let staff = file
        .staff
        .as_ref()
        .and_then(|s| staff::staff(s, (base, limits), &mut p));
    let benchmarks = file
        .benchmarks
        .as_ref()
        .and_then(|b| staff::benchmarks(b, (base, limits), &mut p));
    let statistics = statistics::statistics(&file.statistics, &mut p);
    let mut segments = segments;
    if statistics.public {
        // Department sheets are for the organisation's own use.
        for s in segments.iter_mut() {
            let i = file.segments.iter().position(|f| f.id == s.id);
            if let Some(i) = i.filter(|i| file.segments[*i].sheets == Some(true)) {
                p.add(
                    format!("segments[{i}].sheets"),
                    "公表用（profile = \"public\"）ではカルテを作りません。sheets = true を消すか、profile を \"internal\" にしてください",
                );
            }
            s.sheets = false;
        }
    }
    let quality = statistics::quality(&file.quality, &mut p);
    let drivers = drivers::drivers(
        &file.drivers,
        &drivers::Context {
            questions: &questions,
            indicators: &indicators,
            segments: &segments,
            waves: &wave_years,
            min_group: statistics.min_group,
        },
        &mut p,
    );

    if !p.lines.is_empty() {
        return Err(p.lines);
    }
    Ok(Pipeline {
        name: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pipeline".into()),
        path: path.to_path_buf(),
        organisation: file.organisation,
        title: file.title,
        waves,
        scales,
        respondents,
        questions,
        segments,
        indicators,
        drivers,
        admin,
        staff,
        benchmarks,
        top_n,
        statistics,
        quality,
    })
}

/// An optional column: the configured header (required), else the default (if present).
fn optional_column(configured: &Option<String>, default: &str) -> (String, bool) {
    match configured {
        Some(h) => (h.clone(), true),
        None => (default.to_string(), false),
    }
}

fn limits(l: &LimitsFile, p: &mut Problems) -> Limits {
    let d = Limits::default();
    let out = Limits {
        max_bytes: l
            .max_megabytes
            .map(|m| m.saturating_mul(1024 * 1024))
            .unwrap_or(d.max_bytes),
        max_cells: l.max_cells.unwrap_or(d.max_cells),
    };
    if out.max_bytes == 0 {
        p.add("limits.max_megabytes", "1 以上にしてください（既定 512）");
    }
    if out.max_cells == 0 {
        p.add("limits.max_cells", "1 以上にしてください（既定 20000000）");
    }
    out
}

fn year(v: &YearValue, key: &str, p: &mut Problems) -> Option<FiscalYear> {
    let text = match v {
        YearValue::Number(n) => n.to_string(),
        YearValue::Text(t) => t.clone(),
    };
    match FiscalYear::parse(&text) {
        Ok(y) => Some(y),
        Err(e) => {
            p.add(key, e);
            None
        }
    }
}

/// Checks one input file entry. `at` is the pipeline file's directory (paths are relative to
/// it) and the limits the file will be read with.
fn source_file(
    at: (&Path, Limits),
    file: &str,
    sheet: Option<&str>,
    encoding: Option<&str>,
    header_row: Option<u32>,
    key: &str,
    p: &mut Problems,
) -> Option<SourceFile> {
    let (base, limits) = at;
    let path = base.join(file);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let mut ok = true;
    let format = match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => {
            if encoding.is_some() {
                p.add(
                    format!("{key}.encoding"),
                    "encoding は CSV ファイルにだけ使えます",
                );
                ok = false;
            }
            SourceFormat::Spreadsheet {
                sheet: sheet.map(str::to_string),
            }
        }
        "csv" | "txt" => {
            if sheet.is_some() {
                p.add(
                    format!("{key}.sheet"),
                    "CSV ファイルにシートはありません。sheet を消してください",
                );
                ok = false;
            }
            let encoding = match encoding.map(|e| e.to_ascii_lowercase().replace(['-', '_'], "")) {
                None => TextEncoding::Utf8,
                Some(e) if e == "utf8" => TextEncoding::Utf8,
                Some(e) if ["shiftjis", "sjis", "cp932", "windows31j"].contains(&e.as_str()) => {
                    TextEncoding::ShiftJis
                }
                Some(_) => {
                    p.add(
                        format!("{key}.encoding"),
                        format!(
                            "「{}」は使えません（使える値: utf-8, shift_jis）",
                            encoding.unwrap_or_default()
                        ),
                    );
                    ok = false;
                    TextEncoding::Utf8
                }
            };
            SourceFormat::Csv { encoding }
        }
        _ => {
            p.add(
                format!("{key}.file"),
                format!("「{file}」の形式は読めません（使える拡張子: xlsx, xlsm, xls, ods, csv）"),
            );
            return None;
        }
    };
    if !path.is_file() {
        p.add(
            format!("{key}.file"),
            format!("ファイル {} が見つかりません", path.display()),
        );
        ok = false;
    }
    if header_row == Some(0) {
        p.add(format!("{key}.header_row"), "行番号は 1 から数えます");
        ok = false;
    }
    ok.then(|| SourceFile {
        path,
        format,
        header_row: header_row.unwrap_or(1),
        limits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(toml_text: &str) -> Vec<String> {
        let file: PipelineFile = toml::from_str(toml_text).unwrap();
        validate(file, Path::new("/nonexistent/p.toml")).unwrap_err()
    }

    const BASE: &str = r#"
organisation = "市"
title = "調査"
[[waves]]
year = "R5"
file = "a.csv"
[respondents]
id = "ID"
"#;

    #[test]
    fn scale_age_and_kind_problems_are_all_named() {
        let p = problems(&format!(
            "{BASE}{}",
            r#"
[respondents.age]
column = "年齢"
bands = ["若手", "中堅", "ベテラン"]
edges = [30]
[scales.s]
levels = ["はい", "いいえ"]
positive = 2
aliases = { "yes" = "Yes" }
[[questions]]
id = "q"
label = "Q"
column = "Q"
kind = "rating"
[[questions]]
id = "q"
label = "Q2"
column = "Q2"
kind = "scale"
scale = "s"
asked_if = { question = "q", answers = ["たぶん"] }
"#
        ));
        let all = p.join("\n");
        for expected in [
            "waves[0].file: ファイル /nonexistent/a.csv が見つかりません",
            "respondents.age.edges: 区分が 3 個なので境界は 2 個必要です（1 個あります）",
            "scales.s.positive: 1 から 1 の間にしてください",
            "scales.s.aliases.yes: 「Yes」は levels にありません（levels: はい、いいえ）",
            "questions[0].kind: 「rating」は使えません（使える値: scale, multi, single, text）",
            "questions[1].id: 「q」が重複しています",
            "questions[1].asked_if.question: 条件にできるのは scale / multi / single の設問です",
        ] {
            assert!(all.contains(expected), "missing «{expected}» in:\n{all}");
        }
    }

    #[test]
    fn population_keys_must_be_employment_values() {
        let p = problems(&format!(
            "{}{}",
            BASE.replace(
                "file = \"a.csv\"",
                "file = \"a.csv\"\npopulation = { \"正規\" = 10 }"
            ),
            "[respondents.employment]\ncolumn = \"雇用\"\nvalues = [\"正規職員\"]\n"
        ));
        assert!(
            p.iter().any(|m| m == "waves[0].population.正規: 雇用形態「正規」は respondents.employment.values にありません（使える値: 正規職員）"),
            "{p:?}"
        );
    }

    #[test]
    fn ids_that_name_files_must_be_unique_and_ascii() {
        let p = problems(&format!(
            "{BASE}{}",
            r#"
[respondents.age]
column = "年齢"
bands = ["若手"]
[[segments]]
id = "年代"
label = "年代別"
attribute = "age"
[[segments]]
id = "年代"
label = "年代別2"
attribute = "age"
"#
        ));
        let all = p.join("\n");
        assert!(
            all.contains("segments[0].id: ファイル名に使うので英数字、_、- だけで書いてください"),
            "{all}"
        );
        assert!(
            all.contains("segments[1].id: 「年代」が重複しています"),
            "{all}"
        );
    }
}
