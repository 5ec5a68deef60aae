//! The "Préparation à l'emploi" tab (phase 2), driven as a counsellor would: logging sessions
//! and watching the 70/30 split, the workshops' catalogue with its capacity and attendance,
//! the overdue actions across all records, the permit's renewal warning.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::preparation::{
    Action, ActionStatus, Actor, AdminStep, AdminStepKind, Attendance, Mobility, Objective,
    PermitAlert, Project, ProjectStatus, Session, SessionKind, StepStatus, Theme, Transport,
    WorkingTime, Workshop,
};
use parcours::model::{Beneficiary, PhaseStatus};
use parcours::store::{Access, DELETED_WORKSHOPS_DIR, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text::common::{OVERDUE_OPEN, STATUS};
use parcours::ui::text::{overdue, preparation as prep, workshops as ws};

use crate::common::{app, fixture, let_autosave_run, today, type_into};

use crate::common::d;

fn save(dir: &std::path::Path, records: &[Beneficiary]) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for record in records {
        store.save_beneficiary(record, today()).unwrap();
    }
}

fn person(first: &str, last: &str) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 9, 1, 9, 0, 0).unwrap());
    b.identity.first_name = first.into();
    b.identity.last_name = last.into();
    b
}

fn saved(dir: &std::path::Path, last_name: &str) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store
        .load()
        .beneficiaries
        .into_iter()
        .find(|b| b.identity.last_name == last_name)
        .unwrap()
}

fn workshops(dir: &std::path::Path) -> Vec<Workshop> {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    let (workshops, problems) = store.load_workshops();
    assert!(problems.is_empty(), "{problems:?}");
    workshops
}

fn click(harness: &mut Harness<'_, ParcoursApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn open_tab(harness: &mut Harness<'_, ParcoursApp>, name: &str) {
    // The list comes first; the open record's heading may hold the name too.
    harness
        .query_all_by_label_contains(name)
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.get_by_label(prep::TAB_PREPARATION).click();
    harness.run();
}

#[test]
fn logging_an_individual_session_changes_the_split() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[fixture()]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    assert!(harness.query_by_label(prep::NO_HOURS).is_some());

    type_into(&mut harness, prep::SESSION_DURATION, "1h30");
    type_into(&mut harness, prep::SESSION_NOTE, "Point sur le CV");
    click(&mut harness, prep::SESSION_ADD);
    assert!(harness.query_by_label(&prep::split(100, 0)).is_some());
    assert!(
        harness
            .query_by_label(prep::SPLIT_MORE_COLLECTIVE)
            .is_some()
    );
    // A second one, collective, typed in minutes and entered with the keyboard.
    click(&mut harness, prep::SESSION_KIND);
    click(&mut harness, SessionKind::Collective.label());
    type_into(&mut harness, prep::SESSION_DURATION, "60");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label(&prep::split(60, 40)).is_some());
    assert!(harness.query_by_label(prep::SPLIT_ON_TARGET).is_some());
    let_autosave_run(&mut harness);
    let sessions = saved(dir.path(), "Diallo").preparation.sessions;
    assert_eq!(
        sessions,
        [
            Session {
                date: today(),
                duration_minutes: 90,
                kind: SessionKind::FaceToFace,
                note: "Point sur le CV".into()
            },
            Session {
                date: today(),
                duration_minutes: 60,
                kind: SessionKind::Collective,
                note: String::new()
            }
        ]
    );
    // A wrong duration is explained and logs nothing.
    type_into(&mut harness, prep::SESSION_DURATION, "deux heures");
    click(&mut harness, prep::SESSION_ADD);
    assert!(
        harness
            .query_by_label("Durée invalide : en minutes (90) ou en heures (1h30).")
            .is_some()
    );
}

