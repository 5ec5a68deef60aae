use super::*;

/// Small costs: the tests check behaviour, the bench checks the real costs.
fn cheap() -> KdfParams {
    KdfParams::with_cost(64, 1, 1).unwrap()
}

fn key_file(passphrase: &str) -> (KeyFile, DataKey, RecoveryKey) {
    KeyFile::create(passphrase, cheap(), cheap()).unwrap()
}

const RECORD: &[u8] = b"(schema_version: 7, identity: (last_name: \"Diallo\"))";

#[test]
fn a_sealed_file_opens_with_its_key_and_shows_nothing_in_clear() {
    let key = DataKey::generate().unwrap();
    let sealed = seal(&key, RECORD).unwrap();
    assert!(is_sealed(&sealed));
    assert!(!sealed.windows(6).any(|w| w == b"Diallo"));
    assert_eq!(open(&key, &sealed).unwrap().as_slice(), RECORD);
    // Each sealing draws a new nonce: the same record never gives the same bytes.
    assert_ne!(seal(&key, RECORD).unwrap(), sealed);
}

#[test]
fn a_wrong_key_a_tampered_or_a_truncated_file_is_refused() {
    let key = DataKey::generate().unwrap();
    let sealed = seal(&key, RECORD).unwrap();
    let other = DataKey::generate().unwrap();
    assert_eq!(
        open(&other, &sealed).unwrap_err(),
        CryptoError::Authentication
    );
    for index in [
        0,
        MAGIC.len(),
        MAGIC.len() + 3,
        sealed.len() / 2,
        sealed.len() - 1,
    ] {
        let mut tampered = sealed.clone();
        tampered[index] ^= 0x01;
        assert!(open(&key, &tampered).is_err(), "byte {index} changed");
    }
    for length in [
        0,
        5,
        MAGIC.len(),
        MAGIC.len() + 1,
        MAGIC.len() + 20,
        sealed.len() - 1,
    ] {
        assert!(open(&key, &sealed[..length]).is_err(), "cut at {length}");
    }
    assert_eq!(
        open(&key, &sealed[..MAGIC.len() + 10]).unwrap_err(),
        CryptoError::Truncated
    );
    assert_eq!(open(&key, RECORD).unwrap_err(), CryptoError::NotSealed);
    let mut later = sealed;
    later[MAGIC.len()] = 9;
    assert_eq!(
        open(&key, &later).unwrap_err(),
        CryptoError::UnsupportedVersion(9)
    );
}

#[test]
fn the_passphrase_and_the_recovery_key_both_open_the_same_data_key() {
    let (file, data, recovery) = key_file("correct horse battery");
    let sealed = seal(&data, RECORD).unwrap();
    let by_passphrase = file.unlock("correct horse battery").unwrap();
    assert_eq!(open(&by_passphrase, &sealed).unwrap().as_slice(), RECORD);
    let typed = RecoveryKey::parse(&recovery.to_text().to_lowercase().replace('-', " ")).unwrap();
    let by_recovery = file.unlock_with_recovery(&typed).unwrap();
    assert_eq!(open(&by_recovery, &sealed).unwrap().as_slice(), RECORD);
    assert_eq!(
        file.unlock("correct horse batterY").unwrap_err(),
        CryptoError::WrongSecret
    );
    let other = RecoveryKey::generate().unwrap();
    assert_eq!(
        file.unlock_with_recovery(&other).unwrap_err(),
        CryptoError::WrongSecret
    );
}

#[test]
fn a_new_passphrase_rewraps_the_key_only_and_the_old_one_stops_working() {
    let (file, data, recovery) = key_file("ancienne phrase de passe");
    let sealed = seal(&data, RECORD).unwrap();
    let renewed = file
        .with_new_passphrase(&data, "nouvelle phrase de passe", cheap())
        .unwrap();
    assert_eq!(renewed.by_recovery, file.by_recovery);
    assert!(file.unlock("ancienne phrase de passe").is_ok());
    assert_eq!(
        renewed.unlock("ancienne phrase de passe").unwrap_err(),
        CryptoError::WrongSecret
    );
    let key = renewed.unlock("nouvelle phrase de passe").unwrap();
    // The files sealed before still open: nothing was re-encrypted.
    assert_eq!(open(&key, &sealed).unwrap().as_slice(), RECORD);
    assert!(renewed.unlock_with_recovery(&recovery).is_ok());
}

/// Each secret opens its own wrapping only: the recovery key tried on the passphrase's
/// wrapping (a key file whose two parts were swapped) opens nothing.
#[test]
fn a_secret_opens_only_its_own_wrapping() {
    let (file, _, recovery) = key_file("une phrase assez longue");
    let swapped = KeyFile {
        by_passphrase: file.by_recovery.clone(),
        by_recovery: file.by_passphrase.clone(),
        ..file
    };
    assert!(swapped.unlock_with_recovery(&recovery).is_err());
}

#[test]
fn the_key_file_is_plain_ron_and_reads_back() {
    let (file, _, _) = key_file("une phrase assez longue");
    let text = ron::to_string(&file).unwrap();
    let back: KeyFile = ron::from_str(&text).unwrap();
    assert_eq!(back, file);
    assert!(back.unlock("une phrase assez longue").is_ok());
}

#[test]
fn hostile_key_file_parameters_are_refused_not_obeyed() {
    let (mut file, _, _) = key_file("une phrase assez longue");
    file.by_passphrase.kdf.memory_kib = u32::MAX;
    assert!(matches!(
        file.unlock("une phrase assez longue"),
        Err(CryptoError::BadParams(_))
    ));
    let (mut file, _, _) = key_file("une phrase assez longue");
    file.by_passphrase.kdf.salt = "zz".into();
    assert!(matches!(
        file.unlock("une phrase assez longue"),
        Err(CryptoError::BadParams(_))
    ));
    let (mut file, _, _) = key_file("une phrase assez longue");
    file.by_passphrase.sealed = "é".into();
    assert!(file.unlock("une phrase assez longue").is_err());
}

#[test]
fn recovery_keys_print_in_groups_and_read_back_as_typed() {
    let key = RecoveryKey::generate().unwrap();
    let text = key.to_text();
    assert_eq!(text.len(), 39, "{}", text.as_str());
    assert_eq!(text.split('-').count(), 8);
    let back = RecoveryKey::parse(&text).unwrap();
    assert_eq!(back.to_text(), text);
    let spoken = text.replace('O', "0").replace('I', "1").replace('B', "8");
    assert_eq!(RecoveryKey::parse(&spoken).unwrap().to_text(), text);
    for bad in [
        "",
        "ABCD",
        "ÉÉÉÉ-ÉÉÉÉ",
        "🙂🙂🙂🙂",
        &format!("{}A", text.as_str()),
    ] {
        assert!(
            matches!(RecoveryKey::parse(bad), Err(CryptoError::BadRecoveryKey(_))),
            "{bad:?}"
        );
    }
}

#[test]
fn short_passphrases_are_explained_in_french() {
    assert!(
        passphrase_problem("court")
            .unwrap()
            .contains("au moins 12 caractères")
    );
    assert!(passphrase_problem("éléphant rose à vélo").is_none());
    // Counted in characters, not bytes.
    assert!(passphrase_problem("ééééééé").is_some());
}
