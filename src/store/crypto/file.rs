//! One file's bytes sealed with the directory's data key: a versioned header, then
//! XChaCha20-Poly1305 (random 192-bit nonce: no counter to keep across laptops), the header
//! authenticated with the content.
//!
//! Layout: `MAGIC` (16 bytes) · `VERSION` (1 byte) · nonce (24 bytes) · ciphertext and its
//! 16-byte tag. The file's name is not bound in: a sync tool's conflict copy (renamed) must
//! still open.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{AeadCore, XNonce};
use zeroize::Zeroizing;

use super::{CryptoError, DataKey};

/// What every sealed file starts with (readable in a hex dump: "PARCOURS-CHIFFRE").
pub const MAGIC: &[u8; 16] = b"PARCOURS-CHIFFRE";
/// The sealed-file format this build writes and reads.
pub const VERSION: u8 = 1;

const HEADER_LEN: usize = MAGIC.len() + 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Whether `bytes` carry the sealed-file header (whatever the version).
#[must_use]
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Seals `plain` with `key`.
pub fn seal(key: &DataKey, plain: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let mut header = Vec::with_capacity(HEADER_LEN + NONCE_LEN + plain.len() + TAG_LEN);
    header.extend_from_slice(MAGIC);
    header.push(VERSION);
    let nonce = random_nonce()?;
    let sealed = key
        .cipher()
        .encrypt(
            &nonce,
            Payload {
                msg: plain,
                aad: &header,
            },
        )
        .map_err(|_| CryptoError::Authentication)?;
    let mut out = header;
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Opens a sealed file: its clear bytes (zeroised when dropped), or why not. Nothing is
/// returned from a file that does not authenticate.
pub fn open(key: &DataKey, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    let rest = bytes.strip_prefix(MAGIC).ok_or(CryptoError::NotSealed)?;
    let (&version, rest) = rest.split_first().ok_or(CryptoError::Truncated)?;
    if version != VERSION {
        return Err(CryptoError::UnsupportedVersion(version));
    }
    if rest.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, sealed) = rest.split_at(NONCE_LEN);
    let header = bytes.get(..HEADER_LEN).ok_or(CryptoError::Truncated)?;
    key.cipher()
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: header,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Authentication)
}

/// A fresh random nonce from the operating system.
pub(super) fn random_nonce() -> Result<XNonce, CryptoError> {
    let mut nonce = XNonce::default();
    fill_random(nonce.as_mut_slice())?;
    Ok(nonce)
}

/// Fills `bytes` from the operating system's generator (never a panic: an error).
pub(super) fn fill_random(bytes: &mut [u8]) -> Result<(), CryptoError> {
    use chacha20poly1305::aead::OsRng;
    use chacha20poly1305::aead::rand_core::RngCore;
    OsRng.try_fill_bytes(bytes).map_err(|_| CryptoError::Random)
}

// `AeadCore` is what gives `XChaCha20Poly1305` its nonce size; named so that a change of the
// cipher's nonce length fails to build here rather than at run time.
const _: () = {
    use chacha20poly1305::aead::generic_array::typenum::Unsigned;
    assert!(<chacha20poly1305::XChaCha20Poly1305 as AeadCore>::NonceSize::USIZE == NONCE_LEN);
};
