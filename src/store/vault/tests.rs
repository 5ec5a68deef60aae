use std::fs;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::model::demo::demo_beneficiaries;
use crate::model::record::{Beneficiary, Settings};
use crate::store::{Access, BACKUPS_DIR, BENEFICIARIES_DIR, CONFLICTS_DIR, SETTINGS_FILE};

const PASSPHRASE: &str = "le chat dort sur le radiateur";

/// Costs small enough for tests (the real ones take half a second each).
const CHEAP: Costs = Costs {
    passphrase: (256, 1, 1),
    recovery: (256, 1, 1),
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

fn no_progress(_: usize, _: usize) {}

/// A clear directory with `n` records, settings and a day's backup.
fn clear_directory(root: &Path, n: usize) -> Vec<Beneficiary> {
    let records = demo_beneficiaries(n, today(), 7);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    for record in &records {
        store.save_beneficiary(record, today()).unwrap();
    }
    // A second day's save makes a backup of the first day's files.
    store
        .save_beneficiary(&records[0], today().succ_opt().unwrap())
        .unwrap();
    // The settings last: their save reads the system's date, and the day's backup it may
    // make holds the records whatever that date is (made first, on a later day than the
    // records', it held none, and the newest backup was empty).
    store
        .save_settings(&Settings {
            structure_name: "EDS Ivry".into(),
            ..Settings::default()
        })
        .unwrap();
    records
}

fn every_file(root: &Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

fn encrypted(root: &Path, n: usize) -> (Vec<Beneficiary>, RecoveryKey) {
    let records = clear_directory(root, n);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let recovery = store.encrypt(PASSPHRASE, CHEAP, &no_progress).unwrap();
    (records, recovery)
}

fn load_with(root: &Path, passphrase: &str) -> crate::store::LoadReport {
    let key = unlock(root, passphrase).unwrap();
    Store::open_with_key(root, Access::ReadOnly, Some(key))
        .unwrap()
        .load()
}

fn sorted(mut records: Vec<Beneficiary>) -> Vec<Beneficiary> {
    records.sort_by_key(|b| b.id);
    records
}

#[test]
fn an_encrypted_directory_shows_no_name_in_any_file_and_loads_back_whole_with_its_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let (records, _) = encrypted(dir.path(), 6);
    assert_eq!(state(dir.path()), VaultState::Encrypted);
    // No file of the directory (backups included) holds a name or the structure in clear.
    let files = every_file(dir.path());
    assert!(
        files
            .iter()
            .any(|f| f.starts_with(dir.path().join(BACKUPS_DIR)))
    );
    for file in &files {
        let bytes = fs::read(file).unwrap();
        for needle in records
            .iter()
            .map(|r| r.identity.last_name.as_str())
            .chain(["EDS Ivry"])
        {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{needle} in clear in {}",
                file.display()
            );
        }
    }
    let report = load_with(dir.path(), PASSPHRASE);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(sorted(report.beneficiaries), sorted(records));
    // Without the key, the directory does not open.
    let refused = Store::open(dir.path(), Access::ReadOnly).unwrap_err();
    assert!(matches!(refused, StoreError::Encrypted), "{refused}");
}

#[test]
fn a_wrong_passphrase_is_refused_and_the_recovery_key_sets_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let (records, recovery) = encrypted(dir.path(), 2);
    let wrong = unlock(dir.path(), "le chien dort sur le radiateur").unwrap_err();
    assert!(
        matches!(wrong, StoreError::Crypto(CryptoError::WrongSecret)),
        "{wrong}"
    );
    // Typed as a person reads it from paper: lower case, spaces instead of dashes.
    let typed = recovery.to_text().to_lowercase().replace('-', " ");
    let refused = recover(dir.path(), &typed, "court", CHEAP).unwrap_err();
    assert!(refused.to_string().contains("au moins 12"), "{refused}");
    recover(dir.path(), &typed, "une nouvelle phrase de passe", CHEAP).unwrap();
    assert!(unlock(dir.path(), PASSPHRASE).is_err());
    let report = load_with(dir.path(), "une nouvelle phrase de passe");
    assert_eq!(sorted(report.beneficiaries), sorted(records));
}

