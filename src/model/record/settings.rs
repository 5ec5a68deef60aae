//! Settings of a structure (an EDS office or an association), shared by everyone who uses the
//! same data directory.

use serde::{Deserialize, Serialize};

/// How many daily backups are kept when the settings do not say otherwise: two weeks.
pub const DEFAULT_BACKUPS_KEPT: u32 = 14;

/// What a structure sets once: its name on printed documents, and the like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The structure's name, printed in document headers (e.g. "EDS de Vitry-sur-Seine").
    pub structure_name: String,
    /// How many daily backups (`backups/AAAA-MM-JJ/`) the store keeps, the newest ones; at
    /// least one is always kept. Absent from files written before format 3: 14.
    pub backups_kept: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            structure_name: String::new(),
            backups_kept: DEFAULT_BACKUPS_KEPT,
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
}
