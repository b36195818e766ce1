//! 项目实施期: the spellings departments use, read into start, end and length where possible. The
//! original spelling is always kept for output.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Period {
    pub text: String,
    pub start: Option<YearMonth>,
    pub end: Option<YearMonth>,
    /// Length in months, when known.
    pub months: Option<u32>,
    pub long_term: bool,
}

impl Period {
    /// Reads `1年`, `3年`, `36个月`, `2021年`, `2021-2025年`, `2024.07-2025.06`, `2024年3月-2025年2月`,
    /// `2024-01-01至2024-12-31`, `长期`. `None` when the text is none of these (kept as text only).
    pub fn parse(text: &str) -> Option<Period> {
        let t = text.trim();
        let mut p = Period {
            text: text.to_string(),
            ..Default::default()
        };
        if t == "长期" {
            p.long_term = true;
            return Some(p);
        }
        if let Some(n) = t.strip_suffix("个月").and_then(small_number) {
            p.months = Some(n);
            return Some(p);
        }
        if let Some(n) = t
            .strip_suffix('年')
            .and_then(small_number)
            .filter(|n| *n < 100)
        {
            p.months = Some(n * 12);
            return Some(p);
        }
        let Some((a, b)) = split_range(t) else {
            return Period::single_year(text);
        };
        let (start, end) = match (year_month(a, false), year_month(b, true)) {
            (Some(s), Some(e)) => (s, e),
            // `2021-2025年`: the unit comes after the second year only.
            _ => (year_month(&format!("{a}年"), false)?, year_month(b, true)?),
        };
        if end < start {
            return None;
        }
        p.start = Some(start);
        p.end = Some(end);
        p.months =
            Some(((end.year - start.year) * 12 + end.month as i32 - start.month as i32 + 1) as u32);
        Some(p)
    }

    /// A single year (`2021年`) is a range of its own.
    pub fn single_year(text: &str) -> Option<Period> {
        let y = year_month(text.trim(), false)?;
        let e = year_month(text.trim(), true)?;
        Some(Period {
            text: text.to_string(),
            start: Some(y),
            end: Some(e),
            months: Some(12),
            long_term: false,
        })
    }

    /// Whether the period covers any part of `year`. Relative lengths (`1年`) and 长期 are taken to start
    /// in the budget year.
    pub fn includes_year(&self, year: i32) -> bool {
        match (self.start, self.end) {
            (Some(s), Some(e)) => s.year <= year && year <= e.year,
            _ => true,
        }
    }
}

fn small_number(s: &str) -> Option<u32> {
    let n: u32 = s.parse().ok()?;
    (n > 0 && n <= 1200).then_some(n)
}

fn split_range(t: &str) -> Option<(&str, &str)> {
    for sep in ["至", "~", "～", "—", "－"] {
        if let Some((a, b)) = t.split_once(sep) {
            return Some((a.trim(), b.trim()));
        }
    }
    // `-` separates the range only where it is not inside a date (`2024-01-01-2024-12-31` is not used).
    let dashes: Vec<usize> = t.match_indices('-').map(|(i, _)| i).collect();
    let mid = match dashes.as_slice() {
        [only] => *only,
        [_, _, mid, _, _] => *mid,
        _ => return None,
    };
    Some((t.get(..mid)?.trim(), t.get(mid + 1..)?.trim()))
}

/// `2024.07`, `2024年3月`, `2024-01-01`, `2024年`, `2024`: a year and a month. A bare year means January
/// for a start and December for an end.
fn year_month(s: &str, is_end: bool) -> Option<YearMonth> {
    let s = s.trim().trim_end_matches('日');
    let parts: Vec<&str> = s
        .split(['.', '-', '年', '月', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    let year: i32 = parts.first()?.parse().ok()?;
    if !(1900..=2200).contains(&year) || parts.first()?.len() != 4 {
        return None;
    }
    let month = match parts.get(1) {
        Some(m) => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        None if s.chars().all(|c| c.is_ascii_digit() || c == '年') => {
            if is_end {
                12
            } else {
                1
            }
        }
        None => return None,
    };
    if parts.len() > 3 {
        return None;
    }
    Some(YearMonth { year, month })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(t: &str) -> Option<u32> {
        Period::parse(t).and_then(|p| p.months)
    }

    #[test]
    fn the_spellings_in_use() {
        assert_eq!(months("1年"), Some(12));
        assert_eq!(months("36个月"), Some(36));
        assert_eq!(months("2021-2025年"), Some(60));
        assert_eq!(months("2024.07-2025.06"), Some(12));
        assert_eq!(months("2024年3月-2025年2月"), Some(12));
        assert_eq!(months("2024-01-01至2024-12-31"), Some(12));
        assert!(Period::parse("长期").unwrap().long_term);
        assert!(
            !Period::parse("2019.01-2020.12")
                .unwrap()
                .includes_year(2021)
        );
        assert_eq!(Period::parse("下半年"), None);
        assert_eq!(months("2021年"), Some(12));
    }
}
