//! Waves: matching headers across exports, so that a question whose wording or number
//! changed between years becomes one question with a header per year.

use super::headers;
use crate::ingest::RawTable;

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
    let bigrams =
        |c: &[char]| -> Vec<(char, char)> { c.windows(2).map(|w| (w[0], w[1])).collect() };
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

/// Headers repeated within one wave (as written, once each): only the leftmost column of a
/// header is read, by `match_columns` here and by `run` when it looks a header up.
pub fn repeated_headers(tables: &[&RawTable]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tables.iter().rev() {
        let mut seen = Vec::new();
        for h in &t.headers {
            let k = headers::key(h);
            if k.is_empty() {
                continue;
            }
            if seen.contains(&k) {
                if !out.iter().any(|o| headers::key(o) == k) {
                    out.push(h.clone());
                }
            } else {
                seen.push(k);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::RawTable;

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
        let r4 = table(&[
            "回答ID",
            "問1 年代",
            "職場研修が適切に行われている",
            "旧設問",
        ]);
        let r5 = table(&[
            "回答ID",
            "問2 年代",
            "職場研修（OJT）が適切に行われている",
            "新設問の内容",
        ]);
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
        let dup = table(&["回答ID", "年代", "年代 ", "所属"]);
        assert_eq!(repeated_headers(&[&r4, &dup]), vec!["年代 ".to_string()]);
        assert_eq!(matches[0].old, "問1 年代");
        assert_eq!(matches[1].new, "職場研修（OJT）が適切に行われている");
    }
}
