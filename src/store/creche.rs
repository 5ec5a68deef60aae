//! The micro-crèche's settings file, `creche.ron` at the data directory's root: loaded and saved
//! like `settings.ron` (atomic write, a damaged file reported and never overwritten). The
//! families' bookings are not here: they live in each parent's record.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::stored::{AtRoot, Stored};
use super::{Problem, Store, StoreError, local_now};
use crate::model::creche::CrecheSettings;

/// The crèche's settings file, inside the data directory.
pub const CRECHE_FILE: &str = "creche.ron";

impl Store {
    /// Loads the crèche's settings: the defaults (12 places, Monday–Friday 8:00–18:30, 3 months
    /// to 3 years) when the file does not exist yet; a problem, and the defaults with the file
    /// protected from overwriting, when it cannot be read.
    pub fn load_creche_settings(&mut self) -> (CrecheSettings, Option<Problem>) {
        let (settings, problem) = self.load_root();
        if problem.is_some() {
            return (settings, problem);
        }
        // A sync tool's conflict copy of `creche.ron` is merged when it can be; otherwise it is
        // reported (the first such problem).
        let (settings, mut problems) = self.merge_root_copies(settings);
        (settings, problems.pop())
    }

    /// Saves the crèche's settings atomically, when they make sense (never over a file that
    /// could not be read). Returns the file written.
    pub fn save_creche_settings(&self, settings: &CrecheSettings) -> Result<PathBuf, StoreError> {
        self.save_root(settings, local_now().date())
            .map(|(path, _)| path)
    }
}

/// The crèche's settings: refused when they make no sense (no places, an empty age range…).
impl Stored for CrecheSettings {
    fn validate(&self, _today: NaiveDate) -> Result<(), String> {
        let problems = self.problems();
        if problems.is_empty() {
            return Ok(());
        }
        Err(problems.join(" "))
    }
}

impl AtRoot for CrecheSettings {
    const FILE: &'static str = CRECHE_FILE;
    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Result<Option<Self>, String> {
        Ok(Some(super::cas::merge_creche(base, ours, theirs)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::creche::Closure;
    use crate::store::Access;

    #[test]
    fn creche_settings_roundtrip_and_a_damaged_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        assert_eq!(
            store.load_creche_settings(),
            (CrecheSettings::default(), None)
        );
        let mut settings = CrecheSettings {
            name: "La Passerelle".into(),
            capacity: 10,
            ..CrecheSettings::default()
        };
        settings.closures.push(Closure {
            from: NaiveDate::from_ymd_opt(2026, 12, 21).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(),
            label: "Noël".into(),
        });
        store.save_creche_settings(&settings).unwrap();
        assert_eq!(store.load_creche_settings(), (settings.clone(), None));

        // Nonsense is refused, and the file keeps the last good settings.
        let zero = CrecheSettings {
            capacity: 0,
            ..settings.clone()
        };
        let error = store.save_creche_settings(&zero).unwrap_err();
        assert!(error.to_string().contains("capacité"), "{error}");
        assert_eq!(store.load_creche_settings().0, settings);

        let path = dir.path().join(CRECHE_FILE);
        std::fs::write(&path, "(schema_version: 1, record: (capacity: \"douze\"))").unwrap();
        let (loaded, problem) = store.load_creche_settings();
        assert_eq!(loaded, CrecheSettings::default());
        let problem = problem.unwrap();
        assert!(problem.location.is_some(), "{problem}");
        assert!(problem.to_string().contains(CRECHE_FILE), "{problem}");
        assert!(matches!(
            store.save_creche_settings(&settings),
            Err(StoreError::WouldOverwriteUnreadable(_))
        ));
        assert!(std::fs::read_to_string(&path).unwrap().contains("douze"));
    }

    #[test]
    fn creche_settings_of_format_4_load_with_the_school_entry_rule() {
        use crate::model::creche::UpperAgeRule;
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        // As Parcours wrote it before format 5: no upper_age_rule.
        std::fs::write(
            dir.path().join(CRECHE_FILE),
            "(\n    schema_version: 4,\n    record: (\n        name: \"Les Lucioles\",\n        \
             capacity: 10,\n        min_age_months: 3,\n        max_age_months: 36,\n    ),\n)\n",
        )
        .unwrap();
        let (loaded, problem) = store.load_creche_settings();
        assert_eq!(problem, None);
        assert_eq!(loaded.upper_age_rule, UpperAgeRule::SchoolEntry);
        assert_eq!(
            (loaded.name.as_str(), loaded.capacity),
            ("Les Lucioles", 10)
        );
        // Saved again, it is the current format and keeps the rule chosen.
        let birthday = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..loaded
        };
        store.save_creche_settings(&birthday).unwrap();
        let text = std::fs::read_to_string(dir.path().join(CRECHE_FILE)).unwrap();
        assert!(
            text.contains(&format!("schema_version: {}", crate::store::SCHEMA_VERSION)),
            "{text}"
        );
        assert!(text.contains("upper_age_rule: Birthday"), "{text}");
        assert_eq!(store.load_creche_settings(), (birthday, None));
    }
}
