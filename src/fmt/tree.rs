//! The syntax tree as the printer sees it: one node per source line of code, holding that line in its
//! canonical spelling, its place in the canonical order, and (after `attach`) the comments and blank
//! lines around it. Numbers, strings and words are copied from the source byte for byte.

use super::comments::{Comment, Lines};
use crate::source::Span;
use crate::syntax::ast::*;
use crate::syntax::keywords::Keyword as K;

/// A line's words, one blank apart (keywords from `syntax::keywords`, the rest copied from the source).
fn words(parts: &[&str]) -> String {
    parts.join(" ")
}

/// An own-line comment and whether a blank line stood above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub blank_before: bool,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub span: Span,
    /// The item's first line, canonical, without ` {` and without its comment.
    pub head: String,
    /// Top-level group (header, money, duties …): a blank line separates two groups.
    pub group: u8,
    /// Canonical place inside a direction block; items of equal rank keep their order.
    pub rank: u8,
    pub block: Option<Block>,
    pub leading: Vec<Note>,
    pub trailing: Option<String>,
    pub blank_before: bool,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub items: Vec<Node>,
    /// Direction blocks are put in canonical keyword order; other blocks keep the written order.
    pub reorder: bool,
    /// Own-line comments after the last item, before `}`.
    pub dangling: Vec<Note>,
    /// The comment on the `}` line.
    pub closing: Option<String>,
}

impl Node {
    /// A direction or project with a block: set apart by blank lines, like a paragraph.
    pub fn is_isolated(&self) -> bool {
        self.group == group::DIRECTION && self.block.is_some()
    }
}

/// Top-level groups, in the order the seed writes them.
pub mod group {
    pub const HEADER: u8 = 0;
    pub const MONEY: u8 = 1;
    pub const DUTY: u8 = 2;
    pub const PLAN: u8 = 3;
    pub const GOAL: u8 = 4;
    pub const INDICATOR: u8 = 5;
    pub const DIRECTION: u8 = 6;
    /// Year-end facts and the scoring profile (docs/self-evaluation.md).
    pub const YEAR_END: u8 = 7;
}

/// The canonical order of keywords inside a direction block (docs/formatting.md). Indicators of both
/// horizons share one rank because their written order is their printed order.
pub mod rank {
    pub const SPECIAL: u8 = 0;
    /// The administrative fields (`code`, `attribute`, `funding` …), in the written order.
    pub const ADMIN: u8 = 1;
    pub const PERIOD: u8 = 2;
    pub const AMOUNT: u8 = 3;
    pub const TOTAL_BUDGET: u8 = 4;
    /// The direction's figures of earlier years (`prior budget 340`), in the written order.
    pub const EARLIER: u8 = 5;
    pub const COST: u8 = 6;
    pub const SHARE: u8 = 7;
    pub const GOAL: u8 = 8;
    pub const ANNUAL: u8 = 9;
    pub const SUMMARY_GOAL: u8 = 10;
    pub const SUMMARY_ANNUAL: u8 = 11;
    pub const INCOME: u8 = 12;
    pub const INDICATOR: u8 = 13;
    pub const DIRECTION: u8 = 14;
    /// Year-end facts last, so the year-end work is lines added after the targets.
    pub const YEAR_END: u8 = 15;
}

/// The whole file: its items and the comments after the last one.
#[derive(Debug, Clone)]
pub struct Doc {
    pub items: Vec<Node>,
    pub dangling: Vec<Note>,
}

struct Builder<'a> {
    src: &'a str,
}

fn node(span: Span, head: String, group: u8, rank: u8, block: Option<Block>) -> Node {
    Node {
        span,
        head,
        group,
        rank,
        block,
        leading: Vec::new(),
        trailing: None,
        blank_before: false,
    }
}

fn block(items: Vec<Node>, reorder: bool) -> Block {
    Block {
        items,
        reorder,
        dangling: Vec::new(),
        closing: None,
    }
}

