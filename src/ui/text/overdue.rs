//! The overdue actions' list, on the "Accueil" view (the status bar's "Actions en retard"
//! shows it).

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const OVERDUE_NONE: &str = "Aucune action en retard.";

/// The list's column headers.
pub const HEADERS: [&str; 4] = ["Bénéficiaire", "Échéance", "Thème", "Action"];

/// Over a person's name: a click opens the record.
pub const OPEN_RECORD_HOVER: &str = "Ouvrir la fiche, onglet Préparation à l'emploi";

/// "10/11/2026 · 12 j de retard" (the due date already written, empty when unknown).
#[must_use]
pub fn late(due_on: &str, days_late: i64) -> String {
    format!("{due_on} · {days_late} j de retard")
}

pub const UNTITLED_ACTION: &str = "(action sans intitulé)";
