//! Words used on several screens: buttons (Enregistrer, Annuler, Retirer…), the tabs' names.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const APP_TITLE: &str = "Parcours";

pub const NEW_BENEFICIARY: &str = "Nouveau bénéficiaire";

pub const SETTINGS: &str = "Paramètres";

pub const SAVE: &str = "Enregistrer";

pub const CANCEL: &str = "Annuler";

pub const LAST_NAME: &str = "Nom *";

pub const CHILD_FIRST_NAME: &str = "Prénom de l'enfant";

pub const REFERENT: &str = "Conseiller·ère référent·e";

pub const DATE_HINT: &str = "JJ/MM/AAAA";

pub const NOT_PROVIDED: &str = "non renseigné";

/// File-type filter of the save dialog.
pub const PDF_FILTER: &str = "Document PDF";

pub const OVERDUE_OPEN: &str = "Actions en retard";

pub const LITERACY_ROUTE: &str = "Ne lit ni n'écrit dans aucune langue : orientation vers un cours d'alphabétisation, pas de FLE.";

/// When the save dialog gave no file: cancelled, or no dialog could be shown at all.
pub fn no_file_chosen(what: &str, folder: Option<&std::path::Path>) -> String {
    match folder {
        Some(folder) => format!(
            "Aucun fichier choisi : {what} n'a pas été enregistré(e). Si aucune fenêtre \
             d'enregistrement ne s'est ouverte, « {} » l'écrit dans {}.",
            SAVE_IN_FALLBACK,
            folder.display()
        ),
        None => format!("Aucun fichier choisi : {what} n'a pas été enregistré(e)."),
    }
}

/// The button that saves a document in the Documents folder when no dialog could be shown.
pub const SAVE_IN_FALLBACK: &str = "Enregistrer dans Documents";

/// The button that takes an entry out of a list.
pub const REMOVE: &str = "Retirer";

/// "Retirer" naming what it removes, for a row's button or a screen reader: "Retirer (arabe)".
pub fn remove_named(what: &str) -> String {
    format!("{REMOVE} ({what})")
}

/// A phase's status, in the read-only rows of a phase.
pub const STATUS: &str = "Statut";

/// The day something started.
pub const START: &str = "Début";

/// The day something ended.
pub const END: &str = "Fin";

/// A name field (a company's, a contact's).
pub const NAME: &str = "Nom";

pub const ADDRESS: &str = "Adresse";

pub const POSTCODE: &str = "Code postal";

pub const TOWN: &str = "Ville";

pub const PHONE: &str = "Téléphone";

pub const EMAIL: &str = "E-mail";

pub const NOTES: &str = "Notes";

/// The status bar's button and the title of the data-protection window.
pub const PROTECTION_OPEN: &str = "Protection des données";

/// The views' bar: the day and what needs doing.
pub const VIEW_HOME: &str = "Accueil";
/// The views' bar: appointments, workshops and interviews by day and week.
pub const VIEW_AGENDA: &str = "Agenda";
/// The views' bar: funders' indicators.
pub const VIEW_STATS: &str = "Bilans";
/// The views' bar: the record selected in the list.
pub const VIEW_RECORD: &str = "Fiche";

/// Over a workshop on the agenda or on Accueil: a click opens its form in the catalogue.
pub const OPEN_WORKSHOP_HOVER: &str = "Ouvrir l'atelier dans le catalogue (Ateliers collectifs)";
