//! The "Entreprises" tab (phase 3): where the matching phase stands and how the pathway closed.

use egui::{RichText, Ui};

use super::widgets::{info_row, info_section};
use super::{phase_rows, theme};
use crate::model::{Beneficiary, Phase, format_date};

/// Draws the tab for a record.
pub fn ui(ui: &mut Ui, record: &Beneficiary) {
    info_section(
        ui,
        "Phase 3 · Mise en relation avec les entreprises",
        |ui| {
            phase_rows(ui, record, Phase::Matching);
        },
    );
    info_section(ui, "Sortie du parcours", |ui| {
        match &record.pathway.outcome {
            None => info_row(ui, "Sortie", "parcours en cours"),
            Some(outcome) => {
                ui.label(RichText::new("Sortie").weak());
                ui.label(
                    RichText::new(outcome.kind.label())
                        .strong()
                        .color(theme::OK),
                );
                ui.end_row();
                info_row(ui, "Date", &format_date(outcome.date));
            }
        }
    });
    info_section(ui, "Projet et mobilité", |ui| {
        info_row(ui, "Commune de résidence", &record.contact.town);
        info_row(ui, "Niveau de français", record.french_level.label());
    });
}
