//! Directions and projects (paired by name at any depth) and their cost lines (by label).

use super::changes::*;
use super::indicators::compare_indicators;
use super::lines::{compare_lines, whole_line};
use super::pairing::{Paired, pair_by};
use super::texts::direction_texts;
use super::{Cx, field};
use crate::domain::{DirectionKind, Per};
use crate::model::{Cost, Count, Declaration, Direction};
use crate::present::figures;
use crate::syntax::keywords::Keyword as K;
use rust_decimal::Decimal;

struct Placed<'a> {
    direction: &'a Direction,
    parent: Option<&'a str>,
}

fn placed(decl: &Declaration) -> Vec<Placed<'_>> {
    fn walk<'a>(ds: &'a [Direction], parent: Option<&'a str>, out: &mut Vec<Placed<'a>>) {
        for d in ds {
            out.push(Placed {
                direction: d,
                parent,
            });
            walk(&d.children, Some(d.name.value.as_str()), out);
        }
    }
    let mut out = Vec::new();
    walk(&decl.directions, None, &mut out);
    out
}

fn kind_key(k: DirectionKind) -> &'static str {
    match k {
        DirectionKind::Direction => "direction",
        DirectionKind::Project => "project",
    }
}

pub(super) fn compare_directions(
    cx: &Cx,
    lines: &mut Vec<LineChange>,
    indicators: &mut Vec<IndicatorChange>,
    texts: &mut Vec<TextChange>,
) -> DirectionChanges {
    let old = placed(cx.old);
    let new = placed(cx.new);
    let mut out = DirectionChanges::default();
    for paired in pair_by(&old, &new, |p: &Placed| p.direction.name.value.clone()) {
        match paired {
            Paired::Both { old: o, new: n, .. } => {
                let (od, nd) = (o.direction, n.direction);
                let change = compare_direction(cx, o, n);
                if !change.is_empty() {
                    out.changed.push(change);
                }
                compare_lines(
                    cx,
                    Some(&nd.name.value),
                    Breakdown::Funds,
                    &od.funds,
                    &nd.funds,
                    &[],
                    lines,
                );
                let table = Some(nd.name.value.clone());
                compare_indicators(cx, table, &od.indicators, &nd.indicators, indicators);
                direction_texts(od, nd, texts);
                super::forms::direction_forms(cx.old, cx.new, od, nd, texts);
            }
            Paired::Added { new: n, .. } => {
                let nd = n.direction;
                out.added.push(entry(cx, n, false));
                whole_funds(cx, nd, Status::Added, lines);
                let table = Some(nd.name.value.clone());
                compare_indicators(cx, table, &[], &nd.indicators, indicators);
            }
            Paired::Removed { old: o, .. } => {
                let od = o.direction;
                out.removed.push(entry(cx, o, true));
                whole_funds(cx, od, Status::Removed, lines);
                let table = Some(od.name.value.clone());
                compare_indicators(cx, table, &od.indicators, &[], indicators);
            }
        }
    }
    out
}

/// The fund lines of an added or removed direction.
fn whole_funds(cx: &Cx, d: &Direction, status: Status, lines: &mut Vec<LineChange>) {
    for l in &d.funds {
        whole_line(
            cx,
            Some(&d.name.value),
            Breakdown::Funds,
            l,
            std::slice::from_ref(&l.name.value),
            status,
            lines,
        );
    }
}

fn spanned_text(s: &Option<crate::model::Spanned<String>>) -> Option<String> {
    s.as_ref().map(|s| s.value.clone())
}

fn entry(cx: &Cx, p: &Placed, old: bool) -> DirectionEntry {
    let d = p.direction;
    let _ = old;
    let amount = cx.amount(d.amount);
    DirectionEntry {
        name: d.name.value.clone(),
        kind: kind_key(d.kind),
        parent: p.parent.map(str::to_string),
        amount,
        costs: d.costs.iter().map(|c| cost_entry(cx, c)).collect(),
        basis_text: d.basis_text.clone(),
        special: spanned_text(&d.special).or_else(|| spanned_text(&d.project_kind)),
        period: d.period.as_ref().map(|p| p.value.text.clone()),
        goal: spanned_text(&d.goal),
        annual: spanned_text(&d.annual),
        indicators: d.indicators.len(),
    }
}

fn cost_entry(cx: &Cx, c: &Cost) -> CostEntry {
    CostEntry {
        label: c.label.as_ref().map(|l| l.value.clone()),
        basis: basis_text(c),
        amount: cx.amount(Some(c.amount)),
    }
}

fn count_text(c: &Count) -> String {
    match c {
        Count::People(n) => format!("{} {}", K::People.word(), figures::exact(*n)),
        Count::Qty { number, unit } => {
            format!("{} {} {unit}", K::Qty.word(), figures::exact(*number))
        }
    }
}

