//! Indicators: the 二级指标 (and 一级指标 where written) resolved through the framework, values read into
//! operator, number and unit, and references to derived numbers resolved in their scope.

use super::{Ctx, lines, spanned, unknown_direction};
use crate::diagnostic::Diagnostic;
use crate::domain::framework::{Role, Slot};
use crate::domain::money::exact;
use crate::domain::{Breakdown, Money, MoneyUnit};
use crate::lower::messages as msg;
use crate::lower::{DUPLICATE_HEADER, INVALID_HEADER, UNKNOWN_REFERENCE};
use crate::model::{
    Count, Declaration, Direction, How, Indicator, Measure, Op, RefKind, Reference, ScorePart,
    Scores, Spanned, Value,
};
use crate::source::Span;
use crate::syntax::ast::{self, IndicatorOption};
use rust_decimal::Decimal;
use std::collections::HashMap;

crate::codes::rules! {
    REFERENCE_NEEDS_DIRECTION = "B2006", Error, "a reference outside a direction must name its direction", "支出方向之外的引用必须写明支出方向";
    UNKNOWN_LEVEL_2 = "B4001", Error, "the 二级指标 is not in the document's framework", "二级指标不在本文件的指标体系中";
    WRONG_LEVEL_1 = "B4002", Error, "the 二级指标 is placed under the wrong 一级指标", "二级指标放在了错误的一级指标下";
    UNKNOWN_LEVEL_1 = "B4003", Error, "the 一级指标 is not in the document's framework", "一级指标不在本文件的指标体系中";
    REFERENCE_UNIT_MISMATCH = "B4011", Error, "a value's unit does not fit the number it refers to", "指标值的单位与其引用的数不相符";
}

/// What references can see: the document's lines and totals, and every direction by name.
pub struct Scope<'a> {
    decl: &'a Declaration,
    directions: &'a [Direction],
    by_name: HashMap<&'a str, &'a Direction>,
}

