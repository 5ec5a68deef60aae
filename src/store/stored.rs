//! The one save path: what each kind of stored file declares ([`Stored`]: its rules; [`InFolder`]
//! or [`AtRoot`]: where it goes), and the generic save and load that every kind goes through, so
//! that the read-only check, the validation and the atomic write are each written once.

use std::fmt;
use std::fs;
use std::hash::Hash;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::cas::{ShortLock, lock_name};
use super::{Problem, Store, StoreError, envelope, io_error, load};

/// A kind of file the store writes: a value saved as one RON envelope, with the rules it must
/// pass first.
pub(crate) trait Stored: Serialize {
    /// Why the value must not be written as of `today`, in French (the text of
    /// [`StoreError::Invalid`]); `Ok` when it may.
    fn validate(&self, today: NaiveDate) -> Result<(), String>;

    /// The value's units and their hashes, for the stamps saved with it (see `model::sync`):
    /// one unit, the whole value, unless the kind says better.
    fn units(&self) -> crate::model::sync::Units {
        crate::model::sync::Units::from([("core".to_owned(), crate::model::sync::hash_of(self))])
    }
}

/// A kind kept one file per item, `<FOLDER>/<id>.ron` inside the data directory.
pub(crate) trait InFolder: Stored + DeserializeOwned + Send + Clone {
    /// The folder, inside the data directory.
    const FOLDER: &'static str;
    /// The item's identifier: also its file's name.
    type Id: Eq + Hash + fmt::Display;
    /// The item's identifier.
    fn id(&self) -> Self::Id;

    /// `ours` and `theirs`, both changed from `base` (another Parcours wrote the file since
    /// this one read it), merged: `None` when the kind has no merge (ours is written);
    /// an error, in French, when they cannot both stand (see `cas`).
    fn merge(_base: &Self, _ours: &Self, _theirs: &Self) -> Result<Option<Self>, String> {
        Ok(None)
    }
}

/// A kind kept in a single file at the data directory's root, whose defaults stand in while the
/// file does not exist.
pub(crate) trait AtRoot: Stored + DeserializeOwned + Default + Clone {
    /// The file's name, at the data directory's root.
    const FILE: &'static str;

    /// See [`InFolder::merge`].
    fn merge(_base: &Self, _ours: &Self, _theirs: &Self) -> Result<Option<Self>, String> {
        Ok(None)
    }
}

/// Why a store opened on a clear directory writes nothing once the directory is encrypted.
const ENCRYPTED_SINCE_OPENED: &str = "Ce dossier de données a été chiffré depuis son ouverture (par un autre poste ?) : rien n'est enregistré en clair. Fermez Parcours et rouvrez-le avec la phrase de passe.";

/// A merge of three versions of a shared file, as [`InFolder::merge`].
type Merge<T> = fn(&T, &T, &T) -> Result<Option<T>, String>;

impl Store {
    /// Refuses any change when the store is read-only, or while another Parcours runs a
    /// whole-directory operation (it holds the directory's lease).
    pub(crate) fn check_writable(&self) -> Result<(), StoreError> {
        if self.lock.is_none() {
            return Err(StoreError::ReadOnly);
        }
        if let Some(holder) = self.directory_holder() {
            return Err(StoreError::Locked(super::lease::describe_directory(
                &holder,
            )));
        }
        if !self.codec.is_sealing()
            && super::vault::state(&self.root) != super::vault::VaultState::Clear
        {
            return Err(StoreError::Vault(ENCRYPTED_SINCE_OPENED.to_owned()));
        }
        Ok(())
    }

