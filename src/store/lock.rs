//! One writer per data directory: an exclusive lock on `.parcours.lock`, held while the store
//! is open for writing.
//!
//! The lock is an OS file lock (`flock` on Unix, `LockFileEx` on Windows, through
//! `std::fs::File::try_lock`): the system drops it when the process dies, so a crash never
//! leaves a stale lock behind.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// File name of the lock, inside the data directory.
pub(crate) const LOCK_FILE: &str = ".parcours.lock";

/// Proof that this process is the data directory's only writer; released on drop.
#[derive(Debug)]
pub(crate) struct DirLock {
    file: File,
}

impl Drop for DirLock {
    /// Unlocks explicitly rather than by closing the file: a process being spawned at that
    /// moment (a printer command, a test's child) briefly holds a copy of every descriptor,
    /// and a lock released only by the last close would outlive the store by that instant —
    /// enough for an immediate reopen, as after a restore, to find the folder locked.
    fn drop(&mut self) {
        // Closing the file releases it anyway if this fails.
        let _ = self.file.unlock();
    }
}

/// Why the lock could not be taken.
pub(crate) enum LockError {
    /// Another process (or another store in this process) holds it.
    Held(PathBuf),
    /// The lock file could not be opened or locked.
    Io(PathBuf, io::Error),
}

impl DirLock {
    /// Takes the lock without waiting.
    pub(crate) fn acquire(root: &Path) -> Result<Self, LockError> {
        let path = root.join(LOCK_FILE);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| LockError::Io(path.clone(), e))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { file }),
            Err(TryLockError::WouldBlock) => Err(LockError::Held(path)),
            Err(TryLockError::Error(e)) => Err(LockError::Io(path, e)),
        }
    }
}
