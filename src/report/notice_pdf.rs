//! The information notice ("Notice d'information", GDPR articles 13 and 14) handed to the
//! person, with the consent form to sign for the purposes that need one. The document is plain
//! data handed to its Typst template (`assets/typst/notice.typ`, embedded in the binary): the
//! structure, the DPO's contact and the retention period come from the settings; the purposes
//! from the model, in the record's order.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::engine::{Engine, RenderError, Rendered, Template};
use super::summary::long_date;
use crate::model::record::{Beneficiary, Purpose, Settings};

/// The template's file name.
pub const NOTICE_TEMPLATE_FILE: &str = "notice.typ";

/// The notice template embedded in the binary.
#[must_use]
pub fn notice_template() -> Template {
    Template {
        file: NOTICE_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/notice.typ")),
    }
}

/// One purpose as the notice explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticePurpose {
    /// Its name, as the record shows it.
    pub label: &'static str,
    /// What is shared, with whom, in plain French.
    pub detail: &'static str,
    /// Whether the person is asked (a box on the form) or only informed.
    pub needs_consent: bool,
}

/// What the notice template prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeDocument {
    /// The structure's name, or a neutral wording when the settings leave it empty.
    pub structure: String,
    /// "First Last", for the form's heading (empty on a blank notice).
    pub person: String,
    /// How to reach the DPO, one line per line of the setting; a fallback sentence when unset.
    pub dpo_contact: Vec<String>,
    /// The retention period in months (the setting).
    pub retention_months: u32,
    /// The same, read aloud: "24 mois (2 ans)".
    pub retention: String,
    /// The day the notice was printed, "22 novembre 2026".
    pub date: String,
    /// Every purpose, in the record's order.
    pub purposes: Vec<NoticePurpose>,
}

impl NoticeDocument {
    /// The notice for `record` (its name on the form), with the structure's `settings`.
    #[must_use]
    pub fn new(record: &Beneficiary, settings: &Settings, today: NaiveDate) -> Self {
        let structure = settings.structure_name.trim();
        let dpo_contact: Vec<String> = settings
            .dpo_contact
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        Self {
            structure: if structure.is_empty() {
                "La structure qui vous accompagne".to_owned()
            } else {
                structure.to_owned()
            },
            person: record.display_name(),
            dpo_contact: if dpo_contact.is_empty() {
                vec!["Demandez ses coordonnées à votre conseiller·ère ou à l'accueil.".to_owned()]
            } else {
                dpo_contact
            },
            retention_months: settings.retention_months,
            retention: retention_words(settings.retention_months),
            date: long_date(today),
            purposes: Purpose::ALL
                .into_iter()
                .map(|purpose| NoticePurpose {
                    label: purpose.label(),
                    detail: detail(purpose),
                    needs_consent: purpose.needs_consent(),
                })
                .collect(),
        }
    }
}

/// "24 mois (2 ans)", "18 mois", "12 mois (1 an)".
fn retention_words(months: u32) -> String {
    match (months / 12, months % 12) {
        (1, 0) => format!("{months} mois (1 an)"),
        (years, 0) if years > 1 => format!("{months} mois ({years} ans)"),
        _ => format!("{months} mois"),
    }
}

/// What a purpose means for the person, in plain French.
const fn detail(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::FollowUp => {
            "Votre conseiller·ère note votre situation, vos compétences, votre projet et les \
             démarches faites ensemble. C'est la mission de la structure : vous en êtes \
             informé·e, votre accord n'est pas demandé."
        }
        Purpose::ShareWithCompanies => {
            "Votre CV et votre profil (expériences, compétences, niveau de français) sont \
             envoyés aux entreprises qui proposent une offre d'emploi qui vous correspond. \
             Jamais votre situation administrative ni votre numéro de sécurité sociale."
        }
        Purpose::ShareWithCreche => {
            "Les prénoms, dates de naissance et informations utiles à l'accueil de vos enfants \
             (allergies, personnes autorisées à venir les chercher) sont transmis à la \
             micro-crèche."
        }
        Purpose::ShareWithLanguagePartners => {
            "Votre nom, vos coordonnées et votre niveau de français sont transmis à l'organisme \
             de cours de français ou d'alphabétisation qui vous accueille."
        }
        Purpose::Statistics => {
            "Vous êtes compté·e, sans votre nom, dans les chiffres envoyés aux financeurs \
             (année de naissance, sexe, dates des étapes, type de sortie)."
        }
    }
}

/// Renders a notice with an engine that holds the notice template.
pub fn render_notice(engine: &Engine, document: &NoticeDocument) -> Result<Rendered, RenderError> {
    engine.render(NOTICE_TEMPLATE_FILE, document)
}

/// `notice_Diallo_Fatoumata_2026-11-22.pdf`, after the summary's naming.
#[must_use]
pub fn notice_file_name(record: &Beneficiary, today: NaiveDate) -> String {
    super::summary_pdf::summary_file_name(record, today).replacen("synthese", "notice", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_retention_reads_in_months_and_years() {
        assert_eq!(retention_words(24), "24 mois (2 ans)");
        assert_eq!(retention_words(12), "12 mois (1 an)");
        assert_eq!(retention_words(18), "18 mois");
        assert_eq!(retention_words(1), "1 mois");
    }
}
