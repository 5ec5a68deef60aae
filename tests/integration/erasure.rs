//! Erasure through the binary, as a DPO would check it: after `parcours erase`, the person's
//! names, NIR, phone and street are in no file of the data directory (backups and conflict
//! folders included), the other people's data is still in the backups, and an old copy of the
//! record dropped back into the folder (a sync peer's) does not bring the person back.
//! `parcours retention` lists the records past the retention period, `--apply` erases them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{TimeZone, Utc};
use parcours::model::demo::demo_beneficiaries;
use parcours::model::record::Beneficiary;
use parcours::store::{
    Access, BACKUPS_DIR, BENEFICIARIES_DIR, CONFLICTS_DIR, Store, render_beneficiary,
};

use crate::common::{d, today};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", today().format("%Y-%m-%d").to_string())
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every regular file under `dir`, at any depth.
fn every_file(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let kind = entry.file_type().unwrap();
        if kind.is_dir() {
            files.extend(every_file(&entry.path()));
        } else if kind.is_file() {
            files.push(entry.path());
        }
    }
    files
}

/// The files of `dir` that hold `needle`.
fn files_holding(dir: &Path, needle: &str) -> Vec<PathBuf> {
    every_file(dir)
        .into_iter()
        .filter(|f| text(&fs::read(f).unwrap()).contains(needle))
        .collect()
}

/// Aminata Coulibaly (with a NIR, a phone, a street and a child) and two other people, saved on
/// three days so that the folder has backups of her; plus a sync tool's conflict copy, a
/// resolved conflict kept aside and a stray temporary copy.
fn folder_with_aminata(dir: &Path) -> (Beneficiary, Vec<Beneficiary>) {
    let mut people = demo_beneficiaries(12, today(), 5);
    let index = people
        .iter()
        .position(|b| {
            b.administrative.social_security_number.is_some() && !b.family.children.is_empty()
        })
        .expect("a demo person with a NIR and a child");
    let mut aminata = people.remove(index);
    aminata.identity.first_name = "Aminata".into();
    aminata.identity.last_name = "Coulibaly".into();
    aminata.contact.phone = "06 71 82 93 04".into();
    aminata.contact.street = "12 rue des Glycines".into();
    let others: Vec<Beneficiary> = people
        .into_iter()
        .filter(|b| b.identity.first_name != "Aminata" && b.identity.last_name != "Coulibaly")
        .take(2)
        .collect();
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for day in [d(2026, 11, 18), d(2026, 11, 19), d(2026, 11, 20)] {
        store.save_beneficiary(&aminata, day).unwrap();
        for other in &others {
            store.save_beneficiary(other, day).unwrap();
        }
    }
    drop(store);
    let rendered = render_beneficiary(&aminata).unwrap();
    let records = dir.join(BENEFICIARIES_DIR);
    fs::write(
        records.join(format!("{} (conflicted copy 2026-11-19).ron", aminata.id)),
        &rendered,
    )
    .unwrap();
    fs::create_dir_all(dir.join(CONFLICTS_DIR)).unwrap();
    fs::write(
        dir.join(CONFLICTS_DIR)
            .join(format!("{}.ron.20261119-101500.copie", aminata.id)),
        &rendered,
    )
    .unwrap();
    fs::write(
        dir.join(BACKUPS_DIR)
            .join("2026-11-19")
            .join(BENEFICIARIES_DIR)
            .join(format!("{} (copie de Coulibaly).ron", aminata.id)),
        &rendered,
    )
    .unwrap();
    (aminata, others)
}

fn identifiers(person: &Beneficiary) -> Vec<String> {
    let mut needles = vec![
        person.identity.last_name.clone(),
        person.identity.first_name.clone(),
        person.contact.phone.clone(),
        person.contact.street.clone(),
    ];
    needles.extend(person.administrative.social_security_number.clone());
    needles.extend(person.family.children.iter().map(|c| c.first_name.clone()));
    needles.retain(|n| !n.trim().is_empty());
    needles
}

fn assert_nowhere(dir: &Path, person: &Beneficiary) {
    for needle in identifiers(person) {
        let found = files_holding(dir, &needle);
        assert!(found.is_empty(), "{needle:?} still in {found:?}");
    }
}

