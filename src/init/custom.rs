//! New scales built from the answers of a column that matches no known scale: graded
//! answers (`とても高い` / `高い` / `やや低い` / `低い`) ordered from the positive end by the
//! words they carry, or numbers (5 … 1) with the largest first. The order and `positive`
//! are guesses the pipeline file asks the user to check.

use super::profile::ValueCount;
use super::scales::ScaleDef;

/// How agreeing an answer sounds: > 0 positive (3 strong … 1 mild), 0 neutral, < 0 negative;
/// `None` when it carries no such word.
fn grade(key: &str) -> Option<i32> {
    const NEUTRAL_WORDS: [&str; 5] = ["どちらとも", "どちらでもない", "ふつう", "普通", "中間"];
    const STRONG_NEG: [&str; 4] = ["まったく", "全く", "全然", "非常に悪"];
    const STRONG: [&str; 6] = ["とても", "非常に", "大変", "たいへん", "かなり", "十分"];
    const MILD: [&str; 7] = [
        "やや",
        "少し",
        "どちらかといえば",
        "どちらかと言えば",
        "まあまあ",
        "ある程度",
        "わりと",
    ];
    const NEGATIVE: [&str; 9] = [
        "ない",
        "不",
        "悪",
        "低",
        "少な",
        "いいえ",
        "無",
        "できていない",
        "思わ",
    ];
    if NEUTRAL_WORDS.iter().any(|w| key.contains(w)) {
        return Some(0);
    }
    if STRONG_NEG.iter().any(|w| key.contains(w)) {
        return Some(-3);
    }
    let negative = NEGATIVE.iter().any(|w| key.contains(w)) || key.contains("あまり");
    let strength = if STRONG.iter().any(|w| key.contains(w)) {
        3
    } else if MILD.iter().any(|w| key.contains(w)) || key.contains("あまり") {
        1
    } else {
        2
    };
    Some(if negative { -strength } else { strength })
}

/// A new scale from a column's answers when they look graded (`とても高い` / `やや高い` /
/// `やや低い` / `低い`, or numbers such as 5 … 1): levels ordered from the most positive,
/// `positive` = the positive-sounding ones (top half for numbers), `neutral` = a middle.
/// `None` when the answers do not look graded (then the column is a single choice).
pub fn build_custom(id: &str, values: &[&ValueCount]) -> Option<ScaleDef> {
    let n = values.len();
    if !(3..=7).contains(&n) {
        return None;
    }
    // Numbers: the larger, the better (to be checked).
    let numbers: Option<Vec<i64>> = values.iter().map(|v| v.key.parse::<i64>().ok()).collect();
    if let Some(mut nums) = numbers {
        nums.sort_unstable_by(|a, b| b.cmp(a));
        if nums.first()? - nums.last()? >= 10 {
            return None;
        }
        let levels: Vec<String> = nums
            .iter()
            .map(|x| {
                values
                    .iter()
                    .find(|v| v.key == x.to_string())
                    .map(|v| v.label.clone())
                    .unwrap_or_else(|| x.to_string())
            })
            .collect();
        return Some(ScaleDef {
            id: id.to_string(),
            positive: n / 2,
            neutral: n % 2,
            levels,
            aliases: vec![],
            missing: vec![],
            custom: true,
            name: "数値の段階（大きいほど良いと仮定）".into(),
        });
    }
    let modified = values
        .iter()
        .filter(|v| {
            [
                "とても",
                "非常に",
                "やや",
                "少し",
                "あまり",
                "まったく",
                "全く",
                "どちらとも",
                "どちらかと",
                "普通",
                "ふつう",
            ]
            .iter()
            .any(|w| v.key.contains(w))
        })
        .count();
    if modified < 2 {
        return None;
    }
    let mut graded: Vec<(i32, &ValueCount)> = values
        .iter()
        .map(|v| (grade(&v.key).unwrap_or(0), *v))
        .collect();
    graded.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.count.cmp(&a.1.count)));
    let positive = graded.iter().filter(|(g, _)| *g > 0).count();
    let neutral = graded.iter().filter(|(g, _)| *g == 0).count();
    let (positive, neutral) = if positive == 0 || positive + neutral >= n {
        (n / 2, 0)
    } else {
        (positive, neutral)
    };
    Some(ScaleDef {
        id: id.to_string(),
        levels: graded.iter().map(|(_, v)| v.label.clone()).collect(),
        positive,
        neutral,
        aliases: vec![],
        missing: vec![],
        custom: true,
        name: "回答から作った段階（順序は推定）".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::init::profile::vc;
    use crate::init::scales::is_no_answer;

    /// The scale built from answers (label, count), "no answer" words left out as `infer` does.
    fn custom(answers: &[(&str, usize)]) -> Option<ScaleDef> {
        let values: Vec<ValueCount> = answers.iter().map(|(l, n)| vc(l, *n)).collect();
        let graded: Vec<&ValueCount> = values.iter().filter(|v| !is_no_answer(&v.key)).collect();
        build_custom("scale1", &graded)
    }

    #[test]
    fn custom_scales_are_ordered_from_the_positive_end() {
        let def = custom(&[
            ("やや低い", 10),
            ("高い", 20),
            ("低い", 5),
            ("とても高い", 8),
        ])
        .unwrap();
        assert_eq!(def.levels, vec!["とても高い", "高い", "やや低い", "低い"]);
        assert_eq!(def.positive, 2);
        let def = custom(&[("3", 1), ("5", 1), ("1", 1), ("2", 1), ("4", 1)]).unwrap();
        assert_eq!(def.levels, vec!["5", "4", "3", "2", "1"]);
        assert_eq!((def.positive, def.neutral), (2, 1));
        assert_eq!(custom(&[("本庁", 1), ("支所", 1), ("出先機関", 1)]), None);
        // わからない is not a grade: left out before the scale is built.
        let def = custom(&[("1", 3), ("2", 3), ("3", 3), ("わからない", 2)]).unwrap();
        assert_eq!(def.levels, vec!["3", "2", "1"]);
    }
}
