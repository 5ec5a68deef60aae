//! Nothing the counsellor types is lost: typing through real key events, at a fast typist's
//! pace, then Ctrl+N, a click on another person, an invalid field, a removal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{
    app, fixture, let_autosave_run, record_files, request_close, today, type_into, write_fixture,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::Beneficiary;
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;
use parcours::ui::text;

fn saved(dir: &std::path::Path, last_name: &str) -> Beneficiary {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    store
        .load()
        .beneficiaries
        .into_iter()
        .find(|b| b.identity.last_name == last_name)
        .unwrap_or_else(|| panic!("a record named {last_name}"))
}

/// A second person beside the fixture, to switch to.
fn write_second(dir: &std::path::Path) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let mut other = Beneficiary::new(fixture().created_at);
    other.identity.first_name = "Karim".into();
    other.identity.last_name = "Benali".into();
    store.save_beneficiary(&other, today()).unwrap();
}

/// Queues events to be handled in one single frame, as a busy window receives a burst of keys,
/// and runs frames as eframe does (the raw-input hook first) until all of them were read.
fn one_frame(harness: &mut Harness<'_, ParcoursApp>, events: Vec<egui::Event>) {
    harness.input_mut().events.extend(events);
    for _ in 0..12 {
        crate::ui_key_bursts::eframe_frame(harness);
    }
}

fn ctrl_n() -> Vec<egui::Event> {
    let key = |pressed| egui::Event::Key {
        key: egui::Key::N,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    };
    vec![key(true), key(false)]
}

#[test]
fn ctrl_n_then_typing_fills_the_last_name() {
    // From the empty state, the name typed at once after Ctrl+N (same frame).
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    let mut events = ctrl_n();
    events.push(egui::Event::Text("Had".into()));
    one_frame(&mut harness, events);
    harness.event(egui::Event::Text("dad".into()));
    harness.run();
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Haddad")
    );

    // From a record, a little later: Ctrl+N, a few frames, then the name.
    drop(harness);
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::identity::TOWN, " Centre");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(3);
    harness.event(egui::Event::Text("Benali".into()));
    harness.key_press(egui::Key::Tab);
    harness.event(egui::Event::Text("Karim".into()));
    let_autosave_run(&mut harness);
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Benali")
    );
    assert_eq!(
        harness
            .get_by_label(text::identity::FIRST_NAME)
            .value()
            .as_deref(),
        Some("Karim"),
        "Tab goes on to the first name"
    );
    assert_eq!(saved(dir.path(), "Benali").identity.first_name, "Karim");
}

#[test]
fn an_experience_title_keeps_the_focus_while_its_heading_follows_it() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(text::skills::TAB_SKILLS).click();
    harness.run();
    harness.get_by_label(text::skills::ADD_EXPERIENCE).click();
    harness.run();
    let field = &text::skills::experience_title(1);
    harness.get_by_label(field).scroll_to_me();
    harness.run();
    harness.get_by_label(field).click();
    harness.run();
    // One key per frame, as typed: the heading changes at each one.
    for key in ["A", "i", "d", "e", " ", "m", "a", "ç", "o", "n"] {
        harness.event(egui::Event::Text(key.into()));
        harness.step();
    }
    harness.run();
    assert_eq!(
        harness.get_by_label(field).value().as_deref(),
        Some("Aide maçon")
    );
    assert!(harness.get_by_label(field).is_focused());
}

#[test]
fn switching_person_right_after_typing_keeps_every_key() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    write_second(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::identity::TOWN, " (quartier");
    // The last keys and the click on another person arrive together.
    let row = harness
        .get_by_label_contains("Karim Benali")
        .rect()
        .center();
    one_frame(
        &mut harness,
        vec![
            egui::Event::Text(" Centre)".into()),
            egui::Event::PointerMoved(row),
            egui::Event::PointerButton {
                pos: row,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            },
            egui::Event::PointerButton {
                pos: row,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            },
        ],
    );
    let benali = saved(dir.path(), "Benali");
    assert_eq!(harness.state().selected(), Some(benali.id));
    assert_eq!(
        saved(dir.path(), "Diallo").contact.town,
        "Vitry-sur-Seine (quartier Centre)"
    );
    // Keys typed after the click land in no field of the other person.
    harness.event(egui::Event::Text("xyz".into()));
    let_autosave_run(&mut harness);
    assert_eq!(saved(dir.path(), "Benali"), benali);
}

