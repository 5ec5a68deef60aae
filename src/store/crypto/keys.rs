//! The directory's data key, and the key file that keeps it wrapped by the passphrase and by
//! the recovery key.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::CryptoError;
use super::file::{fill_random, random_nonce};

/// The directory's data key: 256 random bits, zeroised when dropped, never printed.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

impl DataKey {
    /// A fresh random key.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut key = Zeroizing::new([0_u8; 32]);
        fill_random(key.as_mut_slice())?;
        Ok(Self(key))
    }

    /// The cipher keyed with it.
    pub(super) fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(Key::from_slice(self.0.as_slice()))
    }
}

/// Argon2id's cost for a passphrase (memory in KiB, passes, lanes): 128 MiB and 4 passes,
/// about 0.4 s on this project's build machine (a server core: 3 passes took 0.32 s) and more
/// on a modest laptop (`benches/crypto.rs`): what makes guessing the passphrase slow.
pub const PASSPHRASE_COST: (u32, u32, u32) = (128 * 1024, 4, 1);

/// Argon2id's cost for the recovery key, which already holds 160 random bits: OWASP's minimum
/// (19 MiB, 2 passes).
pub const RECOVERY_COST: (u32, u32, u32) = (19 * 1024, 2, 1);

/// Argon2id's parameters and salt, stored with what they wrap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Parallel lanes.
    pub lanes: u32,
    /// 16 random bytes, in hexadecimal.
    pub salt: String,
}

impl KdfParams {
    /// For a passphrase: [`PASSPHRASE_COST`], a fresh salt.
    pub fn for_passphrase() -> Result<Self, CryptoError> {
        let (memory, passes, lanes) = PASSPHRASE_COST;
        Self::with_cost(memory, passes, lanes)
    }

    /// For the recovery key: [`RECOVERY_COST`], a fresh salt.
    pub fn for_recovery_key() -> Result<Self, CryptoError> {
        let (memory, passes, lanes) = RECOVERY_COST;
        Self::with_cost(memory, passes, lanes)
    }

    /// These costs with a fresh salt (tests use small ones).
    pub fn with_cost(memory_kib: u32, iterations: u32, lanes: u32) -> Result<Self, CryptoError> {
        let mut salt = [0_u8; 16];
        fill_random(&mut salt)?;
        Ok(Self {
            memory_kib,
            iterations,
            lanes,
            salt: hex(&salt),
        })
    }

    /// The 256-bit key derived from `secret`.
    fn derive(&self, secret: &[u8]) -> Result<Zeroizing<[u8; 32]>, CryptoError> {
        // A key file is read from disk: bounds keep a hostile one from asking for terabytes.
        if !(8..=4 * 1024 * 1024).contains(&self.memory_kib)
            || !(1..=64).contains(&self.iterations)
            || !(1..=16).contains(&self.lanes)
        {
            return Err(CryptoError::BadParams(format!(
                "{} Kio, {} passe(s), {} voie(s)",
                self.memory_kib, self.iterations, self.lanes
            )));
        }
        let salt = unhex(&self.salt)
            .filter(|s| s.len() >= 8)
            .ok_or_else(|| CryptoError::BadParams("sel illisible".to_owned()))?;
        let params = Params::new(self.memory_kib, self.iterations, self.lanes, Some(32))
            .map_err(|e| CryptoError::BadParams(e.to_string()))?;
        let mut key = Zeroizing::new([0_u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(secret, &salt, key.as_mut_slice())
            .map_err(|e| CryptoError::BadParams(e.to_string()))?;
        Ok(key)
    }
}

/// The data key sealed with a key derived from a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    /// How the wrapping key is derived from the secret.
    pub kdf: KdfParams,
    /// The nonce, in hexadecimal.
    pub nonce: String,
    /// The sealed data key and its tag, in hexadecimal.
    pub sealed: String,
}

/// What binds a wrapped key to its use, so that the two wrappings cannot be swapped.
const WRAP_AAD_PASSPHRASE: &[u8] = b"parcours:data-key:passphrase:v1";
const WRAP_AAD_RECOVERY: &[u8] = b"parcours:data-key:recovery:v1";

impl WrappedKey {
    fn wrap(
        data: &DataKey,
        secret: &[u8],
        kdf: KdfParams,
        aad: &[u8],
    ) -> Result<Self, CryptoError> {
        let wrapping = kdf.derive(secret)?;
        let nonce = random_nonce()?;
        let sealed = XChaCha20Poly1305::new(Key::from_slice(wrapping.as_slice()))
            .encrypt(
                &nonce,
                Payload {
                    msg: data.0.as_slice(),
                    aad,
                },
            )
            .map_err(|_| CryptoError::Authentication)?;
        Ok(Self {
            kdf,
            nonce: hex(&nonce),
            sealed: hex(&sealed),
        })
    }