#[test]
fn erase_removes_the_person_from_every_file_and_an_old_copy_does_not_bring_her_back() {
    let dir = tempfile::tempdir().unwrap();
    let (aminata, others) = folder_with_aminata(dir.path());
    let id = aminata.id.to_string();
    let old_copy = fs::read(dir.path().join(BENEFICIARIES_DIR).join(format!("{id}.ron"))).unwrap();
    assert!(!files_holding(dir.path(), "Coulibaly").is_empty());

    // Without --yes: refused, naming the person, nothing changed.
    let before: Vec<PathBuf> = files_holding(dir.path(), "Coulibaly");
    let refused = run(dir.path(), &["erase", "--beneficiary", &id]);
    assert_eq!(refused.status.code(), Some(2));
    let message = text(&refused.stderr);
    assert!(message.contains("Aminata Coulibaly"), "{message}");
    assert!(message.contains("--yes"), "{message}");
    assert_eq!(files_holding(dir.path(), "Coulibaly"), before);

    let erased = run(dir.path(), &["erase", "--beneficiary", &id, "--yes"]);
    assert!(erased.status.success(), "{}", text(&erased.stderr));
    assert_nowhere(dir.path(), &aminata);
    // The journal keeps the erasure, by the record's id only.
    let journal = text(&run(dir.path(), &["journal", "--beneficiary", &id]).stdout);
    assert!(journal.contains(&format!("{id}\teffacé")), "{journal}");
    // The backups were rewritten, not deleted: the other people are still in them.
    let other_name = &others[0].identity.last_name;
    assert!(
        files_holding(&dir.path().join(BACKUPS_DIR), other_name).len() >= 3,
        "backups of the others kept"
    );
    // A tombstone names the record, not the person.
    let tomb = dir.path().join("effacements").join(format!("{id}.ron"));
    assert!(text(&fs::read(&tomb).unwrap()).contains(&id));
    // Nobody lists or prints her.
    let list = text(&run(dir.path(), &["list"]).stdout);
    assert!(!list.contains(&id), "{list}");
    assert_eq!(list.lines().count(), others.len());
    let check = run(dir.path(), &["check"]);
    assert!(check.status.success(), "{}", text(&check.stdout));

    // A sync peer's old copy comes back, under her file's name and as a conflict copy.
    let records = dir.path().join(BENEFICIARIES_DIR);
    fs::write(records.join(format!("{id}.ron")), &old_copy).unwrap();
    fs::write(
        records.join(format!("{id} (Portable-Lucie).ron")),
        &old_copy,
    )
    .unwrap();
    let list = text(&run(dir.path(), &["list"]).stdout);
    assert!(!list.contains("Coulibaly") && !list.contains(&id), "{list}");
    let out = dir.path().join("pdf");
    let printed = run(
        dir.path(),
        &["print", "--all", "--out-dir", out.to_str().unwrap()],
    );
    // (The copy left beside her file is reported by a reader, which may not delete it.)
    assert!(!text(&printed.stdout).contains("Coulibaly"));
    assert_eq!(fs::read_dir(&out).unwrap().count(), others.len());
    fs::remove_dir_all(&out).unwrap();
    // The first writer to load the folder anonymises her again and drops the copy.
    let retention = run(dir.path(), &["retention", "--apply"]);
    assert!(retention.status.success(), "{}", text(&retention.stderr));
    assert_nowhere(dir.path(), &aminata);
}

