//! Erasing a person (GDPR article 17, and the end of the retention period): the record is
//! replaced by its anonymised version, and the person is removed from every other place of the
//! data directory.
//!
//! - `beneficiaries/<id>.ron` holds the anonymised record (see `model::record::anonymise`);
//! - every other copy of the record is **deleted**: a sync tool's conflict copy, a copy kept in
//!   `conflits-resolus/`, a temporary file;
//! - in every backup folder (`backups/AAAA-MM-JJ/`, a restore's safety copy), the record's file
//!   is **rewritten** with the anonymised version (the backups stay usable for everyone else);
//! - a tombstone `effacements/<id>.ron` (the identifier and the date, nothing else) stays, so
//!   that a sync peer's old copy of the record, dropped back into the folder, never brings the
//!   person back: [`Store::load`] anonymises it again (and rewrites the file when it may write),
//!   and deletes a conflict copy of it.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::atomic::{self, TEMP_SUFFIX};
use super::codec::Codec;
use super::envelope::{decode, encode};
use super::load::MAX_FILE_BYTES;
use super::lock::LOCK_FILE;
use super::{BENEFICIARIES_DIR, LoadReport, Store, StoreError, io_error};
use crate::model::record::{Beneficiary, BeneficiaryId, anonymise};

/// Folder, inside the data directory, of the tombstones of erased records.
pub const ERASURES_DIR: &str = "effacements";

/// What remains of an erased record: its identifier and the day it was erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The record erased.
    pub id: BeneficiaryId,
    /// When.
    pub erased_on: NaiveDate,
}

/// What an erasure did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureReport {
    /// The anonymised record now stored.
    pub anonymised: Beneficiary,
    /// Files rewritten with the anonymised version (the record's own, and in the backups).
    pub rewritten: Vec<PathBuf>,
    /// Other copies deleted (conflict copies, resolved conflicts, temporary files).
    pub deleted: Vec<PathBuf>,
}

/// The tombstones of a data directory, by record.
pub(crate) fn tombstones(codec: &Codec, root: &Path) -> HashMap<BeneficiaryId, NaiveDate> {
    let Ok(entries) = fs::read_dir(root.join(ERASURES_DIR)) else {
        return HashMap::new();
    };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .filter_map(|e| read_small(&e.path()))
        .filter_map(|bytes| {
            let plain = codec.plain(&bytes).ok()?;
            ron::from_str::<Tombstone>(std::str::from_utf8(&plain).ok()?).ok()
        })
        .map(|t| (t.id, t.erased_on))
        .collect()
}

/// Reads a file only when it is a regular file of a record's size.
fn read_small(path: &Path) -> Option<Vec<u8>> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .ok()?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Whether `name` is a temporary file (ours: `.<name>.<pid>-<n>.tmp`, or another tool's
/// hidden `.….tmp`).
fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(TEMP_SUFFIX)
}

/// Whether `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// What to do with one file of the data directory, for the erasure of `id`.
enum Fate {
    Keep,
    Rewrite,
    Delete,
}

/// A file holds the person when it decodes as their record, or is a temporary file or an
/// unreadable copy in a folder of records that names them.
fn fate(codec: &Codec, path: &Path, id: BeneficiaryId, in_records_folder: bool) -> Fate {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let own_name = format!("{id}.ron");
    let Some(raw) = read_small(path) else {
        return Fate::Keep;
    };
    // In an encrypted directory every copy is sealed: looked into once opened.
    let opened = codec.plain(&raw);
    let bytes: &[u8] = opened.as_deref().unwrap_or(raw.as_slice());
    let id_text = id.to_string();
    if !name.contains(&id_text) && !contains(bytes, id_text.as_bytes()) {
        // Every copy of the record holds its identifier: no need to decode the other files.
        return Fate::Keep;
    }
    if let Ok(record) = decode::<Beneficiary>(bytes) {
        if record.id != id {
            return Fate::Keep;
        }
        return if in_records_folder && name == own_name {
            Fate::Rewrite
        } else {
            Fate::Delete
        };
    }
    if is_temporary(&name) || in_records_folder {
        return Fate::Delete;
    }
    Fate::Keep
}

