//! The `parcours` binary as a script or a counsellor runs it: `demo` writes records and refuses
//! to add to a non-empty folder without `--force`; `list` prints one tab-separated line per
//! record sorted by last name as a French reader expects; `check` reports each bad file as
//! `path:line:col: message` with grep's exit codes; `PARCOURS_DATA_DIR` stands in for
//! `--data-dir`; a missing data directory is an error (exit 2), never created.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use parcours::model::companies::Company;
use parcours::model::demo::demo_beneficiaries;
use parcours::model::record::{Beneficiary, BeneficiaryId, PermitKind, ResidencePermit, fold};
use parcours::store::{Access, BENEFICIARIES_DIR, CRECHE_FILE, Store, render_beneficiary};

const ENV_VAR: &str = "PARCOURS_DATA_DIR";
const TODAY_VAR: &str = "PARCOURS_TODAY";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// The binary, with `PARCOURS_DATA_DIR` cleared so that only what the test passes counts, and
/// today fixed to [`today`] (the hidden `PARCOURS_TODAY`): no result depends on the clock.
fn parcours() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parcours"));
    command.env_remove(ENV_VAR).env(TODAY_VAR, "2026-11-22");
    command
}

/// Runs `parcours --data-dir <dir> <args…>`.
fn run(dir: &Path, args: &[&str]) -> Output {
    parcours()
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir.join(BENEFICIARIES_DIR))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron"))
        .collect()
}

fn loaded_records(dir: &Path) -> Vec<Beneficiary> {
    let report = Store::open(dir, Access::ReadOnly).unwrap().load();
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    report.beneficiaries
}

/// A data directory filled by `demo` (25 then 5 more with `--force`).
fn demo_dir_of_30() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    assert!(run(dir.path(), &["demo", "--count", "25"]).status.success());
    assert!(
        run(dir.path(), &["demo", "--count", "5", "--force"])
            .status
            .success()
    );
    dir
}

#[test]
fn demo_writes_records_and_adds_more_only_with_force() {
    let dir = tempfile::tempdir().unwrap();

    let first = run(dir.path(), &["demo", "--count", "25"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(ron_files(dir.path()).len(), 25);
    assert_eq!(loaded_records(dir.path()).len(), 25);

    let refused = run(dir.path(), &["demo", "--count", "5"]);
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    assert!(message.contains("--force"), "{message}");
    assert!(message.contains("fiche"), "not in French: {message}");
    assert!(
        message.contains("25"),
        "does not say how many records: {message}"
    );
    assert_eq!(ron_files(dir.path()).len(), 25);

    let forced = run(dir.path(), &["demo", "--count", "5", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(ron_files(dir.path()).len(), 30);
    assert_eq!(loaded_records(dir.path()).len(), 30);
}

/// Checks that `output` lists exactly `records`, one well-formed line each, and returns the ids
/// in the order printed.
fn listed_ids(output: &str, records: &[Beneficiary]) -> Vec<BeneficiaryId> {
    let by_id: HashMap<BeneficiaryId, &Beneficiary> = records.iter().map(|b| (b.id, b)).collect();
    let routes = ["FLE d'abord", "Programme de valorisation", "À déterminer"];
    let mut ids = Vec::new();
    for line in output.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "{line:?}");
        assert_eq!(fields[0], fields[0].trim(), "{line:?}");
        let id: BeneficiaryId = fields[0]
            .parse()
            .unwrap_or_else(|e| panic!("{:?} is not a UUID: {e}", fields[0]));
        let record = by_id
            .get(&id)
            .unwrap_or_else(|| panic!("{id} is not in the folder"));
        assert!(!fields[1].trim().is_empty(), "{line:?}");
        assert_eq!(fields[1], record.display_name(), "{line:?}");
        assert!(routes.contains(&fields[2]), "{line:?}");
        assert_eq!(fields[2], record.entry_route_label(), "{line:?}");
        assert!(!fields[3].trim().is_empty(), "{line:?}");
        assert_eq!(fields[3], record.stage().label(), "{line:?}");
        ids.push(id);
    }
    let distinct: BTreeSet<BeneficiaryId> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), ids.len(), "a record is listed twice");
    assert_eq!(distinct, by_id.keys().copied().collect());
    ids
}

