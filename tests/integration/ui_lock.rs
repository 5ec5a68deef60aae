//! The window on an encrypted folder (issue #15): nothing of the folder is shown before the
//! passphrase; Ctrl+L and minutes without input hide everything again, and unlocking brings
//! back the record and the tab; the recovery key opens it with a new passphrase; a clear
//! folder is encrypted from "Paramètres".
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use parcours::model::Beneficiary;
use parcours::store::vault::{self, Costs, VaultState};
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp, text};

use crate::common::{fixture, today, type_into};

const PASSPHRASE: &str = "cheval agrafe batterie correcte";

/// Cheap key derivations: the window's unlock of such a folder is quick (the costs are stored
/// in its key file).
const CHEAP: Costs = Costs {
    passphrase: (256, 1, 1),
    recovery: (256, 1, 1),
};

fn ngom() -> Beneficiary {
    let mut record = fixture();
    record.identity.last_name = "Ngom".into();
    record.identity.first_name = "Aminata".into();
    record
}

/// An encrypted folder holding one record, "Aminata Ngom"; the recovery key's text.
fn encrypted_folder(dir: &Path) -> String {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&ngom(), today()).unwrap();
    let recovery = store.encrypt(PASSPHRASE, CHEAP, &|_, _| {}).unwrap();
    assert_eq!(vault::state(dir), VaultState::Encrypted);
    recovery.to_text().to_string()
}

fn window(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_theme(egui::Theme::Light)
        // Short frames: an edit typed is still waiting for its autosave when Ctrl+L comes.
        .with_step_dt(0.05)
        // A check or a load finishing on its thread asks a few more frames.
        .with_max_steps(16)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    harness.run();
    harness
}

/// Steps the window (its threads work meanwhile) until `done` holds.
fn wait_until(
    harness: &mut Harness<'_, ParcoursApp>,
    what: &str,
    done: impl Fn(&Harness<'_, ParcoursApp>) -> bool,
) {
    let started = Instant::now();
    while !done(harness) {
        assert!(
            started.elapsed() < Duration::from_mins(2),
            "never happened: {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
}

/// Whether any node of the accessibility tree (label, value or description) contains `needle`.
fn anything_shows(harness: &Harness<'_, ParcoursApp>, needle: &str) -> bool {
    harness
        .query_all(By::new().include_labels().predicate(move |node| {
            [node.label(), node.value(), node.description()]
                .into_iter()
                .flatten()
                .any(|text| text.contains(needle))
        }))
        .next()
        .is_some()
}

/// Types `passphrase` on the lock screen and asks to unlock.
fn submit_passphrase(harness: &mut Harness<'_, ParcoursApp>, passphrase: &str) {
    type_into(harness, text::lock::PASSPHRASE, passphrase);
    harness.get_by_label(text::lock::UNLOCK).click();
    // The click's frame starts the check; the next one no longer shows an earlier answer.
    harness.step();
    harness.step();
}

/// Unlocks with the right passphrase and waits for the records.
fn unlock(harness: &mut Harness<'_, ParcoursApp>) {
    submit_passphrase(harness, PASSPHRASE);
    wait_until(harness, "unlocked", |h| !h.state().is_locked());
    wait_until(harness, "records loaded", |h| {
        !h.state().records().is_empty()
    });
}

fn now(harness: &Harness<'_, ParcoursApp>) -> f64 {
    harness.ctx.input(|i| i.time)
}

/// One frame `seconds` later, with a mouse move or without any input.
fn later(harness: &mut Harness<'_, ParcoursApp>, seconds: f64, moved: bool) {
    let at = now(harness) + seconds;
    harness.input_mut().time = Some(at);
    if moved {
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(egui::pos2(500.0, 400.0)));
    }
    harness.step();
    harness.run();
}

#[test]
fn an_encrypted_folder_shows_no_name_before_its_passphrase_and_the_records_after() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut harness = window(dir.path());

    harness.get_by_label(text::lock::TITLE);
    assert!(harness.state().is_locked());
    assert!(harness.state().records().is_empty());
    assert!(!anything_shows(&harness, "Ngom"));

    submit_passphrase(&mut harness, "cheval agrafe batterie fausse");
    wait_until(&mut harness, "the wrong passphrase refused", |h| {
        h.query_by_label(text::lock::WRONG_PASSPHRASE).is_some()
    });
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Ngom"));

    // Enter in the field submits, as the button does.
    type_into(&mut harness, text::lock::PASSPHRASE, PASSPHRASE);
    harness.key_press(Key::Enter);
    wait_until(&mut harness, "unlocked", |h| !h.state().is_locked());
    wait_until(&mut harness, "records loaded", |h| {
        !h.state().records().is_empty()
    });
    assert!(harness.query_by_label(text::lock::TITLE).is_none());
    assert!(anything_shows(&harness, "Ngom"));
    assert!(harness.state().is_writable());
}

#[test]
fn five_wrong_passphrases_make_the_next_attempt_wait() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    for attempt in 1..=5 {
        submit_passphrase(&mut harness, "pas la bonne phrase du tout");
        wait_until(&mut harness, "refused", |h| {
            h.query_by_label(text::lock::CHECKING).is_none()
                && h.query_by_label(text::lock::WRONG_PASSPHRASE).is_some()
        });
        assert!(harness.state().is_locked(), "attempt {attempt}");
    }
    // The fifth wrong one: the next attempt waits (2 s, then longer).
    assert!(anything_shows(&harness, "Trop d'essais"));
    assert!(
        harness
            .get_by_label(text::lock::UNLOCK)
            .accesskit_node()
            .is_disabled()
    );
    later(&mut harness, 3.0, false);
    assert!(!anything_shows(&harness, "Trop d'essais"));
    assert!(
        !harness
            .get_by_label(text::lock::UNLOCK)
            .accesskit_node()
            .is_disabled()
    );
    unlock(&mut harness);
    assert!(anything_shows(&harness, "Ngom"));
}

