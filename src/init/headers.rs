//! Header parsing: question numbers (`問3 …`, `Q3.`, `3.`), grid items
//! (`以下の項目について [仕事にやりがいを感じている]`) and the words that mark special columns
//! (timestamps, e-mail addresses, ids, age, employment type, attributes).
//!
//! The exact header always stays in the pipeline file's `column`; what is parsed here only
//! makes the label and decides what a column is.

use crate::normalize::normalize_label;

/// Whether `c` is an ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The header without a leading question number: `問3 仕事に…`, `Q3. 仕事に…`, `3．仕事に…`,
/// `【問3】仕事に…`, `(3) 仕事に…`, `問3-1 …` all give `仕事に…`. A header that is only a
/// number, or a number not followed by a separator (`30歳代…`), is returned unchanged.
pub fn strip_number(header: &str) -> &str {
    let s = header.trim();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let opened = matches!(at(i), Some('【' | '[' | '［' | '(' | '（'));
    if opened {
        i += 1;
    }
    let mut prefixed = false;
    for p in ["設問", "問", "Q", "q", "Ｑ", "ｑ", "No.", "No", "NO"] {
        let rest: String = chars[i.min(chars.len())..].iter().map(|(_, c)| c).collect();
        if rest.starts_with(p) {
            i += p.chars().count();
            prefixed = true;
            break;
        }
    }
    let digits_start = i;
    while at(i).is_some_and(is_digit) {
        i += 1;
    }
    if i == digits_start {
        return s;
    }
    // Sub-numbers: 問3-1, Q3_2, 問3(1).
    loop {
        let before = i;
        if matches!(at(i), Some('-' | '－' | '_' | '＿' | '.' | '．'))
            && at(i + 1).is_some_and(is_digit)
        {
            i += 1;
            while at(i).is_some_and(is_digit) {
                i += 1;
            }
        }
        if matches!(at(i), Some('(' | '（'))
            && at(i + 1).is_some_and(is_digit)
            && matches!(at(i + 2), Some(')' | '）'))
        {
            i += 3;
        }
        if i == before {
            break;
        }
    }
    let mut separated = false;
    if opened && matches!(at(i), Some('】' | ']' | '］' | ')' | '）')) {
        i += 1;
        separated = true;
    } else if opened {
        return s;
    }
    while let Some(c) = at(i) {
        if matches!(
            c,
            '.' | '．' | '、' | ',' | '，' | ':' | '：' | ')' | '）' | '_' | '-'
        ) || c.is_whitespace()
        {
            i += 1;
            separated = true;
        } else {
            break;
        }
    }
    if !(separated || prefixed) || i >= chars.len() {
        return s;
    }
    s[chars[i].0..].trim()
}

/// The question number at the start of a header, if any (`問3 …` → `問3`), for messages.
pub fn number_of(header: &str) -> Option<String> {
    let s = header.trim();
    let rest = strip_number(s);
    if rest.len() == s.len() {
        return None;
    }
    Some(s[..s.len() - rest.len()].trim().to_string())
}

/// A grid question's item: `以下の項目について [仕事にやりがいを感じている]` →
/// (`以下の項目について`, `仕事にやりがいを感じている`). Full-width brackets count too.
pub fn grid_item(header: &str) -> Option<(&str, &str)> {
    let s = header.trim();
    let close = s.chars().last()?;
    let open = match close {
        ']' => '[',
        '］' => '［',
        _ => return None,
    };
    let start = s.rfind(open)?;
    let item = s[start + open.len_utf8()..s.len() - close.len_utf8()].trim();
    let stem = s[..start].trim();
    if item.is_empty() || stem.is_empty() {
        return None;
    }
    Some((stem, item))
}

/// Notes that form tools add to a question and that a report label does not need.
const LABEL_NOTES: [&str; 8] = [
    "複数回答可",
    "複数選択可",
    "複数回答",
    "いくつでも",
    "あてはまるものすべて",
    "当てはまるものすべて",
    "必須",
    "一つ選択",
];

/// The short label of a question: without its number, the grid item if it is one, and
/// without a trailing note such as `（複数回答可）`.
pub fn label(header: &str) -> String {
    let text = strip_number(header);
    let text = grid_item(text).map(|(_, item)| item).unwrap_or(text);
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (open, close) in [
        ('（', '）'),
        ('(', ')'),
        ('【', '】'),
        ('［', '］'),
        ('[', ']'),
    ] {
        if out.ends_with(close) {
            if let Some(start) = out.rfind(open) {
                let note = &out[start..];
                if start > 0 && LABEL_NOTES.iter().any(|n| note.contains(n)) {
                    out = out[..start].trim().to_string();
                }
            }
        }
    }
    if out.is_empty() {
        header.trim().to_string()
    } else {
        out
    }
}

/// The comparison key of a header: normalised, lower case.
pub fn key(header: &str) -> String {
    normalize_label(header).to_lowercase()
}

/// The comparison key of a header's question text (number stripped), used to match headers
/// across years.
pub fn text_key(header: &str) -> String {
    key(strip_number(header))
}

fn contains_any(header: &str, words: &[&str]) -> bool {
    let k = key(strip_number(header));
    words.iter().any(|w| k.contains(w))
}

/// Timestamp columns: タイムスタンプ, 回答日時, 開始時刻 …
pub fn is_timestamp_header(header: &str) -> bool {
    contains_any(
        header,
        &[
            "タイムスタンプ",
            "timestamp",
            "日時",
            "時刻",
            "開始時間",
            "完了時間",
            "回答日",
            "記入日",
            "送信日",
            "日付",
            "date",
        ],
    )
}

