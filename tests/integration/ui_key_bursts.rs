//! Keys that arrive faster than frames: a burst of typing with Tabs in it, handed to the app
//! the way eframe does (the raw-input hook first, then the frame), lands field by field.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::ui::ParcoursApp;

use crate::common::app;

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
    harness.get_by_label("Nouveau bénéficiaire").click();
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
        harness.get_by_label("Nom *").value().as_deref(),
        Some("Ngom")
    );
    assert_eq!(
        harness.get_by_label("Prénom").value().as_deref(),
        Some("Aïssatou")
    );
    // Two Tabs: past "Nom de naissance" to the birth date, which keeps the AZERTY digits
    // typed without Shift as they are (its message says what is wrong).
    assert_eq!(
        harness.get_by_label("Nom de naissance").value().as_deref(),
        Some("")
    );
    assert_eq!(
        harness.get_by_label("Date de naissance").value().as_deref(),
        Some("&é\"'(-è_çà")
    );
}