#[test]
fn list_prints_one_tab_separated_line_per_record_sorted_by_last_name() {
    let dir = demo_dir_of_30();
    let records = loaded_records(dir.path());
    assert_eq!(records.len(), 30);

    let output = run(dir.path(), &["list"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 30, "{text}");
    let ids = listed_ids(&text, &records);

    let by_id: HashMap<BeneficiaryId, &Beneficiary> = records.iter().map(|b| (b.id, b)).collect();
    let keys: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let identity = &by_id[id].identity;
            (fold(&identity.last_name), fold(&identity.first_name))
        })
        .collect();
    for pair in keys.windows(2) {
        assert!(pair[0] <= pair[1], "out of order: {pair:?}\n{text}");
    }
}

#[test]
fn list_ignores_accents_and_case_when_sorting() {
    let dir = tempfile::tempdir().unwrap();
    let last_names = [
        "Zola", "Ébrard", "ebert", "Durand", "dubois", "Øster", "Eloi",
    ];
    let mut records = demo_beneficiaries(last_names.len(), today(), 71);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for (b, last_name) in records.iter_mut().zip(last_names) {
        last_name.clone_into(&mut b.identity.last_name);
        store.save_beneficiary(b, today()).unwrap();
    }
    drop(store);

    let mut expected = records.clone();
    expected.sort_by_key(|b| fold(&b.identity.last_name));
    let expected: Vec<BeneficiaryId> = expected.iter().map(|b| b.id).collect();
    let mut bytewise = records.clone();
    bytewise.sort_by(|a, b| a.identity.last_name.cmp(&b.identity.last_name));
    let bytewise: Vec<BeneficiaryId> = bytewise.iter().map(|b| b.id).collect();
    assert_ne!(
        expected, bytewise,
        "names chosen do not tell the orders apart"
    );

    let output = run(dir.path(), &["list"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(listed_ids(&stdout(&output), &records), expected);
}

#[test]
fn check_is_silent_on_a_clean_folder_and_reports_a_corrupt_file_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let records = demo_beneficiaries(4, today(), 81);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let paths: Vec<PathBuf> = records
        .iter()
        .map(|b| store.save_beneficiary(b, today()).unwrap())
        .collect();
    drop(store);

    let clean = run(dir.path(), &["check"]);
    assert_eq!(clean.status.code(), Some(0), "{}", stderr(&clean));
    assert_eq!(stdout(&clean), "");

    // Hand-edit one record: a number where a level is expected.
    let bad_path = dir
        .path()
        .join(BENEFICIARIES_DIR)
        .join("modifiée-à-la-main.ron");
    let text = fs::read_to_string(&paths[0]).unwrap();
    fs::remove_file(&paths[0]).unwrap();
    let value_start = text.find("french_level: ").unwrap() + "french_level: ".len();
    let value_end = value_start + text[value_start..].find(',').unwrap();
    let bad = format!("{}12{}", &text[..value_start], &text[value_end..]);
    fs::write(&bad_path, &bad).unwrap();
    let before = &bad[..value_start];
    let expected_line = before.matches('\n').count() + 1;
    let expected_column = before.rsplit('\n').next().unwrap().chars().count() + 1;

    let dirty = run(dir.path(), &["check"]);
    assert_eq!(dirty.status.code(), Some(1), "{}", stderr(&dirty));
    let out = stdout(&dirty);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    let prefix = format!("{}:", bad_path.display());
    let rest = lines[0]
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{:?} does not start with {prefix:?}", lines[0]));
    let (position, message) = rest.split_once(": ").unwrap();
    let (line, column) = position.split_once(':').unwrap();
    assert_eq!(line.parse::<usize>().unwrap(), expected_line, "{out}");
    assert_eq!(column.parse::<usize>().unwrap(), expected_column, "{out}");
    assert!(!message.trim().is_empty(), "{out}");
    assert_eq!(fs::read_to_string(&bad_path).unwrap(), bad);
}

#[test]
fn check_reports_rule_violations_inside_records_and_companies() {
    // Hand-edited files that load but break the form's rules; the violations hold on any date.
    let dir = tempfile::tempdir().unwrap();
    let mut records = demo_beneficiaries(3, today(), 81);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let paths: Vec<PathBuf> = records
        .iter()
        .map(|b| store.save_beneficiary(b, today()).unwrap())
        .collect();
    // La Poste's head office (a valid Luhn key, a digit sum not a multiple of 5) is fine…
    let la_poste = Company {
        name: "La Poste".into(),
        siret: "35600000000048".into(),
        ..Company::new()
    };
    store.save_company(&la_poste).unwrap();
    let garage = Company {
        name: "Garage".into(),
        siret: super::companies::siret("7328293200007"),
        ..Company::new()
    };
    let garage_path = store.save_company(&garage).unwrap();
    drop(store);
    // … a SIRET whose 14 digits pass the Luhn key but whose SIREN does not is not.
    let text = fs::read_to_string(&garage_path).unwrap();
    fs::write(&garage_path, text.replace(&garage.siret, "12345678901237")).unwrap();
    // A NIR typed on AZERTY without Shift (the key's 6 came out as `é`… and a `&`).
    records[0].administrative.social_security_number = Some("& 84 12 76 451 089 4\u{e9}".into());
    records[1].identity.birth_date = NaiveDate::from_ymd_opt(2090, 3, 15);
    records[2].administrative.residence_permit = Some(ResidencePermit {
        kind: PermitKind::Temporary,
        number: None,
        issued_on: NaiveDate::from_ymd_opt(2025, 6, 1),
        expires_on: NaiveDate::from_ymd_opt(2025, 5, 31),
        renews: None,
        work_authorisation: false,
    });
    for (record, path) in records.iter().zip(&paths) {
        fs::write(path, render_beneficiary(record).unwrap()).unwrap();
    }
    // And a crèche declared with more places than a micro-crèche may have.
    fs::write(
        dir.path().join(CRECHE_FILE),
        "(schema_version: 4, record: (name: \"Les Lucioles\", capacity: 15))",
    )
    .unwrap();

    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "check never crashes");
    let out = stdout(&output);
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_unstable();
    let mut expected = vec![
        format!(
            "{}: numéro de sécurité sociale: Le numéro de sécurité sociale ne comporte que des \
             chiffres (ou 2A/2B pour la Corse) : le verrouillage majuscules est peut-être \
             désactivé (sur un clavier AZERTY, les chiffres se tapent avec Maj).",
            paths[0].display()
        ),
        format!(
            "{}: date de naissance: La date de naissance est dans le futur.",
            paths[1].display()
        ),
        format!(
            "{}: titre de séjour : expiration: L'expiration du titre précède sa délivrance.",
            paths[2].display()
        ),
        format!(
            "{}: Le SIREN 123 456 789 (les 9 premiers chiffres du SIRET) est invalide (clé de \
             contrôle fausse) : vérifiez les chiffres.",
            garage_path.display()
        ),
        format!(
            "{}: Une micro-crèche accueille 12 enfants au plus (article R.2324-47 du code de la \
             santé publique) : au-delà, ce n'est plus une micro-crèche.",
            dir.path().join(CRECHE_FILE).display()
        ),
    ];
    expected.sort_unstable();
    assert_eq!(lines, expected, "{out}");
}

