//! Capacity, a rule across records: every booked half-hour expanded from all the families'
//! bookings ([`Occupancy`]), and the checks that plan a booking or refuse it (grid, opening
//! hours, age, places) with the nearest free alternatives.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate, NaiveTime};

use super::booking::{Booking, MAX_BOOKING_DAYS, Schedule};
use super::grid::{on_grid, slot_of, slot_time};
use super::refusal::{FullSlot, Planned, Refusal, Suggestion};
use super::settings::CrecheSettings;
use crate::model::{Beneficiary, BeneficiaryId, BookingId, Child, ChildId, CrecheAge};

/// How many free alternatives a refused booking is offered.
pub const SUGGESTIONS: usize = 3;

/// Every family's bookings, for [`Occupancy::build`]: each record's id and its bookings.
pub fn bookings_of<'a>(
    records: &'a [&'a Beneficiary],
) -> impl Iterator<Item = (BeneficiaryId, &'a [Booking])> + 'a {
    records.iter().map(|r| (r.id, r.creche.bookings.as_slice()))
}

/// Who is booked in one half-hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotEntry {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// The child.
    pub child: ChildId,
    /// The booking.
    pub booking: BookingId,
}
/// Every booked half-hour between two dates, across all records.
#[derive(Debug, Default)]
pub struct Occupancy {
    pub(super) slots: BTreeMap<(NaiveDate, u32), Vec<SlotEntry>>,
}

impl Occupancy {
    /// Expands the bookings of every family between `from` and `to` (both included), leaving
    /// out the booking `except` (the one being edited). A family is its parent's record id and
    /// its bookings: capacity needs nothing else of a record ([`bookings_of`] gives them).
    #[must_use]
    pub fn build<'a>(
        families: impl IntoIterator<Item = (BeneficiaryId, &'a [Booking])>,
        settings: &CrecheSettings,
        from: NaiveDate,
        to: NaiveDate,
        except: Option<BookingId>,
    ) -> Self {
        let mut slots: BTreeMap<(NaiveDate, u32), Vec<SlotEntry>> = BTreeMap::new();
        for (parent, bookings) in families {
            for booking in bookings {
                if Some(booking.id) == except {
                    continue;
                }
                for date in booking.dates_between(settings, from, to) {
                    for slot in booking.slots() {
                        slots.entry((date, slot)).or_default().push(SlotEntry {
                            parent,
                            child: booking.child,
                            booking: booking.id,
                        });
                    }
                }
            }
        }
        Self { slots }
    }

    /// Who is booked in a half-hour.
    #[must_use]
    pub fn entries(&self, date: NaiveDate, start: NaiveTime) -> &[SlotEntry] {
        self.slots
            .get(&(date, slot_of(start)))
            .map_or(&[], Vec::as_slice)
    }

    /// Children booked in a half-hour (a child booked twice counts once).
    #[must_use]
    pub fn booked(&self, date: NaiveDate, start: NaiveTime) -> u32 {
        distinct_children(self.entries(date, start))
    }

    /// Every half-hour with more children than the capacity: (date, start, children).
    pub(super) fn over(&self, capacity: u32) -> Vec<(NaiveDate, u32, u32)> {
        self.slots
            .iter()
            .map(|(&(date, slot), entries)| (date, slot, distinct_children(entries)))
            .filter(|&(_, _, booked)| booked > capacity)
            .collect()
    }
}

pub(super) fn distinct_children(entries: &[SlotEntry]) -> u32 {
    let children: BTreeSet<ChildId> = entries.iter().map(|e| e.child).collect();
    u32::try_from(children.len()).unwrap_or(u32::MAX)
}
/// The half-hours where adding `booking` would put more than `capacity` children.
fn full_slots(
    occupancy: &Occupancy,
    booking: &Booking,
    dates: &[NaiveDate],
    capacity: u32,
) -> Vec<FullSlot> {
    full_slots_of(occupancy, booking, dates, capacity).collect()
}

