//! Two laptops on synced copies of one data directory, each offline for the day: the conflict
//! copies a sync tool leaves (built here by hand, under every tool's naming) merge by
//! themselves where the two did not change the same part; only what both changed is asked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use parcours::model::companies::{Company, Offer};
use parcours::model::creche::CrecheSettings;
use parcours::model::preparation::{Appointment, Session, SessionKind, Workshop};
use parcours::model::record::{Beneficiary, BeneficiaryId, CefrLevel, RecordPart, Settings};
use parcours::model::skills::FlePartner;
use parcours::store::journal::Author;
use parcours::store::{
    Access, BENEFICIARIES_DIR, COMPANIES_DIR, CONFLICTS_DIR, CRECHE_FILE, PARTNERS_DIR,
    SETTINGS_FILE, Store, WORKSHOPS_DIR,
};

use crate::common::{d, fixture, today};

/// A laptop: its copy of the data directory, and its counsellor.
pub struct Laptop {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

/// Opens a laptop's folder as the window does: the counsellor's profile, then the records.
pub fn open(dir: &Path, name: &str, installation: &str) -> Store {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.set_author(Author {
        name: name.to_owned(),
        installation: installation.to_owned(),
    });
    store
}

/// [`open`], records loaded (a record is saved only over the file it was loaded from).
pub fn open_loaded(dir: &Path, name: &str, installation: &str) -> Store {
    let mut store = open(dir, name, installation);
    let _ = store.load();
    store
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if name == ".parcours.lock" {
            continue;
        }
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to.join(&name));
        } else {
            fs::copy(entry.path(), to.join(&name)).unwrap();
        }
    }
}

/// The morning's state on both laptops: the fixture, a workshop, a company, a partner, the
/// crèche's and the structure's settings, all saved on the first and copied to the second.
pub fn two_laptops() -> (Laptop, Laptop) {
    let first = tempfile::tempdir().unwrap();
    {
        let mut store = open(first.path(), "Claire Martin", "installation-a");
        store.save_beneficiary(&fixture(), today()).unwrap();
        store.save_workshop(&workshop()).unwrap();
        store.save_company(&company()).unwrap();
        store.save_partner(&partner()).unwrap();
        store
            .save_creche_settings(&CrecheSettings::default())
            .unwrap();
        store.save_settings(&Settings::default()).unwrap();
    }
    let second = tempfile::tempdir().unwrap();
    copy_dir(first.path(), second.path());
    let a = open_loaded(first.path(), "Claire Martin", "installation-a");
    let b = open_loaded(second.path(), "Karim Benali", "installation-b");
    (
        Laptop {
            dir: first,
            store: a,
        },
        Laptop {
            dir: second,
            store: b,
        },
    )
}

pub fn workshop() -> Workshop {
    let mut w = Workshop::new(d(2026, 12, 3));
    w.id = parcours::model::record::WorkshopId::from_uuid(uuid::uuid!(
        "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60"
    ));
    w.title = "Atelier CV".into();
    w.capacity = 8;
    w
}

fn company() -> Company {
    let mut c = Company::new();
    c.id = parcours::model::record::CompanyId::from_uuid(uuid::uuid!(
        "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61"
    ));
    c.name = "Boulangerie Ferrand".into();
    c.siret = "44306184100047".into();
    c
}

fn partner() -> FlePartner {
    FlePartner {
        id: parcours::model::record::PartnerId::from_uuid(uuid::uuid!(
            "0195a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a62"
        )),
        name: "Alpha FLE".into(),
        ..FlePartner::default()
    }
}

pub fn person(n: u128) -> BeneficiaryId {
    BeneficiaryId::from_uuid(uuid::Uuid::from_u128(
        0x0195_a1b2_c3d4_7e5f_8a9b_0000_0000_0000 + n,
    ))
}

/// Leaves `file` of the second laptop in the first one's folder under a sync tool's
/// conflict-copy name for `base` (`<id>.ron`, `creche.ron`…), as the tool does when both
/// changed it.
pub fn leave_copy(from: &Path, to: &Path, folder: &str, base: &str, naming: usize) -> PathBuf {
    let stem = base.strip_suffix(".ron").unwrap();
    let name = match naming {
        0 => format!("{stem}.sync-conflict-20261127-174233-KB7Q2XW.ron"),
        1 => format!("{stem} (conflicted copy Karim Benali 2026-11-27 174233).ron"),
        2 => format!("{stem}_conflict-20261127-174233.ron"),
        _ => format!("{stem}-PC-EDS-12.ron"),
    };
    let target = to.join(folder).join(name);
    fs::copy(from.join(folder).join(base), &target).unwrap();
    target
}

