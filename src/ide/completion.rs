//! Completion from where the cursor stands: keywords that may start the line (top level, in a
//! direction, in a framework or breakdown block), the framework's categories after `indicator`, values,
//! references and options after an indicator's name, units after a number, names of directions and
//! lines inside a reference's quotes, and inside the year-end statements, `prior`, `profile` and
//! `task` what may follow. A character an input method typed (anything not ASCII) before the cursor
//! offers nothing unless the list was asked for: lists must not pop up in the middle of Chinese text.

use super::analysis::Analysis;
use super::navigation::{self, NameKind};
use crate::domain::framework::{Framework, PROFILES};
use crate::domain::scoring::ProfileKind;
use crate::messages::{self as msg, Text};
use crate::source::Span;
use crate::syntax::keywords::{Keyword, Place};
use crate::syntax::scan;
use pinyin::ToPinyin;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Also match categories by the first letters of their pinyin (`slzb` finds 数量指标).
    pub pinyin_initials: bool,
    /// The list was asked for (Ctrl-Space in an editor that tells it from typing, as the web page's
    /// does): offered after a character an input method typed too. Lists that pop up while typing
    /// never follow such a character.
    pub explicit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Keyword,
    Category,
    Unit,
    Value,
    Name,
    Operator,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    pub detail: Option<Text>,
    /// What replaces `replace`.
    pub insert: String,
    /// The text the editor matches what was typed against.
    pub filter: String,
    pub replace: Span,
}

const OPTION_KEYWORDS: &[&str] = &["note", "standard", "weight", "explain", "scoring", "sense"];

const REFERENCES: &[&str] = &[
    "people",
    "qty",
    "amount",
    "spending",
    "income",
    "total",
    "directions",
];

/// Units of quantitative indicators, commonest first.
pub const UNITS: &[&str] = &[
    "%",
    "人",
    "人次",
    "万元",
    "元",
    "个",
    "次",
    "项",
    "件",
    "台",
    "套",
    "户",
    "家",
    "所",
    "亩",
    "公里",
    "平方米",
    "天",
    "小时",
    "个月",
    "年",
    "期",
    "场",
    "份",
    "篇",
    "元/亩",
    "元/人",
];

/// Qualitative values the official tables use.
pub const VALUES: &[&str] = &[
    "良好",
    "优秀",
    "达标",
    "合格",
    "达成年度指标",
    "长期",
    "持续",
    "持续提升",
    "逐步提升",
    "显著提升",
    "有效提升",
    "明显改善",
    "有效改善",
    "是",
    "否",
];

const OPERATORS: &[&str] = &[
    ">=",
    "<=",
    "=",
    ">",
    "<",
    "不低于",
    "不高于",
    "不少于",
    "不超过",
];

/// The block the cursor is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Top,
    Direction,
    Framework,
    Income,
    Spending,
    /// A task's `{ … }`: `content` and its sources.
    Task,
}

