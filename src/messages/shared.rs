//! The texts every stage shares: the helpers that write a text in both languages from the same
//! arguments, and the labels used by more than one stage. Each stage keeps its own texts next to its
//! code (`syntax/messages.rs`, `lower/messages.rs`, `check/messages.rs`, `fmt/messages.rs`); the
//! command line's are in `messages/cli.rs`.
//!
//! The Chinese is written as a finance office writes (资金总额、支出方向、测算依据、二级指标), with
//! full-width punctuation; figures, units, keywords and code (`rate 612/month`, `>=`) stay as written.
//! Names are quoted “…” in Chinese prose and "…" in English and in code.

use super::Text;

pub(crate) fn t(en: impl Into<String>, zh: impl Into<String>) -> Text {
    Text::new(en, zh)
}

/// `“名称”`: a name in Chinese prose.
pub(crate) fn q(name: &str) -> String {
    format!("“{name}”")
}

/// `a, b, c` / `a、b、c`.
pub(crate) fn list_en(items: &[&str]) -> String {
    items.join(", ")
}

pub(crate) fn list_zh(items: &[&str]) -> String {
    items.join("、")
}

/// `"a", "b"` / `“a”、“b”`.
pub(crate) fn quoted_list(items: &[String]) -> (String, String) {
    let en: Vec<String> = items.iter().map(|k| format!("\"{k}\"")).collect();
    let zh: Vec<String> = items.iter().map(|k| q(k)).collect();
    (en.join(", "), zh.join("、"))
}

/// A breakdown's keyword (`income`, `spending`) in Chinese: 收入, 支出.
pub(crate) fn side_zh(what: &str) -> &str {
    match what {
        "income" => "收入",
        "spending" => "支出",
        other => other,
    }
}

/// A framework's name in Chinese prose: the profile name as written, or 自定义 for a document's own tree.
pub(crate) fn framework_zh(name: &str) -> String {
    if name == "custom" {
        "自定义指标体系".to_string()
    } else {
        format!("{}指标体系", q(name))
    }
}

// ── Shared labels ───────────────────────────────────────────────────────────────────────────────

pub fn label_here() -> Text {
    t("here", "此处")
}

pub fn label_not_found() -> Text {
    t("not found", "未找到")
}

pub fn label_given_again() -> Text {
    t("given again here", "此处再次填写")
}

pub fn label_first_given() -> Text {
    t("first given here", "首次填写于此")
}

pub fn label_again_here() -> Text {
    t("again here", "再次出现于此")
}

pub fn label_first_here() -> Text {
    t("first here", "首次出现于此")
}

pub fn label_no_amount() -> Text {
    t("no amount", "没有金额")
}

pub fn label_too_long() -> Text {
    t("too long", "过长")
}

pub fn label_per_what() -> Text {
    t("per what?", "按月还是按年？")
}

/// `declared 36.8万元`.
pub fn label_declared(figure: &str) -> Text {
    t(format!("declared {figure}"), format!("申报数{figure}"))
}

/// A figure shown as a label (`36.72万元`): the same in both languages.
pub fn figure(figure: &str) -> Text {
    t(figure, figure)
}

/// The difference of two figures, or that it could not be computed.
pub fn difference_too_large() -> Text {
    t("too large to compute", "数额过大，无法计算")
}

/// `did you mean "X"?`
pub fn did_you_mean_name(name: &str) -> Text {
    t(
        format!("did you mean \"{name}\"?"),
        format!("是否应为{}？", q(name)),
    )
}