fn aside(dir: &Path) -> usize {
    fs::read_dir(dir.join(CONFLICTS_DIR)).map_or(0, Iterator::count)
}

fn record_file(b: &Beneficiary) -> String {
    format!("{}.ron", b.id)
}

#[test]
fn parts_changed_on_one_side_each_merge_without_a_question() {
    let (mut a, mut b) = two_laptops();
    let base = fixture();
    // Laptop A: a new phone, a session; laptop B: a note, an appointment, the French level.
    let mut on_a = base.clone();
    on_a.contact.phone = "07 11 22 33 44".into();
    on_a.preparation.sessions.push(Session {
        date: d(2026, 11, 27),
        duration_minutes: 45,
        kind: SessionKind::default(),
        note: "Point CV".into(),
    });
    a.store.save_beneficiary(&on_a, today()).unwrap();
    let mut on_b = base.clone();
    on_b.private_notes = "Cherche en boulangerie".into();
    on_b.french_level = CefrLevel::B1;
    on_b.preparation.appointments.push(Appointment::new(
        d(2026, 12, 1),
        NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
    ));
    b.store.save_beneficiary(&on_b, today()).unwrap();

    for naming in 0..4 {
        let scratch = tempfile::tempdir().unwrap();
        copy_dir(a.dir.path(), scratch.path());
        let copy = leave_copy(
            b.dir.path(),
            scratch.path(),
            BENEFICIARIES_DIR,
            &record_file(&base),
            naming,
        );
        let mut store = open(scratch.path(), "Claire Martin", "installation-a");
        let report = store.load();
        assert!(
            report.conflicts.is_empty(),
            "naming {naming}: nothing to ask"
        );
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let merged = &report.beneficiaries[0];
        assert_eq!(merged.contact.phone, "07 11 22 33 44", "from A");
        assert_eq!(merged.private_notes, "Cherche en boulangerie", "from B");
        assert_eq!(merged.french_level, CefrLevel::B1, "from B");
        assert_eq!(merged.preparation.sessions.len(), 1, "A's session kept");
        assert_eq!(
            merged.preparation.appointments.len(),
            1,
            "B's appointment kept"
        );
        assert!(!copy.exists(), "the copy is moved aside");
        assert_eq!(aside(scratch.path()), 1);
        // Loaded again, the merged file is the only one, and as merged.
        drop(store);
        let mut store = open(scratch.path(), "Claire Martin", "installation-a");
        let again = store.load();
        assert!(again.conflicts.is_empty());
        assert_eq!(again.beneficiaries[0], report.beneficiaries[0]);
    }
}

#[test]
fn a_part_changed_on_both_sides_is_asked_with_both_authors() {
    let (mut a, mut b) = two_laptops();
    let base = fixture();
    let mut on_a = base.clone();
    on_a.contact.town = "Ivry-sur-Seine".into();
    a.store.save_beneficiary(&on_a, today()).unwrap();
    let mut on_b = base.clone();
    on_b.contact.town = "Choisy-le-Roi".into();
    on_b.private_notes = "Vue à l'antenne de Choisy".into();
    b.store.save_beneficiary(&on_b, today()).unwrap();
    leave_copy(
        b.dir.path(),
        a.dir.path(),
        BENEFICIARIES_DIR,
        &record_file(&base),
        0,
    );
    let report = a.store.load();
    assert_eq!(report.conflicts.len(), 1);
    let conflict = &report.conflicts[0];
    let asked: Vec<RecordPart> = conflict.asked.iter().map(|p| p.part).collect();
    assert_eq!(asked, [RecordPart::Contact], "only the contact is asked");
    assert_eq!(conflict.asked[0].first.by, "Claire Martin");
    assert_eq!(conflict.asked[0].second.by, "Karim Benali");
    assert!(conflict.asked[0].second.at.is_some());
    // The note, changed on B only, is already in the record; the copy differs only in the town.
    let loaded = &report.beneficiaries[0];
    assert_eq!(loaded.private_notes, "Vue à l'antenne de Choisy");
    assert_eq!(loaded.contact.town, "Ivry-sur-Seine");
    assert_eq!(conflict.other.contact.town, "Choisy-le-Roi");
    let differing: Vec<RecordPart> = RecordPart::ALL
        .into_iter()
        .filter(|p| p.differs(loaded, &conflict.other))
        .collect();
    assert_eq!(differing, [RecordPart::Contact]);
    assert_eq!(
        conflict.name.as_ref().map(|n| n.who.as_str()),
        Some("KB7Q2XW")
    );
}

