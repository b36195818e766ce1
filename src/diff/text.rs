//! Character-level text differences (Chinese has no spaces to split words on), the same method as
//! `check::goals::marked_difference`, with one readability step: a single unchanged character between
//! two changes is folded into them, so `稳控工作人员` → `维稳干部人员` does not read as confetti.
//! Also the similarity rule used to pair reworded items.

use super::changes::{Segment, SegmentKind};
use similar::{ChangeTag, TextDiff};

/// Texts longer than this (in characters) are compared as a whole: replaced, not diffed. Real goal
/// texts are at most 2000 characters; this bounds the work on hostile input.
const MAX_CHARS: usize = 10_000;

enum Run {
    Equal(String),
    Change { del: String, ins: String },
}

/// The difference of two texts as equal / deleted / inserted segments; the old text is the equal and
/// deleted segments in order, the new one the equal and inserted segments.
pub fn segments(old: &str, new: &str) -> Vec<Segment> {
    let mut runs: Vec<Run> = Vec::new();
    if old.chars().count() > MAX_CHARS || new.chars().count() > MAX_CHARS {
        if old == new {
            runs.push(Run::Equal(old.to_string()));
        } else {
            runs.push(Run::Change {
                del: old.to_string(),
                ins: new.to_string(),
            });
        }
    } else {
        let diff = TextDiff::from_chars(old, new);
        for change in diff.iter_all_changes() {
            let v = change.value();
            match (change.tag(), runs.last_mut()) {
                (ChangeTag::Equal, Some(Run::Equal(e))) => e.push_str(v),
                (ChangeTag::Equal, _) => runs.push(Run::Equal(v.to_string())),
                (ChangeTag::Delete, Some(Run::Change { del, .. })) => del.push_str(v),
                (ChangeTag::Insert, Some(Run::Change { ins, .. })) => ins.push_str(v),
                (ChangeTag::Delete, _) => runs.push(Run::Change {
                    del: v.to_string(),
                    ins: String::new(),
                }),
                (ChangeTag::Insert, _) => runs.push(Run::Change {
                    del: String::new(),
                    ins: v.to_string(),
                }),
            }
        }
    }
    let runs = fold_single_characters(runs);
    let mut out = Vec::new();
    for run in runs {
        match run {
            Run::Equal(text) => out.push(Segment {
                kind: SegmentKind::Equal,
                text,
            }),
            Run::Change { del, ins } => {
                if !del.is_empty() {
                    out.push(Segment {
                        kind: SegmentKind::Delete,
                        text: del,
                    });
                }
                if !ins.is_empty() {
                    out.push(Segment {
                        kind: SegmentKind::Insert,
                        text: ins,
                    });
                }
            }
        }
    }
    out
}

/// Change, one equal character, change → one change.
fn fold_single_characters(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    let mut iter = runs.into_iter().peekable();
    while let Some(run) = iter.next() {
        match run {
            Run::Equal(e)
                if e.chars().count() == 1
                    && matches!(out.last(), Some(Run::Change { .. }))
                    && matches!(iter.peek(), Some(Run::Change { .. })) =>
            {
                let Some(Run::Change { del: d2, ins: i2 }) = iter.next() else {
                    out.push(Run::Equal(e));
                    continue;
                };
                if let Some(Run::Change { del, ins }) = out.last_mut() {
                    del.push_str(&e);
                    del.push_str(&d2);
                    ins.push_str(&e);
                    ins.push_str(&i2);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether two texts are close enough to be one text reworded: at least half of their characters are
/// shared (2 × common ≥ (old + new) / 2). Integer arithmetic, so the rule is exact.
pub fn similar_enough(old: &str, new: &str) -> bool {
    let (a, b) = (old.chars().count(), new.chars().count());
    if a > MAX_CHARS || b > MAX_CHARS {
        return old == new;
    }
    if a + b == 0 {
        return true;
    }
    let common: usize = TextDiff::from_chars(old, new)
        .iter_all_changes()
        .filter(|c| c.tag() == ChangeTag::Equal)
        .map(|c| c.value().chars().count())
        .sum();
    4 * common >= a + b
}

/// The number of shared characters, to choose the closest of several candidates.
pub fn common_chars(old: &str, new: &str) -> usize {
    if old.chars().count() > MAX_CHARS || new.chars().count() > MAX_CHARS {
        return 0;
    }
    TextDiff::from_chars(old, new)
        .iter_all_changes()
        .filter(|c| c.tag() == ChangeTag::Equal)
        .map(|c| c.value().chars().count())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s.kind {
                SegmentKind::Equal => s.text.clone(),
                SegmentKind::Delete => format!("[-{}]", s.text),
                SegmentKind::Insert => format!("[+{}]", s.text),
            })
            .collect()
    }

    #[test]
    fn marks_changed_chinese_characters() {
        assert_eq!(
            show(&segments("促进社会和谐稳定。", "促进社会和谐发展。")),
            "促进社会和谐[-稳定][+发展]。"
        );
    }

    #[test]
    fn folds_one_equal_character_between_changes() {
        // Without folding: a[-b][+x]c[-d][+y]
        assert_eq!(show(&segments("abcd", "axcy")), "a[-bcd][+xcy]");
        // Two equal characters stay.
        assert_eq!(show(&segments("abcde", "axcdy")), "a[-b][+x]cd[-e][+y]");
    }

    #[test]
    fn segments_rebuild_both_texts() {
        let (old, new) = (
            "指导全区信访部门办公自动化建设。",
            "指导全区信访部门信息化建设，提升效率。",
        );
        let segs = segments(old, new);
        let rebuilt = |skip: SegmentKind| -> String {
            segs.iter()
                .filter(|s| s.kind != skip)
                .map(|s| s.text.as_str())
                .collect()
        };
        assert_eq!(rebuilt(SegmentKind::Insert), old);
        assert_eq!(rebuilt(SegmentKind::Delete), new);
    }

    #[test]
    fn similarity_needs_half_the_characters() {
        assert!(similar_enough(
            "提升信访工作人员业务水平",
            "提升信访干部业务水平"
        ));
        assert!(!similar_enough("无直接经济效益", "群众满意度"));
        assert!(similar_enough("", ""));
    }
}
