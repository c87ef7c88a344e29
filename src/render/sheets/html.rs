//! The department sheets as HTML: the `karte.html` template over the sheets of one group (a
//! file to send to that department) or of all groups (one A4 page each, to print together).

use super::super::overview::tone_class;
use super::super::table_view::TableView;
use super::super::templates;
use super::super::Report;
use super::model::{set_title, Body, Sheet};
use crate::pipeline::Segment;
use anyhow::Result;
use serde::Serialize;

#[derive(Serialize)]
struct Page {
    title: String,
    source: String,
    index: bool,
    reasons_title: &'static str,
    sheets: Vec<SheetView>,
}

#[derive(Serialize)]
struct SheetView {
    id: String,
    group: String,
    title: String,
    notice: Option<String>,
    facts: Vec<(String, String)>,
    items: Option<TableView>,
    reasons: Vec<TableView>,
}

/// The page of `sheets`; `index` adds a list of the groups for reading on screen.
pub fn page(report: &Report, segment: &Segment, sheets: &[Sheet], index: bool) -> Result<String> {
    let p = report.pipeline;
    let page = Page {
        title: format!("{}（{}）", set_title(segment), report.year),
        source: format!("{} {}（{}）", p.organisation, p.title, report.year),
        index,
        reasons_title: "選んだ人の多い選択肢",
        sheets: sheets.iter().enumerate().map(|(i, s)| view(i, s)).collect(),
    };
    templates::render("karte.html", page)
}

fn view(i: usize, s: &Sheet) -> SheetView {
    let mut v = SheetView {
        id: format!("g{}", i + 1),
        group: s.group.clone(),
        title: s.title.clone(),
        notice: None,
        facts: vec![],
        items: None,
        reasons: vec![],
    };
    match &s.body {
        Body::Hidden(text) | Body::Empty(text) => v.notice = Some(text.clone()),
        Body::Shown(shown) => {
            v.facts = shown.facts.clone();
            // The difference column (the compact form's fourth) is coloured by its tone.
            v.items = Some(TableView::aligned(&shown.items, "", |r, c| {
                (c == 3).then(|| tone_class(shown.item_tones[r]))
            }));
            v.reasons = shown
                .reasons
                .iter()
                .map(|t| TableView::aligned(t, "", |_, _| None))
                .collect();
        }
    }
    v
}
