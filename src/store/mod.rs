//! The store: the only code that reads or writes the data directory.
//!
//! Layout of a data directory:
//!
//! ```text
//! <data dir>/
//!   .parcours/baux/<id>.ron   the lease of a record being edited, `dossier.ron` the directory's
//!                             (see `lease`): coordination, not data, never backed up nor synced
//!   .parcours/verrous/        short-lived locks of the shared files' compare-and-swap (see `cas`)
//!   settings.ron              the structure's settings (name on printed documents…)
//!   beneficiaries/<id>.ron    one record per beneficiary (see `envelope` for the format)
//!   partners/<id>.ron         the directory of French-course (FLE) partners, one file each
//!   creche.ron                the micro-crèche's settings (bookings are in the records)
//!   workshops/<id>.ron        the catalogue of collective workshops, one file each
//!   companies/<id>.ron        partner companies and their job offers, one file each
//!   backups/AAAA-MM-JJ/       a copy of all the above, made before the first write of a day
//!   journal/AAAA-MM.log       the audit journal, one event a line, chained (see `journal`)
//!   effacements/<id>.ron      the tombstone of an erased record: its id and the date (see `erase`)
//!   chiffrement.ron           an encrypted directory's key file (see `vault`): then every
//!                             `.ron` file above is sealed with the directory's key (`codec`)
//! ```
//!
//! Promises: writes are atomic (temp file, fsync, rename, fsync of the folder); a file that
//! could not be read is reported and never overwritten; invalid records are never written;
//! several processes may write the same directory, one writer per record (leases); the data as it was before each day's
//! first write can be restored (see `backup`).

mod atomic;
mod backup;
mod cas;
mod codec;
mod companies;
mod conflict;
mod creche;
pub mod crypto;
mod envelope;
mod erase;
mod import_file;
pub mod journal;
mod lease;
mod load;
mod lock;
pub mod profile;
mod stored;
mod sync_merge;
pub mod sync_names;
pub mod vault;
pub mod watch;
mod workshops;

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::model::record::{Beneficiary, BeneficiaryId, PartnerId, Settings, fold, validate};
use crate::model::skills::FlePartner;

pub use backup::BACKUPS_DIR;
pub use companies::COMPANIES_DIR;
pub use conflict::{CONFLICTS_DIR, Conflict};
pub use creche::CRECHE_FILE;
pub use envelope::{DecodeError, SCHEMA_VERSION, parse_beneficiary, render_beneficiary};
pub use erase::{ERASURES_DIR, ErasureReport, Tombstone};
pub use import_file::{ImportFileError, read_import_file};
pub use lease::{
    COORDINATION_DIR, LEASE_REFRESH_SECONDS, LEASE_STALE_SECONDS, Lease, LeaseError, LeaseHolder,
    machine_name,
};
pub use load::Problem;
pub use workshops::{DELETED_WORKSHOPS_DIR, WORKSHOPS_DIR};

use lock::{DirLock, LockError};
use stored::{AtRoot, InFolder, Stored};

/// Folder of beneficiary records, inside the data directory.
pub const BENEFICIARIES_DIR: &str = "beneficiaries";
/// Folder of the French-course partners' directory, inside the data directory.
pub const PARTNERS_DIR: &str = "partners";
/// The structure's settings file, inside the data directory.
pub const SETTINGS_FILE: &str = "settings.ron";

/// How the caller wants to use the data directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and write: takes the directory's lock.
    ReadWrite,
    /// Read only: no lock, every save refused.
    ReadOnly,
}

