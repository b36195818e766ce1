//! The spelling of what a cell says, made comparable: labels without blanks and in half-width
//! punctuation (`支出方向（子项）` = `支出方向(子项)`), figures without thousands separators or
//! full-width digits, values split into operator, number and unit.

/// Full-width ASCII (`１２３`, `％`, `＝`) as ASCII; the ideographic space as a space.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A label as compared: half-width, without blanks of any kind, `：` and a trailing colon dropped.
pub fn key(s: &str) -> String {
    half_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .trim_end_matches(':')
        .to_string()
}

/// A text as the source keeps it: one line (a cell's line breaks joined), no control characters,
/// no blanks at either end.
pub fn one_line(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let ascii_boundary = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if ascii_boundary {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// A decimal number as written in a cell: full-width digits, thousands separators (`1,234.50`,
/// `1，234`) and blanks removed; `None` unless what is left is a plain decimal.
pub fn decimal(s: &str) -> Option<String> {
    let t: String = half_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let int: String = if int.contains(',') {
        // Separators only between groups of three.
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
        let rest_ok = groups.iter().skip(1).all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            return None;
        }
        groups.concat()
    } else {
        int.to_string()
    };
    let digits = |d: &str| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit());
    if !digits(&int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    // A leading zero is a digit too many, except alone before the point.
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    Some(match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    })
}

/// A figure of a money cell: `185.0651万元`, `资金总额：188.0651万元`, `1,234.50`, `０`. The words
/// before it must be `words` (or none) and the unit after it a money unit or none.
pub fn money(s: &str, words: &[&str]) -> Option<String> {
    let t = key(s);
    let mut rest = t.as_str();
    for w in words {
        if let Some(r) = rest.strip_prefix(&key(w)) {
            rest = r.trim_start_matches(':');
            break;
        }
    }
    let rest = rest
        .strip_suffix("万元")
        .or_else(|| rest.strip_suffix('元'))
        .unwrap_or(rest);
    decimal(rest)
}

/// An indicator value, as bdl writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `>= 95%`: operator as written in bdl (`>=`, `<=`, `>`, `<`, `=`, a word: `不低于`, or empty
    /// when the cell has none: `95%以上` keeps its meaning from its unit), the number, and the unit
    /// (empty when none).
    Quantity {
        op: String,
        number: String,
        unit: String,
    },
    /// `"良好"`.
    Quality(String),
}

/// Operators as the cells write them, longest first, and as bdl writes them.
const OPERATORS: &[(&str, &str)] = &[
    (">=", ">="),
    ("<=", "<="),
    ("≥", ">="),
    ("≤", "<="),
    ("≧", ">="),
    ("≦", "<="),
    ("=", "="),
    (">", ">"),
    ("<", "<"),
    ("不低于", "不低于"),
    ("不少于", "不少于"),
    ("不高于", "不高于"),
    ("不超过", "不超过"),
];

/// Units written as names, as bdl writes them.
fn unit_of(name: &str) -> String {
    match name {
        "百分比" | "百分率" | "百分号" | "百分之" => "%".to_string(),
        other => other.to_string(),
    }
}

/// Words bdl reads as options after a value: a unit cannot start with them.
const OPTION_WORDS: &[&str] = &[
    "note", "standard", "weight", "explain", "scoring", "sense", "from",
];

fn unit_ok(unit: &str) -> bool {
    !unit.chars().any(|c| {
        c.is_whitespace()
            || matches!(c, '"' | '#' | '{' | '}' | '<' | '>' | '=' | '\\')
            || c.is_control()
    }) && !OPTION_WORDS.iter().any(|w| unit.starts_with(w))
        && (!unit.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '-')
            || is_range(unit))
}

/// The rest of a range after its first number, in one unit: `%-95%`, `-100分`, `~5天`, `至3000亩`
/// (not `天-2周`, two units).
fn is_range(unit: &str) -> bool {
    let Some((at, sep)) = unit
        .char_indices()
        .find(|&(_, c)| matches!(c, '-' | '~' | '至'))
    else {
        return false;
    };
    let (Some(before), Some(after)) = (unit.get(..at), unit.get(at + sep.len_utf8()..)) else {
        return false;
    };
    let digits = after
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(after.len(), |(i, _)| i);
    let (Some(number), Some(rest)) = (after.get(..digits), after.get(digits..)) else {
        return false;
    };
    decimal(number).is_some() && (before.is_empty() || before == rest)
}

/// A value in one cell: `≥90%`, `=8个`, `≥100百分比`, `55人`, `良好`.
pub fn value(cell: &str) -> Value {
    let text = one_line(cell);
    let t = half_width(&text).trim().to_string();
    let (op, rest) = OPERATORS
        .iter()
        .find_map(|(w, bdl)| t.strip_prefix(w).map(|r| (Some(*bdl), r.trim_start())))
        .unwrap_or((None, t.as_str()));
    quantity(op, rest).unwrap_or(Value::Quality(text))
}

