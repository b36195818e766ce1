//! lower: syntax tree → model. Resolves names, categories and references, derives every amount exactly
//! with its provenance, and reports what cannot be given a meaning (unknown names, duplicates, overflow).
//! Whether the derived figures agree with the declared ones is `check`'s job.

pub(crate) mod directions;
pub(crate) mod earlier;
pub(crate) mod indicators;
pub(crate) mod lines;
pub(crate) mod messages;
pub(crate) mod year_end;

use crate::diagnostic::Diagnostic;
use crate::domain::framework::Framework;
use crate::domain::money::{self, Inexact, Reason};
use crate::domain::{Breakdown, Form, Money, MoneyUnit};
use crate::lower::messages as msg;
use crate::model::{Admin, Conversion, Declaration, Spanned, Task};
use crate::present;
use crate::source::Span;
use crate::syntax::ast::{self, AmountLit, FrameworkDecl, Item};
use rust_decimal::Decimal;
use std::collections::HashMap;

crate::codes::rules! {
    NUMBER_OUT_OF_RANGE = "B1002", Error, "a number is too long or too large to be exact", "数字过长或过大，无法精确表示";
    UNKNOWN_REFERENCE = "B2001", Error, "a reference names a direction or line that does not exist", "引用了不存在的支出方向或金额项";
    DUPLICATE_NAME = "B2002", Error, "two parts have the same name", "两个部分同名";
    DUPLICATE_HEADER = "B2003", Error, "a header fact is given twice", "同一基本信息填写了两次";
    MISSING_HEADER = "B2004", Error, "a header fact the tables need is missing", "缺少表格所需的基本信息";
    UNKNOWN_FRAMEWORK = "B2005", Error, "the framework is not a known profile", "指标体系不是已知的体系";
    UNKNOWN_FORM = "B2020", Error, "the form is not a known one", "表样不是已知的表样";
    INVALID_HEADER = "B2007", Error, "a header value is out of range", "基本信息的取值超出范围";
    OVERFLOW = "B3030", Error, "an amount is too large to compute exactly", "金额过大，无法精确计算";
    INEXACT = "B3032", Error, "a computation has no exact result", "计算结果无法精确表示";
    NEGATIVE_NUMBER = "B3031", Error, "an amount, count, price or number of months is negative", "金额、人数、数量、标准或月数为负数";
}

/// What every stage of lowering needs: the header facts and the diagnostics so far.
pub(crate) struct Ctx {
    pub unit: MoneyUnit,
    pub year: Option<i32>,
    pub framework: Framework,
    pub has_framework: bool,
    pub diagnostics: Vec<Diagnostic>,
    /// Declared figures written in the other unit, as written.
    pub conversions: Vec<Conversion>,
}

impl Ctx {
    fn report(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    /// A number written in the source, exactly; reports B1002 and gives `None` when it cannot be exact.
    pub fn number(&mut self, n: &ast::Number) -> Option<Decimal> {
        let v = money::parse_exact(&n.text);
        if v.is_none() {
            self.report(
                Diagnostic::new(
                    NUMBER_OUT_OF_RANGE,
                    msg::number_too_long(),
                    n.span,
                    msg::label_more_than_28_digits(),
                )
                .with_help(msg::help_number_too_long()),
            );
        }
        v
    }

    /// An amount literal in the document's unit (`367200元` in a 万元 document is 36.72), or `None`
    /// (reported: B1002, B3030, B3031, B3032) when it cannot be read exactly, so that an unreadable
    /// figure is never compared or summed as if it were zero.
    pub fn declared_amount(&mut self, a: &AmountLit) -> Option<Money> {
        let v = self.number(&a.number)?;
        if v.is_sign_negative() && !v.is_zero() {
            self.negative(&a.number, msg::NegativeWhat::Amount);
            return None;
        }
        let written = Money::new(v, a.unit.unwrap_or(self.unit));
        let converted = self.exact(written.to(self.unit), a.span)?;
        if written.unit() != self.unit {
            self.conversions.push(Conversion {
                at: a.span,
                written,
            });
        }
        Some(converted)
    }

    /// A count, price or number of months, exactly; reports B3031 and gives `None` when it is negative
    /// (a negative count would silently turn a cost into a refund).
    pub fn non_negative(&mut self, n: &ast::Number, what: msg::NegativeWhat) -> Option<Decimal> {
        let v = self.number(n)?;
        if v.is_sign_negative() && !v.is_zero() {
            self.negative(n, what);
            return None;
        }
        Some(v)
    }

    fn negative(&mut self, n: &ast::Number, what: msg::NegativeWhat) {
        self.report(
            Diagnostic::new(
                NEGATIVE_NUMBER,
                msg::negative_number(what, &n.text),
                n.span,
                msg::label_negative(),
            )
            .with_help(msg::help_negative()),
        );
    }

    /// The spelling of an amount when it is written in the document's unit (for printed-precision checks).
    pub fn amount_text(&self, a: &AmountLit) -> Option<String> {
        (a.unit.is_none() || a.unit == Some(self.unit)).then(|| a.number.text.clone())
    }

    /// The result of exact arithmetic, or `None` with B3030 (too large) or B3032 (it would be rounded)
    /// reported at `span`, naming both operands.
    pub fn exact<T>(&mut self, result: Result<T, Inexact>, span: Span) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.report(inexact(e, span));
                None
            }
        }
    }
}

