//! The typed cells of the aggregate results: one item, option, test, group size,
//! response-rate row or free-text count, as the lookup hands them to the findings and the
//! renderer. Numbers only; every one was computed by the aggregate stage.

/// One item in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemCell {
    pub respondents: u32,
    pub n_valid: u32,
    /// The base of the shares: `n_valid`, or the respondents under `base = "all"`.
    pub n_base: u32,
    pub n_positive: u32,
    pub n_neutral: u32,
    pub n_negative: u32,
    /// Respondents without an answer (including those not asked).
    pub n_missing: u32,
    /// Positive, neutral, negative and (under `base = "all"`) no-answer shares, percent.
    pub share: Option<f64>,
    pub share_neutral: Option<f64>,
    pub share_negative: Option<f64>,
    pub share_missing: Option<f64>,
    /// Count at each scale level, most agreeing first.
    pub levels: Vec<u32>,
    /// Share at each scale level over those who answered, percent.
    pub level_shares: Vec<Option<f64>>,
    /// Confidence interval of the share, percent.
    pub ci: Option<(f64, f64)>,
    pub unstable: bool,
    /// Share minus the whole population's share, same wave (points).
    pub diff_all: Option<f64>,
    /// Holm-adjusted p of this group against the rest of its segment (segments of 3+ groups).
    pub p_rest_adj: Option<f64>,
    /// The adjusted p that marks this group (the two visible groups' test, or against the
    /// rest), and whether it is significant.
    pub p_group: Option<f64>,
    pub differs: bool,
    /// Change from the previous wave (points), its interval, the adjusted p, and whether it
    /// is significant.
    pub diff_prev: Option<f64>,
    pub diff_ci: Option<(f64, f64)>,
    pub p_prev_adj: Option<f64>,
    pub changed: bool,
}

/// One option of a choice question in one group.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionCell {
    pub n_base: u32,
    pub n_chosen: u32,
    pub share: Option<f64>,
    pub rank: u32,
    pub ci: Option<(f64, f64)>,
    pub unstable: bool,
    pub p_rest_adj: Option<f64>,
}

/// A test between the groups of a segment.
#[derive(Debug, Clone, PartialEq)]
pub struct TestCell {
    /// `z` or `chi2`.
    pub test: String,
    pub statistic: f64,
    pub df: u32,
    pub p_adj: f64,
}

/// Size of a group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCell {
    pub respondents: u32,
    pub share: Option<f64>,
    pub ci: Option<(f64, f64)>,
}

/// A response-rate row; `respondents` and `rate` are `None` when suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseRow {
    pub wave: i32,
    pub group: String,
    pub population: Option<u64>,
    pub respondents: Option<u32>,
    pub rate: Option<f64>,
    pub suppressed: bool,
}

/// How many wrote an answer to a free-text question (whole population).
#[derive(Debug, Clone, PartialEq)]
pub struct TextRow {
    pub wave: i32,
    pub question: String,
    pub respondents: u32,
    pub answered: u32,
}

/// One hidden group size, item or option cell, for `suppression.csv`: where it is, the rule that hid it,
/// and the range (percent) a reader can still derive for its share from what is published.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenCell {
    pub wave: i32,
    pub segment: String,
    pub group: String,
    /// The item id, or the question id and the option's index; empty for the group's size.
    pub item: String,
    pub option: Option<u32>,
    pub rule: Option<super::suppress::Rule>,
    pub derivable: Option<(f64, f64)>,
}

impl HiddenCell {
    /// The hidden cell of `item` (and `option`) in group `(wave, segment, group)`.
    pub fn new(
        group: &(i32, String, String),
        item: &str,
        option: Option<u32>,
        (rule, derivable): (Option<super::suppress::Rule>, Option<(f64, f64)>),
    ) -> HiddenCell {
        HiddenCell {
            wave: group.0,
            segment: group.1.clone(),
            group: group.2.clone(),
            item: item.to_string(),
            option,
            rule,
            derivable,
        }
    }
}
