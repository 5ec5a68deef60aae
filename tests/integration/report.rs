//! The pathway summary and its PDF, checked as the person holding the paper would: the text is
//! read back from the PDF with `pdftotext` and the page size with `pdfinfo` (poppler-utils,
//! installed by `scripts/setup-debian.sh test`); and the `print` command, run as a counsellor
//! would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use chrono::{NaiveDate, TimeZone, Utc};
use parcours::model::companies::Company;
use parcours::model::creche::{ChildCare, CrecheSettings};
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies, demo_workshops,
};
use parcours::model::preparation::{Workshop, attended_sessions, format_minutes};
use parcours::model::record::{Beneficiary, Child, ChildId, Settings};
use parcours::model::skills::rome;
use parcours::report::{
    Confidential, Engine, Rendered, Section, Summary, SummaryOptions, render_summary,
    summary_file_name, summary_template,
};
use parcours::store::{Access, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn settings() -> Settings {
    Settings {
        structure_name: "EDS de Vitry-sur-Seine".into(),
        ..Settings::default()
    }
}

/// One engine for the whole test binary, as the window keeps one.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new([summary_template()]))
}

fn render(record: &Beneficiary, options: &SummaryOptions) -> Rendered {
    let summary = Summary::build(
        record,
        &settings(),
        &[],
        &[],
        &CrecheSettings::default(),
        options,
        today(),
    );
    render_summary(engine(), &summary).unwrap()
}

