//! Validating `[staff]` (rosters, columns, posts, exclusion rules, resignations, count
//! tables) into [`Staff`], and `[benchmarks]` into its source file.

use super::{source_file, year, Problems};
use crate::config::staff_file::*;
use crate::normalize::normalize_label;
use crate::pipeline::{Limits, SourceFile};
use crate::staff::date::parse_date;
use crate::staff::spec::*;
use std::path::Path;

/// The HR records, or `None` (with problems reported) when something is wrong.
pub(super) fn staff(file: &StaffFile, at: (&Path, Limits), p: &mut Problems) -> Option<Staff> {
    let before = p.lines.len();
    let mut rosters = Vec::new();
    for (i, r) in file.rosters.iter().enumerate() {
        let key = format!("staff.rosters[{i}]");
        let y = year(&r.year, &format!("{key}.year"), p);
        let date = parse_date(&r.date);
        if date.is_none() {
            p.add(
                format!("{key}.date"),
                format!("基準日「{}」を解釈できません。2024-04-01 や 令和6年4月1日 の形で書いてください", r.date),
            );
        }
        let source = source_file(
            at,
            &r.file,
            r.sheet.as_deref(),
            r.encoding.as_deref(),
            None,
            &key,
            p,
        );
        if let (Some(year), Some(date), Some(source)) = (y, date, source) {
            if crate::staff::date::fiscal_year_of(date) != year {
                p.add(
                    format!("{key}.date"),
                    format!("基準日 {date} は {} の日付ではありません", year.japanese()),
                );
            }
            if rosters.iter().any(|x: &Roster| x.year == year) {
                p.add(
                    format!("{key}.year"),
                    format!("{year} の名簿が二つあります"),
                );
            }
            rosters.push(Roster { year, date, source });
        }
    }
    rosters.sort_by_key(|r| r.year);
    let columns = columns(file, p);
    let sex = match &file.sex {
        None => SexValues::default(),
        Some(s) => {
            if s.male.is_empty() || s.female.is_empty() {
                p.add("staff.sex", "male と female の両方に値を書いてください");
            }
            SexValues {
                male: s.male.iter().map(|v| normalize_label(v)).collect(),
                female: s.female.iter().map(|v| normalize_label(v)).collect(),
            }
        }
    };
    if !file.rosters.is_empty() && file.posts.is_empty() {
        p.add(
            "staff.posts",
            "名簿を使うには職位（[[staff.posts]]、上の職位から順に name と titles）を書いてください",
        );
    }
    let mut posts: Vec<Post> = Vec::new();
    for (i, x) in file.posts.iter().enumerate() {
        let key = format!("staff.posts[{i}]");
        if x.name.trim().is_empty() {
            p.add(
                format!("{key}.name"),
                "空です。職位の名前（部長級 など）を書いてください",
            );
        }
        let titles: Vec<String> = x.titles.iter().map(|t| normalize_label(t)).collect();
        for t in &titles {
            if let Some(other) = posts.iter().find(|q| q.titles.contains(t)) {
                p.add(
                    format!("{key}.titles"),
                    format!("職名「{t}」は「{}」にもあります", other.name),
                );
            }
        }
        posts.push(Post {
            name: x.name.trim().to_string(),
            titles,
            manager: x.manager,
        });
    }
    let excluded = exclusions(&file.exclude, "staff.exclude", p);
    let resignations = match &file.resignations {
        None => Resignations::default(),
        Some(r) => Resignations {
            reasons: r
                .reasons
                .as_ref()
                .map(|v| v.iter().map(|x| normalize_label(x)).collect()),
            max_age: r.max_age.unwrap_or(39),
            exclusions: exclusions(&r.exclude, "staff.resignations.exclude", p),
        },
    };
    let tables: Vec<SourceFile> = file
        .tables
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let key = format!("staff.tables[{i}]");
            source_file(
                at,
                &t.file,
                t.sheet.as_deref(),
                t.encoding.as_deref(),
                None,
                &key,
                p,
            )
        })
        .collect();
    if file.rosters.is_empty() && file.tables.is_empty() {
        p.add(
            "staff",
            "名簿（[[staff.rosters]]）か集計表（[[staff.tables]]）を一つ以上書いてください",
        );
    }
    let compare_year = file
        .compare_year
        .as_ref()
        .and_then(|y| year(y, "staff.compare_year", p));
    (p.lines.len() == before).then_some(Staff {
        rosters,
        columns,
        sex,
        posts,
        bodies: file.bodies.clone(),
        exclusions: excluded,
        resignations,
        tables,
        compare_year,
    })
}

fn columns(file: &StaffFile, p: &mut Problems) -> Option<RosterColumns> {
    let Some(c) = &file.columns else {
        if !file.rosters.is_empty() {
            p.add(
                "staff.columns",
                "名簿の列見出し（id, sex, post, body と birth_date か age）を書いてください",
            );
        }
        return None;
    };
    if c.birth_date.is_none() && c.age.is_none() {
        p.add(
            "staff.columns",
            "生年月日（birth_date）か年齢（age）の列を書いてください",
        );
    }
    Some(RosterColumns {
        id: c.id.clone(),
        birth_date: c.birth_date.clone(),
        age: c.age.clone(),
        sex: c.sex.clone(),
        post: c.post.clone(),
        department: c.department.clone(),
        body: c.body.clone(),
        hire_date: c.hire_date.clone(),
        leave_date: c.leave_date.clone(),
        leave_reason: c.leave_reason.clone(),
    })
}

fn exclusions(list: &[ExclusionFile], key: &str, p: &mut Problems) -> Vec<Exclusion> {
    list.iter()
        .enumerate()
        .map(|(i, e)| {
            if e.label.trim().is_empty() {
                p.add(
                    format!("{key}[{i}].label"),
                    "空です。除外する人の名前（特別職 など）を書いてください",
                );
            }
            if e.when.is_empty() || e.when.values().any(|v| v.is_empty()) {
                p.add(
                    format!("{key}[{i}].when"),
                    "列見出しと値を書いてください（例: when = { \"任用区分\" = [\"特別職\"] }）",
                );
            }
            Exclusion {
                label: e.label.trim().to_string(),
                when: e
                    .when
                    .iter()
                    .map(|(h, v)| (h.clone(), v.iter().map(|x| normalize_label(x)).collect()))
                    .collect(),
            }
        })
        .collect()
}

/// The comparison table's source file.
pub(super) fn benchmarks(
    file: &BenchmarksFile,
    at: (&Path, Limits),
    p: &mut Problems,
) -> Option<SourceFile> {
    source_file(
        at,
        &file.file,
        file.sheet.as_deref(),
        file.encoding.as_deref(),
        None,
        "benchmarks",
        p,
    )
}
