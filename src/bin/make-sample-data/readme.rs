//! The generated `README.md`: checksums, file overview, layout of the survey exports, how the
//! data is made (model parameters printed from the same constants the generator uses), and the
//! table of deliberate defects; the sections of the HR files come from `readme_roster`.

use std::fmt::Write as _;

use crate::admin::ADMIN;
use crate::benchmarks::{benchmarks, BENCH_YEARS};
use crate::defects::Kind;
use crate::hr_events::hr_events_rows;
use crate::prng::SEED;
use crate::questionnaire::*;
use crate::readme_roster::roster_sections;
use crate::roster_years::{ROSTER_YEARS, STREAM_DEFECTS0, STREAM_POPULATION};
use crate::sha256::sha256_hex;
use crate::waves::{FileFormat, WAVES};
use crate::{HrOutputs, WaveOutput, BENCHMARKS_FILE, EVENTS_FILE};

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// The README text for the written `outputs` and the checksum of the administrative CSV.
pub fn readme(outputs: &[WaveOutput], admin_sha: &str, hr: &HrOutputs) -> String {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "# Sample data (fictional)\n\n\
All files here are **fictional**. しおかぜ市 does not exist and no real person answered. \
The numbers are modelled on the published results of Otaru city's 2024 HR-development \
policy (人材育成基本方針, survey of R5 = FY2023), only so that the analyses look realistic.\n\n\
This README and the data files are written by `src/bin/make-sample-data/`; do not edit \
them by hand. Regenerate (same bytes on every machine and every run):\n\n\
```sh\ncargo run --bin make-sample-data -- sample-data\nsha256sum -c <<'EOF'"
    );
    for o in outputs {
        let _ = writeln!(w, "{}  {}", sha256_hex(&o.bytes), o.file);
    }
    let _ = writeln!(w, "{admin_sha}  admin-indicators.csv");
    for r in &hr.rosters {
        let _ = writeln!(w, "{}  {}", sha256_hex(&r.bytes), r.file);
    }
    let _ = writeln!(w, "{}  {EVENTS_FILE}", sha256_hex(&hr.events));
    let _ = writeln!(
        w,
        "{}  {BENCHMARKS_FILE}\nEOF\n```\n",
        sha256_hex(&hr.benchmarks)
    );

    let _ = writeln!(w, "## Files\n");
    let _ = writeln!(
        w,
        "| File | Wave | Format | Data rows | Unique respondents (正規 / 会計年度) | Population (正規 / 会計年度) | Response rate |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|");
    for (o, wave) in outputs.iter().zip(WAVES.iter()) {
        let fmt = match wave.format {
            FileFormat::Xlsx => "xlsx, sheet `回答`",
            FileFormat::CsvShiftJis => "CSV, Shift_JIS (CP932), CRLF",
        };
        let n = wave.respondents[0] + wave.respondents[1];
        let pop = wave.population[0] + wave.population[1];
        let _ = writeln!(
            w,
            "| `{}` | {} {} | {} | {} | {} ({} / {}) | {} ({} / {}) | {} |",
            o.file,
            wave.code,
            wave.era,
            fmt,
            o.rows,
            n,
            wave.respondents[0],
            wave.respondents[1],
            pop,
            wave.population[0],
            wave.population[1],
            pct(n as f64 / pop as f64)
        );
    }
    let _ = writeln!(
        w,
        "| `admin-indicators.csv` | R4–R6 | CSV, UTF-8 with BOM, CRLF | {} | | | |",
        ADMIN.len() * 3
    );
    for (r, y) in hr.rosters.iter().zip(ROSTER_YEARS.iter()) {
        let _ = writeln!(
            w,
            "| `{}` | {} {} (staff roster, 1 April) | {} | {} | | | |",
            r.file,
            y.code,
            y.era,
            y.format.label(),
            r.stats.rows
        );
    }
    let _ = writeln!(
        w,
        "| `{EVENTS_FILE}` | R1–R6 | CSV, UTF-8 with BOM, CRLF | {} | | | |\n\
| `{BENCHMARKS_FILE}` | R4–R6 | CSV, UTF-8 with BOM, CRLF | {} | | | |\n",
        hr_events_rows(),
        benchmarks().len() * BENCH_YEARS.len()
    );
    let _ = writeln!(
        w,
        "Data rows = unique respondents + 1, because one response appears twice (see defects). \
The empty-回答ID row is a real respondent in the model, but staff-survey sets it aside (a row without an id cannot be checked for duplicates), so its reports count one respondent fewer per wave than this table.\n\n\
### Population per employment type (for response rates)\n\n\
| Wave | 正規職員 | 会計年度任用職員 | Total |\n|---|---|---|---|"
    );
    for wave in &WAVES {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            wave.code,
            wave.population[0],
            wave.population[1],
            wave.population[0] + wave.population[1]
        );
    }

    let _ = writeln!(w, "\n## Layout of the survey exports\n");
    let _ = writeln!(
        w,
        "One header row, one respondent per row, columns in this order: `回答ID` (`R5-0001`…, in \
order of 回答日時), `回答日時` (text `YYYY/MM/DD hh:mm:ss`, within a 19-day window: \
R4 2022/06/27–07/15, R5 2023/06/26–07/14, R6 2024/06/24–07/12), `年代`, `雇用形態`, `所属`, \
the 16 statements, the 4 multi-select questions and `自由意見`. A blank cell is no answer.\n\n\
- `年代`: {}\n- `雇用形態`: {}\n- `所属`: {}\n\
- Statements, answered with {}:",
        AGE_LABELS.join(" / "),
        EMP_LABELS.join(" / "),
        DEPTS.join(" / "),
        SCALE.map(|x| format!("`{x}`")).join(" / ")
    );
    for (k, s) in STATEMENTS.iter().enumerate() {
        let note = if k == STMT_TRAINING {
            format!(" (header in R6: `{R6_TRAINING_HEADER}`)")
        } else if s.loading < 0.0 {
            " (negative statement: agreeing is bad)".to_string()
        } else {
            String::new()
        };
        let _ = writeln!(w, "  {}. `{}`{}", k + 1, s.text, note);
    }
    let _ = writeln!(
        w,
        "- Multi-select answers are joined with `;` in option order, 1–3 choices:\n\
\x20\x20- `{H_UNSAT}` (asked only if statement 1 was answered with one of the bottom two answers): {}\n\
\x20\x20- `{H_NEEDS}` (everyone): {}\n\
\x20\x20- `{H_STRESS}` (everyone; `特にない` is always alone): {}\n\
\x20\x20- `{H_QUIT}` (asked only if statement 14 was answered with one of the top two answers): {}\n\
\x20\x20Of those asked, {} leave a multi-select question blank.\n\
- `{H_FREE}`: mostly blank; about {} of respondents wrote a short fictional comment. One \
comment contains a half-width comma (quoted in the CSV) and one `～` (U+FF5E).",
        UNSAT_OPTS.join(" / "),
        NEEDS_OPTS.join(" / "),
        STRESS_OPTS.join(" / "),
        QUIT_OPTS.join(" / "),
        pct(MULTI_NONRESPONSE),
        pct(COMMENT_RATE)
    );

    let _ = writeln!(w, "\n## How the data is made\n");
    let _ = writeln!(
        w,
        "- **PRNG**: xoshiro256** seeded through SplitMix64 from the fixed seed \
`0x{SEED:016X}` (ASCII \"SHIOKAZE\"); one stream per file (stream n uses seed \
`SEED + n·0xD1B54A32D192ED03`: R4 = 1, R5 = 2, R6 = 3, defects = 101–103; staff rosters \
{STREAM_POPULATION}–{}, see below). Normal draws are \
Irwin–Hall (sum of 12 uniforms − 6). Only `+ − × ÷ √` touch the random numbers, so the output \
is the same on every platform; the xlsx creation time is fixed (20 July of the survey year, \
09:00 UTC, after the window closes). The xlsx bytes (not their cell contents) also depend on the zip \
and compression crates locked in `Cargo.lock`; upgrading them may change the checksums above.\n\
- **Respondents**: exact counts per employment type (shuffled). 年代 is drawn with weights \
(%) 正規 {:?}, 会計年度 {:?} (overall ≈ 13/17/26/30/14); 所属 with weights 正規 {:?}, \
会計年度 {:?} (order as listed above).\n\
- **Latent engagement** `e` = N(0,1) + department effect {:?} (order as listed above).\n\
- **Statements**: `z_k = λ_k·e + √(1−λ_k²)·ε_k + employment offset`; λ for やりがい is 1 \
(so `e` is the やりがい latent). Within each age band, respondents are ranked by `z_k`: the top \
`round(p·n)` agree, the top `round(p·top·n)` of them answer そう思う, and the bottom \
`round((1−p)·bottom·n)` answer そう思わない. `p` = Otaru's R5 share for that age band, plus \
one correction per statement so the overall share equals Otaru's KPI baseline where there is one \
(R5), plus the wave offset (R4 −2.0 points, R5 0, R6 +1.6; reversed for the negative \
statement). Then exactly round(rate × n) cells per statement, at random respondents, are \
blanked (item non-response).\n",
        STREAM_DEFECTS0 + ROSTER_YEARS.len() as u64 - 1,
        AGE_WEIGHTS[0],
        AGE_WEIGHTS[1],
        DEPT_WEIGHTS[0],
        DEPT_WEIGHTS[1],
        DEPT_SHIFT
    );
    let _ = writeln!(
        w,
        "| # | Otaru R5 agree % by age band (20代以下/30/40/50/60以上) | R5 overall target | λ | top | bottom | non-response | offset (正規, 会計年度) |\n|---|---|---|---|---|---|---|---|"
    );
    for (k, s) in STATEMENTS.iter().enumerate() {
        let _ = writeln!(
            w,
            "| {} | {:?} | {} | {} | {} | {} | {} | {:?} |",
            k + 1,
            s.age_pct,
            s.kpi_r5
                .map_or("age mix".to_string(), |v| format!("{v}% (KPI)")),
            s.loading,
            s.top,
            s.bottom,
            pct(s.nonresponse),
            s.emp_shift
        );
    }
    let _ = writeln!(
        w,
        "\n- **Multi-select**: number of choices 1/2/3 with weights {:?}; options drawn without \
replacement with weights that differ between やりがい有 and やりがい無 (the groups of statement \
2; a blank answer uses the sign of `e`), following Otaru's 回答数の多いもの:\n\
\x20\x20- {H_UNSAT}: 有 {:?}, 無 {:?}\n  - {H_NEEDS}: 有 {:?}, 無 {:?}\n\
\x20\x20- {H_QUIT}: 有 {:?}, 無 {:?}\n\
\x20\x20- {H_STRESS}: exactly round(share × answering) respondents choose `所属部署の雰囲気` \
(share R4 {}, R5 {} = Otaru's KPI baseline, R6 {}), drawn with weight {} for those who disagreed \
with the communication statement, plus 0–2 other factors; the others choose `特にない` alone \
with probability {} (statement 15 agreed) or {}, else 1–3 of the other options. For this \
question the number of (other) choices has weights {:?}, and the other options have weights \
有 {:?}, 無 {:?}.\n\
- **Administrative indicators** (`admin-indicators.csv`, columns `指標,年度,値,標準偏差,回答数`; the last two only for the training-satisfaction mean, so its t interval can be shown): fixed values, \
R4/R5 as published by Otaru, R6 invented. 年度 is written `R4`, `令和5年度` and `2024` on \
purpose (three valid forms of R4, R5, R6).\n",
        N_CHOICES_W,
        UNSAT_W[0],
        UNSAT_W[1],
        NEEDS_W[0],
        NEEDS_W[1],
        QUIT_W[0],
        QUIT_W[1],
        pct(WAVES[0].atmosphere),
        pct(WAVES[1].atmosphere),
        pct(WAVES[2].atmosphere),
        ATMOSPHERE_WEIGHT_DISAGREE,
        pct(STRESS_NONE_P[0]),
        pct(STRESS_NONE_P[1]),
        STRESS_N_CHOICES_W,
        STRESS_OTHER_W[0],
        STRESS_OTHER_W[1]
    );

    let _ = writeln!(w, "## Deliberate defects\n");
    let _ = writeln!(
        w,
        "Row = sheet row / CSV record, header = row 1 (the CSV has no line break inside a field, \
so record = line). Expected handling: the space and width variants match their labels after \
NFKC + removing spaces (ASCII and U+3000) + wave-dash normalisation; the unmatched answers are \
reported and treated as no answer; the duplicate row is dropped once; the empty-ID row is kept \
(or reported).\n\n| File | Row | Column | Original | Written | Kind |\n|---|---|---|---|---|---|"
    );
    for o in outputs {
        for d in &o.defects {
            let show = |x: &str| {
                if x.is_empty() {
                    "(empty)".to_string()
                } else {
                    format!(
                        "`{}`",
                        x.replace('\u{3000}', "␣(U+3000)")
                            .replace(' ', "·")
                            .replace('\n', "⏎")
                    )
                }
            };
            let original = if d.kind == Kind::DuplicateRow {
                format!("{} in row {} (identical row)", show(&d.before), d.row - 1)
            } else {
                show(&d.before)
            };
            let _ = writeln!(
                w,
                "| `{}` | {} | `{}` | {} | {} | {} |",
                d.file,
                d.row,
                d.column,
                original,
                show(&d.after),
                d.kind.label()
            );
        }
    }
    let _ = writeln!(
        w,
        "\nIn the table, `·` stands for an ASCII space, `␣(U+3000)` for a full-width space and `⏎` \
for a line break inside the cell."
    );
    s.push_str(&roster_sections(hr));
    s
}
