//! The aggregate frames read once into typed, keyed cells, so the findings and every table and
//! chart builder can look up any cell by (wave, segment, group, item) without touching polars.
//! Nothing is computed here: every number and every mark was decided by the aggregate stage.
//!
//! Suppressed cells are not in the value maps at all, only in the suppression plan
//! ([`Plan`]): a builder that forgets to check can print "no data", never a number.

use crate::aggregate::Aggregates;
use crate::pipeline::{Pipeline, Segment, SegmentBy};
use anyhow::Result;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

pub use super::cells::{GroupCell, ItemCell, OptionCell, ResponseRow, TestCell, TextRow};
use super::suppress::Rule;

use super::plan::{Key, Plan};

/// All aggregates, keyed.
#[derive(Debug, Default)]
pub struct Lookup {
    pub items: BTreeMap<(Key, String), ItemCell>,
    pub options: BTreeMap<(Key, String, u32), OptionCell>,
    pub groups: BTreeMap<Key, GroupCell>,
    pub item_tests: BTreeMap<(i32, String, String), TestCell>,
    pub option_tests: BTreeMap<(i32, String, String, u32), TestCell>,
    pub response: Vec<ResponseRow>,
    pub texts: Vec<TextRow>,
    /// Positive-share change (points) of ((wave, segment, group), item) since an earlier wave.
    pub changes: BTreeMap<(Key, String, i32), f64>,
    /// What is hidden, and why.
    pub plan: Plan,
}

/// Typed column readers over one frame.
struct Cols<'a>(&'a DataFrame);

impl Cols<'_> {
    fn strs(&self, name: &str) -> Result<Vec<String>> {
        let c = self.0.column(name)?.cast(&DataType::String)?;
        Ok(c.str()?
            .iter()
            .map(|s| s.unwrap_or_default().to_string())
            .collect())
    }
    fn u32s(&self, name: &str) -> Result<Vec<Option<u32>>> {
        Ok(self.0.column(name)?.u32()?.iter().collect())
    }
    fn f64s(&self, name: &str) -> Result<Vec<Option<f64>>> {
        Ok(self.0.column(name)?.f64()?.iter().collect())
    }
    /// The suppression rule of each row (`suppressed_by`), `None` where shown.
    fn rules(&self) -> Result<Vec<Option<Rule>>> {
        let c = self.0.column("suppressed_by")?.cast(&DataType::String)?;
        Ok(c.str()?
            .iter()
            .map(|s| s.and_then(Rule::from_code))
            .collect())
    }
    fn bools(&self, name: &str) -> Result<Vec<bool>> {
        Ok(self
            .0
            .column(name)?
            .bool()?
            .iter()
            .map(|v| v.unwrap_or(false))
            .collect())
    }
    fn waves(&self) -> Result<Vec<i32>> {
        Ok(self
            .0
            .column("wave")?
            .i32()?
            .iter()
            .map(|v| v.unwrap_or_default())
            .collect())
    }
    fn keys(&self) -> Result<Vec<Key>> {
        let w = self.waves()?;
        let (s, g) = (self.strs("segment")?, self.strs("group")?);
        Ok(w.into_iter()
            .zip(s)
            .zip(g)
            .map(|((w, s), g)| (w, s, g))
            .collect())
    }
    fn pairs(&self, lo: &str, hi: &str) -> Result<Vec<Option<(f64, f64)>>> {
        Ok(self
            .f64s(lo)?
            .into_iter()
            .zip(self.f64s(hi)?)
            .map(|(a, b)| a.zip(b))
            .collect())
    }
    fn tests(&self) -> Result<Vec<TestCell>> {
        let (test, stat, p) = (
            self.strs("test")?,
            self.f64s("statistic")?,
            self.f64s("p_adj")?,
        );
        let df = self.u32s("df")?;
        Ok((0..self.0.height())
            .map(|r| TestCell {
                test: test[r].clone(),
                statistic: stat[r].unwrap_or(f64::NAN),
                df: df[r].unwrap_or(0),
                p_adj: p[r].unwrap_or(f64::NAN),
            })
            .collect())
    }
}

