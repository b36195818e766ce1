//! Scoring profiles of the year-end self-evaluation (绩效自评): which profile, its grade thresholds, how
//! a ≤ indicator loses points, the deviation that needs a reason, and the words of the three
//! qualitative results. The formulas are `score`'s; these are the words a document chooses them by.

use rust_decimal::Decimal;

/// How the 100 points are split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileKind {
    /// The Ministry's: 预算执行 10, 产出 50 (成本 with it), 效益 30, 满意度 10 (to 效益 when there is no
    /// 满意度 indicator); within a block by the indicators' weights, else evenly.
    Mof,
    /// 预算执行 10, and 90 split by the indicators' own weights (else evenly): the Sichuan form.
    FreeSplit,
}

impl ProfileKind {
    pub const NAMES: &[&str] = &["mof", "free-split"];

    pub fn from_name(name: &str) -> Option<ProfileKind> {
        match name.to_ascii_lowercase().as_str() {
            "mof" | "ministry" | "财政部" => Some(ProfileKind::Mof),
            "free-split" | "free" | "sichuan" | "四川" => Some(ProfileKind::FreeSplit),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ProfileKind::Mof => "mof",
            ProfileKind::FreeSplit => "free-split",
        }
    }
}

/// How a ≤ (or <) indicator scores above its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Inverse {
    /// Falling linearly from full points at the target to 0 at twice the target.
    Linear,
    /// target ÷ actual × points.
    Ratio,
}

impl Inverse {
    pub fn from_name(name: &str) -> Option<Inverse> {
        match name {
            "linear" => Some(Inverse::Linear),
            "ratio" => Some(Inverse::Ratio),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Inverse::Linear => "linear",
            Inverse::Ratio => "ratio",
        }
    }
}

/// A profile with its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub kind: ProfileKind,
    /// The lowest totals of 优, 良 and 中 (below the last: 差).
    pub grades: [Decimal; 3],
    pub inverse: Inverse,
    /// A deviation of at least this many percent (over-achieved), or any shortfall, needs a reason.
    pub deviation: Decimal,
}

impl Profile {
    pub fn new(kind: ProfileKind) -> Profile {
        Profile {
            kind,
            grades: [Decimal::from(90), Decimal::from(80), Decimal::from(60)],
            inverse: Inverse::Linear,
            deviation: Decimal::from(20),
        }
    }

    /// 预算执行's points (both profiles).
    pub fn execution_points(&self) -> Decimal {
        Decimal::from(10)
    }
}

impl Default for Profile {
    fn default() -> Self {
        Profile::new(ProfileKind::Mof)
    }
}

/// 等级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grade {
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Grade {
    pub fn of(total: Decimal, thresholds: &[Decimal; 3]) -> Grade {
        let [a, b, c] = *thresholds;
        if total >= a {
            Grade::Excellent
        } else if total >= b {
            Grade::Good
        } else if total >= c {
            Grade::Fair
        } else {
            Grade::Poor
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Grade::Excellent => "优",
            Grade::Good => "良",
            Grade::Fair => "中",
            Grade::Poor => "差",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Good => "good",
            Grade::Fair => "fair",
            Grade::Poor => "poor",
        }
    }
}

/// The three results a qualitative indicator is judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Result3 {
    /// 达成: 80–100 % of the points.
    Achieved,
    /// 部分达成: 60–80 %.
    Partly,
    /// 未达成: 0–60 %.
    Missed,
}

/// Each result's canonical word first, then the provinces' wordings of it.
const RESULT_WORDS: &[(Result3, &[&str])] = &[
    (
        Result3::Achieved,
        &[
            "达成",
            "已达成",
            "完成",
            "已完成",
            "全部完成",
            "全面完成",
            "达到",
            "已达到",
            "实现",
            "已实现",
            "按时完成",
            "好",
        ],
    ),
    (
        Result3::Partly,
        &[
            "部分达成",
            "基本达成",
            "部分完成",
            "基本完成",
            "部分实现",
            "基本实现",
            "基本达到",
            "较好",
        ],
    ),
    (
        Result3::Missed,
        &["未达成", "未完成", "未实现", "未达到", "没有完成", "差"],
    ),
];

impl Result3 {
    /// The result a word names, if it names one.
    pub fn from_word(word: &str) -> Option<Result3> {
        let w = word.trim();
        RESULT_WORDS
            .iter()
            .find(|(_, words)| words.contains(&w))
            .map(|(r, _)| *r)
    }

    pub fn zh(self) -> &'static str {
        match self {
            Result3::Achieved => "达成",
            Result3::Partly => "部分达成",
            Result3::Missed => "未达成",
        }
    }

    /// The band of the points, in percent: (lowest, highest).
    pub fn band(self) -> (Decimal, Decimal) {
        let (lo, hi) = match self {
            Result3::Achieved => (80, 100),
            Result3::Partly => (60, 80),
            Result3::Missed => (0, 60),
        };
        (Decimal::from(lo), Decimal::from(hi))
    }

    /// Every word a result may be written with, for messages.
    pub fn all_words() -> impl Iterator<Item = &'static str> {
        RESULT_WORDS.iter().flat_map(|(_, w)| w.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_follow_the_thresholds() {
        let t = Profile::default().grades;
        assert_eq!(Grade::of(Decimal::from(90), &t), Grade::Excellent);
        assert_eq!(Grade::of(Decimal::new(8999, 2), &t), Grade::Good);
        assert_eq!(Grade::of(Decimal::from(60), &t), Grade::Fair);
        assert_eq!(Grade::of(Decimal::new(5999, 2), &t), Grade::Poor);
    }

    #[test]
    fn result_words_are_unambiguous() {
        let all: Vec<&str> = Result3::all_words().collect();
        for w in &all {
            assert_eq!(all.iter().filter(|x| *x == w).count(), 1, "{w}");
        }
        assert_eq!(Result3::from_word("基本完成"), Some(Result3::Partly));
    }
}
