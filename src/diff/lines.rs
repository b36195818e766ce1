//! Income, spending and fund lines: paired by breakdown and path of names, 其中 lines below them.

use super::Cx;
use super::changes::*;
use super::pairing::{Paired, pair_by};
use crate::model::Line;

pub(super) fn compare_lines(
    cx: &Cx,
    direction: Option<&str>,
    breakdown: Breakdown,
    old: &[Line],
    new: &[Line],
    path: &[String],
    out: &mut Vec<LineChange>,
) {
    for paired in pair_by(old, new, |l: &Line| l.name.value.clone()) {
        match paired {
            Paired::Both { old: o, new: n, .. } => {
                let p = extend(path, n);
                let amounts = cx.amounts(o.amount, n.amount);
                if amounts.is_changed() {
                    out.push(LineChange {
                        direction: direction.map(str::to_string),
                        breakdown,
                        path: p.clone(),
                        status: Status::Changed,
                        amounts,
                    });
                }
                compare_lines(cx, direction, breakdown, &o.children, &n.children, &p, out);
            }
            Paired::Added { new: n, .. } => {
                let p = extend(path, n);
                whole_line(cx, direction, breakdown, n, &p, Status::Added, out);
            }
            Paired::Removed { old: o, .. } => {
                let p = extend(path, o);
                whole_line(cx, direction, breakdown, o, &p, Status::Removed, out);
            }
        }
    }
}

fn extend(path: &[String], line: &Line) -> Vec<String> {
    let mut p = path.to_vec();
    p.push(line.name.value.clone());
    p
}

/// An added or removed line, and every 其中 line under it.
pub(super) fn whole_line(
    cx: &Cx,
    direction: Option<&str>,
    breakdown: Breakdown,
    line: &Line,
    path: &[String],
    status: Status,
    out: &mut Vec<LineChange>,
) {
    let amounts = match status {
        Status::Removed => cx.amounts(line.amount, None),
        _ => cx.amounts(None, line.amount),
    };
    out.push(LineChange {
        direction: direction.map(str::to_string),
        breakdown,
        path: path.to_vec(),
        status,
        amounts,
    });
    for c in &line.children {
        whole_line(cx, direction, breakdown, c, &extend(path, c), status, out);
    }
}