/// `>=` and `<=` for `≥` `≤`, `=` for the full-width `＝`; word operators (不低于 …) as written.
pub fn canonical_operator(op: &str) -> &str {
    match op {
        "≥" => ">=",
        "≤" => "<=",
        "＝" => "=",
        other => other,
    }
}

fn amount_unit(u: MoneyUnit) -> &'static str {
    match u {
        MoneyUnit::WanYuan => "万元",
        MoneyUnit::Yuan => "元",
    }
}

impl Builder<'_> {
    /// A string or word exactly as written (quotes and escapes included).
    fn text(&self, t: &Text) -> String {
        self.src
            .get(t.span.start..t.span.end)
            .map_or_else(|| t.value.clone(), str::to_string)
    }

    fn amount(&self, a: &AmountLit) -> String {
        let mut s = a.number.text.clone();
        if let Some(u) = a.unit {
            s.push_str(amount_unit(u));
        }
        s
    }

    /// Whether the block's closing `}` was written (an empty block still is one).
    fn has_block(&self, span: Span) -> bool {
        span.end > span.start && self.src.as_bytes().get(span.end - 1) == Some(&b'}')
    }

    fn item(&self, item: &Item) -> Node {
        use group::*;
        let h = |span, head: String, g| node(span, head, g, 0, None);
        match item {
            Item::Year { value, span } => h(*span, words(&[K::Year.word(), &value.text]), HEADER),
            Item::Filer(t) => h(t.span, words(&[K::Filer.word(), &self.text(t)]), HEADER),
            Item::Department(t) => h(
                t.span,
                words(&[K::Department.word(), &self.text(t)]),
                HEADER,
            ),
            Item::Unit { unit, span } => {
                h(*span, words(&[K::Unit.word(), amount_unit(*unit)]), HEADER)
            }
            Item::Precision { value, span } => {
                h(*span, words(&[K::Precision.word(), &value.text]), HEADER)
            }
            Item::Framework(FrameworkDecl::Profile(t)) => {
                h(t.span, words(&[K::Framework.word(), &self.text(t)]), HEADER)
            }
            Item::Framework(FrameworkDecl::Custom { categories, span }) => {
                let items = categories
                    .iter()
                    .map(|c| {
                        let mut head = words(&[K::Category.word(), &self.text(&c.level1)]);
                        for l2 in &c.level2 {
                            head.push(' ');
                            head.push_str(&self.text(l2));
                        }
                        node(c.span, head, HEADER, 0, None)
                    })
                    .collect();
                node(
                    *span,
                    K::Framework.word().to_string(),
                    HEADER,
                    0,
                    Some(block(items, false)),
                )
            }
            Item::Total { amount, span } => h(
                *span,
                words(&[K::Total.word(), &self.amount(amount)]),
                MONEY,
            ),
            Item::Income(l) => self.line(K::Income.word(), l, MONEY, 0),
            Item::Spending(l) => self.line(K::Spending.word(), l, MONEY, 0),
            Item::Duty(t) => h(t.span, words(&[K::Duty.word(), &self.text(t)]), DUTY),
            Item::Plan(p) => h(
                p.span,
                words(&[
                    K::Plan.word(),
                    &self.text(&p.item),
                    K::By.word(),
                    &self.text(&p.owner),
                    &self.text(&p.target),
                ]),
                PLAN,
            ),
            Item::Goal(t) => h(t.span, words(&[K::Goal.word(), &self.text(t)]), GOAL),
            Item::Task(t) => {
                let mut line = words(&[
                    K::Task.word(),
                    &self.text(&t.task),
                    K::Duty.word(),
                    &self.text(&t.duty),
                    K::For.word(),
                    &self.text(&t.funded_by),
                ]);
                if let Some(a) = &t.amount {
                    line.push(' ');
                    line.push_str(K::Amount.word());
                    line.push(' ');
                    line.push_str(&self.amount(a));
                }
                let b = self.has_block(t.span).then(|| {
                    let items = t
                        .items
                        .iter()
                        .map(|i| match i {
                            TaskItem::Content(c) => node(
                                c.span,
                                words(&[K::Content.word(), &self.text(c)]),
                                GOAL,
                                0,
                                None,
                            ),
                            TaskItem::Income(l) => self.line(K::Income.word(), l, GOAL, 1),
                        })
                        .collect();
                    // 主要内容 first, then the sources in the written order.
                    block(items, true)
                });
                node(t.span, line, GOAL, 0, b)
            }
            Item::Indicator(i) => node(i.span, self.indicator(i), INDICATOR, 0, None),
            Item::Direction(d) => self.direction(d),
            Item::Form(t) => h(t.span, words(&[K::Form.word(), &self.text(t)]), HEADER),
            Item::Admin(a) => node(a.span, self.admin(a), HEADER, 0, None),
            Item::Scores(s) => node(s.span, self.scores(s), INDICATOR, 0, None),
            Item::Achieved(a) => node(a.span, self.achieved(a), YEAR_END, 0, None),
            Item::Execution(e) => node(e.span, self.execution(e), YEAR_END, 0, None),
            Item::Outcome(t) => h(t.span, words(&[K::Outcome.word(), &self.text(t)]), YEAR_END),
            Item::Profile(p) => node(p.span, self.profile(p), YEAR_END, 0, None),
        }
    }

    fn admin(&self, a: &Admin) -> String {
        let keyword = match a.field {
            AdminField::BudgetCode => K::BudgetCode,
            AdminField::Contact => K::Contact,
            AdminField::Code => K::Code,
            AdminField::Attribute => K::Attribute,
            AdminField::Funding => K::Funding,
            AdminField::Policy => K::Policy,
            AdminField::Approval => K::Approval,
            AdminField::Overview => K::Overview,
            AdminField::Function => K::Function,
        };
        let mut head = words(&[keyword.word(), &self.text(&a.value)]);
        if let Some(e) = &a.extra {
            head.push(' ');
            head.push_str(&self.text(e));
        }
        head
    }

    fn line(&self, keyword: &str, l: &Line, group: u8, rank: u8) -> Node {
        let mut head = format!("{keyword} {}", self.text(&l.name));
        if let Some(a) = &l.declared {
            head.push(' ');
            head.push_str(&self.amount(a));
        }
        match &l.derivation {
            Some(Derivation::Directions(_)) => head.push_str(" = directions"),
            Some(Derivation::Sum(parts)) => {
                let parts: Vec<String> = parts.iter().map(|p| self.text(p)).collect();
                head.push_str(" = ");
                head.push_str(&parts.join(" + "));
            }
            None => {}
        }
        if l.partial {
            head.push(' ');
            head.push_str(K::Partial.word());
        }
        for e in &l.earlier {
            head.push(' ');
            head.push_str(&self.earlier(e));
        }
        let b = self.has_block(l.span).then(|| {
            block(
                l.children
                    .iter()
                    .map(|c| self.line(keyword, c, group, rank))
                    .collect(),
                false,
            )
        });
        node(l.span, head, group, rank, b)
    }

    fn indicator(&self, i: &Indicator) -> String {
        let mut s = String::from(match i.horizon {
            Horizon::Annual => K::Indicator.word(),
            Horizon::Overall => K::Overall.word(),
        });
        if let Some(l1) = &i.level1 {
            s.push(' ');
            s.push_str(&self.text(l1));
        }
        s.push(' ');
        s.push_str(&self.text(&i.level2));
        s.push(' ');
        s.push_str(&self.text(&i.name));
        s.push(' ');
        s.push_str(&self.value(&i.value));
        for o in &i.options {
            let (kw, arg) = match o {
                IndicatorOption::Note(t) => (K::Note, self.text(t)),
                IndicatorOption::Standard(t) => (K::Standard, self.text(t)),
                IndicatorOption::Weight(n) => (K::Weight, n.text.clone()),
                IndicatorOption::Explain(t) => (K::Explain, self.text(t)),
                IndicatorOption::Scoring(t) => (K::Scoring, self.text(t)),
                IndicatorOption::Sense(t) => (K::Sense, self.text(t)),
            };
            s.push(' ');
            s.push_str(kw.word());
            s.push(' ');
            s.push_str(&arg);
        }
        s
    }

    fn value(&self, v: &Value) -> String {
        match v {
            Value::Qualitative { text, .. } => self.text(text),
            Value::Quantitative {
                operator,
                literal,
                reference,
                ..
            } => {
                let mut parts = Vec::new();
                if let Some(op) = operator {
                    parts.push(canonical_operator(&op.value).to_string());
                }
                if let Some(l) = literal {
                    let mut s = l.number.text.clone();
                    if let Some(u) = &l.unit {
                        let unit = self.text(u);
                        // `95 .5%` glued would read as the number 95.5: keep such a unit apart.
                        if unit.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                            s.push(' ');
                        }
                        s.push_str(&unit);
                    }
                    parts.push(s);
                    if reference.is_some() {
                        parts.push(K::From.word().to_string());
                    }
                }
                if let Some(r) = reference {
                    parts.push(self.reference(r));
                }
                parts.join(" ")
            }
        }
    }

    fn reference(&self, r: &Reference) -> String {
        let (kw, of) = match r.kind {
            RefKind::People => (K::People, true),
            RefKind::Qty => (K::Qty, true),
            RefKind::Amount => (K::Amount, true),
            RefKind::Spending => (K::Spending, false),
            RefKind::Income => (K::Income, false),
            RefKind::Total => (K::Total, false),
            RefKind::Directions => (K::Directions, false),
        };
        match (&r.target, of) {
            (Some(t), true) => words(&[kw.word(), K::Of.word(), &self.text(t)]),
            (Some(t), false) => words(&[kw.word(), &self.text(t)]),
            (None, _) => kw.word().to_string(),
        }
    }

    fn basis(&self, b: &Basis) -> String {
        let count = match &b.count {
            Count::People(n) => words(&[K::People.word(), &n.text]),
            Count::Qty { number, unit } => words(&[K::Qty.word(), &number.text, &self.text(unit)]),
        };
        let price = match b.per {
            Per::Month => format!("{} {}/month", K::Rate.word(), b.price.text),
            Per::Year => format!("{} {}/year", K::Rate.word(), b.price.text),
            Per::Once => words(&[K::Price.word(), &b.price.text]),
        };
        match &b.months {
            Some(m) => words(&["<", &count, &price, K::Months.word(), &m.text, ">"]),
            None => words(&["<", &count, &price, ">"]),
        }
    }

    fn direction(&self, d: &Direction) -> Node {
        let mut head = format!(
            "{} {}",
            match d.kind {
                DirectionKind::Direction => K::Direction.word(),
                DirectionKind::Project => K::Project.word(),
            },
            self.text(&d.name)
        );
        if let Some(b) = &d.basis {
            head.push(' ');
            head.push_str(&self.basis(b));
        }
        let b = self.has_block(d.span).then(|| {
            block(
                d.items.iter().map(|i| self.direction_item(i)).collect(),
                true,
            )
        });
        node(d.span, head, group::DIRECTION, rank::DIRECTION, b)
    }

    /// `prior budget|actual|final [YEAR] AMOUNT`.
    fn earlier(&self, e: &EarlierFigure) -> String {
        let kind = match e.kind {
            Earlier::Budget => K::Budget,
            Earlier::Actual => K::Actual,
            Earlier::Final => K::Final,
        };
        let mut out = format!("{} {}", K::Prior.word(), kind.word());
        if let Some(y) = &e.year {
            out.push(' ');
            out.push_str(&y.text);
        }
        out.push(' ');
        out.push_str(&self.amount(&e.amount));
        out
    }

    fn direction_item(&self, item: &DirectionItem) -> Node {
        use rank::*;
        let t = |kw: K, t: &Text, r| {
            node(
                t.span,
                words(&[kw.word(), &self.text(t)]),
                group::DIRECTION,
                r,
                None,
            )
        };
        match item {
            DirectionItem::Special(x) => t(K::Special, x, SPECIAL),
            DirectionItem::Kind(x) => t(K::Kind, x, SPECIAL),
            DirectionItem::Period(x) => t(K::Period, x, PERIOD),
            DirectionItem::Goal(x) => t(K::Goal, x, GOAL),
            DirectionItem::Annual(x) => t(K::Annual, x, ANNUAL),
            DirectionItem::SummaryGoal(x) => t(K::SummaryGoal, x, SUMMARY_GOAL),
            DirectionItem::SummaryAnnual(x) => t(K::SummaryAnnual, x, SUMMARY_ANNUAL),
            DirectionItem::Amount {
                amount,
                basis_text,
                span,
            } => {
                let mut head = words(&[K::Amount.word(), &self.amount(amount)]);
                if let Some(b) = basis_text {
                    head.push(' ');
                    head.push_str(K::Basis.word());
                    head.push(' ');
                    head.push_str(&self.text(b));
                }
                node(*span, head, group::DIRECTION, AMOUNT, None)
            }
            DirectionItem::Cost(c) => {
                let mut head =
                    words(&[K::Cost.word(), &self.text(&c.label), &self.basis(&c.basis)]);
                for e in &c.earlier {
                    head.push(' ');
                    head.push_str(&self.earlier(e));
                }
                node(c.span, head, group::DIRECTION, COST, None)
            }
            DirectionItem::Earlier(e) => {
                node(e.span, self.earlier(e), group::DIRECTION, EARLIER, None)
            }
            DirectionItem::Indicator(i) => {
                node(i.span, self.indicator(i), group::DIRECTION, INDICATOR, None)
            }
            DirectionItem::Income(l) => self.line(K::Income.word(), l, group::DIRECTION, INCOME),
            DirectionItem::Direction(d) => self.direction(d),
            DirectionItem::Admin(a) => node(a.span, self.admin(a), group::DIRECTION, ADMIN, None),
            DirectionItem::TotalBudget { amount, span } => node(
                *span,
                words(&[K::TotalBudget.word(), &self.amount(amount)]),
                group::DIRECTION,
                TOTAL_BUDGET,
                None,
            ),
            DirectionItem::Share(sh) => node(
                sh.span,
                words(&[
                    K::Share.word(),
                    &self.text(&sh.recipient),
                    &self.amount(&sh.amount),
                ]),
                group::DIRECTION,
                SHARE,
                None,
            ),
            DirectionItem::Scores(s) => {
                node(s.span, self.scores(s), group::DIRECTION, INDICATOR, None)
            }
            DirectionItem::Achieved(a) => {
                node(a.span, self.achieved(a), group::DIRECTION, YEAR_END, None)
            }
            DirectionItem::Execution(e) => {
                node(e.span, self.execution(e), group::DIRECTION, YEAR_END, None)
            }
            DirectionItem::Outcome(x) => t(K::Outcome, x, YEAR_END),
        }
    }

    /// `achieved "名称" 1250公里 reason "…" score 20`
    fn achieved(&self, a: &Achieved) -> String {
        let value = match &a.value {
            Actual::Number { number, unit, .. } => {
                let mut s = number.text.clone();
                if let Some(u) = unit {
                    s.push_str(&u.value);
                }
                s
            }
            Actual::Words { text, .. } => self.text(text),
        };
        let mut parts = vec![K::Achieved.word().to_string(), self.text(&a.name), value];
        if let Some(r) = &a.reason {
            parts.push(K::Reason.word().to_string());
            parts.push(self.text(r));
        }
        if let Some(n) = &a.score {
            parts.push(K::Score.word().to_string());
            parts.push(n.text.clone());
        }
        parts.join(" ")
    }

    /// `execution "财政拨款" budget 300 spent 290`
    fn execution(&self, e: &Execution) -> String {
        let mut parts = vec![K::Execution.word().to_string()];
        if let Some(l) = &e.line {
            parts.push(self.text(l));
        }
        parts.push(K::Budget.word().to_string());
        parts.push(self.amount(&e.budget));
        parts.push(K::Spent.word().to_string());
        parts.push(self.amount(&e.spent));
        parts.join(" ")
    }

    /// `profile mof grades 80 70 60 inverse ratio deviation 20`
    fn profile(&self, p: &ProfileDecl) -> String {
        let mut parts = vec![K::Profile.word().to_string(), self.text(&p.name)];
        for o in &p.options {
            match o {
                ProfileOption::Grades(ns, _) => {
                    parts.push(K::Grades.word().to_string());
                    parts.extend(ns.iter().map(|n| n.text.clone()));
                }
                ProfileOption::Inverse(t) => {
                    parts.push(K::Inverse.word().to_string());
                    parts.push(self.text(t));
                }
                ProfileOption::Deviation(n, _) => {
                    parts.push(K::Deviation.word().to_string());
                    parts.push(n.text.clone());
                }
            }
        }
        parts.join(" ")
    }

    /// `scores 产出指标 50 效益指标 30 total 90`
    fn scores(&self, s: &Scores) -> String {
        let mut parts = vec![K::Scores.word().to_string()];
        for part in &s.parts {
            parts.push(self.text(&part.tier));
            match &part.most {
                Some(most) => parts.push(format!("{}-{}", part.points.text, most.text)),
                None => parts.push(part.points.text.clone()),
            }
        }
        if let Some(t) = &s.total {
            parts.push(K::Total.word().to_string());
            parts.push(t.text.clone());
        }
        parts.join(" ")
    }
}

