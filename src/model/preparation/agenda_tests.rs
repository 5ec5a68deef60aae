use chrono::{TimeZone, Utc};

use super::*;
use crate::model::companies::{Application, Immersion};
use crate::model::preparation::appointment::CancelledBy;
use crate::model::record::dates::test_support::d;
use crate::model::record::ids::CompanyId;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn person(first: &str, last: &str, referent: &str) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
    b.identity.first_name = first.into();
    b.identity.last_name = last.into();
    b.referent = referent.into();
    b
}

fn rdv(date: NaiveDate, start: NaiveTime, minutes: u32, counsellor: &str) -> Appointment {
    let mut a = Appointment::new(date, start);
    a.duration_minutes = minutes;
    a.counsellor = counsellor.into();
    a.place = "Bureau 2".into();
    a
}

#[test]
fn short_names_keep_the_first_name_and_the_last_initial() {
    assert_eq!(short_name(&person("Fatou", "Diallo", "")), "Fatou D.");
    assert_eq!(short_name(&person("Amir", "ézéchiel", "")), "Amir É.");
    assert_eq!(short_name(&person("", "Diallo", "")), "Diallo");
    assert_eq!(short_name(&person(" ", "", "")), "(sans nom)");
}

#[test]
fn the_week_lists_every_kind_sorted_and_filtered_by_counsellor() {
    let monday = d(2026, 11, 23);
    let mut fatou = person("Fatou", "Diallo", "Claire");
    fatou.preparation.appointments = vec![
        rdv(d(2026, 11, 24), t(14, 0), 45, ""),
        rdv(d(2026, 11, 24), t(9, 0), 45, "Claire"),
        // Cancelled: not on the agenda.
        Appointment {
            status: AppointmentStatus::Cancelled(CancelledBy::Person),
            ..rdv(d(2026, 11, 25), t(9, 0), 45, "Claire")
        },
        // Next week: out of range.
        rdv(d(2026, 11, 30), t(9, 0), 45, "Claire"),
    ];
    let mut interview = Application::propose(CompanyId::new(), "Onet", None, d(2026, 11, 1));
    interview.state = ApplicationState::Interview {
        date: d(2026, 11, 26),
        time: Some(t(10, 30)),
        place: "12 rue des Lilas".into(),
    };
    let pmsmp = Application::immersion(
        CompanyId::new(),
        "Jardins solidaires",
        Immersion::new(d(2026, 11, 20), d(2026, 11, 24), "M. Roux").unwrap(),
        d(2026, 11, 1),
    );
    fatou.applications = vec![interview, pmsmp];
    let mut omar = person("Omar", "Haddad", "Julien");
    // Omar's referent is Julien, but this appointment is with Claire.
    omar.preparation.appointments = vec![rdv(d(2026, 11, 27), t(11, 0), 30, "claire ")];
    let mut workshop = Workshop::new(d(2026, 11, 25));
    workshop.title = "Simulation d'entretien".into();
    workshop.facilitator = "Claire".into();
    let mut other = Workshop::new(d(2026, 11, 25));
    other.facilitator = "Julien".into();
    let records = [fatou, omar];
    let workshops = [workshop, other];

    let week = agenda(
        &records,
        &workshops,
        monday,
        d(2026, 11, 29),
        Some("Claire"),
    );
    let lines: Vec<(NaiveDate, Option<NaiveTime>, AgendaKind, &str)> = week
        .iter()
        .map(|i| (i.date, i.start, i.kind, i.title.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (d(2026, 11, 23), None, AgendaKind::Immersion, "Fatou D."),
            (d(2026, 11, 24), None, AgendaKind::Immersion, "Fatou D."),
            (
                d(2026, 11, 24),
                Some(t(9, 0)),
                AgendaKind::Appointment,
                "Fatou D."
            ),
            (
                d(2026, 11, 24),
                Some(t(14, 0)),
                AgendaKind::Appointment,
                "Fatou D."
            ),
            (
                d(2026, 11, 25),
                Some(t(9, 30)),
                AgendaKind::Workshop,
                "Simulation d'entretien"
            ),
            (
                d(2026, 11, 26),
                Some(t(10, 30)),
                AgendaKind::Interview,
                "Fatou D."
            ),
            (
                d(2026, 11, 27),
                Some(t(11, 0)),
                AgendaKind::Appointment,
                "Omar H."
            ),
        ]
    );
    // The referent stands for an appointment without a counsellor; ends are computed.
    assert_eq!(week[3].counsellor, "Claire");
    assert_eq!(week[3].end, Some(t(14, 45)));
    assert_eq!(week[3].place, "Bureau 2");
    assert!(week.iter().all(|i| !i.overlaps));
    // Everybody's: Julien's workshop too; nobody's name matches "Paul".
    assert_eq!(
        agenda(&records, &workshops, monday, d(2026, 11, 29), None).len(),
        8
    );
    assert!(agenda(&records, &workshops, monday, d(2026, 11, 29), Some("Paul")).is_empty());
}

