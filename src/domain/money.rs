//! Exact money. A [`Money`] knows its unit (元 or 万元); conversion between the two is written here
//! and nowhere else. Every operation either gives the exact result or says why it cannot
//! ([`Inexact`]): rust_decimal holds 28 significant digits and silently rounds past them
//! (`100000000000000000000000000 + 0.001` would come out as `100000000000000000000000000`), so each
//! result is verified before it is trusted. No floating point anywhere.

use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::str::FromStr;

/// The unit a table's amounts are written in (金额单位).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoneyUnit {
    Yuan,
    WanYuan,
}

/// 1 万元 = 10,000 元.
const YUAN_PER_WAN: Decimal = Decimal::from_parts(10_000, 0, 0, false, 0);

impl MoneyUnit {
    /// `元`, `万元`: the same in both languages (tables, messages and JSON).
    pub fn name(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
        }
    }

    pub fn from_name(name: &str) -> Option<MoneyUnit> {
        match name {
            "元" => Some(MoneyUnit::Yuan),
            "万元" => Some(MoneyUnit::WanYuan),
            _ => None,
        }
    }

    /// Decimals a table in this unit prints by default: 4 of 万元 are exact to 1 元, 2 of 元 to 1 分.
    pub fn default_precision(self) -> u32 {
        match self {
            MoneyUnit::WanYuan => 4,
            MoneyUnit::Yuan => 2,
        }
    }

    /// Decimals that reach 1 分 in this unit (finer is a fraction of a 分).
    pub fn fen_decimals(self) -> u32 {
        match self {
            MoneyUnit::WanYuan => 6,
            MoneyUnit::Yuan => 2,
        }
    }
}

/// An arithmetic operation, to say which one could not be exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

impl Op {
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "−",
            Op::Mul => "×",
            Op::Div => "÷",
        }
    }
}

/// Why an exact operation has no exact result, with both operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inexact {
    pub op: Op,
    pub left: Decimal,
    pub right: Decimal,
    pub reason: Reason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The result is larger than 28 digits can hold.
    Overflow,
    /// The result exists but needs more than 28 significant digits (or never ends, like ÷ 3).
    Rounded,
}

/// Exact arithmetic on decimals: each result is the mathematically exact one, or an [`Inexact`].
pub mod exact {
    use super::{Inexact, Op, Reason};
    use rust_decimal::Decimal;

    fn fail(op: Op, left: Decimal, right: Decimal, reason: Reason) -> Inexact {
        Inexact {
            op,
            left,
            right,
            reason,
        }
    }

    pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
        let r = a
            .checked_add(b)
            .ok_or_else(|| fail(Op::Add, a, b, Reason::Overflow))?;
        // Aligned to the finer scale, an exact sum keeps it; a lower scale means digits were dropped,
        // which is exact only when they were zeros. Undoing the sum with rust_decimal cannot tell (it
        // rounds again: 0.001 + −10²⁶ − 0.001 gives −10²⁶ back), so the mantissas decide.
        if r.scale() >= a.scale().max(b.scale()) || sum_is(a, b, r) {
            Ok(r)
        } else {
            Err(fail(Op::Add, a, b, Reason::Rounded))
        }
    }

    pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
        add(a, -b).map_err(|e| Inexact {
            op: Op::Sub,
            right: b,
            ..e
        })
    }

    pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
        let r = a
            .checked_mul(b)
            .ok_or_else(|| fail(Op::Mul, a, b, Reason::Overflow))?;
        if product_is(a, b, r) {
            Ok(r)
        } else {
            Err(fail(Op::Mul, a, b, Reason::Rounded))
        }
    }

    pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, Inexact> {
        let r = a
            .checked_div(b)
            .ok_or_else(|| fail(Op::Div, a, b, Reason::Overflow))?;
        // A quotient is exact when it times the divisor is exactly the dividend.
        if product_is(r, b, a) {
            Ok(r)
        } else {
            Err(fail(Op::Div, a, b, Reason::Rounded))
        }
    }

    /// Whether `a × b` is exactly `r`, computed on the mantissas with 384-bit integers (rust_decimal's
    /// own product is already rounded, so it cannot be used to check itself).
    fn product_is(a: Decimal, b: Decimal, r: Decimal) -> bool {
        if a.is_zero() || b.is_zero() || r.is_zero() {
            return (a.is_zero() || b.is_zero()) && r.is_zero();
        }
        if (a.is_sign_negative() != b.is_sign_negative()) != r.is_sign_negative() {
            return false;
        }
        let product = big::product(a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
        let product_scale = a.scale() + b.scale();
        let r_mantissa = big::from(r.mantissa().unsigned_abs());
        // Bring both to the finer scale and compare.
        if r.scale() <= product_scale {
            big::times_ten_pow(r_mantissa, product_scale - r.scale()) == Some(product)
        } else {
            big::times_ten_pow(product, r.scale() - product_scale) == Some(r_mantissa)
        }
    }

    /// Whether `a + b` is exactly `r`, on the mantissas brought to the finest of the three scales.
    fn sum_is(a: Decimal, b: Decimal, r: Decimal) -> bool {
        let scale = a.scale().max(b.scale()).max(r.scale());
        let aligned = |x: Decimal| {
            big::times_ten_pow(big::from(x.mantissa().unsigned_abs()), scale - x.scale())
        };
        let (Some(ma), Some(mb), Some(mr)) = (aligned(a), aligned(b), aligned(r)) else {
            return false;
        };
        let negative = |x: Decimal| x.is_sign_negative() && !x.is_zero();
        // |a + b| and its sign, from the magnitudes and signs of a and b.
        let (magnitude, sum_negative) = if negative(a) == negative(b) {
            (big::add(ma, mb), negative(a))
        } else if big::less(ma, mb) {
            (big::sub(mb, ma), negative(b))
        } else {
            (big::sub(ma, mb), negative(a))
        };
        magnitude == mr && (magnitude == [0; 6] || sum_negative == negative(r))
    }

    /// Just enough unsigned big-integer arithmetic to check sums and products of 96-bit mantissas
    /// exactly.
    mod big {
        /// Little-endian 64-bit limbs: 384 bits hold a 192-bit product times 10^56.
        pub type Big = [u64; 6];

        pub fn from(x: u128) -> Big {
            [x as u64, (x >> 64) as u64, 0, 0, 0, 0]
        }

        pub fn product(a: u128, b: u128) -> Big {
            let (a, b) = (from(a), from(b));
            let mut out = [0u64; 6];
            for (i, &x) in a.iter().enumerate().take(2) {
                let mut carry: u128 = 0;
                for (j, &y) in b.iter().enumerate().take(2) {
                    if let Some(slot) = out.get_mut(i + j) {
                        let t = u128::from(x) * u128::from(y) + u128::from(*slot) + carry;
                        *slot = t as u64;
                        carry = t >> 64;
                    }
                }
                if let Some(slot) = out.get_mut(i + 2) {
                    *slot = carry as u64;
                }
            }
            out
        }

        /// `x + y`; aligned 96-bit mantissas (below 2^190) cannot carry out of 384 bits.
        pub fn add(x: Big, y: Big) -> Big {
            let mut out = [0u64; 6];
            let mut carry = 0u128;
            for ((o, &a), &b) in out.iter_mut().zip(&x).zip(&y) {
                let t = u128::from(a) + u128::from(b) + carry;
                *o = t as u64;
                carry = t >> 64;
            }
            out
        }

        /// `x − y` for `x ≥ y`.
        pub fn sub(x: Big, y: Big) -> Big {
            let mut out = [0u64; 6];
            let mut borrow = false;
            for ((o, &a), &b) in out.iter_mut().zip(&x).zip(&y) {
                let (d, b1) = a.overflowing_sub(b);
                let (d, b2) = d.overflowing_sub(u64::from(borrow));
                *o = d;
                borrow = b1 || b2;
            }
            out
        }

        /// `x < y`.
        pub fn less(x: Big, y: Big) -> bool {
            x.iter().rev().lt(y.iter().rev())
        }

        /// `x × 10^n`, or `None` past 384 bits.
        pub fn times_ten_pow(mut x: Big, n: u32) -> Option<Big> {
            for _ in 0..n {
                let mut carry: u128 = 0;
                for limb in x.iter_mut() {
                    let t = u128::from(*limb) * 10 + carry;
                    *limb = t as u64;
                    carry = t >> 64;
                }
                if carry != 0 {
                    return None;
                }
            }
            Some(x)
        }
    }

    /// The exact sum of every value.
    pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal, Inexact> {
        values.into_iter().try_fold(Decimal::ZERO, add)
    }
}

/// Rounds half away from zero (the rule on printed tables), unlike `round_dp`'s banker's rounding.
pub fn round(value: Decimal, dp: u32) -> Decimal {
    value.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

/// Decimal places as written (`38.598` → 3).
pub fn written_scale(text: &str) -> u32 {
    text.split_once('.').map_or(0, |(_, f)| f.len() as u32)
}

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

/// An exact amount of money in a known unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    unit: MoneyUnit,
}

impl Money {
    pub fn new(amount: Decimal, unit: MoneyUnit) -> Money {
        Money { amount, unit }
    }

    pub fn yuan(amount: Decimal) -> Money {
        Money::new(amount, MoneyUnit::Yuan)
    }

    pub fn zero(unit: MoneyUnit) -> Money {
        Money::new(Decimal::ZERO, unit)
    }

    /// The figure in its own unit.
    pub fn amount(self) -> Decimal {
        self.amount
    }

    pub fn unit(self) -> MoneyUnit {
        self.unit
    }

    pub fn is_zero(self) -> bool {
        self.amount.is_zero()
    }

