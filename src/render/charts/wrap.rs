//! Japanese-aware line wrapping of chart labels and titles: breaks between characters with the
//! kinsoku rules for punctuation and small kana, unbroken ASCII runs, and truncation with "…".

use super::font::{char_width_em, text_width};

/// Characters that must not start a line (行頭禁則).
const NO_LINE_START: &str =
    "、。，．・：；？！ー～）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々,.:;?!)]}%％";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（「『【〔〈《([{";

/// Wraps `text` into lines no wider than `max_w` pixels at font size `px`, with at most
/// `max_lines` lines; the last line ends with "…" when text had to be dropped.
///
/// Breaks may fall between any two characters (Japanese has no spaces), except that closing
/// punctuation and small kana stay at the end of the previous line (they may then overhang a
/// little), opening brackets move to the next line, and runs of ASCII letters/digits are not
/// split. Explicit '\n' characters force a break.
pub(super) fn wrap_text(text: &str, px: f64, max_w: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<char> = Vec::new();
        let mut width = 0.0;
        for c in paragraph.chars() {
            let cw = char_width_em(c) * px;
            if !line.is_empty() && width + cw > max_w && !NO_LINE_START.contains(c) {
                let mut carry: Vec<char> = Vec::new();
                if c.is_ascii_alphanumeric() {
                    let run = line
                        .iter()
                        .rev()
                        .take_while(|ch| ch.is_ascii_alphanumeric() || **ch == '.')
                        .count();
                    if run < line.len() {
                        carry = line.split_off(line.len() - run);
                    }
                }
                while line.len() > 1 && line.last().is_some_and(|l| NO_LINE_END.contains(*l)) {
                    if let Some(l) = line.pop() {
                        carry.insert(0, l);
                    }
                }
                lines.push(line.iter().collect());
                width = carry.iter().map(|ch| char_width_em(*ch) * px).sum();
                line = carry;
            }
            line.push(c);
            width += cw;
        }
        lines.push(line.iter().collect());
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
}
