//! Directions and projects: their facts, their cost bases (count × price × months, exactly, in 元 then in
//! the document's unit), their sub-directions, and their amounts with provenance.

use super::indicators::Scope;
use super::{Ctx, lines, spanned};
use crate::diagnostic::Diagnostic;
use crate::domain::money::exact;
use crate::domain::{Breakdown, Money, Per, Period};
use crate::lower::messages as msg;
use crate::lower::{DUPLICATE_HEADER, DUPLICATE_NAME};
use crate::model::{
    Admin, BasisTerms, Cost, Count, Derived, Direction, How, Indicator, Part, Share, Spanned,
};
use crate::source::Span;
use crate::syntax::ast::{self, DirectionItem};
use rust_decimal::Decimal;
use std::collections::HashMap;

crate::codes::rules! {
    DIRECTION_WITHOUT_AMOUNT = "B3011", Error, "a direction has no amount and nothing to compute it from", "支出方向既无金额也无测算依据";
    PERIOD_UNREADABLE = "B5011", Note, "the period could not be read as dates or a length", "无法识别实施期";
}

pub fn lower_all(ctx: &mut Ctx, ds: &[&ast::Direction]) -> Vec<Direction> {
    // Names already used, with where first: a map, so thousands of directions stay linear.
    let mut seen: HashMap<String, Span> = HashMap::new();
    ds.iter().map(|d| lower(ctx, d, &mut seen)).collect()
}

