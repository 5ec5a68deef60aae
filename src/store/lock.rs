//! Who may write a data directory that several Parcours share (a network share).
//!
//! Any number of stores open it for writing at once: each record is edited by one of them at
//! a time (its lease, see [`super::lease`]), and shared files are written by compare-and-swap.
//! Only the whole-directory operations (a restore, an erasure that rewrites every backup) are
//! exclusive: they hold the directory's lease, and every other store refuses to write while
//! it is held ([`LockError::Held`], `StoreError::Locked`).
//!
//! Earlier versions held an OS lock on `.parcours.lock` for the whole session: the file may
//! still be found in old folders and backups, and is never data ([`LOCK_FILE`]).

use std::path::Path;

use super::lease::{self, LeaseHolder};

/// The file earlier versions locked, inside the data directory: not data.
pub(crate) const LOCK_FILE: &str = ".parcours.lock";

/// A store's right to write: its session (the random id naming its leases), and the
/// directory's lease while it runs a whole-directory operation.
#[derive(Debug)]
pub(crate) struct DirLock {
    /// The store's session, named in the leases it takes.
    pub(crate) session: String,
    /// The directory's lease, while this store holds it.
    pub(crate) exclusive: Option<lease::Lease>,
}

/// Why the directory cannot be written now.
pub(crate) enum LockError {
    /// Another Parcours runs a whole-directory operation.
    Held(Box<LeaseHolder>),
}

impl DirLock {
    /// The right to write `root`, unless another Parcours holds the whole directory.
    pub(crate) fn acquire(root: &Path) -> Result<Self, LockError> {
        let session = uuid::Uuid::now_v7().hyphenated().to_string();
        if let Some(holder) = lease::held_by_other(&lease::directory_lease_path(root), &session) {
            return Err(LockError::Held(Box::new(holder)));
        }
        Ok(Self {
            session,
            exclusive: None,
        })
    }
}