pub fn complete(a: &Analysis, offset: usize, options: Options) -> Vec<Item> {
    let src = &a.src;
    let offset = src.floor_char_boundary(offset.min(src.len()));
    let before_cursor = src.get(..offset).unwrap_or_default();
    if !options.explicit
        && before_cursor
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii())
    {
        return Vec::new();
    }
    let (line_start, _) = scan::line_around(src, offset);
    let prefix = src.get(line_start..offset).unwrap_or_default();
    if scan::comment_start(prefix).is_some() {
        return Vec::new();
    }
    let framework = a
        .declaration
        .as_ref()
        .map(|d| d.framework.clone())
        .or_else(|| Framework::profile("hunan"));
    let cx = Cx {
        a,
        offset,
        framework,
        options,
    };
    // Inside quotes: a name, where a reference is being written.
    if let Some(open) = scan::unterminated_string(prefix) {
        let before_quote = prefix.get(..open).unwrap_or_default();
        return cx.names_in_quotes(before_quote, Span::new(line_start + open + 1, offset));
    }
    let partial_len = prefix
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '<' | '>' | '=' | '{' | '}'))
        .map(char::len_utf8)
        .sum::<usize>();
    let replace = Span::new(offset - partial_len, offset);
    let partial = src.get(replace.start..replace.end).unwrap_or_default();
    let done = prefix.get(..prefix.len() - partial_len).unwrap_or_default();
    let words = words(done);
    let Some(first) = words.first().copied() else {
        return cx.keywords(block_at(src, line_start), replace);
    };
    let last = words.last().copied().unwrap_or_default();
    // A number being typed: its unit (an actual's: its target's unit first).
    let achieved_number = first == "achieved" && words.len() == 2;
    if partial.starts_with(|c: char| c.is_ascii_digit())
        && (matches!(first, "indicator" | "overall") || achieved_number)
    {
        let digits: String = partial
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let own = achieved_number
            .then(|| cx.target_unit(last))
            .flatten()
            .filter(|u| !u.is_empty());
        let units: Vec<&str> = own
            .as_deref()
            .into_iter()
            .chain(UNITS.iter().copied().filter(|u| Some(*u) != own.as_deref()))
            .collect();
        return units
            .iter()
            .map(|u| Item {
                label: format!("{digits}{u}"),
                kind: ItemKind::Unit,
                detail: Some(msg::completion_unit()),
                insert: format!("{digits}{u}"),
                filter: format!("{digits}{u}"),
                replace,
            })
            .collect();
    }
    match (first, last) {
        // Figures of earlier years, wherever they may follow (a line, a direction, a cost).
        (_, "prior") => cx.plain(&["budget", "actual", "final"], ItemKind::Keyword, replace),
        ("cost", _) if last == ">" || done.trim_end().ends_with('>') => {
            cx.plain(&["prior"], ItemKind::Keyword, replace)
        }
        ("income" | "spending", _)
            if words.len() >= 3 && last.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            cx.plain(&["prior"], ItemKind::Keyword, replace)
        }
        ("execution", _) => cx.execution(&words, replace),
        ("achieved", _) => cx.achieved(&words, replace),
        ("profile", _) => cx.profile(&words, replace),
        ("task", _) => cx.task(&words, replace),
        (_, "unit") if words.len() == 1 => cx.plain(&["万元", "元"], ItemKind::Unit, replace),
        (_, "framework") if words.len() == 1 => cx.plain(PROFILES, ItemKind::Value, replace),
        (_, "standard") => cx.plain(
            &["计划标准", "行业标准", "历史标准"],
            ItemKind::Value,
            replace,
        ),
        (_, "sense") => cx.plain(&["正向", "反向"], ItemKind::Value, replace),
        (_, "of") => cx.quoted_names(NameKind::Direction, replace),
        ("indicator" | "overall", _) => cx.indicator(&words, replace),
        _ if last == "<" || done.trim_end().ends_with('<') => {
            cx.plain(&["people", "qty"], ItemKind::Keyword, replace)
        }
        _ if prefix.contains('<') && !prefix.contains('>') => {
            let basis = prefix.rsplit('<').next().unwrap_or_default();
            let has = |k: &str| basis.split_whitespace().any(|w| w == k);
            if has("rate") || has("price") {
                cx.plain(&["months"], ItemKind::Keyword, replace)
            } else {
                cx.plain(&["rate", "price"], ItemKind::Keyword, replace)
            }
        }
        _ if partial.contains('/') || done.ends_with('/') => {
            let start = replace.start + partial.find('/').map_or(0, |i| i + 1);
            cx.plain(
                &["month", "year"],
                ItemKind::Keyword,
                Span::new(start, offset),
            )
        }
        _ => Vec::new(),
    }
}

struct Cx<'a> {
    a: &'a Analysis,
    offset: usize,
    framework: Option<Framework>,
    options: Options,
}

