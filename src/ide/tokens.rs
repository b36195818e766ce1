//! Semantic colours: keywords, strings, numbers, units, categories, operators and comments. A scan of
//! the characters, line by line (the language is one fact per line), so a line being typed is
//! coloured too.

use super::analysis::Analysis;
use crate::domain::framework;
use crate::source::Span;
use crate::syntax::keywords::Keyword;

/// Operators written as words.
pub const WORD_OPERATORS: &[&str] = &["不低于", "不少于", "不高于", "不超过"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Keyword,
    String,
    Number,
    Unit,
    Category,
    Operator,
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

pub fn tokens(a: &Analysis) -> Vec<Token> {
    let custom: Vec<&str> = a
        .declaration
        .as_ref()
        .map(|d| {
            d.framework
                .tiers
                .iter()
                .flat_map(|t| {
                    std::iter::once(t.name.as_str())
                        .chain(t.categories.iter().map(|c| c.name.as_str()))
                })
                .collect()
        })
        .unwrap_or_default();
    let is_category = |w: &str| {
        framework::role_of(w).is_some()
            || framework::tier_role_of(w).is_some()
            || custom.contains(&w)
    };
    let mut out = Vec::new();
    let mut start = 0;
    for line in a.src.split_inclusive('\n') {
        scan_line(line, start, &is_category, &mut out);
        start += line.len();
    }
    out
}

fn is_stop(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '=' | '+')
}

fn scan_line(line: &str, base: usize, is_category: &dyn Fn(&str) -> bool, out: &mut Vec<Token>) {
    let mut push = |a: usize, b: usize, kind| {
        if b > a {
            out.push(Token {
                span: Span::new(base + a, base + b),
                kind,
            });
        }
    };
    let code_end = line.trim_end_matches(['\n', '\r']).len();
    let chars: Vec<(usize, char)> = line
        .get(..code_end)
        .unwrap_or_default()
        .char_indices()
        .collect();
    let end_of = |k: usize| chars.get(k).map_or(code_end, |(i, _)| *i);
    let mut k = 0;
    let mut after_number = false;
    while let Some(&(i, c)) = chars.get(k) {
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c == '#' {
            push(i, code_end, TokenKind::Comment);
            return;
        }
        if c == '"' {
            let mut j = k + 1;
            let mut escaped = false;
            while let Some(&(_, d)) = chars.get(j) {
                j += 1;
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == '"' {
                    break;
                }
            }
            push(i, end_of(j), TokenKind::String);
            after_number = false;
            k = j;
            continue;
        }
        if matches!(c, '=' | '<' | '>' | '+' | '≥' | '≤' | '＝') {
            let mut j = k + 1;
            if matches!(c, '<' | '>') && chars.get(j).is_some_and(|(_, d)| *d == '=') {
                j += 1;
            }
            push(i, end_of(j), TokenKind::Operator);
            after_number = false;
            k = j;
            continue;
        }
        if is_stop(c) {
            k += 1;
            continue;
        }
        let mut j = k;
        while chars.get(j).is_some_and(|(_, d)| !is_stop(*d)) {
            j += 1;
        }
        let word = line.get(i..end_of(j)).unwrap_or_default();
        if let Some(n) = number_len(word) {
            push(i, i + n, TokenKind::Number);
            // `50人`, `36.72万元`, `612/month`: the unit written against the number.
            push(i + n, end_of(j), TokenKind::Unit);
            after_number = true;
        } else if Keyword::from_word(word).is_some() {
            push(i, end_of(j), TokenKind::Keyword);
            after_number = false;
        } else if WORD_OPERATORS.contains(&word) {
            push(i, end_of(j), TokenKind::Operator);
            after_number = false;
        } else if is_category(word) {
            push(i, end_of(j), TokenKind::Category);
            after_number = false;
        } else if after_number || word == "万元" || word == "元" {
            // `qty 120 台`, `unit 万元`.
            push(i, end_of(j), TokenKind::Unit);
            after_number = false;
        }
        k = j;
    }
}

/// The length of the number a word starts with (`-3`, `1.878`), if it starts with one.
fn number_len(word: &str) -> Option<usize> {
    let body = word.strip_prefix('-').unwrap_or(word);
    let sign = word.len() - body.len();
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = body.get(digits..).unwrap_or_default();
    let fraction = match rest.strip_prefix('.') {
        Some(f) => {
            let n = f.bytes().take_while(u8::is_ascii_digit).count();
            if n > 0 { n + 1 } else { 0 }
        }
        None => 0,
    };
    Some(sign + digits + fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_coloured_piece_by_piece() {
        let src = "indicator 产出数量 \"巡逻人员\" >= 50人 # 备注\n";
        let a = crate::ide::analyse(src);
        let kinds: Vec<(&str, TokenKind)> = tokens(&a)
            .iter()
            .map(|t| (src.get(t.span.start..t.span.end).unwrap(), t.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("indicator", TokenKind::Keyword),
                ("产出数量", TokenKind::Category),
                ("\"巡逻人员\"", TokenKind::String),
                (">=", TokenKind::Operator),
                ("50", TokenKind::Number),
                ("人", TokenKind::Unit),
                ("# 备注", TokenKind::Comment),
            ]
        );
    }
}