impl Lookup {
    pub fn new(pipeline: &Pipeline, agg: &Aggregates) -> Result<Self> {
        let mut out = Lookup::default();
        let max_levels = pipeline.max_levels();
        if agg.items.height() > 0 {
            let c = Cols(&agg.items);
            let item = c.strs("item")?;
            let (resp, valid, base, pos, neu, neg, missing) = (
                c.u32s("respondents")?,
                c.u32s("n_valid")?,
                c.u32s("n_base")?,
                c.u32s("n_positive")?,
                c.u32s("n_neutral")?,
                c.u32s("n_negative")?,
                c.u32s("n_missing")?,
            );
            let (share, share_neu, share_neg, share_missing) = (
                c.f64s("share")?,
                c.f64s("share_neutral")?,
                c.f64s("share_negative")?,
                c.f64s("share_missing")?,
            );
            let levels: Vec<Vec<Option<u32>>> = (1..=max_levels)
                .map(|k| c.u32s(&format!("level_{k}")))
                .collect::<Result<_>>()?;
            let level_shares: Vec<Vec<Option<f64>>> = (1..=max_levels)
                .map(|k| c.f64s(&format!("level_share_{k}")))
                .collect::<Result<_>>()?;
            let (diff_all, p_group) = (c.f64s("diff_all")?, c.f64s("p_group")?);
            let (differs, changed) = (c.bools("differs")?, c.bools("changed")?);
            let (ci, diff_ci) = (c.pairs("ci_lo", "ci_hi")?, c.pairs("diff_lo", "diff_hi")?);
            let (p_rest, diff, p_prev) = (
                c.f64s("p_rest_adj")?,
                c.f64s("diff_prev")?,
                c.f64s("p_prev_adj")?,
            );
            let (unstable, suppressed) = (c.bools("unstable")?, c.bools("suppressed")?);
            let (rule, range) = (c.rules()?, c.pairs("derivable_lo", "derivable_hi")?);
            for (r, key) in c.keys()?.into_iter().enumerate() {
                let k = (key, item[r].clone());
                if suppressed[r] {
                    out.plan.hide_item(k.0, k.1, (rule[r], range[r]));
                    continue;
                }
                out.items.insert(
                    k,
                    ItemCell {
                        respondents: resp[r].unwrap_or(0),
                        n_valid: valid[r].unwrap_or(0),
                        n_base: base[r].unwrap_or(0),
                        n_positive: pos[r].unwrap_or(0),
                        n_neutral: neu[r].unwrap_or(0),
                        n_negative: neg[r].unwrap_or(0),
                        n_missing: missing[r].unwrap_or(0),
                        share: share[r],
                        share_neutral: share_neu[r],
                        share_negative: share_neg[r],
                        share_missing: share_missing[r],
                        levels: levels.iter().map(|l| l[r].unwrap_or(0)).collect(),
                        level_shares: level_shares.iter().map(|l| l[r]).collect(),
                        ci: ci[r],
                        unstable: unstable[r],
                        diff_all: diff_all[r],
                        p_rest_adj: p_rest[r],
                        p_group: p_group[r],
                        differs: differs[r],
                        diff_prev: diff[r],
                        diff_ci: diff_ci[r],
                        p_prev_adj: p_prev[r],
                        changed: changed[r],
                    },
                );
            }
        }
        if agg.options.height() > 0 {
            let c = Cols(&agg.options);
            let (q, opt) = (c.strs("question")?, c.u32s("option")?);
            let (base, chosen, share, rank) = (
                c.u32s("n_base")?,
                c.u32s("n_chosen")?,
                c.f64s("share")?,
                c.u32s("rank")?,
            );
            let (ci, p_rest) = (c.pairs("ci_lo", "ci_hi")?, c.f64s("p_rest_adj")?);
            let (unstable, suppressed) = (c.bools("unstable")?, c.bools("suppressed")?);
            let (rule, range) = (c.rules()?, c.pairs("derivable_lo", "derivable_hi")?);
            for (r, key) in c.keys()?.into_iter().enumerate() {
                let k = (key, q[r].clone(), opt[r].unwrap_or(0));
                if suppressed[r] {
                    out.plan.hide_option(k.0, k.1, k.2, (rule[r], range[r]));
                    continue;
                }
                out.options.insert(
                    k,
                    OptionCell {
                        n_base: base[r].unwrap_or(0),
                        n_chosen: chosen[r].unwrap_or(0),
                        share: share[r],
                        rank: rank[r].unwrap_or(0),
                        ci: ci[r],
                        unstable: unstable[r],
                        p_rest_adj: p_rest[r],
                    },
                );
            }
        }
        if agg.groups.height() > 0 {
            let c = Cols(&agg.groups);
            let (resp, share, suppressed) = (
                c.u32s("respondents")?,
                c.f64s("share")?,
                c.bools("suppressed")?,
            );
            let ci = c.pairs("ci_lo", "ci_hi")?;
            let rule = c.rules()?;
            for (r, key) in c.keys()?.into_iter().enumerate() {
                if suppressed[r] {
                    out.plan.hide_group(key, rule[r]);
                } else {
                    out.groups.insert(
                        key,
                        GroupCell {
                            respondents: resp[r].unwrap_or(0),
                            share: share[r],
                            ci: ci[r],
                        },
                    );
                }
            }
        }
        if agg.item_tests.height() > 0 {
            let c = Cols(&agg.item_tests);
            let w = c.waves()?;
            let (s, item) = (c.strs("segment")?, c.strs("item")?);
            for (r, t) in c.tests()?.into_iter().enumerate() {
                out.item_tests
                    .insert((w[r], s[r].clone(), item[r].clone()), t);
            }
        }
        if agg.option_tests.height() > 0 {
            let c = Cols(&agg.option_tests);
            let w = c.waves()?;
            let (s, q, o) = (c.strs("segment")?, c.strs("question")?, c.strs("option")?);
            for (r, t) in c.tests()?.into_iter().enumerate() {
                out.option_tests.insert(
                    (w[r], s[r].clone(), q[r].clone(), o[r].parse().unwrap_or(0)),
                    t,
                );
            }
        }
        if agg.response.height() > 0 {
            let c = Cols(&agg.response);
            let w = c.waves()?;
            let g = c.strs("group")?;
            let pop: Vec<Option<u64>> = agg.response.column("population")?.u64()?.iter().collect();
            let (resp, rate, suppressed) = (
                c.u32s("respondents")?,
                c.f64s("rate")?,
                c.bools("suppressed")?,
            );
            for r in 0..agg.response.height() {
                out.response.push(ResponseRow {
                    wave: w[r],
                    group: g[r].clone(),
                    population: pop[r],
                    respondents: if suppressed[r] { None } else { resp[r] },
                    rate: if suppressed[r] { None } else { rate[r] },
                    suppressed: suppressed[r],
                });
            }
        }
        if agg.changes.height() > 0 {
            let c = Cols(&agg.changes);
            let (item, diff) = (c.strs("item")?, c.f64s("diff")?);
            let since: Vec<i32> = agg
                .changes
                .column("since")?
                .i32()?
                .iter()
                .map(|v| v.unwrap_or_default())
                .collect();
            for (r, key) in c.keys()?.into_iter().enumerate() {
                if let Some(d) = diff[r] {
                    out.changes.insert((key, item[r].clone(), since[r]), d);
                }
            }
        }
        if agg.texts.height() > 0 {
            let c = Cols(&agg.texts);
            let (w, q) = (c.waves()?, c.strs("question")?);
            let (resp, answered) = (c.u32s("respondents")?, c.u32s("answered")?);
            for r in 0..agg.texts.height() {
                out.texts.push(TextRow {
                    wave: w[r],
                    question: q[r].clone(),
                    respondents: resp[r].unwrap_or(0),
                    answered: answered[r].unwrap_or(0),
                });
            }
        }
        Ok(out)
    }

