//! Answer scales: the Japanese scales that staff surveys use (agree 4- and 5-point,
//! satisfaction, frequency, yes/no) with their usual spelling variants; matching a column's
//! answers to them and writing the scale with the spellings found as aliases.

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
        levels: &[
            &["満足", "満足している"],
            &[
                "やや満足",
                "どちらかと言えば満足",
                "どちらかといえば満足",
                "まあ満足",
            ],
            &["やや不満", "どちらかと言えば不満", "どちらかといえば不満"],
            &["不満", "不満である"],
        ],
        positive: 2,
        neutral: 0,
    },
    KnownScale {
        id: "satisfaction5",
        name: "満足度5段階（満足～不満、中間に「どちらともいえない」）",
        levels: &[
            &["満足", "満足している"],
            &[
                "やや満足",
                "どちらかと言えば満足",
                "どちらかといえば満足",
                "まあ満足",
            ],
            &[
                "どちらともいえない",
                "どちらとも言えない",
                "どちらでもない",
                "普通",
                "ふつう",
            ],
            &["やや不満", "どちらかと言えば不満", "どちらかといえば不満"],
            &["不満", "不満である"],
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
    /// Made from observed answers (order and `positive` to be checked by the user).
    pub custom: bool,
    /// Japanese description for the comment.
    pub name: String,
}

/// Share of a column's answers that must be levels of a known scale for it to be one.
pub const MIN_COVERAGE: f64 = 0.9;

/// The known scale that a column's answers fit: at least [`MIN_COVERAGE`] of the answers
/// are its levels (the rest are reported by `check`), at least two levels are used; among
/// several, the best covered, then the one with the fewest unused levels.
pub fn match_known(values: &[ValueCount]) -> Option<usize> {
    let total: usize = values.iter().map(|v| v.count).sum();
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
/// not; every other spelling found becomes an alias.
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
        found.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
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
        custom: false,
        name: scale.name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vc(label: &str, count: usize) -> ValueCount {
        ValueCount {
            key: normalize_label(label),
            label: label.to_string(),
            count,
        }
    }

    #[test]
    fn agree_scales_with_spelling_variants() {
        let values = vec![
            vc("そう思う", 40),
            vc("どちらかといえばそう思う", 30),
            vc("どちらかと言えばそう思う", 5),
            vc("どちらかと言えばそう思わない", 20),
            vc("そう思わない", 10),
            vc("わからない", 1),
        ];
        let k = match_known(&values).unwrap();
        assert_eq!(KNOWN[k].id, "agree4");
        let refs: Vec<&ValueCount> = values.iter().collect();
        let def = build_known(k, &refs);
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
    }

    #[test]
    fn five_point_scales_have_a_neutral_middle() {
        let values = vec![
            vc("そう思う", 10),
            vc("ややそう思う", 10),
            vc("どちらともいえない", 10),
            vc("あまりそう思わない", 10),
            vc("そう思わない", 10),
        ];
        let k = match_known(&values).unwrap();
        assert_eq!(KNOWN[k].id, "agree5");
        let refs: Vec<&ValueCount> = values.iter().collect();
        let def = build_known(k, &refs);
        assert_eq!((def.positive, def.neutral), (2, 1));
        // Only the variant was found: it is written as the level, with no alias.
        assert_eq!(def.levels[1], "ややそう思う");
        assert!(def.aliases.is_empty());
        let sat = [
            vc("満足", 5),
            vc("やや満足", 5),
            vc("どちらともいえない", 5),
            vc("やや不満", 5),
            vc("不満", 5),
        ];
        assert_eq!(KNOWN[match_known(&sat).unwrap()].id, "satisfaction5");
        let sat4 = [
            vc("満足", 5),
            vc("やや満足", 5),
            vc("やや不満", 5),
            vc("不満", 5),
        ];
        assert_eq!(KNOWN[match_known(&sat4).unwrap()].id, "satisfaction4");
    }

    #[test]
    fn frequency_and_yes_no() {
        let f = [
            vc("よくある", 3),
            vc("時々ある", 4),
            vc("あまりない", 5),
            vc("全くない", 2),
        ];
        assert_eq!(KNOWN[match_known(&f).unwrap()].id, "frequency4");
        let y = [vc("はい", 3), vc("いいえ", 4)];
        assert_eq!(KNOWN[match_known(&y).unwrap()].id, "yesno");
        let a = [vc("ある", 3), vc("ない", 4)];
        assert_eq!(KNOWN[match_known(&a).unwrap()].id, "exists");
        // Too many unknown answers: not a scale.
        let mixed = [vc("はい", 3), vc("いいえ", 4), vc("たぶん", 3)];
        assert_eq!(match_known(&mixed), None);
    }
}