/// [`full_slots`], one at a time: whether a booking fits stops at the first.
fn full_slots_of<'a>(
    occupancy: &'a Occupancy,
    booking: &'a Booking,
    dates: &'a [NaiveDate],
    capacity: u32,
) -> impl Iterator<Item = FullSlot> + 'a {
    dates.iter().flat_map(move |&date| {
        booking.slots().filter_map(move |slot| {
            let entries = occupancy
                .slots
                .get(&(date, slot))
                .map_or(&[][..], Vec::as_slice);
            // The same child already there takes no extra place.
            if entries.iter().any(|e| e.child == booking.child) {
                return None;
            }
            let booked = distinct_children(entries);
            (booked >= capacity).then(|| FullSlot {
                date,
                start: slot_time(slot),
                booked,
            })
        })
    })
}
/// Checks the booking's shape (grid, hours, range).
fn check_shape(booking: &Booking, settings: &CrecheSettings) -> Result<(), Refusal> {
    if !on_grid(booking.start) || !on_grid(booking.end) {
        return Err(Refusal::NotOnGrid);
    }
    if booking.end <= booking.start {
        return Err(Refusal::EndNotAfterStart);
    }
    if booking.start < settings.opens_at || booking.end > settings.closes_at {
        return Err(Refusal::OutsideOpeningHours {
            opens_at: settings.opens_at,
            closes_at: settings.closes_at,
        });
    }
    if let Schedule::Weekly { days, from, until } = &booking.schedule {
        if days.is_empty() {
            return Err(Refusal::NoWeekday);
        }
        if until < from {
            return Err(Refusal::RangeReversed);
        }
        if until.signed_duration_since(*from).num_days() > MAX_BOOKING_DAYS.cast_signed() {
            return Err(Refusal::TooLong);
        }
    }
    Ok(())
}
/// Applies the age rule: a one-off day must fit; a recurring booking must start within the
/// range and is cut at its end. Returns the booking kept and the cut day.
fn apply_age(
    mut booking: Booking,
    child: &Child,
    settings: &CrecheSettings,
) -> Result<(Booking, Option<NaiveDate>), Refusal> {
    let (first, last) = booking.schedule.span();
    let until = match settings.age_on(child.birth_date, first) {
        CrecheAge::Unknown => return Err(Refusal::BirthDateUnknown),
        CrecheAge::TooYoung { from } => return Err(Refusal::TooYoung { from }),
        CrecheAge::TooOld => {
            let until = child.birth_date.map(|b| settings.last_day(b));
            return Err(Refusal::TooOld { until });
        }
        CrecheAge::Eligible { until } => until,
    };
    let mut cut = None;
    if last > until
        && let Schedule::Weekly { until: end, .. } = &mut booking.schedule
    {
        *end = until;
        cut = Some(until);
    }
    Ok((booking, cut))
}
/// Decides whether `booking` can be made for a child of `parent` (the record as edited), given
/// every record (which includes `parent`, in any version: its own bookings are taken from
/// `parent`). Refused with the full half-hours and the nearest free alternatives, or planned
/// (cut at the age limit, closures skipped).
pub fn plan_booking(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
) -> Result<Planned, Refusal> {
    plan(
        records,
        parent,
        booking,
        settings,
        Alternatives::Search(None),
    )
}
/// [`plan_booking`] as the counsellor books on `today`: a booking starting before today is
/// refused, and no alternative starting before today is offered.
pub fn plan_booking_on(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
    today: NaiveDate,
) -> Result<Planned, Refusal> {
    if booking.schedule.span().0 < today {
        return Err(Refusal::InThePast { today });
    }
    plan(
        records,
        parent,
        booking,
        settings,
        Alternatives::Search(Some(today)),
    )
}
/// Whether `booking` fits for a child of `parent` now ([`plan_booking`]'s answer without the
/// search for alternatives a refusal makes: what a list of waiting requests needs to know).
#[must_use]
pub fn booking_fits(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
) -> bool {
    plan(records, parent, booking, settings, Alternatives::Skip).is_ok()
}

/// Whether a refusal for lack of places looks for free alternatives (the waiting list's
/// scan does not need them, and runs at every frame); searched ones start on or after the
/// given day, when there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Alternatives {
    Search(Option<NaiveDate>),
    Skip,
}

