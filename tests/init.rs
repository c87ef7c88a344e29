//! `staff-survey init`: the written pipeline file must run without edits on the exports it was
//! made from — the sample's three exports one by one and together, and the fixtures in
//! tests/fixtures/init (made by make_init_fixtures.py): question numbers and title rows, a
//! Google-Forms-style grid export with a timestamp and an e-mail column, a Shift_JIS CSV, two
//! years whose file names give no year. For the sample, the age-band and やりがい tables from
//! the init-written file must hold the same numbers as those of the hand-written
//! pipelines/sample.toml. "No answer" words (わからない) become a scale's `missing`, and the
//! gate's threshold is raised only for other answers. Odd exports (empty, header only, a
//! blank column, a repeated header, one row) give a runnable file or a Japanese message that
//! names the file, never a panic.

mod common;

use common::init::*;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn each_sample_export_alone() {
    for (file, year) in [
        ("fy2022_R4.xlsx", "R4"),
        ("fy2023_R5.csv", "R5"),
        ("fy2024_R6.xlsx", "R6"),
    ] {
        let (text, message, _, report) =
            init_and_run(&[&sample(file)], file.split('.').next().unwrap());
        assert!(
            text.contains(&format!("year = \"{year}\"")),
            "{file}:\n{text}"
        );
        assert!(report.ends_with(year), "{}", report.display());
        assert_has(
            &message,
            &[
                "26 列 → 21 設問（尺度 16、複数選択 4、自由記述 1）",
                "staff-survey check ",
            ],
        );
        if file.ends_with(".csv") {
            assert_has(&text, &["encoding = \"shift_jis\""]);
        } else {
            assert_has(&text, &["sheet = \"回答\""]);
        }
    }
}

