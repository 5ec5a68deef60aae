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

/// Heading of the settings printed on convocation letters.
pub const SECTION_LETTERS: &str = "Convocations";

/// The structure's postal address, on the letterhead.
pub const STRUCTURE_ADDRESS: &str = "Adresse postale de la structure (une ligne par ligne)";

/// The structure's phone, to warn of an absence.
pub const STRUCTURE_PHONE: &str = "Téléphone de la structure (pour prévenir d'une absence)";

/// How to get there.
pub const ACCESS_NOTES: &str = "Accès (transports, étage, code…)";

/// The place proposed for a new appointment.
pub const DEFAULT_PLACE: &str = "Lieu habituel des rendez-vous";
/// The funders' reports' small-count threshold.
pub const STATS_THRESHOLD: &str = "Seuil du secret statistique des bilans (un nombre de personnes en dessous est masqué, « < 5 » avec 5)";

/// Minutes without input before the window of an encrypted folder locks itself.
pub const LOCK_MINUTES: &str =
    "Verrouillage automatique d'un dossier chiffré après (sans activité, 1 à 60 min)";

/// After a number of minutes in the settings' fields.
pub const MINUTES_SUFFIX: &str = " min";

/// Opens the dialog that encrypts a clear folder.
pub const ENCRYPT: &str = "Chiffrer ce dossier…";
pub const CHANGE_PASSPHRASE: &str = "Changer la phrase de passe…";
pub const RENEW_RECOVERY: &str = "Nouvelle clé de secours…";
