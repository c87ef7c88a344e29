//! `init`: reads one or more exports and writes a pipeline file that validates and runs on
//! them without edits, with Japanese comments saying what was guessed and what only the user
//! can decide (the やりがい split, KGI/KPI targets, populations, the years if not guessed).
//!
//! Steps: `read` each export (encoding, sheet, header row), give each a fiscal year (`years`)
//! and match headers across years (`waves`), profile every column (`profile`), decide its
//! kind (`infer`, with `headers`, `scales`, `custom`) and any `asked_if` (`conditions`),
//! assemble the file's content (`plan`, with `organisation`) and write it (`write`,
//! `decisions`). Answers meaning "no answer" (わからない …) become a scale's `missing`. The
//! file is loaded with `config::load` and cleaned by the real clean stage (`gate`) before it
//! is put in place; `summary` is the closing message.

mod conditions;
mod custom;
mod decisions;
mod gate;
mod headers;
mod infer;
mod organisation;
mod plan;
mod profile;
mod read;
mod scales;
mod summary;
mod waves;
mod write;
mod years;

pub use summary::InitSummary;

use anyhow::{bail, Context, Result};
use infer::{Column, Role};
use plan::WavePlan;
use profile::Profile;
use std::path::{Path, PathBuf};

/// What `init` reads and where it writes.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// Exports, one per wave, in any order.
    pub exports: Vec<PathBuf>,
    /// Sheet of spreadsheet exports; `None` = first sheet.
    pub sheet: Option<String>,
    /// CSV encoding (`utf-8`, `shift_jis`); `None` = detect.
    pub encoding: Option<String>,
    /// Pipeline file to write; `None` = `pipelines/<stem>.toml`.
    pub out: Option<PathBuf>,
    /// Overwrite an existing pipeline file.
    pub force: bool,
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pipeline".into())
}

/// `target` relative to directory `base`, `/`-separated. Both are resolved on disk first
/// (symbolic links followed), as the loader will resolve the written path; on different
/// drives the absolute path is kept.
pub fn relative_path(target: &Path, base: &Path) -> Result<String> {
    let resolved = |p: &Path| -> Result<PathBuf> {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir()?.join(p)
        };
        Ok(p.canonicalize().unwrap_or(p))
    };
    let (t, b) = (resolved(target)?, resolved(base)?);
    if t.components().next() != b.components().next() {
        return Ok(t.to_string_lossy().replace('\\', "/"));
    }
    crate::manifest::relative(&b, &t)
}