/// Errors of the store, each with a French message for the counsellor.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another Parcours runs a whole-directory operation (a restore…): who, since when, doing
    /// what.
    #[error(
        "Dossier de données réservé par {0} : rien ne peut être enregistré avant la fin de cette opération."
    )]
    Locked(String),
    /// The store was opened read-only.
    #[error("Dossier ouvert en lecture seule : la modification n'est pas enregistrée.")]
    ReadOnly,
    /// The record breaks a validation rule.
    #[error("Fiche non enregistrée : {0}")]
    Invalid(String),
    /// The target file could not be read at load time, or appeared since.
    #[error(
        "Le fichier {} n'a pas été chargé (illisible, ou apparu depuis le chargement) : il n'est pas remplacé. Corrigez-le ou déplacez-le, puis rouvrez Parcours.",
        .0.display()
    )]
    WouldOverwriteUnreadable(PathBuf),
    /// A folder or file operation failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// What was being accessed.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The record could not be turned into text (a bug, never expected).
    #[error("Mise en forme RON impossible : {0}")]
    Encode(#[from] ron::Error),
    /// The day's backup could not be made (the save itself went on).
    #[error(
        "La sauvegarde du jour n'a pas pu être faite ({}: {source}) : les modifications sont bien enregistrées, mais vérifiez l'espace disque et les droits du dossier.",
        .path.display()
    )]
    Backup {
        /// The backups' folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// `restore` asked for a date that has no backup.
    #[error("Aucune sauvegarde du {}. {}", .date.format("%Y-%m-%d"), available_text(.available))]
    NoSuchBackup {
        /// The date asked for.
        date: NaiveDate,
        /// The dates that have one, newest first.
        available: Vec<NaiveDate>,
    },
    /// The copy of the current data, made before restoring, failed: nothing was changed.
    #[error(
        "Restauration annulée, les données actuelles n'ont pas pu être sauvegardées d'abord ({}: {source}). Rien n'a été modifié.",
        .path.display()
    )]
    SafetyBackup {
        /// The backups' folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// An event could not be written to the audit journal (the save itself went on).
    #[error(
        "Le journal des accès n'a pas pu être écrit ({}: {source}) : les modifications sont bien enregistrées, mais vérifiez l'espace disque et les droits du dossier.",
        .path.display()
    )]
    Journal {
        /// The journal's folder.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// The restore failed half-way; the data it was replacing is in `safety_backup`.
    #[error(
        "Restauration interrompue : {source}. Les données d'avant la restauration sont dans {} : fermez Parcours et recopiez-les dans le dossier de données.",
        .safety_backup.display()
    )]
    Restore {
        /// Where the data as it was before the restore is.
        safety_backup: PathBuf,
        /// The system's error.
        source: io::Error,
    },
    /// Another Parcours edits this record (it holds its lease): who, where, since when.
    #[error("Fiche non enregistrée : elle est en cours de modification par {0}.")]
    Leased(String),
    /// A change refused, and why (a workshop full since it was read: "Atelier complet…").
    #[error("{0}")]
    Refused(String),
    /// The directory is encrypted: it opens with its passphrase (see `vault`).
    #[error(
        "Ce dossier de données est chiffré : il s'ouvre avec sa phrase de passe (ou la clé de secours)."
    )]
    Encrypted,
    /// A key, a passphrase or a file's encryption failed.
    #[error("{0}")]
    Crypto(#[from] crypto::CryptoError),
    /// An encryption operation that does not apply to this directory, and why.
    #[error("{0}")]
    Vault(String),
}

/// "Sauvegardes disponibles : …" for [`StoreError::NoSuchBackup`].
fn available_text(dates: &[NaiveDate]) -> String {
    if dates.is_empty() {
        return "Aucune sauvegarde n'existe encore dans ce dossier de données.".to_owned();
    }
    let dates: Vec<String> = dates
        .iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    format!("Sauvegardes disponibles : {}.", dates.join(", "))
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The date of the backup now in place.
    pub restored: NaiveDate,
    /// The folder holding the data as it was before the restore.
    pub safety_backup: PathBuf,
}

/// Everything a data directory held at load time.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Records that loaded.
    pub beneficiaries: Vec<Beneficiary>,
    /// Files that did not, and why.
    pub problems: Vec<Problem>,
    /// Records found in two files (a sync tool's conflict copy), to be resolved.
    pub conflicts: Vec<Conflict>,
}

