//! Answer scales: the Japanese scales that staff surveys use (agree 4- and 5-point,
//! satisfaction, frequency, yes/no) with their usual spelling variants; matching a column's
//! answers to them and writing the scale with the spellings found as aliases, and the
//! answers that mean "no answer" (わからない, 該当なし …) as `missing`.

use super::profile::ValueCount;
use crate::normalize::normalize_label;

/// A scale init knows: levels from the most agreeing, each with its usual spellings (the
/// first is the one written as the level).
pub struct KnownScale {
    pub id: &'static str,
    /// Japanese description for comments.
    pub name: &'static str,
    pub levels: &'static [&'static [&'static str]],
    pub positive: usize,
    pub neutral: usize,
}

const AGREE_POS: &[&str] = &[
    "どちらかと言えばそう思う",
    "どちらかといえばそう思う",
    "ややそう思う",
];
const AGREE_NEG: &[&str] = &[
    "どちらかと言えばそう思わない",
    "どちらかといえばそう思わない",
    "あまりそう思わない",
];
const NEUTRAL: &[&str] = &["どちらともいえない", "どちらとも言えない", "どちらでもない"];
const SATISFIED: &[&str] = &["満足", "満足している"];
const SATISFIED_MILD: &[&str] = &[
    "やや満足",
    "どちらかと言えば満足",
    "どちらかといえば満足",
    "まあ満足",
];
const DISSATISFIED_MILD: &[&str] = &["やや不満", "どちらかと言えば不満", "どちらかといえば不満"];
const DISSATISFIED: &[&str] = &["不満", "不満である"];

/// The scales init recognises, in order of preference when several fit.
pub const KNOWN: &[KnownScale] = &[
    KnownScale {
        id: "agree4",
        name: "4段階（そう思う～そう思わない）",
        levels: &[&["そう思う"], AGREE_POS, AGREE_NEG, &["そう思わない"]],
        positive: 2,
        neutral: 0,
    },
    KnownScale {
        id: "agree5",
        name: "5段階（そう思う～そう思わない、中間に「どちらともいえない」）",
        levels: &[
            &["そう思う"],
            AGREE_POS,
            NEUTRAL,
            AGREE_NEG,
            &["そう思わない"],
        ],
        positive: 2,
        neutral: 1,
    },
    KnownScale {
        id: "satisfaction4",
        name: "満足度4段階（満足～不満）",
        levels: &[SATISFIED, SATISFIED_MILD, DISSATISFIED_MILD, DISSATISFIED],
        positive: 2,
        neutral: 0,
    },
    KnownScale {
        id: "satisfaction5",
        name: "満足度5段階（満足～不満、中間に「どちらともいえない」）",
        levels: &[
            SATISFIED,
            SATISFIED_MILD,
            &[
                "どちらともいえない",
                "どちらとも言えない",
                "どちらでもない",
                "普通",
                "ふつう",
            ],
            DISSATISFIED_MILD,
            DISSATISFIED,
        ],
        positive: 2,
        neutral: 1,
    },
    KnownScale {
        id: "frequency4",
        name: "頻度4段階（よくある～まったくない）",
        levels: &[
            &["よくある", "よくあった"],
            &[
                "ときどきある",
                "時々ある",
                "たまにある",
                "ときどきあった",
                "時々あった",
            ],
            &["あまりない", "あまりなかった"],
            &[
                "まったくない",
                "全くない",
                "まったくなかった",
                "全くなかった",
            ],
        ],
        positive: 2,
        neutral: 0,
    },
    KnownScale {
        id: "yesno",
        name: "はい／いいえ",
        levels: &[&["はい"], &["いいえ"]],
        positive: 1,
        neutral: 0,
    },
    KnownScale {
        id: "exists",
        name: "ある／ない",
        levels: &[&["ある", "あり", "有"], &["ない", "なし", "無"]],
        positive: 1,
        neutral: 0,
    },
];

/// Answers that mean "no answer" rather than a level: written as a scale's `missing`, so that
/// `run` counts them as 無回答 and not as data problems.
pub const NO_ANSWER: [&str; 9] = [
    "わからない",
    "分からない",
    "わかりません",
    "該当なし",
    "該当しない",
    "不明",
    "無回答",
    "回答しない",
    "答えたくない",
];

/// Whether a normalised answer means "no answer" (one of [`NO_ANSWER`]).
pub fn is_no_answer(key: &str) -> bool {
    NO_ANSWER.iter().any(|w| normalize_label(w) == key)
}

/// The "no answer" spellings among `values` (most frequent first, as written) that are not
/// levels (`is_level`): what a scale's `missing` lists.
pub fn no_answer_labels<'a>(
    values: impl IntoIterator<Item = &'a ValueCount>,
    is_level: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut found: Vec<&ValueCount> = values
        .into_iter()
        .filter(|v| is_no_answer(&v.key) && !is_level(&v.key))
        .collect();
    found.sort_by(|a, b| ValueCount::most_first(a, b));
    let mut out: Vec<String> = Vec::new();
    for v in found {
        if !out.iter().any(|o| normalize_label(o) == v.key) {
            out.push(v.label.clone());
        }
    }
    out
}

