//! Every message can be read and every tab reached, at the default width and in small windows.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{today, type_into, write_fixture};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::ui::{AppConfig, ParcoursApp, text};

fn app_sized(dir: &std::path::Path, width: f32, height: f32) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::show_record_area(&mut harness);
    harness
}

fn open_fixture(harness: &mut Harness<'_, ParcoursApp>) {
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
}

#[test]
fn messages_beside_fields_wrap_inside_the_window_at_1200_px() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app_sized(dir.path(), 1200.0, 800.0);
    open_fixture(&mut harness);
    type_into(&mut harness, text::common::EMAIL, "fatou@");
    type_into(&mut harness, text::identity::CAF_NUMBER, "12AB");
    type_into(&mut harness, text::identity::SSN, "2 91 06");
    harness.get_by_label(text::common::EMAIL).scroll_to_me();
    harness.run();
    for message in [
        "Adresse e-mail invalide (exemple : prenom.nom@exemple.fr).",
        "Le numéro CAF ne comporte que des chiffres (10 au plus).",
    ] {
        let rect = harness.get_by_label(message).rect();
        assert!(rect.right() <= 1200.0, "{message} ends at {}", rect.right());
    }
    harness.remove_cursor();
    harness.run();
    harness.snapshot("messages_wrapped_1200");
}

#[test]
fn a_small_window_keeps_every_tab_reachable() {
    for (width, height) in [(1024.0, 640.0), (800.0, 600.0)] {
        let dir = tempfile::tempdir().unwrap();
        write_fixture(dir.path());
        let mut harness = app_sized(dir.path(), width, height);
        open_fixture(&mut harness);
        for tab in [
            text::identity::TAB_IDENTITY,
            text::skills::TAB_SKILLS,
            text::preparation::TAB_PREPARATION,
            text::companies::TAB_COMPANIES,
            text::creche::TAB_CRECHE,
            text::summary::TAB_SUMMARY,
        ] {
            // The tab comes first; "Identité" is also the form's first heading.
            let rect = harness.query_all_by_label(tab).next().unwrap().rect();
            assert!(
                rect.right() <= width && rect.bottom() <= height,
                "{tab} at {rect:?} in {width}×{height}"
            );
        }
        // The last tab opens, and the form scrolls to its last field.
        harness.get_by_label(text::summary::TAB_SUMMARY).click();
        harness.run();
        harness
            .query_all_by_label(text::identity::TAB_IDENTITY)
            .next()
            .unwrap()
            .click();
        harness.run();
        harness
            .get_by_label(text::identity::PRIVATE_NOTES)
            .scroll_to_me();
        harness.run();
        let notes = harness.get_by_label(text::identity::PRIVATE_NOTES).rect();
        assert!(notes.bottom() <= height, "{notes:?}");
        if width > 1000.0 {
            harness.get_by_label(text::common::LAST_NAME).scroll_to_me();
            harness.run();
            harness.remove_cursor();
            harness.run();
            harness.snapshot("record_identity_1024x640");
        }
    }
}

#[test]
fn the_delay_of_an_overdue_action_is_never_clipped() {
    use parcours::model::preparation::{Action, Objective};
    use parcours::store::{Access, Store};
    let dir = tempfile::tempdir().unwrap();
    {
        let mut record = crate::common::fixture();
        record.preparation.objectives = vec![Objective {
            actions: vec![Action {
                label: "Appeler la mission locale pour ".repeat(8),
                due_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 10),
                ..Action::default()
            }],
            ..Objective::default()
        }];
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        store.save_beneficiary(&record, today()).unwrap();
    }
    let mut harness = app_sized(dir.path(), 1100.0, 760.0);
    harness.run();
    harness
        .get_by_label_contains(text::common::OVERDUE_OPEN)
        .click();
    crate::common::wait_for_home(&mut harness);
    let delay = harness.get_by_label("10/11/2026 · 12 j de retard").rect();
    assert!(delay.right() <= 1100.0, "{delay:?}");
}

