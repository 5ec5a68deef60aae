//! The funders' report printed on A4 (issue #18): read back with `pdftotext` (titles, period,
//! scope, the people left out, "< 5") and its first page drawn by `pdftoppm` against the
//! committed image.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

use parcours::model::stats::{Cell, Period, Report, Row, Scope, Series, Table};
use parcours::report::{StatsPdfMeta, stats_pdf};

use crate::common::d;

fn row(label: &str, cells: &[Cell]) -> Row {
    Row {
        label: label.to_owned(),
        cells: cells.to_vec(),
    }
}

/// A small report built by hand: a distribution with hidden cells, an activity table, two
/// monthly series.
pub fn hand_built_report() -> Report {
    let months = |values: &[f64]| -> Vec<_> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (d(2026, u32::try_from(i).unwrap() + 1, 1), *v))
            .collect()
    };
    Report {
        period: Period {
            from: d(2026, 1, 1),
            to: d(2026, 6, 30),
        },
        scope: Scope::Counsellor("Claire Martin".into()),
        threshold: 5,
        refused_statistics: 3,
        tables: vec![
            Table {
                key: "people_by_sex",
                title: "Personnes accompagnées par sexe".into(),
                source: "FSE+ — indicateurs communs de réalisation".into(),
                columns: vec!["Personnes".into()],
                rows: vec![
                    row("Femmes", &[Cell::People(27)]),
                    row("Hommes", &[Cell::People(14)]),
                    row("Autre", &[Cell::Hidden]),
                    row("Total", &[Cell::People(43)]),
                ],
            },
            Table {
                key: "people_by_age",
                title: "Personnes accompagnées par âge".into(),
                source: "FSE+".into(),
                columns: vec!["Personnes".into()],
                rows: vec![
                    row("18–25 ans", &[Cell::People(9)]),
                    row("26–29 ans", &[Cell::Hidden]),
                    row("30–44 ans", &[Cell::People(21)]),
                    row("45–54 ans", &[Cell::Hidden]),
                    row("Total", &[Cell::People(43)]),
                ],
            },
            Table {
                key: "activity",
                title: "Activité".into(),
                source: String::new(),
                columns: vec!["Valeur".into(), "Part".into()],
                rows: vec![
                    row(
                        "Heures individuelles",
                        &[Cell::Minutes(9_270), Cell::Percent(Some(68.5))],
                    ),
                    row(
                        "Heures collectives",
                        &[Cell::Minutes(4_260), Cell::Percent(Some(31.5))],
                    ),
                    row("Ateliers tenus", &[Cell::Count(18), Cell::Percent(None)]),
                ],
            },
        ],
        series: vec![
            Series {
                key: "entries",
                title: "Entrées par mois".into(),
                unit: "personnes".into(),
                points: months(&[4.0, 7.0, 3.0, 9.0, 6.0, 8.0]),
            },
            Series {
                key: "hours",
                title: "Heures d'accompagnement par mois".into(),
                unit: "heures".into(),
                points: months(&[20.5, 31.0, 18.0, 40.5, 35.0, 27.5]),
            },
        ],
    }
}

fn meta() -> StatsPdfMeta {
    StatsPdfMeta {
        structure: "EDS de Vitry-sur-Seine".into(),
        extracted_on: d(2026, 11, 22),
    }
}

fn pdftotext(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("pdftotext (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_printed_report_reads_back_with_its_titles_period_and_hidden_cells() {
    let pdf = stats_pdf(&hand_built_report(), &meta()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf);
    for expected in [
        "Bilan d'activité",
        "EDS de Vitry-sur-Seine",
        "du 01/01/2026 au 30/06/2026",
        "Personnes suivies par Claire Martin",
        "22 novembre 2026",
        "3 personnes ont refusé l'usage statistique : non comptées.",
        "Personnes accompagnées par sexe",
        "FSE+ — indicateurs communs de réalisation",
        "Personnes accompagnées par âge",
        "Activité",
        "154,5 h",
        "68,5 %",
        "Entrées par mois",
        "Heures d'accompagnement par mois",
        "avr.",
        "Page 1 / ",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The three hidden cells, each shown "< 5" in its table (and beside its bar).
    assert!(text.matches("< 5").count() >= 3, "{text}");
    assert!(text.contains("27") && text.contains("43"), "{text}");
}

#[test]
fn a_report_with_no_table_and_no_series_still_prints() {
    let mut report = hand_built_report();
    report.tables.clear();
    report.series.clear();
    report.refused_statistics = 0;
    report.scope = Scope::All;
    let text = pdftotext(&stats_pdf(&report, &meta()).unwrap());
    assert!(text.contains("Toutes les personnes accompagnées"), "{text}");
    assert!(text.contains("Aucune personne n'a refusé"), "{text}");
}

/// Page 1 as `pdftoppm -r 50` draws it, against `tests/snapshots/bilan_page1.png` (the layout
/// and the charts; compared on Linux only, with a tolerance for poppler's anti-aliasing).
#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "images are compared on Linux only (README, Tests)"
)]
fn the_first_page_of_the_printed_report_looks_as_committed() {
    let pdf = stats_pdf(&hand_built_report(), &meta()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bilan.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let prefix = dir.path().join("page1");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&file)
        .arg(&prefix)
        .stderr(Stdio::null())
        .status()
        .expect("pdftoppm (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    assert!(status.success());
    let drawn = prefix.with_extension("png");
    crate::image_snapshot::page_as_committed(&drawn, "bilan_page1");
}

/// The report of a small data set of named people (the "Bilans" view's), printed: its figures
/// are there, no first or last name is.
#[test]
fn the_printed_report_of_named_people_holds_no_name() {
    use parcours::model::creche::CrecheSettings;
    use parcours::model::stats::{DEFAULT_THRESHOLD, StatsInput, report};
    let people = crate::ui_stats::people();
    let input = StatsInput {
        records: &people,
        workshops: &[],
        creche: &CrecheSettings::default(),
    };
    let period = Period {
        from: d(2026, 1, 1),
        to: d(2026, 12, 31),
    };
    let report = report(&input, period, &Scope::All, DEFAULT_THRESHOLD);
    let text = pdftotext(&stats_pdf(&report, &meta()).unwrap());
    assert!(text.contains("Répartition par sexe"), "{text}");
    assert!(
        text.contains("1 personne a refusé l'usage statistique : non comptée."),
        "{text}"
    );
    assert!(text.contains("< 5"), "{text}");
    for b in &people {
        for name in [&b.identity.first_name, &b.identity.last_name] {
            assert!(!text.contains(name.as_str()), "{name} printed:\n{text}");
        }
    }
}

/// `parcours stats --from --to --pdf FILE`: the printed report of the data directory, read
/// back; no name of the people counted.
#[test]
fn the_command_line_writes_the_printed_report() {
    use parcours::store::{Access, Store};
    let dir = tempfile::tempdir().unwrap();
    let people = crate::ui_stats::people();
    let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    for b in &people {
        store.save_beneficiary(b, crate::common::today()).unwrap();
    }
    let pdf = dir.path().join("bilan.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_parcours"))
        .env_remove("PARCOURS_DATA_DIR")
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "stats",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--pdf",
        ])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = pdftotext(&std::fs::read(&pdf).unwrap());
    assert!(text.contains("Bilan d'activité"), "{text}");
    assert!(text.contains("du 01/01/2026 au 31/12/2026"), "{text}");
    assert!(text.contains("Répartition par sexe"), "{text}");
    assert!(text.contains("< 5"), "{text}");
    for b in &people {
        assert!(!text.contains(b.identity.last_name.as_str()), "{text}");
    }
}
