//! The micro-crèche from the command line, as a counsellor or a script sees it: files merged
//! from two laptops that each booked the last place are reported by `check` (exit 1);
//! `creche week` prints every opening half-hour as `date time<TAB>booked/places` and writes the
//! week's planning as an A4 landscape PDF whose text reads back with `pdftotext`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use parcours::model::creche::{Booking, BookingReason, CrecheSettings, Schedule};
use parcours::model::{Beneficiary, BookingId, Child, ChildId};
use parcours::store::{Access, BENEFICIARIES_DIR, CRECHE_FILE, Store};

use crate::common::d;

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 22)
}

/// A parent whose toddler is booked on Tuesday 24/11/2026 from `start` to `end`.
fn family(n: usize, start: NaiveTime, end: NaiveTime) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 9, 1, 10, 0, 0).unwrap());
    b.identity.last_name = format!("Parent{n}");
    b.identity.first_name = "Aminata".into();
    let child = ChildId::new();
    b.family.children.push(Child {
        id: child,
        first_name: format!("Enfant{n}"),
        birth_date: Some(d(2025, 2, 14)),
    });
    b.creche.bookings.push(Booking {
        id: BookingId::new(),
        child,
        schedule: Schedule::Once(d(2026, 11, 24)),
        start,
        end,
        reason: BookingReason::Workshop(None),
        note: "atelier CV".into(),
    });
    b
}

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

/// Laptop A books twelve children (the crèche is full at 9:00–12:30); laptop B, offline, books
/// a thirteenth for 9:00–10:00; B's record file is then copied into A's folder by a sync tool.
fn merged_folder() -> tempfile::TempDir {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let mut store_a = Store::open(a.path(), Access::ReadWrite).unwrap();
    for n in 0..12 {
        store_a
            .save_beneficiary(&family(n, t(9, 0), t(12, 30)), today())
            .unwrap();
    }
    drop(store_a);
    let mut store_b = Store::open(b.path(), Access::ReadWrite).unwrap();
    let late = family(12, t(9, 0), t(10, 0));
    let written = store_b.save_beneficiary(&late, today()).unwrap();
    fs::copy(
        &written,
        a.path()
            .join(BENEFICIARIES_DIR)
            .join(written.file_name().unwrap()),
    )
    .unwrap();
    a
}

#[test]
fn check_reports_the_thirteenth_child_merged_from_another_laptop() {
    let dir = merged_folder();
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert_eq!(
        stdout(&output),
        "micro-crèche : mardi 24/11/2026 de 9 h à 10 h, 13 enfants réservés pour 12 places\n\
         micro-crèche : réservation à déplacer — Enfant12 (fiche de Aminata Parent12), mardi \
         24/11/2026 de 9 h à 10 h : les 12 places étaient prises par des réservations plus \
         anciennes, la plus ancienne garde la place\n"
    );

    // 13 places would hide it, but a micro-crèche has 12 at most: the settings refuse them…
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let error = store
        .save_creche_settings(&CrecheSettings {
            capacity: 13,
            ..CrecheSettings::default()
        })
        .unwrap_err();
    assert!(error.to_string().contains("12 enfants au plus"), "{error}");
    drop(store);
    // … and one family's booking cancelled leaves nothing to report.
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    let mut record = store
        .load()
        .beneficiaries
        .into_iter()
        .find(|b| !b.creche.bookings.is_empty())
        .unwrap();
    record.creche.bookings.clear();
    store.save_beneficiary(&record, today()).unwrap();
    drop(store);
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn check_reports_a_damaged_creche_file_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join(BENEFICIARIES_DIR)).unwrap();
    fs::write(
        dir.path().join(CRECHE_FILE),
        "(\n    schema_version: 3,\n    record: (capacity: -1),\n)\n",
    )
    .unwrap();
    let output = run(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("creche.ron:3:"), "{text}");
}

#[test]
fn creche_week_prints_every_opening_half_hour_with_the_conflict() {
    let dir = merged_folder();
    let output = run(dir.path(), &["creche", "week", "--week", "2026-W48"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    // Five opening days × 21 half-hours (8:00–18:30).
    assert_eq!(lines.len(), 105);
    assert_eq!(lines[0], "2026-11-23 08:00\t0/12");
    assert!(lines.contains(&"2026-11-24 09:00\t13/12"), "{text}");
    assert!(lines.contains(&"2026-11-24 10:00\t12/12"));
    assert!(lines.contains(&"2026-11-24 12:30\t0/12"));
    assert_eq!(lines[104], "2026-11-27 18:00\t0/12");

    let refused = run(dir.path(), &["creche", "week", "--week", "semaine 48"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("2026-W48"));
}

fn poppler(tool: &str, args: &[&str], file: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(file);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|e| {
        panic!("{tool} (poppler-utils) is needed: bash scripts/setup-debian.sh test ({e})")
    });
    assert!(output.status.success(), "{tool} failed: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn creche_week_writes_the_planning_as_an_a4_landscape_pdf() {
    let dir = merged_folder();
    let pdf = dir.path().join("semaine.pdf");
    let output = run(
        dir.path(),
        &[
            "creche",
            "week",
            "--week",
            "2026-W48",
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output).lines().count(), 105, "no warning expected");
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("841.89 x 595.276"), "landscape A4: {info}");
    let text = poppler("pdftotext", &["-layout", "-enc", "UTF-8"], &pdf);
    for expected in [
        "Micro-crèche – planning de la semaine",
        "Semaine 2026-W48, du lundi 23/11/2026 au dimanche 29/11/2026",
        "Taux d’occupation : 6,8 %",
        "mardi 24/11",
        "13/12",
        "surréservé",
        "Enfant12 (Parent12) 9 h – 10 h, Atelier : atelier CV",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
}