#[test]
fn a_full_workshop_refuses_a_third_person_and_attendance_reaches_the_log() {
    let dir = tempfile::tempdir().unwrap();
    save(
        dir.path(),
        &[
            fixture(),
            person("Ahmad", "Karimi"),
            person("Olena", "Shevchenko"),
        ],
    );
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, prep::WORKSHOPS_OPEN);
    click(&mut harness, ws::NEW_WORKSHOP);
    type_into(&mut harness, ws::TITLE, "Simulation d'entretien");
    harness.get_by_label(ws::CAPACITY).click();
    harness.run();
    harness.key_press(egui::Key::Backspace);
    harness.get_by_label(ws::CAPACITY).type_text("2");
    harness.run();
    click(&mut harness, ws::SAVE_WORKSHOP);
    assert_eq!(workshops(dir.path()).len(), 1);

    let enrol = &ws::enrol("Simulation d'entretien");
    click(&mut harness, enrol);
    assert!(harness.query_by_label(&ws::enrolled("1 / 2")).is_some());
    open_tab(&mut harness, "Ahmad Karimi");
    click(&mut harness, enrol);
    assert!(harness.query_by_label(&ws::enrolled("2 / 2")).is_some());
    open_tab(&mut harness, "Olena Shevchenko");
    click(&mut harness, enrol);
    assert!(
        harness
            .query_by_label("Atelier complet : 2 / 2 inscrits")
            .is_some()
    );
    let catalogue = workshops(dir.path());
    assert_eq!(catalogue[0].enrolments.len(), 2);
    assert_eq!(catalogue[0].fill_text(), "2 / 2");

    // The workshop is today: Fatoumata's attendance is marked, and the session appears in her
    // log, computed from the workshop (her record holds no copy of it).
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, "• Fatoumata Diallo");
    click(&mut harness, Attendance::Present.label());
    assert!(
        harness
            .query_by_label("Atelier : Simulation d'entretien")
            .is_some()
    );
    assert!(harness.query_by_label(&prep::split(0, 100)).is_some());
    assert!(
        harness
            .query_by_label(prep::SPLIT_MORE_INDIVIDUAL)
            .is_some()
    );
    let_autosave_run(&mut harness);
    assert!(saved(dir.path(), "Diallo").preparation.sessions.is_empty());
    assert_eq!(
        parcours::model::preparation::attended_sessions(&workshops(dir.path()), fixture().id).len(),
        1
    );
}

fn with_overdue_action(mut b: Beneficiary) -> Beneficiary {
    b.preparation.objectives = vec![Objective {
        theme: Theme::Cv,
        label: "CV à jour".into(),
        actions: vec![
            Action {
                label: "Rédiger le CV en français".into(),
                actor: Actor::Beneficiary,
                due_on: Some(d(2026, 11, 10)),
                status: ActionStatus::InProgress,
            },
            Action {
                label: "Faire relire le CV".into(),
                actor: Actor::Counsellor,
                due_on: Some(d(2026, 12, 10)),
                status: ActionStatus::ToDo,
            },
        ],
    }];
    b
}

#[test]
fn an_action_past_its_due_date_is_in_the_overdue_list() {
    let dir = tempfile::tempdir().unwrap();
    save(
        dir.path(),
        &[with_overdue_action(fixture()), person("Ahmad", "Karimi")],
    );
    let mut harness = app(dir.path());
    harness.run();
    click(&mut harness, &format!("{OVERDUE_OPEN} (1)"));
    crate::common::wait_for_home(&mut harness);
    assert!(
        harness
            .query_by_label("Rédiger le CV en français")
            .is_some()
    );
    assert!(harness.query_by_label("Faire relire le CV").is_none());
    assert!(
        harness
            .query_by_label(&overdue::late("10/11/2026", 12))
            .is_some()
    );
    click(&mut harness, "Fatoumata Diallo");
    // The record opens on its phase-2 tab, where the action stands out.
    assert!(harness.query_by_label("Statut de la phase 2").is_some());
    assert!(harness.query_by_label(&prep::late_by(12)).is_some());

    // Marked done, it leaves the list.
    click(&mut harness, &prep::of_action(STATUS, 1, 1));
    click(&mut harness, ActionStatus::Done.label());
    let_autosave_run(&mut harness);
    assert!(harness.query_by_label_contains(OVERDUE_OPEN).is_none());
}

fn with_expiry_in(days: u64) -> Beneficiary {
    let mut b = fixture();
    let expiry = today().checked_add_days(Days::new(days)).unwrap();
    b.administrative
        .residence_permit
        .as_mut()
        .unwrap()
        .expires_on = Some(expiry);
    b
}

#[test]
fn permit_renewal_warning_names_the_anef_window_from_the_120th_day() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[with_expiry_in(100)]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    let warning = prep::permit_alert(PermitAlert::RenewalWindow {
        on: d(2027, 3, 2),
        opens: d(2026, 11, 2),
        closes: d(2027, 1, 1),
        days_left: 100,
    });
    assert!(harness.query_by_label(&warning).is_some(), "{warning}");
}

