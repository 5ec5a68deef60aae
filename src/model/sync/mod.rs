//! Knowing which laptop changed what, so that two synced copies of one file merge by
//! themselves where they do not collide.
//!
//! A file is cut into **units**: each part of a record (its contact, its family…, without the
//! lists below), and each item of the lists that several people add to (sessions, appointments,
//! applications, bookings, waiting requests; a workshop's enrolments, a company's offers). Every
//! unit carries a [`Stamp`] in the file: a version vector (for each installation, how many
//! times it changed the unit), the hash of the content it describes, and who changed it last,
//! when. Saving bumps this installation's counter on the units whose content no longer matches
//! their stamp; a removed item keeps its stamp as a tombstone. Two copies then compare per
//! unit: one vector covering the other means only that side changed it since they parted; two
//! vectors that do not cover each other mean both changed it — the only case asked. See
//! ARCHITECTURE.md ("Synced copies").

mod record;
mod shared;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use record::{AskedPart, RecordMerge, merge_records, record_units};
pub use shared::{Shared, merge_shared};

/// For each installation, how many times it changed a unit.
pub type Clock = BTreeMap<String, u32>;

/// The version of one unit of a file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stamp {
    /// How many changes each installation made to this unit.
    pub clock: Clock,
    /// The hash of the content this stamp describes (of the removed item's last content for a
    /// tombstone).
    pub hash: u64,
    /// The item was removed.
    pub deleted: bool,
    /// Who changed it last (the counsellor's name).
    pub by: String,
    /// When.
    pub at: Option<DateTime<Utc>>,
}

/// Every unit's stamp, by the unit's key (`contact`, `sessions/…`, `enrolments/<id>`…).
pub type Versions = BTreeMap<String, Stamp>;

/// A file's units as they are now: each present unit's key and content hash.
pub type Units = BTreeMap<String, u64>;

/// Who saves, for the stamps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Editor {
    /// The installation's id (the profile's).
    pub installation: String,
    /// The counsellor's name.
    pub name: String,
}

/// A stable 64-bit hash (FNV-1a) of a text: the same on every machine and every build, unlike
/// `std`'s hasher.
#[must_use]
pub fn stable_hash(text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The stable hash of a value's compact RON text (0 when it cannot be written, which the
/// model's types never do).
#[must_use]
pub fn hash_of<T: Serialize + ?Sized>(value: &T) -> u64 {
    ron::to_string(value).map_or(0, |text| stable_hash(&text))
}

/// The stamps a file gets when saved with `units` as its content, its previous stamps being
/// `before`: units unchanged keep their stamp; changed or new ones get `editor`'s counter
/// bumped; units gone become tombstones (once).
#[must_use]
pub fn restamp(before: &Versions, units: &Units, editor: &Editor, now: DateTime<Utc>) -> Versions {
    let bump = |previous: Option<&Stamp>, hash: u64, deleted: bool| {
        let mut clock = previous.map(|s| s.clock.clone()).unwrap_or_default();
        let count = clock.entry(editor.installation.clone()).or_insert(0);
        *count = count.saturating_add(1);
        Stamp {
            clock,
            hash,
            deleted,
            by: editor.name.clone(),
            at: Some(now),
        }
    };
    let mut after = Versions::new();
    for (key, &hash) in units {
        let previous = before.get(key);
        let stamp = match previous {
            Some(stamp) if !stamp.deleted && stamp.hash == hash => stamp.clone(),
            _ => bump(previous, hash, false),
        };
        after.insert(key.clone(), stamp);
    }
    for (key, stamp) in before {
        if units.contains_key(key) {
            continue;
        }
        let tombstone = if stamp.deleted {
            stamp.clone()
        } else {
            bump(Some(stamp), stamp.hash, true)
        };
        after.insert(key.clone(), tombstone);
    }
    after
}

/// How two copies' versions of one unit relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Same content: nothing to decide.
    Same,
    /// Only the first copy changed it since they parted: take the first.
    First,
    /// Only the second copy changed it: take the second.
    Second,
    /// Both changed it (or a stamp does not describe the content: a hand edit): ask.
    Both,
}

/// `a` covers `b`: every installation counted in `b` is counted at least as much in `a`.
fn covers(a: &Clock, b: &Clock) -> bool {
    b.iter().all(|(who, n)| a.get(who).is_some_and(|m| m >= n))
}

/// The element-wise maximum of two clocks: a version that has seen both.
#[must_use]
pub fn join(a: &Clock, b: &Clock) -> Clock {
    let mut joined = a.clone();
    for (who, &n) in b {
        let count = joined.entry(who.clone()).or_insert(0);
        *count = (*count).max(n);
    }
    joined
}

