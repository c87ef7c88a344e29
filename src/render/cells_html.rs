//! Text as HTML: escaping for element content and attribute values, and table cells in which
//! no label or number breaks over two lines (the templates' `cell` and `header` filters).

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// Japanese opening brackets: a line may break before them.
const OPENING: &str = "（［「『【〔｛〈《";
/// Closing brackets and punctuation: a line may break after them.
const CLOSING: &str = "）］」』】〕｝〉》、。・，．：；！？";
/// Cell labels up to this many characters (教育委員会, 会計年度任用職員, 遅れ,
/// 自己啓発に取り組んでいる) never break: a short question label broken in two reads as two
/// words. Headers keep pieces of up to [`HEADER_CHARS`] (a level such as
/// どちらかと言えばそう思う may break between its phrases, so wide tables still fit).
const LABEL_CHARS: usize = 12;
const HEADER_CHARS: usize = 8;

/// A cell's text as HTML in which no label or number can break over two lines: the text is
/// cut at white space, before opening brackets and after closing ones and 、。・ (where Japanese
/// lines may always break); a piece that is short (a label) or holds a digit (58.1–66.0,
/// n=1185, 10～20歳代) is kept on one line; longer prose breaks between phrases (CSS
/// `word-break: auto-phrase`), with only its numbers and their units kept whole (the 30歳代 of
/// 仕事を辞めたいと思うことがある30歳代以下の職員の割合), so a long name with a number in it
/// cannot widen its column past the page.
pub fn cell_html(text: &str) -> String {
    pieces_html(text, LABEL_CHARS)
}

/// [`cell_html`] for a header cell.
pub fn header_html(text: &str) -> String {
    pieces_html(text, HEADER_CHARS)
}

fn pieces_html(text: &str, label_chars: usize) -> String {
    let mut out = String::new();
    let mut piece = String::new();
    let flush = |piece: &mut String, out: &mut String| {
        if piece.is_empty() {
            return;
        }
        let chars = piece.chars().count();
        let digits = piece.chars().any(|c| c.is_ascii_digit());
        if chars > label_chars && digits && piece.chars().any(is_prose) {
            out.push_str(&numbers_whole(piece));
            piece.clear();
            return;
        }
        let keep = chars <= label_chars || digits;
        if keep && chars > 1 {
            out.push_str(&format!("<span class=\"nw\">{}</span>", escape(piece)));
        } else {
            out.push_str(&escape(piece));
        }
        piece.clear();
    };
    for c in text.chars() {
        if c.is_whitespace() {
            flush(&mut piece, &mut out);
            out.push_str(&escape(&c.to_string()));
            continue;
        }
        if OPENING.contains(c) {
            flush(&mut piece, &mut out);
        }
        piece.push(c);
        if CLOSING.contains(c) {
            flush(&mut piece, &mut out);
        }
    }
    flush(&mut piece, &mut out);
    out
}

/// Characters of a number as written in a cell: digits, Latin letters and the marks between
/// them (58.1–66.0, n=1185, 10～20).
fn is_number_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".,%–-～〜/=:*".contains(c)
}

/// Kana and kanji: what a long prose piece is made of.
fn is_prose(c: char) -> bool {
    !c.is_ascii() && !is_number_char(c)
}

/// A long prose piece with numbers in it: each number with the two characters after it (its
/// unit: 歳代, 時間, 人) kept whole, the rest free to break between phrases.
fn numbers_whole(piece: &str) -> String {
    let chars: Vec<char> = piece.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push_str(&escape(&chars[i].to_string()));
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_number_char(chars[i]) {
            i += 1;
        }
        let end = (i + 2).min(chars.len());
        let unit_end = (i..end)
            .take_while(|&k| is_prose(chars[k]))
            .last()
            .map_or(i, |k| k + 1);
        let number: String = chars[start..unit_end].iter().collect();
        out.push_str(&format!("<span class=\"nw\">{}</span>", escape(&number)));
        i = unit_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numbers_stay_whole_and_prose_may_break() {
        assert_eq!(cell_html("遅れ"), "<span class=\"nw\">遅れ</span>");
        assert_eq!(
            cell_html("78.1 (75.7–80.4) n=1185*"),
            "<span class=\"nw\">78.1</span> <span class=\"nw\">(75.7–80.4)</span> <span class=\"nw\">n=1185*</span>"
        );
        // Cut after 、 and before （: a long prose piece (19 characters, may break between
        // phrases), then two short ones kept whole.
        assert_eq!(
            cell_html("職場内のコミュニケーションや情報共有、積極的な意見交換（否定的設問）"),
            "職場内のコミュニケーションや情報共有、<span class=\"nw\">積極的な意見交換</span><span class=\"nw\">（否定的設問）</span>"
        );
        // Headers keep only pieces of up to 8 characters whole.
        assert_eq!(
            header_html("どちらかと言えばそう思う"),
            "どちらかと言えばそう思う"
        );
        assert_eq!(cell_html("<b>"), "<span class=\"nw\">&lt;b&gt;</span>");
        // A long name with a number: the number and its unit stay whole, the prose may break.
        assert_eq!(
            cell_html("仕事を辞めたいと思うことがある30歳代以下の職員の割合"),
            "仕事を辞めたいと思うことがある<span class=\"nw\">30歳代</span>以下の職員の割合"
        );
        // A short label with a number stays whole.
        assert_eq!(
            cell_html("10～20歳代"),
            "<span class=\"nw\">10～20歳代</span>"
        );
        assert_eq!(cell_html("<"), "&lt;");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("やりがい有"), "やりがい有");
    }
}
