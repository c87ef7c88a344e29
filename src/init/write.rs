//! Writing the plan as a pipeline file: TOML in the layout of `pipelines/sample.toml`, with a
//! Japanese comment on every block and, at the top, the list of what only the user can decide.

use super::infer::AgeKind;
use super::plan::{yarigai_item, Plan, QuestionKind, QuestionPlan, WavePlan};
use crate::pipeline::TextEncoding;
use std::fmt::Write;

/// A TOML string literal.
pub fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Text for a comment line: line breaks inside headers would end the comment.
pub fn flat(text: &str) -> String {
    text.split(['\n', '\r'])
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| q(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn table(pairs: &[(String, String)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{} = {}", q(k), q(v)))
        .collect();
    format!("{{ {} }}", inner.join(", "))
}

/// Numeric age bands proposed for `edges = [30, 40, 50, 60]`.
pub const AGE_EDGES: [u32; 4] = [30, 40, 50, 60];
pub const AGE_EDGE_BANDS: [&str; 5] = ["29歳以下", "30～39歳", "40～49歳", "50～59歳", "60歳以上"];

/// The whole file.
pub fn render(plan: &Plan, command: &str) -> String {
    let mut s = String::new();
    super::decisions::header(plan, command, &mut s);
    let org = plan
        .organisation
        .clone()
        .unwrap_or_else(|| "（組織名）".into());
    if plan.organisation.is_none() {
        s.push_str("# 組織名は設問文から読み取れませんでした。正しい名前に書き換えてください。\n");
    } else {
        s.push_str("# 組織名は設問文から読み取りました。違っていれば直してください。\n");
    }
    let _ = writeln!(
        s,
        "organisation = {}\ntitle = {}\n",
        q(&org),
        q("職員アンケート")
    );
    s.push_str("# 理由などの表（top_*）に載せる、回答の多い選択肢の数。\n[report]\ntop_n = 3\n\n");
    quality(plan, &mut s);
    for w in &plan.waves {
        wave(plan, w, &mut s);
    }
    for sc in &plan.scales {
        let _ = writeln!(s, "# 尺度: {}。", sc.name);
        if sc.custom {
            s.push_str("# 回答から作った尺度です。levels の順（肯定的な回答が先）と positive（上から何段階を肯定的とするか）、\n# neutral（その次の中間の段階の数）を必ず確かめてください。\n");
        } else {
            let _ = writeln!(
                s,
                "# 上位 {} 段階を肯定的回答として数えます{}。",
                sc.positive,
                if sc.neutral > 0 {
                    format!(
                        "（次の {} 段階は中間で、肯定にも否定にも数えません）",
                        sc.neutral
                    )
                } else {
                    String::new()
                }
            );
        }
        if !sc.aliases.is_empty() {
            s.push_str(
                "# 回答ファイルに別の書き方（表記ゆれ）があったので aliases に書きました。\n",
            );
        }
        if !sc.missing.is_empty() {
            let _ = writeln!(
                s,
                "# 「{}」は段階ではなく「回答なし」の意味なので missing に書き、無回答として数えます\n# （データの問題にはしません）。段階として数えるなら levels に加えてください。",
                flat(&sc.missing.join("」「"))
            );
        }
        let _ = writeln!(
            s,
            "[scales.{}]\nlevels = {}\npositive = {}",
            sc.id,
            list(&sc.levels),
            sc.positive
        );
        if sc.neutral > 0 {
            let _ = writeln!(s, "neutral = {}", sc.neutral);
        }
        if !sc.missing.is_empty() {
            let _ = writeln!(s, "missing = {}", list(&sc.missing));
        }
        if !sc.aliases.is_empty() {
            let _ = writeln!(s, "aliases = {}", table(&sc.aliases));
        }
        s.push('\n');
    }
    respondents(plan, &mut s);
    for qp in &plan.questions {
        question(qp, &mut s);
    }
    segments(plan, &mut s);
    indicators(plan, &mut s);
    s
}

fn quality(plan: &Plan, s: &mut String) {
    let Some(r) = &plan.quality else { return };
    s.push_str("# 選択肢のどれにも当たらず、「回答なし」の意味でもない回答が多い列があります（利用者が決めること）。\n# これらは無回答として扱い、データの問題として記録します:\n");
    for (year, column, value, share) in &r.values {
        let _ = writeln!(
            s,
            "#   {year} 列「{}」の「{}」: 回答の {:.1}%",
            flat(column),
            flat(value),
            share * 100.0
        );
    }
    s.push_str("# 既定（2%）のままでは run が止まるので、上限をこれらのすぐ上に上げています。表記ゆれなら尺度の aliases に、\n# 「回答なし」の意味なら尺度の missing に書き、本当の回答なら元のファイルか尺度を直して、この [quality] を消してください。\n");
    let _ = writeln!(s, "[quality]\nmax_unmatched_share = {:.2}\n", r.max_share);
}

fn wave(plan: &Plan, w: &WavePlan, s: &mut String) {
    let _ = write!(
        s,
        "# {}（{}）: {}、{} 行",
        w.year.japanese(),
        w.year.short(),
        flat(&w.name),
        w.rows
    );
    if let Some(note) = w.layout.encoding_note() {
        let _ = write!(s, "、文字コード {note}");
    }
    s.push_str("。\n");
    if !w.guessed {
        let _ = writeln!(s, "# 年度はファイル名からも表題からも読み取れなかったので仮に {} としました。正しい年度に直してください。", w.year.short());
    }
    if w.layout.header_row > 1 {
        let _ = writeln!(
            s,
            "# 見出しは {} 行目です（上の行は表題: {}）。",
            w.layout.header_row,
            flat(w.layout.title.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(
        s,
        "[[waves]]\nyear = {}\nfile = {}",
        q(&w.year.short()),
        q(&w.file)
    );
    if let Some(sheet) = &w.layout.sheet {
        let _ = writeln!(s, "sheet = {}", q(sheet));
    }
    if let Some((TextEncoding::ShiftJis, _)) = w.layout.encoding {
        s.push_str("encoding = \"shift_jis\"\n");
    }
    if w.layout.header_row > 1 {
        let _ = writeln!(s, "header_row = {}", w.layout.header_row);
    }
    let example = match &plan.employment {
        Some((_, values)) => values
            .iter()
            .map(|v| format!("{} = 0", q(v)))
            .collect::<Vec<_>>()
            .join(", "),
        None => "\"全体\" = 0".into(),
    };
    let _ = writeln!(
        s,
        "# 対象者数（回答率の分母）を書くと回答率が出ます。例:\n# population = {{ {example} }}\n"
    );
}

fn respondents(plan: &Plan, s: &mut String) {
    s.push_str("# 回答者を区別する列。空欄の行と、同じIDの二つ目以降の行は集計から除き、データの問題として記録します。\n");
    if let Some(note) = &plan.id_note {
        let _ = writeln!(s, "# {}。", flat(note));
    }
    let _ = writeln!(s, "[respondents]\nid = {}\n", q(&plan.id_column));
    match &plan.age {
        Some((column, AgeKind::Bands(bands))) => {
            s.push_str("# 年代の区分（若い順）。回答ファイルの表記をそのまま使っています。報告書での名前を変えるなら\n# bands を書き換え、元の表記を map = { \"20歳代以下\" = \"10～20歳代\" } のように書いてください。\n");
            let _ = writeln!(
                s,
                "[respondents.age]\ncolumn = {}\nbands = {}\n",
                q(column),
                list(bands)
            );
        }
        Some((column, AgeKind::Numbers)) => {
            let bands: Vec<String> = AGE_EDGE_BANDS.iter().map(|b| b.to_string()).collect();
            let edges: Vec<String> = AGE_EDGES.iter().map(|e| e.to_string()).collect();
            s.push_str("# 年齢が数値なので、境界 edges で年代に分けます（提案です。区分と名前は変えてかまいません）。\n");
            let _ = writeln!(
                s,
                "[respondents.age]\ncolumn = {}\nbands = {}\nedges = [{}]\n",
                q(column),
                list(&bands),
                edges.join(", ")
            );
        }
        None => s.push_str(
            "# 年代の列は見つかりませんでした。あれば [respondents.age] を書いてください。\n\n",
        ),
    }
    if let Some((column, values)) = &plan.employment {
        s.push_str(
            "# 雇用形態と、その値（回答の多い順）。ここにない値はデータの問題として記録します。\n",
        );
        let _ = writeln!(
            s,
            "[respondents.employment]\ncolumn = {}\nvalues = {}\n",
            q(column),
            list(values)
        );
    }
    for a in &plan.attributes {
        let _ = writeln!(s, "# 回答者の属性「{}」（値は回答の多い順。報告書の並び順にしたければ並べ替えてください）。", flat(&a.label));
        if let Some(note) = &a.note {
            let _ = writeln!(s, "# {note}。");
        }
        let _ = writeln!(
            s,
            "[[respondents.attributes]]\nid = {}\nlabel = {}\ncolumn = {}\nvalues = {}\n",
            q(&a.id),
            q(&a.label),
            q(&a.column),
            list(&a.values)
        );
    }
}

fn question(qp: &QuestionPlan, s: &mut String) {
    let kind = match &qp.kind {
        QuestionKind::Scale(_) => "尺度の設問",
        QuestionKind::Multi { .. } => "複数選択の設問（選択肢は回答の多い順）",
        QuestionKind::Single(_) => "単一選択の設問（選択肢は回答の多い順）",
        QuestionKind::Text => "自由記述（読み込むだけで、どの出力にも載せません）",
    };
    let _ = writeln!(s, "# {kind}。");
    for n in &qp.notes {
        let _ = writeln!(s, "# {}。", flat(n));
    }
    let _ = writeln!(
        s,
        "[[questions]]\nid = {}\nlabel = {}\ncolumn = {}",
        q(&qp.id),
        q(&qp.label),
        q(&qp.column)
    );
    if !qp.columns.is_empty() {
        let _ = writeln!(s, "columns = {}", table(&qp.columns));
    }
    match &qp.kind {
        QuestionKind::Scale(id) => {
            let _ = writeln!(s, "kind = \"scale\"\nscale = {}", q(id));
            if qp.negative {
                s.push_str("polarity = \"negative\"\n");
            }
        }
        QuestionKind::Multi { options, separator } => {
            let _ = writeln!(
                s,
                "kind = \"multi\"\noptions = {}\nseparator = {}",
                list(options),
                q(separator)
            );
        }
        QuestionKind::Single(options) => {
            let _ = writeln!(s, "kind = \"single\"\noptions = {}", list(options));
        }
        QuestionKind::Text => s.push_str("kind = \"text\"\n"),
    }
    if let Some((qid, answers)) = &qp.asked_if {
        let _ = writeln!(
            s,
            "asked_if = {{ question = {}, answers = {} }}",
            q(qid),
            list(answers)
        );
    }
    s.push('\n');
}

fn segments(plan: &Plan, s: &mut String) {
    s.push_str("# 集計の分け方。年代別、「やりがい」別、雇用形態別、属性別（pipelines/sample.toml と同じ形）。\n");
    for seg in &plan.segments {
        if let Some((qid, label)) = &seg.split_on {
            let label = flat(label);
            let _ = writeln!(s, "# 設問 {qid}「{label}」の肯定的回答を やりがい有、それ以外を やりがい無 とします（利用者が決めること）。");
            let _ = writeln!(
                s,
                "[[segments]]\nid = {}\nlabel = {}\nsplit_on = {}\ngroups = [\"やりがい有\", \"やりがい無\"]\n",
                q(&seg.id),
                q(&seg.label),
                q(qid)
            );
        } else {
            let _ = writeln!(
                s,
                "[[segments]]\nid = {}\nlabel = {}\nattribute = {}\n",
                q(&seg.id),
                q(&seg.label),
                q(seg.attribute.as_deref().unwrap_or_default())
            );
        }
    }
}

fn indicators(plan: &Plan, s: &mut String) {
    let base = plan
        .waves
        .last()
        .map(|w| w.year)
        .unwrap_or(crate::fiscal_year::FiscalYear(2024));
    let target = crate::fiscal_year::FiscalYear(base.0 + 5);
    let item = yarigai_item(plan).or_else(|| {
        plan.questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Scale(_)))
    });
    s.push_str("# KGI・KPI（利用者が決めること）。目標値と年度を決めたら、コメントを外して書き換えてください。例:\n");
    if let Some(qp) = item {
        let _ = writeln!(
            s,
            "# [[indicators]]\n# id = \"kgi_1\"\n# level = \"KGI\"\n# name = \"{}と答えた職員の割合\"\n# unit = \"%\"\n# direction = \"higher\"\n# baseline = \"{}\"\n# target_year = \"{}\"\n# target = 80\n# survey = {{ question = \"{}\" }}\n#",
            flat(&qp.label),
            base.short(),
            target.short(),
            qp.id
        );
    }
    let multi = plan.questions.iter().find_map(|q| match &q.kind {
        QuestionKind::Multi { options, .. } => Some((q, options.first()?)),
        _ => None,
    });
    if let Some((qp, option)) = multi {
        let _ = writeln!(
            s,
            "# [[indicators]]\n# id = \"kpi_1\"\n# level = \"KPI\"\n# name = \"{}で「{}」を選んだ職員の割合\"\n# unit = \"%\"\n# direction = \"lower\"\n# baseline = \"{}\"\n# target_year = \"{}\"\n# target = 25\n# survey = {{ question = \"{}\", option = \"{}\" }}\n#",
            flat(&qp.label),
            flat(option),
            base.short(),
            target.short(),
            qp.id,
            flat(option)
        );
    }
    let _ = writeln!(
        s,
        "# 行政の記録による指標（時間外勤務など）は [admin] に表を指定して admin = \"指標名\" と書きます:\n# [admin]\n# file = \"admin-indicators.csv\""
    );
    if let Some(qp) = item {
        drivers_example(s, qp);
    }
}

/// A commented `[[drivers]]` example for the やりがい (or first scale) item: which other items
/// go with it, and which of those to act on first.
fn drivers_example(s: &mut String, item: &QuestionPlan) {
    let _ = writeln!(
        s,
        "# 「{}」に関係が強い項目と重点改善マトリクス（要因分析）。説明に使う設問は predictors で、\n# グループごとの分析は segments = [\"age\"] のように選べます（既定: ほかの段階の設問すべて、全体のみ）:\n# [[drivers]]\n# outcome = \"{}\"",
        flat(&item.label),
        item.id
    );
}
