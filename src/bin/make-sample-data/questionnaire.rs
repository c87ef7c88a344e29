//! The questionnaire of the fictional しおかぜ市 survey and the distributions its answers are
//! drawn from: the answer scale, the respondent attributes and their weights, the 16 statements
//! with their Otaru-based agree shares and latent-model parameters, the multi-select questions
//! with their option weights, the free comments, and the strings used for deliberate defects.

pub const SCALE: [&str; 4] = [
    "そう思う",
    "どちらかと言えばそう思う",
    "どちらかと言えばそう思わない",
    "そう思わない",
];

pub const AGE_LABELS: [&str; 5] = ["20歳代以下", "30歳代", "40歳代", "50歳代", "60歳以上"];
/// Age-band weights (%) per employment type; overall ≈ 13/17/26/30/14 %.
pub const AGE_WEIGHTS: [[f64; 5]; 2] =
    [[14.0, 20.0, 28.0, 30.0, 8.0], [10.0, 8.0, 20.0, 30.0, 32.0]];

pub const EMP_LABELS: [&str; 2] = ["正規職員", "会計年度任用職員"];

pub const DEPTS: [&str; 7] = [
    "総務部",
    "財政部",
    "市民部",
    "福祉部",
    "建設部",
    "教育委員会",
    "消防本部",
];
/// Department weights (%) per employment type.
pub const DEPT_WEIGHTS: [[f64; 7]; 2] = [
    [14.0, 9.0, 14.0, 18.0, 15.0, 12.0, 18.0],
    [10.0, 6.0, 22.0, 30.0, 6.0, 24.0, 2.0],
];
/// Department effect added to the latent engagement.
pub const DEPT_SHIFT: [f64; 7] = [0.05, -0.10, 0.0, -0.12, 0.02, 0.08, 0.12];

/// One 4-point statement.
pub struct Statement {
    pub text: &'static str,
    /// Otaru R5 share (%) agreeing (top two answers) per age band.
    pub age_pct: [f64; 5],
    /// Otaru R5 KPI/KGI baseline (%), used as this statement's R5 overall share.
    pub kpi_r5: Option<f64>,
    /// Loading on the latent engagement (negative: a negative statement).
    pub loading: f64,
    /// Share of the agreeing who answer そう思う.
    pub top: f64,
    /// Share of the disagreeing who answer そう思わない.
    pub bottom: f64,
    /// Item non-response rate (blank cell).
    pub nonresponse: f64,
    /// Offset of the latent score for [正規職員, 会計年度任用職員].
    pub emp_shift: [f64; 2],
}

/// Index (0-based) of 職場研修が適切に行われている, renamed in R6.
pub const STMT_TRAINING: usize = 6;
pub const STMT_SATISFIED: usize = 0;
pub const STMT_YARIGAI: usize = 1;
pub const STMT_COMMUNICATION: usize = 4;
pub const STMT_QUIT: usize = 13;
pub const STMT_MENTAL: usize = 14;
pub const R6_TRAINING_HEADER: &str = "職場研修（OJT）が適切に行われている";

