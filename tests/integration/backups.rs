//! Daily backups and restore, against a real data directory and through the real binary: the
//! first save of a day copies the data as it was before that save into `backups/<day>/`, once;
//! only the newest N daily backups are kept, and nothing else in `backups/` is ever deleted; a
//! half-made backup left by a crash never counts and is removed; `restore` brings a day back
//! after copying what it replaces, and the result loads cleanly; `parcours restore` asks first
//! and refuses without an answer; `parcours backups` lists the days.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use parcours::model::demo::demo_beneficiaries;
use parcours::model::record::{Beneficiary, Settings};
use parcours::store::{Access, BACKUPS_DIR, BENEFICIARIES_DIR, Store, StoreError};

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, n).unwrap()
}

fn backup_dir(root: &Path, date: NaiveDate) -> PathBuf {
    root.join(BACKUPS_DIR)
        .join(date.format("%Y-%m-%d").to_string())
}

/// The sorted names in a folder.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The records a folder (a data directory or a backup) holds, sorted by id; no problem allowed.
fn records_in(root: &Path) -> Vec<Beneficiary> {
    let report = Store::read_only(root).load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let mut records = report.beneficiaries;
    records.sort_by_key(|b| b.id);
    records
}

fn sorted(mut records: Vec<Beneficiary>) -> Vec<Beneficiary> {
    records.sort_by_key(|b| b.id);
    records
}

#[test]
fn the_first_save_of_a_day_backs_up_the_state_before_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let records = demo_beneficiaries(3, day(20), 1);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    // Day 20: a fresh directory; its backup holds the (empty) state before the first save.
    store.save_beneficiary(&records[0], day(20)).unwrap();
    store.save_beneficiary(&records[1], day(20)).unwrap();
    assert_eq!(store.backups(), [day(20)]);
    assert!(records_in(&backup_dir(root, day(20))).is_empty());
    drop(store);

    // Day 21, a new session: the first save backs up the two records of day 20.
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    store.load();
    let mut changed = records[0].clone();
    changed.identity.first_name = "Changé".into();
    store.save_beneficiary(&changed, day(21)).unwrap();
    let yesterday = sorted(records[..2].to_vec());
    assert_eq!(records_in(&backup_dir(root, day(21))), yesterday);

    // A second save the same day makes no new backup and leaves this one as it is.
    store.save_beneficiary(&records[2], day(21)).unwrap();
    assert_eq!(store.backups(), [day(21), day(20)]);
    assert_eq!(records_in(&backup_dir(root, day(21))), yesterday);
    assert!(store.take_backup_error().is_none());

    // The backup holds no lock, no temporary file, no nested backups (and a copy of the
    // journal of day 20's saves).
    assert_eq!(
        names(&backup_dir(root, day(21))),
        [BENEFICIARIES_DIR, parcours::store::journal::JOURNAL_DIR]
    );
}

#[test]
fn partners_and_settings_saves_back_up_too_and_settings_are_copied() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let store = Store::open(root, Access::ReadWrite).unwrap();
    let settings = Settings {
        structure_name: "EDS de Vitry-sur-Seine".into(),
        ..Settings::default()
    };
    store.save_settings(&settings).unwrap();
    assert_eq!(store.backups().len(), 1);
    drop(store);
    // A backup of a later day (made through a record save) holds the settings file.
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let later = store.backups()[0].succ_opt().unwrap();
    let record = demo_beneficiaries(1, later, 2).remove(0);
    store.save_beneficiary(&record, later).unwrap();
    let copy = backup_dir(root, later).join("settings.ron");
    assert_eq!(
        fs::read(copy).unwrap(),
        fs::read(root.join("settings.ron")).unwrap()
    );
}

#[test]
fn only_the_newest_backups_are_kept_and_other_folders_survive() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join(BACKUPS_DIR).join("copie de Claire")).unwrap();
    // Settings written in a scratch directory (a save here would make a backup dated by the
    // real clock), keeping 3 backups.
    let scratch = tempfile::tempdir().unwrap();
    Store::open(scratch.path(), Access::ReadWrite)
        .unwrap()
        .save_settings(&Settings {
            backups_kept: 3,
            ..Settings::default()
        })
        .unwrap();
    fs::copy(
        scratch.path().join("settings.ron"),
        root.join("settings.ron"),
    )
    .unwrap();
    // Days go by: one save a day.
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let records = demo_beneficiaries(1, day(1), 3);
    for n in 1..=6 {
        store.save_beneficiary(&records[0], day(n)).unwrap();
    }
    assert_eq!(store.backups(), [day(6), day(5), day(4)]);
    assert!(root.join(BACKUPS_DIR).join("copie de Claire").is_dir());
}

#[test]
fn a_half_made_backup_never_counts_and_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let half = root.join(BACKUPS_DIR).join(".2026-11-22.tmp-123");
    fs::create_dir_all(half.join(BENEFICIARIES_DIR)).unwrap();
    fs::write(half.join(BENEFICIARIES_DIR).join("x.ron"), "(schema").unwrap();
    assert!(Store::read_only(root).backups().is_empty());
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    assert!(!half.exists(), "the next writer removes it");
    let record = demo_beneficiaries(1, day(22), 4).remove(0);
    store.save_beneficiary(&record, day(22)).unwrap();
    assert_eq!(store.backups(), [day(22)]);
    assert!(records_in(&backup_dir(root, day(22))).is_empty());
}

