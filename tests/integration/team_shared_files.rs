//! Shared files written by several Parcours at once (a network share): every save is a
//! compare-and-swap, so two processes enrolling 500 people each into one workshop lose none,
//! and into a workshop with one place left exactly one wins, the other told "Atelier complet".
//! Two stores changing other parts of a company, a partner or the crèche's settings both keep
//! their change.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

use parcours::model::BeneficiaryId;
use parcours::model::companies::{Company, Offer, check_siret};
use parcours::model::creche::CrecheSettings;
use parcours::model::preparation::Workshop;
use parcours::store::{Access, Store, StoreError};

use crate::common::today;

fn workshop(dir: &Path, capacity: u32, enrolled: usize) -> Workshop {
    let mut w = Workshop {
        title: "Simulation d'entretien".into(),
        capacity,
        ..Workshop::new(today())
    };
    for _ in 0..enrolled {
        w.enrol(BeneficiaryId::new()).unwrap();
    }
    let store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_workshop(&w).unwrap();
    w
}

/// `parcours workshop enrol` of `people` into `workshop`, started (not waited for).
fn enrol(dir: &Path, workshop: &Workshop, people: &[BeneficiaryId]) -> std::process::Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parcours"));
    command.arg("--data-dir").arg(dir).args([
        "workshop",
        "enrol",
        "--workshop",
        &workshop.id.to_string(),
    ]);
    for person in people {
        command.args(["--beneficiary", &person.to_string()]);
    }
    command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn saved(dir: &Path, workshop: &Workshop) -> Workshop {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    let (catalogue, problems) = store.load_workshops();
    assert!(problems.is_empty(), "{problems:?}");
    catalogue.into_iter().find(|w| w.id == workshop.id).unwrap()
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn two_processes_enrolling_500_people_each_into_one_workshop_lose_none() {
    let dir = tempfile::tempdir().unwrap();
    let w = workshop(dir.path(), 2000, 0);
    let first: Vec<BeneficiaryId> = (0..500).map(|_| BeneficiaryId::new()).collect();
    let second: Vec<BeneficiaryId> = (0..500).map(|_| BeneficiaryId::new()).collect();
    let a = enrol(dir.path(), &w, &first);
    let b = enrol(dir.path(), &w, &second);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{:?}", text(&a));
    assert!(b.status.success(), "{:?}", text(&b));
    let enrolled: Vec<BeneficiaryId> = saved(dir.path(), &w)
        .enrolments
        .iter()
        .map(|e| e.beneficiary)
        .collect();
    assert_eq!(enrolled.len(), 1000);
    let missing = first
        .iter()
        .chain(&second)
        .filter(|p| !enrolled.contains(p))
        .count();
    assert_eq!(missing, 0, "enrolments lost");
    // No lock left behind.
    let locks = dir.path().join(".parcours").join("verrous");
    assert_eq!(std::fs::read_dir(locks).unwrap().count(), 0);
}

#[test]
fn into_a_workshop_with_one_place_left_exactly_one_of_two_processes_wins() {
    let dir = tempfile::tempdir().unwrap();
    let w = workshop(dir.path(), 8, 7);
    let (amina, bakary) = (BeneficiaryId::new(), BeneficiaryId::new());
    let a = enrol(dir.path(), &w, &[amina]);
    let b = enrol(dir.path(), &w, &[bakary]);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert_ne!(
        a.status.success(),
        b.status.success(),
        "{:?} {:?}",
        text(&a),
        text(&b)
    );
    // (Both started together: the second to save finds the place taken, whichever it is.)
    let (winner, loser, won) = if a.status.success() {
        (a, b, amina)
    } else {
        (b, a, bakary)
    };
    assert!(text(&winner).0.contains(&format!("inscrit\t{won}")));
    assert!(
        text(&loser).1.contains("Atelier complet : 8 / 8 inscrits"),
        "{:?}",
        text(&loser)
    );
    let now = saved(dir.path(), &w);
    assert_eq!(now.enrolments.len(), 8);
    assert!(now.is_enrolled(won));
}

#[test]
fn two_stores_changing_other_parts_of_a_shared_file_both_keep_their_change() {
    let dir = tempfile::tempdir().unwrap();
    let siret = (0..10)
        .map(|d| format!("4430618410004{d}"))
        .find(|s| check_siret(s).is_ok())
        .unwrap();
    let company = Company {
        name: "Boulangerie du Port".into(),
        siret,
        ..Company::new()
    };
    let mut claire = Store::open(dir.path(), Access::ReadWrite).unwrap();
    claire.save_company(&company).unwrap();
    claire
        .save_creche_settings(&CrecheSettings::default())
        .unwrap();
    let mut paul = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let (mut claire_view, mut paul_view) = (
        claire.load_companies().0.remove(0),
        paul.load_companies().0.remove(0),
    );
    claire_view.notes = "Recrute au printemps".into();
    claire_view.offers.push(Offer {
        title: "Vendeur".into(),
        ..Offer::new()
    });
    paul_view.town = "Marseille".into();
    paul_view.offers.push(Offer {
        title: "Boulanger".into(),
        ..Offer::new()
    });
    claire.save_company(&claire_view).unwrap();
    paul.save_company(&paul_view).unwrap();
    let now = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_companies()
        .0
        .remove(0);
    assert_eq!(now.notes, "Recrute au printemps");
    assert_eq!(now.town, "Marseille");
    let titles: Vec<&str> = now.offers.iter().map(|o| o.title.as_str()).collect();
    assert_eq!(titles, ["Vendeur", "Boulanger"]);

    let (mut c, mut p) = (
        claire.load_creche_settings().0,
        paul.load_creche_settings().0,
    );
    c.name = "Les Lucioles".into();
    p.capacity = 10;
    claire.save_creche_settings(&c).unwrap();
    paul.save_creche_settings(&p).unwrap();
    let both = Store::open(dir.path(), Access::ReadOnly)
        .unwrap()
        .load_creche_settings()
        .0;
    assert_eq!((both.name.as_str(), both.capacity), ("Les Lucioles", 10));

    // A workshop full since this store read it: refused with the reason.
    let w = workshop(dir.path(), 1, 0);
    claire.load_workshops();
    paul.load_workshops();
    let mut first = w.clone();
    first.enrol(BeneficiaryId::new()).unwrap();
    claire.save_workshop(&first).unwrap();
    let mut second = w;
    second.enrol(BeneficiaryId::new()).unwrap();
    let refused = paul.save_workshop(&second).unwrap_err();
    assert!(matches!(refused, StoreError::Refused(_)), "{refused}");
}

#[test]
fn two_processes_racing_for_the_last_places_fill_them_exactly_and_lose_no_one_enrolled() {
    let dir = tempfile::tempdir().unwrap();
    let w = workshop(dir.path(), 301, 0);
    let first: Vec<BeneficiaryId> = (0..300).map(|_| BeneficiaryId::new()).collect();
    let second: Vec<BeneficiaryId> = (0..300).map(|_| BeneficiaryId::new()).collect();
    let a = enrol(dir.path(), &w, &first);
    let b = enrol(dir.path(), &w, &second);
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    let (a, b) = (text(&a), text(&b));
    assert!(
        a.1.contains("Atelier complet") || b.1.contains("Atelier complet"),
        "stderr: {:?} {:?}",
        a.1,
        b.1
    );
    let now = saved(dir.path(), &w);
    assert_eq!(now.enrolments.len(), 301, "every place taken, none beyond");
    // Everyone a process said it enrolled is enrolled.
    let said: Vec<&str> =
        a.0.lines()
            .chain(b.0.lines())
            .filter_map(|l| l.strip_prefix("inscrit\t"))
            .collect();
    assert_eq!(said.len(), 301);
    for person in said {
        assert!(now.is_enrolled(person.parse().unwrap()), "{person} lost");
    }
}
