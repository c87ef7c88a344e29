//! Turning a parsed [`PipelineFile`] into a typed [`Pipeline`], reporting every problem at once.
//!
//! Each problem names its key (`questions[3].scale`) and what is allowed. Input files are
//! checked to exist but are not read here.

use super::file::*;
use crate::fiscal_year::FiscalYear;
use crate::normalize::normalize_label;
use crate::pipeline::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Collected configuration problems, one line each.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, key: impl AsRef<str>, msg: impl AsRef<str>) {
        self.0.push(format!("{}: {}", key.as_ref(), msg.as_ref()));
    }
}

/// Validates the whole file. `base` is the directory of the pipeline file.
pub fn validate(file: PipelineFile, path: &Path) -> Result<Pipeline, Vec<String>> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut p = Problems::default();

    if file.organisation.trim().is_empty() {
        p.add("organisation", "空です。組織名を書いてください");
    }
    if file.title.trim().is_empty() {
        p.add("title", "空です。調査名を書いてください");
    }

    let scales = scales(&file.scales, &mut p);
    let scale_ids: Vec<&str> = scales.iter().map(|s| s.id.as_str()).collect();
    let respondents = respondents(&file.respondents, &mut p);
    let employment_values: Option<Vec<String>> = respondents
        .attributes
        .iter()
        .find(|a| a.id == "employment")
        .and_then(|a| a.values.clone());

    let mut waves = Vec::new();
    let mut seen_years = BTreeSet::new();
    if file.waves.is_empty() {
        p.add("waves", "調査回（[[waves]]）が一つもありません");
    }
    for (i, w) in file.waves.iter().enumerate() {
        let key = format!("waves[{i}]");
        let Some(year) = year(&w.year, &format!("{key}.year"), &mut p) else {
            continue;
        };
        if !seen_years.insert(year) {
            p.add(format!("{key}.year"), format!("{year} が二度出てきます"));
        }
        let source = source_file(
            base,
            &w.file,
            w.sheet.as_deref(),
            w.encoding.as_deref(),
            w.header_row,
            &key,
            &mut p,
        );
        let mut population = Vec::new();
        for (k, n) in &w.population {
            let Some(values) = &employment_values else {
                p.add(
                    format!("{key}.population"),
                    "対象者数を書くには respondents.employment が必要です",
                );
                break;
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
            waves.push(Wave {
                year,
                source,
                population,
            });
        }
    }
    waves.sort_by_key(|w| w.year);

    let questions = questions(&file.questions, &scales, &scale_ids, &mut p);
    let segments = segments(&file.segments, &respondents, &questions, &mut p);
    let indicators = indicators(&file.indicators, &questions, file.admin.is_some(), &mut p);
    let admin = file.admin.as_ref().and_then(|a| {
        let source = source_file(
            base,
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
        })
    });
    let top_n = file.report.top_n.unwrap_or(3);
    if top_n == 0 {
        p.add("report.top_n", "1 以上にしてください");
    }

    if !p.0.is_empty() {
        return Err(p.0);
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
        admin,
        top_n,
    })
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

fn source_file(
    base: &Path,
    file: &str,
    sheet: Option<&str>,
    encoding: Option<&str>,
    header_row: Option<u32>,
    key: &str,
    p: &mut Problems,
) -> Option<SourceFile> {
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
    })
}

fn scales(file: &BTreeMap<String, ScaleFile>, p: &mut Problems) -> Vec<Scale> {
    let mut out = Vec::new();
    for (id, s) in file {
        let key = format!("scales.{id}");
        if s.levels.len() < 2 {
            p.add(format!("{key}.levels"), "二つ以上の選択肢が必要です");
            continue;
        }
        let mut norm = BTreeSet::new();
        for l in &s.levels {
            if !norm.insert(normalize_label(l)) {
                p.add(format!("{key}.levels"), format!("「{l}」が重複しています"));
            }
        }
        if s.positive == 0 || s.positive >= s.levels.len() {
            p.add(
                format!("{key}.positive"),
                format!("1 から {} の間にしてください", s.levels.len() - 1),
            );
        }
        let mut aliases = Vec::new();
        for (alias, target) in &s.aliases {
            match s.levels.iter().position(|l| l == target) {
                Some(i) => aliases.push((alias.clone(), i)),
                None => p.add(
                    format!("{key}.aliases.{alias}"),
                    format!(
                        "「{target}」は levels にありません（levels: {}）",
                        s.levels.join("、")
                    ),
                ),
            }
        }
        out.push(Scale::new(
            id.clone(),
            s.levels.clone(),
            s.positive,
            &aliases,
        ));
    }
    out
}

