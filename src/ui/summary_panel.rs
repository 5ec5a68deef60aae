//! The "Synthèse" tab: the pathway summary as the beneficiary will take it home — identity
//! (name, birth date, nationality), entry route, each phase with its status and dates, outcome.

use egui::Ui;

use super::phase_rows;
use super::widgets::{info_row, info_section};
use chrono::NaiveDate;

use crate::model::{Beneficiary, Phase, Settings, format_date};

/// State of the "Synthèse" tab.
#[derive(Debug, Default)]
pub struct SummaryPanel {}

impl SummaryPanel {
    /// Draws the tab for a record.
    #[allow(clippy::unused_self)] // The section ticks and print options will live here.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        _today: NaiveDate,
        _settings: &Settings,
    ) {
        summary_ui(ui, record);
    }
}

fn summary_ui(ui: &mut Ui, record: &Beneficiary) {
    info_section(ui, "Bénéficiaire", |ui| {
        info_row(ui, "Nom", &record.display_name());
        info_row(
            ui,
            "Date de naissance",
            &record
                .identity
                .birth_date
                .map(format_date)
                .unwrap_or_default(),
        );
        info_row(ui, "Nationalité", &record.identity.nationality);
    });
    info_section(ui, "Parcours", |ui| {
        info_row(ui, "Parcours d'entrée", record.entry_route_label());
        info_row(ui, "Étape actuelle", &record.stage().label());
        if let Some(outcome) = &record.pathway.outcome {
            info_row(
                ui,
                "Sortie",
                &format!("{} le {}", outcome.kind.label(), format_date(outcome.date)),
            );
        }
    });
    for phase in Phase::ALL {
        info_section(
            ui,
            &format!("Phase {} · {}", phase.number(), phase.title()),
            |ui| {
                phase_rows(ui, record, phase);
            },
        );
    }
    info_section(ui, "Suivi", |ui| {
        info_row(ui, "Conseiller·ère référent·e", &record.referent);
    });
}