#[test]
fn an_invalid_field_waits_while_the_valid_edits_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    write_second(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::common::ADDRESS, "3 rue des Lilas");
    type_into(&mut harness, text::common::POSTCODE, "1"); // "944001": six digits
    type_into(&mut harness, text::common::PHONE, " 90");
    let_autosave_run(&mut harness);
    let kept = saved(dir.path(), "Diallo");
    assert_eq!(kept.contact.street, "3 rue des Lilas");
    assert_eq!(kept.contact.phone, "06 12 34 56 78 90");
    assert_eq!(kept.contact.postcode, "94400", "the invalid postcode waits");
    assert!(
        harness
            .query_by_label("Le code postal comporte 5 chiffres.")
            .is_some()
    );
    assert_eq!(
        harness
            .get_by_label(text::common::POSTCODE)
            .value()
            .as_deref(),
        Some("944001"),
        "the typed text stays beside its message"
    );

    // Leaving the record says so, and the list marks it.
    harness.get_by_label_contains("Karim Benali").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("non enregistré(s) (Code postal)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Fatoumata Diallo\nchamp à corriger")
            .is_some()
    );

    // Closing lists the person and the field; "Corriger" opens it.
    request_close(&mut harness);
    assert!(
        harness
            .query_by_label("• Fatoumata Diallo : Code postal")
            .is_some()
    );
    harness.get_by_label(text::app::CLOSE_FIX).click();
    harness.run();
    assert_eq!(harness.state().selected(), Some(kept.id));
    assert_eq!(
        harness
            .get_by_label(text::common::POSTCODE)
            .value()
            .as_deref(),
        Some("944001")
    );

    // Quitting without the invalid field keeps the valid edits.
    request_close(&mut harness);
    harness.get_by_label(text::app::CLOSE_DISCARD).click();
    harness.run();
    let kept = saved(dir.path(), "Diallo");
    assert_eq!(kept.contact.street, "3 rue des Lilas");
    assert_eq!(kept.contact.postcode, "94400");
}

#[test]
fn a_child_removed_by_tab_and_enter_comes_back_with_annuler() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    // From the child's birth date, Tab reaches "Retirer l'enfant 1"; Enter presses it.
    type_into(&mut harness, &text::identity::child_birth_date(1), "");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(
        harness
            .get_by_label(&text::identity::remove_child(1))
            .is_focused()
    );
    harness.key_press(egui::Key::Enter);
    let_autosave_run(&mut harness);
    assert!(saved(dir.path(), "Diallo").family.children.is_empty());

    assert!(harness.query_by_label("Enfant retiré —").is_some());
    harness.get_by_label(text::app::UNDO).click();
    let_autosave_run(&mut harness);
    let children = saved(dir.path(), "Diallo").family.children;
    assert_eq!(
        children,
        fixture().family.children,
        "Awa is back, unchanged"
    );
    assert!(harness.query_by_label("Enfant retiré —").is_none());
    assert_eq!(record_files(dir.path()).len(), 1);
}

#[test]
fn a_required_field_says_so_once_left_not_when_its_entry_is_added() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness
        .get_by_label(text::identity::ADD_CHILD)
        .scroll_to_me();
    harness.run();
    harness.get_by_label(text::identity::ADD_CHILD).click();
    let_autosave_run(&mut harness);
    let required = "Le prénom de l'enfant est obligatoire.";
    assert!(
        harness.query_by_label(required).is_none(),
        "nothing typed yet"
    );
    type_into(&mut harness, &text::identity::child_first_name(2), "");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(
        harness.query_by_label(required).is_some(),
        "the field was left"
    );
}

#[test]
fn a_language_typed_again_in_another_case_is_said_to_exist() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label(text::skills::TAB_SKILLS).click();
    harness.run();
    type_into(&mut harness, text::skills::ADD_LANGUAGE, "Bambara");
    harness.key_press(egui::Key::Enter);
    let_autosave_run(&mut harness);
    assert!(
        harness
            .query_by_label(
                "« bambara » est déjà dans la liste : ses niveaux se règlent sur sa ligne."
            )
            .is_some()
    );
    assert_eq!(
        harness
            .get_by_label(text::skills::ADD_LANGUAGE)
            .value()
            .as_deref(),
        Some("Bambara"),
        "the typed text stays, to correct"
    );
    assert_eq!(
        saved(dir.path(), "Diallo").identity.languages,
        fixture().identity.languages
    );
}