#[test]
fn a_failed_backup_does_not_stop_the_save_and_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // A file where the backups' folder should be: the backup cannot be made.
    fs::write(root.join(BACKUPS_DIR), "pas un dossier").unwrap();
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let record = demo_beneficiaries(1, day(22), 5).remove(0);
    store.save_beneficiary(&record, day(22)).unwrap();
    assert_eq!(records_in(root), [record]);
    let error = store.take_backup_error().unwrap();
    assert!(matches!(error, StoreError::Backup { .. }), "{error}");
    assert!(error.to_string().contains("sauvegarde du jour"), "{error}");
    assert!(store.take_backup_error().is_none(), "reported once");
}

#[test]
fn restore_brings_the_day_back_and_keeps_what_it_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let records = demo_beneficiaries(3, day(20), 6);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    store.save_beneficiary(&records[0], day(20)).unwrap();
    store.save_beneficiary(&records[1], day(21)).unwrap(); // backup of day 21: records[0]
    store.save_beneficiary(&records[2], day(21)).unwrap();
    let before = records_in(root);
    assert_eq!(before.len(), 3);

    let report = store.restore(day(21)).unwrap();
    assert_eq!(report.restored, day(21));
    let safety = report.safety_backup;
    let safety_name = safety.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        safety_name.contains("-avant-restauration-"),
        "{safety_name}"
    );
    assert_eq!(records_in(&safety), before, "what was replaced is kept");
    assert_eq!(records_in(root), [records[0].clone()]);
    // The safety copy is not a daily backup: never listed, never pruned.
    assert_eq!(store.backups(), [day(21), day(20)]);

    // The restored directory loads with no problem, and saves go on.
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    store.save_beneficiary(&records[1], day(21)).unwrap();
    drop(store);
    let mut reopened = Store::open(root, Access::ReadWrite).unwrap();
    let report = reopened.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.beneficiaries.len(), 2);
    assert!(
        names(root)
            .iter()
            .all(|n| !n.starts_with(".parcours-") || n == ".parcours.lock"),
        "{:?}",
        names(root)
    );
}

#[test]
fn restore_of_a_missing_date_names_the_available_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, day(20), 7).remove(0);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, day(20)).unwrap();
    store.save_beneficiary(&record, day(21)).unwrap();
    let error = store.restore(day(2)).unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(error, StoreError::NoSuchBackup { .. }),
        "{message}"
    );
    assert!(
        message.contains("Aucune sauvegarde du 2026-11-02"),
        "{message}"
    );
    assert!(message.contains("2026-11-21, 2026-11-20"), "{message}");
    assert_eq!(records_in(root), [record]);

    let mut reader = Store::read_only(root);
    assert!(matches!(reader.restore(day(21)), Err(StoreError::ReadOnly)));
}

// The binary.

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A data directory with backups of days 20 (empty) and 21 (one record), and two records now.
fn directory_with_backups() -> (tempfile::TempDir, Vec<Beneficiary>) {
    let dir = tempfile::tempdir().unwrap();
    let records = demo_beneficiaries(2, day(20), 8);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_beneficiary(&records[0], day(20)).unwrap();
    store.save_beneficiary(&records[1], day(21)).unwrap();
    (dir, records)
}

#[test]
fn cli_backups_lists_the_days_newest_first() {
    let (dir, _) = directory_with_backups();
    let output = run(dir.path(), &["backups"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "2026-11-21\n2026-11-20\n");
}

#[test]
fn cli_restore_without_an_answer_refuses_and_changes_nothing() {
    let (dir, records) = directory_with_backups();
    let before = records_in(dir.path());
    let backups_before = names(&dir.path().join(BACKUPS_DIR));
    // `output()` gives the child no stdin: no answer, as in CI.
    let output = run(dir.path(), &["restore", "--from", "2026-11-21"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    assert!(
        text(&output.stdout).contains("Remplacer les données actuelles par la sauvegarde du"),
        "{}",
        text(&output.stdout)
    );
    assert!(
        text(&output.stderr).contains("--yes"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(records_in(dir.path()), before);
    assert_eq!(before.len(), records.len());
    assert_eq!(names(&dir.path().join(BACKUPS_DIR)), backups_before);
}

#[test]
fn cli_restore_with_yes_restores_and_a_missing_date_is_an_error() {
    let (dir, records) = directory_with_backups();
    let output = run(dir.path(), &["restore", "--from", "2026-11-21", "--yes"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("avant-restauration"),
        "{}",
        text(&output.stdout)
    );
    assert_eq!(records_in(dir.path()), [records[0].clone()]);

    let output = run(dir.path(), &["restore", "--from", "2026-01-01", "--yes"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("Sauvegardes disponibles : 2026-11-21, 2026-11-20"),
        "{}",
        text(&output.stderr)
    );
}
