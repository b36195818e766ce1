//! JSON: one document with every fact and every derived figure. Amounts are decimal strings in the
//! document's unit (`"173.4271"`), never floats. The schema is described in docs/json.md.

use super::pretty::Pretty;
use crate::domain::Money;
use crate::messages::Lang;
use crate::model::{
    Admin, BasisTerms, Cost, Count, Declaration, Derived, Direction, EarlierFigure, How, Indicator,
    Line, Part, Value,
};
use crate::present::figures;
use crate::present::ordinals::chinese as chinese_ordinal;
use crate::present::provenance;
use crate::present::values::value_text;
use crate::source::Span;
use rust_decimal::Decimal;
use serde_json::Value as Json;

/// The version of the schema in docs/json.md.
pub const SCHEMA_VERSION: u32 = 3;

/// The document, printed as `serde_json::to_string_pretty` prints it, written straight from the
/// model (no `serde_json::Value` in between: it cost more than compiling the file).
pub fn render(decl: &Declaration) -> String {
    let mut p = Pretty::new();
    document_into(&mut p, decl);
    let mut s = p.finish();
    s.push('\n');
    s
}

/// The document as a `serde_json::Value` (the same keys in the same order as `render`).
pub fn document(decl: &Declaration) -> Json {
    serde_json::from_str(&render(decl)).unwrap_or(Json::Null)
}

fn amount(p: &mut Pretty, v: Decimal) {
    p.str(&figures::exact(v));
}

fn money(p: &mut Pretty, m: Money) {
    amount(p, m.amount());
}

fn opt_amount(p: &mut Pretty, v: Option<Decimal>) {
    match v {
        Some(v) => amount(p, v),
        None => {
            p.null();
        }
    }
}

fn opt_money(p: &mut Pretty, v: Option<Money>) {
    opt_amount(p, v.map(Money::amount));
}

/// `declared_as_written`, only where the declared figure at `at` was written in the other unit: the
/// conversion's start, `{amount, unit}` as written.
fn written_as(p: &mut Pretty, decl: &Declaration, at: Option<Span>) {
    if let Some(m) = at.and_then(|at| decl.written_as(at)) {
        p.key("declared_as_written").begin_object();
        money(p.key("amount"), m);
        p.key("unit").str(m.unit().name());
        p.end_object();
    }
}

fn opt_number(p: &mut Pretty, v: Option<impl std::fmt::Display>) {
    match v {
        Some(v) => p.number(v),
        None => p.null(),
    };
}

fn derivation(p: &mut Pretty, d: &Option<Derived>) {
    match d {
        Some(d) => {
            p.begin_object();
            money(p.key("amount"), d.value);
            p.key("how").str(provenance::how(&d.how).get(Lang::En));
            how(p.key("provenance"), &d.how);
            p.end_object();
        }
        None => {
            p.null();
        }
    }
}

/// The structure of a derivation (docs/json.md, "provenance").
fn how(p: &mut Pretty, h: &How) {
    p.begin_object();
    match h {
        How::Basis(t) => {
            p.key("kind").str("basis");
            basis_terms(p, t);
        }
        How::Lines(parts) => {
            p.key("kind").str("lines");
            parts_of(p.key("parts"), parts);
        }
        How::Directions(parts) => {
            p.key("kind").str("directions");
            parts_of(p.key("parts"), parts);
        }
        How::Costs { costs, children } => {
            p.key("kind").str("costs");
            p.key("costs").begin_array();
            for t in costs {
                p.element().begin_object();
                basis_terms(p, t);
                p.end_object();
            }
            p.end_array();
            parts_of(p.key("parts"), children);
        }
        How::People { direction, parts } => {
            p.key("kind").str("people");
            p.key("direction").str(direction);
            p.key("parts").begin_array();
            for n in parts {
                amount(p.element(), *n);
            }
            p.end_array();
        }
        How::Qty { direction, unit } => {
            p.key("kind").str("qty");
            p.key("direction").str(direction);
            p.key("unit").str(unit);
        }
        How::AmountOf { direction } => {
            p.key("kind").str("amount");
            p.key("direction").str(direction);
        }
        How::LineOf { breakdown, name } => {
            p.key("kind").str("line");
            p.key("breakdown").str(breakdown.json_name());
            p.key("name").str(name);
        }
        How::Total => {
            p.key("kind").str("total");
        }
    }
    p.end_object();
}