/// Writes the pipeline file.
pub fn init(opts: &InitOptions) -> Result<InitSummary> {
    let Some(last) = opts.exports.last() else {
        bail!("回答ファイルを一つ以上指定してください（例: staff-survey init R6.xlsx）");
    };
    let out = opts
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("pipelines").join(format!("{}.toml", stem(last))));
    if out.exists() && !opts.force {
        bail!(
            "{} は既にあります。上書きするときは --force を付け、別の名前にするときは --out で指定してください",
            out.display()
        );
    }
    let mut exports = Vec::new();
    for path in &opts.exports {
        exports.push(read::read_export(
            path,
            opts.sheet.as_deref(),
            opts.encoding.as_deref(),
        )?);
    }
    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| {
        format!(
            "フォルダ {} を作れません。書き込めるフォルダを --out で指定してください",
            dir.display()
        )
    })?;

    // Years in the order given, then every list oldest first.
    // The file name, else the title rows above the headers (令和5年度 職員アンケート).
    let stems: Vec<String> = exports
        .iter()
        .map(
            |e| match (&e.layout.title, years::guess_year(&stem(&e.path))) {
                (Some(title), None) if years::guess_year(title).is_some() => title.clone(),
                _ => stem(&e.path),
            },
        )
        .collect();
    let years = years::assign_years(&stems, years::current_fiscal_year());
    let mut order: Vec<usize> = (0..exports.len()).collect();
    order.sort_by_key(|i| years[*i].0);
    let mut ordered = Vec::new();
    for i in order {
        let e = exports[i].clone();
        let w = WavePlan {
            year: years[i].0,
            guessed: years[i].1,
            file: relative_path(&e.path, dir)?,
            name: e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            layout: e.layout.clone(),
            rows: e.table.rows.len(),
        };
        ordered.push((e, w));
    }
    let tables: Vec<&crate::ingest::RawTable> = ordered.iter().map(|(e, _)| &e.table).collect();
    let (merged, matches) = waves::match_columns(&tables);
    let mut columns: Vec<Column> = merged
        .into_iter()
        .map(|m| {
            let header = (0..tables.len())
                .rev()
                .find_map(|w| m.cols[w].map(|c| tables[w].headers[c].clone()))
                .unwrap_or_default();
            Column {
                profile: Profile::of(&tables, &m),
                merged: m,
                header,
                role: Role::Text,
                note: None,
            }
        })
        .collect();
    infer::infer(&mut columns, tables.len());
    if !columns.iter().any(|c| matches!(c.role, Role::Id)) {
        let names: Vec<String> = ordered.iter().map(|(_, w)| w.name.clone()).collect();
        bail!(
            "{} に、回答者を区別する列（回答ID）が見つかりません。どの年度の回答ファイルにも同じ見出しの回答IDの列（例: 「回答ID」）を用意してください",
            names.join("、")
        );
    }
    let mut plan = plan::build(&ordered, &columns, &matches);
    let command = command_line(opts, &out);
    let tmp = temp_path(&out);
    let pipeline = write_checked(&tmp, &write::render(&plan, &command))?;
    // Answers the gate would still stop `run` on ("no answer" words are already `missing`):
    // listed in the file, threshold raised above them.
    let owned: Vec<crate::ingest::RawTable> =
        ordered.iter().map(|(e, _)| e.table.clone()).collect();
    let raised = gate::check(&pipeline, &owned).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        e.context("作ったパイプラインファイルで回答を整えられませんでした（init の不具合です）")
    })?;
    if let Some(r) = raised {
        plan.quality = Some(r);
        write_checked(&tmp, &write::render(&plan, &command))?;
    }
    std::fs::rename(&tmp, &out).with_context(|| cannot_write(&out))?;
    Ok(InitSummary::new(out, &plan, &matches))
}

fn cannot_write(path: &Path) -> String {
    format!(
        "{} に書き込めません。書き込めるフォルダか、ほかのプログラムで開いていないか確かめてください",
        path.display()
    )
}

/// The file written and checked before it replaces `out`, beside it.
fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "pipeline.toml".into());
    out.with_file_name(format!(".{name}.init-tmp.toml"))
}

/// The command as the user would type it, for the file's first comment.
fn command_line(opts: &InitOptions, out: &Path) -> String {
    let mut parts = vec!["staff-survey init".to_string()];
    parts.extend(opts.exports.iter().map(|p| p.display().to_string()));
    if let Some(s) = &opts.sheet {
        parts.push(format!("--sheet {s}"));
    }
    if let Some(e) = &opts.encoding {
        parts.push(format!("--encoding {e}"));
    }
    parts.push(format!("--out {}", out.display()));
    parts.join(" ")
}

/// Writes the file to `tmp` (beside its destination, so relative paths hold) and loads it as
/// `run` will; a file that does not validate is a bug in init and is not left behind.
fn write_checked(tmp: &Path, text: &str) -> Result<crate::pipeline::Pipeline> {
    std::fs::write(tmp, text).with_context(|| cannot_write(tmp))?;
    crate::config::load(tmp).map_err(|e| {
        let _ = std::fs::remove_file(tmp);
        anyhow::anyhow!(
            "作ったパイプラインファイルが検証を通りませんでした（init の不具合です。回答ファイルを添えて報告してください）: {e:#}"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_the_pipeline_directory() {
        let root =
            std::env::temp_dir().join(format!("staff-survey-init-rel-{}", std::process::id()));
        std::fs::create_dir_all(root.join("pipelines")).unwrap();
        std::fs::create_dir_all(root.join("data/2024")).unwrap();
        std::fs::write(root.join("data/2024/R6.xlsx"), b"x").unwrap();
        assert_eq!(
            relative_path(&root.join("data/2024/R6.xlsx"), &root.join("pipelines")).unwrap(),
            "../data/2024/R6.xlsx"
        );
        assert_eq!(
            relative_path(&root.join("data/2024/R6.xlsx"), &root.join("data")).unwrap(),
            "2024/R6.xlsx"
        );
        let _ = std::fs::remove_dir_all(&root);
    }
}