#[test]
fn retention_lists_the_records_past_the_period_and_apply_erases_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut aminata, others) = folder_with_aminata(dir.path());
    // Her last contact: an edit three years ago, nothing since.
    aminata.updated_at = Utc.with_ymd_and_hms(2023, 10, 2, 9, 0, 0).unwrap();
    aminata.preparation.sessions.clear();
    aminata.applications.clear();
    aminata.creche.bookings.clear();
    aminata.creche.waiting.clear();
    fs::write(
        dir.path()
            .join(BENEFICIARIES_DIR)
            .join(format!("{}.ron", aminata.id)),
        render_beneficiary(&aminata).unwrap(),
    )
    .unwrap();
    // The conflict copy in the records' folder would be reported; it is not due by itself.
    for entry in fs::read_dir(dir.path().join(BENEFICIARIES_DIR)).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains("conflicted") {
            fs::remove_file(path).unwrap();
        }
    }

    let listed = run(dir.path(), &["retention"]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    let lines = text(&listed.stdout);
    assert_eq!(
        lines,
        format!(
            "{}\tAminata Coulibaly\t2023-10-02\tmodification de la fiche\n",
            aminata.id
        )
    );
    assert!(
        !files_holding(dir.path(), "Coulibaly").is_empty(),
        "listing erases nothing"
    );

    let applied = run(dir.path(), &["retention", "--apply"]);
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert!(text(&applied.stdout).contains(&format!("{}\teffacée", aminata.id)));
    assert_nowhere(dir.path(), &aminata);
    let list = text(&run(dir.path(), &["list"]).stdout);
    assert_eq!(list.lines().count(), others.len());
    let again = text(&run(dir.path(), &["retention"]).stdout);
    assert!(again.starts_with("Aucune fiche"), "{again}");
}

/// Aminata (last contact: an edit in 2023, past the 24 months) and Ousmane (the same), and the
/// others (recent), as the window finds them.
fn folder_with_two_due(dir: &Path) -> (Beneficiary, Beneficiary, Vec<Beneficiary>) {
    let (aminata, mut others) = folder_with_aminata(dir);
    let old = |mut b: Beneficiary, first: &str, last: &str| {
        b.identity.first_name = first.into();
        b.identity.last_name = last.into();
        b.updated_at = Utc.with_ymd_and_hms(2023, 10, 2, 9, 0, 0).unwrap();
        b.preparation.sessions.clear();
        b.applications.clear();
        b.creche.bookings.clear();
        b.creche.waiting.clear();
        fs::write(
            dir.join(BENEFICIARIES_DIR).join(format!("{}.ron", b.id)),
            render_beneficiary(&b).unwrap(),
        )
        .unwrap();
        b
    };
    let aminata = old(aminata, "Aminata", "Coulibaly");
    let ousmane = old(others.remove(0), "Ousmane", "Traoré");
    for entry in fs::read_dir(dir.join(BENEFICIARIES_DIR)).unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().contains("conflicted") {
            fs::remove_file(path).unwrap();
        }
    }
    (aminata, ousmane, others)
}

mod window {
    use super::*;
    use crate::common::app;
    use egui_kittest::kittest::Queryable;
    use parcours::store::parse_beneficiary;
    use parcours::ui::text;

    #[test]
    fn erase_from_the_window_after_a_confirmation_naming_the_person() {
        let dir = tempfile::tempdir().unwrap();
        let (aminata, ousmane, _) = folder_with_two_due(dir.path());
        let mut harness = app(dir.path());
        harness.run();
        harness.get_by_label(text::common::PROTECTION_OPEN).click();
        harness.run();
        let heading = text::protection::due_heading(24);
        assert!(harness.query_by_label(&heading).is_some());
        let why = text::protection::why("modification de la fiche", 24);
        assert_eq!(harness.query_all_by_label(&why).count(), 2);
        assert_eq!(harness.query_all_by_label("02/10/2023").count(), 2);

        // The due list is sorted by last contact, then name: Aminata's "Effacer…" is first.
        harness
            .query_all_by_label(text::protection::ERASE)
            .next()
            .unwrap()
            .click();
        harness.run();
        let confirm = text::protection::confirm_button("Aminata Coulibaly");
        // Cancelling erases nothing.
        harness.get_by_label(text::common::CANCEL).click();
        harness.run();
        assert!(harness.query_by_label(&confirm).is_none());
        assert!(!files_holding(dir.path(), "Coulibaly").is_empty());

        harness
            .query_all_by_label(text::protection::ERASE)
            .next()
            .unwrap()
            .click();
        harness.run();
        harness.get_by_label(&confirm).click();
        harness.run();
        assert_nowhere(dir.path(), &aminata);
        assert_eq!(harness.query_all_by_label(&why).count(), 1);
        assert!(harness.query_by_label_contains("Coulibaly").is_none());
        // The anonymised record is not in the list either, not even nameless.
        assert!(harness.query_by_label_contains("(sans nom)").is_none());
        assert!(!files_holding(dir.path(), &ousmane.identity.last_name).is_empty());
    }

