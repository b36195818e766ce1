//! Income and spending breakdowns (and a direction's funds by source): declared lines, 其中 lines under
//! them, and lines derived from the directions or from other lines.

use super::{Ctx, spanned};
use crate::diagnostic::Diagnostic;
use crate::domain::{Breakdown, Money};
use crate::lower::messages as msg;
use crate::lower::{DUPLICATE_NAME, UNKNOWN_REFERENCE};
use crate::model::{Derived, Direction, How, Line, Part, Spanned};
use crate::source::Span;
use crate::syntax::ast::{self, Derivation};
use std::collections::HashMap;

crate::codes::rules! {
    CYCLIC_DERIVATION = "B2008", Error, "a line is derived from itself", "某项金额由其自身推算";
    LINE_WITHOUT_AMOUNT = "B3013", Error, "an income or spending line has no amount", "收入或支出项没有金额";
}

/// Lowers one breakdown. `directions` are what `= directions` adds up here: the document's
/// top-level directions, or a direction's sub-directions for its funds.
pub fn lower_breakdown(
    ctx: &mut Ctx,
    lines: &[&ast::Line],
    directions: &[Direction],
    what: Breakdown,
) -> Vec<Line> {
    // Names are unique within a breakdown, at any depth, so `= "A" + "B"` is unambiguous.
    let mut by_name: HashMap<&str, &ast::Line> = HashMap::new();
    fn index<'a>(
        ctx: &mut Ctx,
        l: &'a ast::Line,
        by_name: &mut HashMap<&'a str, &'a ast::Line>,
        what: Breakdown,
    ) {
        if let Some(first) = by_name.get(l.name.value.as_str()) {
            ctx.report(
                Diagnostic::new(
                    DUPLICATE_NAME,
                    msg::line_declared_twice(what, &l.name.value),
                    l.name.span,
                    msg::label_declared_again(),
                )
                .with_label(first.name.span, msg::label_first_declared())
                .with_help(msg::help_line_names_unique()),
            );
        } else {
            by_name.insert(&l.name.value, l);
        }
        for c in &l.children {
            index(ctx, c, by_name, what);
        }
    }
    for l in lines {
        index(ctx, l, &mut by_name, what);
    }
    let mut eval = Evaluator {
        by_name,
        directions,
        memo: HashMap::new(),
        visiting: Vec::new(),
        what,
    };
    lines.iter().map(|l| eval.line(ctx, l)).collect()
}

struct Evaluator<'a> {
    by_name: HashMap<&'a str, &'a ast::Line>,
    directions: &'a [Direction],
    /// Lowered lines by name, so a line used in several sums is computed once.
    memo: HashMap<String, Line>,
    /// The names being computed, to catch a line derived from itself.
    visiting: Vec<String>,
    what: Breakdown,
}

impl<'a> Evaluator<'a> {
    fn line(&mut self, ctx: &mut Ctx, l: &'a ast::Line) -> Line {
        if let Some(done) = self.memo.get(&l.name.value)
            && done.span == l.span
        {
            return done.clone();
        }
        self.visiting.push(l.name.value.clone());
        let children: Vec<Line> = l.children.iter().map(|c| self.line(ctx, c)).collect();
        let declared = l.declared.as_ref().and_then(|a| {
            ctx.declared_amount(a).map(|value| Spanned {
                value,
                span: a.span,
            })
        });
        let declared_text = l.declared.as_ref().and_then(|a| ctx.amount_text(a));
        let derived = match &l.derivation {
            Some(Derivation::Directions(span)) => self.sum_of_directions(ctx, *span),
            Some(Derivation::Sum(names)) => self.sum_of(ctx, names),
            // Lines that list only some parts say nothing of the whole.
            None if !children.is_empty() && !l.partial => {
                let parts: Vec<Part> = children.iter().map(part).collect();
                sum_parts(ctx, &children, l.span).map(|value| Derived {
                    value,
                    how: How::Lines(parts),
                    sources: children.iter().map(|c| c.span).collect(),
                })
            }
            None => None,
        };
        self.visiting.pop();
        let amount = match (&declared, &derived) {
            (Some(d), _) => Some(d.value),
            (None, Some(d)) => Some(d.value),
            // An unreadable amount or a derivation that failed (unknown line, cycle, overflow) is
            // reported already.
            (None, None) if l.declared.is_some() || l.derivation.is_some() => None,
            (None, None) => {
                let help = if l.partial {
                    msg::help_partial_line_without_amount(self.what, &l.name.value)
                } else {
                    msg::help_line_without_amount(self.what, &l.name.value)
                };
                ctx.report(
                    Diagnostic::new(
                        LINE_WITHOUT_AMOUNT,
                        msg::line_without_amount(self.what, &l.name.value),
                        l.name.span,
                        msg::label_no_amount(),
                    )
                    .with_help(help),
                );
                None
            }
        };
        let out = Line {
            name: spanned(&l.name),
            declared,
            declared_text,
            derived,
            amount,
            partial: l.partial,
            earlier: super::earlier::figures(ctx, &l.earlier),
            children,
            span: l.span,
        };
        self.memo.insert(l.name.value.clone(), out.clone());
        out
    }