#[test]
fn the_environment_variable_stands_in_for_the_flag() {
    let dir = demo_dir_of_30();
    let with_flag = run(dir.path(), &["list"]);
    assert_eq!(with_flag.status.code(), Some(0), "{}", stderr(&with_flag));
    assert_eq!(stdout(&with_flag).lines().count(), 30);

    let with_env = parcours()
        .env(ENV_VAR, dir.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(with_env.status.code(), Some(0), "{}", stderr(&with_env));
    assert_eq!(stdout(&with_env), stdout(&with_flag));

    // The flag wins over the variable.
    let other = tempfile::tempdir().unwrap();
    assert!(
        run(other.path(), &["demo", "--count", "3"])
            .status
            .success()
    );
    let both = parcours()
        .env(ENV_VAR, dir.path())
        .arg("--data-dir")
        .arg(other.path())
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(0), "{}", stderr(&both));
    assert_eq!(stdout(&both), stdout(&run(other.path(), &["list"])));
    assert_eq!(stdout(&both).lines().count(), 3);
}

#[test]
fn check_on_a_missing_folder_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("pas-de-dossier");

    let output = run(&missing, &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    let message = stderr(&output);
    assert!(
        message.contains(&missing.display().to_string()),
        "{message}"
    );
    assert!(!missing.exists());
}