/// The code of arithmetic that has no exact result: B3030 past 28 digits, B3032 rounded.
pub fn inexact_code(e: &Inexact) -> crate::codes::Code {
    match e.reason {
        Reason::Overflow => OVERFLOW,
        Reason::Rounded => INEXACT,
    }
}

/// The diagnostic for arithmetic that has no exact result.
pub(crate) fn inexact(e: Inexact, span: Span) -> Diagnostic {
    let operation = present::figures::operation(&e);
    match e.reason {
        Reason::Overflow => Diagnostic::new(
            OVERFLOW,
            msg::amount_overflows(),
            span,
            msg::label_overflows(&operation),
        )
        .with_help(msg::help_amount_overflows()),
        Reason::Rounded => Diagnostic::new(
            INEXACT,
            msg::not_exact(&operation),
            span,
            msg::label_not_exact(&operation),
        )
        .with_help(msg::help_not_exact()),
    }
}

/// Lowers a parsed declaration. The model is always produced (with zeros where a figure could not be
/// derived) so that every error of the file is reported in one run; the diagnostics say whether it is
/// usable.
pub fn lower(file: &ast::File) -> (Declaration, Vec<Diagnostic>) {
    let mut ctx = Ctx {
        unit: MoneyUnit::WanYuan,
        year: None,
        framework: Framework::profile("hunan").unwrap_or(Framework {
            name: String::new(),
            tiers: Vec::new(),
        }),
        has_framework: false,
        diagnostics: Vec::new(),
        conversions: Vec::new(),
    };
    let header = header(&mut ctx, file);

    let ast_directions: Vec<&ast::Direction> = file.select(|i| match i {
        Item::Direction(d) => Some(d),
        _ => None,
    });
    let mut directions = directions::lower_all(&mut ctx, &ast_directions);

    let income_ast: Vec<&ast::Line> = file.select(|i| match i {
        Item::Income(l) => Some(l),
        _ => None,
    });
    let spending_ast: Vec<&ast::Line> = file.select(|i| match i {
        Item::Spending(l) => Some(l),
        _ => None,
    });
    let income = lines::lower_breakdown(&mut ctx, &income_ast, &directions, Breakdown::Income);
    let spending =
        lines::lower_breakdown(&mut ctx, &spending_ast, &directions, Breakdown::Spending);

    // The breakdowns' totals are read by every check and backend: one that has no exact value is
    // reported here, once, and is unknown from then on.
    for lines in [&income, &spending] {
        let amounts: Vec<Money> = lines.iter().filter_map(|l| l.amount).collect();
        if let Some(first) = lines.first() {
            ctx.exact(Money::sum(ctx.unit, amounts), first.span);
        }
    }
    if let Some(first) = directions.first() {
        let amounts: Vec<Money> = directions.iter().filter_map(|d| d.amount).collect();
        ctx.exact(Money::sum(ctx.unit, amounts), first.name.span);
    }

    let declared_form = header.form.as_ref().map(|f| f.value);
    let mut decl = Declaration {
        year: header.year,
        filer: header.filer,
        department: header.department,
        unit: ctx.unit,
        precision: header.precision,
        framework: ctx.framework.clone(),
        framework_span: header.framework_span,
        has_framework: ctx.has_framework,
        declared_total: header.total,
        income,
        spending,
        duties: Vec::new(),
        plans: Vec::new(),
        goals: Vec::new(),
        tasks: Vec::new(),
        indicators: Vec::new(),
        directions: Vec::new(),
        form: Form::Hunan,
        form_span: header.form.as_ref().map(|f| f.span),
        admin: header.admin,
        scores: None,
        year_end: Default::default(),
        profile: Default::default(),
        profile_span: None,
        conversions: Vec::new(),
    };

    let dept_indicators: Vec<&ast::Indicator> = file.select(|i| match i {
        Item::Indicator(ind) => Some(ind),
        _ => None,
    });
    // An unknown profile is reported once, as B2005, not again as a missing framework.
    if !ctx.has_framework
        && decl.framework_span.is_none()
        && (!dept_indicators.is_empty() || ast_directions.iter().any(|d| has_indicator(d)))
    {
        ctx.report(
            Diagnostic::new(
                MISSING_HEADER,
                msg::no_framework(),
                Span::new(0, 0),
                msg::label_which_framework(),
            )
            .with_help(msg::help_name_framework()),
        );
    }
    let (dept, per_direction) = {
        let scope = indicators::Scope::new(&decl, &directions);
        let dept: Vec<_> = dept_indicators
            .iter()
            .map(|i| scope.indicator(&mut ctx, i, None))
            .collect();
        let mut per_direction = Vec::new();
        directions::collect_indicators(
            &ast_directions,
            &directions,
            &scope,
            &mut ctx,
            &mut per_direction,
        );
        (dept, per_direction)
    };
    decl.indicators = dept;
    directions::attach_indicators(&mut directions, &mut per_direction.into_iter());

    for item in &file.items {
        match item {
            Item::Duty(t) => decl.duties.push(spanned(t)),
            Item::Goal(t) => decl.goals.push(spanned(t)),
            Item::Plan(p) => decl.plans.push(crate::model::Plan {
                item: spanned(&p.item),
                owner: spanned(&p.owner),
                target: spanned(&p.target),
            }),
            _ => {}
        }
    }
    decl.directions = directions;
    let mut first_scores: Option<Span> = None;
    for s in file.select(|i| match i {
        Item::Scores(s) => Some(s),
        _ => None,
    }) {
        match first_scores {
            Some(first) => ctx.report(given_twice("scores", s.span, first)),
            None => {
                first_scores = Some(s.span);
                decl.scores = Some(indicators::scores(&mut ctx, s));
            }
        }
    }
    let tasks_ast: Vec<&ast::Task> = file.select(|i| match i {
        Item::Task(t) => Some(t),
        _ => None,
    });
    decl.tasks = tasks(&mut ctx, &decl, &tasks_ast);
    year_end::attach(&mut ctx, file, &mut decl);

    decl.form = declared_form
        .unwrap_or_else(|| Form::default_for(&decl.framework.name, decl.has_department_table()));
    decl.conversions = std::mem::take(&mut ctx.conversions);
    (decl, ctx.diagnostics)
}

