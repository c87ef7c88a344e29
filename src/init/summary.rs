//! What `init` tells the user at the end, in Japanese: what was read, how many columns became
//! how many questions of which kinds, what was left out and why, what to decide next, and the
//! command to run next.

use super::plan::{yarigai_item, Plan, QuestionKind};
use super::waves::HeaderMatch;
use super::write::flat;
use std::fmt::Write;
use std::path::PathBuf;

/// What `init` did.
#[derive(Debug)]
pub struct InitSummary {
    /// The pipeline file written.
    pub path: PathBuf,
    /// The lines of the closing message.
    lines: Vec<String>,
}

impl InitSummary {
    pub(super) fn new(path: PathBuf, plan: &Plan, matches: &[HeaderMatch]) -> Self {
        let mut l = Vec::new();
        l.push(format!(
            "パイプラインファイルを書きました: {}",
            path.display()
        ));
        for w in &plan.waves {
            let mut how = Vec::new();
            if let Some(s) = &w.layout.sheet {
                how.push(format!("シート「{s}」"));
            }
            how.extend(w.layout.encoding_note());
            if w.layout.header_row > 1 {
                how.push(format!("見出しは {} 行目", w.layout.header_row));
            }
            l.push(format!(
                "  {}（{}{}）: {}{} {} 行",
                w.year.japanese(),
                w.year.short(),
                if w.guessed { "" } else { "・仮の年度" },
                w.name,
                if how.is_empty() {
                    String::new()
                } else {
                    format!("（{}）", how.join("、"))
                },
                w.rows
            ));
        }
        let count =
            |f: fn(&QuestionKind) -> bool| plan.questions.iter().filter(|q| f(&q.kind)).count();
        let kinds = [
            ("尺度", count(|k| matches!(k, QuestionKind::Scale(_)))),
            (
                "複数選択",
                count(|k| matches!(k, QuestionKind::Multi { .. })),
            ),
            ("単一選択", count(|k| matches!(k, QuestionKind::Single(_)))),
            ("自由記述", count(|k| matches!(k, QuestionKind::Text))),
        ];
        let kinds: Vec<String> = kinds
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        l.push(format!(
            "{} 列 → {} 設問{}",
            plan.columns_read,
            plan.questions.len(),
            if kinds.is_empty() {
                "（集計する設問の列が見つかりませんでした。見出しと回答を確かめてください）"
                    .to_string()
            } else {
                format!("（{}）", kinds.join("、"))
            }
        ));
        let mut who = vec![format!("回答ID「{}」", plan.id_column)];
        if let Some((c, _)) = &plan.age {
            who.push(format!("年代「{c}」"));
        }
        if let Some((c, _)) = &plan.employment {
            who.push(format!("雇用形態「{c}」"));
        }
        for a in &plan.attributes {
            who.push(format!("属性 {}「{}」", a.id, a.column));
        }
        l.push(format!("回答者の列: {}", who.join("、")));
        if let Some(n) = &plan.id_note {
            l.push(format!("  ※ {n}"));
        }
        for sc in &plan.scales {
            let mut alias = if sc.aliases.is_empty() {
                String::new()
            } else {
                format!("、表記ゆれ {} 件を aliases に", sc.aliases.len())
            };
            if !sc.missing.is_empty() {
                let _ = write!(
                    alias,
                    "、「{}」は無回答として missing に",
                    flat(&sc.missing.join("」「"))
                );
            }
            l.push(format!(
                "尺度 {}: {}（{} 段階{alias}）",
                sc.id,
                sc.name,
                sc.levels.len()
            ));
        }
        if !matches.is_empty() {
            l.push("年度で見出しが変わった設問:".into());
            for m in matches {
                l.push(format!(
                    "  {}「{}」→「{}」",
                    plan.waves[m.wave].year.short(),
                    flat(&m.old),
                    flat(&m.new)
                ));
            }
        }
        if let Some(r) = &plan.quality {
            l.push(format!(
                "選択肢にも missing にも当たらない回答が多い列（無回答として扱い、[quality] max_unmatched_share = {:.2} に上げました）:",
                r.max_share
            ));
            for (year, column, value, share) in &r.values {
                l.push(format!(
                    "  {year}「{}」の「{}」: {:.1}%",
                    flat(column),
                    flat(value),
                    share * 100.0
                ));
            }
        }
        if !plan.left.is_empty() {
            l.push("使わなかった列:".into());
            for (h, why) in &plan.left {
                l.push(format!("  「{}」: {why}", flat(h)));
            }
        }
        l.push("次に決めること（ファイル冒頭のコメントにもあります）:".into());
        match yarigai_item(plan) {
            Some(q) => l.push(format!(
                "  - 「やりがい」による分析: 設問 {}「{}」で分けています。よければそのまま",
                q.id,
                flat(&q.label)
            )),
            None => l.push(
                "  - 「やりがい」による分析: 分ける設問を [[segments]] split_on に書く".into(),
            ),
        }
        l.push("  - KGI・KPI の目標（[[indicators]]、例はコメント）".into());
        l.push("  - 各年度の対象者数（population、回答率の分母）".into());
        if plan.waves.iter().any(|w| !w.guessed) {
            l.push("  - 仮の年度を正しい年度に直す（year）".into());
        } else {
            l.push("  - ファイル名から推定した年度を確かめる".into());
        }
        if plan.organisation.is_none() {
            l.push("  - 組織名（organisation）".into());
        }
        if plan.scales.iter().any(|s| s.custom) {
            l.push("  - 回答から作った尺度の順番と positive".into());
        }
        if plan.quality.is_some() {
            l.push("  - 選択肢にない回答（上の一覧）の扱い".into());
        }
        l.push(format!(
            "確認するには: staff-survey check {}",
            path.display()
        ));
        InitSummary { path, lines: l }
    }

    /// The closing message for the terminal.
    pub fn message(&self) -> String {
        self.lines.join("\n")
    }
}
