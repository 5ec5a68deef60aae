//! Convocation letters (issue #17, section 3): the structure's details set in "Paramètres";
//! `parcours convocation` read back with poppler: one page, the name, date, time and place,
//! and nothing but the name and address in the envelope's window; a workshop's letters, one
//! per person; page 1 as a picture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use egui_kittest::kittest::Queryable;
use parcours::report::WINDOW_MM;
use parcours::ui::text::{common, settings};

use crate::agenda_cli::{parcours, stdout, write_fixture_dir};
use crate::common::{app, type_into};

#[test]
fn the_letterhead_phone_access_and_usual_place_are_set_in_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label(common::SETTINGS).click();
    harness.run();
    type_into(
        &mut harness,
        settings::STRUCTURE_ADDRESS,
        "12 rue de la Paix",
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness
        .get_by_label(settings::STRUCTURE_ADDRESS)
        .type_text("94400 Vitry-sur-Seine");
    harness.run();
    type_into(&mut harness, settings::STRUCTURE_PHONE, " 01 23 45 67 89 ");
    type_into(
        &mut harness,
        settings::ACCESS_NOTES,
        "Bus 180, arrêt Mairie",
    );
    type_into(
        &mut harness,
        settings::DEFAULT_PLACE,
        "Espace emploi, bureau 2",
    );
    harness.get_by_label(common::SAVE).scroll_to_me();
    harness.run();
    harness.get_by_label(common::SAVE).click();
    harness.run();
    let (saved, problem) =
        parcours::store::Store::open(dir.path(), parcours::store::Access::ReadOnly)
            .unwrap()
            .load_settings();
    assert!(problem.is_none());
    assert_eq!(
        saved.structure_address,
        "12 rue de la Paix\n94400 Vitry-sur-Seine"
    );
    assert_eq!(saved.structure_phone, "01 23 45 67 89", "trimmed");
    assert_eq!(saved.access_notes, "Bus 180, arrêt Mairie");
    assert_eq!(saved.default_place, "Espace emploi, bureau 2");
}

/// Runs a poppler tool on `pdf` with `args` and returns its output.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed ({e})"));
    assert!(output.status.success(), "{tool}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn pages(pdf: &Path) -> String {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_owned()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text inside the envelope's window (`WINDOW_MM`, converted to points at 72 dpi).
fn window_text(pdf: &Path) -> String {
    let (left, top, width, height) = WINDOW_MM;
    let pt = |mm: f32| format!("{}", (mm * 72.0 / 25.4).round());
    poppler(
        "pdftotext",
        &[
            "-enc",
            "UTF-8",
            "-x",
            &pt(left),
            "-y",
            &pt(top),
            "-W",
            &pt(width),
            "-H",
            &pt(height),
        ],
        pdf,
    )
}

#[test]
fn the_letter_is_one_page_with_name_date_time_place_and_only_the_address_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = write_fixture_dir(dir.path());
    let rdv = &fixture.fatou.preparation.appointments[0];
    for (args, name) in [
        (&[][..], "lettre.pdf"),
        (&["--gros-caracteres"][..], "gros.pdf"),
    ] {
        let pdf = dir.path().join(name);
        let id = rdv.id.to_string();
        let mut all = vec!["convocation", "--rdv", &id, "--out", pdf.to_str().unwrap()];
        all.extend(args);
        let output = parcours(dir.path(), &all);
        assert!(output.status.success(), "{output:?}");
        assert!(stdout(&output).contains("Convocation de Fatou Diallo"));
        assert_eq!(pages(&pdf), "1", "{name}: one page");
        let text = words(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf));
        for expected in [
            "Objet : Rendez-vous",
            "Fatou DIALLO",
            "mardi 24 novembre 2026 à 10 h 30",
            "45 minutes",
            "Espace emploi, bureau 2",
            "Bus 180, arrêt Mairie",
            "Vous verrez Claire Martin.",
            "Un justificatif de domicile",
            "01 23 45 67 89",
            "EDS de Vitry",
        ] {
            assert!(
                text.contains(expected),
                "{name}: {expected} missing from {text}"
            );
        }
        for secret in ["CNDA", "asile", "Démarches administratives"] {
            assert!(!text.contains(secret), "{name}: {secret} printed");
        }
        assert_eq!(
            words(&window_text(&pdf)),
            "Fatou DIALLO 8 allée des Tilleuls 94400 VITRY-SUR-SEINE",
            "{name}: the window shows the name and address, nothing else"
        );
    }
    let unknown = parcours(
        dir.path(),
        &["convocation", "--rdv", "pas-un-id", "--out", "x.pdf"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("aucun rendez-vous"));
}

#[test]
fn a_workshop_gives_one_letter_per_person_named_without_their_situation() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = write_fixture_dir(dir.path());
    let out_dir = dir.path().join("lettres");
    let output = parcours(
        dir.path(),
        &[
            "convocation",
            "--atelier",
            &fixture.workshop.id.to_string(),
            "--out-dir",
            out_dir.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "convocation_Diallo_Fatou_2026-11-25.pdf",
            "convocation_Haddad_Omar_2026-11-25.pdf"
        ]
    );
    let omar = out_dir.join(&names[1]);
    assert_eq!(pages(&omar), "1");
    let text = words(&poppler("pdftotext", &["-enc", "UTF-8"], &omar));
    assert!(
        text.contains("atelier collectif « Simulation d'entretien »"),
        "{text}"
    );
    assert!(
        text.contains("mercredi 25 novembre 2026 à 9 h 30"),
        "{text}"
    );
    assert!(text.contains("Salle Simone Veil"), "{text}");
    assert_eq!(
        words(&window_text(&omar)),
        "Omar HADDAD",
        "no address: the name alone"
    );
}

/// Page 1 of the letter as `pdftoppm -r 50` draws it, against the committed
/// `tests/snapshots/convocation_page1.png` (a tolerance for poppler's anti-aliasing; Linux
/// only, like the other images). `UPDATE_SNAPSHOTS=1` rewrites it: look at it before committing.
#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "images are compared on Linux only (README, Tests)"
)]
fn the_letter_looks_as_committed() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = write_fixture_dir(dir.path());
    let pdf = dir.path().join("lettre.pdf");
    let id = fixture.fatou.preparation.appointments[0].id.to_string();
    let output = parcours(
        dir.path(),
        &["convocation", "--rdv", &id, "--out", pdf.to_str().unwrap()],
    );
    assert!(output.status.success(), "{output:?}");
    let prefix = dir.path().join("page1");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(status.success());
    let drawn = prefix.with_extension("png");
    crate::image_snapshot::page_as_committed(&drawn, "convocation_page1");
}
