//! Resolving a record found in two files — what a file-sync tool leaves when two laptops
//! edited the same pathway. The load has already merged what only one laptop changed (see
//! `sync_merge`); the counsellor's choice for the parts both changed is saved to the record's
//! own file, and the other copy is moved aside (never deleted) so that nothing is lost.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::sync_merge::read_versions;
use super::sync_names::ConflictName;
use super::{Store, StoreError, envelope, load};
use crate::model::record::Beneficiary;
use crate::model::sync::{AskedPart, join};

/// Folder, inside the data directory, where resolved conflict copies are kept.
pub const CONFLICTS_DIR: &str = "conflits-resolus";

/// One record found in two files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The file loaded (named after the record when there is one).
    pub kept_path: PathBuf,
    /// The other copy.
    pub other_path: PathBuf,
    /// The other copy's content, with everything merged automatically already: it differs
    /// from the record loaded only in the parts of `asked`.
    pub other: Beneficiary,
    /// The parts both copies changed, with who changed them last on each side and when.
    pub asked: Vec<AskedPart>,
    /// What the copy's name says (tool, time, device), when it follows a sync tool's naming.
    pub name: Option<ConflictName>,
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
        self.check_writable()?;
        self.mark_both_seen(conflict)?;
        let saved = self.save_beneficiary(chosen, today)?;
        self.move_aside(&conflict.other_path)?;
        Ok(saved)
    }

    /// Gives the record's file stamps that have seen both copies, before the choice is saved
    /// over it: the parts chosen then carry a version newer than either copy's, so that the
    /// choice is not asked again on the other laptop.
    fn mark_both_seen(&self, conflict: &Conflict) -> Result<(), StoreError> {
        let path = &conflict.kept_path;
        let Ok(kept) = load::load_file::<Beneficiary>(&self.codec, path) else {
            return Ok(());
        };
        let mut versions = read_versions(&self.codec, path);
        for (key, theirs) in read_versions(&self.codec, &conflict.other_path) {
            versions
                .entry(key)
                .and_modify(|ours| ours.clock = join(&ours.clock, &theirs.clock))
                .or_insert(theirs);
        }
        let text = envelope::encode_with(&kept, &versions)?;
        self.write_data(path, text.as_bytes())
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
