//! The store: the only code that reads or writes the data directory.
//!
//! Layout of a data directory:
//!
//! ```text
//! <data dir>/
//!   .parcours.lock            held by the one process allowed to write
//!   settings.ron              the structure's settings (name on printed documents…)
//!   beneficiaries/<id>.ron    one record per beneficiary (see `envelope` for the format)
//!   partners/<id>.ron         the directory of French-course (FLE) partners, one file each
//! ```
//!
//! Promises: writes are atomic (temp file, fsync, rename, fsync of the folder); a file that
//! could not be read is reported and never overwritten; invalid records are never written; a
//! second process on the same directory cannot write.

mod atomic;
mod envelope;
mod load;
mod lock;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{Beneficiary, BeneficiaryId, FlePartner, Settings, validate};

pub use envelope::SCHEMA_VERSION;
pub use load::Problem;

use lock::{DirLock, LockError};

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
    /// Another Parcours holds the directory.
    #[error(
        "Parcours est déjà ouvert sur ce dossier de données ({}) : fermez l'autre fenêtre pour pouvoir modifier les fiches.",
        .0.display()
    )]
    Locked(PathBuf),
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
}

/// Everything a data directory held at load time.
#[derive(Debug, Default)]
pub struct LoadReport {
    /// Records that loaded.
    pub beneficiaries: Vec<Beneficiary>,
    /// Files that did not, and why.
    pub problems: Vec<Problem>,
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
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_owned(),
        source,
    }
}

impl Store {
    /// Opens a data directory, creating it when opened for writing.
    pub fn open(root: impl Into<PathBuf>, access: Access) -> Result<Self, StoreError> {
        let mut store = Self::read_only(root);
        if access == Access::ReadWrite {
            let records = store.root.join(BENEFICIARIES_DIR);
            fs::create_dir_all(&records).map_err(io_error(&records))?;
            let lock = DirLock::acquire(&store.root).map_err(|e| match e {
                LockError::Held(path) => StoreError::Locked(path),
                LockError::Io(path, source) => StoreError::Io { path, source },
            })?;
            atomic::remove_stale_temp_files(&records);
            store.lock = Some(lock);
        }
        Ok(store)
    }

    /// Read-only access to a data directory: cannot fail, touches nothing until [`Self::load`].
    #[must_use]
    pub fn read_only(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            lock: None,
            paths: HashMap::new(),
            unreadable: HashSet::new(),
        }
    }

    /// The data directory.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether saves are possible (this process holds the lock).
    #[must_use]
    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    /// Loads every record. Bad files are reported and remembered so that they are never
    /// overwritten; the good ones load regardless.
    pub fn load(&mut self) -> LoadReport {
        let dir = self.root.join(BENEFICIARIES_DIR);
        let loaded = load::load_folder(&dir, |b: &Beneficiary| b.id);
        self.unreadable = loaded.unreadable.into_iter().collect();
        self.paths.clear();
        let mut beneficiaries = Vec::with_capacity(loaded.records.len());
        for (path, record) in loaded.records {
            self.paths.insert(record.id, path);
            beneficiaries.push(record);
        }
        LoadReport {
            beneficiaries,
            problems: loaded.problems,
        }
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
        if self.lock.is_none() {
            return Err(StoreError::ReadOnly);
        }
        let errors = validate(record, today);
        if !errors.is_empty() {
            let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
            return Err(StoreError::Invalid(messages.join(" ")));
        }
        let path = self.beneficiary_path(record.id);
        // Only a file this store loaded the record from may be replaced: an unreadable file,
        // or one that appeared since the load (a sync, another tool), is never overwritten.
        let loaded_from_here = self.paths.get(&record.id) == Some(&path);
        if self.unreadable.contains(&path)
            || (!loaded_from_here && fs::symlink_metadata(&path).is_ok())
        {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let text = envelope::encode(record)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io_error(&path))?;
        self.paths.insert(record.id, path.clone());
        Ok(path)
    }
}

impl Store {
    /// Loads the settings: defaults when the file does not exist yet, a problem (and defaults,
    /// with the file protected from overwriting) when it cannot be read.
    pub fn load_settings(&mut self) -> (Settings, Option<Problem>) {
        let path = self.root.join(SETTINGS_FILE);
        match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (Settings::default(), None),
            _ => {}
        }
        match load::load_file::<Settings>(&path) {
            Ok(settings) => {
                self.unreadable.remove(&path);
                (settings, None)
            }
            Err(problem) => {
                self.unreadable.insert(path);
                (Settings::default(), Some(problem))
            }
        }
    }

    /// Loads the French-course partners' directory, sorted by name.
    pub fn load_partners(&mut self) -> (Vec<FlePartner>, Vec<Problem>) {
        let loaded = load::load_folder(&self.root.join(PARTNERS_DIR), |p: &FlePartner| p.id);
        self.unreadable.extend(loaded.unreadable);
        let mut partners: Vec<FlePartner> = loaded.records.into_iter().map(|(_, p)| p).collect();
        partners.sort_by_cached_key(|p| crate::model::fold(&p.name));
        (partners, loaded.problems)
    }

    /// Saves one partner of the directory atomically (its name is required).
    pub fn save_partner(&self, partner: &FlePartner) -> Result<PathBuf, StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::ReadOnly);
        }
        if partner.name.trim().is_empty() {
            return Err(StoreError::Invalid(
                "le nom du partenaire est obligatoire.".to_owned(),
            ));
        }
        let dir = self.root.join(PARTNERS_DIR);
        fs::create_dir_all(&dir).map_err(io_error(&dir))?;
        let path = dir.join(format!("{}.ron", partner.id));
        if self.unreadable.contains(&path) {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let text = envelope::encode(partner)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io_error(&path))?;
        Ok(path)
    }

    /// Saves the settings atomically (never over a settings file that could not be read).
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::ReadOnly);
        }
        let path = self.root.join(SETTINGS_FILE);
        if self.unreadable.contains(&path) {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let text = envelope::encode(settings)?;
        atomic::write_atomic(&path, text.as_bytes()).map_err(io_error(&path))
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
    use crate::model::demo_beneficiaries;

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
    fn a_second_writer_is_refused_and_read_only_cannot_save() {
        let dir = tempfile::tempdir().unwrap();
        let _first = Store::open(dir.path(), Access::ReadWrite).unwrap();
        let second = Store::open(dir.path(), Access::ReadWrite).unwrap_err();
        assert!(matches!(second, StoreError::Locked(_)));
        assert!(second.to_string().contains("déjà ouvert"));
        let mut reader = Store::open(dir.path(), Access::ReadOnly).unwrap();
        let b = demo_beneficiaries(1, today(), 2).remove(0);
        assert!(matches!(
            reader.save_beneficiary(&b, today()),
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
                levels_taught: vec![crate::model::CefrLevel::A1],
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
    fn the_lock_is_released_when_the_store_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        drop(Store::open(dir.path(), Access::ReadWrite).unwrap());
        assert!(Store::open(dir.path(), Access::ReadWrite).is_ok());
    }
}
