//! Synced copies, on the store's side: every save stamps the parts it changed (see
//! `model::sync`), and the load merges a sync tool's conflict copy into the file it copies
//! wherever the two did not change the same part: the merged file is written, the copy goes to
//! `conflits-resolus/`. What both changed stays a [`Conflict`] for the counsellor (records) or a
//! reported problem (shared files).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::Utc;
use rayon::prelude::*;

use super::codec::Codec;
use super::conflict::CONFLICTS_DIR;
use super::load::{self, MAX_FILE_BYTES};
use super::stored::{AtRoot, InFolder, Stored};
use super::sync_names::{self, ConflictName};
use super::{LoadReport, Problem, Store, StoreError, atomic, envelope, local_now};
use crate::model::record::Beneficiary;
use crate::model::sync::{
    Editor, RecordMerge, Shared, Versions, merge_records, merge_shared, restamp,
};

/// The stamps a file carries: none when it has none, cannot be read or does not exist.
pub(crate) fn read_versions(codec: &Codec, path: &Path) -> Versions {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() <= MAX_FILE_BYTES => {}
        _ => return Versions::new(),
    }
    fs::read(path).ok().map_or_else(Versions::new, |bytes| {
        codec.plain(&bytes).map_or_else(
            |_| Versions::new(),
            |plain| envelope::decode_versions(&plain),
        )
    })
}

/// What a conflict copy's name says, judged beside the other files of its folder.
pub(crate) fn conflict_name(path: &Path) -> Option<ConflictName> {
    let name = path.file_name()?.to_str()?;
    let dir = path.parent()?;
    sync_names::parse(name, &|base| dir.join(base).is_file())
}

impl Store {
    /// Who saves, for the stamps: this installation and its counsellor.
    fn editor(&self) -> Editor {
        Editor {
            installation: self.author.installation.clone(),
            name: self.author.name.clone(),
        }
    }

    /// The text a save writes: `value` in its envelope, with the stamps of the file it
    /// replaces brought up to date (this installation's counter bumped on the units changed).
    pub(crate) fn encode_stamped<T: Stored>(
        &self,
        value: &T,
        path: &Path,
    ) -> Result<String, ron::Error> {
        let versions = restamp(
            &read_versions(&self.codec, path),
            &value.units(),
            &self.editor(),
            Utc::now(),
        );
        envelope::encode_with(value, &versions)
    }

    /// Saves `record` over its file, changed elsewhere since this store read it (`seen`: the
    /// stamps then; `now`: the stamps of `theirs`, the file's record now): the two are merged
    /// as synced copies are — a part changed on one side only taken from it, list items by id —
    /// and the merge is written. The parts both sides changed keep this side's version in the
    /// file; the other side's version is kept beside it as a conflict copy
    /// (`<id>.sync-conflict-…-PARCOURS.ron`), asked side by side at the next load: nothing is
    /// replaced unseen.
    pub(crate) fn save_over_change(
        &mut self,
        record: &Beneficiary,
        theirs: &Beneficiary,
        seen: &Versions,
        now: &Versions,
        path: PathBuf,
        today: chrono::NaiveDate,
    ) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        record.validate(today).map_err(StoreError::Invalid)?;
        if self.unreadable.contains(&path) {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let ours = restamp(seen, &record.units(), &self.editor(), Utc::now());
        let merge = merge_records(record, &ours, theirs, now);
        // A merge that breaks a rule (each side valid, not both together): this side is
        // written, the other kept whole beside it.
        let (kept, kept_versions, other, other_versions) = if merge.merged.validate(today).is_ok() {
            (
                merge.merged,
                merge.versions,
                merge.other,
                merge.other_versions,
            )
        } else {
            (record.clone(), ours, theirs.clone(), now.clone())
        };
        self.before_write(today);
        if !merge.asked.is_empty() || other != kept {
            let copy = path.with_file_name(format!(
                "{}.sync-conflict-{}-PARCOURS.ron",
                record.id,
                local_now().format("%Y%m%d-%H%M%S")
            ));
            let text = envelope::encode_with(&other, &other_versions)?;
            self.write_data(&copy, text.as_bytes())?;
        }
        let text = envelope::encode_with(&kept, &kept_versions)?;
        self.write_data(&path, text.as_bytes())?;
        // The file holds the merge, not the record the caller saved: read back like a change
        // made elsewhere, so that the window shows it.
        self.written.borrow_mut().remove(&path);
        self.paths.insert(record.id, path.clone());
        self.journal_save(Some(theirs), &kept);
        Ok(path)
    }

    /// Writes a merge over the file it was loaded from, with the stamps the merge decided.
    fn write_merged<T: Stored>(
        &self,
        value: &T,
        versions: &Versions,
        path: &Path,
    ) -> Result<(), StoreError> {
        self.check_writable()?;
        if self.unreadable.contains(path) {
            return Err(StoreError::WouldOverwriteUnreadable(path.to_owned()));
        }
        let today = local_now().date();
        value.validate(today).map_err(StoreError::Invalid)?;
        let text = envelope::encode_with(value, versions)?;
        self.before_write(today);
        self.write_data(path, text.as_bytes())
    }

