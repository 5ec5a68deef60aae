//! The window, driven as a counsellor would: through `egui_kittest`, clicking by label and typing,
//! on a real data directory, then checking the files and the model.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{app, let_autosave_run, record_files, request_close, type_into, write_fixture};
use egui_kittest::kittest::Queryable;
use parcours::model::{CefrLevel, EntryRoute};
use parcours::store::{Access, Store};
use parcours::ui::text;

#[test]
fn create_a_beneficiary_with_accents_and_find_it_again() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut harness = app(dir.path());
        harness.run();
        harness.get_by_label(text::common::NEW_BENEFICIARY).click();
        harness.run();
        type_into(&mut harness, text::common::LAST_NAME, "Nguyễn");
        type_into(&mut harness, text::identity::FIRST_NAME, "Thị Hoa");
        type_into(&mut harness, text::identity::BIRTH_DATE, "03/02/1988");
        let_autosave_run(&mut harness);

        let files = record_files(dir.path());
        assert_eq!(files.len(), 1, "one record file written");
        let text = std::fs::read_to_string(&files[0]).unwrap();
        assert!(text.contains("last_name: \"Nguyễn\""), "{text}");
        assert!(text.contains("first_name: \"Thị Hoa\""), "{text}");
        assert!(text.contains("birth_date: Some(\"1988-02-03\")"), "{text}");
        assert!(harness.query_by_label(text::app::STATUS_SAVED).is_some());
    }

    // A new window on the same directory finds the record, and the search ignores accents.
    let mut harness = app(dir.path());
    harness.run();
    assert_eq!(harness.state().records().len(), 1);
    type_into(&mut harness, text::list::SEARCH_LABEL, "nguyen thi");
    harness.get_by_label_contains("Thị Hoa Nguyễn").click();
    harness.run();
    assert_eq!(
        harness.state().selected(),
        Some(harness.state().records()[0].id)
    );
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Nguyễn"),
        "the form shows the record"
    );
}

#[test]
fn an_invalid_field_is_explained_beside_it_and_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(text::common::NEW_BENEFICIARY).click();
    harness.run();
    type_into(&mut harness, text::identity::BIRTH_DATE, "31/02/1990");
    let_autosave_run(&mut harness);
    assert!(
        harness
            .query_by_label("Cette date n'existe pas : 31/02/1990.")
            .is_some()
    );
    assert!(harness.query_by_label("Le nom est obligatoire.").is_some());
    assert!(
        record_files(dir.path()).is_empty(),
        "nothing invalid reaches the disk"
    );

    // Correcting both fields saves the record.
    type_into(&mut harness, text::common::LAST_NAME, "Çelik");
    harness.get_by_label(text::identity::BIRTH_DATE).click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label(text::identity::BIRTH_DATE)
        .type_text("28/02/1990");
    let_autosave_run(&mut harness);
    assert!(harness.query_by_label("Le nom est obligatoire.").is_none());
    assert_eq!(record_files(dir.path()).len(), 1);
}

#[test]
fn french_level_sets_the_entry_route_at_once() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    assert!(
        harness
            .query_by_label(&text::widgets::route_by_level(
                EntryRoute::FrenchFirst.label()
            ))
            .is_some()
    );
    harness
        .get_by_label(text::widgets::FRENCH_LEVEL)
        .scroll_to_me();
    harness.run();
    harness.get_by_label(text::widgets::FRENCH_LEVEL).click();
    harness.run();
    harness.get_by_label("B1").click();
    let_autosave_run(&mut harness);
    assert!(
        harness
            .query_by_label(&text::widgets::route_by_level(
                EntryRoute::Valorisation.label()
            ))
            .is_some()
    );
    let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let saved = store.load().beneficiaries.remove(0);
    assert_eq!(saved.french_level, CefrLevel::B1);
    assert_eq!(saved.entry_route_label(), "Programme de valorisation");
}

#[test]
fn snapshot_empty_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    assert!(harness.query_by_label(text::app::LOAD_DEMO).is_some());
    crate::image_snapshot::snapshot(&mut harness, "empty_state");
}

#[test]
fn snapshot_populated_record() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "record_identity");
    harness.get_by_label(text::creche::TAB_CRECHE).click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Peut être accueilli·e à la micro-crèche jusqu'au 31/08/2028")
            .is_some()
    );
    harness.remove_cursor();
    harness.run();
    crate::image_snapshot::snapshot(&mut harness, "record_creche");
}

#[test]
fn demo_data_is_one_click_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(text::app::LOAD_DEMO).click();
    harness.run();
    assert_eq!(harness.state().records().len(), 40);
    assert_eq!(record_files(dir.path()).len(), 40);
    assert!(
        harness.state().selected().is_some(),
        "the first record is shown"
    );
}

#[test]
fn closing_the_window_saves_a_fresh_edit_at_once() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::identity::TOWN, " (quartier Centre)");
    assert_eq!(
        harness.state().pending_saves(),
        1,
        "still within the autosave delay"
    );
    request_close(&mut harness);
    assert_eq!(harness.state().pending_saves(), 0);
    let text = std::fs::read_to_string(&record_files(dir.path())[0]).unwrap();
    assert!(
        text.contains("town: \"Vitry-sur-Seine (quartier Centre)\""),
        "{text}"
    );
}

