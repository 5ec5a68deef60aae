//! The "Agenda" view: day and week of appointments, workshops, job interviews and PMSMP days.

#![allow(
    missing_docs,
    clippy::must_use_candidate,
    reason = "each string is its own documentation, and only ever read"
)]

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::model::creche::{format_time, weekday_label};
use crate::model::format_date;

pub const DAY: &str = "Jour";

pub const WEEK: &str = "Semaine";

pub const PREVIOUS: &str = "Précédent";

pub const TODAY: &str = "Aujourd'hui";

pub const NEXT: &str = "Suivant";

pub const EVERYONE: &str = "Tous les conseillers";

pub const ME: &str = "Moi";

pub const ME_UNKNOWN: &str = "Votre nom n'est pas connu sur cet ordinateur : indiquez-le (« Qui utilise Parcours ») pour ne voir que votre agenda.";

/// The row of whole-day items (PMSMP days, interviews of unknown time).
pub const WHOLE_DAY: &str = "Journée";

/// Marks an item whose time overlaps another one.
pub const OVERLAP: &str = "chevauchement";

pub const NOTHING: &str = "Rien de prévu sur cette période.";

/// Above the person picker, once a free slot is clicked.
#[must_use]
pub fn plan_at(date: NaiveDate, start: NaiveTime) -> String {
    format!(
        "Nouveau rendez-vous le {} à {} : avec qui ?",
        day(date),
        format_time(start)
    )
}

pub const SEARCH_PERSON: &str = "Rechercher une personne";

pub const SEARCH_HINT: &str = "nom ou prénom";

pub const NO_MATCH: &str = "Personne ne correspond.";

pub const CANCEL: &str = "Annuler";

/// "lundi 23/11/2026".
#[must_use]
pub fn day(date: NaiveDate) -> String {
    format!("{} {}", weekday_label(date.weekday()), format_date(date))
}

/// The week's title.
#[must_use]
pub fn week(monday: NaiveDate, friday: NaiveDate) -> String {
    format!(
        "Semaine du {} au {}",
        format_date(monday),
        format_date(friday)
    )
}

/// "9 h", the hour rows' labels.
#[must_use]
pub fn hour(h: u32) -> String {
    format!("{h} h")
}

/// The accessible name of a free slot's button.
#[must_use]
pub fn free_slot(date: NaiveDate, start: NaiveTime) -> String {
    format!("Créneau libre : {} à {}", day(date), format_time(start))
}

/// The tooltip of a free slot.
pub const FREE_SLOT_HOVER: &str = "Planifier un rendez-vous sur ce créneau";

/// An item's hover text: where, with whom.
#[must_use]
pub fn item_hover(place: &str, counsellor: &str) -> String {
    match (place.trim().is_empty(), counsellor.trim().is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("Lieu : {place}"),
        (true, false) => format!("Avec : {counsellor}"),
        (false, false) => format!("Lieu : {place}\nAvec : {counsellor}"),
    }
}

/// The tooltip of an item that opens a record.
pub const OPEN_HOVER: &str = "Ouvrir la fiche à l'onglet concerné";