fn basis_terms(p: &mut Pretty, t: &BasisTerms) {
    p.key("count").str(&t.count_text);
    p.key("count_unit").str(&t.count_unit);
    p.key("price_yuan").str(&t.price_text);
    p.key("per").str(t.per.keyword());
    opt_amount(p.key("months"), t.months);
    money(p.key("amount_yuan"), t.result);
    opt_money(p.key("amount"), t.converted);
}

fn parts_of(p: &mut Pretty, parts: &[Part]) {
    p.begin_array();
    for part in parts {
        p.element().begin_object();
        p.key("name").str(&part.name);
        opt_money(p.key("amount"), part.amount);
        p.end_object();
    }
    p.end_array();
}

/// A share of the total in percent, two decimals (占比).
fn share(p: &mut Pretty, part: Option<Money>, total: Option<Money>) {
    let ratio = part.zip(total).and_then(|(part, total)| {
        let total = total.amount_in(part.unit()).ok().filter(|t| !t.is_zero())?;
        part.amount()
            .checked_mul(Decimal::from(100))
            .and_then(|p| p.checked_div(total))
    });
    match ratio {
        Some(v) => p.str(&figures::display(v, 2)),
        None => p.null(),
    };
}

fn document_into(p: &mut Pretty, decl: &Declaration) {
    let total = decl.total();
    p.begin_object();
    p.key("schema").number(SCHEMA_VERSION);
    opt_number(p.key("year"), decl.year.as_ref().map(|y| y.value));
    p.key("filer")
        .opt_str(decl.filer.as_ref().map(|f| f.value.as_str()));
    p.key("department")
        .opt_str(decl.department.as_ref().map(|f| f.value.as_str()));
    p.key("unit").str(decl.unit.name());
    p.key("precision").number(decl.precision);
    p.key("framework").begin_object();
    p.key("name").str(&decl.framework.name);
    p.key("tiers").begin_array();
    for t in &decl.framework.tiers {
        p.element().begin_object();
        p.key("name").str(&t.name);
        p.key("categories")
            .strs(t.categories.iter().map(|c| c.name.as_str()));
        p.end_object();
    }
    p.end_array();
    p.end_object();
    // Written only where they say something, so that a document of the seed's shape keeps its JSON.
    if decl.form.is_ministry() {
        p.key("form").str(decl.form.name());
    }
    admin(p, &decl.admin);
    opt_money(p.key("total"), total);
    opt_money(
        p.key("declared_total"),
        decl.declared_total.as_ref().map(|t| t.value),
    );
    written_as(p, decl, decl.declared_total.as_ref().map(|t| t.span));
    opt_money(p.key("income_total"), decl.income_total());
    opt_money(p.key("spending_total"), decl.spending_total());
    opt_money(p.key("project_spending"), decl.directions_total());
    lines(p.key("income"), decl, &decl.income, total);
    lines(p.key("spending"), decl, &decl.spending, total);
    p.key("duties")
        .strs(decl.duties.iter().map(|d| d.value.as_str()));
    p.key("goals")
        .strs(decl.goals.iter().map(|d| d.value.as_str()));
    p.key("plans").begin_array();
    for plan in &decl.plans {
        p.element().begin_object();
        p.key("item").str(&plan.item.value);
        p.key("owner").str(&plan.owner.value);
        p.key("target").str(&plan.target.value);
        p.end_object();
    }
    p.end_array();
    p.key("tasks").begin_array();
    for t in &decl.tasks {
        p.element().begin_object();
        p.key("task").str(&t.task.value);
        p.key("duty").str(&t.duty.value);
        p.key("funded_by").str(&t.funded_by.value);
        opt_money(p.key("amount"), t.amount);
        opt_money(p.key("declared"), t.declared.as_ref().map(|d| d.value));
        written_as(p, decl, t.declared.as_ref().map(|d| d.span));
        opt_money(p.key("funder_amount"), t.funder_amount);
        if let Some(c) = &t.content {
            p.key("content").str(&c.value);
        }
        if !t.funds.is_empty() {
            lines(p.key("funds"), decl, &t.funds, t.amount);
        }
        p.end_object();
    }
    p.end_array();
    indicators(p.key("indicators"), decl, &decl.indicators);
    scores(p.key("scores"), decl, decl.scores.as_ref());
    directions(p.key("directions"), decl, &decl.directions, 0);
    // Only with year-end facts, so a declaration of targets keeps its JSON.
    if decl.has_year_end() {
        self_evaluation(p.key("self_evaluation"), decl);
    }
    p.end_object();
}

