//! The "Synthèse" tab.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TAB_SUMMARY: &str = "Synthèse";

/// Heading of the section ticks of the "Synthèse" tab.
pub const SUMMARY_SECTIONS: &str = "Sections à imprimer";

/// Heading of the confidential ticks.
pub const SUMMARY_CONFIDENTIAL: &str = "Informations confidentielles";

/// Below it.
pub const SUMMARY_CONFIDENTIAL_HINT: &str = "Imprimées seulement si elles sont cochées, pour une seule impression : les cases se décochent après chaque impression.";

/// Hover text of a confidential tick the record has nothing for.
pub const SUMMARY_NOT_IN_RECORD: &str = "Non renseigné dans la fiche";

/// Heading of the preview.
pub const SUMMARY_PREVIEW: &str = "Aperçu de l'impression";

/// Sends the summary to the printer.
pub const PRINT: &str = "Imprimer";

/// Saves the summary as a PDF file.
pub const SAVE_PDF: &str = "Enregistrer en PDF…";

/// Title of the save dialog.
pub const SAVE_PDF_TITLE: &str = "Enregistrer la synthèse en PDF";

/// Status after saving.
pub fn pdf_saved(path: &std::path::Path) -> String {
    format!("Synthèse enregistrée dans {}.", path.display())
}

/// Status while the printer is being reached.
pub const PRINTING: &str = "Envoi à l'imprimante…";

/// Status while the viewer is being opened.
pub const OPENING_VIEWER: &str = "Ouverture de la visionneuse PDF…";

/// Status when a document with a missing character was opened for checking: the rendering's
/// `warning` (which characters), then how to print it once checked.
pub fn opened_for_check(warning: &str, print_shortcut: &str) -> String {
    format!(
        "{warning} Le PDF est ouvert dans la visionneuse : vérifiez-le avant de l'imprimer avec \
         {print_shortcut}."
    )
}

/// Status when the hand-over to the printer stopped without a word (its thread ended).
pub const PRINT_INTERRUPTED: &str = "tâche d'impression interrompue";

/// The preview's referent line.
pub fn referent(name: &str) -> String {
    format!("{} : {name}", super::common::REFERENT)
}

/// Above the signature boxes of the preview.
pub const SIGNATURE: &str = "Date et signature";

/// Beside the title of the confidential block of the preview.
pub const CONFIDENTIAL_TAG: &str = "CONFIDENTIEL";

/// In the preview's header when the structure has no name yet (not printed).
pub const STRUCTURE_NAME_MISSING: &str =
    "Nom de la structure à renseigner (bouton « Paramètres », en bas à droite)";

/// What the summary tab saves, for [`no_file_chosen`].
pub const THE_SUMMARY: &str = "la synthèse";

/// Writes the person's own copy of their record (PDF and JSON) into a folder.
pub const EXPORT: &str = "Remettre ses données à la personne";

/// Hover text of [`EXPORT`].
pub const EXPORT_HINT: &str = "Tout ce que contient la fiche, informations confidentielles comprises, en PDF et en JSON, dans le dossier choisi";

/// Title of the folder dialog of [`EXPORT`].
pub const EXPORT_TITLE: &str = "Dossier où écrire les données de la personne";

/// What [`EXPORT`] writes, for [`super::common::no_file_chosen`].
pub const THE_EXPORT: &str = "la copie de ses données";

/// Status after the person's copy was written.
pub fn exported(pdf: &std::path::Path, json: &std::path::Path) -> String {
    format!(
        "Données de la personne écrites dans {} et {}.",
        pdf.display(),
        json.display()
    )
}

pub const HISTORY: &str = "Historique";

pub const HISTORY_EMPTY: &str = "Aucun événement dans le journal pour cette fiche.";

pub const UNKNOWN_AUTHOR: &str = "auteur inconnu";

/// One event of the record's history: "27/11/2026 10:42 — Claire Martin — modifié : Noms".
pub fn history_line(when: &str, author: &str, operation: &str) -> String {
    format!("{when} — {author} — {operation}")
}