/// Access to one data directory.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    lock: Option<DirLock>,
    /// Where each loaded record came from: saves go back to the same file.
    paths: HashMap<BeneficiaryId, PathBuf>,
    /// Files that could not be read: never overwritten.
    unreadable: HashSet<PathBuf>,
    /// The last day whose backup was seen to (made, found, or failed): at most one attempt per
    /// day. A `Cell` so that the `&self` saves keep their signatures.
    backup_checked_on: Cell<Option<NaiveDate>>,
    /// Why the day's backup failed, until the caller takes it.
    backup_error: RefCell<Option<StoreError>>,
    /// The audit journal, written by the saves (`&self` ones too).
    journal: RefCell<journal::Journal>,
    /// Who the journal names as the author of the events.
    author: journal::Author,
    /// Each shared file (workshops, companies, partners, settings, crèche) as this store last
    /// read or wrote it: the base of its compare-and-swap (see `cas`).
    bases: RefCell<HashMap<PathBuf, String>>,
    /// How its files are read and written: in clear, or sealed with the directory's key.
    codec: codec::Codec,
    /// The stamps of each record file as this store last read or wrote it: a file whose stamps
    /// differ at the next save was changed elsewhere since (a synced copy arriving), and the
    /// save merges instead of replacing (see `save_beneficiary`).
    seen: RefCell<HashMap<PathBuf, crate::model::sync::Versions>>,
    /// The SHA-256 of each record file's text as this store last wrote it: the watcher
    /// reports this store's own writes too, and [`Self::reload_record`] knows them at once
    /// (no parse, on the window's frame) while they are still what the file holds.
    written: RefCell<HashMap<PathBuf, [u8; 32]>>,
}

/// The local date and time: the store's only clock read (backup names, and the date of saves
/// whose callers do not give one).
fn local_now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

impl Store {
    /// Opens a data directory that is not encrypted, creating it when opened for writing; an
    /// encrypted one is refused ([`StoreError::Encrypted`]: see [`Self::open_with_key`]).
    pub fn open(root: impl Into<PathBuf>, access: Access) -> Result<Self, StoreError> {
        Self::open_with_key(root, access, None)
    }

    /// Opens a data directory with its data key (`vault::unlock`) when it is encrypted, or
    /// `None` when it is not. A key for a clear directory, or no key for an encrypted one, is
    /// refused.
    pub fn open_with_key(
        root: impl Into<PathBuf>,
        access: Access,
        key: Option<crypto::DataKey>,
    ) -> Result<Self, StoreError> {
        let root = root.into();
        let codec = vault::codec_for(&root, key)?;
        Self::open_with_codec(root, access, codec)
    }

    /// The same directory opened again with the same key (a window that reopens its folder
    /// for writing once another Parcours lets it go, or loads it on another thread).
    pub fn open_like(&self, access: Access) -> Result<Self, StoreError> {
        Self::open_with_codec(self.root.clone(), access, self.codec.clone())
    }

    fn open_with_codec(
        root: PathBuf,
        access: Access,
        codec: codec::Codec,
    ) -> Result<Self, StoreError> {
        let mut store = Self::read_only(root);
        store.codec = codec;
        if access == Access::ReadWrite {
            let records = store.root.join(BENEFICIARIES_DIR);
            fs::create_dir_all(&records).map_err(io_error(&records))?;
            let lock = DirLock::acquire(&store.root).map_err(|e| match e {
                LockError::Held(holder) => StoreError::Locked(lease::describe_directory(&holder)),
            })?;
            // Every folder the store writes into through `atomic::write_atomic`: the root
            // (`settings.ron`, `creche.ron`) and each folder of records.
            atomic::remove_stale_temp_files(&store.root);
            for folder in [
                BENEFICIARIES_DIR,
                PARTNERS_DIR,
                WORKSHOPS_DIR,
                COMPANIES_DIR,
            ] {
                atomic::remove_stale_temp_files(&store.root.join(folder));
            }
            backup::remove_stale_temp_dirs(&store.root);
            store.lock = Some(lock);
            let months = || store.journal_months();
            store.journal.borrow_mut().prune(chrono::Utc::now(), months);
        }
        Ok(store)
    }

