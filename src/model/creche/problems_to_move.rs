//! Two laptops that each booked the last place offline: once their copies merged, both bookings
//! are there and the crèche is over its places. The oldest booking keeps the place (a booking's
//! id is a UUID v7: it orders bookings by the moment they were made, on whichever laptop); the
//! newer one is named, so that its counsellor moves it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{NaiveDate, NaiveTime};

use super::capacity::{Occupancy, SlotEntry, bookings_of};
use super::grid::{day_label, format_time, slot_time};
use super::settings::CrecheSettings;
use crate::model::{Beneficiary, BeneficiaryId, BookingId, ChildId};

/// A booking to move: newer than the bookings that already fill every place of a half-hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingToMove {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// The booking.
    pub booking: BookingId,
    /// The child.
    pub child: ChildId,
    /// The first day it is over the places.
    pub date: NaiveDate,
    /// From (that day).
    pub start: NaiveTime,
    /// To (that day).
    pub end: NaiveTime,
    /// The places.
    pub capacity: u32,
    /// The parent's name, for `parcours check`.
    pub parent_name: String,
    /// The child's first name, for `parcours check`.
    pub child_name: String,
}

impl fmt::Display for BookingToMove {
    /// The line `parcours check` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "micro-crèche : réservation à déplacer — {} (fiche de {}), {} de {} à {} : les {} \
             places étaient prises par des réservations plus anciennes, la plus ancienne garde la \
             place",
            self.child_name,
            self.parent_name,
            day_label(self.date),
            format_time(self.start),
            format_time(self.end),
            self.capacity
        )
    }
}

/// In one over-full half-hour, the bookings beyond the places: children ordered by their
/// oldest booking there, the first `capacity` keep their place.
fn beyond_capacity(entries: &[SlotEntry], capacity: u32) -> Vec<&SlotEntry> {
    let mut oldest: BTreeMap<ChildId, BookingId> = BTreeMap::new();
    for e in entries {
        oldest
            .entry(e.child)
            .and_modify(|b| *b = (*b).min(e.booking))
            .or_insert(e.booking);
    }
    let mut children: Vec<(BookingId, ChildId)> = oldest.into_iter().map(|(c, b)| (b, c)).collect();
    children.sort();
    let keep = usize::try_from(capacity).unwrap_or(usize::MAX);
    let moved: BTreeSet<ChildId> = children.into_iter().skip(keep).map(|(_, c)| c).collect();
    entries
        .iter()
        .filter(|e| moved.contains(&e.child))
        .collect()
}

/// The bookings of `parent` (among `records`, which include it) to move, each with the first
/// time it is over the places. Only the dates of that parent's bookings are expanded.
#[must_use]
pub fn bookings_to_move(
    parent: &Beneficiary,
    records: &[&Beneficiary],
    settings: &CrecheSettings,
) -> Vec<BookingToMove> {
    let spans = parent.creche.bookings.iter().map(|b| b.schedule.span());
    let (Some(from), Some(to)) = (
        spans.clone().map(|(first, _)| first).min(),
        spans.map(|(_, last)| last).max(),
    ) else {
        return Vec::new();
    };
    to_move(records, settings, (from, to), Some(parent.id))
}

/// Every booking to move, across all records (`parcours check`).
#[must_use]
pub fn all_bookings_to_move(
    records: &[&Beneficiary],
    settings: &CrecheSettings,
) -> Vec<BookingToMove> {
    to_move(records, settings, (NaiveDate::MIN, NaiveDate::MAX), None)
}

fn to_move(
    records: &[&Beneficiary],
    settings: &CrecheSettings,
    (from, to): (NaiveDate, NaiveDate),
    only: Option<BeneficiaryId>,
) -> Vec<BookingToMove> {
    let occupancy = Occupancy::build(bookings_of(records), settings, from, to, None);
    let mut found: BTreeMap<BookingId, BookingToMove> = BTreeMap::new();
    for (date, slot, _) in occupancy.over(settings.capacity) {
        let Some(entries) = occupancy.slots.get(&(date, slot)) else {
            continue;
        };
        for entry in beyond_capacity(entries, settings.capacity) {
            if only.is_some_and(|id| id != entry.parent) {
                continue;
            }
            let end = slot_time(slot + 1);
            if let Some(m) = found.get_mut(&entry.booking) {
                // The first day's consecutive half-hours make its time.
                if m.date == date && m.end == slot_time(slot) {
                    m.end = end;
                }
                continue;
            }
            let parent = records.iter().find(|r| r.id == entry.parent);
            let child_name = parent
                .and_then(|p| p.family.children.iter().find(|c| c.id == entry.child))
                .map(|c| c.first_name.clone())
                .unwrap_or_default();
            found.insert(
                entry.booking,
                BookingToMove {
                    parent: entry.parent,
                    booking: entry.booking,
                    child: entry.child,
                    date,
                    start: slot_time(slot),
                    end,
                    capacity: settings.capacity,
                    parent_name: parent.map(|p| p.display_name()).unwrap_or_default(),
                    child_name,
                },
            );
        }
    }
    found.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::creche::test_support::*;
    use crate::model::record::dates::test_support::d;

    #[test]
    fn of_two_bookings_of_the_last_place_the_newer_is_to_move() {
        let settings = CrecheSettings::default();
        let mut records = twelve_booked();
        records.truncate(11);
        // Booked on two laptops for the last place of the same morning, the first one a moment
        // earlier.
        let mut first = parent("Premier", d(2025, 4, 4));
        let early = once(&first, d(2026, 11, 24), t(9, 0), t(10, 0));
        first.creche.bookings.push(early);
        std::thread::sleep(std::time::Duration::from_millis(2));
        let mut second = parent("Second", d(2025, 5, 5));
        let late = once(&second, d(2026, 11, 24), t(9, 0), t(10, 30));
        second.creche.bookings.push(late.clone());
        records.push(second.clone());
        records.push(first.clone());
        let all = refs(&records);
        assert!(
            bookings_to_move(&first, &all, &settings).is_empty(),
            "the oldest keeps it"
        );
        let to_move = bookings_to_move(&second, &all, &settings);
        assert_eq!(to_move.len(), 1);
        assert_eq!(to_move[0].booking, late.id);
        assert_eq!(
            (to_move[0].date, to_move[0].start, to_move[0].end),
            (d(2026, 11, 24), t(9, 0), t(10, 0))
        );
        assert_eq!(all_bookings_to_move(&all, &settings), to_move);
        assert!(
            to_move[0].to_string().contains("Enfant Second"),
            "{}",
            to_move[0]
        );
    }
}
