//! The README sections of the staff rosters (columns, meaning, title mapping, bodies and
//! exclusions, the figures the pipeline should find, how the staff is simulated, defects) and
//! of hr-events.csv and hr-benchmarks.csv. Every figure is computed by the generator.

use std::fmt::Write as _;

use crate::roster_defects::{ERA_DEFECT_BIRTH, UNMAPPED_TITLE};
use crate::roster_stats::{RosterStats, AGE_BANDS};
use crate::roster_years::*;
use crate::rosters::ROSTER_CREATED;
use crate::staff::*;
use crate::HrOutputs;

/// One figure of a roster's statistics.
type Figure = dyn Fn(&RosterStats) -> usize;

/// `w / n` as a percentage with one decimal, rounded half up (四捨五入) in integers.
pub fn pct_half_up(w: usize, n: usize) -> String {
    let tenths = (w * 2000 + n) / (2 * n);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

pub fn codes() -> String {
    ROSTER_YEARS
        .iter()
        .map(|y| format!(" {} |", y.code))
        .collect()
}

pub fn rule(n: usize) -> String {
    "|---".repeat(n + 1) + "|"
}

/// The README sections of the HR files.
pub fn roster_sections(hr: &HrOutputs) -> String {
    let mut s = String::new();
    let w = &mut s;
    let st: Vec<_> = hr.rosters.iter().map(|r| &r.stats).collect();
    let n = st.len();
    let _ = writeln!(
        w,
        "\n## Staff rosters (職員名簿)\n\n\
Six rosters of one simulated staff, one per fiscal year, each as on 1 April (R1 = 2019-04-01 … \
R6 = 2024-04-01). Formats: {}. One header row, one person per row; every xlsx cell is text; the xlsx creation time is fixed \
({}-{:02}-{:02} 09:00 UTC).\n",
        ROSTER_YEARS
            .iter()
            .map(|y| format!("`{}` {}", y.file, y.format.label()))
            .collect::<Vec<_>>()
            .join("; "),
        ROSTER_YEARS[ROSTER_YEARS.len() - 1].fy,
        ROSTER_CREATED.0,
        ROSTER_CREATED.1
    );
    let _ = writeln!(
        w,
        "### Columns\n\n\
- `職員番号`: `S` + 6 digits, the same in every roster: 特別職 `S000001`–`S000004`, staff \
`S010001`… in order of hiring, 再任用 `S090001`… (a 定年 retiree taken on again gets a new number, \
so nobody who left reappears under the same number).\n\
- `氏名`: fictional, `surname` + U+3000 + `given name`, from {} surnames and {} + {} given names \
(duplicates happen). Only there so tests can check that no name ever reaches an output.\n\
- `生年月日`, `採用年月日`, `退職年月日`: `YYYY/MM/DD` (one deliberate exception, see defects). \
New staff are hired on 1 April.\n\
- `性別`: `男` / `女`.\n\
- `職名`: the raw title, see the mapping below.\n\
- `所属`: 市長部局 {}; `{SPECIAL_DEPT}` (the 特別職 only); `教育委員会`; `消防本部`; `市立病院` (病院局); \
`{AUDIT_DEPT}` (行政委員会).\n\
- `任命権者`: {}.\n\
- `任用区分`: {} (no 会計年度任用職員).\n\
- `職種`: {}.\n\
- `退職年月日`, `退職事由`: blank, or the leave during the fiscal year that starts on the reference \
date (1 April – 31 March); 退職事由 is one of {}.\n",
        SURNAMES.len(),
        MALE_NAMES.len(),
        FEMALE_NAMES.len(),
        MAYOR_DEPTS.map(|d| format!("`{d}`")).join(" / "),
        BODIES.map(|b| format!("`{}`", b.label())).join(" / "),
        [Kind::Regular, Kind::Rehired, Kind::Special].map(|k| format!("`{}`", k.label())).join(" / "),
        [Job::Clerical, Job::Technical, Job::Firefighter, Job::Nurse, Job::MedTech, Job::Doctor, Job::Childcare, Job::Teacher]
            .map(|j| format!("`{}`", j.label()))
            .join(" / "),
        REASONS.map(|r| format!("`{}`", r.label())).join(" / ")
    );
    let _ = writeln!(
        w,
        "### Meaning\n\n\
- Roster Rn lists everyone employed on 1 April of its year, including those who leave during that \
fiscal year (with 退職年月日 and 退職事由). Leavers appear in no later roster; new hires appear from \
the roster of their hire year. A person keeps 職員番号, 氏名, 生年月日, 性別, 職種 and 採用年月日 in \
every roster (except the defects), is one year older in each, may be promoted (`主事` → `{SENIOR_TITLE}` \
at a personal age of 28–34, then `係長`/`主査` → `課長`/`主幹` → `次長` → `部長`/`理事`) and may move \
between the departments of 市長部局.\n\
- 定年: 正規 staff who turn 60 during the fiscal year leave on 31 March (`定年`; the 2023 rise of the \
retirement age is not modelled). 再任用 staff (aged 60–64) leave on the 31 March of the year they \
turn 65 (`その他`, end of the term). Doctors and 指導主事 leave only with `その他`.\n\n\
### 職名 → post (職位) mapping\n\n| Post | 職名 |\n|---|---|"
    );
    for (g, post) in POSTS.iter().enumerate() {
        let titles: Vec<String> = TITLE_POSTS
            .iter()
            .filter(|t| t.1 == g)
            .map(|t| format!("`{}`", t.0))
            .collect();
        let _ = writeln!(w, "| {post} | {} |", titles.join(", "));
    }
    let _ = writeln!(
        w,
        "| (no post) | {}, `{DOCTOR_TITLE}`, `{SUPERVISOR_TITLE}` |\n\n\
Managers (管理職) are 部長級, 次長級 and 課長級. `{UNMAPPED_TITLE}` (one defect) is not in the mapping.\n",
        SPECIAL_TITLES.map(|t| format!("`{t}`")).join(", ")
    );
    let _ = writeln!(
        w,
        "### Exclusions and headcounts\n\n\
As in Otaru's statistics, the headcounts, women's shares and age bands are for 任用区分 `正規` \
without 職種 `{}` and without 職名 `{SUPERVISOR_TITLE}`. Left out, checked in this order: \
特別職 (任用区分 `特別職`: {}; the 病院事業管理者 has 職種 `{}`), 再任用 (任用区分), 医師 (職種), \
指導主事 (職名, 職種 `{}`). The 行政委員会 has exactly {} people in every roster, fewer than the \
default minimum group size 5, so a report by 任命権者 must hide it (its people still count in \
every total).\n\n| 任命権者 |{}\n{}",
        Job::Doctor.label(),
        SPECIAL_TITLES.join(", "),
        Job::Doctor.label(),
        Job::Teacher.label(),
        AUDIT_STAFF.len(),
        codes(),
        rule(n)
    );
    for (b, body) in BODIES.iter().enumerate() {
        let cells: String = st
            .iter()
            .map(|s| format!(" {} |", s.headcount[b]))
            .collect();
        let _ = writeln!(w, "| {} |{cells}", body.label());
    }
    let rows: [(&str, &Figure); 7] = [
        ("**Total (after exclusions)**", &|s| s.group_size()),
        ("特別職", &|s| s.excluded[0]),
        ("再任用", &|s| s.excluded[1]),
        ("医師", &|s| s.excluded[2]),
        ("指導主事", &|s| s.excluded[3]),
        ("Data rows", &|s| s.rows),
        ("New 正規 hires on 1 April (of them aged 22–30)", &|s| {
            s.hires
        }),
    ];
    for (label, f) in rows {
        let cells: String = st
            .iter()
            .map(|s| {
                if label.starts_with("New") {
                    format!(" {} ({}) |", f(s), s.hires_22_30)
                } else {
                    format!(" {} |", f(s))
                }
            })
            .collect();
        let _ = writeln!(w, "| {label} |{cells}");
    }
    let _ = writeln!(
        w,
        "\nData rows include the blank row of R4. New hires are counted in the group only (R1: staff \
whose 採用年月日 is 2019-04-01).\n\n\
### Women's shares (the group, 性別 given)\n\n| | {}\n{}",
        codes().trim_start(),
        rule(n)
    );
    let share = |f: &dyn Fn(&RosterStats) -> (usize, usize)| -> String {
        st.iter()
            .map(|s| {
                let (a, b) = f(s);
                format!(" {} ({a}/{b}) |", pct_half_up(a, b))
            })
            .collect()
    };
    let _ = writeln!(
        w,
        "| Women, all posts | {}",
        share(&|s| s.women()).trim_start()
    );
    let _ = writeln!(
        w,
        "| Women among managers | {}",
        share(&|s| s.managers()).trim_start()
    );
    for (g, post) in POSTS.iter().enumerate() {
        let cells: String = st
            .iter()
            .map(|s| format!(" {} / {} |", s.by_post[g][0], s.by_post[g][1]))
            .collect();
        let _ = writeln!(w, "| {post} (men / women) |{cells}");
    }
    let unmapped: String = st
        .iter()
        .map(|s| format!(" {} / {} |", s.unmapped[0], s.unmapped[1]))
        .collect();
    let blank: String = st.iter().map(|s| format!(" {} |", s.sex_blank)).collect();
    let _ = writeln!(
        w,
        "| No post: `{UNMAPPED_TITLE}` (men / women) |{unmapped}\n| 性別 blank (not in the base) |{blank}\n\n\
Percentages are rounded half up. The `{UNMAPPED_TITLE}` row counts in \"all posts\" but in no post \
and not among managers. Targets of the simulation (1 April): all posts {}, managers {} \
(Otaru: 39.5% and 21.7% on 2023-04-01).\n",
        ROSTER_YEARS
            .iter()
            .map(|y| format!("{} {:.1}%", y.code, y.women * 100.0))
            .collect::<Vec<_>>()
            .join(", "),
        ROSTER_YEARS
            .iter()
            .map(|y| format!("{} {:.1}%", y.code, y.women_managers * 100.0))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        w,
        "### Age structure (the group, age on 1 April)\n\n| Age |{}\n{}",
        codes(),
        rule(n)
    );
    for (k, band) in AGE_BANDS.iter().enumerate() {
        let cells: String = st
            .iter()
            .map(|s| format!(" {} |", s.age_bands[k]))
            .collect();
        let _ = writeln!(w, "| {band} |{cells}");
    }
    // The thinnest bands between 30 and 59 (the dip of the restrained-hiring cohorts).
    let dips: Vec<String> = ROSTER_YEARS
        .iter()
        .zip(&st)
        .map(|(y, s)| {
            let k = (3..=8).min_by_key(|&k| (s.age_bands[k], k)).unwrap_or(3);
            format!("{} {} ({})", y.code, AGE_BANDS[k], s.age_bands[k])
        })
        .collect();
    let (by, bm, bd) = ERA_DEFECT_BIRTH;
    let _ = writeln!(
        w,
        "\nThe cohorts hired in the years of restrained hiring are thin; the smallest band between 30 \
and 59: {}. The 60〜 band holds 正規 born on 1 April (60 on the reference date, retiring that \
March). The R2 row with the Japanese-era 生年月日 is counted as born {by}-{bm:02}-{bd:02}.\n",
        dips.join(", ")
    );
    crate::readme_hr::hr_sections(w, hr);
    s
}
