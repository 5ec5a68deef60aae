//! The "Paramètres" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const STRUCTURE_NAME: &str = "Nom de la structure (imprimé sur les documents)";

/// Number of daily backups kept, in the settings window.
pub const BACKUPS_KEPT: &str = "Sauvegardes quotidiennes conservées";

/// Heading of the data-protection settings.
pub const SECTION_PROTECTION: &str = "Protection des données";

/// The DPO's contact, printed on the information notice.
pub const DPO_CONTACT: &str =
    "Contact du délégué à la protection des données (imprimé sur la notice d'information)";

/// How long a record is kept after the last contact.
pub const RETENTION_MONTHS: &str = "Durée de conservation après le dernier contact (1 à 36 mois)";

/// How many months of the journal are kept.
pub const JOURNAL_MONTHS: &str = "Durée de conservation du journal (6 à 12 mois)";

/// After a number of months in the settings' fields.
pub const MONTHS_SUFFIX: &str = " mois";

pub const CHANGE_COUNSELLOR: &str = "Changer le nom du conseiller·ère de cet ordinateur…";

/// The funders' reports' small-count threshold.
pub const STATS_THRESHOLD: &str = "Seuil du secret statistique des bilans (un nombre de personnes en dessous est masqué, « < 5 » avec 5)";
