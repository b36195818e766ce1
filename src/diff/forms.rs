//! The facts the forms print beside the amounts and goals: the form itself, the administrative fields
//! (项目编码, 项目属性 …), 项目总预算, 分值, earlier years' figures and a 资金分配表. Each is compared as
//! the text the tables print, so a change reads as the reviewer will see it on the form.

use super::changes::TextChange;
use super::pairing::{Paired, pair_by};
use super::texts::one_text;
use crate::model::{Admin, Declaration, Direction, EarlierFigure, Line, Scores};
use crate::present::figures;

/// The document's form, its administrative fields and 分值, and its lines' earlier years.
pub(super) fn department_forms(old: &Declaration, new: &Declaration, out: &mut Vec<TextChange>) {
    one_text(
        &None,
        "form",
        "表样",
        Some(old.form.name()),
        Some(new.form.name()),
        out,
    );
    admin(&None, &old.admin, &new.admin, out);
    one_text(
        &None,
        "scores",
        "分值",
        scores(old, old.scores.as_ref()).as_deref(),
        scores(new, new.scores.as_ref()).as_deref(),
        out,
    );
    for (what, o, n) in [
        ("按收入性质分", &old.income, &new.income),
        ("按支出性质分", &old.spending, &new.spending),
    ] {
        lines_earlier(&None, what, o, n, out);
    }
}

/// A direction's administrative fields, 项目总预算, 分值, earlier years (its own, its sources' and its
/// cost items') and 资金分配表.
pub(super) fn direction_forms(
    old_decl: &Declaration,
    new_decl: &Declaration,
    o: &Direction,
    n: &Direction,
    out: &mut Vec<TextChange>,
) {
    let table = Some(n.name.value.clone());
    admin(&table, &o.admin, &n.admin, out);
    let money = |d: &Direction| d.total_budget.as_ref().map(|t| figures::money(t.value));
    one_text(
        &table,
        "total_budget",
        "项目总预算",
        money(o).as_deref(),
        money(n).as_deref(),
        out,
    );
    one_text(
        &table,
        "scores",
        "分值",
        scores(old_decl, o.scores.as_ref()).as_deref(),
        scores(new_decl, n.scores.as_ref()).as_deref(),
        out,
    );
    one_text(
        &table,
        "earlier",
        "以前年度数",
        earlier(&o.earlier).as_deref(),
        earlier(&n.earlier).as_deref(),
        out,
    );
    lines_earlier(&table, "项目资金", &o.funds, &n.funds, out);
    let label = |c: &crate::model::Cost| c.label.as_ref().map(|l| l.value.clone());
    for p in pair_by(&o.costs, &n.costs, label) {
        // Costs added or removed are the directions section's; an unlabelled basis has no row here.
        if let Paired::Both { old, new, .. } = p
            && let Some(name) = label(new)
        {
            one_text(
                &table,
                "earlier",
                &format!("测算明细 › {name} › 以前年度数"),
                earlier(&old.earlier).as_deref(),
                earlier(&new.earlier).as_deref(),
                out,
            );
        }
    }
    one_text(
        &table,
        "shares",
        "资金分配",
        shares(o).as_deref(),
        shares(n).as_deref(),
        out,
    );
}

fn admin(table: &super::changes::Table, o: &Admin, n: &Admin, out: &mut Vec<TextChange>) {
    let (of, nf) = (o.fields(), n.fields());
    for p in pair_by(&of, &nf, |(_, label, _)| *label) {
        let (label, old_text, new_text) = match p {
            Paired::Both { old, new, .. } => (new.1, Some(old.2), Some(new.2)),
            Paired::Added { new, .. } => (new.1, None, Some(new.2)),
            Paired::Removed { old, .. } => (old.1, Some(old.2), None),
        };
        one_text(table, "admin", label, old_text, new_text, out);
    }
}

/// `产出指标 50；效益指标 30；满意度指标 10；合计 90`.
fn scores(decl: &Declaration, s: Option<&Scores>) -> Option<String> {
    let s = s?;
    let mut parts: Vec<String> = s
        .parts
        .iter()
        .map(|p| {
            let tier = decl
                .framework
                .tiers
                .get(p.tier)
                .map_or("", |t| t.name.as_str());
            match p.most {
                Some(most) => format!(
                    "{tier} {}-{}",
                    figures::exact(p.points),
                    figures::exact(most)
                ),
                None => format!("{tier} {}", figures::exact(p.points)),
            }
        })
        .collect();
    if let Some(t) = &s.total {
        parts.push(format!("合计 {}", figures::exact(t.value)));
    }
    Some(parts.join("；"))
}

/// `2024年预算数 84万元；2024年执行数 81.5万元`.
fn earlier(figures_of: &[EarlierFigure]) -> Option<String> {
    if figures_of.is_empty() {
        return None;
    }
    let mut sorted: Vec<&EarlierFigure> = figures_of.iter().collect();
    sorted.sort_by_key(|e| (e.year, e.kind));
    Some(
        sorted
            .iter()
            .map(|e| {
                format!(
                    "{}年{} {}",
                    e.year,
                    e.kind.name_zh(),
                    figures::money(e.amount)
                )
            })
            .collect::<Vec<_>>()
            .join("；"),
    )
}

/// Each line's earlier years, by its name, at any depth.
fn lines_earlier(
    table: &super::changes::Table,
    what: &str,
    old: &[Line],
    new: &[Line],
    out: &mut Vec<TextChange>,
) {
    for p in pair_by(old, new, |l| l.name.value.clone()) {
        // Lines added or removed are the lines section's.
        let Paired::Both { old: o, new: n, .. } = p else {
            continue;
        };
        one_text(
            table,
            "earlier",
            &format!("{what} › {} › 以前年度数", n.name.value),
            earlier(&o.earlier).as_deref(),
            earlier(&n.earlier).as_deref(),
            out,
        );
        lines_earlier(table, what, &o.children, &n.children, out);
    }
}

/// `东山镇 12.5万元；西河乡 10万元`.
fn shares(d: &Direction) -> Option<String> {
    if d.shares.is_empty() {
        return None;
    }
    Some(
        d.shares
            .iter()
            .map(|s| {
                format!(
                    "{} {}",
                    s.recipient.value,
                    s.amount.map(figures::money).unwrap_or_default()
                )
            })
            .collect::<Vec<_>>()
            .join("；"),
    )
}
