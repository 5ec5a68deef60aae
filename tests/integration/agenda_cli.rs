//! `parcours agenda` (issue #17, sections 2 and 4) as a counsellor runs it: the week printed one
//! line per item; the calendar file read back by an independent parser (Debian's
//! `python3-icalendar`); the day sheet with the people's phone numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use chrono::{NaiveTime, TimeZone, Utc};
use parcours::model::companies::ApplicationState;
use parcours::model::preparation::{
    Appointment, AppointmentMode, AppointmentPurpose, AppointmentStatus, CancelledBy, Workshop,
};
use parcours::model::record::{Beneficiary, Settings};
use parcours::store::{Access, Store};

use crate::common::d;

/// What [`write_fixture_dir`] wrote.
pub struct Fixture {
    pub fatou: Beneficiary,
    pub omar: Beneficiary,
    pub workshop: Workshop,
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Two people and a workshop in the week of 23 November 2026 (today is Sunday the 22nd):
/// Fatou's appointment on Tuesday at 10:30 with Claire (her referent), Omar's by phone on
/// Tuesday at 10:45 with Claire too (overlapping), a cancelled one, Omar's job interview on
/// Thursday, and Claire's workshop on Wednesday with both enrolled.
pub fn write_fixture_dir(dir: &Path) -> Fixture {
    let created = Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap();
    let mut fatou = Beneficiary::new(created);
    fatou.identity.first_name = "Fatou".into();
    fatou.identity.last_name = "Diallo".into();
    fatou.contact.street = "8 allée des Tilleuls".into();
    fatou.contact.postcode = "94400".into();
    fatou.contact.town = "Vitry-sur-Seine".into();
    fatou.contact.phone = "06 12 34 56 78".into();
    fatou.referent = "Claire Martin".into();
    fatou.private_notes = "Demande d'asile en cours".into();
    let mut rdv = Appointment::new(d(2026, 11, 24), t(10, 30));
    rdv.place = "Espace emploi, bureau 2".into();
    rdv.purpose = AppointmentPurpose::Administrative;
    rdv.note = "Recours CNDA".into();
    let mut cancelled = Appointment::new(d(2026, 11, 25), t(14, 0));
    cancelled.status = AppointmentStatus::Cancelled(CancelledBy::Person);
    cancelled.place = "Bureau 3".into();
    fatou.preparation.appointments = vec![rdv, cancelled];

    let mut omar = Beneficiary::new(created);
    omar.identity.first_name = "Omar".into();
    omar.identity.last_name = "Haddad".into();
    omar.contact.phone = "07 98 76 54 32".into();
    omar.referent = "Julien Lefèvre".into();
    let mut call = Appointment::new(d(2026, 11, 24), t(10, 45));
    call.mode = AppointmentMode::Phone;
    call.counsellor = "Claire Martin".into();
    omar.preparation.appointments = vec![call];
    let mut application = parcours::model::companies::Application::propose(
        parcours::model::record::CompanyId::new(),
        "Onet Services",
        None,
        d(2026, 11, 10),
    );
    application.state = ApplicationState::Interview {
        date: d(2026, 11, 26),
        time: Some(t(9, 0)),
        place: "Onet, 3 rue Berthelot, Ivry".into(),
    };
    omar.applications = vec![application];

    let mut workshop = Workshop::new(d(2026, 11, 25));
    workshop.title = "Simulation d'entretien".into();
    workshop.facilitator = "Claire Martin".into();
    workshop.place = "Salle Simone Veil".into();
    workshop.enrol(fatou.id).unwrap();
    workshop.enrol(omar.id).unwrap();

    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&fatou, d(2026, 11, 22)).unwrap();
    store.save_beneficiary(&omar, d(2026, 11, 22)).unwrap();
    store.save_workshop(&workshop).unwrap();
    store
        .save_settings(&Settings {
            structure_name: "EDS de Vitry".into(),
            structure_address: "12 rue de la Paix\n94400 Vitry-sur-Seine".into(),
            structure_phone: "01 23 45 67 89".into(),
            access_notes: "Bus 180, arrêt Mairie\n2e étage, porte B".into(),
            default_place: "Espace emploi, bureau 1".into(),
            ..Settings::default()
        })
        .unwrap();
    Fixture {
        fatou,
        omar,
        workshop,
    }
}

