//! The person's own copy from the command line (`parcours export --beneficiary ID --out DIR`),
//! read back as the person or their next structure would: the PDF's text with `pdftotext`
//! holds the name, the NIR, a child's allergy (confidential, left out of the summary) and the
//! companies applied to; the JSON file, read by Python's own parser (not our serde), names its
//! format and version and holds the record's identifier and last name.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use parcours::model::creche::ChildCare;
use parcours::model::demo::{add_demo_applications, demo_beneficiaries, demo_companies};
use parcours::model::record::Beneficiary;
use parcours::store::{Access, Store};

/// The binary with a fixed today, on `dir`.
fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir).args(args).output().unwrap()
}

/// The binary with a fixed today, on `dir`, to be given its arguments.
fn command(dir: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parcours"));
    command
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", "2026-11-27")
        .arg("--data-dir")
        .arg(dir);
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A data directory of demo records (a fixed seed: the same people on every run) and one of
/// its people with a NIR, an application and a child whose allergy is recorded for the crèche.
fn demo_person() -> (tempfile::TempDir, Beneficiary) {
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut records = demo_beneficiaries(40, today, 14);
    add_demo_applications(&mut records, &demo_companies(today), today);
    let mut person = records
        .iter()
        .find(|b| {
            b.administrative.social_security_number.is_some()
                && !b.applications.is_empty()
                && !b.family.children.is_empty()
        })
        .expect("the demo holds someone with a NIR, an application and a child")
        .clone();
    let child = person.family.children[0].id;
    person.creche.care.retain(|c| c.child != child);
    let mut care = ChildCare::new(child);
    care.allergies = "Arachide, œuf : trousse d'urgence au sac".to_owned();
    person.creche.care.push(care);
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for record in &records {
        let record = if record.id == person.id {
            &person
        } else {
            record
        };
        store.save_beneficiary(record, today).unwrap();
    }
    (dir, person)
}

/// The PDF's text, whitespace collapsed (a long value wraps onto two lines).
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) is needed ({e})"));
    assert!(output.status.success(), "{output:?}");
    text(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_copy_holds_the_confidential_items_and_its_json_reads_in_another_language() {
    let (dir, person) = demo_person();
    let out = dir.path().join("copie pour la personne");
    let id = person.id.to_string();
    let output = run(
        dir.path(),
        &[
            "export",
            "--beneficiary",
            &id,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let said = text(&output.stdout);
    assert!(said.contains(&person.display_name()), "{said}");

    let files = files_in(&out);
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let stem = names[1].trim_end_matches(".pdf");
    assert!(
        stem.starts_with("donnees_") && stem.ends_with("_2026-11-27"),
        "{names:?}"
    );
    assert_eq!(names[0], format!("{stem}.json"));

    #[cfg(unix)]
    for file in &files {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is for its owner only", file.display());
    }

    let pdf = pdf_text(&files[1]);
    let nir = person
        .administrative
        .social_security_number
        .clone()
        .unwrap();
    let care = person
        .creche
        .care
        .iter()
        .find(|c| !c.allergies.trim().is_empty())
        .unwrap();
    for expected in [
        "Vos données",
        person.identity.last_name.as_str(),
        person.identity.first_name.as_str(),
        nir.as_str(),
        care.allergies.trim(),
        person.applications[0].company_name.trim(),
        "Protection des données",
    ] {
        let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            pdf.contains(&expected),
            "« {expected} » missing from:\n{pdf}"
        );
    }

    let python = Command::new("python3")
        .arg("-c")
        .arg(
            "import json, sys\n\
             d = json.load(open(sys.argv[1], encoding='utf-8'))\n\
             print(d['format'], d['version'], d['id'], d['identity']['last_name'], sep='\\n')\n\
             print(d['administrative']['social_security_number'])",
        )
        .arg(&files[0])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed ({e})"));
    assert!(python.status.success(), "{}", text(&python.stderr));
    assert_eq!(
        text(&python.stdout),
        format!(
            "parcours-export\n1\n{id}\n{}\n{nir}\n",
            person.identity.last_name
        )
    );
}

#[test]
fn an_unknown_person_or_a_file_for_a_folder_is_told_in_french_and_nothing_is_written() {
    let (dir, person) = demo_person();
    let out = dir.path().join("copie");
    let output = run(
        dir.path(),
        &[
            "export",
            "--beneficiary",
            "0190a000-0000-7000-8000-000000000000",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("aucun bénéficiaire n'a l'identifiant"),
        "{}",
        text(&output.stderr)
    );
    assert!(!out.exists());

    // --out naming a file: said in French, the file left as it was.
    let file = dir.path().join("copie.txt");
    fs::write(&file, b"ne pas toucher").unwrap();
    let id = person.id.to_string();
    let output = run(
        dir.path(),
        &[
            "export",
            "--beneficiary",
            &id,
            "--out",
            file.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("c'est un fichier, pas un dossier"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(fs::read(&file).unwrap(), b"ne pas toucher");
}

/// The journal's events about the person are part of their copy (PDF and JSON), and making
/// the copy is itself journaled, naming the counsellor profile of the computer.
#[test]
fn the_copy_lists_the_journal_about_the_person_and_is_journaled_with_the_counsellor() {
    let (dir, person) = demo_person();
    let config = tempfile::tempdir().unwrap();
    parcours::store::profile::save(
        config.path(),
        &parcours::store::profile::Profile::new("Claire Martin"),
    )
    .unwrap();
    let id = person.id.to_string();
    let with_profile = |args: &[&str]| {
        command(dir.path())
            .env("PARCOURS_CONFIG_DIR", config.path())
            .args(args)
            .output()
            .unwrap()
    };
    let first = dir.path().join("premiere");
    let output = with_profile(&[
        "export",
        "--beneficiary",
        &id,
        "--out",
        first.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let files = files_in(&first);
    let pdf = pdf_text(&files[1]);
    assert!(pdf.contains("Historique des opérations"), "{pdf}");
    assert!(
        pdf.contains("créé"),
        "the record's creation is in the copy:\n{pdf}"
    );

    // The second copy lists the first one, by the counsellor of this computer.
    let second = dir.path().join("seconde");
    let output = with_profile(&[
        "export",
        "--beneficiary",
        &id,
        "--out",
        second.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let files = files_in(&second);
    let pdf = pdf_text(&files[1]);
    assert!(
        pdf.contains("Claire Martin — copie des données remise à la personne"),
        "{pdf}"
    );
    let python = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(
            "import json, sys\n\
             d = json.load(open(sys.argv[1], encoding='utf-8'))\n\
             print(*[e['operation'] + '/' + e['author'] for e in d['journal']], sep='\\n')",
        )
        .arg(&files[0])
        .output()
        .unwrap();
    assert!(python.status.success(), "{}", text(&python.stderr));
    assert_eq!(text(&python.stdout), "create/-\nexport/Claire Martin\n");
}
