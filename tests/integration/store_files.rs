//! The store against a real data directory on disk: good records load whatever else the folder
//! holds; every file that is not a readable record (truncated, wrong type, invalid UTF-8, newer
//! format, duplicate, folder, FIFO, link to `/dev/zero`, link loop, oversized) is reported with
//! its path (and `line:column` where the text is at fault), loading never hangs, and such a file
//! is never modified nor overwritten; saving leaves no temporary file behind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use chrono::NaiveDate;
use parcours::model::demo::demo_beneficiaries;
use parcours::model::record::{Beneficiary, BeneficiaryId};
use parcours::store::{
    Access, BENEFICIARIES_DIR, LoadReport, Problem, SCHEMA_VERSION, Store, StoreError,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn records_dir(root: &Path) -> PathBuf {
    root.join(BENEFICIARIES_DIR)
}

/// The text the store writes for `record`, obtained by saving it in a scratch data directory.
fn record_text(record: &Beneficiary) -> String {
    let scratch = tempfile::tempdir().unwrap();
    let mut store = Store::open(scratch.path(), Access::ReadWrite).unwrap();
    let path = store.save_beneficiary(record, today()).unwrap();
    fs::read_to_string(path).unwrap()
}

/// The canonical file of a record.
fn canonical_path(root: &Path, id: BeneficiaryId) -> PathBuf {
    records_dir(root).join(format!("{id}.ron"))
}

/// 1-based (line, column) of byte `offset` in `bytes`, columns counted in characters.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line = before.split(|&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Every entry name of a folder, sorted.
fn names_in(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn sorted_by_id(mut records: Vec<Beneficiary>) -> Vec<Beneficiary> {
    records.sort_by_key(|b| b.id);
    records
}

fn problem_for<'a>(problems: &'a [Problem], path: &Path) -> &'a Problem {
    problems
        .iter()
        .find(|p| p.path == path)
        .unwrap_or_else(|| panic!("no problem names {}: {problems:#?}", path.display()))
}

/// Cuts `text` at about its middle, on a character boundary.
fn first_half(text: &str) -> &str {
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

#[test]
fn corrupt_files_are_reported_at_their_line_and_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let records = demo_beneficiaries(5, today(), 11);
    let (good, others) = records.split_at(3);

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let good_paths: Vec<PathBuf> = good
        .iter()
        .map(|b| store.save_beneficiary(b, today()).unwrap())
        .collect();

    // 1. A good record's file cut in half (a copy interrupted by a full disk, say).
    let good_text = fs::read_to_string(&good_paths[0]).unwrap();
    // Cut inside the text, not after a line end, so that the last line holds something.
    let truncated = first_half(&good_text).trim_end().as_bytes().to_vec();
    let truncated_path = records_dir(root).join("copie-interrompue.ron");
    fs::write(&truncated_path, &truncated).unwrap();
    // The parser gives up on the last line, where the text stops.
    let truncated_line = position_of(&truncated, truncated.len()).0;

    // 2. A field of the wrong type, hand-edited.
    let text = record_text(&others[0]);
    let level_start = text.find("french_level: ").unwrap() + "french_level: ".len();
    let level_end = level_start + text[level_start..].find(',').unwrap();
    let wrong_type = format!("{}12{}", &text[..level_start], &text[level_end..]).into_bytes();
    let wrong_type_path = canonical_path(root, others[0].id);
    fs::write(&wrong_type_path, &wrong_type).unwrap();
    let wrong_type_position = position_of(&wrong_type, level_start);

    // 3. A byte that is not UTF-8, in the middle of the last name.
    let text = record_text(&others[1]);
    let name_start = text.find("last_name: \"").unwrap() + "last_name: \"".len() + 1;
    let mut invalid_utf8 = text.as_bytes()[..name_start].to_vec();
    invalid_utf8.push(0xFF);
    invalid_utf8.extend_from_slice(&text.as_bytes()[name_start..]);
    let invalid_utf8_path = canonical_path(root, others[1].id);
    fs::write(&invalid_utf8_path, &invalid_utf8).unwrap();
    let invalid_utf8_position = position_of(&invalid_utf8, name_start);

    let corrupt: [(&PathBuf, &[u8]); 3] = [
        (&truncated_path, &truncated),
        (&wrong_type_path, &wrong_type),
        (&invalid_utf8_path, &invalid_utf8),
    ];

    let report = store.load();
    assert_eq!(
        sorted_by_id(report.beneficiaries),
        sorted_by_id(good.to_vec())
    );
    assert_eq!(report.problems.len(), 3, "{:#?}", report.problems);

    let problem = problem_for(&report.problems, &truncated_path);
    assert_eq!(
        problem.location.map(|l| l.0),
        Some(truncated_line),
        "{problem}"
    );
    let problem = problem_for(&report.problems, &wrong_type_path);
    assert_eq!(problem.location, Some(wrong_type_position), "{problem}");
    let problem = problem_for(&report.problems, &invalid_utf8_path);
    assert_eq!(problem.location, Some(invalid_utf8_position), "{problem}");

    for problem in &report.problems {
        let (line, column) = problem.location.unwrap();
        assert!(!problem.message.trim().is_empty(), "{problem:?}");
        assert_eq!(
            problem.to_string(),
            format!(
                "{}:{line}:{column}: {}",
                problem.path.display(),
                problem.message
            )
        );
    }
    for (path, bytes) in corrupt {
        assert_eq!(
            fs::read(path).unwrap(),
            bytes,
            "{} changed on load",
            path.display()
        );
    }

    for b in good {
        let mut changed = b.clone();
        changed.referent = format!("{} (remplaçante)", b.referent);
        let written = store.save_beneficiary(&changed, today()).unwrap();
        assert!(good_paths.contains(&written), "{}", written.display());
    }
    for (path, bytes) in corrupt {
        assert_eq!(
            fs::read(path).unwrap(),
            bytes,
            "{} changed on save",
            path.display()
        );
    }
    assert_eq!(names_in(&records_dir(root)).len(), 6);
}