#[test]
fn a_removal_wins_over_an_untouched_item_only() {
    let (mut a, mut b) = two_laptops();
    let mut base = fixture();
    let session = |note: &str| Session {
        date: d(2026, 11, 20),
        duration_minutes: 30,
        kind: SessionKind::default(),
        note: note.into(),
    };
    base.preparation.sessions = vec![session("Premier entretien"), session("Deuxième")];
    let morning = Appointment::new(d(2026, 12, 2), NaiveTime::from_hms_opt(9, 0, 0).unwrap());
    base.preparation.appointments = vec![morning.clone()];
    a.store.save_beneficiary(&base, today()).unwrap();
    // Both laptops share this state (synced): A's file arrives on B, which reloads it.
    fs::copy(
        a.dir
            .path()
            .join(BENEFICIARIES_DIR)
            .join(record_file(&base)),
        b.dir
            .path()
            .join(BENEFICIARIES_DIR)
            .join(record_file(&base)),
    )
    .unwrap();
    let _ = b.store.load();
    // A removes the second session and moves the appointment; B removes the appointment.
    let mut on_a = base.clone();
    on_a.preparation.sessions.truncate(1);
    on_a.preparation.appointments[0].start = NaiveTime::from_hms_opt(11, 0, 0).unwrap();
    a.store.save_beneficiary(&on_a, today()).unwrap();
    let mut on_b = base.clone();
    on_b.preparation.appointments.clear();
    b.store.save_beneficiary(&on_b, today()).unwrap();
    leave_copy(
        b.dir.path(),
        a.dir.path(),
        BENEFICIARIES_DIR,
        &record_file(&base),
        1,
    );
    let report = a.store.load();
    assert!(report.conflicts.is_empty(), "{:?}", report.conflicts);
    let merged = &report.beneficiaries[0].preparation;
    assert_eq!(
        merged.sessions,
        [session("Premier entretien")],
        "A's removal holds"
    );
    assert_eq!(
        merged.appointments.len(),
        1,
        "B's removal loses to A's change"
    );
    assert_eq!(
        merged.appointments[0].start,
        NaiveTime::from_hms_opt(11, 0, 0).unwrap()
    );
}

#[test]
fn every_shared_file_s_copy_merges_under_every_naming() {
    for naming in 0..4 {
        let (mut a, b) = two_laptops();
        // Workshop: each laptop enrols someone. Company: each adds an offer; A renames it.
        let mut wa = workshop();
        wa.enrol(person(1)).unwrap();
        a.store.save_workshop(&wa).unwrap();
        let mut wb = workshop();
        wb.enrol(person(2)).unwrap();
        wb.place = "Salle 2".into();
        b.store.save_workshop(&wb).unwrap();
        let mut ca = company();
        ca.name = "Boulangerie Ferrand & fils".into();
        ca.offers.push(Offer {
            title: "Vendeuse".into(),
            ..Offer::new()
        });
        a.store.save_company(&ca).unwrap();
        let mut cb = company();
        cb.offers.push(Offer {
            title: "Boulanger".into(),
            ..Offer::new()
        });
        b.store.save_company(&cb).unwrap();
        let mut pb = partner();
        pb.contact = "01 45 00 00 00".into();
        b.store.save_partner(&pb).unwrap();
        let creche = CrecheSettings {
            name: "Les Lucioles".into(),
            ..CrecheSettings::default()
        };
        b.store.save_creche_settings(&creche).unwrap();
        let settings = Settings {
            structure_name: "EDS de Vitry".into(),
            ..Settings::default()
        };
        b.store.save_settings(&settings).unwrap();

        let (from, to) = (b.dir.path(), a.dir.path());
        let copies = [
            leave_copy(from, to, WORKSHOPS_DIR, &format!("{}.ron", wa.id), naming),
            leave_copy(from, to, COMPANIES_DIR, &format!("{}.ron", ca.id), naming),
            leave_copy(from, to, PARTNERS_DIR, &format!("{}.ron", pb.id), naming),
            leave_copy(from, to, "", CRECHE_FILE, naming),
            leave_copy(from, to, "", SETTINGS_FILE, naming),
        ];

        let (workshops, problems) = a.store.load_workshops();
        assert!(problems.is_empty(), "naming {naming}: {problems:?}");
        let enrolled: Vec<BeneficiaryId> = workshops[0]
            .enrolments
            .iter()
            .map(|e| e.beneficiary)
            .collect();
        assert_eq!(enrolled, [person(1), person(2)], "naming {naming}");
        assert_eq!(workshops[0].place, "Salle 2");
        let (companies, problems) = a.store.load_companies();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(companies[0].name, "Boulangerie Ferrand & fils");
        assert_eq!(companies[0].offers.len(), 2, "both offers kept");
        let (partners, problems) = a.store.load_partners();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(partners[0].contact, "01 45 00 00 00");
        assert_eq!(a.store.load_creche_settings(), (creche, None));
        assert_eq!(a.store.load_settings(), (settings, None));
        for copy in &copies {
            assert!(
                !copy.exists(),
                "naming {naming}: {} moved aside",
                copy.display()
            );
        }
        assert_eq!(aside(to), copies.len());
    }
}