#[test]
fn ctrl_l_hides_every_name_and_the_passphrase_brings_back_the_record_and_its_tab() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    unlock(&mut harness);
    harness.get_by_label(text::common::VIEW_RECORD).click();
    harness.run();
    harness.get_by_label_contains("Ngom").click();
    harness.run();
    let shown = harness.state().selected();
    assert!(shown.is_some());
    // An edit waiting for the autosave: saved before the window locks.
    type_into(&mut harness, text::identity::TOWN, " Sud");
    harness.get_by_label(text::skills::TAB_SKILLS).click();
    harness.run();
    assert_eq!(harness.state().pending_saves(), 1);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Ngom"));
    assert!(!anything_shows(&harness, "Aminata"));
    harness.get_by_label(text::lock::TITLE);
    assert_eq!(harness.state().pending_saves(), 0);
    let reopened = Store::open_with_key(
        dir.path(),
        Access::ReadOnly,
        Some(vault::unlock(dir.path(), PASSPHRASE).unwrap()),
    )
    .unwrap()
    .load();
    assert_eq!(
        reopened.beneficiaries[0].contact.town,
        "Vitry-sur-Seine Sud"
    );

    submit_passphrase(&mut harness, PASSPHRASE);
    wait_until(&mut harness, "unlocked", |h| !h.state().is_locked());
    assert_eq!(harness.state().selected(), shown);
    assert!(anything_shows(&harness, "Ngom"));
    // The same tab: its first section is on screen.
    harness.get_by_label(text::skills::ADD_LANGUAGE);
}

#[test]
fn minutes_without_input_lock_the_window_and_input_keeps_it_open() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    unlock(&mut harness);
    assert!(anything_shows(&harness, "Ngom"));

    // Four minutes, a move of the mouse, four more minutes: never five without input.
    later(&mut harness, 240.0, true);
    later(&mut harness, 240.0, false);
    assert!(!harness.state().is_locked());
    assert!(anything_shows(&harness, "Ngom"));

    // Five minutes (the default) without input: locked.
    later(&mut harness, 61.0, false);
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Ngom"));
}

#[test]
fn the_status_bar_locks_an_encrypted_folder_at_once() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    unlock(&mut harness);
    harness.get_by_label(text::lock::LOCK_NOW).click();
    harness.run();
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Ngom"));
}

#[test]
fn a_clear_folder_never_locks() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    let mut harness = window(dir.path());
    assert!(!harness.state().is_locked());
    assert!(harness.query_by_label(text::lock::LOCK_NOW).is_none());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    later(&mut harness, 3600.0, false);
    assert!(!harness.state().is_locked());
    assert!(anything_shows(&harness, "Diallo"));
}

