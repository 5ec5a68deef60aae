//! The lock screen of an encrypted data directory, the recovery key's dialog, and the
//! encryption dialogs of "Paramètres".

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

/// The lock screen's title.
pub const TITLE: &str = "Dossier chiffré";
pub const EXPLAIN: &str =
    "Les fiches de ce dossier sont chiffrées : saisissez la phrase de passe pour les afficher.";
pub const PASSPHRASE: &str = "Phrase de passe";
pub const UNLOCK: &str = "Déverrouiller";
/// While the key is derived (about half a second).
pub const CHECKING: &str = "Vérification…";
pub const WRONG_PASSPHRASE: &str = "Phrase de passe incorrecte.";
pub const WRONG_RECOVERY: &str = "Clé de secours incorrecte.";
pub const EMPTY_PASSPHRASE: &str = "Saisissez la phrase de passe.";

/// After five wrong secrets: how long before the next attempt.
pub fn wait_seconds(seconds: u64) -> String {
    format!("Trop d'essais incorrects : nouvel essai possible dans {seconds} s.")
}

/// Opens the recovery form.
pub const USE_RECOVERY: &str = "Clé de secours…";
pub const RECOVERY_TITLE: &str = "Ouvrir avec la clé de secours";
pub const RECOVERY_EXPLAIN: &str = "Saisissez la clé de secours imprimée (majuscules, espaces et tirets sans importance), puis choisissez une nouvelle phrase de passe.";
pub const RECOVERY_KEY: &str = "Clé de secours";
pub const NEW_PASSPHRASE: &str = "Nouvelle phrase de passe";
pub const NEW_PASSPHRASE_AGAIN: &str = "Nouvelle phrase de passe (encore)";
pub const PASSPHRASES_DIFFER: &str = "Les deux phrases de passe ne sont pas identiques.";
pub const RECOVER: &str = "Ouvrir et changer la phrase de passe";
pub const BACK_TO_PASSPHRASE: &str = "Retour à la phrase de passe";

/// An interrupted conversion, finished after the passphrase.
pub const INTERRUPTED: &str =
    "Le chiffrement de ce dossier a été interrompu : il sera terminé après la phrase de passe.";
pub const CONVERTING: &str = "Chiffrement du dossier…";

/// The recovery key's dialog.
pub const RECOVERY_DIALOG_TITLE: &str = "Clé de secours";
pub const RECOVERY_DIALOG_EXPLAIN: &str = "Cette clé ouvre le dossier si la phrase de passe est perdue. Elle ne sera plus jamais affichée.";
pub const RECOVERY_KEEP: &str =
    "À imprimer et à ranger au coffre de la structure, jamais avec l'ordinateur.";
pub const RECOVERY_PRINTED: &str = "J'ai imprimé la clé de secours";

/// The status bar's lock-now button (short: the bar is full at the window's usual width).
pub const LOCK_NOW: &str = "Verrouiller";
/// Its tooltip, naming the shortcut.
pub const LOCK_NOW_HOVER: &str = "Masquer toutes les fiches derrière la phrase de passe (Ctrl+L)";
/// The checking thread died.
pub const CHECK_FAILED: &str = "La vérification a échoué : réessayez.";
/// A conversion's thread died.
pub const CONVERSION_FAILED: &str = "Le chiffrement s'est interrompu : rouvrez Parcours pour le terminer (aucune fiche n'est perdue).";

/// The dialog that encrypts a clear folder.
pub const ENCRYPT_TITLE: &str = "Chiffrer ce dossier";
pub const ENCRYPT_EXPLAIN: &str = "Chaque fiche, sauvegarde et copie de ce dossier sera chiffrée : sans la phrase de passe, un ordinateur perdu ou volé ne montre aucun nom. Parcours demandera la phrase de passe à chaque ouverture, et après quelques minutes sans activité.";
pub const ENCRYPT_KEEP: &str = "À garder : la phrase de passe (chaque conseiller·ère qui ouvre le dossier) et la feuille de la clé de secours, imprimée à la fin, rangée au coffre de la structure.";
pub const ENCRYPT_LOSS: &str = "Si la phrase de passe et la clé de secours sont perdues toutes les deux, les données sont perdues : personne ne peut les rouvrir, pas même l'éditeur de Parcours.";
pub const CHOOSE_PASSPHRASE: &str = "Phrase de passe";
pub const CHOOSE_PASSPHRASE_AGAIN: &str = "Phrase de passe (encore)";
pub const ENCRYPT_START: &str = "Chiffrer le dossier";

/// The dialog that changes the passphrase.
pub const CHANGE_TITLE: &str = "Changer la phrase de passe";
pub const OLD_PASSPHRASE: &str = "Phrase de passe actuelle";
pub const WRONG_OLD_PASSPHRASE: &str = "Phrase de passe actuelle incorrecte.";
pub const CHANGE_START: &str = "Enregistrer la nouvelle phrase de passe";

/// The dialog that makes a new recovery key.
pub const RENEW_TITLE: &str = "Nouvelle clé de secours";
pub const RENEW_EXPLAIN: &str = "Une nouvelle clé de secours sera affichée, à imprimer. L'ancienne n'ouvrira plus le dossier : détruisez la feuille rangée au coffre.";
pub const RENEW_START: &str = "Créer une nouvelle clé de secours";

/// The recovery sheet, printed or saved from the recovery key's dialog.
pub const PRINT_SHEET: &str = "Imprimer…";
pub const SAVE_SHEET: &str = "Enregistrer en PDF…";
pub const SAVE_SHEET_TITLE: &str = "Enregistrer la feuille de la clé de secours";
pub const SHEET_FILE_NAME: &str = "cle-de-secours-parcours.pdf";
/// What "Aucun fichier choisi : … n'a pas été enregistré(e)." names.
pub const THE_SHEET: &str = "la feuille de la clé de secours";
pub const SHEET_WORKING: &str = "Préparation de la feuille…";
pub const SHEET_FAILED: &str = "La feuille n'a pas pu être préparée : réessayez.";

/// The sheet was saved at `path`.
pub fn sheet_saved(path: &std::path::Path) -> String {
    format!(
        "Feuille enregistrée dans {} : imprimez-la, puis supprimez ce fichier.",
        path.display()
    )
}
