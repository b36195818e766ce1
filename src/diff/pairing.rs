//! Pairing the items of an old and a new list, written once for every list the diff compares (lines,
//! directions, cost lines, indicators, plans, tasks, unnamed texts): by an equal key first, then a
//! leftover by closeness (a reworded item), and what is left is added or removed.

use super::text;

/// One item of the comparison, with its 0-based position in its own list.
pub(super) enum Paired<'a, T> {
    Both { old: &'a T, new: &'a T, at: usize },
    Added { new: &'a T, at: usize },
    Removed { old: &'a T, at: usize },
}

/// Pairs the items of two lists: `same` first (each new item takes the first unused old one), then a
/// leftover new item takes the unused old one with the highest `closeness` (`None`: not a candidate),
/// the earlier one on a tie. The result is in the new list's order, then what only the old list had,
/// in its order — so the same two lists always give the same output.
pub(super) fn pair<'a, T>(
    old: &'a [T],
    new: &'a [T],
    same: impl Fn(&T, &T) -> bool,
    closeness: impl Fn(&T, &T) -> Option<usize>,
) -> Vec<Paired<'a, T>> {
    let mut used = vec![false; old.len()];
    let mut partner = vec![None; new.len()];
    for (n, slot) in new.iter().zip(partner.iter_mut()) {
        let found = old
            .iter()
            .zip(used.iter_mut())
            .enumerate()
            .find(|(_, (o, u))| !**u && same(o, n));
        if let Some((j, (_, u))) = found {
            *u = true;
            *slot = Some(j);
        }
    }
    for (n, slot) in new.iter().zip(partner.iter_mut()) {
        if slot.is_some() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, (o, &u)) in old.iter().zip(&used).enumerate() {
            if u {
                continue;
            }
            if let Some(score) = closeness(o, n)
                && best.is_none_or(|(_, s)| score > s)
            {
                best = Some((j, score));
            }
        }
        if let Some((j, _)) = best
            && let Some(u) = used.get_mut(j)
        {
            *u = true;
            *slot = Some(j);
        }
    }
    let mut out = Vec::with_capacity(new.len());
    for (at, (n, matched)) in new.iter().zip(partner).enumerate() {
        out.push(match matched.and_then(|j| old.get(j)) {
            Some(o) => Paired::Both { old: o, new: n, at },
            None => Paired::Added { new: n, at },
        });
    }
    for (at, (o, taken)) in old.iter().zip(used).enumerate() {
        if !taken {
            out.push(Paired::Removed { old: o, at });
        }
    }
    out
}

/// Pairs by an equal key only (names: a renamed line or direction is one removed and one added).
pub(super) fn pair_by<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<Paired<'a, T>> {
    pair(old, new, |o, n| key(o) == key(n), |_, _| None)
}

/// Closeness of two reworded texts: shared characters, when at least half are shared.
pub(super) fn text_closeness(old: &str, new: &str) -> Option<usize> {
    text::similar_enough(old, new).then(|| text::common_chars(old, new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(p: &[Paired<&str>]) -> Vec<String> {
        p.iter()
            .map(|p| match p {
                Paired::Both { old, new, at } => format!("{old}={new}@{at}"),
                Paired::Added { new, at } => format!("+{new}@{at}"),
                Paired::Removed { old, at } => format!("-{old}@{at}"),
            })
            .collect()
    }

    #[test]
    fn equal_first_then_closest_then_added_and_removed_in_order() {
        let old = ["甲乙丙丁", "戊", "己庚辛壬", "子"];
        let new = ["己庚辛癸", "戊", "甲乙丙丁", "丑"];
        let p = pair(&old, &new, |o, n| o == n, |o, n| text_closeness(o, n));
        assert_eq!(
            shape(&p),
            [
                "己庚辛壬=己庚辛癸@0",
                "戊=戊@1",
                "甲乙丙丁=甲乙丙丁@2",
                "+丑@3",
                "-子@3"
            ]
        );
    }

    #[test]
    fn by_key_never_pairs_a_rewording() {
        let p = pair_by(&["甲乙丙丁"], &["甲乙丙戊"], |s: &&str| *s);
        assert_eq!(shape(&p), ["+甲乙丙戊@0", "-甲乙丙丁@0"]);
    }
}
