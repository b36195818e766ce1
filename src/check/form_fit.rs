//! What a document declares and its form does not print: the Hunan forms have no column for 分值,
//! 绩效标准, the administrative fields or earlier years' figures, the Ministry's forms no summary table
//! and at most three columns of earlier years. Such a fact is kept in the JSON output, but a reader of
//! the printed tables would never see it, so the document is told once per kind of fact, where it is
//! first written, with the forms that do print it.

use super::Review;
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Form;
use crate::model::{Declaration, Direction, EarlierFigure, Indicator};
use crate::source::Span;

crate::codes::rules! {
    FORM_OMITS = "B2021", Warning, "the form has no place for something the document declares", "所选表样没有填写某项已申报内容的位置";
}

/// A kind of fact the form leaves out: its name on the forms that print it, the keyword that declares
/// it, and every place it is written.
struct Omitted {
    label: &'static str,
    keyword: &'static str,
    places: Vec<Span>,
}

pub fn form_prints_what_is_declared(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut omitted: Vec<Omitted> = Vec::new();
    let mut add = |label: &'static str, keyword: &'static str, at: Span| match omitted
        .iter_mut()
        .find(|o| o.label == label)
    {
        Some(o) => o.places.push(at),
        None => omitted.push(Omitted {
            label,
            keyword,
            places: vec![at],
        }),
    };
    match decl.form {
        Form::Hunan => hunan_omits(decl, &mut add),
        Form::MofProject | Form::MofDepartment => ministry_omits(decl, &mut add),
    }
    omitted
        .into_iter()
        .filter_map(|o| {
            let first = *o.places.first()?;
            Some(
                Diagnostic::new(
                    FORM_OMITS,
                    msg::form_omits(decl.form.name(), o.label, o.keyword, o.places.len()),
                    first,
                    msg::label_not_printed(decl.form.name()),
                )
                .with_help(msg::help_form_omits(decl.form)),
            )
        })
        .collect()
}

fn hunan_omits(decl: &Declaration, add: &mut impl FnMut(&'static str, &'static str, Span)) {
    for (key, label, v) in decl.admin.declared() {
        add(label, admin_keyword(key), v.span);
    }
    if let Some(s) = &decl.scores {
        add("分值", "scores", s.span);
    }
    indicators(&decl.indicators, add);
    lines_earlier(decl.income.iter().chain(&decl.spending), add);
    for t in &decl.tasks {
        if let Some(c) = &t.content {
            add("主要内容", "content", c.span);
        }
        for l in &t.funds {
            add("任务资金来源", "income", l.span);
        }
    }
    for (_, d) in decl.all_directions() {
        for (key, label, v) in d.admin.declared() {
            add(label, admin_keyword(key), v.span);
        }
        if let Some(s) = &d.scores {
            add("分值", "scores", s.span);
        }
        if let Some(t) = &d.total_budget {
            add("项目总预算", "total-budget", t.span);
        }
        for s in &d.shares {
            add("资金分配表", "share", s.span);
        }
        indicators(&d.indicators, add);
        direction_earlier(d, |e| add("以前年度数", "prior", e.span));
    }
}

fn ministry_omits(decl: &Declaration, add: &mut impl FnMut(&'static str, &'static str, Span)) {
    // The department form splits a task's amount into the template's sources (财政拨款, 其他资金),
    // the first ones written; a source beyond them has no column.
    let sources = decl.task_sources();
    for l in decl.tasks.iter().flat_map(|t| &t.funds) {
        let shown = sources
            .iter()
            .position(|s| *s == l.name.value)
            .is_some_and(|at| at < decl.form.task_sources());
        if !shown {
            add("任务资金来源", "income", l.span);
        }
    }
    for (_, d) in decl.all_directions() {
        if let Some(s) = &d.summary_goal {
            add("汇总表目标", "summary-goal", s.span);
        }
        if let Some(s) = &d.summary_annual {
            add("汇总表目标", "summary-annual", s.span);
        }
    }
    // Each block prints the most recent earlier-year columns the form has room for; older ones are
    // declared in vain.
    let keep = decl.form.earlier_columns();
    let mut block = |figures: Vec<&EarlierFigure>| {
        let printed = crate::model::earlier_columns(figures.iter().copied(), keep);
        for e in figures {
            if !printed.contains(&(e.year, e.kind)) {
                add("以前年度数", "prior", e.span);
            }
        }
    };
    let mut department = Vec::new();
    for l in decl.income.iter().chain(&decl.spending) {
        every_line(l, &mut |l| department.extend(&l.earlier));
    }
    block(department);
    for (_, d) in decl.all_directions() {
        let mut funds = d.earlier.iter().collect::<Vec<_>>();
        for l in &d.funds {
            every_line(l, &mut |l| funds.extend(&l.earlier));
        }
        block(funds);
        let mut costs = d.earlier.iter().collect::<Vec<_>>();
        costs.extend(d.costs.iter().flat_map(|c| &c.earlier));
        costs.extend(d.children.iter().flat_map(|c| &c.earlier));
        block(costs);
    }
}

fn indicators(is: &[Indicator], add: &mut impl FnMut(&'static str, &'static str, Span)) {
    for i in is {
        if i.weight.is_some() {
            add("分值", "weight", i.span);
        }
        if i.standard.is_some() {
            add("绩效标准", "standard", i.span);
        }
        if i.explain.is_some() {
            add("指标解释", "explain", i.span);
        }
        if i.scoring.is_some() {
            add("评分标准", "scoring", i.span);
        }
        if i.sense.is_some() {
            add("指标方向", "sense", i.span);
        }
    }
}

fn lines_earlier<'l>(
    lines: impl Iterator<Item = &'l crate::model::Line>,
    add: &mut impl FnMut(&'static str, &'static str, Span),
) {
    for l in lines {
        every_line(l, &mut |l| {
            for e in &l.earlier {
                add("以前年度数", "prior", e.span);
            }
        });
    }
}

/// A direction's figures of earlier years: its own, its fund sources' and its cost items'.
fn direction_earlier(d: &Direction, mut each: impl FnMut(&EarlierFigure)) {
    d.earlier.iter().for_each(&mut each);
    for l in &d.funds {
        every_line(l, &mut |l| l.earlier.iter().for_each(&mut each));
    }
    d.costs.iter().flat_map(|c| &c.earlier).for_each(each);
}

fn every_line<'l>(l: &'l crate::model::Line, f: &mut impl FnMut(&'l crate::model::Line)) {
    f(l);
    for c in &l.children {
        every_line(c, f);
    }
}

/// The keyword that declares an administrative field, by its JSON key (`budget_code` is written
/// `budget-code`; the phone is the second text of `contact`).
fn admin_keyword(key: &'static str) -> &'static str {
    match key {
        "budget_code" => "budget-code",
        "phone" => "contact",
        k => k,
    }
}
