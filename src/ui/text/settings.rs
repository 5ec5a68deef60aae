//! The "Paramètres" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const STRUCTURE_NAME: &str = "Nom de la structure (imprimé sur les documents)";

/// Number of daily backups kept, in the settings window.
pub const BACKUPS_KEPT: &str = "Sauvegardes quotidiennes conservées";

/// Months of audit journal kept, in the settings window.
pub const JOURNAL_MONTHS: &str = "Mois de journal des accès conservés";

pub const CHANGE_COUNSELLOR: &str = "Changer le nom du conseiller·ère de cet ordinateur…";