fn price_text(c: &Cost) -> String {
    let p = figures::exact(c.price.amount());
    let (rate, price) = (K::Rate.word(), K::Price.word());
    match c.per {
        Per::Month => format!("{rate} {p}/month"),
        Per::Year => format!("{rate} {p}/year"),
        Per::Once => format!("{price} {p}"),
    }
}

/// Months multiplied in, when a price is per month or per year.
fn months(c: &Cost) -> Option<Decimal> {
    c.months
}

/// The basis as BDL writes it: `people 5 rate 235/month`, with `months N` when not a whole year.
fn basis_text(c: &Cost) -> String {
    let mut s = format!("{} {}", count_text(&c.count), price_text(c));
    if let Some(m) = months(c).filter(|m| *m != Decimal::from(12)) {
        s.push_str(&format!(" {} {}", K::Months.word(), figures::exact(m)));
    }
    s
}

fn compare_direction(cx: &Cx, o: &Placed, n: &Placed) -> DirectionChange {
    let (od, nd) = (o.direction, n.direction);
    let mut fields = Vec::new();
    field(
        "kind",
        "类别",
        Some(kind_key(od.kind).to_string()),
        Some(kind_key(nd.kind).to_string()),
        &mut fields,
    );
    field(
        "parent",
        "上级支出方向",
        o.parent.map(str::to_string),
        n.parent.map(str::to_string),
        &mut fields,
    );
    field(
        "special",
        "所属专项",
        spanned_text(&od.special),
        spanned_text(&nd.special),
        &mut fields,
    );
    field(
        "project_kind",
        "项目类型",
        spanned_text(&od.project_kind),
        spanned_text(&nd.project_kind),
        &mut fields,
    );
    field(
        "period",
        "项目实施期",
        od.period.as_ref().map(|p| p.value.text.clone()),
        nd.period.as_ref().map(|p| p.value.text.clone()),
        &mut fields,
    );

    let mut facts = Vec::new();
    let declared = |v: Option<Decimal>| v.map_or_else(|| "—".to_string(), figures::exact);
    let (od_declared, nd_declared) = (
        od.declared.as_ref().and_then(|a| cx.amount(Some(a.value))),
        nd.declared.as_ref().and_then(|a| cx.amount(Some(a.value))),
    );
    if od_declared != nd_declared {
        facts.push(FactChange {
            cost: None,
            fact: "amount",
            old: declared(od_declared),
            new: declared(nd_declared),
            unit: None,
        });
    }

    let label = |c: &Cost| c.label.as_ref().map(|l| l.value.clone());
    let mut costs_added = Vec::new();
    let mut costs_removed = Vec::new();
    for paired in pair_by(&od.costs, &nd.costs, label) {
        match paired {
            Paired::Both { old, new, .. } => cost_facts(old, new, &mut facts),
            Paired::Added { new, .. } => costs_added.push(cost_entry(cx, new)),
            Paired::Removed { old, .. } => costs_removed.push(cost_entry(cx, old)),
        }
    }
    DirectionChange {
        name: nd.name.value.clone(),
        amounts: cx.amounts(od.amount, nd.amount),
        fields,
        facts,
        costs_added,
        costs_removed,
    }
}

fn cost_facts(o: &Cost, n: &Cost, out: &mut Vec<FactChange>) {
    let cost = n.label.as_ref().map(|l| l.value.clone());
    let mut push = |fact: &'static str, old: String, new: String, unit: Option<String>| {
        out.push(FactChange {
            cost: cost.clone(),
            fact,
            old,
            new,
            unit,
        });
    };
    match (&o.count, &n.count) {
        (Count::People(a), Count::People(b)) => {
            if a != b {
                push("people", figures::exact(*a), figures::exact(*b), None);
            }
        }
        (
            Count::Qty {
                number: a,
                unit: ua,
            },
            Count::Qty {
                number: b,
                unit: ub,
            },
        ) if ua == ub => {
            if a != b {
                push(
                    "qty",
                    figures::exact(*a),
                    figures::exact(*b),
                    Some(format!(" {ub}")),
                );
            }
        }
        (a, b) => {
            if a != b {
                push("count", count_text(a), count_text(b), None);
            }
        }
    }
    if o.per == n.per {
        if o.price != n.price {
            let (fact, unit) = match n.per {
                Per::Month => ("rate", Some("/month".to_string())),
                Per::Year => ("rate", Some("/year".to_string())),
                Per::Once => ("price", None),
            };
            push(
                fact,
                figures::exact(o.price.amount()),
                figures::exact(n.price.amount()),
                unit,
            );
        }
        if o.times != n.times {
            match (months(o), months(n)) {
                (Some(a), Some(b)) => push("months", figures::exact(a), figures::exact(b), None),
                _ => push(
                    "times",
                    figures::exact(o.times),
                    figures::exact(n.times),
                    None,
                ),
            }
        }
    } else {
        push("pricing", price_text(o), price_text(n), None);
        if months(o) != months(n)
            && let (Some(a), Some(b)) = (months(o), months(n))
        {
            push("months", figures::exact(a), figures::exact(b), None);
        }
    }
}
