//! The "Ateliers collectifs" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

/// The heading of the workshops already held, under the upcoming ones.
pub const WORKSHOPS_PAST: &str = "Ateliers passés";

/// Beside the confirmation asked before enrolling someone in a workshop already held.
pub const ENROL_PAST_WARNING: &str = "Cet atelier a déjà eu lieu.";

/// Confirms the enrolment in a workshop already held.
#[must_use]
pub fn confirm_past_enrol(title: &str) -> String {
    format!("Inscrire quand même à « {title} »")
}

/// Leaves the person out of a workshop already held.
pub const KEEP_UNENROLLED: &str = "Ne pas inscrire";

pub const WORKSHOPS_TITLE: &str = "Ateliers collectifs";

/// The workshop form's messages when a typed field cannot be read.
pub const DATE_REQUIRED: &str = "La date de l'atelier est obligatoire.";

pub const START_INVALID: &str = "Heure de début invalide : HH:MM (par exemple 09:30).";

pub const CAPACITY_INVALID: &str = "Capacité : un nombre de places est attendu.";

/// In the attendance list, for an enrolment whose record is gone.
pub const RECORD_NOT_FOUND: &str = "(fiche introuvable)";

/// The line naming the person the enrol buttons act for.
#[must_use]
pub fn open_person(name: &str) -> String {
    format!("Personne ouverte : {name}")
}

pub const NEW_WORKSHOP: &str = "Nouvel atelier";

pub const CATALOGUE_EMPTY: &str = "Aucun atelier au catalogue.";

/// "3 / 12 inscrits", from the workshop's fill text.
#[must_use]
pub fn enrolled(fill: &str) -> String {
    format!("{fill} inscrits")
}

pub const PLACE_UNKNOWN: &str = "lieu à préciser";

pub const FACILITATOR_UNKNOWN: &str = "animation à préciser";

/// "animé par …".
#[must_use]
pub fn facilitated_by(facilitator: &str) -> String {
    format!("animé par {facilitator}")
}

/// "03/12/2026 à 14:00, 1h30 · place · facilitator" (date, time and duration already written).
#[must_use]
pub fn schedule(date: &str, start: &str, duration: &str, place: &str, facilitator: &str) -> String {
    format!("{date} à {start}, {duration} · {place} · {facilitator}")
}

#[must_use]
pub fn unenrol(title: &str) -> String {
    format!("Désinscrire de « {title} »")
}

#[must_use]
pub fn book_creche(title: &str) -> String {
    format!("Réserver la crèche pour « {title} »")
}

pub const BOOK_CRECHE_HOVER: &str = "Ouvre l'onglet Crèche avec la réservation préparée pour ce jour et \
                                     ces heures ; rien n'est réservé avant « Réserver ».";

#[must_use]
pub fn enrol(title: &str) -> String {
    format!("Inscrire à « {title} »")
}

#[must_use]
pub fn edit(title: &str) -> String {
    format!("Modifier « {title} »")
}

#[must_use]
pub fn confirm_delete(title: &str) -> String {
    format!("Confirmer la suppression de « {title} »")
}

pub const KEEP_WORKSHOP: &str = "Garder l'atelier";

#[must_use]
pub fn delete(title: &str) -> String {
    format!("Supprimer « {title} »")
}

pub const DELETE_HOVER: &str = "Retire l'atelier du catalogue ; son fichier est gardé dans le dossier \
                                ateliers-supprimes.";

/// The accessible name of a person's attendance picker.
#[must_use]
pub fn attendance_of(name: &str, title: &str) -> String {
    format!("Présence de {name} (« {title} »)")
}

pub const ATTENDANCE_LATER: &str = "présence à pointer le jour de l'atelier";

// The create / edit form.
pub const TITLE: &str = "Titre de l'atelier";

pub const THEME: &str = "Thème de l'atelier";

pub const DATE: &str = "Date de l'atelier";

pub const START: &str = "Heure de début";

pub const DURATION: &str = "Durée de l'atelier";

pub const PLACE: &str = "Lieu";

pub const FACILITATOR: &str = "Animateur·rice";

pub const CAPACITY: &str = "Capacité (places)";

pub const SAVE_WORKSHOP: &str = "Enregistrer l'atelier";