#[test]
fn a_shared_file_changed_the_same_way_on_both_sides_is_reported_and_left() {
    let (mut a, b) = two_laptops();
    let mut wa = workshop();
    wa.place = "Salle 1".into();
    a.store.save_workshop(&wa).unwrap();
    let mut wb = workshop();
    wb.place = "Salle 2".into();
    b.store.save_workshop(&wb).unwrap();
    let copy = leave_copy(
        b.dir.path(),
        a.dir.path(),
        WORKSHOPS_DIR,
        &format!("{}.ron", wa.id),
        0,
    );
    let (workshops, problems) = a.store.load_workshops();
    assert_eq!(workshops[0].place, "Salle 1");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, copy);
    assert!(
        problems[0]
            .message
            .contains("ont changé les mêmes informations")
            && problems[0].message.contains("Syncthing, KB7Q2XW"),
        "{}",
        problems[0].message
    );
    assert!(copy.exists(), "never decided silently");
}

#[test]
fn a_choice_made_on_one_laptop_is_not_asked_again_on_the_other() {
    let (mut a, mut b) = two_laptops();
    let base = fixture();
    let mut on_a = base.clone();
    on_a.contact.town = "Ivry-sur-Seine".into();
    a.store.save_beneficiary(&on_a, today()).unwrap();
    let mut on_b = base.clone();
    on_b.contact.town = "Choisy-le-Roi".into();
    b.store.save_beneficiary(&on_b, today()).unwrap();
    let file = record_file(&base);
    leave_copy(b.dir.path(), a.dir.path(), BENEFICIARIES_DIR, &file, 0);
    let report = a.store.load();
    let conflict = &report.conflicts[0];
    let chosen = parcours::model::merge(
        &report.beneficiaries[0],
        &conflict.other,
        |_| parcours::model::Side::Kept,
        chrono::Utc::now(),
    );
    a.store
        .resolve_conflict(conflict, &chosen, today())
        .unwrap();
    // A keeps its own town. The resolved file reaches B, where B's own version is still the file: the sync tool
    // leaves one of the two as a copy, whichever it is.
    for resolved_is_the_copy in [true, false] {
        let scratch = tempfile::tempdir().unwrap();
        copy_dir(b.dir.path(), scratch.path());
        let (from, to) = if resolved_is_the_copy {
            (a.dir.path(), scratch.path())
        } else {
            let swapped = tempfile::tempdir().unwrap();
            copy_dir(a.dir.path(), swapped.path());
            copy_dir(swapped.path(), scratch.path());
            (b.dir.path(), scratch.path())
        };
        leave_copy(from, to, BENEFICIARIES_DIR, &file, 3);
        let mut store = open(scratch.path(), "Karim Benali", "installation-b");
        let report = store.load();
        assert!(
            report.conflicts.is_empty(),
            "{resolved_is_the_copy}: not asked again"
        );
        assert_eq!(report.beneficiaries[0].contact.town, "Ivry-sur-Seine");
    }
}