/// E-mail columns: メールアドレス, E-mail …
pub fn is_email_header(header: &str) -> bool {
    contains_any(header, &["メール", "mail"])
}

/// Headers that name a respondent id, best first: 0 for `回答ID`-like names.
pub fn id_header_rank(header: &str) -> Option<u8> {
    let k = key(strip_number(header));
    let exact = [
        "回答id",
        "回答者id",
        "id",
        "回答番号",
        "回答者番号",
        "整理番号",
        "通し番号",
        "番号",
        "no",
        "no.",
        "responseid",
        "respondentid",
    ];
    if exact.contains(&k.as_str()) {
        Some(0)
    } else if k.ends_with("id") || k.ends_with("番号") {
        Some(1)
    } else {
        None
    }
}

/// Age columns: 年代, 年齢.
pub fn is_age_header(header: &str) -> bool {
    contains_any(header, &["年代", "年齢", "年令"])
}

/// Employment-type columns: 雇用形態, 任用形態, 職員区分 …
pub fn is_employment_header(header: &str) -> bool {
    contains_any(
        header,
        &[
            "雇用",
            "任用",
            "職員区分",
            "身分",
            "勤務形態",
            "正規・非正規",
        ],
    )
}

/// Attribute columns and the ASCII id proposed for them: 所属 → `department`.
pub fn attribute_id(header: &str) -> Option<&'static str> {
    let table: [(&[&str], &str); 6] = [
        (
            &["所属", "部署", "部局", "部課", "課名", "部名", "職場"],
            "department",
        ),
        (&["職位", "役職", "職層", "職級", "職階"], "position"),
        (&["職種"], "job"),
        (&["性別"], "gender"),
        (&["勤続", "在職", "経験年数", "勤務年数"], "tenure"),
        (&["地区", "勤務地"], "area"),
    ];
    table
        .iter()
        .find(|(words, _)| contains_any(header, words))
        .map(|(_, id)| *id)
}

/// Free-text questions by their wording: ご意見, 自由記述 …
pub fn is_free_text_header(header: &str) -> bool {
    contains_any(
        header,
        &[
            "自由",
            "意見",
            "記述",
            "コメント",
            "感想",
            "要望",
            "具体的に",
        ],
    )
}

/// Negative statements, where agreeing is bad: 辞めたい, 転職したい …
pub fn is_negative_statement(label: &str) -> bool {
    contains_any(
        label,
        &[
            "辞めたい",
            "やめたい",
            "転職したい",
            "退職したい",
            "離職したい",
            "ストレスを感じ",
            "不安を感じ",
            "負担を感じ",
            "ハラスメントを受け",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_numbers_are_stripped() {
        for h in [
            "問3 仕事にやりがいを感じている",
            "問３　仕事にやりがいを感じている",
            "Q3. 仕事にやりがいを感じている",
            "Q3仕事にやりがいを感じている",
            "3. 仕事にやりがいを感じている",
            "3．仕事にやりがいを感じている",
            "【問3】仕事にやりがいを感じている",
            "(3) 仕事にやりがいを感じている",
            "問3-1 仕事にやりがいを感じている",
            "設問3：仕事にやりがいを感じている",
        ] {
            assert_eq!(strip_number(h), "仕事にやりがいを感じている", "{h}");
        }
        assert_eq!(number_of("問3 年代").as_deref(), Some("問3"));
        // Not question numbers.
        for h in [
            "30歳代の職員が多い",
            "仕事にやりがいを感じている",
            "2024",
            "Quality",
        ] {
            assert_eq!(strip_number(h), h, "{h}");
        }
        assert_eq!(number_of("年代"), None);
    }

    #[test]
    fn grid_items_become_labels() {
        let h = "以下の項目について [仕事にやりがいを感じている]";
        assert_eq!(
            grid_item(h),
            Some(("以下の項目について", "仕事にやりがいを感じている"))
        );
        assert_eq!(label(h), "仕事にやりがいを感じている");
        assert_eq!(
            label("問5 次の項目についてお答えください［人事評価が適切に行われている］"),
            "人事評価が適切に行われている"
        );
        assert_eq!(grid_item("[仕事]"), None);
        assert_eq!(label("問7 ストレス要因（複数回答可）"), "ストレス要因");
        assert_eq!(
            label("職場研修（OJT）が適切に行われている"),
            "職場研修（OJT）が適切に行われている"
        );
    }

    #[test]
    fn special_columns_are_recognised_by_their_headers() {
        assert!(is_timestamp_header("タイムスタンプ"));
        assert!(is_timestamp_header("回答日時"));
        assert!(is_email_header("メールアドレス"));
        assert!(is_email_header("E-mail"));
        assert_eq!(id_header_rank("回答ID"), Some(0));
        assert_eq!(id_header_rank("回答ＩＤ"), Some(0));
        assert_eq!(id_header_rank("職員番号"), Some(1));
        assert_eq!(id_header_rank("年代"), None);
        assert!(is_age_header("問1 年代"));
        assert!(is_employment_header("雇用形態"));
        assert_eq!(attribute_id("所属"), Some("department"));
        assert_eq!(attribute_id("問2 職位"), Some("position"));
        assert_eq!(attribute_id("仕事にやりがいを感じている"), None);
        assert!(is_negative_statement(
            "仕事を辞めたい（転職したい）と思うことがある"
        ));
        assert!(!is_negative_statement("仕事にやりがいを感じている"));
    }
}
