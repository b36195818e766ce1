//! Where in the budget a diagnostic is: `direction "信访岗位津贴" › cost "一线信访岗位"`.

use crate::model::Direction;

/// The breadcrumb of the department's own table.
pub fn department() -> Vec<String> {
    vec!["部门整体".to_string()]
}

/// The breadcrumb of a direction under `parent`.
pub fn direction(parent: &[String], d: &Direction) -> Vec<String> {
    let mut p = parent.to_vec();
    p.push(format!("{} \"{}\"", d.kind.keyword(), d.name.value));
    p
}
