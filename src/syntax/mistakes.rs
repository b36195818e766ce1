//! The common mistakes of people who type declarations in Chinese input methods, each recognised at
//! the place of a syntax error and explained with the corrected line.

use super::keywords::{self, Keyword};
use super::scan;
use crate::diagnostic::Diagnostic;
use crate::source::Span;
use crate::syntax::messages as msg;

crate::codes::rules! {
    FULL_WIDTH_PUNCTUATION = "B1010", Error, "full-width punctuation where ASCII is meant", "应使用半角符号处写成了全角标点";
    UNTERMINATED_STRING = "B1011", Error, "a text in quotes is not closed on its line", "引号中的文字未在本行闭合";
    THOUSANDS_SEPARATOR = "B1012", Error, "a number is written with thousands separators", "数字中写了千位分隔符";
    RATE_WITHOUT_PERIOD = "B1013", Error, "a rate does not say per month or per year", "标准未写明按月还是按年";
    UNKNOWN_KEYWORD = "B1014", Error, "a line starts with a word that is not a keyword", "行首的词不是关键字";
    UNKNOWN_MONEY_UNIT = "B1016", Error, "a money unit is neither 万元 nor 元", "金额单位既不是万元也不是元";
}

/// Full-width characters that stand for ASCII syntax, with their ASCII form.
const LOOK_ALIKES: &[(char, &str)] = &[
    ('＜', "<"),
    ('＞', ">"),
    ('《', "<"),
    ('》', ">"),
    ('“', "\""),
    ('”', "\""),
    ('＂', "\""),
    ('｛', "{"),
    ('｝', "}"),
    ('＝', "="),
    ('＃', "#"),
    ('／', "/"),
    ('，', " "),
    ('：', " "),
    ('；', " "),
    ('．', "."),
    ('０', "0"),
    ('１', "1"),
    ('２', "2"),
    ('３', "3"),
    ('４', "4"),
    ('５', "5"),
    ('６', "6"),
    ('７', "7"),
    ('８', "8"),
    ('９', "9"),
];

/// A diagnostic for a known mistake on the line of a syntax error at `pos`, if there is one.
pub fn recognise(src: &str, pos: usize, wants_period: bool) -> Option<Diagnostic> {
    let (start, end) = scan::line_around(src, pos);
    let line = src.get(start..end).unwrap_or_default();
    full_width(line, start)
        .or_else(|| unterminated_string(line, start))
        .or_else(|| super::unit_words::recognise(line, start))
        .or_else(|| thousands_separator(line, start, pos))
        .or_else(|| rate_without_period(line, start, pos, wants_period))
        .or_else(|| money_unit_misspelled(line, start))
        .or_else(|| unknown_keyword(line, start, pos))
}

/// `unit 万`, `income "其他资金" 100万`: a money unit cut short or misspelled.
fn money_unit_misspelled(line: &str, start: usize) -> Option<Diagnostic> {
    let found = |at: usize, word: &str| {
        let suggestion = if word.contains('万') {
            "万元"
        } else {
            "元"
        };
        Diagnostic::new(
            UNKNOWN_MONEY_UNIT,
            msg::unknown_money_unit(word),
            Span::new(start + at, start + at + word.len()),
            msg::label_not_a_money_unit(),
        )
        .with_help(msg::help_money_unit(suggestion))
    };
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    // `unit` as the keyword (followed by a blank), not the start of another word such as `units`.
    let unit = Keyword::Unit.word();
    if let Some(rest) = trimmed
        .strip_prefix(unit)
        .filter(|r| r.starts_with([' ', '\t', '\u{3000}']))
    {
        let word = rest.split_whitespace().next().unwrap_or("");
        let at = lead + unit.len() + rest.find(word).unwrap_or(0);
        if !word.is_empty() && !word.starts_with('#') && word != "万元" && word != "元" {
            return Some(found(at, word));
        }
    }
    // A number directly followed by 万 (or 万圆, 萬元 …) where 万元 is meant.
    let code = scan::code_chars(line);
    code.windows(2).find_map(|w| {
        let &[(_, digit), (at, c)] = w else {
            return None;
        };
        if !(digit.is_ascii_digit() && (c == '万' || c == '萬')) {
            return None;
        }
        let after = line.get(at..).unwrap_or_default();
        let word = after
            .split(|ch: char| ch.is_whitespace() || ch == '#')
            .next()
            .unwrap_or_default();
        (word != "万元").then(|| found(at, word))
    })
}