    /// Moves a conflict copy into `conflits-resolus/` (kept, never loaded again: its name no
    /// longer ends in `.ron`). Returns where it went.
    pub(crate) fn move_aside(&mut self, copy: &Path) -> Result<PathBuf, StoreError> {
        let aside = self.move_aside_unsynced(copy)?;
        if let Some(dir) = copy.parent() {
            atomic::sync_dir(dir).map_err(super::io_error(dir))?;
        }
        Ok(aside)
    }

    /// [`Self::move_aside`], leaving the folders' flush to the caller (one for many moves).
    fn move_aside_unsynced(&mut self, copy: &Path) -> Result<PathBuf, StoreError> {
        let aside_dir = self.root.join(CONFLICTS_DIR);
        fs::create_dir_all(&aside_dir).map_err(super::io_error(&aside_dir))?;
        let name = copy
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let mut aside = aside_dir.join(format!("{name}.{stamp}.copie"));
        let mut n = 1;
        while aside.exists() {
            n += 1;
            aside = aside_dir.join(format!("{name}.{stamp}-{n}.copie"));
        }
        fs::rename(copy, &aside).map_err(super::io_error(copy))?;
        self.unreadable.remove(copy);
        Ok(aside)
    }

    /// Merges every record's conflict copy found by the load: what only one copy changed is
    /// taken from it, list items by id; a copy with nothing left to ask is written over the
    /// record and moved aside; the others keep only the parts both changed to ask. A read-only
    /// store merges in memory and writes nothing. The merges are computed on every core, then
    /// written in one batch (each file flushed, the folders flushed once).
    pub(crate) fn merge_record_conflicts(&mut self, report: &mut LoadReport) {
        struct Job {
            conflict: super::Conflict,
            index: usize,
            kept: Beneficiary,
        }
        let conflicts = std::mem::take(&mut report.conflicts);
        let mut jobs = Vec::new();
        for mut conflict in conflicts {
            conflict.name = conflict_name(&conflict.other_path);
            let found = report
                .beneficiaries
                .iter()
                .position(|b| b.id == conflict.other.id);
            match found.and_then(|i| report.beneficiaries.get(i).map(|b| (i, b.clone()))) {
                Some((index, kept)) => jobs.push(Job {
                    conflict,
                    index,
                    kept,
                }),
                None => report.conflicts.push(conflict),
            }
        }
        if jobs.is_empty() {
            return;
        }
        let writable = self.check_writable().is_ok();
        let today = local_now().date();
        let codec = &self.codec;
        // Each merge, and the text to write when the file changes and may be written.
        let merged: Vec<(RecordMerge, Option<String>)> = jobs
            .par_iter()
            .map(|job| {
                let (va, vb) = (
                    read_versions(codec, &job.conflict.kept_path),
                    read_versions(codec, &job.conflict.other_path),
                );
                let merge = merge_records(&job.kept, &va, &job.conflict.other, &vb);
                let changed = merge.merged != job.kept || merge.versions != va;
                let text = (writable
                    && changed
                    && !self.unreadable.contains(&job.conflict.kept_path)
                    && merge.merged.validate(today).is_ok())
                .then(|| envelope::encode_with(&merge.merged, &merge.versions).ok())
                .flatten();
                (merge, text)
            })
            .collect();
        if merged.iter().any(|(_, text)| text.is_some()) {
            self.before_write(today);
        }
        let written: Vec<bool> = jobs
            .par_iter()
            .zip(merged.par_iter())
            .map(|(job, (merge, text))| {
                let changed = merge.merged != job.kept;
                match text {
                    Some(text) => codec.for_disk(text.as_bytes()).is_ok_and(|bytes| {
                        atomic::write_flushed(&job.conflict.kept_path, &bytes).is_ok()
                    }),
                    // Nothing to write: the file already is the merge.
                    None => writable && !changed,
                }
            })
            .collect();
        let aside_dir = self.root.join(CONFLICTS_DIR);
        let mut moved_any = false;
        for ((mut job, (merge, _)), written) in jobs.into_iter().zip(merged).zip(written) {
            if writable && !written {
                // The merge breaks a rule (or the disk refused it): everything is asked.
                report.conflicts.push(job.conflict);
                continue;
            }
            if written {
                // What the file holds now: the base of the record's next save.
                self.seen
                    .borrow_mut()
                    .insert(job.conflict.kept_path.clone(), merge.versions.clone());
            }
            if written && merge.merged != job.kept {
                self.journal_save(Some(&job.kept), &merge.merged);
            }
            if let Some(slot) = report.beneficiaries.get_mut(job.index) {
                *slot = merge.merged.clone();
            }
            if merge.asked.is_empty()
                && written
                && self.move_aside_unsynced(&job.conflict.other_path).is_ok()
            {
                moved_any = true;
                report
                    .problems
                    .retain(|p| p.path != job.conflict.other_path);
                continue;
            }
            job.conflict.other = merge.other;
            job.conflict.asked = merge.asked;
            report.conflicts.push(job.conflict);
        }
        // The renames made durable, once for all.
        let _ = atomic::sync_dir(&self.root.join(super::BENEFICIARIES_DIR));
        if moved_any {
            let _ = atomic::sync_dir(&aside_dir);
        }
    }

