//! A record's units and the automatic merge of two copies of one record.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Change, Order, Units, Versions, hash_of, merge_items, merged_stamp, order};
use crate::model::record::merge::merge_protection;
use crate::model::record::{Beneficiary, RecordPart};

/// The copy's part without the lists merged item by item (those are units of their own).
fn stripped(b: &Beneficiary) -> Beneficiary {
    let mut s = b.clone();
    s.preparation.sessions.clear();
    s.preparation.appointments.clear();
    s.creche.bookings.clear();
    s.creche.waiting.clear();
    s.applications.clear();
    s
}

/// The hash of one part of a (stripped) record.
fn part_hash(part: RecordPart, b: &Beneficiary) -> u64 {
    fn h<T: Serialize + ?Sized>(value: &T) -> u64 {
        hash_of(value)
    }
    let i = &b.identity;
    match part {
        RecordPart::Names => h(&(&i.first_name, &i.last_name, &i.birth_name)),
        RecordPart::Birth => h(&(&i.birth_date, &i.sex)),
        RecordPart::Origin => h(&(&i.nationality, &i.country_of_origin)),
        RecordPart::Languages => h(&i.languages),
        RecordPart::Arrival => h(&i.arrival_date),
        RecordPart::Contact => h(&b.contact),
        RecordPart::Administrative => h(&b.administrative),
        RecordPart::Family => h(&b.family),
        RecordPart::FrenchLevel => h(&(&b.french_level, &b.french_abilities)),
        RecordPart::Pathway => h(&b.pathway),
        RecordPart::Skills => h(&b.skills),
        RecordPart::Referent => h(&b.referent),
        RecordPart::PrivateNotes => h(&b.private_notes),
        RecordPart::Preparation => h(&b.preparation),
        RecordPart::Creche => h(&b.creche),
        RecordPart::Applications => h(&b.applications),
    }
}

/// The keys of a session (it has no id: its content is its identity), and of the items that
/// have one.
fn session_key(s: &crate::model::preparation::Session) -> String {
    format!("sessions/{:016x}", hash_of(s))
}
fn appointment_key(a: &crate::model::preparation::Appointment) -> String {
    format!("appointments/{}", a.id)
}
fn booking_key(b: &crate::model::creche::Booking) -> String {
    format!("bookings/{}", b.id)
}
fn waiting_key(w: &crate::model::creche::WaitingRequest) -> String {
    format!("waiting/{}", w.booking.id)
}
fn application_key(a: &crate::model::companies::Application) -> String {
    format!("applications/{}", a.id)
}

/// Every unit of a record as it is now: each part (its lists aside) and each list item.
#[must_use]
pub fn record_units(b: &Beneficiary) -> Units {
    let s = stripped(b);
    let mut units: Units = RecordPart::ALL
        .into_iter()
        .map(|part| (part.key().to_owned(), part_hash(part, &s)))
        .collect();
    let mut items = |key: String, hash: u64| {
        units.insert(key, hash);
    };
    for x in &b.preparation.sessions {
        items(session_key(x), hash_of(x));
    }
    for x in &b.preparation.appointments {
        items(appointment_key(x), hash_of(x));
    }
    for x in &b.creche.bookings {
        items(booking_key(x), hash_of(x));
    }
    for x in &b.creche.waiting {
        items(waiting_key(x), hash_of(x));
    }
    for x in &b.applications {
        items(application_key(x), hash_of(x));
    }
    units
}

/// The part a list item's key belongs to.
fn part_of_item(key: &str) -> Option<RecordPart> {
    let list = key.split('/').next()?;
    match list {
        "sessions" | "appointments" => Some(RecordPart::Preparation),
        "bookings" | "waiting" => Some(RecordPart::Creche),
        "applications" => Some(RecordPart::Applications),
        _ => None,
    }
}

/// A part both copies changed: the counsellor chooses, seeing who changed it last on each side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AskedPart {
    /// The part.
    pub part: RecordPart,
    /// Its last change in the first copy.
    pub first: Change,
    /// Its last change in the second copy.
    pub second: Change,
}

