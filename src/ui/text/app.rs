//! The main screen's frame: status bar, banners, the empty screen, closing and restoring.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const LOAD_DEMO: &str = "Charger des données de démonstration";

pub const EMPTY_TITLE: &str = "Aucun bénéficiaire pour l'instant";

pub const EMPTY_BODY: &str =
    "Créez la première fiche, ou chargez des données de démonstration pour découvrir Parcours.";

pub const NOTHING_SELECTED: &str = "Sélectionnez un bénéficiaire dans la liste, ou créez-en un.";

pub const DATA_DIR: &str = "Dossier de données";

pub const STATUS_SAVED: &str = "Enregistré";

pub const STATUS_PENDING: &str = "Modifications en cours…";

pub const STATUS_INVALID: &str = "Non enregistré : corrigez les champs signalés en rouge.";

pub const STATUS_INVALID_KEPT: &str =
    "Champs en rouge non enregistrés : corrigez-les (le reste est enregistré).";

/// The status bar, when the person leaves a record holding invalid fields.
pub fn left_invalid(name: &str, fields: &str) -> String {
    format!(
        "{name} : champ(s) invalide(s) non enregistré(s) ({fields}) ; la fiche reste marquée dans la liste."
    )
}

/// The undo bar's "Annuler" after a removal.
pub const UNDO: &str = "Annuler";

pub const STATUS_READ_ONLY: &str = "Lecture seule";

/// Above a record changed by another Parcours while an edit of it waits here.
pub const CHANGED_ELSEWHERE: &str = "Fiche modifiée ailleurs pendant votre modification : votre saisie est gardée et sera enregistrée ; vérifiez la fiche ensuite.";

/// Above a record another Parcours edits (it holds the record's lease).
pub fn being_edited_by(name: &str, machine: &str, since: &str) -> String {
    format!(
        "En cours de modification par {name} ({machine}) depuis {since} : fiche en lecture seule ici, modifiable dès que l'autre poste la quitte."
    )
}

/// The banner while another Parcours holds the whole folder (a restore…).
pub fn folder_held_by(name: &str, machine: &str, since: &str, purpose: &str) -> String {
    let doing = if purpose.is_empty() {
        String::new()
    } else {
        format!(" ({purpose})")
    };
    format!(
        "Lecture seule : {name} ({machine}) travaille sur tout le dossier de données depuis {since}{doing}. Les modifications reprendront dès la fin de cette opération."
    )
}

pub const PROBLEMS_BANNER: &str =
    "fichier(s) n'ont pas pu être lus. Ils sont laissés intacts et ne seront pas remplacés.";

pub const SHOW_DETAILS: &str = "Voir le détail";

pub const PROBLEMS_TITLE: &str = "Fichiers illisibles";

pub const CLOSE_BLOCKED_TITLE: &str = "Des modifications ne peuvent pas être enregistrées";

pub const CLOSE_BLOCKED_BODY: &str = "Ces champs sont invalides et ne sont pas enregistrés (le reste des fiches l'est). Corrigez-les, ou quittez en abandonnant ces seuls champs :";

pub const CLOSE_FIX: &str = "Corriger";

pub const CLOSE_DISCARD: &str = "Quitter sans ces modifications";

/// Opens the restore window.
pub const RESTORE: &str = "Restaurer une sauvegarde…";

/// Title of the restore window.
pub const RESTORE_TITLE: &str = "Restaurer une sauvegarde";

/// When there is no backup yet.
pub const RESTORE_NONE: &str = "Aucune sauvegarde pour l'instant : Parcours en fait une avant la première modification de chaque jour.";

/// What a restore does.
pub const RESTORE_CONFIRM: &str = "Toutes les fiches, les partenaires et les paramètres seront remplacés par ceux de cette sauvegarde. Les données actuelles seront d'abord copiées dans backups/…-avant-restauration-…/.";

/// Confirms the restore.
pub const RESTORE_GO: &str = "Restaurer";

/// Beside a name holding characters the fonts cannot draw (shown as boxes): which ones.
pub fn undrawable(chars: &[char]) -> String {
    let codes: Vec<String> = chars
        .iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    format!(
        "\u{26a0} {} caractère(s) non affichable(s) ici (affichés \u{25fb}) : {}",
        chars.len(),
        codes.join(", ")
    )
}

pub const RESOLVE: &str = "Résoudre";
pub const LOADING: &str = "Chargement des fiches…";

/// The banner over the window when records were found in two files.
pub fn conflicts_banner(count: usize) -> String {
    format!(
        "{count} fiche(s) en double (copie laissée par un outil de synchronisation) : choisissez la version à garder."
    )
}

/// The status bar when a save failed.
pub fn save_failed(message: &str) -> String {
    format!("Erreur d'enregistrement : {message}")
}

/// The restore dialog's question, once a date is chosen.
pub fn restore_question(date: chrono::NaiveDate) -> String {
    format!(
        "Remplacer les données actuelles par la sauvegarde du {} ?",
        date.format("%d/%m/%Y")
    )
}

/// Why the directory is read-only, when opening it failed for another reason than the lock.
pub fn read_only_because(error: &dyn std::fmt::Display) -> String {
    format!("Lecture seule : {error}")
}

pub const PROFILE_TITLE: &str = "Qui utilise Parcours sur cet ordinateur ?";

pub const PROFILE_WHY: &str = "Votre nom est inscrit dans le journal des accès à chaque création, modification ou impression d'une fiche.";

pub const PROFILE_NAME: &str = "Votre nom (conseiller·ère)";

pub const PROFILE_OK: &str = "Valider";

pub const PROFILE_EMPTY: &str = "Indiquez votre nom pour continuer.";

/// The profile could not be written to the configuration folder.
pub fn profile_not_saved(error: &std::io::Error) -> String {
    format!(
        "Votre nom n'a pas pu être enregistré sur cet ordinateur ({error}) : il est utilisé jusqu'à la fermeture de Parcours."
    )
}

/// The status bar: who the journal names.
pub fn counsellor(name: &str) -> String {
    format!("Conseiller·ère : {name}")
}
