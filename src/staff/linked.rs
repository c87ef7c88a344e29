//! Two breakdowns of the same staff published side by side — appointing bodies (任命権者) and
//! departments (所属), a department lying within one body — can give back a small group that
//! each hides on its own. In the sample, bodies merge 教育委員会 (136) with 行政委員会 (4) into
//! 「その他（少人数）」 = 140 while the department table shows 教育委員会 (136) alone, so
//! 140 − 136 = 4. This module audits the pair: a small group (fewer than the minimum, more
//! than none) is exposed when its staff, as a set of (body, department) cells, is a linear
//! combination of the published rows of both tables (each shown group, each shown merged
//! group, the total). While one is, the smallest group still shown in either table joins its
//! table's merged group.

use super::protect::Protection;

/// Staff per (body, department).
pub type Cells = [(String, String, u64)];

/// Merges more groups into the tables' 「その他（少人数）」 until no small body or department
/// can be worked out from the two tables together.
pub fn link(cells: &Cells, bodies: &mut Protection, departments: &mut Protection, min: u64) {
    let size = |body: bool, g: &str| -> u64 {
        cells
            .iter()
            .filter(|c| if body { c.0 == g } else { c.1 == g })
            .map(|c| c.2)
            .sum()
    };
    while exposed(cells, bodies, departments, min) {
        let smallest = |p: &Protection, body: bool| {
            p.shown
                .iter()
                .map(|g| (size(body, g), g.clone()))
                .min_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(&a.1)))
        };
        let (body, group) = match (smallest(departments, false), smallest(bodies, true)) {
            (Some(d), Some(b)) if b.0 < d.0 => (true, b.1),
            (Some(d), _) => (false, d.1),
            (None, Some(b)) => (true, b.1),
            (None, None) => break,
        };
        let p = if body {
            &mut *bodies
        } else {
            &mut *departments
        };
        p.shown.retain(|g| *g != group);
        p.merged.push(group);
        let merged_size: u64 = p.merged.iter().map(|g| size(body, g)).sum();
        p.merged_shown = p.merged.len() >= 2 && merged_size >= min;
    }
}

/// Whether some small body or department can be worked out from the published rows.
fn exposed(cells: &Cells, bodies: &Protection, departments: &Protection, min: u64) -> bool {
    let vector = |pick: &dyn Fn(&(String, String, u64)) -> bool| -> Vec<f64> {
        cells
            .iter()
            .map(|c| if pick(c) { 1.0 } else { 0.0 })
            .collect()
    };
    let mut published: Vec<Vec<f64>> = vec![vector(&|_| true)];
    for (p, body) in [(bodies, true), (departments, false)] {
        let key = |c: &(String, String, u64)| if body { c.0.clone() } else { c.1.clone() };
        for g in &p.shown {
            published.push(vector(&|c| key(c) == *g));
        }
        if p.merged_shown {
            published.push(vector(&|c| p.merged.contains(&key(c))));
        }
    }
    let rank = |rows: &[Vec<f64>]| rank(rows.to_vec());
    let base = rank(&published);
    let small = |body: bool| -> Vec<Vec<f64>> {
        let mut names: Vec<&String> = cells
            .iter()
            .map(|c| if body { &c.0 } else { &c.1 })
            .collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .filter(|g| {
                let n: u64 = cells
                    .iter()
                    .filter(|c| if body { c.0 == **g } else { c.1 == **g })
                    .map(|c| c.2)
                    .sum();
                n > 0 && n < min
            })
            .map(|g| vector(&|c| if body { c.0 == *g } else { c.1 == *g }))
            .collect()
    };
    small(true).into_iter().chain(small(false)).any(|v| {
        let mut with = published.clone();
        with.push(v);
        rank(&with) == base
    })
}

