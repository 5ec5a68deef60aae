//! An encrypted data directory (issue #15): its key file, unlocking it, converting a clear
//! directory in place, and a clear copy for whoever holds the passphrase.
//!
//! ```text
//! <data dir>/
//!   chiffrement.ron            the key file: the data key wrapped by the passphrase and by the
//!                              recovery key (see `crypto::KeyFile`), in clear RON: it holds
//!                              nothing that opens a record without one of the two secrets
//!   chiffrement-en-cours.ron   the same, while a conversion runs (or was interrupted)
//! ```
//!
//! Which files are sealed: every `*.ron` file of the directory (settings, records, partners,
//! workshops, companies, the crèche, tombstones, every backup's copies) and every file of
//! `conflits-resolus/` (conflict copies set aside); not the key file, the journal (which
//! names records by their identifier only, never a person), the coordination folder
//! `.parcours/` (leases and short locks: a counsellor's name, a machine, a time), nor other
//! tools' hidden files.
//!
//! Converting is crash-safe: the key file is written first as `chiffrement-en-cours.ron`, then
//! each file is sealed by an atomic replacement (a kill leaves it whole, clear or sealed); while
//! that file exists the store reads clear and sealed files alike. The last step writes the key
//! file with a fresh recovery key and renames it to `chiffrement.ron`: from then on a clear file
//! is refused. Running the conversion again (after a kill) finishes it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use zeroize::Zeroizing;

use super::codec::Codec;
use super::crypto::{self, CryptoError, DataKey, KdfParams, KeyFile, RecoveryKey};
use super::{Store, StoreError, atomic, io_error};

/// The key file of an encrypted directory.
pub const KEY_FILE: &str = "chiffrement.ron";
/// The key file while a conversion runs, or after one was interrupted.
pub const PENDING_KEY_FILE: &str = "chiffrement-en-cours.ron";

/// Largest key file read (a real one is under 1 kB).
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;

/// Whether a data directory is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultState {
    /// Files in clear (no key file).
    Clear,
    /// Encrypted: every data file sealed.
    Encrypted,
    /// A conversion was interrupted: files clear and sealed, finished by running it again.
    Interrupted,
}

/// The state of the directory at `root`.
#[must_use]
pub fn state(root: &Path) -> VaultState {
    if root.join(KEY_FILE).exists() {
        VaultState::Encrypted
    } else if root.join(PENDING_KEY_FILE).exists() {
        VaultState::Interrupted
    } else {
        VaultState::Clear
    }
}

/// The costs of the key derivations when a key file is made or re-wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    /// For the passphrase: (memory in KiB, passes, lanes).
    pub passphrase: (u32, u32, u32),
    /// For the recovery key.
    pub recovery: (u32, u32, u32),
}

impl Default for Costs {
    /// Argon2id, 128 MiB and 3 passes for the passphrase (about 0.5 s on this project's build
    /// machine, more on a modest laptop: `benches/crypto.rs`); OWASP's minimum, 19 MiB and 2
    /// passes, for the recovery key, which already holds 160 random bits.
    fn default() -> Self {
        Self {
            passphrase: (128 * 1024, 3, 1),
            recovery: (19 * 1024, 2, 1),
        }
    }
}

impl Costs {
    fn passphrase_kdf(self) -> Result<KdfParams, CryptoError> {
        let (m, t, p) = self.passphrase;
        KdfParams::with_cost(m, t, p)
    }

    fn recovery_kdf(self) -> Result<KdfParams, CryptoError> {
        let (m, t, p) = self.recovery;
        KdfParams::with_cost(m, t, p)
    }
}

/// The key file at `root` (the final one, else the pending one) and where it is.
pub fn read_key_file(root: &Path) -> Result<(KeyFile, PathBuf), StoreError> {
    let path = match state(root) {
        VaultState::Clear => {
            return Err(StoreError::Vault(
                "Ce dossier de données n'est pas chiffré.".to_owned(),
            ));
        }
        VaultState::Encrypted => root.join(KEY_FILE),
        VaultState::Interrupted => root.join(PENDING_KEY_FILE),
    };
    let meta = fs::metadata(&path).map_err(io_error(&path))?;
    if !meta.is_file() || meta.len() > MAX_KEY_FILE_BYTES {
        return Err(key_file_problem(&path, "ce n'est pas un fichier de clés"));
    }
    let text = fs::read_to_string(&path).map_err(io_error(&path))?;
    let file: KeyFile = ron::Options::default()
        .with_recursion_limit(16)
        .from_str(&text)
        .map_err(|e| key_file_problem(&path, &e.code.to_string()))?;
    if file.format != 1 {
        return Err(key_file_problem(
            &path,
            &format!(
                "format {} inconnu (écrit par une version plus récente de Parcours ?)",
                file.format
            ),
        ));
    }
    Ok((file, path))
}

