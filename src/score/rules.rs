//! The scoring rules, one function each, on exact decimals (docs/self-evaluation.md gives each formula
//! with hand-computed cases). A quotient is taken to rust_decimal's 28 significant digits and the
//! score rounded once, half away from zero, to 2 decimals (`round2`).

use crate::domain::money::round;
use crate::domain::scoring::{Inverse, Result3};
use rust_decimal::Decimal;

/// How a score was reached: the rule and the figures it used (provenance).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// ≥ / >: the actual reached the target: full points.
    Reached { target: Decimal, actual: Decimal },
    /// ≥ / >: below the target: actual ÷ target × points.
    Proportional { target: Decimal, actual: Decimal },
    /// ≤ / <: at or below the target: full points.
    WithinCap { target: Decimal, actual: Decimal },
    /// ≤ / <: above the target: (2 × target − actual) ÷ target × points, not below 0.
    LinearFall { target: Decimal, actual: Decimal },
    /// ≤ / < with `inverse ratio`: target ÷ actual × points.
    InverseRatio { target: Decimal, actual: Decimal },
    /// A range `low-high`: the actual within it: full points (below it the ≥ rule against `low`, above
    /// it the ≤ rule against `high`).
    WithinRange {
        low: Decimal,
        high: Decimal,
        actual: Decimal,
    },
    /// `= 0`: full points when the actual is at most 0, else 0.
    ZeroTarget { actual: Decimal },
    /// A qualitative result: the band's points, or the score typed within it.
    Band {
        result: Result3,
        typed: Option<Decimal>,
    },
    /// 预算执行: 全年执行数 ÷ 全年预算数 × points, at most the points.
    Execution { budget: Decimal, spent: Decimal },
    /// No actual was written: 0.
    NoActual,
    /// The actual cannot be compared with the target (reported): 0.
    NotComparable,
}

/// Rounded half away from zero to 2 decimals.
pub fn round2(v: Decimal) -> Decimal {
    round(v, 2)
}

/// `part ÷ whole × points`, capped at the points; 0 when it cannot be computed (a zero whole).
fn share(part: Decimal, whole: Decimal, points: Decimal) -> Decimal {
    if whole <= Decimal::ZERO || part <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    if part >= whole {
        return points;
    }
    // part < whole, so the ratio is below 1 and the product cannot overflow.
    part.checked_div(whole)
        .and_then(|r| r.checked_mul(points))
        .unwrap_or(Decimal::ZERO)
}

/// A negative actual counts as 0.
pub fn floor_zero(actual: Decimal) -> Decimal {
    actual.max(Decimal::ZERO)
}

/// ≥ / >: full at or above the target, else actual ÷ target × points. A target at or below 0 is
/// reached by any actual.
pub fn at_least(target: Decimal, actual: Decimal, points: Decimal) -> (Decimal, Rule) {
    let actual = floor_zero(actual);
    if actual >= target {
        (points, Rule::Reached { target, actual })
    } else {
        (
            share(actual, target, points),
            Rule::Proportional { target, actual },
        )
    }
}

/// ≤ / <: full at or below the target; above it, linear to 0 at twice the target, or
/// target ÷ actual × points with `inverse ratio`.
pub fn at_most(
    target: Decimal,
    actual: Decimal,
    points: Decimal,
    inverse: Inverse,
) -> (Decimal, Rule) {
    let actual = floor_zero(actual);
    if actual <= target {
        return (points, Rule::WithinCap { target, actual });
    }
    if target <= Decimal::ZERO {
        return (Decimal::ZERO, Rule::ZeroTarget { actual });
    }
    match inverse {
        Inverse::Ratio => (
            share(target, actual, points),
            Rule::InverseRatio { target, actual },
        ),
        Inverse::Linear => {
            // (2T − A) ÷ T × P = P − (A − T) ÷ T × P; the overshoot's share is capped at P.
            let over = actual - target;
            let lost = share(over, target, points);
            (
                (points - lost).max(Decimal::ZERO),
                Rule::LinearFall { target, actual },
            )
        }
    }
}

/// A range `low-high` (`85%-95%`): full within it; below it as `≥ low`, above it as `≤ high`.
pub fn range(
    low: Decimal,
    high: Decimal,
    actual: Decimal,
    points: Decimal,
    inverse: Inverse,
) -> (Decimal, Rule) {
    let a = floor_zero(actual);
    if a < low {
        at_least(low, a, points)
    } else if a > high {
        at_most(high, a, points, inverse)
    } else {
        (
            points,
            Rule::WithinRange {
                low,
                high,
                actual: a,
            },
        )
    }
}