fn respondents(r: &RespondentsFile, p: &mut Problems) -> Respondents {
    if r.id.trim().is_empty() {
        p.add("respondents.id", "回答者IDの列見出しを書いてください");
    }
    let age = r.age.as_ref().and_then(|a| {
        if a.bands.is_empty() {
            p.add(
                "respondents.age.bands",
                "年代の区分を一つ以上書いてください",
            );
            return None;
        }
        let mode = match &a.edges {
            Some(edges) => {
                if !a.map.is_empty() {
                    p.add(
                        "respondents.age",
                        "map と edges はどちらか一方だけ書いてください",
                    );
                }
                if edges.len() + 1 != a.bands.len() {
                    p.add(
                        "respondents.age.edges",
                        format!(
                            "区分が {} 個なので境界は {} 個必要です（{} 個あります）",
                            a.bands.len(),
                            a.bands.len() - 1,
                            edges.len()
                        ),
                    );
                }
                if edges.windows(2).any(|w| w[0] >= w[1]) {
                    p.add("respondents.age.edges", "境界は小さい順に書いてください");
                }
                AgeMode::Edges(edges.clone())
            }
            None => {
                let mut map = BTreeMap::new();
                for (i, b) in a.bands.iter().enumerate() {
                    map.insert(normalize_label(b), i);
                }
                for (label, band) in &a.map {
                    match a.bands.iter().position(|b| b == band) {
                        Some(i) => {
                            map.insert(normalize_label(label), i);
                        }
                        None => p.add(
                            format!("respondents.age.map.{label}"),
                            format!(
                                "「{band}」は bands にありません（bands: {}）",
                                a.bands.join("、")
                            ),
                        ),
                    }
                }
                AgeMode::Labels(map)
            }
        };
        Some(Age {
            column: a.column.clone(),
            bands: a.bands.clone(),
            mode,
        })
    });
    let mut attributes = Vec::new();
    if let Some(e) = &r.employment {
        if e.values.is_empty() {
            p.add(
                "respondents.employment.values",
                "雇用形態の値を一つ以上書いてください",
            );
        }
        attributes.push(Attribute {
            id: "employment".into(),
            label: "雇用形態".into(),
            column: e.column.clone(),
            values: Some(e.values.clone()),
        });
    }
    for (i, a) in r.attributes.iter().enumerate() {
        if ["age", "employment"].contains(&a.id.as_str()) || attributes.iter().any(|b| b.id == a.id)
        {
            p.add(
                format!("respondents.attributes[{i}].id"),
                format!(
                    "「{}」は既に使われています（age と employment は予約済み）",
                    a.id
                ),
            );
        }
        attributes.push(Attribute {
            id: a.id.clone(),
            label: a.label.clone(),
            column: a.column.clone(),
            values: a.values.clone(),
        });
    }
    Respondents {
        id_column: r.id.clone(),
        age,
        attributes,
    }
}

