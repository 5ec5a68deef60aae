//! Keys that arrive faster than frames, and characters no font draws.
//!
//! Keys that arrive faster than frames: a burst of typing with Tabs in it, handed to the app
//! the way eframe does (the raw-input hook first, then the frame), lands field by field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::BeneficiaryId;
use parcours::store::{Access, Store};
use parcours::ui::ParcoursApp;

use crate::common::{app, app_drawing_boxes, fixture, today};
use parcours::ui::text;

fn tab() -> Vec<egui::Event> {
    let key = |pressed| egui::Event::Key {
        key: egui::Key::Tab,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    vec![key(true), key(false)]
}

fn text(s: &str) -> Vec<egui::Event> {
    vec![egui::Event::Text(s.to_owned())]
}

/// One frame as eframe runs it: the app's raw-input hook, then the frame.
fn eframe_frame(harness: &mut Harness<'_, ParcoursApp>) {
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().raw_input_hook(&ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
}

/// The whole burst in one frame, then frames until everything held back was handed over.
fn burst(harness: &mut Harness<'_, ParcoursApp>, events: &[Vec<egui::Event>]) {
    harness.input_mut().events.extend(events.concat());
    for _ in 0..12 {
        eframe_frame(harness);
    }
}

#[test]
fn a_burst_of_typing_with_tabs_fills_each_field_in_turn() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(text::common::NEW_BENEFICIARY).click();
    harness.run();
    // The cursor is in "Nom *"; a fast typist's "Ngom⇥Aïssatou⇥⇥Sy" reaches the window at
    // once (a slow frame, key rollover): each part must land in its own field.
    burst(
        &mut harness,
        &[
            text("Ngom"),
            tab(),
            text("Aïssatou"),
            tab(),
            tab(),
            text("&é\"'(-è_çà"),
        ],
    );
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Ngom")
    );
    assert_eq!(
        harness
            .get_by_label(text::identity::FIRST_NAME)
            .value()
            .as_deref(),
        Some("Aïssatou")
    );
    // Two Tabs: past "Nom de naissance" to the birth date, which keeps the AZERTY digits
    // typed without Shift as they are (its message says what is wrong).
    assert_eq!(
        harness
            .get_by_label(text::identity::BIRTH_NAME)
            .value()
            .as_deref(),
        Some("")
    );
    assert_eq!(
        harness
            .get_by_label(text::identity::BIRTH_DATE)
            .value()
            .as_deref(),
        Some("&é\"'(-è_çà")
    );
}

/// Ctrl+N, the name, Tab, the first name, all in one frame, from a record that is open: the
/// new record's fields get them in turn (a Tab is never swallowed while the form appears).
#[test]
fn ctrl_n_then_a_burst_with_a_tab_fills_the_new_record() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    let ctrl_n = |pressed| egui::Event::Key {
        key: egui::Key::N,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    };
    burst(
        &mut harness,
        &[
            vec![
                egui::Event::ModifiersChanged(egui::Modifiers::COMMAND),
                ctrl_n(true),
                ctrl_n(false),
                egui::Event::ModifiersChanged(egui::Modifiers::NONE),
            ],
            text("Ngom"),
            tab(),
            text("Aïssatou"),
        ],
    );
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some("Ngom")
    );
    assert_eq!(
        harness
            .get_by_label(text::identity::FIRST_NAME)
            .value()
            .as_deref(),
        Some("Aïssatou")
    );
}

/// A name with a Chinese character (no embedded font draws CJK; emoji are drawn, by egui's
/// Noto Emoji) is shown with a box, and the window says which character could not be drawn,
/// instead of an unexplained empty box.
#[test]
fn a_character_the_fonts_lack_is_named_beside_the_name() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut record = fixture();
        record.identity.first_name = "Fatoumata \u{674E}".into();
        store.save_beneficiary(&record, today()).unwrap();
        let mut plain = fixture();
        plain.id = BeneficiaryId::new();
        plain.identity.first_name = "Awa".into();
        store.save_beneficiary(&plain, today()).unwrap();
    }
    let mut harness = app_drawing_boxes(dir.path());
    harness.run();
    harness.get_by_label_contains("Awa Diallo").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("non affichable").is_none(),
        "a name every font draws needs no note"
    );
    harness.get_by_label_contains("Fatoumata").click();
    harness.run();
    harness.get_by_label_contains("U+674E");
}
