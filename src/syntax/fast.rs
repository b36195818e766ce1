//! A hand-written parser for the grammar (grammar/bdl.pest), for speed: it reads a declaration in one
//! pass with no backtracking beyond an indicator's value, and builds the same syntax tree as
//! `parser::parse_file`. It only answers when it is sure: anything it does not recognise (a syntax
//! error, a lone `\r`, an escaped line end, a file above `MAX_BYTES`) gives `None`, and the caller
//! runs pest, which decides and words every error. So the grammar stays the definition of the
//! language; `tests/fast_parser.rs` and the fuzz target `fast_parser` hold this file to it.
//!
//! Spans follow pest exactly: in a rule, the blanks and comments after an element are skipped before
//! the next one is tried and stay skipped when that one is optional and absent, so a rule ending in
//! optional parts (`income "x" 5   # note`) spans the blanks and comment after its last token.

use super::ast::*;
use super::parser::unescape;
use crate::source::Span;

/// Files above this go to pest alone: pest's call limit (B1003) bounds a whole file's parse, and a
/// file this small stays far below it (real files need 2–5 calls per byte, the limit is 40 M calls).
const MAX_BYTES: usize = 1024 * 1024;

/// The syntax tree of `src`, or `None` when pest must decide.
pub fn parse(src: &str) -> Option<File> {
    if src.len() > MAX_BYTES {
        return None;
    }
    let mut p = P {
        src,
        b: src.as_bytes(),
        at: 0,
    };
    p.file()
}

struct P<'s> {
    src: &'s str,
    b: &'s [u8],
    at: usize,
}

/// `idc` of the grammar: what may not follow a keyword.
fn idc(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// The bytes that end a `word` or `value_unit` (with U+3000, checked apart).
fn ends_word(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b'"' | b'#' | b'{' | b'}' | b'<' | b'>' | b'='
    )
}

const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();

const OPERATORS: &[&str] = &[
    ">=",
    "<=",
    "≥",
    "≤",
    "＝",
    "=",
    ">",
    "<",
    "不低于",
    "不少于",
    "不高于",
    "不超过",
];

const OPTION_KEYWORDS: &[&str] = &["note", "standard", "weight", "explain", "scoring", "sense"];