/// The 16 statements in questionnaire order, one per line.
#[rustfmt::skip]
pub const STATEMENTS: [Statement; 16] = [
    Statement { text: "しおかぜ市職員として働いていることに満足している", age_pct: [64.4, 61.6, 79.2, 79.5, 89.7], kpi_r5: None, loading: 0.70, top: 0.36, bottom: 0.33, nonresponse: 0.012, emp_shift: [0.0, 0.0] },
    Statement { text: "仕事にやりがいを感じている", age_pct: [62.2, 57.0, 72.2, 72.9, 81.3], kpi_r5: Some(68.7), loading: 1.0, top: 0.34, bottom: 0.30, nonresponse: 0.014, emp_shift: [0.0, 0.0] },
    Statement { text: "仕事上の良いところを褒める組織風土だと感じる", age_pct: [62.2, 39.7, 41.0, 42.7, 53.3], kpi_r5: None, loading: 0.34, top: 0.26, bottom: 0.33, nonresponse: 0.021, emp_shift: [0.0, 0.0] },
    Statement { text: "チャレンジを認める組織風土だと感じる", age_pct: [43.7, 27.8, 36.8, 32.1, 35.5], kpi_r5: Some(33.9), loading: 0.40, top: 0.22, bottom: 0.34, nonresponse: 0.024, emp_shift: [0.0, 0.0] },
    Statement { text: "職場内のコミュニケーションや情報共有、積極的な意見交換が行われている", age_pct: [85.2, 65.8, 67.9, 67.4, 63.6], kpi_r5: Some(69.1), loading: 0.42, top: 0.30, bottom: 0.30, nonresponse: 0.018, emp_shift: [0.0, 0.0] },
    Statement { text: "自己啓発に取り組んでいる", age_pct: [43.7, 43.5, 48.6, 48.5, 45.8], kpi_r5: None, loading: 0.25, top: 0.24, bottom: 0.36, nonresponse: 0.027, emp_shift: [0.0, 0.0] },
    Statement { text: "職場研修が適切に行われている", age_pct: [88.1, 76.8, 75.0, 75.6, 60.7], kpi_r5: Some(75.9), loading: 0.33, top: 0.28, bottom: 0.30, nonresponse: 0.019, emp_shift: [0.0, 0.0] },
    Statement { text: "職員課で公募する研修へ積極的に参加している", age_pct: [65.2, 63.3, 57.1, 55.9, 34.6], kpi_r5: None, loading: 0.0, top: 0.30, bottom: 0.38, nonresponse: 0.031, emp_shift: [0.0, -0.6] },
    Statement { text: "人事異動が適切に行われている", age_pct: [58.7, 42.7, 49.7, 54.2, 55.6], kpi_r5: None, loading: 0.40, top: 0.22, bottom: 0.33, nonresponse: 0.026, emp_shift: [0.0, 0.2] },
    Statement { text: "人事評価が適切に行われている", age_pct: [75.6, 52.3, 65.6, 72.1, 76.6], kpi_r5: Some(67.2), loading: 0.40, top: 0.25, bottom: 0.30, nonresponse: 0.029, emp_shift: [0.0, 0.0] },
    Statement { text: "自分の仕事上の将来的な姿がイメージできている", age_pct: [29.6, 34.2, 40.6, 45.2, 57.9], kpi_r5: None, loading: 0.32, top: 0.20, bottom: 0.36, nonresponse: 0.033, emp_shift: [0.0, -0.35] },
    Statement { text: "去年の自分と比べて仕事上での成長を感じている", age_pct: [79.3, 65.8, 68.9, 55.1, 65.4], kpi_r5: Some(64.4), loading: 0.52, top: 0.28, bottom: 0.28, nonresponse: 0.022, emp_shift: [0.0, 0.0] },
    Statement { text: "仕事に対するモチベーションを感じている", age_pct: [62.2, 55.7, 67.0, 72.6, 84.1], kpi_r5: None, loading: 0.80, top: 0.32, bottom: 0.30, nonresponse: 0.016, emp_shift: [0.0, 0.0] },
    Statement { text: "仕事を辞めたい（転職したい）と思うことがある", age_pct: [57.0, 65.0, 50.9, 47.4, 33.6], kpi_r5: None, loading: -0.50, top: 0.40, bottom: 0.40, nonresponse: 0.038, emp_shift: [0.0, -0.15] },
    Statement { text: "精神的に良好であると感じている", age_pct: [80.0, 70.5, 77.8, 75.9, 91.6], kpi_r5: None, loading: 0.48, top: 0.34, bottom: 0.35, nonresponse: 0.035, emp_shift: [0.0, 0.0] },
    Statement { text: "しおかぜ市に愛着がある", age_pct: [73.3, 72.2, 83.5, 88.5, 91.6], kpi_r5: None, loading: 0.48, top: 0.48, bottom: 0.33, nonresponse: 0.013, emp_shift: [0.0, 0.0] },
];

pub const H_UNSAT: &str = "満足していない理由";
pub const H_NEEDS: &str = "やりがいを感じ、持続・増進させるために必要なもの";
pub const H_STRESS: &str = "ストレス要因";
pub const H_QUIT: &str = "仕事を辞めたい理由";
pub const H_FREE: &str = "自由意見";

