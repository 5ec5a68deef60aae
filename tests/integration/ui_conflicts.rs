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
