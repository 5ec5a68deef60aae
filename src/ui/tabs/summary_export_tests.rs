//! "Remettre ses données à la personne" in the "Synthèse" tab, drawn by egui and read through
//! its accessibility tree: the button is beside the print buttons; the folder chosen receives
//! the PDF and the JSON file and the tab says where; when the dialog gives nothing, nothing is
//! written, the Documents folder is offered, and one click writes there beside (never over) a
//! file of the same name, the pair under one name.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use chrono::{NaiveDate, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::SummaryPanel;
use crate::model::creche::{ChildCare, CrecheSettings};
use crate::model::record::{Beneficiary, BeneficiaryDraft, Child, ChildId, Settings};
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::text;

fn person() -> Beneficiary {
    let mut record = Beneficiary::new(Utc::now());
    record.identity.first_name = "Fatoumata".into();
    record.identity.last_name = "Diallo".into();
    record.administrative.social_security_number = Some("284129912345637".into());
    let child = ChildId::new();
    record.family.children.push(Child {
        id: child,
        first_name: "Awa".into(),
        birth_date: None,
    });
    let mut care = ChildCare::new(child);
    care.allergies = "Arachide".into();
    record.creche.care.push(care);
    record
}

/// The tab alone, on `record`, as the window draws it.
fn tab(record: Beneficiary) -> Harness<'static, SummaryPanel> {
    let settings = Settings::default();
    let creche = CrecheSettings::default();
    let mut draft = BeneficiaryDraft::from_beneficiary(&record);
    let shared: crate::ui::context::Records =
        std::sync::Arc::new(vec![std::sync::Arc::new(record.clone())]);
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_ui_state(
            move |ui, panel: &mut SummaryPanel| {
                let cx = ViewContext {
                    records: &shared,
                    companies: &[],
                    workshops: &[],
                    partners: &[],
                    settings: &settings,
                    creche: &creche,
                    revision: 0,
                    conflicts: &[],
                    today,
                    writable: true,
                    shown: Some(&record),
                    counsellor: None,
                };
                let mut edit = RecordEdit {
                    id: record.id,
                    shown: &record,
                    draft: &mut draft,
                    errors: &[],
                    changed: false,
                };
                egui::ScrollArea::vertical().show(ui, |ui| {
                    panel.ui(ui, &mut edit, &cx, &mut Vec::new());
                });
            },
            SummaryPanel::default(),
        )
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_copy_goes_to_the_folder_chosen_and_the_tab_says_where() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = tab(person());
    harness.run();
    harness.get_by_label(text::summary::EXPORT);
    harness
        .state_mut()
        .export_to_folder(folder.path().to_owned());
    harness.run();
    assert_eq!(
        names(folder.path()),
        [
            "donnees_Diallo_Fatoumata_2026-11-27.json",
            "donnees_Diallo_Fatoumata_2026-11-27.pdf"
        ]
    );
    let json = std::fs::read_to_string(
        folder
            .path()
            .join("donnees_Diallo_Fatoumata_2026-11-27.json"),
    )
    .unwrap();
    assert!(json.contains("\"allergies\": \"Arachide\""), "{json}");
    harness.get_by_label(&text::summary::exported(
        &folder
            .path()
            .join("donnees_Diallo_Fatoumata_2026-11-27.pdf"),
        &folder
            .path()
            .join("donnees_Diallo_Fatoumata_2026-11-27.json"),
    ));
}

#[test]
fn no_folder_chosen_offers_documents_and_keeps_what_is_there() {
    let documents = tempfile::tempdir().unwrap();
    let taken = documents
        .path()
        .join("donnees_Diallo_Fatoumata_2026-11-27.pdf");
    std::fs::write(&taken, b"not ours").unwrap();
    let mut harness = tab(person());
    harness.run();
    harness
        .state_mut()
        .export_dialog_gave_nothing(Some(documents.path().to_owned()));
    harness.run();
    assert_eq!(names(documents.path()).len(), 1, "nothing written yet");
    harness.get_by_label(&text::common::no_file_chosen(
        text::summary::THE_EXPORT,
        Some(documents.path()),
    ));
    harness.get_by_label(text::common::SAVE_IN_FALLBACK).click();
    harness.run();
    assert!(
        std::fs::read(&taken).unwrap() == b"not ours",
        "the file already there is kept"
    );
    assert_eq!(
        names(documents.path()),
        [
            "donnees_Diallo_Fatoumata_2026-11-27 (2).json",
            "donnees_Diallo_Fatoumata_2026-11-27 (2).pdf",
            "donnees_Diallo_Fatoumata_2026-11-27.pdf",
        ]
    );
    harness.get_by_label(&text::summary::exported(
        &documents
            .path()
            .join("donnees_Diallo_Fatoumata_2026-11-27 (2).pdf"),
        &documents
            .path()
            .join("donnees_Diallo_Fatoumata_2026-11-27 (2).json"),
    ));
}
