//! The syntax tree as the printer sees it: one node per source line of code, holding that line in its
//! canonical spelling, its place in the canonical order, and (after `attach`) the comments and blank
//! lines around it. Numbers, strings and words are copied from the source byte for byte.

use super::comments::{Comment, Lines};
use crate::source::Span;
use crate::syntax::ast::*;

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
}

/// The canonical order of keywords inside a direction block (docs/formatting.md). Indicators of both
/// horizons share one rank because their written order is their printed order.
pub mod rank {
    pub const SPECIAL: u8 = 0;
    pub const PERIOD: u8 = 1;
    pub const AMOUNT: u8 = 2;
    pub const COST: u8 = 3;
    pub const GOAL: u8 = 4;
    pub const ANNUAL: u8 = 5;
    pub const SUMMARY_GOAL: u8 = 6;
    pub const SUMMARY_ANNUAL: u8 = 7;
    pub const INCOME: u8 = 8;
    pub const INDICATOR: u8 = 9;
    pub const DIRECTION: u8 = 10;
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
            Item::Year { value, span } => h(*span, format!("year {}", value.text), HEADER),
            Item::Filer(t) => h(t.span, format!("filer {}", self.text(t)), HEADER),
            Item::Department(t) => h(t.span, format!("department {}", self.text(t)), HEADER),
            Item::Unit { unit, span } => h(*span, format!("unit {}", amount_unit(*unit)), HEADER),
            Item::Precision { value, span } => {
                h(*span, format!("precision {}", value.text), HEADER)
            }
            Item::Framework(FrameworkDecl::Profile(t)) => {
                h(t.span, format!("framework {}", self.text(t)), HEADER)
            }
            Item::Framework(FrameworkDecl::Custom { categories, span }) => {
                let items = categories
                    .iter()
                    .map(|c| {
                        let mut head = format!("category {}", self.text(&c.level1));
                        for l2 in &c.level2 {
                            head.push(' ');
                            head.push_str(&self.text(l2));
                        }
                        node(c.span, head, HEADER, 0, None)
                    })
                    .collect();
                node(
                    *span,
                    "framework".to_string(),
                    HEADER,
                    0,
                    Some(block(items, false)),
                )
            }
            Item::Total { amount, span } => {
                h(*span, format!("total {}", self.amount(amount)), MONEY)
            }
            Item::Income(l) => self.line("income", l, MONEY, 0),
            Item::Spending(l) => self.line("spending", l, MONEY, 0),
            Item::Duty(t) => h(t.span, format!("duty {}", self.text(t)), DUTY),
            Item::Plan(p) => h(
                p.span,
                format!(
                    "plan {} by {} {}",
                    self.text(&p.item),
                    self.text(&p.owner),
                    self.text(&p.target)
                ),
                PLAN,
            ),
            Item::Goal(t) => h(t.span, format!("goal {}", self.text(t)), GOAL),
            Item::Task(t) => h(
                t.span,
                format!(
                    "task {} duty {} for {}",
                    self.text(&t.task),
                    self.text(&t.duty),
                    self.text(&t.funded_by)
                ),
                GOAL,
            ),
            Item::Indicator(i) => node(i.span, self.indicator(i), INDICATOR, 0, None),
            Item::Direction(d) => self.direction(d),
        }
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
            Horizon::Annual => "indicator",
            Horizon::Overall => "overall",
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
                IndicatorOption::Note(t) => ("note", self.text(t)),
                IndicatorOption::Standard(t) => ("standard", self.text(t)),
                IndicatorOption::Weight(n) => ("weight", n.text.clone()),
                IndicatorOption::Explain(t) => ("explain", self.text(t)),
                IndicatorOption::Scoring(t) => ("scoring", self.text(t)),
                IndicatorOption::Sense(t) => ("sense", self.text(t)),
            };
            s.push(' ');
            s.push_str(kw);
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
                        parts.push("from".to_string());
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
            RefKind::People => ("people", true),
            RefKind::Qty => ("qty", true),
            RefKind::Amount => ("amount", true),
            RefKind::Spending => ("spending", false),
            RefKind::Income => ("income", false),
            RefKind::Total => ("total", false),
            RefKind::Directions => ("directions", false),
        };
        match (&r.target, of) {
            (Some(t), true) => format!("{kw} of {}", self.text(t)),
            (Some(t), false) => format!("{kw} {}", self.text(t)),
            (None, _) => kw.to_string(),
        }
    }

    fn basis(&self, b: &Basis) -> String {
        let count = match &b.count {
            Count::People(n) => format!("people {}", n.text),
            Count::Qty { number, unit } => format!("qty {} {}", number.text, self.text(unit)),
        };
        let price = match b.per {
            Per::Month => format!("rate {}/month", b.price.text),
            Per::Year => format!("rate {}/year", b.price.text),
            Per::Once => format!("price {}", b.price.text),
        };
        match &b.months {
            Some(m) => format!("< {count} {price} months {} >", m.text),
            None => format!("< {count} {price} >"),
        }
    }

    fn direction(&self, d: &Direction) -> Node {
        let mut head = format!(
            "{} {}",
            match d.kind {
                DirectionKind::Direction => "direction",
                DirectionKind::Project => "project",
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

    fn direction_item(&self, item: &DirectionItem) -> Node {
        use rank::*;
        let t = |kw: &str, t: &Text, r| {
            node(
                t.span,
                format!("{kw} {}", self.text(t)),
                group::DIRECTION,
                r,
                None,
            )
        };
        match item {
            DirectionItem::Special(x) => t("special", x, SPECIAL),
            DirectionItem::Kind(x) => t("kind", x, SPECIAL),
            DirectionItem::Period(x) => t("period", x, PERIOD),
            DirectionItem::Goal(x) => t("goal", x, GOAL),
            DirectionItem::Annual(x) => t("annual", x, ANNUAL),
            DirectionItem::SummaryGoal(x) => t("summary-goal", x, SUMMARY_GOAL),
            DirectionItem::SummaryAnnual(x) => t("summary-annual", x, SUMMARY_ANNUAL),
            DirectionItem::Amount {
                amount,
                basis_text,
                span,
            } => {
                let mut head = format!("amount {}", self.amount(amount));
                if let Some(b) = basis_text {
                    head.push_str(" basis ");
                    head.push_str(&self.text(b));
                }
                node(*span, head, group::DIRECTION, AMOUNT, None)
            }
            DirectionItem::Cost(c) => {
                let mut head = format!("cost {} {}", self.text(&c.label), self.basis(&c.basis));
                if let Some(p) = &c.prior {
                    head.push_str(" prior ");
                    head.push_str(&self.amount(p));
                }
                node(c.span, head, group::DIRECTION, COST, None)
            }
            DirectionItem::Indicator(i) => {
                node(i.span, self.indicator(i), group::DIRECTION, INDICATOR, None)
            }
            DirectionItem::Income(l) => self.line("income", l, group::DIRECTION, INCOME),
            DirectionItem::Direction(d) => self.direction(d),
        }
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
