//! Demonstration bookings for the micro-crèche: the planning's current and next weeks filled
//! the way a real programme fills them — French courses on Tuesday and Thursday mornings, a
//! collective CV workshop that fills the crèche on the first Tuesday, afternoon jobs, a few
//! interviews — with the requests that did not fit on the waiting list, and care information
//! for the children booked.
//!
//! Deterministic for a given set of records and date, like the rest of the demo: booking
//! identifiers derive from the parent's identifier.

use chrono::{Days, NaiveDate, NaiveTime, Weekday};
use uuid::Uuid;

use crate::model::creche::{
    Booking, BookingReason, ChildCare, CrecheSettings, Schedule, WaitingRequest, plan_booking,
    planning_monday,
};
use crate::model::record::beneficiary::{Beneficiary, CrecheAge};
use crate::model::record::ids::{BookingId, ChildId};

const ALLERGIES: &[&str] = &["", "", "", "Arachide", "Lait de vache (APLV)", "", "Œuf"];
const PICKUPS: &[&str] = &[
    "Tante, 06 12 45 78 90",
    "Grand-mère, 07 81 22 30 14",
    "Voisine (Mme Benali), 06 55 10 42 87",
];

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)
}

/// A booking identifier derived from the parent's: the demo stays reproducible.
fn booking_id(parent: &Beneficiary, n: u16) -> BookingId {
    let base = Uuid::parse_str(&parent.id.to_string()).map_or(0, |u| u.as_u128());
    // Only the low bits change: the UUID's version and variant stay intact.
    BookingId::from_uuid(Uuid::from_u128(base ^ u128::from(n + 1)))
}

/// What each family asks for, by its place in the list of families with a toddler.
fn wishes(
    n: usize,
    monday: NaiveDate,
) -> Vec<(Schedule, NaiveTime, NaiveTime, BookingReason, &'static str)> {
    let day = |offset: u64| monday.checked_add_days(Days::new(offset)).unwrap_or(monday);
    let fortnight = |days: Vec<Weekday>| Schedule::Weekly {
        days,
        from: monday,
        until: day(11),
    };
    match n % 4 {
        0 => vec![(
            fortnight(vec![Weekday::Tue, Weekday::Thu]),
            time(9, 0),
            time(12, 30),
            BookingReason::Training,
            "cours de français",
        )],
        1 => vec![
            (
                Schedule::Once(day(1)),
                time(9, 0),
                time(12, 0),
                BookingReason::Workshop(None),
                "atelier CV collectif",
            ),
            (
                Schedule::Once(day(7 + (n as u64 % 5))),
                time(14, 0),
                time(16, 0),
                BookingReason::Interview(None),
                "entretien d'embauche",
            ),
        ],
        2 => vec![
            (
                fortnight(vec![Weekday::Mon, Weekday::Wed, Weekday::Fri]),
                time(13, 30),
                time(17, 30),
                BookingReason::Job,
                "agent d'entretien, contrat de 20 h",
            ),
            (
                Schedule::Once(day(1)),
                time(10, 0),
                time(12, 0),
                BookingReason::Workshop(None),
                "atelier CV collectif",
            ),
        ],
        _ => vec![
            (
                Schedule::Once(day(1)),
                time(9, 30),
                time(12, 0),
                BookingReason::Workshop(None),
                "atelier CV collectif",
            ),
            (
                Schedule::Once(day(9)),
                time(9, 0),
                time(11, 30),
                BookingReason::Other,
                "rendez-vous à la préfecture",
            ),
        ],
    }
}

/// Books the demo families' toddlers over the planning's current and next weeks; what does
/// not fit goes on the waiting list.
pub(crate) fn add_creche_bookings(records: &mut [Beneficiary], today: NaiveDate) {
    add_beside(records, &[], today);
}

/// Books the demo families' toddlers again, leaving room for the bookings of `existing`
/// records: demo records added to a data directory that already has some (`demo --force`)
/// must not over-book the crèche.
pub fn rebook_demo_creche(records: &mut [Beneficiary], existing: &[Beneficiary], today: NaiveDate) {
    for record in records.iter_mut() {
        record.creche = crate::model::creche::CrecheFamily::default();
    }
    add_beside(records, existing, today);
}

fn add_beside(records: &mut [Beneficiary], existing: &[Beneficiary], today: NaiveDate) {
    let settings = CrecheSettings::default();
    let monday = planning_monday(today);
    let mut n = 0;
    for index in 0..records.len() {
        let Some(parent) = records.get(index) else {
            continue;
        };
        let children: Vec<ChildId> = parent
            .family
            .children
            .iter()
            .filter(|c| {
                matches!(
                    settings.age_on(c.birth_date, monday),
                    CrecheAge::Eligible { .. }
                )
            })
            .map(|c| c.id)
            .collect();
        let Some(&child) = children.first() else {
            continue;
        };
        let mut parent = parent.clone();
        let mut care = ChildCare::new(child);
        care.allergies = ALLERGIES[n % ALLERGIES.len()].to_owned();
        care.authorised_pickups = vec![PICKUPS[n % PICKUPS.len()].to_owned()];
        care.emergency_contact = parent.contact.phone.clone();
        care.care_starts_on = today.checked_sub_days(Days::new(7 * (1 + n as u64 % 8)));
        parent.creche.care.push(care);
        for (k, (schedule, start, end, reason, note)) in wishes(n, monday).into_iter().enumerate() {
            let booking = Booking {
                id: booking_id(&parent, u16::try_from(k).unwrap_or(0)),
                child,
                schedule,
                start,
                end,
                reason,
                note: note.to_owned(),
            };
            let all: Vec<&Beneficiary> = records.iter().chain(existing).collect();
            match plan_booking(&all, &parent, booking.clone(), &settings) {
                Ok(planned) => parent.creche.bookings.push(planned.booking),
                Err(_) => parent.creche.waiting.push(WaitingRequest {
                    booking,
                    requested_on: today
                        .checked_sub_days(Days::new(1 + n as u64 % 9))
                        .unwrap_or(today),
                }),
            }
        }
        if let Some(slot) = records.get_mut(index) {
            *slot = parent;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::creche::{Fill, WeekPlan, creche_problems, waiting_list};
    use crate::model::demo::demo_beneficiaries;

    #[test]
    fn the_demo_fills_some_cells_and_leaves_a_waiting_list_without_conflicts() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let records = demo_beneficiaries(40, today, 7);
        let all: Vec<&Beneficiary> = records.iter().collect();
        let settings = CrecheSettings::default();
        assert!(creche_problems(&all, &settings).is_empty());
        let plan = WeekPlan::build(&all, &settings, planning_monday(today));
        let full = plan
            .days
            .iter()
            .flat_map(|d| &d.cells)
            .filter(|c| Fill::of(c.booked, plan.capacity) == Fill::Full)
            .count();
        assert!(full >= 3, "full cells: {full}");
        assert!(
            plan.occupancy_percent() > 10.0,
            "{}",
            plan.occupancy_percent()
        );
        assert!(!waiting_list(&all, today).is_empty());
        // A second batch added to the same folder leaves the first one's places alone.
        let mut second = demo_beneficiaries(40, today, 8);
        rebook_demo_creche(&mut second, &records, today);
        let both: Vec<&Beneficiary> = records.iter().chain(&second).collect();
        assert!(creche_problems(&both, &settings).is_empty());
        assert!(second.iter().any(|r| !r.creche.waiting.is_empty()));
        let next = planning_monday(today) + Days::new(7);
        assert!(WeekPlan::build(&all, &settings, next).booked_hours() > 20.0);
    }
}
