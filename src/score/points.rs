//! What each indicator is worth under a profile: `mof` gives 产出 (with 成本) 50, 效益 30 and 满意度 10
//! (满意度's points go to 效益 when no indicator is one); `free-split` gives 90 to all of them. Within a
//! block, points follow the indicators' weights when every one has a weight, else they are even.

use crate::domain::framework::{Role, TierRole};
use crate::domain::scoring::ProfileKind;
use crate::model::{Declaration, Indicator};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Output,
    Benefit,
    Satisfaction,
}

fn block_of(decl: &Declaration, ind: &Indicator) -> Block {
    let category = decl.category_of(ind).and_then(|c| c.role);
    if category == Some(Role::Satisfaction) {
        return Block::Satisfaction;
    }
    let tier = ind
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .and_then(|t| t.role);
    match (tier, category) {
        (Some(TierRole::Satisfaction), _) => Block::Satisfaction,
        (Some(TierRole::Benefit), _) => Block::Benefit,
        (Some(TierRole::Output | TierRole::Cost), _) => Block::Output,
        (None, Some(Role::Economic | Role::Social | Role::Ecological | Role::Sustainable)) => {
            Block::Benefit
        }
        (None, _) => Block::Output,
    }
}

/// Each indicator's points, in the order given.
pub fn allocate(decl: &Declaration, kind: ProfileKind, inds: &[&Indicator]) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; inds.len()];
    match kind {
        ProfileKind::FreeSplit => {
            let all: Vec<usize> = (0..inds.len()).collect();
            split(Decimal::from(90), &all, inds, &mut out);
        }
        ProfileKind::Mof => {
            let blocks: Vec<Block> = inds.iter().map(|i| block_of(decl, i)).collect();
            let members = |b: Block| -> Vec<usize> {
                (0..inds.len())
                    .filter(|i| blocks.get(*i) == Some(&b))
                    .collect()
            };
            let satisfaction = members(Block::Satisfaction);
            let benefit_points = if satisfaction.is_empty() { 40 } else { 30 };
            split(Decimal::from(50), &members(Block::Output), inds, &mut out);
            split(
                Decimal::from(benefit_points),
                &members(Block::Benefit),
                inds,
                &mut out,
            );
            split(Decimal::from(10), &satisfaction, inds, &mut out);
        }
    }
    out
}

/// Splits `points` among the members: by weight when every member has one (and they add up to more
/// than 0), else evenly. Each share is in whole cents (the tables print 2 decimals, and a full score
/// must be the printed points), and the shares add up to `points` exactly: each is cut down to the
/// cent and the cents left over go to the largest remainders, the earlier member on a tie.
fn split(points: Decimal, members: &[usize], inds: &[&Indicator], out: &mut [Decimal]) {
    let mut exact = vec![Decimal::ZERO; inds.len()];
    split_exact(points, members, inds, &mut exact);
    let cent = Decimal::new(1, 2);
    let mut shares: Vec<(usize, Decimal, Decimal)> = members
        .iter()
        .map(|i| {
            let e = exact.get(*i).copied().unwrap_or_default();
            let down = e.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
            (*i, down, e - down)
        })
        .collect();
    let given: Decimal = shares.iter().map(|s| s.1).sum();
    let mut left = points - given;
    let mut order: Vec<usize> = (0..shares.len()).collect();
    // Largest remainder first; `sort_by` is stable, so ties keep the members' order.
    order.sort_by(|a, b| {
        let ra = shares.get(*a).map(|s| s.2).unwrap_or_default();
        let rb = shares.get(*b).map(|s| s.2).unwrap_or_default();
        rb.cmp(&ra)
    });
    for k in order {
        if left < cent {
            break;
        }
        if let Some(s) = shares.get_mut(k) {
            s.1 += cent;
            left -= cent;
        }
    }
    for (i, share, _) in shares {
        if let Some(slot) = out.get_mut(i) {
            *slot = share;
        }
    }
}

fn split_exact(points: Decimal, members: &[usize], inds: &[&Indicator], out: &mut [Decimal]) {
    if members.is_empty() {
        return;
    }
    let weights: Option<Vec<Decimal>> = members
        .iter()
        .map(|i| inds.get(*i).and_then(|ind| ind.weight))
        .collect();
    let total: Option<Decimal> = weights.as_ref().and_then(|ws| {
        ws.iter()
            .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(*w))
    });
    let by_weight = matches!((&weights, total), (Some(ws), Some(t)) if t > Decimal::ZERO && ws.iter().all(|w| *w >= Decimal::ZERO));
    let n = Decimal::from(members.len());
    for (k, i) in members.iter().enumerate() {
        let p = match (&weights, total) {
            (Some(ws), Some(t)) if by_weight => ws
                .get(k)
                .and_then(|w| {
                    if t == points {
                        Some(*w)
                    } else {
                        w.checked_mul(points).and_then(|x| x.checked_div(t))
                    }
                })
                .unwrap_or(Decimal::ZERO),
            _ => points.checked_div(n).unwrap_or(Decimal::ZERO),
        };
        if let Some(slot) = out.get_mut(*i) {
            *slot = p;
        }
    }
}