/// Which of `requests` (a parent and the booking they wait for) fit now: [`booking_fits`] for
/// each, against one occupancy of the families' bookings built for them all — a waiting list
/// of hundreds at 10,000 records built one for each request. `records` are the families
/// whose bookings count (those with some suffice).
#[must_use]
pub fn bookings_fit(
    records: &[&Beneficiary],
    requests: &[(&Beneficiary, &Booking)],
    settings: &CrecheSettings,
) -> Vec<bool> {
    let Some((first, last)) = requests
        .iter()
        .map(|(_, booking)| booking.schedule.span())
        .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    else {
        return Vec::new();
    };
    let occupancy = Occupancy::build(bookings_of(records), settings, first, last, None);
    let booked: BTreeSet<BookingId> = records
        .iter()
        .flat_map(|r| r.creche.bookings.iter().map(|b| b.id))
        .collect();
    let families: BTreeSet<BeneficiaryId> = records.iter().map(|r| r.id).collect();
    requests
        .iter()
        .map(|&(parent, booking)| {
            let counted = parent.creche.bookings.is_empty() || families.contains(&parent.id);
            if booked.contains(&booking.id) || !counted {
                // Already booked (left out of its own count), or a parent whose bookings are
                // not among `records`: planned alone, as booking_fits does.
                return booking_fits(records, parent, booking.clone(), settings);
            }
            prepare(parent, booking.clone(), settings).is_ok_and(|prepared| {
                full_slots_of(
                    &occupancy,
                    &prepared.booking,
                    &prepared.dates,
                    settings.capacity,
                )
                .next()
                .is_none()
            })
        })
        .collect()
}

/// A booking past the checks made before places are counted.
struct Prepared<'a> {
    /// As the age rule cuts it.
    booking: Booking,
    /// The day it is cut at, if it is.
    cut_at: Option<NaiveDate>,
    /// Its days the crèche is open.
    dates: Vec<NaiveDate>,
    child: &'a Child,
}

/// A booking's checks before places are counted (grid, child, age, open days).
fn prepare<'a>(
    parent: &'a Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
) -> Result<Prepared<'a>, Refusal> {
    check_shape(&booking, settings)?;
    let child = parent
        .family
        .children
        .iter()
        .find(|c| c.id == booking.child)
        .ok_or(Refusal::UnknownChild)?;
    let (booking, cut_at) = apply_age(booking, child, settings)?;
    let dates = booking.dates(settings);
    if dates.is_empty() {
        return Err(Refusal::NoOpenDay);
    }
    Ok(Prepared {
        booking,
        cut_at,
        dates,
        child,
    })
}

