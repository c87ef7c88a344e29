//! Respondents as exported text rows: 回答ID, 回答日時 (calendar arithmetic from the survey
//! window's first day), attribute and answer labels, and multi-select answers joined with `;`.

use crate::questionnaire::{
    AGE_LABELS, DEPTS, EMP_LABELS, NEEDS_OPTS, QUIT_OPTS, SCALE, STRESS_OPTS, UNSAT_OPTS,
};
use crate::respondents::Respondent;
use crate::waves::{Wave, N_COLS};

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

fn format_time(start: (u32, u32, u32), t: u32) -> String {
    let (mut y, mut m, mut d) = start;
    for _ in 0..t / 86_400 {
        d += 1;
        if d > days_in_month(y, m) {
            d = 1;
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    let s = t % 86_400;
    format!(
        "{y:04}/{m:02}/{d:02} {:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

fn join(opts: &[&str], chosen: &[usize]) -> String {
    chosen
        .iter()
        .map(|&i| opts[i])
        .collect::<Vec<_>>()
        .join(";")
}

/// The data rows of the export (one per respondent, [`N_COLS`] cells, blank = no answer).
pub fn render(wave: &Wave, people: &[Respondent]) -> Vec<Vec<String>> {
    people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut row = vec![
                format!("{}-{:04}", wave.code, i + 1),
                format_time(wave.start, p.time),
                AGE_LABELS[p.age].to_string(),
                EMP_LABELS[p.emp].to_string(),
                DEPTS[p.dept].to_string(),
            ];
            for a in p.answers {
                row.push(a.map_or(String::new(), |a| SCALE[a].to_string()));
            }
            row.push(join(&UNSAT_OPTS, &p.unsat));
            row.push(join(&NEEDS_OPTS, &p.needs));
            row.push(join(&STRESS_OPTS, &p.stress));
            row.push(join(&QUIT_OPTS, &p.quit));
            row.push(p.comment.unwrap_or("").to_string());
            debug_assert_eq!(row.len(), N_COLS);
            row
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_format_crosses_month_end() {
        assert_eq!(format_time((2023, 6, 26), 0), "2023/06/26 00:00:00");
        assert_eq!(
            format_time((2023, 6, 26), 5 * 86_400 + 3661),
            "2023/07/01 01:01:01"
        );
    }
}