#[test]
fn a_record_loaded_from_another_name_is_saved_there_not_over_the_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, today(), 21).remove(0);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let canonical = store.save_beneficiary(&record, today()).unwrap();
    assert_eq!(canonical, canonical_path(root, record.id));

    // The record now lives in `copy.ron`; its canonical name holds a damaged copy.
    let text = fs::read_to_string(&canonical).unwrap();
    let copy = records_dir(root).join("copy.ron");
    fs::rename(&canonical, &copy).unwrap();
    let damaged = first_half(&text).as_bytes().to_vec();
    fs::write(&canonical, &damaged).unwrap();

    let report = store.load();
    assert_eq!(report.beneficiaries, std::slice::from_ref(&record));
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    assert_eq!(report.problems[0].path, canonical);

    let mut changed = record.clone();
    changed.private_notes = "Rendez-vous déplacé au jeudi.".to_owned();
    let written = store.save_beneficiary(&changed, today()).unwrap();
    assert_eq!(written, copy);
    assert_eq!(fs::read(&canonical).unwrap(), damaged);

    let reloaded = store.load();
    assert_eq!(reloaded.beneficiaries, [changed]);
    assert_eq!(
        names_in(&records_dir(root)),
        BTreeSet::from(["copy.ron".to_owned(), format!("{}.ron", record.id)])
    );
}

#[test]
fn saving_over_a_file_that_could_not_be_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, today(), 22).remove(0);
    // The record's own file is damaged: it does not load, but the counsellor still has the
    // record (from a backup, another laptop…) and tries to save it.
    let canonical = canonical_path(root, record.id);
    let damaged = first_half(&record_text(&record)).as_bytes().to_vec();
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    fs::write(&canonical, &damaged).unwrap();

    let report = store.load();
    assert!(report.beneficiaries.is_empty());
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);

    let error = store.save_beneficiary(&record, today()).unwrap_err();
    match &error {
        StoreError::WouldOverwriteUnreadable(path) => assert_eq!(path, &canonical),
        other => panic!("expected WouldOverwriteUnreadable, got {other:?}"),
    }
    assert!(
        error.to_string().contains(&canonical.display().to_string()),
        "{error}"
    );
    assert_eq!(fs::read(&canonical).unwrap(), damaged);
    assert_eq!(
        names_in(&records_dir(root)),
        BTreeSet::from([format!("{}.ron", record.id)])
    );

    // Once the damaged file is moved away and the folder reloaded, the record can be saved.
    let moved = root.join("abîmé.ron.bak");
    fs::rename(&canonical, &moved).unwrap();
    assert!(store.load().problems.is_empty());
    assert_eq!(store.save_beneficiary(&record, today()).unwrap(), canonical);
    assert_eq!(fs::read(&moved).unwrap(), damaged);
    assert_eq!(store.load().beneficiaries, [record]);
}