impl KnownScale {
    /// The level of a normalised answer.
    pub fn level_of(&self, key: &str) -> Option<usize> {
        self.levels
            .iter()
            .position(|spellings| spellings.iter().any(|s| normalize_label(s) == key))
    }
}

/// A scale as it will be written.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleDef {
    pub id: String,
    pub levels: Vec<String>,
    pub positive: usize,
    pub neutral: usize,
    /// (other spelling, level) pairs.
    pub aliases: Vec<(String, String)>,
    /// Answers found that mean "no answer" (わからない …), counted as 無回答.
    pub missing: Vec<String>,
    /// Made from observed answers (order and `positive` to be checked by the user).
    pub custom: bool,
    /// Japanese description for the comment.
    pub name: String,
}

impl ScaleDef {
    /// The levels normalised: two new scales with the same keys are one scale.
    pub fn level_keys(&self) -> Vec<String> {
        self.levels.iter().map(|l| normalize_label(l)).collect()
    }
}

/// Share of a column's answers that must be levels of a known scale for it to be one.
pub const MIN_COVERAGE: f64 = 0.9;

/// The known scale that a column's answers fit: at least [`MIN_COVERAGE`] of the answers
/// other than "no answer" words are its levels (the rest are reported by `check`), at least
/// two levels are used; among several, the best covered, then the one with the fewest
/// unused levels.
pub fn match_known(values: &[ValueCount]) -> Option<usize> {
    let total: usize = values
        .iter()
        .filter(|v| !is_no_answer(&v.key))
        .map(|v| v.count)
        .sum();
    if total == 0 {
        return None;
    }
    let mut best: Option<(usize, usize, usize)> = None; // (scale, covered, unused)
    for (k, scale) in KNOWN.iter().enumerate() {
        let mut covered = 0;
        let mut used = vec![false; scale.levels.len()];
        for v in values {
            if let Some(l) = scale.level_of(&v.key) {
                covered += v.count;
                used[l] = true;
            }
        }
        let used_n = used.iter().filter(|u| **u).count();
        if used_n < 2 || (covered as f64) < MIN_COVERAGE * total as f64 {
            continue;
        }
        let unused = scale.levels.len() - used_n;
        let better = match best {
            None => true,
            Some((_, c, u)) => covered > c || (covered == c && unused < u),
        };
        if better {
            best = Some((k, covered, unused));
        }
    }
    best.map(|(k, _, _)| k)
}