    /// Read-only access to a data directory: cannot fail, touches nothing until [`Self::load`].
    #[must_use]
    pub fn read_only(root: impl Into<PathBuf>) -> Self {
        let root: PathBuf = root.into();
        Self {
            root: root.clone(),
            lock: None,
            paths: HashMap::new(),
            unreadable: HashSet::new(),
            backup_checked_on: Cell::new(None),
            backup_error: RefCell::new(None),
            journal: RefCell::new(journal::Journal::new(&root)),
            author: journal::Author::default(),
            bases: RefCell::new(HashMap::new()),
            codec: codec::Codec::clear(),
            seen: RefCell::new(HashMap::new()),
            written: RefCell::new(HashMap::new()),
        }
    }

    /// The data directory.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the directory's files are sealed with its key.
    #[must_use]
    pub fn is_encrypted(&self) -> bool {
        self.codec.is_sealing()
    }

    /// Writes a data file's text atomically, sealed when the directory is encrypted: the one
    /// way every data file reaches the disk.
    pub(crate) fn write_data(&self, path: &Path, text: &[u8]) -> Result<(), StoreError> {
        let bytes = self.codec.for_disk(text)?;
        atomic::write_atomic(path, &bytes).map_err(io_error(path))?;
        self.remember_seen(path, text);
        Ok(())
    }

    /// Remembers the stamps of a record file this store wrote (`text`, in clear).
    fn remember_seen(&self, path: &Path, text: &[u8]) {
        if path.parent() == Some(self.root.join(BENEFICIARIES_DIR).as_path()) {
            self.seen
                .borrow_mut()
                .insert(path.to_owned(), envelope::decode_versions(text));
            self.written.borrow_mut().insert(
                path.to_owned(),
                <sha2::Sha256 as sha2::Digest>::digest(text).into(),
            );
        }
    }

    /// Says that the window now shows record `id` as its file holds it (read back after a
    /// change elsewhere): its next save starts from that version.
    pub fn mark_record_seen(&self, id: BeneficiaryId) {
        let path = self.beneficiary_path(id);
        let stamps = sync_merge::read_versions(&self.codec, &path);
        self.seen.borrow_mut().insert(path, stamps);
    }

    /// Whether saves are possible (this process holds the lock).
    #[must_use]
    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    /// Loads every record. Bad files are reported and remembered so that they are never
    /// overwritten; the good ones load regardless.
    pub fn load(&mut self) -> LoadReport {
        self.load_with_progress(&|_, _| {})
    }

    /// [`Self::load`], calling `progress(files_read, files_in_all)` as files are read (from the
    /// loading threads), so that a window can show how far it is.
    pub fn load_with_progress(&mut self, progress: &(dyn Fn(usize, usize) + Sync)) -> LoadReport {
        let dir = self.root.join(BENEFICIARIES_DIR);
        let loaded =
            load::load_folder_with_progress(&self.codec, &dir, |b: &Beneficiary| b.id, progress);
        self.unreadable = loaded.unreadable.into_iter().collect();
        *self.seen.borrow_mut() = loaded.stamps;
        self.paths.clear();
        let mut beneficiaries = Vec::with_capacity(loaded.records.len());
        for (path, record) in loaded.records {
            self.paths.insert(record.id, path);
            beneficiaries.push(record);
        }
        let conflicts = loaded
            .duplicates
            .into_iter()
            .map(|(kept_path, other_path, other)| sync_merge::found(kept_path, other_path, other))
            .collect();
        let mut report = LoadReport {
            beneficiaries,
            problems: loaded.problems,
            conflicts,
        };
        self.honour_tombstones(&mut report);
        self.merge_record_conflicts(&mut report);
        report
    }

    /// The file a record is (or will be) saved in.
    #[must_use]
    pub fn beneficiary_path(&self, id: BeneficiaryId) -> PathBuf {
        self.paths
            .get(&id)
            .cloned()
            .unwrap_or_else(|| self.root.join(BENEFICIARIES_DIR).join(format!("{id}.ron")))
    }

