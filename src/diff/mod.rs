//! diff: two declarations → a change set, compared as budgets, not as text. Depends only on the model
//! (and on `emit::layout::value_text` to print an indicator value the way the tables do).
//!
//! Matching rules (docs/diff.md explains them for users):
//! - header fields by field; totals by kind; income / spending / fund lines by breakdown and path of names;
//!   directions and projects by name at any depth; cost lines by label within their direction;
//!   plans by 事项, tasks by 工作任务.
//! - indicators by table (department or direction), horizon and 三级指标 name; then a leftover new
//!   indicator is paired with a leftover old one of the same table, horizon and 二级指标 whose name shares
//!   at least half its characters (the closest one; the earlier one on a tie): it is *reworded*. Anything
//!   left is added or removed.
//! - duties and 年度总体目标 are lists without names: equal texts pair first, wherever they stand; a
//!   leftover pairs with the closest leftover sharing at least half its characters (changed), and the rest
//!   are added or removed.
//! - so order never matters: a pure reordering is no change.

pub mod changes;
pub mod json;
pub mod markdown;
pub mod text;

use crate::domain::framework::Framework;
use crate::domain::{DirectionKind, Horizon, Money, MoneyUnit, Per};
use crate::model::{Cost, Count, Declaration, Direction, Indicator, Line};
use crate::present::figures;
use crate::present::values::value_text;
use changes::*;
use rust_decimal::Decimal;

/// Compares two declarations. Every amount in the result is in one unit: the documents' own, or 万元
/// when they differ (converting 元 to 万元 only divides, so it cannot overflow).
pub fn diff(old: &Declaration, new: &Declaration) -> ChangeSet {
    let unit = if old.unit == new.unit {
        new.unit
    } else {
        MoneyUnit::WanYuan
    };
    let cx = Cx { old, new, unit };
    let mut texts = Vec::new();
    department_texts(old, new, &mut texts);
    let mut indicators = Vec::new();
    compare_indicators(&cx, None, &old.indicators, &new.indicators, &mut indicators);
    let mut lines = Vec::new();
    compare_lines(
        &cx,
        None,
        Breakdown::Income,
        &old.income,
        &new.income,
        &[],
        &mut lines,
    );
    compare_lines(
        &cx,
        None,
        Breakdown::Spending,
        &old.spending,
        &new.spending,
        &[],
        &mut lines,
    );
    let directions = compare_directions(&cx, &mut lines, &mut indicators, &mut texts);
    ChangeSet {
        old_year: old.year.as_ref().map(|y| y.value),
        new_year: new.year.as_ref().map(|y| y.value),
        filer: new
            .filer
            .as_ref()
            .or(old.filer.as_ref())
            .map(|f| f.value.clone()),
        unit,
        header: header(old, new),
        totals: totals(&cx),
        lines,
        directions,
        indicators,
        texts,
    }
}

struct Cx<'a> {
    old: &'a Declaration,
    new: &'a Declaration,
    unit: MoneyUnit,
}

impl Cx<'_> {
    /// An amount in the comparison's unit; `None` when unknown.
    fn amount(&self, v: Option<Money>) -> Option<Decimal> {
        v.and_then(|m| m.amount_in(self.unit).ok())
    }

    fn amounts(&self, old: Option<Money>, new: Option<Money>) -> AmountChange {
        AmountChange::new(self.amount(old), self.amount(new))
    }
}

/// Pairs the items of two lists: `same` first (each new item takes the first unused old one), then a
/// leftover new item takes the unused old one with the highest `closeness` (`None`: not a candidate),
/// the earlier one on a tie. Returns, for each new item, the index of its old partner.
fn pair<T>(
    old: &[T],
    new: &[T],
    same: impl Fn(&T, &T) -> bool,
    closeness: impl Fn(&T, &T) -> Option<usize>,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; old.len()];
    let mut partner = vec![None; new.len()];
    for (n, slot) in new.iter().zip(partner.iter_mut()) {
        let found = old
            .iter()
            .zip(used.iter_mut())
            .enumerate()
            .find(|(_, (o, u))| !**u && same(o, n));
        if let Some((j, (_, u))) = found {
            *u = true;
            *slot = Some(j);
        }
    }
    for (n, slot) in new.iter().zip(partner.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, (o, &u)) in old.iter().zip(&used).enumerate() {
            if u {
                continue;
            }
            if let Some(score) = closeness(o, n)
                && best.is_none_or(|(_, s)| score > s)
            {
                best = Some((j, score));
            }
        }
        if let Some((j, _)) = best
            && let Some(u) = used.get_mut(j)
        {
            *u = true;
            *slot = Some(j);
        }
    }
    (partner, used)
}

