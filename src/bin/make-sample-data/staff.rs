//! The staff of しおかぜ市 as the rosters describe them: appointing bodies (任命権者) and their
//! departments (所属), job types (職種), appointment types (任用区分), posts (職位) with their raw
//! titles (職名) and the title→post mapping, the seats per body, job and post, leave reasons,
//! and the small lists the fictional names are built from.

/// 任命権者 (appointing body).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Body {
    Mayor,
    Education,
    Fire,
    Hospital,
    Audit,
}

pub const BODIES: [Body; 5] = [
    Body::Mayor,
    Body::Education,
    Body::Fire,
    Body::Hospital,
    Body::Audit,
];

impl Body {
    pub fn label(self) -> &'static str {
        match self {
            Body::Mayor => "市長部局",
            Body::Education => "教育委員会",
            Body::Fire => "消防本部",
            Body::Hospital => "病院局",
            Body::Audit => "行政委員会",
        }
    }
}

/// 職種 (job type).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Job {
    Clerical,
    Technical,
    Firefighter,
    Nurse,
    MedTech,
    Doctor,
    Childcare,
    Teacher,
}

impl Job {
    pub fn label(self) -> &'static str {
        match self {
            Job::Clerical => "事務",
            Job::Technical => "技術",
            Job::Firefighter => "消防",
            Job::Nurse => "看護",
            Job::MedTech => "医療技術",
            Job::Doctor => "医師",
            Job::Childcare => "保育",
            Job::Teacher => "教員",
        }
    }

    /// The 職名 of a 主事級 member below the age at which they are titled 主任.
    pub fn junior_title(self) -> &'static str {
        match self {
            Job::Clerical => "主事",
            Job::Technical | Job::MedTech => "技師",
            Job::Firefighter => "消防士",
            Job::Nurse => "看護師",
            Job::Childcare => "保育士",
            Job::Doctor => DOCTOR_TITLE,
            Job::Teacher => SUPERVISOR_TITLE,
        }
    }

    /// Relative weight of being a woman when the women of a group are drawn (nurses and
    /// nursery staff mostly women, firefighters almost all men).
    pub fn female_weight(self) -> f64 {
        match self {
            Job::Clerical => 1.3,
            Job::Technical => 0.45,
            Job::Firefighter => 0.03,
            Job::Nurse => 25.0,
            Job::MedTech => 2.5,
            Job::Doctor => 0.4,
            Job::Childcare => 40.0,
            Job::Teacher => 0.5,
        }
    }

    /// Range of ages (on 1 April) at which this job is hired as a new graduate.
    pub fn hire_ages(self) -> (u32, u32) {
        match self {
            Job::Firefighter => (18, 24),
            Job::Nurse | Job::MedTech => (21, 26),
            Job::Childcare => (20, 26),
            Job::Doctor => (28, 45),
            Job::Teacher => (40, 50),
            Job::Clerical | Job::Technical => (22, 27),
        }
    }
}

/// 任用区分 (appointment type). No 会計年度任用職員 are on the rosters.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Regular,
    Rehired,
    Special,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Regular => "正規",
            Kind::Rehired => "再任用",
            Kind::Special => "特別職",
        }
    }
}

/// 退職事由 (leave reason).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reason {
    Voluntary,
    Retirement,
    Encouraged,
    Death,
    Other,
}

pub const REASONS: [Reason; 5] = [
    Reason::Voluntary,
    Reason::Retirement,
    Reason::Encouraged,
    Reason::Death,
    Reason::Other,
];

impl Reason {
    pub fn label(self) -> &'static str {
        match self {
            Reason::Voluntary => "自己都合",
            Reason::Retirement => "定年",
            Reason::Encouraged => "勧奨",
            Reason::Death => "死亡",
            Reason::Other => "その他",
        }
    }
}

/// Posts (職位), highest first; indices are used as grades.
pub const POSTS: [&str; 5] = ["部長級", "次長級", "課長級", "係長級", "主事級"];
pub const JICHO: usize = 1;
pub const KACHO: usize = 2;
pub const KAKARI: usize = 3;
pub const SHUJI: usize = 4;
/// Posts 0..MANAGERS are managers (管理職).
pub const MANAGERS: usize = 3;

/// The raw 職名 → post mapping the pipeline is expected to apply (not used to write the
/// rosters, only listed in the README and used by the statistics printed there).
pub const TITLE_POSTS: [(&str, usize); 13] = [
    ("部長", 0),
    ("理事", 0),
    ("次長", 1),
    ("課長", 2),
    ("主幹", 2),
    ("係長", 3),
    ("主査", 3),
    ("主任", 4),
    ("主事", 4),
    ("技師", 4),
    ("消防士", 4),
    ("看護師", 4),
    ("保育士", 4),
];

/// The post of a raw title, if it is in [`TITLE_POSTS`].
pub fn post_of(title: &str) -> Option<usize> {
    TITLE_POSTS
        .iter()
        .find(|(t, _)| *t == title)
        .map(|&(_, p)| p)
}

