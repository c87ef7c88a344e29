//! `manifest.json`: what a report was made from and what it holds, so an auditor can re-run it.
//!
//! It records the tool version, the SHA-256 of the pipeline file, of every input file and of
//! every output file, the settings used and the row accounting. Paths are relative to the
//! report directory, with `/` separators, so the record does not depend on where the files
//! live as long as they keep their places relative to each other. Nothing in it depends on
//! the clock or on the machine.

use crate::pipeline::Pipeline;
use crate::quality::Accounting;
use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

pub const FILE_NAME: &str = "manifest.json";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub tool: String,
    pub version: String,
    /// The report's wave, e.g. `R6`.
    pub wave: String,
    pub pipeline: FileHash,
    pub settings: Settings,
    pub inputs: Vec<FileHash>,
    pub outputs: Vec<FileHash>,
    pub rows: Vec<Rows>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileHash {
    /// Relative to the report directory, `/`-separated.
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub confidence: f64,
    pub significance: f64,
    pub min_group: u32,
    pub min_group_text: u32,
    pub unstable_below: u32,
    pub top_n: usize,
    /// `[quality] max_unmatched_share`.
    #[serde(default)]
    pub max_unmatched_share: Option<f64>,
    /// The run was told to go on past the data-quality gate (`--accept-data-problems`);
    /// `verify` re-runs it the same way.
    #[serde(default)]
    pub accept_data_problems: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rows {
    pub wave: String,
    pub file: String,
    pub read: usize,
    pub used: usize,
    pub set_aside: BTreeMap<String, usize>,
}

/// SHA-256 of a file, lower-case hex. The file is read through a buffer, never whole.
pub fn sha256_file(path: &Path) -> Result<String> {
    let context = || format!("{} を読めません", path.display());
    let mut file = std::fs::File::open(path).with_context(context)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher).with_context(context)?;
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// An absolute, `.`/`..`-free version of `path` (it need not exist).
fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Ok(out)
}

/// `to` relative to the directory `from`, `/`-separated (`../../pipelines/sample.toml`).
pub fn relative(from: &Path, to: &Path) -> Result<String> {
    let (from, to) = (absolute(from)?, absolute(to)?);
    let (fc, tc): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let common = fc.iter().zip(&tc).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); fc.len() - common];
    parts.extend(
        tc[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Ok(parts.join("/"))
}

/// The input files of a run: every wave and roster up to the report's, the admin table, the
/// HR count tables and the comparison table.
pub fn input_files(pipeline: &Pipeline, wave: crate::fiscal_year::FiscalYear) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = pipeline
        .waves_until(wave)
        .iter()
        .map(|w| w.source.path.clone())
        .collect();
    if let Some(a) = &pipeline.admin {
        files.push(a.source.path.clone());
    }
    if let Some(s) = &pipeline.staff {
        files.extend(
            s.rosters
                .iter()
                .filter(|r| r.year <= wave)
                .map(|r| r.source.path.clone()),
        );
        files.extend(s.tables.iter().map(|t| t.path.clone()));
    }
    if let Some(b) = &pipeline.benchmarks {
        files.push(b.path.clone());
    }
    files
}

/// Every file under `dir` except the manifest, with its hash, sorted by path.
pub fn hash_outputs(dir: &Path) -> Result<Vec<FileHash>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<FileHash>) -> Result<()> {
        for e in
            std::fs::read_dir(dir).with_context(|| format!("{} を読めません", dir.display()))?
        {
            let p = e?.path();
            if p.is_dir() {
                walk(root, &p, out)?;
            } else {
                let rel = p
                    .strip_prefix(root)?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                if rel != FILE_NAME {
                    out.push(FileHash {
                        path: rel,
                        sha256: sha256_file(&p)?,
                    });
                }
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out)?;
    out.sort();
    Ok(out)
}

/// Each file's hash, with its path relative to the report's final place `report_dir`.
pub fn hash_files(files: &[PathBuf], report_dir: &Path) -> Result<Vec<FileHash>> {
    files.iter().map(|p| hash_file(p, report_dir)).collect()
}

fn hash_file(p: &Path, report_dir: &Path) -> Result<FileHash> {
    Ok(FileHash {
        path: relative(report_dir, p)?,
        sha256: sha256_file(p)?,
    })
}

/// Builds the manifest of a report whose files are in `written_dir` and whose final place is
/// `report_dir` (they differ while the report is staged); `inputs` are the hashes of
/// [`input_files`] ([`hash_files`]), which a large run works out while it aggregates.
pub fn build(
    pipeline: &Pipeline,
    wave: crate::fiscal_year::FiscalYear,
    (accounting, inputs): (&[Accounting], Vec<FileHash>),
    accept_data_problems: bool,
    (written_dir, report_dir): (&Path, &Path),
) -> Result<Manifest> {
    let hash = |p: &Path| hash_file(p, report_dir);
    let s = &pipeline.statistics;
    Ok(Manifest {
        tool: env!("CARGO_PKG_NAME").into(),
        version: env!("CARGO_PKG_VERSION").into(),
        wave: wave.short(),
        pipeline: hash(&pipeline.path)?,
        settings: Settings {
            confidence: s.confidence,
            significance: s.significance,
            min_group: s.min_group,
            min_group_text: s.min_group_text,
            unstable_below: s.unstable_below,
            top_n: pipeline.top_n,
            max_unmatched_share: Some(pipeline.quality.max_unmatched_share),
            accept_data_problems,
        },
        inputs,
        outputs: hash_outputs(written_dir)?,
        rows: accounting
            .iter()
            .map(|a| Rows {
                wave: a.year.short(),
                file: a.file.clone(),
                read: a.read,
                used: a.used,
                set_aside: a.set_aside.iter().cloned().collect(),
            })
            .collect(),
    })
}

/// Writes the manifest as pretty JSON with a final newline.
pub fn write(manifest: &Manifest, dir: &Path) -> Result<PathBuf> {
    let path = dir.join(FILE_NAME);
    let mut text = serde_json::to_string_pretty(manifest)?;
    text.push('\n');
    std::fs::write(&path, text).with_context(|| format!("{} に書き込めません", path.display()))?;
    Ok(path)
}

/// Reads a manifest.
pub fn read(dir: &Path) -> Result<Manifest> {
    let path = dir.join(FILE_NAME);
    let text = std::fs::read_to_string(&path).with_context(|| {
        format!(
            "{} がありません。staff-survey run が書いた報告のフォルダを指定してください",
            path.display()
        )
    })?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "{} を読めません（壊れているか、別の形式です）",
            path.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_and_descend() {
        assert_eq!(
            relative(
                Path::new("/a/reports/s/R6"),
                Path::new("/a/pipelines/s.toml")
            )
            .unwrap(),
            "../../../pipelines/s.toml"
        );
        assert_eq!(
            relative(Path::new("/a/r"), Path::new("/a/r/x/y.csv")).unwrap(),
            "x/y.csv"
        );
        assert_eq!(
            relative(Path::new("/a/b/../r"), Path::new("/a/r/./z")).unwrap(),
            "z"
        );
    }

    // SHA-256 of "abc" is the FIPS 180-2 test vector.
    #[test]
    fn sha256_matches_the_standard_vector() {
        let p = std::env::temp_dir().join(format!("staff-survey-sha-{}", std::process::id()));
        std::fs::write(&p, "abc").unwrap();
        assert_eq!(
            sha256_file(&p).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
