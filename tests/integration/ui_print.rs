//! Printing from the "Synthèse" tab, through the window: the confidential ticks are spent once
//! a document exists (after "Imprimer" and after "Enregistrer en PDF…"); `lp` is used when it
//! answers, and the PDF viewer when it does not answer within 20 s; a document with a
//! character the fonts cannot draw opens in the viewer instead of printing.
//!
//! The printer and the viewer are fakes, shell scripts named `lp` and `xdg-open` put first on
//! `PATH`, which write down how they were called. `PATH` belongs to the whole test process, so
//! each printing scenario runs the window in a child process of this test binary (an ignored
//! test, [`print_scenario_child`]) given its own `PATH`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::report::Confidential;
use parcours::store::{Access, Store};
use parcours::ui::{AppConfig, ParcoursApp};

use crate::common::{fixture, today};

const NOTES: &str = "Hébergée chez sa sœur jusqu'en janvier.";
const SCENARIO_VAR: &str = "PARCOURS_PRINT_SCENARIO";
const DATA_VAR: &str = "PARCOURS_PRINT_DATA_DIR";
const CHILD_TEST: &str = "ui_print::print_scenario_child";

/// A data directory holding the fixture with private notes, its first name optionally changed.
fn write_record(dir: &Path, first_name: Option<&str>) {
    let mut record = fixture();
    record.private_notes = NOTES.into();
    if let Some(name) = first_name {
        record.identity.first_name = name.into();
    }
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    store.save_beneficiary(&record, today()).unwrap();
}

/// The window on `dir`, the record selected, its "Synthèse" tab open and the private notes
/// ticked for printing. A character no font has is drawn as a box, as in the real window
/// (the test harness panics on one by default).
fn summary_with_notes_ticked(dir: &Path) -> Harness<'static, ParcoursApp> {
    let config = AppConfig {
        data_dir: dir.to_owned(),
        today: Some(today()),
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 760.0))
        .allow_missing_glyphs()
        .with_max_steps(crate::common::APP_MAX_STEPS)
        .build_eframe(move |cc| ParcoursApp::new(&cc.egui_ctx, config));
    crate::common::show_record_area(&mut harness);
    harness.get_by_label_contains("Diallo").click();
    harness.run();
    harness.get_by_label("Synthèse").click();
    harness.run();
    let label = Confidential::PrivateNotes.label();
    harness
        .get_by_role_and_label(Role::CheckBox, label)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
    assert!(notes_ticked(&harness), "the tick did not take");
    harness
}

fn notes_ticked(harness: &Harness<'_, ParcoursApp>) -> bool {
    harness
        .get_by_role_and_label(Role::CheckBox, Confidential::PrivateNotes.label())
        .accesskit_node()
        .toggled()
        == Some(Toggled::True)
}