fn unterminated_string(line: &str, start: usize) -> Option<Diagnostic> {
    let open = scan::unterminated_string(line)?;
    let text = line.trim_end();
    // `"…”`: closed with a full-width quote, which is text inside a string.
    let help = match text.strip_suffix(['”', '＂', '“']) {
        Some(body) => msg::help_fullwidth_closing_quote(&format!("{body}\"")),
        None => msg::help_add_closing_quote(&format!("{text}\"")),
    };
    Some(
        Diagnostic::new(
            UNTERMINATED_STRING,
            msg::unterminated_text(),
            Span::new(start + open, start + line.len()),
            msg::label_no_closing_quote(),
        )
        .with_help(help),
    )
}

fn full_width(line: &str, start: usize) -> Option<Diagnostic> {
    let code = scan::code_chars(line);
    let (offset, c, ascii) = code.iter().find_map(|(i, c)| {
        LOOK_ALIKES
            .iter()
            .find(|(f, _)| f == c)
            .map(|(f, a)| (*i, *f, *a))
    })?;
    let fixed = fix_line(line);
    Some(
        Diagnostic::new(
            FULL_WIDTH_PUNCTUATION,
            msg::full_width(c, ascii),
            Span::new(start + offset, start + offset + c.len_utf8()),
            msg::label_full_width(),
        )
        .with_help(msg::help_half_width(&fixed)),
    )
}

/// The line with look-alikes outside strings replaced; “…” become an ASCII-quoted string.
fn fix_line(line: &str) -> String {
    // Offsets in ascending order, so membership is a binary search (lines can be megabytes long).
    let code: Vec<usize> = scan::code_chars(line).into_iter().map(|(i, _)| i).collect();
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        match LOOK_ALIKES.iter().find(|(f, _)| *f == c) {
            Some((_, a)) if code.binary_search(&i).is_ok() => out.push_str(a),
            _ => out.push(c),
        }
    }
    out.trim_end().to_string()
}

fn thousands_separator(line: &str, start: usize, pos: usize) -> Option<Diagnostic> {
    // A comma (ASCII or full-width) between digits, in code, at or right after the error.
    let code = scan::code_chars(line);
    for w in code.windows(3) {
        let &[(_, a), (i, comma), (_, b)] = w else {
            continue;
        };
        if (comma == ',' || comma == '，')
            && a.is_ascii_digit()
            && b.is_ascii_digit()
            && start + i + 1 >= pos.saturating_sub(8)
        {
            let num_start = code
                .iter()
                .rev()
                .filter(|(j, _)| *j < i)
                .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
                .last()
                .map_or(i, |(j, _)| *j);
            let num_end = code
                .iter()
                .filter(|(j, _)| *j > i)
                .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '，' || *c == '.')
                .last()
                .map_or(i + 1, |(j, c)| j + c.len_utf8());
            let written = line.get(num_start..num_end).unwrap_or_default();
            let plain: String = written
                .chars()
                .filter(|c| *c != ',' && *c != '，')
                .collect();
            return Some(
                Diagnostic::new(
                    THOUSANDS_SEPARATOR,
                    msg::thousands_separator(written),
                    Span::new(start + num_start, start + num_end),
                    msg::label_no_separators(),
                )
                .with_help(msg::help_plain_number(&plain)),
            );
        }
    }
    None
}

