//! The "Accueil" view, shown at start once records are loaded: today's appointments, then what
//! needs doing — appointments to settle (Honoré / Absent in one click), overdue actions,
//! permits to renew, waiting crèche requests a place now fits — each line opening the record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveTime;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::creche::{Booking, BookingReason, Schedule, WaitingRequest};
use parcours::model::preparation::{Action, Appointment, AppointmentStatus, Objective};
use parcours::model::{Beneficiary, BookingId, ChildId};
use parcours::store::{Access, Store};
use parcours::ui::text::{common, home as words, overdue, preparation as prep};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{d, fixture, let_autosave_run, today, wait_for_home};

/// A click on `label`, then frames until the view shown is up to date (Accueil's lists are
/// computed again after a change, off the frame).
fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    wait_for_home(harness);
}

fn at(day: u32, hour: u32) -> Appointment {
    Appointment::new(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    )
}

/// Fatoumata Diallo (permit to renew: it expires on 9 January) with an appointment today
/// (Sunday 22 November, 14 h), two past ones still planned, an overdue action and a crèche
/// request waiting for a free day.
fn diallo() -> Beneficiary {
    let mut b = fixture();
    b.preparation.appointments = vec![at(22, 14), at(18, 10), at(19, 9)];
    b.preparation.objectives = vec![Objective {
        actions: vec![Action {
            label: "Rédiger le CV en français".into(),
            due_on: Some(d(2026, 11, 10)),
            ..Action::default()
        }],
        ..Objective::default()
    }];
    let child: ChildId = b.family.children[0].id;
    b.creche.waiting.push(WaitingRequest {
        booking: Booking {
            id: BookingId::new(),
            child,
            schedule: Schedule::Once(d(2026, 11, 24)),
            start: NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(11, 0, 0).unwrap(),
            reason: BookingReason::Other,
            note: String::new(),
        },
        requested_on: d(2026, 11, 2),
    });
    b
}

fn window(
    dir: &std::path::Path,
    records: &[Beneficiary],
    width: f32,
) -> Harness<'static, ParcoursApp> {
    {
        let mut store = Store::open(dir, Access::ReadWrite).unwrap();
        for record in records {
            store.save_beneficiary(record, today()).unwrap();
        }
    }
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, 760.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    wait_for_home(&mut harness);
    harness
}

fn saved(dir: &std::path::Path) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store.load().beneficiaries.into_iter().next().unwrap()
}

const NAME: &str = "Fatoumata Diallo";

fn when(day: u32, hour: u32) -> String {
    prep::appointment_when(
        d(2026, 11, day),
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
    )
}

#[test]
fn the_home_screen_lists_the_day_and_what_needs_doing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path(), &[diallo()], 1100.0);
    // At start, once loaded: the day…
    assert!(harness.query_by_label(&words::today(today())).is_some());
    assert!(
        harness
            .query_by_label(&words::today_link(NAME, "14 h"))
            .is_some()
    );
    // …then what needs doing, each in its list.
    assert!(
        harness
            .query_by_label(&words::settle_link(NAME, &when(18, 10)))
            .is_some()
    );
    assert!(
        harness
            .query_by_label(&words::settle_link(NAME, &when(19, 9)))
            .is_some()
    );
    assert!(
        harness
            .query_by_label(&words::settle_link(NAME, &when(22, 14)))
            .is_none(),
        "today's appointment is not to settle yet"
    );
    assert!(
        harness
            .query_by_label(&overdue::late("10/11/2026", 12))
            .is_some()
    );
    assert!(harness.query_by_label(&words::permit_link(NAME)).is_some());
    assert!(harness.query_by_label(&words::creche_link(NAME)).is_some());
    assert!(
        harness
            .query_by_label(&words::creche_request(d(2026, 11, 2)))
            .is_some()
    );
    // A line opens the place to act: the crèche request, the Crèche tab.
    click(&mut harness, &words::creche_link(NAME));
    assert!(
        harness
            .query_by_label(parcours::ui::text::creche::CRECHE_DATE)
            .is_some()
    );
    // Ctrl+Maj+A comes back; the permit's line opens the Préparation tab.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::A,
    );
    wait_for_home(&mut harness);
    click(&mut harness, &words::permit_link(NAME));
    assert!(harness.query_by_label(prep::APPOINTMENTS).is_some());
}

#[test]
fn appointments_are_settled_from_the_home_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path(), &[diallo()], 1100.0);
    click(
        &mut harness,
        &words::settle_button(AppointmentStatus::Honoured.label(), NAME, &when(18, 10)),
    );
    click(
        &mut harness,
        &words::settle_button(AppointmentStatus::Absent.label(), NAME, &when(19, 9)),
    );
    assert!(harness.query_by_label(words::TO_SETTLE_NONE).is_some());
    let_autosave_run(&mut harness);
    let statuses: Vec<_> = saved(dir.path())
        .preparation
        .appointments
        .iter()
        .map(|a| a.status)
        .collect();
    assert_eq!(
        statuses,
        [
            AppointmentStatus::Planned,
            AppointmentStatus::Honoured,
            AppointmentStatus::Absent
        ]
    );
    // The record shows the attendance, and the hours of the honoured one.
    click(&mut harness, common::VIEW_RECORD);
    harness
        .query_all_by_label_contains(NAME)
        .next()
        .unwrap()
        .click();
    harness.run();
    click(&mut harness, prep::TAB_PREPARATION);
    assert!(harness.query_by_label(&prep::attendance(1, 1, 0)).is_some());
    assert!(harness.query_by_label(&prep::split(100, 0)).is_some());
}

#[test]
fn the_home_screen_at_1200_pixels() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window(dir.path(), &[diallo()], 1200.0);
    crate::image_snapshot::snapshot(&mut harness, "home");
}
