//! Provenance in words: `50人 × 612元/人/月 × 12月 = 367200元`, `一般公共预算 + 政府性基金`,
//! `people of "巡逻" = 50人 + 8人 = 58人`. Formulas are figures and code and read the same in both
//! languages; the few words (the sum of the directions, 各支出方向合计) come in each.

use super::figures::exact;
use crate::domain::Per;
use crate::messages::Text;
use crate::model::{BasisTerms, How, Measure, Reference};
use rust_decimal::Decimal;

/// How a derived figure was computed, in both languages.
pub fn how(how: &How) -> Text {
    match how {
        How::Basis(terms) => same(basis(terms)),
        How::Lines(parts) => same(
            parts
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(" + "),
        ),
        How::Costs { costs, children } => {
            let parts: Vec<String> = costs
                .iter()
                .map(basis)
                .chain(children.iter().map(|c| {
                    let amount = c.amount.map_or("—".to_string(), |m| exact(m.amount()));
                    format!("{} {amount}", c.name)
                }))
                .collect();
            Text::new(parts.join("; "), parts.join("；"))
        }
        How::Directions(_)
        | How::People { .. }
        | How::Qty { .. }
        | How::AmountOf { .. }
        | How::LineOf { .. }
        | How::Total => head(how),
    }
}

/// A reference and what it came to: `people of "巡逻" = 50人 + 8人 = 58人`, `资金总额 = 173.4271万元`.
pub fn reference(r: &Reference) -> Text {
    let head = head(&r.how);
    let value = measure(&r.value);
    Text::new(
        format!("{} = {value}", head.en),
        format!("{} = {value}", head.zh),
    )
}

/// `58人`, `36.72万元`, `500亩`.
pub fn measure(m: &Measure) -> String {
    match m {
        Measure::Money(m) => super::figures::money(*m),
        Measure::Percent(n) => format!("{}%", exact(*n)),
        Measure::Count { number, unit } => {
            format!("{}{}", exact(*number), unit.as_deref().unwrap_or(""))
        }
    }
}

/// What a reference names, with the parts it adds where there are several.
fn head(how: &How) -> Text {
    match how {
        How::Directions(_) => Text::new("the sum of the directions", "各支出方向合计"),
        How::People { direction, parts } => {
            let mut s = format!("people of \"{direction}\"");
            if parts.len() > 1 {
                let parts: Vec<String> = parts.iter().map(|p| format!("{}人", exact(*p))).collect();
                s.push_str(&format!(" = {}", parts.join(" + ")));
            }
            same(s)
        }
        How::Qty { direction, .. } => same(format!("qty of \"{direction}\"")),
        How::AmountOf { direction } => same(format!("amount of \"{direction}\"")),
        How::LineOf { breakdown, name } => same(format!("{} \"{name}\"", breakdown.keyword())),
        How::Total => same("资金总额".to_string()),
        How::Basis(_) | How::Lines(_) | How::Costs { .. } => self::how(how),
    }
}

fn same(s: String) -> Text {
    Text::new(s.clone(), s)
}

/// `5人 × 235元/人/月 × 12月 = 14100元`; a yearly price for months that are not whole years shows the
/// division last, as it is computed.
pub fn basis(t: &BasisTerms) -> String {
    let unit = &t.count_unit;
    let twelve = Decimal::from(12);
    let tail = match (t.per, t.months) {
        (Per::Month, Some(m)) => format!("元/{unit}/月 × {}月", exact(m)),
        (Per::Year, Some(m)) if (m % twelve).is_zero() => {
            format!("元/{unit}/年 × {}年", exact(m / twelve))
        }
        (Per::Year, Some(m)) => format!("元/{unit}/年 × {}月 ÷ 12", exact(m)),
        (_, _) => format!("元/{unit}"),
    };
    format!(
        "{}{unit} × {}{tail} = {}元",
        t.count_text,
        t.price_text,
        exact(t.result.amount())
    )
}