fn questions(
    file: &[QuestionFile],
    scales: &[Scale],
    scale_ids: &[&str],
    p: &mut Problems,
) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let ids: Vec<&str> = file.iter().map(|q| q.id.as_str()).collect();
    for (i, q) in file.iter().enumerate() {
        let key = format!("questions[{i}]");
        if ids[..i].contains(&q.id.as_str()) {
            p.add(format!("{key}.id"), format!("「{}」が重複しています", q.id));
        }
        let negative = match q.polarity.as_deref() {
            None | Some("positive") => false,
            Some("negative") => true,
            Some(other) => {
                p.add(
                    format!("{key}.polarity"),
                    format!("「{other}」は使えません（使える値: positive, negative）"),
                );
                false
            }
        };
        let kind = match q.kind.as_str() {
            "scale" => match q.scale.as_deref() {
                Some(s) => match scale_ids.iter().position(|id| *id == s) {
                    Some(scale) => QuestionKind::Scale { scale },
                    None => {
                        p.add(
                            format!("{key}.scale"),
                            format!(
                                "尺度「{s}」は定義されていません（定義済み: {}）",
                                scale_ids.join(", ")
                            ),
                        );
                        QuestionKind::Text
                    }
                },
                None => {
                    p.add(
                        format!("{key}.scale"),
                        "kind = \"scale\" には scale が必要です",
                    );
                    QuestionKind::Text
                }
            },
            "multi" | "single" => {
                let options = q.options.clone().unwrap_or_default();
                if options.is_empty() {
                    p.add(format!("{key}.options"), "選択肢を一つ以上書いてください");
                }
                let other = q.other.as_ref().and_then(|o| {
                    let found = options.iter().position(|x| x == o);
                    if found.is_none() {
                        p.add(
                            format!("{key}.other"),
                            format!("「{o}」は options にありません"),
                        );
                    }
                    found
                });
                let separator = q.separator.clone().unwrap_or_else(|| ";".into());
                if separator.is_empty() {
                    p.add(format!("{key}.separator"), "空の区切り文字は使えません");
                }
                QuestionKind::Choice {
                    multi: q.kind == "multi",
                    options,
                    separator,
                    other,
                }
            }
            "text" => QuestionKind::Text,
            other => {
                p.add(
                    format!("{key}.kind"),
                    format!("「{other}」は使えません（使える値: scale, multi, single, text）"),
                );
                QuestionKind::Text
            }
        };
        if q.kind != "scale" && q.scale.is_some() {
            p.add(
                format!("{key}.scale"),
                "scale は kind = \"scale\" の設問にだけ書けます",
            );
        }
        if !matches!(q.kind.as_str(), "multi" | "single")
            && (q.options.is_some() || q.separator.is_some() || q.other.is_some())
        {
            p.add(
                format!("{key}.options"),
                "options / separator / other は kind = \"multi\" か \"single\" の設問にだけ書けます",
            );
        }
        let mut columns = BTreeMap::new();
        for (y, header) in &q.columns {
            if let Some(fy) = year(
                &YearValue::Text(y.clone()),
                &format!("{key}.columns.{y}"),
                p,
            ) {
                columns.insert(fy, header.clone());
            }
        }
        let asked_if = q.asked_if.as_ref().and_then(|c| {
            let ckey = format!("{key}.asked_if");
            let Some(qi) = file.iter().position(|x| x.id == c.question) else {
                p.add(
                    format!("{ckey}.question"),
                    format!("設問「{}」は定義されていません", c.question),
                );
                return None;
            };
            if qi == i {
                p.add(format!("{ckey}.question"), "自分自身を条件にはできません");
                return None;
            }
            let target = &file[qi];
            let labels: Vec<String> = match target.kind.as_str() {
                "scale" => target
                    .scale
                    .as_deref()
                    .and_then(|s| scales.iter().find(|x| x.id == s))
                    .map(|s| s.levels.clone())
                    .unwrap_or_default(),
                "multi" | "single" => target.options.clone().unwrap_or_default(),
                _ => {
                    p.add(
                        format!("{ckey}.question"),
                        "条件にできるのは scale / multi / single の設問です",
                    );
                    return None;
                }
            };
            let mut codes = Vec::new();
            for a in &c.answers {
                match labels
                    .iter()
                    .position(|l| normalize_label(l) == normalize_label(a))
                {
                    Some(k) => codes.push(k),
                    None => p.add(
                        format!("{ckey}.answers"),
                        format!(
                            "「{a}」は設問「{}」の選択肢にありません（選択肢: {}）",
                            c.question,
                            labels.join("、")
                        ),
                    ),
                }
            }
            if c.answers.is_empty() {
                p.add(format!("{ckey}.answers"), "回答を一つ以上書いてください");
            }
            Some(Condition {
                question: qi,
                codes,
            })
        });
        out.push(Question {
            id: q.id.clone(),
            label: q.label.clone(),
            column: q.column.clone(),
            columns,
            kind,
            negative,
            asked_if,
        });
    }
    out
}

