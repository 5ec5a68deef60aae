//! The "Crèche" tab: the record's children and whether their age fits the micro-crèche
//! (3 months to 3 years) today.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::widgets::info_section;
use super::{text, theme};
use crate::model::{Beneficiary, CrecheAge, age_in_months, format_date};

/// A child's age in words: "8 mois", "2 ans et 3 mois".
fn age_words(months: i32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m} mois"),
        (1, 0) => "1 an".to_owned(),
        (y, 0) => format!("{y} ans"),
        (1, m) => format!("1 an et {m} mois"),
        (y, m) => format!("{y} ans et {m} mois"),
    }
}

/// Draws the tab for a record.
pub fn ui(ui: &mut Ui, record: &Beneficiary, today: NaiveDate) {
    info_section(ui, "Enfants et micro-crèche", |ui| {
        if record.family.children.is_empty() {
            ui.label(
                RichText::new("Aucun enfant enregistré dans la fiche (onglet Identité).").weak(),
            );
            ui.end_row();
            return;
        }
        for child in &record.family.children {
            let age = child.birth_date.map_or_else(
                || text::NOT_PROVIDED.to_owned(),
                |b| {
                    format!(
                        "né·e le {} ({})",
                        format_date(b),
                        age_words(age_in_months(b, today))
                    )
                },
            );
            ui.label(RichText::new(&child.first_name).strong());
            ui.vertical(|ui| {
                ui.label(age);
                let (status, color) = match child.creche_age(today) {
                    CrecheAge::Unknown => (
                        "Âge inconnu : renseignez la date de naissance.".to_owned(),
                        theme::WARNING,
                    ),
                    CrecheAge::TooYoung { from } => (
                        format!(
                            "Trop jeune pour la micro-crèche : accueil possible à partir du {}.",
                            format_date(from)
                        ),
                        theme::WARNING,
                    ),
                    CrecheAge::Eligible { until } => (
                        format!(
                            "Peut être accueilli·e à la micro-crèche jusqu'au {}.",
                            format_date(until)
                        ),
                        theme::OK,
                    ),
                    CrecheAge::TooOld => (
                        "Plus de 3 ans : hors micro-crèche.".to_owned(),
                        theme::ROUTE_UNKNOWN,
                    ),
                };
                ui.label(RichText::new(status).color(color));
            });
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::age_words;

    #[test]
    fn ages_read_naturally() {
        assert_eq!(age_words(8), "8 mois");
        assert_eq!(age_words(12), "1 an");
        assert_eq!(age_words(27), "2 ans et 3 mois");
    }
}