/// The rank of a small 0/1 matrix by Gaussian elimination with partial pivoting.
fn rank(mut rows: Vec<Vec<f64>>) -> usize {
    let cols = rows.first().map_or(0, Vec::len);
    let mut r = 0;
    for c in 0..cols {
        let Some(pivot) =
            (r..rows.len()).max_by(|&a, &b| rows[a][c].abs().total_cmp(&rows[b][c].abs()))
        else {
            break;
        };
        if rows[pivot][c].abs() < 1e-9 {
            continue;
        }
        rows.swap(r, pivot);
        for i in 0..rows.len() {
            if i != r {
                let f = rows[i][c] / rows[r][c];
                if f != 0.0 {
                    for k in c..cols {
                        rows[i][k] -= f * rows[r][k];
                    }
                }
            }
        }
        r += 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::staff::protect::protect;

    fn cells(list: &[(&str, &str, u64)]) -> Vec<(String, String, u64)> {
        list.iter()
            .map(|(b, d, n)| (b.to_string(), d.to_string(), *n))
            .collect()
    }

    fn sizes(cells: &Cells, body: bool) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = Vec::new();
        for c in cells {
            let g = if body { &c.0 } else { &c.1 };
            match out.iter_mut().find(|(x, _)| x == g) {
                Some(e) => e.1 += c.2,
                None => out.push((g.clone(), c.2)),
            }
        }
        out
    }

    // A case like the sample's R6, by hand (min 5): bodies 市長 958 (総務 300, 企画 280, 福祉
    // 250, 財政 128), 教育 136 (one department of the same name), 行政 4 (its one department
    // 監査 4). On their own, bodies merge
    // 行政 (4) with the smallest other, 教育 (136): その他 140; departments merge 監査 (4)
    // with 財政 (128): その他 132. Together, 140 − 教育 (136, shown as a department) = 4, and
    // 132 − (958 − 300 − 280 − 250) = 4: both expose the 4. Linking merges the smallest group
    // still shown, 教育委員会 (136) in the departments, after which neither subtraction works.
    #[test]
    fn the_samples_leak_is_closed() {
        let c = cells(&[
            ("市長部局", "総務部", 300),
            ("市長部局", "企画部", 280),
            ("市長部局", "福祉部", 250),
            ("市長部局", "財政部", 128),
            ("教育委員会", "教育委員会", 136),
            ("行政委員会", "監査委員事務局", 4),
        ]);
        let mut b = protect(&sizes(&c, true), 5);
        let mut d = protect(&sizes(&c, false), 5);
        assert_eq!(b.merged, ["教育委員会", "行政委員会"]);
        assert_eq!(d.merged, ["財政部", "監査委員事務局"]);
        assert!(exposed(&c, &b, &d, 5), "each table alone leaks together");
        link(&c, &mut b, &mut d, 5);
        assert!(!exposed(&c, &b, &d, 5));
        assert_eq!(d.merged, ["財政部", "監査委員事務局", "教育委員会"]);
        assert_eq!(b.merged, ["教育委員会", "行政委員会"]);
        assert!(d.merged_shown && b.merged_shown);
    }

    // Nothing small: nothing exposed, nothing changes.
    #[test]
    fn large_groups_stay_shown() {
        let c = cells(&[("A", "a1", 50), ("A", "a2", 60), ("B", "b1", 40)]);
        let mut b = protect(&sizes(&c, true), 5);
        let mut d = protect(&sizes(&c, false), 5);
        let before = (b.clone(), d.clone());
        link(&c, &mut b, &mut d, 5);
        assert_eq!((b, d), before);
    }

    // A small department inside a large body whose other departments are all shown: the body
    // minus them gives it, unless it is merged with one of them, which protect already does
    // (a single small group takes a partner). Here two small departments of 3 and 4 in body
    // A (merged together, 7) and A's third department 50 shown: A (57) − 50 = 7 is the merged
    // group itself, not one of its members: not exposed.
    #[test]
    fn a_merged_group_may_be_worked_out_as_a_whole() {
        let c = cells(&[
            ("A", "a1", 3),
            ("A", "a2", 4),
            ("A", "a3", 50),
            ("B", "b1", 40),
        ]);
        let b = protect(&sizes(&c, true), 5);
        let d = protect(&sizes(&c, false), 5);
        assert_eq!(d.merged, ["a1", "a2"]);
        assert!(!exposed(&c, &b, &d, 5));
    }
}
