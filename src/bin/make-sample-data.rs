//! `make-sample-data`: writes the fictional, seeded sample inputs of the
//! `staff-survey` pipeline (three yearly staff-survey exports of the fictional
//! city of しおかぜ市, one administrative-indicator CSV and a README).
//!
//! ```text
//! cargo run --bin make-sample-data -- [OUT_DIR]      # default OUT_DIR: sample-data
//! ```
//!
//! The program is standalone: it uses only `std`, `rust_xlsxwriter` and
//! `encoding_rs`, never the `staff-survey` library, so the sample data cannot
//! silently follow a bug in the code it is meant to test.
//!
//! # Determinism
//! Every random draw comes from one hand-written xoshiro256** generator seeded
//! through SplitMix64 from the fixed constant [`SEED`] (the ASCII bytes of
//! "SHIOKAZE"), with one independent stream per file (see [`Rng::stream`]).
//! Only integer arithmetic, IEEE-754 `+ - * /` and `sqrt` (all correctly
//! rounded, hence identical on every platform) touch the random numbers; no
//! `exp`/`ln`/`cos` from the platform maths library, no hash-map iteration,
//! no clock. The xlsx document-creation time is fixed per file, so every run
//! on every machine writes the same bytes. The README lists their SHA-256.
//!
//! # Model (details in the generated README)
//! Each respondent has a latent engagement `e` (approximately standard normal,
//! plus a small department effect). Statement `k` has the latent score
//! `z_k = λ_k·e + √(1-λ_k²)·ε_k (+ an employment-type offset)`, with `λ` for
//! 仕事にやりがいを感じている equal to 1, so `e` *is* the やりがい latent.
//! Within each age band the respondents are ranked by `z_k` and the top
//! `round(p·n)` agree, where `p` is Otaru's R5 age-band share, moved so the
//! overall share hits Otaru's KPI baseline where one exists, and moved by a
//! wave offset (R4 a little lower, R6 a little higher). The loadings `λ_k`
//! were calibrated so the やりがい有/無 split resembles Otaru's.

use encoding_rs::SHIFT_JIS;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

type Res<T> = Result<T, Box<dyn Error>>;

/// Master seed: the ASCII bytes of "SHIOKAZE" read as a big-endian u64.
pub const SEED: u64 = 0x5348_494F_4B41_5A45;

// ---------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------

