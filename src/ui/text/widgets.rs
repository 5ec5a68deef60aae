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
