//! 履职目标 rows: each task prints its own amount, and the tasks funded by one direction, project or
//! spending line add up to no more than it.

use super::{Review, difference, fig};
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Money;
use crate::model::Task;

crate::codes::rules! {
    TASKS_ABOVE_FUNDER = "B3014", Error, "the tasks funded by one part add up to more than it", "同一资金来源的工作任务金额合计超过该来源";
    SHARED_FUNDER_WITHOUT_AMOUNTS = "B3015", Warning, "tasks that share what funds them have no amounts of their own", "多项工作任务共用同一资金来源但未各自填写金额";
}

pub fn tasks_within_their_funders(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for t in &decl.tasks {
        let name = t.funded_by.value.as_str();
        if done.contains(&name) {
            continue;
        }
        done.push(name);
        let group: Vec<&Task> = decl
            .tasks
            .iter()
            .filter(|o| o.funded_by.value == name)
            .collect();
        if group.len() > 1 {
            // Each row would print the funder's whole amount: say which rows need their own.
            for missing in group.iter().filter(|o| o.declared.is_none()) {
                out.push(
                    Diagnostic::new(
                        SHARED_FUNDER_WITHOUT_AMOUNTS,
                        msg::shared_funder_without_amount(&missing.task.value, name, group.len()),
                        missing.funded_by.span,
                        msg::label_shared_funder(group.len()),
                    )
                    .with_help(msg::help_shared_funder_without_amount()),
                );
            }
        }
        let declared: Vec<Money> = group
            .iter()
            .filter_map(|o| o.declared.as_ref().map(|d| d.value))
            .collect();
        let (Some(funder), false) = (t.funder_amount, declared.is_empty()) else {
            continue;
        };
        let Ok(sum) = Money::sum(decl.unit, declared) else {
            continue;
        };
        if sum.compare(funder).is_ok_and(|o| o.is_gt()) {
            let mut d = Diagnostic::new(
                TASKS_ABOVE_FUNDER,
                msg::tasks_above_funder(name, &fig(sum), &fig(funder), &difference(sum, funder)),
                t.funded_by.span,
                msg::label_funder_is(name, &fig(funder)),
            )
            .with_help(msg::help_tasks_above_funder());
            for o in &group {
                if let Some(a) = &o.declared {
                    d = d.with_label(a.span, msg::figure(&fig(a.value)));
                }
            }
            out.push(d);
        }
    }
    out
}