/// B1013, recognised here only: `rate 612` with no `/month` or `/year`. The first `rate` keyword of
/// the line (a whole word, outside strings and comments) followed by a number and no `/` is named with
/// its number; else, when the parser stopped where the period must come (`rate 612/`, `rate 612/week`),
/// the `rate` before the error is.
fn rate_without_period(
    line: &str,
    start: usize,
    pos: usize,
    wants_period: bool,
) -> Option<Diagnostic> {
    // Offsets in ascending order, so membership is a binary search.
    let code: Vec<usize> = scan::code_chars(line).into_iter().map(|(i, _)| i).collect();
    let rates: Vec<usize> = keywords::occurrences(line, Keyword::Rate)
        .filter(|i| code.binary_search(i).is_ok())
        .collect();
    let bare = rates.iter().find_map(|&at| {
        let rest = line.get(at + Keyword::Rate.word().len()..)?;
        let spaced = rest.trim_start_matches([' ', '\t', '\u{3000}']);
        let digits = spaced
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(spaced.len());
        let (number, after) = spaced.split_at_checked(digits)?;
        let end = at + Keyword::Rate.word().len() + (rest.len() - spaced.len()) + digits;
        (!number.is_empty() && !after.trim_start().starts_with('/')).then_some((at, end, number))
    });
    if let Some((at, end, number)) = bare {
        return Some(
            Diagnostic::new(
                RATE_WITHOUT_PERIOD,
                msg::rate_number_without_period(number),
                Span::new(start + at, start + end),
                msg::label_per_what(),
            )
            .with_help(msg::help_rate_number_period(number)),
        );
    }
    if !wants_period {
        return None;
    }
    let rate_at = rates
        .iter()
        .rev()
        .map(|i| start + i)
        .find(|i| *i <= pos)
        .unwrap_or(pos);
    Some(
        Diagnostic::new(
            RATE_WITHOUT_PERIOD,
            msg::rate_without_period(),
            Span::new(rate_at, pos.max(rate_at)),
            msg::label_per_what(),
        )
        .with_help(msg::help_rate_period_example()),
    )
}

fn unknown_keyword(line: &str, start: usize, pos: usize) -> Option<Diagnostic> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let word = trimmed
        .split([' ', '\t', '{', '"', '<'])
        .next()
        .unwrap_or_default();
    if word.is_empty()
        || word == "}"
        || word.starts_with('#')
        || Keyword::from_word(word).is_some_and(Keyword::starts_statement)
        || start + lead != pos
    {
        return None;
    }
    let candidates: Vec<String> = keywords::statement_words().map(str::to_string).collect();
    let suggestion = crate::domain::framework::suggest(&word.to_ascii_lowercase(), &candidates)
        .into_iter()
        .find(|s| strsim::levenshtein(s, &word.to_ascii_lowercase()) <= 3);
    let help = match &suggestion {
        Some(s) => msg::did_you_mean_code(s),
        None => {
            let (document, direction) = keywords::statement_lists();
            msg::help_keywords(&document, &direction)
        }
    };
    Some(
        Diagnostic::new(
            UNKNOWN_KEYWORD,
            msg::unknown_keyword(word),
            Span::new(start + lead, start + lead + word.len()),
            msg::label_unknown_keyword(),
        )
        .with_help(help),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(line: &str) -> Option<crate::codes::Code> {
        recognise(line, line.find('!').map_or(0, |i| i), false).map(|d| d.code)
    }

    #[test]
    fn mistakes_are_recognised() {
        assert_eq!(
            code_of("filer “石峰区信访局”"),
            Some(FULL_WIDTH_PUNCTUATION)
        );
        assert_eq!(code_of("goal \"未闭合"), Some(UNTERMINATED_STRING));
        assert_eq!(
            code_of("income \"其他资金\" 173,427.1"),
            Some(THOUSANDS_SEPARATOR)
        );
        assert_eq!(
            code_of("indicater 产出数量 \"x\" = 1"),
            Some(UNKNOWN_KEYWORD)
        );
        assert_eq!(
            code_of("direction \"巡逻\" < people 50 rate 612 >"),
            Some(RATE_WITHOUT_PERIOD)
        );
        assert_eq!(
            code_of("direction \"巡逻\" < people 50 rate 612/month >"),
            None
        );
        assert_eq!(
            code_of("direction \"巡逻\" < people 50 rate 612 > # rate 1/month"),
            Some(RATE_WITHOUT_PERIOD)
        );
        // `rate` inside another word, a string or a comment is no rate.
        assert_eq!(code_of("direction \"rate 5\" { # rate 612"), None);
        assert_eq!(code_of("corporate 612"), Some(UNKNOWN_KEYWORD));
        assert_eq!(
            fix_line("direction “巡逻” ＜ people 50 rate 612／month ＞"),
            "direction \"巡逻\" < people 50 rate 612/month >"
        );
    }
}
