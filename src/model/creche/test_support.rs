//! Test helpers of the crèche's model: parents with one child, one-off bookings, a full
//! Tuesday.

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};

use super::*;
use crate::model::record::dates::test_support::d;
use crate::model::{Beneficiary, BookingId, Child, ChildId};

pub(crate) fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}
/// A parent with one child born on `birth`.
pub(crate) fn parent(name: &str, birth: NaiveDate) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
    b.identity.last_name = name.into();
    b.family.children.push(Child {
        id: ChildId::new(),
        first_name: format!("Enfant {name}"),
        birth_date: Some(birth),
    });
    b
}

pub(crate) fn child_of(b: &Beneficiary) -> ChildId {
    b.family.children[0].id
}

pub(crate) fn once(b: &Beneficiary, date: NaiveDate, start: NaiveTime, end: NaiveTime) -> Booking {
    Booking {
        id: BookingId::new(),
        child: child_of(b),
        schedule: Schedule::Once(date),
        start,
        end,
        reason: BookingReason::Workshop(None),
        note: String::new(),
    }
}
/// Twelve families each booked on Tuesday 24/11/2026, 9:00–12:30.
pub(crate) fn twelve_booked() -> Vec<Beneficiary> {
    (0..12)
        .map(|i| {
            let mut b = parent(&format!("Parent{i}"), d(2025, 3, 1));
            let booking = once(&b, d(2026, 11, 24), t(9, 0), t(12, 30));
            b.creche.bookings.push(booking);
            b
        })
        .collect()
}

pub(crate) fn refs(records: &[Beneficiary]) -> Vec<&Beneficiary> {
    records.iter().collect()
}
/// `b` asks on `on` for Tuesday 24/11/2026, 10:00–11:00.
pub(crate) fn ask(b: &mut Beneficiary, on: NaiveDate) {
    let booking = once(b, d(2026, 11, 24), t(10, 0), t(11, 0));
    b.creche.waiting.push(WaitingRequest {
        booking,
        requested_on: on,
    });
}