/// The definition of known scale `k` for the answers of every column that uses it: a level
/// is written as its standard spelling, or as the spelling found when the standard one is
/// not; every other spelling found becomes an alias; "no answer" words found are `missing`.
pub fn build_known(k: usize, values: &[&ValueCount]) -> ScaleDef {
    let scale = &KNOWN[k];
    let mut levels = Vec::new();
    let mut aliases = Vec::new();
    for (l, spellings) in scale.levels.iter().enumerate() {
        let standard = normalize_label(spellings[0]);
        let mut found: Vec<&ValueCount> = values
            .iter()
            .copied()
            .filter(|v| scale.level_of(&v.key) == Some(l))
            .collect();
        found.sort_by(|a, b| ValueCount::most_first(a, b));
        let label = if found.is_empty() || found.iter().any(|v| v.key == standard) {
            spellings[0].to_string()
        } else {
            found[0].label.clone()
        };
        let label_key = normalize_label(&label);
        for v in found {
            if v.key != label_key
                && !aliases
                    .iter()
                    .any(|(a, _): &(String, String)| normalize_label(a) == v.key)
            {
                aliases.push((v.label.clone(), label.clone()));
            }
        }
        levels.push(label);
    }
    ScaleDef {
        id: scale.id.to_string(),
        levels,
        positive: scale.positive,
        neutral: scale.neutral,
        aliases,
        missing: no_answer_labels(values.iter().copied(), |key| scale.level_of(key).is_some()),
        custom: false,
        name: scale.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::init::profile::vc;

    /// The id of the known scale `values` fit and its definition for them.
    fn known(values: &[ValueCount]) -> (&'static str, ScaleDef) {
        let k = match_known(values).expect("a known scale");
        (
            KNOWN[k].id,
            build_known(k, &values.iter().collect::<Vec<_>>()),
        )
    }

    /// The id of the known scale `values` fit, if any.
    fn known_id(values: &[ValueCount]) -> Option<&'static str> {
        match_known(values).map(|k| KNOWN[k].id)
    }

    #[test]
    fn agree_scales_with_spelling_variants() {
        let (id, def) = known(&[
            vc("そう思う", 40),
            vc("どちらかといえばそう思う", 30),
            vc("どちらかと言えばそう思う", 5),
            vc("どちらかと言えばそう思わない", 20),
            vc("そう思わない", 10),
            vc("わからない", 1),
        ]);
        assert_eq!(id, "agree4");
        // The standard spelling was found, so it is the level; the variant is an alias.
        assert_eq!(def.levels[1], "どちらかと言えばそう思う");
        assert_eq!(
            def.aliases,
            vec![(
                "どちらかといえばそう思う".to_string(),
                "どちらかと言えばそう思う".to_string()
            )]
        );
        assert_eq!(def.positive, 2);
        // わからない is no level: declared as missing (counted as 無回答, not a problem).
        assert_eq!(def.missing, vec!["わからない".to_string()]);
    }

    #[test]
    fn no_answer_words_do_not_count_against_a_scale() {
        // 20% 該当なし / 分からない: still the yes/no scale, both spellings as missing.
        let (id, def) = known(&[
            vc("はい", 40),
            vc("いいえ", 40),
            vc("該当なし", 15),
            vc("分からない", 5),
        ]);
        assert_eq!(id, "yesno");
        assert_eq!(def.missing, vec!["該当なし", "分からない"]);
        assert!(is_no_answer(&normalize_label("わから ない")));
        assert!(!is_no_answer("そう思わない"));
    }

    #[test]
    fn five_point_scales_have_a_neutral_middle() {
        let (id, def) = known(&[
            vc("そう思う", 10),
            vc("ややそう思う", 10),
            vc("どちらともいえない", 10),
            vc("あまりそう思わない", 10),
            vc("そう思わない", 10),
        ]);
        assert_eq!(id, "agree5");
        assert_eq!((def.positive, def.neutral), (2, 1));
        // Only the variant was found: it is written as the level, with no alias.
        assert_eq!(def.levels[1], "ややそう思う");
        assert!(def.aliases.is_empty());
        let sat = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"];
        let sat: Vec<ValueCount> = sat.iter().map(|l| vc(l, 5)).collect();
        assert_eq!(known_id(&sat), Some("satisfaction5"));
        let sat4: Vec<ValueCount> = sat
            .into_iter()
            .filter(|v| v.key != "どちらともいえない")
            .collect();
        assert_eq!(known_id(&sat4), Some("satisfaction4"));
    }

    #[test]
    fn frequency_and_yes_no() {
        let f = [
            vc("よくある", 3),
            vc("時々ある", 4),
            vc("あまりない", 5),
            vc("全くない", 2),
        ];
        assert_eq!(known_id(&f), Some("frequency4"));
        assert_eq!(known_id(&[vc("はい", 3), vc("いいえ", 4)]), Some("yesno"));
        assert_eq!(known_id(&[vc("ある", 3), vc("ない", 4)]), Some("exists"));
        // Too many unknown answers: not a scale.
        let mixed = [vc("はい", 3), vc("いいえ", 4), vc("たぶん", 3)];
        assert_eq!(known_id(&mixed), None);
    }
}
