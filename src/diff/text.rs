//! Character-level text differences (Chinese has no spaces to split words on), the same method as
//! `check::goals::marked_difference`, with two readability steps: a single unchanged character between
//! two changes is folded into them (no confetti), and a change never splits a number (`130` → `150` is
//! `[130→150]`, not `1[3→5]0`). Also the similarity rule used to pair reworded items.

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
    let segments = to_segments(runs);
    widen(&segments, in_number, in_number)
}

/// Digits and a decimal point inside a number: a change boundary between two of them splits it.
fn in_number(a: char, b: char) -> bool {
    let part = |c: char| c.is_ascii_digit() || c == '.';
    part(a) && part(b)
}

fn to_segments(runs: Vec<Run>) -> Vec<Segment> {
    let mut out = Vec::new();
    for run in runs {
        match run {
            Run::Equal(text) => {
                if !text.is_empty() {
                    out.push(Segment {
                        kind: SegmentKind::Equal,
                        text,
                    });
                }
            }
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

/// Moves unchanged characters into the changes beside them (into both the deleted and the inserted
/// text, so both texts stay whole) while `bad_start(before, first)` holds at a change's start or
/// `bad_end(last, after)` at its end. Two changes that come to touch become one.
pub fn widen(
    segments: &[Segment],
    bad_start: impl Fn(char, char) -> bool,
    bad_end: impl Fn(char, char) -> bool,
) -> Vec<Segment> {
    let mut runs: Vec<Run> = Vec::new();
    for seg in segments {
        let t = seg.text.as_str();
        match (seg.kind, runs.last_mut()) {
            (SegmentKind::Equal, _) => runs.push(Run::Equal(t.to_string())),
            (SegmentKind::Delete, Some(Run::Change { del, .. })) => del.push_str(t),
            (SegmentKind::Insert, Some(Run::Change { ins, .. })) => ins.push_str(t),
            (SegmentKind::Delete, _) => runs.push(Run::Change {
                del: t.to_string(),
                ins: String::new(),
            }),
            (SegmentKind::Insert, _) => runs.push(Run::Change {
                del: String::new(),
                ins: t.to_string(),
            }),
        }
    }
    for i in 0..runs.len() {
        let (before, rest) = runs.split_at_mut(i);
        let Some((this, after)) = rest.split_first_mut() else {
            continue;
        };
        let Run::Change { del, ins } = this else {
            continue;
        };
        if let Some(Run::Equal(prev)) = before.last_mut() {
            while let Some(p) = prev.chars().last() {
                let bad = |t: &str| t.chars().next().is_some_and(|c| bad_start(p, c));
                if !(bad(del) || bad(ins)) {
                    break;
                }
                prev.pop();
                del.insert(0, p);
                ins.insert(0, p);
            }
        }
        if let Some(Run::Equal(next)) = after.first_mut() {
            while let Some(n) = next.chars().next() {
                let bad = |t: &str| t.chars().last().is_some_and(|c| bad_end(c, n));
                if !(bad(del) || bad(ins)) {
                    break;
                }
                next.remove(0);
                del.push(n);
                ins.push(n);
            }
        }
    }
    let mut joined: Vec<Run> = Vec::new();
    for run in runs {
        match run {
            Run::Equal(e) if e.is_empty() => {}
            Run::Change { del, ins } => match joined.last_mut() {
                Some(Run::Change { del: d, ins: n }) => {
                    d.push_str(&del);
                    n.push_str(&ins);
                }
                _ => joined.push(Run::Change { del, ins }),
            },
            other => joined.push(other),
        }
    }
    to_segments(joined)
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
    fn a_change_never_splits_a_number() {
        assert_eq!(
            show(&segments(
                "其他信访岗位3人，130元/人/月",
                "其他信访岗位3人，150元/人/月"
            )),
            "其他信访岗位3人，[-130][+150]元/人/月"
        );
        assert_eq!(show(&segments("≥90.5%", "≥95.5%")), "≥[-90.5][+95.5]%");
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