#[test]
fn the_workshops_list_starts_with_the_upcoming_ones() {
    use parcours::model::preparation::Workshop;
    use parcours::store::{Access, Store};
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    {
        let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for (title, day) in [("Atelier CV passé", 2), ("Atelier entretien à venir", 30)] {
            let mut workshop =
                Workshop::new(chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap());
            workshop.title = title.into();
            store.save_workshop(&workshop).unwrap();
        }
    }
    let mut harness = app_sized(dir.path(), 1100.0, 760.0);
    open_fixture(&mut harness);
    harness
        .get_by_label(text::preparation::TAB_PREPARATION)
        .click();
    harness.run();
    harness
        .get_by_label(text::preparation::WORKSHOPS_OPEN)
        .click();
    harness.run();
    let upcoming = harness.get_by_label("Atelier entretien à venir").rect();
    let past = harness.get_by_label("Atelier CV passé").rect();
    assert!(upcoming.top() < past.top(), "{upcoming:?} {past:?}");
    assert!(
        harness
            .query_by_label(text::workshops::WORKSHOPS_PAST)
            .is_some()
    );
}

#[test]
fn the_experience_description_leaves_room_for_the_rome_field() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app_sized(dir.path(), 1200.0, 800.0);
    open_fixture(&mut harness);
    harness.get_by_label(text::skills::TAB_SKILLS).click();
    harness.run();
    harness
        .get_by_label(text::skills::ADD_EXPERIENCE)
        .scroll_to_me();
    harness.run();
    harness.get_by_label(text::skills::ADD_EXPERIENCE).click();
    harness.run();
    type_into(
        &mut harness,
        &text::skills::experience_occupation(1),
        "d1106",
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    type_into(
        &mut harness,
        &text::skills::experience_description(1),
        "Vente de tissus, accueil des clients, tenue de la caisse.",
    );
    harness
        .get_by_label(&text::skills::experience_description(1))
        .scroll_to_me();
    harness.run();
    // The box ends above the ROME row (its chosen occupation, then its search field).
    let description = harness
        .get_by_label(&text::skills::experience_description(1))
        .rect();
    let chosen = harness
        .get_by_label(&text::common::remove_named(
            &text::skills::experience_occupation(1),
        ))
        .rect();
    let search = harness
        .get_by_label(&text::skills::experience_occupation(1))
        .rect();
    assert!(
        description.bottom() <= chosen.top() && chosen.bottom() <= search.top(),
        "description {description:?}, chosen occupation {chosen:?}, search {search:?}"
    );
}

#[test]
fn the_save_state_is_never_under_the_status_bar_buttons() {
    use parcours::model::preparation::{Action, Objective};
    use parcours::store::{Access, Store};
    for (width, height) in [(1200.0, 800.0), (800.0, 500.0)] {
        let dir = tempfile::tempdir().unwrap();
        {
            // Thousands of overdue actions: the longest count the bar shows.
            let mut record = crate::common::fixture();
            record.preparation.objectives = vec![Objective {
                actions: (0..13_605)
                    .map(|i| Action {
                        label: format!("Action {i}"),
                        due_on: chrono::NaiveDate::from_ymd_opt(2026, 11, 10),
                        ..Action::default()
                    })
                    .collect(),
                ..Objective::default()
            }];
            let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
            store.save_beneficiary(&record, today()).unwrap();
        }
        let mut harness = app_sized(dir.path(), width, height);
        open_fixture(&mut harness);
        type_into(&mut harness, text::identity::FIRST_NAME, " Awa");
        crate::common::let_autosave_run(&mut harness);
        let saved = harness.get_by_label(text::app::STATUS_SAVED).rect();
        let overdue = format!("{} (13605)", text::common::OVERDUE_OPEN);
        for other in [
            overdue.as_str(),
            text::app::RESTORE,
            text::common::PROTECTION_OPEN,
            text::common::SETTINGS,
            text::app::DATA_DIR,
        ] {
            // The status bar's, at the bottom (a section of the form may bear the same name).
            let rect = harness
                .query_all_by_label(other)
                .map(|node| node.rect())
                .max_by(|a, b| a.bottom().total_cmp(&b.bottom()))
                .unwrap();
            assert!(
                !rect.intersects(saved),
                "at {width} px, {other:?} {rect:?} covers the save state {saved:?}"
            );
            assert!(
                rect.left() >= 0.0 && rect.right() <= width,
                "at {width} px, {other:?} is out of the window: {rect:?}"
            );
        }
    }
}
