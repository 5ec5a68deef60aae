//! The shared form pieces (messages, pickers).

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const FRENCH_LEVEL: &str = "Niveau de français (CECRL)";

pub const ENTRY_ROUTE: &str = "Parcours d'entrée";

pub const FRENCH_ORAL_COMPREHENSION: &str = "Français : compréhension orale";

pub const FRENCH_ORAL_EXPRESSION: &str = "Français : expression orale";

pub const FRENCH_WRITTEN_COMPREHENSION: &str = "Français : compréhension écrite";

pub const FRENCH_WRITTEN_EXPRESSION: &str = "Français : expression écrite";

/// The summary level when it is derived from the abilities.
#[must_use]
pub fn french_summary(level: &str) -> String {
    format!("{level} (la plus basse des compétences évaluées)")
}

/// The entry route when the French level is not assessed yet.
pub const ROUTE_TO_DETERMINE: &str = "À déterminer : évaluez d'abord le niveau de français.";

/// The route the French level calls for.
pub fn route_by_level(route: &str) -> String {
    format!("Selon le niveau : {route}")
}

/// The route the counsellor chose instead.
pub fn route_chosen(route: &str) -> String {
    format!("Choix du conseiller : {route}")
}

/// The note beside a choice (its field id, and its name for tests): "Note (Autonomie)".
pub fn note_of(label: &str) -> String {
    format!("Note ({label})")
}

/// The title of a phase's section: "Phase 2 · Préparation à l'emploi".
pub fn phase_title(number: u8, title: &str) -> String {
    format!("Phase {number} · {title}")
}

pub fn phase_status(number: u8) -> String {
    format!("{} de la phase {number}", super::common::STATUS)
}

pub fn phase_start(number: u8) -> String {
    format!("{} de la phase {number}", super::common::START)
}

pub fn phase_end(number: u8) -> String {
    format!("{} de la phase {number}", super::common::END)
}

// The ROME occupation picker.

/// Hint shown in the picker's empty search field.
pub const ROME_SEARCH_HINT: &str = "Code ou intitulé : aide soignant, J1501…";

/// Shown when no occupation matches the search.
pub const ROME_NO_MATCH: &str = "Aucun métier ne correspond.";

/// Shown when more occupations match than are listed.
pub const ROME_MORE_RESULTS: &str = "D'autres métiers correspondent : précisez la recherche.";

/// Shown beside a stored code the shipped catalogue does not know: "Z9999 · code absent…".
pub fn rome_unknown_code(code: &str) -> String {
    format!("{code} · code absent du référentiel ROME")
}

/// Why a sharing action waits: the purpose has no consent given ("Consentement non recueilli
/// pour la transmission aux entreprises"), or the person refused or withdrew it.
pub fn consent_missing(recipients: &str, refused: Option<&str>) -> String {
    match refused {
        None => format!("Consentement non recueilli pour la transmission {recipients}"),
        Some(state) => {
            format!("Consentement pour la transmission {recipients} : {state}")
        }
    }
}

/// The recipients named by the gate, after "la transmission".
pub const TO_COMPANIES: &str = "aux entreprises";

pub const TO_CRECHE: &str = "à la micro-crèche";

pub const TO_LANGUAGE_PARTNERS: &str = "aux partenaires de cours de français ou d'alphabétisation";

pub const TO_STATISTICS: &str = "aux statistiques anonymes";

pub const TO_FOLLOW_UP: &str = "au suivi du parcours";

/// Records a consent given, orally, today, by the referent, then lets the action go on.
pub const RECORD_CONSENT: &str = "Enregistrer son accord";

pub const RECORD_CONSENT_HOVER: &str = "La personne vient de donner son accord à l'oral : il est enregistré dans sa fiche, daté d'aujourd'hui.";

/// Opens the override's reason.
pub const OVERRIDE: &str = "Passer outre…";

pub const OVERRIDE_REASON: &str = "Motif pour passer outre (obligatoire)";

pub const OVERRIDE_CONFIRM: &str = "Passer outre avec ce motif";

pub const OVERRIDE_REASON_REQUIRED: &str =
    "Écrivez le motif : passer outre sans motif n'est pas possible.";

/// Under the private notes (CNIL: no subjective comments; the person has a right of access).
pub const PRIVATE_NOTES_WARNING: &str = "N'écrivez ici ni santé, ni opinions, ni jugements : la personne peut demander à lire sa fiche.";