impl<'a> Scope<'a> {
    pub fn new(decl: &'a Declaration, directions: &'a [Direction]) -> Self {
        let mut by_name = HashMap::new();
        fn walk<'a>(ds: &'a [Direction], m: &mut HashMap<&'a str, &'a Direction>) {
            for d in ds {
                m.entry(d.name.value.as_str()).or_insert(d);
                walk(&d.children, m);
            }
        }
        walk(directions, &mut by_name);
        Scope {
            decl,
            directions,
            by_name,
        }
    }

    pub fn indicator(
        &self,
        ctx: &mut Ctx,
        ind: &ast::Indicator,
        current: Option<&Direction>,
    ) -> Indicator {
        let slot = self.slot(ctx, ind);
        // In a cost row, `180万` and `1.2亿` are money too (the forms write them so).
        let is_cost = slot
            .and_then(|s| ctx.framework.category(s))
            .and_then(|c| c.role)
            .is_some_and(|r| matches!(r, Role::Cost | Role::EconomicCost));
        let value = self.value(ctx, &ind.value, current, is_cost);
        let mut out = Indicator {
            horizon: ind.horizon,
            slot,
            level2_written: spanned(&ind.level2),
            name: spanned(&ind.name),
            value,
            note: None,
            standard: None,
            weight: None,
            explain: None,
            scoring: None,
            sense: None,
            achieved: None,
            span: ind.span,
        };
        let mut given: Vec<(&str, crate::source::Span)> = Vec::new();
        for o in &ind.options {
            let (key, span) = match o {
                IndicatorOption::Note(t) => ("note", t.span),
                IndicatorOption::Standard(t) => ("standard", t.span),
                IndicatorOption::Weight(n) => ("weight", n.span),
                IndicatorOption::Explain(t) => ("explain", t.span),
                IndicatorOption::Scoring(t) => ("scoring", t.span),
                IndicatorOption::Sense(t) => ("sense", t.span),
            };
            if let Some((_, first)) = given.iter().find(|(k, _)| *k == key) {
                ctx.report(
                    Diagnostic::new(
                        DUPLICATE_HEADER,
                        msg::indicator_option_twice(key),
                        span,
                        msg::label_given_again(),
                    )
                    .with_label(*first, msg::label_first_given())
                    .with_help(msg::help_keep_one(key)),
                );
                continue;
            }
            given.push((key, span));
            match o {
                IndicatorOption::Note(t) => out.note = Some(t.value.clone()),
                IndicatorOption::Standard(t) => out.standard = Some(t.value.clone()),
                IndicatorOption::Weight(n) => out.weight = ctx.number(n),
                IndicatorOption::Explain(t) => out.explain = Some(t.value.clone()),
                IndicatorOption::Scoring(t) => out.scoring = Some(t.value.clone()),
                IndicatorOption::Sense(t) => {
                    if let Some(sense) = sense_of(&t.value) {
                        out.sense = Some(sense.to_string());
                    } else {
                        ctx.report(
                            Diagnostic::new(
                                INVALID_HEADER,
                                msg::unknown_sense(&t.value),
                                t.span,
                                msg::label_unknown_sense(),
                            )
                            .with_help(msg::help_sense()),
                        );
                    }
                }
            }
        }
        out
    }

    fn slot(&self, ctx: &mut Ctx, ind: &ast::Indicator) -> Option<Slot> {
        if !ctx.has_framework {
            return None;
        }
        let fw = &ctx.framework;
        let name = &ind.level2.value;
        let Some(slot) = fw.find_category(name) else {
            let help = if fw.find_tier(name).is_some() {
                let tier = fw.find_tier(name).and_then(|t| fw.tiers.get(t));
                let under: Vec<&str> = tier
                    .map(|t| t.categories.iter().map(|c| c.name.as_str()).collect())
                    .unwrap_or_default();
                msg::help_level1_as_level2(name, &under)
            } else {
                let suggestions = fw.suggest_category(name);
                msg::help_level2_are(
                    suggestions.first().map(String::as_str),
                    &fw.name,
                    &category_list(fw),
                )
            };
            let d = Diagnostic::new(
                UNKNOWN_LEVEL_2,
                msg::unknown_level2(name, &fw.name),
                ind.level2.span,
                msg::label_unknown_level2(),
            )
            .with_help(help);
            ctx.report(d);
            return None;
        };
        if let Some(l1) = &ind.level1 {
            match fw.find_tier(&l1.value) {
                None => {
                    let tiers: Vec<&str> = fw.tiers.iter().map(|t| t.name.as_str()).collect();
                    let suggestions = fw.suggest_tier(&l1.value);
                    let help = msg::help_level1_are(
                        suggestions.first().map(String::as_str),
                        &fw.name,
                        &tiers,
                    );
                    ctx.report(
                        Diagnostic::new(
                            UNKNOWN_LEVEL_1,
                            msg::unknown_level1(&l1.value, &fw.name),
                            l1.span,
                            msg::label_unknown_level1(),
                        )
                        .with_help(help),
                    );
                }
                Some(t) if t != slot.tier => {
                    let right = fw.tiers.get(slot.tier).map_or("", |t| t.name.as_str());
                    ctx.report(
                        Diagnostic::new(
                            WRONG_LEVEL_1,
                            msg::wrong_level1(name, right, &l1.value),
                            l1.span,
                            msg::label_should_be(right),
                        )
                        .with_label(ind.level2.span, msg::label_level2_of(right))
                        .with_help(msg::help_wrong_level1(right)),
                    );
                }
                Some(_) => {}
            }
        }
        Some(slot)
    }

    fn value(
        &self,
        ctx: &mut Ctx,
        v: &ast::Value,
        current: Option<&Direction>,
        is_cost: bool,
    ) -> Value {
        match v {
            ast::Value::Qualitative { text, .. } => Value::Quality {
                text: text.value.clone(),
                span: text.span,
            },
            ast::Value::Quantitative {
                operator,
                literal,
                reference,
                span,
            } => {
                let (mut op, op_word) = match operator.as_ref().map(|o| o.value.as_str()) {
                    None | Some("=") | Some("＝") => (Op::Eq, None),
                    Some(">=") | Some("≥") => (Op::Ge, None),
                    Some("<=") | Some("≤") => (Op::Le, None),
                    Some(">") => (Op::Gt, None),
                    Some("<") => (Op::Lt, None),
                    Some(w @ ("不低于" | "不少于")) => (Op::Ge, Some(w.to_string())),
                    Some(w) => (Op::Le, Some(w.to_string())),
                };
                let reference = reference
                    .as_ref()
                    .and_then(|r| self.reference(ctx, r, current))
                    .map(Box::new);
                let Some(l) = literal else {
                    // A bare reference: the value is the derived figure itself.
                    return match reference {
                        Some(r) => Value::Quantity {
                            op,
                            op_word,
                            measure: r.value.clone(),
                            number_text: None,
                            unit_text: Some(r.unit()),
                            reference: Some(r),
                            span: *span,
                        },
                        // The reference could not be resolved (reported): nothing is known.
                        None => Value::Unknown { span: *span },
                    };
                };
                let mut unit = l.unit.as_ref().map(|u| u.value.clone());
                // `95%以上` / `5天以内`: the words are the operator.
                if let Some(u) = &unit {
                    for (suffix, word_op) in [("以上", Op::Ge), ("以内", Op::Le)] {
                        if let Some(stripped) = u.strip_suffix(suffix) {
                            if operator.is_none() {
                                op = word_op;
                            }
                            unit = Some(stripped.to_string()).filter(|s| !s.is_empty());
                            break;
                        }
                    }
                }
                if let Some(u) = unit.as_deref()
                    && let Some(r) = range(&l.number.text, u)
                {
                    let Some(low) = ctx.number(&l.number) else {
                        return Value::Unknown { span: *span };
                    };
                    let high = r.high_value;
                    let unit = r.unit.as_deref();
                    return Value::Range {
                        low: classify(low, unit, is_cost),
                        high: classify(high, unit, is_cost),
                        low_text: l.number.text.clone(),
                        high_text: r.high,
                        unit_text: r.unit,
                        text: format!("{}{u}", l.number.text),
                        span: *span,
                    };
                }
                if let Some(u) = unit.as_deref()
                    && is_date(&l.number.text, u)
                {
                    return Value::Date {
                        op,
                        op_word,
                        text: format!("{}{u}", l.number.text),
                        span: *span,
                    };
                }
                // Two numbers in different units (`3天-2周`) are not one quantity: kept as written.
                if let Some(u) = unit.as_deref()
                    && second_number(u)
                {
                    return Value::Quality {
                        text: format!("{}{u}", l.number.text),
                        span: *span,
                    };
                }
                let Some(number) = ctx.number(&l.number) else {
                    return Value::Unknown { span: *span };
                };
                Value::Quantity {
                    op,
                    op_word,
                    measure: classify(number, unit.as_deref(), is_cost),
                    number_text: Some(l.number.text.clone()),
                    unit_text: unit,
                    reference,
                    span: *span,
                }
            }
        }
    }

    fn direction_for(
        &self,
        ctx: &mut Ctx,
        r: &ast::Reference,
        current: Option<&'a Direction>,
        what: &str,
    ) -> Option<&'a Direction>
    where
        'a: 'a,
    {
        match &r.target {
            Some(name) => match self.by_name.get(name.value.as_str()) {
                Some(d) => Some(*d),
                None => {
                    let known: Vec<String> = self.by_name.keys().map(|k| k.to_string()).collect();
                    ctx.report(unknown_direction(name, &known));
                    None
                }
            },
            None => match current {
                Some(d) => self.by_name.get(d.name.value.as_str()).copied(),
                None => {
                    let example = self
                        .directions
                        .first()
                        .map_or("名称".to_string(), |d| d.name.value.clone());
                    ctx.report(
                        Diagnostic::new(
                            REFERENCE_NEEDS_DIRECTION,
                            msg::reference_needs_direction(what),
                            r.span,
                            msg::label_which_direction(),
                        )
                        .with_help(msg::help_reference_of(what, &example)),
                    );
                    None
                }
            },
        }
    }

    fn reference(
        &self,
        ctx: &mut Ctx,
        r: &ast::Reference,
        current: Option<&Direction>,
    ) -> Option<Reference> {
        // `current` comes from the model being built; look it up again in this scope's lifetime.
        let current: Option<&'a Direction> =
            current.and_then(|c| self.by_name.get(c.name.value.as_str()).copied());
        let written = written(r);
        let (kind, value, how, sources) = match r.kind {
            ast::RefKind::People => {
                let d = self.direction_for(ctx, r, current, "people")?;
                let Some(n) = d.people else {
                    if d.incomplete {
                        return None;
                    }
                    ctx.report(
                        Diagnostic::new(
                            UNKNOWN_REFERENCE,
                            msg::counts_no_people(&d.name.value),
                            r.span,
                            msg::label_no_people_basis(),
                        )
                        .with_label(d.name.span, msg::label_direction_has_no_people())
                        .with_help(msg::help_counts_no_people()),
                    );
                    return None;
                };
                (
                    RefKind::People,
                    Measure::Count {
                        number: n,
                        unit: Some("人".to_string()),
                    },
                    How::People {
                        direction: d.name.value.clone(),
                        parts: people_parts(d),
                    },
                    people_sources(d),
                )
            }
            ast::RefKind::Qty => {
                let d = self.direction_for(ctx, r, current, "qty")?;
                let qtys: Vec<(Decimal, &str, Span)> = d
                    .costs
                    .iter()
                    .filter_map(|c| {
                        if let Count::Qty { number, unit } = &c.count {
                            Some((*number, unit.as_str(), c.span))
                        } else {
                            None
                        }
                    })
                    .collect();
                let Some((_, unit, _)) = qtys.first() else {
                    if d.incomplete {
                        return None;
                    }
                    ctx.report(
                        Diagnostic::new(
                            UNKNOWN_REFERENCE,
                            msg::has_no_qty(&d.name.value),
                            r.span,
                            msg::label_nothing_to_count(),
                        )
                        .with_help(msg::help_has_no_qty()),
                    );
                    return None;
                };
                if let Some((_, other, span)) = qtys.iter().find(|(_, u, _)| u != unit) {
                    ctx.report(
                        Diagnostic::new(
                            REFERENCE_UNIT_MISMATCH,
                            msg::counts_in_two_units(&d.name.value, unit, other),
                            *span,
                            msg::label_another_unit(),
                        )
                        .with_label(r.span, msg::label_adds_them_up())
                        .with_help(msg::help_counts_in_two_units()),
                    );
                    return None;
                }
                let number = ctx.exact(exact::sum(qtys.iter().map(|q| q.0)), r.span)?;
                (
                    RefKind::Qty,
                    Measure::Count {
                        number,
                        unit: Some(unit.to_string()),
                    },
                    How::Qty {
                        direction: d.name.value.clone(),
                        unit: unit.to_string(),
                    },
                    qtys.iter().map(|q| q.2).collect(),
                )
            }
            ast::RefKind::Amount => {
                let d = self.direction_for(ctx, r, current, "amount")?;
                let sources = d.derived.as_ref().map_or_else(
                    || d.declared.iter().map(|a| a.span).collect(),
                    |x| x.sources.clone(),
                );
                (
                    RefKind::Money,
                    Measure::Money(d.amount?),
                    How::AmountOf {
                        direction: d.name.value.clone(),
                    },
                    sources,
                )
            }
            ast::RefKind::Spending | ast::RefKind::Income => {
                let (lines_of, what) = if r.kind == ast::RefKind::Spending {
                    (&self.decl.spending, Breakdown::Spending)
                } else {
                    (&self.decl.income, Breakdown::Income)
                };
                let name = r.target.as_ref()?;
                let Some(l) = crate::model::find_line(lines_of, &name.value) else {
                    let known = lines::names(lines_of);
                    let help = match crate::domain::framework::suggest(&name.value, &known).first()
                    {
                        Some(s) => msg::help_line_reference_suggest(what, s),
                        None if known.is_empty() => msg::help_no_lines(what),
                        None => msg::help_lines_are(what, &known),
                    };
                    ctx.report(
                        Diagnostic::new(
                            UNKNOWN_REFERENCE,
                            msg::no_such_line(what, &name.value),
                            name.span,
                            msg::label_not_found(),
                        )
                        .with_help(help),
                    );
                    return None;
                };
                (
                    RefKind::Money,
                    Measure::Money(l.amount?),
                    How::LineOf {
                        breakdown: what,
                        name: l.name.value.clone(),
                    },
                    vec![l.span],
                )
            }
            ast::RefKind::Total => {
                let Some(value) = self.decl.total() else {
                    // A total that exists but is unknown (a line could not be read) is reported
                    // where it is.
                    if self.decl.declared_total.is_none()
                        && self.decl.income.is_empty()
                        && self.decl.spending.is_empty()
                    {
                        ctx.report(
                            Diagnostic::new(
                                UNKNOWN_REFERENCE,
                                msg::no_total(),
                                r.span,
                                msg::label_no_total(),
                            )
                            .with_help(msg::help_no_total()),
                        );
                    }
                    return None;
                };
                (RefKind::Money, Measure::Money(value), How::Total, vec![])
            }
            ast::RefKind::Directions => {
                let mut total = Money::zero(ctx.unit);
                for d in self.directions {
                    total = ctx.exact(total.checked_add(d.amount?), r.span)?;
                }
                (
                    RefKind::Money,
                    Measure::Money(total),
                    How::Directions(
                        self.directions
                            .iter()
                            .map(|d| crate::model::Part {
                                name: d.name.value.clone(),
                                amount: d.amount,
                            })
                            .collect(),
                    ),
                    self.directions.iter().map(|d| d.name.span).collect(),
                )
            }
        };
        Some(Reference {
            kind,
            written,
            value,
            how,
            sources,
            span: r.span,
        })
    }
}

