//! Column kinds: deciding, from its header and its answers, what each column is: left out
//! (timestamp, e-mail, empty), the respondent id, age, employment type, an attribute, a
//! scale item, a multi-select, a single choice or free text.

use super::custom::build_custom;
use super::headers;
use super::profile::{split_options, Profile, Split, ValueCount};
use super::scales::{is_no_answer, match_known, no_answer_labels, ScaleDef};
use super::waves::Merged;

/// What a column becomes in the pipeline file.
#[derive(Debug, Clone)]
pub enum Role {
    /// Not used; the reason, in Japanese, for the comment and the summary.
    Left(String),
    Id,
    Age(AgeKind),
    Employment(Vec<String>),
    Attribute {
        id: String,
        values: Vec<String>,
    },
    /// A known scale (index into `scales::KNOWN`).
    Known(usize),
    /// A new scale built from the answers (its id is set when the plan is made).
    Custom(ScaleDef),
    Multi(Split),
    Single(Vec<ValueCount>),
    Text,
}

/// Age read from band labels (youngest first) or from numeric ages.
#[derive(Debug, Clone, PartialEq)]
pub enum AgeKind {
    Bands(Vec<String>),
    Numbers,
}

/// A column across waves with its profile and role.
#[derive(Debug, Clone)]
pub struct Column {
    pub merged: Merged,
    /// Header in the latest wave that has the column.
    pub header: String,
    pub profile: Profile,
    pub role: Role,
    /// Why the role was chosen when it is a judgement, in Japanese.
    pub note: Option<String>,
}

/// Most distinct answers a choice question or attribute may have.
const MAX_CHOICES: usize = 15;

fn looks_like_date(key: &str) -> bool {
    let b = key.as_bytes();
    b.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'/' | b'-' | b'.')
        && b[5].is_ascii_digit()
}

fn looks_like_email(key: &str) -> bool {
    let Some((user, domain)) = key.split_once('@') else {
        return false;
    };
    !user.is_empty() && domain.contains('.')
}

fn is_number(key: &str) -> bool {
    key.parse::<f64>().is_ok()
}

