//! `staff-survey archive <report dir> <dest>`: one directory holding a report, its pipeline
//! file and its inputs, laid out as they were relative to each other, that `verify` accepts on
//! another machine and in another place.
//!
//! `archive.json` at the top names the report directory inside. When `verify` is given an
//! archive, every path it resolves (the report, the pipeline, the inputs) must stay inside the
//! archive: `..` that climbs out and absolute paths are refused before anything is read.

use crate::manifest;
use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};
use std::path::{Component, Path, PathBuf};

pub const FILE_NAME: &str = "archive.json";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ArchiveFile {
    /// The report directory, relative to the archive, `/`-separated.
    report: String,
}

/// `path` without `.` and `..` components (purely lexical), or `None` when `..` climbs above
/// its start.
fn lexical(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    Some(out)
}

/// An absolute, lexically normalised path.
fn absolute(path: &Path) -> Result<PathBuf> {
    let p = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    lexical(&p).with_context(|| format!("パス {} を解釈できません", path.display()))
}

/// The deepest directory containing every path.
fn common_root(paths: &[PathBuf]) -> PathBuf {
    let mut root: Vec<Component> = paths[0]
        .parent()
        .unwrap_or(&paths[0])
        .components()
        .collect();
    for p in &paths[1..] {
        let comps: Vec<Component> = p.components().collect();
        let n = root.iter().zip(&comps).take_while(|(a, b)| a == b).count();
        root.truncate(n);
    }
    root.iter().collect()
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).with_context(|| format!("{} を作れません", to.display()))?;
    for e in std::fs::read_dir(from).with_context(|| format!("{} を読めません", from.display()))?
    {
        let p = e?.path();
        let target = to.join(p.file_name().unwrap_or_default());
        if p.is_dir() {
            copy_tree(&p, &target)?;
        } else {
            std::fs::copy(&p, &target).with_context(|| format!("{} を写せません", p.display()))?;
        }
    }
    Ok(())
}

/// Copies the report, its pipeline file and inputs into `dest` (which must not exist yet).
pub fn archive(report_dir: &Path, dest: &Path) -> Result<PathBuf> {
    if dest.exists() {
        bail!(
            "{} は既にあります。新しいフォルダ名を指定してください",
            dest.display()
        );
    }
    let record = manifest::read(report_dir)?;
    let report = absolute(report_dir)?;
    let files: Vec<PathBuf> = std::iter::once(&record.pipeline)
        .chain(&record.inputs)
        .map(|f| absolute(&report_dir.join(&f.path)))
        .collect::<Result<_>>()?;
    let mut all = files.clone();
    all.push(report.join(manifest::FILE_NAME));
    let root = common_root(&all);
    for f in &files {
        let target = dest.join(f.strip_prefix(&root)?);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("{} を作れません", parent.display()))?;
        }
        std::fs::copy(f, &target).with_context(|| format!("{} を写せません", f.display()))?;
    }
    let inside = report.strip_prefix(&root)?;
    copy_tree(&report, &dest.join(inside))?;
    let rel = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let mut text = serde_json::to_string_pretty(&ArchiveFile { report: rel })?;
    text.push('\n');
    std::fs::write(dest.join(FILE_NAME), text)?;
    Ok(dest.to_path_buf())
}

/// When `dir` is an archive, the report directory inside it, after checking that the report
/// and every path its manifest records stay inside the archive. `None` for a plain report.
pub fn report_in(dir: &Path) -> Result<Option<PathBuf>> {
    let path = dir.join(FILE_NAME);
    if !path.is_file() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{} を読めません", path.display()))?;
    let file: ArchiveFile = serde_json::from_str(&text).with_context(|| {
        format!(
            "{} を読めません（壊れているか、別の形式です）",
            path.display()
        )
    })?;
    let root = absolute(dir)?;
    let inside = |rel: &Path, what: &str| -> Result<PathBuf> {
        match lexical(&root.join(rel)) {
            Some(p) if !rel.is_absolute() && p.starts_with(&root) => Ok(p),
            _ => bail!(
                "アーカイブの外を指すパスは使えません: {what} {}",
                rel.display()
            ),
        }
    };
    let report = inside(Path::new(&file.report), "archive.json の report")?;
    let record = manifest::read(&report)?;
    let report_rel = report.strip_prefix(&root)?.to_path_buf();
    for f in std::iter::once(&record.pipeline)
        .chain(&record.inputs)
        .chain(&record.outputs)
    {
        inside(&report_rel.join(&f.path), "manifest.json の")?;
    }
    Ok(Some(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_paths_cannot_climb_out() {
        assert_eq!(lexical(Path::new("a/b/../c")), Some(PathBuf::from("a/c")));
        assert_eq!(lexical(Path::new("a/../../x")), None);
    }

    #[test]
    fn the_common_root_holds_every_file() {
        let paths = [
            PathBuf::from("/w/main/pipelines/s.toml"),
            PathBuf::from("/w/main/sample-data/a.xlsx"),
            PathBuf::from("/w/main/reports/s/R6/manifest.json"),
        ];
        assert_eq!(common_root(&paths), PathBuf::from("/w/main"));
    }
}
