//! Pairing the items of an old and a new list: by an equal key first, then by closeness (rewording).

use super::text;

/// Pairs the items of two lists: `same` first (each new item takes the first unused old one), then a
/// leftover new item takes the unused old one with the highest `closeness` (`None`: not a candidate),
/// the earlier one on a tie. Returns, for each new item, the index of its old partner.
pub(super) fn pair<T>(
    old: &[T],
    new: &[T],
    same: impl Fn(&T, &T) -> bool,
    closeness: impl Fn(&T, &T) -> Option<usize>,
) -> (Vec<Option<usize>>, Vec<bool>) {
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
    (partner, used)
}

/// Closeness of two reworded texts: shared characters, when at least half are shared.
pub(super) fn text_closeness(old: &str, new: &str) -> Option<usize> {
    text::similar_enough(old, new).then(|| text::common_chars(old, new))
}
