//! The recovery key's printed sheet (#15), read back by independent readers: `pdftotext`
//! finds the key and the instructions, `zbarimg` reads the QR code off the page as poppler
//! draws it and gets exactly the key, which opens again as a recovery key; page 1 as a picture.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use parcours::report::{RECOVERY_COMMAND, RecoverySheet, render_recovery_sheet};
use parcours::store::crypto::RecoveryKey;

use crate::common::d;

fn sheet(key_text: &str) -> RecoverySheet {
    RecoverySheet {
        structure: "Association Élan Vitry".to_owned(),
        data_dir: "/home/claire/Nextcloud/Parcours/donnees".to_owned(),
        created: d(2026, 11, 27),
        key_text: key_text.to_owned(),
    }
}

/// The sheet of `key_text` written into `dir`.
fn written(dir: &Path, key_text: &str) -> std::path::PathBuf {
    let pdf = dir.join("cle-de-secours.pdf");
    std::fs::write(&pdf, render_recovery_sheet(&sheet(key_text)).unwrap()).unwrap();
    pdf
}

fn run(tool: &str, package: &str, args: &[&str]) -> std::process::Output {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} ({package}) is needed: bash scripts/setup-debian.sh test ({e})")
    });
    assert!(output.status.success(), "{tool} failed: {output:?}");
    output
}

/// Page 1 drawn by `pdftoppm` at `dpi` into `dir`: the PNG's path.
fn page_png(dir: &Path, pdf: &Path, dpi: u32) -> std::path::PathBuf {
    let prefix = dir.join(format!("page1-{dpi}"));
    let dpi = dpi.to_string();
    run(
        "pdftoppm",
        "poppler-utils",
        &[
            "-png",
            "-r",
            &dpi,
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    prefix.with_extension("png")
}

fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    let mut args = vec!["-enc", "UTF-8"];
    args.extend(options);
    args.extend([pdf.to_str().unwrap(), "-"]);
    String::from_utf8(run("pdftotext", "poppler-utils", &args).stdout).unwrap()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_sheet_shows_the_key_and_says_what_it_opens_and_how_to_keep_it() {
    let dir = tempfile::tempdir().unwrap();
    let key = RecoveryKey::generate().unwrap().to_text();
    let pdf = written(dir.path(), &key);
    let info = String::from_utf8(run("pdfinfo", "poppler-utils", &[pdf.to_str().unwrap()]).stdout)
        .unwrap();
    assert!(info.contains("Pages:           1"), "{info}");
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let text = pdftotext(&pdf, &[]);
    let groups: Vec<&str> = key.split('-').collect();
    let (first, second) = groups.split_at(4);
    // Two lines of four groups, each as the counsellor reads it and types it (every character
    // sits in a cell of its own: poppler reads the gaps of the narrow ones as spaces).
    let lines: Vec<String> = text.lines().map(|l| l.replace(' ', "")).collect();
    assert!(lines.contains(&first.join("-")), "{text}");
    assert!(lines.contains(&second.join("-")), "{text}");
    // Each label beside its value.
    let layout: Vec<String> = pdftotext(&pdf, &["-layout"]).lines().map(words).collect();
    for expected in [
        "Structure Association Élan Vitry",
        "Dossier des données /home/claire/Nextcloud/Parcours/donnees",
        "Clé créée le 27 novembre 2026",
    ] {
        assert!(layout.iter().any(|l| l == expected), "{layout:#?}");
    }
    let text = words(&text);
    for expected in [
        "Clé de secours Parcours",
        "si la phrase de passe est oubliée",
        "« Clé de secours… »",
        RECOVERY_COMMAND,
        "jamais avec l’ordinateur",
        "Qui détient cette clé peut lire toutes les fiches.",
        "Si la phrase de passe et cette clé sont perdues toutes les deux, les données sont \
         perdues pour toujours.",
        "Parcours ne l’enregistre nulle part : cette feuille en est le seul exemplaire.",
    ] {
        assert!(
            text.contains(expected),
            "« {expected} » missing from: {text}"
        );
    }
}

#[test]
fn an_independent_reader_decodes_the_printed_qr_code_as_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let key = RecoveryKey::generate().unwrap().to_text();
    let pdf = written(dir.path(), &key);
    let png = page_png(dir.path(), &pdf, 150);
    let output = run(
        "zbarimg",
        "zbar-tools",
        &["--raw", "-q", png.to_str().unwrap()],
    );
    let decoded = String::from_utf8(output.stdout).unwrap();
    // One code on the page, and it is the key, exactly.
    assert_eq!(decoded.strip_suffix('\n'), Some(key.as_str()));
    assert_eq!(*RecoveryKey::parse(&decoded).unwrap().to_text(), *key);
}

/// Page 1 as `pdftoppm -r 50` draws it, against `tests/snapshots/recovery_sheet_page1.png`
/// (Linux only, like the other images). `UPDATE_SNAPSHOTS=1` rewrites it: look at it first.
#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "images are compared on Linux only (README, Tests)"
)]
fn the_sheet_looks_as_committed() {
    let dir = tempfile::tempdir().unwrap();
    let key = RecoveryKey::parse("K7QM-XW3P-ZT5A-RB2N-HC6D-VJ4E-GF7S-LU2Y").unwrap();
    let pdf = written(dir.path(), &key.to_text());
    let drawn = page_png(dir.path(), &pdf, 50);
    crate::image_snapshot::page_as_committed(&drawn, "recovery_sheet_page1");
}