/// SplitMix64 (Steele, Lea, Flood 2014); used only to expand a seed.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman, Vigna 2018).
struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut sm = SplitMix64(seed);
        Rng {
            s: [sm.next_u64(), sm.next_u64(), sm.next_u64(), sm.next_u64()],
        }
    }

    /// Independent stream `n` of the master seed (stream 0 is `Rng::new(SEED)`).
    fn stream(n: u64) -> Rng {
        Rng::new(SEED.wrapping_add(n.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1) with 53 random bits.
    fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Uniform integer in 0..n (multiply-high; bias < 2^-50 for our n).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Approximately standard normal: Irwin–Hall sum of 12 uniforms minus 6
    /// (mean 0, variance 1, range ±6). Uses only additions, so it is exact
    /// and identical on every platform.
    fn normal(&mut self) -> f64 {
        let mut s = 0.0;
        for _ in 0..12 {
            s += self.uniform();
        }
        s - 6.0
    }

    /// Index drawn with probability proportional to `w`.
    fn weighted(&mut self, w: &[f64]) -> usize {
        let total: f64 = w.iter().sum();
        let mut x = self.uniform() * total;
        for (i, &wi) in w.iter().enumerate() {
            if x < wi {
                return i;
            }
            x -= wi;
        }
        w.len() - 1
    }

    /// `k` distinct indices drawn without replacement with probabilities
    /// proportional to `w`, returned in ascending order (form-tool order).
    fn pick_k(&mut self, w: &[f64], k: usize) -> Vec<usize> {
        let mut w = w.to_vec();
        let mut out = Vec::new();
        for _ in 0..k.min(w.len()) {
            let i = self.weighted(&w);
            out.push(i);
            w[i] = 0.0;
        }
        out.sort_unstable();
        out
    }

    /// `m` distinct indices out of 0..n (partial Fisher–Yates), in draw order.
    fn sample(&mut self, n: usize, m: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        for i in 0..m.min(n) {
            let j = i + self.below(n - i);
            idx.swap(i, j);
        }
        idx.truncate(m.min(n));
        idx
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

const SCALE: [&str; 4] = [
    "そう思う",
    "どちらかと言えばそう思う",
    "どちらかと言えばそう思わない",
    "そう思わない",
];

const AGE_LABELS: [&str; 5] = ["20歳代以下", "30歳代", "40歳代", "50歳代", "60歳以上"];
/// Age-band weights (%) per employment type; overall ≈ 13/17/26/30/14 %.
const AGE_WEIGHTS: [[f64; 5]; 2] = [[14.0, 20.0, 28.0, 30.0, 8.0], [10.0, 8.0, 20.0, 30.0, 32.0]];

const EMP_LABELS: [&str; 2] = ["正規職員", "会計年度任用職員"];

const DEPTS: [&str; 7] = [
    "総務部",
    "財政部",
    "市民部",
    "福祉部",
    "建設部",
    "教育委員会",
    "消防本部",
];
/// Department weights (%) per employment type.
const DEPT_WEIGHTS: [[f64; 7]; 2] = [
    [14.0, 9.0, 14.0, 18.0, 15.0, 12.0, 18.0],
    [10.0, 6.0, 22.0, 30.0, 6.0, 24.0, 2.0],
];
/// Department effect added to the latent engagement.
const DEPT_SHIFT: [f64; 7] = [0.05, -0.10, 0.0, -0.12, 0.02, 0.08, 0.12];

/// One 4-point statement.
struct Statement {
    text: &'static str,
    /// Otaru R5 share (%) agreeing (top two answers) per age band.
    age_pct: [f64; 5],
    /// Otaru R5 KPI/KGI baseline (%), used as this statement's R5 overall share.
    kpi_r5: Option<f64>,
    /// Loading on the latent engagement (negative: a negative statement).
    loading: f64,
    /// Share of the agreeing who answer そう思う.
    top: f64,
    /// Share of the disagreeing who answer そう思わない.
    bottom: f64,
    /// Item non-response rate (blank cell).
    nonresponse: f64,
    /// Offset of the latent score for [正規職員, 会計年度任用職員].
    emp_shift: [f64; 2],
}

/// Compact constructor for the one-line-per-statement table below.
#[allow(clippy::too_many_arguments)]
const fn st(
    text: &'static str,
    age_pct: [f64; 5],
    kpi_r5: Option<f64>,
    loading: f64,
    top: f64,
    bottom: f64,
    nonresponse: f64,
    emp_shift: [f64; 2],
) -> Statement {
    Statement {
        text,
        age_pct,
        kpi_r5,
        loading,
        top,
        bottom,
        nonresponse,
        emp_shift,
    }
}

/// Index (0-based) of 職場研修が適切に行われている, renamed in R6.
const STMT_TRAINING: usize = 6;
const STMT_SATISFIED: usize = 0;
const STMT_YARIGAI: usize = 1;
const STMT_COMMUNICATION: usize = 4;
const STMT_QUIT: usize = 13;
const STMT_MENTAL: usize = 14;
const R6_TRAINING_HEADER: &str = "職場研修（OJT）が適切に行われている";

#[rustfmt::skip]
const STATEMENTS: [Statement; 16] = [
    st("しおかぜ市職員として働いていることに満足している", [64.4, 61.6, 79.2, 79.5, 89.7], None, 0.70, 0.36, 0.33, 0.012, [0.0, 0.0]),
    st("仕事にやりがいを感じている", [62.2, 57.0, 72.2, 72.9, 81.3], Some(68.7), 1.0, 0.34, 0.30, 0.014, [0.0, 0.0]),
    st("仕事上の良いところを褒める組織風土だと感じる", [62.2, 39.7, 41.0, 42.7, 53.3], None, 0.34, 0.26, 0.33, 0.021, [0.0, 0.0]),
    st("チャレンジを認める組織風土だと感じる", [43.7, 27.8, 36.8, 32.1, 35.5], Some(33.9), 0.40, 0.22, 0.34, 0.024, [0.0, 0.0]),
    st("職場内のコミュニケーションや情報共有、積極的な意見交換が行われている", [85.2, 65.8, 67.9, 67.4, 63.6], Some(69.1), 0.42, 0.30, 0.30, 0.018, [0.0, 0.0]),
    st("自己啓発に取り組んでいる", [43.7, 43.5, 48.6, 48.5, 45.8], None, 0.25, 0.24, 0.36, 0.027, [0.0, 0.0]),
    st("職場研修が適切に行われている", [88.1, 76.8, 75.0, 75.6, 60.7], Some(75.9), 0.33, 0.28, 0.30, 0.019, [0.0, 0.0]),
    st("職員課で公募する研修へ積極的に参加している", [65.2, 63.3, 57.1, 55.9, 34.6], None, 0.0, 0.30, 0.38, 0.031, [0.0, -0.6]),
    st("人事異動が適切に行われている", [58.7, 42.7, 49.7, 54.2, 55.6], None, 0.40, 0.22, 0.33, 0.026, [0.0, 0.2]),
    st("人事評価が適切に行われている", [75.6, 52.3, 65.6, 72.1, 76.6], Some(67.2), 0.40, 0.25, 0.30, 0.029, [0.0, 0.0]),
    st("自分の仕事上の将来的な姿がイメージできている", [29.6, 34.2, 40.6, 45.2, 57.9], None, 0.32, 0.20, 0.36, 0.033, [0.0, -0.35]),
    st("去年の自分と比べて仕事上での成長を感じている", [79.3, 65.8, 68.9, 55.1, 65.4], Some(64.4), 0.52, 0.28, 0.28, 0.022, [0.0, 0.0]),
    st("仕事に対するモチベーションを感じている", [62.2, 55.7, 67.0, 72.6, 84.1], None, 0.80, 0.32, 0.30, 0.016, [0.0, 0.0]),
    st("仕事を辞めたい（転職したい）と思うことがある", [57.0, 65.0, 50.9, 47.4, 33.6], None, -0.50, 0.40, 0.40, 0.038, [0.0, -0.15]),
    st("精神的に良好であると感じている", [80.0, 70.5, 77.8, 75.9, 91.6], None, 0.48, 0.34, 0.35, 0.035, [0.0, 0.0]),
    st("しおかぜ市に愛着がある", [73.3, 72.2, 83.5, 88.5, 91.6], None, 0.48, 0.48, 0.33, 0.013, [0.0, 0.0]),
];

const H_UNSAT: &str = "満足していない理由";
const H_NEEDS: &str = "やりがいを感じ、持続・増進させるために必要なもの";
const H_STRESS: &str = "ストレス要因";
const H_QUIT: &str = "仕事を辞めたい理由";
const H_FREE: &str = "自由意見";

const UNSAT_OPTS: [&str; 6] = [
    "現在の収入に満足していないから",
    "将来に不安を感じながら仕事をしているから",
    "やりがいを持って仕事ができていないから",
    "職場の人間関係がよくないから",
    "業務量が多すぎるから",
    "その他",
];
/// Option weights for [やりがい有, やりがい無].
const UNSAT_W: [[f64; 6]; 2] = [
    [4.0, 2.4, 0.6, 1.0, 1.5, 0.4],
    [2.6, 1.8, 3.0, 1.2, 1.4, 0.4],
];

const NEEDS_OPTS: [&str; 5] = [
    "職場のコミュニケーションの円滑化",
    "適正な業務配分",
    "希望に合った適切な人事配置",
    "公正な評価",
    "研修の充実",
];
const NEEDS_W: [[f64; 5]; 2] = [[3.4, 2.6, 1.5, 1.4, 1.0], [1.6, 3.0, 2.8, 1.6, 0.8]];

const STRESS_OPTS: [&str; 6] = [
    "所属部署の雰囲気",
    "業務量の多さ",
    "事務処理方法の時代遅れ感",
    "給与の不公平感",
    "住民対応",
    "特にない",
];
/// Weights of 業務量の多さ..住民対応 (STRESS_OPTS[1..5]) for [有, 無].
const STRESS_OTHER_W: [[f64; 4]; 2] = [[0.8, 0.95, 1.0, 0.55], [0.85, 1.2, 1.0, 0.5]];

const QUIT_OPTS: [&str; 4] = [
    "人間関係が悪い時",
    "給与が低いと感じた時",
    "やりがいの無さを感じた時",
    "業務の割り振りに不満がある時",
];
const QUIT_W: [[f64; 4]; 2] = [[3.0, 2.6, 1.6, 1.4], [2.8, 2.5, 2.4, 1.6]];

/// Non-response rate of each multi-select question among those asked.
const MULTI_NONRESPONSE: f64 = 0.02;
/// Share of respondents who write a free comment.
const COMMENT_RATE: f64 = 0.05;
/// Number of choices in a multi-select answer: 1, 2 or 3 with these weights.
const N_CHOICES_W: [f64; 3] = [0.40, 0.35, 0.25];
/// The same for ストレス要因 (fewer choices, so that 所属部署の雰囲気 stays the
/// most chosen factor as in Otaru).
const STRESS_N_CHOICES_W: [f64; 3] = [0.66, 0.26, 0.08];
/// Selection weight for 所属部署の雰囲気 of those who disagreed with the
/// communication statement (others: 1).
const ATMOSPHERE_WEIGHT_DISAGREE: f64 = 2.0;
/// Probability of 特にない for those not choosing 所属部署の雰囲気:
/// [mentally well (statement 15 agreed), others].
const STRESS_NONE_P: [f64; 2] = [0.30, 0.10];

const COMMENTS: [&str; 14] = [
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
const MULTILINE_COMMENT: &str =
    "研修の機会を増やしてほしい。\n特に若手向けの実務研修を希望します。";

/// Answers that match no label (3 per file).
const UNMATCHED: [&str; 3] = ["わからない", "-", "？"];

// ---------------------------------------------------------------------------
// Waves
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FileFormat {
    Xlsx,
    CsvShiftJis,
}

struct Wave {
    code: &'static str,
    era: &'static str,
    file: &'static str,
    format: FileFormat,
    /// Respondents per employment type [正規, 会計年度] (unique people).
    respondents: [usize; 2],
    /// Staff population per employment type [正規, 会計年度].
    population: [usize; 2],
    /// First day of the 19-day survey window (a Monday).
    start: (u32, u32, u32),
    /// Offset (percentage points) added to every agree share (subtracted for
    /// the negative statement).
    shift_pp: f64,
    /// Share of those answering ストレス要因 who choose 所属部署の雰囲気.
    atmosphere: f64,
    /// RNG stream number.
    stream: u64,
}

const WAVES: [Wave; 3] = [
    Wave {
        code: "R4",
        era: "令和4年度 (FY2022)",
        file: "fy2022_R4.xlsx",
        format: FileFormat::Xlsx,
        respondents: [816, 284],
        population: [1680, 790],
        start: (2022, 6, 27),
        shift_pp: -2.0,
        atmosphere: 0.306,
        stream: 1,
    },
    Wave {
        code: "R5",
        era: "令和5年度 (FY2023)",
        file: "fy2023_R5.csv",
        format: FileFormat::CsvShiftJis,
        respondents: [784, 272],
        population: [1670, 786],
        start: (2023, 6, 26),
        shift_pp: 0.0,
        atmosphere: 0.297,
        stream: 2,
    },
    Wave {
        code: "R6",
        era: "令和6年度 (FY2024)",
        file: "fy2024_R6.xlsx",
        format: FileFormat::Xlsx,
        respondents: [890, 310],
        population: [1665, 800],
        start: (2024, 6, 24),
        shift_pp: 1.6,
        atmosphere: 0.285,
        stream: 3,
    },
];

const WINDOW_DAYS: u32 = 19;
const SHEET_NAME: &str = "回答";

/// Column layout.
const COL_ID: usize = 0;
const COL_AGE: usize = 2;
const COL_STMT0: usize = 5;
const COL_UNSAT: usize = COL_STMT0 + 16;
const COL_NEEDS: usize = COL_UNSAT + 1;
/// After 満足していない理由, やりがい…, ストレス要因, 仕事を辞めたい理由.
const COL_FREE: usize = COL_UNSAT + 4;
const N_COLS: usize = COL_FREE + 1;

fn headers(wave: &Wave) -> Vec<String> {
    let mut h: Vec<String> = ["回答ID", "回答日時", "年代", "雇用形態", "所属"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (k, s) in STATEMENTS.iter().enumerate() {
        if k == STMT_TRAINING && wave.code == "R6" {
            h.push(R6_TRAINING_HEADER.to_string());
        } else {
            h.push(s.text.to_string());
        }
    }
    for s in [H_UNSAT, H_NEEDS, H_STRESS, H_QUIT, H_FREE] {
        h.push(s.to_string());
    }
    h
}

// ---------------------------------------------------------------------------
// Respondents
// ---------------------------------------------------------------------------

struct Respondent {
    age: usize,
    emp: usize,
    dept: usize,
    /// Latent engagement (the やりがい latent).
    e: f64,
    /// Latent score per statement.
    z: [f64; 16],
    /// Answer index into SCALE per statement; None = blank.
    answers: [Option<usize>; 16],
    unsat: Vec<usize>,
    needs: Vec<usize>,
    stress: Vec<usize>,
    quit: Vec<usize>,
    comment: Option<&'static str>,
    /// Seconds since the start of the survey window.
    time: u32,
}

impl Respondent {
    fn agrees(&self, k: usize) -> Option<bool> {
        self.answers[k].map(|a| a <= 1)
    }
    /// やりがい group for the reason weights: 0 = 有, 1 = 無. A blank
    /// やりがい answer falls back to the sign of the latent.
    fn group(&self) -> usize {
        match self.agrees(STMT_YARIGAI) {
            Some(true) => 0,
            Some(false) => 1,
            None => usize::from(self.e < 0.0),
        }
    }
}

fn n_choices(rng: &mut Rng) -> usize {
    rng.weighted(&N_CHOICES_W) + 1
}

/// Agree share (0..1) of statement `k` in age band `a` for this wave, given
/// the KPI correction `c` (percentage points).
fn band_share(wave: &Wave, k: usize, a: usize, c: f64) -> f64 {
    let s = &STATEMENTS[k];
    let sign = if s.loading < 0.0 { -1.0 } else { 1.0 };
    ((s.age_pct[a] + c + sign * wave.shift_pp) / 100.0).clamp(0.02, 0.98)
}

fn generate(wave: &Wave) -> Vec<Respondent> {
    let mut rng = Rng::stream(wave.stream);
    let n = wave.respondents[0] + wave.respondents[1];

    // Employment types: exact counts, shuffled.
    let mut emps: Vec<usize> = (0..n)
        .map(|i| usize::from(i >= wave.respondents[0]))
        .collect();
    rng.shuffle(&mut emps);

    // Pass 1: attributes and latent scores.
    let mut people: Vec<Respondent> = emps
        .into_iter()
        .map(|emp| {
            let age = rng.weighted(&AGE_WEIGHTS[emp]);
            let dept = rng.weighted(&DEPT_WEIGHTS[emp]);
            let e = rng.normal() + DEPT_SHIFT[dept];
            let mut z = [0.0; 16];
            for (k, s) in STATEMENTS.iter().enumerate() {
                let noise = rng.normal();
                let l = s.loading;
                z[k] = l * e + (1.0 - l * l).sqrt() * noise + s.emp_shift[emp];
            }
            Respondent {
                age,
                emp,
                dept,
                e,
                z,
                answers: [None; 16],
                unsat: Vec::new(),
                needs: Vec::new(),
                stress: Vec::new(),
                quit: Vec::new(),
                comment: None,
                time: 0,
            }
        })
        .collect();

    // Pass 2: answers by rank of z within each age band.
    let mut band_count = [0usize; 5];
    for p in &people {
        band_count[p.age] += 1;
    }
    for (k, s) in STATEMENTS.iter().enumerate() {
        // KPI correction: move every band by the same number of points so
        // the overall share (actual age mix) equals the KPI baseline.
        let c = match s.kpi_r5 {
            None => 0.0,
            Some(target) => {
                let mixed: f64 = (0..5)
                    .map(|a| s.age_pct[a] * band_count[a] as f64 / n as f64)
                    .sum();
                target - mixed
            }
        };
        for a in 0..5 {
            let mut idx: Vec<usize> = (0..n).filter(|&i| people[i].age == a).collect();
            idx.sort_by(|&i, &j| people[j].z[k].total_cmp(&people[i].z[k]));
            let nb = idx.len();
            let p = band_share(wave, k, a, c);
            let n_agree = (p * nb as f64).round() as usize;
            let n_top = (p * s.top * nb as f64).round() as usize;
            let n_bottom = ((1.0 - p) * s.bottom * nb as f64).round() as usize;
            for (rank, &i) in idx.iter().enumerate() {
                let ans = if rank < n_top {
                    0
                } else if rank < n_agree {
                    1
                } else if rank < nb - n_bottom {
                    2
                } else {
                    3
                };
                people[i].answers[k] = Some(ans);
            }
        }
    }
    // Item non-response: exactly round(rate·n) blank cells per statement,
    // at random respondents.
    for (k, s) in STATEMENTS.iter().enumerate() {
        let m = (s.nonresponse * n as f64).round() as usize;
        for i in rng.sample(n, m) {
            people[i].answers[k] = None;
        }
    }

    // Pass 3: multi-select questions and comments.
    for p in people.iter_mut() {
        let g = p.group();
        // 満足していない理由: only for the bottom two answers of statement 1.
        if p.agrees(STMT_SATISFIED) == Some(false) && !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.unsat = rng.pick_k(&UNSAT_W[g], k);
        }
        if !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.needs = rng.pick_k(&NEEDS_W[g], k);
        }
        // 辞めたい理由: only for the top two answers of statement 14.
        if p.agrees(STMT_QUIT) == Some(true) && !rng.chance(MULTI_NONRESPONSE) {
            let k = n_choices(&mut rng);
            p.quit = rng.pick_k(&QUIT_W[g], k);
        }
        if rng.chance(COMMENT_RATE) {
            p.comment = Some(COMMENTS[rng.below(COMMENTS.len())]);
        }
    }

    // ストレス要因: exactly round(atmosphere × answering) respondents choose
    // 所属部署の雰囲気, drawn with weight 3 if they disagreed with the
    // communication statement, 1 otherwise.
    let answering: Vec<usize> = (0..n).filter(|_| !rng.chance(MULTI_NONRESPONSE)).collect();
    let m = (wave.atmosphere * answering.len() as f64).round() as usize;
    let mut w: Vec<f64> = answering
        .iter()
        .map(|&i| match people[i].agrees(STMT_COMMUNICATION) {
            Some(false) => ATMOSPHERE_WEIGHT_DISAGREE,
            _ => 1.0,
        })
        .collect();
    let mut atmosphere = vec![false; n];
    for _ in 0..m {
        let j = rng.weighted(&w);
        w[j] = 0.0;
        atmosphere[answering[j]] = true;
    }
    for &i in &answering {
        let p = &mut people[i];
        let g = p.group();
        if atmosphere[i] {
            let k = rng.weighted(&STRESS_N_CHOICES_W);
            let others = rng.pick_k(&STRESS_OTHER_W[g], k);
            p.stress = std::iter::once(0)
                .chain(others.iter().map(|o| o + 1))
                .collect();
        } else {
            let well = p.agrees(STMT_MENTAL) == Some(true);
            if rng.chance(STRESS_NONE_P[usize::from(!well)]) {
                p.stress = vec![5];
            } else {
                let k = rng.weighted(&STRESS_N_CHOICES_W) + 1;
                p.stress = rng
                    .pick_k(&STRESS_OTHER_W[g], k)
                    .iter()
                    .map(|o| o + 1)
                    .collect();
            }
        }
    }

    // Response times: weekdays, busier on the first two and last three days,
    // mostly office hours.
    let day_w: Vec<f64> = (0..WINDOW_DAYS)
        .map(|d| {
            let weekday = d % 7 < 5;
            let base = if weekday { 1.0 } else { 0.06 };
            let rush = if d < 2 {
                1.8
            } else if d >= WINDOW_DAYS - 3 {
                1.4
            } else {
                1.0
            };
            base * rush
        })
        .collect();
    for p in people.iter_mut() {
        let day = rng.weighted(&day_w) as u32;
        let u = rng.uniform();
        let (from, to) = if u < 0.85 {
            (8 * 3600 + 1800, 17 * 3600 + 1800)
        } else if u < 0.95 {
            (17 * 3600 + 1800, 21 * 3600 + 1800)
        } else {
            (7 * 3600, 8 * 3600 + 1800)
        };
        let sec = from + rng.below((to - from) as usize) as u32;
        p.time = day * 86_400 + sec;
    }
    // Export order: by response time (stable sort, ties keep generation order).
    people.sort_by_key(|p| p.time);
    people
}

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

fn render(wave: &Wave, people: &[Respondent]) -> Vec<Vec<String>> {
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

// ---------------------------------------------------------------------------
// Deliberate defects
// ---------------------------------------------------------------------------

/// Kinds of deliberate defects, in the order the README lists them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    DuplicateRow,
    EmptyId,
    SpaceVariant,
    HalfWidthKana,
    FullWidthDigits,
    Unmatched,
    LineBreak,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::DuplicateRow => "duplicated 回答ID: the whole row is exported twice (重複行)",
            Kind::EmptyId => "empty 回答ID (回答IDなし)",
            Kind::SpaceVariant => "space variant (全角空白・末尾空白)",
            Kind::HalfWidthKana => "half-width katakana (半角カナ)",
            Kind::FullWidthDigits => "full-width digits (全角数字)",
            Kind::Unmatched => "matches no label (選択肢外の回答)",
            Kind::LineBreak => "not a defect: line break inside the cell (セル内改行)",
        }
    }
}

struct Defect {
    file: &'static str,
    /// Sheet row / CSV record number, header = 1.
    row: usize,
    column: String,
    before: String,
    after: String,
    kind: Kind,
}

/// Puts the deliberate defects into `rows` (data rows, without header) and
/// returns where they are.
fn inject_defects(wave: &Wave, header: &[String], rows: &mut Vec<Vec<String>>) -> Vec<Defect> {
    let mut rng = Rng::stream(100 + wave.stream);
    let mut log = Vec::new();
    let n = rows.len();
    let rec = |row_idx: usize, col: usize, before: &str, after: &str, kind: Kind| Defect {
        file: wave.file,
        row: row_idx + 2,
        column: header[col].clone(),
        before: before.to_string(),
        after: after.to_string(),
        kind,
    };

    // 1. One response exported twice (identical row directly after it).
    let d = n / 3 + rng.below(n / 3);
    let copy = rows[d].clone();
    rows.insert(d + 1, copy);
    let id = rows[d][COL_ID].clone();
    log.push(rec(d + 1, COL_ID, &id, &id, Kind::DuplicateRow));

    // 2. One respondent without 回答ID.
    let mut b = rng.below(rows.len());
    while b == d || b == d + 1 {
        b = rng.below(rows.len());
    }
    let before = std::mem::take(&mut rows[b][COL_ID]);
    log.push(rec(b, COL_ID, &before, "", Kind::EmptyId));

    let protected = [d, d + 1, b];
    let mut used: Vec<(usize, usize)> = Vec::new();
    let mut pick =
        |rng: &mut Rng, rows: &[Vec<String>], cols: &[usize], want: &dyn Fn(&str) -> bool| loop {
            let r = rng.below(rows.len());
            let c = cols[rng.below(cols.len())];
            if !protected.contains(&r) && !used.contains(&(r, c)) && want(&rows[r][c]) {
                used.push((r, c));
                return (r, c);
            }
        };
    let stmt_cols: Vec<usize> = (COL_STMT0..COL_STMT0 + 16).collect();

    // 3. Space variants of scale labels.
    let variants: [(&str, &str, usize); 4] = [
        ("そう思う", "そう思う\u{3000}", 3),
        ("そう思う", "そう思う  ", 2),
        (
            "どちらかと言えばそう思う",
            "どちらかと言えば\u{3000}そう思う",
            3,
        ),
        (
            "どちらかと言えばそう思わない",
            "どちらかと言えばそう思わない ",
            2,
        ),
    ];
    for (from, to, count) in variants {
        for _ in 0..count {
            let (r, c) = pick(&mut rng, rows, &stmt_cols, &|v| v == from);
            rows[r][c] = to.to_string();
            log.push(rec(r, c, from, to, Kind::SpaceVariant));
        }
    }

    // 4. Half-width katakana in a multi-select option.
    let full = NEEDS_OPTS[0];
    let half = "職場のｺﾐｭﾆｹｰｼｮﾝの円滑化";
    for _ in 0..4 {
        let (r, c) = pick(&mut rng, rows, &[COL_NEEDS], &|v| {
            v.split(';').any(|o| o == full)
        });
        let before = rows[r][c].clone();
        rows[r][c] = before.replace(full, half);
        log.push(rec(r, c, &before, &rows[r][c], Kind::HalfWidthKana));
    }

    // 5. R6 only: full-width digits in 年代.
    if wave.code == "R6" {
        for _ in 0..4 {
            let (r, c) = pick(&mut rng, rows, &[COL_AGE], &|v| v == "60歳以上");
            rows[r][c] = "６０歳以上".to_string();
            log.push(rec(r, c, "60歳以上", "６０歳以上", Kind::FullWidthDigits));
        }
    }

    // 6. Answers matching no label (not in statements 1 and 14, which route
    //    the reason questions, so routing stays consistent).
    let plain_cols: Vec<usize> = stmt_cols
        .iter()
        .copied()
        .filter(|&c| c != COL_STMT0 + STMT_SATISFIED && c != COL_STMT0 + STMT_QUIT)
        .collect();
    for bad in UNMATCHED {
        let (r, c) = pick(&mut rng, rows, &plain_cols, &|v| !v.is_empty());
        let before = std::mem::replace(&mut rows[r][c], bad.to_string());
        log.push(rec(r, c, &before, bad, Kind::Unmatched));
    }

    // 7. xlsx only: a comment with a line break inside the cell (not a defect,
    //    but a reader must keep it in one cell).
    if wave.format == FileFormat::Xlsx {
        let (r, c) = pick(&mut rng, rows, &[COL_FREE], &|v| v.is_empty());
        rows[r][c] = MULTILINE_COMMENT.to_string();
        log.push(rec(r, c, "", MULTILINE_COMMENT, Kind::LineBreak));
    }

    log.sort_by_key(|d| (d.kind, d.row));
    log
}

// ---------------------------------------------------------------------------
// Writers
// ---------------------------------------------------------------------------

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in std::iter::once(header).chain(rows.iter().map(|r| r.as_slice())) {
        let line: Vec<String> = r.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Encodes to Shift_JIS (CP932, the WHATWG Shift_JIS of encoding_rs); any
/// character outside CP932 is an error naming the character.
fn encode_cp932(text: &str) -> Res<Vec<u8>> {
    let (bytes, _, had_errors) = SHIFT_JIS.encode(text);
    if had_errors {
        let bad: String = text
            .chars()
            .filter(|c| SHIFT_JIS.encode(&c.to_string()).2)
            .collect();
        return Err(format!("characters not encodable in Shift_JIS (CP932): {bad:?}").into());
    }
    Ok(bytes.into_owned())
}

fn xlsx_bytes(wave: &Wave, header: &[String], rows: &[Vec<String>]) -> Res<Vec<u8>> {
    let mut workbook = Workbook::new();
    // Fixed creation time (never the clock): 20 July of the survey year,
    // 09:00 UTC, a few days after the survey window closes.
    let created = ExcelDateTime::from_ymd(wave.start.0 as u16, 7, 20)?.and_hms(9, 0, 0)?;
    let props = DocProperties::new()
        .set_title(format!(
            "しおかぜ市 職員アンケート {} (架空のサンプル)",
            wave.code
        ))
        .set_author("make-sample-data (staff-survey)")
        .set_comment("Fictional sample data; regenerate with `cargo run --bin make-sample-data`.")
        .set_creation_datetime(&created);
    workbook.set_properties(&props);
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string((r + 1) as u32, c as u16, v)?;
            }
        }
    }
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 19)?;
    sheet.set_column_width(2, 11)?;
    sheet.set_column_width(3, 16)?;
    sheet.set_column_width(4, 11)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(workbook.save_to_buffer()?)
}

