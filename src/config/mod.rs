//! Loading a pipeline file: parse the TOML, then validate it into a [`Pipeline`].
//!
//! `file` mirrors the TOML (its doc comments are the format reference); `validate` checks it
//! whole and reports every problem at once.

pub mod file;
mod validate;

use crate::pipeline::Pipeline;
use anyhow::{bail, Context, Result};
use std::path::Path;

/// Reads and validates the pipeline file at `path`. All problems are listed in one error.
pub fn load(path: &Path) -> Result<Pipeline> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("パイプラインファイル {} を読めません", path.display()))?;
    let parsed: file::PipelineFile = toml::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))
        .with_context(|| {
            format!(
                "パイプラインファイル {} の書き方に誤りがあります",
                path.display()
            )
        })?;
    match validate::validate(parsed, path) {
        Ok(p) => Ok(p),
        Err(problems) => bail!(
            "パイプラインファイル {} に {} 件の問題があります:\n  - {}",
            path.display(),
            problems.len(),
            problems.join("\n  - ")
        ),
    }
}
