//! Appointments in the "Préparation à l'emploi" tab, driven as a counsellor would: planned in a
//! few fields, settled as honoured or absent (the attendance counts follow, and the honoured
//! one's time joins the hours), a past date asking first, the crèche proposed for a young
//! child, and a removal undone.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::Beneficiary;
use parcours::model::preparation::{Appointment, AppointmentStatus};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{app as app_words, preparation as prep};

use crate::common::{app, d, fixture, let_autosave_run, today, type_into};

fn saved(dir: &std::path::Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.into_iter().next().unwrap()
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn replace_text(harness: &mut Harness<'_, ParcoursApp>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// The window on one record with `appointments`, its "Préparation à l'emploi" tab open.
fn window_on(
    dir: &std::path::Path,
    appointments: Vec<Appointment>,
) -> Harness<'static, ParcoursApp> {
    let mut record = fixture();
    record.preparation.appointments = appointments;
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
    // The window takes the directory's lock.
    drop(store);
    let mut harness = app(dir);
    harness.run();
    harness
        .query_all_by_label_contains("Fatoumata Diallo")
        .next()
        .unwrap()
        .click();
    harness.run();
    click(&mut harness, prep::TAB_PREPARATION);
    harness
}

fn at(day: u32, hour: u32) -> Appointment {
    Appointment::new(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    )
}

fn settle(harness: &mut Harness<'_, ParcoursApp>, status: AppointmentStatus, day: u32, hour: u32) {
    let when = prep::appointment_when(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    );
    click(harness, &prep::settle_appointment(status.label(), &when));
}

#[test]
fn an_appointment_planned_in_the_tab_is_saved_with_the_counsellor_and_the_usual_length() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(dir.path(), Vec::new());
    assert!(harness.query_by_label(prep::NO_APPOINTMENT).is_some());
    replace_text(&mut harness, prep::APPOINTMENT_DATE, "25/11/2026");
    type_into(&mut harness, prep::APPOINTMENT_START, "9h30");
    type_into(&mut harness, prep::APPOINTMENT_PLACE, "Bureau 2");
    click(&mut harness, prep::APPOINTMENT_ADD);
    let when = prep::appointment_when(d(2026, 11, 25), NaiveTime::from_hms_opt(9, 30, 0).unwrap());
    assert!(
        harness
            .query_by_label(&prep::settle_appointment(
                AppointmentStatus::Honoured.label(),
                &when
            ))
            .is_some(),
        "the appointment is listed, to settle later"
    );
    let_autosave_run(&mut harness);
    let appointments = saved(dir.path()).preparation.appointments;
    assert_eq!(appointments.len(), 1);
    let planned = &appointments[0];
    assert_eq!(planned.date, d(2026, 11, 25));
    assert_eq!(planned.start, NaiveTime::from_hms_opt(9, 30, 0).unwrap());
    assert_eq!(planned.duration_minutes, 45);
    assert_eq!(planned.place, "Bureau 2");
    // No profile in tests: the referent is who the person will see.
    assert_eq!(planned.counsellor, "Claire Martin");
    assert_eq!(planned.status, AppointmentStatus::Planned);

    // A wrong time is explained and plans nothing.
    type_into(&mut harness, prep::APPOINTMENT_START, "midi");
    click(&mut harness, prep::APPOINTMENT_ADD);
    assert!(
        harness
            .query_by_label(prep::APPOINTMENT_START_INVALID)
            .is_some()
    );
}

#[test]
fn settling_appointments_counts_attendance_and_the_honoured_one_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(dir.path(), vec![at(18, 10), at(19, 14), at(20, 9)]);
    assert!(harness.query_by_label(&prep::attendance(0, 0, 0)).is_some());
    assert!(harness.query_by_label(prep::NO_HOURS).is_some());
    settle(&mut harness, AppointmentStatus::Honoured, 18, 10);
    assert!(harness.query_by_label(&prep::attendance(1, 0, 0)).is_some());
    // Honoured, it is a session of the log: its 45 minutes are individual time.
    assert!(harness.query_by_label(&prep::split(100, 0)).is_some());
    assert!(harness.query_by_label(prep::FROM_APPOINTMENTS).is_some());
    settle(&mut harness, AppointmentStatus::Absent, 19, 14);
    assert!(harness.query_by_label(&prep::attendance(1, 1, 0)).is_some());
    settle(&mut harness, AppointmentStatus::Excused, 20, 9);
    assert!(harness.query_by_label(&prep::attendance(1, 1, 1)).is_some());
    let_autosave_run(&mut harness);
    let statuses: Vec<_> = saved(dir.path())
        .preparation
        .appointments
        .iter()
        .map(|a| (a.date, a.status))
        .collect();
    assert_eq!(
        statuses,
        [
            (d(2026, 11, 18), AppointmentStatus::Honoured),
            (d(2026, 11, 19), AppointmentStatus::Absent),
            (d(2026, 11, 20), AppointmentStatus::Excused),
        ]
    );
}

#[test]
fn a_new_appointment_starts_at_the_usual_place_of_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let settings = parcours::model::Settings {
            default_place: "Espace emploi, bureau 2".into(),
            ..parcours::model::Settings::default()
        };
        store.save_settings(&settings).unwrap();
    }
    let mut harness = window_on(dir.path(), Vec::new());
    assert_eq!(
        harness
            .get_by_label(prep::APPOINTMENT_PLACE)
            .value()
            .unwrap_or_default(),
        "Espace emploi, bureau 2"
    );
    replace_text(&mut harness, prep::APPOINTMENT_DATE, "26/11/2026");
    type_into(&mut harness, prep::APPOINTMENT_START, "14h");
    click(&mut harness, prep::APPOINTMENT_ADD);
    let_autosave_run(&mut harness);
    let appointments = saved(dir.path()).preparation.appointments;
    assert_eq!(appointments[0].place, "Espace emploi, bureau 2");
}

