//! Figures of earlier years (`prior budget 160.5`, `prior final 2022 150`) on a line, a direction or a
//! cost item: the year resolved (the one before the budget year when not written), the amount in the
//! document's unit, and each year's figure of one kind given once.

use super::Ctx;
use super::INVALID_HEADER;
use crate::diagnostic::Diagnostic;
use crate::lower::messages as msg;
use crate::model::EarlierFigure;
use crate::syntax::ast;

/// The figures as written, each resolved; a repeated figure or a year that is not earlier than the
/// budget year is reported and left out.
pub(crate) fn figures(ctx: &mut Ctx, written: &[ast::EarlierFigure]) -> Vec<EarlierFigure> {
    let mut out: Vec<EarlierFigure> = Vec::new();
    for e in written {
        let Some(f) = figure(ctx, e) else {
            continue;
        };
        if let Some(first) = out.iter().find(|x| x.kind == f.kind && x.year == f.year) {
            let key = format!("prior {} {}", f.kind.keyword(), f.year);
            ctx.report(super::given_twice(&key, e.span, first.span));
            continue;
        }
        out.push(f);
    }
    out
}

fn figure(ctx: &mut Ctx, e: &ast::EarlierFigure) -> Option<EarlierFigure> {
    let year = match &e.year {
        Some(y) => match y.text.parse::<i32>() {
            Ok(v) if ctx.year.is_none_or(|budget| v < budget) && v >= 1949 => v,
            _ => {
                ctx.report(
                    Diagnostic::new(
                        INVALID_HEADER,
                        msg::not_an_earlier_year(&y.text, ctx.year),
                        y.span,
                        msg::label_not_an_earlier_year(),
                    )
                    .with_help(msg::help_earlier_year()),
                );
                return None;
            }
        },
        None => ctx.year? - 1,
    };
    Some(EarlierFigure {
        kind: e.kind,
        year,
        amount: ctx.declared_amount(&e.amount)?,
        span: e.span,
    })
}