#[test]
fn all_three_sample_exports_in_one_file() {
    let exports = [
        sample("fy2022_R4.xlsx"),
        sample("fy2023_R5.csv"),
        sample("fy2024_R6.xlsx"),
    ];
    let args: Vec<&str> = exports.iter().map(String::as_str).collect();
    let (text, message, run_err, report) = init_and_run(&args, "sample3");
    // One [[waves]] per export, years from the file names, paths relative to the file.
    for (year, file) in [
        ("R4", "fy2022_R4.xlsx"),
        ("R5", "fy2023_R5.csv"),
        ("R6", "fy2024_R6.xlsx"),
    ] {
        assert_has(&text, &[&format!("year = \"{year}\"")]);
        let rel = format!("sample-data/{file}\"");
        assert_has(&text, &[&rel, "file = \"../"]);
    }
    // The statement reworded in R6 is one question, matched by similarity and said so.
    assert_has(
        &text,
        &[
            "column = \"職場研修（OJT）が適切に行われている\"\ncolumns = { \"R4\" = \"職場研修が適切に行われている\", \"R5\" = \"職場研修が適切に行われている\" }",
            "文言が似ている（類似度",
        ],
    );
    assert!(
        message
            .contains("R4「職場研修が適切に行われている」→「職場研修（OJT）が適切に行われている」"),
        "{message}"
    );
    // What only the user can decide is listed at the top; the timestamp is left out.
    assert_has(
        &text,
        &[
            "# ■ 利用者が決めること",
            "split_on = \"q02\"\ngroups = [\"やりがい有\", \"やりがい無\"]",
            "# [[indicators]]",
            "「回答日時」: 回答日時の列",
        ],
    );
    assert_has(&message, &["使わなかった列:\n  「回答日時」"]);
    assert_has(&text, &["polarity = \"negative\""]);

    // Same numbers as the hand-written pipeline. Both set aside the same rows (the empty and
    // the repeated 回答ID in each wave) and count the same answers as no answer (？, わからない,
    // -); init declares わからない as the scale's `missing`, so its three cells (one a wave)
    // are not data problems there, and the other problems are the same. The hand-written file
    // differs otherwise only in names (labels, band names 10～20歳代 for 20歳代以下) and in
    // asked_if on two multi-select questions, which no table compared here depends on.
    let hand_dir = temp_dir("init-hand");
    let hand_run = run_pipeline(Path::new("pipelines/sample.toml"), &hand_dir, &[]);
    assert!(hand_run.status.success(), "{}", stderr(&hand_run));
    let hand_report = hand_dir.join("sample/R6");
    assert_has(&text, &["missing = [\"わからない\"]"]);
    let hand_problems = read_csv(&hand_report.join("tables/data_quality.csv"));
    let wakaranai = hand_problems.matches(",わからない,").count();
    assert_eq!(wakaranai, 3, "{hand_problems}");
    // The hand-written pipeline also reads the staff rosters, whose deliberate defects
    // (sample-data/README.md) are data problems of their own.
    let roster = hand_problems
        .lines()
        .filter(|l| l.starts_with("roster_"))
        .count();
    assert_eq!(roster, 2, "{hand_problems}");
    assert_eq!(
        problem_count(&run_err),
        problem_count(&stderr(&hand_run)) - wakaranai - roster,
        "{run_err}"
    );
    let mapping = question_mapping(
        &std::fs::read_to_string(root().join("pipelines/sample.toml")).unwrap(),
        &text,
    );
    assert_eq!(mapping.len(), 16 + 4 + 1, "{mapping:?}");
    for table in ["items_by_age.csv", "items_by_yarigai.csv"] {
        compare_items(
            table,
            &read_csv(&hand_report.join("tables").join(table)),
            &read_csv(&report.join("tables").join(table)),
            &mapping,
        );
    }
    // init found the two conditional questions (asked_if) the hand-written file has, so the
    // options tables (bases: those asked who answered) agree too, for every group.
    assert_has(
        &text,
        &[
            "asked_if = { question = \"q01\", answers = [\"どちらかと言えばそう思わない\", \"そう思わない\"] }",
        ],
    );
    let bands = |t: &str| -> Vec<String> {
        let v: toml::Value = toml::from_str(t).unwrap();
        v["respondents"]["age"]["bands"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b.as_str().unwrap().to_string())
            .collect()
    };
    let hand_text = std::fs::read_to_string(root().join("pipelines/sample.toml")).unwrap();
    let band_map: BTreeMap<String, String> =
        bands(&text).into_iter().zip(bands(&hand_text)).collect();
    for m in ["m01", "m02", "m03", "m04"] {
        let file = |dir: &Path, id: &str| read_csv(&dir.join(format!("tables/options_{id}.csv")));
        compare_options(
            m,
            &file(&hand_report, m),
            &file(&report, &mapping[m]),
            &band_map,
        );
    }
}

/// Compares an options table row by row, keyed by segment, group and option (the init file
/// lists options by frequency and keeps the export's band names).
fn compare_options(name: &str, hand: &str, init: &str, band_map: &BTreeMap<String, String>) {
    let keyed = |text: &str, map: bool| -> BTreeMap<(String, String, String), Vec<String>> {
        csv_rows(text)[1..]
            .iter()
            .map(|r| {
                let group = if map {
                    band_map.get(&r[1]).cloned().unwrap_or(r[1].clone())
                } else {
                    r[1].clone()
                };
                ((r[0].clone(), group, r[2].clone()), r[3..9].to_vec())
            })
            .collect()
    };
    let (h, i) = (keyed(hand, false), keyed(init, true));
    assert!(h.len() >= 5 * 10, "{name}: {} rows", h.len());
    assert_eq!(h, i, "{name}");
}