    /// `= directions`: unknown when a direction's amount is (reported where it is).
    fn sum_of_directions(&self, ctx: &mut Ctx, span: Span) -> Option<Derived> {
        let mut total = Money::zero(ctx.unit);
        for d in self.directions {
            total = ctx.exact(total.checked_add(d.amount?), span)?;
        }
        Some(Derived {
            value: total,
            how: How::Directions(
                self.directions
                    .iter()
                    .map(|d| Part {
                        name: d.name.value.clone(),
                        amount: d.amount,
                    })
                    .collect(),
            ),
            sources: vec![span],
        })
    }

    fn sum_of(&mut self, ctx: &mut Ctx, names: &[ast::Text]) -> Option<Derived> {
        let mut lines = Vec::new();
        for n in names {
            if let Some(at) = self.visiting.iter().position(|v| *v == n.value) {
                // The chain that leads back: 项目支出 → 专项业务费 → 项目支出.
                let mut chain: Vec<&str> =
                    self.visiting.iter().skip(at).map(String::as_str).collect();
                chain.push(&n.value);
                ctx.report(
                    Diagnostic::new(
                        CYCLIC_DERIVATION,
                        msg::derived_from_itself(&n.value, &chain.join(" → ")),
                        n.span,
                        msg::label_refers_back(),
                    )
                    .with_help(msg::help_derived_from_itself()),
                );
                return None;
            }
            let Some(target) = self.by_name.get(n.value.as_str()).copied() else {
                let known: Vec<String> = self.by_name.keys().map(|k| k.to_string()).collect();
                let help = match crate::domain::framework::suggest(&n.value, &known).first() {
                    Some(s) => msg::did_you_mean_name(s),
                    None => msg::help_name_a_line(self.what),
                };
                ctx.report(
                    Diagnostic::new(
                        UNKNOWN_REFERENCE,
                        msg::no_such_line(self.what, &n.value),
                        n.span,
                        msg::label_not_found(),
                    )
                    .with_help(help),
                );
                return None;
            };
            lines.push(self.line(ctx, target));
        }
        let at = names.first().map_or(Span::default(), |n| n.span);
        let value = sum_parts(ctx, &lines, at)?;
        Some(Derived {
            value,
            how: How::Lines(lines.iter().map(part).collect()),
            sources: lines.iter().map(|l| l.span).collect(),
        })
    }
}

fn part(l: &Line) -> Part {
    Part {
        name: l.name.value.clone(),
        amount: l.amount,
    }
}

/// The exact sum of lines; `None` when one is unknown (reported already) or the sum cannot be exact
/// (reported here, at `span`).
fn sum_parts(ctx: &mut Ctx, lines: &[Line], span: Span) -> Option<Money> {
    let mut total = Money::zero(ctx.unit);
    for l in lines {
        total = ctx.exact(total.checked_add(l.amount?), span)?;
    }
    Some(total)
}

/// All line names at any depth, for suggestions.
pub fn names(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines {
        out.push(l.name.value.clone());
        out.extend(names(&l.children));
    }
    out
}
