//! Writes what the recogniser read as bdl: the header, the budget lines with the derivations the
//! tables show made explicit (a 项目支出 equal to the directions' 合计 is `= directions`, checked by
//! the compiler), the texts, the indicators under the framework their labels match, the directions.
//! The result is put through the formatter, so `bdl fmt` leaves it unchanged.

use super::tables::{Declaration, Direction, Indicator, Line};
use super::text::{Value, quoted};
use crate::domain::framework::{Framework, PROFILES};
use rust_decimal::Decimal;
use std::fmt::Write;
use std::str::FromStr;

/// The bdl source of one declaration, formatted when it parses. With `bases`, a direction whose
/// table states both factors of its amount (an indicator `55人` with the note `650元/人/月`, or `120次`
/// with `500元/次`) is written with that basis, when it gives the printed amount exactly.
pub fn source(d: &Declaration, file: &str, bases: bool) -> String {
    let text = raw(d, file, bases);
    crate::fmt::format(&text).unwrap_or(text)
}

/// The framework whose labels the indicators use: a built-in one where every 一级/二级 pair is its
/// own (or, failing that, every 二级 one of its names or aliases), else the document's own tree.
pub enum Tree {
    Profile(&'static str),
    Custom(Vec<(String, Vec<String>)>),
}

fn all_indicators(d: &Declaration) -> Vec<&Indicator> {
    fn walk<'a>(ds: &'a [Direction], out: &mut Vec<&'a Indicator>) {
        for x in ds {
            out.extend(x.indicators.iter());
            walk(&x.children, out);
        }
    }
    let mut out: Vec<&Indicator> = d.indicators.iter().collect();
    walk(&d.directions, &mut out);
    out
}

pub fn framework(d: &Declaration) -> Tree {
    let inds = all_indicators(d);
    let exact = PROFILES.iter().find(|p| {
        Framework::profile(p).is_some_and(|f| {
            inds.iter().all(|i| {
                f.slots().any(|(_, t, c)| {
                    c.name == i.level2 && (i.level1.is_empty() || t.name == i.level1)
                })
            })
        })
    });
    if let Some(p) = exact {
        return Tree::Profile(p);
    }
    let loose = PROFILES.iter().find(|p| {
        Framework::profile(p)
            .is_some_and(|f| inds.iter().all(|i| f.find_category(&i.level2).is_some()))
    });
    if let Some(p) = loose {
        return Tree::Profile(p);
    }
    let mut tiers: Vec<(String, Vec<String>)> = Vec::new();
    for i in &inds {
        let tier = if i.level1.is_empty() {
            "指标".to_string()
        } else {
            i.level1.clone()
        };
        let pos = match tiers.iter().position(|(t, _)| *t == tier) {
            Some(p) => p,
            None => {
                tiers.push((tier, Vec::new()));
                tiers.len() - 1
            }
        };
        if let Some((_, cats)) = tiers.get_mut(pos)
            && !cats.contains(&i.level2)
        {
            cats.push(i.level2.clone());
        }
    }
    Tree::Custom(tiers)
}

fn raw(d: &Declaration, file: &str, bases: bool) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# Imported by `bdl import` from {file}");
    if let Some(y) = &d.year {
        let _ = writeln!(o, "year {y}");
    }
    if let Some(f) = &d.filer {
        let _ = writeln!(o, "filer {}", quoted(f));
    }
    if let Some(x) = &d.department {
        let _ = writeln!(o, "department {}", quoted(x));
    }
    if let Some(u) = &d.unit {
        let _ = writeln!(o, "unit {u}");
    }
    // The form, always said: a Hunan department with 履职目标 would otherwise be taken for the
    // Ministry's department form, and the Ministry's forms for Hunan ones under a custom framework.
    let _ = writeln!(o, "form {}", d.form.unwrap_or("hunan"));
    if let Some(c) = &d.budget_code {
        let _ = writeln!(o, "budget-code {}", quoted(c));
    }
    match (&d.contact, &d.phone) {
        (Some(c), Some(p)) => {
            let _ = writeln!(o, "contact {} {}", quoted(c), quoted(p));
        }
        (Some(c), None) => {
            let _ = writeln!(o, "contact {}", quoted(c));
        }
        _ => {}
    }
    match framework(d) {
        Tree::Profile(p) => {
            let _ = writeln!(o, "framework {p}");
        }
        Tree::Custom(tiers) => {
            o.push_str("framework {\n");
            for (t, cats) in tiers {
                let cats: Vec<String> = cats.iter().map(|c| quoted(c)).collect();
                let _ = writeln!(o, "  category {} {}", quoted(&t), cats.join(" "));
            }
            o.push_str("}\n");
        }
    }
    o.push('\n');
    if let Some(t) = &d.total {
        let _ = writeln!(o, "total {t}");
    }
    let directions_total = d
        .directions_total
        .clone()
        .or_else(|| sum(d.directions.iter().map(|x| x.amount.as_deref())));
    for l in &d.income {
        line(&mut o, "income", l, 0, None);
    }
    for l in &d.spending {
        let derived = (!d.directions.is_empty()
            && l.name == "项目支出"
            && same(l.amount.as_deref(), directions_total.as_deref()))
        .then_some("= directions");
        line(&mut o, "spending", l, 0, derived);
    }
    o.push('\n');
    for x in &d.duties {
        let _ = writeln!(o, "duty {}", quoted(x));
    }
    for x in &d.goals {
        let _ = writeln!(o, "goal {}", quoted(x));
    }
    for [item, owner, target] in &d.plans {
        let _ = writeln!(
            o,
            "plan {} by {} {}",
            quoted(item),
            quoted(owner),
            quoted(target)
        );
    }
    for t in &d.tasks {
        let _ = write!(
            o,
            "task {} duty {} for {}",
            quoted(&t.task),
            quoted(&t.duty),
            quoted(&t.funded_by)
        );
        if let Some(a) = &t.amount {
            let _ = write!(o, " amount {a}");
        }
        if t.funds.is_empty() {
            o.push('\n');
        } else {
            o.push_str(" {\n");
            for (source, a) in &t.funds {
                let _ = writeln!(o, "  income {} {a}", quoted(source));
            }
            o.push_str("}\n");
        }
    }
    o.push('\n');
    for i in &d.indicators {
        indicator(&mut o, i, "");
    }
    let unit = if d.unit.as_deref() == Some("元") {
        Decimal::ONE
    } else {
        Decimal::from(10_000)
    };
    for x in &d.directions {
        o.push('\n');
        direction(&mut o, d, x, "", bases.then_some(unit));
    }
    super::evaluation::document(&mut o, d);
    o
}