/// Administrative indicators (fixed values, not random).
const ADMIN: [(&str, [&str; 3]); 7] = [
    ("採用試験受験者数", ["376", "405", "390"]),
    ("３０代以下職員の自己都合による退職者数", ["18", "13", "11"]),
    ("研修アンケート満足度", ["4.34", "4.27", "4.31"]),
    ("月平均時間外勤務時間数", ["14.6", "12.7", "11.9"]),
    ("年平均年次有給休暇取得日数", ["12.7", "13.4", "13.9"]),
    ("メンタルヘルス不調による長期療養者数", ["30", "29", "28"]),
    ("ストレスチェック高ストレス者割合", ["11.9", "13.2", "12.4"]),
];
/// How 年度 is written for R4, R5, R6 (mixed forms on purpose).
const ADMIN_YEARS: [&str; 3] = ["R4", "令和5年度", "2024"];

fn admin_csv() -> Vec<u8> {
    let mut s = String::from("\u{FEFF}指標,年度,値\r\n");
    for (name, values) in ADMIN {
        for (y, v) in ADMIN_YEARS.iter().zip(values) {
            let _ = write!(s, "{name},{y},{v}\r\n");
        }
    }
    s.into_bytes()
}

// ---------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), for the checksums listed in the README
// ---------------------------------------------------------------------------

