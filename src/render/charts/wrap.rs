//! Japanese-aware line wrapping of chart labels and titles: where a line may break (between
//! characters, with the kinsoku rules for punctuation and small kana, never inside a token such
//! as an ASCII word, a number with its counter, or a range like 10～20歳代), greedy wrapping to
//! a width with truncation by "…", and fitting a short label such as a column header without
//! breaking it (a smaller font first, then breaks only at real boundaries).

use super::font::{char_width_em, text_width};

/// Characters that must not start a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．・：；？！ー～）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々,.:;?!)]}%％";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（「『【〔〈《([{";
/// Range marks joining two numbers into one token (10～20).
const RANGE_MARKS: &str = "～〜~-－";
/// Most ideographs of a counter kept with the number before it (歳, 歳代, 年度, 時間).
const COUNTER_LEN: usize = 2;
/// Era names kept with the year after them (令和6年度).
const ERAS: [&str; 3] = ["令和", "平成", "昭和"];
/// Characters after which a short label may break (real boundaries between words).
const BOUNDARY_AFTER: &str = " 　・／/、，,";
/// Characters before which a short label may break.
const BOUNDARY_BEFORE: &str = " 　（(「『【";

/// A letter or digit of a word: ASCII or full-width.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A CJK ideograph (kanji), or 々.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c) || c == '々'
}

/// Whether `chars[i - 1]` and `chars[i]` belong to one token that must not be split: a word
/// (ASCII or full-width letters and digits, with '.', ',' or ':' between them: OJT2024, 4.5),
/// a range of numbers (10～20), a number and the counter after it (30歳代, 12時間, 50%), or an
/// era and its year (令和6).
fn joined(chars: &[char], i: usize) -> bool {
    let (a, b) = (chars[i - 1], chars[i]);
    let before = |k: usize| i.checked_sub(k).map(|k| chars[k]);
    let after = chars.get(i + 1).copied();
    if is_word(a) && is_word(b) {
        return true;
    }
    // Separators inside a word or number: 4.5, 1,056, 12:30.
    let inner = |c: char| matches!(c, '.' | ',' | ':' | '．' | '，');
    if is_word(a) && inner(b) && after.is_some_and(is_word) {
        return true;
    }
    if inner(a) && is_word(b) && before(2).is_some_and(is_word) {
        return true;
    }
    // A range of numbers: 10～20.
    if is_digit(a) && RANGE_MARKS.contains(b) && after.is_some_and(is_digit) {
        return true;
    }
    if RANGE_MARKS.contains(a) && is_digit(b) && before(2).is_some_and(is_digit) {
        return true;
    }
    // An era and its year: 令和6.
    let era_at = |k: usize| {
        chars.get(k..k + 2).is_some_and(|pair| {
            let pair: String = pair.iter().collect();
            ERAS.contains(&pair.as_str())
        })
    };
    if is_digit(b) && i >= 2 && era_at(i - 2) {
        return true;
    }
    if era_at(i - 1) && after.is_some_and(is_digit) {
        return true;
    }
    // A number and its counter: 30歳代, 50%, 12時間.
    if is_digit(a) && (is_ideograph(b) || matches!(b, '%' | '％')) {
        return true;
    }
    if is_ideograph(a) && is_ideograph(b) {
        let run = chars[..i]
            .iter()
            .rev()
            .take_while(|c| is_ideograph(**c))
            .count();
        return run < COUNTER_LEN && i > run && is_digit(chars[i - 1 - run]);
    }
    false
}

/// Whether the kinsoku rules allow a break before `chars[i]`.
fn kinsoku_allows(chars: &[char], i: usize) -> bool {
    !NO_LINE_START.contains(chars[i]) && !NO_LINE_END.contains(chars[i - 1])
}

/// Whether a line may break before `chars[i]` (0 < i < len): the kinsoku rules allow it and it
/// is not inside a token.
pub(super) fn may_break(chars: &[char], i: usize) -> bool {
    i > 0 && i < chars.len() && kinsoku_allows(chars, i) && !joined(chars, i)
}

/// Whether a short label may break before `chars[i]` because a word ends there: after a space,
/// ・, ／ or 、, or before an opening bracket.
fn at_boundary(chars: &[char], i: usize) -> bool {
    may_break(chars, i)
        && (BOUNDARY_AFTER.contains(chars[i - 1]) || BOUNDARY_BEFORE.contains(chars[i]))
}

