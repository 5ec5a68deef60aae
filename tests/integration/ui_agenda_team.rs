//! The "Agenda" of a team: everybody's week or only the counsellor's own ("Moi", the profile of
//! this computer); a workshop on the agenda, or on Accueil, opens where the catalogue edits it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::preparation::{Appointment, Workshop};
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::{agenda as words, common, workshops};

use crate::common::d;
use crate::team_support::{app_as, person, write_records};

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// An appointment on `day` of November 2026 at `hour`, with `counsellor`.
fn with(counsellor: &str, day: u32, hour: u32) -> Appointment {
    let mut a = Appointment::new(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    );
    a.counsellor = counsellor.into();
    a
}

fn shown(harness: &Harness<'_, ParcoursApp>, item: &str) -> bool {
    harness.query_all_by_label_contains(item).next().is_some()
}

#[test]
fn me_shows_only_my_appointments_and_everyone_shows_both() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut amina = person("Amina", "Benali", "Claire Martin");
    amina.preparation.appointments = vec![with("Claire Martin", 24, 10)];
    let mut wei = person("Wei", "Chen", "Paul Durand");
    wei.preparation.appointments = vec![with("Paul Durand", 25, 11)];
    write_records(dir.path(), &[amina, wei]);
    let mut harness = app_as(dir.path(), config.path(), "Claire Martin");
    click(&mut harness, common::VIEW_AGENDA);
    let (mine, paul) = ("Rendez-vous · Amina B.", "Rendez-vous · Wei C.");
    // Everybody's week at first.
    assert!(shown(&harness, mine) && shown(&harness, paul));
    click(&mut harness, words::ME);
    assert!(shown(&harness, mine), "my appointment stays");
    assert!(!shown(&harness, paul), "Paul's is not mine");
    // Paul's hour is free in my agenda.
    let paul_hour = words::free_slot(d(2026, 11, 25), NaiveTime::from_hms_opt(11, 0, 0).unwrap());
    assert!(harness.query_by_label(&paul_hour).is_some());
    click(&mut harness, words::EVERYONE);
    assert!(shown(&harness, mine) && shown(&harness, paul));
}

/// "Atelier CV" on `day` of November 2026 at 14 h, run by Claire Martin, Wei Chen enrolled;
/// Wei's record beside Amina's.
fn workshop_with_wei(dir: &std::path::Path, day: u32) -> Workshop {
    let wei = person("Wei", "Chen", "Paul Durand");
    let mut workshop = Workshop::new(d(2026, 11, day));
    workshop.title = "Atelier CV".into();
    workshop.start = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
    workshop.facilitator = "Claire Martin".into();
    workshop.place = "Salle collective".into();
    workshop.enrol(wei.id).unwrap();
    write_records(dir, &[person("Amina", "Benali", "Claire Martin"), wei]);
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.load();
    store.save_workshop(&workshop).unwrap();
    workshop
}

/// The catalogue is open over `name`'s record, with the workshop's form filled.
fn catalogue_edits(harness: &Harness<'_, ParcoursApp>, name: &str, date: &str) {
    assert!(
        harness
            .query_by_label(&workshops::open_person(name))
            .is_some(),
        "the catalogue is not open over {name}'s record"
    );
    assert_eq!(
        harness.get_by_label(workshops::TITLE).value().as_deref(),
        Some("Atelier CV")
    );
    assert_eq!(
        harness.get_by_label(workshops::DATE).value().as_deref(),
        Some(date)
    );
}

#[test]
fn a_workshop_on_the_agenda_opens_its_form_in_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    workshop_with_wei(dir.path(), 26);
    let mut harness = app_as(dir.path(), config.path(), "Claire Martin");
    click(&mut harness, common::VIEW_AGENDA);
    harness
        .query_all_by_label_contains("Atelier · Atelier CV")
        .next()
        .expect("the workshop is in the week")
        .click();
    harness.run();
    // No record was shown: the catalogue opens over the person enrolled.
    catalogue_edits(&harness, "Wei Chen", "26/11/2026");
}

#[test]
fn a_workshop_of_the_day_on_accueil_opens_its_form_over_the_record_shown() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    // Today: Sunday 22 November.
    workshop_with_wei(dir.path(), 22);
    let mut harness = app_as(dir.path(), config.path(), "Claire Martin");
    harness.get_by_label_contains("Amina").click();
    harness.run();
    click(&mut harness, common::VIEW_HOME);
    crate::common::wait_for_home(&mut harness);
    click(&mut harness, "Atelier CV");
    catalogue_edits(&harness, "Amina Benali", "22/11/2026");
}
