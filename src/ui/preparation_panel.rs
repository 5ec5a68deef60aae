//! The "Préparation à l'emploi" tab (phase 2): where phase 2 stands and the administrative
//! ground that makes a job possible — residence permit and its expiry, CIR, CAF, social
//! security, children to place in care or at school.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::widgets::{info_row, info_section};
use super::{phase_rows, theme};
use crate::model::{Beneficiary, Phase, age_in_months, format_date};

/// Days before a permit's expiry from which its renewal is flagged.
const PERMIT_RENEWAL_WARNING_DAYS: i64 = 90;

/// Draws the tab for a record.
pub fn ui(ui: &mut Ui, record: &Beneficiary, today: NaiveDate) {
    info_section(ui, "Phase 2 · Préparation à l'emploi", |ui| {
        phase_rows(ui, record, Phase::Preparation);
    });

    let needs = record.skills.needs();
    if !needs.is_empty() {
        info_section(
            ui,
            "Besoins repérés en phase 1 (objectifs à travailler)",
            |ui| {
                for area in needs {
                    let note = record
                        .skills
                        .life_areas
                        .get(&area)
                        .map(|a| a.note.clone())
                        .unwrap_or_default();
                    info_row(
                        ui,
                        area.label(),
                        if note.is_empty() { "besoin" } else { &note },
                    );
                }
            },
        );
    }

    info_section(ui, "Démarches administratives", |ui| {
        let admin = &record.administrative;
        match &admin.residence_permit {
            None => info_row(ui, "Titre de séjour", ""),
            Some(permit) => {
                info_row(ui, "Titre de séjour", permit.kind.label());
                ui.label(RichText::new("Validité").weak());
                match permit.expires_on {
                    None => ui.label(RichText::new("date d'expiration non renseignée").italics()),
                    Some(expires) => {
                        let days = (expires - today).num_days();
                        let (text, color) = if days < 0 {
                            (
                                format!("expiré depuis le {}", format_date(expires)),
                                theme::ERROR,
                            )
                        } else if days <= PERMIT_RENEWAL_WARNING_DAYS {
                            (
                                format!(
                                    "expire le {} (dans {days} jours) : renouvellement à préparer",
                                    format_date(expires)
                                ),
                                theme::WARNING,
                            )
                        } else {
                            (
                                format!("valable jusqu'au {}", format_date(expires)),
                                theme::OK,
                            )
                        };
                        ui.label(RichText::new(text).color(color))
                    }
                };
                ui.end_row();
            }
        }
        info_row(
            ui,
            "Contrat d'intégration républicaine",
            &admin
                .cir_signed_on
                .map_or_else(String::new, |d| format!("signé le {}", format_date(d))),
        );
        info_row(
            ui,
            "Allocataire CAF",
            if admin.caf_number.is_some() {
                "oui, numéro renseigné"
            } else {
                ""
            },
        );
        info_row(
            ui,
            "Sécurité sociale",
            if admin.social_security_number.is_some() {
                "numéro renseigné"
            } else {
                ""
            },
        );
    });

    info_section(ui, "Enfants : garde et scolarité", |ui| {
        if record.family.children.is_empty() {
            ui.label(RichText::new("Aucun enfant").weak());
            ui.end_row();
        }
        for child in &record.family.children {
            let need = match child.birth_date {
                None => "date de naissance non renseignée".to_owned(),
                Some(birth) => {
                    let months = age_in_months(birth, today);
                    if months < 36 {
                        "mode de garde à prévoir (micro-crèche : onglet Crèche)".to_owned()
                    } else if months < 16 * 12 {
                        "scolarisation à vérifier".to_owned()
                    } else {
                        "plus de 16 ans".to_owned()
                    }
                }
            };
            info_row(ui, &child.first_name, &need);
        }
    });
}