#[test]
fn settings_of_format_7_lock_after_five_minutes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("settings.ron"),
        "(\n    schema_version: 7,\n    record: (\n        structure_name: \"EDS Vitry\",\n        stats_threshold: 6,\n    ),\n)\n",
    )
    .unwrap();
    let (settings, problem) = Store::read_only(dir.path()).load_settings();
    assert!(problem.is_none(), "{problem:?}");
    assert_eq!(settings.structure_name, "EDS Vitry");
    assert_eq!(settings.lock_minutes, 5);
}

const NEW_PASSPHRASE: &str = "nouvelle phrase du coffre-fort";

#[test]
fn the_recovery_key_opens_the_folder_with_a_new_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    harness.get_by_label(text::lock::USE_RECOVERY).click();
    harness.run();

    // A wrong key first: refused, the folder stays locked.
    type_into(
        &mut harness,
        text::lock::RECOVERY_KEY,
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH",
    );
    type_into(&mut harness, text::lock::NEW_PASSPHRASE, NEW_PASSPHRASE);
    type_into(
        &mut harness,
        text::lock::NEW_PASSPHRASE_AGAIN,
        NEW_PASSPHRASE,
    );
    harness.get_by_label(text::lock::RECOVER).click();
    harness.step();
    wait_until(&mut harness, "the wrong recovery key refused", |h| {
        h.query_by_label(text::lock::WRONG_RECOVERY).is_some()
    });
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Ngom"));

    // As typed from the paper: lower case, spaces instead of dashes.
    let typed = recovery.to_lowercase().replace('-', " ");
    type_into(&mut harness, text::lock::RECOVERY_KEY, &typed);
    type_into(&mut harness, text::lock::NEW_PASSPHRASE, NEW_PASSPHRASE);
    type_into(
        &mut harness,
        text::lock::NEW_PASSPHRASE_AGAIN,
        NEW_PASSPHRASE,
    );
    harness.get_by_label(text::lock::RECOVER).click();
    harness.step();
    wait_until(&mut harness, "unlocked", |h| !h.state().is_locked());
    wait_until(&mut harness, "records loaded", |h| {
        !h.state().records().is_empty()
    });
    assert!(anything_shows(&harness, "Ngom"));
    // The new passphrase is the folder's now; the old one no longer opens it.
    assert!(vault::unlock(dir.path(), NEW_PASSPHRASE).is_ok());
    assert!(vault::unlock(dir.path(), PASSPHRASE).is_err());
}

/// The recovery key shown in the window (8 groups of 4 letters and digits).
fn recovery_key_shown(harness: &Harness<'_, ParcoursApp>) -> Option<String> {
    let is_key = |text: &str| {
        let groups: Vec<&str> = text.split('-').collect();
        groups.len() == 8
            && groups.iter().all(|g| {
                g.len() == 4
                    && g.chars()
                        .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))
            })
    };
    harness
        .query_all(By::new().include_labels().predicate(move |node| {
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .any(|text| is_key(&text))
        }))
        .find_map(|node| {
            let node = node.accesskit_node();
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .find(|text| is_key(text))
        })
}

#[test]
fn an_interrupted_conversion_is_finished_after_the_passphrase_and_its_recovery_key_shown() {
    use parcours::store::crypto::{self, KdfParams, KeyFile};
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    // A conversion killed before its first file: the pending key file alone.
    let cheap = || KdfParams::with_cost(256, 1, 1).unwrap();
    let (file, _, _) = KeyFile::create(PASSPHRASE, cheap(), cheap()).unwrap();
    std::fs::write(
        dir.path().join(vault::PENDING_KEY_FILE),
        ron::ser::to_string_pretty(&file, ron::ser::PrettyConfig::default()).unwrap(),
    )
    .unwrap();
    let mut harness = window(dir.path());
    harness.get_by_label(text::lock::INTERRUPTED);
    assert!(!anything_shows(&harness, "Diallo"));

    submit_passphrase(&mut harness, PASSPHRASE);
    wait_until(&mut harness, "the recovery key shown", |h| {
        h.query_by_label(text::lock::RECOVERY_KEEP).is_some()
    });
    assert_eq!(vault::state(dir.path()), VaultState::Encrypted);
    for record in crate::common::record_files(dir.path()) {
        assert!(crypto::is_sealed(&std::fs::read(record).unwrap()));
    }
    // The key shown is the folder's recovery key.
    let key = recovery_key_shown(&harness).expect("no recovery key on screen");
    vault::recover(dir.path(), &key, NEW_PASSPHRASE, CHEAP).unwrap();

    harness.get_by_label(text::lock::RECOVERY_PRINTED).click();
    harness.run();
    wait_until(&mut harness, "records loaded", |h| {
        !h.state().records().is_empty()
    });
    assert!(recovery_key_shown(&harness).is_none());
    assert!(anything_shows(&harness, "Diallo"));
}

