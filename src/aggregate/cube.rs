//! The cube: the respondents counted once for every segment together, in one pass over the
//! coded columns. Each respondent's combination of wave and groups (one per segment) gets a
//! dense number; each column's codes are then counted per combination and value, so a
//! million respondents cost one read of each column, however many segments there are. Each
//! segment's table sums these counts ([`super::by_segment`] over the cube).

use crate::pipeline::Pipeline;
use polars::prelude::*;

/// Each respondent's combination of wave and groups (one per segment) as a dense number,
/// worked out once for every count of the run.
pub(super) struct Combinations {
    /// The key columns: `wave` and each segment's group column.
    keys: Vec<String>,
    /// Per row, its combination.
    combo: Vec<u32>,
    /// Per combination, its first row.
    firsts: Vec<IdxSize>,
}

impl Combinations {
    pub fn new(pipeline: &Pipeline, frame: &DataFrame) -> PolarsResult<Combinations> {
        let mut keys = vec!["wave".to_string()];
        keys.extend(pipeline.segments.iter().map(|s| s.column()));
        let height = frame.height();
        // Each key column's values as small numbers, combined into one number per row.
        let mut key = vec![0u64; height];
        for k in &keys {
            let column = frame.column(k)?.cast(&DataType::String)?;
            let mut dictionary: PlHashMap<Option<&str>, u64> = PlHashMap::default();
            let codes: Vec<u64> = column
                .str()?
                .iter()
                .map(|v| {
                    let next = dictionary.len() as u64;
                    *dictionary.entry(v).or_insert(next)
                })
                .collect();
            let radix = dictionary.len().max(1) as u64;
            for (k, c) in key.iter_mut().zip(codes) {
                *k = k
                    .checked_mul(radix)
                    .and_then(|k| k.checked_add(c))
                    .ok_or_else(|| polars_err!(ComputeError: "too many group combinations"))?;
            }
        }
        let mut dense: PlHashMap<u64, u32> = PlHashMap::default();
        let mut firsts = Vec::new();
        let combo = key
            .iter()
            .enumerate()
            .map(|(row, k)| {
                *dense.entry(*k).or_insert_with(|| {
                    firsts.push(row as IdxSize);
                    (firsts.len() - 1) as u32
                })
            })
            .collect();
        Ok(Combinations {
            keys,
            combo,
            firsts,
        })
    }
}

impl Combinations {
    /// One row per combination: its first respondent's row of `frame` (so every key column
    /// holds the combination's values), with `n`, the respondents in it. Group sizes and the
    /// linked-breakdown atoms are worked out from these few rows instead of every respondent.
    pub fn representatives(&self, frame: &DataFrame) -> PolarsResult<DataFrame> {
        let mut n = vec![0u32; self.firsts.len()];
        for &c in &self.combo {
            n[c as usize] += 1;
        }
        let mut out = frame
            .select(self.keys.iter().cloned())?
            .take(&IdxCa::from_vec("take".into(), self.firsts.clone()))?;
        out.with_column(Column::new("n".into(), n))?;
        Ok(out)
    }
}

/// One row per wave, combination of groups across the segments (segment columns kept),
/// column of `columns` (`column`) and value (`value`: each of `values`, or null for no
/// answer), with the count `n`; combinations with no one are left out. Codes outside
/// `values` are not counted.
pub(super) fn cube(
    frame: &DataFrame,
    combinations: &Combinations,
    columns: &[String],
    values: &[i32],
) -> PolarsResult<LazyFrame> {
    let Combinations {
        keys,
        combo,
        firsts,
    } = combinations;
    // Slots per column: each value, then no answer; the slot of each code, by code.
    let slots = values.len() + 1;
    let width = columns.len() * slots;
    let top = values.iter().copied().max().unwrap_or(0).max(0) as usize;
    let mut slot_of = vec![usize::MAX; top + 1];
    for (i, &v) in values.iter().enumerate() {
        if v >= 0 {
            slot_of[v as usize] = i;
        }
    }
    let mut counts = vec![0u32; firsts.len() * width];
    for (ci, c) in columns.iter().enumerate() {
        let cast = frame.column(c)?.cast(&DataType::Int32)?;
        let mut row = 0;
        for array in cast.i32()?.downcast_iter() {
            for v in array.iter() {
                let slot = match v {
                    None => values.len(),
                    Some(&x) => match slot_of.get(x as usize) {
                        Some(&s) if x >= 0 && s != usize::MAX => s,
                        _ => {
                            row += 1;
                            continue;
                        }
                    },
                };
                counts[combo[row] as usize * width + ci * slots + slot] += 1;
                row += 1;
            }
        }
    }
    let (mut take, mut names, mut codes, mut ns) = (vec![], vec![], vec![], vec![]);
    for (g, first) in firsts.iter().enumerate() {
        for (ci, c) in columns.iter().enumerate() {
            for slot in 0..slots {
                let n = counts[g * width + ci * slots + slot];
                if n > 0 {
                    take.push(*first);
                    names.push(c.as_str());
                    codes.push(values.get(slot).copied());
                    ns.push(n);
                }
            }
        }
    }
    let mut out = frame
        .select(keys.iter().cloned())?
        .take(&IdxCa::from_vec("take".into(), take))?;
    out.with_column(Column::new("n".into(), ns))?;
    out.with_column(Column::new("column".into(), names))?;
    out.with_column(Column::new("value".into(), codes))?;
    Ok(out.lazy())
}
