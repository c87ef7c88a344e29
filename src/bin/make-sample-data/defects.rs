//! The deliberate defects put into each survey export (a duplicated row, an empty 回答ID, space
//! and width variants of labels, answers matching no label, a line break inside a cell) and the
//! log of where they are, which the README lists.

use crate::prng::Rng;
use crate::questionnaire::{MULTILINE_COMMENT, NEEDS_OPTS, STMT_QUIT, STMT_SATISFIED, UNMATCHED};
use crate::waves::{FileFormat, Wave, COL_AGE, COL_FREE, COL_ID, COL_NEEDS, COL_STMT0};

/// Kinds of deliberate defects, in the order the README lists them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    DuplicateRow,
    EmptyId,
    SpaceVariant,
    HalfWidthKana,
    FullWidthDigits,
    Unmatched,
    LineBreak,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::DuplicateRow => "duplicated 回答ID: the whole row is exported twice (重複行)",
            Kind::EmptyId => "empty 回答ID (回答IDなし)",
            Kind::SpaceVariant => "space variant (全角空白・末尾空白)",
            Kind::HalfWidthKana => "half-width katakana (半角カナ)",
            Kind::FullWidthDigits => "full-width digits (全角数字)",
            Kind::Unmatched => "matches no label (選択肢外の回答)",
            Kind::LineBreak => "not a defect: line break inside the cell (セル内改行)",
        }
    }
}

/// One deliberate defect: where it is, what was there and what was written.
pub struct Defect {
    pub file: &'static str,
    /// Sheet row / CSV record number, header = 1.
    pub row: usize,
    pub column: String,
    pub before: String,
    pub after: String,
    pub kind: Kind,
}

/// Puts the deliberate defects into `rows` (data rows, without header) and
/// returns where they are.
pub fn inject_defects(wave: &Wave, header: &[String], rows: &mut Vec<Vec<String>>) -> Vec<Defect> {
    let mut rng = Rng::stream(100 + wave.stream);
    let mut log = Vec::new();
    let n = rows.len();
    let rec = |row_idx: usize, col: usize, before: &str, after: &str, kind: Kind| Defect {
        file: wave.file,
        row: row_idx + 2,
        column: header[col].clone(),
        before: before.to_string(),
        after: after.to_string(),
        kind,
    };

    // 1. One response exported twice (identical row directly after it).
    let d = n / 3 + rng.below(n / 3);
    let copy = rows[d].clone();
    rows.insert(d + 1, copy);
    let id = rows[d][COL_ID].clone();
    log.push(rec(d + 1, COL_ID, &id, &id, Kind::DuplicateRow));

    // 2. One respondent without 回答ID.
    let mut b = rng.below(rows.len());
    while b == d || b == d + 1 {
        b = rng.below(rows.len());
    }
    let before = std::mem::take(&mut rows[b][COL_ID]);
    log.push(rec(b, COL_ID, &before, "", Kind::EmptyId));

    let protected = [d, d + 1, b];
    let mut used: Vec<(usize, usize)> = Vec::new();
    let mut pick =
        |rng: &mut Rng, rows: &[Vec<String>], cols: &[usize], want: &dyn Fn(&str) -> bool| loop {
            let r = rng.below(rows.len());
            let c = cols[rng.below(cols.len())];
            if !protected.contains(&r) && !used.contains(&(r, c)) && want(&rows[r][c]) {
                used.push((r, c));
                return (r, c);
            }
        };
    let stmt_cols: Vec<usize> = (COL_STMT0..COL_STMT0 + 16).collect();

    // 3. Space variants of scale labels.
    let variants: [(&str, &str, usize); 4] = [
        ("そう思う", "そう思う\u{3000}", 3),
        ("そう思う", "そう思う  ", 2),
        (
            "どちらかと言えばそう思う",
            "どちらかと言えば\u{3000}そう思う",
            3,
        ),
        (
            "どちらかと言えばそう思わない",
            "どちらかと言えばそう思わない ",
            2,
        ),
    ];
    for (from, to, count) in variants {
        for _ in 0..count {
            let (r, c) = pick(&mut rng, rows, &stmt_cols, &|v| v == from);
            rows[r][c] = to.to_string();
            log.push(rec(r, c, from, to, Kind::SpaceVariant));
        }
    }

    // 4. Half-width katakana in a multi-select option.
    let full = NEEDS_OPTS[0];
    let half = "職場のｺﾐｭﾆｹｰｼｮﾝの円滑化";
    for _ in 0..4 {
        let (r, c) = pick(&mut rng, rows, &[COL_NEEDS], &|v| {
            v.split(';').any(|o| o == full)
        });
        let before = rows[r][c].clone();
        rows[r][c] = before.replace(full, half);
        log.push(rec(r, c, &before, &rows[r][c], Kind::HalfWidthKana));
    }

    // 5. R6 only: full-width digits in 年代.
    if wave.code == "R6" {
        for _ in 0..4 {
            let (r, c) = pick(&mut rng, rows, &[COL_AGE], &|v| v == "60歳以上");
            rows[r][c] = "６０歳以上".to_string();
            log.push(rec(r, c, "60歳以上", "６０歳以上", Kind::FullWidthDigits));
        }
    }

    // 6. Answers matching no label (not in statements 1 and 14, which route
    //    the reason questions, so routing stays consistent).
    let plain_cols: Vec<usize> = stmt_cols
        .iter()
        .copied()
        .filter(|&c| c != COL_STMT0 + STMT_SATISFIED && c != COL_STMT0 + STMT_QUIT)
        .collect();
    for bad in UNMATCHED {
        let (r, c) = pick(&mut rng, rows, &plain_cols, &|v| !v.is_empty());
        let before = std::mem::replace(&mut rows[r][c], bad.to_string());
        log.push(rec(r, c, &before, bad, Kind::Unmatched));
    }

    // 7. xlsx only: a comment with a line break inside the cell (not a defect,
    //    but a reader must keep it in one cell).
    if wave.format == FileFormat::Xlsx {
        let (r, c) = pick(&mut rng, rows, &[COL_FREE], &|v| v.is_empty());
        rows[r][c] = MULTILINE_COMMENT.to_string();
        log.push(rec(r, c, "", MULTILINE_COMMENT, Kind::LineBreak));
    }

    log.sort_by_key(|d| (d.kind, d.row));
    log
}
