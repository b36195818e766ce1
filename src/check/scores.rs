//! 分值 / 权重: where a table weighs its indicators, every indicator has a weight, the weights under
//! each 一级指标 add up to its 分值 (`scores 产出指标 50 …`), and all of them to the form's total —
//! 100, or 90 where 预算执行 takes the other 10 (or what `scores … total N` says).

use super::{IndicatorTable, Review};
use crate::check::messages as msg;
use crate::diagnostic::Diagnostic;
use crate::domain::Horizon;
use crate::domain::money::exact;
use crate::model::{Indicator, Scores};
use crate::present::figures;
use rust_decimal::Decimal;

crate::codes::rules! {
    WEIGHT_MISSING = "B4050", Warning, "some indicators of a weighted table have no weight", "已设分值的表中有指标未填写分值";
    LEVEL1_SCORE_MISMATCH = "B4051", Error, "the weights under a 一级指标 differ from its 分值", "一级指标下各指标分值之和与该一级指标分值不符";
    WEIGHTS_TOTAL_MISMATCH = "B4052", Error, "the indicators' weights do not add up to the form's total", "各指标分值合计与表格要求的总分不符";
}

pub fn weights_add_up(review: &Review) -> Vec<Diagnostic> {
    let decl = review.decl;
    let mut out = Vec::new();
    for table in &review.tables {
        let scores = table
            .direction
            .and_then(|d| d.scores.as_ref())
            .or(decl.scores.as_ref());
        for horizon in [Horizon::Annual, Horizon::Overall] {
            let inds: Vec<&Indicator> = table
                .indicators
                .iter()
                .filter(|i| i.horizon == horizon)
                .collect();
            if inds.iter().all(|i| i.weight.is_none()) {
                continue;
            }
            check_table(decl, table, scores, &inds, &mut out);
        }
    }
    out
}

fn check_table(
    decl: &crate::model::Declaration,
    table: &IndicatorTable,
    scores: Option<&Scores>,
    inds: &[&Indicator],
    out: &mut Vec<Diagnostic>,
) {
    let missing: Vec<&&Indicator> = inds.iter().filter(|i| i.weight.is_none()).collect();
    if let Some(first) = missing.first() {
        out.push(
            Diagnostic::new(
                WEIGHT_MISSING,
                msg::weight_missing(&first.name.value, missing.len(), inds.len()),
                first.span,
                msg::label_no_weight(),
            )
            .with_help(msg::help_weight_missing())
            .with_path(&table.path),
        );
        // The sums cannot be judged until every indicator has its weight.
        return;
    }
    let sum = |of: &mut dyn Iterator<Item = Decimal>| exact::sum(of).ok();
    if let Some(s) = scores {
        for part in &s.parts {
            let under: Vec<&&Indicator> = inds
                .iter()
                .filter(|i| i.slot.is_some_and(|slot| slot.tier == part.tier))
                .collect();
            let Some(got) = sum(&mut under.iter().filter_map(|i| i.weight)) else {
                continue;
            };
            let fits = match part.most {
                Some(most) => part.points <= got && got <= most,
                None => got == part.points,
            };
            if !fits {
                let tier = decl
                    .framework
                    .tiers
                    .get(part.tier)
                    .map_or("", |t| t.name.as_str());
                let (message, points) = match part.most {
                    Some(most) => {
                        let (low, high) = (figures::exact(part.points), figures::exact(most));
                        (
                            msg::level1_score_outside_range(
                                tier,
                                &figures::exact(got),
                                &low,
                                &high,
                            ),
                            format!("{low}-{high}"),
                        )
                    }
                    None => (
                        msg::level1_score_mismatch(
                            tier,
                            &figures::exact(got),
                            &figures::exact(part.points),
                        ),
                        figures::exact(part.points),
                    ),
                };
                let mut d = Diagnostic::new(
                    LEVEL1_SCORE_MISMATCH,
                    message,
                    part.span,
                    msg::label_level1_score(tier, &points),
                )
                .with_help(msg::help_level1_score_mismatch())
                .with_path(&table.path);
                for i in under.iter().take(8) {
                    d = d.with_label(
                        i.span,
                        msg::label_weight(&i.weight.map(figures::exact).unwrap_or_default()),
                    );
                }
                out.push(d);
            }
        }
    }
    let Some(total) = sum(&mut inds.iter().filter_map(|i| i.weight)) else {
        return;
    };
    let expected: Vec<Decimal> = match scores {
        Some(Scores { total: Some(t), .. }) => vec![t.value],
        // Fixed 分值 fix the total; ranges leave it to the form's 100 or 90.
        Some(s) if !s.parts.is_empty() && s.parts.iter().all(|p| p.most.is_none()) => {
            sum(&mut s.parts.iter().map(|p| p.points))
                .into_iter()
                .collect()
        }
        _ => vec![Decimal::from(100), Decimal::from(90)],
    };
    if !expected.contains(&total) {
        let at = scores
            .and_then(|s| s.total.as_ref().map(|t| t.span))
            .or(inds.first().map(|i| i.span))
            .unwrap_or_default();
        let wanted: Vec<String> = expected.iter().map(|e| figures::exact(*e)).collect();
        out.push(
            Diagnostic::new(
                WEIGHTS_TOTAL_MISMATCH,
                msg::weights_total_mismatch(&figures::exact(total), &wanted),
                at,
                msg::label_weights_total(&figures::exact(total)),
            )
            .with_help(msg::help_weights_total(scores.is_some()))
            .with_path(&table.path),
        );
    }
}