    fn unwrap_with(&self, secret: &[u8], aad: &[u8]) -> Result<DataKey, CryptoError> {
        let wrapping = self.kdf.derive(secret)?;
        let nonce = unhex(&self.nonce)
            .filter(|n| n.len() == 24)
            .ok_or_else(|| CryptoError::BadParams("nonce illisible".to_owned()))?;
        let sealed = unhex(&self.sealed).ok_or(CryptoError::WrongSecret)?;
        let plain = Zeroizing::new(
            XChaCha20Poly1305::new(Key::from_slice(wrapping.as_slice()))
                .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad })
                .map_err(|_| CryptoError::WrongSecret)?,
        );
        let mut key = Zeroizing::new([0_u8; 32]);
        if plain.len() != key.len() {
            return Err(CryptoError::WrongSecret);
        }
        key.copy_from_slice(&plain);
        Ok(DataKey(key))
    }
}

/// The key file of an encrypted directory: the data key wrapped by the passphrase and by the
/// recovery key. Holds nothing that opens a record without one of the two secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    /// The key file's format (1).
    pub format: u32,
    /// The data key, wrapped by a key derived from the passphrase.
    pub by_passphrase: WrappedKey,
    /// The data key, wrapped by a key derived from the recovery key.
    pub by_recovery: WrappedKey,
}

/// The shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

impl KeyFile {
    /// A new data key wrapped by `passphrase` (with `passphrase_kdf`'s costs) and by a new
    /// recovery key (to be printed once): the key file, the data key and the recovery key.
    pub fn create(
        passphrase: &str,
        passphrase_kdf: KdfParams,
        recovery_kdf: KdfParams,
    ) -> Result<(Self, DataKey, RecoveryKey), CryptoError> {
        let data = DataKey::generate()?;
        let recovery = RecoveryKey::generate()?;
        let file = Self {
            format: 1,
            by_passphrase: WrappedKey::wrap(
                &data,
                passphrase.as_bytes(),
                passphrase_kdf,
                WRAP_AAD_PASSPHRASE,
            )?,
            by_recovery: WrappedKey::wrap(
                &data,
                recovery.0.as_slice(),
                recovery_kdf,
                WRAP_AAD_RECOVERY,
            )?,
        };
        Ok((file, data, recovery))
    }

    /// The data key, opened with the passphrase.
    pub fn unlock(&self, passphrase: &str) -> Result<DataKey, CryptoError> {
        self.by_passphrase
            .unwrap_with(passphrase.as_bytes(), WRAP_AAD_PASSPHRASE)
    }

    /// The data key, opened with the recovery key.
    pub fn unlock_with_recovery(&self, recovery: &RecoveryKey) -> Result<DataKey, CryptoError> {
        self.by_recovery
            .unwrap_with(recovery.0.as_slice(), WRAP_AAD_RECOVERY)
    }

    /// The same key file with the data key wrapped by a new passphrase: no file is
    /// re-encrypted, and the recovery key stays valid.
    pub fn with_new_passphrase(
        &self,
        data: &DataKey,
        passphrase: &str,
        kdf: KdfParams,
    ) -> Result<Self, CryptoError> {
        Ok(Self {
            by_passphrase: WrappedKey::wrap(data, passphrase.as_bytes(), kdf, WRAP_AAD_PASSPHRASE)?,
            ..self.clone()
        })
    }
}

