//! One analysis of a whole text: the diagnostics `bdl check` reports, and the syntax tree and model of
//! every part that parses, so that an editor keeps hover, completion, hints and the outline while one
//! line is being typed. This file is the only one of `ide` that calls the compiler's entry points and
//! reads a figure's provenance, so a change of those is a change here.

use super::position::LineIndex;
use crate::diagnostic::Diagnostic;
use crate::domain::{Money, MoneyUnit};
use crate::messages::{self as msg, Text};
use crate::model::{Cost, Declaration, Derived, How, Part, Reference, Value};
use crate::present::{figures, provenance};
use crate::source::Span;
use crate::syntax::{self, ast};
use rust_decimal::Decimal;

#[derive(Debug)]
pub struct Analysis {
    pub src: String,
    pub index: LineIndex,
    /// Exactly the diagnostics of `bdl check` for this text, in its order.
    pub diagnostics: Vec<Diagnostic>,
    /// The syntax tree of the parts that parse: the whole file when it has no syntax error, else the
    /// file with its broken lines left out; `None` only when nothing could be recovered.
    pub file: Option<ast::File>,
    /// The model of the same parts.
    pub declaration: Option<Declaration>,
    /// The byte ranges left out of `file` and `declaration` because they do not parse.
    pub left_out: Vec<Span>,
}

/// Analyses a whole text (the compiler is fast enough to redo everything on each change).
pub fn analyse(src: &str) -> Analysis {
    let (compiled, tree) = crate::Source::new("<editor>", src).compile_keeping_tree();
    // Unbalanced braces stop the search for errors early; the editor's recovery also closes them.
    let tree = tree.or_else(|| syntax::parse_leaving_out_broken(src));
    let (file, left_out) = match tree {
        Some(t) => (Some(t.file), t.left_out),
        None => (None, Vec::new()),
    };
    let declaration = compiled
        .declaration
        .or_else(|| file.as_ref().map(|f| crate::lower::lower(f).0));
    Analysis {
        src: src.to_string(),
        index: LineIndex::new(src),
        diagnostics: compiled.diagnostics,
        file,
        declaration,
        left_out,
    }
}

/// A derived figure as an editor shows it: the value with its unit, and the computation. Built from
/// the model's structured provenance, rendered in both languages by `present`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// `36.72万元`, `8人`: the exact value and its unit.
    pub shown: String,
    /// The computation (`50人 × 612元/人/月 × 12月 = 367200元`), in both languages.
    pub how: Text,
    /// The facts it was computed from.
    pub sources: Vec<Span>,
}

impl Figure {
    /// A derived amount (a line's, a direction's). A sum shows its parts with their amounts.
    pub fn derived(d: &Derived) -> Figure {
        let how = match &d.how {
            How::Lines(parts) => parts_text(None, parts),
            How::Directions(parts) => parts_text(Some(provenance::how(&d.how)), parts),
            other => provenance::how(other),
        };
        Figure {
            shown: figures::money(d.value),
            how,
            sources: d.sources.clone(),
        }
    }

    /// A cost basis's product, shown in `unit` (the document's).
    pub fn cost(c: &Cost, unit: MoneyUnit) -> Figure {
        Figure {
            shown: figures::money(c.amount.to(unit).unwrap_or(c.amount)),
            how: provenance::how(&c.how()),
            sources: vec![c.span],
        }
    }

    /// The number a reference stands for (`people` → `8人`).
    pub fn reference(r: &Reference) -> Figure {
        Figure {
            shown: provenance::measure(&r.value),
            how: provenance::reference(r),
            sources: r.sources.clone(),
        }
    }
}

/// At most this many parts of a sum are listed in a hover or a hint.
const MAX_PARTS: usize = 12;

/// `一般公共预算 4528480元 + 政府性基金 300000元`, after a heading when there is one.
fn parts_text(heading: Option<Text>, parts: &[Part]) -> Text {
    let listed: Vec<String> = parts
        .iter()
        .take(MAX_PARTS)
        .map(|p| match p.amount {
            Some(m) => format!("{} {}", p.name, figures::money(m)),
            None => p.name.clone(),
        })
        .collect();
    let more = parts.len().saturating_sub(MAX_PARTS);
    let sum = listed.join(" + ");
    let (mut en, mut zh) = match heading {
        Some(h) => (format!("{}: {sum}", h.en), format!("{}：{sum}", h.zh)),
        None => (sum.clone(), sum),
    };
    if more > 0 {
        let tail = msg::more_parts(more);
        en.push_str(&tail.en);
        zh.push_str(&tail.zh);
    }
    Text::new(en, zh)
}

/// `36.72万元`: an amount as an editor shows it.
pub fn money(m: Money) -> String {
    figures::money(m)
}

/// The reference an indicator's value is, or is checked against; `with_literal` is false when only a
/// reference is written (`= people`), true when a number is written too (`= 50人 from people`).
pub fn reference_of(v: &Value) -> Option<(&Reference, bool)> {
    match v {
        Value::Quantity {
            reference: Some(r),
            number_text,
            ..
        } => Some((r, number_text.is_some())),
        _ => None,
    }
}

/// A year-end line's score as an editor shows it, after the line (an inlay hint) and on it (hover):
/// from `score::evaluate`, the one place scores are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineScore {
    /// The `achieved` or `execution` line it scores.
    pub line: Span,
    pub score: Decimal,
    pub points: Decimal,
    /// The rule's name, in both languages.
    pub rule: Text,
    /// The rule with its figures (`81 ÷ 90 × 10 = 9.00`).
    pub how: Text,
    /// A score typed on the line that the rules contradict (B4065).
    pub contradicted: bool,
}

impl LineScore {
    /// `得分 9.00/10`, the hint's label.
    pub fn label(&self) -> String {
        format!(
            "得分 {}/{}",
            figures::display_fixed(self.score, 2),
            figures::display(self.points, 2)
        )
    }
}

/// The score of every `achieved` line and of each table's `execution` total row.
pub fn line_scores(decl: &Declaration) -> Vec<LineScore> {
    use crate::present::scores::{explain, rule_name};
    let scored = |line: Span,
                  rule: &crate::score::Rule,
                  points: Decimal,
                  score: Decimal,
                  contradicted: bool| {
        let (en, zh) = rule_name(rule);
        LineScore {
            line,
            score,
            points,
            rule: Text::new(en.replace('-', " "), zh),
            how: explain(rule, points, score),
            contradicted,
        }
    };
    let mut out = Vec::new();
    for e in crate::score::evaluate(decl) {
        if let (Some(x), Some(line)) = (&e.execution, e.year_end.total()) {
            out.push(scored(line.span, &x.rule, x.points, x.score, false));
        }
        for item in &e.items {
            if let Some(a) = &item.indicator.achieved {
                out.push(scored(
                    a.span,
                    &item.rule,
                    item.points,
                    item.score,
                    item.contradicted.is_some(),
                ));
            }
        }
    }
    out
}

/// The indicators and funding lines of the table a place is in: the innermost direction or project
/// holding it, else the department's (what a year-end fact written there names).
pub fn table_at(
    decl: &Declaration,
    at: Span,
) -> (&[crate::model::Indicator], &[crate::model::Line]) {
    decl.all_directions()
        .into_iter()
        .map(|(_, d)| d)
        .filter(|d| d.span.start <= at.start && at.end <= d.span.end)
        .min_by_key(|d| d.span.end - d.span.start)
        .map_or((&decl.indicators, &decl.income), |d| {
            (&d.indicators, &d.funds)
        })
}
