//! The "Agenda" view, driven as a counsellor would: reached with Ctrl+Maj+G, an appointment
//! planned on a free slot of the week for a person found by name, then a click on it opening
//! the record's "Préparation à l'emploi" tab; overlaps shown; the week's picture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::Beneficiary;
use parcours::model::preparation::{Appointment, AppointmentStatus};
use parcours::store::{Access, Store};
use parcours::ui::text::{agenda as words, common, preparation as prep};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{d, fixture, let_autosave_run, today};

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn at(day: u32, hour: u32, minute: u32) -> Appointment {
    Appointment::new(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap(),
    )
}

fn save(dir: &std::path::Path, records: &[Beneficiary]) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for record in records {
        store.save_beneficiary(record, today()).unwrap();
    }
}

fn saved(dir: &std::path::Path) -> Vec<Beneficiary> {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries
}

/// The window at `width` pixels on `dir`.
fn window(dir: &std::path::Path, width: f32) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, 760.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
}

fn open_agenda_by_keyboard(harness: &mut Harness<'_, ParcoursApp>) {
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::G,
    );
    harness.run();
}

fn other_person() -> Beneficiary {
    let mut b = Beneficiary::new(chrono::Utc::now());
    b.identity.first_name = "Karim".into();
    b.identity.last_name = "Haddad".into();
    b.referent = "Claire Martin".into();
    b
}

#[test]
fn an_appointment_planned_on_a_free_slot_opens_the_record_and_shows_in_the_week() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[fixture(), other_person()]);
    let mut harness = window(dir.path(), 1100.0);
    open_agenda_by_keyboard(&mut harness);
    // Today is Sunday 22 November: the week to come shows, Monday to Friday.
    assert!(
        harness
            .query_by_label(&words::week(d(2026, 11, 23), d(2026, 11, 27)))
            .is_some()
    );
    let slot = words::free_slot(d(2026, 11, 24), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    click(&mut harness, &slot);
    harness
        .get_by_label(words::SEARCH_PERSON)
        .type_text("diallo");
    harness.run();
    assert!(
        harness.query_by_label("Karim Haddad").is_none(),
        "only the names that match"
    );
    click(&mut harness, "Fatoumata Diallo");
    // The record's "Préparation à l'emploi" tab, with the appointment to settle later.
    let when = prep::appointment_when(d(2026, 11, 24), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
    assert!(
        harness
            .query_by_label(&prep::settle_appointment(
                AppointmentStatus::Honoured.label(),
                &when
            ))
            .is_some()
    );
    let_autosave_run(&mut harness);
    let diallo = saved(dir.path())
        .into_iter()
        .find(|b| b.identity.last_name == "Diallo")
        .unwrap();
    assert_eq!(diallo.preparation.appointments.len(), 1);
    let planned = &diallo.preparation.appointments[0];
    assert_eq!(
        planned.starts_at(),
        d(2026, 11, 24).and_hms_opt(10, 0, 0).unwrap()
    );
    assert_eq!(planned.counsellor, "Claire Martin");

    // Back to the agenda: the slot is taken, the item opens the record.
    click(&mut harness, common::VIEW_AGENDA);
    assert!(
        harness.query_by_label(&slot).is_none(),
        "the slot is no longer free"
    );
    let item = harness
        .query_all_by_label_contains("Rendez-vous · Fatoumata D.")
        .next()
        .expect("the appointment is in the week");
    item.click();
    harness.run();
    assert!(
        harness
            .query_by_label(&prep::settle_appointment(
                AppointmentStatus::Honoured.label(),
                &when
            ))
            .is_some(),
        "the click opened the Préparation tab"
    );
}

#[test]
fn overlapping_appointments_are_both_shown_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let mut diallo = fixture();
    diallo.preparation.appointments = vec![at(23, 9, 0)];
    let mut haddad = other_person();
    haddad.preparation.appointments = vec![at(23, 9, 30)];
    save(dir.path(), &[diallo, haddad]);
    let mut harness = window(dir.path(), 1100.0);
    click(&mut harness, common::VIEW_AGENDA);
    let marked: Vec<String> = harness
        .query_all_by_label_contains(words::OVERLAP)
        .map(|n| format!("{n:?}"))
        .collect();
    assert_eq!(marked.len(), 2, "{marked:?}");
    assert!(marked.iter().any(|l| l.contains("Fatoumata D.")));
    assert!(marked.iter().any(|l| l.contains("Karim H.")));
    // The day view shows the same two.
    click(&mut harness, words::DAY);
    click(&mut harness, words::NEXT);
    assert!(
        harness
            .query_all_by_label(&words::day(d(2026, 11, 23)))
            .next()
            .is_some()
    );
    assert_eq!(
        harness.query_all_by_label_contains(words::OVERLAP).count(),
        2
    );
}

#[test]
fn the_agenda_week_at_1200_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let mut diallo = fixture();
    let mut honoured = at(18, 10, 0);
    honoured.status = AppointmentStatus::Honoured;
    diallo.preparation.appointments = vec![at(23, 9, 0), at(25, 14, 30), honoured];
    let mut haddad = other_person();
    haddad.preparation.appointments = vec![at(23, 9, 30), at(26, 11, 0)];
    save(dir.path(), &[diallo, haddad]);
    let mut harness = window(dir.path(), 1200.0);
    click(&mut harness, common::VIEW_AGENDA);
    crate::image_snapshot::snapshot(&mut harness, "agenda_week");
}
