//! `staff-survey verify <report dir | archive>`: re-runs a report from the inputs its manifest
//! records and compares every output with the record.
//!
//! It refuses, naming the file, when the pipeline file or an input differs from its recorded
//! hash; otherwise it re-runs into a temporary directory and lists every output that differs
//! (or is missing or extra) — in the fresh run or in the report directory as it stands.

use crate::archive;
use crate::manifest::{self, FileHash};
use crate::run::{run, RunOptions};
use anyhow::{bail, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// What verify found; `differences` is empty when everything matches.
#[derive(Debug)]
pub struct Verification {
    pub outputs: usize,
    pub differences: Vec<String>,
}

/// Checks the recorded inputs, then re-runs and compares.
pub fn verify(dir: &Path, progress: &mut dyn FnMut(&str)) -> Result<Verification> {
    // An archive names its report inside; every path must stay inside the archive.
    let report = archive::report_in(dir)?;
    let report_dir = report.as_deref().unwrap_or(dir);
    let record = manifest::read(report_dir)?;
    progress("記録された入力ファイルを確かめています");
    let mut changed = Vec::new();
    for f in std::iter::once(&record.pipeline).chain(&record.inputs) {
        let path = report_dir.join(&f.path);
        if !path.is_file() {
            bail!("記録された入力ファイル {} が見つかりません", path.display());
        }
        let now = manifest::sha256_file(&path)?;
        if now != f.sha256 {
            changed.push(format!(
                "{}（記録 {}…、現在 {}…）",
                path.display(),
                &f.sha256[..12],
                &now[..12]
            ));
        }
    }
    if !changed.is_empty() {
        bail!(
            "入力ファイルが記録と異なるため再現できません:\n  - {}",
            changed.join("\n  - ")
        );
    }
    let scratch = std::env::temp_dir().join(format!("staff-survey-verify-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    let opts = RunOptions {
        pipeline: report_dir.join(&record.pipeline.path),
        wave: Some(record.wave.clone()),
        out: scratch.clone(),
        check_only: false,
        accept_data_problems: record.settings.accept_data_problems,
        progress_bar: false,
    };
    progress("記録された入力から再実行しています");
    let summary = run(&opts, &mut |_| {});
    let summary = match summary {
        Ok(s) => s,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&scratch);
            return Err(e.context("再実行に失敗しました"));
        }
    };
    progress("出力を比べています");
    let fresh = manifest::hash_outputs(&summary.dir)?;
    let present = manifest::hash_outputs(report_dir)?;
    let _ = std::fs::remove_dir_all(&scratch);
    let mut differences = compare("再実行の結果", &record.outputs, &fresh);
    differences.extend(compare("報告のフォルダ", &record.outputs, &present));
    Ok(Verification {
        outputs: record.outputs.len(),
        differences,
    })
}

/// Differences between the recorded outputs and `actual`, each naming the file.
fn compare(what: &str, recorded: &[FileHash], actual: &[FileHash]) -> Vec<String> {
    let rec: BTreeMap<&str, &str> = recorded
        .iter()
        .map(|f| (f.path.as_str(), f.sha256.as_str()))
        .collect();
    let act: BTreeMap<&str, &str> = actual
        .iter()
        .map(|f| (f.path.as_str(), f.sha256.as_str()))
        .collect();
    let mut out = Vec::new();
    for (path, hash) in &rec {
        match act.get(path) {
            None => out.push(format!("{what}: {path} がありません")),
            Some(h) if h != hash => out.push(format!("{what}: {path} の内容が記録と異なります")),
            _ => {}
        }
    }
    for path in act.keys().filter(|p| !rec.contains_key(*p)) {
        out.push(format!("{what}: 記録にないファイル {path} があります"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, sha: &str) -> FileHash {
        FileHash {
            path: path.into(),
            sha256: sha.into(),
        }
    }

    #[test]
    fn every_kind_of_difference_names_its_file() {
        let recorded = vec![f("a.csv", "1"), f("b.csv", "2"), f("c.csv", "3")];
        let actual = vec![f("a.csv", "1"), f("b.csv", "x"), f("d.csv", "4")];
        assert_eq!(
            compare("再実行の結果", &recorded, &actual),
            vec![
                "再実行の結果: b.csv の内容が記録と異なります",
                "再実行の結果: c.csv がありません",
                "再実行の結果: 記録にないファイル d.csv があります",
            ]
        );
        assert!(compare("x", &recorded, &recorded).is_empty());
    }
}
