//! The formatter's proof, run on every file before anything is written: formatting again changes
//! nothing, the result means the same, and every comment, number and string comes out as it went in.
//! Idempotence alone is not enough: a formatter can drop a comment and stay idempotent.

use super::comments;
use super::tree::{self, Doc, Node};
use crate::syntax::{self, ast::*};
use std::fmt;

/// A property the formatted text failed to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// The formatted text does not parse.
    Parses,
    /// Formatting the formatted text changes it.
    Idempotent,
    /// The formatted text lowers to a different model or different diagnostics.
    SameModel,
    /// A comment was lost, added, or moved to another line.
    SameComments,
    /// A number, string or word is spelled differently.
    SameLiterals,
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::fmt::messages::property(*self).en)
    }
}

/// Checks the four properties of `out`, the formatted `src`.
pub fn verify(src: &str, out: &str) -> Result<(), Property> {
    let before = syntax::parse(src).map_err(|_| Property::Parses)?;
    let after = syntax::parse(out).map_err(|_| Property::Parses)?;

    let again = super::format_parsed(out, &after);
    if again != out {
        return Err(Property::Idempotent);
    }

    if meaning(&before) != meaning(&after) {
        return Err(Property::SameModel);
    }

    let texts = |s: &str| sorted(comments::scan(s).into_iter().map(|c| c.text));
    if texts(src) != texts(out) || placements(src, &before) != placements(out, &after) {
        return Err(Property::SameComments);
    }

    if literals(src, &before) != literals(out, &after) {
        return Err(Property::SameLiterals);
    }
    Ok(())
}

fn sorted(it: impl Iterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = it.collect();
    v.sort();
    v
}

/// What a file means, without the places things were written: the model and the JSON document, and
/// the diagnostics as a multiset (they are ordered by place, which reordering changes).
fn meaning(file: &File) -> (String, String, Vec<String>) {
    let (decl, mut diagnostics) = crate::lower::lower(file);
    diagnostics.extend(crate::check::run(&decl));
    let json = crate::emit::json::document(&decl).to_string();
    let model = strip_spans(&format!("{decl:?}"));
    let diagnostics = sorted(diagnostics.iter().map(|d| strip_spans(&format!("{d:?}"))));
    (model, json, diagnostics)
}

/// `Span { start: 12, end: 40 }` → `Span`, in a Debug rendering.
fn strip_spans(debug: &str) -> String {
    const OPEN: &str = "Span { start: ";
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some((before, after)) = rest.split_once(OPEN) {
        out.push_str(before);
        out.push_str("Span");
        rest = match after.split_once(" }") {
            Some((inside, tail))
                if inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || ", end:".contains(c)) =>
            {
                tail
            }
            // Not a span after all: go on right after the word.
            _ => rest.get(before.len() + "Span".len()..).unwrap_or_default(),
        };
    }
    out.push_str(rest);
    out
}

/// Each comment with where it sits: above, after, or closing which line of code. The line is named by
/// its canonical text, so input and output can be compared although the order inside blocks changes.
fn placements(src: &str, file: &File) -> Vec<String> {
    let mut doc: Doc = tree::build(src, file);
    tree::attach(&mut doc, src, &comments::scan(src));
    let mut out = Vec::new();
    fn walk(items: &[Node], out: &mut Vec<String>) {
        for n in items {
            for c in &n.leading {
                out.push(format!("above {}: {}", n.head, c.text));
            }
            if let Some(t) = &n.trailing {
                out.push(format!("after {}: {t}", n.head));
            }
            if let Some(b) = &n.block {
                walk(&b.items, out);
                for c in &b.dangling {
                    out.push(format!("end of {}: {}", n.head, c.text));
                }
                if let Some(t) = &b.closing {
                    out.push(format!("closing {}: {t}", n.head));
                }
            }
        }
    }
    walk(&doc.items, &mut out);
    for c in &doc.dangling {
        out.push(format!("end of file: {}", c.text));
    }
    out.sort();
    out
}

/// Every number, string and word as spelled in the source (strings with their quotes and escapes).
fn literals(src: &str, file: &File) -> Vec<String> {
    let mut w = Literals {
        src,
        out: Vec::new(),
    };
    for item in &file.items {
        w.item(item);
    }
    w.out.sort();
    w.out
}

struct Literals<'a> {
    src: &'a str,
    out: Vec<String>,
}

