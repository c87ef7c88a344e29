//! The deliberate defects of the staff rosters, one per affected file: a birth date in the
//! Japanese era (R2), a blank 性別 (R3), a fully blank row (R4) and a 職名 outside the mapping
//! (R5), and the log of where they are, which the README lists.

use crate::dates::{day, format_era};
use crate::population::Entry;
use crate::prng::Rng;
use crate::roster_years::{
    RosterYear, COL_BIRTH, COL_SEX, COL_TITLE, ROSTER_HEADER, STREAM_DEFECTS0,
};
use crate::staff::{JICHO, KACHO, SHUJI};

/// Birth date of the person whose 生年月日 is written in the Japanese era in roster R2.
pub const ERA_DEFECT_BIRTH: (i32, u32, u32) = (1985, 4, 2);
/// The title outside the mapping written in roster R5 (for a 次長 or 課長).
pub const UNMAPPED_TITLE: &str = "参事";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RosterDefectKind {
    EraDate,
    BlankSex,
    BlankRow,
    UnmappedTitle,
}

impl RosterDefectKind {
    pub fn label(self) -> &'static str {
        match self {
            RosterDefectKind::EraDate => {
                "date in the Japanese era (和暦): read it, or report the row"
            }
            RosterDefectKind::BlankSex => "blank 性別: not in the base of the women's shares",
            RosterDefectKind::BlankRow => "fully blank row (空行): skip it",
            RosterDefectKind::UnmappedTitle => "職名 not in the mapping: report it (no post)",
        }
    }
}

/// Which roster gets which defect.
pub const ROSTER_DEFECTS: [(&str, RosterDefectKind); 4] = [
    ("R2", RosterDefectKind::EraDate),
    ("R3", RosterDefectKind::BlankSex),
    ("R4", RosterDefectKind::BlankRow),
    ("R5", RosterDefectKind::UnmappedTitle),
];

/// One deliberate defect of a roster.
pub struct RosterDefect {
    pub file: &'static str,
    /// CSV record / sheet row, header = 1.
    pub row: usize,
    /// Column name, or empty for a whole row.
    pub column: &'static str,
    pub before: String,
    pub after: String,
    pub kind: RosterDefectKind,
}

/// Puts roster `y`'s defect (if any) into `rows` (data rows of `entries`, same order) and
/// returns where it is. `index` is the position of `y` in the roster list.
pub fn inject_roster_defects(
    index: usize,
    y: &RosterYear,
    entries: &[Entry],
    rows: &mut Vec<Vec<String>>,
) -> Vec<RosterDefect> {
    let mut rng = Rng::stream(STREAM_DEFECTS0 + index as u64);
    let Some(&(_, kind)) = ROSTER_DEFECTS.iter().find(|d| d.0 == y.code) else {
        return Vec::new();
    };
    // A 正規 graded member of a body other than 行政委員会 who stays all year.
    let staying = |e: &Entry, grades: &[usize]| {
        e.leave.is_none() && !e.person.pinned && e.person.grade.is_some_and(|g| grades.contains(&g))
    };
    let random_of = |rng: &mut Rng, ok: &dyn Fn(&Entry) -> bool| {
        let cand: Vec<usize> = (0..entries.len()).filter(|&i| ok(&entries[i])).collect();
        cand[rng.below(cand.len())]
    };
    let set = |rows: &mut Vec<Vec<String>>, r: usize, col: usize, after: String| {
        let before = std::mem::replace(&mut rows[r][col], after.clone());
        RosterDefect {
            file: y.file,
            row: r + 2,
            column: ROSTER_HEADER[col],
            before,
            after,
            kind,
        }
    };
    let d = match kind {
        RosterDefectKind::EraDate => {
            let (yy, m, dd) = ERA_DEFECT_BIRTH;
            let birth = day(yy, m, dd);
            let r = entries
                .iter()
                .position(|e| e.person.pinned && e.person.birth == birth)
                .expect("the era-date holder is on every roster");
            set(rows, r, COL_BIRTH, format_era(birth))
        }
        RosterDefectKind::BlankSex => {
            let r = random_of(&mut rng, &|e| staying(e, &[SHUJI]));
            set(rows, r, COL_SEX, String::new())
        }
        RosterDefectKind::UnmappedTitle => {
            let r = random_of(&mut rng, &|e| staying(e, &[JICHO, KACHO]));
            set(rows, r, COL_TITLE, UNMAPPED_TITLE.to_string())
        }
        RosterDefectKind::BlankRow => {
            let n = rows.len();
            let r = n / 3 + rng.below(n / 3);
            rows.insert(r, vec![String::new(); ROSTER_HEADER.len()]);
            RosterDefect {
                file: y.file,
                row: r + 2,
                column: "",
                before: String::new(),
                after: String::new(),
                kind,
            }
        }
    };
    vec![d]
}
