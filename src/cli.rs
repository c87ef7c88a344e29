//! Command-line arguments (clap derive), with every help text in Japanese.
//!
//! clap's own English strings are replaced: the help and version flags are declared here with
//! Japanese help, the templates use Japanese headings, and usage errors are translated by
//! `cli_error`. The README keeps an English reference of the commands.

use clap::{ArgAction, Parser, Subcommand};
use std::path::PathBuf;

/// Help layout with Japanese headings (clap's `{usage-heading}` would print "Usage:").
const HELP_TEMPLATE: &str =
    "{before-help}{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}\n";

#[derive(Debug, Parser)]
#[command(
    name = "staff-survey",
    version,
    about = "職員アンケートの集計パイプライン（年代別・やりがい有無別の分析、KGI・KPI の進み具合）",
    long_about = "職員アンケートの回答ファイル（Excel の xlsx/xls、ods、UTF-8 または Shift_JIS の CSV）を\
パイプラインファイルのとおりに読み込み、年代・やりがい有無・所属などの区分ごとの表とグラフ、\
KGI・KPI の基準値・変化・目標への進み具合を日本語で書き出します。\n\n\
はじめての方は init で回答ファイルからパイプラインファイルを作り、check で確かめてから run で集計します。\n\n\
終了コード: 0 成功、1 データまたはパイプラインファイルに直すところがある、2 コマンドの使い方の誤り。",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "コマンド",
    subcommand_value_name = "コマンド",
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    next_help_heading = "オプション"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub flags: GlobalFlags,
}

/// `-h` and `-V` in Japanese (clap's own say "Print help").
#[derive(Debug, clap::Args)]
pub struct GlobalFlags {
    /// ヘルプを表示します
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true)]
    help: Option<bool>,
    /// バージョンを表示します
    #[arg(short = 'V', long = "version", action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Debug, Subcommand)]
#[command(help_template = HELP_TEMPLATE, next_help_heading = "オプション")]
pub enum Command {
    /// 回答ファイルを読んで、そのまま実行できるパイプラインファイルを書きます
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "staff-survey init [オプション] <回答ファイル>...",
        after_help = "例:\n  staff-survey init sample-data/fy2024_R6.xlsx --out pipelines/city.toml\n  staff-survey init R4.xlsx R5.csv R6.xlsx"
    )]
    Init(InitArgs),
    /// パイプラインファイルとデータを確かめ、データの問題の表だけを書き出します（問題があれば終了コード 1）
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "staff-survey check [オプション] <パイプラインファイル>",
        after_help = "例:\n  staff-survey check pipelines/sample.toml\n  staff-survey check pipelines/sample.toml --wave 令和5年度"
    )]
    Check(Args),
    /// 集計して報告（表・グラフ・report.html・report.xlsx）を <出力先>/<パイプライン名>/<年度>/ に書き出します
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "staff-survey run [オプション] <パイプラインファイル>",
        after_help = "例:\n  staff-survey run pipelines/sample.toml\n  staff-survey run pipelines/sample.toml --wave R5 --out reports"
    )]
    Run(Args),
    /// 報告を manifest.json に記録された入力から作り直し、すべての出力が同じか確かめます
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "staff-survey verify <報告のフォルダ>",
        after_help = "入力が記録と違うときはそのファイルを示して中止します。すべて一致したときだけ終了コード 0 です。\n\n例:\n  staff-survey verify reports/sample/R6"
    )]
    Verify(VerifyArgs),
    /// 報告とパイプラインファイル、入力ファイルを一つのフォルダにまとめます（別の場所でも verify できます）
    #[command(
        help_template = HELP_TEMPLATE,
        override_usage = "staff-survey archive <報告のフォルダ> <まとめ先>",
        after_help = "例:\n  staff-survey archive reports/sample/R6 /media/usb/sample-R6\n  staff-survey verify /media/usb/sample-R6"
    )]
    Archive(ArchiveArgs),
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "オプション")]
pub struct InitArgs {
    /// 回答ファイル（年度ごとに一つ。xlsx/xlsm/xls/ods/csv）
    #[arg(required = true, value_name = "回答ファイル", help_heading = "引数")]
    pub exports: Vec<PathBuf>,
    /// 表計算ファイルで読むシート（既定: 最初のシート）
    #[arg(long, value_name = "シート名")]
    pub sheet: Option<String>,
    /// CSV の文字コード: utf-8 または shift_jis（既定: 自動判定）
    #[arg(long, value_name = "文字コード")]
    pub encoding: Option<String>,
    /// 書き出すパイプラインファイル（既定: pipelines/<最後の回答ファイルの名前>.toml）
    #[arg(long, value_name = "ファイル")]
    pub out: Option<PathBuf>,
    /// パイプラインファイルがすでにあっても上書きします
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "オプション")]
pub struct ArchiveArgs {
    /// 報告のフォルダ（manifest.json のあるところ）
    #[arg(value_name = "報告のフォルダ", help_heading = "引数")]
    pub report: PathBuf,
    /// 新しく作るフォルダ
    #[arg(value_name = "まとめ先", help_heading = "引数")]
    pub dest: PathBuf,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "オプション")]
pub struct VerifyArgs {
    /// 報告のフォルダ（manifest.json のあるところ）、または archive で作ったフォルダ
    #[arg(value_name = "報告のフォルダ", help_heading = "引数")]
    pub report: PathBuf,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "オプション")]
pub struct Args {
    /// パイプラインファイル（TOML）
    #[arg(value_name = "パイプラインファイル", help_heading = "引数")]
    pub pipeline: PathBuf,
    /// 報告する年度: R5、令和5年度、2023 のどれでも（既定: いちばん新しい年度）
    #[arg(long, value_name = "年度")]
    pub wave: Option<String>,
    /// 出力先のフォルダ（既定: reports）
    #[arg(
        long,
        default_value = "reports",
        hide_default_value = true,
        value_name = "フォルダ"
    )]
    pub out: PathBuf,
    /// 選択肢にない回答が [quality] max_unmatched_share を超えても集計します（報告の最初にその旨が載ります）
    #[arg(long)]
    pub accept_data_problems: bool,
}
