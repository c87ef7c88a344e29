//! Thin entry point: parse arguments, run, print the error chain once, map to an exit code.

use clap::Parser;
use staff_survey::clean::{describe, fixes, UnmatchedValue};
use staff_survey::cli::{Cli, Command};
use staff_survey::run::{run, RunOptions, RunSummary};
use staff_survey::verify::verify;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    staff_survey::ingest::install_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => match staff_survey::cli_error::message(&e) {
            Some(msg) => {
                eprintln!("{msg}");
                return ExitCode::from(staff_survey::cli_error::USAGE_EXIT);
            }
            None => {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
        },
    };
    let (args, check_only) = match cli.command {
        Command::Run(a) => (a, false),
        Command::Check(a) => (a, true),
        Command::Verify(v) => return verify_command(&v.report),
        Command::Init(a) => {
            let opts = staff_survey::init::InitOptions {
                exports: a.exports,
                sheet: a.sheet,
                encoding: a.encoding,
                out: a.out,
                force: a.force,
            };
            return match staff_survey::init::init(&opts) {
                Ok(summary) => {
                    eprintln!("{}", summary.message());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("エラー: {}", staff_survey::error_text::chain(&e));
                    ExitCode::from(1)
                }
            };
        }
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
                    eprintln!("エラー: {}", staff_survey::error_text::chain(&e));
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
        accept_data_problems: args.accept_data_problems,
        progress_bar: std::io::stderr().is_terminal(),
    };
    let tty = std::io::stderr().is_terminal();
    let mut step = 0;
    // On a terminal each stage is announced on a line of its own (a progress bar may be
    // drawn under it while it runs), and its time printed below it when it ends.
    let mut started: Option<std::time::Instant> = None;
    let took = |t: std::time::Instant| eprintln!("    {:.1} 秒", t.elapsed().as_secs_f64());
    let mut progress = |msg: &str| {
        step += 1;
        if tty {
            started.map(took);
            eprintln!("[{step}] {msg}…");
            started = Some(std::time::Instant::now());
        }
    };
    let result = run(&opts, &mut progress);
    started.map(took);
    match result {
        Ok(summary) => {
            print_unmatched(&summary, check_only);
            for a in &summary.accounting {
                eprintln!("{}", a.summary());
            }
            eprintln!(
                "データの問題: {} 件（{} の data_quality_summary.csv と data_quality.csv）",
                summary.issues,
                summary.dir.join("tables").display()
            );
            eprintln!(
                "出力: {}（{} ファイル）",
                summary.dir.display(),
                summary.files.len()
            );
            if check_only {
                eprintln!("{}", next_steps(&summary, &opts.pipeline));
            }
            if check_only && summary.issues > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("エラー: {}", staff_survey::error_text::chain(&e));
            ExitCode::from(1)
        }
    }
}

/// The values that matched nothing, most frequent first (all of them for `check`, the first
/// ten for `run`), with the lines that fix the spelling variants.
fn print_unmatched(summary: &RunSummary, check_only: bool) {
    if summary.unmatched.is_empty() {
        return;
    }
    let all: Vec<&UnmatchedValue> = summary.unmatched.iter().collect();
    eprintln!("選択肢にない回答（無回答として扱いました、多い順）:");
    eprint!("{}", describe(&all, if check_only { 20 } else { 5 }));
    let fixes = fixes(&all);
    if check_only && !fixes.is_empty() {
        eprint!("{fixes}");
    }
}

/// What `check` tells the analyst to do next.
fn next_steps(summary: &RunSummary, pipeline: &std::path::Path) -> String {
    let p = pipeline.display();
    if summary.over_threshold > 0 {
        format!(
            "次にすること: 選択肢にない値が列の回答の {:.1}% を超える列が {} 件あり、このままでは run は集計を中止します。上の「直し方」の行をパイプラインファイルに加えるか元のファイルを直して、もう一度 staff-survey check {p} を実行してください。",
            summary.max_unmatched_share * 100.0,
            summary.over_threshold
        )
    } else if summary.issues > 0 {
        format!(
            "次にすること: データの問題は無回答または除外として扱われます。data_quality_summary.csv と data_quality.csv を確かめ、直すものがなければ staff-survey run {p} で集計してください。"
        )
    } else {
        format!("次にすること: データに問題はありません。staff-survey run {p} で集計してください。")
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
            eprintln!("エラー: {}", staff_survey::error_text::chain(&e));
            ExitCode::from(1)
        }
    }
}
