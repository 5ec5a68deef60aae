//! When "Enregistrer en PDF…" gives no file — cancelled, or no dialog could be shown at all
//! (rfd cannot tell which) — the tab says nothing was saved, where the PDF can go instead, and
//! one click writes it there without replacing a file already present.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui_kittest::kittest::Queryable;

use crate::common::{app, let_autosave_run, write_fixture};

#[test]
fn no_save_dialog_offers_the_documents_folder_and_one_click_writes_there() {
    let dir = tempfile::tempdir().unwrap();
    let documents = tempfile::tempdir().unwrap();
    write_fixture(dir.path());
    let mut harness = app(dir.path());
    harness.run();
    harness.get_by_label_contains("Fatoumata Diallo").click();
    harness.run();
    harness.get_by_label("Synthèse").click();
    harness.run();
    // A document of the same name is already there: it must stay as it is.
    let taken = documents
        .path()
        .join("synthese_Diallo_Fatoumata_2026-11-22.pdf");
    std::fs::write(&taken, b"not ours").unwrap();

    harness
        .state_mut()
        .summary_dialog_gave_nothing(documents.path());
    harness.run();
    // The message says nothing was saved, and names the folder offered instead.
    harness.get_by_label_contains(&format!(
        "Aucun fichier choisi : la synthèse n'a pas été enregistré(e). Si aucune fenêtre \
         d'enregistrement ne s'est ouverte, « Enregistrer dans Documents » l'écrit dans {}.",
        documents.path().display()
    ));
    harness.get_by_label("Enregistrer dans Documents").click();
    let_autosave_run(&mut harness);

    assert_eq!(std::fs::read(&taken).unwrap(), b"not ours");
    let written = documents
        .path()
        .join("synthese_Diallo_Fatoumata_2026-11-22 (2).pdf");
    let pdf = std::fs::read(&written).unwrap_or_else(|e| panic!("{}: {e}", written.display()));
    assert!(pdf.starts_with(b"%PDF"));
    harness.get_by_label_contains("Synthèse enregistrée dans");
}
