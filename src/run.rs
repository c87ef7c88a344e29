//! The `run` and `check` commands: the stages called in order, nothing else.

use crate::aggregate::aggregate;
use crate::aggregate::lookup::Lookup;
use crate::aggregate::public;
use crate::atomic::{self, staging_path};
use crate::clean::{gate, group, read_and_clean, UnmatchedGroup, UnmatchedValue};
use crate::config;
use crate::drivers::drivers;
use crate::findings::overview;
use crate::fiscal_year::FiscalYear;
use crate::indicators::{indicators, Sources};
use crate::ingest::{read_admin, read_benchmarks};
use crate::manifest;
use crate::quality::Accounting;
use crate::render::{render, render_quality, Report};
use crate::segment::segment;
use crate::staff::{comparisons, read_staff, staff_stats, StaffView};
use anyhow::{bail, Result};
use polars::prelude::IntoLazy;
use std::path::PathBuf;

/// What to run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub pipeline: PathBuf,
    /// Report wave (`R5`, `令和5年度`, `2023`); default the latest.
    pub wave: Option<String>,
    /// Base output directory; the report goes to `<out>/<pipeline>/<wave>/`.
    pub out: PathBuf,
    /// Validate and write only the data-quality tables.
    pub check_only: bool,
    /// Write the report even when the data-quality gate would stop it.
    pub accept_data_problems: bool,
    /// Show a progress bar while the exports are read (on a terminal).
    pub progress_bar: bool,
}

/// What a run did.
#[derive(Debug)]
pub struct RunSummary {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
    pub accounting: Vec<Accounting>,
    pub issues: usize,
    /// Values that matched nothing (the data-quality summary).
    pub unmatched: Vec<UnmatchedValue>,
    /// The gate's threshold, as a share.
    pub max_unmatched_share: f64,
    /// How many of `unmatched` exceed it.
    pub over_threshold: usize,
}