fn open_settings(harness: &mut Harness<'_, ParcoursApp>) {
    harness
        .get_all_by_label(text::common::SETTINGS)
        .next()
        .unwrap()
        .click();
    harness.run();
}

#[test]
fn settings_encrypt_a_clear_folder_and_show_its_recovery_key_once() {
    use parcours::store::crypto;
    let dir = tempfile::tempdir().unwrap();
    crate::common::write_fixture(dir.path());
    let mut harness = window(dir.path());
    harness.get_by_label(text::common::VIEW_RECORD).click();
    harness.run();
    open_settings(&mut harness);
    harness.get_by_label(text::settings::ENCRYPT).click();
    harness.run();
    harness.get_by_label(text::lock::ENCRYPT_LOSS);

    // Too short: the rule beside the field, nothing done.
    type_into(&mut harness, text::lock::CHOOSE_PASSPHRASE, "court");
    type_into(&mut harness, text::lock::CHOOSE_PASSPHRASE_AGAIN, "court");
    harness.get_by_label(text::lock::ENCRYPT_START).click();
    harness.run();
    assert!(anything_shows(&harness, "au moins 12 caractères"));
    assert_eq!(vault::state(dir.path()), VaultState::Clear);
    // The dialog stays open, the passphrase typed kept, to be made longer.
    harness.get_by_label(text::lock::ENCRYPT_START);

    type_into(
        &mut harness,
        text::lock::CHOOSE_PASSPHRASE,
        " et bien plus long",
    );
    type_into(
        &mut harness,
        text::lock::CHOOSE_PASSPHRASE_AGAIN,
        " et bien plus long",
    );
    harness.get_by_label(text::lock::ENCRYPT_START).click();
    harness.step();
    wait_until(&mut harness, "the recovery key shown", |h| {
        h.query_by_label(text::lock::RECOVERY_KEEP).is_some()
    });
    assert_eq!(vault::state(dir.path()), VaultState::Encrypted);
    for record in crate::common::record_files(dir.path()) {
        let bytes = std::fs::read(record).unwrap();
        assert!(crypto::is_sealed(&bytes));
        assert!(!String::from_utf8_lossy(&bytes).contains("Diallo"));
    }
    assert!(vault::unlock(dir.path(), "court et bien plus long").is_ok());
    let key = recovery_key_shown(&harness).expect("no recovery key on screen");
    vault::recover(dir.path(), &key, NEW_PASSPHRASE, CHEAP).unwrap();

    // "Enregistrer en PDF…": the sheet, read back by another reader, carries the same key.
    let out = tempfile::tempdir().unwrap();
    let sheet = out.path().join("clé.pdf");
    harness.state_mut().save_recovery_sheet_to(sheet.clone());
    harness.step();
    wait_until(&mut harness, "the sheet saved", |h| {
        anything_shows(h, "Feuille enregistrée")
    });
    let printed = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&sheet)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let printed = String::from_utf8(printed.stdout).unwrap();
    // The sheet spaces the letters out: compared without spaces and dashes.
    let bare = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect()
    };
    assert!(
        bare(&printed).contains(&bare(&key)),
        "{key} not on the sheet:\n{printed}"
    );
    // Nothing else of the key was written: the data folder holds no copy of it.
    for entry in walk(dir.path()) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains(&key), "{entry:?}");
    }

    harness.get_by_label(text::lock::RECOVERY_PRINTED).click();
    harness.run();
    assert!(recovery_key_shown(&harness).is_none());
    // The window still shows the records, and now locks.
    assert!(anything_shows(&harness, "Diallo"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::L);
    harness.run();
    assert!(harness.state().is_locked());
    assert!(!anything_shows(&harness, "Diallo"));
}