impl Cx<'_> {
    fn plain(&self, labels: &[&str], kind: ItemKind, replace: Span) -> Vec<Item> {
        labels
            .iter()
            .map(|l| Item {
                label: (*l).to_string(),
                kind,
                detail: (kind == ItemKind::Keyword).then(|| msg::keyword_meaning(l)),
                insert: (*l).to_string(),
                filter: (*l).to_string(),
                replace,
            })
            .collect()
    }

    /// The keywords that start a line in `block`, from the keyword table.
    fn keywords(&self, block: Block, replace: Span) -> Vec<Item> {
        let starting = |place: Place| -> Vec<&'static str> {
            Keyword::ALL
                .iter()
                .filter(|k| k.starts().contains(&place))
                .map(|k| k.word())
                .collect()
        };
        let list = match block {
            Block::Top => starting(Place::Document),
            Block::Direction => starting(Place::Direction),
            Block::Framework => starting(Place::Framework),
            Block::Task => starting(Place::Task),
            Block::Income => vec![Keyword::Income.word()],
            Block::Spending => vec![Keyword::Spending.word()],
        };
        self.plain(&list, ItemKind::Keyword, replace)
    }

    /// After `indicator`: a category; after its name: a value, an operator or a reference; after the
    /// value: options.
    fn indicator(&self, words: &[&str], replace: Span) -> Vec<Item> {
        let strings = words.iter().filter(|w| w.starts_with('"')).count();
        let after_name = words.iter().position(|w| w.starts_with('"'));
        match after_name {
            None => self.categories(words.get(1).copied(), replace),
            Some(i) if strings == 1 && words.len() == i + 1 => {
                let mut items = self.plain(OPERATORS, ItemKind::Operator, replace);
                items.extend(self.plain(REFERENCES, ItemKind::Keyword, replace));
                items.extend(self.values(replace));
                items
            }
            Some(_) => {
                let last = words.last().copied().unwrap_or_default();
                if OPERATORS.contains(&last) {
                    self.plain(REFERENCES, ItemKind::Keyword, replace)
                } else if last == "from" {
                    self.plain(&["people", "qty", "amount"], ItemKind::Keyword, replace)
                } else if matches!(last, "people" | "qty" | "amount") {
                    let mut items = self.plain(&["of"], ItemKind::Keyword, replace);
                    items.extend(self.plain(OPTION_KEYWORDS, ItemKind::Keyword, replace));
                    items
                } else if matches!(last, "spending") {
                    self.quoted_names(NameKind::SpendingLine, replace)
                } else if matches!(last, "income") {
                    self.quoted_names(NameKind::IncomeLine, replace)
                } else {
                    let mut items = self.plain(OPTION_KEYWORDS, ItemKind::Keyword, replace);
                    items.extend(self.plain(&["from"], ItemKind::Keyword, replace));
                    items
                }
            }
        }
    }

    /// `execution ["LINE"] budget N spent N`: a funding line of the table or `budget` first, then
    /// `spent` after the budget's figure.
    fn execution(&self, words: &[&str], replace: Span) -> Vec<Item> {
        let last = words.last().copied().unwrap_or_default();
        let before = words
            .len()
            .checked_sub(2)
            .and_then(|i| words.get(i))
            .copied();
        // `budget` here is this year's (全年预算数), not an earlier year's as after `prior`.
        let budget = || {
            let mut items = self.plain(&["budget"], ItemKind::Keyword, replace);
            for i in &mut items {
                i.detail = Some(msg::execution_budget_meaning());
            }
            items
        };
        if words.len() == 1 {
            let mut items = budget();
            items.extend(self.quoted(&self.table_names(false), NameKind::IncomeLine, replace));
            return items;
        }
        if words.len() == 2 && last.starts_with('"') {
            return budget();
        }
        if before == Some("budget") && !words.contains(&"spent") {
            return self.plain(&["spent"], ItemKind::Keyword, replace);
        }
        Vec::new()
    }

    /// `achieved "NAME" VALUE [reason "…"] [score N]`: the table's indicators are offered inside the
    /// quotes; after the name, the three results (and a qualitative target's own words); after the
    /// value, `reason` and `score`.
    fn achieved(&self, words: &[&str], replace: Span) -> Vec<Item> {
        match words {
            [_] => self.quoted(&self.table_names(true), NameKind::Indicator, replace),
            [_, name] if name.starts_with('"') => {
                let mut words: Vec<String> = Vec::new();
                if let Some(own) = self.target_words(name) {
                    words.push(own);
                }
                for r in ["达成", "部分达成", "未达成"] {
                    if !words.iter().any(|w| w == r) {
                        words.push(r.to_string());
                    }
                }
                words
                    .into_iter()
                    .map(|w| Item {
                        label: w.clone(),
                        kind: ItemKind::Value,
                        detail: Some(msg::completion_result()),
                        insert: w.clone(),
                        filter: self.with_initials(&w),
                        replace,
                    })
                    .collect()
            }
            [_, _, rest @ ..] => {
                let last = rest.last().copied().unwrap_or_default();
                if matches!(last, "reason" | "score") {
                    return Vec::new();
                }
                let left: Vec<&str> = ["reason", "score"]
                    .into_iter()
                    .filter(|k| !rest.contains(k))
                    .collect();
                self.plain(&left, ItemKind::Keyword, replace)
            }
            _ => Vec::new(),
        }
    }

    /// `profile NAME [grades A B C] [inverse linear|ratio] [deviation N]`.
    fn profile(&self, words: &[&str], replace: Span) -> Vec<Item> {
        let last = words.last().copied().unwrap_or_default();
        match words.len() {
            1 => self.plain(ProfileKind::NAMES, ItemKind::Value, replace),
            _ if last == "inverse" => self.plain(&["linear", "ratio"], ItemKind::Value, replace),
            _ if matches!(last, "grades" | "deviation") => Vec::new(),
            _ => {
                let left: Vec<&str> = ["grades", "inverse", "deviation"]
                    .into_iter()
                    .filter(|k| !words.contains(k))
                    .collect();
                self.plain(&left, ItemKind::Keyword, replace)
            }
        }
    }

    /// `task "T" duty "D" for "X" amount N {`: the next keyword after each string; after `for`, the
    /// names of what may fund a task.
    fn task(&self, words: &[&str], replace: Span) -> Vec<Item> {
        let last = words.last().copied().unwrap_or_default();
        match last {
            "for" => {
                let mut items = self.quoted_names(NameKind::Direction, replace);
                items.extend(self.quoted_names(NameKind::SpendingLine, replace));
                items
            }
            "task" | "duty" | "amount" => Vec::new(),
            _ if words.len() >= 2 => {
                let left: Vec<&str> = ["duty", "for", "amount"]
                    .into_iter()
                    .filter(|k| !words.contains(k))
                    .collect();
                self.plain(&left, ItemKind::Keyword, replace)
            }
            _ => Vec::new(),
        }
    }

    /// The names a year-end fact at the cursor may give: its table's 年度 indicators (`indicator`), or
    /// its funding lines — the list lowering checks against.
    fn table_names(&self, indicator: bool) -> Vec<String> {
        let Some(decl) = &self.a.declaration else {
            return Vec::new();
        };
        let at = Span::new(self.offset, self.offset);
        let (indicators, lines) = super::analysis::table_at(decl, at);
        crate::lower::year_end::known_names(indicators, lines, indicator)
    }

    /// The 年度 indicator of the table at the cursor that `quoted` (`"日常养护里程"`) names.
    fn target(&self, quoted: &str) -> Option<&crate::model::Indicator> {
        let decl = self.a.declaration.as_ref()?;
        let name = quoted.trim_matches('"');
        let (indicators, _) = super::analysis::table_at(decl, Span::new(self.offset, self.offset));
        indicators
            .iter()
            .find(|i| i.horizon == crate::domain::Horizon::Annual && i.name.value == name)
    }

    /// The unit of the target of the indicator `quoted` names.
    fn target_unit(&self, quoted: &str) -> Option<String> {
        match &self.target(quoted)?.value {
            crate::model::Value::Quantity { unit_text, .. } => unit_text.clone(),
            _ => None,
        }
    }

    /// A qualitative target's own words (`持续改善`), which an actual may repeat.
    fn target_words(&self, quoted: &str) -> Option<String> {
        match &self.target(quoted)?.value {
            crate::model::Value::Quality { text, .. } => Some(text.clone()),
            _ => None,
        }
    }

    fn values(&self, replace: Span) -> Vec<Item> {
        VALUES
            .iter()
            .map(|v| Item {
                label: (*v).to_string(),
                kind: ItemKind::Value,
                detail: Some(msg::completion_value()),
                insert: (*v).to_string(),
                filter: self.with_initials(v),
                replace,
            })
            .collect()
    }

    /// The framework's 二级指标 (or, after a 一级指标, that tier's), and its 一级指标 right after
    /// `indicator`.
    fn categories(&self, tier_written: Option<&str>, replace: Span) -> Vec<Item> {
        let Some(fw) = &self.framework else {
            return Vec::new();
        };
        let tier_index = tier_written.and_then(|t| fw.find_tier(t));
        let mut items = Vec::new();
        for (ti, tier) in fw.tiers.iter().enumerate() {
            if tier_index.is_some_and(|i| i != ti) {
                continue;
            }
            for c in &tier.categories {
                items.push(Item {
                    label: c.name.clone(),
                    kind: ItemKind::Category,
                    detail: Some(msg::completion_category(&tier.name, &fw.name)),
                    insert: c.name.clone(),
                    filter: self.with_initials(&c.name),
                    replace,
                });
            }
        }
        if tier_written.is_none() {
            for tier in &fw.tiers {
                items.push(Item {
                    label: tier.name.clone(),
                    kind: ItemKind::Category,
                    detail: Some(msg::completion_category(&tier.name, &fw.name)),
                    insert: tier.name.clone(),
                    filter: self.with_initials(&tier.name),
                    replace,
                });
            }
        }
        items
    }

    /// `数量指标 slzb` when pinyin initials are on: what the editor matches typing against.
    fn with_initials(&self, name: &str) -> String {
        if !self.options.pinyin_initials {
            return name.to_string();
        }
        let initials: String = name
            .to_pinyin()
            .flatten()
            .map(|p| p.first_letter())
            .collect();
        if initials.is_empty() {
            name.to_string()
        } else {
            format!("{name} {initials}")
        }
    }

    fn names(&self, kind: NameKind) -> Vec<String> {
        navigation::defined(self.a, kind)
    }

    /// Names inserted with their quotes (after `of`, `spending`, `income`).
    fn quoted_names(&self, kind: NameKind, replace: Span) -> Vec<Item> {
        self.quoted(&self.names(kind), kind, replace)
    }

    fn quoted(&self, names: &[String], kind: NameKind, replace: Span) -> Vec<Item> {
        names
            .iter()
            .map(|n| Item {
                label: format!("\"{n}\""),
                kind: ItemKind::Name,
                detail: Some(name_detail(kind)),
                insert: format!("\"{n}\""),
                filter: format!("\"{n}\""),
                replace,
            })
            .collect()
    }

    /// Inside quotes after `of`, `spending`, `income`, `for`, `=` or `+`, or a year-end fact's
    /// `achieved "`, `execution "`: the names it may refer to.
    fn names_in_quotes(&self, before_quote: &str, replace: Span) -> Vec<Item> {
        let words = words(before_quote);
        let first = words.first().copied().unwrap_or_default();
        let last = words.last().copied().unwrap_or_default();
        let names: Vec<(NameKind, String)> = match (first, last) {
            // A task is funded by a direction or project, or by a spending line (基本支出).
            ("task", "for") => [NameKind::Direction, NameKind::SpendingLine]
                .into_iter()
                .flat_map(|k| self.names(k).into_iter().map(move |n| (k, n)))
                .collect(),
            ("achieved", "achieved") => self.kinded(NameKind::Indicator, self.table_names(true)),
            ("execution", "execution") => {
                self.kinded(NameKind::IncomeLine, self.table_names(false))
            }
            (_, "of" | "for") => self.kinded(NameKind::Direction, self.names(NameKind::Direction)),
            ("indicator" | "overall", "spending") | ("spending", "=" | "+") => {
                self.kinded(NameKind::SpendingLine, self.names(NameKind::SpendingLine))
            }
            ("indicator" | "overall", "income") | ("income", "=" | "+") => {
                self.kinded(NameKind::IncomeLine, self.names(NameKind::IncomeLine))
            }
            _ => return Vec::new(),
        };
        // The closing quote may be typed already.
        let after = self.a.src.get(self.offset..).unwrap_or_default();
        let closes = after.starts_with('"');
        names
            .into_iter()
            .map(|(kind, n)| Item {
                label: n.clone(),
                kind: ItemKind::Name,
                detail: Some(name_detail(kind)),
                insert: if closes { n.clone() } else { format!("{n}\"") },
                filter: n,
                replace,
            })
            .collect()
    }

    fn kinded(&self, kind: NameKind, names: Vec<String>) -> Vec<(NameKind, String)> {
        names.into_iter().map(|n| (kind, n)).collect()
    }
}