/// A value over three cells: 计算符号 (`≥`, `定性`), 指标值, 度量单位.
pub fn value_split(op: &str, number: &str, unit: &str) -> Value {
    let op_t = key(op);
    // 区间: a range, written as it reads (`85-95` and `%`).
    let op_t = if op_t == "区间" {
        String::new()
    } else {
        op_t
    };
    let number_text = one_line(number);
    if op_t == "定性" || op_t.is_empty() && decimal(&number_text).is_none() {
        // A qualitative value; its words may still carry an operator (`≥90%` typed in 指标值).
        if op_t.is_empty() {
            return value(&format!("{number_text}{}", one_line(unit)));
        }
        return Value::Quality(number_text);
    }
    let bdl_op = OPERATORS.iter().find(|(w, _)| *w == op_t).map(|(_, b)| *b);
    if !op_t.is_empty() && bdl_op.is_none() {
        return Value::Quality(one_line(&format!("{op}{number}{unit}")));
    }
    let rest = format!("{}{}", half_width(&number_text).trim(), key(unit));
    quantity(bdl_op, &rest).unwrap_or(Value::Quality(number_text))
}

/// `95%` after an operator: the longest decimal at the start, the rest a unit.
fn quantity(op: Option<&str>, rest: &str) -> Option<Value> {
    let end = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || c == ',' || (c == '-' && i == 0)))
        .map_or(rest.len(), |(i, _)| i);
    let (digits, unit) = (rest.get(..end)?, rest.get(end..)?.trim());
    let number = decimal(digits.trim_end_matches('.'))?;
    if digits.ends_with('.') {
        return None;
    }
    let unit = unit_of(unit);
    if !unit.is_empty() && !unit_ok(&unit) {
        return None;
    }
    // `2025年6月底前` is a date in words, not 2025 of a unit `年6月底前`.
    if op.is_none() && unit.chars().any(|c| c.is_ascii_digit()) && !is_range(&unit) {
        return None;
    }
    Some(Value::Quantity {
        op: op.unwrap_or("").to_string(),
        number,
        unit,
    })
}

/// A text as a bdl string literal.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in one_line(s).chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(op: &str, n: &str, u: &str) -> Value {
        Value::Quantity {
            op: op.to_string(),
            number: n.to_string(),
            unit: u.to_string(),
        }
    }

    #[test]
    fn values_in_one_cell() {
        assert_eq!(value("≥90%"), q(">=", "90", "%"));
        assert_eq!(value("≥100百分比"), q(">=", "100", "%"));
        assert_eq!(value("=8个"), q("=", "8", "个"));
        assert_eq!(value("＝８个"), q("=", "8", "个"));
        assert_eq!(value("55人"), q("", "55", "人"));
        assert_eq!(value("95%以上"), q("", "95", "%以上"));
        assert_eq!(value("85%-95%"), q("", "85", "%-95%"));
        assert_eq!(value("90-100分"), q("", "90", "-100分"));
        assert_eq!(value("不少于 18次"), q("不少于", "18", "次"));
        assert_eq!(value("≤1,234.5万元"), q("<=", "1234.5", "万元"));
        assert_eq!(value("良好"), Value::Quality("良好".to_string()));
        assert_eq!(
            value("2025年6月底前"),
            Value::Quality("2025年6月底前".to_string())
        );
        assert_eq!(value("3 天 以内"), Value::Quality("3 天 以内".to_string()));
    }

    #[test]
    fn values_over_three_cells() {
        assert_eq!(value_split("≥", "90", "%"), q(">=", "90", "%"));
        assert_eq!(
            value_split("定性", "良好", ""),
            Value::Quality("良好".to_string())
        );
        assert_eq!(value_split("", "≥95", "百分比"), q(">=", "95", "%"));
        assert_eq!(value_split("区间", "85-95", "%"), q("", "85", "-95%"));
        assert_eq!(value_split("＝", "１,２００", "亩"), q("=", "1200", "亩"));
    }

    #[test]
    fn figures() {
        assert_eq!(
            money("资金总额：188.0651万元", &["资金总额"]).as_deref(),
            Some("188.0651")
        );
        assert_eq!(money("1,234.50", &[]).as_deref(), Some("1234.50"));
        assert_eq!(money("１２３", &[]).as_deref(), Some("123"));
        assert_eq!(money("0", &[]).as_deref(), Some("0"));
        assert_eq!(money("12,34", &[]), None);
        assert_eq!(money("约10万元", &[]), None);
    }
}