/// 履职目标 rows: each task's own amount where declared, and the amount of what funds it — a direction
/// or project, or a spending line (基本支出 funds tasks too).
fn tasks(ctx: &mut Ctx, decl: &Declaration, ts: &[&ast::Task]) -> Vec<Task> {
    let directions = decl.all_directions();
    let mut funded: HashMap<&str, usize> = HashMap::new();
    for t in ts {
        *funded.entry(t.funded_by.value.as_str()).or_default() += 1;
    }
    let shared = |name: &str| funded.get(name).is_some_and(|n| *n > 1);
    ts.iter()
        .map(|t| {
            let name = t.funded_by.value.as_str();
            let funder = directions
                .iter()
                .find(|(_, d)| d.name.value == name)
                .map(|(_, d)| d.amount)
                .or_else(|| crate::model::find_line(&decl.spending, name).map(|l| l.amount));
            if funder.is_none() {
                let mut names: Vec<String> = directions
                    .iter()
                    .map(|(_, d)| d.name.value.clone())
                    .collect();
                names.extend(lines::names(&decl.spending));
                ctx.report(unknown_funder(&t.funded_by, &names));
            }
            let funder_amount = funder.flatten();
            let declared = t.amount.as_ref().and_then(|a| {
                ctx.declared_amount(a).map(|value| Spanned {
                    value,
                    span: a.span,
                })
            });
            let mut content: Option<Spanned<String>> = None;
            let mut funds_ast = Vec::new();
            for item in &t.items {
                match item {
                    ast::TaskItem::Content(c) => match &content {
                        Some(first) => ctx.report(given_twice("content", c.span, first.span)),
                        None => content = Some(spanned(c)),
                    },
                    ast::TaskItem::Income(l) => funds_ast.push(l),
                }
            }
            let funds = lines::lower_breakdown(ctx, &funds_ast, &[], Breakdown::Funds);
            let amount = match &declared {
                Some(d) => Some(d.value),
                None if !funds.is_empty() => crate::model::sum_lines(&funds, ctx.unit),
                None if !shared(name) => funder_amount,
                None => None,
            };
            Task {
                task: spanned(&t.task),
                duty: spanned(&t.duty),
                funded_by: spanned(&t.funded_by),
                declared,
                funder_amount,
                amount,
                content,
                funds,
                span: t.span,
            }
        })
        .collect()
}

