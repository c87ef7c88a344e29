//! `staff-survey-bench`: the benchmark of the data path (issue 11). It generates seeded
//! exports of a pooled survey's shape ([`generate`]), then measures, in one run and on the
//! same files, `staff-survey run` end to end beside two floors ([`floors`]): (a) streaming
//! every cell of the xlsx with calamine's cell reader, (b) reading the CSV with the tool's CSV
//! reader. Time and peak memory come from the operating system (`/usr/bin/time -v`,
//! [`measure`]); the results are printed as ratios to the floors, with the machine they
//! came from, as a Markdown table to paste into the README. Timings never go into tests.
//!
//! ```text
//! cargo build --release --bins
//! target/release/staff-survey-bench --rows 100000 --formats xlsx,csv
//! target/release/staff-survey-bench --rows 1000000 --formats csv
//! target/release/staff-survey-bench --rows 100000 --waves 5 --formats csv
//! ```

mod floors;
mod generate;
mod measure;

use clap::{Parser, Subcommand};
use generate::Format;
use measure::{measure, Measured};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "staff-survey-bench",
    about = "大きな調査データで staff-survey の速さと最大メモリを測り、同じ実行で測った下限（床）との比を示します"
)]
struct Cli {
    #[command(subcommand)]
    floor: Option<Floor>,
    /// 1年度あたりの回答者数
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// 年度の数（複数年度の統合データ）
    #[arg(long, default_value_t = 1)]
    waves: usize,
    /// 測る形式（xlsx, csv をカンマ区切りで）
    #[arg(long, default_value = "xlsx,csv")]
    formats: String,
    /// 乱数の種（同じ種なら同じファイル）
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// データと出力を置くフォルダ（既定: 一時フォルダの staff-survey-bench/）
    #[arg(long)]
    dir: Option<PathBuf>,
    /// 計測を繰り返す回数（床と run を交互に実行し、表には中央値を示します）
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
    repeat: u32,
}

/// The floors, run as their own processes so that the operating system measures each alone.
#[derive(Subcommand)]
enum Floor {
    /// 床 (a): xlsx の全セルを calamine のセル読み出しで読む
    FloorXlsx { files: Vec<PathBuf> },
    /// 床 (b): CSV の全フィールドを csv クレートで読む
    FloorCsv { files: Vec<PathBuf> },
}

fn main() {
    let cli = Cli::parse();
    let result = match &cli.floor {
        Some(Floor::FloorXlsx { files }) => floor(files, floors::xlsx),
        Some(Floor::FloorCsv { files }) => floor(files, floors::csv),
        None => bench(&cli),
    };
    if let Err(e) = result {
        eprintln!("エラー: {e}");
        std::process::exit(1);
    }
}

fn floor(
    files: &[PathBuf],
    read: fn(&Path) -> Result<floors::Touched, String>,
) -> Result<(), String> {
    let (mut cells, mut bytes) = (0, 0);
    for f in files {
        let t = read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        cells += t.cells;
        bytes += t.bytes;
    }
    println!("{cells} セル、{bytes} バイト");
    Ok(())
}