impl Literals<'_> {
    fn text(&mut self, t: &Text) {
        let s = self.src.get(t.span.start..t.span.end).unwrap_or("");
        self.out.push(s.to_string());
    }

    fn number(&mut self, n: &Number) {
        self.out.push(n.text.clone());
    }

    fn amount(&mut self, a: &AmountLit) {
        self.number(&a.number);
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Year { value, .. } | Item::Precision { value, .. } => self.number(value),
            Item::Filer(t) | Item::Department(t) | Item::Duty(t) | Item::Goal(t) => self.text(t),
            Item::Unit { .. } => {}
            Item::Framework(FrameworkDecl::Profile(t)) => self.text(t),
            Item::Framework(FrameworkDecl::Custom { categories, .. }) => {
                for c in categories {
                    self.text(&c.level1);
                    c.level2.iter().for_each(|t| self.text(t));
                }
            }
            Item::Total { amount, .. } => self.amount(amount),
            Item::Income(l) | Item::Spending(l) => self.line(l),
            Item::Plan(p) => {
                self.text(&p.item);
                self.text(&p.owner);
                self.text(&p.target);
            }
            Item::Task(t) => {
                self.text(&t.task);
                self.text(&t.duty);
                self.text(&t.funded_by);
                if let Some(a) = &t.amount {
                    self.amount(a);
                }
                for i in &t.items {
                    match i {
                        TaskItem::Content(c) => self.text(c),
                        TaskItem::Income(l) => self.line(l),
                    }
                }
            }
            Item::Indicator(i) => self.indicator(i),
            Item::Direction(d) => self.direction(d),
            Item::Form(t) => self.text(t),
            Item::Admin(a) => self.admin(a),
            Item::Scores(s) => self.scores(s),
            Item::Achieved(a) => self.achieved(a),
            Item::Execution(e) => self.execution(e),
            Item::Outcome(t) => self.text(t),
            Item::Profile(p) => {
                self.text(&p.name);
                for o in &p.options {
                    match o {
                        ProfileOption::Grades(ns, _) => ns.iter().for_each(|n| self.number(n)),
                        ProfileOption::Inverse(t) => self.text(t),
                        ProfileOption::Deviation(n, _) => self.number(n),
                    }
                }
            }
        }
    }

    fn achieved(&mut self, a: &Achieved) {
        self.text(&a.name);
        match &a.value {
            Actual::Number { number, unit, .. } => {
                self.number(number);
                if let Some(u) = unit {
                    self.text(u);
                }
            }
            Actual::Words { text, .. } => self.text(text),
        }
        if let Some(r) = &a.reason {
            self.text(r);
        }
        if let Some(n) = &a.score {
            self.number(n);
        }
    }

    fn execution(&mut self, e: &Execution) {
        if let Some(l) = &e.line {
            self.text(l);
        }
        self.amount(&e.budget);
        self.amount(&e.spent);
    }

    fn scores(&mut self, s: &Scores) {
        for part in &s.parts {
            self.text(&part.tier);
            self.number(&part.points);
            if let Some(most) = &part.most {
                self.number(most);
            }
        }
        if let Some(t) = &s.total {
            self.number(t);
        }
    }

    fn admin(&mut self, a: &Admin) {
        self.text(&a.value);
        if let Some(e) = &a.extra {
            self.text(e);
        }
    }

    fn earlier(&mut self, e: &EarlierFigure) {
        if let Some(y) = &e.year {
            self.number(y);
        }
        self.amount(&e.amount);
    }

    fn line(&mut self, l: &Line) {
        self.text(&l.name);
        if let Some(a) = &l.declared {
            self.amount(a);
        }
        if let Some(Derivation::Sum(parts)) = &l.derivation {
            parts.iter().for_each(|t| self.text(t));
        }
        l.earlier.iter().for_each(|e| self.earlier(e));
        l.children.iter().for_each(|c| self.line(c));
    }

    fn indicator(&mut self, i: &Indicator) {
        if let Some(t) = &i.level1 {
            self.text(t);
        }
        self.text(&i.level2);
        self.text(&i.name);
        match &i.value {
            Value::Qualitative { text, .. } => self.text(text),
            Value::Quantitative {
                literal, reference, ..
            } => {
                if let Some(l) = literal {
                    self.number(&l.number);
                    if let Some(u) = &l.unit {
                        self.text(u);
                    }
                }
                if let Some(t) = reference.as_ref().and_then(|r| r.target.as_ref()) {
                    self.text(t);
                }
            }
        }
        for o in &i.options {
            match o {
                IndicatorOption::Weight(n) => self.number(n),
                IndicatorOption::Note(t)
                | IndicatorOption::Standard(t)
                | IndicatorOption::Explain(t)
                | IndicatorOption::Scoring(t)
                | IndicatorOption::Sense(t) => self.text(t),
            }
        }
    }

    fn basis(&mut self, b: &Basis) {
        match &b.count {
            Count::People(n) => self.number(n),
            Count::Qty { number, unit } => {
                self.number(number);
                self.text(unit);
            }
        }
        self.number(&b.price);
        if let Some(m) = &b.months {
            self.number(m);
        }
    }

    fn direction(&mut self, d: &Direction) {
        self.text(&d.name);
        if let Some(b) = &d.basis {
            self.basis(b);
        }
        for item in &d.items {
            match item {
                DirectionItem::Special(t)
                | DirectionItem::Kind(t)
                | DirectionItem::Period(t)
                | DirectionItem::Goal(t)
                | DirectionItem::Annual(t)
                | DirectionItem::SummaryGoal(t)
                | DirectionItem::SummaryAnnual(t) => self.text(t),
                DirectionItem::Amount {
                    amount, basis_text, ..
                } => {
                    self.amount(amount);
                    if let Some(t) = basis_text {
                        self.text(t);
                    }
                }
                DirectionItem::Cost(c) => {
                    self.text(&c.label);
                    self.basis(&c.basis);
                    c.earlier.iter().for_each(|e| self.earlier(e));
                }
                DirectionItem::Indicator(i) => self.indicator(i),
                DirectionItem::Income(l) => self.line(l),
                DirectionItem::Direction(sub) => self.direction(sub),
                DirectionItem::Admin(a) => self.admin(a),
                DirectionItem::TotalBudget { amount, .. } => self.amount(amount),
                DirectionItem::Share(sh) => {
                    self.text(&sh.recipient);
                    self.amount(&sh.amount);
                }
                DirectionItem::Scores(s) => self.scores(s),
                DirectionItem::Earlier(e) => self.earlier(e),
                DirectionItem::Achieved(a) => self.achieved(a),
                DirectionItem::Execution(e) => self.execution(e),
                DirectionItem::Outcome(t) => self.text(t),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_stripped_and_nothing_else() {
        assert_eq!(
            strip_spans("A { span: Span { start: 3, end: 14 }, s: \"Span\" }"),
            "A { span: Span, s: \"Span\" }"
        );
        assert_eq!(strip_spans("Span { start: x }"), "Span { start: x }");
    }
}
