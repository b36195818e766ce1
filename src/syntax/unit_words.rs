//! Three mistakes of clerks who write units where the language has them already: a rate per zero
//! months (`612/0month`), a year with 年 (`year 2025年`), a price with 元 (`price 50元`). Each gets a
//! message about what it is and the corrected line, not the grammar's "unexpected". Spaces between the
//! number and the word (`price 50 元`, `year 2025 年`, `/0 month`) and a decimal count (`612/0.0month`)
//! are the same mistakes.

use super::errors::SYNTAX;
use super::messages as msg;
use super::mistakes::RATE_WITHOUT_PERIOD;
use super::scan;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// A diagnostic for one of these mistakes on `line` (which starts at byte `start` of the file).
pub fn recognise(line: &str, start: usize) -> Option<Diagnostic> {
    zero_period(line, start)
        .or_else(|| year_with_nian(line, start))
        .or_else(|| price_with_yuan(line, start))
}

/// The byte offset in `line` of `needle` in its code (outside texts and comments).
fn code_find(line: &str, needle: &str) -> Option<usize> {
    let code = scan::code_chars(line);
    let text: String = code.iter().map(|(_, c)| *c).collect();
    let at = text.find(needle)?;
    let chars_before = text.get(..at)?.chars().count();
    code.get(chars_before).map(|(i, _)| *i)
}

/// `rate 612/0month`, `rate 612/12month`: a rate is per one month or one year.
fn zero_period(line: &str, start: usize) -> Option<Diagnostic> {
    let rate = code_find(line, "rate")?;
    let after = line.get(rate..)?;
    let slash = after.find('/')?;
    let rest = after.get(slash + 1..)?;
    let digits = rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let count = rest.get(..digits)?;
    let (gap, word) = word_after(rest.get(digits..)?, &["month", "year"])?;
    if !count.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let written = rest.get(..digits + gap.len())?;
    let at = start + rate + slash + 1;
    Some(
        Diagnostic::new(
            RATE_WITHOUT_PERIOD,
            msg::rate_period_with_count(written, word),
            Span::new(at, at + written.len() + word.len()),
            msg::label_period_count(),
        )
        .with_help(msg::help_rate_period_with_count(word)),
    )
}

/// `year 2025年`: the year is a bare number.
fn year_with_nian(line: &str, start: usize) -> Option<Diagnostic> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let rest = trimmed.strip_prefix("year")?;
    let number = rest.trim_start();
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let year = number.get(..digits).filter(|d| !d.is_empty())?;
    let (gap, word) = word_after(number.get(digits..)?, &["年度", "年"])?;
    let written = number.get(..digits + gap.len())?;
    let at = start + lead + 4 + (rest.len() - number.len()) + digits + gap.len();
    Some(
        Diagnostic::new(
            SYNTAX,
            msg::year_with_nian(written, word),
            Span::new(at, at + word.len()),
            msg::label_year_word(),
        )
        .with_help(msg::help_year_bare(year)),
    )
}

/// `price 50元`, `price 50万元`: prices are in 元 already.
fn price_with_yuan(line: &str, start: usize) -> Option<Diagnostic> {
    let price = code_find(line, "price")?;
    let rest = line.get(price + 5..)?;
    let number = rest.trim_start();
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .len();
    let value = number.get(..digits).filter(|d| !d.is_empty())?;
    let (gap, word) = word_after(number.get(digits..)?, &["万元", "元"])?;
    let written = number.get(..digits + gap.len())?;
    let at = start + price + 5 + (rest.len() - number.len()) + digits + gap.len();
    Some(
        Diagnostic::new(
            SYNTAX,
            msg::price_with_unit(written, word),
            Span::new(at, at + word.len()),
            msg::label_price_unit(),
        )
        .with_help(msg::help_price_in_yuan(value)),
    )
}

/// The first of `words` that `suffix` starts with, after spaces or tabs: (the spaces, the word).
fn word_after<'a>(suffix: &'a str, words: &[&'static str]) -> Option<(&'a str, &'static str)> {
    let word_start = suffix.trim_start_matches([' ', '\t']);
    let gap = suffix.get(..suffix.len() - word_start.len())?;
    let word = words.iter().find(|w| word_start.starts_with(**w))?;
    Some((gap, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_mistake_is_named() {
        let d = recognise("direction \"a\" < people 5 rate 612/0month >", 0).unwrap();
        assert!(d.message.en.contains("0month"), "{}", d.message.en);
        let d = recognise("year 2025年", 0).unwrap();
        assert_eq!((d.span.start, d.span.end), (9, 12));
        let d = recognise("  cost \"x\" < qty 5 price 50元 >", 0).unwrap();
        assert!(d.message.en.contains("already in 元"), "{}", d.message.en);
        assert!(recognise("goal \"price 50元\"", 0).is_none());
        assert!(recognise("year 2025", 0).is_none());
        // Spaced, and a decimal count.
        let d = recognise("year 2025 年", 0).unwrap();
        assert_eq!((d.span.start, d.span.end), (10, 13));
        assert!(d.message.en.contains("`2025 年`"), "{}", d.message.en);
        let d = recognise("  cost \"x\" < qty 5 price 50 元 >", 0).unwrap();
        assert!(d.message.en.contains("`50 元`"), "{}", d.message.en);
        assert!(d.help.unwrap().en.contains("`price 50`"));
        let d = recognise("direction \"a\" < people 5 rate 612/0.0month >", 0).unwrap();
        assert!(d.message.en.contains("(a zero period)"), "{}", d.message.en);
        assert!(recognise("direction \"a\" < people 5 rate 612/month >", 0).is_none());
    }
}
