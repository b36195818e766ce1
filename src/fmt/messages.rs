//! The formatter's texts, in both languages.

use super::Property;
use crate::messages::Text;
#[allow(unused_imports)]
pub(crate) use crate::messages::shared::*;

// ── Formatter ───────────────────────────────────────────────────────────────────────────────────

/// A property every formatting result must have.
pub fn property(p: Property) -> Text {
    match p {
        Property::Parses => t("the formatted text parses", "格式化结果能够正确解析"),
        Property::Idempotent => t(
            "formatting the formatted text changes nothing",
            "再次格式化不会改变结果",
        ),
        Property::SameModel => t(
            "the formatted text means the same (same model and diagnostics)",
            "格式化前后含义相同（模型和诊断信息一致）",
        ),
        Property::SameComments => t(
            "every comment is kept, on the same line of code",
            "每条注释都保留在原来的代码行上",
        ),
        Property::SameLiterals => t(
            "every number, string and word keeps its spelling",
            "每个数字、文字和词语的写法都不变",
        ),
    }
}

pub fn format_unverified(p: Property) -> Text {
    let p = property(p);
    t(
        format!(
            "internal error: the formatted text fails the check that {}; nothing was written",
            p.en
        ),
        format!(
            "内部错误：格式化结果未通过“{}”这项校验，未写入任何内容",
            p.zh
        ),
    )
}

pub fn label_this_file() -> Text {
    t("this file", "本文件")
}

pub fn help_format_bug() -> Text {
    t(
        "this is a bug in bdl fmt: please report it with the file; the file is unchanged",
        "这是 bdl fmt 的缺陷，请连同该文件一起报告；原文件未作改动",
    )
}
