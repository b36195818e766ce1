//! Money arithmetic is exact or refused: `domain::money::exact::{add, sub}` against an independent
//! sum of decimal digit strings (no rust_decimal on this side), for operands of every size and scale
//! and in both orders.

// Tests, benches and examples may unwrap, panic and index: a failure there is a failed check, not a crash.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use bdl::domain::money::exact;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal as a sign, the digits of its mantissa (most significant first) and a scale.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Digits {
    negative: bool,
    digits: Vec<u8>,
    scale: usize,
}

impl Digits {
    fn of(d: Decimal) -> Digits {
        let m = d.mantissa();
        Digits {
            negative: m < 0,
            digits: m
                .unsigned_abs()
                .to_string()
                .bytes()
                .map(|b| b - b'0')
                .collect(),
            scale: d.scale() as usize,
        }
        .normal()
    }

    /// Without leading zeros and without trailing zeros after the point; zero has no sign.
    fn normal(mut self) -> Digits {
        while self.scale > 0 && self.digits.last() == Some(&0) {
            self.digits.pop();
            self.scale -= 1;
        }
        let first = self
            .digits
            .iter()
            .position(|&d| d != 0)
            .unwrap_or(self.digits.len());
        self.digits.drain(..first);
        if self.digits.is_empty() {
            self.negative = false;
            self.scale = 0;
        }
        self
    }

    fn at_scale(&self, scale: usize) -> Vec<u8> {
        let mut v = self.digits.clone();
        v.extend(std::iter::repeat_n(0, scale - self.scale));
        v
    }

    /// Whether a `Decimal` can hold it: a 96-bit mantissa and at most 28 decimals.
    fn fits(&self) -> bool {
        let max: Vec<u8> = (u128::MAX >> 32)
            .to_string()
            .bytes()
            .map(|b| b - b'0')
            .collect();
        self.scale <= 28
            && (self.digits.len() < max.len()
                || (self.digits.len() == max.len() && self.digits <= max))
    }
}

/// |x| ≥ |y| for digit strings of one length.
fn add_digits(x: &[u8], y: &[u8]) -> Vec<u8> {
    let n = x.len().max(y.len()) + 1;
    let pad = |v: &[u8]| {
        let mut p = vec![0; n - v.len()];
        p.extend_from_slice(v);
        p
    };
    let (x, y) = (pad(x), pad(y));
    let mut out = vec![0; n];
    let mut carry = 0;
    for i in (0..n).rev() {
        let t = x[i] + y[i] + carry;
        out[i] = t % 10;
        carry = t / 10;
    }
    out
}

fn sub_digits(x: &[u8], y: &[u8]) -> Vec<u8> {
    let n = x.len().max(y.len());
    let pad = |v: &[u8]| {
        let mut p = vec![0; n - v.len()];
        p.extend_from_slice(v);
        p
    };
    let (x, y) = (pad(x), pad(y));
    let mut out = vec![0; n];
    let mut borrow = 0i8;
    for i in (0..n).rev() {
        let mut t = x[i] as i8 - y[i] as i8 - borrow;
        borrow = 0;
        if t < 0 {
            t += 10;
            borrow = 1;
        }
        out[i] = t as u8;
    }
    out
}

fn less(x: &[u8], y: &[u8]) -> bool {
    let strip = |v: &[u8]| {
        v.iter()
            .skip_while(|&&d| d == 0)
            .copied()
            .collect::<Vec<u8>>()
    };
    let (x, y) = (strip(x), strip(y));
    (x.len(), &x) < (y.len(), &y)
}

/// The exact sum, by hand.
fn sum(a: &Digits, b: &Digits) -> Digits {
    let scale = a.scale.max(b.scale);
    let (x, y) = (a.at_scale(scale), b.at_scale(scale));
    let (digits, negative) = if a.negative == b.negative {
        (add_digits(&x, &y), a.negative)
    } else if less(&x, &y) {
        (sub_digits(&y, &x), b.negative)
    } else {
        (sub_digits(&x, &y), a.negative)
    };
    Digits {
        negative,
        digits,
        scale,
    }
    .normal()
}

fn decimal() -> impl Strategy<Value = Decimal> {
    let mantissa = prop_oneof![
        // Any 96-bit mantissa.
        (-((u128::MAX >> 32) as i128)..=(u128::MAX >> 32) as i128),
        // Round figures with many zeros, small figures, and powers of ten.
        (-10_000i128..10_000).prop_map(|m| m * 10i128.pow(20)),
        (-1_000i128..1_000),
        (0u32..=28).prop_map(|e| 10i128.pow(e)),
    ];
    (mantissa, 0u32..=28).prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s))
}

fn check_sum(a: Decimal, b: Decimal) -> Result<(), TestCaseError> {
    let want = sum(&Digits::of(a), &Digits::of(b));
    match exact::add(a, b) {
        Ok(r) => prop_assert_eq!(Digits::of(r), want, "{} + {} gave {}", a, b, r),
        Err(e) => prop_assert!(
            !want.fits(),
            "{} + {} refused ({:?}) though its exact sum fits",
            a,
            b,
            e.reason
        ),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn a_sum_is_exact_or_refused_in_either_order(a in decimal(), b in decimal()) {
        check_sum(a, b)?;
        check_sum(b, a)?;
    }

    #[test]
    fn a_difference_is_exact_or_refused(a in decimal(), b in decimal()) {
        let want = sum(&Digits::of(a), &Digits::of(-b));
        match exact::sub(a, b) {
            Ok(r) => prop_assert_eq!(Digits::of(r), want),
            Err(_) => prop_assert!(!want.fits()),
        }
    }
}

#[test]
fn a_tiny_figure_before_a_huge_one_is_not_lost() {
    let tiny = Decimal::from_str_exact("0.001").unwrap();
    let huge = Decimal::from_str_exact("100000000000000000000000000").unwrap();
    // Both orders: the second used to round to 10²⁶ silently.
    assert!(exact::add(huge, tiny).is_err());
    assert!(exact::add(tiny, huge).is_err());
    assert!(exact::sub(tiny, huge).is_err());
    assert!(exact::add(tiny, -huge).is_err());
}