/// What a number with this unit measures. Money units and percent signs are the only units with a
/// meaning of their own; every other unit word is a count of that unit (人, 次, 元/亩). In a cost row
/// (`is_cost`) a bare `万` or `亿` after the number is money too; `亿元` is money anywhere.
pub(crate) fn classify(number: Decimal, unit: Option<&str>, is_cost: bool) -> Measure {
    const WAN_PER_YI: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);
    let money = |n: Decimal, u: MoneyUnit| Measure::Money(Money::new(n, u));
    match unit {
        Some("%" | "％" | "百分比") => Measure::Percent(number),
        Some("万") if is_cost => money(number, MoneyUnit::WanYuan),
        Some("亿" | "亿元") if is_cost || unit == Some("亿元") => {
            match exact::mul(number, WAN_PER_YI) {
                Ok(wan) => money(wan, MoneyUnit::WanYuan),
                // Too large to hold in 万元: kept as the count it was written as.
                Err(_) => Measure::Count {
                    number,
                    unit: unit.map(str::to_string),
                },
            }
        }
        Some(u) => match MoneyUnit::from_name(u) {
            Some(mu) => money(number, mu),
            None => Measure::Count {
                number,
                unit: Some(u.to_string()),
            },
        },
        None => Measure::Count { number, unit: None },
    }
}