/// The year-end self-evaluation (docs/self-evaluation.md): the profile, then per table its execution,
/// each indicator's actual, points, score and how the score was reached, the total and the grade.
fn self_evaluation(p: &mut Pretty, decl: &Declaration) {
    let profile = &decl.profile;
    p.begin_object();
    p.key("profile").begin_object();
    p.key("name").str(profile.kind.name());
    p.key("grades").begin_array();
    for g in profile.grades {
        amount(p.element(), g);
    }
    p.end_array();
    p.key("inverse").str(profile.inverse.name());
    amount(p.key("deviation"), profile.deviation);
    p.end_object();
    p.key("tables").begin_array();
    for e in crate::score::evaluate(decl) {
        p.element().begin_object();
        p.key("direction")
            .opt_str(e.direction.map(|d| d.name.value.as_str()));
        opt_money(p.key("initial_budget"), e.amount);
        match &e.execution {
            Some(x) => {
                p.key("execution").begin_object();
                money(p.key("budget"), x.budget);
                money(p.key("spent"), x.spent);
                opt_amount(p.key("rate"), x.rate);
                amount(p.key("points"), x.points);
                amount(p.key("score"), x.score);
                rule(p, &x.rule, x.points, x.score);
                p.end_object();
            }
            None => {
                p.key("execution").null();
            }
        }
        p.key("lines").begin_array();
        for x in e.year_end.executions.iter().filter(|x| x.line.is_some()) {
            p.element().begin_object();
            p.key("name")
                .opt_str(x.line.as_ref().map(|l| l.value.as_str()));
            money(p.key("budget"), x.budget.value);
            money(p.key("spent"), x.spent.value);
            p.end_object();
        }
        p.end_array();
        p.key("outcome")
            .opt_str(e.year_end.outcome.as_ref().map(|o| o.value.as_str()));
        p.key("indicators").begin_array();
        for item in &e.items {
            let ind = item.indicator;
            let a = ind.achieved.as_ref();
            p.element().begin_object();
            p.key("name").str(&ind.name.value);
            p.key("target").str(&value_text(decl, &ind.value));
            p.key("actual").opt_str(a.map(|a| a.value.text()));
            p.key("reason")
                .opt_str(a.and_then(|a| a.reason.as_ref()).map(|r| r.value.as_str()));
            opt_amount(
                p.key("typed_score"),
                a.and_then(|a| a.score.as_ref()).map(|s| s.value),
            );
            amount(p.key("points"), item.points);
            amount(p.key("score"), item.score);
            rule(p, &item.rule, item.points, item.score);
            match item.deviation {
                Some(crate::score::Deviation::Missed) => {
                    p.key("deviation").str("missed");
                }
                Some(crate::score::Deviation::Over(_)) => {
                    p.key("deviation").str("over");
                }
                None => {
                    p.key("deviation").null();
                }
            }
            p.end_object();
        }
        p.end_array();
        amount(p.key("points"), e.points);
        amount(p.key("total"), e.total);
        p.key("grade").str(e.grade.zh());
        p.end_object();
    }
    p.end_array();
    p.end_object();
}

/// A score's provenance: the rule, its figures, and the formula in both languages.
fn rule(p: &mut Pretty, r: &crate::score::Rule, points: Decimal, score: Decimal) {
    use crate::score::Rule;
    p.key("rule").str(crate::present::scores::rule_name(r).0);
    let figures: Vec<(&str, Decimal)> = match r {
        Rule::Reached { target, actual }
        | Rule::Proportional { target, actual }
        | Rule::WithinCap { target, actual }
        | Rule::LinearFall { target, actual }
        | Rule::InverseRatio { target, actual } => vec![("target", *target), ("actual", *actual)],
        Rule::WithinRange { low, high, actual } => {
            vec![("low", *low), ("high", *high), ("actual", *actual)]
        }
        Rule::ZeroTarget { actual } => vec![("actual", *actual)],
        Rule::Band { typed, .. } => typed.iter().map(|t| ("typed", *t)).collect(),
        Rule::Execution { budget, spent } => vec![("budget", *budget), ("spent", *spent)],
        Rule::NoActual | Rule::NotComparable => Vec::new(),
    };
    p.key("figures").begin_object();
    for (k, v) in figures {
        amount(p.key(k), v);
    }
    if let Rule::Band { result, .. } = r {
        p.key("result").str(result.zh());
    }
    p.end_object();
    let how = crate::present::scores::explain(r, points, score);
    p.key("how_zh").str(how.get(Lang::Zh));
    p.key("how_en").str(how.get(Lang::En));
}