    /// Saves one record atomically, after checking it against the validation rules as of
    /// `today`. Returns the file written.
    pub fn save_beneficiary(
        &mut self,
        record: &Beneficiary,
        today: NaiveDate,
    ) -> Result<PathBuf, StoreError> {
        let path = self.beneficiary_path(record.id);
        // Only a file this store loaded the record from may be replaced: an unreadable file,
        // or one that appeared since the load (a sync, another tool), is never overwritten.
        let loaded_from_here = self.paths.get(&record.id) == Some(&path);
        // Another Parcours editing this record holds its lease: it is theirs to write.
        self.check_record_lease(record.id)?;
        // The version on disk, to journal what changed (absent: a creation), with its stamps.
        let before = if loaded_from_here {
            load::load_file_with_stamps::<Beneficiary>(&self.codec, &path).ok()
        } else {
            None
        };
        // Changed elsewhere since this store read or wrote it (a synced copy arriving while
        // the record was edited here): merged, never replaced.
        if let Some((theirs, now)) = &before {
            let seen = self.seen.borrow().get(&path).cloned();
            if let Some(seen) = seen
                && seen != *now
            {
                return self.save_over_change(record, theirs, &seen, now, path, today);
            }
        }
        let before = before.map(|(record, _)| record);
        let path = self.save_at(record, path, today, |path| {
            loaded_from_here || fs::symlink_metadata(path).is_err()
        })?;
        self.paths.insert(record.id, path.clone());
        self.journal_save(before.as_ref(), record);
        Ok(path)
    }
}

/// A record: refused when it breaks a validation rule as of the day of the save.
impl Stored for Beneficiary {
    fn units(&self) -> crate::model::sync::Units {
        crate::model::sync::record_units(self)
    }

    fn validate(&self, today: NaiveDate) -> Result<(), String> {
        let errors = validate(self, today);
        if errors.is_empty() {
            return Ok(());
        }
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        Err(messages.join(" "))
    }
}

/// A partner of the directory: its name is required.
impl Stored for FlePartner {
    fn validate(&self, _today: NaiveDate) -> Result<(), String> {
        if self.name.trim().is_empty() {
            return Err("le nom du partenaire est obligatoire.".to_owned());
        }
        Ok(())
    }
}

impl InFolder for FlePartner {
    const FOLDER: &'static str = PARTNERS_DIR;
    type Id = PartnerId;
    fn id(&self) -> PartnerId {
        self.id
    }
    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Result<Option<Self>, String> {
        Ok(Some(cas::merge_partner(base, ours, theirs)))
    }
}

/// The settings have no rule of their own.
impl Stored for Settings {
    fn validate(&self, _today: NaiveDate) -> Result<(), String> {
        Ok(())
    }
}

impl AtRoot for Settings {
    const FILE: &'static str = SETTINGS_FILE;
}

impl Store {
    /// Loads the settings: defaults when the file does not exist yet, a problem (and defaults,
    /// with the file protected from overwriting) when it cannot be read.
    pub fn load_settings(&mut self) -> (Settings, Option<Problem>) {
        let (settings, problem) = self.load_root();
        if problem.is_some() {
            return (settings, problem);
        }
        let (settings, mut problems) = self.merge_root_copies(settings);
        (settings, problems.pop())
    }

    /// Loads the French-course partners' directory, sorted by name.
    pub fn load_partners(&mut self) -> (Vec<FlePartner>, Vec<Problem>) {
        let (mut partners, problems) = self.load_merged::<FlePartner>();
        partners.sort_by_cached_key(|p| fold(&p.name));
        (partners, problems)
    }

    /// Saves one partner of the directory atomically (its name is required).
    pub fn save_partner(&self, partner: &FlePartner) -> Result<PathBuf, StoreError> {
        self.save_item(partner, local_now().date())
            .map(|(path, _)| path)
    }

    /// Saves the settings atomically (never over a settings file that could not be read).
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.save_root(settings, local_now().date()).map(|_| ())
    }
}

/// Backups: see the `backup` module.
impl Store {
    /// Makes the day's backup before the first write of `today` (the local date). A failure
    /// does not stop the write, which would lose the counsellor's edit: it is kept for
    /// [`Self::take_backup_error`], and the backup is tried again the next day or at the next
    /// start.
    fn before_write(&self, today: NaiveDate) {
        if self.backup_checked_on.get() == Some(today) {
            return;
        }
        self.backup_checked_on.set(Some(today));
        let kept = self.backups_kept();
        if let Err(source) = backup::make_daily(&self.root, today, kept) {
            self.backup_error.replace(Some(StoreError::Backup {
                path: self.root.join(BACKUPS_DIR),
                source,
            }));
        }
    }

