//! pest errors → diagnostics that never name a grammar rule. Spans are built from pest's byte
//! positions (pest's own line/column mixes bytes and characters on Chinese lines).

use super::parser::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use pest::error::{Error, ErrorVariant, InputLocation};

pub fn from_pest(src: &str, e: &Error<Rule>) -> Diagnostic {
    let start = match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
    .min(src.len());
    let span = token_at(src, start);
    match &e.variant {
        ErrorVariant::CustomError { message } if super::limits::is_limit_message(message) => {
            Diagnostic::new(
                Code::TooComplex,
                "the file is too complex to parse: the parser gave up here after too much work",
                span,
                "parsing stopped here",
            )
            .with_help(
                "look for unclosed blocks, very long lines or long runs of symbols near here; a real declaration never needs this much work",
            )
        }
        ErrorVariant::CustomError { message } => {
            Diagnostic::new(Code::Syntax, message.clone(), span, "here")
                .with_help("report this to the bdl developers")
        }
        ErrorVariant::ParsingError { positives, .. } => {
            let mut wanted: Vec<&str> = positives.iter().filter_map(|r| describe(*r)).collect();
            wanted.sort_unstable();
            wanted.dedup();
            let found = found_text(src, span);
            let message = if wanted.is_empty() {
                format!("unexpected {found}")
            } else {
                format!("expected {}, found {found}", join_or(&wanted))
            };
            let help = help_for(positives, src, span);
            Diagnostic::new(Code::Syntax, message, span, "not expected here").with_help(help)
        }
    }
}

/// The span of the token that starts at `start` (up to the next space or end of line), so the
/// underline covers what the reader sees as the offending word.
fn token_at(src: &str, start: usize) -> Span {
    let rest = &src[start..];
    let len = rest
        .find([' ', '\t', '\r', '\n', '\u{3000}'])
        .unwrap_or(rest.len());
    // An empty token (end of line, end of file) still gets a one-character caret where possible.
    let len = if len == 0 {
        rest.chars().next().map_or(0, |c| {
            if c == '\n' || c == '\r' {
                0
            } else {
                c.len_utf8()
            }
        })
    } else {
        len
    };
    Span::new(start, start + len)
}

fn found_text(src: &str, span: Span) -> String {
    if span.start >= src.len() {
        return "the end of the file".to_string();
    }
    let t = &src[span.start..span.end];
    if t.is_empty() {
        "the end of the line".to_string()
    } else {
        let short: String = t.chars().take(20).collect();
        format!("`{short}`")
    }
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// A rule in a clerk's words; `None` for rules that are not worth naming.
fn describe(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        EOI => "the end of the file",
        string => "a quoted text (\"…\")",
        number | integer => "a number",
        amount_lit => "an amount (36.72)",
        word => "a word",
        money_unit => "a money unit (万元 or 元)",
        top_item | indicator | direction | project | income | spending | duty | plan | goal
        | task | year | filer | department | unit | precision | framework | total | overall => {
            "a statement (year, income, direction, indicator …)"
        }
        direction_item | cost | special | kind | period | annual | amount | summary_goal
        | summary_annual => {
            "a direction line (special, period, goal, annual, amount, cost, indicator …)"
        }
        derivation => "`= directions` or `= \"line\" + \"line\"`",
        income_block | spending_block | direction_block | framework_tree => "a block in `{ … }`",
        value | quantitative | qualitative | literal | reference => {
            "an indicator value (= 50人, ≥95%, 良好)"
        }
        operator => "a comparison (= ≥ ≤ > <)",
        value_unit => "a unit (人, %, 万元)",
        indicator_option | opt_note | opt_standard | opt_weight | opt_explain | opt_scoring
        | opt_sense => "note, standard, weight, explain, scoring or sense",
        basis => "a cost basis (< people 50 rate 612/month >)",
        count | people_count | qty_count => "`people N` or `qty N 单位`",
        unit_price | rate | price => "`rate N/month`, `rate N/year` or `price N`",
        per => "`/month` or `/year`",
        months => "`months N`",
        category => "a category line (category \"一级指标\" \"二级指标\" …)",
        kw_by => "`by`",
        kw_for => "`for`",
        kw_duty => "`duty`",
        kw_of => "`of`",
        kw_from => "`from`",
        kw_basis => "`basis`",
        kw_prior => "`prior`",
        _ => return None,
    })
}

/// A concrete example of the form that was expected.
fn help_for(positives: &[Rule], src: &str, span: Span) -> String {
    use Rule::*;
    let line_start = src[..span.start.min(src.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = src[line_start..].lines().next().unwrap_or("").trim_start();
    let keyword = line.split_whitespace().next().unwrap_or("");
    let example = match keyword {
        "direction" | "project" => {
            "direction \"治安巡逻防控费\" < people 50 rate 612/month > { … }"
        }
        "cost" => "cost \"一线信访岗位\" < people 5 rate 235/month >",
        "indicator" | "overall" => "indicator 产出数量 \"巡逻人员\" = 50人 note \"612元/人/月\"",
        "income" => "income \"一般公共预算拨款\" 173.4271",
        "spending" => "spending \"项目支出\" = directions",
        "plan" => "plan \"强化责任担当\" by \"区信访局\" \"工作目标……\"",
        "task" => "task \"任务\" duty \"职责\" for \"支出方向\"",
        "amount" => "amount 36.72 basis \"依据招标文件\"",
        "year" => "year 2021",
        "unit" => "unit 万元",
        "framework" => "framework hunan",
        "precision" => "precision 4",
        "total" => "total 173.4271",
        _ => "",
    };
    if positives.contains(&per) {
        return "a rate needs its period: write `rate 612/month` or `rate 612/year`".to_string();
    }
    if positives.contains(&string) && !example.is_empty() {
        return format!("texts are written in ASCII double quotes, for example: {example}");
    }
    if !example.is_empty() {
        return format!("the line should read like: {example}");
    }
    "each line starts with a keyword such as year, filer, income, spending, duty, plan, indicator or direction; see docs/language.md".to_string()
}
