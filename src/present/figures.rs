//! Figures as people read them: rounded half away from zero to the document's precision, 万元 tables
//! without trailing zeros (`1.878`, as the seed prints), 元 tables with every decimal (`367200.00`), and
//! JSON's exact strings. Text only: the arithmetic is `domain::money`'s.

pub use crate::domain::money::round;
use crate::domain::{Money, MoneyUnit};
use rust_decimal::Decimal;

/// The figure rounded to `precision` decimals, trailing zeros dropped (`1.8780` → `1.878`,
/// `0.0000` → `0`), never in exponent form.
pub fn display(value: Decimal, precision: u32) -> String {
    exact(round(value, precision))
}

/// The figure with exactly `precision` decimals (`5028480.00`), as tables in 元 print amounts. The
/// zeros are written as text: a 28-digit figure has no room for them inside a Decimal.
pub fn display_fixed(value: Decimal, precision: u32) -> String {
    let text = exact(round(value, precision));
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if precision == 0 {
        return whole.to_string();
    }
    let zeros = (precision as usize).saturating_sub(fraction.len());
    format!("{whole}.{fraction}{}", "0".repeat(zeros))
}

/// The figure as a table in `unit` prints it.
pub fn display_in(value: Decimal, unit: MoneyUnit, precision: u32) -> String {
    match unit {
        MoneyUnit::WanYuan => display(value, precision),
        MoneyUnit::Yuan => display_fixed(value, precision),
    }
}

/// A declared figure as the tables print it: as written (`8.10`, `512.3450`: the form prints what was
/// declared) when the spelling is this value and has no more decimals than the precision; otherwise as
/// [`display_in`] prints any figure (a 元 table still shows every decimal of its precision).
pub fn as_declared(
    written: Option<&str>,
    value: Decimal,
    unit: MoneyUnit,
    precision: u32,
) -> String {
    match (written, unit) {
        (Some(text), MoneyUnit::WanYuan)
            if crate::domain::money::written_scale(text) <= precision
                && crate::domain::money::parse_exact(text) == Some(value) =>
        {
            text.to_string()
        }
        _ => display_in(value, unit, precision),
    }
}

/// An operation without an exact result, with both operands (`100000000000000000000000000 + 0.001`).
pub fn operation(e: &crate::domain::money::Inexact) -> String {
    format!("{} {} {}", exact(e.left), e.op.symbol(), exact(e.right))
}

/// The exact figure as a plain decimal string (JSON, messages): no rounding, trailing zeros dropped.
pub fn exact(value: Decimal) -> String {
    let v = value.normalize();
    if v.is_zero() {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// `173.4271万元`: the exact amount with its unit.
pub fn money(m: Money) -> String {
    format!("{}{}", exact(m.amount()), m.unit().name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(display(Decimal::from_str("0.00005").unwrap(), 4), "0.0001");
        assert_eq!(
            display(Decimal::from_str("-0.00005").unwrap(), 4),
            "-0.0001"
        );
        assert_eq!(display(Decimal::from_str("1.8780").unwrap(), 4), "1.878");
    }

    #[test]
    fn declared_figures_keep_their_spelling() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let wan = MoneyUnit::WanYuan;
        assert_eq!(as_declared(Some("8.10"), d("8.1"), wan, 4), "8.10");
        assert_eq!(
            as_declared(Some("512.3450"), d("512.345"), wan, 4),
            "512.3450"
        );
        // More decimals than the precision: rounded like any figure.
        assert_eq!(as_declared(Some("1.87801"), d("1.87801"), wan, 4), "1.878");
        assert_eq!(as_declared(None, d("8.10"), wan, 4), "8.1");
        assert_eq!(
            as_declared(Some("8.1"), d("8.1"), MoneyUnit::Yuan, 2),
            "8.10"
        );
    }

    #[test]
    fn yuan_tables_print_every_decimal_even_for_28_digits() {
        assert_eq!(display_fixed(Decimal::from(367200), 2), "367200.00");
        let big = Decimal::from_str("1234567890123456789012345678").unwrap();
        assert_eq!(display_fixed(big, 2), "1234567890123456789012345678.00");
        assert_eq!(display_fixed(Decimal::from_str("0.5").unwrap(), 2), "0.50");
        assert_eq!(
            display_fixed(Decimal::from_str("2.345").unwrap(), 2),
            "2.35"
        );
        assert_eq!(display_fixed(Decimal::from(7), 0), "7");
    }
}