fn sha256_hex(data: &[u8]) -> String {
    #[rustfmt::skip]
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for (ki, wi) in K.iter().zip(w.iter()) {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(*ki)
                .wrapping_add(*wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (hi, vi) in h.iter_mut().zip(v) {
            *hi = hi.wrapping_add(vi);
        }
    }
    h.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:08x}");
        s
    })
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

struct WaveOutput {
    file: &'static str,
    bytes: Vec<u8>,
    defects: Vec<Defect>,
    rows: usize,
}

fn build_wave(wave: &Wave) -> Res<WaveOutput> {
    let people = generate(wave);
    let header = headers(wave);
    let mut rows = render(wave, &people);
    let defects = inject_defects(wave, &header, &mut rows);
    let bytes = match wave.format {
        FileFormat::Xlsx => xlsx_bytes(wave, &header, &rows)?,
        FileFormat::CsvShiftJis => encode_cp932(&csv_text(&header, &rows))?,
    };
    Ok(WaveOutput {
        file: wave.file,
        bytes,
        defects,
        rows: rows.len(),
    })
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn readme(outputs: &[WaveOutput], admin_sha: &str) -> String {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(
        w,
        "# Sample data (fictional)\n\n\
All files here are **fictional**. しおかぜ市 does not exist and no real person answered. \
The numbers are modelled on the published results of Otaru city's 2024 HR-development \
policy (人材育成基本方針, survey of R5 = FY2023), only so that the analyses look realistic.\n\n\
This README and the data files are written by `src/bin/make-sample-data.rs`; do not edit \
them by hand. Regenerate (same bytes on every machine and every run):\n\n\
```sh\ncargo run --bin make-sample-data -- sample-data\nsha256sum -c <<'EOF'"
    );
    for o in outputs {
        let _ = writeln!(w, "{}  {}", sha256_hex(&o.bytes), o.file);
    }
    let _ = writeln!(w, "{admin_sha}  admin-indicators.csv\nEOF\n```\n");

    let _ = writeln!(w, "## Files\n");
    let _ = writeln!(
        w,
        "| File | Wave | Format | Data rows | Unique respondents (正規 / 会計年度) | Population (正規 / 会計年度) | Response rate |"
    );
    let _ = writeln!(w, "|---|---|---|---|---|---|---|");
    for (o, wave) in outputs.iter().zip(WAVES.iter()) {
        let fmt = match wave.format {
            FileFormat::Xlsx => "xlsx, sheet `回答`",
            FileFormat::CsvShiftJis => "CSV, Shift_JIS (CP932), CRLF",
        };
        let n = wave.respondents[0] + wave.respondents[1];
        let pop = wave.population[0] + wave.population[1];
        let _ = writeln!(
            w,
            "| `{}` | {} {} | {} | {} | {} ({} / {}) | {} ({} / {}) | {} |",
            o.file,
            wave.code,
            wave.era,
            fmt,
            o.rows,
            n,
            wave.respondents[0],
            wave.respondents[1],
            pop,
            wave.population[0],
            wave.population[1],
            pct(n as f64 / pop as f64)
        );
    }
    let _ = writeln!(
        w,
        "| `admin-indicators.csv` | R4–R6 | CSV, UTF-8 with BOM, CRLF | {} | | | |\n",
        ADMIN.len() * 3
    );
    let _ = writeln!(
        w,
        "Data rows = unique respondents + 1, because one response appears twice (see defects). \
The empty-回答ID row is a real respondent.\n\n\
### Population per employment type (for response rates)\n\n\
| Wave | 正規職員 | 会計年度任用職員 | Total |\n|---|---|---|---|"
    );
    for wave in &WAVES {
        let _ = writeln!(
            w,
            "| {} | {} | {} | {} |",
            wave.code,
            wave.population[0],
            wave.population[1],
            wave.population[0] + wave.population[1]
        );
    }

    let _ = writeln!(w, "\n## Layout of the survey exports\n");
    let _ = writeln!(
        w,
        "One header row, one respondent per row, columns in this order: `回答ID` (`R5-0001`…, in \
order of 回答日時), `回答日時` (text `YYYY/MM/DD hh:mm:ss`, within a 19-day window: \
R4 2022/06/27–07/15, R5 2023/06/26–07/14, R6 2024/06/24–07/12), `年代`, `雇用形態`, `所属`, \
the 16 statements, the 4 multi-select questions and `自由意見`. A blank cell is no answer.\n\n\
- `年代`: {}\n- `雇用形態`: {}\n- `所属`: {}\n\
- Statements, answered with {}:",
        AGE_LABELS.join(" / "),
        EMP_LABELS.join(" / "),
        DEPTS.join(" / "),
        SCALE.map(|x| format!("`{x}`")).join(" / ")
    );
    for (k, s) in STATEMENTS.iter().enumerate() {
        let note = if k == STMT_TRAINING {
            format!(" (header in R6: `{R6_TRAINING_HEADER}`)")
        } else if s.loading < 0.0 {
            " (negative statement: agreeing is bad)".to_string()
        } else {
            String::new()
        };
        let _ = writeln!(w, "  {}. `{}`{}", k + 1, s.text, note);
    }
    let _ = writeln!(
        w,
        "- Multi-select answers are joined with `;` in option order, 1–3 choices:\n\
\x20\x20- `{H_UNSAT}` (asked only if statement 1 was answered with one of the bottom two answers): {}\n\
\x20\x20- `{H_NEEDS}` (everyone): {}\n\
\x20\x20- `{H_STRESS}` (everyone; `特にない` is always alone): {}\n\
\x20\x20- `{H_QUIT}` (asked only if statement 14 was answered with one of the top two answers): {}\n\
\x20\x20Of those asked, {} leave a multi-select question blank.\n\
- `{H_FREE}`: mostly blank; about {} of respondents wrote a short fictional comment. One \
comment contains a half-width comma (quoted in the CSV) and one `～` (U+FF5E).",
        UNSAT_OPTS.join(" / "),
        NEEDS_OPTS.join(" / "),
        STRESS_OPTS.join(" / "),
        QUIT_OPTS.join(" / "),
        pct(MULTI_NONRESPONSE),
        pct(COMMENT_RATE)
    );

    let _ = writeln!(w, "\n## How the data is made\n");
    let _ = writeln!(
        w,
        "- **PRNG**: xoshiro256** seeded through SplitMix64 from the fixed seed \
`0x{SEED:016X}` (ASCII \"SHIOKAZE\"); one stream per file (stream n uses seed \
`SEED + n·0xD1B54A32D192ED03`: R4 = 1, R5 = 2, R6 = 3, defects = 101–103). Normal draws are \
Irwin–Hall (sum of 12 uniforms − 6). Only `+ − × ÷ √` touch the random numbers, so the output \
is the same on every platform; the xlsx creation time is fixed (20 July of the survey year, \
09:00 UTC, after the window closes). The xlsx bytes (not their cell contents) also depend on the zip \
and compression crates locked in `Cargo.lock`; upgrading them may change the checksums above.\n\
- **Respondents**: exact counts per employment type (shuffled). 年代 is drawn with weights \
(%) 正規 {:?}, 会計年度 {:?} (overall ≈ 13/17/26/30/14); 所属 with weights 正規 {:?}, \
会計年度 {:?} (order as listed above).\n\
- **Latent engagement** `e` = N(0,1) + department effect {:?} (order as listed above).\n\
- **Statements**: `z_k = λ_k·e + √(1−λ_k²)·ε_k + employment offset`; λ for やりがい is 1 \
(so `e` is the やりがい latent). Within each age band, respondents are ranked by `z_k`: the top \
`round(p·n)` agree, the top `round(p·top·n)` of them answer そう思う, and the bottom \
`round((1−p)·bottom·n)` answer そう思わない. `p` = Otaru's R5 share for that age band, plus \
one correction per statement so the overall share equals Otaru's KPI baseline where there is one \
(R5), plus the wave offset (R4 −2.0 points, R5 0, R6 +1.6; reversed for the negative \
statement). Then exactly round(rate × n) cells per statement, at random respondents, are \
blanked (item non-response).\n",
        AGE_WEIGHTS[0], AGE_WEIGHTS[1], DEPT_WEIGHTS[0], DEPT_WEIGHTS[1], DEPT_SHIFT
    );
    let _ = writeln!(
        w,
        "| # | Otaru R5 agree % by age band (20代以下/30/40/50/60以上) | R5 overall target | λ | top | bottom | non-response | offset (正規, 会計年度) |\n|---|---|---|---|---|---|---|---|"
    );
    for (k, s) in STATEMENTS.iter().enumerate() {
        let _ = writeln!(
            w,
            "| {} | {:?} | {} | {} | {} | {} | {} | {:?} |",
            k + 1,
            s.age_pct,
            s.kpi_r5
                .map_or("age mix".to_string(), |v| format!("{v}% (KPI)")),
            s.loading,
            s.top,
            s.bottom,
            pct(s.nonresponse),
            s.emp_shift
        );
    }
    let _ = writeln!(
        w,
        "\n- **Multi-select**: number of choices 1/2/3 with weights {:?}; options drawn without \
replacement with weights that differ between やりがい有 and やりがい無 (the groups of statement \
2; a blank answer uses the sign of `e`), following Otaru's 回答数の多いもの:\n\
\x20\x20- {H_UNSAT}: 有 {:?}, 無 {:?}\n  - {H_NEEDS}: 有 {:?}, 無 {:?}\n\
\x20\x20- {H_QUIT}: 有 {:?}, 無 {:?}\n\
\x20\x20- {H_STRESS}: exactly round(share × answering) respondents choose `所属部署の雰囲気` \
(share R4 {}, R5 {} = Otaru's KPI baseline, R6 {}), drawn with weight {} for those who disagreed \
with the communication statement, plus 0–2 other factors; the others choose `特にない` alone \
with probability {} (statement 15 agreed) or {}, else 1–3 of the other options. For this \
question the number of (other) choices has weights {:?}, and the other options have weights \
有 {:?}, 無 {:?}.\n\
- **Administrative indicators** (`admin-indicators.csv`, columns `指標,年度,値`): fixed values, \
R4/R5 as published by Otaru, R6 invented. 年度 is written `R4`, `令和5年度` and `2024` on \
purpose (three valid forms of R4, R5, R6).\n",
        N_CHOICES_W,
        UNSAT_W[0],
        UNSAT_W[1],
        NEEDS_W[0],
        NEEDS_W[1],
        QUIT_W[0],
        QUIT_W[1],
        pct(WAVES[0].atmosphere),
        pct(WAVES[1].atmosphere),
        pct(WAVES[2].atmosphere),
        ATMOSPHERE_WEIGHT_DISAGREE,
        pct(STRESS_NONE_P[0]),
        pct(STRESS_NONE_P[1]),
        STRESS_N_CHOICES_W,
        STRESS_OTHER_W[0],
        STRESS_OTHER_W[1]
    );

    let _ = writeln!(w, "## Deliberate defects\n");
    let _ = writeln!(
        w,
        "Row = sheet row / CSV record, header = row 1 (the CSV has no line break inside a field, \
so record = line). Expected handling: the space and width variants match their labels after \
NFKC + removing spaces (ASCII and U+3000) + wave-dash normalisation; the unmatched answers are \
reported and treated as no answer; the duplicate row is dropped once; the empty-ID row is kept \
(or reported).\n\n| File | Row | Column | Original | Written | Kind |\n|---|---|---|---|---|---|"
    );
    for o in outputs {
        for d in &o.defects {
            let show = |x: &str| {
                if x.is_empty() {
                    "(empty)".to_string()
                } else {
                    format!(
                        "`{}`",
                        x.replace('\u{3000}', "␣(U+3000)")
                            .replace(' ', "·")
                            .replace('\n', "⏎")
                    )
                }
            };
            let original = if d.kind == Kind::DuplicateRow {
                format!("{} in row {} (identical row)", show(&d.before), d.row - 1)
            } else {
                show(&d.before)
            };
            let _ = writeln!(
                w,
                "| `{}` | {} | `{}` | {} | {} | {} |",
                d.file,
                d.row,
                d.column,
                original,
                show(&d.after),
                d.kind.label()
            );
        }
    }
    let _ = writeln!(
        w,
        "\nIn the table, `·` stands for an ASCII space, `␣(U+3000)` for a full-width space and `⏎` \
for a line break inside the cell."
    );
    s
}

fn run(out_dir: &Path) -> Res<()> {
    std::fs::create_dir_all(out_dir)?;
    let mut outputs = Vec::new();
    for wave in &WAVES {
        let o = build_wave(wave)?;
        std::fs::write(out_dir.join(o.file), &o.bytes)?;
        println!(
            "{}: {} data rows, {} bytes, sha256 {}",
            o.file,
            o.rows,
            o.bytes.len(),
            sha256_hex(&o.bytes)
        );
        outputs.push(o);
    }
    let admin = admin_csv();
    std::fs::write(out_dir.join("admin-indicators.csv"), &admin)?;
    let admin_sha = sha256_hex(&admin);
    println!("admin-indicators.csv: sha256 {admin_sha}");
    std::fs::write(out_dir.join("README.md"), readme(&outputs, &admin_sha))?;
    println!("README.md written to {}", out_dir.display());
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 1 {
        eprintln!("usage: make-sample-data [OUT_DIR]   (default: sample-data)");
        std::process::exit(if args.len() > 1 { 2 } else { 0 });
    }
    let out = args
        .first()
        .map_or_else(|| PathBuf::from("sample-data"), PathBuf::from);
    if let Err(e) = run(&out) {
        eprintln!("make-sample-data: error: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prng_matches_reference_values() {
        // Computed independently with Python (SplitMix64 expansion of SEED,
        // then xoshiro256**).
        let mut rng = Rng::new(SEED);
        let expected = [
            0x7179_39c7_7a24_f901u64,
            0x49d2_a218_07d2_6e2b,
            0x5f17_658b_9738_25da,
            0x1dac_1da8_e4a0_9602,
        ];
        for e in expected {
            assert_eq!(rng.next_u64(), e);
        }
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let first8 = |stream: u64| {
            let mut r = Rng::stream(stream);
            (0..8).map(|_| r.next_u64()).collect::<Vec<u64>>()
        };
        assert_eq!(first8(2), first8(2));
        assert_ne!(first8(2), first8(3));
        assert_eq!(first8(0), {
            let mut r = Rng::new(SEED);
            (0..8).map(|_| r.next_u64()).collect::<Vec<u64>>()
        });
    }

    #[test]
    fn every_label_round_trips_through_shift_jis() {
        let mut labels: Vec<String> = Vec::new();
        for wave in &WAVES {
            labels.extend(headers(wave));
        }
        let groups: [&[&str]; 11] = [
            &SCALE,
            &AGE_LABELS,
            &EMP_LABELS,
            &DEPTS,
            &UNSAT_OPTS,
            &NEEDS_OPTS,
            &STRESS_OPTS,
            &QUIT_OPTS,
            &COMMENTS,
            &UNMATCHED,
            &[
                "職場のｺﾐｭﾆｹｰｼｮﾝの円滑化",
                "６０歳以上",
                "どちらかと言えば\u{3000}そう思う",
                "そう思う\u{3000}",
                MULTILINE_COMMENT,
            ],
        ];
        labels.extend(groups.iter().flat_map(|g| g.iter().map(|s| s.to_string())));
        for l in &labels {
            let bytes = encode_cp932(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            let (back, had_errors) = SHIFT_JIS.decode_without_bom_handling(&bytes);
            assert!(!had_errors, "{l}");
            assert_eq!(&back, l);
        }
        assert!(encode_cp932("〜").is_err(), "U+301C must be rejected");
        assert!(encode_cp932("～").is_ok());
    }

    #[test]
    fn nonresponse_and_routing_within_bounds() {
        for wave in &WAVES {
            let people = generate(wave);
            let n = people.len() as f64;
            for k in 0..16 {
                let blank = people.iter().filter(|p| p.answers[k].is_none()).count() as f64;
                let share = blank / n;
                assert!(
                    (0.004..=0.06).contains(&share),
                    "{} stmt {}: {share}",
                    wave.code,
                    k + 1
                );
            }
            for p in &people {
                if p.agrees(STMT_SATISFIED) != Some(false) {
                    assert!(p.unsat.is_empty());
                }
                if p.agrees(STMT_QUIT) != Some(true) {
                    assert!(p.quit.is_empty());
                }
                for v in [&p.unsat, &p.needs, &p.stress, &p.quit] {
                    assert!(v.len() <= 3);
                }
                if p.stress.contains(&5) {
                    assert_eq!(p.stress, vec![5]);
                }
            }
        }
    }

    #[test]
    fn kpi_baselines_are_close_in_r5() {
        let people = generate(&WAVES[1]);
        for (k, s) in STATEMENTS.iter().enumerate() {
            if let Some(target) = s.kpi_r5 {
                let answered: Vec<_> = people.iter().filter_map(|p| p.agrees(k)).collect();
                let share = answered.iter().filter(|&&a| a).count() as f64 / answered.len() as f64;
                assert!(
                    (share * 100.0 - target).abs() < 1.5,
                    "stmt {}: {share}",
                    k + 1
                );
            }
        }
        let answered: Vec<_> = people.iter().filter(|p| !p.stress.is_empty()).collect();
        let atm = answered.iter().filter(|p| p.stress.contains(&0)).count() as f64;
        assert!((atm / answered.len() as f64 - 0.297).abs() < 0.002);
    }

    #[test]
    fn output_is_deterministic() {
        let a = build_wave(&WAVES[1]).unwrap();
        let b = build_wave(&WAVES[1]).unwrap();
        assert_eq!(a.bytes, b.bytes);
        let x = build_wave(&WAVES[2]).unwrap();
        let y = build_wave(&WAVES[2]).unwrap();
        assert_eq!(x.bytes, y.bytes);
    }

    #[test]
    fn sha256_known_vectors() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn time_format_crosses_month_end() {
        assert_eq!(format_time((2023, 6, 26), 0), "2023/06/26 00:00:00");
        assert_eq!(
            format_time((2023, 6, 26), 5 * 86_400 + 3661),
            "2023/07/01 01:01:01"
        );
    }
}