/// `scores …`: each 一级指标's 分值 and the total the weights must reach.
fn scores(p: &mut Pretty, decl: &Declaration, s: Option<&crate::model::Scores>) {
    let Some(s) = s else {
        p.null();
        return;
    };
    p.begin_object();
    p.key("parts").begin_array();
    for part in &s.parts {
        p.element().begin_object();
        p.key("level1")
            .opt_str(decl.framework.tiers.get(part.tier).map(|t| t.name.as_str()));
        amount(p.key("points"), part.points);
        if let Some(most) = part.most {
            amount(p.key("most"), most);
        }
        p.end_object();
    }
    p.end_array();
    opt_amount(p.key("total"), s.total.as_ref().map(|t| t.value));
    p.end_object();
}

fn lines(p: &mut Pretty, decl: &Declaration, ls: &[Line], total: Option<Money>) {
    p.begin_array();
    for l in ls {
        p.element().begin_object();
        p.key("name").str(&l.name.value);
        opt_money(p.key("amount"), l.amount);
        opt_money(p.key("declared"), l.declared.as_ref().map(|d| d.value));
        written_as(p, decl, l.declared.as_ref().map(|d| d.span));
        derivation(p.key("derived"), &l.derived);
        share(p.key("share"), l.amount, total);
        p.key("partial").bool(l.partial);
        earlier(p.key("earlier"), &l.earlier);
        lines(p.key("items"), decl, &l.children, total);
        p.end_object();
    }
    p.end_array();
}

/// Figures of earlier years: `[{kind, year, amount}]`.
fn earlier(p: &mut Pretty, figures: &[EarlierFigure]) {
    p.begin_array();
    for e in figures {
        p.element().begin_object();
        p.key("kind").str(e.kind.keyword());
        p.key("year").number(e.year);
        money(p.key("amount"), e.amount);
        p.end_object();
    }
    p.end_array();
}

fn directions(p: &mut Pretty, decl: &Declaration, ds: &[Direction], depth: usize) {
    p.begin_array();
    for (i, d) in ds.iter().enumerate() {
        let n = i + 1;
        let number = if depth == 0 {
            chinese_ordinal(n)
        } else {
            n.to_string()
        };
        p.element().begin_object();
        p.key("kind").str(d.kind.keyword());
        p.key("number").str(&number);
        p.key("name").str(&d.name.value);
        p.key("special")
            .opt_str(d.special.as_ref().map(|s| s.value.as_str()));
        p.key("project_kind")
            .opt_str(d.project_kind.as_ref().map(|s| s.value.as_str()));
        match &d.period {
            Some(period) => {
                let v = &period.value;
                let month = |s: &crate::domain::YearMonth| format!("{:04}-{:02}", s.year, s.month);
                p.key("period").begin_object();
                p.key("text").str(&v.text);
                p.key("start")
                    .opt_str(v.start.as_ref().map(month).as_deref());
                p.key("end").opt_str(v.end.as_ref().map(month).as_deref());
                opt_number(p.key("months"), v.months);
                p.key("long_term").bool(v.long_term);
                p.end_object();
            }
            None => {
                p.key("period").null();
            }
        }
        opt_money(p.key("amount"), d.amount);
        opt_money(
            p.key("declared_amount"),
            d.declared.as_ref().map(|a| a.value),
        );
        written_as(p, decl, d.declared.as_ref().map(|a| a.span));
        derivation(p.key("derived"), &d.derived);
        p.key("basis").begin_array();
        for c in &d.costs {
            cost(p.element(), c);
        }
        p.end_array();
        p.key("basis_text").opt_str(d.basis_text.as_deref());
        opt_amount(p.key("people"), d.people);
        p.key("goal")
            .opt_str(d.goal.as_ref().map(|g| g.value.as_str()));
        p.key("annual")
            .opt_str(d.annual.as_ref().map(|g| g.value.as_str()));
        p.key("summary_goal").opt_str(d.summary_goal_text());
        p.key("summary_annual").opt_str(d.summary_annual_text());
        admin(p, &d.admin);
        if let Some(b) = &d.total_budget {
            money(p.key("total_budget"), b.value);
        }
        if !d.earlier.is_empty() {
            earlier(p.key("earlier"), &d.earlier);
        }
        if !d.shares.is_empty() {
            p.key("shares").begin_array();
            for s in &d.shares {
                p.element().begin_object();
                p.key("recipient").str(&s.recipient.value);
                opt_money(p.key("amount"), s.amount);
                p.end_object();
            }
            p.end_array();
        }
        lines(p.key("funds"), decl, &d.funds, d.amount);
        indicators(p.key("indicators"), decl, &d.indicators);
        scores(p.key("scores"), decl, d.scores.as_ref());
        directions(p.key("directions"), decl, &d.children, depth + 1);
        p.end_object();
    }
    p.end_array();
}

