//! Income, spending and fund lines: paired by breakdown and path of names, 其中 lines below them.

use super::Cx;
use super::changes::*;
use super::pairing::pair;
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
    let (partner, used) = pair(old, new, |o, n| o.name.value == n.name.value, |_, _| None);
    for (n, &matched) in new.iter().zip(&partner) {
        let mut p = path.to_vec();
        p.push(n.name.value.clone());
        match matched.and_then(|j| old.get(j)) {
            Some(o) => {
                let amounts = cx.amounts(Some(o.amount), Some(n.amount));
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
            None => {
                whole_line(cx, direction, breakdown, n, &p, Status::Added, out);
            }
        }
    }
    for (o, &taken) in old.iter().zip(&used) {
        if !taken {
            let mut p = path.to_vec();
            p.push(o.name.value.clone());
            whole_line(cx, direction, breakdown, o, &p, Status::Removed, out);
        }
    }
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
        Status::Removed => cx.amounts(Some(line.amount), None),
        _ => cx.amounts(None, Some(line.amount)),
    };
    out.push(LineChange {
        direction: direction.map(str::to_string),
        breakdown,
        path: path.to_vec(),
        status,
        amounts,
    });
    for c in &line.children {
        let mut p = path.to_vec();
        p.push(c.name.value.clone());
        whole_line(cx, direction, breakdown, c, &p, status, out);
    }
}