#[test]
fn list_keeps_one_line_of_four_fields_whatever_a_hand_edited_name_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = demo_beneficiaries(1, today(), 64).remove(0);
    record.identity.last_name = "Diallo\tKeïta".to_owned();
    record.identity.first_name = "Awa\nMariam".to_owned();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
    drop(store);

    let output = run(dir.path(), &["list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text:?}");
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields.len(), 4, "{fields:?}");
    assert_eq!(fields[1], "Awa Mariam Diallo Keïta");
}

#[test]
fn demo_writes_the_partner_directory_and_check_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["demo", "--count", "3"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let partners = fs::read_dir(dir.path().join("partners")).unwrap().count();
    assert_eq!(partners, parcours::model::demo::demo_partners().len());

    // A damaged partner file is reported by check, like a damaged record.
    let damaged = dir.path().join("partners").join("abime.ron");
    fs::write(&damaged, "(schema_version: 2, record: (name: 3))").unwrap();
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("abime.ron"), "{}", stdout(&output));
}

/// One writer at a time, across processes: while `restore` holds the directory (it takes the
/// lock, then waits for the counsellor's answer), another writer is refused, by the store and
/// by the binary; once it has finished, the next one gets in. No race: the test waits for the
/// question, which is asked with the lock held.
#[test]
fn a_second_process_cannot_write_while_the_first_holds_the_directory() {
    use std::io::{Read, Write};

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let record = demo_beneficiaries(1, today(), 5).remove(0);
    store.save_beneficiary(&record, today()).unwrap();
    let backup = store.backups()[0];
    drop(store);

    let mut writer = parcours()
        .args(["--data-dir"])
        .arg(dir.path())
        .args(["restore", "--from", &backup.format("%Y-%m-%d").to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The question is asked once the lock is held.
    let mut question = Vec::new();
    let mut stdout = writer.stdout.take().unwrap();
    let mut byte = [0_u8];
    while !question.ends_with(b"[o/N] ") {
        assert_eq!(
            stdout.read(&mut byte).unwrap(),
            1,
            "restore ended before asking: {}",
            String::from_utf8_lossy(&question)
        );
        question.push(byte[0]);
    }
    assert!(writer.try_wait().unwrap().is_none());
    assert!(
        matches!(
            Store::open(dir.path(), Access::ReadWrite),
            Err(parcours::store::StoreError::Locked(_))
        ),
        "a second writer got in while restore held the directory"
    );
    let output = run(dir.path(), &["demo", "--count", "1", "--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("réservé par"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        ron_files(dir.path()).len(),
        1,
        "the refused demo wrote nothing"
    );

    writer.stdin.take().unwrap().write_all(b"n\n").unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(writer.wait().unwrap().code(), Some(2), "not confirmed");
    assert!(Store::open(dir.path(), Access::ReadWrite).is_ok());
    assert_eq!(loaded_records(dir.path()), [record]);
}

/// The hidden `--today` (and `PARCOURS_TODAY`) fixes the date every command works with:
/// `creche week` without `--week` prints the week of that day. Not in `--help`.
#[test]
fn the_hidden_today_option_fixes_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let week = |args: &[&str]| {
        let output = parcours()
            .env_remove(TODAY_VAR)
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        let first = text.lines().next().unwrap_or_default().to_owned();
        first.split(' ').next().unwrap_or_default().to_owned()
    };
    // 2026-11-22 is a Sunday: its week opens on Monday 16 November; 2027-03-03 is a Wednesday.
    assert_eq!(
        week(&["--today", "2026-11-22", "creche", "week"]),
        "2026-11-16"
    );
    assert_eq!(
        week(&["creche", "week", "--today", "2027-03-03"]),
        "2027-03-01"
    );
    let with_env = parcours()
        .env(TODAY_VAR, "2027-03-03")
        .arg("--data-dir")
        .arg(dir.path())
        .args(["creche", "week"])
        .output()
        .unwrap();
    assert!(
        stdout(&with_env).starts_with("2027-03-01 "),
        "{}",
        stdout(&with_env)
    );

    let help = parcours().arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(!stdout(&help).contains("--today"), "{}", stdout(&help));
    let bad = run(dir.path(), &["--today", "22/11/2026", "list"]);
    assert_eq!(bad.status.code(), Some(2));
}