/// Question id in the hand-written file → id in the init-written file, by header text (a
/// question matches when any of its per-wave headers is the same).
fn question_mapping(hand: &str, init: &str) -> BTreeMap<String, String> {
    let headers = |text: &str| -> Vec<(String, Vec<String>)> {
        let v: toml::Value = toml::from_str(text).unwrap();
        v["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                let mut h = vec![q["column"].as_str().unwrap().to_string()];
                if let Some(c) = q.get("columns").and_then(|c| c.as_table()) {
                    h.extend(
                        c.values()
                            .filter_map(|x| x.as_str())
                            .filter(|x| !x.is_empty())
                            .map(String::from),
                    );
                }
                (q["id"].as_str().unwrap().to_string(), h)
            })
            .collect()
    };
    let (h, i) = (headers(hand), headers(init));
    let mut out = BTreeMap::new();
    for (hid, hh) in &h {
        if let Some((iid, _)) = i.iter().find(|(_, ih)| ih.iter().any(|x| hh.contains(x))) {
            out.insert(hid.clone(), iid.clone());
        }
    }
    out
}

/// Compares the numbers of an items table (share, n and interval of 全体 and each group) row
/// by row through the question mapping; groups are compared by position (the init file keeps
/// the export's band names, the hand-written one renames them).
fn compare_items(name: &str, hand: &str, init: &str, mapping: &BTreeMap<String, String>) {
    let (h, i) = (csv_rows(hand), csv_rows(init));
    let numeric = |header: &[String]| -> Vec<usize> {
        header
            .iter()
            .enumerate()
            .filter(|(_, c)| c.ends_with("（%）") || c.ends_with(" n") || c.contains("95%CI"))
            .map(|(k, _)| k)
            .collect()
    };
    let (hc, ic) = (numeric(&h[0]), numeric(&i[0]));
    assert_eq!(
        hc.len(),
        ic.len(),
        "{name}: columns {:?} vs {:?}",
        h[0],
        i[0]
    );
    assert!(hc.len() >= 4 * 3, "{name}: {:?}", h[0]);
    let mut compared = 0;
    for hr in &h[1..] {
        let iid = &mapping[&hr[0]];
        let ir = i
            .iter()
            .find(|r| &r[0] == iid)
            .unwrap_or_else(|| panic!("{name}: no row {iid}"));
        for (a, b) in hc.iter().zip(&ic) {
            assert_eq!(
                hr[*a], ir[*b],
                "{name}: {} ({}) column {} vs {} ({}) column {}",
                hr[0], hr[1], h[0][*a], iid, ir[1], i[0][*b]
            );
        }
        compared += 1;
    }
    // 16 statements; the やりがい table leaves out the statement it splits on.
    assert!(compared >= 15, "{name}: {compared} rows");
    assert_eq!(h.len(), i.len(), "{name}");
}

#[test]
fn question_numbers_title_rows_and_numeric_ages() {
    let (text, message, run_err, _) = init_and_run(&[&fixture("numbered.xlsx")], "numbered");
    // Header below two title rows; the year comes from the title (令和5年度).
    assert_has(
        &text,
        &["header_row = 3", "year = \"R5\"", "sheet = \"集計\""],
    );
    // Numbers stripped from labels, the exact header kept as the column.
    for (label, column) in [
        (
            "仕事にやりがいを感じている",
            "問4 仕事にやりがいを感じている",
        ),
        (
            "現在の職場環境に満足していますか",
            "Q5. 現在の職場環境に満足していますか",
        ),
        (
            "この1年に研修を受けましたか",
            "7．この1年に研修を受けましたか",
        ),
        ("ストレスの原因", "問9 ストレスの原因（複数回答可）"),
    ] {
        assert!(
            text.contains(&format!("label = \"{label}\"\ncolumn = \"{column}\"")),
            "{label}:\n{text}"
        );
    }
    assert_has(
        &text,
        &[
            "edges = [30, 40, 50, 60]",
            "[scales.satisfaction5]",
            "neutral = 1",
            "[scales.frequency4]",
            "[scales.yesno]",
            "[scales.scale1]\nlevels = [\"とても高い\", \"高い\", \"やや低い\", \"低い\"]",
            "separator = \"、\"",
            "kind = \"single\"\noptions = [\"自家用車\"",
            "id = \"position\"\nlabel = \"職位\"\ncolumn = \"問3 職位\"",
        ],
    );
    // The spelling variant どちらかといえば is an alias: no answer is lost.
    assert_has(
        &text,
        &["\"どちらかといえばそう思う\" = \"どちらかと言えばそう思う\""],
    );
    assert_has(&run_err, &["データの問題: 0 件"]);
    assert_has(&message, &["見出しは 3 行目"]);
}

