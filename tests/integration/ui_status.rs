//! The status bar follows the save at once: the frame that saves has already drawn
//! "Modifications en cours…", so the window asks for another frame rather than waiting for the
//! next mouse move (a counsellor would otherwise read a stale "en cours" for minutes).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable;

use crate::common::{app, record_files, type_into, write_fixture};
use parcours::ui::text;

#[test]
fn the_status_bar_says_saved_without_waiting_for_the_mouse() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::identity::TOWN, " Centre");
    harness.get_by_label(text::app::STATUS_PENDING);
    // Frames go by (a quarter of a second each) until the edit is on disk…
    let file = record_files(dir.path()).remove(0);
    let mut saved = false;
    for _ in 0..20 {
        harness.step();
        if std::fs::read_to_string(&file).unwrap().contains("Centre") {
            saved = true;
            break;
        }
    }
    assert!(saved, "the edit was never saved");
    // … and the frame that saved asks to be drawn again at once (not in a second, not at the
    // next mouse move), so that its status bar, drawn before the save, is corrected.
    let repaint = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
    assert_eq!(repaint, std::time::Duration::ZERO);
    harness.step();
    harness.get_by_label(text::app::STATUS_SAVED);
}