    /// Loads a shared folder (workshops, companies, partners), merging each conflict copy into
    /// the file it copies when the two did not change the same field or item: the merge is
    /// written and the copy moved aside. A copy that collides stays reported, untouched.
    pub(crate) fn load_merged<T: InFolder + Shared + PartialEq>(
        &mut self,
    ) -> (Vec<T>, Vec<Problem>) {
        let dir = self.root.join(T::FOLDER);
        let loaded = load::load_folder(&self.codec, &dir, T::id);
        self.unreadable.extend(loaded.unreadable);
        let mut problems = loaded.problems;
        let mut items: Vec<(PathBuf, T)> = loaded.records;
        for (kept_path, other_path, other) in loaded.duplicates {
            let Some(slot) = items.iter_mut().find(|(p, _)| *p == kept_path) else {
                continue;
            };
            let (va, vb) = (
                read_versions(&self.codec, &kept_path),
                read_versions(&self.codec, &other_path),
            );
            let Some((merged, versions)) = merge_shared(&slot.1, &va, &other, &vb) else {
                // Both changed the same field or item: said so, naming the tool's copy.
                let file = kept_path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let origin = conflict_name(&other_path).map_or_else(String::new, |name| {
                    let who = if name.who.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", name.who)
                    };
                    format!(" (copie laissée par {}{who})", name.tool.label())
                });
                for problem in problems.iter_mut().filter(|p| p.path == other_path) {
                    problem.message = format!("{}{origin}", collision_message(&file));
                }
                continue;
            };
            if !self.is_writable() {
                continue;
            }
            if (merged == slot.1 && versions == va
                || self.write_merged(&merged, &versions, &kept_path).is_ok())
                && self.move_aside(&other_path).is_ok()
            {
                slot.1 = merged;
                problems.retain(|p| p.path != other_path);
            }
        }
        // What this store read: the base of its next compare-and-swap of each file.
        for (path, item) in &items {
            self.remember_base(path.clone(), item);
        }
        (items.into_iter().map(|(_, item)| item).collect(), problems)
    }

    /// Merges the conflict copies of a file at the data directory's root (`creche.ron`,
    /// `settings.ron`) into `value`, loaded from it. A copy that collides, or cannot be read,
    /// is reported and left in place; a read-only store only reports.
    pub(crate) fn merge_root_copies<T: AtRoot + Shared + PartialEq>(
        &mut self,
        mut value: T,
    ) -> (T, Vec<Problem>) {
        let mut problems = Vec::new();
        let Ok(entries) = fs::read_dir(&self.root) else {
            return (value, problems);
        };
        let mut copies: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| conflict_name(p).is_some_and(|n| n.base == T::FILE))
            .collect();
        copies.sort();
        let path = self.root.join(T::FILE);
        for copy in copies {
            let merged = load::load_file::<T>(&self.codec, &copy).map(|other| {
                merge_shared(
                    &value,
                    &read_versions(&self.codec, &path),
                    &other,
                    &read_versions(&self.codec, &copy),
                )
            });
            let unresolved = |message: &str| Problem {
                path: copy.clone(),
                location: None,
                message: message.to_owned(),
            };
            match merged {
                Err(problem) => problems.push(problem),
                Ok(None) => problems.push(unresolved(&collision_message(T::FILE))),
                Ok(Some(_)) if !self.is_writable() => {
                    problems.push(unresolved(&collision_message(T::FILE)));
                }
                Ok(Some((merged, versions))) => {
                    let done = (merged == value
                        || self.write_merged(&merged, &versions, &path).is_ok())
                        && self.move_aside(&copy).is_ok();
                    if done {
                        value = merged;
                    } else {
                        problems.push(unresolved(&collision_message(T::FILE)));
                    }
                }
            }
        }
        (value, problems)
    }
}

/// The problem a root file's conflict copy left unmerged shows.
fn collision_message(file: &str) -> String {
    format!(
        "copie en conflit de {file} : les deux versions ont changé les mêmes informations (ou le \
         dossier est en lecture seule). Comparez les deux fichiers, gardez le bon sous le nom \
         {file}, puis déplacez l'autre"
    )
}

/// A record's conflict copy, for the conflict window: the copy as found.
pub(crate) fn found(
    kept_path: PathBuf,
    other_path: PathBuf,
    other: Beneficiary,
) -> super::Conflict {
    super::Conflict {
        kept_path,
        other_path,
        other,
        asked: Vec::new(),
        name: None,
    }
}
