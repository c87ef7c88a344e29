//! Command-line arguments (clap derive). Help is in English; messages about data in Japanese.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "staff-survey",
    version,
    about = "Yearly staff-survey pipeline for Japanese city halls (職員アンケート集計)",
    long_about = "Reads staff-survey exports (xlsx/xls/ods, CSV in UTF-8 or Shift_JIS) described by a \
pipeline file, splits respondents by age band, やりがい and other segments, computes KGI/KPI \
baselines, changes and progress toward targets, and writes Japanese tables and charts.\n\n\
Exit codes: 0 success, 1 data or configuration problems to fix, 2 usage errors."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the pipeline and write the report under <OUT>/<pipeline>/<wave>/.
    #[command(
        after_help = "Example:\n  staff-survey run pipelines/sample.toml\n  staff-survey run pipelines/sample.toml --wave R5 --out reports"
    )]
    Run(Args),
    /// Validate the pipeline file and the data; write only the data-quality tables.
    /// Exits 1 when the data has problems.
    #[command(
        after_help = "Example:\n  staff-survey check pipelines/sample.toml --wave 令和6年度"
    )]
    Check(Args),
    /// Re-run a report from the inputs recorded in its manifest.json and compare every output.
    /// Refuses when an input differs from its recorded hash; exits 0 only when all outputs match.
    #[command(after_help = "Example:\n  staff-survey verify reports/sample/R6")]
    Verify(VerifyArgs),
    /// Gather a report, its pipeline file and its inputs into one new directory that `verify`
    /// accepts on another machine and in another place.
    #[command(
        after_help = "Example:\n  staff-survey archive reports/sample/R6 /media/usb/sample-R6\n  staff-survey verify /media/usb/sample-R6"
    )]
    Archive(ArchiveArgs),
}

#[derive(Debug, clap::Args)]
pub struct ArchiveArgs {
    /// Report directory holding manifest.json.
    pub report: PathBuf,
    /// New directory to create.
    pub dest: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// Report directory holding manifest.json, or an archive made by `archive`.
    pub report: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Pipeline file (TOML) describing the survey programme.
    pub pipeline: PathBuf,
    /// Fiscal year of the report: R5, 令和5年度 or 2023. Default: the latest wave.
    #[arg(long)]
    pub wave: Option<String>,
    /// Base output directory.
    #[arg(long, default_value = "reports")]
    pub out: PathBuf,
}