#[test]
fn changing_the_passphrase_rewrites_the_key_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let (records, recovery) = encrypted(dir.path(), 3);
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = every_file(dir.path())
        .into_iter()
        .filter(|f| !f.ends_with(KEY_FILE) && !f.starts_with(dir.path().join("journal")))
        .map(|f| (f.clone(), fs::read(&f).unwrap()))
        .collect();
    let wrong = change_passphrase(
        dir.path(),
        "pas la bonne phrase",
        "nouvelle phrase longue",
        CHEAP,
    );
    assert!(wrong.is_err());
    change_passphrase(dir.path(), PASSPHRASE, "nouvelle phrase longue", CHEAP).unwrap();
    for (file, bytes) in before {
        assert_eq!(
            fs::read(&file).unwrap(),
            bytes,
            "{} rewritten",
            file.display()
        );
    }
    assert!(unlock(dir.path(), PASSPHRASE).is_err());
    let report = load_with(dir.path(), "nouvelle phrase longue");
    assert_eq!(sorted(report.beneficiaries), sorted(records));
    // The recovery key still opens it.
    let key = KeyFile::unlock_with_recovery(&read_key_file(dir.path()).unwrap().0, &recovery);
    assert!(key.is_ok());
}

#[test]
fn tampered_truncated_and_clear_files_are_reported_with_their_path_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (records, _) = encrypted(dir.path(), 4);
    let path_of = |r: &Beneficiary| {
        dir.path()
            .join(BENEFICIARIES_DIR)
            .join(format!("{}.ron", r.id))
    };
    // Tampered: one byte of the ciphertext changed.
    let tampered = path_of(&records[0]);
    let mut bytes = fs::read(&tampered).unwrap();
    let last = bytes.len() - 20;
    bytes[last] ^= 1;
    fs::write(&tampered, &bytes).unwrap();
    // Truncated.
    let truncated = path_of(&records[1]);
    let cut = fs::read(&truncated).unwrap()[..30].to_vec();
    fs::write(&truncated, &cut).unwrap();
    // A clear record dropped in by hand.
    let intruder = dir.path().join(BENEFICIARIES_DIR).join("intrus.ron");
    let clear = crate::store::envelope::encode(&demo_beneficiaries(1, today(), 99)[0]).unwrap();
    fs::write(&intruder, &clear).unwrap();

    let key = unlock(dir.path(), PASSPHRASE).unwrap();
    let mut store = Store::open_with_key(dir.path(), Access::ReadWrite, Some(key)).unwrap();
    let report = store.load();
    let problem = |path: &Path| {
        report.problems.iter().find(|p| p.path == path).map_or_else(
            || panic!("no problem for {}", path.display()),
            |p| p.message.clone(),
        )
    };
    assert!(problem(&tampered).contains("authentification refusée"));
    assert!(problem(&truncated).contains("tronqué"));
    assert!(problem(&intruder).contains("en clair dans un dossier chiffré"));
    assert_eq!(report.beneficiaries.len(), 2);
    // None of them is overwritten by a save.
    let refused = store.save_beneficiary(&records[0], today()).unwrap_err();
    assert!(
        matches!(refused, StoreError::WouldOverwriteUnreadable(_)),
        "{refused}"
    );
    assert_eq!(fs::read(&tampered).unwrap(), bytes);
    assert_eq!(fs::read(&truncated).unwrap(), cut);
    assert_eq!(fs::read_to_string(&intruder).unwrap(), clear);
}

