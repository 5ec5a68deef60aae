//! The "Préparation à l'emploi" tab (phase 2) and its CV section.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_PREPARATION: &str = "Préparation à l'emploi";

// "Préparation à l'emploi" (phase 2) and the workshops' catalogue.
pub const WORKSHOPS_OPEN: &str = "Ateliers collectifs…";

pub const SESSION_DATE: &str = "Date de la séance";

pub const SESSION_DURATION: &str = "Durée de la séance";

pub const SESSION_KIND: &str = "Type de séance";

pub const SESSION_NOTE: &str = "Note de la séance";

pub const SESSION_ADD: &str = "Enregistrer la séance";

/// Before a third session identical to two already noted (same day, kind and duration).
pub const SESSION_THIRD_IDENTICAL: &str = "Deux séances identiques (même jour, même type, même durée) sont déjà notées : en noter une troisième ?";

/// Logs the third identical session all the same.
pub const SESSION_ADD_ANYWAY: &str = "Noter quand même";

/// Leaves the third identical session out.
pub const SESSION_DONT_ADD: &str = "Ne pas noter";

pub const CV_ASSEMBLE: &str = "Préparer le CV à partir de la fiche";

pub const CV_REASSEMBLE: &str = "Reprendre le CV depuis la fiche";

pub const CV_SAVE_PDF: &str = "Enregistrer le CV en PDF…";

pub const CV_SAVED: &str = "CV enregistré dans";

/// The permit's expiry alert, in one sentence (Préparation tab).
#[must_use]
pub fn permit_alert(alert: crate::model::PermitAlert) -> String {
    use crate::model::{PermitAlert, format_date};
    match alert {
        PermitAlert::Expired(on) => format!("Titre de séjour expiré depuis le {}", format_date(on)),
        PermitAlert::RenewalWindow {
            on,
            opens,
            closes,
            days_left,
        } => format!(
            "Titre de séjour : expire le {} (dans {days_left} jours) : renouvellement à déposer sur l'ANEF entre le {} et le {}",
            format_date(on),
            format_date(opens),
            format_date(closes)
        ),
        PermitAlert::LateFiling {
            on,
            closed,
            days_left,
        } => format!(
            "Titre de séjour : expire le {} (dans {days_left} jours) : dépôt en retard : risque de rupture de droits (le dépôt sur l'ANEF devait se faire avant le {})",
            format_date(on),
            format_date(closed)
        ),
        PermitAlert::ProvisionalExpiresSoon { on, days_left } => format!(
            "Document provisoire : expire le {} (dans {days_left} jours) : prolongation à demander",
            format_date(on)
        ),
    }
}

pub const INTEGRATION: &str = "Titre visé et conditions 2026 (langue, examen civique)";

pub const TARGET: &str = "Titre visé";

pub const NO_TARGET: &str = "Non défini";

pub const CIVIC_EXAM: &str = "Examen civique";

pub const CIVIC_EXAM_RECORDED: &str = "Inscrit·e ou passé";

pub const CIVIC_EXAM_MENTION: &str = "Mention de l'examen";

pub const CIVIC_EXAM_DATE: &str = "Date de l'examen";

pub const CIVIC_EXAM_RESULT: &str = "Résultat de l'examen";

pub const CIVIC_EXAM_ATTEMPTS: &str = "Passages";

pub const CERTIFICATES: &str = "Certificats de langue";

pub const CERTIFICATE_HEADERS: [&str; 3] = ["Certificat", "Niveau", "Obtenu le"];

pub const ADD_CERTIFICATE: &str = "Ajouter un certificat";

pub const ADD_INTEGRATION_OBJECTIVE: &str = "Ajouter l'objectif au plan d'action";

/// A target in a picker: "Carte de résident (B1)".
#[must_use]
pub fn target_choice(target: crate::model::PermitTarget) -> String {
    let label = target.label();
    let bare = label.strip_prefix("la ").unwrap_or(label);
    let mut chars = bare.chars();
    let capitalised: String = chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    format!("{capitalised} ({})", target.required_level().short_label())
}

/// What the CV section saves, for [`no_file_chosen`].
pub const THE_CV: &str = "le CV";