#[test]
fn forms_grid_export_with_timestamp_and_email() {
    let (text, message, run_err, _) = init_and_run(&[&fixture("forms_grid.csv")], "forms");
    assert_has(
        &text,
        &[
            "label = \"仕事にやりがいを感じている\"\ncolumn = \"以下の項目について [仕事にやりがいを感じている]\"",
            "「以下の項目について」の中の一項目です",
        ],
    );
    // No id column: the timestamp (unique) is the id, said so; the e-mail is left out.
    assert_has(
        &text,
        &[
            "[respondents]\nid = \"タイムスタンプ\"",
            "回答IDの列が見つからないので",
            "「メールアドレス」: メールアドレスの列",
        ],
    );
    assert!(!text.contains("column = \"メールアドレス\""), "{text}");
    assert_has(&message, &["「メールアドレス」: メールアドレスの列"]);
    // Five-point scale with a neutral middle, written with the spelling found.
    assert_has(
        &text,
        &[
            "[scales.agree5]\nlevels = [\"そう思う\", \"どちらかといえばそう思う\", \"どちらともいえない\", \"どちらかといえばそう思わない\", \"そう思わない\"]\npositive = 2\nneutral = 1",
            "separator = \",\"",
            "polarity = \"negative\"",
        ],
    );
    // わからない (6.9% of one item's answers) matches no level: it means no answer, so it is
    // the scale's `missing`, counted as 無回答 and not a data problem; the gate's threshold
    // stays at its default.
    assert_has(
        &text,
        &[
            "neutral = 1\nmissing = [\"わからない\"]\n",
            "# 「わからない」は段階ではなく「回答なし」の意味なので missing に書き、無回答として数えます",
        ],
    );
    assert!(!text.contains("[quality]"), "{text}");
    assert!(!text.contains("max_unmatched_share"), "{text}");
    assert_has(&message, &["「わからない」は無回答として missing に"]);
    assert!(!message.contains("max_unmatched_share"), "{message}");
    assert_eq!(problem_count(&run_err), 0, "{run_err}");
}

#[test]
fn shift_jis_csv() {
    let (text, message, run_err, _) = init_and_run(&[&fixture("sjis.csv")], "sjis");
    assert_has(&text, &["encoding = \"shift_jis\""]);
    assert_has(&message, &["Shift_JIS（自動判定）"]);
    assert_has(
        &text,
        &[
            "[respondents]\nid = \"番号\"",
            "bands = [\"10～20歳代\", \"30歳代\", \"40歳代\", \"50歳代\", \"60歳代～\"]",
            "[respondents.employment]\ncolumn = \"雇用形態\"",
            "aliases = { \"どちらかといえばそう思う\" = \"どちらかと言えばそう思う\"",
            "kind = \"text\"",
        ],
    );
    assert_has(&run_err, &["データの問題: 0 件"]);
}

