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
pub fn eframe_frame(harness: &mut Harness<'_, ParcoursApp>) {
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().raw_input_hook(&ctx, &mut input);
    *harness.input_mut() = input;
    harness.step();
}

/// eframe's call when the window is not shown (at start, or occluded: the app's logic only, no
/// pass): the raw-input hook runs, and what it handed over, unread, is kept to be given again,
/// first, at the next frame, with what came since.
fn eframe_logic_only(harness: &mut Harness<'_, ParcoursApp>) {
    let ctx = harness.ctx.clone();
    let mut input = std::mem::take(harness.input_mut());
    harness.state_mut().raw_input_hook(&ctx, &mut input);
    *harness.input_mut() = input;
}

/// A key typed on the keyboard as the real window receives it: the key press, its text, the
/// key release.
fn typed(c: char) -> Vec<egui::Event> {
    let key = |pressed| egui::Event::Key {
        key: egui::Key::A,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    vec![key(true), egui::Event::Text(c.to_string()), key(false)]
}

/// Ctrl+`key`, pressed and released.
fn ctrl(key: egui::Key) -> Vec<egui::Event> {
    let press = |pressed| egui::Event::Key {
        key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    };
    vec![
        egui::Event::ModifiersChanged(egui::Modifiers::COMMAND),
        press(true),
        press(false),
        egui::Event::ModifiersChanged(egui::Modifiers::NONE),
    ]
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

/// Ctrl+N and the first letters of the name reach the window while eframe runs the app's logic
/// only (the window not shown for a moment, as at start on a loaded machine): eframe hands that
/// input again at the next frame, then the rest of the name arrives a letter or two a frame.
/// The whole name lands in the new record's last name (the real window saved `èvre` or `lène`:
/// the letters held after Ctrl+N were put before it, where no field could take them).
#[test]
fn ctrl_n_and_a_name_typed_while_the_window_is_not_shown_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    let name = "Nkembé-Lefèvre";
    let mut letters = name.chars();
    let mut first = ctrl(egui::Key::N);
    first.extend(letters.by_ref().take(4).flat_map(typed));
    harness.input_mut().events.extend(first);
    eframe_logic_only(&mut harness);
    harness
        .input_mut()
        .events
        .extend(letters.by_ref().take(2).flat_map(typed));
    eframe_frame(&mut harness);
    // Slow frames, a fast typist: one or two letters a frame.
    let rest: Vec<char> = letters.collect();
    for (index, chunk) in rest.chunks(2).enumerate() {
        let take = if index % 2 == 0 { 1 } else { 2 };
        for c in chunk.iter().take(take) {
            harness.input_mut().events.extend(typed(*c));
        }
        eframe_frame(&mut harness);
        for c in chunk.iter().skip(take) {
            harness.input_mut().events.extend(typed(*c));
        }
        eframe_frame(&mut harness);
    }
    burst(&mut harness, &[tab(), text("Hélène")]);
    assert_eq!(
        harness
            .get_by_label(text::common::LAST_NAME)
            .value()
            .as_deref(),
        Some(name)
    );
    assert_eq!(
        harness
            .get_by_label(text::identity::FIRST_NAME)
            .value()
            .as_deref(),
        Some("Hélène")
    );
}

/// Keys typed just before Ctrl+F, in the same frame, reach the field being typed in; what
/// follows Ctrl+F goes to the search (the real window saved `Hélène-A` for `Hélène-Awa`).
#[test]
fn keys_typed_just_before_ctrl_f_reach_the_field_left() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    crate::common::type_into(&mut harness, text::identity::FIRST_NAME, "");
    let mut events: Vec<egui::Event> = "-Awa".chars().flat_map(typed).collect();
    events.extend(ctrl(egui::Key::F));
    events.extend("Dia".chars().flat_map(typed));
    burst(&mut harness, &[events]);
    assert_eq!(
        harness
            .get_by_label(text::identity::FIRST_NAME)
            .value()
            .as_deref(),
        Some("Fatoumata-Awa")
    );
    assert_eq!(
        harness
            .get_by_label(text::list::SEARCH_LABEL)
            .value()
            .as_deref(),
        Some("Dia")
    );
}