#[test]
fn an_interrupted_conversion_reads_both_kinds_and_running_it_again_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let records = clear_directory(dir.path(), 5);
    // What a kill half-way leaves: the pending key file and some files sealed.
    let (file, key, _) = KeyFile::create(
        PASSPHRASE,
        KdfParams::with_cost(256, 1, 1).unwrap(),
        KdfParams::with_cost(256, 1, 1).unwrap(),
    )
    .unwrap();
    write_key_file(&dir.path().join(PENDING_KEY_FILE), &file).unwrap();
    for record in &records[..2] {
        let path = dir
            .path()
            .join(BENEFICIARIES_DIR)
            .join(format!("{}.ron", record.id));
        let sealed = crypto::seal(&key, &fs::read(&path).unwrap()).unwrap();
        fs::write(&path, sealed).unwrap();
    }
    assert_eq!(state(dir.path()), VaultState::Interrupted);
    let report = load_with(dir.path(), PASSPHRASE);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(sorted(report.beneficiaries), sorted(records.clone()));

    let key = unlock(dir.path(), PASSPHRASE).unwrap();
    let mut store = Store::open_with_key(dir.path(), Access::ReadWrite, Some(key)).unwrap();
    let recovery = store.encrypt(PASSPHRASE, CHEAP, &no_progress).unwrap();
    drop(store);
    assert_eq!(state(dir.path()), VaultState::Encrypted);
    assert!(!dir.path().join(PENDING_KEY_FILE).exists());
    let (file, _) = read_key_file(dir.path()).unwrap();
    assert!(file.unlock_with_recovery(&recovery).is_ok());
    let report = load_with(dir.path(), PASSPHRASE);
    assert_eq!(sorted(report.beneficiaries), sorted(records));
}

#[test]
fn a_clear_copy_holds_every_record_in_readable_ron() {
    let dir = tempfile::tempdir().unwrap();
    let (records, _) = encrypted(dir.path(), 3);
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("copie");
    let key = unlock(dir.path(), PASSPHRASE).unwrap();
    let store = Store::open_with_key(dir.path(), Access::ReadOnly, Some(key)).unwrap();
    let report = store.decrypt_copy(&target, &no_progress).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert!(!target.join(KEY_FILE).exists());
    let settings = fs::read_to_string(target.join(SETTINGS_FILE)).unwrap();
    assert!(settings.contains("EDS Ivry"), "{settings}");
    let mut clear = Store::open(&target, Access::ReadOnly).unwrap();
    assert_eq!(sorted(clear.load().beneficiaries), sorted(records));
    // A non-empty folder is refused.
    let again = store.decrypt_copy(&target, &no_progress).unwrap_err();
    assert!(again.to_string().contains("n'est pas vide"), "{again}");
}

#[test]
fn a_store_opened_before_the_encryption_writes_nothing_in_clear_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let records = clear_directory(dir.path(), 2);
    let mut other = Store::open(dir.path(), Access::ReadWrite).unwrap();
    other.load();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.encrypt(PASSPHRASE, CHEAP, &no_progress).unwrap();
    store.load();
    let refused = other.save_beneficiary(&records[1], today()).unwrap_err();
    assert!(
        refused.to_string().contains("chiffré depuis son ouverture"),
        "{refused}"
    );
    // The encrypting store itself goes on, sealed.
    store.save_beneficiary(&records[1], today()).unwrap();
    let path = store.beneficiary_path(records[1].id);
    assert!(crypto::is_sealed(&fs::read(path).unwrap()));
}

#[test]
fn a_restore_never_takes_the_key_file_away_and_backups_stay_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let (records, _) = encrypted(dir.path(), 2);
    let key = unlock(dir.path(), PASSPHRASE).unwrap();
    let mut store = Store::open_with_key(dir.path(), Access::ReadWrite, Some(key)).unwrap();
    store.load();
    // The backup of the second day was made before the encryption (then sealed by it).
    let first = store.backups().into_iter().max().unwrap();
    store.restore(first).unwrap();
    assert_eq!(state(dir.path()), VaultState::Encrypted);
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.beneficiaries.len(), records.len());
    for file in every_file(&dir.path().join(BACKUPS_DIR)) {
        // The key file's copies are the backups of the key file itself (wrapped keys only).
        if file.extension().is_some_and(|e| e == "ron") && !file.ends_with(KEY_FILE) {
            assert!(
                crypto::is_sealed(&fs::read(&file).unwrap()),
                "{}",
                file.display()
            );
        }
    }
}

