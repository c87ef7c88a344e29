//! The README sections after the roster figures: leavers and the young-resignation KPI, how
//! the staff is simulated (parameters printed from the generator's tables), the roster
//! defects, and the sections of hr-events.csv and hr-benchmarks.csv.

use std::fmt::Write as _;

use crate::admin::ADMIN;
use crate::benchmarks::{benchmarks, BENCH_YEARS, CHILDCARE_RATE};
use crate::hr_events::{hr_events_rows, CHILDCARE, STAT_ELIGIBLE, STAT_OVER_MONTH, STAT_TAKERS};
use crate::leavers::YOUNG_MAX_AGE;
use crate::readme_roster::{codes, pct_half_up, rule};
use crate::roster_years::*;
use crate::staff::*;
use crate::{HrOutputs, BENCHMARKS_FILE, EVENTS_FILE};

/// Appends the sections to `w`.
pub fn hr_sections(w: &mut String, hr: &HrOutputs) {
    let st: Vec<_> = hr.rosters.iter().map(|r| &r.stats).collect();
    let n = st.len();
    let _ = writeln!(
        w,
        "### Leavers per 退職事由 (every 任用区分)\n\n| 退職事由 |{}\n{}",
        codes(),
        rule(n)
    );
    for (k, r) in REASONS.iter().enumerate() {
        let cells: String = st.iter().map(|s| format!(" {} |", s.reasons[k])).collect();
        let _ = writeln!(w, "| `{}` |{cells}", r.label());
    }
    let kpi = ADMIN[1];
    let _ = writeln!(
        w,
        "\n### Young resignations (若手職員の離職数)\n\n\
Leavers with 任用区分 `正規`, 退職事由 `自己都合` and age on 退職年月日 of {YOUNG_MAX_AGE} or \
younger, in every body except 病院局's 職種 `医療技術` staff (as Otaru: 病院局の医療技術系職員を除く). \
The generator stops with an error unless these are exactly the planned numbers; R4–R6 equal \
`{}` in admin-indicators.csv ({}).\n\n| 任命権者 |{}\n{}",
        kpi.0,
        kpi.1.join(", "),
        codes(),
        rule(n)
    );
    for (b, body) in BODIES.iter().enumerate() {
        let cells: String = st
            .iter()
            .map(|s| format!(" {} |", s.young_quits[b]))
            .collect();
        let _ = writeln!(w, "| {} |{cells}", body.label());
    }
    let total: String = st
        .iter()
        .map(|s| format!(" **{}** |", s.young_quits.iter().sum::<usize>()))
        .collect();
    let medtech: String = st
        .iter()
        .map(|s| format!(" {} |", s.young_medtech))
        .collect();
    let turned: String = st.iter().map(|s| format!(" {} |", s.turned_40)).collect();
    let _ = writeln!(
        w,
        "| **Total** |{total}\n\
| Not counted: 病院局 医療技術, {YOUNG_MAX_AGE} or younger |{medtech}\n\
| Not counted: {YOUNG_MAX_AGE} on 1 April, 40 on the leave date |{turned}\n\n\
Young leavers with other reasons (`その他`, `死亡`) are not counted either.\n"
    );

    let _ = writeln!(
        w,
        "### How the staff is simulated\n\n\
- **PRNG streams**: population on 2019-04-01 = {STREAM_POPULATION}; events of the fiscal year of \
roster i (leavers, then promotions and hires for the next 1 April) = {}–{}; defects of roster i = \
{}–{}. No random numbers in hr-events.csv and hr-benchmarks.csv (fixed values).\n\
- **Seats** of 正規 staff after the exclusions, per post (部長級/次長級/課長級/係長級/主事級), \
constant over the years except 市長部局 事務 主事級 (moved by {} in R1–R6):",
        STREAM_YEAR0,
        STREAM_YEAR0 + n as u64 - 1,
        STREAM_DEFECTS0,
        STREAM_DEFECTS0 + n as u64 - 1,
        ROSTER_YEARS.map(|y| y.clerk_delta.to_string()).join("/")
    );
    for (body, job, seats) in SEATS {
        let _ = writeln!(w, "  - {} {}: {:?}", body.label(), job.label(), seats);
    }
    let _ = writeln!(
        w,
        "  - 行政委員会 事務: {} (pinned: they never leave).\n\
- **Others**: {DOCTORS} doctors (病院局), {SUPERVISORS} 指導主事 (教育委員会), 4 特別職; 再任用 \
headcount R1–R6 {}, taken from the previous year's 定年 retirees.\n\
- **First population** (2019-04-01): ages per post weighted by a cohort weight (thin cohorts aged \
32–40 in 2019) and a post weight (older staff in higher posts); past hire dates from the usual \
first age of each job. Women per post group drawn with job weights (nurses and nursery staff \
mostly women, firefighters almost all men).\n\
- **Each year**: the leavers (numbers below), then vacant posts filled top-down by promotion from \
the post below (same body and job, a minimum age of {:?} for 部長級/次長級/課長級/係長級, older \
staff more likely), then new hires for the vacant 主事級 seats (fresh graduates, about 10% \
mid-career for 事務/技術), doctors and 指導主事. The number of women among the promotions into \
課長級 and 係長級 and among the hires is the one that reaches the next year's targets.\n\
- **Leavers per fiscal year** (besides 定年 and the end of 再任用 terms):\n\n\
| | young 自己都合 (KPI) | young 自己都合 病院局 医療技術 | older 自己都合 (one 再任用) | 勧奨 | 死亡 | その他 (正規) | doctors | 指導主事 |\n\
|---|---|---|---|---|---|---|---|---|",
        AUDIT_STAFF.map(|a| a.1).join(", "),
        ROSTER_YEARS.map(|y| y.rehired.to_string()).join("/"),
        MIN_PROMOTION_AGE
    );
    for y in &ROSTER_YEARS {
        let _ = writeln!(
            w,
            "| {} | {} {:?} | {} | {}{} | {} | {} | {} | {} | {} |",
            y.code,
            y.young_quits.iter().sum::<usize>(),
            y.young_quits,
            y.young_medtech_quits,
            y.older_quits,
            if y.boundary_quit {
                " (one turning 40)"
            } else {
                ""
            },
            y.encouraged,
            y.deaths,
            y.other,
            y.doctors_leaving,
            y.supervisors_leaving
        );
    }

    let _ = writeln!(
        w,
        "\n### Deliberate defects of the rosters\n\n\
Row = CSV record / sheet row, header = row 1. Nothing else is wrong in the rosters.\n\n\
| File | Row | Column | Original | Written | Expected handling |\n|---|---|---|---|---|---|"
    );
    let show = |x: &str| {
        if x.is_empty() {
            "(empty)".to_string()
        } else {
            format!("`{x}`")
        }
    };
    for r in &hr.rosters {
        for d in &r.defects {
            let column = if d.column.is_empty() {
                "(all)".to_string()
            } else {
                format!("`{}`", d.column)
            };
            let _ = writeln!(
                w,
                "| `{}` | {} | {column} | {} | {} | {} |",
                d.file,
                d.row,
                show(&d.before),
                show(&d.after),
                d.kind.label()
            );
        }
    }

    let _ = writeln!(
        w,
        "\n## `{EVENTS_FILE}`\n\n\
Yearly counts for which no roster exists. Columns `統計,年度,任命権者,職位,性別,値`, UTF-8 with \
BOM, CRLF, {} data rows; 年度 is `R1`…`R6`. The three statistics are about men only (the name says \
so) and have no breakdown, so 任命権者, 職位 and 性別 are empty. `{STAT_OVER_MONTH}` is counted \
from R2 on (as Otaru).\n\n\
| 年度 | `{STAT_ELIGIBLE}` | `{STAT_TAKERS}` | rate | `{STAT_OVER_MONTH}` |\n|---|---|---|---|---|",
        hr_events_rows()
    );
    for (code, eligible, takers, long) in CHILDCARE {
        let _ = writeln!(
            w,
            "| {code} | {eligible} | {takers} | {} | {} |",
            pct_half_up(takers, eligible),
            long.map_or("(not counted)".to_string(), |v| v.to_string())
        );
    }
    let rows: usize = benchmarks().len() * BENCH_YEARS.len();
    let _ = writeln!(
        w,
        "\nR4's rate is Otaru's published 28.2%.\n\n## `{BENCHMARKS_FILE}`\n\n\
Comparison values (fictional cities and averages, invented). Columns `指標,年度,比較対象,値,出典`, \
UTF-8 with BOM, CRLF, {rows} data rows; 年度 `R4`–`R6`; 出典 names a fictional survey of that \
year. しおかぜ市's own values come from admin-indicators.csv (overtime, leave) and {EVENTS_FILE} \
(the rate, takers / eligible):\n\n| 指標 | 比較対象 | {} |\n|---|---|---|---|---|",
        BENCH_YEARS.join(" | ")
    );
    let own = |indicator: &str| -> Vec<String> {
        if indicator == CHILDCARE_RATE {
            CHILDCARE[3..]
                .iter()
                .map(|c| pct_half_up(c.2, c.1).trim_end_matches('%').to_string())
                .collect()
        } else {
            let a = ADMIN.iter().find(|a| a.0 == indicator).expect("indicator");
            a.1.iter().map(|v| v.to_string()).collect()
        }
    };
    let all = benchmarks();
    let mut last = "";
    for (indicator, target, values) in &all {
        if *indicator != last {
            let _ = writeln!(
                w,
                "| `{indicator}` | しおかぜ市 (own) | {} |",
                own(indicator).join(" | ")
            );
            last = indicator;
        }
        let _ = writeln!(w, "| `{indicator}` | `{target}` | {} |", values.join(" | "));
    }
    let _ = writeln!(
        w,
        "\nIntended, as Otaru describes itself: more overtime than the other cities, about as much paid \
leave, fewer men taking childcare leave. しおかぜ市 minus each average:\n\n\
| 指標 | 比較対象 | {} |\n|---|---|---|---|---|",
        BENCH_YEARS.join(" | ")
    );
    for (indicator, target, values) in all.iter().filter(|b| b.1.ends_with("平均")) {
        let diffs: Vec<String> = own(indicator)
            .iter()
            .zip(values)
            .map(|(o, v)| {
                let d = o.parse::<f64>().unwrap_or(0.0) - v.parse::<f64>().unwrap_or(0.0);
                format!("{:+.1}", d + 0.0)
            })
            .collect();
        let _ = writeln!(w, "| `{indicator}` | `{target}` | {} |", diffs.join(" | "));
    }
}