/// Runs `parcours --data-dir <dir> <args…>` with today fixed to Sunday 22 November 2026.
pub fn parcours(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", "2026-11-22")
        .output()
        .unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn the_week_prints_one_line_per_item_with_overlaps_and_the_counsellor_filter() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture_dir(dir.path());
    let output = parcours(dir.path(), &["agenda", "--week", "2026-W48"]);
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "2026-11-24 10:30-11:15\tRendez-vous (prévu) — chevauchement\tFatou D.\tEspace emploi, bureau 2",
            "2026-11-24 10:45-11:30\tRendez-vous (prévu) — chevauchement\tOmar H.\t",
            "2026-11-25 09:30-11:30\tAtelier\tSimulation d'entretien\tSalle Simone Veil",
            "2026-11-26 09:00-10:00\tEntretien d'embauche\tOmar H.\tOnet, 3 rue Berthelot, Ivry",
        ],
        "the cancelled appointment is left out; nothing of the situation shows"
    );
    // Julien is Omar's referent: he sees Omar's appointment (with Claire) and his interview.
    let julien = stdout(&parcours(
        dir.path(),
        &[
            "agenda",
            "--week",
            "2026-W48",
            "--counsellor",
            "julien lefèvre",
        ],
    ));
    assert_eq!(
        julien
            .lines()
            .map(|l| l.split('\t').nth(1).unwrap())
            .collect::<Vec<_>>(),
        ["Rendez-vous (prévu)", "Entretien d'embauche"],
        "{julien}"
    );
    let bad = parcours(dir.path(), &["agenda", "--week", "2026-48"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("2026-W48"));
}

