//! The "Fiche en double" window.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

pub const TITLE: &str = "Fiche en double";

/// What happened and what the choice does, naming the person.
pub fn explanation(name: &str) -> String {
    format!(
        "La fiche de {name} existe dans deux fichiers (copie laissée par un outil de \
         synchronisation). Choisissez ce que vous gardez : l'autre fichier sera mis de côté dans \
         « conflits-resolus », jamais supprimé."
    )
}

/// The first file's path, under the explanation.
pub fn path_a(path: &std::path::Path) -> String {
    format!("A : {}", path.display())
}

/// The second file's path.
pub fn path_b(path: &std::path::Path) -> String {
    format!("B : {}", path.display())
}

pub const KEEP_A: &str = "Garder la version A";

pub const KEEP_B: &str = "Garder la version B";

pub const MERGE: &str = "Fusionner selon les choix";

/// Header of the first version's column.
pub const VERSION_A: &str = "Version A";

/// Header of the second version's column.
pub const VERSION_B: &str = "Version B";

/// In the second column when a part is the same in both versions.
pub const SAME: &str = "identique";

/// A part with nothing in it, so that it is still visible.
pub const EMPTY: &str = "(vide)";
