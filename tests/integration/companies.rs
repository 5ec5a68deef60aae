//! Phase 3 from the command line, as a counsellor scripts it: `import-companies` imports
//! nothing and exits 1 when a row is invalid (each printed as record, field, reason), imports
//! the valid rows with `--skip-invalid`, and updates rather than duplicates a company already
//! present (same SIRET); `companies` lists one tab-separated line per company; `match` ranks
//! the offers for a person, best first, with their reasons; `check` covers companies' files.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use parcours::model::companies::{Company, Offer, check_siret};
use parcours::model::demo::{add_demo_applications, demo_beneficiaries, demo_companies};
use parcours::model::skills::{Experience, LifeArea};
use parcours::model::{Beneficiary, CefrLevel};
use parcours::store::{Access, COMPANIES_DIR, Store};

use crate::common::today;

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        // The hidden `--today`: the fixtures' dates, whatever the clock says.
        .env("PARCOURS_TODAY", "2026-11-22")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A SIRET with a valid key, built from 13 digits.
pub fn siret(prefix: &str) -> String {
    (0..10)
        .map(|d| format!("{prefix}{d}"))
        .find(|s| check_siret(s).is_ok())
        .unwrap()
}

fn company_files(dir: &Path) -> usize {
    fs::read_dir(dir.join(COMPANIES_DIR)).map_or(0, Iterator::count)
}