/// Visits every regular file under `dir` (links are not followed), telling whether its folder
/// is a folder of records (`beneficiaries/`, at the root or in a backup) or of resolved
/// conflicts.
fn walk(dir: &Path, records_folder: bool, visit: &mut dyn FnMut(&Path, bool)) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if kind.is_dir() {
            if name == ERASURES_DIR {
                continue;
            }
            let records = name == BENEFICIARIES_DIR || name == super::CONFLICTS_DIR;
            walk(&path, records, visit);
        } else if kind.is_file() && name != LOCK_FILE {
            visit(&path, records_folder);
        }
    }
}

impl Store {
    /// Erases the record `id` on `today`: writes the tombstone, replaces the record by its
    /// anonymised version, rewrites it in every backup and deletes every other copy of it in
    /// the data directory (see the module's documentation). Writer only.
    pub fn erase(
        &mut self,
        id: BeneficiaryId,
        today: NaiveDate,
    ) -> Result<ErasureReport, StoreError> {
        self.check_writable()?;
        // Every backup is rewritten: exclusive, every other Parcours stops writing meanwhile.
        let took = self.hold_directory(super::lease::ERASE_PURPOSE)?;
        let erased = self.erase_held(id, today);
        if took {
            self.let_go_directory();
        }
        erased
    }

    /// [`Self::erase`], the directory's lease held.
    fn erase_held(
        &mut self,
        id: BeneficiaryId,
        today: NaiveDate,
    ) -> Result<ErasureReport, StoreError> {
        let path = self.beneficiary_path(id);
        let raw = fs::read(&path).map_err(io_error(&path))?;
        let bytes = self
            .codec
            .plain(&raw)
            .map_err(|message| StoreError::Invalid(format!("{} : {message}", path.display())))?;
        let record = decode::<Beneficiary>(&bytes)
            .map_err(|e| StoreError::Invalid(format!("{} : {}", path.display(), e.message)))?;
        // The day's backup, if not made yet, is made now so that it is cleaned below.
        self.before_write(today);

        let anonymised = anonymise(&record, today);
        let dir = self.root.join(ERASURES_DIR);
        fs::create_dir_all(&dir).map_err(io_error(&dir))?;
        let tombstone = Tombstone {
            id,
            erased_on: today,
        };
        let text = ron::ser::to_string_pretty(&tombstone, ron::ser::PrettyConfig::default())?;
        let tomb = dir.join(format!("{id}.ron"));
        self.write_data(&tomb, text.as_bytes())?;

        let text = encode(&anonymised)?;
        let mut report = ErasureReport {
            anonymised: anonymised.clone(),
            rewritten: Vec::new(),
            deleted: Vec::new(),
        };
        let mut fates = Vec::new();
        walk(
            &self.root,
            false,
            &mut |file, records| match fate(&self.codec, file, id, records) {
                Fate::Keep => {}
                fate => fates.push((file.to_owned(), fate)),
            },
        );
        // The record's own file, even if it was not where the walk looked.
        if !fates.iter().any(|(p, _)| *p == path) {
            fates.push((path.clone(), Fate::Rewrite));
        }
        for (file, fate) in fates {
            match fate {
                Fate::Rewrite => {
                    self.write_data(&file, text.as_bytes())?;
                    report.rewritten.push(file);
                }
                Fate::Delete => {
                    fs::remove_file(&file).map_err(io_error(&file))?;
                    if let Some(parent) = file.parent() {
                        atomic::sync_dir(parent).map_err(io_error(parent))?;
                    }
                    self.unreadable.remove(&file);
                    report.deleted.push(file);
                }
                Fate::Keep => {}
            }
        }
        self.paths.insert(id, path);
        // The journal keeps that the record was erased (its id only, as every event).
        self.journal_event(&super::journal::Operation::Erase, Some(id));
        Ok(report)
    }

