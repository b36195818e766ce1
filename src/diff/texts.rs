//! Free texts: duties and 年度总体目标 (unnamed lists), plans, tasks, and a direction's goals and basis.

use super::changes::*;
use super::pairing::{Paired, pair, pair_by, text_closeness};
use super::text;
use crate::model::{Declaration, Direction, Plan, Task};

fn text_change(
    status: Status,
    table: &Table,
    key: &'static str,
    label: String,
    old: Option<&str>,
    new: Option<&str>,
) -> TextChange {
    let segments = match (status, old, new) {
        (Status::Changed, Some(o), Some(n)) => text::segments(o, n),
        _ => Vec::new(),
    };
    TextChange {
        status,
        table: table.clone(),
        key,
        label,
        old: old.map(str::to_string),
        new: new.map(str::to_string),
        segments,
    }
}

/// Compares one optional text (a direction's goal): added, removed or changed.
pub(super) fn one_text(
    table: &Table,
    key: &'static str,
    label: &str,
    old: Option<&str>,
    new: Option<&str>,
    out: &mut Vec<TextChange>,
) {
    let status = match (old, new) {
        (Some(o), Some(n)) if o == n => return,
        (None, None) => return,
        (Some(_), Some(_)) => Status::Changed,
        (None, Some(_)) => Status::Added,
        (Some(_), None) => Status::Removed,
    };
    out.push(text_change(status, table, key, label.to_string(), old, new));
}

/// Compares a list of unnamed texts (duties, goals); `label` makes the label from a 1-based position.
fn text_list(
    key: &'static str,
    old: &[&str],
    new: &[&str],
    label: impl Fn(usize) -> String,
    out: &mut Vec<TextChange>,
) {
    for paired in pair(old, new, |o, n| o == n, |o, n| text_closeness(o, n)) {
        let (status, o, n, at) = match paired {
            Paired::Both { old, new, .. } if old == new => continue,
            Paired::Both { old, new, at } => (Status::Changed, Some(*old), Some(*new), at),
            Paired::Added { new, at } => (Status::Added, None, Some(*new), at),
            Paired::Removed { old, at } => (Status::Removed, Some(*old), None, at),
        };
        out.push(text_change(status, &None, key, label(at + 1), o, n));
    }
}

/// A text of a named item, under its label; `None` where the item has none.
type Part<T> = (&'static str, fn(&T) -> Option<String>);

/// A department list whose items are named by one text: plans by 事项, tasks by 工作任务. A paired
/// item compares its two other texts; an added or removed one is shown whole.
struct Named<T: 'static> {
    key: &'static str,
    name: fn(&T) -> &str,
    /// The label of a changed text: the section › the item's name › `part`.
    section: &'static str,
    parts: &'static [Part<T>],
    /// The label and the text of an added or removed item.
    whole_label: fn(&T) -> String,
    whole_text: fn(&T) -> String,
}

fn named_list<T: 'static>(list: &Named<T>, old: &[T], new: &[T], out: &mut Vec<TextChange>) {
    for paired in pair_by(old, new, |t| (list.name)(t).to_string()) {
        match paired {
            Paired::Both { old: o, new: n, .. } => {
                for (part, text) in list.parts {
                    one_text(
                        &None,
                        list.key,
                        &format!("{} › {} › {part}", list.section, (list.name)(n)),
                        text(o).as_deref(),
                        text(n).as_deref(),
                        out,
                    );
                }
            }
            Paired::Added { new: n, .. } => out.push(text_change(
                Status::Added,
                &None,
                list.key,
                (list.whole_label)(n),
                None,
                Some(&(list.whole_text)(n)),
            )),
            Paired::Removed { old: o, .. } => out.push(text_change(
                Status::Removed,
                &None,
                list.key,
                (list.whole_label)(o),
                Some(&(list.whole_text)(o)),
                None,
            )),
        }
    }
}