fn line(o: &mut String, kw: &str, l: &Line, depth: usize, derived: Option<&str>) {
    let indent = "  ".repeat(depth);
    let _ = write!(o, "{indent}{kw} {}", quoted(&l.name));
    if let Some(a) = &l.amount {
        let _ = write!(o, " {a}");
    }
    if let Some(dv) = derived {
        let _ = write!(o, " {dv}");
    }
    let parts = sum(l.children.iter().map(|c| c.amount.as_deref()));
    // Parts that do not add up to the line list only some of them (checked as parts ≤ line).
    if !l.children.is_empty() && !same(parts.as_deref(), l.amount.as_deref()) && l.amount.is_some()
    {
        o.push_str(" partial");
    }
    for (prior, figure) in &l.earlier {
        let _ = write!(o, " {prior} {figure}");
    }
    if !l.children.is_empty() {
        o.push_str(" {\n");
        for c in &l.children {
            line(o, kw, c, depth + 1, None);
        }
        let _ = writeln!(o, "{indent}}}");
    } else {
        o.push('\n');
    }
}

fn indicator(o: &mut String, i: &Indicator, indent: &str) {
    let kw = if i.overall { "overall" } else { "indicator" };
    let category = if i
        .level2
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '='))
    {
        quoted(&i.level2)
    } else {
        i.level2.clone()
    };
    let _ = write!(o, "{indent}{kw} {category} {} ", quoted(&i.name));
    match &i.value {
        Value::Quantity { op, number, unit } if op.is_empty() => {
            let _ = write!(o, "{number}{unit}");
        }
        Value::Quantity { op, number, unit } => {
            let _ = write!(o, "{op} {number}{unit}");
        }
        Value::Quality(t) => o.push_str(&quoted(t)),
    }
    if let Some(n) = &i.note {
        let _ = write!(o, " note {}", quoted(n));
    }
    if let Some(w) = &i.weight {
        let _ = write!(o, " weight {w}");
    }
    for (kw, text) in &i.extras {
        match *kw {
            // A word: the spellings bdl reads (正向, 反向指标 …) have no blanks.
            "sense"
                if !text.chars().any(char::is_whitespace)
                    && !text.contains(['"', '#', '{', '}', '<', '>', '=']) =>
            {
                let _ = write!(o, " sense {text}");
            }
            "sense" => {}
            kw => {
                let _ = write!(o, " {kw} {}", quoted(text));
            }
        }
    }
    o.push('\n');
}

/// The basis a direction's table states: one indicator counting people or things (`= 55人`) whose
/// note is the rate or price alone (`650元/人/月`, `500元/次`), giving the declared amount exactly
/// (a year of months for a monthly rate; the compiler checks it against the period).
fn basis(d: &Direction, yuan_per_unit: Decimal) -> Option<String> {
    if !d.children.is_empty() {
        return None;
    }
    let amount = Decimal::from_str(d.amount.as_deref()?).ok()?;
    let mut found = None;
    for i in &d.indicators {
        let (Value::Quantity { op, number, unit }, Some(note)) = (&i.value, &i.note) else {
            continue;
        };
        if !(op.is_empty() || op == "=") || unit.is_empty() {
            continue;
        }
        let Some(price) = note
            .strip_suffix("元/人/月")
            .map(|p| (p, "month"))
            .or_else(|| note.strip_suffix("元/人/年").map(|p| (p, "year")))
            .filter(|_| unit == "人")
            .or_else(|| {
                note.strip_suffix(&format!("元/{unit}"))
                    .map(|p| (p, "each"))
            })
        else {
            continue;
        };
        let (Ok(count), Ok(each)) = (Decimal::from_str(number), Decimal::from_str(price.0)) else {
            continue;
        };
        let months = if price.1 == "month" {
            Decimal::from(12)
        } else {
            Decimal::ONE
        };
        let yuan = count.checked_mul(each)?.checked_mul(months)?;
        if yuan.checked_div(yuan_per_unit)? != amount {
            continue;
        }
        let text = match price.1 {
            "each" => format!("< qty {number} {unit} price {} >", price.0),
            per => format!("< people {number} rate {}/{per} >", price.0),
        };
        if found.replace(text).is_some() {
            // Two indicators could each be the basis: neither is written.
            return None;
        }
    }
    found
}