/// Two copies of a record merged automatically.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordMerge {
    /// Every part changed on one side only taken from that side, list items merged by id; the
    /// parts both changed as the first copy has them.
    pub merged: Beneficiary,
    /// `merged`'s stamps.
    pub versions: Versions,
    /// The same, with the parts both changed as the second copy has them.
    pub other: Beneficiary,
    /// `other`'s stamps.
    pub other_versions: Versions,
    /// The parts both copies changed, in the form's order: empty when nothing is to be asked.
    pub asked: Vec<AskedPart>,
}

/// The merge of the record in two copies, `first` with its stamps `va` and `second` with `vb`.
#[must_use]
pub fn merge_records(
    first: &Beneficiary,
    va: &Versions,
    second: &Beneficiary,
    vb: &Versions,
) -> RecordMerge {
    let (sa, sb) = (stripped(first), stripped(second));
    let mut asked_parts: BTreeSet<usize> = BTreeSet::new();
    let build = |prefer_second: bool, asked: &mut BTreeSet<usize>| {
        let mut merged = first.clone();
        let mut versions = Versions::new();
        for (index, part) in RecordPart::ALL.into_iter().enumerate() {
            let key = part.key();
            let (ha, hb) = (part_hash(part, &sa), part_hash(part, &sb));
            let (ta, tb) = (va.get(key), vb.get(key));
            let decided = order(Some(ha), ta, Some(hb), tb);
            let take_second = match decided {
                Order::Same | Order::First => false,
                Order::Second => true,
                Order::Both => {
                    asked.insert(index);
                    prefer_second
                }
            };
            if take_second {
                part.copy(second, &mut merged);
            }
            let (winner, loser) = if take_second { (tb, ta) } else { (ta, tb) };
            let stamp = if decided == Order::Both {
                winner.cloned()
            } else {
                merged_stamp(winner, loser)
            };
            if let Some(stamp) = stamp {
                versions.insert(key.to_owned(), stamp);
            }
        }
        let vs = (va, vb);
        let mut collided = BTreeSet::new();
        let p = (&first.preparation, &second.preparation);
        let (sessions, c) = merge_items(
            &p.0.sessions,
            &p.1.sessions,
            session_key,
            vs,
            prefer_second,
            &mut versions,
        );
        collided.extend(c);
        let (appointments, c) = merge_items(
            &p.0.appointments,
            &p.1.appointments,
            appointment_key,
            vs,
            prefer_second,
            &mut versions,
        );
        collided.extend(c);
        let c2 = (&first.creche, &second.creche);
        let (bookings, c) = merge_items(
            &c2.0.bookings,
            &c2.1.bookings,
            booking_key,
            vs,
            prefer_second,
            &mut versions,
        );
        collided.extend(c);
        let (waiting, c) = merge_items(
            &c2.0.waiting,
            &c2.1.waiting,
            waiting_key,
            vs,
            prefer_second,
            &mut versions,
        );
        collided.extend(c);
        let (applications, c) = merge_items(
            &first.applications,
            &second.applications,
            application_key,
            vs,
            prefer_second,
            &mut versions,
        );
        collided.extend(c);
        merged.preparation.sessions = sessions;
        merged.preparation.appointments = appointments;
        merged.creche.bookings = bookings;
        merged.creche.waiting = waiting;
        merged.applications = applications;
        for key in &collided {
            if let Some(part) = part_of_item(key)
                && let Some(index) = RecordPart::ALL.iter().position(|p| *p == part)
            {
                asked.insert(index);
            }
        }
        // Whatever was chosen, an answer or an override recorded on either laptop stays.
        merged.protection = merge_protection(&first.protection, &second.protection);
        merged.created_at = first.created_at.min(second.created_at);
        merged.updated_at = first.updated_at.max(second.updated_at);
        (merged, versions)
    };
    let (merged, versions) = build(false, &mut asked_parts);
    let (other, other_versions) = build(true, &mut asked_parts);
    let asked = asked_parts
        .into_iter()
        .filter_map(|index| RecordPart::ALL.get(index).copied())
        .map(|part| {
            let keys = |v: &Versions| -> Vec<String> {
                v.keys()
                    .filter(|k| k.as_str() == part.key() || part_of_item(k) == Some(part))
                    .cloned()
                    .collect()
            };
            AskedPart {
                part,
                first: Change::latest(va, keys(va).iter()),
                second: Change::latest(vb, keys(vb).iter()),
            }
        })
        .collect();
    RecordMerge {
        merged,
        versions,
        other,
        other_versions,
        asked,
    }
}