#[test]
fn repeated_saves_leave_only_one_ron_file_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut records = demo_beneficiaries(5, today(), 31);

    // A temporary file left by a writer that was killed mid-save.
    fs::create_dir_all(records_dir(root)).unwrap();
    let stale = records_dir(root).join(format!(".{}.ron.4242-0.tmp", records[0].id));
    fs::write(&stale, b"(\n    schema_version: 1,\n    rec").unwrap();

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    assert!(!stale.exists(), "stale temporary file kept at open");
    let mut saves = 0;
    for round in 0..10 {
        for b in &mut records {
            b.private_notes = format!("Entretien n° {round}");
            b.referent = format!("Conseiller {}", round % 3);
            store.save_beneficiary(b, today()).unwrap();
            saves += 1;
        }
    }
    assert_eq!(saves, 50);

    let expected: BTreeSet<String> = records.iter().map(|b| format!("{}.ron", b.id)).collect();
    assert_eq!(names_in(&records_dir(root)), expected);
    drop(store);

    let report = Store::open(root, Access::ReadOnly).unwrap().load();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(sorted_by_id(report.beneficiaries), sorted_by_id(records));
}

/// Runs `load` on another thread; fails if it does not finish within 10 s.
fn load_within_10_seconds(mut store: Store) -> LoadReport {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(store.load());
    });
    receive
        .recv_timeout(Duration::from_secs(10))
        .expect("loading did not finish within 10 s")
}

#[cfg(unix)]
#[test]
fn things_that_are_not_records_are_reported_without_hanging_the_load() {
    use std::os::unix::fs::symlink;
    use std::process::Command;

    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let records = demo_beneficiaries(2, today(), 41);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    for b in &records {
        store.save_beneficiary(b, today()).unwrap();
    }
    let folder = records_dir(root);

    fs::write(folder.join("notes.txt"), "Appeler la CAF lundi.\n").unwrap();
    let mut oddities = vec![folder.join("folder.ron")];
    fs::create_dir(&oddities[0]).unwrap();
    let pipe = folder.join("pipe.ron");
    match Command::new("mkfifo").arg(&pipe).status() {
        Ok(status) if status.success() => oddities.push(pipe),
        Ok(status) => eprintln!("mkfifo failed ({status}): FIFO case skipped"),
        Err(error) => eprintln!("mkfifo unavailable ({error}): FIFO case skipped"),
    }
    let zero = folder.join("zero.ron");
    symlink("/dev/zero", &zero).unwrap();
    oddities.push(zero);
    let looping = folder.join("loop.ron");
    symlink("loop.ron", &looping).unwrap();
    oddities.push(looping);
    let huge = folder.join("huge.ron");
    fs::write(&huge, vec![b' '; 5 * 1024 * 1024]).unwrap();
    oddities.push(huge.clone());

    let names_before = names_in(&folder);
    drop(store);
    let report = load_within_10_seconds(Store::open(root, Access::ReadWrite).unwrap());

    assert_eq!(sorted_by_id(report.beneficiaries), sorted_by_id(records));
    let reported: BTreeSet<&PathBuf> = report.problems.iter().map(|p| &p.path).collect();
    let expected: BTreeSet<&PathBuf> = oddities.iter().collect();
    assert_eq!(reported, expected, "{:#?}", report.problems);
    assert_eq!(
        report.problems.len(),
        oddities.len(),
        "{:#?}",
        report.problems
    );
    for problem in &report.problems {
        assert!(!problem.message.trim().is_empty(), "{problem:?}");
        assert!(
            problem
                .to_string()
                .starts_with(&format!("{}: ", problem.path.display())),
            "{problem}"
        );
    }
    assert_eq!(names_in(&folder), names_before);
    assert_eq!(fs::read(&huge).unwrap().len(), 5 * 1024 * 1024);
}

