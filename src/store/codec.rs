//! What a data file looks like on disk: its RON text in clear, or that text sealed with the
//! directory's data key when the directory is encrypted (issue #15; see `vault` and `crypto`).
//!
//! Every read of a data file goes through [`Codec::plain`] and every write through
//! [`Codec::for_disk`], so that the store's promises (atomic writes, unreadable files reported
//! and never overwritten, backups, conflict copies) hold the same on encrypted files: a file
//! sealed by another key, truncated or tampered fails authentication and is reported with its
//! path like any damaged file; a clear file found in an encrypted directory is reported, never
//! loaded nor overwritten (it did not come from Parcours); nothing is ever written in clear in
//! an encrypted directory, temporary files included (they hold the sealed bytes).

use std::borrow::Cow;
use std::ops::Deref;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::crypto::{self, CryptoError, DataKey};

/// How the files of one data directory are read and written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Codec {
    /// The directory's data key, when it is encrypted.
    key: Option<Arc<DataKey>>,
    /// A conversion was interrupted: clear files are still read (and sealed when written).
    accept_clear: bool,
}

/// A file's clear content: borrowed from what was read, or opened from a sealed file (then
/// zeroised when dropped).
pub(crate) enum Plain<'a> {
    /// The file was in clear.
    Clear(&'a [u8]),
    /// The file was sealed; its opened content.
    Opened(Zeroizing<Vec<u8>>),
}

impl Deref for Plain<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Self::Clear(bytes) => bytes,
            Self::Opened(bytes) => bytes.as_slice(),
        }
    }
}

/// Why a file in clear is not read in an encrypted directory.
pub(crate) const CLEAR_IN_ENCRYPTED: &str = "fichier en clair dans un dossier chiffré (il n'a pas été écrit par Parcours : copié ici à la main, ou restauré d'une ancienne copie ?) : il n'est ni chargé ni remplacé. Déplacez-le hors du dossier, ou relancez « parcours encrypt » pour le chiffrer avec les autres";

/// Why a sealed file is not read in a directory that is not unlocked.
pub(crate) const SEALED_IN_CLEAR: &str = "fichier chiffré dans un dossier qui n'est pas chiffré (ou pas déverrouillé) : il n'est ni chargé ni remplacé";

impl Codec {
    /// Files in clear (a directory that is not encrypted).
    #[must_use]
    pub(crate) fn clear() -> Self {
        Self::default()
    }

    /// Files sealed with `key`; `accept_clear` while a conversion is unfinished.
    #[must_use]
    pub(crate) fn sealed(key: Arc<DataKey>, accept_clear: bool) -> Self {
        Self {
            key: Some(key),
            accept_clear,
        }
    }

    /// The directory's data key, when it is encrypted.
    #[must_use]
    pub(crate) fn key(&self) -> Option<&DataKey> {
        self.key.as_deref()
    }

    /// Whether files are sealed when written.
    #[must_use]
    pub(crate) fn is_sealing(&self) -> bool {
        self.key.is_some()
    }

    /// The clear content of a file whose bytes on disk are `bytes`, or why it cannot be used
    /// (in French).
    pub(crate) fn plain<'a>(&self, bytes: &'a [u8]) -> Result<Plain<'a>, String> {
        let sealed = crypto::is_sealed(bytes);
        match (&self.key, sealed) {
            (Some(key), true) => crypto::open(key, bytes)
                .map(Plain::Opened)
                .map_err(|e| message(&e)),
            (Some(_), false) if self.accept_clear => Ok(Plain::Clear(bytes)),
            (Some(_), false) => Err(CLEAR_IN_ENCRYPTED.to_owned()),
            (None, true) => Err(SEALED_IN_CLEAR.to_owned()),
            (None, false) => Ok(Plain::Clear(bytes)),
        }
    }

    /// The bytes to write on disk for the clear content `text`.
    pub(crate) fn for_disk<'a>(&self, text: &'a [u8]) -> Result<Cow<'a, [u8]>, CryptoError> {
        match &self.key {
            Some(key) => crypto::seal(key, text).map(Cow::Owned),
            None => Ok(Cow::Borrowed(text)),
        }
    }
}

fn message(error: &CryptoError) -> String {
    format!("{error} : le fichier n'est ni chargé ni remplacé")
}