    /// The save sequence every file goes through: refused when read-only or when `value` breaks
    /// its rules; its folder made; refused when `path` could not be read at load time, or when
    /// `may_replace(path)` says no; then the day's backup and the atomic write.
    pub(crate) fn save_at<T: Stored>(
        &self,
        value: &T,
        path: PathBuf,
        today: NaiveDate,
        may_replace: impl FnOnce(&Path) -> bool,
    ) -> Result<PathBuf, StoreError> {
        self.check_writable()?;
        value.validate(today).map_err(StoreError::Invalid)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        if self.unreadable.contains(&path) || !may_replace(&path) {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let text = self.encode_stamped(value, &path)?;
        self.before_write(today);
        self.write_data(&path, text.as_bytes())?;
        Ok(path)
    }

    /// The file an item of a folder kind is saved in.
    pub(crate) fn item_path<T: InFolder>(&self, item: &T) -> PathBuf {
        self.root.join(T::FOLDER).join(format!("{}.ron", item.id()))
    }

    /// Saves one item of a folder kind in its own file, by compare-and-swap (see `cas`).
    /// Returns the file written and what was written (the item, merged with another
    /// Parcours' change of it when there was one).
    pub(crate) fn save_item<T: InFolder>(
        &self,
        item: &T,
        today: NaiveDate,
    ) -> Result<(PathBuf, T), StoreError> {
        self.save_shared(item, self.item_path(item), today, T::merge)
    }

    /// The compare-and-swap save of a shared file: under the file's short lock, the file is
    /// read again; changed by another Parcours since this store read it, it is merged with
    /// `value` (`merge`) and the merge is written; else `value` is.
    fn save_shared<T: Stored + DeserializeOwned + Clone>(
        &self,
        value: &T,
        path: PathBuf,
        today: NaiveDate,
        merge: Merge<T>,
    ) -> Result<(PathBuf, T), StoreError> {
        self.check_writable()?;
        value.validate(today).map_err(StoreError::Invalid)?;
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io_error(dir))?;
        }
        if self.unreadable.contains(&path) {
            return Err(StoreError::WouldOverwriteUnreadable(path));
        }
        let _lock =
            ShortLock::take(&self.root, &lock_name(&self.root, &path)).map_err(io_error(&path))?;
        let base = self.bases.borrow().get(&path).cloned();
        let written = match fs::read(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => value.clone(),
            Err(e) => return Err(io_error(&path)(e)),
            Ok(bytes) => {
                let Ok(theirs) = self
                    .codec
                    .plain(&bytes)
                    .map_err(drop)
                    .and_then(|plain| envelope::decode::<T>(&plain).map_err(drop))
                else {
                    return Err(StoreError::WouldOverwriteUnreadable(path));
                };
                match base {
                    Some(base) if base != envelope::encode(&theirs)? => {
                        let base = envelope::decode::<T>(base.as_bytes())
                            .map_err(|e| StoreError::Invalid(e.message))?;
                        merge(&base, value, &theirs)
                            .map_err(StoreError::Refused)?
                            .unwrap_or_else(|| value.clone())
                    }
                    _ => value.clone(),
                }
            }
        };
        written.validate(today).map_err(StoreError::Invalid)?;
        // Written with its version stamps (synced copies, `sync_merge`); remembered without
        // them, as the next compare-and-swap re-encodes what it reads.
        let text = self.encode_stamped(&written, &path)?;
        let base = envelope::encode(&written)?;
        self.before_write(today);
        self.write_data(&path, text.as_bytes())?;
        self.bases.borrow_mut().insert(path.clone(), base);
        Ok((path, written))
    }

    /// Remembers `value` as the version of the shared file `path` this store read (the base
    /// of its next compare-and-swap).
    pub(crate) fn remember_base<T: serde::Serialize>(&self, path: PathBuf, value: &T) {
        if let Ok(text) = envelope::encode(value) {
            self.bases.borrow_mut().insert(path, text);
        }
    }

    /// Saves a root file kind, by compare-and-swap. Returns the file written and what was
    /// written.
    pub(crate) fn save_root<T: AtRoot>(
        &self,
        value: &T,
        today: NaiveDate,
    ) -> Result<(PathBuf, T), StoreError> {
        self.save_shared(value, self.root.join(T::FILE), today, T::merge)
    }

    /// Loads a root file kind: the defaults when the file does not exist yet; a problem, and the
    /// defaults with the file protected from overwriting, when it cannot be read.
    pub(crate) fn load_root<T: AtRoot>(&mut self) -> (T, Option<Problem>) {
        let path = self.root.join(T::FILE);
        if let Err(e) = fs::symlink_metadata(&path)
            && e.kind() == io::ErrorKind::NotFound
        {
            return (T::default(), None);
        }
        match load::load_file::<T>(&self.codec, &path) {
            Ok(value) => {
                self.unreadable.remove(&path);
                self.remember_base(path, &value);
                (value, None)
            }
            Err(problem) => {
                self.unreadable.insert(path);
                (T::default(), Some(problem))
            }
        }
    }
}
