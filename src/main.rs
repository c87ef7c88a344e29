//! Thin entry point: parse arguments, run, print the error chain once, map to an exit code.

use clap::Parser;
use staff_survey::cli::{Cli, Command};
use staff_survey::run::{run, RunOptions};
use staff_survey::verify::verify;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (args, check_only) = match cli.command {
        Command::Run(a) => (a, false),
        Command::Check(a) => (a, true),
        Command::Verify(v) => return verify_command(&v.report),
        Command::Archive(a) => {
            return match staff_survey::archive::archive(&a.report, &a.dest) {
                Ok(dir) => {
                    eprintln!(
                        "アーカイブ: {}（staff-survey verify で確かめられます）",
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("エラー: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
    };
    let opts = RunOptions {
        pipeline: args.pipeline,
        wave: args.wave,
        out: args.out,
        check_only,
    };
    let tty = std::io::stderr().is_terminal();
    let mut step = 0;
    let mut progress = |msg: &str| {
        step += 1;
        if tty {
            eprintln!("[{step}] {msg}…");
        }
    };
    match run(&opts, &mut progress) {
        Ok(summary) => {
            for a in &summary.accounting {
                eprintln!("{}", a.summary());
            }
            eprintln!(
                "データの問題: {} 件（{} の data_quality.csv）",
                summary.issues,
                summary.dir.join("tables").display()
            );
            eprintln!(
                "出力: {}（{} ファイル）",
                summary.dir.display(),
                summary.files.len()
            );
            if check_only && summary.issues > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("エラー: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `verify`: prints every difference; exit 0 only when the re-run matches the record.
fn verify_command(report: &std::path::Path) -> ExitCode {
    let tty = std::io::stderr().is_terminal();
    let mut progress = |msg: &str| {
        if tty {
            eprintln!("{msg}…");
        }
    };
    match verify(report, &mut progress) {
        Ok(v) if v.differences.is_empty() => {
            eprintln!(
                "一致: {} の {} ファイルすべてが記録どおりに再現されました",
                report.display(),
                v.outputs
            );
            ExitCode::SUCCESS
        }
        Ok(v) => {
            eprintln!("不一致: {} 件", v.differences.len());
            for d in &v.differences {
                eprintln!("  - {d}");
            }
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("エラー: {e:#}");
            ExitCode::from(1)
        }
    }
}