fn bench(cli: &Cli) -> Result<(), String> {
    let formats: Vec<Format> = cli
        .formats
        .split(',')
        .map(|f| match f.trim() {
            "xlsx" => Ok(Format::Xlsx),
            "csv" => Ok(Format::Csv),
            other => Err(format!("形式「{other}」は測れません（xlsx か csv）")),
        })
        .collect::<Result<_, _>>()?;
    if cli.rows == 0 || cli.waves == 0 {
        return Err("--rows と --waves は 1 以上にしてください".into());
    }
    let dir = cli
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("staff-survey-bench"))
        .join(format!(
            "{}rows_{}waves_seed{}",
            cli.rows, cli.waves, cli.seed
        ));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let tool = me.with_file_name(format!("staff-survey{}", std::env::consts::EXE_SUFFIX));
    if !tool.exists() {
        return Err(format!(
            "{} がありません。先に cargo build --release --bins を実行してください",
            tool.display()
        ));
    }
    println!(
        "staff-survey ベンチマーク: 1年度 {} 人 × {} 年度、種 {}（{}）",
        cli.rows,
        cli.waves,
        cli.seed,
        dir.display()
    );
    println!("計測機: {}", machine());
    println!("| 形式 | 入力 (MB) | 処理 | 時間 (秒) | 最大メモリ (MB) | 時間の比 | メモリの比 |");
    println!("|---|---:|---|---:|---:|---:|---:|");
    for format in formats {
        let files = (0..cli.waves)
            .map(|w| {
                let path = dir.join(format!(
                    "bench_{}.{}",
                    generate::year(w, cli.waves),
                    format.ext()
                ));
                if path.exists() {
                    Ok(path)
                } else {
                    eprintln!("{} を作っています…", path.display());
                    generate::write_wave(&dir, format, w, cli.waves, cli.rows, cli.seed)
                        .map_err(|e| format!("{}: {e}", path.display()))
                }
            })
            .collect::<Result<Vec<PathBuf>, String>>()?;
        let pipeline = dir.join(format!("bench_{}.toml", format.ext()));
        std::fs::write(&pipeline, generate::pipeline(&files, cli.waves))
            .map_err(|e| format!("{}: {e}", pipeline.display()))?;
        let mb: f64 = files
            .iter()
            .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0) as f64)
            .sum::<f64>()
            / 1e6;
        let (floor_name, floor_cmd) = match format {
            Format::Xlsx => ("床 (a) calamine セル読み出し", "floor-xlsx"),
            Format::Csv => ("床 (b) csv クレートで全フィールド", "floor-csv"),
        };
        let mut args = vec![floor_cmd.to_string()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        let out = dir.join(format!("out_{}", format.ext()));
        let run_args = [
            "run".into(),
            pipeline.display().to_string(),
            "--out".into(),
            out.display().to_string(),
        ];
        // Floor and run take turns, so a machine that slows down for a while slows both.
        let (mut floors, mut runs) = (Vec::new(), Vec::new());
        for _ in 0..cli.repeat {
            floors.push(measure(&me, &args)?);
            runs.push(measure(&tool, &run_args)?);
        }
        let floor = median(&floors);
        row(format, mb, floor_name, floor, None);
        row(
            format,
            mb,
            "staff-survey run（全体）",
            median(&runs),
            Some(floor),
        );
    }
    println!(
        "\n各値は {} 回の計測の中央値です（床と run を交互に実行）。",
        cli.repeat
    );
    Ok(())
}

/// The median time and the median peak memory of the measurements (each on its own).
fn median(all: &[Measured]) -> Measured {
    let middle = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Measured {
        seconds: middle(all.iter().map(|m| m.seconds).collect()),
        peak_mb: middle(all.iter().map(|m| m.peak_mb).collect()),
    }
}

fn row(format: Format, mb: f64, name: &str, m: Measured, floor: Option<Measured>) {
    let ratio = |a: f64, b: f64| format!("{:.2}×", a / b);
    println!(
        "| {} | {:.1} | {} | {:.2} | {:.0} | {} | {} |",
        format.ext(),
        mb,
        name,
        m.seconds,
        m.peak_mb,
        floor.map_or("-".into(), |f| ratio(m.seconds, f.seconds)),
        floor.map_or("-".into(), |f| ratio(m.peak_mb, f.peak_mb)),
    );
}

/// The machine, as the results are recorded with it: CPU model, cores, memory.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|l| l.trim_start_matches([' ', '\t', ':']).to_string())
        .unwrap_or_else(|| "不明な CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gb = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("?".into(), |kb| format!("{:.0}", kb / 1024.0 / 1024.0));
    format!("{model}、{cores} コア、メモリ {mem_gb} GiB")
}