/// Whether a number followed by these words is a date, a deadline or a period rather than a count:
/// `2024年3月-11月`, `2024年`, `10月底前完成`, `6月30日前`, `2025.03-2025.12`, `2024-12-31`. A unit
/// alone after a small number (`3年`, `12月`, `30日`) is a length of time, which is a count.
/// The upper end and the unit of a range written after its first number: `85` + `%-95%`,
/// `90` + `-100分`, `3` + `~5天`.
struct RangeEnd {
    high: String,
    high_value: Decimal,
    unit: Option<String>,
}

/// A range of numbers, where the text after the first number is `[UNIT] SEP NUMBER [UNIT]` with the
/// same unit on both sides (or on one); `None` for anything else, and for a range of years or dates
/// (`2024-2025年`, `2025.03-2025.12`), which is a period.
const RANGE_SEPARATORS: [char; 6] = ['-', '~', '～', '至', '—', '–'];

fn range(low: &str, unit: &str) -> Option<RangeEnd> {
    let at = unit.find(RANGE_SEPARATORS)?;
    let (before, rest) = unit.split_at(at);
    if before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start_matches(RANGE_SEPARATORS);
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (high, after) = rest.split_at(digits);
    if high.is_empty()
        || high.starts_with('.')
        || high.ends_with('.')
        || high.matches('.').count() > 1
    {
        return None;
    }
    if after
        .chars()
        .any(|c| c.is_ascii_digit() || RANGE_SEPARATORS.contains(&c))
    {
        return None;
    }
    let unit = match (before, after) {
        ("", "") => None,
        (u, "") | ("", u) => Some(u.to_string()),
        (a, b) if a == b => Some(a.to_string()),
        _ => return None,
    };
    let year = |n: &str| {
        n.split('.')
            .next()
            .and_then(|i| i.parse::<u32>().ok())
            .is_some_and(|y| (1900..=2200).contains(&y))
    };
    let dated = unit
        .as_deref()
        .is_none_or(|u| u.starts_with(['年', '月', '日', '号']));
    if year(low) && year(high) && dated {
        return None;
    }
    Some(RangeEnd {
        high_value: Decimal::from_str_exact(high).ok()?,
        high: high.to_string(),
        unit,
    })
}

