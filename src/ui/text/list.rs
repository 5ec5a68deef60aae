//! The list of beneficiaries on the left.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const SEARCH_LABEL: &str = "Rechercher";

pub const SEARCH_HINT: &str = "Nom, prénom…";

pub const NO_MATCH: &str = "Aucun bénéficiaire ne correspond à la recherche.";

/// The list's filter: every record.
pub const ALL: &str = "Tous";

/// The list's filter: the records whose referent is the counsellor of this computer.
pub const MINE: &str = "Mes bénéficiaires";

/// "Mes bénéficiaires" chosen, and none has this counsellor as referent.
pub const NONE_OF_MINE: &str =
    "Aucun bénéficiaire n'a votre nom comme référent : choisissez « Tous » pour voir les autres.";

/// The list's mark on a record whose form holds an invalid field.
pub const LIST_TO_FIX: &str = "champ à corriger";

/// Under the search field: how many records the search lets through, of how many.
pub fn count(shown: usize, total: usize) -> String {
    format!("{shown} / {total} bénéficiaire(s)")
}

/// A row's referent, in its accessible name.
pub fn referent(name: &str) -> String {
    format!("Référent : {name}")
}