fn width_of(chars: &[char], px: f64) -> f64 {
    chars.iter().map(|c| char_width_em(*c) * px).sum()
}

/// Breaks one paragraph greedily into lines no wider than `max_w` at the positions `allowed`
/// accepts; `fallback` positions are used only when a line has no allowed one. A line with
/// neither overflows until its first possible break.
fn break_lines(
    chars: &[char],
    px: f64,
    max_w: f64,
    allowed: impl Fn(&[char], usize) -> bool,
    fallback: impl Fn(&[char], usize) -> bool,
) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < chars.len() {
        if i > start && width_of(&chars[start..=i], px) > max_w {
            let at = (start + 1..=i)
                .rev()
                .find(|&j| allowed(chars, j))
                .or_else(|| (start + 1..=i).rev().find(|&j| fallback(chars, j)));
            if let Some(at) = at {
                lines.push(chars[start..at].iter().collect());
                start = at;
                continue;
            }
        }
        i += 1;
    }
    lines.push(chars[start..].iter().collect());
    lines
}

/// Wraps `text` into lines no wider than `max_w` pixels at font size `px`, with at most
/// `max_lines` lines; the last line ends with "…" when text had to be dropped.
///
/// Breaks may fall between any two characters (Japanese has no spaces), except that closing
/// punctuation and small kana never start a line and opening brackets never end one (the
/// character before moves to the next line with them), and a token is never split: runs of
/// letters and digits (ASCII or full-width), numbers with their counter and ranges of numbers
/// (10～20歳代, 30歳代, 4.5点), an era and its year (令和6年度). Only a token wider than a whole
/// line is split, where the kinsoku rules allow. Explicit '\n' characters force a break.
pub(super) fn wrap_text(text: &str, px: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let chars: Vec<char> = paragraph.chars().collect();
        lines.extend(break_lines(&chars, px, max_w, may_break, kinsoku_allows));
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let mut chars: Vec<char> = last.chars().collect();
            while !chars.is_empty()
                && text_width(&chars.iter().collect::<String>(), px) + px > max_w
            {
                chars.pop();
            }
            *last = chars.iter().collect::<String>() + "…";
        }
    }
    lines
}

/// Lines of a short label (a column header, a group name) at font size `px` within `max_w`
/// pixels and `max_lines` lines without breaking a word: on one line, or broken only at real
/// boundaries (spaces, ・, ／, 、, before brackets). `None` when it does not fit so.
fn unbroken_lines(text: &str, px: f64, max_w: f64, max_lines: usize) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let lines = break_lines(&chars, px, max_w, at_boundary, |_, _| false);
    let fits = lines.len() <= max_lines && lines.iter().all(|l| text_width(l, px) <= max_w);
    fits.then_some(lines)
}

