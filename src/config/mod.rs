//! Loading a pipeline file: parse the TOML, then validate it into a [`Pipeline`].
//!
//! `file` mirrors the TOML (its doc comments are the format reference); `parse` reads it,
//! listing every syntax, type and key problem at once; `validate` checks the content whole.
//! Every problem is shown with its line and a name counted from 1 and by id (`keypath`).

pub mod drivers_file;
pub mod file;
mod keypath;
mod parse;
pub mod staff_file;
mod validate;

use crate::pipeline::Pipeline;
use anyhow::{bail, Result};
use keypath::{parse_path, starts_with, Source};
use std::path::Path;

/// Reads and validates the pipeline file at `path`. All problems are listed in one error.
pub fn load(path: &Path) -> Result<Pipeline> {
    let text = read(path)?;
    let syntax = parse::syntax_errors(&text);
    if !syntax.is_empty() {
        let lines: Vec<String> = syntax
            .iter()
            .map(|(l, c, m)| format!("{l}行{c}列: {m}"))
            .collect();
        bail!(
            "パイプラインファイル {} の書き方（TOML）に {} 件の誤りがあります:\n  - {}\n直してから、もう一度実行してください（書き方の例: pipelines/sample.toml）。",
            path.display(),
            lines.len(),
            lines.join("\n  - ")
        );
    }
    let source = Source::new(&text);
    let (file, problems, patched) = parse::deserialize(&text);
    let mut shown: Vec<(Option<usize>, String)> = problems
        .iter()
        .map(|p| {
            (
                source.line(&p.path),
                format!("{}: {}", source.place(&p.path), p.message),
            )
        })
        .collect();
    if let Some(file) = file {
        match validate::validate(file, path) {
            Ok(pipeline) if shown.is_empty() => return Ok(pipeline),
            Ok(_) => {}
            Err(found) => {
                for problem in found {
                    let (key, message) = problem.split_once(": ").unwrap_or(("", &problem));
                    let key_path = parse_path(key);
                    // A value the parser patched to go on checking is reported once.
                    if patched.iter().any(|p| {
                        starts_with(&key_path, p)
                            || (key_path.len() > 1 && starts_with(p, &key_path))
                    }) {
                        continue;
                    }
                    let place = if key.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", source.place(&key_path))
                    };
                    shown.push((source.line(&key_path), format!("{place}{message}")));
                }
            }
        }
    }
    shown.sort_by_key(|(line, _)| line.unwrap_or(usize::MAX));
    bail!(
        "パイプラインファイル {} に {} 件の問題があります:\n  - {}",
        path.display(),
        shown.len(),
        shown
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join("\n  - ")
    )
}

/// The file's text, with an error that says what to do.
fn read(path: &Path) -> Result<String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let what = match e.kind() {
                std::io::ErrorKind::NotFound => format!(
                    "が見つかりません。ファイル名と場所を確かめてください（いまのフォルダ: {}）。初めてなら staff-survey init <回答ファイル> で作れます",
                    std::env::current_dir()
                        .map(|d| d.display().to_string())
                        .unwrap_or_default()
                ),
                std::io::ErrorKind::PermissionDenied => {
                    "を読む権限がありません。ファイルの権限を確かめてください".to_string()
                }
                std::io::ErrorKind::IsADirectory => {
                    "はフォルダです。パイプラインファイル（.toml）を指定してください".to_string()
                }
                _ => format!("を読めません（{e}）"),
            };
            bail!("パイプラインファイル {} {what}", path.display());
        }
    };
    match String::from_utf8(bytes) {
        Ok(t) => Ok(t.strip_prefix('\u{feff}').map(String::from).unwrap_or(t)),
        Err(_) => bail!(
            "パイプラインファイル {} が UTF-8 のテキストではありません。テキストエディタで文字コードを UTF-8 にして保存してください",
            path.display()
        ),
    }
}