/// Parses `file` with Debian's `python3-icalendar` (an independent reader) and prints one line
/// per event: UID, DTSTART's time zone and local time, DTEND, SUMMARY, LOCATION, STATUS; and
/// the VTIMEZONE's TZID.
fn parse_ics(file: &Path) -> String {
    let script = r"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for tz in cal.walk('VTIMEZONE'):
    print('TZ', tz['TZID'])
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART'); end = e.decoded('DTEND')
    print('|'.join([str(e['UID']), str(start.tzinfo), start.strftime('%Y-%m-%d %H:%M %z'),
        end.strftime('%H:%M'), str(e['SUMMARY']), str(e.get('LOCATION', '')), str(e.get('STATUS', '')),
        e.decoded('DTSTAMP').strftime('%z')]))
";
    let output = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("/usr/bin/python3 with python3-icalendar: bash scripts/setup-debian.sh test");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_calendar_file_reads_back_with_stable_uids_paris_times_and_no_situation() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = write_fixture_dir(dir.path());
    let ics = dir.path().join("claire.ics");
    let output = parcours(
        dir.path(),
        &[
            "agenda",
            "--counsellor",
            "Claire Martin",
            "--ics",
            ics.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout(&output).contains("4 événement(s)"),
        "{}",
        stdout(&output)
    );
    let raw = std::fs::read(&ics).unwrap();
    let text = String::from_utf8(raw.clone()).unwrap();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends only"
    );
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    for secret in [
        "Diallo",
        "Haddad",
        "CNDA",
        "asile",
        "administratives",
        "Fatou",
    ] {
        assert!(!text.contains(secret), "{secret} in the calendar");
    }
    let parsed = parse_ics(&ics);
    let rdv = &fixture.fatou.preparation.appointments[0];
    let cancelled = &fixture.fatou.preparation.appointments[1];
    let call = &fixture.omar.preparation.appointments[0];
    let expected = [
        "TZ Europe/Paris".to_owned(),
        format!(
            "{}@parcours|Europe/Paris|2026-11-24 10:30 +0100|11:15|RDV Parcours — F. D.|Espace emploi, bureau 2|CONFIRMED|+0000",
            rdv.id
        ),
        format!(
            "{}@parcours|Europe/Paris|2026-11-24 10:45 +0100|11:30|RDV Parcours — O. H.||CONFIRMED|+0000",
            call.id
        ),
        format!(
            "{}@parcours|Europe/Paris|2026-11-25 09:30 +0100|11:30|Atelier Parcours — Simulation d'entretien|Salle Simone Veil|CONFIRMED|+0000",
            fixture.workshop.id
        ),
        format!(
            "{}@parcours|Europe/Paris|2026-11-25 14:00 +0100|14:45|RDV Parcours — F. D.|Bureau 3|CANCELLED|+0000",
            cancelled.id
        ),
    ];
    assert_eq!(parsed.lines().collect::<Vec<_>>(), expected);

    // Exported again: the same UIDs (a calendar updates its events, never duplicates them).
    let again = dir.path().join("again.ics");
    parcours(
        dir.path(),
        &[
            "agenda",
            "--counsellor",
            "Claire Martin",
            "--ics",
            again.to_str().unwrap(),
        ],
    );
    let uids = |s: &str| -> Vec<String> {
        s.lines()
            .skip(1)
            .map(|l| l.split('|').next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(uids(&parse_ics(&again)), uids(&parsed));
}

#[test]
fn one_appointment_in_summer_time_with_a_long_accented_place_folds_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut fixture = write_fixture_dir(dir.path());
    let mut summer = Appointment::new(d(2027, 7, 6), t(14, 0));
    summer.duration_minutes = 90;
    summer.place = "Maison de l'emploi et de la solidarité, 2e étage, bureau « Élise Deroche » ; \
                    accès par la cour, côté rue Édouard-Vaillant"
        .into();
    fixture.fatou.preparation.appointments.push(summer.clone());
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.load();
    store
        .save_beneficiary(&fixture.fatou, d(2026, 11, 22))
        .unwrap();
    let ics = dir.path().join("one.ics");
    let output = parcours(
        dir.path(),
        &[
            "agenda",
            "--rdv",
            &summer.id.to_string(),
            "--ics",
            ics.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let raw = std::fs::read(&ics).unwrap();
    let text = String::from_utf8(raw).expect("folding never cuts a UTF-8 sequence");
    let location_lines: Vec<&str> = text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("LOCATION:"))
        .take_while(|l| l.starts_with("LOCATION:") || l.starts_with(' '))
        .collect();
    assert!(location_lines.len() >= 2, "{text}");
    assert!(location_lines.iter().all(|l| l.len() <= 75));
    assert!(
        text.contains("\\;") && text.contains("\\,"),
        "escaped: {text}"
    );
    let parsed = parse_ics(&ics);
    assert_eq!(
        parsed.lines().nth(1).unwrap(),
        format!(
            "{}@parcours|Europe/Paris|2027-07-06 14:00 +0200|15:30|RDV Parcours — F. D.|{}|CONFIRMED|+0000",
            summer.id, summer.place
        ),
        "summer time (+0200) from the VTIMEZONE's rules, the place whole"
    );
    let unknown = parcours(
        dir.path(),
        &[
            "agenda",
            "--rdv",
            "pas-un-id",
            "--ics",
            ics.to_str().unwrap(),
        ],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("aucun rendez-vous"));
}

#[test]
fn the_day_sheet_lists_tomorrows_people_with_their_phones() {
    let dir = tempfile::tempdir().unwrap();
    write_fixture_dir(dir.path());
    let pdf = dir.path().join("demain.pdf");
    // Tomorrow is Monday the 23rd: nothing; Tuesday's sheet has both appointments.
    let output = parcours(
        dir.path(),
        &["agenda", "--feuille-du-jour", pdf.to_str().unwrap()],
    );
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout(&output).contains("Feuille du 2026-11-23"),
        "{}",
        stdout(&output)
    );
    let output = parcours(
        dir.path(),
        &[
            "agenda",
            "--day",
            "2026-11-24",
            "--feuille-du-jour",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("mardi 24 novembre 2026"), "{text}");
    for expected in [
        "Fatou Diallo",
        "06 12 34 56 78",
        "Omar Haddad",
        "07 98 76 54 32",
        "10 h 45",
    ] {
        assert!(text.contains(expected), "{expected} missing: {text}");
    }
    assert!(!text.contains("CNDA") && !text.contains("asile"));
}
