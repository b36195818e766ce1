//! pest pairs → syntax tree. The grammar guarantees the shape of every pair, so a shape this code does
//! not expect is a bug in bdl, reported as `ParseTreeError` rather than a panic.

use super::ast::*;
use crate::source::Span;
use pest::Parser;
use pest::iterators::Pair;
use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "grammar/bdl.pest"]
pub struct BdlParser;

/// The parse tree did not have the shape the grammar promises (an internal error).
#[derive(Debug)]
pub struct ParseTreeError {
    pub rule: String,
    pub span: Span,
}

type Result<T> = std::result::Result<T, ParseTreeError>;

pub fn parse_file(src: &str) -> std::result::Result<File, pest::error::Error<Rule>> {
    let mut pairs = BdlParser::parse(Rule::file, src)?;
    let Some(file) = pairs.next() else {
        return Ok(File { items: Vec::new() });
    };
    let mut items = Vec::new();
    for pair in file.into_inner() {
        if pair.as_rule() == Rule::EOI {
            continue;
        }
        // A tree of the wrong shape is reported like a syntax error at its place.
        match item(pair) {
            Ok(it) => items.push(it),
            Err(e) => {
                return Err(pest::error::Error::new_from_span(
                    pest::error::ErrorVariant::CustomError {
                        message: format!("internal error: unexpected {} in the parse tree", e.rule),
                    },
                    pest::Span::new(src, e.span.start, e.span.end).unwrap_or_else(|| {
                        let start = pest::Position::from_start(src);
                        start.span(&start)
                    }),
                ));
            }
        }
    }
    Ok(File { items })
}

fn span(pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

fn unexpected(pair: &Pair<Rule>) -> ParseTreeError {
    ParseTreeError {
        rule: format!("{:?}", pair.as_rule()),
        span: span(pair),
    }
}

/// The next child, or an internal error naming the parent.
fn next<'a>(
    parent: &Pair<'a, Rule>,
    it: &mut impl Iterator<Item = Pair<'a, Rule>>,
) -> Result<Pair<'a, Rule>> {
    it.next().ok_or_else(|| unexpected(parent))
}

/// The children that carry meaning: keywords are checked by the grammar and dropped here.
fn inner<'a>(pair: &Pair<'a, Rule>) -> pest::iterators::Pairs<'a, Rule> {
    pair.clone().into_inner()
}

fn meaningful<'a>(pair: &Pair<'a, Rule>) -> impl Iterator<Item = Pair<'a, Rule>> + use<'a> {
    inner(pair).filter(|p| !is_keyword(p.as_rule()))
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_year
            | Rule::kw_filer
            | Rule::kw_department
            | Rule::kw_unit
            | Rule::kw_precision
            | Rule::kw_partial
            | Rule::kw_scores
            | Rule::kw_framework
            | Rule::kw_category
            | Rule::kw_total
            | Rule::kw_income
            | Rule::kw_spending
            | Rule::kw_directions
            | Rule::kw_duty
            | Rule::kw_plan
            | Rule::kw_by
            | Rule::kw_goal
            | Rule::kw_annual
            | Rule::kw_summary_goal
            | Rule::kw_summary_annual
            | Rule::kw_task
            | Rule::kw_content
            | Rule::kw_indicator
            | Rule::kw_overall
            | Rule::kw_direction
            | Rule::kw_project
            | Rule::kw_special
            | Rule::kw_kind
            | Rule::kw_period
            | Rule::kw_amount
            | Rule::kw_basis
            | Rule::kw_cost
            | Rule::kw_prior
            | Rule::kw_people
            | Rule::kw_qty
            | Rule::kw_rate
            | Rule::kw_price
            | Rule::kw_months
            | Rule::kw_of
            | Rule::kw_from
            | Rule::kw_note
            | Rule::kw_standard
            | Rule::kw_weight
            | Rule::kw_explain
            | Rule::kw_scoring
            | Rule::kw_sense
            | Rule::kw_for
            | Rule::kw_form
            | Rule::kw_budget_code
            | Rule::kw_contact
            | Rule::kw_code
            | Rule::kw_attribute
            | Rule::kw_funding
            | Rule::kw_policy
            | Rule::kw_approval
            | Rule::kw_overview
            | Rule::kw_function
            | Rule::kw_total_budget
            | Rule::kw_share
            | Rule::kw_achieved
            | Rule::kw_reason
            | Rule::kw_score
            | Rule::kw_execution
            | Rule::kw_budget
            | Rule::kw_spent
            | Rule::kw_outcome
            | Rule::kw_profile
            | Rule::kw_grades
            | Rule::kw_inverse
            | Rule::kw_deviation
    )
}