fn direction(
    o: &mut String,
    decl: &Declaration,
    d: &Direction,
    indent: &str,
    unit: Option<Decimal>,
) {
    let kw = if d.project { "project" } else { "direction" };
    let stated = d.basis.clone().or_else(|| unit.and_then(|u| basis(d, u)));
    match stated {
        Some(b) => {
            let _ = writeln!(o, "{indent}{kw} {} {b} {{", quoted(&d.name));
        }
        None => {
            let _ = writeln!(o, "{indent}{kw} {} {{", quoted(&d.name));
        }
    }
    let inner = format!("{indent}  ");
    if let Some(s) = &d.special {
        let _ = writeln!(o, "{inner}special {}", quoted(s));
    }
    let admin = [
        ("kind", &d.kind),
        ("code", &d.code),
        ("attribute", &d.attribute),
        ("funding", &d.funding),
        ("function", &d.function),
        ("policy", &d.policy),
        ("approval", &d.approval),
        ("overview", &d.overview),
    ];
    for (kw, v) in admin {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            let _ = writeln!(o, "{inner}{kw} {}", quoted(v));
        }
    }
    if let Some(p) = &d.period {
        let _ = writeln!(o, "{inner}period {}", quoted(p));
    }
    match (&d.amount, &d.basis_words) {
        (Some(a), Some(w)) => {
            let _ = writeln!(o, "{inner}amount {a} basis {}", quoted(w));
        }
        (Some(a), None) => {
            let _ = writeln!(o, "{inner}amount {a}");
        }
        _ => {}
    }
    if let Some(t) = &d.total_budget {
        let _ = writeln!(o, "{inner}total-budget {t}");
    }
    for (prior, figure) in &d.earlier {
        let _ = writeln!(o, "{inner}{prior} {figure}");
    }
    for (name, b, earlier) in &d.costs {
        let _ = write!(o, "{inner}cost {} {b}", quoted(name));
        for (prior, figure) in earlier {
            let _ = write!(o, " {prior} {figure}");
        }
        o.push('\n');
    }
    if !d.scores.is_empty() {
        let _ = write!(o, "{inner}scores");
        for (tier, points) in &d.scores {
            let _ = write!(o, " {tier} {points}");
        }
        if let Some(t) = &d.scores_total {
            let _ = write!(o, " total {t}");
        }
        o.push('\n');
    }
    for (name, a) in &d.shares {
        let _ = writeln!(o, "{inner}share {} {a}", quoted(name));
    }
    for l in &d.funds {
        let mut block = String::new();
        line(&mut block, "income", l, 0, None);
        for text in block.lines() {
            let _ = writeln!(o, "{inner}{text}");
        }
    }
    if let Some(g) = &d.goal {
        let _ = writeln!(o, "{inner}goal {}", quoted(g));
    }
    if let Some(g) = &d.annual {
        let _ = writeln!(o, "{inner}annual {}", quoted(g));
    }
    if let Some(g) = &d.summary_goal
        && d.goal.as_ref() != Some(g)
    {
        let _ = writeln!(o, "{inner}summary-goal {}", quoted(g));
    }
    if let Some(g) = &d.summary_annual
        && d.annual.as_ref() != Some(g)
    {
        let _ = writeln!(o, "{inner}summary-annual {}", quoted(g));
    }
    for i in &d.indicators {
        indicator(o, i, &inner);
    }
    for c in &d.children {
        direction(o, decl, c, &inner, unit);
    }
    // The year-end lines come last in the block, as `bdl fmt` keeps them.
    if let Some(e) = super::evaluation::of(decl, &d.name) {
        super::evaluation::lines(o, e, &inner);
    }
    let _ = writeln!(o, "{indent}}}");
}

/// The exact sum of figures as written, if every one is there.
fn sum<'a>(figures: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut total = Decimal::ZERO;
    let mut any = false;
    for f in figures {
        total = total.checked_add(Decimal::from_str(f?).ok()?)?;
        any = true;
    }
    any.then(|| total.normalize().to_string())
}

fn same(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => match (Decimal::from_str(a), Decimal::from_str(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        },
        _ => false,
    }
}
