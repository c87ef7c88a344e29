//! Which label an unmatched value is probably a spelling of.
//!
//! Two tests, after the usual normalisation (`normalize_label`): the same reading, where the
//! kanji and kana spellings that survey forms mix are folded to one (どちらかと言えば ⇄
//! どちらかといえば, 思はない ⇄ 思わない, カタカナ ⇄ ひらがな); or a small edit distance
//! (at most 2 characters, and under a quarter of the label). A suggestion is made only when one
//! label is closest; a tie suggests nothing.

use crate::normalize::normalize_label;

/// Why a value is thought to be a spelling of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closeness {
    /// Same reading, different kanji/kana spelling.
    Reading,
    /// A few characters differ.
    Spelling { distance: usize },
}

impl Closeness {
    /// Japanese wording for tables and messages.
    pub fn japanese(self) -> String {
        match self {
            Closeness::Reading => "読みが同じ".into(),
            Closeness::Spelling { distance } => format!("{distance} 文字違い"),
        }
    }
}

/// Spellings folded to one reading: longer patterns first.
const READINGS: &[(&str, &str)] = &[
    ("言え", "いえ"),
    ("言う", "いう"),
    ("云え", "いえ"),
    ("思", "おも"),
    ("無い", "ない"),
    ("無く", "なく"),
    ("有る", "ある"),
    ("有り", "あり"),
    ("良い", "よい"),
    ("全く", "まったく"),
    ("全然", "ぜんぜん"),
    ("少し", "すこし"),
    ("出来", "でき"),
    ("時々", "ときどき"),
    ("余り", "あまり"),
    ("殆ど", "ほとんど"),
    ("分から", "わから"),
    ("解ら", "わから"),
    ("判ら", "わから"),
    ("其の", "その"),
    ("様", "よう"),
    // Historical kana spelling of negatives: 思はない → 思わない.
    ("はない", "わない"),
];

/// The reading key of a label: normalised, katakana as hiragana, kanji spellings folded.
pub fn reading_key(text: &str) -> String {
    let mut s: String = normalize_label(text)
        .chars()
        .map(|c| match c {
            // Katakana ァ..ヶ → hiragana ぁ..ゖ
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect();
    for (from, to) in READINGS {
        s = s.replace(from, to);
    }
    s
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The index of the one label `value` is closest to, and why; `None` when none is close or
/// two are equally close.
pub fn closest(value: &str, labels: &[String]) -> Option<(usize, Closeness)> {
    let key = reading_key(value);
    let same_reading: Vec<usize> = (0..labels.len())
        .filter(|&i| reading_key(&labels[i]) == key)
        .collect();
    if let [i] = same_reading[..] {
        return Some((i, Closeness::Reading));
    }
    if same_reading.len() > 1 {
        return None;
    }
    let v = normalize_label(value);
    let distances: Vec<(usize, usize)> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (i, edit_distance(&v, &normalize_label(l))))
        .collect();
    let best = distances.iter().map(|(_, d)| *d).min()?;
    let at_best: Vec<usize> = distances
        .iter()
        .filter(|(_, d)| *d == best)
        .map(|(i, _)| *i)
        .collect();
    let [i] = at_best[..] else {
        return None;
    };
    let len = normalize_label(&labels[i]).chars().count();
    (best >= 1 && best <= 2 && best * 4 < len.max(1))
        .then_some((i, Closeness::Spelling { distance: best }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree4() -> Vec<String> {
        [
            "そう思う",
            "どちらかと言えばそう思う",
            "どちらかと言えばそう思わない",
            "そう思わない",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn readings_fold_kanji_and_kana_spellings() {
        let l = agree4();
        assert_eq!(
            closest("どちらかといえばそう思う", &l),
            Some((1, Closeness::Reading))
        );
        assert_eq!(
            closest("どちらかといえばそうおもわない", &l),
            Some((2, Closeness::Reading))
        );
        assert_eq!(closest("そう思はない", &l), Some((3, Closeness::Reading)));
        assert_eq!(closest("ソウ思ウ", &l), Some((0, Closeness::Reading)));
    }

    #[test]
    fn small_spelling_slips_are_suggested_and_far_values_are_not() {
        let l = agree4();
        // One character dropped: hand-counted distance 1.
        assert_eq!(
            closest("どちらかと言えばそう思わな", &l),
            Some((2, Closeness::Spelling { distance: 1 }))
        );
        assert_eq!(closest("わからない", &l), None);
        assert_eq!(closest("はい", &l), None);
        // Short labels need a proportionally small difference: 4 characters, distance 1 is
        // exactly a quarter, refused.
        assert_eq!(closest("そう思え", &l), None);
    }

    #[test]
    fn edit_distance_matches_hand_counts() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("そう思う", "そう思わない"), 3);
    }

    #[test]
    fn ties_suggest_nothing() {
        let l = ["ab".to_string(), "ac".to_string()];
        assert_eq!(closest("ad", &l), None);
    }
}