#[test]
fn a_past_date_is_entered_only_as_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(dir.path(), Vec::new());
    replace_text(&mut harness, prep::APPOINTMENT_DATE, "16/11/2026");
    type_into(&mut harness, prep::APPOINTMENT_START, "11h");
    click(&mut harness, prep::APPOINTMENT_ADD);
    assert!(harness.query_by_label(prep::APPOINTMENT_IN_PAST).is_some());
    assert!(
        harness.query_by_label(prep::NO_APPOINTMENT).is_some(),
        "nothing planned yet"
    );
    click(&mut harness, prep::APPOINTMENT_ADD_HONOURED);
    assert!(harness.query_by_label(&prep::attendance(1, 0, 0)).is_some());
    let_autosave_run(&mut harness);
    let appointments = saved(dir.path()).preparation.appointments;
    assert_eq!(appointments.len(), 1);
    assert_eq!(appointments[0].status, AppointmentStatus::Honoured);
}

#[test]
fn a_removed_appointment_comes_back_with_annuler() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_on(dir.path(), vec![at(25, 10)]);
    let when = prep::appointment_when(d(2026, 11, 25), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    click(&mut harness, &prep::remove_appointment(&when));
    assert!(harness.query_by_label(prep::NO_APPOINTMENT).is_some());
    click(&mut harness, app_words::UNDO);
    assert!(
        harness
            .query_by_label(&prep::remove_appointment(&when))
            .is_some()
    );
    let_autosave_run(&mut harness);
    assert_eq!(saved(dir.path()).preparation.appointments.len(), 1);
}

#[test]
fn the_creche_is_proposed_for_an_upcoming_appointment_of_a_parent_of_a_toddler() {
    let dir = tempfile::tempdir().unwrap();
    // Awa, the fixture's daughter, is 19 months old.
    let mut harness = window_on(dir.path(), vec![at(26, 10), at(18, 10)]);
    let upcoming =
        prep::appointment_when(d(2026, 11, 26), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    let past = prep::appointment_when(d(2026, 11, 18), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    assert!(
        harness
            .query_by_label(&prep::book_creche_for_appointment(&past))
            .is_none(),
        "nothing to book for a past appointment"
    );
    click(&mut harness, &prep::book_creche_for_appointment(&upcoming));
    // The Crèche tab opens on the booking form, filled for that day.
    assert_eq!(
        harness
            .get_by_label(parcours::ui::text::creche::CRECHE_DATE)
            .value()
            .unwrap_or_default(),
        "26/11/2026"
    );
}

#[test]
fn the_convocation_letter_of_an_upcoming_appointment_is_saved_as_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    let mut appointment = at(25, 10);
    appointment.place = "Espace emploi, bureau 2".into();
    let mut harness = window_on(dir.path(), vec![appointment, at(18, 9)]);
    let past = prep::appointment_when(d(2026, 11, 18), NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    assert!(
        harness
            .query_by_label(&prep::convocation_for(&past))
            .is_none(),
        "no letter for a past appointment"
    );
    let upcoming =
        prep::appointment_when(d(2026, 11, 25), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    assert!(
        harness
            .query_by_label(&prep::convocation_for(&upcoming))
            .is_some()
    );
    // The dialog cannot be driven: no file given, the Documents folder is offered.
    harness
        .state_mut()
        .convocation_dialog_gave_nothing(documents.path(), false);
    harness.run();
    click(&mut harness, parcours::ui::text::common::SAVE_IN_FALLBACK);
    let written = documents
        .path()
        .join("convocation_Diallo_Fatoumata_2026-11-25.pdf");
    assert!(
        harness
            .query_by_label(&prep::convocation_saved(&written))
            .is_some()
    );
    let text = std::process::Command::new("pdftotext")
        .args([written.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Fatoumata"), "{text}");
    assert!(text.contains("Espace emploi, bureau 2"), "{text}");
}

#[test]
fn an_upcoming_appointment_is_exported_for_a_calendar_without_the_persons_name() {
    let dir = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    let mut appointment = at(25, 10);
    appointment.place = "Espace emploi, bureau 2".into();
    let mut harness = window_on(dir.path(), vec![appointment]);
    let upcoming =
        prep::appointment_when(d(2026, 11, 25), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    assert!(harness.query_by_label(&prep::ics_for(&upcoming)).is_some());
    harness
        .state_mut()
        .convocation_dialog_gave_nothing(documents.path(), true);
    harness.run();
    click(&mut harness, parcours::ui::text::common::SAVE_IN_FALLBACK);
    let written = documents
        .path()
        .join("convocation_Diallo_Fatoumata_2026-11-25.ics");
    assert!(harness.query_by_label(&prep::ics_saved(&written)).is_some());
    // Read by an independent parser (Debian's python3-icalendar).
    let script = [
        "import sys, icalendar",
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())",
        "for e in cal.walk('VEVENT'):",
        "    print(e['SUMMARY'], '|', e['LOCATION'], '|', e.decoded('DTSTART').isoformat())",
    ]
    .join("\n");
    let output = std::process::Command::new("/usr/bin/python3")
        .args(["-c", &script, written.to_str().unwrap()])
        .output()
        .unwrap();
    let events = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(events.lines().count(), 1, "{events}");
    assert!(events.contains("Espace emploi, bureau 2"), "{events}");
    assert!(events.contains("2026-11-25T10:00:00+01:00"), "{events}");
    assert!(
        !events.contains("Diallo") && !events.contains("Fatoumata"),
        "{events}"
    );
}
