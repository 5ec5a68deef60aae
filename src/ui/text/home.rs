//! The "Accueil" view: the day, then what needs doing.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

use chrono::NaiveDate;

use crate::model::format_date;

/// The view's title: "Aujourd'hui, lundi 23/11/2026".
#[must_use]
pub fn today(date: NaiveDate) -> String {
    format!("Aujourd'hui, {}", super::agenda::day(date))
}

/// Beside the day's heading while the lists are computed again (the previous ones shown).
pub const UPDATING: &str = "Mise à jour…";
/// Beside the day's heading when the lists could not be computed.
pub const FAILED: &str = "Les listes de l'accueil n'ont pas pu être calculées.";

pub const TODAY_NOTHING: &str = "Aucun rendez-vous ni atelier aujourd'hui.";

pub const TO_DO: &str = "À faire";

pub const TO_SETTLE: &str = "Rendez-vous à régulariser";

pub const TO_SETTLE_NONE: &str = "Aucun rendez-vous passé sans suite.";

pub const OVERDUE: &str = "Actions en retard";

pub const PERMITS: &str = "Titres de séjour à renouveler";

pub const PERMITS_NONE: &str = "Aucun titre de séjour à renouveler.";

pub const CRECHE: &str = "Demandes de crèche en attente qui peuvent être servies";

pub const CRECHE_NONE: &str = "Aucune demande en attente ne trouve de place pour l'instant.";

/// A waiting crèche request that now fits.
#[must_use]
pub fn creche_request(requested_on: NaiveDate) -> String {
    format!(
        "demande du {} : une place est libre, la réservation peut être faite",
        format_date(requested_on)
    )
}

/// The accessible name of a person's link in the permits' list (the name is in several
/// lists of the view).
#[must_use]
pub fn permit_link(name: &str) -> String {
    format!("{name} : titre de séjour")
}

/// The accessible name of a person's link in the crèche's list.
#[must_use]
pub fn creche_link(name: &str) -> String {
    format!("{name} : demande de crèche")
}

/// The accessible name of a person's link in the appointments to settle.
#[must_use]
pub fn settle_link(name: &str, when: &str) -> String {
    format!("{name} : rendez-vous {when}")
}

/// The accessible name of a person's link among today's items.
#[must_use]
pub fn today_link(name: &str, time: &str) -> String {
    format!("{name} : aujourd'hui à {time}")
}

pub const OPEN_PREPARATION_HOVER: &str = "Ouvrir la fiche, onglet Préparation à l'emploi";

pub const OPEN_CRECHE_HOVER: &str = "Ouvrir la fiche, onglet Crèche";

/// The accessible name of a settling button: "Honoré : Fatoumata Diallo, rendez-vous le…".
#[must_use]
pub fn settle_button(status: &str, name: &str, when: &str) -> String {
    format!("{status} : {name}, rendez-vous {when}")
}

/// The hover text of a person's link: the whole name (cut in the list when long), then what a
/// click does.
#[must_use]
pub fn link_hover(name: &str, action: &str) -> String {
    format!("{name}\n{action}")
}
