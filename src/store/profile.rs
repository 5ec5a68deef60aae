//! The counsellor profile of this computer: who uses Parcours here, and the installation's id.
//! The audit journal names them in every event.
//!
//! Kept OUTSIDE the data directory (which may be shared or synced between laptops): in the
//! platform's per-user configuration folder (`~/.config/parcours/profil.ron` on Linux), or in
//! the folder named by `PARCOURS_CONFIG_DIR` when set (tests, portable installs).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic;
use super::journal::Author;

/// The profile's file, inside the configuration folder.
pub const PROFILE_FILE: &str = "profil.ron";
/// The environment variable that overrides the configuration folder.
pub const CONFIG_DIR_ENV: &str = "PARCOURS_CONFIG_DIR";

/// Who uses Parcours on this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The counsellor's name, as the journal and the status bar show it.
    pub name: String,
    /// A random id (UUID v7) made at first start, naming this installation in the journal.
    pub installation: String,
}

impl Profile {
    /// A new profile for `name`, with a fresh installation id.
    #[must_use]
    pub fn new(name: &str) -> Self {
        Self {
            name: name.trim().to_owned(),
            installation: uuid::Uuid::now_v7().hyphenated().to_string(),
        }
    }

    /// The journal's author for this profile.
    #[must_use]
    pub fn author(&self) -> Author {
        Author {
            name: self.name.clone(),
            installation: self.installation.clone(),
        }
    }
}

/// The configuration folder: `PARCOURS_CONFIG_DIR` when set, else the platform's per-user
/// configuration folder.
#[must_use]
pub fn default_config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("fr", "Parcours", "Parcours").map(|d| d.config_dir().to_owned())
}

/// The profile saved in `config_dir`; `None` when there is none yet, or it cannot be read (the
/// window then asks again).
#[must_use]
pub fn load(config_dir: &Path) -> Option<Profile> {
    let text = fs::read_to_string(config_dir.join(PROFILE_FILE)).ok()?;
    let profile: Profile = ron::from_str(&text).ok()?;
    (!profile.name.trim().is_empty()).then_some(profile)
}

/// Saves the profile in `config_dir` (created if needed), atomically.
pub fn save(config_dir: &Path, profile: &Profile) -> std::io::Result<()> {
    fs::create_dir_all(config_dir)?;
    let text = ron::ser::to_string_pretty(profile, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    atomic::write_atomic(&config_dir.join(PROFILE_FILE), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_round_trips_and_an_empty_name_is_no_profile() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()), None);
        let profile = Profile::new("  Claire Martin ");
        save(dir.path(), &profile).unwrap();
        assert_eq!(load(dir.path()), Some(profile.clone()));
        assert_eq!(profile.name, "Claire Martin");
        save(dir.path(), &Profile::new(" ")).unwrap();
        assert_eq!(load(dir.path()), None);
    }
}
