//! Settings of a structure (an EDS office or an association), shared by everyone who uses the
//! same data directory.

use serde::{Deserialize, Serialize};

/// How many daily backups are kept when the settings do not say otherwise: two weeks.
pub const DEFAULT_BACKUPS_KEPT: u32 = 14;

/// How long a record is kept after the last contact, in months, when the settings do not say
/// otherwise: two years (CNIL, délibération 2023-095, social support).
pub const DEFAULT_RETENTION_MONTHS: u32 = 24;

/// How long the audit journal's months are kept, when the settings do not say otherwise: one
/// year (CNIL, journalisation recommendation 2021-122: six months to a year).
pub const DEFAULT_JOURNAL_MONTHS: u32 = 12;

/// What a structure sets once: its name on printed documents, and the like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The structure's name, printed in document headers (e.g. "EDS de Vitry-sur-Seine").
    pub structure_name: String,
    /// How many daily backups (`backups/AAAA-MM-JJ/`) the store keeps, the newest ones; at
    /// least one is always kept. Absent from files written before format 3: 14.
    pub backups_kept: u32,
    /// How to reach the structure's data-protection officer (name, e-mail or address), printed
    /// on the information notice. Absent from files written before format 6: empty.
    pub dpo_contact: String,
    /// How many months after the last contact a record is kept before it is proposed for
    /// erasure (1 to 36). Absent before format 6: 24.
    pub retention_months: u32,
    /// How many months of the audit journal are kept. Absent before format 6: 12.
    pub journal_months: u32,
    /// Funders' reports: a count of people from 1 to this number minus one is shown "< 5"
    /// (with the default, 5). Absent from files before format 7: 5.
    pub stats_threshold: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            structure_name: String::new(),
            backups_kept: DEFAULT_BACKUPS_KEPT,
            dpo_contact: String::new(),
            retention_months: DEFAULT_RETENTION_MONTHS,
            journal_months: DEFAULT_JOURNAL_MONTHS,
            stats_threshold: crate::model::stats::DEFAULT_THRESHOLD,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_without_backups_kept_read_the_default() {
        let settings: Settings = ron::from_str(r#"(structure_name: "EDS")"#).unwrap();
        assert_eq!(settings.backups_kept, DEFAULT_BACKUPS_KEPT);
        assert_eq!(settings.structure_name, "EDS");
    }

    #[test]
    fn settings_before_format_6_read_the_data_protection_defaults() {
        let settings: Settings =
            ron::from_str(r#"(structure_name: "EDS", backups_kept: 7)"#).unwrap();
        assert_eq!(settings.backups_kept, 7);
        assert_eq!(settings.retention_months, DEFAULT_RETENTION_MONTHS);
        assert_eq!(settings.journal_months, DEFAULT_JOURNAL_MONTHS);
        assert_eq!(settings.dpo_contact, "");
    }

    #[test]
    fn settings_before_format_7_read_the_default_stats_threshold() {
        let settings: Settings =
            ron::from_str(r#"(structure_name: "EDS", journal_months: 6)"#).unwrap();
        assert_eq!(
            settings.stats_threshold,
            crate::model::stats::DEFAULT_THRESHOLD
        );
        assert_eq!(settings.stats_threshold, 5);
    }
}