/// The text of a whole PDF on one line, spaces collapsed: a value that wraps in the page still
/// reads as one phrase.
fn flat_text(pdf: &[u8]) -> String {
    pages_text_with(pdf, &["-layout"])
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn run_poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} (poppler-utils) is needed: bash scripts/setup-debian.sh test ({e})")
        });
    assert!(output.status.success(), "{tool} failed: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// The text of each page, as `pdftotext` extracts it.
fn pages_text(pdf: &[u8]) -> Vec<String> {
    pages_text_with(pdf, &[])
}

/// The text of each page; `-layout` keeps a label and its value on one line.
fn pages_text_with(pdf: &[u8], options: &[&str]) -> Vec<String> {
    let args: Vec<&str> = ["-enc", "UTF-8"].iter().chain(options).copied().collect();
    let text = run_poppler("pdftotext", &args, pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Each page's size in points, as `pdfinfo` reads it.
fn page_sizes(pdf: &[u8]) -> Vec<String> {
    run_poppler("pdfinfo", &["-f", "1", "-l", "1000"], pdf)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .map(|l| l.split("size:").nth(1).unwrap().trim().to_owned())
        .collect()
}

fn person(first: &str, last: &str) -> Beneficiary {
    let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap());
    b.identity.first_name = first.into();
    b.identity.last_name = last.into();
    b.identity.birth_date = NaiveDate::from_ymd_opt(1990, 5, 17);
    b.identity.nationality = "vietnamienne".into();
    b.referent = "Claire Martin".into();
    b.private_notes = "Hébergée chez sa sœur jusqu'en janvier ; très motivée.".into();
    b.administrative.social_security_number = Some("290059912345603".into());
    b
}

/// The demo data as `parcours demo` writes it: records with their phase-2 data, crèche
/// bookings and applications, the companies' directory and the workshops' catalogue.
struct Demo {
    record: Beneficiary,
    workshops: Vec<Workshop>,
    companies: Vec<Company>,
}

impl Demo {
    fn summary(&self, options: &SummaryOptions) -> Summary {
        Summary::build(
            &self.record,
            &settings(),
            &self.workshops,
            &self.companies,
            &CrecheSettings::default(),
            options,
            today(),
        )
    }

    fn render(&self, options: &SummaryOptions) -> Rendered {
        render_summary(engine(), &self.summary(options)).unwrap()
    }
}

/// The demo record with the most sections filled: the summary's data snapshot.
fn full_demo() -> Demo {
    let mut records = demo_beneficiaries(60, today(), 7);
    let companies = demo_companies(today());
    add_demo_applications(&mut records, &companies, today());
    let workshops = demo_workshops(&records, today());
    let filled = |b: &Beneficiary| {
        let admin = &b.administrative;
        [
            admin
                .residence_permit
                .as_ref()
                .is_some_and(|p| p.number.is_some()),
            admin.social_security_number.is_some(),
            admin.caf_number.is_some(),
            admin.cir_signed_on.is_some(),
            !b.private_notes.is_empty(),
            !b.identity.languages.is_empty(),
            b.family.children.iter().any(|c| {
                c.birth_date
                    .is_some_and(|d| (today() - d).num_days() < 3 * 365)
            }),
            b.pathway.phases.identification.started_on.is_some(),
            b.pathway.outcome.is_some(),
            !b.skills.target_occupations.is_empty(),
            !b.skills.strongest_skills(5).is_empty(),
            !b.skills.diplomas.is_empty(),
        ]
        .into_iter()
        .filter(|&f| f)
        .count()
    };
    // Phases 2 and 3 and the crèche, as the demo fills them: what the summary must show.
    let later_phases = |b: &Beneficiary| {
        !b.preparation.projects.is_empty()
            && b.preparation
                .objectives
                .iter()
                .any(|o| !o.actions.is_empty())
            && !attended_sessions(&workshops, b.id).is_empty()
            && !b.applications.is_empty()
            && !b.creche.bookings.is_empty()
    };
    let best = records
        .iter()
        .filter(|b| later_phases(b))
        .map(filled)
        .max()
        .expect("a demo record with projects, workshops, applications and bookings");
    let record = records
        .into_iter()
        .find(|b| later_phases(b) && filled(b) == best)
        .unwrap();
    Demo {
        record,
        workshops,
        companies,
    }
}

#[test]
fn summary_model_of_a_full_demo_record() {
    let demo = full_demo();
    let record = &demo.record;
    let summary = demo.summary(&SummaryOptions::default());
    insta::assert_json_snapshot!("synthese_model", summary);

    // Ticked, the confidential items come last, in their own block.
    let mut options = SummaryOptions::default();
    for item in Confidential::ALL {
        options.set_revealed(item, true);
    }
    let revealed = demo.summary(&options);
    assert_eq!(
        revealed.sections[..revealed.sections.len() - 1],
        summary.sections[..],
        "the rest is unchanged"
    );
    let last = revealed.sections.last().unwrap();
    assert_eq!(last.key, "confidentiel");
    assert!(last.confidential);
    assert_eq!(last.text, record.private_notes.trim());
    let rows: Vec<(&str, &str)> = last
        .rows
        .iter()
        .map(|r| (r.key, r.value.as_str()))
        .collect();
    let health = Confidential::ChildHealth.value(record);
    let held: Vec<(&str, &str)> = [
        (
            "numero_titre_sejour",
            record
                .administrative
                .residence_permit
                .as_ref()
                .and_then(|p| p.number.as_deref()),
        ),
        (
            "numero_securite_sociale",
            record.administrative.social_security_number.as_deref(),
        ),
        ("sante_enfants", health.as_deref()),
    ]
    .into_iter()
    .filter_map(|(key, value)| Some((key, value?)))
    .collect();
    assert_eq!(
        rows, held,
        "permit number, social-security number, then the children's health"
    );
}

#[test]
fn names_in_any_latin_script_print_intact() {
    for (first, last) in [
        ("Thị Hoa", "Nguyễn"),
        ("Ayşe", "Çelik"),
        ("Øyvind", "Ødegård"),
        ("Miloš", "Đorđević"),
    ] {
        let rendered = render(&person(first, last), &SummaryOptions::default());
        assert!(
            rendered.missing_chars.is_empty(),
            "{first} {last}: {:?}",
            rendered.missing_chars
        );
        let text = pages_text(&rendered.pdf).join("\n");
        let name = format!("{first} {last}");
        assert!(text.contains(&name), "{name} not found in:\n{text}");
        assert!(text.contains("EDS de Vitry-sur-Seine"), "{text}");
        assert!(text.contains("22 novembre 2026"), "{text}");
    }
}

#[test]
fn a_name_the_fonts_cannot_draw_is_reported() {
    let rendered = render(&person("明", "Nguyễn"), &SummaryOptions::default());
    assert_eq!(rendered.missing_chars, ['明']);
    let warning = rendered.warning_message().unwrap();
    assert!(warning.contains("« 明 » (U+660E)"), "{warning}");
}

#[test]
fn every_page_is_a4() {
    let mut record = person("Thị Hoa", "Nguyễn");
    record.private_notes = "Suivi.\n".repeat(200);
    let mut options = SummaryOptions::default();
    options.set_revealed(Confidential::PrivateNotes, true);
    let rendered = render(&record, &options);
    let sizes = page_sizes(&rendered.pdf);
    assert!(sizes.len() >= 2, "{sizes:?}");
    for size in sizes {
        assert_eq!(size, "595.276 x 841.89 pts (A4)");
    }
}

#[test]
fn private_notes_print_only_when_ticked() {
    let record = person("Ayşe", "Çelik");
    let plain = pages_text(&render(&record, &SummaryOptions::default()).pdf).join("\n");
    assert!(!plain.contains("Hébergée chez sa sœur"), "{plain}");
    assert!(!plain.contains("290059912345603"), "{plain}");
    assert!(!plain.contains("CONFIDENTIEL"), "{plain}");

    let mut options = SummaryOptions::default();
    options.set_revealed(Confidential::PrivateNotes, true);
    let ticked = pages_text(&render(&record, &options).pdf).join("\n");
    assert!(
        ticked.contains("Hébergée chez sa sœur jusqu'en janvier"),
        "{ticked}"
    );
    assert!(ticked.contains("CONFIDENTIEL"), "{ticked}");
    assert!(
        !ticked.contains("290059912345603"),
        "only what was ticked: {ticked}"
    );
}

#[test]
fn a_section_ticked_out_is_not_printed() {
    let mut record = person("Miloš", "Đorđević");
    record.family.children = vec![Child {
        id: ChildId::new(),
        first_name: "Awa".into(),
        birth_date: NaiveDate::from_ymd_opt(2025, 4, 20),
    }];
    let all = pages_text(&render(&record, &SummaryOptions::default()).pdf).join("\n");
    assert!(all.contains("Micro-crèche"), "{all}");
    let mut options = SummaryOptions::default();
    options.set_included(Section::Creche, false);
    let without = pages_text(&render(&record, &options).pdf).join("\n");
    assert!(!without.contains("Micro-crèche"), "{without}");
    assert!(!without.contains("Awa"), "{without}");
}

#[test]
fn a_long_record_flows_onto_several_pages_with_the_name_on_each() {
    let mut record = person("Thị Hoa", "Nguyễn");
    record.private_notes = (1..=120)
        .map(|i| format!("Entretien n° {i} : point sur les démarches et la recherche d'emploi."))
        .collect::<Vec<_>>()
        .join("\n");
    let mut options = SummaryOptions::default();
    options.set_revealed(Confidential::PrivateNotes, true);
    let rendered = render(&record, &options);
    let pages = pages_text(&rendered.pdf);
    assert_eq!(pages.len(), rendered.page_count);
    assert!(pages.len() >= 3, "{} page(s)", pages.len());
    let total = pages.len();
    for (index, page) in pages.iter().enumerate() {
        assert!(
            page.contains("Thị Hoa Nguyễn"),
            "page {}:\n{page}",
            index + 1
        );
        assert!(
            page.contains(&format!("Page {} / {total}", index + 1)),
            "page {}:\n{page}",
            index + 1
        );
    }
    let last = pages.last().unwrap();
    assert!(last.contains("Entretien n° 120"), "nothing lost: {last}");
    assert!(
        last.contains("Le ou la bénéficiaire") && last.contains("Le ou la conseiller·ère"),
        "signature blocks end the document: {last}"
    );
}

/// What phase 2, phase 3 and the crèche hold, as the person reads it on paper: the main
/// project's occupation, the action plan with overdue actions marked, the hours and their
/// split against 70/30 (workshops attended included), the applications with the companies'
/// names and their state, the crèche bookings.
#[test]
fn a_demo_summary_prints_projects_hours_applications_and_bookings() {
    let demo = full_demo();
    let record = &demo.record;
    let text = flat_text(&demo.render(&SummaryOptions::default()).pdf);

    let main = record.preparation.main_project().unwrap();
    let code = main.rome_code.as_deref().unwrap();
    let occupation = rome::catalog().occupation(code).unwrap();
    assert!(
        text.contains(&format!("Projet principal {} ({code})", occupation.label)),
        "{text}"
    );

    let overdue = record.preparation.overdue(today());
    assert!(
        !overdue.is_empty(),
        "the demo record chosen has an overdue action to print"
    );
    for late in &overdue {
        assert!(
            text.contains(&format!("EN RETARD de {} j", late.days_late)),
            "{text}"
        );
        assert!(text.contains(late.action.label.as_str()), "{text}");
    }
    assert!(text.contains("Actions réalisées"), "{text}");

    let attended = attended_sessions(&demo.workshops, record.id);
    assert!(!attended.is_empty(), "the demo record attended a workshop");
    let hours = record.preparation.hours(&attended);
    let (individual, collective) = hours.split_percent().unwrap();
    assert!(
        text.contains(&format!(
            "{individual} % individuel / {collective} % collectif (objectif 70 % / 30 %"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Heures collectives {}",
            format_minutes(hours.collective_minutes)
        )),
        "workshops count as collective hours: {text}"
    );
    let workshop = demo
        .workshops
        .iter()
        .find(|w| attended.iter().any(|s| s.date == w.date))
        .unwrap();
    assert!(text.contains(workshop.title.as_str()), "{text}");

    assert!(!record.applications.is_empty());
    for application in &record.applications {
        let company = demo
            .companies
            .iter()
            .find(|c| c.id == application.company)
            .unwrap();
        assert!(
            text.contains(company.name.as_str()),
            "{}: {text}",
            company.name
        );
    }
    assert!(text.contains("Candidatures"), "{text}");

    assert!(!record.creche.bookings.is_empty());
    assert!(text.contains("Réservations"), "{text}");
    for booking in &record.creche.bookings {
        assert!(
            text.contains(booking.label().as_str()),
            "{}: {text}",
            booking.label()
        );
    }
}

#[test]
fn children_health_prints_only_when_ticked() {
    let mut record = person("Ayşe", "Çelik");
    let child = Child {
        id: ChildId::new(),
        first_name: "Awa".into(),
        birth_date: NaiveDate::from_ymd_opt(2025, 4, 20),
    };
    let mut care = ChildCare::new(child.id);
    care.allergies = "arachide".into();
    care.health_notes = "Ventoline en cas de crise d'asthme".into();
    record.family.children = vec![child];
    record.creche.care = vec![care];

    let plain = flat_text(&render(&record, &SummaryOptions::default()).pdf);
    assert!(plain.contains("Awa"), "the child's row stays: {plain}");
    assert!(!plain.contains("arachide"), "{plain}");
    assert!(!plain.contains("Ventoline"), "{plain}");

    let mut options = SummaryOptions::default();
    options.set_revealed(Confidential::ChildHealth, true);
    let ticked = flat_text(&render(&record, &options).pdf);
    assert!(
        ticked.contains("Awa — allergies : arachide — santé : Ventoline en cas de crise d'asthme"),
        "{ticked}"
    );
    assert!(ticked.contains("CONFIDENTIEL"), "{ticked}");
    assert!(
        !ticked.contains("Hébergée chez sa sœur"),
        "only what was ticked: {ticked}"
    );
    options.forget_confidential();
    assert!(!options.reveals(Confidential::ChildHealth));
}

// The `print` command, through the real binary.

fn parcours(data_dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("PARCOURS_DATA_DIR")
        // The hidden `--today`: the fixtures' dates, whatever the clock says.
        .env("PARCOURS_TODAY", "2026-11-22")
        .output()
        .unwrap()
}

fn write_records(dir: &Path, records: &[Beneficiary]) {
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    for record in records {
        store.save_beneficiary(record, today()).unwrap();
    }
    store.save_settings(&settings()).unwrap();
}

#[test]
fn print_writes_one_summary() {
    let dir = tempfile::tempdir().unwrap();
    let record = person("Thị Hoa", "Nguyễn");
    write_records(dir.path(), std::slice::from_ref(&record));
    let out = dir.path().join("synthèse.pdf");
    let output = parcours(
        dir.path(),
        &[
            "print",
            "--beneficiary",
            &record.id.to_string(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Synthèse de Thị Hoa Nguyễn écrite dans "),
        "{stdout}"
    );
    let text = pages_text(&std::fs::read(&out).unwrap()).join("\n");
    assert!(text.contains("Thị Hoa Nguyễn"), "{text}");
    assert!(
        !text.contains("Hébergée"),
        "no confidential item from the command line"
    );

    let unknown = parcours(
        dir.path(),
        &["print", "--beneficiary", "pas-un-id", "--out", "x.pdf"],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8(unknown.stderr)
            .unwrap()
            .contains("aucun bénéficiaire n'a l'identifiant « pas-un-id »")
    );
}

/// The command line prints what the window shows: a workshop attended, read from the
/// workshops' files, counts in the collective hours.
#[test]
fn print_counts_the_workshops_attended() {
    let dir = tempfile::tempdir().unwrap();
    let mut record = person("Thị Hoa", "Nguyễn");
    record.pathway.phases.preparation.status = parcours::model::record::PhaseStatus::InProgress;
    write_records(dir.path(), std::slice::from_ref(&record));
    let mut workshop = Workshop::new(NaiveDate::from_ymd_opt(2026, 11, 10).unwrap());
    workshop.title = "Simulation d'entretien".into();
    workshop.duration_minutes = 90;
    workshop.enrol(record.id).unwrap();
    workshop
        .mark(
            record.id,
            parcours::model::preparation::Attendance::Present,
            NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
        )
        .unwrap();
    let store = Store::open(dir.path(), Access::ReadWrite).unwrap();
    store.save_workshop(&workshop).unwrap();
    drop(store);
    let out = dir.path().join("synthese.pdf");
    let output = parcours(
        dir.path(),
        &[
            "print",
            "--beneficiary",
            &record.id.to_string(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let text = flat_text(&std::fs::read(&out).unwrap());
    assert!(
        text.contains("Heures collectives 1 h 30 (1 atelier)"),
        "{text}"
    );
    assert!(
        text.contains("10/11/2026 — Simulation d'entretien (1 h 30)"),
        "{text}"
    );
}

#[test]
fn print_all_goes_on_past_a_failing_record_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let records = [
        person("Thị Hoa", "Nguyễn"),
        person("Ayşe", "Çelik"),
        person("Miloš", "Đorđević"),
    ];
    write_records(dir.path(), &records);
    std::fs::write(
        dir.path().join("beneficiaries/abîmé.ron"),
        "(schema_version: 1, record: (",
    )
    .unwrap();
    // Çelik's summary cannot be written: a folder stands where the file should go. (The
    // command dates its files with today, fixed by `PARCOURS_TODAY`.)
    let out_dir = dir.path().join("synthèses");
    let blocked = summary_file_name(&records[1], today());
    std::fs::create_dir_all(out_dir.join(&blocked).join("occupé")).unwrap();

    let output = parcours(
        dir.path(),
        &["print", "--all", "--out-dir", out_dir.to_str().unwrap()],
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    // Sorted by last name: Çelik, Đorđević, Nguyễn.
    assert!(lines[0].starts_with("[1/3] Ayşe Çelik : échec"), "{stdout}");
    assert!(lines[1].starts_with("[2/3] Miloš Đorđević → "), "{stdout}");
    assert!(lines[2].starts_with("[3/3] Thị Hoa Nguyễn → "), "{stdout}");
    assert!(stdout.contains("2 synthèse(s) écrite(s) dans "), "{stdout}");
    assert!(stdout.contains("2 échec(s) :"), "{stdout}");
    assert!(stdout.contains("abîmé.ron"), "{stdout}");
    assert!(stdout.contains("Ayşe Çelik ("), "{stdout}");

    let written: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    for file in written {
        assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF-"));
    }
}

/// Whether a value of `UPDATE_SNAPSHOTS` asks for the committed snapshots to be rewritten, as
/// `egui_kittest` reads it: `1`, `true`, `yes`, `on` or `force`; `0`, `false`, `no`, `off` or no
/// variable keep them.
fn update_wanted(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true" | "yes" | "on" | "force"))
}

pub(crate) fn update_snapshots() -> bool {
    update_wanted(std::env::var("UPDATE_SNAPSHOTS").ok().as_deref())
}

#[test]
fn update_snapshots_zero_or_false_keeps_the_committed_files() {
    for keep in [
        None,
        Some("0"),
        Some("false"),
        Some("no"),
        Some("off"),
        Some(""),
    ] {
        assert!(!update_wanted(keep), "{keep:?}");
    }
    for rewrite in ["1", "true", "yes", "on", "force"] {
        assert!(update_wanted(Some(rewrite)), "{rewrite:?}");
    }
}

/// The whole text of a demo summary, as `pdftotext` reads it, against the committed
/// `tests/snapshots/synthese.txt`, exactly: a changed date, number or word fails here.
/// `UPDATE_SNAPSHOTS=1` rewrites it (look at the diff before committing).
#[test]
fn the_text_of_a_demo_summary_is_as_committed() {
    let rendered = full_demo().render(&SummaryOptions::default());
    let text = pages_text(&rendered.pdf).join("\u{c}");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/synthese.txt");
    if update_snapshots() {
        std::fs::write(&committed, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&committed).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: run with UPDATE_SNAPSHOTS=1 and read it",
            committed.display()
        )
    });
    if text != expected {
        let first = text
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| text.lines().count().min(expected.lines().count()));
        panic!(
            "the summary's text differs from {} from line {}:\n  now:       {:?}\n  committed: {:?}",
            committed.display(),
            first + 1,
            text.lines().nth(first),
            expected.lines().nth(first),
        );
    }
}

/// The first page of a demo summary, as `pdftoppm` draws it, against the committed image
/// `tests/snapshots/synthese_page1.png`: the layout (the text is compared exactly by
/// [`the_text_of_a_demo_summary_is_as_committed`]). Anti-aliasing differs a little between
/// poppler builds, hence a tolerance; compared on Linux only, like the window's snapshots.
/// `UPDATE_SNAPSHOTS=1` rewrites the image (as for the window's snapshots).
#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "images are compared on Linux only (README, Tests)"
)]
fn the_first_page_of_a_demo_summary_looks_as_committed() {
    let rendered = full_demo().render(&SummaryOptions::default());
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("synthese.pdf");
    std::fs::write(&pdf, &rendered.pdf).unwrap();
    let prefix = dir.path().join("page1");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(&prefix)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("pdftoppm (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    assert!(status.success());
    let drawn = prefix.with_extension("png");
    crate::image_snapshot::page_as_committed(&drawn, "synthese_page1");
}

/// `print --template`: a copy of the built-in template, edited, is the one used; a template
/// that cannot be read or compiled is an error (exit 2) that names it, and writes nothing.
#[test]
fn print_with_a_template_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let record = person("Ayşe", "Çelik");
    write_records(dir.path(), std::slice::from_ref(&record));
    let id = record.id.to_string();
    let built_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/typst/summary.typ"),
    )
    .unwrap();
    let footer = "[Page #counter(page).display()";
    assert!(
        built_in.contains(footer),
        "the footer moved: update this test"
    );
    let template = dir.path().join("ma-synthese.typ");
    std::fs::write(
        &template,
        built_in.replace(footer, "[Feuille #counter(page).display()"),
    )
    .unwrap();

    let print = |out: &Path, template: Option<&Path>| {
        let mut args = vec![
            "print".to_owned(),
            "--beneficiary".to_owned(),
            id.clone(),
            "--out".to_owned(),
            out.to_str().unwrap().to_owned(),
        ];
        if let Some(template) = template {
            args.extend([
                "--template".to_owned(),
                template.to_str().unwrap().to_owned(),
            ]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        parcours(dir.path(), &args)
    };
    let plain = dir.path().join("plain.pdf");
    assert!(print(&plain, None).status.success());
    let plain = flat_text(&std::fs::read(&plain).unwrap());
    assert!(plain.contains("Page 1 / 1"), "{plain}");

    let tried = dir.path().join("essai.pdf");
    let output = print(&tried, Some(&template));
    assert!(output.status.success(), "{output:?}");
    let tried = flat_text(&std::fs::read(&tried).unwrap());
    assert!(tried.contains("Feuille 1 / 1"), "{tried}");
    assert!(!tried.contains("Page 1 / 1"), "{tried}");
    assert!(tried.contains("Ayşe Çelik"), "{tried}");

    let missing = dir.path().join("absent.typ");
    let out = dir.path().join("jamais.pdf");
    let output = print(&out, Some(&missing));
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8(output.stderr).unwrap();
    assert!(
        message.contains(&format!("modèle {} illisible", missing.display())),
        "{message}"
    );
    assert!(!out.exists());

    let broken = dir.path().join("casse.typ");
    std::fs::write(
        &broken,
        "#let data = json(bytes(sys.inputs.data))\n#data.inconnu(",
    )
    .unwrap();
    let output = print(&out, Some(&broken));
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(!String::from_utf8(output.stderr).unwrap().trim().is_empty());
    assert!(!out.exists());
}
