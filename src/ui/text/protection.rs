//! The "Protection des données" window: records past the retention period, erasure and
//! extension.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

/// "Fiches à effacer : dernier contact il y a plus de 24 mois".
#[must_use]
pub fn due_heading(months: u32) -> String {
    format!("Fiches à effacer : dernier contact il y a plus de {months} mois")
}

pub const DUE_NONE: &str = "Aucune fiche n'a dépassé la durée de conservation.";

/// The list's column headers.
pub const HEADERS: [&str; 3] = ["Bénéficiaire", "Dernier contact", "Motif"];

/// "modification de la fiche, il y a plus de 24 mois".
#[must_use]
pub fn why(contact: &str, months: u32) -> String {
    format!("{contact}, il y a plus de {months} mois")
}

pub const ERASE: &str = "Effacer…";
pub const EXTEND: &str = "Prolonger…";

/// The on-request part of the window.
pub const ON_REQUEST_HEADING: &str = "Effacement à la demande de la personne";
pub const PICK_PERSON: &str = "Personne";
pub const PICK_NONE: &str = "Choisir une personne…";
pub const ERASE_ON_REQUEST: &str = "Effacer la fiche";

pub const READ_ONLY: &str =
    "Dossier ouvert en lecture seule : rien ne peut être effacé ni prolongé.";

/// The confirmation's title.
pub const CONFIRM_TITLE: &str = "Effacer définitivement";

/// What erasure does, naming the person.
#[must_use]
pub fn confirm_body(name: &str) -> String {
    format!(
        "La fiche de {name} va être anonymisée : nom, NIR, coordonnées, adresse, enfants, notes et toutes les données personnelles sont retirés de la fiche, de ses copies et des sauvegardes. Seules des valeurs statistiques anonymes restent (année de naissance, sexe, nationalité, dates des phases, heures, sortie). Cette opération ne peut pas être annulée."
    )
}

/// The confirmation's button, naming the person.
#[must_use]
pub fn confirm_button(name: &str) -> String {
    format!("Effacer définitivement {name}")
}

/// The extension form.
#[must_use]
pub fn extend_title(name: &str) -> String {
    format!("Prolonger la conservation de la fiche de {name}")
}
pub const EXTEND_UNTIL: &str = "Conserver jusqu'au";
pub const EXTEND_REASON: &str = "Motif (obligatoire)";
pub const EXTEND_SAVE: &str = "Enregistrer la prolongation";
pub const EXTEND_BAD_DATE: &str = "Date non comprise : écrivez-la JJ/MM/AAAA.";
pub const EXTEND_PAST_DATE: &str = "La date doit être postérieure à aujourd'hui.";
pub const EXTEND_NO_REASON: &str =
    "Le motif est obligatoire : pourquoi garder la fiche plus longtemps ?";

/// "conservée jusqu'au 01/06/2027 : motif".
#[must_use]
pub fn extended(until: &str, reason: &str) -> String {
    format!("conservée jusqu'au {until} : {reason}")
}