/// Closeness of two reworded texts: shared characters, when at least half are shared.
fn text_closeness(old: &str, new: &str) -> Option<usize> {
    text::similar_enough(old, new).then(|| text::common_chars(old, new))
}

fn field(
    key: &'static str,
    label: &'static str,
    old: Option<String>,
    new: Option<String>,
    out: &mut Vec<FieldChange>,
) {
    if old != new {
        out.push(FieldChange {
            key,
            label,
            old,
            new,
        });
    }
}

fn framework_text(f: &Framework) -> String {
    if crate::domain::framework::PROFILES.contains(&f.name.as_str()) {
        return f.name.clone();
    }
    let tiers: Vec<String> = f
        .tiers
        .iter()
        .map(|t| {
            let cats: Vec<&str> = t.categories.iter().map(|c| c.name.as_str()).collect();
            format!("{}：{}", t.name, cats.join("、"))
        })
        .collect();
    format!("{}（{}）", f.name, tiers.join("；"))
}

fn header(old: &Declaration, new: &Declaration) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let year = |d: &Declaration| d.year.as_ref().map(|y| y.value.to_string());
    field("year", "年度", year(old), year(new), &mut out);
    let text = |s: &Option<crate::model::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    field(
        "filer",
        "填报单位",
        text(&old.filer),
        text(&new.filer),
        &mut out,
    );
    field(
        "department",
        "部门名称",
        text(&old.department),
        text(&new.department),
        &mut out,
    );
    field(
        "unit",
        "金额单位",
        Some(old.unit.name().to_string()),
        Some(new.unit.name().to_string()),
        &mut out,
    );
    field(
        "framework",
        "指标体系",
        Some(framework_text(&old.framework)),
        Some(framework_text(&new.framework)),
        &mut out,
    );
    out
}

fn totals(cx: &Cx) -> Vec<TotalChange> {
    let mut out = Vec::new();
    let (o, n) = (cx.old.total(), cx.new.total());
    if o.is_some() || n.is_some() {
        out.push(TotalChange {
            key: "total",
            label: "资金总额",
            amounts: cx.amounts(o, n),
        });
    }
    let dirs = |d: &Declaration| {
        if d.directions.is_empty() {
            None
        } else {
            d.directions_total()
        }
    };
    let (o, n) = (dirs(cx.old), dirs(cx.new));
    if o.is_some() || n.is_some() {
        out.push(TotalChange {
            key: "directions",
            label: "支出方向合计",
            amounts: cx.amounts(o, n),
        });
    }
    out
}

fn compare_lines(
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
fn whole_line(
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
        let mut p = path.to_vec();
        p.push(c.name.value.clone());
        whole_line(cx, direction, breakdown, c, &p, status, out);
    }
}

// ---- directions ----------------------------------------------------------------------------------

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

fn compare_directions(
    cx: &Cx,
    lines: &mut Vec<LineChange>,
    indicators: &mut Vec<IndicatorChange>,
    texts: &mut Vec<TextChange>,
) -> DirectionChanges {
    let old = placed(cx.old);
    let new = placed(cx.new);
    let (partner, used) = pair(
        &old,
        &new,
        |o, n| o.direction.name.value == n.direction.name.value,
        |_, _| None,
    );
    let mut out = DirectionChanges::default();
    for (n, &matched) in new.iter().zip(&partner) {
        let nd = n.direction;
        let table = Some(nd.name.value.clone());
        match matched.and_then(|j| old.get(j)) {
            Some(o) => {
                let od = o.direction;
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
                compare_indicators(cx, table, &od.indicators, &nd.indicators, indicators);
                direction_texts(od, nd, texts);
            }
            None => {
                out.added.push(entry(cx, n, false));
                for l in &nd.funds {
                    whole_line(
                        cx,
                        Some(&nd.name.value),
                        Breakdown::Funds,
                        l,
                        std::slice::from_ref(&l.name.value),
                        Status::Added,
                        lines,
                    );
                }
                compare_indicators(cx, table, &[], &nd.indicators, indicators);
            }
        }
    }
    for (o, &taken) in old.iter().zip(&used) {
        if taken {
            continue;
        }
        let od = o.direction;
        out.removed.push(entry(cx, o, true));
        for l in &od.funds {
            whole_line(
                cx,
                Some(&od.name.value),
                Breakdown::Funds,
                l,
                std::slice::from_ref(&l.name.value),
                Status::Removed,
                lines,
            );
        }
        compare_indicators(
            cx,
            Some(od.name.value.clone()),
            &od.indicators,
            &[],
            indicators,
        );
    }
    out
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
        Count::People(n) => format!("people {}", figures::exact(*n)),
        Count::Qty { number, unit } => format!("qty {} {unit}", figures::exact(*number)),
    }
}