#[test]
fn closing_with_an_invalid_edit_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::common::EMAIL, "fatou@");
    request_close(&mut harness);
    assert!(
        harness
            .query_by_label(text::app::CLOSE_BLOCKED_TITLE)
            .is_some()
    );
    harness.get_by_label(text::app::CLOSE_FIX).click();
    harness.run();
    assert!(
        harness
            .query_by_label(text::app::CLOSE_BLOCKED_TITLE)
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("Adresse e-mail invalide")
            .is_some()
    );
}

#[test]
fn the_structure_name_is_set_once_in_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(text::common::SETTINGS).click();
    harness.run();
    assert_eq!(
        harness
            .get_by_label(text::settings::BACKUPS_KEPT)
            .value()
            .as_deref(),
        Some("14"),
        "the default retention is shown"
    );
    type_into(
        &mut harness,
        text::settings::STRUCTURE_NAME,
        "EDS de Vitry-sur-Seine",
    );
    harness.get_by_label(text::common::SAVE).click();
    harness.run();
    assert!(
        harness.query_by_label(text::common::SAVE).is_none(),
        "the window closed"
    );
    let text = std::fs::read_to_string(dir.path().join("settings.ron")).unwrap();
    assert!(
        text.contains("structure_name: \"EDS de Vitry-sur-Seine\""),
        "{text}"
    );
}

#[test]
fn a_daily_backup_is_restored_from_the_window() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    // The next day, an edit: the store first copies yesterday's state to backups/<that day>/.
    let next_day = crate::common::today().succ_opt().unwrap();
    {
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut record = store.load().beneficiaries.remove(0);
        record.contact.town = "Créteil".to_owned();
        store.save_beneficiary(&record, next_day).unwrap();
    }
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(text::app::RESTORE).click();
    harness.run();
    let backup_day = next_day.format("%d/%m/%Y").to_string();
    harness.get_by_label(&backup_day).click();
    harness.run();
    harness.get_by_label(text::app::RESTORE_GO).click();
    harness.run();
    let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let restored = store.load().beneficiaries.remove(0);
    assert_eq!(
        restored.contact.town, "Vitry-sur-Seine",
        "the state before the edit"
    );
    assert_eq!(harness.state().records()[0].contact.town, "Vitry-sur-Seine");
}

/// A folder of people (first, last name), each saved as a new record.
fn people(dir: &std::path::Path, names: &[(&str, String)]) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for (first, last) in names {
        let mut b = parcours::model::Beneficiary::new(chrono::Utc::now());
        b.identity.first_name = (*first).into();
        b.identity.last_name.clone_from(last);
        store.save_beneficiary(&b, crate::common::today()).unwrap();
    }
}

/// Opens `person` from the list and replaces their last name by `last`, then lets the
/// autosave run.
fn rename(
    harness: &mut egui_kittest::Harness<'_, parcours::ui::ParcoursApp>,
    person: &str,
    last: &str,
) {
    use egui::{Key, Modifiers};
    harness.get_by_label_contains(person).click();
    harness.run();
    harness.get_by_label(text::common::LAST_NAME).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label(text::common::LAST_NAME)
        .type_text(last);
    let_autosave_run(harness);
}

#[test]
fn a_renamed_record_moves_to_its_place_in_the_list_and_is_found_by_its_new_name() {
    use egui::{Key, Modifiers};

    let dir = tempfile::tempdir().unwrap();
    people(
        dir.path(),
        &[
            ("Awa", "Bah".into()),
            ("Ahmad", "Karimi".into()),
            ("Moussa", "Camara".into()),
        ],
    );
    let mut harness = app(dir.path());
    let last_names = |harness: &egui_kittest::Harness<'_, parcours::ui::ParcoursApp>| {
        harness
            .state()
            .records()
            .iter()
            .map(|b| b.identity.last_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(last_names(&harness), ["Bah", "Camara", "Karimi"]);
    rename(&mut harness, "Moussa Camara", "Traoré");
    // Saved under the new name, the record takes its place in the list's order…
    assert_eq!(last_names(&harness), ["Bah", "Karimi", "Traoré"]);
    // …and the search finds it by the new name, accents aside, no longer by the old one.
    type_into(&mut harness, text::list::SEARCH_LABEL, "traore");
    assert!(harness.query_by_label(&text::list::count(1, 3)).is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .get_by_label(text::list::SEARCH_LABEL)
        .type_text("camara");
    harness.run();
    assert!(harness.query_by_label(&text::list::count(0, 3)).is_some());
}

#[test]
fn a_renamed_record_moved_out_of_sight_is_brought_back_into_the_list_view() {
    let dir = tempfile::tempdir().unwrap();
    // Forty people: far more rows than the list shows at once.
    let forty: Vec<(&str, String)> = (0..40).map(|i| ("Awa", format!("Bah {i:02}"))).collect();
    people(dir.path(), &forty);
    let mut harness = app(dir.path());
    rename(&mut harness, "Awa Bah 00", "Zongo");
    harness.run();
    // Last in the list's order now, and its row drawn (the list draws the rows in sight) and
    // in sight; the record's heading on the right bears the name too.
    let row = harness
        .query_all_by_label_contains("Awa Zongo")
        .map(|node| node.rect())
        .find(|rect| rect.left() < 300.0)
        .expect("the renamed record's row is drawn in the list");
    assert!(
        row.top() >= 0.0 && row.bottom() <= 760.0,
        "the renamed record's row is out of sight: {row:?}"
    );
}