fn lower(ctx: &mut Ctx, d: &ast::Direction, seen: &mut HashMap<String, Span>) -> Direction {
    if let Some(first) = seen.get(&d.name.value) {
        ctx.report(
            Diagnostic::new(
                DUPLICATE_NAME,
                msg::direction_named_twice(&d.name.value),
                d.name.span,
                msg::label_named_again(),
            )
            .with_label(*first, msg::label_first_named())
            .with_help(msg::help_direction_names_unique()),
        );
    } else {
        seen.insert(d.name.value.clone(), d.name.span);
    }
    let mut out = Direction {
        kind: d.kind,
        name: spanned(&d.name),
        special: None,
        project_kind: None,
        period: None,
        goal: None,
        annual: None,
        summary_goal: None,
        summary_annual: None,
        declared: None,
        declared_text: None,
        basis_text: None,
        costs: Vec::new(),
        derived: None,
        amount: None,
        people: None,
        funds: Vec::new(),
        indicators: Vec::new(),
        scores: None,
        children: Vec::new(),
        admin: Admin::default(),
        total_budget: None,
        earlier: Vec::new(),
        shares: Vec::new(),
        incomplete: false,
        year_end: Default::default(),
        span: d.span,
    };

    // The period comes first: it sets the default number of months of every basis.
    for item in &d.items {
        if let DirectionItem::Period(t) = item
            && set_once(ctx, &out.period.as_ref().map(|p| p.span), "period", t.span)
        {
            let period = Period::parse(&t.value).unwrap_or_else(|| {
                ctx.report(
                    Diagnostic::new(
                        PERIOD_UNREADABLE,
                        msg::period_unreadable(&t.value),
                        t.span,
                        msg::label_period_unreadable(),
                    )
                    .with_help(msg::help_period_forms()),
                );
                Period {
                    text: t.value.clone(),
                    ..Default::default()
                }
            });
            out.period = Some(Spanned {
                value: period,
                span: t.span,
            });
        }
    }
    let default_months = out
        .period
        .as_ref()
        .and_then(|p| p.value.months)
        .unwrap_or(12);

    if let Some(b) = &d.basis {
        match cost(ctx, None, b, &[], default_months) {
            Some(c) => out.costs.push(c),
            None => out.incomplete = true,
        }
    }
    let mut funds_ast = Vec::new();
    let mut earlier_ast = Vec::new();
    for item in &d.items {
        match item {
            DirectionItem::Special(t) => set_text(ctx, &mut out.special, t, "special"),
            DirectionItem::Kind(t) => set_text(ctx, &mut out.project_kind, t, "kind"),
            DirectionItem::Goal(t) => set_text(ctx, &mut out.goal, t, "goal"),
            DirectionItem::Annual(t) => set_text(ctx, &mut out.annual, t, "annual"),
            DirectionItem::SummaryGoal(t) => {
                set_text(ctx, &mut out.summary_goal, t, "summary-goal")
            }
            DirectionItem::SummaryAnnual(t) => {
                set_text(ctx, &mut out.summary_annual, t, "summary-annual")
            }
            DirectionItem::Amount {
                amount,
                basis_text,
                span,
            } => {
                if set_once(ctx, &out.declared.as_ref().map(|a| a.span), "amount", *span) {
                    out.declared = ctx.declared_amount(amount).map(|value| Spanned {
                        value,
                        span: amount.span,
                    });
                    out.declared_text = ctx.amount_text(amount);
                    out.basis_text = basis_text.as_ref().map(|t| t.value.clone());
                }
            }
            DirectionItem::Cost(c) => {
                let computed = cost(ctx, Some(&c.label), &c.basis, &c.earlier, default_months);
                out.incomplete |= computed.is_none();
                if let Some(cost) = computed {
                    if let Some(first) = out
                        .costs
                        .iter()
                        .find_map(|x| x.label.as_ref().filter(|l| l.value == c.label.value))
                    {
                        ctx.report(
                            Diagnostic::new(
                                DUPLICATE_NAME,
                                msg::cost_labelled_twice(&c.label.value),
                                c.label.span,
                                msg::label_labelled_again(),
                            )
                            .with_label(first.span, msg::label_first_labelled())
                            .with_help(msg::help_cost_labels_unique()),
                        );
                    }
                    out.costs.push(cost);
                }
            }
            DirectionItem::Income(l) => funds_ast.push(l),
            DirectionItem::Earlier(e) => earlier_ast.push(e.clone()),
            DirectionItem::Scores(sc) => {
                if set_once(ctx, &out.scores.as_ref().map(|x| x.span), "scores", sc.span) {
                    out.scores = Some(super::indicators::scores(ctx, sc));
                }
            }
            DirectionItem::Direction(sub) => out.children.push(lower(ctx, sub, seen)),
            DirectionItem::Admin(a) => set_admin(ctx, &mut out.admin, a, false),
            DirectionItem::TotalBudget { amount, span } => {
                if set_once(
                    ctx,
                    &out.total_budget.as_ref().map(|a| a.span),
                    "total-budget",
                    *span,
                ) {
                    out.total_budget = ctx.declared_amount(amount).map(|value| Spanned {
                        value,
                        span: amount.span,
                    });
                }
            }
            DirectionItem::Share(sh) => {
                if let Some(first) = out
                    .shares
                    .iter()
                    .find(|x| x.recipient.value == sh.recipient.value)
                {
                    ctx.report(
                        Diagnostic::new(
                            DUPLICATE_NAME,
                            msg::share_named_twice(&sh.recipient.value),
                            sh.recipient.span,
                            msg::label_named_again(),
                        )
                        .with_label(first.recipient.span, msg::label_first_named())
                        .with_help(msg::help_share_names_unique()),
                    );
                }
                let amount = ctx.declared_amount(&sh.amount);
                out.shares.push(Share {
                    recipient: spanned(&sh.recipient),
                    amount,
                    span: sh.span,
                });
            }
            // Year-end facts are read after the indicators are in place (`year_end`).
            DirectionItem::Period(_)
            | DirectionItem::Indicator(_)
            | DirectionItem::Achieved(_)
            | DirectionItem::Execution(_)
            | DirectionItem::Outcome(_) => {}
        }
    }

    // Derived amount: the costs (in 元, converted) and the sub-directions.
    if !out.costs.is_empty() || !out.children.is_empty() {
        out.derived = derive_amount(ctx, &out);
    }
    let has_source = d.basis.is_some()
        || !out.children.is_empty()
        || d.items
            .iter()
            .any(|i| matches!(i, DirectionItem::Cost(_) | DirectionItem::Amount { .. }));
    out.amount = match (&out.declared, &out.derived) {
        (Some(a), _) => Some(a.value),
        (None, Some(d)) => Some(d.value),
        // An unreadable amount or a basis that failed is reported already (B1002, B3030, B3032).
        (None, None) if has_source => None,
        (None, None) => {
            ctx.report(
                Diagnostic::new(
                    DIRECTION_WITHOUT_AMOUNT,
                    msg::direction_without_amount(&d.name.value),
                    d.name.span,
                    msg::label_no_amount_no_basis(),
                )
                .with_help(msg::help_direction_without_amount()),
            );
            None
        }
    };
    let people = out.costs.iter().filter_map(|c| {
        if let Count::People(n) = c.count {
            Some(n)
        } else {
            None
        }
    });
    let child_people = out.children.iter().filter_map(|c| c.people);
    let all: Vec<Decimal> = people.chain(child_people).collect();
    if !all.is_empty() {
        out.people = ctx.exact(exact::sum(all), d.name.span);
    }
    out.funds = lines::lower_breakdown(ctx, &funds_ast, &out.children, Breakdown::Funds);
    out.earlier = super::earlier::figures(ctx, &earlier_ast);
    out
}

