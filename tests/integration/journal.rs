//! The audit journal as a counsellor and a DPO meet it: the window asks who uses it at first
//! start, journals an edit by parts with neither the person's name nor any value, and shows it
//! in the record's "Historique"; `parcours journal verify` finds an edited or a removed line
//! (exit 1, naming it) and reports a line cut by a crash without failing; `parcours journal`
//! lists the events in French.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parcours::model::record::{ConsentEntry, ConsentMethod, ConsentState, Purpose};
use parcours::store::journal::{Author, JOURNAL_DIR};
use parcours::store::profile::PROFILE_FILE;
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp, text};

use crate::common::{fixture, let_autosave_run, today, type_into, write_fixture};

fn app_with_profile(dir: &Path, config: &Path) -> Harness<'static, ParcoursApp> {
    let app_config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let config = config.to_owned();
    Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .with_theme(egui::Theme::Light)
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, app_config).with_profile_dir(config))
}

/// Every line of every month file of the journal.
fn journal_text(dir: &Path) -> String {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join(JOURNAL_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| fs::read_to_string(f).unwrap())
        .collect()
}

fn the_month_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(dir.join(JOURNAL_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

fn parcours(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", "2026-11-22")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn first_start_asks_the_name_and_an_edit_is_journaled_by_parts_without_values() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    write_fixture(data.path());
    let mut harness = app_with_profile(data.path(), config.path());
    harness.run();

    // Asked at first start; an empty name is refused.
    harness.get_by_label(text::app::PROFILE_TITLE);
    harness.get_by_label(text::app::PROFILE_OK).click();
    harness.run();
    harness.get_by_label(text::app::PROFILE_EMPTY);
    assert!(!config.path().join(PROFILE_FILE).exists());
    type_into(&mut harness, text::app::PROFILE_NAME, "Claire Martin");
    harness.get_by_label(text::app::PROFILE_OK).click();
    harness.run();
    assert!(harness.query_by_label(text::app::PROFILE_TITLE).is_none());
    let profile = fs::read_to_string(config.path().join(PROFILE_FILE)).unwrap();
    assert!(profile.contains("Claire Martin"), "{profile}");
    harness.get_by_label(&text::app::counsellor("Claire Martin"));

    // An edit of the address.
    crate::common::show_record_area(&mut harness);
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    type_into(&mut harness, text::common::ADDRESS, "3 rue des Lilas");
    let_autosave_run(&mut harness);

    let journal = journal_text(data.path());
    let id = fixture().id.to_string();
    let modify = journal
        .lines()
        .find(|l| l.contains("\tmodify:"))
        .unwrap_or_else(|| panic!("no modify line in {journal}"));
    assert!(modify.contains("\tmodify:contact\t"), "{modify}");
    assert!(modify.contains(&id), "{modify}");
    assert!(modify.contains("\tClaire Martin\t"), "{modify}");
    for personal in ["Diallo", "Fatoumata", "Lilas", "06 12 34 56 78", "Awa"] {
        assert!(
            !journal.contains(personal),
            "{personal} in the journal: {journal}"
        );
    }

    // The record's "Historique" shows it, in French.
    harness.get_by_label(text::summary::TAB_SUMMARY).click();
    harness.run();
    harness.get_by_label(text::summary::HISTORY).scroll_to_me();
    harness.get_by_label(text::summary::HISTORY).click();
    harness.run();
    harness.get_by_label_contains("— Claire Martin — modifié : Coordonnées");
}

#[test]
fn a_restart_with_a_profile_does_not_ask_again() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    fs::write(
        config.path().join(PROFILE_FILE),
        r#"(name: "Karim Benali", installation: "abc")"#,
    )
    .unwrap();
    let mut harness = app_with_profile(data.path(), config.path());
    harness.run();
    assert!(harness.query_by_label(text::app::PROFILE_TITLE).is_none());
    harness.get_by_label(&text::app::counsellor("Karim Benali"));
}

/// Three events on one record: created, modified, a consent withdrawn.
fn three_events(dir: &Path) -> String {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.set_author(Author {
        name: "Claire Martin".into(),
        installation: "inst-1".into(),
    });
    let mut record = fixture();
    store.save_beneficiary(&record, today()).unwrap();
    record.contact.phone = "0612345678".into();
    record.protection.record(ConsentEntry {
        purpose: Purpose::ShareWithCreche,
        state: ConsentState::Withdrawn,
        date: today(),
        method: ConsentMethod::Oral,
        by: "Claire Martin".into(),
    });
    store.save_beneficiary(&record, today()).unwrap();
    assert!(store.take_backup_error().is_none());
    record.id.to_string()
}

#[test]
fn verify_finds_an_edited_line_and_a_removed_line() {
    let dir = tempfile::tempdir().unwrap();
    let id = three_events(dir.path());
    let file = the_month_file(dir.path());
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let intact = fs::read_to_string(&file).unwrap();
    assert_eq!(intact.lines().count(), 3, "{intact}");

    let ok = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("3 ligne(s)"), "{}", stdout(&ok));

    let listed = stdout(&parcours(dir.path(), &["journal", "--beneficiary", &id]));
    assert!(listed.contains("créé"), "{listed}");
    assert!(listed.contains("modifié : Coordonnées"), "{listed}");
    assert!(
        listed.contains("consentement « Transmission à la micro-crèche » : retiré"),
        "{listed}"
    );
    assert!(!listed.contains("Diallo"), "{listed}");
    let none = stdout(&parcours(dir.path(), &["journal", "--from", "2999-01-01"]));
    assert!(none.is_empty(), "{none}");

    // The counsellor's name on the first line changed: the second line no longer chains.
    let edited = intact.replacen("Claire Martin", "Karim Benali", 1);
    fs::write(&file, &edited).unwrap();
    let broken = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(broken.status.code(), Some(1), "{}", stdout(&broken));
    assert!(
        stdout(&broken).contains(&format!("{name}:2")),
        "{}",
        stdout(&broken)
    );

    // The second line removed: the third (now second) no longer chains.
    let lines: Vec<&str> = intact.lines().collect();
    fs::write(&file, format!("{}\n{}\n", lines[0], lines[2])).unwrap();
    let removed = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(removed.status.code(), Some(1), "{}", stdout(&removed));
    assert!(
        stdout(&removed).contains(&format!("{name}:2")),
        "{}",
        stdout(&removed)
    );
}

