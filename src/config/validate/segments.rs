//! Validating `[[segments]]`: attribute breakdowns and splits on a scale question.

use super::Problems;
use crate::config::file::*;
use crate::pipeline::*;

pub(super) fn segments(
    file: &[SegmentFile],
    respondents: &Respondents,
    questions: &[Question],
    p: &mut Problems,
) -> Vec<Segment> {
    let mut out = Vec::new();
    for (i, s) in file.iter().enumerate() {
        let key = format!("segments[{i}]");
        p.file_id(&key, &s.id, file[..i].iter().any(|x| x.id == s.id));
        let by = match (&s.attribute, &s.split_on) {
            (Some(a), None) => {
                if s.groups.is_some() {
                    p.add(
                        format!("{key}.groups"),
                        "groups は split_on と一緒にだけ使えます",
                    );
                }
                if a == "age" {
                    if respondents.age.is_none() {
                        p.add(
                            format!("{key}.attribute"),
                            "年代で分けるには respondents.age が必要です",
                        );
                        continue;
                    }
                    SegmentBy::Age
                } else {
                    match respondents.attributes.iter().position(|x| &x.id == a) {
                        Some(k) => SegmentBy::Attribute(k),
                        None => {
                            let mut known = vec!["age".to_string()];
                            known.extend(respondents.attributes.iter().map(|x| x.id.clone()));
                            p.add(
                                format!("{key}.attribute"),
                                format!(
                                    "属性「{a}」はありません（使える値: {}）",
                                    known.join(", ")
                                ),
                            );
                            continue;
                        }
                    }
                }
            }
            (None, Some(q)) => {
                let Some(qi) = questions.iter().position(|x| &x.id == q) else {
                    p.add(
                        format!("{key}.split_on"),
                        format!("設問「{q}」は定義されていません"),
                    );
                    continue;
                };
                if p.poisoned.contains(&questions[qi].id) {
                    continue;
                }
                if !matches!(questions[qi].kind, QuestionKind::Scale { .. }) {
                    p.add(
                        format!("{key}.split_on"),
                        "分割に使えるのは kind = \"scale\" の設問です",
                    );
                    continue;
                }
                let groups = match &s.groups {
                    None => ["肯定的回答".to_string(), "否定的回答".to_string()],
                    Some(g) if g.len() == 2 && g[0] != g[1] => [g[0].clone(), g[1].clone()],
                    Some(_) => {
                        p.add(format!("{key}.groups"), "異なる二つの名前を書いてください（例: [\"やりがい有\", \"やりがい無\"]）");
                        continue;
                    }
                };
                SegmentBy::Split {
                    question: qi,
                    groups,
                }
            }
            _ => {
                p.add(key, "attribute と split_on のどちらか一方を書いてください");
                continue;
            }
        };
        let department = match &by {
            SegmentBy::Attribute(k) => {
                let a = &respondents.attributes[*k];
                a.id == "department" || a.label.contains("所属")
            }
            _ => false,
        };
        out.push(Segment {
            id: s.id.clone(),
            label: s.label.clone(),
            sheets: s.sheets.unwrap_or(department),
            by,
        });
    }
    out
}