    /// After a load: a record that was erased never comes back with personal data (a sync
    /// peer's old copy). It is anonymised again, and when this store may write, its file is
    /// rewritten and any conflict copy of it deleted; a read-only store keeps the anonymised
    /// version in memory and drops the conflict.
    pub(crate) fn honour_tombstones(&mut self, report: &mut LoadReport) {
        let erased = tombstones(&self.codec, &self.root);
        if erased.is_empty() {
            return;
        }
        let writable = self.is_writable();
        for record in &mut report.beneficiaries {
            let Some(on) = erased.get(&record.id) else {
                continue;
            };
            if record.protection.anonymised_on.is_some() {
                continue;
            }
            *record = anonymise(record, *on);
            if writable {
                let path = self.beneficiary_path(record.id);
                if let Ok(text) = encode(&*record) {
                    // Best effort: the record is anonymised in memory whatever happens.
                    let _ = self.write_data(&path, text.as_bytes());
                }
            }
        }
        report.conflicts.retain(|conflict| {
            if !erased.contains_key(&conflict.other.id) {
                return true;
            }
            if writable && fs::remove_file(&conflict.other_path).is_ok() {
                self.unreadable.remove(&conflict.other_path);
            }
            false
        });
        // A copy deleted is no problem any more; one a reader had to leave is reported as what
        // it is.
        let erased_copies: Vec<PathBuf> = report
            .problems
            .iter()
            .filter(|p| {
                erased
                    .keys()
                    .any(|id| p.message.contains(&format!("({id})")))
            })
            .map(|p| p.path.clone())
            .collect();
        let unreadable = &self.unreadable;
        report
            .problems
            .retain(|p| !erased_copies.contains(&p.path) || unreadable.contains(&p.path));
        for problem in &mut report.problems {
            if erased_copies.contains(&problem.path) {
                problem.message = "copie d'une fiche effacée : elle sera supprimée à la prochaine ouverture en écriture du dossier".to_owned();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;
    use crate::store::Access;

    #[test]
    fn an_old_copy_of_an_erased_record_loads_anonymised_and_its_conflict_copy_goes() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let record = demo_beneficiaries(1, today, 3).remove(0);
        let path = store.save_beneficiary(&record, today).unwrap();
        let old = fs::read(&path).unwrap();
        store.erase(record.id, today).unwrap();

        // A sync peer puts its old copy back, and another beside it.
        fs::write(&path, &old).unwrap();
        let copy = path.with_file_name(format!("{} (conflicted copy).ron", record.id));
        fs::write(&copy, &old).unwrap();
        let report = store.load();
        assert!(report.conflicts.is_empty(), "{:?}", report.problems);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let loaded = &report.beneficiaries[0];
        assert!(loaded.identity.last_name.is_empty());
        assert!(loaded.protection.anonymised_on.is_some());
        let on_disk = fs::read_to_string(&path).unwrap();
        assert!(!on_disk.contains(&record.identity.last_name));
        assert!(!copy.exists());
    }

    #[test]
    fn a_reader_cannot_erase_and_a_stray_temporary_copy_goes_with_the_record() {
        let dir = tempfile::tempdir().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let record = demo_beneficiaries(1, today, 4).remove(0);
        let path = store.save_beneficiary(&record, today).unwrap();
        let mut reader = Store::open(dir.path(), Access::ReadOnly).unwrap();
        reader.load();
        assert!(matches!(
            reader.erase(record.id, today),
            Err(StoreError::ReadOnly)
        ));
        assert!(!tombstones(&Codec::clear(), dir.path()).contains_key(&record.id));

        // A torn temporary copy (not a record any more) left by a crashed save.
        let torn = fs::read(&path).unwrap();
        let temp = path.with_file_name(format!(".{}.ron.77-3.tmp", record.id));
        fs::write(&temp, &torn[..torn.len() / 2]).unwrap();
        let report = store.erase(record.id, today).unwrap();
        assert!(!temp.exists());
        assert!(report.deleted.contains(&temp));
        assert_eq!(
            tombstones(&Codec::clear(), dir.path()).get(&record.id),
            Some(&today)
        );
    }
}
