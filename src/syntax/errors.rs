//! pest errors → diagnostics that never name a grammar rule. Spans are built from pest's byte
//! positions (pest's own line/column mixes bytes and characters on Chinese lines).

use super::parser::Rule;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::TOO_COMPLEX;
use crate::syntax::messages::{self as msg, Expected, Found};
use pest::error::{Error, ErrorVariant, InputLocation};

crate::codes::rules! {
    SYNTAX = "B1001", Error, "the line does not follow the bdl grammar", "此行不符合 bdl 语法";
}

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
                TOO_COMPLEX,
                msg::too_complex(),
                span,
                msg::label_parsing_stopped(),
            )
            .with_help(msg::help_too_complex())
        }
        ErrorVariant::CustomError { message } => Diagnostic::new(
            SYNTAX,
            msg::syntax_internal(message),
            span,
            msg::label_here(),
        )
        .with_help(msg::help_report_bug()),
        ErrorVariant::ParsingError { positives, .. } => {
            // In the order of the English words, the same in every language.
            let mut wanted: Vec<Expected> = positives.iter().filter_map(|r| describe(*r)).collect();
            wanted.sort_by_cached_key(|w| w.text().en);
            wanted.dedup();
            let found = found(src, span);
            let message = msg::syntax_expected(&wanted, &found);
            let help = help_for(positives, src, span);
            let label = match found {
                Found::Token(_) => msg::label_not_expected(),
                Found::EndOfLine | Found::EndOfFile => msg::label_incomplete(),
            };
            Diagnostic::new(SYNTAX, message, span, label).with_help(help)
        }
    }
}

/// The span of the token that starts at `start` (up to the next space or end of line), so the
/// underline covers what the reader sees as the offending word.
fn token_at(src: &str, start: usize) -> Span {
    let rest = src.get(start..).unwrap_or_default();
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

fn found(src: &str, span: Span) -> Found {
    if span.start >= src.len() {
        return Found::EndOfFile;
    }
    let t = src.get(span.start..span.end).unwrap_or_default();
    if t.is_empty() {
        Found::EndOfLine
    } else {
        Found::Token(t.chars().take(20).collect())
    }
}

/// A rule in a clerk's words; `None` for rules that are not worth naming.
fn describe(rule: Rule) -> Option<Expected> {
    use Rule::*;
    Some(match rule {
        EOI => Expected::EndOfFile,
        string => Expected::QuotedText,
        number | integer => Expected::Number,
        amount_lit => Expected::Amount,
        word => Expected::Word,
        money_unit => Expected::MoneyUnit,
        top_item | indicator | direction | project | income | spending | duty | plan | goal
        | task | year | filer | department | unit | precision | framework | total | overall => {
            Expected::Statement
        }
        direction_item | cost | special | kind | period | annual | amount | summary_goal
        | summary_annual => Expected::DirectionLine,
        derivation => Expected::Derivation,
        income_block | spending_block | direction_block | task_block | framework_tree => {
            Expected::Block
        }
        value | quantitative | qualitative | literal | reference => Expected::Value,
        operator => Expected::Comparison,
        value_unit => Expected::ValueUnit,
        indicator_option | opt_note | opt_standard | opt_weight | opt_explain | opt_scoring
        | opt_sense => Expected::IndicatorOption,
        basis => Expected::Basis,
        count | people_count | qty_count => Expected::Count,
        unit_price | rate | price => Expected::Price,
        per => Expected::Per,
        months => Expected::Months,
        category => Expected::Category,
        kw_by => Expected::Keyword("by"),
        kw_for => Expected::Keyword("for"),
        kw_duty => Expected::Keyword("duty"),
        kw_of => Expected::Keyword("of"),
        kw_from => Expected::Keyword("from"),
        kw_basis => Expected::Keyword("basis"),
        kw_prior => Expected::Keyword("prior"),
        kw_content => Expected::Keyword("content"),
        _ => return None,
    })
}

/// A concrete example of the form that was expected.
fn help_for(positives: &[Rule], src: &str, span: Span) -> crate::messages::Text {
    use Rule::*;
    let line_start = src
        .get(..span.start)
        .unwrap_or(src)
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = src
        .get(line_start..)
        .unwrap_or_default()
        .lines()
        .next()
        .unwrap_or("")
        .trim_start();
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
        "achieved" => "achieved \"路况优良率\" 81% reason \"汛期水毁路段较多\"",
        "execution" => "execution budget 50 spent 47.5",
        "outcome" => "outcome \"年度目标完成情况……\"",
        "profile" => "profile mof grades 90 80 60",
        "prior" => "prior budget 2024 84",
        "scores" => "scores 产出指标 50 效益指标 30 满意度指标 10",
        "content" => "content \"主要内容……\"",
        _ => "",
    };
    if positives.contains(&string) && !example.is_empty() {
        return msg::help_texts_in_quotes(example);
    }
    if !example.is_empty() {
        return msg::help_line_reads_like(example);
    }
    msg::help_line_starts_with_keyword()
}
