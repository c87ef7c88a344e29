//! Shared by the fuzz targets: a pipeline modelled on the small fixture whose one wave is the
//! file the fuzzer writes, read through the real ingest and clean stages.

use staff_survey::pipeline::Pipeline;
use std::path::PathBuf;

const PIPELINE: &str = r#"
organisation = "ファズ市"
title = "ファズ"
[statistics]
min_group = 1
[limits]
max_megabytes = 64
max_cells = 2000000
[[waves]]
year = "R5"
file = "WAVE_FILE"
ENCODING
[scales.agree4]
levels = ["そう思う", "どちらかと言えばそう思う", "どちらかと言えばそう思わない", "そう思わない"]
positive = 2
[respondents]
id = "回答ID"
[respondents.age]
column = "年代"
bands = ["20歳代", "30歳代", "40歳代以上"]
map = { "40歳代" = "40歳代以上", "50歳代" = "40歳代以上" }
[respondents.employment]
column = "雇用形態"
values = ["正規職員", "会計年度任用職員"]
[[questions]]
id = "q1"
label = "満足"
column = "満足している"
kind = "scale"
scale = "agree4"
[[questions]]
id = "m1"
label = "理由"
column = "満足していない理由"
kind = "multi"
options = ["給与", "人間関係", "業務量"]
asked_if = { question = "q1", answers = ["どちらかと言えばそう思わない", "そう思わない"] }
[[segments]]
id = "age"
label = "年代別"
attribute = "age"
"#;

/// A directory of this process with the pipeline file; returns (pipeline, wave file path).
pub fn setup(wave_file: &str, encoding: &str) -> (Pipeline, PathBuf) {
    let dir = std::env::temp_dir().join(format!("staff-survey-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wave = dir.join(wave_file);
    std::fs::write(&wave, b"").unwrap();
    let text = PIPELINE.replace("WAVE_FILE", wave_file).replace("ENCODING", encoding);
    std::fs::write(dir.join("fuzz.toml"), text).unwrap();
    let pipeline = staff_survey::config::load(&dir.join("fuzz.toml")).expect("the fuzz pipeline is valid");
    (pipeline, wave)
}

/// Reads and cleans the wave file; errors are fine (they are messages), panics are not.
pub fn ingest_and_clean(pipeline: &Pipeline) {
    let waves = pipeline.waves_until(pipeline.waves[0].year);
    let _ = staff_survey::clean::read_and_clean(pipeline, &waves, false);
}