fn has_indicator(d: &ast::Direction) -> bool {
    d.items.iter().any(|i| match i {
        ast::DirectionItem::Indicator(_) => true,
        ast::DirectionItem::Direction(sub) => has_indicator(sub),
        _ => false,
    })
}

pub(crate) fn spanned(t: &ast::Text) -> Spanned<String> {
    Spanned {
        value: t.value.clone(),
        span: t.span,
    }
}

pub(crate) fn unknown_direction(name: &ast::Text, known: &[String]) -> Diagnostic {
    unknown_name(
        name,
        known,
        msg::unknown_direction(&name.value),
        msg::help_unknown_direction_suggest,
    )
}

/// A task's `for` that names nothing: a spending line (基本支出) may fund a task too.
fn unknown_funder(name: &ast::Text, known: &[String]) -> Diagnostic {
    unknown_name(
        name,
        known,
        msg::unknown_funder(&name.value),
        msg::help_unknown_funder_suggest,
    )
}

/// B2001 for a name that names nothing, with the nearest of `known` in `suggested`'s words.
fn unknown_name(
    name: &ast::Text,
    known: &[String],
    message: crate::messages::Text,
    suggested: fn(&str) -> crate::messages::Text,
) -> Diagnostic {
    let suggestions = crate::domain::framework::suggest(&name.value, known);
    let help = match suggestions.first() {
        Some(s) => suggested(s),
        None if known.is_empty() => msg::help_no_directions(),
        None => msg::help_directions_are(known),
    };
    Diagnostic::new(
        UNKNOWN_REFERENCE,
        message,
        name.span,
        msg::label_not_found(),
    )
    .with_help(help)
}

struct Header {
    year: Option<Spanned<i32>>,
    filer: Option<Spanned<String>>,
    department: Option<Spanned<String>>,
    precision: u32,
    framework_span: Option<Span>,
    total: Option<Spanned<Money>>,
    form: Option<Spanned<Form>>,
    admin: Admin,
}

/// B2003: `key` given again at `again`, first at `first`.
pub(crate) fn given_twice(key: &str, again: Span, first: Span) -> Diagnostic {
    Diagnostic::new(
        DUPLICATE_HEADER,
        msg::header_twice(key),
        again,
        msg::label_given_again(),
    )
    .with_label(first, msg::label_first_given())
    .with_help(msg::help_keep_one_line(key))
}

fn header(ctx: &mut Ctx, file: &ast::File) -> Header {
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    let mut once = |ctx: &mut Ctx, key: &'static str, span: Span| -> bool {
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            ctx.report(given_twice(key, span, *first));
            false
        } else {
            seen.push((key, span));
            true
        }
    };
    let mut h = Header {
        year: None,
        filer: None,
        department: None,
        precision: 0,
        framework_span: None,
        total: None,
        form: None,
        admin: Admin::default(),
    };
    let mut precision: Option<u32> = None;
    let mut total_lit: Option<&AmountLit> = None;
    for item in &file.items {
        match item {
            Item::Year { value, span } if once(ctx, "year", *span) => {
                match value.text.parse::<i32>() {
                    Ok(y) if (1949..=2200).contains(&y) => {
                        h.year = Some(Spanned {
                            value: y,
                            span: value.span,
                        });
                        ctx.year = Some(y);
                    }
                    _ => ctx.report(
                        Diagnostic::new(
                            INVALID_HEADER,
                            msg::not_a_budget_year(&value.text),
                            value.span,
                            msg::label_not_a_year(),
                        )
                        .with_help(msg::help_write_year()),
                    ),
                }
            }
            Item::Filer(t) if once(ctx, "filer", t.span) => h.filer = Some(spanned(t)),
            Item::Department(t) if once(ctx, "department", t.span) => {
                h.department = Some(spanned(t))
            }
            Item::Unit { unit, span } if once(ctx, "unit", *span) => ctx.unit = *unit,
            Item::Precision { value, span } if once(ctx, "precision", *span) => {
                match value.text.parse::<u32>() {
                    Ok(p) if p <= 8 => precision = Some(p),
                    _ => ctx.report(
                        Diagnostic::new(
                            INVALID_HEADER,
                            msg::precision_out_of_range(),
                            value.span,
                            msg::label_out_of_range(),
                        )
                        .with_help(msg::help_precision()),
                    ),
                }
            }
            Item::Framework(f) => {
                let span = match f {
                    FrameworkDecl::Profile(t) => t.span,
                    FrameworkDecl::Custom { span, .. } => *span,
                };
                if once(ctx, "framework", span) {
                    h.framework_span = Some(span);
                    framework(ctx, f);
                }
            }
            Item::Total { amount, span } if once(ctx, "total", *span) => total_lit = Some(amount),
            Item::Form(t) if once(ctx, "form", t.span) => h.form = form(ctx, t),
            Item::Admin(a) => directions::set_admin(ctx, &mut h.admin, a, true),
            _ => {}
        }
    }
    if h.year.is_none() && !seen.iter().any(|(k, _)| *k == "year") {
        ctx.report(
            Diagnostic::new(
                MISSING_HEADER,
                msg::no_budget_year(),
                Span::new(0, 0),
                msg::label_titles_need_year(),
            )
            .with_help(msg::help_add_year()),
        );
    }
    h.precision = precision.unwrap_or(ctx.unit.default_precision());
    if let Some(t) = total_lit {
        h.total = ctx.declared_amount(t).map(|value| Spanned {
            value,
            span: t.span,
        });
    }
    h
}

