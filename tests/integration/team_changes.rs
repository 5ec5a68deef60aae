//! The window sees what other Parcours write in the shared folder within a second or two: a
//! record changed or made elsewhere in the list, the record on screen (read-only here while
//! another window edits it) as the other saves it; its own saves change nothing on screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::store::{Access, Store};
use parcours::ui::{ParcoursApp, text};

use crate::common::{let_autosave_run, today, type_into};
use crate::team_support::{app_as, person, write_records};

/// Steps the window in real time (the folder is looked at every second by a thread) until
/// `seen` holds, for at most 10 s; whether it did.
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

#[test]
fn records_written_elsewhere_show_in_the_list_within_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    let mut amina = person("Amina", "Benali", "Claire Martin");
    write_records(dir.path(), std::slice::from_ref(&amina));
    let mut window = app_as(dir.path(), config.path(), "Claire Martin");
    window.run();
    window.get_by_label(&text::list::count(1, 1));

    // Another Parcours changes Amina's record and adds Chen Wei's.
    let mut other = Store::open(dir.path(), Access::ReadWrite).unwrap();
    other.load();
    amina.identity.last_name = "Benali-Haddad".into();
    other.save_beneficiary(&amina, today()).unwrap();
    other
        .save_beneficiary(&person("Wei", "Chen", "Paul Durand"), today())
        .unwrap();

    assert!(
        until(&mut window, |h| h
            .query_by_label(&text::list::count(2, 2))
            .is_some()),
        "the new record never showed"
    );
    window.get_by_label_contains("Wei Chen");
    window.get_by_label_contains("Benali-Haddad");
    // The window can now save the record made elsewhere, as if it had loaded it.
    window.get_by_label_contains("Wei Chen").click();
    window.run();
    window.run();
    type_into(&mut window, text::identity::FIRST_NAME, "-Li");
    let_autosave_run(&mut window);
    assert!(matches!(window.state().pending_saves(), 0));
    assert_eq!(
        Store::open(dir.path(), Access::ReadOnly)
            .unwrap()
            .load()
            .beneficiaries
            .iter()
            .filter(|b| b.identity.first_name == "Wei-Li")
            .count(),
        1
    );
}

#[test]
fn the_record_on_screen_follows_the_other_windows_edit_while_read_only_here() {
    let dir = tempfile::tempdir().unwrap();
    let (claire_config, paul_config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    write_records(dir.path(), &[person("Amina", "Benali", "Claire Martin")]);
    let mut claire = app_as(dir.path(), claire_config.path(), "Claire Martin");
    let mut paul = app_as(dir.path(), paul_config.path(), "Paul Durand");
    for harness in [&mut claire, &mut paul] {
        harness.run();
        harness.get_by_label_contains("Amina").click();
        harness.run();
        harness.run();
    }
    type_into(&mut claire, text::common::LAST_NAME, "-Haddad");
    let_autosave_run(&mut claire);
    assert!(
        until(&mut paul, |h| h
            .query_all_by_label_contains("Amina Benali-Haddad")
            .next()
            .is_some()),
        "Claire's edit never showed on Paul's screen"
    );
    // Claire's own save read back changes nothing on her screen, and says nothing.
    assert!(until(&mut claire, |_| true));
    std::thread::sleep(Duration::from_millis(1500));
    claire.run();
    assert!(
        claire
            .query_by_label(text::app::CHANGED_ELSEWHERE)
            .is_none()
    );
    assert!(
        claire
            .query_all_by_label_contains("Amina Benali-Haddad")
            .next()
            .is_some()
    );
}