#[test]
fn settings_change_the_passphrase_and_renew_the_recovery_key() {
    let dir = tempfile::tempdir().unwrap();
    let old_recovery = encrypted_folder(dir.path());
    let mut harness = window(dir.path());
    unlock(&mut harness);

    open_settings(&mut harness);
    harness
        .get_by_label(text::settings::CHANGE_PASSPHRASE)
        .click();
    harness.run();
    type_into(
        &mut harness,
        text::lock::OLD_PASSPHRASE,
        "pas la bonne phrase",
    );
    type_into(&mut harness, text::lock::NEW_PASSPHRASE, NEW_PASSPHRASE);
    type_into(
        &mut harness,
        text::lock::NEW_PASSPHRASE_AGAIN,
        NEW_PASSPHRASE,
    );
    harness.get_by_label(text::lock::CHANGE_START).click();
    harness.step();
    wait_until(&mut harness, "the wrong passphrase refused", |h| {
        h.query_by_label(text::lock::WRONG_OLD_PASSPHRASE).is_some()
    });
    assert!(vault::unlock(dir.path(), PASSPHRASE).is_ok());

    type_into(&mut harness, text::lock::OLD_PASSPHRASE, PASSPHRASE);
    type_into(&mut harness, text::lock::NEW_PASSPHRASE, NEW_PASSPHRASE);
    type_into(
        &mut harness,
        text::lock::NEW_PASSPHRASE_AGAIN,
        NEW_PASSPHRASE,
    );
    harness.get_by_label(text::lock::CHANGE_START).click();
    harness.step();
    wait_until(&mut harness, "the dialog closed", |h| {
        h.query_by_label(text::lock::CHANGE_START).is_none()
    });
    assert!(vault::unlock(dir.path(), NEW_PASSPHRASE).is_ok());
    assert!(vault::unlock(dir.path(), PASSPHRASE).is_err());

    open_settings(&mut harness);
    harness.get_by_label(text::settings::RENEW_RECOVERY).click();
    harness.run();
    harness.get_by_label(text::lock::RENEW_START).click();
    harness.run();
    let key = recovery_key_shown(&harness).expect("no recovery key on screen");
    assert_ne!(key, old_recovery);
    assert!(vault::recover(dir.path(), &old_recovery, PASSPHRASE, CHEAP).is_err());
    vault::recover(dir.path(), &key, PASSPHRASE, CHEAP).unwrap();
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// The window of counsellor `name` (profile kept in `config`) on `dir`, unlocked, the record
/// "Ngom" open.
fn colleague_on_ngom(dir: &Path, config: &Path, name: &str) -> Harness<'static, ParcoursApp> {
    use parcours::store::profile::{self, Profile};
    profile::save(config, &Profile::new(name)).unwrap();
    let app_config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let config = config.to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(16)
        .build_eframe(move |cc| {
            ParcoursApp::new(&cc.egui_ctx, app_config).with_profile_dir(config)
        });
    harness.run();
    unlock(&mut harness);
    harness.get_by_label(text::common::VIEW_RECORD).click();
    harness.run();
    harness.get_by_label_contains("Ngom").click();
    harness.run();
    harness.run();
    harness
}

fn last_name_disabled(harness: &Harness<'_, ParcoursApp>) -> bool {
    harness
        .get_by_label(text::common::LAST_NAME)
        .accesskit_node()
        .is_disabled()
}

#[test]
fn a_locked_window_lets_a_colleague_edit_the_record_it_showed() {
    let dir = tempfile::tempdir().unwrap();
    encrypted_folder(dir.path());
    let (claire_config, paul_config) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut claire = colleague_on_ngom(dir.path(), claire_config.path(), "Claire Martin");
    let mut paul = colleague_on_ngom(dir.path(), paul_config.path(), "Paul Durand");
    assert!(!last_name_disabled(&claire));
    assert!(last_name_disabled(&paul), "Claire holds the record");

    claire.key_press_modifiers(Modifiers::COMMAND, Key::L);
    claire.run();
    assert!(claire.state().is_locked());
    // Paul's window looks again every second: the record is free, he may edit it.
    later(&mut paul, 1.5, false);
    later(&mut paul, 0.5, false);
    assert!(!last_name_disabled(&paul));
}