/// Whether a unit holds a second number after a range's separator (`天-2周`).
fn second_number(unit: &str) -> bool {
    let mut chars = unit.chars().peekable();
    while let Some(c) = chars.next() {
        if RANGE_SEPARATORS.contains(&c) && chars.peek().is_some_and(char::is_ascii_digit) {
            return true;
        }
    }
    false
}

pub(crate) fn is_date(number: &str, unit: &str) -> bool {
    let year_like = !number.contains('.')
        && number
            .parse::<u32>()
            .is_ok_and(|n| (1900..=2200).contains(&n));
    let mut chars = unit.chars();
    let first = chars.next();
    let rest = chars.as_str();
    match first {
        // A range or a dotted date: `2025.03-2025.12`, `2024-12-31`, `2024/06`, `2024至2025年`.
        Some('-' | '—' | '–' | '~' | '～' | '/' | '至' | '.') => true,
        // `2024年`, `2024年3月-11月`, `2024年底`.
        Some('年') => year_like || !rest.is_empty() && !rest.starts_with('度'),
        // `10月底前完成`, `6月30日前`, `12月份`; `12月` alone is a length.
        Some('月') => !rest.is_empty(),
        // `15日前`, `30号`.
        Some('日') => !rest.is_empty() && !rest.starts_with('均'),
        Some('号') => true,
        _ => false,
    }
}