/// `form NAME`: one of the forms, or B2020 with the closest name.
fn form(ctx: &mut Ctx, name: &ast::Text) -> Option<Spanned<Form>> {
    if let Some(f) = Form::from_name(&name.value) {
        return Some(Spanned {
            value: f,
            span: name.span,
        });
    }
    let known: Vec<String> = Form::NAMES.iter().map(|s| s.to_string()).collect();
    let suggestions = crate::domain::framework::suggest(&name.value, &known);
    ctx.report(
        Diagnostic::new(
            UNKNOWN_FORM,
            msg::unknown_form(&name.value),
            name.span,
            msg::label_unknown_form(),
        )
        .with_help(msg::help_forms(suggestions.first().map(String::as_str))),
    );
    None
}

fn framework(ctx: &mut Ctx, decl: &FrameworkDecl) {
    match decl {
        FrameworkDecl::Profile(name) => match Framework::profile(&name.value) {
            Some(f) => {
                ctx.framework = f;
                ctx.has_framework = true;
            }
            None => {
                let known: Vec<String> = crate::domain::framework::PROFILES
                    .iter()
                    .map(|s| s.to_string())
                    .collect();
                let suggestions = crate::domain::framework::suggest(&name.value, &known);
                ctx.report(
                    Diagnostic::new(
                        UNKNOWN_FRAMEWORK,
                        msg::unknown_framework(&name.value),
                        name.span,
                        msg::label_unknown_profile(),
                    )
                    .with_help(msg::help_unknown_framework(
                        suggestions.first().map(String::as_str),
                    )),
                );
            }
        },
        FrameworkDecl::Custom { categories, .. } => {
            let mut tiers: Vec<(String, Vec<String>)> = Vec::new();
            // 一级 names are unique among themselves, 二级 names among themselves; a 二级 may repeat its
            // 一级's name, as real forms do (满意度指标 › 满意度指标).
            let mut seen_level1: Vec<&ast::Text> = Vec::new();
            let mut seen_level2: Vec<&ast::Text> = Vec::new();
            for c in categories {
                let names =
                    std::iter::once((&c.level1, true)).chain(c.level2.iter().map(|t| (t, false)));
                for (t, is_level1) in names {
                    let seen = if is_level1 {
                        &mut seen_level1
                    } else {
                        &mut seen_level2
                    };
                    if let Some(first) = seen.iter().find(|s| s.value == t.value) {
                        ctx.report(
                            Diagnostic::new(
                                DUPLICATE_NAME,
                                msg::framework_name_twice(&t.value),
                                t.span,
                                msg::label_again_here(),
                            )
                            .with_label(first.span, msg::label_first_here())
                            .with_help(msg::help_framework_names_unique()),
                        );
                    } else {
                        seen.push(t);
                    }
                }
                tiers.push((
                    c.level1.value.clone(),
                    c.level2.iter().map(|t| t.value.clone()).collect(),
                ));
            }
            ctx.framework = Framework::custom(tiers);
            ctx.has_framework = true;
        }
    }
}