fn key_file_problem(path: &Path, why: &str) -> StoreError {
    StoreError::Vault(format!(
        "Fichier de clés {} illisible ({why}) : il n'est pas modifié. Sans lui, le dossier ne peut \
         pas être ouvert : remettez-le depuis une sauvegarde (backups/AAAA-MM-JJ/{KEY_FILE}).",
        path.display()
    ))
}

fn write_key_file(path: &Path, file: &KeyFile) -> Result<(), StoreError> {
    let text = ron::ser::to_string_pretty(file, ron::ser::PrettyConfig::default())?;
    atomic::write_atomic(path, text.as_bytes()).map_err(io_error(path))
}

/// The data key, opened with the passphrase. Slow on purpose (Argon2id, about half a second):
/// call it off the window's frame.
pub fn unlock(root: &Path, passphrase: &str) -> Result<DataKey, StoreError> {
    let (file, _) = read_key_file(root)?;
    Ok(file.unlock(passphrase)?)
}

/// The data key, opened with the recovery key as typed; the passphrase is replaced by
/// `new_passphrase` (the recovery key stays valid).
pub fn recover(
    root: &Path,
    recovery_text: &str,
    new_passphrase: &str,
    costs: Costs,
) -> Result<DataKey, StoreError> {
    if let Some(problem) = crypto::passphrase_problem(new_passphrase) {
        return Err(StoreError::Vault(problem));
    }
    let recovery = RecoveryKey::parse(recovery_text)?;
    let (file, path) = read_key_file(root)?;
    let key = file.unlock_with_recovery(&recovery)?;
    let file = file.with_new_passphrase(&key, new_passphrase, costs.passphrase_kdf()?)?;
    write_key_file(&path, &file)?;
    Ok(key)
}

/// Replaces the passphrase: the data key is re-wrapped, no data file is rewritten.
pub fn change_passphrase(
    root: &Path,
    old: &str,
    new: &str,
    costs: Costs,
) -> Result<(), StoreError> {
    if let Some(problem) = crypto::passphrase_problem(new) {
        return Err(StoreError::Vault(problem));
    }
    let (file, path) = read_key_file(root)?;
    let key = file.unlock(old)?;
    let file = file.with_new_passphrase(&key, new, costs.passphrase_kdf()?)?;
    write_key_file(&path, &file)
}

/// How a store at `root` reads and writes its files with `key`.
pub(crate) fn codec_for(root: &Path, key: Option<DataKey>) -> Result<Codec, StoreError> {
    match (state(root), key) {
        (VaultState::Clear, None) => Ok(Codec::clear()),
        (VaultState::Clear, Some(_)) => Err(StoreError::Vault(
            "Ce dossier de données n'est pas chiffré : aucune clé n'est attendue.".to_owned(),
        )),
        (_, None) => Err(StoreError::Encrypted),
        (VaultState::Encrypted, Some(key)) => Ok(Codec::sealed(Arc::new(key), false)),
        (VaultState::Interrupted, Some(key)) => Ok(Codec::sealed(Arc::new(key), true)),
    }
}

/// Slows down guessing: after five wrong secrets in a row, each further attempt waits twice
/// as long as the one before (2 s, 4 s… at most 5 minutes). Pure: the caller gives the time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attempts {
    failures: u32,
    /// Seconds (on the caller's clock) before which no attempt is made.
    not_before: u64,
}

/// Wrong secrets accepted before attempts are slowed down.
pub const FREE_ATTEMPTS: u32 = 5;

impl Attempts {
    /// How long to wait before the next attempt, at `now` (seconds on the caller's clock).
    #[must_use]
    pub fn wait(&self, now: u64) -> Option<Duration> {
        (self.not_before > now).then(|| Duration::from_secs(self.not_before - now))
    }