pub(super) fn plan(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
    alternatives: Alternatives,
) -> Result<Planned, Refusal> {
    let Prepared {
        booking,
        cut_at,
        dates,
        child,
    } = prepare(parent, booking, settings)?;
    let others: Vec<&Beneficiary> = records
        .iter()
        .copied()
        .filter(|r| r.id != parent.id)
        .chain(std::iter::once(parent))
        .collect();
    let (first, last) = booking.schedule.span();
    let occupancy = Occupancy::build(
        bookings_of(&others),
        settings,
        first,
        last,
        Some(booking.id),
    );
    let full = full_slots(&occupancy, &booking, &dates, settings.capacity);
    if !full.is_empty() {
        let suggestions = match alternatives {
            Alternatives::Search(not_before) => {
                suggest(&others, &booking, child, settings, not_before)
            }
            Alternatives::Skip => Vec::new(),
        };
        let count = full.len();
        return Err(Refusal::Full {
            slots: full.into_iter().take(6).collect(),
            count,
            suggestions,
        });
    }
    let skipped = booking.closed_dates(settings);
    Ok(Planned {
        days: dates.len(),
        booking,
        cut_at,
        skipped,
    })
}
/// The nearest free alternatives to a refused booking: a one-off booking on the same day at
/// other hours, then on the following open days; a recurring one at other hours on the same
/// days. Nearest first: fewest days away, then fewest minutes away. None starts before
/// `not_before`.
fn suggest(
    records: &[&Beneficiary],
    booking: &Booking,
    child: &Child,
    settings: &CrecheSettings,
    not_before: Option<NaiveDate>,
) -> Vec<Suggestion> {
    let length = slot_of(booking.end) - slot_of(booking.start);
    let first_slot = slot_of(settings.opens_at);
    let last_start = slot_of(settings.closes_at).saturating_sub(length);
    let wanted = slot_of(booking.start);
    let mut starts: Vec<u32> = (first_slot..=last_start).collect();
    starts.sort_by_key(|s| (s.abs_diff(wanted), *s));

    let schedules: Vec<Schedule> = match &booking.schedule {
        Schedule::Weekly { .. } => vec![booking.schedule.clone()],
        Schedule::Once(date) => (0..14u64)
            .filter_map(|offset| date.checked_add_days(Days::new(offset)))
            .filter(|d| settings.is_open(*d))
            .map(Schedule::Once)
            .collect(),
    };
    let (first, last) = booking.schedule.span();
    let horizon = last.checked_add_days(Days::new(14)).unwrap_or(last);
    let occupancy = Occupancy::build(
        bookings_of(records),
        settings,
        first,
        horizon,
        Some(booking.id),
    );
    let mut found = Vec::new();
    for schedule in schedules {
        for &start in &starts {
            let candidate = Booking {
                schedule: schedule.clone(),
                start: slot_time(start),
                end: slot_time(start + length),
                ..booking.clone()
            };
            if candidate == *booking {
                continue;
            }
            if not_before.is_some_and(|day| candidate.schedule.span().0 < day) {
                continue;
            }
            let Ok((candidate, _)) = apply_age(candidate, child, settings) else {
                continue;
            };
            let dates = candidate.dates(settings);
            if dates.is_empty() {
                continue;
            }
            if full_slots(&occupancy, &candidate, &dates, settings.capacity).is_empty() {
                found.push(Suggestion {
                    schedule: candidate.schedule,
                    start: candidate.start,
                    end: candidate.end,
                });
                if found.len() == SUGGESTIONS {
                    return found;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use chrono::Weekday;

    use super::*;
    use crate::model::creche::test_support::*;
    use crate::model::creche::*;
    use crate::model::record::dates::test_support::d;

    #[test]
    fn waiting_requests_fit_against_one_occupancy_as_each_planned_alone() {
        let settings = CrecheSettings::default();
        let twelve = twelve_booked();
        let thirteenth = parent("Treize", d(2025, 6, 1));
        // A family with a booking of its own, left out of the families counted.
        let mut apart = parent("Apart", d(2025, 6, 1));
        let own = once(&apart, d(2026, 11, 24), t(14, 0), t(15, 0));
        apart.creche.bookings.push(own.clone());
        let mut demo = crate::model::demo::demo_beneficiaries(300, d(2026, 11, 22), 7);
        demo.extend(twelve);
        let booked: Vec<&Beneficiary> = demo
            .iter()
            .filter(|r| !r.creche.bookings.is_empty())
            .collect();
        let full_morning = once(&thirteenth, d(2026, 11, 24), t(10, 0), t(11, 0));
        let free_afternoon = once(&thirteenth, d(2026, 11, 24), t(16, 0), t(17, 0));
        let mut apart_again = own.clone();
        apart_again.id = BookingId::new();
        // The first request another week: the one occupancy spans every request's days.
        let december = once(&thirteenth, d(2026, 12, 1), t(9, 0), t(10, 0));
        let mut requests: Vec<(&Beneficiary, &Booking)> = vec![(&thirteenth, &december)];
        requests.extend(
            demo.iter()
                .flat_map(|r| r.creche.waiting.iter().map(move |w| (r, &w.booking))),
        );
        assert!(
            requests.len() >= 6,
            "the demo's waiting list: {}",
            requests.len()
        );
        requests.extend([
            (&thirteenth, &full_morning),
            (&thirteenth, &free_afternoon),
            (&apart, &apart_again),
        ]);
        let alone: Vec<bool> = requests
            .iter()
            .map(|&(parent, booking)| booking_fits(&booked, parent, booking.clone(), &settings))
            .collect();
        assert_eq!(bookings_fit(&booked, &requests, &settings), alone);
        assert_eq!(alone[alone.len() - 3..], [false, true, true]);
    }

    #[test]
    fn a_booking_in_the_past_is_refused_and_no_past_day_is_suggested() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let thirteenth = parent("Treize", d(2025, 6, 1));
        let mut all = refs(&records);
        all.push(&thirteenth);
        let tuesday = once(&thirteenth, d(2026, 11, 24), t(9, 0), t(12, 0));

        // Booked on Thursday 26/11, Tuesday has passed: refused, whatever the places.
        let refusal = plan_booking_on(
            &all,
            &thirteenth,
            tuesday.clone(),
            &settings,
            d(2026, 11, 26),
        )
        .unwrap_err();
        assert_eq!(
            refusal,
            Refusal::InThePast {
                today: d(2026, 11, 26)
            }
        );
        assert!(refusal.to_string().contains("26/11/2026"), "{refusal}");
        let mut weekly = tuesday.clone();
        weekly.schedule = Schedule::Weekly {
            days: vec![Weekday::Tue],
            from: d(2026, 11, 17),
            until: d(2026, 12, 15),
        };
        assert!(matches!(
            plan_booking_on(&all, &thirteenth, weekly, &settings, d(2026, 11, 20)),
            Err(Refusal::InThePast { .. })
        ));

        // On the day itself, the full morning is refused with free hours of that day or later.
        let Err(Refusal::Full { suggestions, .. }) = plan_booking_on(
            &all,
            &thirteenth,
            tuesday.clone(),
            &settings,
            d(2026, 11, 24),
        ) else {
            panic!("expected full");
        };
        assert!(!suggestions.is_empty());
        assert!(
            suggestions
                .iter()
                .all(|s| s.schedule.span().0 >= d(2026, 11, 24))
        );
        // Today's free day after it is fine.
        let wednesday = once(&thirteenth, d(2026, 11, 25), t(9, 0), t(12, 0));
        assert!(plan_booking_on(&all, &thirteenth, wednesday, &settings, d(2026, 11, 25)).is_ok());
    }

    #[test]
    fn the_thirteenth_child_is_refused_on_an_overlapping_slot_only() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let thirteenth = parent("Treize", d(2025, 6, 1));
        let mut all = refs(&records);
        all.push(&thirteenth);

        // 12:00–14:00 shares 12:00–12:30 with the twelve 9:00–12:30 bookings.
        let overlapping = once(&thirteenth, d(2026, 11, 24), t(12, 0), t(14, 0));
        let refusal = plan_booking(&all, &thirteenth, overlapping, &settings).unwrap_err();
        let Refusal::Full {
            slots, suggestions, ..
        } = &refusal
        else {
            panic!("expected full, got {refusal:?}");
        };
        assert_eq!(
            slots,
            &[FullSlot {
                date: d(2026, 11, 24),
                start: t(12, 0),
                booked: 12
            }]
        );
        assert!(refusal.to_string().contains("mardi 24/11/2026 à 12 h"));
        // The nearest free alternative: the same two hours just after the full half-hour.
        assert_eq!(
            suggestions.first(),
            Some(&Suggestion {
                schedule: Schedule::Once(d(2026, 11, 24)),
                start: t(12, 30),
                end: t(14, 30),
            })
        );
        assert_eq!(suggestions.len(), SUGGESTIONS);

        let after = once(&thirteenth, d(2026, 11, 24), t(12, 30), t(14, 0));
        let planned = plan_booking(&all, &thirteenth, after, &settings).unwrap();
        assert_eq!(planned.days, 1);
        // Another day at the same hours is free too.
        let wednesday = once(&thirteenth, d(2026, 11, 25), t(9, 0), t(12, 30));
        assert!(plan_booking(&all, &thirteenth, wednesday, &settings).is_ok());
    }

    #[test]
    fn a_recurring_booking_counts_against_one_off_ones() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let newcomer = parent("Récurrent", d(2025, 1, 10));
        let mut all = refs(&records);
        all.push(&newcomer);
        let weekly = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Tue, Weekday::Thu],
                from: d(2026, 11, 2),
                until: d(2026, 12, 18),
            },
            ..once(&newcomer, d(2026, 11, 24), t(11, 0), t(13, 0))
        };
        let Err(Refusal::Full { slots, count, .. }) =
            plan_booking(&all, &newcomer, weekly.clone(), &settings)
        else {
            panic!("expected full");
        };
        assert_eq!(count, 3, "11:00, 11:30 and 12:00 on 24/11 only");
        assert!(slots.iter().all(|s| s.date == d(2026, 11, 24)));
        // Once one family frees its place, the recurring booking fits.
        let mut fewer = records.clone();
        fewer[0].creche.bookings.clear();
        let mut all = refs(&fewer);
        all.push(&newcomer);
        let planned = plan_booking(&all, &newcomer, weekly, &settings).unwrap();
        assert_eq!(planned.days, 14);
    }

    #[test]
    fn children_of_two_months_or_three_years_and_a_day_are_refused() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let day = d(2026, 11, 24);
        let baby = parent("Bébé", d(2026, 9, 24));
        let booking = once(&baby, day, t(9, 0), t(11, 0));
        assert_eq!(
            plan_booking(&[&baby], &baby, booking, &settings),
            Err(Refusal::TooYoung {
                from: d(2026, 12, 24)
            })
        );
        let big = parent("Grand", d(2023, 11, 23));
        let booking = once(&big, day, t(9, 0), t(11, 0));
        let refusal = plan_booking(&[&big], &big, booking, &settings).unwrap_err();
        assert_eq!(
            refusal,
            Refusal::TooOld {
                until: Some(d(2026, 11, 23))
            }
        );
        assert!(refusal.to_string().contains("jusqu'au 23/11/2026"));
        // On the third birthday itself, still welcome.
        let birthday = parent("Anniversaire", d(2023, 11, 24));
        let booking = once(&birthday, day, t(9, 0), t(11, 0));
        assert!(plan_booking(&[&birthday], &birthday, booking, &settings).is_ok());
    }

    #[test]
    fn a_recurring_booking_past_the_third_birthday_is_cut_and_said_so() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let child = parent("Coupé", d(2023, 12, 10));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 11, 2),
                until: d(2027, 1, 31),
            },
            ..once(&child, d(2026, 11, 2), t(9, 0), t(12, 0))
        };
        let planned = plan_booking(&[&child], &child, booking, &settings).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 12, 10)));
        assert_eq!(
            planned.booking.schedule.span(),
            (d(2026, 11, 2), d(2026, 12, 10))
        );
        assert_eq!(planned.days, 6, "Mondays 2/11 to 7/12");
        assert!(planned.notes()[0].contains("arrêtée au 10/12/2026"));
    }

    #[test]
    fn a_recurring_booking_across_a_closure_skips_it() {
        let mut settings = CrecheSettings::default();
        settings.closures.push(Closure {
            from: d(2026, 12, 21),
            to: d(2027, 1, 1),
            label: "Noël".into(),
        });
        let child = parent("Fermeture", d(2025, 5, 5));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Tue],
                from: d(2026, 12, 14),
                until: d(2027, 1, 12),
            },
            ..once(&child, d(2026, 12, 14), t(9, 0), t(12, 0))
        };
        assert_eq!(
            booking.dates(&settings),
            [d(2026, 12, 15), d(2027, 1, 5), d(2027, 1, 12)]
        );
        let planned = plan_booking(&[&child], &child, booking, &settings).unwrap();
        assert_eq!(planned.skipped, [d(2026, 12, 22), d(2026, 12, 29)]);
        assert!(planned.notes()[0].contains("22/12/2026, 29/12/2026"));
        // A one-off booking on a closed day, or on a Saturday, has no day to book.
        let closed = once(&child, d(2026, 12, 22), t(9, 0), t(10, 0));
        assert_eq!(
            plan_booking(&[&child], &child, closed, &settings),
            Err(Refusal::NoOpenDay)
        );
        let saturday = once(&child, d(2026, 11, 28), t(9, 0), t(10, 0));
        assert_eq!(
            plan_booking(&[&child], &child, saturday, &settings),
            Err(Refusal::NoOpenDay)
        );
    }

    #[test]
    fn hours_off_the_grid_or_outside_opening_are_refused() {
        let settings = CrecheSettings::default();
        let child = parent("Horaires", d(2025, 5, 5));
        let day = d(2026, 11, 24);
        for (start, end, expected) in [
            (t(9, 15), t(10, 0), Refusal::NotOnGrid),
            (t(10, 0), t(10, 0), Refusal::EndNotAfterStart),
            (
                t(7, 30),
                t(9, 0),
                Refusal::OutsideOpeningHours {
                    opens_at: t(8, 0),
                    closes_at: t(18, 30),
                },
            ),
        ] {
            let booking = once(&child, day, start, end);
            assert_eq!(
                plan_booking(&[&child], &child, booking, &settings),
                Err(expected)
            );
        }
    }
}