fn segments(
    file: &[SegmentFile],
    respondents: &Respondents,
    questions: &[Question],
    p: &mut Problems,
) -> Vec<Segment> {
    let mut out = Vec::new();
    for (i, s) in file.iter().enumerate() {
        let key = format!("segments[{i}]");
        if file[..i].iter().any(|x| x.id == s.id) {
            p.add(format!("{key}.id"), format!("「{}」が重複しています", s.id));
        }
        if s.id.is_empty()
            || !s
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            p.add(
                format!("{key}.id"),
                "ファイル名に使うので英数字、_、- だけで書いてください",
            );
        }
        let by = match (&s.attribute, &s.split_on) {
            (Some(a), None) => {
                if s.groups.is_some() {
                    p.add(
                        format!("{key}.groups"),
                        "groups は split_on と一緒にだけ使えます",
                    );
                }
                if a == "age" {
                    if respondents.age.is_none() {
                        p.add(
                            format!("{key}.attribute"),
                            "年代で分けるには respondents.age が必要です",
                        );
                        continue;
                    }
                    SegmentBy::Age
                } else {
                    match respondents.attributes.iter().position(|x| &x.id == a) {
                        Some(k) => SegmentBy::Attribute(k),
                        None => {
                            let mut known = vec!["age".to_string()];
                            known.extend(respondents.attributes.iter().map(|x| x.id.clone()));
                            p.add(
                                format!("{key}.attribute"),
                                format!(
                                    "属性「{a}」はありません（使える値: {}）",
                                    known.join(", ")
                                ),
                            );
                            continue;
                        }
                    }
                }
            }
            (None, Some(q)) => {
                let Some(qi) = questions.iter().position(|x| &x.id == q) else {
                    p.add(
                        format!("{key}.split_on"),
                        format!("設問「{q}」は定義されていません"),
                    );
                    continue;
                };
                if !matches!(questions[qi].kind, QuestionKind::Scale { .. }) {
                    p.add(
                        format!("{key}.split_on"),
                        "分割に使えるのは kind = \"scale\" の設問です",
                    );
                    continue;
                }
                let groups = match &s.groups {
                    None => ["肯定的回答".to_string(), "否定的回答".to_string()],
                    Some(g) if g.len() == 2 && g[0] != g[1] => [g[0].clone(), g[1].clone()],
                    Some(_) => {
                        p.add(format!("{key}.groups"), "異なる二つの名前を書いてください（例: [\"やりがい有\", \"やりがい無\"]）");
                        continue;
                    }
                };
                SegmentBy::Split {
                    question: qi,
                    groups,
                }
            }
            _ => {
                p.add(key, "attribute と split_on のどちらか一方を書いてください");
                continue;
            }
        };
        out.push(Segment {
            id: s.id.clone(),
            label: s.label.clone(),
            by,
        });
    }
    out
}