#[test]
fn a_torn_last_line_is_reported_and_the_journal_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let id = three_events(dir.path());
    let file = the_month_file(dir.path());
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    // A crash in the middle of an append: half a line, no end of line.
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("2026-11-22T10:00:00Z\tClaire Ma");
    fs::write(&file, &text).unwrap();

    let torn = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(torn.status.code(), Some(0), "{}", stdout(&torn));
    assert!(
        stdout(&torn).contains(&format!("{name}:4 : ligne incomplète")),
        "{}",
        stdout(&torn)
    );

    // The store still opens, loads and journals the next save on a line of its own.
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let report = store.load();
    assert_eq!(report.beneficiaries.len(), 1);
    let mut record = report.beneficiaries[0].clone();
    record.french_level = parcours::model::CefrLevel::B1;
    store.save_beneficiary(&record, today()).unwrap();
    assert!(store.take_backup_error().is_none());
    drop(store);

    let after = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
    assert!(stdout(&after).contains("5 ligne(s)"), "{}", stdout(&after));
    let listed = stdout(&parcours(dir.path(), &["journal", "--beneficiary", &id]));
    assert!(listed.contains("modifié : Niveau de français"), "{listed}");
}

#[test]
fn an_import_of_companies_is_journaled() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let a = crate::companies::siret("4430618410004");
    let csv = files.path().join("entreprises.csv");
    fs::write(
        &csv,
        format!("Raison sociale;N° SIRET;Ville\r\nBrasserie du Marché;{a};Créteil\r\n"),
    )
    .unwrap();
    let imported = parcours(data.path(), &["import-companies", csv.to_str().unwrap()]);
    assert_eq!(imported.status.code(), Some(0), "{}", stdout(&imported));
    let listed = stdout(&parcours(data.path(), &["journal"]));
    assert!(listed.contains("import de 1 entreprise(s)"), "{listed}");
    assert!(!listed.contains("Brasserie"), "{listed}");
}

#[test]
fn a_restore_keeps_the_journal_and_is_an_event_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let id = three_events(dir.path());
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    // The day's backup was made before the first save: the journal was empty then.
    let restored = store.restore(today()).unwrap().restored;
    assert_eq!(restored, today());
    drop(store);
    let listed = stdout(&parcours(dir.path(), &["journal"]));
    assert!(listed.contains(&format!("{id}\tcréé")), "{listed}");
    assert!(
        listed.contains("données restaurées depuis la sauvegarde du 22/11/2026"),
        "{listed}"
    );
    let verify = parcours(dir.path(), &["journal", "verify"]);
    assert_eq!(verify.status.code(), Some(0), "{}", stdout(&verify));
    assert!(
        stdout(&verify).contains("4 ligne(s)"),
        "{}",
        stdout(&verify)
    );
}