#[test]
fn a_newer_format_is_refused_untouched_and_bom_with_crlf_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let records = demo_beneficiaries(2, today(), 51);
    fs::create_dir_all(records_dir(root)).unwrap();

    let newer_path = canonical_path(root, records[0].id);
    let text = record_text(&records[0]);
    let current = format!("schema_version: {SCHEMA_VERSION},");
    assert!(text.contains(&current));
    let newer = text
        .replacen(&current, "schema_version: 99,", 1)
        .into_bytes();
    fs::write(&newer_path, &newer).unwrap();

    let windows_path = canonical_path(root, records[1].id);
    let mut windows = b"\xEF\xBB\xBF".to_vec();
    windows.extend_from_slice(record_text(&records[1]).replace('\n', "\r\n").as_bytes());
    fs::write(&windows_path, &windows).unwrap();

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let report = store.load();
    assert_eq!(report.beneficiaries, [records[1].clone()]);
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    let problem = &report.problems[0];
    assert_eq!(problem.path, newer_path);
    assert!(problem.message.contains("plus récente"), "{problem}");
    assert_eq!(fs::read(&newer_path).unwrap(), newer);

    // This version cannot replace a file written by a newer one.
    assert!(matches!(
        store.save_beneficiary(&records[0], today()),
        Err(StoreError::WouldOverwriteUnreadable(path)) if path == newer_path
    ));
    assert_eq!(fs::read(&newer_path).unwrap(), newer);
}

#[test]
fn a_duplicate_record_is_reported_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, today(), 61).remove(0);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let original = store.save_beneficiary(&record, today()).unwrap();

    // A synchronisation tool kept the other laptop's version next to it.
    let mut other_version = record.clone();
    other_version.referent = "Autre conseillère".to_owned();
    let conflict = records_dir(root).join(format!(
        "{}.sync-conflict-20261122-101010-ABCDEFG.ron",
        record.id
    ));
    let conflict_bytes = record_text(&other_version).into_bytes();
    fs::write(&conflict, &conflict_bytes).unwrap();

    let report = store.load();
    assert_eq!(report.beneficiaries, std::slice::from_ref(&record));
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    let problem = &report.problems[0];
    assert_eq!(problem.path, conflict);
    assert!(
        problem.message.contains(&original.display().to_string()),
        "{problem}"
    );

    let mut changed = record.clone();
    changed.private_notes = "Dossier CAF complet.".to_owned();
    assert_eq!(store.save_beneficiary(&changed, today()).unwrap(), original);
    assert_eq!(fs::read(&conflict).unwrap(), conflict_bytes);
    assert_eq!(store.load().beneficiaries, [changed]);
}

#[test]
fn the_file_named_after_the_record_wins_even_when_a_copy_sorts_first() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, today(), 62).remove(0);
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let original = store.save_beneficiary(&record, today()).unwrap();

    // Dropbox-style and OneDrive-style copies: both names sort before `<id>.ron`.
    let mut stale = record.clone();
    stale.referent = "Ancienne version".to_owned();
    let copies = [
        records_dir(root).join(format!("{} (conflicted copy).ron", record.id)),
        records_dir(root).join(format!("{}-PC-ACCUEIL.ron", record.id)),
    ];
    for copy in &copies {
        fs::write(copy, record_text(&stale)).unwrap();
    }

    let report = store.load();
    assert_eq!(report.beneficiaries, std::slice::from_ref(&record));
    assert_eq!(report.problems.len(), 2, "{:#?}", report.problems);
    for copy in &copies {
        let problem = problem_for(&report.problems, copy);
        assert!(
            problem.message.contains(&original.display().to_string()),
            "{problem}"
        );
    }
    assert_eq!(store.save_beneficiary(&record, today()).unwrap(), original);
}

