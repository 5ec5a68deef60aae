//! `parcours stats` through the binary, and its files read back by independent readers: the
//! CSV as French Excel reads it (BOM, `;`, decimal comma, CRLF) with Python's `csv` module,
//! the XLSX with Debian's `openpyxl` (`/usr/bin/python3`: a pyenv `python3` lacks it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use crate::stats_data::write_data_dir;

/// `parcours --data-dir <dir> stats <args…>`, with today fixed to 22/11/2026.
fn stats(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .env("PARCOURS_TODAY", "2026-11-22")
        .arg("--data-dir")
        .arg(dir)
        .arg("stats")
        .args(args)
        .output()
        .unwrap()
}

const YEAR: [&str; 4] = ["--from", "2026-01-01", "--to", "2026-12-31"];

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Runs a Python script with Debian's interpreter; returns its stdout.
fn python(script: &str, file: &Path) -> String {
    let output = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .arg(file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// The line of a plain-text table that starts with `label`, its columns split on runs of two
/// spaces.
fn text_row(out: &str, label: &str) -> Vec<String> {
    out.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no line {label} in\n{out}"))
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn stats_prints_the_tables_with_small_counts_hidden() {
    let dir = tempfile::tempdir().unwrap();
    write_data_dir(dir.path());
    let output = stats(dir.path(), &YEAR);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains("Période : du 01/01/2026 au 31/12/2026"),
        "{out}"
    );
    assert!(out.contains("Périmètre : Toute la structure"), "{out}");
    assert!(
        out.contains("Personnes exclues (refus des statistiques) : 1"),
        "{out}"
    );
    // Women 6 (entered 4: hidden), men 3 and other 1 hidden, total 10 and 7.
    assert_eq!(text_row(&out, "Femmes"), ["Femmes", "6", "< 5"]);
    assert_eq!(text_row(&out, "Hommes"), ["Hommes", "< 5", "< 5"]);
    assert!(out.contains("Total"), "{out}");
    // No name, no free text.
    for word in [
        "Kowalczyk",
        "Note privée",
        "Boulangerie",
        "Tuteur",
        "Atelier CV",
    ] {
        assert!(!out.contains(word), "{word} in\n{out}");
    }
}

#[test]
fn stats_for_one_counsellor_counts_only_their_people() {
    let dir = tempfile::tempdir().unwrap();
    write_data_dir(dir.path());
    let output = stats(
        dir.path(),
        &[&YEAR[..], &["--counsellor", "CLAIRE dupont"]].concat(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(
        out.contains("Périmètre : Personnes suivies par CLAIRE dupont"),
        "{out}"
    );
    // A B C F: 4, under the threshold.
    assert_eq!(
        text_row(&out, "Personnes suivies sur la période"),
        ["Personnes suivies sur la période", "< 5"]
    );
    assert!(
        out.contains("Personnes exclues (refus des statistiques) : 0"),
        "{out}"
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused_in_french() {
    let dir = tempfile::tempdir().unwrap();
    write_data_dir(dir.path());
    let output = stats(dir.path(), &["--from", "2026-12-31", "--to", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("période vide"),
        "{}",
        text(&output.stderr)
    );
    let output = stats(dir.path(), &["--from", "2026-13-01", "--to", "2026-12-31"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_csv_opens_as_french_excel_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    write_data_dir(dir.path());
    let file = dir.path().join("bilan.csv");
    let output = stats(
        dir.path(),
        &[&YEAR[..], &["--csv", file.to_str().unwrap()]].concat(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no BOM");
    let content = text(&bytes);
    assert!(content.contains("\r\n"));
    assert!(!content.replace("\r\n", "").contains('\n'), "a bare LF");
    // Read as Excel does: UTF-8 with its BOM, `;` between fields.
    let rows = python(
        "import csv, sys\n\
         with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n\
         \x20   for row in csv.reader(f, delimiter=';'):\n\
         \x20       print('|'.join(row))\n",
        &file,
    );
    let lines: Vec<&str> = rows.lines().collect();
    assert_eq!(lines[0], "Bilan pour les financeurs");
    assert!(
        lines.contains(&"Période|du 01/01/2026 au 31/12/2026"),
        "{rows}"
    );
    assert!(
        lines.contains(&"Personnes exclues (refus des statistiques)|1"),
        "{rows}"
    );
    assert!(lines.contains(&"Répartition par sexe"), "{rows}");
    assert!(
        lines.contains(&"|Personnes suivies|dont entrées sur la période"),
        "{rows}"
    );
    assert!(lines.contains(&"Femmes|6|< 5"), "{rows}");
    // Hours with a decimal comma: 180 min individual = 3 h, 35,3 % of 8,5 h.
    assert!(lines.contains(&"Individuel|3|35,3 %|70 %"), "{rows}");
    assert!(lines.contains(&"Collectif|5,5|64,7 %|30 %"), "{rows}");
}

#[test]
fn the_xlsx_holds_a_presentation_sheet_then_one_sheet_per_table() {
    let dir = tempfile::tempdir().unwrap();
    write_data_dir(dir.path());
    let file = dir.path().join("bilan.xlsx");
    let output = stats(
        dir.path(),
        &[&YEAR[..], &["--xlsx", file.to_str().unwrap()]].concat(),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let dump = python(
        "import openpyxl, sys\n\
         book = openpyxl.load_workbook(sys.argv[1])\n\
         for sheet in book.worksheets:\n\
         \x20   print('== ' + sheet.title)\n\
         \x20   for row in sheet.iter_rows(values_only=True):\n\
         \x20       print('|'.join('' if v is None else repr(v) for v in row))\n",
        &file,
    );
    let sheets: Vec<&str> = dump.lines().filter_map(|l| l.strip_prefix("== ")).collect();
    assert_eq!(sheets[0], "Présentation");
    assert!(sheets.len() > 20, "{sheets:?}");
    for name in &sheets {
        assert!(name.chars().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
    }
    let presentation = dump.split("== ").nth(1).unwrap();
    assert!(
        presentation.contains("'Période'|'du 01/01/2026 au 31/12/2026'"),
        "{presentation}"
    );
    assert!(
        presentation.contains("'Périmètre'|'Toute la structure'"),
        "{presentation}"
    );
    assert!(
        presentation.contains("'Date d'extraction'|'22/11/2026'"),
        "{presentation}"
    );
    assert!(
        presentation.contains("EECR04"),
        "the definitions: {presentation}"
    );
    let sex = dump
        .split("== ")
        .find(|s| s.starts_with("03 Répartition par sexe"))
        .unwrap_or_else(|| panic!("{sheets:?}"));
    // Numbers are numbers; hidden counts are the text "< 5".
    assert!(sex.contains("'Femmes'|6|'< 5'"), "{sex}");
    assert!(sex.contains("'Hommes'|'< 5'|'< 5'"), "{sex}");
    assert!(sex.contains("'Total'|10|7"), "{sex}");
    let hours = dump
        .split("== ")
        .find(|s| s.contains("'Individuel'"))
        .unwrap();
    assert!(hours.contains("'Individuel'|3|"), "{hours}");
}
