//! What each indicator is worth under a profile: `mof` gives 产出 (with 成本) 50, 效益 30 and 满意度 10
//! (满意度's points go to 效益 when no indicator is one); `free-split` gives 90 to all of them. Within a
//! block, points follow the indicators' weights when every one has a weight, else they are even.

use crate::domain::framework::{Role, TierRole};
use crate::domain::scoring::ProfileKind;
use crate::model::{Declaration, Indicator};
use rust_decimal::Decimal;

/// A block of the profile: its name, what it is worth, and the indicators in it (their positions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// 产出, 效益, 满意度 (`mof`), or 指标 (`free-split`, one block of 90).
    pub name: &'static str,
    pub points: Decimal,
    pub members: Vec<usize>,
}

impl Block {
    /// What the members' weights add up to, when every member has one.
    pub fn weights(&self, inds: &[&Indicator]) -> Option<Decimal> {
        self.members
            .iter()
            .map(|i| inds.get(*i).and_then(|ind| ind.weight))
            .try_fold(Decimal::ZERO, |acc, w| acc.checked_add(w?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Output,
    Benefit,
    Satisfaction,
}

fn kind_of(decl: &Declaration, ind: &Indicator) -> Kind {
    let category = decl.category_of(ind).and_then(|c| c.role);
    if category == Some(Role::Satisfaction) {
        return Kind::Satisfaction;
    }
    let tier = ind
        .slot
        .and_then(|s| decl.framework.tiers.get(s.tier))
        .and_then(|t| t.role);
    match (tier, category) {
        (Some(TierRole::Satisfaction), _) => Kind::Satisfaction,
        (Some(TierRole::Benefit), _) => Kind::Benefit,
        (Some(TierRole::Output | TierRole::Cost), _) => Kind::Output,
        (None, Some(Role::Economic | Role::Social | Role::Ecological | Role::Sustainable)) => {
            Kind::Benefit
        }
        (None, _) => Kind::Output,
    }
}

/// The profile's blocks over the indicators given (blocks without an indicator left out).
pub fn blocks(decl: &Declaration, kind: ProfileKind, inds: &[&Indicator]) -> Vec<Block> {
    let all = |name, points: u32, members: Vec<usize>| Block {
        name,
        points: Decimal::from(points),
        members,
    };
    let out = match kind {
        ProfileKind::FreeSplit => vec![all("指标", 90, (0..inds.len()).collect())],
        ProfileKind::Mof => {
            let kinds: Vec<Kind> = inds.iter().map(|i| kind_of(decl, i)).collect();
            let members = |k: Kind| -> Vec<usize> {
                (0..inds.len())
                    .filter(|i| kinds.get(*i) == Some(&k))
                    .collect()
            };
            let satisfaction = members(Kind::Satisfaction);
            let benefit_points = if satisfaction.is_empty() { 40 } else { 30 };
            vec![
                all("产出", 50, members(Kind::Output)),
                all("效益", benefit_points, members(Kind::Benefit)),
                all("满意度", 10, satisfaction),
            ]
        }
    };
    out.into_iter().filter(|b| !b.members.is_empty()).collect()
}

/// Each indicator's points, in the order given.
pub fn allocate(decl: &Declaration, kind: ProfileKind, inds: &[&Indicator]) -> Vec<Decimal> {
    let mut out = vec![Decimal::ZERO; inds.len()];
    for b in blocks(decl, kind, inds) {
        split(b.points, &b.members, inds, &mut out);
    }
    out
}

/// Splits `points` among the members: by weight when every member has one (and they add up to more
/// than 0), else evenly. Each share is in whole cents (the tables print 2 decimals, and a full score
/// must be the printed points), and the shares add up to `points` exactly: each is cut down to the
/// cent and the cents left over go to the largest remainders, on a tie the member printed first.
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
    // Largest remainder first; on a tie, the member the table prints first (by 一级 and 二级 in the
    // framework's order, then as written), so that the points follow from what the tables show.
    let printed = |k: &usize| {
        shares
            .get(*k)
            .map_or((usize::MAX, usize::MAX, usize::MAX), |s| {
                let slot = inds.get(s.0).and_then(|ind| ind.slot);
                slot.map_or((usize::MAX, usize::MAX, s.0), |x| (x.tier, x.category, s.0))
            })
    };
    order.sort_by(|a, b| {
        let ra = shares.get(*a).map(|s| s.2).unwrap_or_default();
        let rb = shares.get(*b).map(|s| s.2).unwrap_or_default();
        rb.cmp(&ra).then_with(|| printed(a).cmp(&printed(b)))
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
