//! Phase 2 on disk: `parcours demo` writes a workshops' catalogue that refers to the demo
//! records; `parcours check` reports a damaged workshop file with grep's exit code; a record
//! written before phase 2 existed loads with an empty preparation; a workshop saved while a
//! record is edited leaves the record's file alone, and the other way round.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use parcours::model::Beneficiary;
use parcours::model::preparation::{Attendance, Preparation, Workshop, attended_sessions};
use parcours::store::{Access, Store, WORKSHOPS_DIR};

use crate::common::{fixture, today};

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

fn load(dir: &Path) -> (Vec<Beneficiary>, Vec<Workshop>) {
    let mut store = Store::open(dir, Access::ReadOnly).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let (workshops, problems) = store.load_workshops();
    assert!(problems.is_empty(), "{problems:?}");
    (report.beneficiaries, workshops)
}

#[test]
fn demo_writes_workshops_with_enrolments_and_check_reports_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["demo", "--count", "30"]);
    assert!(output.status.success(), "{output:?}");
    let (records, workshops) = load(dir.path());
    assert!(workshops.len() >= 4);
    assert!(workshops.iter().any(Workshop::is_full));
    // Every enrolment points at a demo record, and some attendances count in a person's log.
    assert!(workshops.iter().all(|w| {
        w.enrolments
            .iter()
            .all(|e| records.iter().any(|b| b.id == e.beneficiary))
    }));
    assert!(
        records
            .iter()
            .any(|b| !attended_sessions(&workshops, b.id).is_empty())
    );
    assert!(
        records
            .iter()
            .any(|b| b.preparation != Preparation::default())
    );
    assert!(run(dir.path(), &["check"]).status.success());

    let damaged = dir
        .path()
        .join(WORKSHOPS_DIR)
        .join(format!("{}.ron", workshops[0].id));
    fs::write(
        &damaged,
        "(\n    schema_version: 1,\n    record: (id: 12),\n)\n",
    )
    .unwrap();
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(
        report.contains(&format!("{}:3:", damaged.display())),
        "{report}"
    );
}

#[test]
fn a_record_without_phase_two_loads_with_an_empty_preparation() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let path = store.save_beneficiary(&fixture(), today()).unwrap();
    // The same file as a build without phase 2 wrote it: no `preparation` field.
    let text = fs::read_to_string(&path).unwrap();
    // `preparation` is the record's last field: cut from it to the end, then close the record
    // and the envelope again.
    let start = text.rfind("\n        preparation: (").unwrap() + 1;
    let older = format!("{}    ),\n)\n", &text[..start]);
    assert!(!older.contains("sessions"));
    fs::write(&path, &older).unwrap();
    let report = store.load();
    assert!(report.problems.is_empty(), "{:?}\n{older}", report.problems);
    assert_eq!(report.beneficiaries[0].preparation, Preparation::default());
    // A file from before phase 2 predates format 6 too: no data-protection part either (the
    // cut took it, since it comes after `preparation`).
    let mut expected = fixture();
    expected.protection = parcours::model::record::Protection::default();
    assert_eq!(report.beneficiaries[0], expected);
}

#[test]
fn a_workshop_and_a_record_saved_in_turn_never_overwrite_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let mut record = fixture();
    store.save_beneficiary(&record, today()).unwrap();
    let mut workshop = Workshop {
        title: "Codes de l'entreprise en France".into(),
        ..Workshop::new(today())
    };
    workshop.enrol(record.id).unwrap();
    store.save_workshop(&workshop).unwrap();
    // The record is edited afterwards (as from the open tab), then the workshop again.
    record.preparation.cir.civic_days_done = 3;
    store.save_beneficiary(&record, today()).unwrap();
    workshop
        .mark(record.id, Attendance::Present, today())
        .unwrap();
    store.save_workshop(&workshop).unwrap();

    let (records, workshops) = load(dir.path());
    assert_eq!(records[0].preparation.cir.civic_days_done, 3);
    assert_eq!(workshops, [workshop]);
    assert_eq!(attended_sessions(&workshops, record.id).len(), 1);
}