    /// A wrong secret at `now`.
    pub fn failed(&mut self, now: u64) {
        self.failures = self.failures.saturating_add(1);
        if self.failures >= FREE_ATTEMPTS {
            let doublings = (self.failures - FREE_ATTEMPTS).min(8);
            let delay = (2_u64 << doublings).min(300);
            self.not_before = now.saturating_add(delay);
        }
    }

    /// The right secret: the count starts again.
    pub fn succeeded(&mut self) {
        *self = Self::default();
    }

    /// Wrong secrets in a row so far.
    #[must_use]
    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// What a conversion or a clear copy did.
#[derive(Debug, Default)]
pub struct ConversionReport {
    /// Files sealed (conversion) or written in clear (copy).
    pub files: usize,
    /// Files left as they were, and why (a copy: files that did not open).
    pub problems: Vec<super::Problem>,
}

/// Whether a file (given its path relative to the data directory) is one the vault seals.
fn is_sealed_kind(relative: &Path) -> bool {
    let mut parts = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.')
        || first == super::lease::COORDINATION_DIR
        || first == super::journal::JOURNAL_DIR
        || name == KEY_FILE
        || name == PENDING_KEY_FILE
        || name == super::lock::LOCK_FILE
    {
        return false;
    }
    Path::new(&name).extension().is_some_and(|e| e == "ron")
        || relative
            .components()
            .any(|c| c.as_os_str() == super::CONFLICTS_DIR)
}

/// Every regular file under `dir` (links and special files skipped, never followed), with its
/// path relative to `root`.
fn files_under(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            let name = entry.file_name();
            if name != super::lease::COORDINATION_DIR && name != super::journal::JOURNAL_DIR {
                files_under(root, &path, out)?;
            }
        } else if kind.is_file()
            && let Ok(relative) = path.strip_prefix(root)
        {
            out.push(relative.to_owned());
        }
    }
    Ok(())
}

/// The files of the directory the vault seals, relative to `root`, sorted.
fn sealed_kind_files(root: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let mut files = Vec::new();
    files_under(root, root, &mut files).map_err(io_error(root))?;
    files.retain(|f| is_sealed_kind(f));
    files.sort();
    Ok(files)
}

/// What `encrypt` calls after each file: (files done, files in all).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

impl Store {
    /// Converts this clear directory in place into an encrypted one protected by
    /// `passphrase` (or finishes an interrupted conversion, this store opened with its key):
    /// the key file first, then every file sealed one by one (crash-safe, see the module's
    /// documentation), then a new recovery key, returned to be printed once. Takes the
    /// directory's lease (every other Parcours goes read-only meanwhile).
    pub fn encrypt(
        &mut self,
        passphrase: &str,
        costs: Costs,
        progress: Progress<'_>,
    ) -> Result<RecoveryKey, StoreError> {
        self.check_writable()?;
        let took = self.hold_directory(ENCRYPT_PURPOSE)?;
        let done = self.encrypt_held(passphrase, costs, progress);
        if took {
            self.let_go_directory();
        }
        done
    }

