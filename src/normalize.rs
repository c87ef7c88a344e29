//! Normalising labels from form tools and Excel before they are compared.
//!
//! Two labels are the same answer when they are equal after NFKC (full-width letters and digits
//! and half-width katakana become their standard forms), wave dashes (〜 U+301C, ～ U+FF5E
//! and ~) are unified, and every space (including the full-width U+3000) is removed.

use unicode_normalization::UnicodeNormalization;

/// The comparison key of a label: NFKC, one wave dash, no white space.
pub fn normalize_label(text: &str) -> String {
    // Printable ASCII other than `~` is its own key (NFKC leaves it as it is): ids and
    // numbers, the most common cells, skip the normalising iterator.
    if text.bytes().all(|b| b.is_ascii_graphic() && b != b'~') {
        return text.to_string();
    }
    text.nfkc()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{301C}' | '\u{FF5E}' | '~' | '\u{2053}' => '～',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_spaces_and_dashes_are_unified() {
        assert_eq!(normalize_label("そう思う　"), "そう思う");
        assert_eq!(
            normalize_label(" どちらかと言えば　そう思う"),
            "どちらかと言えばそう思う"
        );
        assert_eq!(
            normalize_label("職場のｺﾐｭﾆｹｰｼｮﾝの円滑化"),
            "職場のコミュニケーションの円滑化"
        );
        assert_eq!(normalize_label("６０歳以上"), "60歳以上");
        assert_eq!(normalize_label("60歳代〜"), normalize_label("60歳代～"));
        assert_eq!(normalize_label("10~20歳代"), normalize_label("10～20歳代"));
        // ASCII: kept as it is, except spaces and the tilde.
        assert_eq!(normalize_label("R6-000123"), "R6-000123");
        assert_eq!(normalize_label(" A 1 "), "A1");
        assert_eq!(normalize_label("10~20"), "10～20");
    }

    #[test]
    fn different_labels_stay_different() {
        assert_ne!(normalize_label("そう思う"), normalize_label("そう思わない"));
    }
}