#[test]
fn conflict_copies_set_aside_are_sealed_by_the_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let records = clear_directory(dir.path(), 1);
    let aside = dir.path().join(CONFLICTS_DIR);
    fs::create_dir_all(&aside).unwrap();
    let copy = aside.join("copie.sync-conflict-20261127-101010-ABC.ron.resolu");
    fs::write(&copy, crate::store::envelope::encode(&records[0]).unwrap()).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.encrypt(PASSPHRASE, CHEAP, &no_progress).unwrap();
    assert!(crypto::is_sealed(&fs::read(&copy).unwrap()));
}

#[test]
fn five_wrong_secrets_slow_down_the_next_attempts() {
    let mut attempts = Attempts::default();
    for second in 0..4 {
        attempts.failed(second);
        assert_eq!(attempts.wait(second), None);
    }
    attempts.failed(10);
    assert_eq!(attempts.wait(10), Some(Duration::from_secs(2)));
    assert_eq!(attempts.wait(12), None);
    attempts.failed(12);
    assert_eq!(attempts.wait(12), Some(Duration::from_secs(4)));
    for _ in 0..20 {
        attempts.failed(100);
    }
    assert_eq!(attempts.wait(100), Some(Duration::from_mins(5)));
    attempts.succeeded();
    assert_eq!(attempts.wait(100), None);
    assert_eq!(attempts.failures(), 0);
}

#[test]
fn a_sealed_file_in_a_clear_directory_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let records = clear_directory(dir.path(), 2);
    let key = DataKey::generate().unwrap();
    let path = dir
        .path()
        .join(BENEFICIARIES_DIR)
        .join(format!("{}.ron", records[0].id));
    let sealed = crypto::seal(&key, &fs::read(&path).unwrap()).unwrap();
    fs::write(&path, &sealed).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let report = store.load();
    let problem = report.problems.iter().find(|p| p.path == path).unwrap();
    assert!(
        problem
            .message
            .contains("fichier chiffré dans un dossier qui n'est pas chiffré"),
        "{}",
        problem.message
    );
    assert!(store.save_beneficiary(&records[0], today()).is_err());
    assert_eq!(fs::read(&path).unwrap(), sealed);
}

#[test]
fn a_synced_conflict_copy_in_an_encrypted_directory_is_opened_merged_and_set_aside_sealed() {
    use crate::store::journal::Author;
    let dir = tempfile::tempdir().unwrap();
    let (records, _) = encrypted(dir.path(), 1);
    let open_as = |installation: &str| {
        let key = unlock(dir.path(), PASSPHRASE).unwrap();
        let mut store = Store::open_with_key(dir.path(), Access::ReadWrite, Some(key)).unwrap();
        store.set_author(Author {
            name: installation.to_owned(),
            installation: installation.to_owned(),
        });
        store.load();
        store
    };
    let path = dir
        .path()
        .join(BENEFICIARIES_DIR)
        .join(format!("{}.ron", records[0].id));
    let base = fs::read(&path).unwrap();
    // Laptop B changes the notes (its copy arrives as Syncthing's conflict copy)…
    let mut theirs = records[0].clone();
    theirs.private_notes = "Vu au forum emploi.".into();
    open_as("B").save_beneficiary(&theirs, today()).unwrap();
    let from_b = fs::read(&path).unwrap();
    fs::write(&path, &base).unwrap();
    // …while laptop A changed the phone.
    let mut ours = records[0].clone();
    ours.contact.phone = "06 11 22 33 44".into();
    open_as("A").save_beneficiary(&ours, today()).unwrap();
    let copy = path.with_file_name(format!(
        "{}.sync-conflict-20261127-101010-BBBBBBB.ron",
        records[0].id
    ));
    fs::write(&copy, &from_b).unwrap();

    let report = open_as("A").load();
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts.len());
    let merged = &report.beneficiaries[0];
    assert_eq!(merged.private_notes, "Vu au forum emploi.");
    assert_eq!(merged.contact.phone, "06 11 22 33 44");
    assert!(!copy.exists());
    let aside: Vec<_> = every_file(&dir.path().join(CONFLICTS_DIR));
    assert_eq!(aside.len(), 1);
    assert!(crypto::is_sealed(&fs::read(&aside[0]).unwrap()));
    assert!(crypto::is_sealed(&fs::read(&path).unwrap()));
}