fn price_text(c: &Cost) -> String {
    let p = figures::exact(c.price.amount());
    match c.per {
        Per::Month => format!("rate {p}/month"),
        Per::Year => format!("rate {p}/year"),
        Per::Once => format!("price {p}"),
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
        s.push_str(&format!(" months {}", figures::exact(m)));
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
    let (partner, used) = pair(
        &od.costs,
        &nd.costs,
        |a, b| label(a) == label(b),
        |_, _| None,
    );
    let mut costs_added = Vec::new();
    for (nc, &matched) in nd.costs.iter().zip(&partner) {
        match matched.and_then(|j| od.costs.get(j)) {
            Some(oc) => cost_facts(oc, nc, &mut facts),
            None => costs_added.push(cost_entry(cx, nc)),
        }
    }
    let costs_removed = od
        .costs
        .iter()
        .zip(&used)
        .filter(|(_, taken)| !**taken)
        .map(|(c, _)| cost_entry(cx, c))
        .collect();
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

// ---- indicators ----------------------------------------------------------------------------------

fn horizon_key(h: Horizon) -> &'static str {
    match h {
        Horizon::Annual => "annual",
        Horizon::Overall => "overall",
    }
}

/// The 二级指标 an indicator sits in, comparable across frameworks: its role where the framework knows
/// one (产出数量 and 数量指标 are both Quantity), else its printed name.
fn category_key(decl: &Declaration, i: &Indicator) -> String {
    match decl.category_of(i) {
        Some(c) => match c.role {
            Some(r) => format!("{r:?}"),
            None => c.name.clone(),
        },
        None => i.level2_written.value.clone(),
    }
}

fn level_names(decl: &Declaration, i: &Indicator) -> (String, String) {
    let tier = i
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .map_or(String::new(), |t| t.name.clone());
    let category = decl
        .category_of(i)
        .map_or_else(|| i.level2_written.value.clone(), |c| c.name.clone());
    (tier, category)
}

fn facts(decl: &Declaration, i: &Indicator) -> IndicatorFacts {
    IndicatorFacts {
        name: i.name.value.clone(),
        value: value_text(decl, &i.value),
        note: i.note.clone(),
    }
}

fn compare_indicators(
    cx: &Cx,
    table: Table,
    old: &[Indicator],
    new: &[Indicator],
    out: &mut Vec<IndicatorChange>,
) {
    let (partner, used) = pair(
        old,
        new,
        |o, n| o.horizon == n.horizon && o.name.value == n.name.value,
        |o, n| {
            if o.horizon == n.horizon && category_key(cx.old, o) == category_key(cx.new, n) {
                text_closeness(&o.name.value, &n.name.value)
            } else {
                None
            }
        },
    );
    for (n, &matched) in new.iter().zip(&partner) {
        let (level1, level2) = level_names(cx.new, n);
        match matched.and_then(|j| old.get(j)) {
            Some(o) => {
                let mut fields = Vec::new();
                let renamed = o.name.value != n.name.value;
                field(
                    "name",
                    "三级指标",
                    Some(o.name.value.clone()),
                    Some(n.name.value.clone()),
                    &mut fields,
                );
                let (_, old_level2) = level_names(cx.old, o);
                if category_key(cx.old, o) != category_key(cx.new, n) {
                    field(
                        "level2",
                        "二级指标",
                        Some(old_level2),
                        Some(level2.clone()),
                        &mut fields,
                    );
                }
                indicator_fields(cx, o, n, &mut fields);
                if fields.is_empty() {
                    continue;
                }
                out.push(IndicatorChange {
                    status: if renamed {
                        IndicatorStatus::Renamed
                    } else {
                        IndicatorStatus::Changed
                    },
                    table: table.clone(),
                    horizon: horizon_key(n.horizon),
                    level1,
                    level2,
                    old: Some(facts(cx.old, o)),
                    new: Some(facts(cx.new, n)),
                    fields,
                    name_segments: if renamed {
                        text::segments(&o.name.value, &n.name.value)
                    } else {
                        Vec::new()
                    },
                });
            }
            None => out.push(IndicatorChange {
                status: IndicatorStatus::Added,
                table: table.clone(),
                horizon: horizon_key(n.horizon),
                level1,
                level2,
                old: None,
                new: Some(facts(cx.new, n)),
                fields: Vec::new(),
                name_segments: Vec::new(),
            }),
        }
    }
    for (o, &taken) in old.iter().zip(&used) {
        if taken {
            continue;
        }
        let (level1, level2) = level_names(cx.old, o);
        out.push(IndicatorChange {
            status: IndicatorStatus::Removed,
            table: table.clone(),
            horizon: horizon_key(o.horizon),
            level1,
            level2,
            old: Some(facts(cx.old, o)),
            new: None,
            fields: Vec::new(),
            name_segments: Vec::new(),
        });
    }
}

/// A value in money: its operator and amount.
fn money_value(v: &crate::model::Value) -> Option<(crate::model::Op, Money)> {
    match v {
        crate::model::Value::Quantity {
            op,
            measure: crate::model::Measure::Money(m),
            ..
        } => Some((*op, *m)),
        _ => None,
    }
}

fn indicator_fields(cx: &Cx, o: &Indicator, n: &Indicator, out: &mut Vec<FieldChange>) {
    // A money value is compared as an amount in the common unit: `≤4万元` and `≤40000.00元` are
    // the same cap, and a change finer than the printed precision is still a change.
    let same_money = match (money_value(&o.value), money_value(&n.value)) {
        (Some((oo, om)), Some((no, nm))) => {
            oo == no && om.compare(nm).is_ok_and(|o| o == std::cmp::Ordering::Equal)
        }
        _ => false,
    };
    if !same_money {
        field(
            "value",
            "指标值",
            Some(value_text(cx.old, &o.value)),
            Some(value_text(cx.new, &n.value)),
            out,
        );
    }
    field("note", "备注", o.note.clone(), n.note.clone(), out);
    field(
        "standard",
        "绩效标准",
        o.standard.clone(),
        n.standard.clone(),
        out,
    );
    field(
        "weight",
        "权重",
        o.weight.map(figures::exact),
        n.weight.map(figures::exact),
        out,
    );
    field(
        "explain",
        "指标解释",
        o.explain.clone(),
        n.explain.clone(),
        out,
    );
    field(
        "scoring",
        "评（扣）分标准",
        o.scoring.clone(),
        n.scoring.clone(),
        out,
    );
    field("sense", "指标方向", o.sense.clone(), n.sense.clone(), out);
}

// ---- texts ---------------------------------------------------------------------------------------

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

fn department_texts(old: &Declaration, new: &Declaration, out: &mut Vec<TextChange>) {
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

fn direction_texts(o: &Direction, n: &Direction, out: &mut Vec<TextChange>) {
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

#[cfg(test)]
mod tests {
    use super::changes::AmountChange;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn percent_is_rounded_half_away_from_zero() {
        let c = AmountChange::new(Some(d("173.4271")), Some(d("180.1")));
        assert_eq!(c.change, Some(d("6.6729")));
        assert_eq!(c.percent, Some(d("3.85")));
        // 0.125% → 0.13 (banker's rounding would give 0.12), and −0.125% → −0.13.
        let up = AmountChange::new(Some(d("800")), Some(d("801")));
        assert_eq!(up.percent.map(|p| p.to_string()), Some("0.13".to_string()));
        let down = AmountChange::new(Some(d("800")), Some(d("799")));
        assert_eq!(
            down.percent.map(|p| p.to_string()),
            Some("-0.13".to_string())
        );
    }

    #[test]
    fn no_percent_from_zero_or_nothing() {
        assert_eq!(AmountChange::new(Some(d("0")), Some(d("5"))).percent, None);
        let added = AmountChange::new(None, Some(d("5")));
        assert_eq!((added.change, added.percent), (Some(d("5")), None));
        let removed = AmountChange::new(Some(d("5")), None);
        assert_eq!(removed.change, Some(d("-5")));
        assert_eq!(removed.percent, Some(d("-100")));
    }
}
