//! Japanese fiscal years (年度): parsing the forms people write and naming them in the era.
//!
//! A fiscal year runs April–March and is identified here by the Gregorian year it starts in:
//! `R5`, `令和5年度`, `2023` and `FY2023` all mean 2023. Heisei 31 and Reiwa 1 are both 2019.
//! Reports show the era name (`令和5年度`); short labels (`R5`) are used in file names.

use std::fmt;

/// A fiscal year, stored as the Gregorian year in which it starts (April).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

/// Era names with their first Gregorian year (era year 1), newest first.
const ERAS: [(&str, char, i32); 3] = [
    ("令和", 'R', 2019),
    ("平成", 'H', 1989),
    ("昭和", 'S', 1926),
];

impl FiscalYear {
    /// Parses `R5`, `r5`, `令和5年度`, `令和元年度`, `H31`, `平成31年`, `2023`, `FY2023`, `2023年度`.
    /// Width variants (`Ｒ５`, `２０２３`) are accepted. Returns a Japanese message on failure.
    pub fn parse(text: &str) -> Result<Self, String> {
        let normal = crate::normalize::normalize_label(text);
        let s = normal.trim();
        let s = s
            .strip_suffix("年度")
            .or_else(|| s.strip_suffix('年'))
            .unwrap_or(s);
        let bad = || {
            format!(
                "年度「{text}」を解釈できません。R5、令和5年度、2023 のいずれかの形で書いてください"
            )
        };
        for (name, letter, start) in ERAS {
            let rest = s
                .strip_prefix(name)
                .or_else(|| s.strip_prefix(letter))
                .or_else(|| s.strip_prefix(letter.to_ascii_lowercase()));
            if let Some(rest) = rest {
                let n: i32 = if rest == "元" {
                    1
                } else {
                    rest.parse().map_err(|_| bad())?
                };
                if !(1..=99).contains(&n) {
                    return Err(bad());
                }
                return Ok(FiscalYear(start + n - 1));
            }
        }
        let digits = s
            .strip_prefix("FY")
            .or_else(|| s.strip_prefix("fy"))
            .unwrap_or(s);
        match digits.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(FiscalYear(y)),
            _ => Err(bad()),
        }
    }

    /// The era, its letter and the year within it (Reiwa from 2019 on).
    fn era(self) -> (&'static str, char, i32) {
        for (name, letter, start) in ERAS {
            if self.0 >= start {
                return (name, letter, self.0 - start + 1);
            }
        }
        ("西暦", 'Y', self.0)
    }

    /// Short label used in file and directory names: `R5`.
    pub fn short(self) -> String {
        let (_, letter, n) = self.era();
        format!("{letter}{n}")
    }

    /// Japanese name used in reports: `令和5年度` (`令和元年度` for 2019).
    pub fn japanese(self) -> String {
        let (name, _, n) = self.era();
        if n == 1 {
            format!("{name}元年度")
        } else {
            format!("{name}{n}年度")
        }
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.japanese())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected years worked out by hand: Reiwa 1 = 2019, so R5 = 2019 + 5 - 1 = 2023;
    // Heisei 1 = 1989, so H31 = 1989 + 31 - 1 = 2019.
    #[test]
    fn parses_every_accepted_form() {
        for text in [
            "R5",
            "r5",
            "令和5年度",
            "令和５年度",
            "Ｒ５",
            "2023",
            "２０２３",
            "FY2023",
            "2023年度",
        ] {
            assert_eq!(FiscalYear::parse(text), Ok(FiscalYear(2023)), "{text}");
        }
        assert_eq!(FiscalYear::parse("H31"), Ok(FiscalYear(2019)));
        assert_eq!(FiscalYear::parse("R1"), Ok(FiscalYear(2019)));
        assert_eq!(FiscalYear::parse("令和元年度"), Ok(FiscalYear(2019)));
        assert_eq!(FiscalYear::parse("平成30年度"), Ok(FiscalYear(2018)));
        assert_eq!(FiscalYear::parse("R10"), Ok(FiscalYear(2028)));
    }

    #[test]
    fn rejects_nonsense_with_a_japanese_message() {
        for text in ["", "R", "X5", "令和", "R0", "12345", "来年"] {
            let err = FiscalYear::parse(text).unwrap_err();
            assert!(err.contains("解釈できません"), "{text}: {err}");
        }
    }

    #[test]
    fn names_in_the_era() {
        assert_eq!(FiscalYear(2023).japanese(), "令和5年度");
        assert_eq!(FiscalYear(2019).japanese(), "令和元年度");
        assert_eq!(FiscalYear(2018).short(), "H30");
        assert_eq!(FiscalYear(2028).short(), "R10");
    }
}
