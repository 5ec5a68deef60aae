//! The record open in the window when another laptop's change of it arrives (a synced copy:
//! Syncthing or Nextcloud replaces the file, no lease asked): not being edited, the window
//! shows the change after the watcher's next look; with an edit waiting, the edit is kept and
//! the window says the record was changed elsewhere.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::Beneficiary;
use parcours::store::{Access, Store};
use parcours::ui::{ParcoursApp, text};

use crate::common::{record_files, today, type_into};
use crate::team_support::{app_as, person, write_records};

/// Steps the window in real time (the watcher's thread looks every second) until `seen`
/// holds, for at most 10 s; whether it did.
fn until(
    harness: &mut Harness<'_, ParcoursApp>,
    seen: impl Fn(&Harness<'_, ParcoursApp>) -> bool,
) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        harness.step();
        if seen(harness) {
            harness.run();
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// `record` as saved on the other laptop (its own copy of the folder, `other`), then delivered
/// into `dir` as a sync tool does: a temporary file renamed over the record's.
fn arrives_from_the_other_laptop(other: &Path, dir: &Path, record: &Beneficiary) {
    let mut store = Store::open(other, Access::ReadWrite).unwrap();
    store.load();
    store.save_beneficiary(record, today()).unwrap();
    let file = record_files(other).pop().unwrap();
    let name = file.file_name().unwrap().to_str().unwrap().to_owned();
    let target = dir.join("beneficiaries");
    let temp = target.join(format!(".syncthing.{name}.tmp"));
    std::fs::copy(&file, &temp).unwrap();
    std::fs::rename(&temp, target.join(&name)).unwrap();
}

/// Amina's record in `dir` and in the other laptop's copy, the window of `Claire Martin` on
/// `dir` showing it.
fn amina_open(
    dir: &Path,
    other: &Path,
    config: &Path,
) -> (Beneficiary, Harness<'static, ParcoursApp>) {
    let amina = person("Amina", "Benali", "Claire Martin");
    write_records(
        dir,
        &[amina.clone(), person("Bruno", "Petit", "Claire Martin")],
    );
    write_records(other, std::slice::from_ref(&amina));
    let mut window = app_as(dir, config, "Claire Martin");
    window.get_by_label_contains("Amina").click();
    window.run();
    window.run();
    (amina, window)
}

fn field(window: &Harness<'_, ParcoursApp>, label: &str) -> Option<String> {
    window.get_by_label(label).value()
}

#[test]
fn the_open_record_not_being_edited_shows_the_change_made_elsewhere() {
    let (dir, other, config) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut amina, mut window) = amina_open(dir.path(), other.path(), config.path());
    assert_eq!(
        field(&window, text::common::LAST_NAME).as_deref(),
        Some("Benali")
    );
    amina.identity.last_name = "Benali-Haddad".into();
    arrives_from_the_other_laptop(other.path(), dir.path(), &amina);
    assert!(
        until(&mut window, |w| field(w, text::common::LAST_NAME)
            .as_deref()
            == Some("Benali-Haddad")),
        "the change never showed in the open record's form"
    );
    assert!(
        window
            .query_by_label(text::app::CHANGED_ELSEWHERE)
            .is_none(),
        "nothing of this window's was set aside: nothing to say"
    );
}

#[test]
fn an_edit_waiting_is_kept_and_the_change_elsewhere_said() {
    let (dir, other, config) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (mut amina, mut window) = amina_open(dir.path(), other.path(), config.path());
    type_into(&mut window, text::identity::FIRST_NAME, "-Li");
    assert!(
        window.state().pending_saves() > 0,
        "the edit waits for autosave"
    );
    // The other laptop changed her phone number.
    amina.contact.phone = "07 98 76 54 32".into();
    arrives_from_the_other_laptop(other.path(), dir.path(), &amina);
    // The watcher looks every second (real time); one frame then takes what it saw, before
    // the autosave's delay (window time) has passed.
    std::thread::sleep(Duration::from_millis(2500));
    window.step();
    assert!(
        window
            .query_by_label(text::app::CHANGED_ELSEWHERE)
            .is_some(),
        "the window does not say the record changed elsewhere"
    );
    assert_eq!(
        field(&window, text::identity::FIRST_NAME).as_deref(),
        Some("Amina-Li"),
        "the edit was lost"
    );
    // Saved, the record still says so while it is shown: the counsellor is asked to check it.
    crate::common::let_autosave_run(&mut window);
    assert_eq!(window.state().pending_saves(), 0);
    // The save merged the two changes instead of replacing the other laptop's.
    let on_disk = Store::open(dir.path(), Access::ReadOnly).unwrap().load();
    let saved = on_disk
        .beneficiaries
        .iter()
        .find(|b| b.id == amina.id)
        .unwrap();
    assert_eq!(saved.identity.first_name, "Amina-Li");
    assert_eq!(
        saved.contact.phone, "07 98 76 54 32",
        "the other change was replaced"
    );
    assert!(
        window
            .query_by_label(text::app::CHANGED_ELSEWHERE)
            .is_some(),
        "the message went with the save, before it could be read"
    );
    // Left, then shown again: done with.
    window.get_by_label_contains("Bruno").click();
    window.run();
    window.get_by_label_contains("Amina").click();
    window.run();
    assert!(
        window
            .query_by_label(text::app::CHANGED_ELSEWHERE)
            .is_none()
    );
}