pub const UNSAT_OPTS: [&str; 6] = [
    "現在の収入に満足していないから",
    "将来に不安を感じながら仕事をしているから",
    "やりがいを持って仕事ができていないから",
    "職場の人間関係がよくないから",
    "業務量が多すぎるから",
    "その他",
];
/// Option weights for [やりがい有, やりがい無].
pub const UNSAT_W: [[f64; 6]; 2] = [
    [4.0, 2.4, 0.6, 1.0, 1.5, 0.4],
    [2.6, 1.8, 3.0, 1.2, 1.4, 0.4],
];

pub const NEEDS_OPTS: [&str; 5] = [
    "職場のコミュニケーションの円滑化",
    "適正な業務配分",
    "希望に合った適切な人事配置",
    "公正な評価",
    "研修の充実",
];
pub const NEEDS_W: [[f64; 5]; 2] = [[3.4, 2.6, 1.5, 1.4, 1.0], [1.6, 3.0, 2.8, 1.6, 0.8]];

pub const STRESS_OPTS: [&str; 6] = [
    "所属部署の雰囲気",
    "業務量の多さ",
    "事務処理方法の時代遅れ感",
    "給与の不公平感",
    "住民対応",
    "特にない",
];
/// Weights of 業務量の多さ..住民対応 (STRESS_OPTS[1..5]) for [有, 無].
pub const STRESS_OTHER_W: [[f64; 4]; 2] = [[0.8, 0.95, 1.0, 0.55], [0.85, 1.2, 1.0, 0.5]];

pub const QUIT_OPTS: [&str; 4] = [
    "人間関係が悪い時",
    "給与が低いと感じた時",
    "やりがいの無さを感じた時",
    "業務の割り振りに不満がある時",
];
pub const QUIT_W: [[f64; 4]; 2] = [[3.0, 2.6, 1.6, 1.4], [2.8, 2.5, 2.4, 1.6]];

/// Non-response rate of each multi-select question among those asked.
pub const MULTI_NONRESPONSE: f64 = 0.02;
/// Share of respondents who write a free comment.
pub const COMMENT_RATE: f64 = 0.05;
/// Number of choices in a multi-select answer: 1, 2 or 3 with these weights.
pub const N_CHOICES_W: [f64; 3] = [0.40, 0.35, 0.25];
/// The same for ストレス要因 (fewer choices, so that 所属部署の雰囲気 stays the
/// most chosen factor as in Otaru).
pub const STRESS_N_CHOICES_W: [f64; 3] = [0.66, 0.26, 0.08];
/// Selection weight for 所属部署の雰囲気 of those who disagreed with the
/// communication statement (others: 1).
pub const ATMOSPHERE_WEIGHT_DISAGREE: f64 = 2.0;
/// Probability of 特にない for those not choosing 所属部署の雰囲気:
/// [mentally well (statement 15 agreed), others].
pub const STRESS_NONE_P: [f64; 2] = [0.30, 0.10];

pub const COMMENTS: [&str; 14] = [
    "業務量に対して人員が足りていないと感じます。",
    "若手職員向けの研修をもっと増やしてほしい。",
    "テレワークを活用できる環境を整えてほしい。",
    "上司が相談に乗ってくれるので働きやすいです。",
    "紙の決裁が多いので、電子化を進めてほしい。",
    "異動の希望がなかなか通らないと感じる。",
    "会計年度任用職員にも研修の機会がほしい。",
    "窓口対応が多く、休憩が取りにくい。",
    "職場の雰囲気は良く、相談しやすい。",
    "評価の基準がわかりにくい。",
    "時間外勤務が特定の職員に偏っている。",
    "しおかぜ市のために働けることに誇りを持っています。",
    "月に１～２回、課内で意見交換の場がほしい。",
    "研修は有意義だが, 参加できる時間がない。",
];
/// Written into one 自由意見 cell of each xlsx file (a cell with a line break).
pub const MULTILINE_COMMENT: &str =
    "研修の機会を増やしてほしい。\n特に若手向けの実務研修を希望します。";

/// Answers that match no label (3 per file).
pub const UNMATCHED: [&str; 3] = ["わからない", "-", "？"];