const PLANS: Named<Plan> = Named {
    key: "plan",
    name: |p| &p.item.value,
    section: "年度重点工作计划",
    parts: &[
        ("责任单位/科室", |p| Some(p.owner.value.clone())),
        ("工作目标", |p| Some(p.target.value.clone())),
    ],
    whole_label: |p| format!("年度重点工作计划 › {}", p.item.value),
    whole_text: |p| format!("{}：{}", p.owner.value, p.target.value),
};

const TASKS: Named<Task> = Named {
    key: "task",
    name: |t| &t.task.value,
    section: "履职目标",
    parts: &[
        ("部门职责", |t| Some(t.duty.value.clone())),
        ("支出方向/项目", |t| Some(t.funded_by.value.clone())),
        ("主要内容", |t| {
            t.content.as_ref().map(|c| c.value.clone())
        }),
        ("金额", |t| t.amount.map(crate::present::figures::money)),
        ("资金来源", task_sources),
    ],
    whole_label: |_| "履职目标".to_string(),
    whole_text: |t| {
        let mut text = format!(
            "{}（部门职责：{}；支出方向/项目：{}",
            t.task.value, t.duty.value, t.funded_by.value
        );
        if let Some(a) = t.amount {
            text.push_str(&format!("；金额：{}", crate::present::figures::money(a)));
        }
        text.push('）');
        text
    },
};

/// A task's sources as one text: `财政拨款 400万元；其他资金 20万元`.
fn task_sources(t: &Task) -> Option<String> {
    if t.funds.is_empty() {
        return None;
    }
    let parts: Vec<String> = t
        .funds
        .iter()
        .map(|l| {
            let amount = l.amount.map(crate::present::figures::money);
            format!("{} {}", l.name.value, amount.unwrap_or_default())
        })
        .collect();
    Some(parts.join("；"))
}

pub(super) fn department_texts(old: &Declaration, new: &Declaration, out: &mut Vec<TextChange>) {
    let values =
        |v: &[crate::model::Spanned<String>]| v.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    let (od, nd) = (values(&old.duties), values(&new.duties));
    text_list(
        "duty",
        &od.iter().map(String::as_str).collect::<Vec<_>>(),
        &nd.iter().map(String::as_str).collect::<Vec<_>>(),
        |n| format!("部门职责概述（{}）", crate::present::ordinals::chinese(n)),
        out,
    );
    let (og, ng) = (values(&old.goals), values(&new.goals));
    text_list(
        "goal",
        &og.iter().map(String::as_str).collect::<Vec<_>>(),
        &ng.iter().map(String::as_str).collect::<Vec<_>>(),
        |n| format!("年度总体目标 {n}"),
        out,
    );

    named_list(&PLANS, &old.plans, &new.plans, out);
    named_list(&TASKS, &old.tasks, &new.tasks, out);
}

pub(super) fn direction_texts(o: &Direction, n: &Direction, out: &mut Vec<TextChange>) {
    let table = Some(n.name.value.clone());
    fn s(t: &Option<crate::model::Spanned<String>>) -> Option<&str> {
        t.as_ref().map(|t| t.value.as_str())
    }
    one_text(
        &table,
        "goal",
        "实施期绩效目标",
        s(&o.goal),
        s(&n.goal),
        out,
    );
    one_text(
        &table,
        "annual",
        "年度绩效目标",
        s(&o.annual),
        s(&n.annual),
        out,
    );
    // The summary table prints the direction's own goal unless a summary text is given; compare what
    // it prints, and only when either year words it apart (else the change is reported once, above).
    if o.summary_goal.is_some() || n.summary_goal.is_some() {
        one_text(
            &table,
            "summary_goal",
            "实施期绩效目标（汇总表）",
            o.summary_goal_text(),
            n.summary_goal_text(),
            out,
        );
    }
    if o.summary_annual.is_some() || n.summary_annual.is_some() {
        one_text(
            &table,
            "summary_annual",
            "年度绩效目标（汇总表）",
            o.summary_annual_text(),
            n.summary_annual_text(),
            out,
        );
    }
    one_text(
        &table,
        "basis",
        "测算依据",
        o.basis_text.as_deref(),
        n.basis_text.as_deref(),
        out,
    );
}