/// The sum of a direction's costs, each converted from 元 into the document's unit, and of its
/// sub-directions; `None` when a part is unknown (reported where it is) or the sum is not exact.
fn derive_amount(ctx: &mut Ctx, d: &Direction) -> Option<Derived> {
    let mut total = Money::zero(ctx.unit);
    let mut terms = Vec::new();
    for c in &d.costs {
        total = ctx.exact(total.checked_add(c.amount), c.span)?;
        terms.push(c.terms.clone());
    }
    for c in &d.children {
        total = ctx.exact(total.checked_add(c.amount?), c.name.span)?;
    }
    let mut sources: Vec<Span> = d.costs.iter().map(|c| c.span).collect();
    sources.extend(d.children.iter().map(|c| c.name.span));
    Some(Derived {
        value: total,
        how: How::Costs {
            costs: terms,
            children: d
                .children
                .iter()
                .map(|c| Part {
                    name: c.name.value.clone(),
                    amount: c.amount,
                })
                .collect(),
        },
        sources,
    })
}

/// A fact that may be given once per block; reports the second.
fn set_once(ctx: &mut Ctx, first: &Option<Span>, key: &str, span: Span) -> bool {
    match first {
        Some(f) => {
            ctx.report(
                Diagnostic::new(
                    DUPLICATE_HEADER,
                    msg::direction_fact_twice(key),
                    span,
                    msg::label_given_again(),
                )
                .with_label(*f, msg::label_first_given())
                .with_help(msg::help_keep_one_line(key)),
            );
            false
        }
        None => true,
    }
}

/// An administrative field, once per block (`document`: at the top of the file).
pub(crate) fn set_admin(ctx: &mut Ctx, admin: &mut Admin, a: &ast::Admin, document: bool) {
    use ast::AdminField as F;
    let (slot, key) = match a.field {
        F::BudgetCode => (&mut admin.budget_code, "budget-code"),
        F::Contact => (&mut admin.contact, "contact"),
        F::Code => (&mut admin.code, "code"),
        F::Attribute => (&mut admin.attribute, "attribute"),
        F::Funding => (&mut admin.funding, "funding"),
        F::Policy => (&mut admin.policy, "policy"),
        F::Approval => (&mut admin.approval, "approval"),
        F::Overview => (&mut admin.overview, "overview"),
        F::Function => (&mut admin.function, "function"),
    };
    let first = slot.as_ref().map(|s| s.span);
    let fresh = match (first, document) {
        (None, _) => true,
        (Some(f), true) => {
            ctx.report(super::given_twice(key, a.span, f));
            false
        }
        (Some(_), false) => set_once(ctx, &first, key, a.span),
    };
    if fresh {
        *slot = Some(spanned(&a.value));
        if a.field == F::Contact {
            admin.phone = a.extra.as_ref().map(spanned);
        }
    }
}

