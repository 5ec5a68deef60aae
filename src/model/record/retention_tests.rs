use chrono::{NaiveTime, TimeZone, Utc, Weekday};

use super::*;
use crate::model::creche::{Booking, BookingReason, Schedule};
use crate::model::demo::demo_beneficiaries;
use crate::model::preparation::{Enrolment, Session, SessionKind};
use crate::model::record::dates::test_support::d;
use crate::model::record::ids::{BookingId, ChildId};
use crate::model::record::protection::RetentionExtension;

fn person(edited: NaiveDate) -> Beneficiary {
    let at = Utc.from_utc_datetime(&edited.and_hms_opt(10, 0, 0).unwrap());
    let mut b = Beneficiary::new(at);
    b.identity.last_name = "Coulibaly".into();
    b
}

fn session(date: NaiveDate) -> Session {
    Session {
        date,
        duration_minutes: 60,
        kind: SessionKind::default(),
        note: "Parle de sa fille".into(),
    }
}

#[test]
fn the_last_contact_is_the_latest_of_every_kind_and_never_in_the_future() {
    let today = d(2026, 11, 27);
    let mut b = person(d(2023, 1, 10));
    assert_eq!(
        last_contact(&b, &[], today),
        LastContact {
            date: d(2023, 1, 10),
            kind: ContactKind::Edit
        }
    );
    b.preparation.sessions.push(session(d(2023, 5, 2)));
    assert_eq!(last_contact(&b, &[], today).kind, ContactKind::Session);

    let mut workshop = Workshop::new(d(2023, 9, 14));
    workshop.enrolments.push(Enrolment {
        beneficiary: b.id,
        attendance: Attendance::Present,
    });
    let mut absent = Workshop::new(d(2024, 2, 1));
    absent.enrolments.push(Enrolment {
        beneficiary: b.id,
        attendance: Attendance::Absent,
    });
    let catalogue = [workshop, absent];
    assert_eq!(
        last_contact(&b, &catalogue, today),
        LastContact {
            date: d(2023, 9, 14),
            kind: ContactKind::Workshop
        }
    );

    // A booking running on Tuesdays until next year: its last passed Tuesday counts.
    b.creche.bookings.push(Booking {
        id: BookingId::new(),
        child: ChildId::new(),
        schedule: Schedule::Weekly {
            days: vec![Weekday::Tue],
            from: d(2024, 1, 2),
            until: d(2027, 6, 29),
        },
        start: NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        reason: BookingReason::default(),
        note: String::new(),
    });
    assert_eq!(
        last_contact(&b, &catalogue, today),
        LastContact {
            date: d(2026, 11, 24),
            kind: ContactKind::CrecheBooking
        }
    );
    // A session typed for a future day is not a contact yet.
    b.creche.bookings.clear();
    b.preparation.sessions.push(session(d(2027, 1, 5)));
    assert_eq!(last_contact(&b, &catalogue, today).date, d(2023, 9, 14));
}

#[test]
fn an_honoured_appointment_is_a_contact_a_missed_one_is_not() {
    use crate::model::preparation::{Appointment, AppointmentStatus};
    let today = d(2026, 11, 27);
    let mut b = person(d(2023, 1, 10));
    let at = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    let mut absent = Appointment::new(d(2024, 3, 4), at);
    absent.status = AppointmentStatus::Absent;
    b.preparation.appointments.push(absent);
    assert_eq!(last_contact(&b, &[], today).kind, ContactKind::Edit);
    let mut honoured = Appointment::new(d(2024, 2, 5), at);
    honoured.status = AppointmentStatus::Honoured;
    honoured.place = "Bureau 3".into();
    b.preparation.appointments.push(honoured);
    assert_eq!(
        last_contact(&b, &[], today),
        LastContact {
            date: d(2024, 2, 5),
            kind: ContactKind::Session
        }
    );
    // Anonymising keeps its hours, as a plain session.
    let kept = anonymise(&b, today);
    assert!(kept.preparation.appointments.is_empty());
    assert_eq!(kept.preparation.hours(&[]), b.preparation.hours(&[]));
    assert_eq!(kept.preparation.hours(&[]).individual_minutes, 45);
}

#[test]
fn due_after_the_retention_period_unless_extended_or_already_anonymised() {
    let today = d(2026, 11, 27);
    let settings = Settings::default();
    assert_eq!(settings.retention_months, 24);
    let recent = person(d(2024, 11, 27));
    assert!(!due_for_erasure(&recent, &[], &settings, today));
    let mut old = person(d(2024, 11, 26));
    assert!(due_for_erasure(&old, &[], &settings, today));
    let shorter = Settings {
        retention_months: 12,
        ..Settings::default()
    };
    assert!(due_for_erasure(
        &person(d(2025, 11, 26)),
        &[],
        &shorter,
        today
    ));

    old.protection.extension = Some(RetentionExtension {
        until: today,
        reason: "Contentieux prud'homal en cours".into(),
    });
    assert!(!due_for_erasure(&old, &[], &settings, today));
    old.protection.extension = Some(RetentionExtension {
        until: d(2026, 11, 26),
        reason: "Contentieux prud'homal en cours".into(),
    });
    assert!(due_for_erasure(&old, &[], &settings, today));

    let anonymised = anonymise(&old, today);
    assert!(!due_for_erasure(&anonymised, &[], &settings, today));
}

#[test]
fn no_string_of_an_anonymised_record_holds_the_persons_identifiers() {
    let today = d(2026, 11, 27);
    let records = demo_beneficiaries(120, today, 7);
    let mut checked_nir = 0;
    for record in &records {
        let anonymised = anonymise(record, today);
        let text = ron::to_string(&anonymised).unwrap();
        let mut needles = vec![
            record.identity.last_name.clone(),
            record.identity.first_name.clone(),
            record.contact.phone.clone(),
            record.contact.street.clone(),
            record.contact.email.clone(),
        ];
        needles.extend(record.family.children.iter().map(|c| c.first_name.clone()));
        if let Some(nir) = &record.administrative.social_security_number {
            needles.push(nir.clone());
            checked_nir += 1;
        }
        for needle in needles.iter().filter(|n| !n.trim().is_empty()) {
            assert!(
                !text.contains(&format!("\"{needle}")),
                "{needle:?} left in the anonymised record: {text}"
            );
        }
        assert_eq!(anonymised.protection.anonymised_on, Some(today));
        assert_eq!(anonymised.id, record.id);
        assert_eq!(
            anonymised.identity.birth_date.map(|d| d.year()),
            record.identity.birth_date.map(|d| d.year())
        );
        assert_eq!(anonymised.identity.sex, record.identity.sex);
        assert_eq!(anonymised.pathway.outcome, record.pathway.outcome);
        assert_eq!(
            anonymised.preparation.hours(&[]),
            record.preparation.hours(&[]),
            "the hours stay for statistics"
        );
        assert!(anonymised.administrative.social_security_number.is_none());
        assert!(anonymised.private_notes.is_empty());
        assert!(anonymised.family.children.is_empty());
        assert!(anonymised.creche.care.is_empty());
    }
    assert!(checked_nir > 10, "the demo people must have NIRs to check");
}
