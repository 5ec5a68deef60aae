//! The keyboard, as README's table promises it: Ctrl+N (new beneficiary, cursor in the last
//! name), Ctrl+F (search), ↑/↓ in the search field (previous / next beneficiary), Ctrl+S (save
//! now, run with a tiny frame step so that the autosave delay cannot be what saved); and the
//! autosave that runs when another record is selected, before its delay.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::model::{Beneficiary, BeneficiaryId};
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp, text};

use crate::common::{app, fixture, today};

/// Three records, listed by last name: Ba, Diallo, Keïta.
fn three_records(dir: &Path) -> Vec<Beneficiary> {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let ids = [
        "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b01",
        "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b02",
        "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4b03",
    ];
    let records: Vec<Beneficiary> = [("Mariam", "Ba"), ("Fatoumata", "Diallo"), ("Awa", "Keïta")]
        .into_iter()
        .zip(ids)
        .map(|((first, last), id)| {
            let mut record = fixture();
            record.id = BeneficiaryId::from_uuid(uuid::Uuid::parse_str(id).unwrap());
            record.identity.first_name = first.into();
            record.identity.last_name = last.into();
            store.save_beneficiary(&record, today()).unwrap();
            record
        })
        .collect();
    records
}

fn saved(dir: &Path, id: BeneficiaryId) -> Beneficiary {
    let report = Store::open(dir, Access::ReadOnly).unwrap().load();
    report
        .beneficiaries
        .into_iter()
        .find(|b| b.id == id)
        .unwrap()
}

/// Clicks the list's row whose name contains `name`.
fn click_row(harness: &mut Harness<'_, ParcoursApp>, name: &str) {
    harness
        .get_all_by_role(Role::Button)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.contains(name))
        })
        .unwrap_or_else(|| panic!("no row for {name}"))
        .click();
    harness.run();
}

/// Types `text` where the keyboard focus is, as a person does (no click first).
fn type_at_focus(harness: &mut Harness<'_, ParcoursApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn ctrl_n_creates_a_beneficiary_with_the_cursor_in_the_last_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    assert!(harness.state().records().is_empty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert_eq!(harness.state().records().len(), 1);
    assert!(harness.get_by_label(text::common::LAST_NAME).is_focused());
    type_at_focus(&mut harness, "Nguyễn");
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Nguyễn")
    );
}

#[test]
fn ctrl_f_then_arrows_walk_through_the_search_results() {
    let dir = tempfile::tempdir().unwrap();
    let records = three_records(dir.path());
    let (ba, diallo, keita) = (records[0].id, records[1].id, records[2].id);
    let mut harness = app(dir.path());
    harness.run();
    assert!(!harness.get_by_label(text::list::SEARCH_LABEL).is_focused());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.get_by_label(text::list::SEARCH_LABEL).is_focused());
    type_at_focus(&mut harness, "a");
    harness.get_by_label(&text::list::count(3, 3));

    // ↓ selects the first of the list, then the next; ↑ goes back; the focus stays in the
    // search field all along.
    let mut press = |key| {
        harness.key_press(key);
        harness.run();
        harness.state().selected()
    };
    assert_eq!(press(Key::ArrowDown), Some(ba));
    assert_eq!(press(Key::ArrowDown), Some(diallo));
    assert_eq!(press(Key::ArrowDown), Some(keita));
    assert_eq!(press(Key::ArrowDown), Some(keita), "stops at the last");
    assert_eq!(press(Key::ArrowUp), Some(diallo));
    assert!(harness.get_by_label(text::list::SEARCH_LABEL).is_focused());

    // Among the search results only: "keï" leaves Keïta alone.
    harness.get_by_label(text::list::SEARCH_LABEL).click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_at_focus(&mut harness, "keï");
    harness.get_by_label(&text::list::count(1, 3));
    harness.key_press(Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected(), Some(keita));
}

/// Selects `last_name` in the list, puts the cursor in the first name and queues its
/// replacement by `first_name`: the edit happens at the next step, in the same frame as what
/// the test queues after it, so no autosave delay can have passed when that is handled.
fn queue_first_name_edit(
    harness: &mut Harness<'_, ParcoursApp>,
    last_name: &str,
    first_name: &str,
) {
    click_row(harness, last_name);
    harness.get_by_label(text::identity::FIRST_NAME).click();
    harness.run();
    assert_eq!(harness.state().pending_saves(), 0);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(text::identity::FIRST_NAME)
        .type_text(first_name);
}

/// The window with a tiny frame step: the autosave delay (0.8 s of egui time) cannot pass
/// between two frames of a test, so only Ctrl+S can save an edit at once.
fn app_with_short_frames(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_step_dt(0.001)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::show_record_area(&mut harness);
    harness
}

#[test]
fn ctrl_s_saves_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let records = three_records(dir.path());
    let mut harness = app_with_short_frames(dir.path());
    harness.run();
    queue_first_name_edit(&mut harness, "Diallo", "Aminata");
    harness.step();
    assert_eq!(harness.state().pending_saves(), 1, "the edit is pending");
    assert_eq!(
        saved(dir.path(), records[1].id).identity.first_name,
        "Fatoumata"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.step();
    assert_eq!(
        harness.state().pending_saves(),
        0,
        "the edit is still pending"
    );
    assert_eq!(
        saved(dir.path(), records[1].id).identity.first_name,
        "Aminata"
    );
}

#[test]
fn selecting_another_record_saves_the_edit_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let records = three_records(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    queue_first_name_edit(&mut harness, "Diallo", "Aminata");
    harness
        .get_all_by_role(Role::Button)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.contains("Keïta"))
        })
        .unwrap()
        .click();
    harness.step();
    assert_eq!(harness.state().selected(), Some(records[2].id));
    assert_eq!(
        harness.state().pending_saves(),
        0,
        "the edit is still pending"
    );
    assert_eq!(
        saved(dir.path(), records[1].id).identity.first_name,
        "Aminata"
    );
}