fn indicators(
    file: &[IndicatorFile],
    questions: &[Question],
    has_admin: bool,
    p: &mut Problems,
) -> Vec<Indicator> {
    let mut out = Vec::new();
    for (i, ind) in file.iter().enumerate() {
        let key = format!("indicators[{i}]");
        if file[..i].iter().any(|x| x.id == ind.id) {
            p.add(
                format!("{key}.id"),
                format!("「{}」が重複しています", ind.id),
            );
        }
        if ind.id.is_empty()
            || !ind
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            p.add(
                format!("{key}.id"),
                "ファイル名に使うので英数字、_、- だけで書いてください",
            );
        }
        let level = match ind.level.as_str() {
            "KGI" | "kgi" => Level::Kgi,
            "KPI" | "kpi" => Level::Kpi,
            other => {
                p.add(
                    format!("{key}.level"),
                    format!("「{other}」は使えません（使える値: KGI, KPI）"),
                );
                Level::Kpi
            }
        };
        let lower_is_better = match ind.direction.as_str() {
            "higher" => false,
            "lower" => true,
            other => {
                p.add(
                    format!("{key}.direction"),
                    format!("「{other}」は使えません（使える値: higher, lower）"),
                );
                false
            }
        };
        let bound = match ind.target_bound.as_deref() {
            None => None,
            Some("at_most") => Some(Bound::AtMost),
            Some("at_least") => Some(Bound::AtLeast),
            Some(other) => {
                p.add(
                    format!("{key}.target_bound"),
                    format!("「{other}」は使えません（使える値: at_most, at_least）"),
                );
                None
            }
        };
        let baseline = year(&ind.baseline, &format!("{key}.baseline"), p);
        let target_year = year(&ind.target_year, &format!("{key}.target_year"), p);
        if let (Some(b), Some(t)) = (baseline, target_year) {
            if t <= b {
                p.add(
                    format!("{key}.target_year"),
                    format!("目標年度 {t} が基準年度 {b} より後ではありません"),
                );
            }
        }
        let source = match (&ind.survey, &ind.admin) {
            (Some(s), None) => survey_source(s, questions, &format!("{key}.survey"), p),
            (None, Some(name)) => {
                if !has_admin {
                    p.add(
                        format!("{key}.admin"),
                        "行政指標を使うには [admin] でファイルを指定してください",
                    );
                }
                Some(IndicatorSource::Admin { name: name.clone() })
            }
            _ => {
                p.add(
                    key.clone(),
                    "survey と admin のどちらか一方を書いてください",
                );
                None
            }
        };
        if matches!(
            source,
            Some(IndicatorSource::Positive { .. } | IndicatorSource::Option { .. })
        ) && ind.unit != "%"
        {
            p.add(
                format!("{key}.unit"),
                "アンケートから求める指標は割合なので unit = \"%\" にしてください",
            );
        }
        if let (Some(source), Some(baseline), Some(target_year)) = (source, baseline, target_year) {
            out.push(Indicator {
                id: ind.id.clone(),
                level,
                name: ind.name.clone(),
                unit: ind.unit.clone(),
                lower_is_better,
                baseline,
                target_year,
                target: ind.target,
                bound,
                decimals: ind.decimals.unwrap_or(1),
                source,
            });
        }
    }
    out
}

fn survey_source(
    s: &SurveySourceFile,
    questions: &[Question],
    key: &str,
    p: &mut Problems,
) -> Option<IndicatorSource> {
    let Some(qi) = questions.iter().position(|q| q.id == s.question) else {
        p.add(
            format!("{key}.question"),
            format!("設問「{}」は定義されていません", s.question),
        );
        return None;
    };
    match (&questions[qi].kind, &s.option) {
        (QuestionKind::Scale { .. }, None) => Some(IndicatorSource::Positive { question: qi }),
        (QuestionKind::Choice { options, .. }, Some(o)) => {
            match options
                .iter()
                .position(|x| normalize_label(x) == normalize_label(o))
            {
                Some(k) => Some(IndicatorSource::Option {
                    question: qi,
                    option: k,
                }),
                None => {
                    p.add(
                        format!("{key}.option"),
                        format!(
                            "「{o}」は設問「{}」の選択肢にありません（選択肢: {}）",
                            s.question,
                            options.join("、")
                        ),
                    );
                    None
                }
            }
        }
        (QuestionKind::Scale { .. }, Some(_)) => {
            p.add(
                format!("{key}.option"),
                "尺度の設問には option を書きません（肯定的回答の割合を使います）",
            );
            None
        }
        (QuestionKind::Choice { .. }, None) => {
            p.add(
                format!("{key}.option"),
                "選択式の設問には割合を求める option が必要です",
            );
            None
        }
        (QuestionKind::Text, _) => {
            p.add(
                format!("{key}.question"),
                "自由記述の設問は指標にできません",
            );
            None
        }
    }
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
}
