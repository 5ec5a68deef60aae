//! The "Agenda" of a team: everybody's week or only the counsellor's own ("Moi", the profile of
//! this computer); a workshop on the agenda opens where the catalogue edits it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::preparation::Appointment;
use parcours::ui::ParcoursApp;
use parcours::ui::text::{agenda as words, common};

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