impl<'s> P<'s> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn rest(&self) -> &'s [u8] {
        self.b.get(self.at..).unwrap_or_default()
    }

    fn slice(&self, start: usize, end: usize) -> Option<&'s str> {
        self.src.get(start..end)
    }

    /// The implicit `(WHITESPACE | COMMENT)*` between the tokens of a rule.
    fn skip(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t') => self.at += 1,
                Some(b'#') => {
                    self.at += memchr::memchr(b'\n', self.rest()).unwrap_or(self.rest().len());
                }
                Some(0xE3) if self.rest().starts_with(IDEOGRAPHIC_SPACE) => self.at += 3,
                _ => return,
            }
        }
    }

    /// `nl`: `\r\n` or `\n`. A `\r` not followed by `\n` is left to pest (`None`).
    fn nl(&mut self) -> Option<bool> {
        match self.peek() {
            Some(b'\n') => {
                self.at += 1;
                Some(true)
            }
            Some(b'\r') if self.b.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(true)
            }
            Some(b'\r') => None,
            _ => Some(false),
        }
    }

    /// `(skip ~ nl)*` then skip: blank and comment lines. Whether at least one line end was passed.
    fn blank_lines(&mut self) -> Option<bool> {
        let mut any = false;
        loop {
            self.skip();
            if !self.nl()? {
                return Some(any);
            }
            any = true;
        }
    }

    fn literal(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s.as_bytes()) {
            self.at += s.len();
            true
        } else {
            false
        }
    }

    /// The keyword `k` not followed by an identifier character.
    fn is_kw(&self, k: &str) -> bool {
        self.rest().starts_with(k.as_bytes())
            && !self.b.get(self.at + k.len()).is_some_and(|&c| idc(c))
    }

    fn kw(&mut self, k: &str) -> Option<()> {
        if self.is_kw(k) {
            self.at += k.len();
            Some(())
        } else {
            None
        }
    }

    /// The run of identifier characters here (a statement's keyword, if it is one).
    fn ident(&self) -> &'s str {
        let n = self.rest().iter().take_while(|&&c| idc(c)).count();
        self.slice(self.at, self.at + n).unwrap_or_default()
    }

    fn string(&mut self) -> Option<Text> {
        let start = self.at;
        if self.peek() != Some(b'"') {
            return None;
        }
        self.at += 1;
        let body_start = self.at;
        let mut escaped = false;
        loop {
            let i = memchr::memchr3(b'"', b'\\', b'\n', self.rest())?;
            self.at += i;
            match self.peek()? {
                b'"' => break,
                // `\` escapes any character; before a line end pest continues the string on the
                // next line: left to pest.
                b'\\' => {
                    if matches!(self.b.get(self.at + 1), None | Some(b'\n')) {
                        return None;
                    }
                    escaped = true;
                    self.at += 1;
                    let c = self.src.get(self.at..)?.chars().next()?;
                    self.at += c.len_utf8();
                }
                _ => return None,
            }
        }
        let body = self.slice(body_start, self.at)?;
        self.at += 1;
        let value = if escaped {
            unescape(body)
        } else {
            body.to_string()
        };
        Some(Text {
            value,
            span: Span::new(start, self.at),
        })
    }

    fn digits(&mut self) -> usize {
        let n = self
            .rest()
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        self.at += n;
        n
    }

    fn number(&mut self) -> Option<Number> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if self.digits() == 0 {
            self.at = start;
            return None;
        }
        if self.peek() == Some(b'.') && self.b.get(self.at + 1).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
            self.digits();
        }
        Some(Number {
            text: self.slice(start, self.at)?.to_string(),
            span: Span::new(start, self.at),
        })
    }

    fn integer(&mut self) -> Option<Number> {
        let start = self.at;
        if self.digits() == 0 {
            return None;
        }
        Some(Number {
            text: self.slice(start, self.at)?.to_string(),
            span: Span::new(start, self.at),
        })
    }

    /// The characters of a `word` from here (possibly none).
    fn word_end(&self) -> usize {
        let mut at = self.at;
        while let Some(&c) = self.b.get(at) {
            if ends_word(c)
                || self
                    .b
                    .get(at..)
                    .is_some_and(|r| r.starts_with(IDEOGRAPHIC_SPACE))
            {
                break;
            }
            at += 1;
        }
        at
    }

    fn word(&mut self) -> Option<Text> {
        let start = self.at;
        let end = self.word_end();
        if end == start {
            return None;
        }
        self.at = end;
        Some(Text {
            value: self.slice(start, end)?.to_string(),
            span: Span::new(start, end),
        })
    }

    fn string_or_word(&mut self) -> Option<Text> {
        if self.peek() == Some(b'"') {
            self.string()
        } else {
            self.word()
        }
    }

    fn money_unit(&mut self) -> Option<MoneyUnit> {
        if self.literal("万元") {
            Some(MoneyUnit::WanYuan)
        } else if self.literal("元") {
            Some(MoneyUnit::Yuan)
        } else {
            None
        }
    }

    /// `amount_lit`: compound-atomic, so no space between the number and its unit.
    fn amount_lit(&mut self) -> Option<AmountLit> {
        let start = self.at;
        let number = self.number()?;
        let unit = self.money_unit();
        Some(AmountLit {
            number,
            unit,
            span: Span::new(start, self.at),
        })
    }

    /// Runs `f` from here; on `None` puts the position back (an optional part of a rule).
    fn optional<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let back = self.at;
        let out = f(self);
        if out.is_none() {
            self.at = back;
        }
        out
    }

    /// `skip ~ f`, put back entirely when `f` does not match.
    fn then<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.optional(|p| {
            p.skip();
            f(p)
        })
    }

    fn file(&mut self) -> Option<File> {
        self.skip();
        if self.literal("\u{FEFF}") {
            self.skip();
        }
        let mut items = Vec::new();
        self.blank_lines()?;
        while self.at < self.b.len() {
            items.push(self.top_item()?);
            if !self.blank_lines()? && self.at < self.b.len() {
                return None;
            }
        }
        Some(File { items })
    }

    fn top_item(&mut self) -> Option<Item> {
        let start = self.at;
        let kw = self.ident();
        let head = |p: &Self| Span::new(start, p.at);
        self.at += kw.len();
        self.skip();
        Some(match kw {
            "indicator" => Item::Indicator(self.indicator(start, Horizon::Annual)?),
            "overall" => Item::Indicator(self.indicator(start, Horizon::Overall)?),
            "direction" => Item::Direction(self.direction(start, DirectionKind::Direction)?),
            "project" => Item::Direction(self.direction(start, DirectionKind::Project)?),
            "income" => Item::Income(self.line(start, "income")?),
            "spending" => Item::Spending(self.line(start, "spending")?),
            "duty" => Item::Duty(self.string()?),
            "goal" => Item::Goal(self.string()?),
            "plan" => {
                let item = self.string()?;
                self.skip();
                self.kw("by")?;
                self.skip();
                let owner = self.string()?;
                self.skip();
                let target = self.string()?;
                Item::Plan(Plan {
                    item,
                    owner,
                    target,
                    span: head(self),
                })
            }
            "task" => {
                let task = self.string()?;
                self.skip();
                self.kw("duty")?;
                self.skip();
                let duty = self.string()?;
                self.skip();
                self.kw("for")?;
                self.skip();
                let funded_by = self.string()?;
                self.skip();
                let amount = self.optional(|p| {
                    p.kw("amount")?;
                    p.skip();
                    p.amount_lit()
                });
                // pest's implicit whitespace before the optional block stays consumed, block or not.
                self.skip();
                let items = if self.peek() == Some(b'{') {
                    self.block(|q| {
                        let s = q.at;
                        if q.is_kw("content") {
                            q.at += "content".len();
                            q.skip();
                            Some(TaskItem::Content(q.string()?))
                        } else {
                            q.kw("income")?;
                            q.skip();
                            Some(TaskItem::Income(q.line(s, "income")?))
                        }
                    })?
                } else {
                    Vec::new()
                };
                Item::Task(Task {
                    task,
                    duty,
                    funded_by,
                    amount,
                    items,
                    span: head(self),
                })
            }
            "year" => {
                let value = self.integer()?;
                Item::Year {
                    value,
                    span: head(self),
                }
            }
            "filer" => Item::Filer(self.string()?),
            "department" => Item::Department(self.string()?),
            "unit" => {
                let unit = self.money_unit()?;
                Item::Unit {
                    unit,
                    span: head(self),
                }
            }
            "precision" => {
                let value = self.integer()?;
                Item::Precision {
                    value,
                    span: head(self),
                }
            }
            "framework" => Item::Framework(self.framework(start)?),
            "scores" => Item::Scores(self.scores(start)?),
            "achieved" => Item::Achieved(self.achieved(start)?),
            "execution" => Item::Execution(self.execution(start)?),
            "outcome" => Item::Outcome(self.string()?),
            "profile" => Item::Profile(self.profile(start)?),
            "form" => Item::Form(self.word()?),
            "budget-code" => Item::Admin(self.admin(start, AdminField::BudgetCode)?),
            "contact" => Item::Admin(self.admin(start, AdminField::Contact)?),
            "total" => {
                let amount = self.amount_lit()?;
                Item::Total {
                    amount,
                    span: head(self),
                }
            }
            _ => return None,
        })
    }

    fn framework(&mut self, start: usize) -> Option<FrameworkDecl> {
        if self.peek() != Some(b'{') {
            return Some(FrameworkDecl::Profile(self.word()?));
        }
        let categories = self.block(|p| {
            let cstart = p.at;
            p.kw("category")?;
            p.skip();
            let level1 = p.string()?;
            p.skip();
            let mut level2 = vec![p.string()?];
            p.skip();
            if let Some(t) = p.optional(Self::string) {
                level2.push(t);
                while let Some(t) = p.then(Self::string) {
                    level2.push(t);
                }
            }
            Some(Category {
                level1,
                level2,
                span: Span::new(cstart, p.at),
            })
        })?;
        Some(FrameworkDecl::Custom {
            categories,
            span: Span::new(start, self.at),
        })
    }

    /// `"{" ~ nl+ ~ (item ~ nl+)* ~ "}"`, here at the `{`.
    fn block<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        if !self.literal("{") {
            return None;
        }
        self.skip();
        if !self.blank_lines()? {
            return None;
        }
        let mut items = Vec::new();
        while !self.literal("}") {
            items.push(item(self)?);
            if !self.blank_lines()? {
                return None;
            }
        }
        Some(items)
    }

    /// `income` or `spending` (`kw` is the keyword, already read): name, amount, derivation, `partial`,
    /// block.
    fn line(&mut self, start: usize, kw: &'static str) -> Option<Line> {
        let name = self.string()?;
        self.skip();
        let declared = self.optional(Self::amount_lit);
        self.skip();
        let derivation = self.optional(Self::derivation);
        self.skip();
        let partial = self.optional(|p| p.kw("partial")).is_some();
        self.skip();
        let mut earlier = Vec::new();
        if let Some(e) = self.optional(Self::earlier) {
            earlier.push(e);
            while let Some(e) = self.then(Self::earlier) {
                earlier.push(e);
            }
        }
        self.skip();
        let children = if self.peek() == Some(b'{') {
            self.block(|q| {
                let s = q.at;
                q.kw(kw)?;
                q.skip();
                q.line(s, kw)
            })?
        } else {
            Vec::new()
        };
        Some(Line {
            name,
            declared,
            derivation,
            partial,
            earlier,
            children,
            span: Span::new(start, self.at),
        })
    }

    /// `prior budget|actual|final [YEAR] AMOUNT`.
    fn earlier(&mut self) -> Option<EarlierFigure> {
        let start = self.at;
        self.kw("prior")?;
        self.skip();
        let kind = if self.is_kw("budget") {
            self.at += "budget".len();
            Earlier::Budget
        } else if self.is_kw("actual") {
            self.at += "actual".len();
            Earlier::Actual
        } else {
            self.kw("final")?;
            Earlier::Final
        };
        self.skip();
        let with_year = self.optional(|p| {
            let year = p.integer()?;
            p.skip();
            Some((year, p.amount_lit()?))
        });
        let (year, amount) = match with_year {
            Some((year, amount)) => (Some(year), amount),
            None => (None, self.amount_lit()?),
        };
        Some(EarlierFigure {
            kind,
            year,
            amount,
            span: Span::new(start, self.at),
        })
    }

    /// The older `prior AMOUNT` after a cost's basis: 上年实际.
    fn bare_prior(&mut self) -> Option<EarlierFigure> {
        let start = self.at;
        self.kw("prior")?;
        self.skip();
        let amount = self.amount_lit()?;
        Some(EarlierFigure {
            kind: Earlier::Actual,
            year: None,
            amount,
            span: Span::new(start, self.at),
        })
    }

    /// An administrative field: one text (`attribute` also takes a word), `contact` an optional
    /// second one (its phone).
    fn admin(&mut self, start: usize, field: AdminField) -> Option<Admin> {
        let value = if field == AdminField::Attribute {
            self.string_or_word()?
        } else {
            self.string()?
        };
        let extra = if field == AdminField::Contact {
            self.skip();
            self.optional(|p| p.string())
        } else {
            None
        };
        Some(Admin {
            field,
            value,
            extra,
            span: Span::new(start, self.at),
        })
    }

    /// `scores (WORD NUMBER)+ [total NUMBER]`, here after the keyword.
    fn scores(&mut self, start: usize) -> Option<Scores> {
        let part = |p: &mut Self| {
            if p.is_kw("total") {
                return None;
            }
            let tier = p.word()?;
            p.skip();
            let points = p.number()?;
            // A range is written without spaces: `30-50`.
            let most = if p.peek() == Some(b'-') {
                p.at += 1;
                Some(p.number()?)
            } else {
                None
            };
            Some(ScorePart { tier, points, most })
        };
        let mut parts = vec![part(self)?];
        self.skip();
        if let Some(x) = self.optional(part) {
            parts.push(x);
            while let Some(x) = self.then(part) {
                parts.push(x);
            }
        }
        self.skip();
        let total = self.optional(|p| {
            p.kw("total")?;
            p.skip();
            p.number()
        });
        Some(Scores {
            parts,
            total,
            span: Span::new(start, self.at),
        })
    }

    /// `achieved STRING actual_value [reason STRING] [score NUMBER]`, here after the keyword.
    fn achieved(&mut self, start: usize) -> Option<Achieved> {
        let name = self.string()?;
        self.skip();
        let value = self.actual()?;
        self.skip();
        let reason = self.optional(|p| {
            p.kw("reason")?;
            p.skip();
            p.string()
        });
        self.skip();
        let score = self.optional(|p| {
            p.kw("score")?;
            p.skip();
            p.number()
        });
        Some(Achieved {
            name,
            value,
            reason,
            score,
            span: Span::new(start, self.at),
        })
    }

    /// `actual_lit | string | word`; `actual_lit` is compound-atomic: the unit touches the number.
    fn actual(&mut self) -> Option<Actual> {
        let start = self.at;
        if let Some(number) = self.optional(Self::number) {
            let unit = if self.word_end() > self.at {
                self.word()
            } else {
                None
            };
            return Some(Actual::Number {
                number,
                unit,
                span: Span::new(start, self.at),
            });
        }
        let quoted = self.peek() == Some(b'"');
        let text = self.string_or_word()?;
        Some(Actual::Words { text, quoted })
    }

    /// `execution [STRING] budget AMOUNT spent AMOUNT`, here after the keyword.
    fn execution(&mut self, start: usize) -> Option<Execution> {
        let line = self.optional(Self::string);
        self.skip();
        self.kw("budget")?;
        self.skip();
        let budget = self.amount_lit()?;
        self.skip();
        self.kw("spent")?;
        self.skip();
        let spent = self.amount_lit()?;
        Some(Execution {
            line,
            budget,
            spent,
            span: Span::new(start, self.at),
        })
    }

    /// `profile WORD (grades N N N | inverse WORD | deviation N)*`, here after the keyword.
    fn profile(&mut self, start: usize) -> Option<ProfileDecl> {
        let name = self.word()?;
        self.skip();
        let mut options = Vec::new();
        if let Some(o) = self.optional(Self::profile_option) {
            options.push(o);
            while let Some(o) = self.then(Self::profile_option) {
                options.push(o);
            }
        }
        Some(ProfileDecl {
            name,
            options,
            span: Span::new(start, self.at),
        })
    }

    fn profile_option(&mut self) -> Option<ProfileOption> {
        let start = self.at;
        if self.kw("grades").is_some() {
            let mut numbers = Vec::new();
            for _ in 0..3 {
                self.skip();
                numbers.push(self.number()?);
            }
            return Some(ProfileOption::Grades(numbers, Span::new(start, self.at)));
        }
        if self.kw("inverse").is_some() {
            self.skip();
            return Some(ProfileOption::Inverse(self.word()?));
        }
        self.kw("deviation")?;
        self.skip();
        let n = self.number()?;
        Some(ProfileOption::Deviation(n, Span::new(start, self.at)))
    }

    fn derivation(&mut self) -> Option<Derivation> {
        if !self.literal("=") {
            return None;
        }
        self.skip();
        let at = self.at;
        if self.is_kw("directions") {
            self.at += "directions".len();
            return Some(Derivation::Directions(Span::new(at, self.at)));
        }
        let mut texts = vec![self.string()?];
        self.skip();
        let plus = |p: &mut Self| {
            if !p.literal("+") {
                return None;
            }
            p.skip();
            p.string()
        };
        if let Some(t) = self.optional(plus) {
            texts.push(t);
            while let Some(t) = self.then(plus) {
                texts.push(t);
            }
        }
        Some(Derivation::Sum(texts))
    }

    fn indicator(&mut self, start: usize, horizon: Horizon) -> Option<Indicator> {
        let first = self.word()?;
        self.skip();
        let second = self.optional(Self::word);
        self.skip();
        let name = self.string()?;
        self.skip();
        let value = self.value()?;
        self.skip();
        let mut options = Vec::new();
        if let Some(o) = self.optional(Self::indicator_option) {
            options.push(o);
            while let Some(o) = self.then(Self::indicator_option) {
                options.push(o);
            }
        }
        let (level1, level2) = match second {
            Some(second) => (Some(first), second),
            None => (None, first),
        };
        Some(Indicator {
            horizon,
            level1,
            level2,
            name,
            value,
            options,
            span: Span::new(start, self.at),
        })
    }

    fn value(&mut self) -> Option<Value> {
        if let Some(v) = self.optional(Self::quantitative) {
            return Some(v);
        }
        let quoted = self.peek() == Some(b'"');
        let text = self.string_or_word()?;
        Some(Value::Qualitative { text, quoted })
    }

    fn quantitative(&mut self) -> Option<Value> {
        let start = self.at;
        let operator = self.optional(|p| {
            let at = p.at;
            let op = OPERATORS
                .iter()
                .find(|op| p.rest().starts_with(op.as_bytes()))?;
            p.at += op.len();
            Some(Text {
                value: (*op).to_string(),
                span: Span::new(at, p.at),
            })
        });
        self.skip();
        let (literal, reference) = match self.optional(Self::reference) {
            Some(r) => (None, Some(r)),
            None => {
                let literal = self.literal_value()?;
                self.skip();
                let reference = self.optional(|p| {
                    p.kw("from")?;
                    p.skip();
                    p.reference()
                });
                (Some(literal), reference)
            }
        };
        Some(Value::Quantitative {
            operator,
            literal,
            reference,
            span: Span::new(start, self.at),
        })
    }

    fn literal_value(&mut self) -> Option<Literal> {
        let start = self.at;
        let number = self.number()?;
        self.skip();
        let unit = self.optional(|p| {
            if OPTION_KEYWORDS.iter().any(|k| p.is_kw(k)) || p.is_kw("from") {
                return None;
            }
            p.word()
        });
        Some(Literal {
            number,
            unit,
            span: Span::new(start, self.at),
        })
    }

    fn reference(&mut self) -> Option<Reference> {
        let start = self.at;
        let of = |p: &mut Self| {
            p.skip();
            p.optional(|q| {
                q.kw("of")?;
                q.skip();
                q.string()
            })
        };
        let (kind, target) = if self.is_kw("people") {
            self.at += "people".len();
            (RefKind::People, of(self))
        } else if self.is_kw("qty") {
            self.at += "qty".len();
            (RefKind::Qty, of(self))
        } else if self.is_kw("amount") {
            self.at += "amount".len();
            (RefKind::Amount, of(self))
        } else if self.is_kw("spending") {
            self.at += "spending".len();
            self.skip();
            (RefKind::Spending, Some(self.string()?))
        } else if self.is_kw("income") {
            self.at += "income".len();
            self.skip();
            (RefKind::Income, Some(self.string()?))
        } else if self.is_kw("total") {
            self.at += "total".len();
            (RefKind::Total, None)
        } else if self.is_kw("directions") {
            self.at += "directions".len();
            (RefKind::Directions, None)
        } else {
            return None;
        };
        Some(Reference {
            kind,
            target,
            span: Span::new(start, self.at),
        })
    }

    fn indicator_option(&mut self) -> Option<IndicatorOption> {
        let kw = self.ident();
        let make: fn(Text) -> IndicatorOption = match kw {
            "note" => IndicatorOption::Note,
            "standard" => IndicatorOption::Standard,
            "explain" => IndicatorOption::Explain,
            "scoring" => IndicatorOption::Scoring,
            "sense" => IndicatorOption::Sense,
            "weight" => {
                self.at += kw.len();
                self.skip();
                return Some(IndicatorOption::Weight(self.number()?));
            }
            _ => return None,
        };
        self.at += kw.len();
        self.skip();
        let arg = match kw {
            "standard" => self.string_or_word()?,
            "sense" => self.word()?,
            _ => self.string()?,
        };
        Some(make(arg))
    }

    fn direction(&mut self, start: usize, kind: DirectionKind) -> Option<Direction> {
        let name = self.string()?;
        self.skip();
        let basis = self.optional(Self::basis);
        self.skip();
        let items = if self.peek() == Some(b'{') {
            self.block(Self::direction_item)?
        } else {
            Vec::new()
        };
        Some(Direction {
            kind,
            name,
            basis,
            items,
            span: Span::new(start, self.at),
        })
    }

    fn direction_item(&mut self) -> Option<DirectionItem> {
        let start = self.at;
        let kw = self.ident();
        self.at += kw.len();
        self.skip();
        Some(match kw {
            "indicator" => DirectionItem::Indicator(self.indicator(start, Horizon::Annual)?),
            "overall" => DirectionItem::Indicator(self.indicator(start, Horizon::Overall)?),
            "cost" => {
                let label = self.string()?;
                self.skip();
                let basis = self.basis()?;
                self.skip();
                let mut earlier = Vec::new();
                if let Some(e) = self.optional(Self::earlier) {
                    earlier.push(e);
                    while let Some(e) = self.then(Self::earlier) {
                        earlier.push(e);
                    }
                } else if let Some(e) = self.optional(Self::bare_prior) {
                    earlier.push(e);
                }
                DirectionItem::Cost(Cost {
                    label,
                    basis,
                    earlier,
                    span: Span::new(start, self.at),
                })
            }
            "direction" => {
                DirectionItem::Direction(self.direction(start, DirectionKind::Direction)?)
            }
            "project" => DirectionItem::Direction(self.direction(start, DirectionKind::Project)?),
            "goal" => DirectionItem::Goal(self.string()?),
            "annual" => DirectionItem::Annual(self.string()?),
            "special" => DirectionItem::Special(self.string()?),
            "kind" => DirectionItem::Kind(self.string()?),
            "period" => DirectionItem::Period(self.string_or_word()?),
            "amount" => {
                let amount = self.amount_lit()?;
                self.skip();
                let basis_text = self.optional(|p| {
                    p.kw("basis")?;
                    p.skip();
                    p.string()
                });
                DirectionItem::Amount {
                    amount,
                    basis_text,
                    span: Span::new(start, self.at),
                }
            }
            "summary-goal" => DirectionItem::SummaryGoal(self.string()?),
            "summary-annual" => DirectionItem::SummaryAnnual(self.string()?),
            "income" => DirectionItem::Income(self.line(start, "income")?),
            "scores" => DirectionItem::Scores(self.scores(start)?),
            "prior" => {
                self.at = start;
                DirectionItem::Earlier(self.earlier()?)
            }
            "achieved" => DirectionItem::Achieved(self.achieved(start)?),
            "execution" => DirectionItem::Execution(self.execution(start)?),
            "outcome" => DirectionItem::Outcome(self.string()?),
            "contact" => DirectionItem::Admin(self.admin(start, AdminField::Contact)?),
            "code" => DirectionItem::Admin(self.admin(start, AdminField::Code)?),
            "attribute" => DirectionItem::Admin(self.admin(start, AdminField::Attribute)?),
            "funding" => DirectionItem::Admin(self.admin(start, AdminField::Funding)?),
            "policy" => DirectionItem::Admin(self.admin(start, AdminField::Policy)?),
            "approval" => DirectionItem::Admin(self.admin(start, AdminField::Approval)?),
            "overview" => DirectionItem::Admin(self.admin(start, AdminField::Overview)?),
            "function" => DirectionItem::Admin(self.admin(start, AdminField::Function)?),
            "total-budget" => DirectionItem::TotalBudget {
                amount: self.amount_lit()?,
                span: Span::new(start, self.at),
            },
            "share" => {
                let recipient = self.string()?;
                self.skip();
                let amount = self.amount_lit()?;
                DirectionItem::Share(Share {
                    recipient,
                    amount,
                    span: Span::new(start, self.at),
                })
            }
            _ => return None,
        })
    }

    /// `"<" ~ count ~ unit_price ~ months? ~ ">"`.
    fn basis(&mut self) -> Option<Basis> {
        let start = self.at;
        if !self.literal("<") {
            return None;
        }
        self.skip();
        let count = if self.is_kw("people") {
            self.at += "people".len();
            self.skip();
            Count::People(self.number()?)
        } else {
            self.kw("qty")?;
            self.skip();
            let number = self.number()?;
            self.skip();
            Count::Qty {
                number,
                unit: self.word()?,
            }
        };
        self.skip();
        let (price, per) = if self.is_kw("rate") {
            self.at += "rate".len();
            self.skip();
            let price = self.number()?;
            self.skip();
            if !self.literal("/") {
                return None;
            }
            self.skip();
            let per = if self.literal("month") {
                Per::Month
            } else if self.literal("year") {
                Per::Year
            } else {
                return None;
            };
            (price, per)
        } else {
            self.kw("price")?;
            self.skip();
            (self.number()?, Per::Once)
        };
        self.skip();
        let months = self.optional(|p| {
            p.kw("months")?;
            p.skip();
            p.number()
        });
        self.skip();
        if !self.literal(">") {
            return None;
        }
        Some(Basis {
            count,
            price,
            per,
            months,
            span: Span::new(start, self.at),
        })
    }
}