/// Runs the pipeline; `progress` receives one line per stage.
pub fn run(opts: &RunOptions, progress: &mut dyn FnMut(&str)) -> Result<RunSummary> {
    progress("パイプラインファイルを検証しています");
    let pipeline = config::load(&opts.pipeline)?;
    let year = match &opts.wave {
        Some(w) => {
            let y = FiscalYear::parse(w).map_err(anyhow::Error::msg)?;
            if !pipeline.waves.iter().any(|x| x.year == y) {
                bail!(
                    "{y} の調査回はパイプラインファイルにありません（ある年度: {}）",
                    pipeline
                        .waves
                        .iter()
                        .map(|w| w.year.japanese())
                        .collect::<Vec<_>>()
                        .join("、")
                );
            }
            y
        }
        None => pipeline
            .waves
            .last()
            .map(|w| w.year)
            .expect("validated: at least one wave"),
    };
    let waves = pipeline.waves_until(year);
    // `check` writes beside the report, never into it, so a report stays as its manifest says.
    let dir = if opts.check_only {
        opts.out
            .join(&pipeline.name)
            .join(format!("{}-check", year.short()))
    } else {
        opts.out.join(&pipeline.name).join(year.short())
    };
    // The inputs are hashed for the manifest on a thread of their own while the rest runs,
    // from the start: it fills the moments when a core is free (a 1.3 GB export takes about
    // a second).
    let input_files = manifest::input_files(&pipeline, year);
    let hashing = (!opts.check_only).then(|| {
        let dir = dir.clone();
        std::thread::spawn(move || manifest::hash_files(&input_files, &dir))
    });
    progress(&format!(
        "{} 回分の回答ファイルを読み込み、整えています（表記ゆれの統一、選択肢の照合）",
        waves.len()
    ));
    let cleaned = read_and_clean(&pipeline, &waves, opts.progress_bar)?;
    let max_share = pipeline.quality.max_unmatched_share;
    let gate = gate(&cleaned.unmatched, max_share);
    if !opts.check_only && !opts.accept_data_problems && !gate.passed() {
        bail!("{}", gate.refusal());
    }
    let over_threshold = gate.over.len();
    let accepted: Vec<UnmatchedGroup> = if opts.check_only {
        vec![]
    } else {
        group(&gate.over)
    };
    let (admin, admin_issues) = match &pipeline.admin {
        Some(a) => read_admin(a)?,
        None => (vec![], vec![]),
    };
    let mut issues = cleaned.issues;
    issues.extend(admin_issues);
    let (benchmarks, benchmark_issues) = match &pipeline.benchmarks {
        Some(b) => read_benchmarks(b)?,
        None => (vec![], vec![]),
    };
    issues.extend(benchmark_issues);
    let staff_facts = match &pipeline.staff {
        Some(s) => {
            progress("職員名簿と人事の集計表を読み込んでいます");
            Some(read_staff(s)?)
        }
        None => None,
    };
    let wave_years: Vec<FiscalYear> = waves.iter().map(|w| w.year).collect();
    progress("集計しています");
    // Segmented once: the aggregates and the key-driver analyses read the same frame.
    let segmented = segment(&pipeline, cleaned.frame.lazy()).collect()?;
    let aggregates = aggregate(&pipeline, segmented.clone().lazy())?;
    let staff = pipeline
        .staff
        .as_ref()
        .zip(staff_facts)
        .map(|(s, mut facts)| {
            issues.append(&mut facts.issues);
            let stats = staff_stats(s, &facts, year, pipeline.statistics.min_group);
            let comparisons = comparisons(&pipeline, &admin, &benchmarks, &stats, year);
            StaffView { stats, comparisons }
        });
    let sources = Sources {
        aggregates: &aggregates,
        admin: &admin,
        staff: staff.as_ref().map(|s| &s.stats),
        benchmarks: &benchmarks,
    };
    let rows = indicators(&pipeline, &sources, year)?;
    let lookup = Lookup::new(&pipeline, &aggregates)?;
    let left_out = public::left_out(&pipeline, &lookup, year.0);
    let shown = public::without(&pipeline, &left_out);
    let drivers = if shown.drivers.is_empty() || opts.check_only {
        vec![]
    } else {
        progress(
            "目的の設問と関係の強い項目を分析しています（要因分析: 重要度と重点改善マトリクス）",
        );
        drivers(&shown, &segmented, &lookup, year)?
    };
    let overview = overview(&shown, &lookup, &rows, staff.as_ref(), &drivers, year);
    let report = Report {
        pipeline: &shown,
        left_out: left_out
            .iter()
            .filter_map(|id| pipeline.segments.iter().find(|s| &s.id == id))
            .map(|s| (s.id.clone(), s.label.clone()))
            .collect(),
        lookup,
        overview,
        year,
        waves: wave_years,
        indicators: &rows,
        staff: staff.as_ref(),
        drivers: &drivers,
        issues: &issues,
        unmatched: &cleaned.unmatched,
        accepted: &accepted,
        accounting: &cleaned.accounting,
    };
    let files = if opts.check_only {
        progress("データの問題を書き出しています");
        render_quality(&report, &dir)?
    } else {
        progress("表とグラフを書き出しています");
        let staging = atomic::Staging::new(&dir)?;
        let mut written = render(&report, staging.path())?;
        let inputs = hashing
            .expect("hashing starts unless checking")
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        let record = manifest::build(
            &pipeline,
            year,
            (&cleaned.accounting, inputs),
            opts.accept_data_problems,
            (staging.path(), &dir),
        )?;
        written.push(manifest::write(&record, staging.path())?);
        staging.publish()?;
        // Report the files at their final place.
        written
            .into_iter()
            .map(|f| dir.join(f.strip_prefix(staging_path(&dir)).unwrap_or(&f)))
            .collect()
    };
    Ok(RunSummary {
        dir,
        files,
        accounting: cleaned.accounting,
        issues: issues.len(),
        unmatched: cleaned.unmatched,
        max_unmatched_share: max_share,
        over_threshold,
    })
}