    pub fn is_negative(self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// The same money in `unit`: the one conversion between 元 and 万元. 元 → 万元 divides by 10,000
    /// and is exact unless the figure already uses most of the 28 digits.
    pub fn to(self, unit: MoneyUnit) -> Result<Money, Inexact> {
        let amount = match (self.unit, unit) {
            (MoneyUnit::Yuan, MoneyUnit::WanYuan) => exact::div(self.amount, YUAN_PER_WAN)?,
            (MoneyUnit::WanYuan, MoneyUnit::Yuan) => exact::mul(self.amount, YUAN_PER_WAN)?,
            _ => self.amount,
        };
        Ok(Money::new(amount, unit))
    }

    /// The figure in `unit` (a shorthand for `to(unit)?.amount()`).
    pub fn amount_in(self, unit: MoneyUnit) -> Result<Decimal, Inexact> {
        self.to(unit).map(Money::amount)
    }

    /// `self + other`, in `self`'s unit.
    pub fn checked_add(self, other: Money) -> Result<Money, Inexact> {
        let other = other.to(self.unit)?;
        Ok(Money::new(
            exact::add(self.amount, other.amount)?,
            self.unit,
        ))
    }

    /// `self − other`, in `self`'s unit.
    pub fn checked_sub(self, other: Money) -> Result<Money, Inexact> {
        let other = other.to(self.unit)?;
        Ok(Money::new(
            exact::sub(self.amount, other.amount)?,
            self.unit,
        ))
    }

    /// `self × factor` (a count, a number of months).
    pub fn times(self, factor: Decimal) -> Result<Money, Inexact> {
        Ok(Money::new(exact::mul(self.amount, factor)?, self.unit))
    }

    /// The exact sum, in `unit`.
    pub fn sum(unit: MoneyUnit, parts: impl IntoIterator<Item = Money>) -> Result<Money, Inexact> {
        parts
            .into_iter()
            .try_fold(Money::zero(unit), Money::checked_add)
    }

    /// Compares amounts whatever their units (`4万元` = `40000元`).
    pub fn compare(self, other: Money) -> Result<Ordering, Inexact> {
        let other = other.to(self.unit)?;
        Ok(self.amount.cmp(&other.amount))
    }

    /// True when the amount has a fraction of 1 分 (more than 2 decimals of 元).
    pub fn has_fraction_of_fen(self) -> bool {
        self.amount_in(MoneyUnit::Yuan)
            .is_ok_and(|yuan| yuan.normalize().scale() > 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn yuan_and_wan_convert_exactly() {
        let m = Money::yuan(d("18780")).to(MoneyUnit::WanYuan).unwrap();
        assert_eq!(m.amount(), d("1.878"));
        assert_eq!(m.to(MoneyUnit::Yuan).unwrap().amount(), d("18780"));
    }

    #[test]
    fn sums_that_would_round_are_refused_with_both_operands() {
        let e = exact::add(d("100000000000000000000000000"), d("0.001")).unwrap_err();
        assert_eq!(e.op, Op::Add);
        assert_eq!(e.reason, Reason::Rounded);
        assert_eq!(e.left, d("100000000000000000000000000"));
        assert_eq!(e.right, d("0.001"));
        // Dropped zeros are no loss.
        assert_eq!(
            exact::add(d("100000000000000000000000000"), d("0.000")).unwrap(),
            d("100000000000000000000000000")
        );
    }

    #[test]
    fn a_conversion_that_would_lose_digits_is_refused() {
        let tiny = Money::yuan(d("0.0000000000000000000000001"));
        assert_eq!(
            tiny.to(MoneyUnit::WanYuan).unwrap_err().reason,
            Reason::Rounded
        );
    }

    #[test]
    fn division_is_exact_or_refused() {
        assert_eq!(exact::div(d("8400"), d("12")).unwrap(), d("700"));
        assert_eq!(
            exact::div(d("7000"), d("12")).unwrap_err().reason,
            Reason::Rounded
        );
        assert_eq!(
            exact::div(d("1"), Decimal::ZERO).unwrap_err().reason,
            Reason::Overflow
        );
    }

    #[test]
    fn products_are_exact_or_refused() {
        assert_eq!(exact::mul(d("50"), d("612")).unwrap(), d("30600"));
        assert_eq!(
            exact::mul(Decimal::MAX, d("2")).unwrap_err().reason,
            Reason::Overflow
        );
        assert!(exact::mul(d("1.0000000000001"), d("1.00000000000000000001")).is_err());
    }

    #[test]
    fn money_compares_across_units() {
        let wan = Money::new(d("4"), MoneyUnit::WanYuan);
        assert_eq!(
            wan.compare(Money::yuan(d("40000"))).unwrap(),
            Ordering::Equal
        );
    }

    #[test]
    fn fen_is_ordinary_and_a_fraction_of_fen_is_not() {
        assert!(!Money::yuan(d("1204316.58")).has_fraction_of_fen());
        assert!(Money::yuan(d("1204316.585")).has_fraction_of_fen());
        assert!(!Money::new(d("3.673851"), MoneyUnit::WanYuan).has_fraction_of_fen());
        assert!(Money::new(d("3.6738505"), MoneyUnit::WanYuan).has_fraction_of_fen());
    }
}
