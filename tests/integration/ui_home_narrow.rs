//! "Accueil" at the window's smallest size (800 × 500): a long name and a permit's long line
//! fit the width — the name cut, whole on hover; the line wrapped — as do an appointment to
//! settle and a long overdue action: nothing to scroll sideways.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::preparation::{
    Action, Appointment, AppointmentStatus, Objective, PermitAlert,
};
use parcours::store::{Access, Store};
use parcours::ui::text::{home as words, preparation as prep};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{d, fixture, today};

/// The window's smallest size (`ui::run`'s minimum inner size).
const SMALLEST: egui::Vec2 = egui::vec2(800.0, 500.0);

const FIRST: &str = "Marie-Christine Oluwaseun";
const LAST: &str = "Nkemdirim-Abdelkader de la Fontaine-Traoré";

#[test]
fn a_long_name_and_a_long_permit_line_fit_the_smallest_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut person = fixture();
    person.identity.first_name = FIRST.into();
    person.identity.last_name = LAST.into();
    person.preparation.objectives = vec![Objective {
        actions: vec![Action {
            label: "Prendre rendez-vous à la préfecture pour le renouvellement du titre de \
                    séjour et rassembler les justificatifs de domicile et de ressources"
                .into(),
            due_on: Some(d(2026, 11, 10)),
            ..Action::default()
        }],
        ..Objective::default()
    }];
    // Past, still to settle.
    person.preparation.appointments = vec![Appointment::new(
        d(2026, 11, 19),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
    )];
    let when = prep::appointment_when(d(2026, 11, 19), NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    let alert = PermitAlert::of(&person.administrative, today()).expect("a permit to renew");
    let line = prep::permit_alert(alert);
    let name = person.display_name();
    Store::open(dir.path(), Access::ReadWrite)
        .unwrap()
        .save_beneficiary(&person, today())
        .unwrap();
    let config = AppConfig {
        data_dir: dir.path().to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(SMALLEST)
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::wait_for_home(&mut harness);
    harness
        .get_by_label(&words::permit_link(&name))
        .scroll_to_me();
    harness.run();
    let within = |label: &str| {
        let rect = harness.get_by_label(label).rect();
        assert!(
            rect.right() <= SMALLEST.x,
            "{label:?} reaches {} px, past the window's {} px",
            rect.right(),
            SMALLEST.x
        );
    };
    within(&words::permit_link(&name));
    within(&line);
    for status in [AppointmentStatus::Honoured, AppointmentStatus::Absent] {
        within(&words::settle_button(status.label(), &name, &when));
    }
    crate::image_snapshot::snapshot(&mut harness, "home_800x500");
    // The name is cut in the list, whole on hover.
    harness.get_by_label(&words::permit_link(&name)).hover();
    harness.run();
    assert!(
        harness
            .query_by_label(&words::link_hover(&name, words::OPEN_PREPARATION_HOVER))
            .is_some()
    );
}