fn text(pair: &Pair<Rule>) -> Result<Text> {
    match pair.as_rule() {
        Rule::string => {
            let body = pair
                .clone()
                .into_inner()
                .next()
                .ok_or_else(|| unexpected(pair))?;
            Ok(Text {
                value: unescape(body.as_str()),
                span: span(pair),
            })
        }
        Rule::word => Ok(Text {
            value: pair.as_str().to_string(),
            span: span(pair),
        }),
        _ => Err(unexpected(pair)),
    }
}

/// `\"` → `"`, `\\` → `\`; any other escaped character stands for itself (the fast parser
/// reads texts with it too).
pub(crate) fn unescape(body: &str) -> String {
    if !body.contains('\\') {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn number(pair: &Pair<Rule>) -> Number {
    Number {
        text: pair.as_str().to_string(),
        span: span(pair),
    }
}

fn money_unit(pair: &Pair<Rule>) -> MoneyUnit {
    if pair.as_str() == "万元" {
        MoneyUnit::WanYuan
    } else {
        MoneyUnit::Yuan
    }
}

fn amount_lit(pair: Pair<Rule>) -> Result<AmountLit> {
    let sp = span(&pair);
    let mut it = inner(&pair);
    let n = next(&pair, &mut it)?;
    let unit = it.next().map(|u| money_unit(&u));
    Ok(AmountLit {
        number: number(&n),
        unit,
        span: sp,
    })
}

fn item(pair: Pair<Rule>) -> Result<Item> {
    let sp = span(&pair);
    let mut m = meaningful(&pair);
    Ok(match pair.as_rule() {
        Rule::year => Item::Year {
            value: number(&next(&pair, &mut m)?),
            span: sp,
        },
        Rule::filer => Item::Filer(text(&next(&pair, &mut m)?)?),
        Rule::department => Item::Department(text(&next(&pair, &mut m)?)?),
        Rule::unit => Item::Unit {
            unit: money_unit(&next(&pair, &mut m)?),
            span: sp,
        },
        Rule::precision => Item::Precision {
            value: number(&next(&pair, &mut m)?),
            span: sp,
        },
        Rule::framework => {
            let body = next(&pair, &mut m)?;
            match body.as_rule() {
                Rule::word => Item::Framework(FrameworkDecl::Profile(text(&body)?)),
                _ => {
                    let mut categories = Vec::new();
                    for c in inner(&body) {
                        let csp = span(&c);
                        let mut texts = meaningful(&c)
                            .map(|t| text(&t))
                            .collect::<Result<Vec<_>>>()?
                            .into_iter();
                        let level1 = texts.next().ok_or_else(|| unexpected(&c))?;
                        categories.push(Category {
                            level1,
                            level2: texts.collect(),
                            span: csp,
                        });
                    }
                    Item::Framework(FrameworkDecl::Custom {
                        categories,
                        span: sp,
                    })
                }
            }
        }
        Rule::total => Item::Total {
            amount: amount_lit(next(&pair, &mut m)?)?,
            span: sp,
        },
        Rule::income => Item::Income(line(pair)?),
        Rule::spending => Item::Spending(line(pair)?),
        Rule::duty => Item::Duty(text(&next(&pair, &mut m)?)?),
        Rule::goal => Item::Goal(text(&next(&pair, &mut m)?)?),
        Rule::plan => {
            let item = text(&next(&pair, &mut m)?)?;
            let owner = text(&next(&pair, &mut m)?)?;
            let target = text(&next(&pair, &mut m)?)?;
            Item::Plan(Plan {
                item,
                owner,
                target,
                span: sp,
            })
        }
        Rule::task => {
            let task = text(&next(&pair, &mut m)?)?;
            let duty = text(&next(&pair, &mut m)?)?;
            let funded_by = text(&next(&pair, &mut m)?)?;
            let mut amount = None;
            let mut items = Vec::new();
            for p in m {
                match p.as_rule() {
                    Rule::amount_lit => amount = Some(amount_lit(p)?),
                    Rule::task_block => {
                        for item in meaningful(&p) {
                            items.push(match item.as_rule() {
                                Rule::content => {
                                    let mut c = meaningful(&item);
                                    TaskItem::Content(text(&next(&item, &mut c)?)?)
                                }
                                _ => TaskItem::Income(line(item)?),
                            });
                        }
                    }
                    _ => return Err(unexpected(&p)),
                }
            }
            Item::Task(Task {
                task,
                duty,
                funded_by,
                amount,
                items,
                span: sp,
            })
        }
        Rule::indicator | Rule::overall => Item::Indicator(indicator(pair)?),
        Rule::direction | Rule::project => Item::Direction(direction(pair)?),
        Rule::form => Item::Form(text(&next(&pair, &mut m)?)?),
        Rule::budget_code | Rule::contact => Item::Admin(admin(pair)?),
        Rule::scores => Item::Scores(scores(pair)?),
        Rule::achieved => Item::Achieved(achieved(pair)?),
        Rule::execution => Item::Execution(execution(pair)?),
        Rule::outcome => Item::Outcome(text(&next(&pair, &mut m)?)?),
        Rule::profile => Item::Profile(profile(pair)?),
        _ => return Err(unexpected(&pair)),
    })
}

fn line(pair: Pair<Rule>) -> Result<Line> {
    let sp = span(&pair);
    let mut m = meaningful(&pair);
    let name = text(&next(&pair, &mut m)?)?;
    let mut out = Line {
        name,
        declared: None,
        derivation: None,
        partial: false,
        earlier: Vec::new(),
        children: Vec::new(),
        span: sp,
    };
    for p in m {
        match p.as_rule() {
            Rule::amount_lit => out.declared = Some(amount_lit(p)?),
            Rule::partial => out.partial = true,
            Rule::earlier => out.earlier.push(earlier(p)?),
            Rule::derivation => {
                let d = inner(&p).next().ok_or_else(|| unexpected(&p))?;
                out.derivation = Some(match d.as_rule() {
                    Rule::line_sum => {
                        Derivation::Sum(inner(&d).map(|t| text(&t)).collect::<Result<_>>()?)
                    }
                    _ => Derivation::Directions(span(&d)),
                });
            }
            Rule::income_block | Rule::spending_block => {
                for child in inner(&p) {
                    out.children.push(line(child)?);
                }
            }
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(out)
}

fn indicator(pair: Pair<Rule>) -> Result<Indicator> {
    let sp = span(&pair);
    let horizon = if pair.as_rule() == Rule::overall {
        Horizon::Overall
    } else {
        Horizon::Annual
    };
    let mut words = Vec::new();
    let mut name = None;
    let mut value_out = None;
    let mut options = Vec::new();
    for p in meaningful(&pair) {
        match p.as_rule() {
            Rule::word => words.push(text(&p)?),
            Rule::string => name = Some(text(&p)?),
            Rule::value => value_out = Some(value(p)?),
            Rule::indicator_option => options.push(indicator_option(p)?),
            _ => return Err(unexpected(&p)),
        }
    }
    let err = || ParseTreeError {
        rule: "indicator".into(),
        span: sp,
    };
    let level2 = words.pop().ok_or_else(err)?;
    Ok(Indicator {
        horizon,
        level1: words.pop(),
        level2,
        name: name.ok_or_else(err)?,
        value: value_out.ok_or_else(err)?,
        options,
        span: sp,
    })
}

fn value(pair: Pair<Rule>) -> Result<Value> {
    let v = inner(&pair).next().ok_or_else(|| unexpected(&pair))?;
    match v.as_rule() {
        Rule::qualitative => {
            let t = inner(&v).next().ok_or_else(|| unexpected(&v))?;
            let quoted = t.as_rule() == Rule::string;
            Ok(Value::Qualitative {
                text: text(&t)?,
                quoted,
            })
        }
        Rule::quantitative => {
            let sp = span(&v);
            let (mut operator, mut literal, mut reference) = (None, None, None);
            for p in meaningful(&v) {
                match p.as_rule() {
                    Rule::operator => {
                        operator = Some(Text {
                            value: p.as_str().to_string(),
                            span: span(&p),
                        })
                    }
                    Rule::literal => {
                        let lsp = span(&p);
                        let mut it = inner(&p);
                        let n = next(&p, &mut it)?;
                        let unit = it.next().map(|u| Text {
                            value: u.as_str().to_string(),
                            span: span(&u),
                        });
                        literal = Some(Literal {
                            number: number(&n),
                            unit,
                            span: lsp,
                        });
                    }
                    Rule::reference => reference = Some(reference_of(p)?),
                    _ => return Err(unexpected(&p)),
                }
            }
            Ok(Value::Quantitative {
                operator,
                literal,
                reference,
                span: sp,
            })
        }
        _ => Err(unexpected(&v)),
    }
}

fn reference_of(pair: Pair<Rule>) -> Result<Reference> {
    let r = inner(&pair).next().ok_or_else(|| unexpected(&pair))?;
    let kind = match r.as_rule() {
        Rule::ref_people => RefKind::People,
        Rule::ref_qty => RefKind::Qty,
        Rule::ref_amount => RefKind::Amount,
        Rule::ref_spending => RefKind::Spending,
        Rule::ref_income => RefKind::Income,
        Rule::ref_total => RefKind::Total,
        Rule::ref_directions => RefKind::Directions,
        _ => return Err(unexpected(&r)),
    };
    let target = meaningful(&r).next().map(|t| text(&t)).transpose()?;
    Ok(Reference {
        kind,
        target,
        span: span(&pair),
    })
}

fn indicator_option(pair: Pair<Rule>) -> Result<IndicatorOption> {
    let o = inner(&pair).next().ok_or_else(|| unexpected(&pair))?;
    let mut m = meaningful(&o);
    let arg = next(&o, &mut m)?;
    Ok(match o.as_rule() {
        Rule::opt_note => IndicatorOption::Note(text(&arg)?),
        Rule::opt_standard => IndicatorOption::Standard(text(&arg)?),
        Rule::opt_weight => IndicatorOption::Weight(number(&arg)),
        Rule::opt_explain => IndicatorOption::Explain(text(&arg)?),
        Rule::opt_scoring => IndicatorOption::Scoring(text(&arg)?),
        Rule::opt_sense => IndicatorOption::Sense(text(&arg)?),
        _ => return Err(unexpected(&o)),
    })
}

fn direction(pair: Pair<Rule>) -> Result<Direction> {
    let sp = span(&pair);
    let kind = if pair.as_rule() == Rule::project {
        DirectionKind::Project
    } else {
        DirectionKind::Direction
    };
    let mut m = meaningful(&pair);
    let name = text(&next(&pair, &mut m)?)?;
    let mut out = Direction {
        kind,
        name,
        basis: None,
        items: Vec::new(),
        span: sp,
    };
    for p in m {
        match p.as_rule() {
            Rule::basis => out.basis = Some(basis(p)?),
            Rule::direction_block => {
                for it in inner(&p) {
                    out.items.push(direction_item(it)?);
                }
            }
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(out)
}

fn earlier(pair: Pair<Rule>) -> Result<EarlierFigure> {
    let sp = span(&pair);
    let mut kind = Earlier::Budget;
    let mut year = None;
    let mut amount = None;
    for p in meaningful(&pair) {
        match p.as_rule() {
            Rule::earlier_kind => {
                let k = inner(&p).next().ok_or_else(|| unexpected(&p))?;
                kind = match k.as_rule() {
                    Rule::kw_actual => Earlier::Actual,
                    Rule::kw_final => Earlier::Final,
                    _ => Earlier::Budget,
                };
            }
            Rule::integer => year = Some(number(&p)),
            Rule::amount_lit => amount = Some(amount_lit(p)?),
            _ => return Err(unexpected(&p)),
        }
    }
    let amount = amount.ok_or_else(|| unexpected(&pair))?;
    Ok(EarlierFigure {
        kind,
        year,
        amount,
        span: sp,
    })
}

fn scores(pair: Pair<Rule>) -> Result<Scores> {
    let mut out = Scores {
        parts: Vec::new(),
        total: None,
        span: span(&pair),
    };
    for p in meaningful(&pair) {
        match p.as_rule() {
            Rule::score_part => {
                let mut m = meaningful(&p);
                let tier = text(&next(&p, &mut m)?)?;
                let range = next(&p, &mut m)?;
                let mut ends = inner(&range).map(|n| number(&n));
                let points = ends.next().ok_or_else(|| unexpected(&range))?;
                out.parts.push(ScorePart {
                    tier,
                    points,
                    most: ends.next(),
                });
            }
            Rule::number => out.total = Some(number(&p)),
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(out)
}

fn achieved(pair: Pair<Rule>) -> Result<Achieved> {
    let sp = span(&pair);
    let mut m = meaningful(&pair);
    let name = text(&next(&pair, &mut m)?)?;
    let v = next(&pair, &mut m)?;
    let inner_v = inner(&v).next().ok_or_else(|| unexpected(&v))?;
    let value = match inner_v.as_rule() {
        Rule::actual_lit => {
            let mut it = inner(&inner_v);
            let n = next(&inner_v, &mut it)?;
            let unit = it.next().map(|u| Text {
                value: u.as_str().to_string(),
                span: span(&u),
            });
            Actual::Number {
                number: number(&n),
                unit,
                span: span(&inner_v),
            }
        }
        Rule::string | Rule::word => Actual::Words {
            quoted: inner_v.as_rule() == Rule::string,
            text: text(&inner_v)?,
        },
        _ => return Err(unexpected(&inner_v)),
    };
    let (mut reason, mut score) = (None, None);
    for p in m {
        match p.as_rule() {
            Rule::string => reason = Some(text(&p)?),
            Rule::number => score = Some(number(&p)),
            _ => return Err(unexpected(&p)),
        }
    }
    Ok(Achieved {
        name,
        value,
        reason,
        score,
        span: sp,
    })
}

fn execution(pair: Pair<Rule>) -> Result<Execution> {
    let sp = span(&pair);
    let mut line = None;
    let mut amounts = Vec::new();
    for p in meaningful(&pair) {
        match p.as_rule() {
            Rule::string => line = Some(text(&p)?),
            Rule::amount_lit => amounts.push(amount_lit(p)?),
            _ => return Err(unexpected(&p)),
        }
    }
    let mut amounts = amounts.into_iter();
    let err = || ParseTreeError {
        rule: "execution".into(),
        span: sp,
    };
    let budget = amounts.next().ok_or_else(err)?;
    let spent = amounts.next().ok_or_else(err)?;
    Ok(Execution {
        line,
        budget,
        spent,
        span: sp,
    })
}

fn profile(pair: Pair<Rule>) -> Result<ProfileDecl> {
    let sp = span(&pair);
    let mut m = meaningful(&pair);
    let name = text(&next(&pair, &mut m)?)?;
    let mut options = Vec::new();
    for o in m {
        let opt = inner(&o).next().ok_or_else(|| unexpected(&o))?;
        let osp = span(&opt);
        let args: Vec<Pair<Rule>> = meaningful(&opt).collect();
        options.push(match opt.as_rule() {
            Rule::opt_grades => ProfileOption::Grades(args.iter().map(number).collect(), osp),
            Rule::opt_inverse => {
                ProfileOption::Inverse(text(args.first().ok_or_else(|| unexpected(&opt))?)?)
            }
            Rule::opt_deviation => {
                ProfileOption::Deviation(number(args.first().ok_or_else(|| unexpected(&opt))?), osp)
            }
            _ => return Err(unexpected(&opt)),
        });
    }
    Ok(ProfileDecl {
        name,
        options,
        span: sp,
    })
}

fn direction_item(pair: Pair<Rule>) -> Result<DirectionItem> {
    let sp = span(&pair);
    Ok(match pair.as_rule() {
        Rule::indicator | Rule::overall => DirectionItem::Indicator(indicator(pair)?),
        Rule::direction | Rule::project => DirectionItem::Direction(direction(pair)?),
        Rule::scores => DirectionItem::Scores(scores(pair)?),
        Rule::earlier => DirectionItem::Earlier(earlier(pair)?),
        Rule::achieved => DirectionItem::Achieved(achieved(pair)?),
        Rule::execution => DirectionItem::Execution(execution(pair)?),
        Rule::outcome => {
            let mut m = meaningful(&pair);
            DirectionItem::Outcome(text(&next(&pair, &mut m)?)?)
        }
        Rule::income => DirectionItem::Income(line(pair)?),
        Rule::contact
        | Rule::code
        | Rule::attribute
        | Rule::funding
        | Rule::policy
        | Rule::approval
        | Rule::overview
        | Rule::function => DirectionItem::Admin(admin(pair)?),
        Rule::total_budget => {
            let mut m = meaningful(&pair);
            DirectionItem::TotalBudget {
                amount: amount_lit(next(&pair, &mut m)?)?,
                span: sp,
            }
        }
        Rule::share => {
            let mut m = meaningful(&pair);
            let recipient = text(&next(&pair, &mut m)?)?;
            let amount = amount_lit(next(&pair, &mut m)?)?;
            DirectionItem::Share(Share {
                recipient,
                amount,
                span: sp,
            })
        }
        Rule::cost => {
            let mut m = meaningful(&pair);
            let label = text(&next(&pair, &mut m)?)?;
            let b = basis(next(&pair, &mut m)?)?;
            let mut figures = Vec::new();
            // The older `prior 1.2` (上年实际) starts at its keyword, which `meaningful` skips.
            let mut bare_prior_at = None;
            for p in inner(&pair)
                .skip_while(|p| p.as_rule() != Rule::basis)
                .skip(1)
            {
                match p.as_rule() {
                    Rule::earlier => figures.push(earlier(p)?),
                    Rule::kw_prior => bare_prior_at = Some(p.as_span().start()),
                    _ => {
                        let amount = amount_lit(p)?;
                        figures.push(EarlierFigure {
                            kind: Earlier::Actual,
                            year: None,
                            span: Span::new(
                                bare_prior_at.unwrap_or(amount.span.start),
                                amount.span.end,
                            ),
                            amount,
                        });
                    }
                }
            }
            DirectionItem::Cost(Cost {
                label,
                basis: b,
                earlier: figures,
                span: sp,
            })
        }
        Rule::amount => {
            let mut m = meaningful(&pair);
            let amount = amount_lit(next(&pair, &mut m)?)?;
            let basis_text = m.next().map(|t| text(&t)).transpose()?;
            DirectionItem::Amount {
                amount,
                basis_text,
                span: sp,
            }
        }
        rule => {
            let mut m = meaningful(&pair);
            let t = text(&next(&pair, &mut m)?)?;
            match rule {
                Rule::special => DirectionItem::Special(t),
                Rule::kind => DirectionItem::Kind(t),
                Rule::period => DirectionItem::Period(t),
                Rule::goal => DirectionItem::Goal(t),
                Rule::annual => DirectionItem::Annual(t),
                Rule::summary_goal => DirectionItem::SummaryGoal(t),
                Rule::summary_annual => DirectionItem::SummaryAnnual(t),
                _ => return Err(unexpected(&pair)),
            }
        }
    })
}

/// An administrative field: its keyword says which, then one text (two for `contact`).
fn admin(pair: Pair<Rule>) -> Result<Admin> {
    let sp = span(&pair);
    let field = match pair.as_rule() {
        Rule::budget_code => AdminField::BudgetCode,
        Rule::contact => AdminField::Contact,
        Rule::code => AdminField::Code,
        Rule::attribute => AdminField::Attribute,
        Rule::funding => AdminField::Funding,
        Rule::policy => AdminField::Policy,
        Rule::approval => AdminField::Approval,
        Rule::overview => AdminField::Overview,
        Rule::function => AdminField::Function,
        _ => return Err(unexpected(&pair)),
    };
    let mut m = meaningful(&pair);
    let value = text(&next(&pair, &mut m)?)?;
    let extra = m.next().map(|t| text(&t)).transpose()?;
    Ok(Admin {
        field,
        value,
        extra,
        span: sp,
    })
}

fn basis(pair: Pair<Rule>) -> Result<Basis> {
    let sp = span(&pair);
    let mut it = inner(&pair);
    let count_pair = next(&pair, &mut it)?;
    let c = inner(&count_pair)
        .next()
        .ok_or_else(|| unexpected(&count_pair))?;
    let mut cm = meaningful(&c);
    let count = match c.as_rule() {
        Rule::people_count => Count::People(number(&next(&c, &mut cm)?)),
        _ => {
            let n = number(&next(&c, &mut cm)?);
            Count::Qty {
                number: n,
                unit: text(&next(&c, &mut cm)?)?,
            }
        }
    };
    let price_pair = next(&pair, &mut it)?;
    let p = inner(&price_pair)
        .next()
        .ok_or_else(|| unexpected(&price_pair))?;
    let mut pm = meaningful(&p);
    let price = number(&next(&p, &mut pm)?);
    let per = match pm.next() {
        Some(per) if per.as_str() == "year" => Per::Year,
        Some(_) => Per::Month,
        None => Per::Once,
    };
    let months = match it.next() {
        Some(mp) => {
            let mut mm = meaningful(&mp);
            Some(number(&next(&mp, &mut mm)?))
        }
        None => None,
    };
    Ok(Basis {
        count,
        price,
        per,
        months,
        span: sp,
    })
}