/// Short labels set at one font size so that no word is broken: the largest size from `px` down
/// to `min_px` (in half-pixel steps) at which each label fits `max_w` pixels in at most
/// `max_lines` lines, on one line or broken only at real boundaries (spaces, ・, ／, 、, before
/// brackets). A label that does not fit so even at `min_px` does not make the others smaller:
/// it gets [`wrap_text`]'s breaks (kinsoku, tokens kept whole) at the size chosen for the rest.
/// Returns the size and each label's lines.
pub(super) fn fit_labels(
    labels: &[String],
    px: f64,
    min_px: f64,
    max_w: f64,
    max_lines: usize,
) -> (f64, Vec<Vec<String>>) {
    let fitting: Vec<&String> = labels
        .iter()
        .filter(|l| unbroken_lines(l, min_px, max_w, max_lines).is_some())
        .collect();
    let steps = ((px - min_px) * 2.0).round().max(0.0) as usize;
    let size = (0..=steps)
        .map(|k| px - k as f64 / 2.0)
        .find(|&size| {
            fitting
                .iter()
                .all(|l| unbroken_lines(l, size, max_w, max_lines).is_some())
        })
        .unwrap_or(min_px);
    let lines = labels
        .iter()
        .map(|l| {
            unbroken_lines(l, size, max_w, max_lines)
                .unwrap_or_else(|| wrap_text(l, size, max_w, max_lines))
        })
        .collect();
    (size, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::charts::font::ensure_fonts;

    #[test]
    fn wrap_keeps_text_and_follows_kinsoku() {
        ensure_fonts().unwrap();
        let text =
            "上司は部下の意見や提案に耳を傾け、「報告・連絡・相談」がしやすい雰囲気をつくっている";
        let lines = wrap_text(text, 13.0, 13.0 * 10.0, 10);
        assert!(lines.len() >= 4, "{lines:?}");
        assert_eq!(lines.concat(), text);
        for l in &lines[1..] {
            let first = l.chars().next().unwrap();
            assert!(
                !NO_LINE_START.contains(first),
                "line starts with {first}: {lines:?}"
            );
        }
        for l in &lines[..lines.len() - 1] {
            let last = l.chars().last().unwrap();
            assert!(
                !NO_LINE_END.contains(last),
                "line ends with {last}: {lines:?}"
            );
        }
        // ASCII words and numbers are not split.
        let lines = wrap_text("あいうえおかきくけこ OJT2024研修", 10.0, 100.0, 5);
        assert!(lines.iter().any(|l| l.contains("OJT2024")), "{lines:?}");
        // Truncation keeps the line count and marks the cut.
        let lines = wrap_text(text, 13.0, 13.0 * 10.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(text_width(&lines[1], 13.0) <= 13.0 * 10.0 + 0.5);
        // Short text stays on one line; explicit newlines break.
        assert_eq!(wrap_text("短い", 13.0, 200.0, 2), vec!["短い"]);
        assert_eq!(
            wrap_text("一行目\n二行目", 13.0, 200.0, 2),
            vec!["一行目", "二行目"]
        );
        assert_eq!(wrap_text("", 13.0, 200.0, 2), vec![""]);
    }

    /// Whether any line of `lines` ends inside one of `tokens` (the token is split).
    fn splits(lines: &[String], tokens: &[&str]) -> bool {
        let text = lines.concat();
        let mut at = 0;
        lines[..lines.len() - 1].iter().any(|l| {
            at += l.chars().count();
            tokens.iter().any(|t| {
                text.match_indices(t).any(|(b, _)| {
                    let first = text[..b].chars().count();
                    first < at && at < first + t.chars().count()
                })
            })
        })
    }

    #[test]
    fn tokens_are_not_split() {
        ensure_fonts().unwrap();
        let tokens = [
            "10～20歳代",
            "60歳代",
            "4.5点",
            "OJT2024",
            "１２時間",
            "令和6年度",
        ];
        let text = "対象は10～20歳代と60歳代、満足度4.5点、OJT2024、月１２時間、令和6年度";
        // At every width from six characters up, no line ends inside a token.
        for chars in 6..30 {
            let lines = wrap_text(text, 12.0, 12.0 * chars as f64, 20);
            assert_eq!(lines.concat(), text);
            assert!(!splits(&lines, &tokens), "{chars}: {lines:?}");
        }
        // Tokens are found as such, and an ordinary word is still breakable.
        let chars: Vec<char> = "10～20歳代以下".chars().collect();
        assert!(
            (1..7).all(|i| !may_break(&chars, i)),
            "10～20歳代 is one token"
        );
        assert!(may_break(&chars, 7), "a break may follow the counter");
        let chars: Vec<char> = "教育委員会".chars().collect();
        assert!(may_break(&chars, 2));
    }

    #[test]
    fn short_labels_shrink_rather_than_break() {
        ensure_fonts().unwrap();
        let labels: Vec<String> = ["総務部", "教育委員会", "10～20歳代", "会計年度任用職員"]
            .map(String::from)
            .to_vec();
        // Too narrow for 12 px, wide enough for a smaller size: one line each.
        let max_w = text_width("会計年度任用職員", 11.0) + 0.5;
        let (px, lines) = fit_labels(&labels, 12.0, 10.0, max_w, 3);
        assert!(px < 12.0 && px >= 10.0, "{px}");
        for (label, l) in labels.iter().zip(&lines) {
            assert_eq!(l, &vec![label.clone()]);
        }
        // A label with a real boundary breaks there.
        let (_, lines) = fit_labels(&["市長部局・企業局".to_string()], 12.0, 12.0, 64.0, 3);
        assert_eq!(lines[0], ["市長部局・", "企業局"]);
        // A label too long for any size is wrapped with its tokens whole, and the others keep
        // the largest size.
        let long = "10～20歳代の会計年度任用職員".to_string();
        let (px, lines) = fit_labels(&[long, "総務部".into()], 12.0, 10.0, 72.0, 3);
        assert_eq!(px, 12.0);
        assert!(
            lines[0].len() > 1 && !splits(&lines[0], &["10～20歳代"]),
            "{lines:?}"
        );
        assert_eq!(lines[1], ["総務部"]);
    }
}