/// The administrative fields declared (`"admin": {"code": …}`); nothing when none is.
fn admin(p: &mut Pretty, a: &Admin) {
    let fields = a.fields();
    if fields.is_empty() {
        return;
    }
    p.key("admin").begin_object();
    for (key, _, text) in fields {
        p.key(key).str(text);
    }
    p.end_object();
}

fn cost(p: &mut Pretty, c: &Cost) {
    let (count_kind, count, count_unit) = match &c.count {
        Count::People(n) => ("people", *n, "人"),
        Count::Qty { number, unit } => ("qty", *number, unit.as_str()),
    };
    p.begin_object();
    p.key("label")
        .opt_str(c.label.as_ref().map(|l| l.value.as_str()));
    p.key("count_kind").str(count_kind);
    amount(p.key("count"), count);
    p.key("count_unit").str(count_unit);
    money(p.key("price_yuan"), c.price);
    p.key("per").str(c.per.keyword());
    amount(p.key("times"), c.times);
    money(p.key("amount_yuan"), c.amount);
    opt_money(p.key("amount"), c.terms.converted);
    if !c.earlier.is_empty() {
        earlier(p.key("earlier"), &c.earlier);
    }
    let h = c.how();
    p.key("how").str(provenance::how(&h).get(Lang::En));
    how(p.key("provenance"), &h);
    p.end_object();
}

fn indicators(p: &mut Pretty, decl: &Declaration, is: &[Indicator]) {
    p.begin_array();
    for i in is {
        indicator(p.element(), decl, i);
    }
    p.end_array();
}

fn indicator(p: &mut Pretty, decl: &Declaration, i: &Indicator) {
    let tier = i
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .map(|t| t.name.as_str());
    let category = decl
        .category_of(i)
        .map_or(i.level2_written.value.as_str(), |c| c.name.as_str());
    let sense = i
        .sense
        .as_deref()
        .or(i.value.op().and_then(|op| op.sense()));
    p.begin_object();
    p.key("horizon").str(i.horizon.keyword());
    p.key("level1").opt_str(tier);
    p.key("level2").str(category);
    p.key("name").str(&i.name.value);
    p.key("value").str(&value_text(decl, &i.value));
    match &i.value {
        Value::Quality { .. } | Value::Unknown { .. } | Value::Date { .. } => {
            let quantitative = matches!(i.value, Value::Date { .. });
            p.key("kind").str(if quantitative {
                "quantitative"
            } else {
                "qualitative"
            });
            p.key("class").str(i.value.class());
            match i.value.op() {
                Some(op) => p.key("operator").str(op.symbol()),
                None => p.key("operator").null(),
            };
            p.key("number").null();
            p.key("unit").null();
            p.key("reference").null();
        }
        Value::Range {
            low,
            high,
            unit_text,
            ..
        } => {
            p.key("kind").str("quantitative");
            p.key("class").str("range");
            p.key("operator").null();
            p.key("number").null();
            p.key("unit").opt_str(unit_text.as_deref());
            p.key("reference").null();
            p.key("range").begin_object();
            p.key("measure").str(low.class());
            amount(p.key("low"), low.number());
            amount(p.key("high"), high.number());
            p.end_object();
        }
        Value::Quantity {
            op,
            measure,
            unit_text,
            reference,
            ..
        } => {
            p.key("kind").str("quantitative");
            p.key("class").str(measure.class());
            p.key("operator").str(op.symbol());
            amount(p.key("number"), measure.number());
            p.key("unit").opt_str(unit_text.as_deref());
            match reference {
                Some(r) => {
                    p.key("reference").begin_object();
                    p.key("of").str(&r.written);
                    amount(p.key("amount"), r.value.number());
                    p.key("how").str(provenance::reference(r).get(Lang::En));
                    how(p.key("provenance"), &r.how);
                    p.end_object();
                }
                None => {
                    p.key("reference").null();
                }
            }
        }
    }
    p.key("note").opt_str(i.note.as_deref());
    p.key("standard").opt_str(i.standard.as_deref());
    opt_amount(p.key("weight"), i.weight);
    p.key("explain").opt_str(i.explain.as_deref());
    p.key("scoring").opt_str(i.scoring.as_deref());
    p.key("sense").opt_str(sense);
    p.end_object();
}
