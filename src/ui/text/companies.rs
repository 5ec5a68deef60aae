//! The "Entreprises" tab (phase 3), the companies' directory and the CSV import.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_COMPANIES: &str = "Entreprises";

/// When a hire's start date is typed before the interview.
pub const HIRE_BEFORE_INTERVIEW: &str = "Le début du contrat ne peut pas précéder l'entretien.";

/// Beside "Proposer" when the permit does not plainly allow the work.
#[must_use]
pub fn propose_despite(warning: &str) -> String {
    format!("Attention, droit au travail à vérifier avant de proposer : {warning}")
}

pub const END_REASON: &str = "Motif de fin";

pub const END_DATE: &str = "Dernier jour travaillé";

pub const SIAE: &str = "Structure d'insertion (SIAE)";

pub const NOT_SIAE: &str = "Non";

pub const NEW_PMSMP: &str = "Nouvelle PMSMP (immersion en entreprise)";

pub const PMSMP_COMPANY: &str = "Entreprise d'accueil";

pub const PMSMP_NO_COMPANY: &str = "Choisissez l'entreprise d'accueil.";

pub const PMSMP_FROM: &str = "Premier jour (PMSMP)";

pub const PMSMP_TO: &str = "Dernier jour (PMSMP)";

pub const PMSMP_TUTOR: &str = "Tuteur dans l'entreprise";

pub const PMSMP_RESULT: &str = "Résultat de la PMSMP";

pub const ADD_PMSMP: &str = "Ajouter la PMSMP";

/// "Tuteur : M. Roux", beside a PMSMP.
#[must_use]
pub fn pmsmp_tutor(tutor: &str) -> String {
    format!("Tuteur : {tutor}")
}