    #[test]
    fn extend_needs_a_reason_and_takes_the_person_off_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let (aminata, _, _) = folder_with_two_due(dir.path());
        let mut harness = app(dir.path());
        harness.run();
        harness.get_by_label(text::common::PROTECTION_OPEN).click();
        harness.run();
        harness
            .query_all_by_label(text::protection::EXTEND)
            .next()
            .unwrap()
            .click();
        harness.run();
        assert!(
            harness
                .query_by_label(&text::protection::extend_title("Aminata Coulibaly"))
                .is_some()
        );
        crate::common::type_into(&mut harness, text::protection::EXTEND_UNTIL, "30/06/2027");
        harness.get_by_label(text::protection::EXTEND_SAVE).click();
        harness.run();
        assert!(
            harness
                .query_by_label(text::protection::EXTEND_NO_REASON)
                .is_some()
        );
        crate::common::type_into(
            &mut harness,
            text::protection::EXTEND_REASON,
            "Contentieux prud'homal en cours",
        );
        harness.get_by_label(text::protection::EXTEND_SAVE).click();
        harness.run();
        let why = text::protection::why("modification de la fiche", 24);
        assert_eq!(harness.query_all_by_label(&why).count(), 1);
        let file = dir
            .path()
            .join(BENEFICIARIES_DIR)
            .join(format!("{}.ron", aminata.id));
        let saved = parse_beneficiary(&fs::read(file).unwrap()).unwrap();
        let extension = saved.protection.extension.unwrap();
        assert_eq!(extension.until, d(2027, 6, 30));
        assert_eq!(extension.reason, "Contentieux prud'homal en cours");
        assert_eq!(saved.updated_at, aminata.updated_at, "not a contact");
    }

    #[test]
    fn erase_on_request_picks_any_person() {
        let dir = tempfile::tempdir().unwrap();
        let (_, _, others) = folder_with_two_due(dir.path());
        let person = &others[0];
        let name = person.display_name();
        let mut harness = app(dir.path());
        harness.run();
        harness.get_by_label(text::common::PROTECTION_OPEN).click();
        harness.run();
        harness
            .query_all_by_label(text::protection::PICK_PERSON)
            .last()
            .unwrap()
            .click();
        harness.run();
        harness.query_all_by_label(&name).last().unwrap().click();
        harness.run();
        harness
            .get_by_label(text::protection::ERASE_ON_REQUEST)
            .click();
        harness.run();
        harness
            .get_by_label(&text::protection::confirm_button(&name))
            .click();
        harness.run();
        assert_nowhere(dir.path(), person);
    }
}

/// A restore never undoes an erasure: the backup restored holds her anonymised (it was
/// rewritten), and the tombstone stays, so a sync peer's old copy still cannot bring her back.
#[test]
fn a_restore_after_an_erasure_keeps_the_tombstone() {
    let dir = tempfile::tempdir().unwrap();
    let (aminata, _) = folder_with_aminata(dir.path());
    let id = aminata.id;
    let old_copy = fs::read(dir.path().join(BENEFICIARIES_DIR).join(format!("{id}.ron"))).unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.erase(id, d(2026, 11, 21)).unwrap();
    store.restore(d(2026, 11, 20)).unwrap();
    drop(store);
    let tomb = dir.path().join("effacements").join(format!("{id}.ron"));
    assert!(tomb.exists(), "the tombstone survives the restore");
    // The peer's old copy comes back after the restore: she stays anonymised.
    fs::write(
        dir.path()
            .join(BENEFICIARIES_DIR)
            .join(format!("{id} (Portable-Lucie).ron")),
        &old_copy,
    )
    .unwrap();
    let list = text(&run(dir.path(), &["list"]).stdout);
    assert!(!list.contains("Coulibaly"), "{list}");
    let retention = run(dir.path(), &["retention", "--apply"]);
    assert!(retention.status.success(), "{}", text(&retention.stderr));
    assert_nowhere(dir.path(), &aminata);
}
