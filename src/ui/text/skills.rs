//! The "Compétences" tab (phase 1).

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_SKILLS: &str = "Compétences";

/// Beside "Ajouter une langue", when the language is already listed (in another case).
pub fn language_exists(name: &str) -> String {
    format!("« {name} » est déjà dans la liste : ses niveaux se règlent sur sa ligne.")
}

pub const COURSE_KIND: &str = "Type de cours";