fn write_csv(dir: &Path, text: &str) -> std::path::PathBuf {
    let path = dir.join("entreprises.csv");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn an_invalid_row_stops_the_import_unless_skipped() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path()).unwrap();
    let files = tempfile::tempdir().unwrap();
    let (a, b) = (siret("4430618410004"), siret("7328293200007"));
    let csv = write_csv(
        files.path(),
        &format!(
            "Raison sociale;N° SIRET;Code APE;Ville;Effectif\r\n\
             Brasserie du Marché;{a};56.10A;Créteil;12\r\n\
             Garage;123;45.20A;Orly;3\r\n\
             Hôtel du Parc;{b};55.10Z;Vitry-sur-Seine;30\r\n"
        ),
    );
    let csv = csv.to_str().unwrap();

    let refused = run(data.path(), &["import-companies", csv]);
    assert_eq!(refused.status.code(), Some(1));
    let text = stdout(&refused);
    assert!(text.contains("Colonnes ignorées : Effectif"), "{text}");
    assert!(
        text.contains("enregistrement 3, SIRET : le SIRET compte 14 chiffres (ici 3)"),
        "{text}"
    );
    assert_eq!(company_files(data.path()), 0);

    let imported = run(data.path(), &["import-companies", csv, "--skip-invalid"]);
    assert_eq!(imported.status.code(), Some(0));
    assert!(
        stdout(&imported).contains("2 entreprise(s) importée(s) : 2 nouvelle(s), 0 mise(s) à jour"),
        "{}",
        stdout(&imported)
    );
    assert_eq!(company_files(data.path()), 2);

    // The same file again, with a new town: updated, not duplicated.
    let csv2 = write_csv(
        files.path(),
        &format!("Nom,SIRET,Commune\nBrasserie du Marché,{a},Créteil Village\n"),
    );
    let again = run(data.path(), &["import-companies", csv2.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).contains("0 nouvelle(s), 1 mise(s) à jour"));
    assert_eq!(company_files(data.path()), 2);

    let listed = run(data.path(), &["companies"]);
    assert_eq!(listed.status.code(), Some(0));
    let (companies, _) = Store::open(data.path(), Access::ReadOnly)
        .unwrap()
        .load_companies();
    let expected: Vec<String> = companies
        .iter()
        .map(|c| format!("{}\t{}\t{}\t{}\t{}\n", c.id, c.name, c.siret, c.ape, c.town))
        .collect();
    let expected = expected.concat();
    assert_eq!(stdout(&listed), expected);
    assert!(expected.contains(&format!(
        "\tBrasserie du Marché\t{a}\t56.10A\tCréteil Village\n"
    )));
    assert!(expected.contains(&format!("\tHôtel du Parc\t{b}\t55.10Z\tVitry-sur-Seine\n")));

    // `check` reads companies too: one that breaks a rule is reported, exit 1…
    let path = Store::read_only(data.path()).company_path(&companies[0]);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace(&companies[0].siret, "12345678901234")).unwrap();
    let checked = run(data.path(), &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    assert_eq!(
        stdout(&checked),
        format!(
            "{}: Le SIREN 123 456 789 (les 9 premiers chiffres du SIRET) est invalide (clé de \
             contrôle fausse) : vérifiez les chiffres.\n",
            path.display()
        )
    );
    // … and so is a damaged one.
    fs::write(&path, "(schema_version: 1, record: (name: 3))").unwrap();
    let checked = run(data.path(), &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    assert!(stdout(&checked).contains(path.to_str().unwrap()));
}

#[test]
fn match_prints_offers_best_first_with_reasons() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path(), Access::ReadWrite).unwrap();
    let mut person: Beneficiary = demo_beneficiaries(1, today(), 9).remove(0);
    person.pathway.outcome = None;
    person.french_level = CefrLevel::B1;
    person.contact.town = "Créteil".into();
    person.contact.postcode = "94000".into();
    person.skills.target_occupations = vec!["G1602".into()];
    person.skills.life_areas.remove(&LifeArea::Mobility);
    person.skills.experiences = vec![Experience {
        title: "Commis de cuisine".into(),
        rome_code: Some("G1602".into()),
        ..Experience::default()
    }];
    store.save_beneficiary(&person, today()).unwrap();
    let mut restaurant = Company {
        name: "Brasserie".into(),
        siret: siret("4430618410004"),
        ape: "56.10A".into(),
        town: "Créteil".into(),
        postcode: "94000".into(),
        ..Company::new()
    };
    restaurant.offers.push(Offer {
        title: "Commis de cuisine".into(),
        rome_code: Some("G1602".into()),
        ..Offer::new()
    });
    let mut bank = Company {
        name: "Banque".into(),
        siret: siret("7328293200007"),
        ape: "64.19Z".into(),
        town: "Paris".into(),
        postcode: "75011".into(),
        ..Company::new()
    };
    bank.offers.push(Offer {
        title: "Guichetier".into(),
        rome_code: Some("C1206".into()),
        ..Offer::new()
    });
    let bistrot = Company {
        name: "Bistrot".into(),
        siret: siret("5528293270007"),
        ape: "56.10A".into(),
        town: "Créteil".into(),
        postcode: "94000".into(),
        ..Company::new()
    };
    for company in [&bank, &restaurant, &bistrot] {
        store.save_company(company).unwrap();
    }
    drop(store);

    let output = run(
        data.path(),
        &["match", "--beneficiary", &person.id.to_string()],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let labels: Vec<&str> = lines.iter().map(|l| l[1]).collect();
    assert_eq!(
        labels,
        [
            "Commis de cuisine — Brasserie",
            "Guichetier — Banque",
            "Bistrot (candidature spontanée)"
        ]
    );
    let scores: Vec<i32> = lines.iter().map(|l| l[0].parse().unwrap()).collect();
    assert!(scores[0] > scores[1]);
    assert!(
        lines[0][2].starts_with("Métier +40 : même métier (G1602) ; Français"),
        "{}",
        lines[0][2]
    );
    assert!(
        lines[1][2].contains(
            "Lieu -15 : offre dans le 75, hors de la mobilité déclarée (domicile dans le"
        ),
        "{}",
        lines[1][2]
    );

    let unknown = run(data.path(), &["match", "--beneficiary", "nope"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn demo_writes_companies_and_applications() {
    let data = tempfile::tempdir().unwrap();
    let output = run(data.path(), &["demo", "--count", "12"]);
    assert_eq!(output.status.code(), Some(0));
    let mut store = Store::open(data.path(), Access::ReadOnly).unwrap();
    let (companies, problems) = store.load_companies();
    assert!(problems.is_empty());
    assert!(companies.len() >= 20);
    let report = store.load();
    assert!(
        report
            .beneficiaries
            .iter()
            .any(|b| !b.applications.is_empty())
    );
}

#[test]
fn applications_are_stored_with_the_record_and_older_records_have_none() {
    let data = tempfile::tempdir().unwrap();
    let mut store = Store::open(data.path(), Access::ReadWrite).unwrap();
    let companies = demo_companies(today());
    let mut people = demo_beneficiaries(12, today(), 4);
    add_demo_applications(&mut people, &companies, today());
    assert!(people.iter().any(|p| p.applications.len() == 2));
    for person in &people {
        store.save_beneficiary(person, today()).unwrap();
    }
    let mut loaded = store.load().beneficiaries;
    loaded.sort_by_key(|b| b.id);
    people.sort_by_key(|b| b.id);
    assert_eq!(loaded, people);

    // A record written before applications existed (no such field) loads with none.
    let path = store.beneficiary_path(people[0].id);
    let text = fs::read_to_string(&path).unwrap();
    let start = text.find("    applications:").unwrap();
    let without = format!("{}{}", &text[..start], "    )\n)\n");
    assert!(!without.contains("applications"));
    fs::write(&path, without).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let older = report
        .beneficiaries
        .iter()
        .find(|b| b.id == people[0].id)
        .unwrap();
    assert!(older.applications.is_empty());
}
