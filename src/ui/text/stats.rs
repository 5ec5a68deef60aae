//! The "Bilans" view: funders' indicators over a period and a scope, their charts and exports.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const HEADING: &str = "Bilans pour les financeurs";

pub const FROM: &str = "Du";

pub const TO: &str = "Au";

pub const THIS_YEAR: &str = "Cette année";

pub const LAST_YEAR: &str = "L'an dernier";

pub const LAST_12_MONTHS: &str = "12 derniers mois";

pub const SCOPE: &str = "Périmètre";

pub const SCOPE_ALL: &str = "Tous";

/// The scope "me", with the counsellor's name.
pub fn scope_me(name: &str) -> String {
    format!("Moi ({})", name.trim())
}

pub const COMPUTING: &str = "Calcul…";

pub const FAILED: &str = "Le calcul des indicateurs a échoué. Changez la période pour réessayer.";

pub const DATE_NEEDED: &str = "Date attendue (JJ/MM/AAAA).";

/// A date's message, naming its field: "Du : Cette date n'existe pas : 31/02/2026."
pub fn field_message(field: &str, message: &str) -> String {
    format!("{field} : {message}")
}

pub const PERIOD_REVERSED: &str = "La date de fin précède la date de début.";

pub const NO_TABLE: &str = "Aucun indicateur pour cette période.";

pub const CHARTS: &str = "Évolution mois par mois";

pub const EXPORT_CSV: &str = "Exporter CSV…";

pub const EXPORT_XLSX: &str = "Exporter Excel…";

pub const EXPORT_PDF: &str = "Imprimer / PDF…";

pub const CSV_FILTER: &str = "Fichier CSV (Excel)";

pub const XLSX_FILTER: &str = "Classeur Excel";

pub const THE_CSV: &str = "le tableau CSV";

pub const THE_XLSX: &str = "le classeur Excel";

pub const THE_PDF: &str = "le bilan PDF";

pub const WRITING: &str = "Écriture du fichier…";

/// After an export was written.
pub fn exported(path: &std::path::Path) -> String {
    format!("Bilan enregistré : {}", path.display())
}

/// A chart's accessible name: "Graphique : Personnes accompagnées par sexe".
pub fn chart_named(title: &str) -> String {
    format!("Graphique : {title}")
}

/// The source of a table, under its title.
pub fn source(source: &str) -> String {
    format!("Source : {source}")
}

pub const WRITE_FAILED: &str = "L'écriture du fichier a échoué.";

/// A table cell as a screen reader says it: "Femmes, Personnes suivies : 12".
pub fn cell_named(row: &str, column: &str, value: &str) -> String {
    if column.is_empty() {
        format!("{row} : {value}")
    } else {
        format!("{row}, {column} : {value}")
    }
}

/// Shown when the pointer rests on a hidden cell.
pub fn hidden_help(threshold: u32) -> String {
    format!(
        "Effectif masqué : moins de {threshold} personnes, ou un effectif qui permettrait de \
         retrouver un petit effectif par différence avec le total."
    )
}
