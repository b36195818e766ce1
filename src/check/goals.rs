//! The same direction described with different goal texts in the summary table and in its own table.
//! Real declarations do this; the words are kept as written and the difference is shown.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use similar::{ChangeTag, TextDiff};

crate::codes::rules! {
    GOAL_TEXTS_DIFFER = "B5001", Warning, "a direction's goal is worded differently in two places", "同一支出方向的目标在两处表述不同";
}

pub fn goal_texts_agree(review: &Review) -> Vec<Diagnostic> {
    let _decl = review.decl;
    let mut out = Vec::new();
    for (d, path) in review.directions() {
        let pairs = [
            (
                &d.summary_goal,
                &d.goal,
                "实施期绩效目标",
                "summary-goal",
                "goal",
            ),
            (
                &d.summary_annual,
                &d.annual,
                "年度绩效目标",
                "summary-annual",
                "annual",
            ),
        ];
        for (summary, own, what, summary_kw, own_kw) in pairs {
            let (Some(summary), Some(own)) = (summary, own) else {
                continue;
            };
            if summary.value == own.value {
                continue;
            }
            out.push(
                Diagnostic::new(
                    GOAL_TEXTS_DIFFER,
                    msg::goal_worded_differently(
                        what,
                        &d.name.value,
                        &marked_difference(&own.value, &summary.value),
                    ),
                    summary.span,
                    msg::label_in_summary_table(),
                )
                .with_label(own.span, msg::label_in_own_table())
                .with_help(msg::help_goal_worded_differently(summary_kw, own_kw))
                .with_path(path),
            );
        }
    }
    out
}

/// The changed characters marked as `[old→new]`, with the shared text around them.
pub fn marked_difference(old: &str, new: &str) -> String {
    let diff = TextDiff::from_chars(old, new);
    let mut out = String::new();
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut String, del: &mut String, ins: &mut String| {
        if !del.is_empty() || !ins.is_empty() {
            out.push_str(&format!("[{del}→{ins}]"));
            del.clear();
            ins.clear();
        }
    };
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Equal => {
                flush(&mut out, &mut del, &mut ins);
                out.push_str(change.value());
            }
            ChangeTag::Delete => del.push_str(change.value()),
            ChangeTag::Insert => ins.push_str(change.value()),
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn marks_changed_characters() {
        assert_eq!(
            super::marked_difference("促进社会和谐稳定。", "促进社会和谐发展。"),
            "促进社会和谐[稳定→发展]。"
        );
    }
}