    fn encrypt_held(
        &mut self,
        passphrase: &str,
        costs: Costs,
        progress: Progress<'_>,
    ) -> Result<RecoveryKey, StoreError> {
        let pending = self.root.join(PENDING_KEY_FILE);
        let key = match state(&self.root) {
            VaultState::Encrypted => {
                return Err(StoreError::Vault(
                    "Ce dossier de données est déjà chiffré.".to_owned(),
                ));
            }
            VaultState::Clear => {
                if let Some(problem) = crypto::passphrase_problem(passphrase) {
                    return Err(StoreError::Vault(problem));
                }
                let (file, key, _) =
                    KeyFile::create(passphrase, costs.passphrase_kdf()?, costs.recovery_kdf()?)?;
                write_key_file(&pending, &file)?;
                key
            }
            VaultState::Interrupted => unlock(&self.root, passphrase)?,
        };
        let key = Arc::new(key);
        self.codec = Codec::sealed(Arc::clone(&key), true);
        let files = sealed_kind_files(&self.root)?;
        let total = files.len();
        // Each file replaced whole; each folder flushed once, before the key file's final
        // name (until then a power cut may bring a file back in clear: still read).
        let mut folders = std::collections::BTreeSet::new();
        for (done, relative) in files.iter().enumerate() {
            let path = self.root.join(relative);
            let bytes = fs::read(&path).map_err(io_error(&path))?;
            if !crypto::is_sealed(&bytes) {
                let sealed = crypto::seal(&key, &bytes)?;
                atomic::write_flushed(&path, &sealed).map_err(io_error(&path))?;
                if let Some(folder) = path.parent() {
                    folders.insert(folder.to_owned());
                }
            }
            progress(done + 1, total);
        }
        for folder in &folders {
            atomic::sync_dir(folder).map_err(io_error(folder))?;
        }
        // The last step: a recovery key made now (one made before a kill was never printed),
        // then the key file under its final name.
        let (file, _) = read_key_file(&self.root)?;
        let recovery = RecoveryKey::generate()?;
        let file = file.with_new_recovery(&key, &recovery, costs.recovery_kdf()?)?;
        write_key_file(&pending, &file)?;
        let key_file = self.root.join(KEY_FILE);
        fs::rename(&pending, &key_file).map_err(io_error(&key_file))?;
        atomic::sync_dir(&self.root).map_err(io_error(&self.root))?;
        self.codec = Codec::sealed(key, false);
        self.journal_event(&super::journal::Operation::Encrypt, None);
        Ok(recovery)
    }

    /// A new recovery key for this encrypted directory (the old one no longer opens it),
    /// to be printed once.
    pub fn renew_recovery_key(&self, costs: Costs) -> Result<RecoveryKey, StoreError> {
        self.check_writable()?;
        let Some(key) = self.codec.key() else {
            return Err(StoreError::Vault(
                "Ce dossier de données n'est pas chiffré.".to_owned(),
            ));
        };
        let (file, path) = read_key_file(&self.root)?;
        let recovery = RecoveryKey::generate()?;
        let file = file.with_new_recovery(key, &recovery, costs.recovery_kdf()?)?;
        write_key_file(&path, &file)?;
        Ok(recovery)
    }

    /// Writes a clear copy of this directory into `out` (which must not exist, or be empty):
    /// every sealed file opened, every other file copied as it is, the key file left out.
    /// Files that do not open are reported and not copied.
    pub fn decrypt_copy(
        &self,
        out: &Path,
        progress: Progress<'_>,
    ) -> Result<ConversionReport, StoreError> {
        if out.exists() && fs::read_dir(out).map_err(io_error(out))?.next().is_some() {
            return Err(StoreError::Vault(format!(
                "Le dossier {} n'est pas vide : choisissez un dossier nouveau ou vide.",
                out.display()
            )));
        }
        let mut files = Vec::new();
        files_under(&self.root, &self.root, &mut files).map_err(io_error(&self.root))?;
        files.retain(|f| {
            let name = f.file_name().map(|n| n.to_string_lossy().into_owned());
            !matches!(name.as_deref(), Some(KEY_FILE | PENDING_KEY_FILE))
                && !f.starts_with(super::lease::COORDINATION_DIR)
        });
        files.sort();
        let mut report = ConversionReport::default();
        let total = files.len();
        for (done, relative) in files.iter().enumerate() {
            let from = self.root.join(relative);
            let to = out.join(relative);
            let bytes = fs::read(&from).map_err(io_error(&from))?;
            let plain: Zeroizing<Vec<u8>> = if crypto::is_sealed(&bytes) {
                match self.codec.plain(&bytes) {
                    Ok(plain) => Zeroizing::new(plain.to_vec()),
                    Err(message) => {
                        report.problems.push(super::Problem {
                            path: from,
                            location: None,
                            message,
                        });
                        continue;
                    }
                }
            } else {
                Zeroizing::new(bytes)
            };
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir).map_err(io_error(dir))?;
            }
            atomic::write_atomic(&to, &plain).map_err(io_error(&to))?;
            report.files += 1;
            progress(done + 1, total);
        }
        Ok(report)
    }
}

/// What the directory's lease says while a conversion runs.
pub(crate) const ENCRYPT_PURPOSE: &str = "chiffrement du dossier";

#[cfg(test)]
mod tests;
