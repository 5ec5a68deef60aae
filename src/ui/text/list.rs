//! The list of beneficiaries on the left.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const SEARCH_LABEL: &str = "Rechercher";

pub const SEARCH_HINT: &str = "Nom, prénom…";

pub const NO_MATCH: &str = "Aucun bénéficiaire ne correspond à la recherche.";

/// The list's mark on a record whose form holds an invalid field.
pub const LIST_TO_FIX: &str = "champ à corriger";

/// Under the search field: how many records the search lets through, of how many.
pub fn count(shown: usize, total: usize) -> String {
    format!("{shown} / {total} bénéficiaire(s)")
}
