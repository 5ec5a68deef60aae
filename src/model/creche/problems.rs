//! What `parcours check` reports about the crèche across records: more children than places
//! (two laptops that each booked the last place), bookings outside the age range or for a
//! child no longer in the record.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};

use super::capacity::{Occupancy, bookings_of};
use super::grid::{day_label, format_time, slot_time};
use super::settings::CrecheSettings;
use crate::model::record::dates::format_date;
use crate::model::{Beneficiary, BookingId, CrecheAge};

/// A problem `parcours check` reports about the crèche, across records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrecheProblem {
    /// More children than the capacity at once (bookings made on two laptops, then merged).
    OverCapacity {
        /// The day.
        date: NaiveDate,
        /// First half-hour over capacity.
        start: NaiveTime,
        /// End of the last consecutive half-hour over capacity.
        end: NaiveTime,
        /// Most children booked at once in that time.
        booked: u32,
        /// The capacity.
        capacity: u32,
    },
    /// A booking on days when the child is outside the age range (or of unknown age).
    OutsideAge {
        /// The parent's name.
        parent: String,
        /// The child's first name.
        child: String,
        /// First such day.
        first: NaiveDate,
        /// How many such days.
        days: usize,
    },
    /// A booking for a child who is not in the record.
    UnknownChild {
        /// The parent's name.
        parent: String,
        /// The booking.
        booking: BookingId,
    },
}

impl fmt::Display for CrecheProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OverCapacity {
                date,
                start,
                end,
                booked,
                capacity,
            } => write!(
                f,
                "micro-crèche : {} de {} à {}, {booked} enfants réservés pour {capacity} places",
                day_label(*date),
                format_time(*start),
                format_time(*end)
            ),
            Self::OutsideAge {
                parent,
                child,
                first,
                days,
            } => write!(
                f,
                "micro-crèche : {child} (fiche de {parent}) est réservé·e hors de la tranche d'âge le {}{}",
                format_date(*first),
                if *days > 1 {
                    format!(" et {} autre(s) jour(s)", days - 1)
                } else {
                    String::new()
                }
            ),
            Self::UnknownChild { parent, booking } => write!(
                f,
                "micro-crèche : la réservation {booking} (fiche de {parent}) concerne un enfant absent de la fiche"
            ),
        }
    }
}
/// Every over-capacity time and every booking outside the age range, across all records.
#[must_use]
pub fn creche_problems(records: &[&Beneficiary], settings: &CrecheSettings) -> Vec<CrecheProblem> {
    let mut problems = Vec::new();
    let occupancy = Occupancy::build(
        bookings_of(records),
        settings,
        NaiveDate::MIN,
        NaiveDate::MAX,
        None,
    );
    // Consecutive half-hours of one day over capacity make one reported time.
    let mut run: Option<(NaiveDate, u32, u32, u32)> = None;
    let flush = |run: &mut Option<(NaiveDate, u32, u32, u32)>,
                 problems: &mut Vec<CrecheProblem>| {
        if let Some((date, first, last, booked)) = run.take() {
            problems.push(CrecheProblem::OverCapacity {
                date,
                start: slot_time(first),
                end: slot_time(last + 1),
                booked,
                capacity: settings.capacity,
            });
        }
    };
    for (date, slot, booked) in occupancy.over(settings.capacity) {
        match &mut run {
            Some((d, _, last, most)) if *d == date && *last + 1 == slot => {
                *last = slot;
                *most = (*most).max(booked);
            }
            _ => {
                flush(&mut run, &mut problems);
                run = Some((date, slot, slot, booked));
            }
        }
    }
    flush(&mut run, &mut problems);

    for record in records {
        for booking in &record.creche.bookings {
            let Some(child) = record
                .family
                .children
                .iter()
                .find(|c| c.id == booking.child)
            else {
                problems.push(CrecheProblem::UnknownChild {
                    parent: record.display_name(),
                    booking: booking.id,
                });
                continue;
            };
            let outside: Vec<NaiveDate> = booking
                .dates(settings)
                .into_iter()
                .filter(|d| {
                    !matches!(
                        settings.age_on(child.birth_date, *d),
                        CrecheAge::Eligible { .. }
                    )
                })
                .collect();
            if let Some(&first) = outside.first() {
                problems.push(CrecheProblem::OutsideAge {
                    parent: record.display_name(),
                    child: child.first_name.clone(),
                    first,
                    days: outside.len(),
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, Weekday};

    use super::*;
    use crate::model::creche::test_support::*;
    use crate::model::creche::*;
    use crate::model::record::dates::test_support::d;

    use crate::model::*;

    #[test]
    fn check_reports_merged_overbookings_and_bookings_outside_the_age_range() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let mut records = twelve_booked();
        assert!(creche_problems(&refs(&records), &settings).is_empty());
        // The thirteenth, booked on another laptop for 9:00–10:00.
        let mut extra = parent("Portable", d(2025, 4, 4));
        let booking = once(&extra, d(2026, 11, 24), t(9, 0), t(10, 0));
        extra.creche.bookings.push(booking);
        // And a toddler booked after the third birthday.
        let mut old = parent("Âgé", d(2023, 11, 1));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Fri],
                from: d(2026, 10, 2),
                until: d(2026, 11, 20),
            },
            ..once(&old, d(2026, 10, 2), t(14, 0), t(16, 0))
        };
        old.creche.bookings.push(booking);
        records.push(extra);
        records.push(old);
        let problems = creche_problems(&refs(&records), &settings);
        assert_eq!(
            problems[0],
            CrecheProblem::OverCapacity {
                date: d(2026, 11, 24),
                start: t(9, 0),
                end: t(10, 0),
                booked: 13,
                capacity: 12
            }
        );
        assert_eq!(
            problems[0].to_string(),
            "micro-crèche : mardi 24/11/2026 de 9 h à 10 h, 13 enfants réservés pour 12 places"
        );
        assert!(matches!(
            &problems[1],
            CrecheProblem::OutsideAge { first, days: 3, .. } if *first == d(2026, 11, 6)
        ));
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn a_hand_edited_booking_over_centuries_stays_bounded_and_is_reported() {
        let settings = CrecheSettings::default();
        let mut b = parent("Siècles", d(2025, 1, 1));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 1, 5),
                until: NaiveDate::MAX,
            },
            ..once(&b, d(2026, 1, 5), t(9, 0), t(10, 0))
        };
        // The form refuses it outright…
        assert_eq!(
            plan_booking(&[&b], &b, booking.clone(), &settings),
            Err(Refusal::TooLong)
        );
        // …and a file holding it expands at most four years of Mondays.
        assert!(booking.dates(&settings).len() <= 210);
        b.creche.bookings.push(booking);
        let mut orphan = once(&b, d(2026, 1, 5), t(9, 0), t(10, 0));
        orphan.child = ChildId::new();
        b.creche.bookings.push(orphan);
        let problems = creche_problems(&[&b], &settings);
        assert!(matches!(
            &problems[0],
            // Born on 01/01/2025: school from 01/09/2028, the first Monday after is 04/09/2028.
            CrecheProblem::OutsideAge { first, .. } if *first == d(2028, 9, 4)
        ));
        assert!(
            problems[1]
                .to_string()
                .contains("enfant absent de la fiche")
        );
        assert_eq!(problems.len(), 2);
    }
}