/// The printer's tree for a parsed file, comments not yet attached.
pub fn build(src: &str, file: &File) -> Doc {
    let b = Builder { src };
    Doc {
        items: file.items.iter().map(|i| b.item(i)).collect(),
        dangling: Vec::new(),
    }
}

/// Puts every comment next to the line it belongs to: an own-line comment above the item that follows
/// it (or before the `}` / the end of the file when none follows), an end-of-line comment on the item
/// whose line it ends.
pub fn attach(doc: &mut Doc, src: &str, comments: &[Comment]) {
    let lines = Lines::new(src);
    let mut eol: std::collections::HashMap<usize, &Comment> = std::collections::HashMap::new();
    for c in comments.iter().filter(|c| !c.own_line) {
        eol.insert(c.line, c);
    }
    let ctx = Attach {
        lines: &lines,
        comments,
        eol,
    };
    doc.dangling = ctx.seq(&mut doc.items, 0, src.len());
}

struct Attach<'a> {
    lines: &'a Lines<'a>,
    comments: &'a [Comment],
    eol: std::collections::HashMap<usize, &'a Comment>,
}

impl Attach<'_> {
    /// The own-line comments that start in `[from, to)` (comments are in source order).
    fn notes(&self, from: usize, to: usize) -> Vec<Note> {
        let lo = self.comments.partition_point(|c| c.start < from);
        let hi = self.comments.partition_point(|c| c.start < to).max(lo);
        self.comments
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter(|c| c.own_line)
            .map(|c| Note {
                text: c.text.clone(),
                blank_before: self.lines.blank_above(c.line),
            })
            .collect()
    }

    /// Attaches within `[from, to)` and returns the comments after the last item.
    fn seq(&self, items: &mut [Node], from: usize, to: usize) -> Vec<Note> {
        let mut prev = from;
        for n in items.iter_mut() {
            let line = self.lines.line_of(n.span.start);
            n.leading = self.notes(prev, n.span.start);
            n.blank_before = self.lines.blank_above(line);
            n.trailing = self.eol.get(&line).map(|c| c.text.clone());
            if let Some(b) = &mut n.block {
                b.dangling = self.seq(&mut b.items, n.span.start, n.span.end);
                let close = self.lines.line_of(n.span.end.saturating_sub(1));
                if close != line {
                    b.closing = self.eol.get(&close).map(|c| c.text.clone());
                }
            }
            prev = n.span.end;
        }
        self.notes(prev, to)
    }
}