    pub fn item(&self, wave: i32, segment: &str, group: &str, item: &str) -> Option<&ItemCell> {
        self.items.get(&(
            (wave, segment.to_string(), group.to_string()),
            item.to_string(),
        ))
    }

    /// The change of an item's positive share since an earlier wave (points), when both
    /// waves' cells are shown.
    pub fn change(
        &self,
        wave: i32,
        segment: &str,
        group: &str,
        item: &str,
        since: i32,
    ) -> Option<f64> {
        self.changes
            .get(&(
                (wave, segment.to_string(), group.to_string()),
                item.to_string(),
                since,
            ))
            .copied()
    }

    pub fn item_hidden(&self, wave: i32, segment: &str, group: &str, item: &str) -> bool {
        self.plan
            .item_hidden((wave, segment.to_string(), group.to_string()), item)
    }

    pub fn option(
        &self,
        wave: i32,
        segment: &str,
        group: &str,
        question: &str,
        option: u32,
    ) -> Option<&OptionCell> {
        self.options.get(&(
            (wave, segment.to_string(), group.to_string()),
            question.to_string(),
            option,
        ))
    }

    pub fn option_hidden(
        &self,
        wave: i32,
        segment: &str,
        group: &str,
        question: &str,
        option: u32,
    ) -> bool {
        self.plan.option_hidden(
            (wave, segment.to_string(), group.to_string()),
            question,
            option,
        )
    }

    pub fn group(&self, wave: i32, segment: &str, group: &str) -> Option<&GroupCell> {
        self.groups
            .get(&(wave, segment.to_string(), group.to_string()))
    }

    pub fn group_hidden(&self, wave: i32, segment: &str, group: &str) -> bool {
        self.plan
            .group_hidden(&(wave, segment.to_string(), group.to_string()))
    }

    pub fn item_test(&self, wave: i32, segment: &str, item: &str) -> Option<&TestCell> {
        self.item_tests
            .get(&(wave, segment.to_string(), item.to_string()))
    }

    pub fn option_test(
        &self,
        wave: i32,
        segment: &str,
        question: &str,
        option: u32,
    ) -> Option<&TestCell> {
        self.option_tests
            .get(&(wave, segment.to_string(), question.to_string(), option))
    }

    /// The groups of a segment in report order: configured order first, then any other value
    /// found in the data (sorted).
    pub fn segment_groups(&self, pipeline: &Pipeline, segment: &Segment) -> Vec<String> {
        let mut order: Vec<String> = match &segment.by {
            SegmentBy::Age => pipeline
                .respondents
                .age
                .as_ref()
                .map(|a| a.bands.clone())
                .unwrap_or_default(),
            SegmentBy::Attribute(k) => pipeline.respondents.attributes[*k]
                .values
                .clone()
                .unwrap_or_default(),
            SegmentBy::Split { groups, .. } => groups.to_vec(),
        };
        let found: BTreeSet<&String> = self
            .groups
            .keys()
            .chain(self.plan.groups())
            .filter(|(_, s, _)| *s == segment.id)
            .map(|(_, _, g)| g)
            .collect();
        for g in found {
            if !order.contains(g) {
                order.push(g.clone());
            }
        }
        order
    }
}