/// The first number in a band label (`10～20歳代` → 10, `60歳以上` → 60), for ordering.
fn first_number(key: &str) -> Option<u32> {
    let digits: String = key
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// Age bands youngest first: by the first number in each label; labels without a number
/// (回答しない) last, most frequent first.
pub fn order_bands(values: &[ValueCount]) -> Vec<String> {
    let mut v: Vec<&ValueCount> = values.iter().collect();
    v.sort_by_key(|x| {
        (
            first_number(&x.key).unwrap_or(u32::MAX),
            std::cmp::Reverse(x.count),
        )
    });
    v.iter().map(|x| x.label.clone()).collect()
}

/// The role of one column, looking at it alone. `before_questions`: no scale item has been
/// seen to its left (attributes usually come first).
fn role_of(header: &str, p: &Profile, before_questions: bool) -> (Role, Option<String>) {
    if p.answered == 0 {
        return (Role::Left("回答が一つもない列".into()), None);
    }
    if headers::is_timestamp_header(header) || p.share(looks_like_date) >= 0.8 {
        return (Role::Left("回答日時の列（集計に使いません）".into()), None);
    }
    if headers::is_email_header(header) || p.share(looks_like_email) >= 0.8 {
        return (
            Role::Left("メールアドレスの列（個人を特定できるので使いません）".into()),
            None,
        );
    }
    if headers::id_header_rank(header).is_some() && p.id_like() {
        return (Role::Id, None);
    }
    if headers::is_age_header(header) {
        if p.share(is_number) >= 0.9 {
            return (Role::Age(AgeKind::Numbers), None);
        }
        if p.values.len() <= MAX_CHOICES {
            return (Role::Age(AgeKind::Bands(order_bands(&p.values))), None);
        }
    }
    if headers::is_employment_header(header) && p.values.len() <= MAX_CHOICES {
        let values = p.values.iter().map(|v| v.label.clone()).collect();
        return (Role::Employment(values), None);
    }
    if let Some(k) = match_known(&p.values) {
        return (Role::Known(k), None);
    }
    let text_note = || Some("長い回答や異なる回答が多いので自由記述としました".to_string());
    if p.sentences as f64 >= 0.3 * p.answered as f64 {
        return (Role::Text, text_note());
    }
    if let Some(split) = split_options(p) {
        return (Role::Multi(split), None);
    }
    let short_header = headers::label(header).chars().count() <= 12;
    if p.values.len() <= MAX_CHOICES && short_header {
        if let Some(id) = headers::attribute_id(header) {
            let values = p.values.iter().map(|v| v.label.clone()).collect();
            return (
                Role::Attribute {
                    id: id.to_string(),
                    values,
                },
                None,
            );
        }
    }
    let few = p.values.len() <= MAX_CHOICES
        && p.mean_len <= 30.0
        && (p.values.len() as f64) <= 0.5 * p.answered as f64;
    if few && !headers::is_free_text_header(header) {
        let graded: Vec<&ValueCount> = p.values.iter().filter(|v| !is_no_answer(&v.key)).collect();
        if let Some(mut def) = build_custom("", &graded) {
            def.missing = no_answer_labels(&p.values, |_| false);
            return (
                Role::Custom(def),
                Some(
                    "既知の尺度に当てはまらないが段階のある回答なので、新しい尺度を作りました"
                        .into(),
                ),
            );
        }
        if before_questions && short_header && p.values.len() >= 2 {
            let values = p.values.iter().map(|v| v.label.clone()).collect();
            return (
                Role::Attribute {
                    id: String::new(),
                    values,
                },
                Some("設問より前にある選択肢の少ない列なので、回答者の属性としました".into()),
            );
        }
        return (
            Role::Single(p.values.clone()),
            Some("段階のない選択肢なので単一選択の設問としました（選択肢は回答の多い順）".into()),
        );
    }
    (Role::Text, text_note())
}

/// Decides every column's role. Only one id, age and employment column are taken (the
/// first); attribute ids are made unique. When no column is named like an id, the column
/// with the most distinct answers that nearly every row has becomes the id, with a note.
/// Respondent columns must exist in every wave; one that does not is left out (an
/// attribute becomes a single-choice question instead).
pub fn infer(columns: &mut [Column], waves: usize) {
    let mut before_questions = true;
    let (mut has_id, mut has_age, mut has_emp) = (false, false, false);
    let mut attr_ids: Vec<String> = Vec::new();
    for col in columns.iter_mut() {
        let (mut role, mut note) = role_of(&col.header, &col.profile, before_questions);
        let everywhere = col.merged.cols.iter().filter(|c| c.is_some()).count() == waves;
        match &mut role {
            Role::Id if has_id || !everywhere => {
                role =
                    Role::Left("回答IDらしい列が他にもある、または一部の年度にしかない列".into());
            }
            Role::Id => has_id = true,
            Role::Age(_) if has_age || !everywhere => {
                role = Role::Left("年代らしい列が他にもある、または一部の年度にしかない列".into());
            }
            Role::Age(_) => has_age = true,
            Role::Employment(values) if has_emp || !everywhere => {
                let single = values
                    .iter()
                    .filter_map(|v| col.profile.values.iter().find(|x| &x.label == v).cloned())
                    .collect();
                role = Role::Single(single);
                note = Some("雇用形態らしい列が他にもある、または一部の年度にしかないので、単一選択の設問としました".into());
            }
            Role::Employment(_) => has_emp = true,
            Role::Attribute { .. } if !everywhere => {
                role = Role::Single(col.profile.values.clone());
                note = Some("一部の年度にしかない属性なので、単一選択の設問としました".into());
            }
            Role::Attribute { id, .. } => {
                let base = if id.is_empty() {
                    "attr".to_string()
                } else {
                    id.clone()
                };
                let mut candidate = if id.is_empty() {
                    format!("{base}1")
                } else {
                    base.clone()
                };
                let mut k = 2;
                while attr_ids.contains(&candidate) {
                    candidate = format!("{base}{k}");
                    k += 1;
                }
                attr_ids.push(candidate.clone());
                *id = candidate;
            }
            Role::Known(_) | Role::Custom(_) | Role::Multi(_) => before_questions = false,
            _ => {}
        }
        col.role = role;
        col.note = note;
    }
    if has_id {
        return;
    }
    // No id column by name: the most distinct column present in every wave, answered in
    // nearly every row. A timestamp is preferred to an e-mail address (kept out of reports).
    let pick = |email_ok: bool, cols: &[Column]| -> Option<usize> {
        cols.iter()
            .enumerate()
            .filter(|(_, c)| c.merged.cols.iter().all(Option::is_some))
            .filter(|(_, c)| c.profile.answered as f64 >= 0.9 * c.profile.rows as f64)
            .filter(|(_, c)| email_ok || !matches!(&c.role, Role::Left(r) if r.contains("メール")))
            .max_by_key(|(i, c)| (c.profile.max_distinct(), std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    };
    if let Some(i) = pick(false, columns).or_else(|| pick(true, columns)) {
        let c = &mut columns[i];
        let unique = c.profile.id_like();
        c.note = Some(format!(
            "回答IDの列が見つからないので、異なる値がいちばん多いこの列を回答IDとしました{}",
            if unique {
                ""
            } else {
                "（重複する値があり、重複した行は集計から除かれます。回答IDの列を用意することを勧めます）"
            }
        ));
        c.role = Role::Id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::init::profile::vc;

    fn profile(cells: &[(&str, usize)]) -> Profile {
        let values: Vec<ValueCount> = cells.iter().map(|(l, n)| vc(l, *n)).collect();
        let answered = values.iter().map(|v| v.count).sum();
        let chars: usize = values
            .iter()
            .map(|v| v.label.chars().count() * v.count)
            .sum();
        let sentences = values
            .iter()
            .filter(|v| v.label.contains('。'))
            .map(|v| v.count)
            .sum();
        Profile {
            rows: answered,
            answered,
            mean_len: chars as f64 / answered as f64,
            sentences,
            per_wave: vec![(answered, values.len())],
            values,
        }
    }

    #[test]
    fn kinds_from_headers_and_answers() {
        let agree = profile(&[
            ("そう思う", 30),
            ("どちらかと言えばそう思う", 20),
            ("そう思わない", 10),
        ]);
        assert!(matches!(
            role_of("問3 仕事にやりがいを感じている", &agree, true).0,
            Role::Known(0)
        ));
        let ts = profile(&[("2024/06/24 9:15:02", 1), ("2024/06/24 9:16:40", 1)]);
        assert!(matches!(
            role_of("タイムスタンプ", &ts, true).0,
            Role::Left(_)
        ));
        assert!(matches!(role_of("送信", &ts, true).0, Role::Left(_)));
        let mail = profile(&[("a@example.jp", 1), ("b@example.jp", 1)]);
        assert!(matches!(role_of("連絡先", &mail, true).0, Role::Left(_)));
        let ages = profile(&[
            ("30歳代", 5),
            ("60歳以上", 3),
            ("20歳代以下", 4),
            ("40歳代", 6),
        ]);
        match role_of("年代", &ages, true).0 {
            Role::Age(AgeKind::Bands(b)) => {
                assert_eq!(b, vec!["20歳代以下", "30歳代", "40歳代", "60歳以上"])
            }
            other => panic!("{other:?}"),
        }
        let nums = profile(&[("23", 1), ("45", 2), ("61", 1)]);
        assert!(matches!(
            role_of("年齢", &nums, true).0,
            Role::Age(AgeKind::Numbers)
        ));
        let dept = profile(&[("総務部", 10), ("市民部", 8), ("消防本部", 4)]);
        assert!(matches!(
            role_of("所属", &dept, true).0,
            Role::Attribute { .. }
        ));
        assert!(matches!(
            role_of("通勤方法", &dept, false).0,
            Role::Single(_)
        ));
        let text = profile(&[("研修を増やしてほしい。", 3), ("休憩が取りにくい。", 2)]);
        assert!(matches!(role_of("自由意見", &text, false).0, Role::Text));
    }
}