fn name_detail(kind: NameKind) -> Text {
    match kind {
        NameKind::Direction => msg::completion_name_direction(),
        NameKind::IncomeLine | NameKind::Fund => msg::completion_name_line("income"),
        NameKind::SpendingLine => msg::completion_name_line("spending"),
        NameKind::Indicator => msg::completion_name_indicator(),
    }
}

/// The words of a line's code, strings kept whole (`indicator 产出数量 "巡逻人员" >=`).
fn words(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in code.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(code.get(s..i).unwrap_or_default());
            }
            continue;
        }
        if start.is_none() {
            start = Some(i);
        }
        if c == '"' {
            in_string = true;
        }
    }
    if let Some(s) = start {
        out.push(code.get(s..).unwrap_or_default());
    }
    out
}

/// The block a line starts in: the keywords of the lines that opened the blocks still open there.
fn block_at(src: &str, line_start: usize) -> Block {
    let mut stack: Vec<Block> = Vec::new();
    for line in src.get(..line_start).unwrap_or_default().lines() {
        let opener = match line.split_whitespace().next() {
            Some("direction" | "project") => Block::Direction,
            Some("framework") => Block::Framework,
            Some("task") => Block::Task,
            Some("income") => Block::Income,
            Some("spending") => Block::Spending,
            _ => Block::Top,
        };
        for (_, c) in scan::code_chars(line) {
            match c {
                '{' => stack.push(opener),
                '}' => {
                    stack.pop();
                }
                _ => {}
            }
        }
    }
    let inner = stack.last().copied().unwrap_or(Block::Top);
    // A direction's own funds are `income` lines too; inside a direction they follow its keywords.
    if inner == Block::Income && stack.contains(&Block::Direction) {
        return Block::Income;
    }
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(src: &str, options: Options) -> Vec<String> {
        let at = src.find('‸').unwrap();
        let text = src.replace('‸', "");
        let a = crate::ide::analyse(&text);
        complete(&a, at, options)
            .into_iter()
            .map(|i| i.label)
            .collect()
    }

    #[test]
    fn pinyin_initials_find_categories_only_when_asked() {
        let src = "year 2021\nframework mof-2015\nindicator slzb‸\n";
        let on = Options {
            pinyin_initials: true,
            explicit: false,
        };
        let a = crate::ide::analyse(&src.replace('‸', ""));
        let items = complete(&a, src.find('‸').unwrap(), on);
        let quantity = items.iter().find(|i| i.label == "数量指标").unwrap();
        assert_eq!(quantity.filter, "数量指标 slzb");
        let items = complete(&a, src.find('‸').unwrap(), Options::default());
        let quantity = items.iter().find(|i| i.label == "数量指标").unwrap();
        assert_eq!(quantity.filter, "数量指标");
    }

    #[test]
    fn nothing_after_a_character_an_input_method_typed() {
        assert!(labels("year 2021\nindicator 产出‸", Options::default()).is_empty());
    }

    #[test]
    fn a_list_asked_for_follows_chinese_letters_too() {
        let asked = Options {
            explicit: true,
            ..Options::default()
        };
        let offered = labels("year 2021\nindicator 产出‸", asked);
        assert!(offered.contains(&"产出数量".to_string()), "{offered:?}");
    }
}
