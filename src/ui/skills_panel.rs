//! The "Compétences" tab (phase 1): what the record holds about languages, the French level
//! and the entry route it implies, the country of origin, and where phase 1 stands.

use egui::{RichText, Ui};

use super::widgets::{info_row, info_section, route_badge};
use super::{phase_rows, theme};
use crate::model::{Beneficiary, EntryRoute, Phase};

/// Draws the tab for a record.
pub fn ui(ui: &mut Ui, record: &Beneficiary) {
    info_section(ui, "Langues", |ui| {
        info_row(
            ui,
            "Niveau de français (CECRL)",
            record.french_level.label(),
        );
        info_row(
            ui,
            "Autres langues parlées",
            &record.identity.languages.join(", "),
        );
        info_row(ui, "Pays d'origine", &record.identity.country_of_origin);
    });

    ui.add_space(theme::SECTION_GAP);
    ui.heading("Parcours d'entrée");
    ui.separator();
    ui.horizontal(|ui| route_badge(ui, record));
    let explanation = match record.entry_route() {
        Some(route) => route.explanation(),
        None => {
            "Le niveau de français n'est pas encore évalué : il décide du parcours d'entrée (FLE d'abord sous B1, programme de valorisation à partir de B1)."
        }
    };
    ui.label(explanation);
    if let Some(route_override) = &record.pathway.route_override {
        let by_level =
            EntryRoute::for_level(record.french_level).map_or("à déterminer", EntryRoute::label);
        ui.label(
            RichText::new(format!(
                "Parcours choisi par le conseiller (le niveau indiquerait : {by_level}). Motif : {}",
                route_override.reason
            ))
            .color(theme::WARNING),
        );
    }

    info_section(
        ui,
        "Phase 1 · Identification et valorisation des compétences",
        |ui| {
            phase_rows(ui, record, Phase::Identification);
        },
    );
}