    /// How many daily backups to keep, from the settings file; the default when it is absent
    /// or unreadable (a damaged settings file must not cost the backups).
    fn backups_kept(&self) -> u32 {
        load::load_file::<Settings>(&self.codec, &self.root.join(SETTINGS_FILE))
            .unwrap_or_default()
            .backups_kept
    }

    /// Why the day's backup could not be made, if it failed since the last call: the save
    /// went on, and the window shows this message once.
    pub fn take_backup_error(&self) -> Option<StoreError> {
        self.backup_error.take()
    }

    /// The dates that have a daily backup, newest first.
    #[must_use]
    pub fn backups(&self) -> Vec<NaiveDate> {
        backup::list(&self.root)
    }

    /// Replaces the data (records, partners, settings: everything but `backups/` and the lock)
    /// with the daily backup of `date`, after copying the current data into
    /// `backups/<aujourd'hui>-avant-restauration-<HHMMSS>/` (never pruned). Writer only. The
    /// caller must then [`Self::load`] again: until then, records the store had loaded are
    /// treated as unknown, so no save can overwrite a restored file with an older edit.
    pub fn restore(&mut self, date: NaiveDate) -> Result<RestoreReport, StoreError> {
        self.check_writable()?;
        let available = self.backups();
        if !available.contains(&date) {
            return Err(StoreError::NoSuchBackup { date, available });
        }
        // Exclusive: every other Parcours on the folder stops writing meanwhile.
        let took = self.hold_directory(lease::RESTORE_PURPOSE)?;
        let restored = self.restore_held(date);
        if took {
            self.let_go_directory();
        }
        restored
    }

    /// [`Self::restore`], the directory's lease held.
    fn restore_held(&mut self, date: NaiveDate) -> Result<RestoreReport, StoreError> {
        let now = local_now();
        // Whatever happens next, the loaded state no longer describes the folder.
        self.paths.clear();
        self.unreadable.clear();
        let safety_backup =
            backup::restore(&self.root, date, now).map_err(|failure| match failure {
                backup::RestoreFailure::SafetyBackup(source) => StoreError::SafetyBackup {
                    path: self.root.join(BACKUPS_DIR),
                    source,
                },
                backup::RestoreFailure::Swap(safety_backup, source) => StoreError::Restore {
                    safety_backup,
                    source,
                },
            })?;
        // A backup of an empty directory may lack the records' folder: the store expects it.
        let records = self.root.join(BENEFICIARIES_DIR);
        fs::create_dir_all(&records).map_err(io_error(&records))?;
        // The restored state is today's state: no daily backup should replace it today.
        self.backup_checked_on.set(Some(now.date()));
        // The journal is not restored (the folder's history goes on): the restore is an event.
        self.journal.borrow_mut().forget_last_line();
        self.journal_event(&journal::Operation::Restore(date), None);
        Ok(RestoreReport {
            restored: date,
            safety_backup,
        })
    }
}

