//! Atomic report directories: a report is written into a hidden sibling directory and moved
//! into place only when complete, so a run that is killed midway leaves the previous report
//! as it was (and at worst a stale `.<name>.partial` sibling, removed by the next run).

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// The staging directory for `dir`: `<parent>/.<name>.partial`.
pub fn staging_path(dir: &Path) -> PathBuf {
    sibling(dir, "partial")
}

fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.with_file_name(format!(".{name}.{suffix}"))
}

/// A staging directory that becomes `dir` on [`Staging::publish`].
pub struct Staging {
    dir: PathBuf,
    staging: PathBuf,
}

impl Staging {
    /// Creates an empty staging directory (removing a stale one from a killed run).
    pub fn new(dir: &Path) -> Result<Self> {
        let staging = staging_path(dir);
        remove_if_present(&staging)?;
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("出力用のフォルダ {} を作れません", staging.display()))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            staging,
        })
    }

    /// Where to write.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Moves the complete report into place, replacing the previous one.
    pub fn publish(self) -> Result<()> {
        let old = sibling(&self.dir, "old");
        remove_if_present(&old)?;
        if self.dir.exists() {
            std::fs::rename(&self.dir, &old).with_context(|| {
                format!("前回の出力 {} を置き換えられません", self.dir.display())
            })?;
        }
        std::fs::rename(&self.staging, &self.dir)
            .with_context(|| format!("出力を {} に移せません", self.dir.display()))?;
        remove_if_present(&old)
    }
}

fn remove_if_present(path: &Path) -> Result<()> {
    if path.exists() {
        std::fs::remove_dir_all(path)
            .with_context(|| format!("{} を消せません", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("staff-survey-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn the_previous_report_stays_until_the_new_one_is_complete() {
        let root = temp("replace");
        let dir = root.join("R6");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("old.csv"), "old").unwrap();
        let staging = Staging::new(&dir).unwrap();
        std::fs::write(staging.path().join("new.csv"), "new").unwrap();
        // Not yet published: the old report is whole and the new one is out of sight.
        assert!(dir.join("old.csv").exists());
        assert!(!dir.join("new.csv").exists());
        staging.publish().unwrap();
        assert!(dir.join("new.csv").exists());
        assert!(
            !dir.join("old.csv").exists(),
            "nothing of the old report is left beside the new one"
        );
        let names: Vec<_> = std::fs::read_dir(&root)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("R6")],
            "no staging or backup left"
        );
    }

    #[test]
    fn a_killed_run_leaves_the_report_and_its_stale_staging_is_cleared() {
        let root = temp("killed");
        let dir = root.join("R6");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("report.md"), "whole").unwrap();
        // A run that died while writing: its staging directory is half full.
        let stale = Staging::new(&dir).unwrap();
        std::fs::write(stale.path().join("half.csv"), "half").unwrap();
        drop(stale);
        assert_eq!(
            std::fs::read_to_string(dir.join("report.md")).unwrap(),
            "whole"
        );
        // The next run starts clean.
        let next = Staging::new(&dir).unwrap();
        assert!(!next.path().join("half.csv").exists());
    }
}
