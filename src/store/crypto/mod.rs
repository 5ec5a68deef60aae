//! Encryption of a data directory's files (issue #15): the building blocks, written on
//! `RustCrypto`'s audited crates (`argon2`, `chacha20poly1305`, `zeroize`); no primitive of our
//! own.
//!
//! - [`DataKey`]: one random 256-bit key for the whole directory; every file is sealed with it.
//!   It never leaves memory in clear, and is zeroised when dropped.
//! - [`KeyFile`]: the data key stored **wrapped twice** — by a key derived from the passphrase
//!   (Argon2id, its parameters and salt stored beside it) and by a key derived from the
//!   [`RecoveryKey`] printed once at set-up. Changing the passphrase re-wraps the data key
//!   only: no file is re-encrypted.
//! - [`seal`] / [`open`]: one file's bytes, XChaCha20-Poly1305 with a random 192-bit nonce,
//!   behind a versioned header ([`MAGIC`], version). A wrong key, a truncated or a tampered
//!   file fails authentication: [`CryptoError`] says which, and nothing is ever returned from
//!   a file that did not authenticate.
//!
//! The store uses them through `codec` (each file) and `vault` (the key file, conversion).

mod file;
mod keys;
#[cfg(test)]
mod tests;

pub use file::{MAGIC, VERSION, is_sealed, open, seal};
pub use keys::{
    DataKey, KdfParams, KeyFile, MIN_PASSPHRASE_CHARS, PASSPHRASE_COST, RECOVERY_COST, RecoveryKey,
    WrappedKey, passphrase_problem,
};

/// Why a file or a key could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptoError {
    /// The bytes do not start with Parcours' encrypted-file header: a clear file.
    #[error("ce fichier n'est pas chiffré")]
    NotSealed,
    /// A header from a later version of Parcours.
    #[error("fichier chiffré par une version plus récente de Parcours (format {0})")]
    UnsupportedVersion(u8),
    /// Shorter than a header, a nonce and a tag: cut off.
    #[error("fichier chiffré incomplet (tronqué)")]
    Truncated,
    /// The key is not the right one, or the file was changed: nothing of it is used.
    #[error("mauvaise clé, ou fichier modifié ou abîmé (authentification refusée)")]
    Authentication,
    /// The passphrase (or recovery key) does not open the key file.
    #[error("phrase de passe ou clé de secours incorrecte")]
    WrongSecret,
    /// A recovery key as typed is not a recovery key.
    #[error("clé de secours illisible : {0}")]
    BadRecoveryKey(String),
    /// The key-derivation parameters stored are out of the accepted range.
    #[error("paramètres de dérivation de clé invalides : {0}")]
    BadParams(String),
    /// The system's random generator failed.
    #[error("générateur aléatoire du système indisponible")]
    Random,
}