/// The data directory used when neither `--data-dir` nor `PARCOURS_DATA_DIR` is given: the
/// platform's per-user data folder (`~/.local/share/parcours` on Linux,
/// `%APPDATA%\Parcours\Parcours\data` on Windows, `~/Library/Application Support/fr.Parcours.Parcours`
/// on macOS).
#[must_use]
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("fr", "Parcours", "Parcours").map(|d| d.data_dir().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::demo::demo_beneficiaries;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn saved_records_load_back_identical() {
        let dir = tempfile::tempdir().unwrap();
        let records = demo_beneficiaries(12, today(), 1);
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for b in &records {
            store.save_beneficiary(b, today()).unwrap();
        }
        drop(store);
        let mut store = Store::open(dir.path(), Access::ReadOnly).unwrap();
        let report = store.load();
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let mut loaded = report.beneficiaries;
        let mut expected = records;
        loaded.sort_by_key(|b| b.id);
        expected.sort_by_key(|b| b.id);
        assert_eq!(loaded, expected);
    }

    #[test]
    fn invalid_records_are_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut b = demo_beneficiaries(1, today(), 2).remove(0);
        b.identity.last_name.clear();
        let error = store.save_beneficiary(&b, today()).unwrap_err();
        assert!(
            error.to_string().contains("Le nom est obligatoire."),
            "{error}"
        );
        assert!(!store.beneficiary_path(b.id).exists());
    }

    #[test]
    fn two_writers_share_a_folder_until_one_holds_it_whole_and_read_only_cannot_save() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let mut second = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let b = demo_beneficiaries(2, today(), 2);
        second.save_beneficiary(&b[1], today()).unwrap();
        // A restore to come holds the whole folder: the others write nothing meanwhile.
        first.reserve_for_restore().unwrap();
        let refused = second.save_beneficiary(&b[0], today()).unwrap_err();
        assert!(matches!(refused, StoreError::Locked(_)), "{refused}");
        assert!(refused.to_string().contains("restauration"), "{refused}");
        let third = Store::open(dir.path(), Access::ReadWrite).unwrap_err();
        assert!(matches!(third, StoreError::Locked(_)));
        first.save_beneficiary(&b[0], today()).unwrap();
        drop(first);
        second.save_beneficiary(&b[1], today()).unwrap();

        let mut reader = Store::open(dir.path(), Access::ReadOnly).unwrap();
        assert!(matches!(
            reader.save_beneficiary(&b[0], today()),
            Err(StoreError::ReadOnly)
        ));
    }

    #[test]
    fn settings_roundtrip_and_a_damaged_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        assert_eq!(store.load_settings(), (Settings::default(), None));
        let settings = Settings {
            structure_name: "EDS de Vitry-sur-Seine".into(),
            ..Settings::default()
        };
        store.save_settings(&settings).unwrap();
        assert_eq!(store.load_settings(), (settings.clone(), None));

        std::fs::write(
            dir.path().join(SETTINGS_FILE),
            "(schema_version: 1, record: (structure_name: 3))",
        )
        .unwrap();
        let (loaded, problem) = store.load_settings();
        assert_eq!(loaded, Settings::default());
        assert!(problem.is_some());
        assert!(matches!(
            store.save_settings(&settings),
            Err(StoreError::WouldOverwriteUnreadable(_))
        ));
    }

    #[test]
    fn partners_roundtrip_sorted_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        for name in ["Secours populaire", "Alpha FLE", "École des parents"] {
            let partner = FlePartner {
                name: name.into(),
                levels_taught: vec![crate::model::record::CefrLevel::A1],
                places_available: Some(4),
                ..FlePartner::default()
            };
            store.save_partner(&partner).unwrap();
        }
        let unnamed = FlePartner::default();
        assert!(matches!(
            store.save_partner(&unnamed),
            Err(StoreError::Invalid(_))
        ));
        let (partners, problems) = store.load_partners();
        assert!(problems.is_empty());
        let names: Vec<&str> = partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            ["Alpha FLE", "École des parents", "Secours populaire"]
        );
        assert_eq!(partners[0].places_available, Some(4));
    }

    #[test]
    fn stale_temporaries_are_removed_from_every_folder_the_store_writes() {
        let dir = tempfile::tempdir().unwrap();
        let folders = [
            "",
            BENEFICIARIES_DIR,
            PARTNERS_DIR,
            WORKSHOPS_DIR,
            COMPANIES_DIR,
        ];
        let mut planted = vec![
            dir.path().join(".settings.ron.41-0.tmp"),
            dir.path().join(format!(".{CRECHE_FILE}.41-1.tmp")),
        ];
        for folder in &folders[1..] {
            fs::create_dir_all(dir.path().join(folder)).unwrap();
            planted.push(dir.path().join(folder).join(".a.ron.41-2.tmp"));
        }
        for path in &planted {
            fs::write(path, "(schema_version: 1, rec").unwrap();
        }
        // Another tool's temporary file is left alone.
        let foreign = dir.path().join(PARTNERS_DIR).join(".syncthing.a.ron.tmp");
        fs::write(&foreign, "").unwrap();

        // A reader touches nothing.
        drop(Store::open(dir.path(), Access::ReadOnly).unwrap());
        assert!(planted.iter().all(|p| p.exists()));

        drop(Store::open(dir.path(), Access::ReadWrite).unwrap());
        let left: Vec<&PathBuf> = planted.iter().filter(|p| p.exists()).collect();
        assert!(left.is_empty(), "{left:?}");
        assert!(foreign.exists());
    }

    #[test]
    fn a_read_only_store_refuses_every_kind_of_file_and_writes_nothing() {
        use crate::model::companies::Company;
        use crate::model::creche::CrecheSettings;
        use crate::model::preparation::Workshop;
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path(), Access::ReadWrite).unwrap());
        let before = backup::list(dir.path());
        let listing = |path: &Path| {
            let mut names: Vec<_> = fs::read_dir(path)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .collect();
            names.sort();
            names
        };
        let files_before = listing(dir.path());
        let mut reader = Store::open(dir.path(), Access::ReadOnly).unwrap();
        let partner = FlePartner {
            name: "Alpha FLE".into(),
            ..FlePartner::default()
        };
        let workshop = Workshop {
            title: "CV".into(),
            capacity: 4,
            ..Workshop::new(today())
        };
        let refusals = [
            reader.save_partner(&partner).map(|_| ()),
            reader.save_settings(&Settings::default()),
            reader.save_company(&Company::new()).map(|_| ()),
            reader.save_workshop(&workshop).map(|_| ()),
            reader.delete_workshop(&workshop).map(|_| ()),
            reader
                .save_creche_settings(&CrecheSettings::default())
                .map(|_| ()),
            reader.restore(today()).map(|_| ()),
        ];
        for refusal in refusals {
            assert!(matches!(refusal, Err(StoreError::ReadOnly)), "{refusal:?}");
        }
        assert_eq!(listing(dir.path()), files_before);
        assert_eq!(backup::list(dir.path()), before);
    }

    #[test]
    fn the_directory_is_free_again_when_its_holder_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
        store.reserve_for_restore().unwrap();
        drop(store);
        assert!(Store::open(dir.path(), Access::ReadWrite).is_ok());
    }

    #[test]
    fn a_record_changed_elsewhere_since_it_was_read_is_merged_by_its_save_never_replaced() {
        use journal::Author;
        let dir = tempfile::tempdir().unwrap();
        let open_as = |who: &str| {
            let mut store = Store::open(dir.path(), Access::ReadWrite).unwrap();
            store.set_author(Author {
                name: who.to_owned(),
                installation: who.to_owned(),
            });
            store.load();
            store
        };
        let record = demo_beneficiaries(1, today(), 3).remove(0);
        open_as("A").save_beneficiary(&record, today()).unwrap();
        // This window read the record; then a synced copy from laptop B replaced the file,
        // with another phone and other notes.
        let mut window = open_as("A");
        let mut theirs = record.clone();
        theirs.contact.phone = "07 98 76 54 32".into();
        theirs.private_notes = "Noté sur l'autre poste.".into();
        open_as("B").save_beneficiary(&theirs, today()).unwrap();
        // The window saves its own edit: other notes, same phone.
        let mut ours = record.clone();
        ours.private_notes = "Noté ici.".into();
        window.save_beneficiary(&ours, today()).unwrap();

        let report = open_as("A").load();
        let saved = &report.beneficiaries[0];
        // The part changed on one side only is taken from it; the part both changed keeps
        // this side's version in the file, and the other is asked, side by side.
        assert_eq!(saved.contact.phone, "07 98 76 54 32");
        assert_eq!(saved.private_notes, "Noté ici.");
        assert_eq!(report.conflicts.len(), 1, "{:?}", report.problems);
        assert_eq!(
            report.conflicts[0].other.private_notes,
            "Noté sur l'autre poste."
        );
        assert!(!report.conflicts[0].asked.is_empty());
    }
}