impl KeyFile {
    /// The same key file with the data key wrapped by a new recovery key (the old one no
    /// longer opens it; the passphrase stays valid).
    pub fn with_new_recovery(
        &self,
        data: &DataKey,
        recovery: &RecoveryKey,
        kdf: KdfParams,
    ) -> Result<Self, CryptoError> {
        Ok(Self {
            by_recovery: WrappedKey::wrap(data, recovery.0.as_slice(), kdf, WRAP_AAD_RECOVERY)?,
            ..self.clone()
        })
    }
}

/// Why a passphrase is refused, in French; `None` when it is accepted.
#[must_use]
pub fn passphrase_problem(passphrase: &str) -> Option<String> {
    let chars = passphrase.chars().count();
    (chars < MIN_PASSPHRASE_CHARS).then(|| {
        format!(
            "La phrase de passe doit compter au moins {MIN_PASSPHRASE_CHARS} caractères \
             (ici {chars}) : plusieurs mots faciles à retenir font une bonne phrase."
        )
    })
}

/// The recovery key: 160 random bits, printed once at set-up as 32 letters and digits in
/// groups of four (`ABCD-EFGH-…`, RFC 4648 base32), zeroised when dropped.
pub struct RecoveryKey(Zeroizing<[u8; 20]>);

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

impl RecoveryKey {
    /// A fresh random recovery key.
    pub fn generate() -> Result<Self, CryptoError> {
        let mut key = Zeroizing::new([0_u8; 20]);
        fill_random(key.as_mut_slice())?;
        Ok(Self(key))
    }

    /// The key as printed: 8 groups of 4 characters separated by dashes.
    #[must_use]
    pub fn to_text(&self) -> Zeroizing<String> {
        let mut chars = Zeroizing::new(String::with_capacity(40));
        // 20 bytes = 160 bits = 32 groups of 5 bits.
        for index in 0..32_usize {
            if index > 0 && index % 4 == 0 {
                chars.push('-');
            }
            let bit = index * 5;
            let mut value = 0_usize;
            for offset in 0..5 {
                let at = bit + offset;
                let byte = self.0.get(at / 8).copied().unwrap_or(0);
                let set = (byte >> (7 - at % 8)) & 1;
                value = (value << 1) | usize::from(set);
            }
            chars.push(char::from(BASE32.get(value).copied().unwrap_or(b'A')));
        }
        chars
    }

    /// Reads a recovery key as typed: case, spaces and dashes do not matter, and the digits
    /// 0, 1 and 8 are read as the letters O, I and B they look like.
    pub fn parse(text: &str) -> Result<Self, CryptoError> {
        let mut values = Vec::with_capacity(32);
        for c in text.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                '0' => 'O',
                '1' => 'I',
                '8' => 'B',
                other => other,
            };
            let value = BASE32
                .iter()
                .position(|b| char::from(*b) == c)
                .ok_or_else(|| CryptoError::BadRecoveryKey(format!("caractère « {c} »")))?;
            values.push(value);
        }
        if values.len() != 32 {
            return Err(CryptoError::BadRecoveryKey(format!(
                "32 caractères attendus, {} lus",
                values.len()
            )));
        }
        let mut key = Zeroizing::new([0_u8; 20]);
        for (index, value) in values.iter().enumerate() {
            for offset in 0..5 {
                if (value >> (4 - offset)) & 1 == 1 {
                    let at = index * 5 + offset;
                    if let Some(byte) = key.get_mut(at / 8) {
                        *byte |= 1 << (7 - at % 8);
                    }
                }
            }
        }
        Ok(Self(key))
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim().as_bytes();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.chunks(2)
        .map(|pair| {
            let digit = |c: u8| char::from(c).to_digit(16);
            u8::try_from(digit(*pair.first()?)? * 16 + digit(*pair.get(1)?)?).ok()
        })
        .collect()
}
