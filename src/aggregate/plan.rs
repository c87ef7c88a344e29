//! The suppression plan of a run: every group size, item and option cell hidden in any wave,
//! with the rule that hid it and what a reader can still derive of it. It is read once from
//! the aggregate frames, where the aggregate stage decided it ([`super::suppress`],
//! [`super::size_change`], [`super::linked`]) before anything is written; every table, chart,
//! department sheet, workbook cell and finding sentence asks it, and `suppression.csv` lists
//! it. Nothing here decides anything.

use super::cells::HiddenCell;
use super::suppress::Rule;
use std::collections::BTreeSet;

/// A group in one wave: (wave, segment, group).
pub type Key = (i32, String, String);

#[derive(Debug, Default)]
pub struct Plan {
    /// Hidden group sizes (item ""), in frame order.
    groups_listed: Vec<HiddenCell>,
    /// Hidden item and option cells, in frame order.
    cells_listed: Vec<HiddenCell>,
    items: BTreeSet<(Key, String)>,
    options: BTreeSet<(Key, String, u32)>,
    groups: BTreeSet<Key>,
}

impl Plan {
    pub fn hide_group(&mut self, key: Key, rule: Option<Rule>) {
        self.groups_listed
            .push(HiddenCell::new(&key, "", None, (rule, None)));
        self.groups.insert(key);
    }

    pub fn hide_item(&mut self, key: Key, item: String, why: (Option<Rule>, Option<(f64, f64)>)) {
        self.cells_listed
            .push(HiddenCell::new(&key, &item, None, why));
        self.items.insert((key, item));
    }

    pub fn hide_option(
        &mut self,
        key: Key,
        question: String,
        option: u32,
        why: (Option<Rule>, Option<(f64, f64)>),
    ) {
        self.cells_listed
            .push(HiddenCell::new(&key, &question, Some(option), why));
        self.options.insert((key, question, option));
    }

    /// Every hidden cell, the group sizes first (their rule explains every cell hidden with
    /// them).
    pub fn cells(&self) -> impl Iterator<Item = &HiddenCell> {
        self.groups_listed.iter().chain(&self.cells_listed)
    }

    pub fn item_hidden(&self, key: Key, item: &str) -> bool {
        self.items.contains(&(key, item.to_string()))
    }

    pub fn option_hidden(&self, key: Key, question: &str, option: u32) -> bool {
        self.options.contains(&(key, question.to_string(), option))
    }

    pub fn group_hidden(&self, key: &Key) -> bool {
        self.groups.contains(key)
    }

    /// The hidden groups.
    pub fn groups(&self) -> impl Iterator<Item = &Key> {
        self.groups.iter()
    }
}