#[test]
fn a_file_the_store_did_not_load_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let record = demo_beneficiaries(1, today(), 63).remove(0);
    fs::create_dir_all(records_dir(root)).unwrap();
    let path = canonical_path(root, record.id);
    let newer = record_text(&record).replacen(
        &format!("schema_version: {SCHEMA_VERSION},"),
        "schema_version: 99,",
        1,
    );
    fs::write(&path, &newer).unwrap();

    // Saving without loading first (or after the file appeared through a sync).
    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let error = store.save_beneficiary(&record, today()).unwrap_err();
    assert!(
        matches!(error, StoreError::WouldOverwriteUnreadable(ref p) if *p == path),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

/// A record written by the first release (format 1, languages as bare names) loads unchanged
/// into today's types, and is saved back in the current format without losing anything.
#[test]
fn a_format_1_record_still_loads_and_upgrades_on_save() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(records_dir(root)).unwrap();
    let fixture = include_str!("../fixtures/schema_v1_beneficiary.ron");
    assert!(fixture.contains("schema_version: 1,"));
    let id: BeneficiaryId = "01901e57-f800-7750-b379-4f30fadf802a".parse().unwrap();
    let path = canonical_path(root, id);
    fs::write(&path, fixture).unwrap();

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let record = report.beneficiaries.into_iter().next().unwrap();
    assert_eq!(record.identity.last_name, "Peña");
    assert_eq!(
        record.identity.languages,
        [parcours::model::skills::Language::named("espagnol")]
    );
    assert!(record.skills.experiences.is_empty());

    store.save_beneficiary(&record, today()).unwrap();
    let upgraded = fs::read_to_string(&path).unwrap();
    assert!(
        upgraded.contains(&format!("schema_version: {SCHEMA_VERSION},")),
        "{upgraded}"
    );
    assert_eq!(store.load().beneficiaries, [record]);
}

/// A record written in format 4 (permit "refugee or subsidiary protection" as one kind, no
/// right-to-work details, no 2026 language data) loads into format 5 and saves back.
#[test]
fn a_format_4_record_still_loads_with_its_protection_permit_to_specify() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(records_dir(root)).unwrap();
    let fixture = include_str!("../fixtures/schema_v4_beneficiary.ron");
    assert!(fixture.contains("schema_version: 4,"));
    let id: BeneficiaryId = "01901e57-f800-7750-b379-4f30fadf8040".parse().unwrap();
    let path = canonical_path(root, id);
    fs::write(&path, fixture).unwrap();

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let record = report.beneficiaries.into_iter().next().unwrap();
    assert_eq!(record.identity.last_name, "Haddad");
    let permit = record.administrative.residence_permit.clone().unwrap();
    assert_eq!(permit.kind, parcours::model::record::PermitKind::Protection);
    assert!(permit.kind.label().contains("à préciser"));
    assert_eq!(permit.renews, None);
    assert!(!permit.work_authorisation);
    assert_eq!(record.preparation.cir.civic_days_done, 4);

    store.save_beneficiary(&record, today()).unwrap();
    let upgraded = fs::read_to_string(&path).unwrap();
    assert!(
        upgraded.contains(&format!("schema_version: {SCHEMA_VERSION},")),
        "{upgraded}"
    );
    assert_eq!(store.load().beneficiaries, [record]);
}

/// A record written in format 5 (no data-protection part) loads into format 6 with no answer
/// recorded for any purpose — nothing may be shared until the person is asked — and saves back.
#[test]
fn a_format_5_record_loads_with_no_consent_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(records_dir(root)).unwrap();
    let fixture = include_str!("../fixtures/schema_v5_beneficiary.ron");
    assert!(fixture.contains("schema_version: 5,"));
    assert!(!fixture.contains("protection"));
    let id: BeneficiaryId = "019e5221-b000-7ddc-bc1a-1d288c3d53aa".parse().unwrap();
    let path = canonical_path(root, id);
    fs::write(&path, fixture).unwrap();

    let mut store = Store::open(root, Access::ReadWrite).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let record = report.beneficiaries.into_iter().next().unwrap();
    assert!(record.protection.consents.is_empty());
    assert!(
        parcours::model::record::Purpose::ALL
            .iter()
            .all(|p| !record.protection.allows(*p))
    );

    store.save_beneficiary(&record, today()).unwrap();
    let upgraded = fs::read_to_string(&path).unwrap();
    let current = format!("schema_version: {},", parcours::store::SCHEMA_VERSION);
    assert!(upgraded.contains(&current), "{upgraded}");
    assert!(upgraded.contains("protection:"), "{upgraded}");
    // Written before format 7: no appointment, and the file now says so.
    assert!(record.preparation.appointments.is_empty());
    assert!(upgraded.contains("appointments: []"), "{upgraded}");
    assert_eq!(store.load().beneficiaries, [record]);
}