/// Runs frames until a label containing `text` shows (the hand-over runs on a thread; `lp`
/// may take its 20 s), and returns that label.
fn wait_for_status(harness: &mut Harness<'_, ParcoursApp>, text: &str) -> String {
    let started = Instant::now();
    loop {
        harness.step();
        if let Some(node) = harness.query_by_label_contains(text) {
            // A label's text is its accessible value.
            return node.value().unwrap_or_default();
        }
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "no status containing {text:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The window part of each printing scenario, run in a child process whose `PATH` starts with
/// the fake `lp` and `xdg-open` (does nothing without [`SCENARIO_VAR`]).
#[test]
#[ignore = "child process of the ui_print scenarios"]
fn print_scenario_child() {
    let (Ok(scenario), Some(dir)) = (
        std::env::var(SCENARIO_VAR),
        std::env::var_os(DATA_VAR).map(PathBuf::from),
    ) else {
        return;
    };
    let mut harness = summary_with_notes_ticked(&dir);
    harness.get_by_label("Imprimer").scroll_to_me();
    harness.run();
    harness.get_by_label("Imprimer").click();
    harness.run();
    // The ticks are spent as soon as the document exists, whatever becomes of it.
    assert!(
        !notes_ticked(&harness),
        "the private notes stay ticked after Imprimer"
    );
    let status = match scenario.as_str() {
        // The final statuses, never the "…" ones shown while the hand-over runs.
        "printer-answers" => wait_for_status(&mut harness, "Document envoyé"),
        "printer-silent" | "missing-glyph" => wait_for_status(&mut harness, "Ctrl+P"),
        other => panic!("unknown scenario {other}"),
    };
    println!("STATUS: {status}");
    match scenario.as_str() {
        "printer-answers" => assert_eq!(
            status,
            "Document envoyé à l'imprimante par défaut (travail Bureau-7)."
        ),
        "printer-silent" => assert_eq!(
            status,
            "Impression directe impossible (le système d'impression ne répond pas) : le PDF est \
             ouvert dans la visionneuse, imprimez-le avec Ctrl+P."
        ),
        _ => {
            assert!(status.contains("« 明 » (U+660E)"), "{status}");
            assert!(
                status.ends_with("vérifiez-le avant de l'imprimer avec Ctrl+P."),
                "{status}"
            );
        }
    }
}

/// What the fakes wrote down.
struct Calls {
    lp: Vec<String>,
    viewer: Vec<String>,
}

/// Runs `scenario` in a child process with the fake `lp` (`lp_behaviour`: `answer` or
/// `silent`) and `xdg-open` first on `PATH`.
fn run_scenario(scenario: &str, lp_behaviour: &str, first_name: Option<&str>) -> Calls {
    let data = tempfile::tempdir().unwrap();
    write_record(data.path(), first_name);
    let fakes = tempfile::tempdir().unwrap();
    let bin = fakes.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = |name: &str| fakes.path().join(name);
    let script = |name: &str, body: String| {
        use std::os::unix::fs::PermissionsExt;
        let path = bin.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    let lp_log = log("lp.log");
    let viewer_log = log("viewer.log");
    let answer = match lp_behaviour {
        "answer" => "echo 'request id is Bureau-7 (1 file(s))'".to_owned(),
        // Accepts the call and never answers: the print system is stuck.
        _ => "exec sleep 120".to_owned(),
    };
    script(
        "lp",
        format!(
            "printf '%s\\n' \"$*\" >> '{}'\n{answer}\n",
            lp_log.display()
        ),
    );
    script(
        "xdg-open",
        format!("printf '%s\\n' \"$1\" >> '{}'\n", viewer_log.display()),
    );
    let path = std::env::join_paths(std::iter::once(bin.clone()).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args([CHILD_TEST, "--exact", "--ignored", "--nocapture"])
        .env("PATH", path)
        .env(SCENARIO_VAR, scenario)
        .env(DATA_VAR, data.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("STATUS: "),
        "the window's part failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines = |path: &Path| -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    Calls {
        lp: lines(&lp_log),
        viewer: lines(&viewer_log),
    }
}

/// A private temporary PDF, named without personal data.
fn assert_private_pdf(path: &str) {
    let name = Path::new(path).file_name().unwrap().to_string_lossy();
    assert!(
        name.starts_with("parcours-impression-") && name.ends_with(".pdf"),
        "{path}"
    );
    assert!(!name.contains("Diallo"), "{path}");
}

#[test]
fn imprimer_sends_to_lp_and_clears_the_confidential_ticks() {
    let calls = run_scenario("printer-answers", "answer", None);
    assert_eq!(calls.lp.len(), 1, "{:?}", calls.lp);
    let file = calls.lp[0].strip_prefix("-- ").unwrap();
    assert_private_pdf(file);
    assert!(calls.viewer.is_empty(), "{:?}", calls.viewer);
}

#[test]
fn lp_silent_for_20_seconds_gives_way_to_the_viewer() {
    let calls = run_scenario("printer-silent", "silent", None);
    assert_eq!(calls.lp.len(), 1, "{:?}", calls.lp);
    assert_eq!(calls.viewer.len(), 1, "{:?}", calls.viewer);
    assert_private_pdf(&calls.viewer[0]);
    assert_eq!(calls.lp[0], format!("-- {}", calls.viewer[0]));
}

#[test]
fn a_character_the_fonts_lack_opens_the_pdf_instead_of_printing() {
    let calls = run_scenario("missing-glyph", "answer", Some("Fatoumata 明"));
    assert!(calls.lp.is_empty(), "printed unchecked: {:?}", calls.lp);
    assert_eq!(calls.viewer.len(), 1, "{:?}", calls.viewer);
    assert_private_pdf(&calls.viewer[0]);
}

#[test]
fn enregistrer_en_pdf_writes_the_ticked_notes_then_clears_the_ticks() {
    let dir = tempfile::tempdir().unwrap();
    write_record(dir.path(), None);
    let mut harness = summary_with_notes_ticked(dir.path());
    let out = dir.path().join("synthèse.pdf");
    // As when the counsellor picks this file in the dialog.
    harness.state_mut().save_summary_pdf_to(out.clone());
    harness.run();
    harness.get_by_label(&format!("Synthèse enregistrée dans {}.", out.display()));
    assert!(
        !notes_ticked(&harness),
        "the private notes stay ticked after Enregistrer en PDF"
    );
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed: bash scripts/setup-debian.sh test");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains(NOTES),
        "the ticked notes were printed: {text}"
    );

    // The next document holds no confidential item until ticked again.
    let again = dir.path().join("encore.pdf");
    harness.state_mut().save_summary_pdf_to(again.clone());
    harness.run();
    harness.get_by_label(&format!("Synthèse enregistrée dans {}.", again.display()));
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&again)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(!text.contains("Hébergée"), "{text}");
}