#[test]
fn permit_renewal_past_the_60th_day_is_late() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[with_expiry_in(30)]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    let warning = prep::permit_alert(PermitAlert::LateFiling {
        on: d(2026, 12, 22),
        closed: d(2026, 10, 23),
        days_left: 30,
    });
    assert!(harness.query_by_label(&warning).is_some(), "{warning}");
}

#[test]
fn the_gap_to_the_resident_card_shows_and_feeds_the_action_plan() {
    let dir = tempfile::tempdir().unwrap();
    // The fixture is at A2.
    save(dir.path(), &[fixture()]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, prep::TARGET);
    click(
        &mut harness,
        &prep::target_choice(parcours::model::PermitTarget::ResidentCard),
    );
    assert!(
        harness
            .query_by_label_contains("Vise la carte de résident : B1 exigé, niveau actuel A2")
            .is_some()
    );
    click(&mut harness, prep::ADD_INTEGRATION_OBJECTIVE);
    let_autosave_run(&mut harness);
    let saved = saved(dir.path(), "Diallo");
    assert_eq!(
        saved.preparation.integration.target,
        Some(parcours::model::PermitTarget::ResidentCard)
    );
    let objective = saved
        .preparation
        .objectives
        .iter()
        .find(|o| o.label.contains("carte de résident"))
        .expect("the suggested objective is in the plan");
    assert_eq!(objective.theme, Theme::Language);
    assert!(
        objective
            .actions
            .iter()
            .any(|a| a.label == "Préparer et passer l'examen civique")
    );
}

/// The fixture with a filled phase 2, for the snapshot.
fn filled() -> Beneficiary {
    let mut b = with_overdue_action(fixture());
    b.pathway.phases.identification.status = PhaseStatus::Done;
    b.pathway.phases.identification.ended_on = Some(d(2026, 9, 30));
    b.pathway.phases.preparation.status = PhaseStatus::InProgress;
    b.pathway.phases.preparation.started_on = Some(d(2026, 10, 1));
    let p = &mut b.preparation;
    p.projects = vec![Project {
        rome_code: Some("J1501".into()),
        main: true,
        contracts: vec![parcours::model::ContractKind::Cdi],
        working_time: WorkingTime::PartTime,
        earliest_start: Some(d(2027, 1, 4)),
        mobility: Mobility {
            means: vec![Transport::PublicTransport],
            max_commute_minutes: Some(45),
            reachable: "Vitry, Ivry, Villejuif".into(),
        },
        childcare_needed: true,
        hours_constraints: "pas de nuit".into(),
        status: ProjectStatus::Validated,
        ..Project::default()
    }];
    p.sessions = vec![
        Session {
            date: d(2026, 10, 6),
            duration_minutes: 90,
            kind: SessionKind::FaceToFace,
            note: "Projet et CV".into(),
        },
        Session {
            date: d(2026, 10, 20),
            duration_minutes: 30,
            kind: SessionKind::Remote,
            note: "Suivi des démarches".into(),
        },
        Session {
            date: d(2026, 11, 5),
            duration_minutes: 60,
            kind: SessionKind::Collective,
            note: "Atelier numérique (mairie)".into(),
        },
    ];
    p.admin_steps.insert(
        AdminStepKind::BankAccount,
        AdminStep {
            status: StepStatus::Requested,
            date: Some(d(2026, 11, 3)),
            note: "rendez-vous pris".into(),
        },
    );
    p.admin_steps.insert(
        AdminStepKind::Caf,
        AdminStep {
            status: StepStatus::Obtained,
            date: Some(d(2026, 10, 15)),
            note: String::new(),
        },
    );
    p.cir.civic_days_done = 2;
    p.cir.language_hours_prescribed = 200;
    p.cir.language_hours_done = 80;
    b
}

#[test]
fn snapshot_preparation_emploi_tab_filled() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[filled()]);
    // Taller than the other tests' window, so that the image shows the tab down to the
    // administrative steps (the overdue action in red included).
    let config = parcours::ui::AppConfig {
        data_dir: dir.path().to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 1900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::show_record_area(&mut harness);
    open_tab(&mut harness, "Fatoumata Diallo");
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "preparation_emploi");
}