fn people_parts(d: &Direction) -> Vec<Decimal> {
    let mut parts: Vec<Decimal> = d
        .costs
        .iter()
        .filter_map(|c| {
            if let Count::People(n) = c.count {
                Some(n)
            } else {
                None
            }
        })
        .collect();
    parts.extend(d.children.iter().filter_map(|c| c.people));
    parts
}

fn people_sources(d: &Direction) -> Vec<crate::source::Span> {
    let mut s: Vec<_> = d
        .costs
        .iter()
        .filter(|c| matches!(c.count, Count::People(_)))
        .map(|c| c.span)
        .collect();
    s.extend(
        d.children
            .iter()
            .filter(|c| c.people.is_some())
            .map(|c| c.name.span),
    );
    s
}

fn written(r: &ast::Reference) -> String {
    let head = match r.kind {
        ast::RefKind::People => "people",
        ast::RefKind::Qty => "qty",
        ast::RefKind::Amount => "amount",
        ast::RefKind::Spending => "spending",
        ast::RefKind::Income => "income",
        ast::RefKind::Total => "total",
        ast::RefKind::Directions => "directions",
    };
    match (&r.kind, &r.target) {
        (ast::RefKind::Spending | ast::RefKind::Income, Some(t)) => {
            format!("{head} \"{}\"", t.value)
        }
        (_, Some(t)) => format!("{head} of \"{}\"", t.value),
        (_, None) => head.to_string(),
    }
}

