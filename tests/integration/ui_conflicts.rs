//! A record found in two files (a sync tool's conflict copy) is shown, never silently picked:
//! the counsellor keeps one version, the other, or merges them part by part.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{app, fixture, today, write_fixture};
use egui_kittest::kittest::Queryable;
use parcours::model::RecordPart;
use parcours::store::{Access, CONFLICTS_DIR, Store};
use parcours::ui::text;

/// Writes the other laptop's version of the fixture next to it, as Dropbox names a conflict.
fn write_conflict_copy(dir: &std::path::Path) {
    let mut other = fixture();
    other.contact.town = "Ivry-sur-Seine".to_owned();
    other.private_notes = "Notée sur le portable de l'accueil".to_owned();
    let scratch = tempfile::tempdir().unwrap();
    let mut store = Store::open(scratch.path(), Access::ReadWrite).unwrap();
    let written = store.save_beneficiary(&other, today()).unwrap();
    let name = format!("{} (conflicted copy).ron", other.id);
    std::fs::copy(written, dir.join("beneficiaries").join(name)).unwrap();
}

#[test]
fn a_conflict_is_shown_and_merged_part_by_part() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    write_conflict_copy(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    assert!(
        harness
            .query_by_label_contains("1 fiche(s) en double")
            .is_some()
    );
    harness.get_by_label("Résoudre").click();
    harness.run();
    // Only the parts that differ offer a choice; the rest say "identique".
    let kept = fixture();
    let mut other = kept.clone();
    other.contact.town = "Ivry-sur-Seine".to_owned();
    harness
        .get_by_label(&RecordPart::Contact.summary(&other))
        .click();
    harness.run();
    harness.get_by_label(text::conflict::MERGE).click();
    harness.run();

    let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
    let report = store.load();
    assert!(report.conflicts.is_empty() && report.problems.is_empty());
    let merged = &report.beneficiaries[0];
    assert_eq!(merged.contact.town, "Ivry-sur-Seine", "taken from B");
    assert_eq!(merged.private_notes, kept.private_notes, "kept from A");
    let aside = std::fs::read_dir(dir.path().join(CONFLICTS_DIR))
        .unwrap()
        .count();
    assert_eq!(aside, 1, "the other copy is put aside, not deleted");
    assert!(harness.query_by_label_contains("en double").is_none());
}

#[test]
fn only_the_part_changed_on_both_laptops_is_asked_with_who_changed_it() {
    use crate::sync_copies::{leave_copy, two_laptops};
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
        parcours::store::BENEFICIARIES_DIR,
        &format!("{}.ron", base.id),
        0,
    );
    drop(a.store);
    let mut harness = app(a.dir.path());
    harness.run();
    harness.get_by_label("Résoudre").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("modifié par Karim Benali")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("modifié par Claire Martin")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Copie laissée par Syncthing (KB7Q2XW)")
            .is_some()
    );
    // The note, changed on one laptop only, is not offered: it is already in.
    assert!(harness.query_all_by_label_contains("modifié par").count() == 2);
    harness
        .get_by_label(&RecordPart::Contact.summary(&on_b))
        .click();
    harness.run();
    harness.get_by_label(text::conflict::MERGE).click();
    harness.run();
    let mut store = Store::open(a.dir.path(), Access::ReadOnly).unwrap();
    let report = store.load();
    assert!(report.conflicts.is_empty());
    let merged = &report.beneficiaries[0];
    assert_eq!(merged.contact.town, "Choisy-le-Roi");
    assert_eq!(merged.private_notes, "Vue à l'antenne de Choisy");
}
