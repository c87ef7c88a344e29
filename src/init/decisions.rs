//! The head of the pipeline file: the command that wrote it and the numbered list of what
//! only the user can decide (the やりがい split, KGI/KPI targets, populations, years,
//! checks of guessed scales, options and conditions), then the columns left out.

use super::plan::{yarigai_item, Plan, QuestionKind, WavePlan};
use super::write::flat;
use std::fmt::Write;

pub fn header(plan: &Plan, command: &str, s: &mut String) {
    let _ = writeln!(
        s,
        "# このパイプラインファイルは次のコマンドで自動で作りました:\n#   {command}"
    );
    s.push_str("# 手を加えなくても check / run できます。各項目の意味は src/config/file.rs と README を見てください。\n#\n");
    s.push_str("# ■ 利用者が決めること（自動では決められません）\n");
    let mut n = 0;
    let mut item = |s: &mut String, text: String| {
        n += 1;
        let _ = writeln!(s, "#  {n}. {text}");
    };
    match yarigai_item(plan) {
        Some(qp) => item(s, format!("「やりがい」による分析: 設問 {}「{}」の肯定的回答を やりがい有、それ以外を やりがい無 に\n#     分けています（[[segments]] id = \"yarigai\"）。別の設問で分けるなら split_on を直してください。", qp.id, flat(&qp.label))),
        None => item(s, "「やりがい」による分析: やりがいを尋ねる尺度の設問が見つかりませんでした。分けるなら [[segments]] に\n#     split_on = \"<設問ID>\", groups = [\"やりがい有\", \"やりがい無\"] を書いてください。".into()),
    }
    item(s, "KGI・KPI: 指標、基準年度、目標年度、目標値はファイル末尾の [[indicators]] の例（コメント）を参考に書いてください。".into());
    item(s, "対象者数（回答率の分母）: 各 [[waves]] の population の例（コメント）に人数を書いてください。".into());
    let unguessed: Vec<&WavePlan> = plan.waves.iter().filter(|w| !w.guessed).collect();
    if unguessed.is_empty() {
        let list: Vec<String> = plan
            .waves
            .iter()
            .map(|w| format!("{} ← {}", w.year.short(), flat(&w.name)))
            .collect();
        item(s, format!("年度: ファイル名（または表題の行）から推定しました（{}）。違っていれば year を直してください。", list.join("、")));
    } else {
        let list: Vec<String> = unguessed
            .iter()
            .map(|w| format!("{}（{}）", flat(&w.name), w.year.short()))
            .collect();
        item(s, format!("年度: ファイル名からも表題からも年度を読み取れなかったので仮の年度にしました: {}。\n#     正しい年度に直してください（columns の年度も合わせて直します）。", list.join("、")));
    }
    if plan.scales.iter().any(|sc| sc.custom) {
        item(
            s,
            "回答から作った尺度（[scales.scaleN]）: 段階の順と positive を確かめてください。"
                .into(),
        );
    }
    if plan
        .questions
        .iter()
        .any(|q| matches!(q.kind, QuestionKind::Multi { .. } | QuestionKind::Single(_)))
    {
        item(s, "選択式の設問: options は回答の多い順です。調査票の順に並べ替え、一部の人だけに尋ねた設問には\n#     asked_if = { question = \"q01\", answers = [...] } を書いてください。".into());
    }
    if plan.questions.iter().any(|q| q.negative) {
        item(s, "否定的な文の設問（polarity = \"negative\"）: 自動で判断したものです。確かめてください。".into());
    }
    if plan.organisation.is_none() {
        item(s, "organisation（組織名）を書いてください。".into());
    }
    if plan.quality.is_some() {
        item(s, "データの問題で run が止まらないよう、[quality] の max_unmatched_share を既定の 2% より上げています。\n#     選択肢にも「回答なし」（missing）にも当たらない回答が多い列があるためです。[quality] のコメントを読み、扱いを決めてください。".into());
    }
    if !plan.left.is_empty() {
        s.push_str("#\n# ■ 使わなかった列\n");
        for (h, why) in &plan.left {
            let _ = writeln!(s, "#   「{}」: {why}", flat(h));
        }
    }
    s.push('\n');
}