/// The stamp that describes a unit's present state in one copy, or `None` when the stamp is
/// missing or describes other content (a file from before the stamps, or edited by hand).
fn trusted(stamp: Option<&Stamp>, hash: Option<u64>) -> Option<Clock> {
    match (stamp, hash) {
        // No stamp and no content: the copy never had the unit.
        (None, None) => Some(Clock::new()),
        (Some(s), None) if s.deleted => Some(s.clock.clone()),
        (Some(s), Some(h)) if !s.deleted && s.hash == h => Some(s.clock.clone()),
        _ => None,
    }
}

/// How two copies' versions of one unit relate: `hash_*` is the unit's content hash in each
/// copy (`None`: absent there), `stamp_*` its stamp there.
#[must_use]
pub fn order(
    hash_a: Option<u64>,
    stamp_a: Option<&Stamp>,
    hash_b: Option<u64>,
    stamp_b: Option<&Stamp>,
) -> Order {
    if hash_a == hash_b {
        return Order::Same;
    }
    let (Some(a), Some(b)) = (trusted(stamp_a, hash_a), trusted(stamp_b, hash_b)) else {
        return Order::Both;
    };
    match (covers(&a, &b), covers(&b, &a)) {
        (true, false) => Order::First,
        (false, true) => Order::Second,
        // Equal clocks with different content, or concurrent changes.
        _ => Order::Both,
    }
}

/// The stamp a merged copy carries for a unit decided automatically: the winner's, with a
/// clock that has seen both (so that neither copy, met again, looks newer).
#[must_use]
pub fn merged_stamp(winner: Option<&Stamp>, loser: Option<&Stamp>) -> Option<Stamp> {
    let mut stamp = winner.or(loser)?.clone();
    if let (Some(w), Some(l)) = (winner, loser) {
        stamp.clock = join(&w.clock, &l.clock);
    }
    Some(stamp)
}

/// The last change of a unit as the conflict window shows it: who and when.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Change {
    /// The counsellor's name ("" when the file does not say).
    pub by: String,
    /// When ("None" when the file does not say).
    pub at: Option<DateTime<Utc>>,
}

impl Change {
    /// The latest change among the stamps of `keys`.
    fn latest<'a>(versions: &Versions, keys: impl Iterator<Item = &'a String>) -> Self {
        keys.filter_map(|k| versions.get(k))
            .max_by_key(|s| s.at)
            .map(|s| Self {
                by: s.by.clone(),
                at: s.at,
            })
            .unwrap_or_default()
    }
}

/// Merges one list of items by key. `prefer_second` decides the items both copies changed.
/// Returns the merged list (the first copy's order, then the second's additions) and the keys
/// both changed.
fn merge_items<T: Clone + Serialize>(
    first: &[T],
    second: &[T],
    key: impl Fn(&T) -> String,
    (versions_a, versions_b): (&Versions, &Versions),
    prefer_second: bool,
    merged_versions: &mut Versions,
) -> (Vec<T>, BTreeSet<String>) {
    let index = |items: &[T]| -> BTreeMap<String, (usize, u64)> {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (key(item), (i, hash_of(item))))
            .collect()
    };
    let (in_a, in_b) = (index(first), index(second));
    let mut collided = BTreeSet::new();
    let mut keep_a = vec![None; first.len()];
    let mut added_b = Vec::new();
    let keys: BTreeSet<&String> = in_a.keys().chain(in_b.keys()).collect();
    for k in keys {
        let (a, b) = (in_a.get(k), in_b.get(k));
        let (sa, sb) = (versions_a.get(k), versions_b.get(k));
        let decided = order(a.map(|x| x.1), sa, b.map(|x| x.1), sb);
        let take_second = match decided {
            Order::Same | Order::First => false,
            Order::Second => true,
            Order::Both => {
                // An item changed on one side and removed on the other stays: a removal wins
                // only over an item nobody touched.
                if a.is_none() || b.is_none() {
                    a.is_none()
                } else {
                    collided.insert(k.clone());
                    prefer_second
                }
            }
        };
        let (winner, loser) = if take_second { (sb, sa) } else { (sa, sb) };
        if decided == Order::Both && (a.is_some() && b.is_some()) {
            // Left as each copy had it: the choice, not this merge, settles it.
            if let Some(stamp) = winner {
                merged_versions.insert(k.clone(), stamp.clone());
            }
        } else if let Some(stamp) = merged_stamp(winner, loser) {
            merged_versions.insert(k.clone(), stamp);
        }
        match (take_second, a, b) {
            (false, Some(&(i, _)), _) => keep_a[i] = first.get(i).cloned(),
            (true, Some(&(i, _)), Some(&(j, _))) => keep_a[i] = second.get(j).cloned(),
            (true, None, Some(&(j, _))) => added_b.extend(second.get(j).map(|item| (j, item))),
            _ => {}
        }
    }
    let mut merged: Vec<T> = keep_a.into_iter().flatten().collect();
    added_b.sort_by_key(|(j, _)| *j);
    merged.extend(added_b.into_iter().map(|(_, item)| item.clone()));
    (merged, collided)
}

#[cfg(test)]
mod tests;