/// `scores …`: each 一级指标 named is looked up in the framework (B4003 when it is not there).
pub(crate) fn scores(ctx: &mut Ctx, s: &ast::Scores) -> Scores {
    let mut parts = Vec::new();
    for part in &s.parts {
        let tier = &part.tier;
        let span = tier
            .span
            .join(part.most.as_ref().unwrap_or(&part.points).span);
        let Some(points) = ctx.non_negative(&part.points, msg::NegativeWhat::Count) else {
            continue;
        };
        let most = match &part.most {
            Some(m) => match ctx.non_negative(m, msg::NegativeWhat::Count) {
                Some(most) if most >= points => Some(most),
                Some(_) => {
                    ctx.report(
                        Diagnostic::new(
                            INVALID_HEADER,
                            msg::score_range_reversed(&part.points.text, &m.text),
                            part.points.span.join(m.span),
                            msg::label_score_range_reversed(),
                        )
                        .with_help(msg::help_score_range()),
                    );
                    continue;
                }
                None => continue,
            },
            None => None,
        };
        match ctx.framework.find_tier(&tier.value) {
            Some(i) => parts.push(ScorePart {
                tier: i,
                points,
                most,
                span,
            }),
            None => {
                let fw = &ctx.framework;
                let tiers: Vec<&str> = fw.tiers.iter().map(|t| t.name.as_str()).collect();
                let suggestions = fw.suggest_tier(&tier.value);
                let d = Diagnostic::new(
                    UNKNOWN_LEVEL_1,
                    msg::unknown_level1(&tier.value, &fw.name),
                    tier.span,
                    msg::label_unknown_level1(),
                )
                .with_help(msg::help_level1_are(
                    suggestions.first().map(String::as_str),
                    &fw.name,
                    &tiers,
                ));
                ctx.report(d);
            }
        }
    }
    let total = s.total.as_ref().and_then(|t| {
        ctx.non_negative(t, msg::NegativeWhat::Count)
            .map(|value| Spanned {
                value,
                span: t.span,
            })
    });
    Scores {
        parts,
        total,
        span: s.span,
    }
}

fn category_list(fw: &crate::domain::framework::Framework) -> Vec<&str> {
    fw.slots().map(|(_, _, c)| c.name.as_str()).collect()
}

/// 正向 or 反向 for the spellings real forms use: `正向`, `正向指标`, `正指标`, `越大越好`, `positive`;
/// `反向`, `反向指标`, `逆向`, `负向`, `越小越好`, `negative`.
pub(crate) fn sense_of(written: &str) -> Option<&'static str> {
    let w = written.trim().trim_end_matches("指标");
    match w {
        "正向" | "正" | "越大越好" | "positive" => Some("正向"),
        "反向" | "逆向" | "负向" | "反" | "越小越好" | "negative" => Some("反向"),
        _ => None,
    }
}

#[cfg(test)]
mod sense_tests {
    use super::sense_of;

    #[test]
    fn spellings_of_the_direction_are_one_of_two() {
        for w in ["正向", "正向指标", "越大越好", "positive"] {
            assert_eq!(sense_of(w), Some("正向"), "{w}");
        }
        for w in ["反向", "反向指标", "逆向指标", "负向", "越小越好"] {
            assert_eq!(sense_of(w), Some("反向"), "{w}");
        }
        assert_eq!(sense_of("中性"), None);
    }
}
