//! Edge cases that must render without panics: an empty wave, a band with one person, a level
//! nobody chose, a question missing from one wave, numeric ages binned by edges, a group with
//! no answers. Expected values are worked out by hand from the rows written here.

mod common;

use common::*;
use std::path::Path;

const PIPELINE: &str = r#"
organisation = "境界市"
title = "境界値テスト"

[statistics]
min_group = 1
min_group_text = 1
# Every small group of these fixtures is shown, so the hand-worked numbers can be checked.
min_uniform_group = 1
min_change_members = 1

[[waves]]
year = 2022
file = "w1.csv"

[[waves]]
year = "R5"
file = "w2.csv"
population = { "全体" = 10 }

[scales.yn]
levels = ["はい", "どちらとも", "いいえ"]
positive = 1

[respondents]
id = "ID"

[respondents.age]
column = "年齢"
bands = ["29歳以下", "30～49歳", "50歳以上"]
edges = [30, 50]

[[respondents.attributes]]
id = "team"
label = "係"
column = "係"

[[questions]]
id = "a"
label = "設問A"
column = "A"
kind = "scale"
scale = "yn"

[[questions]]
id = "b"
label = "設問B"
column = "B"
columns = { R4 = "" }
kind = "scale"
scale = "yn"

[[questions]]
id = "c"
label = "理由"
column = "C"
kind = "single"
options = ["x", "y"]
other = "y"

[[segments]]
id = "age"
label = "年齢別"
attribute = "age"

[[segments]]
id = "team"
label = "係別"
attribute = "team"

[[segments]]
id = "split"
label = "A別"
split_on = "a"
"#;

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn run(dir: &Path, w1: &str, w2: &str) -> std::path::PathBuf {
    let (r, tables) = run_with(dir, w1, w2, &[]);
    assert!(r.status.success(), "{}", stderr(&r));
    tables
}

fn run_with(
    dir: &Path,
    w1: &str,
    w2: &str,
    extra: &[&str],
) -> (std::process::Output, std::path::PathBuf) {
    write(dir, "p.toml", PIPELINE);
    write(dir, "w1.csv", w1);
    write(dir, "w2.csv", w2);
    let out = dir.join("out");
    (
        run_pipeline(&dir.join("p.toml"), &out, extra),
        out.join("p/R5/tables"),
    )
}

#[test]
fn small_and_empty_groups_render() {
    let dir = temp_dir("edge-groups");
    // Wave 1 has no B column at all (columns R4 = "" means not asked).
    // Wave 2: ages 25 (≤29), 30 and 49 (30～49), 50 (50+); nobody answered いいえ to A;
    // team 総務 has one person; C: "z" is not an option and goes to the other option y.
    let tables = run(
        &dir,
        "ID,年齢,係,A,C\n1,40,総務,はい,x\n",
        "ID,年齢,係,A,B,C\n1,25,企画,はい,いいえ,x\n2,30,企画,どちらとも,,z\n3,49,総務,はい,はい,\n4,50,企画,,はい,x\n",
    );
    // A (positive = はい only): all 2/3 = 66.7; ≤29 1/1; 30～49 1/2 = 50.0; 50+ no answer (n 0).
    let age = read_csv(&tables.join("items_by_age.csv"));
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,設問,全体（%）,全体 n,29歳以下（%）,29歳以下 n,30～49歳（%）,30～49歳 n,50歳以上（%）,50歳以上 n\n\
         a,設問A,66.7,3,100.0,1,50.0,2,-,0\n\
         b,設問B,66.7,3,0.0,1,100.0,1,100.0,1\n",
        &age,
    );
    // Free attribute values are ordered as found (sorted): 企画, 総務.
    let team = read_csv(&tables.join("items_by_team.csv"));
    assert!(
        team.find("企画（%）") < team.find("総務（%）") && team.contains("企画（%）"),
        "{team}"
    );
    // Trend: B was not asked in 2022, so its R4 share is empty and the change is unknown.
    let trend = read_csv(&tables.join("trend.csv"));
    assert_columns_match(
        "trend.csv",
        "設問ID,令和4年度（%）,令和4年度 n,令和5年度（%）,令和5年度 n,令和4年度からの変化（pt）\n\
         a,100.0,1,66.7,3,-33.3\n\
         b,-,0,66.7,3,-\n",
        &trend,
    );
    // Level counts: いいえ for A is 0 (a level nobody chose). This scale declares no neutral,
    // so どちらとも is negative: 1 of 3 answers = 33.3.
    let levels = read_csv(&tables.join("levels.csv"));
    assert!(levels.contains("a,設問A,4,2,1,0,1,66.7,33.3\n"), "{levels}");
    // No employment attribute: only the overall population, given as 全体 for R5 (4 of 10).
    let rates = read_csv(&tables.join("response_rates.csv"));
    assert!(rates.contains("令和4年度,全体,-,1,-\n"), "{rates}");
    assert!(rates.contains("令和5年度,全体,10,4,40.0\n"), "{rates}");
    // C: x chosen by 1 and 4, "z" counted as y (other); base 3.
    let c = read_csv(&tables.join("options_c.csv"));
    assert!(c.contains("\n全体,全体,x,3,2,66.7,1,"), "{c}");
    assert!(c.contains("\n全体,全体,y,3,1,33.3,2,"), "{c}");
}

#[test]
fn a_wave_with_only_headers_renders() {
    let dir = temp_dir("edge-empty");
    let tables = run(
        &dir,
        "ID,年齢,係,A,C\n1,40,総務,はい,x\n",
        "ID,年齢,係,A,B,C\n",
    );
    let age = read_csv(&tables.join("items_by_age.csv"));
    assert_columns_match(
        "items_by_age.csv",
        "設問ID,全体（%）,全体 n,29歳以下（%）,29歳以下 n,30～49歳（%）,30～49歳 n,50歳以上（%）,50歳以上 n\n\
         a,-,0,-,0,-,0,-,0\n\
         b,-,0,-,0,-,0,-,0\n",
        &age,
    );
    let counts = read_csv(&tables.join("row_counts.csv"));
    assert!(counts.contains("令和5年度,w2.csv,0,0,0,\n"), "{counts}");
}

#[test]
fn an_age_outside_every_band_is_reported() {
    let dir = temp_dir("edge-age");
    let (w1, w2) = (
        "ID,年齢,係,A,C\n1,四十,総務,はい,x\n",
        "ID,年齢,係,A,B,C\n1,200,企画,はい,はい,x\n",
    );
    // The only age of each wave is unreadable: 100% of the column, so the gate stops the run
    // and names both values; nothing is written.
    let (r, tables) = run_with(&dir, w1, w2, &[]);
    assert_eq!(r.status.code(), Some(1));
    let msg = stderr(&r);
    assert!(
        msg.contains("「四十」 1 件: 令和4年度 w1.csv の列「年齢」"),
        "{msg}"
    );
    assert!(
        msg.contains("「200」 1 件: 令和5年度 w2.csv の列「年齢」"),
        "{msg}"
    );
    assert!(!tables.exists());
    let (r, tables) = run_with(&dir, w1, w2, &["--accept-data-problems"]);
    assert!(r.status.success(), "{}", stderr(&r));
    let q = read_csv(&tables.join("data_quality.csv"));
    assert!(q.contains("w1.csv,,2,年齢,B2,四十,年代を解釈できない,年代（29歳以下、30～49歳、50歳以上）,年代なしとして扱う"), "{q}");
    assert!(
        q.contains("w2.csv,,2,年齢,B2,200,年代を解釈できない"),
        "{q}"
    );
}