/// Titles given on promotion into posts 0..=3, with their weights.
pub const PROMOTION_TITLES: [&[(&str, f64)]; 4] = [
    &[("部長", 0.6), ("理事", 0.4)],
    &[("次長", 1.0)],
    &[("課長", 0.72), ("主幹", 0.28)],
    &[("係長", 0.6), ("主査", 0.4)],
];
/// Title of a 主事級 member from their personal 主任 age on, and of most 再任用 staff.
pub const SENIOR_TITLE: &str = "主任";
/// Youngest age (on 1 April) at which someone is promoted into posts 0..=3.
pub const MIN_PROMOTION_AGE: [u32; 4] = [53, 50, 42, 31];

/// Special titles, outside the post mapping: the four 特別職, doctors and 指導主事.
pub const SPECIAL_TITLES: [&str; 4] = ["市長", "副市長", "教育長", "病院事業管理者"];
pub const DOCTOR_TITLE: &str = "医師";
pub const SUPERVISOR_TITLE: &str = "指導主事";
/// 所属 of the 特別職.
pub const SPECIAL_DEPT: &str = "秘書課";
pub const DOCTORS: usize = 25;
pub const SUPERVISORS: usize = 5;

/// Seats of 正規 graded staff per body and job, per post (部長級 … 主事級). Their sum (1,655)
/// is the headcount after the exclusions; the 主事級 seats of 市長部局 事務 move by the
/// yearly `clerk_delta`.
pub const SEATS: [(Body, Job, [usize; 5]); 11] = [
    (Body::Mayor, Job::Clerical, [8, 16, 95, 185, 440]),
    (Body::Mayor, Job::Technical, [3, 5, 27, 55, 126]),
    (Body::Mayor, Job::Childcare, [0, 0, 4, 10, 44]),
    (Body::Mayor, Job::MedTech, [0, 1, 4, 5, 33]),
    (Body::Education, Job::Clerical, [1, 2, 13, 25, 72]),
    (Body::Education, Job::Technical, [0, 0, 2, 5, 16]),
    (Body::Fire, Job::Firefighter, [1, 3, 13, 38, 128]),
    (Body::Fire, Job::Clerical, [0, 0, 1, 2, 4]),
    (Body::Hospital, Job::Clerical, [1, 2, 6, 7, 14]),
    (Body::Hospital, Job::Nurse, [1, 3, 14, 32, 138]),
    (Body::Hospital, Job::MedTech, [0, 1, 5, 10, 30]),
];
/// The tiny 行政委員会 (監査委員事務局): 課長, 主査 and two 主事 who stay all six years.
pub const AUDIT_STAFF: [(usize, &str); 4] = [(2, "課長"), (3, "主査"), (4, "主事"), (4, "主事")];
pub const AUDIT_DEPT: &str = "監査委員事務局";

/// Departments (所属) of 市長部局.
pub const MAYOR_DEPTS: [&str; 5] = ["総務部", "財政部", "市民部", "福祉部", "建設部"];

/// Weights of [`MAYOR_DEPTS`] per job in 市長部局.
fn mayor_dept_weights(job: Job) -> [f64; 5] {
    match job {
        Job::Technical => [0.04, 0.0, 0.12, 0.04, 0.80],
        Job::Childcare => [0.0, 0.0, 0.0, 1.0, 0.0],
        Job::MedTech => [0.0, 0.0, 0.2, 0.8, 0.0],
        _ => [0.26, 0.15, 0.22, 0.24, 0.13],
    }
}

/// The department of someone of `job` in `body`; `pick` draws an index from weights.
pub fn dept_of(body: Body, job: Job, pick: &mut dyn FnMut(&[f64]) -> usize) -> &'static str {
    match body {
        Body::Mayor => MAYOR_DEPTS[pick(&mayor_dept_weights(job))],
        Body::Education => "教育委員会",
        Body::Fire => "消防本部",
        Body::Hospital => "市立病院",
        Body::Audit => AUDIT_DEPT,
    }
}

/// Common surnames and given names; a name is `surname + U+3000 + given name`.
pub const SURNAMES: [&str; 40] = [
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "伊藤",
    "渡辺",
    "山本",
    "中村",
    "小林",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "林",
    "斎藤",
    "清水",
    "山崎",
    "森",
    "池田",
    "橋本",
    "阿部",
    "石川",
    "山下",
    "中島",
    "石井",
    "小川",
    "前田",
    "岡田",
    "長谷川",
    "藤田",
    "後藤",
    "近藤",
    "村上",
    "遠藤",
    "青木",
    "坂本",
];
pub const MALE_NAMES: [&str; 24] = [
    "翔太", "大輔", "健太", "拓也", "直樹", "浩二", "誠", "剛", "和也", "達也", "亮", "洋平",
    "智之", "哲也", "隆", "修", "聡", "悠斗", "蓮", "大和", "陽太", "博之", "勝", "正人",
];
pub const FEMALE_NAMES: [&str; 24] = [
    "花子",
    "陽子",
    "恵子",
    "由美",
    "美穂",
    "真由美",
    "裕子",
    "智子",
    "彩",
    "愛",
    "美咲",
    "さくら",
    "結衣",
    "葵",
    "優子",
    "千尋",
    "麻衣",
    "明美",
    "香織",
    "奈々",
    "舞",
    "遥",
    "直美",
    "久美子",
];
