//! Waves: the fiscal year of each export, guessed from its file name, and the matching of
//! headers across exports, so that a question whose wording changed between years becomes
//! one question with a header per year.

use super::headers;
use crate::fiscal_year::FiscalYear;
use crate::ingest::RawTable;
use crate::normalize::normalize_label;

/// The fiscal year written in a file name: `fy2022_R4`, `R5`, `令和5年度`, `H31`, `2023`,
/// `FY2023`, or a date `20230701` (a date before April belongs to the previous fiscal year).
pub fn guess_year(stem: &str) -> Option<FiscalYear> {
    let s = normalize_label(stem);
    let chars: Vec<char> = s.chars().collect();
    let digits_at = |i: usize| -> (String, usize) {
        let d: String = chars[i.min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        let n = d.len();
        (d, n)
    };
    // Era names first: they are the least ambiguous.
    for (name, start) in [("令和", 2019), ("平成", 1989)] {
        if let Some(pos) = s.find(name) {
            let rest = &s[pos + name.len()..];
            if rest.starts_with('元') {
                return Some(FiscalYear(start));
            }
            let d: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if let Ok(n) = d.parse::<i32>() {
                if (1..=99).contains(&n) {
                    return Some(FiscalYear(start + n - 1));
                }
            }
        }
    }
    // R5 / H31, not inside a word (`REPORT5`, `Sheet1`).
    for i in 0..chars.len() {
        let c = chars[i].to_ascii_uppercase();
        if c != 'R' && c != 'H' {
            continue;
        }
        if i > 0 && chars[i - 1].is_ascii_alphabetic() {
            continue;
        }
        let (d, n) = digits_at(i + 1);
        if n == 0 || n > 2 {
            continue;
        }
        let y: i32 = d.parse().ok()?;
        let start = if c == 'R' { 2019 } else { 1989 };
        if (1..=40).contains(&y) {
            return Some(FiscalYear(start + y - 1));
        }
    }
    // Four digits (2023, fy2023) or a date (20230701, 2023-07-01).
    let mut i = 0;
    while i < chars.len() {
        let (d, n) = digits_at(i);
        if n == 0 {
            i += 1;
            continue;
        }
        if n == 4 || n == 6 || n == 8 {
            let year: i32 = d[..4].parse().ok()?;
            if (1990..=2100).contains(&year) {
                let month: Option<u32> = if n >= 6 {
                    d[4..6].parse().ok()
                } else {
                    let after = chars.get(i + 4).copied();
                    if matches!(after, Some('-' | '/' | '.')) {
                        let (m, mn) = digits_at(i + 5);
                        (mn == 2 || mn == 1).then(|| m.parse().ok()).flatten()
                    } else {
                        None
                    }
                };
                return Some(match month {
                    Some(1..=3) => FiscalYear(year - 1),
                    _ => FiscalYear(year),
                });
            }
        }
        i += n;
    }
    None
}

/// The years of the waves, in the order the exports were given: guessed from each file name,
/// or (`false`) made up so that the file still validates: consecutive years next to the
/// guessed ones, or ending at `current` when none could be guessed. A year guessed twice
/// is kept for the first file only.
pub fn assign_years(stems: &[String], current: FiscalYear) -> Vec<(FiscalYear, bool)> {
    let mut years: Vec<Option<FiscalYear>> = Vec::new();
    for s in stems {
        let y = guess_year(s).filter(|y| !years.contains(&Some(*y)));
        years.push(y);
    }
    let n = years.len();
    let mut out: Vec<(FiscalYear, bool)> = Vec::with_capacity(n);
    let taken = |out: &[(FiscalYear, bool)], years: &[Option<FiscalYear>], y: FiscalYear| {
        out.iter().any(|(x, _)| *x == y) || years.contains(&Some(y))
    };
    for i in 0..n {
        if let Some(y) = years[i] {
            out.push((y, true));
            continue;
        }
        // Next to the previous wave, or before the next guessed one, else ending at `current`.
        let mut y = match (i.checked_sub(1).map(|p| out[p].0), years[i..].iter().flatten().next()) {
            (Some(prev), _) => FiscalYear(prev.0 + 1),
            (None, Some(next)) => {
                let before = years[i..].iter().take_while(|y| y.is_none()).count() as i32;
                FiscalYear(next.0 - before)
            }
            (None, None) => FiscalYear(current.0 - (n as i32 - 1)),
        };
        while taken(&out, &years, y) {
            y = FiscalYear(y.0 + 1);
        }
        out.push((y, false));
    }
    out
}

/// The current fiscal year (April–March) from the system clock.
pub fn current_fiscal_year() -> FiscalYear {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    FiscalYear(if month < 4 { year - 1 } else { year } as i32)
}

/// One column across waves: its index in each wave's table (`None` = not in that wave).
#[derive(Debug, Clone)]
pub struct Merged {
    pub cols: Vec<Option<usize>>,
}

/// A header matched to a differently written header of a later wave.
#[derive(Debug, Clone)]
pub struct HeaderMatch {
    /// Wave index of the older header.
    pub wave: usize,
    pub old: String,
    pub new: String,
    /// Similarity 0..1 (1 = same text once question numbers are removed).
    pub score: f64,
}

/// The smallest similarity at which two different headers are taken for the same question.
pub const MIN_SIMILARITY: f64 = 0.6;

/// Similarity of two headers' question texts: the mean of the character-bigram Dice
/// coefficient and the edit-distance ratio, on normalised text without question numbers.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (headers::text_key(a), headers::text_key(b));
    if a == b {
        return 1.0;
    }
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ac.is_empty() || bc.is_empty() {
        return 0.0;
    }
    let bigrams = |c: &[char]| -> Vec<(char, char)> { c.windows(2).map(|w| (w[0], w[1])).collect() };
    let (ab, mut bb) = (bigrams(&ac), bigrams(&bc));
    let total = ab.len() + bb.len();
    let mut common = 0;
    for g in &ab {
        if let Some(p) = bb.iter().position(|x| x == g) {
            bb.swap_remove(p);
            common += 1;
        }
    }
    let dice = if total == 0 {
        0.0
    } else {
        2.0 * common as f64 / total as f64
    };
    let edit = 1.0 - levenshtein(&ac, &bc) as f64 / ac.len().max(bc.len()) as f64;
    (dice + edit) / 2.0
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Matches the columns of every wave (tables oldest first) to one list of columns, in the
/// latest wave's order. Same header (normalised) first, then the same text without question
/// numbers, then the most similar remaining header (at least [`MIN_SIMILARITY`]). Columns
/// with an empty header are left out; a repeated header counts once.
pub fn match_columns(tables: &[&RawTable]) -> (Vec<Merged>, Vec<HeaderMatch>) {
    let n = tables.len();
    let mut merged: Vec<Merged> = Vec::new();
    let mut matches = Vec::new();
    // The header of a merged column in the latest wave that has it.
    let latest_header = |m: &Merged| -> String {
        (0..n)
            .rev()
            .find_map(|w| m.cols[w].map(|c| tables[w].headers[c].clone()))
            .unwrap_or_default()
    };
    for w in (0..n).rev() {
        let t = tables[w];
        let mut seen = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        for (c, h) in t.headers.iter().enumerate() {
            let k = headers::key(h);
            if k.is_empty() || seen.contains(&k) {
                continue;
            }
            seen.push(k);
            pending.push(c);
        }
        let mut assigned: Vec<Option<usize>> = vec![None; pending.len()];
        // Pass 1: the same header; pass 2: the same text without the question number.
        for pass in 0..2 {
            for (p, &c) in pending.iter().enumerate() {
                if assigned[p].is_some() {
                    continue;
                }
                let k = if pass == 0 {
                    headers::key(&t.headers[c])
                } else {
                    headers::text_key(&t.headers[c])
                };
                let found = merged.iter().position(|m| {
                    m.cols[w].is_none() && {
                        let h = latest_header(m);
                        let mk = if pass == 0 {
                            headers::key(&h)
                        } else {
                            headers::text_key(&h)
                        };
                        mk == k
                    }
                });
                if let Some(m) = found {
                    merged[m].cols[w] = Some(c);
                    assigned[p] = Some(m);
                    if pass == 1 {
                        matches.push(HeaderMatch {
                            wave: w,
                            old: t.headers[c].clone(),
                            new: latest_header(&merged[m]),
                            score: 1.0,
                        });
                    }
                }
            }
        }
        // Pass 3: the most similar pairs first.
        let mut pairs = Vec::new();
        for (p, &c) in pending.iter().enumerate() {
            if assigned[p].is_some() {
                continue;
            }
            for (m, col) in merged.iter().enumerate() {
                if col.cols[w].is_none() {
                    let s = similarity(&t.headers[c], &latest_header(col));
                    if s >= MIN_SIMILARITY {
                        pairs.push((s, p, m));
                    }
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (s, p, m) in pairs {
            if assigned[p].is_some() || merged[m].cols[w].is_some() {
                continue;
            }
            let c = pending[p];
            matches.push(HeaderMatch {
                wave: w,
                old: t.headers[c].clone(),
                new: latest_header(&merged[m]),
                score: s,
            });
            merged[m].cols[w] = Some(c);
            assigned[p] = Some(m);
        }
        // The rest are new columns, placed after the column that precedes them in this wave.
        for p in 0..pending.len() {
            if assigned[p].is_some() {
                continue;
            }
            let mut cols = vec![None; n];
            cols[w] = Some(pending[p]);
            let at = (0..p)
                .rev()
                .find_map(|q| assigned[q])
                .map(|m| m + 1)
                .unwrap_or(0);
            let at = if merged.is_empty() { 0 } else { at };
            merged.insert(at, Merged { cols });
            for a in assigned.iter_mut().flatten() {
                if *a >= at {
                    *a += 1;
                }
            }
            assigned[p] = Some(at);
        }
    }
    matches.sort_by_key(|m| m.wave);
    (merged, matches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawTable;

    #[test]
    fn years_from_file_names() {
        let y = |s| guess_year(s).map(|y: FiscalYear| y.0);
        assert_eq!(y("fy2022_R4"), Some(2022));
        assert_eq!(y("R5"), Some(2023));
        assert_eq!(y("職員アンケート_令和5年度"), Some(2023));
        assert_eq!(y("令和元年度調査"), Some(2019));
        assert_eq!(y("H31_survey"), Some(2019));
        assert_eq!(y("平成30年度"), Some(2018));
        assert_eq!(y("survey2023"), Some(2023));
        assert_eq!(y("FY2023"), Some(2023));
        assert_eq!(y("Ｒ６回答"), Some(2024));
        // A date in January belongs to the fiscal year that began the April before.
        assert_eq!(y("export_20240115"), Some(2023));
        assert_eq!(y("export_2023-07-01"), Some(2023));
        assert_eq!(y("回答"), None);
        assert_eq!(y("REPORT5"), None);
        assert_eq!(y("Sheet1"), None);
    }

    #[test]
    fn years_not_guessed_are_consecutive_and_distinct() {
        let stems = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let now = FiscalYear(2025);
        let got = assign_years(&stems(&["a", "b", "c"]), now);
        assert_eq!(
            got,
            vec![
                (FiscalYear(2023), false),
                (FiscalYear(2024), false),
                (FiscalYear(2025), false)
            ]
        );
        let got = assign_years(&stems(&["R4", "b", "R6"]), now);
        assert_eq!(got[1], (FiscalYear(2023), false));
        let got = assign_years(&stems(&["a", "R6"]), now);
        assert_eq!(got[0], (FiscalYear(2023), false));
        let got = assign_years(&stems(&["R5", "R5_copy"]), now);
        assert_eq!(got, vec![(FiscalYear(2023), true), (FiscalYear(2024), false)]);
    }

    #[test]
    fn similar_headers_score_high_and_different_ones_low() {
        let s = similarity(
            "職場研修が適切に行われている",
            "職場研修（OJT）が適切に行われている",
        );
        assert!(s > 0.7, "{s}");
        assert_eq!(similarity("問3 年代", "Q4. 年代"), 1.0);
        assert!(similarity("年代", "所属") < MIN_SIMILARITY);
        assert!(similarity("仕事にやりがいを感じている", "ストレス要因") < MIN_SIMILARITY);
    }

    fn table(headers: &[&str]) -> RawTable {
        RawTable {
            file: "x.csv".into(),
            sheet: None,
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: vec![],
        }
    }

    #[test]
    fn headers_are_matched_across_waves() {
        let r4 = table(&["回答ID", "問1 年代", "職場研修が適切に行われている", "旧設問"]);
        let r5 = table(&["回答ID", "問2 年代", "職場研修（OJT）が適切に行われている", "新設問の内容"]);
        let (merged, matches) = match_columns(&[&r4, &r5]);
        let pairs: Vec<(Option<usize>, Option<usize>)> =
            merged.iter().map(|m| (m.cols[0], m.cols[1])).collect();
        assert_eq!(
            pairs,
            vec![
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (Some(2), Some(2)),
                (Some(3), None),
                (None, Some(3))
            ]
        );
        assert_eq!(matches.len(), 2);
        assert_eq!(matches[0].old, "問1 年代");
        assert_eq!(matches[1].new, "職場研修（OJT）が適切に行われている");
    }
}