fn set_text(ctx: &mut Ctx, slot: &mut Option<Spanned<String>>, t: &ast::Text, key: &str) {
    if set_once(ctx, &slot.as_ref().map(|s| s.span), key, t.span) {
        *slot = Some(spanned(t));
    }
}

fn cost(
    ctx: &mut Ctx,
    label: Option<&ast::Text>,
    b: &ast::Basis,
    earlier: &[ast::EarlierFigure],
    default_months: u32,
) -> Option<Cost> {
    let (count, count_text, count_unit) = match &b.count {
        ast::Count::People(n) => (
            Count::People(ctx.non_negative(n, msg::NegativeWhat::Count)?),
            n.text.clone(),
            "人".to_string(),
        ),
        ast::Count::Qty { number, unit } => (
            Count::Qty {
                number: ctx.non_negative(number, msg::NegativeWhat::Count)?,
                unit: unit.value.clone(),
            },
            number.text.clone(),
            unit.value.clone(),
        ),
    };
    let n = match &count {
        Count::People(n) | Count::Qty { number: n, .. } => *n,
    };
    let price = ctx.non_negative(&b.price, msg::NegativeWhat::Price)?;
    let months = match &b.months {
        Some(m) => ctx.non_negative(m, msg::NegativeWhat::Months)?,
        None => Decimal::from(default_months),
    };
    // Per year, the product is divided by 12 last, so that `rate 1200/year months 7` is exactly 700元
    // (7/12 of a year has no exact decimal). A product that has no exact value is B3032.
    let twelve = Decimal::from(12);
    let (times, months_in) = match b.per {
        Per::Month => (months, Some(months)),
        Per::Year => (
            exact::div(months, twelve).unwrap_or(months / twelve),
            Some(months),
        ),
        Per::Once => (Decimal::ONE, None),
    };
    // count × price, then × months (÷ 12 for a yearly price): each step exact or reported with
    // its operands.
    let product = exact::mul(n, price).and_then(|v| match b.per {
        Per::Year => exact::mul(v, months).and_then(|v| exact::div(v, twelve)),
        _ => exact::mul(v, times),
    });
    let amount = Money::yuan(ctx.exact(product, b.span)?);
    let price = Money::yuan(price);
    let converted = ctx.exact(amount.to(ctx.unit), b.span)?;
    let earlier = super::earlier::figures(ctx, earlier);
    let terms = BasisTerms {
        count_text,
        count_unit,
        price_text: b.price.text.clone(),
        per: b.per,
        months: months_in,
        result: amount,
        converted: Some(converted),
    };
    Some(Cost {
        label: label.map(spanned),
        count,
        price,
        per: b.per,
        times,
        months: months_in,
        amount,
        terms,
        earlier,
        span: label.map_or(b.span, |l| l.span.join(b.span)),
    })
}

/// Resolves the indicators of every direction, depth first, in the order `attach_indicators` expects.
pub fn collect_indicators(
    ast_ds: &[&ast::Direction],
    model_ds: &[Direction],
    scope: &Scope,
    ctx: &mut Ctx,
    out: &mut Vec<Vec<Indicator>>,
) {
    for (a, m) in ast_ds.iter().zip(model_ds) {
        let resolved = a
            .items
            .iter()
            .filter_map(|i| {
                if let DirectionItem::Indicator(ind) = i {
                    Some(ind)
                } else {
                    None
                }
            })
            .map(|ind| scope.indicator(ctx, ind, Some(m)))
            .collect();
        out.push(resolved);
        let subs: Vec<&ast::Direction> = a
            .items
            .iter()
            .filter_map(|i| {
                if let DirectionItem::Direction(d) = i {
                    Some(d)
                } else {
                    None
                }
            })
            .collect();
        collect_indicators(&subs, &m.children, scope, ctx, out);
    }
}

pub fn attach_indicators(
    ds: &mut [Direction],
    resolved: &mut impl Iterator<Item = Vec<Indicator>>,
) {
    for d in ds {
        d.indicators = resolved.next().unwrap_or_default();
        attach_indicators(&mut d.children, resolved);
    }
}