#[test]
fn overlaps_are_flagged_for_the_same_counsellor_or_the_same_person_only() {
    let day = d(2026, 11, 24);
    let mut a = person("Fatou", "Diallo", "Claire");
    a.preparation.appointments = vec![rdv(day, t(9, 0), 60, "Claire")];
    let mut b = person("Omar", "Haddad", "Claire");
    // Overlaps Fatou's with the same counsellor.
    b.preparation.appointments = vec![rdv(day, t(9, 30), 30, "Claire")];
    let mut c = person("Lina", "Saleh", "Julien");
    // Same time, another counsellor: no overlap.
    c.preparation.appointments = vec![rdv(day, t(9, 15), 30, "Julien"), rdv(day, t(16, 0), 30, "")];
    let mut interview = Application::propose(CompanyId::new(), "Onet", None, day);
    interview.state = ApplicationState::Interview {
        date: day,
        time: Some(t(16, 30)),
        place: String::new(),
    };
    // Lina's interview starts as her appointment ends: touching is no overlap.
    c.applications = vec![interview];
    let mut workshop = Workshop::new(day);
    workshop.start = t(10, 0);
    workshop.facilitator = "Julien".into();
    let items = agenda(&[a, b, c], &[workshop], day, day, None);
    let flags: Vec<(&str, Option<NaiveTime>, bool)> = items
        .iter()
        .map(|i| (i.title.as_str(), i.start, i.overlaps))
        .collect();
    assert_eq!(
        flags,
        [
            ("Fatou D.", Some(t(9, 0)), true),
            ("Lina S.", Some(t(9, 15)), false),
            ("Omar H.", Some(t(9, 30)), true),
            ("CV", Some(t(10, 0)), false),
            ("Lina S.", Some(t(16, 0)), false),
            ("Lina S.", Some(t(16, 30)), false),
        ]
    );
    // Moved 15 minutes earlier, Lina's interview overlaps her own appointment.
    let mut items_again = items;
    let last = items_again.len() - 1;
    items_again[last].start = Some(t(16, 15));
    items_again[last].end = Some(t(17, 15));
    for item in &mut items_again {
        item.overlaps = false;
    }
    flag_overlaps(&mut items_again);
    assert!(items_again[last].overlaps && items_again[last - 1].overlaps);
    assert!(!items_again[1].overlaps);
}

#[test]
fn to_settle_lists_past_planned_appointments_oldest_first() {
    let today = d(2026, 11, 27);
    let mut a = person("Fatou", "Diallo", "Claire");
    a.preparation.appointments = vec![
        rdv(d(2026, 11, 25), t(9, 0), 45, ""),
        Appointment {
            status: AppointmentStatus::Honoured,
            ..rdv(d(2026, 11, 20), t(9, 0), 45, "")
        },
        rdv(today, t(8, 0), 45, ""),
    ];
    let mut b = person("Omar", "Haddad", "Julien");
    b.preparation.appointments = vec![rdv(d(2026, 11, 19), t(9, 0), 45, "")];
    let records = [a, b];
    let all = to_settle(&records, today, None);
    let days: Vec<NaiveDate> = all.iter().map(|(_, a)| a.date).collect();
    assert_eq!(days, [d(2026, 11, 19), d(2026, 11, 25)]);
    let claire = to_settle(&records, today, Some("Claire"));
    assert_eq!(claire.len(), 1);
    assert_eq!(claire[0].0, records[0].id);
}

#[test]
fn counsellors_match_whatever_the_case_and_the_spaces_around() {
    assert!(same_counsellor("Claire Martin", " claire MARTIN "));
    assert!(same_counsellor("Karima Bensaïd", "\u{a0}KARIMA BENSAÏD"));
    assert!(!same_counsellor("Karima Bensaïd", "Karima Bensaid"));
    assert!(!same_counsellor("Claire Martin", "Claire Marti"));
    assert!(
        !same_counsellor("  ", "  "),
        "nobody is nobody's counsellor"
    );
}

#[test]
fn an_anonymised_record_shows_nothing_on_the_agenda() {
    let monday = d(2026, 11, 23);
    let mut erased = person("Fatou", "Diallo", "Claire");
    erased.preparation.appointments = vec![rdv(d(2026, 11, 24), t(9, 0), 45, "Claire")];
    let mut kept = erased.clone();
    kept.identity.first_name = "Awa".into();
    erased.protection.anonymised_on = Some(d(2026, 11, 20));
    let items = agenda(&[erased, kept], &[], monday, d(2026, 11, 29), None);
    let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Awa D."]);
}

#[test]
fn a_job_interview_or_an_immersion_alone_is_on_the_agenda() {
    let monday = d(2026, 11, 23);
    let mut interview = Application::propose(CompanyId::new(), "Onet", None, d(2026, 11, 1));
    interview.state = ApplicationState::Interview {
        date: d(2026, 11, 26),
        time: Some(t(10, 30)),
        place: "12 rue des Lilas".into(),
    };
    let mut fatou = person("Fatou", "Diallo", "Claire");
    fatou.applications = vec![interview];
    // An immersion that began the week before and ends on Tuesday.
    let mut omar = person("Omar", "Haddad", "Claire");
    omar.applications = vec![Application::immersion(
        CompanyId::new(),
        "Jardins solidaires",
        Immersion::new(d(2026, 11, 16), d(2026, 11, 24), "M. Roux").unwrap(),
        d(2026, 11, 1),
    )];
    let items = agenda(&[fatou, omar], &[], monday, d(2026, 11, 29), None);
    let kinds: Vec<(AgendaKind, NaiveDate)> = items.iter().map(|i| (i.kind, i.date)).collect();
    assert_eq!(
        kinds,
        [
            (AgendaKind::Immersion, monday),
            (AgendaKind::Immersion, d(2026, 11, 24)),
            (AgendaKind::Interview, d(2026, 11, 26)),
        ]
    );
}
