//! Resolving a record found in two files — what a file-sync tool leaves when two laptops
//! edited the same pathway: the counsellor's choice is saved to the record's own file, and the
//! other copy is moved aside (never deleted) so that nothing is lost.

use std::fs;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{BENEFICIARIES_DIR, Store, StoreError, atomic, io_error};
use crate::model::record::Beneficiary;

/// Folder, inside the data directory, where resolved conflict copies are kept.
pub const CONFLICTS_DIR: &str = "conflits-resolus";

/// One record found in two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The file loaded (named after the record when there is one).
    pub kept_path: PathBuf,
    /// The other copy.
    pub other_path: PathBuf,
    /// The other copy's content.
    pub other: Beneficiary,
}

impl Store {
    /// Saves `chosen` (one version, the other, or a merge) as the record, then moves the other
    /// copy into `conflits-resolus/` so that the record is loaded once again.
    pub fn resolve_conflict(
        &mut self,
        conflict: &Conflict,
        chosen: &Beneficiary,
        today: NaiveDate,
    ) -> Result<PathBuf, StoreError> {
        let saved = self.save_beneficiary(chosen, today)?;
        let aside_dir = self.root.join(CONFLICTS_DIR);
        fs::create_dir_all(&aside_dir).map_err(io_error(&aside_dir))?;
        let name = conflict
            .other_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        // Not ending in `.ron` there either: it is kept for the record, never loaded.
        let aside = aside_dir.join(format!("{name}.{stamp}.copie"));
        fs::rename(&conflict.other_path, &aside).map_err(io_error(&conflict.other_path))?;
        atomic::sync_dir(&self.root.join(BENEFICIARIES_DIR)).map_err(io_error(&aside_dir))?;
        self.unreadable.remove(&conflict.other_path);
        Ok(saved)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::model::record::{RecordPart, Side, merge};
    use crate::store::Access;

    #[test]
    fn a_resolved_conflict_loads_once_and_keeps_the_other_copy_aside() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let record = demo_beneficiaries(1, today, 9).remove(0);
        let canonical = store.save_beneficiary(&record, today).unwrap();
        let mut other = record.clone();
        other.contact.town = "Ivry-sur-Seine".into();
        let copy = canonical.with_file_name(format!("{} (conflicted copy).ron", record.id));
        std::fs::write(&copy, super::super::envelope::encode(&other).unwrap()).unwrap();

        let report = store.load();
        assert_eq!(report.conflicts.len(), 1);
        let conflict = &report.conflicts[0];
        assert_eq!(
            (conflict.kept_path.as_path(), conflict.other_path.as_path()),
            (canonical.as_path(), copy.as_path())
        );
        assert_eq!(conflict.other.contact.town, "Ivry-sur-Seine");

        let merged = merge(
            &record,
            &conflict.other,
            |p| {
                if p == RecordPart::Contact {
                    Side::Other
                } else {
                    Side::Kept
                }
            },
            chrono::Utc::now(),
        );
        store.resolve_conflict(conflict, &merged, today).unwrap();
        let report = store.load();
        assert!(
            report.conflicts.is_empty() && report.problems.is_empty(),
            "{:?}",
            report.problems
        );
        assert_eq!(report.beneficiaries[0].contact.town, "Ivry-sur-Seine");
        let aside: Vec<_> = std::fs::read_dir(dir.path().join(CONFLICTS_DIR))
            .unwrap()
            .collect();
        assert_eq!(aside.len(), 1, "the other copy is kept, not deleted");
    }
}
