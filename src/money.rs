//! Exact money: decimals parsed from the source text, checked arithmetic, 元 ↔ 万元, and rounding half
//! away from zero for display. No floating point.

use crate::syntax::ast::MoneyUnit;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// 1 万元 = 10,000 元.
pub const YUAN_PER_WAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

/// Parses a number exactly as written; `None` when it has too many digits to be exact.
pub fn parse_exact(text: &str) -> Option<Decimal> {
    // Decimal holds 28 significant digits; `from_str` would silently round a longer one.
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits > 28 {
        return None;
    }
    Decimal::from_str_exact(text)
        .or_else(|_| Decimal::from_str(text))
        .ok()
}

/// Converts `value` written in `from` into `to`. Division by 10,000 is exact within Decimal's scale.
pub fn convert(value: Decimal, from: MoneyUnit, to: MoneyUnit) -> Option<Decimal> {
    match (from, to) {
        (MoneyUnit::Yuan, MoneyUnit::WanYuan) => value.checked_div(YUAN_PER_WAN),
        (MoneyUnit::WanYuan, MoneyUnit::Yuan) => value.checked_mul(YUAN_PER_WAN),
        _ => Some(value),
    }
}

pub fn unit_name(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Yuan => "元",
        MoneyUnit::WanYuan => "万元",
    }
}

pub fn unit_from_name(name: &str) -> Option<MoneyUnit> {
    match name {
        "元" => Some(MoneyUnit::Yuan),
        "万元" => Some(MoneyUnit::WanYuan),
        _ => None,
    }
}

/// Rounds half away from zero (the rule on printed tables), unlike `round_dp`'s banker's rounding.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// The figure as the tables print it: rounded to `precision` decimals, trailing zeros dropped
/// (`1.8780` → `1.878`, `0.0000` → `0`), never in exponent form.
pub fn display(value: Decimal, precision: u32) -> String {
    let v = round(value, precision).normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// The figure with exactly `precision` decimals (`5028480.00`), as tables in 元 print amounts.
pub fn display_fixed(value: Decimal, precision: u32) -> String {
    let mut v = round(value, precision);
    v.rescale(precision);
    v.to_string()
}

/// The figure as a table in `unit` prints it: 万元 trims trailing zeros (`1.878`, as the seed prints),
/// 元 shows every decimal of the precision (`367200.00`).
pub fn display_in(value: Decimal, unit: MoneyUnit, precision: u32) -> String {
    match unit {
        MoneyUnit::WanYuan => display(value, precision),
        MoneyUnit::Yuan => display_fixed(value, precision),
    }
}

/// The exact figure as a plain decimal string (JSON): no rounding, trailing zeros dropped.
pub fn exact(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// True when the amount, written in `unit`, has a fraction of 1 元.
pub fn is_sub_yuan(value: Decimal, unit: MoneyUnit) -> bool {
    match convert(value, unit, MoneyUnit::Yuan) {
        Some(yuan) => !yuan.fract().is_zero(),
        None => false,
    }
}

/// Decimal places as written (`38.598` → 3).
pub fn written_scale(text: &str) -> u32 {
    text.split_once('.').map_or(0, |(_, f)| f.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_to_wan_is_exact() {
        let v = convert(Decimal::from(18_780), MoneyUnit::Yuan, MoneyUnit::WanYuan).unwrap();
        assert_eq!(display(v, 4), "1.878");
        assert_eq!(display(Decimal::from_str("0.00005").unwrap(), 4), "0.0001");
        assert_eq!(
            display(Decimal::from_str("-0.00005").unwrap(), 4),
            "-0.0001"
        );
    }

    #[test]
    fn too_many_digits_is_refused() {
        assert!(parse_exact("1234567890123456789012345678901234567890").is_none());
        assert_eq!(parse_exact("173.4271").unwrap().to_string(), "173.4271");
    }
}