#[test]
fn two_exports_without_years_in_their_names() {
    let (text, message, _, _) =
        init_and_run(&[&fixture("survey_a.csv"), &fixture("survey_b.csv")], "two");
    // Consecutive made-up years, flagged for the user.
    assert_has(&text, &["仮の年度"]);
    assert_has(&message, &["仮の年度を正しい年度に直す"]);
    let v: toml::Value = toml::from_str(&text).unwrap();
    let years: Vec<&str> = v["waves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["year"].as_str().unwrap())
        .collect();
    assert_eq!(years.len(), 2);
    let (a, b) = (years[0], years[1]);
    let n = |y: &str| y.trim_start_matches('R').parse::<i32>().unwrap();
    assert_eq!(n(b), n(a) + 1, "{years:?}");
    // Reworded and renumbered: one question; dropped and added ones are "" in the other year.
    assert_has(
        &text,
        &[
            &format!("column = \"問5 職場研修（OJT）が適切に行われている\"\ncolumns = {{ \"{a}\" = \"問4 職場研修が適切に行われている\" }}"),
            &format!("column = \"問4 人事評価が適切に行われている\"\ncolumns = {{ \"{a}\" = \"\" }}"),
            &format!("column = \"問5 庁舎の設備に満足している\"\ncolumns = {{ \"{b}\" = \"\" }}"),
        ],
    );
}

/// Runs the binary in `dir`.
fn in_dir(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_staff-survey"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn default_output_and_overwriting() {
    let dir = temp_dir("init-default");
    std::fs::copy(
        root().join(FIXTURES).join("sjis.csv"),
        dir.join("R6_回答.csv"),
    )
    .unwrap();
    let first = in_dir(&dir, &["init", "R6_回答.csv"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let written = dir.join("pipelines/R6_回答.toml");
    let text = std::fs::read_to_string(&written).unwrap();
    assert_has(&text, &["file = \"../R6_回答.csv\""]);
    assert!(
        stderr(&first).contains("staff-survey check pipelines/R6_回答.toml"),
        "{}",
        stderr(&first)
    );
    // Not overwritten without --force.
    std::fs::write(&written, "# edited by hand\n").unwrap();
    let again = in_dir(&dir, &["init", "R6_回答.csv"]);
    assert_eq!(again.status.code(), Some(1));
    let err = stderr(&again);
    assert_has(&err, &["既にあります", "--force"]);
    assert_eq!(
        std::fs::read_to_string(&written).unwrap(),
        "# edited by hand\n"
    );
    let forced = in_dir(&dir, &["init", "R6_回答.csv", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let run = in_dir(&dir, &["run", "pipelines/R6_回答.toml"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(dir.join("reports/R6_回答/R6/report.html").is_file());
}

#[test]
fn errors_say_what_to_fix() {
    let err = init_fails("missing", &["sample-data/none.xlsx"]);
    assert_has(&err, &["sample-data/none.xlsx が見つかりません"]);
    let sjis = fixture("sjis.csv");
    let err = init_fails("bad-encoding", &[&sjis, "--encoding", "euc-jp"]);
    assert_has(&err, &["utf-8 か shift_jis"]);
    let err = init_fails("wrong-encoding", &[&sjis, "--encoding", "utf-8"]);
    assert_has(&err, &["shift_jis"]);
}

#[test]
fn threshold_raised_only_for_answers_that_are_not_no_answer() {
    // 5% わからない (no answer: missing) and 5% ？ (matches nothing): only ？ raises the gate.
    let special: String = (1..=10)
        .map(|i| format!("{i},{}\n", if i <= 5 { "？" } else { "わからない" }))
        .collect();
    let (text, message, run_err) = init_and_run_csv(
        "回答ID,仕事にやりがいを感じている",
        &(special + &agree_rows(11..=100, "")),
        "raise",
    );
    assert_has(
        &text,
        &[
            "missing = [\"わからない\"]",
            "[quality]\nmax_unmatched_share = 0.06",
            "[quality] の max_unmatched_share を既定の 2% より上げています",
            "「？」: 回答の 5.0%",
        ],
    );
    assert!(!text.contains("「わからない」: 回答の"), "{text}");
    assert_has(&message, &["max_unmatched_share = 0.06 に上げました"]);
    assert_eq!(problem_count(&run_err), 5, "{run_err}");
}
