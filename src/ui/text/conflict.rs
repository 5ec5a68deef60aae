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

/// Under the explanation: what the load did by itself.
pub const AUTO_MERGED: &str = "Ce qui n'a été modifié que d'un côté a déjà été repris \
     automatiquement (séances, rendez-vous, réservations et candidatures des deux côtés \
     comprises). Seules les parties modifiées des deux côtés sont à choisir.";

/// Who changed a part last on one side, and when (local time).
pub fn changed_by(by: &str, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    let who = if by.trim().is_empty() {
        "auteur inconnu".to_owned()
    } else {
        by.to_owned()
    };
    match at {
        Some(at) => format!(
            "modifié par {who} le {}",
            at.with_timezone(&chrono::Local).format("%d/%m/%Y à %H:%M")
        ),
        None => format!("modifié par {who}"),
    }
}

/// Where the second file comes from, when its name says (tool, device or user, time).
pub fn copy_origin(tool: &str, who: &str, time: Option<chrono::NaiveDateTime>) -> String {
    let who = if who.is_empty() {
        String::new()
    } else {
        format!(" ({who})")
    };
    let time = time.map_or_else(String::new, |t| {
        format!(" le {}", t.format("%d/%m/%Y à %H:%M"))
    });
    format!("Copie laissée par {tool}{who}{time}")
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
