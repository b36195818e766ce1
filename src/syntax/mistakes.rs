//! The common mistakes of people who type declarations in Chinese input methods, each recognised at
//! the place of a syntax error and explained with the corrected line.

use super::scan;
use crate::diagnostic::{Code, Diagnostic};
use crate::messages as msg;
use crate::source::Span;

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

pub const KEYWORDS: &[&str] = &[
    "year",
    "filer",
    "department",
    "unit",
    "precision",
    "framework",
    "category",
    "total",
    "income",
    "spending",
    "duty",
    "goal",
    "plan",
    "task",
    "indicator",
    "overall",
    "direction",
    "project",
    "special",
    "kind",
    "period",
    "amount",
    "cost",
    "annual",
    "summary-goal",
    "summary-annual",
];

/// A diagnostic for a known mistake on the line of a syntax error at `pos`, if there is one.
pub fn recognise(src: &str, pos: usize, wants_period: bool) -> Option<Diagnostic> {
    let (start, end) = scan::line_around(src, pos);
    let line = src.get(start..end).unwrap_or_default();
    full_width(line, start)
        .or_else(|| unterminated_string(line, start))
        .or_else(|| thousands_separator(line, start, pos))
        .or_else(|| {
            rate_missing_period(line, start)
                .or_else(|| wants_period.then(|| rate_without_period(src, pos)))
        })
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
            Code::UnknownMoneyUnit,
            msg::unknown_money_unit(word),
            Span::new(start + at, start + at + word.len()),
            msg::label_not_a_money_unit(),
        )
        .with_help(msg::help_money_unit(suggestion))
    };
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    // `unit` as the keyword (followed by a blank), not the start of another word such as `units`.
    if let Some(rest) = trimmed
        .strip_prefix("unit")
        .filter(|r| r.starts_with([' ', '\t', '\u{3000}']))
    {
        let word = rest.split_whitespace().next().unwrap_or("");
        let at = lead + 4 + rest.find(word).unwrap_or(0);
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
            Code::UnterminatedString,
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
            Code::FullWidthPunctuation,
            msg::full_width(c, ascii),
            Span::new(start + offset, start + offset + c.len_utf8()),
            msg::label_full_width(),
        )
        .with_help(msg::help_half_width(&fixed)),
    )
}

/// The line with look-alikes outside strings replaced; “…” become an ASCII-quoted string.
pub fn fix_line(line: &str) -> String {
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
                    Code::ThousandsSeparator,
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

fn rate_without_period(src: &str, pos: usize) -> Diagnostic {
    let (line_start, _) = scan::line_around(src, pos);
    let rate_at = src
        .get(line_start..pos)
        .and_then(|before| before.rfind("rate"))
        .map_or(pos, |i| line_start + i);
    Diagnostic::new(
        Code::RateWithoutPeriod,
        msg::rate_without_period(),
        Span::new(rate_at, pos.max(rate_at)),
        msg::label_per_what(),
    )
    .with_help(msg::help_rate_period_example())
}

/// `rate 612` with no `/month` or `/year` after the number.
fn rate_missing_period(line: &str, start: usize) -> Option<Diagnostic> {
    let code: String = scan::code_chars(line).iter().map(|(_, c)| *c).collect();
    let (_, rest) = code.split_once("rate")?;
    let rest = rest.trim_start();
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, after) = rest.split_at_checked(digits).unwrap_or((rest, ""));
    if number.is_empty() || after.trim_start().starts_with('/') {
        return None;
    }
    let line_at = line.find("rate").unwrap_or(0);
    let end = line
        .get(line_at..)
        .and_then(|from_rate| from_rate.find(number))
        .map_or(line_at + 4, |i| line_at + i + number.len());
    Some(
        Diagnostic::new(
            Code::RateWithoutPeriod,
            msg::rate_number_without_period(number),
            Span::new(start + line_at, start + end),
            msg::label_per_what(),
        )
        .with_help(msg::help_rate_number_period(number)),
    )
}

/// The keyword a misspelt word at the start of a line most likely means (`indicater` → `indicator`).
pub fn suggest_keyword(word: &str) -> Option<String> {
    let candidates: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
    crate::framework::suggest(&word.to_ascii_lowercase(), &candidates)
        .into_iter()
        .find(|s| strsim::levenshtein(s, &word.to_ascii_lowercase()) <= 3)
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
        || KEYWORDS.contains(&word)
        || start + lead != pos
    {
        return None;
    }
    let suggestion = suggest_keyword(word);
    let help = match &suggestion {
        Some(s) => msg::did_you_mean_code(s),
        None => msg::help_keywords(),
    };
    Some(
        Diagnostic::new(
            Code::UnknownKeyword,
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

    fn code_of(line: &str) -> Option<Code> {
        recognise(line, line.find('!').map_or(0, |i| i), false).map(|d| d.code)
    }

    #[test]
    fn mistakes_are_recognised() {
        assert_eq!(
            code_of("filer “石峰区信访局”"),
            Some(Code::FullWidthPunctuation)
        );
        assert_eq!(code_of("goal \"未闭合"), Some(Code::UnterminatedString));
        assert_eq!(
            code_of("income \"其他资金\" 173,427.1"),
            Some(Code::ThousandsSeparator)
        );
        assert_eq!(
            code_of("indicater 产出数量 \"x\" = 1"),
            Some(Code::UnknownKeyword)
        );
        assert_eq!(
            code_of("direction \"巡逻\" < people 50 rate 612 >"),
            Some(Code::RateWithoutPeriod)
        );
        assert_eq!(
            code_of("direction \"巡逻\" < people 50 rate 612/month >"),
            None
        );
        assert_eq!(
            fix_line("direction “巡逻” ＜ people 50 rate 612／month ＞"),
            "direction \"巡逻\" < people 50 rate 612/month >"
        );
    }
}