/// `= 0`: full when the actual is at most 0, else 0.
pub fn zero_target(actual: Decimal, points: Decimal) -> (Decimal, Rule) {
    let score = if actual <= Decimal::ZERO {
        points
    } else {
        Decimal::ZERO
    };
    (
        score,
        Rule::ZeroTarget {
            actual: floor_zero(actual),
        },
    )
}

/// The band of a qualitative result, in points: (lowest, highest).
pub fn band_points(result: Result3, points: Decimal) -> (Decimal, Decimal) {
    let (lo, hi) = result.band();
    let hundred = Decimal::from(100);
    let at = |pct: Decimal| {
        pct.checked_mul(points)
            .and_then(|x| x.checked_div(hundred))
            .unwrap_or(Decimal::ZERO)
    };
    (at(lo), at(hi))
}

/// A qualitative result: a typed score within the band stands; without one, 达成 has full points and
/// the other two the band's floor (部分达成 60 %, 未达成 0). Returns the score and whether a typed
/// score lay outside the band.
pub fn band(result: Result3, points: Decimal, typed: Option<Decimal>) -> (Decimal, Rule, bool) {
    let (lo, hi) = band_points(result, points);
    let default = match result {
        Result3::Achieved => hi,
        Result3::Partly | Result3::Missed => lo,
    };
    match typed {
        Some(s) if s >= round2(lo) && s <= round2(hi) => (
            s,
            Rule::Band {
                result,
                typed: Some(s),
            },
            false,
        ),
        Some(_) => (
            default,
            Rule::Band {
                result,
                typed: None,
            },
            true,
        ),
        None => (
            default,
            Rule::Band {
                result,
                typed: None,
            },
            false,
        ),
    }
}

/// 预算执行: spent ÷ budget × points, at most the points; 0 when the budget is 0.
pub fn execution(budget: Decimal, spent: Decimal, points: Decimal) -> (Decimal, Rule) {
    (
        share(spent, budget, points),
        Rule::Execution { budget, spent },
    )
}

/// spent ÷ budget as a percentage rounded to 2 decimals (执行率); `None` when the budget is 0.
pub fn rate(budget: Decimal, spent: Decimal) -> Option<Decimal> {
    if budget <= Decimal::ZERO {
        return None;
    }
    spent
        .checked_div(budget)
        .and_then(|r| r.checked_mul(Decimal::from(100)))
        .map(round2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn the_cases_of_the_docs() {
        // docs/self-evaluation.md: ≥90 target, actual 81, 10 points → 9.00.
        assert_eq!(round2(at_least(d("90"), d("81"), d("10")).0), d("9.00"));
        // ≤100 target, actual 150, 10 points → 5.00.
        assert_eq!(
            round2(at_most(d("100"), d("150"), d("10"), Inverse::Linear).0),
            d("5.00")
        );
        // The ratio option: 100 ÷ 150 × 10 = 6.666… → 6.67.
        assert_eq!(
            round2(at_most(d("100"), d("150"), d("10"), Inverse::Ratio).0),
            d("6.67")
        );
        // Execution 47.5 of 50 → 9.50.
        assert_eq!(round2(execution(d("50"), d("47.5"), d("10")).0), d("9.50"));
        assert_eq!(zero_target(d("0"), d("5")).0, d("5"));
        // 85%-95%: 90 within, 68 below (68 ÷ 85 × 10 = 8), 100 above ((190 − 100) ÷ 95 × 10 = 9.47).
        let r = |a: &str| round2(range(d("85"), d("95"), d(a), d("10"), Inverse::Linear).0);
        assert_eq!(r("90"), d("10"));
        assert_eq!(r("68"), d("8.00"));
        assert_eq!(r("100"), d("9.47"));
        assert_eq!(zero_target(d("1"), d("5")).0, d("0"));
        assert_eq!(at_least(d("90"), d("-5"), d("10")).0, d("0"));
        assert_eq!(
            at_most(d("100"), d("250"), d("10"), Inverse::Linear).0,
            d("0")
        );
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round2(d("2.345")), d("2.35"));
        assert_eq!(round2(d("2.335")), d("2.34"));
    }

    #[test]
    fn bands() {
        let (s, _, out) = band(Result3::Partly, d("10"), Some(d("7")));
        assert_eq!((s, out), (d("7"), false));
        let (s, _, out) = band(Result3::Partly, d("10"), Some(d("9")));
        assert_eq!((s, out), (d("6"), true));
        assert_eq!(band(Result3::Achieved, d("10"), None).0, d("10"));
    }
}
