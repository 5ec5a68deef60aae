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

/// Minutes without input before the window of an encrypted folder locks itself, when the
/// settings do not say otherwise.
pub const DEFAULT_LOCK_MINUTES: u32 = 5;

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
    /// The structure's postal address, one line per line of the letterhead (convocation
    /// letters). Absent before format 7: empty.
    #[serde(default)]
    pub structure_address: String,
    /// The structure's phone, printed on letters to warn of an absence. Absent before
    /// format 7: empty.
    #[serde(default)]
    pub structure_phone: String,
    /// How to get there (transport, floor, door code…), printed under the place of an
    /// appointment at the structure. Absent before format 7: empty.
    #[serde(default)]
    pub access_notes: String,
    /// The place proposed for a new appointment (e.g. "Espace emploi, bureau 2"). Absent
    /// before format 7: empty.
    #[serde(default)]
    pub default_place: String,
    /// Funders' reports: a count of people from 1 to this number minus one is shown "< 5"
    /// (with the default, 5). Absent from files before format 7: 5.
    pub stats_threshold: u32,
    /// Minutes without input before the window of an encrypted folder hides every record
    /// behind the passphrase (1 to 60). Absent before format 8: 5.
    pub lock_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            structure_name: String::new(),
            backups_kept: DEFAULT_BACKUPS_KEPT,
            dpo_contact: String::new(),
            retention_months: DEFAULT_RETENTION_MONTHS,
            journal_months: DEFAULT_JOURNAL_MONTHS,
            structure_address: String::new(),
            structure_phone: String::new(),
            access_notes: String::new(),
            default_place: String::new(),
            stats_threshold: crate::model::stats::DEFAULT_THRESHOLD,
            lock_minutes: DEFAULT_LOCK_MINUTES,
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
    fn settings_before_format_7_have_no_letterhead_and_the_new_fields_round_trip() {
        let settings: Settings = ron::from_str(
            r#"(structure_name: "EDS", backups_kept: 7, dpo_contact: "dpo@eds.fr", retention_months: 12, journal_months: 6)"#,
        )
        .unwrap();
        assert_eq!(settings.structure_name, "EDS");
        assert_eq!(settings.retention_months, 12);
        assert_eq!(settings.structure_address, "");
        assert_eq!(settings.structure_phone, "");
        assert_eq!(settings.access_notes, "");
        assert_eq!(settings.default_place, "");
        let filled = Settings {
            structure_address: "12 rue de la Paix\n94400 Vitry-sur-Seine".into(),
            structure_phone: "01 23 45 67 89".into(),
            access_notes: "Bus 180, arrêt Mairie ; 2e étage".into(),
            default_place: "Bureau 2".into(),
            ..settings
        };
        let text = ron::ser::to_string(&filled).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), filled);
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

    #[test]
    fn settings_before_format_8_lock_after_five_minutes_and_the_minutes_round_trip() {
        let format_7 = r#"(structure_name: "EDS", stats_threshold: 7, default_place: "Bureau 2")"#;
        let settings: Settings = ron::from_str(format_7).unwrap();
        assert_eq!(settings.lock_minutes, DEFAULT_LOCK_MINUTES);
        assert_eq!(settings.lock_minutes, 5);
        assert_eq!(settings.stats_threshold, 7);
        let changed = Settings {
            lock_minutes: 12,
            ..settings
        };
        let text = ron::ser::to_string(&changed).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap().lock_minutes, 12);
    }
}