#[test]
fn the_cv_is_prepared_from_the_record_and_edited_before_printing() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[filled()]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, prep::CV_ASSEMBLE);
    type_into(
        &mut harness,
        prep::CV_PROFILE,
        "Aide-soignante expérimentée, douce et ponctuelle.",
    );
    let_autosave_run(&mut harness);
    let cv = saved(dir.path(), "Diallo").preparation.cv.unwrap();
    assert_eq!(cv.headline, "Aide-soignant / Aide-soignante");
    assert_eq!(
        cv.profile,
        ["Aide-soignante expérimentée, douce et ponctuelle."]
    );
    assert!(
        cv.languages.contains(&"Français : A2".to_owned()),
        "{:?}",
        cv.languages
    );
    assert!(
        cv.more
            .contains(&"Disponible à partir du 04/01/2027".to_owned()),
        "{:?}",
        cv.more
    );
    assert!(harness.query_by_label(prep::CV_SAVE_PDF).is_some());
}

/// A workshop created by mistake leaves the catalogue after a confirmation, its file kept aside;
/// one with people enrolled offers no deletion (their hours come from it).
#[test]
fn an_empty_workshop_is_deleted_after_confirmation_and_its_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[fixture()]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, prep::WORKSHOPS_OPEN);
    click(&mut harness, ws::NEW_WORKSHOP);
    type_into(&mut harness, ws::TITLE, "Atelier en double");
    click(&mut harness, ws::SAVE_WORKSHOP);
    assert_eq!(workshops(dir.path()).len(), 1);

    click(&mut harness, &ws::delete("Atelier en double"));
    // Nothing happens before the second click.
    assert_eq!(workshops(dir.path()).len(), 1);
    click(&mut harness, &ws::confirm_delete("Atelier en double"));
    assert!(workshops(dir.path()).is_empty());
    assert!(
        harness
            .query_by_label(&ws::delete("Atelier en double"))
            .is_none()
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path().join(DELETED_WORKSHOPS_DIR))
        .unwrap()
        .collect();
    assert_eq!(kept.len(), 1, "the file is kept aside, not destroyed");

    // Enrolled people keep a workshop from deletion.
    click(&mut harness, ws::NEW_WORKSHOP);
    type_into(&mut harness, ws::TITLE, "Simulation d'entretien");
    click(&mut harness, ws::SAVE_WORKSHOP);
    click(&mut harness, &ws::enrol("Simulation d'entretien"));
    assert!(
        harness
            .query_by_label(&ws::delete("Simulation d'entretien"))
            .is_none()
    );
}

#[test]
fn enrolling_in_a_past_workshop_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[fixture()]);
    {
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut workshop = Workshop::new(d(2026, 11, 2));
        workshop.title = "Atelier CV".into();
        store.save_workshop(&workshop).unwrap();
    }
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    click(&mut harness, prep::WORKSHOPS_OPEN);
    click(&mut harness, &ws::enrol("Atelier CV"));
    // Held on 2 November: nothing is saved before a confirmation.
    harness.get_by_label(ws::ENROL_PAST_WARNING);
    assert!(workshops(dir.path())[0].enrolments.is_empty());
    click(&mut harness, ws::KEEP_UNENROLLED);
    assert!(workshops(dir.path())[0].enrolments.is_empty());
    assert!(harness.query_by_label(ws::ENROL_PAST_WARNING).is_none());

    click(&mut harness, &ws::enrol("Atelier CV"));
    click(&mut harness, &ws::confirm_past_enrol("Atelier CV"));
    assert_eq!(workshops(dir.path())[0].enrolments.len(), 1);
    harness.get_by_label(&ws::unenrol("Atelier CV"));
}

#[test]
fn a_third_identical_session_on_one_day_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    save(dir.path(), &[fixture()]);
    let mut harness = app(dir.path());
    harness.run();
    open_tab(&mut harness, "Fatoumata Diallo");
    // Two identical sessions (a morning and an afternoon) are logged without a question.
    for _ in 0..2 {
        type_into(&mut harness, prep::SESSION_DURATION, "1h");
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
    let question = prep::SESSION_THIRD_IDENTICAL;
    assert!(harness.query_by_label(question).is_none());
    // The third, Enter pressed once too often, asks first.
    type_into(&mut harness, prep::SESSION_DURATION, "60");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label(question);
    click(&mut harness, prep::SESSION_DONT_ADD);
    assert!(harness.query_by_label(question).is_none());
    let_autosave_run(&mut harness);
    assert_eq!(saved(dir.path(), "Diallo").preparation.sessions.len(), 2);

    click(&mut harness, prep::SESSION_ADD);
    click(&mut harness, prep::SESSION_ADD_ANYWAY);
    let_autosave_run(&mut harness);
    let sessions = saved(dir.path(), "Diallo").preparation.sessions;
    assert_eq!(sessions.len(), 3);
    assert!(sessions.iter().all(|s| s.duration_minutes == 60));
}
