//! Encrypted data directories through the binary (issue #15): `parcours encrypt`, every command
//! asking for the passphrase (from `PARCOURS_PASSPHRASE_FILE`, never an argument), `decrypt
//! --out`, `passphrase`, and a conversion killed 200 times losing nothing.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use parcours::model::demo::demo_beneficiaries;
use parcours::store::crypto::{self, KdfParams, KeyFile};
use parcours::store::vault::{self, PENDING_KEY_FILE, VaultState};
use parcours::store::{Access, Store};

use crate::kill_support::{Rng, copy_tree};

const PASSPHRASE: &str = "trois petits chats dans la neige";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

/// `parcours --data-dir DIR ARGS…`, with the passphrase file when given, stdin not a terminal.
fn run(dir: &Path, passphrase_file: Option<&Path>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parcours"));
    command
        .env_remove("PARCOURS_DATA_DIR")
        .env_remove("PARCOURS_PASSPHRASE_FILE")
        .env("PARCOURS_TODAY", "2026-11-27")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null());
    if let Some(file) = passphrase_file {
        command.env("PARCOURS_PASSPHRASE_FILE", file);
    }
    command.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn every_file(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            every_file(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A data directory of `n` demonstration records written on two days (so that it holds a
/// backup), and a file holding `passphrase`.
fn directory(n: usize, passphrase: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("donnees");
    let records = demo_beneficiaries(n, today(), 5);
    let mut store = Store::open(&root, Access::ReadWrite).unwrap();
    for record in &records {
        store.save_beneficiary(record, today()).unwrap();
    }
    store
        .save_beneficiary(&records[0], today().succ_opt().unwrap())
        .unwrap();
    let file = dir.path().join("phrase.txt");
    fs::write(&file, format!("{passphrase}\n")).unwrap();
    (dir, root)
}

#[test]
fn encrypt_hides_every_name_and_every_command_then_needs_the_passphrase() {
    let (dir, root) = directory(8, PASSPHRASE);
    let file = dir.path().join("phrase.txt");
    let names: Vec<String> = Store::open(&root, Access::ReadOnly)
        .unwrap()
        .load()
        .beneficiaries
        .iter()
        .map(|b| b.identity.last_name.clone())
        .collect();

    let output = run(&root, Some(&file), &["encrypt"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains("Clé de secours"), "{said}");
    assert!(said.contains("perdues pour toujours"), "{said}");
    assert_eq!(vault::state(&root), VaultState::Encrypted);

    // `grep` for every name in every file of the directory finds nothing.
    let mut files = Vec::new();
    every_file(&root, &mut files);
    for file in &files {
        let bytes = fs::read(file).unwrap();
        for name in &names {
            assert!(
                !bytes.windows(name.len()).any(|w| w == name.as_bytes()),
                "« {name} » in clear in {}",
                file.display()
            );
        }
    }

    // With the passphrase file, `list` shows the names.
    let listed = run(&root, Some(&file), &["list"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    for name in &names {
        assert!(text(&listed.stdout).contains(name.as_str()), "{name}");
    }
    // Without it, and without a terminal, a clear message and exit code 2.
    let refused = run(&root, None, &["list"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("PARCOURS_PASSPHRASE_FILE"),
        "{}",
        text(&refused.stderr)
    );
    // A wrong passphrase is refused.
    let wrong = dir.path().join("mauvaise.txt");
    fs::write(&wrong, "quatre petits chats dans la neige").unwrap();
    let refused = run(&root, Some(&wrong), &["list"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("phrase de passe ou clé de secours incorrecte"),
        "{}",
        text(&refused.stderr)
    );
    // Encrypting twice is refused, without a change.
    let again = run(&root, Some(&file), &["encrypt"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("déjà chiffré"));
}

#[test]
fn decrypt_writes_a_readable_copy_and_passphrase_changes_only_the_key_file() {
    let (dir, root) = directory(3, PASSPHRASE);
    let file = dir.path().join("phrase.txt");
    assert!(run(&root, Some(&file), &["encrypt"]).status.success());
    let names: Vec<String> = {
        let key = vault::unlock(&root, PASSPHRASE).unwrap();
        let mut store = Store::open_with_key(&root, Access::ReadOnly, Some(key)).unwrap();
        store
            .load()
            .beneficiaries
            .iter()
            .map(|b| b.identity.last_name.clone())
            .collect()
    };

    let copy = dir.path().join("copie");
    let output = run(
        &root,
        Some(&file),
        &["decrypt", "--out", copy.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut copied = String::new();
    let mut files = Vec::new();
    every_file(&copy.join("beneficiaries"), &mut files);
    for path in files {
        copied.push_str(&fs::read_to_string(path).unwrap());
    }
    for name in &names {
        assert!(
            copied.contains(name.as_str()),
            "{name} not in the clear copy"
        );
    }
    assert!(!copy.join(vault::KEY_FILE).exists());

    // A new passphrase: the old one no longer opens the directory.
    let new_file = dir.path().join("nouvelle.txt");
    fs::write(&new_file, "une autre phrase bien longue\n").unwrap();
    let changed = Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_PASSPHRASE_FILE", &file)
        .env("PARCOURS_NEW_PASSPHRASE_FILE", &new_file)
        .arg("--data-dir")
        .arg(&root)
        .arg("passphrase")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(changed.status.success(), "{}", text(&changed.stderr));
    assert!(!run(&root, Some(&file), &["list"]).status.success());
    assert!(run(&root, Some(&new_file), &["list"]).status.success());
}

#[test]
fn the_recovery_sheet_prints_the_key_that_recover_accepts_for_a_new_passphrase() {
    let (dir, root) = directory(2, PASSPHRASE);
    let file = dir.path().join("phrase.txt");
    let sheet = dir.path().join("cle.pdf");
    let output = run(
        &root,
        Some(&file),
        &["encrypt", "--recovery-pdf", sheet.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    // The key as the terminal showed it: 8 groups of 4.
    let said = text(&output.stdout);
    let key = said
        .lines()
        .map(str::trim)
        .find(|line| line.len() == 39 && line.split('-').count() == 8)
        .unwrap_or_else(|| panic!("no key in {said}"))
        .to_owned();
    // The printed sheet shows the same key (pdftotext, an independent reader).
    let printed = Command::new("pdftotext")
        .arg(&sheet)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    let printed: String = text(&printed.stdout).split_whitespace().collect();
    for group in key.split('-') {
        assert!(printed.contains(group), "{group} not on the sheet");
    }
    // The passphrase forgotten: the key typed from paper sets a new one.
    let key_file = dir.path().join("cle.txt");
    fs::write(&key_file, key.to_lowercase().replace('-', " ")).unwrap();
    let new_file = dir.path().join("nouvelle.txt");
    fs::write(&new_file, "la phrase d'après l'oubli\n").unwrap();
    let recovered = Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .env_remove("PARCOURS_PASSPHRASE_FILE")
        .env("PARCOURS_RECOVERY_KEY_FILE", &key_file)
        .env("PARCOURS_NEW_PASSPHRASE_FILE", &new_file)
        .arg("--data-dir")
        .arg(&root)
        .arg("recover")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(recovered.status.success(), "{}", text(&recovered.stderr));
    assert!(!run(&root, Some(&file), &["list"]).status.success());
    let listed = run(&root, Some(&new_file), &["list"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert_eq!(text(&listed.stdout).lines().count(), 2);
}

const KILLS: usize = 200;

/// Every file under `root` but the coordination folder, the journal (and its backups) and the
/// key files, with its bytes.
fn data_files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    every_file(root, &mut files);
    let mut out: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(root).unwrap().to_owned();
            let first = relative.components().next()?.as_os_str().to_owned();
            let name = relative.file_name()?.to_string_lossy().into_owned();
            // The journal (ids only, never a person: not sealed), and its copies in backups.
            let skipped = first == ".parcours"
                || relative.components().any(|c| c.as_os_str() == "journal")
                || name.starts_with('.')
                || name.starts_with("chiffrement");
            (!skipped).then(|| (relative, fs::read(&path).unwrap()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_conversion_killed_at_any_moment_leaves_every_file_readable_and_finishes_when_run_again() {
    let (dir, template) = directory(12, PASSPHRASE);
    let file = dir.path().join("phrase.txt");
    let original = data_files(&template);
    // What `encrypt` writes first, the pending key file, made here with small costs (they are
    // stored in it) so that 200 runs stay quick; the runs resume from it.
    let (key_file, key, _) = KeyFile::create(
        PASSPHRASE,
        KdfParams::with_cost(256, 1, 1).unwrap(),
        KdfParams::with_cost(256, 1, 1).unwrap(),
    )
    .unwrap();
    let pending_text =
        ron::ser::to_string_pretty(&key_file, ron::ser::PrettyConfig::default()).unwrap();

    let mut rng = Rng(0x4348_4946_4652_4521); // "CHIFFRE!"
    let root = dir.path().join("en-cours");
    let (mut halfway, mut finished, mut window_micros) = (0, 0, 40_000_u64);
    let mut sealed_before = 0;
    for kill in 1..=KILLS {
        if !root.exists() {
            copy_tree(&template, &root);
            fs::write(root.join(PENDING_KEY_FILE), &pending_text).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_parcours"))
            .env_remove("PARCOURS_DATA_DIR")
            .env("PARCOURS_PASSPHRASE_FILE", &file)
            .arg("--data-dir")
            .arg(&root)
            .arg("encrypt")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(window_micros)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        let killed = status.signal() == Some(9);

        // Every file is there, either as it was or sealed with the directory's key and
        // opening to exactly what it was.
        let now = data_files(&root);
        assert_eq!(
            now.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            original.iter().map(|(p, _)| p).collect::<Vec<_>>(),
            "after kill {kill}: files missing or added"
        );
        let mut sealed = 0;
        for ((path, bytes), (_, before)) in now.iter().zip(&original) {
            if crypto::is_sealed(bytes) {
                sealed += 1;
                let opened = crypto::open(&key, bytes)
                    .unwrap_or_else(|e| panic!("after kill {kill}: {}: {e}", path.display()));
                assert_eq!(&*opened, before, "after kill {kill}: {}", path.display());
            } else {
                assert_eq!(bytes, before, "after kill {kill}: {}", path.display());
            }
        }
        // And the store reads every record, with the passphrase.
        let unlocked = vault::unlock(&root, PASSPHRASE).unwrap();
        let report = Store::open_with_key(&root, Access::ReadOnly, Some(unlocked))
            .unwrap()
            .load();
        assert!(
            report.problems.is_empty(),
            "after kill {kill}: {:?}",
            report.problems
        );
        assert_eq!(report.beneficiaries.len(), 12, "after kill {kill}");

        let done = vault::state(&root) == VaultState::Encrypted;
        // Aim the kills inside the conversion: later when a run was killed before sealing
        // anything, earlier when it finished.
        if done {
            let clear: Vec<_> = now
                .iter()
                .filter(|(_, bytes)| !crypto::is_sealed(bytes))
                .map(|(path, _)| path)
                .collect();
            assert!(
                clear.is_empty(),
                "after kill {kill}: finished with {clear:?} in clear"
            );
            finished += 1;
            fs::remove_dir_all(&root).unwrap();
            window_micros -= window_micros / 5;
            sealed_before = 0;
        } else if killed && sealed > sealed_before {
            halfway += 1;
            sealed_before = sealed;
        } else {
            window_micros += window_micros / 4;
        }
    }
    eprintln!("{KILLS} runs: {halfway} killed half-way, {finished} finished");
    assert!(
        halfway >= 20,
        "only {halfway} of {KILLS} kills landed inside the conversion"
    );
    assert!(
        finished >= 5,
        "only {finished} of {KILLS} runs finished the conversion"
    );
}
