//! Free texts: duties and 年度总体目标 (unnamed lists), plans, tasks, and a direction's goals and basis.

use super::changes::*;
use super::pairing::{pair, text_closeness};
use super::text;
use crate::model::{Declaration, Direction};

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
fn one_text(
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
    let (partner, used) = pair(old, new, |o, n| o == n, |o, n| text_closeness(o, n));
    for (i, (n, &matched)) in new.iter().zip(&partner).enumerate() {
        match matched.and_then(|j| old.get(j)) {
            Some(o) if o == n => {}
            Some(o) => out.push(text_change(
                Status::Changed,
                &None,
                key,
                label(i + 1),
                Some(o),
                Some(n),
            )),
            None => out.push(text_change(
                Status::Added,
                &None,
                key,
                label(i + 1),
                None,
                Some(n),
            )),
        }
    }
    for (j, (o, &taken)) in old.iter().zip(&used).enumerate() {
        if !taken {
            out.push(text_change(
                Status::Removed,
                &None,
                key,
                label(j + 1),
                Some(o),
                None,
            ));
        }
    }
}

pub(super) fn department_texts(old: &Declaration, new: &Declaration, out: &mut Vec<TextChange>) {
    let values =
        |v: &[crate::model::Spanned<String>]| v.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    let (od, nd) = (values(&old.duties), values(&new.duties));
    text_list(
        "duty",
        &od.iter().map(String::as_str).collect::<Vec<_>>(),
        &nd.iter().map(String::as_str).collect::<Vec<_>>(),
        |n| {
            format!(
                "部门职责概述（{}）",
                crate::emit::layout::chinese_ordinal(n)
            )
        },
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

    let (partner, used) = pair(
        &old.plans,
        &new.plans,
        |o, n| o.item.value == n.item.value,
        |_, _| None,
    );
    let plan_text = |p: &crate::model::Plan| format!("{}：{}", p.owner.value, p.target.value);
    for (n, &matched) in new.plans.iter().zip(&partner) {
        let item = &n.item.value;
        match matched.and_then(|j| old.plans.get(j)) {
            Some(o) => {
                one_text(
                    &None,
                    "plan",
                    &format!("年度重点工作计划 › {item} › 责任单位/科室"),
                    Some(&o.owner.value),
                    Some(&n.owner.value),
                    out,
                );
                one_text(
                    &None,
                    "plan",
                    &format!("年度重点工作计划 › {item} › 工作目标"),
                    Some(&o.target.value),
                    Some(&n.target.value),
                    out,
                );
            }
            None => out.push(text_change(
                Status::Added,
                &None,
                "plan",
                format!("年度重点工作计划 › {item}"),
                None,
                Some(&plan_text(n)),
            )),
        }
    }
    for (o, &taken) in old.plans.iter().zip(&used) {
        if !taken {
            out.push(text_change(
                Status::Removed,
                &None,
                "plan",
                format!("年度重点工作计划 › {}", o.item.value),
                Some(&plan_text(o)),
                None,
            ));
        }
    }

    let (partner, used) = pair(
        &old.tasks,
        &new.tasks,
        |o, n| o.task.value == n.task.value,
        |_, _| None,
    );
    let task_text = |t: &crate::model::Task| {
        format!(
            "{}（部门职责：{}；支出方向/项目：{}）",
            t.task.value, t.duty.value, t.funded_by.value
        )
    };
    for (n, &matched) in new.tasks.iter().zip(&partner) {
        let task = &n.task.value;
        match matched.and_then(|j| old.tasks.get(j)) {
            Some(o) => {
                one_text(
                    &None,
                    "task",
                    &format!("履职目标 › {task} › 部门职责"),
                    Some(&o.duty.value),
                    Some(&n.duty.value),
                    out,
                );
                one_text(
                    &None,
                    "task",
                    &format!("履职目标 › {task} › 支出方向/项目"),
                    Some(&o.funded_by.value),
                    Some(&n.funded_by.value),
                    out,
                );
            }
            None => out.push(text_change(
                Status::Added,
                &None,
                "task",
                "履职目标".to_string(),
                None,
                Some(&task_text(n)),
            )),
        }
    }
    for (o, &taken) in old.tasks.iter().zip(&used) {
        if !taken {
            out.push(text_change(
                Status::Removed,
                &None,
                "task",
                "履职目标".to_string(),
                Some(&task_text(o)),
                None,
            ));
        }
    }
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
