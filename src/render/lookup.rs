//! The aggregate frames read once into keyed maps, so table and chart builders can look up
//! any cell by (wave, segment, group, item) without touching polars. Nothing is computed here.

use crate::aggregate::Aggregates;
use crate::pipeline::{Pipeline, Segment, SegmentBy};
use anyhow::Result;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// One item in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCell {
    pub respondents: u32,
    pub n_valid: u32,
    pub n_positive: u32,
    pub share: Option<f64>,
    /// Count at each scale level, most agreeing first.
    pub levels: Vec<u32>,
}

/// One option of a choice question in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionCell {
    pub n_base: u32,
    pub n_chosen: u32,
    pub share: Option<f64>,
    pub rank: u32,
}

/// Size of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCell {
    pub respondents: u32,
    pub share: Option<f64>,
}

/// A response-rate row.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRow {
    pub wave: i32,
    pub group: String,
    pub population: Option<u64>,
    pub respondents: u32,
    pub rate: Option<f64>,
}

type Key = (i32, String, String);

/// All aggregates, keyed.
#[derive(Debug, Default)]
pub struct Lookup {
    pub items: BTreeMap<(Key, String), ItemCell>,
    pub options: BTreeMap<(Key, String, u32), OptionCell>,
    pub groups: BTreeMap<Key, GroupCell>,
    pub response: Vec<ResponseRow>,
}

fn strs(df: &DataFrame, name: &str) -> Result<Vec<String>> {
    Ok(df
        .column(name)?
        .str()?
        .iter()
        .map(|s| s.unwrap_or_default().to_string())
        .collect())
}

fn u32s(df: &DataFrame, name: &str) -> Result<Vec<Option<u32>>> {
    Ok(df.column(name)?.u32()?.iter().collect())
}

fn f64s(df: &DataFrame, name: &str) -> Result<Vec<Option<f64>>> {
    Ok(df.column(name)?.f64()?.iter().collect())
}

fn i32s(df: &DataFrame, name: &str) -> Result<Vec<i32>> {
    Ok(df
        .column(name)?
        .i32()?
        .iter()
        .map(|v| v.unwrap_or_default())
        .collect())
}

fn keys(df: &DataFrame) -> Result<Vec<Key>> {
    let (w, s, g) = (i32s(df, "wave")?, strs(df, "segment")?, strs(df, "group")?);
    Ok(w.into_iter()
        .zip(s)
        .zip(g)
        .map(|((w, s), g)| (w, s, g))
        .collect())
}

impl Lookup {
    pub fn new(pipeline: &Pipeline, agg: &Aggregates) -> Result<Self> {
        let mut out = Lookup::default();
        let max_levels = pipeline
            .scales
            .iter()
            .map(|s| s.levels.len())
            .max()
            .unwrap_or(0);
        let df = &agg.items;
        if df.height() > 0 {
            let item = strs(df, "item")?;
            let (resp, valid, pos, share) = (
                u32s(df, "respondents")?,
                u32s(df, "n_valid")?,
                u32s(df, "n_positive")?,
                f64s(df, "share")?,
            );
            let levels: Vec<Vec<Option<u32>>> = (1..=max_levels)
                .map(|k| u32s(df, &format!("level_{k}")))
                .collect::<Result<_>>()?;
            for (r, key) in keys(df)?.into_iter().enumerate() {
                out.items.insert(
                    (key, item[r].clone()),
                    ItemCell {
                        respondents: resp[r].unwrap_or(0),
                        n_valid: valid[r].unwrap_or(0),
                        n_positive: pos[r].unwrap_or(0),
                        share: share[r],
                        levels: levels.iter().map(|l| l[r].unwrap_or(0)).collect(),
                    },
                );
            }
        }
        let df = &agg.options;
        if df.height() > 0 {
            let (q, opt) = (strs(df, "question")?, u32s(df, "option")?);
            let (base, chosen, share, rank) = (
                u32s(df, "n_base")?,
                u32s(df, "n_chosen")?,
                f64s(df, "share")?,
                u32s(df, "rank")?,
            );
            for (r, key) in keys(df)?.into_iter().enumerate() {
                out.options.insert(
                    (key, q[r].clone(), opt[r].unwrap_or(0)),
                    OptionCell {
                        n_base: base[r].unwrap_or(0),
                        n_chosen: chosen[r].unwrap_or(0),
                        share: share[r],
                        rank: rank[r].unwrap_or(0),
                    },
                );
            }
        }
        let df = &agg.groups;
        if df.height() > 0 {
            let (resp, share) = (u32s(df, "respondents")?, f64s(df, "share")?);
            for (r, key) in keys(df)?.into_iter().enumerate() {
                out.groups.insert(
                    key,
                    GroupCell {
                        respondents: resp[r].unwrap_or(0),
                        share: share[r],
                    },
                );
            }
        }
        let df = &agg.response;
        if df.height() > 0 {
            let (w, g) = (i32s(df, "wave")?, strs(df, "group")?);
            let pop: Vec<Option<u64>> = df.column("population")?.u64()?.iter().collect();
            let (resp, rate) = (u32s(df, "respondents")?, f64s(df, "rate")?);
            for r in 0..df.height() {
                out.response.push(ResponseRow {
                    wave: w[r],
                    group: g[r].clone(),
                    population: pop[r],
                    respondents: resp[r].unwrap_or(0),
                    rate: rate[r],
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

    pub fn group(&self, wave: i32, segment: &str, group: &str) -> Option<&GroupCell> {
        self.groups
            .get(&(wave, segment.to_string(), group.to_string()))
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
