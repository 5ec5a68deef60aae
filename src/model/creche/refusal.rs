//! The answer to a booking request: [`Planned`] (with what to tell the counsellor), or a
//! [`Refusal`] in French — for lack of places, with the full half-hours and the nearest free
//! alternatives.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};

use super::booking::{Booking, Schedule};
use super::grid::{day_label, format_time};
use crate::model::record::dates::format_date;

/// One half-hour that has no room left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FullSlot {
    /// The day.
    pub date: NaiveDate,
    /// Start of the half-hour.
    pub start: NaiveTime,
    /// Children already booked then.
    pub booked: u32,
}

impl fmt::Display for FullSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} à {} ({} enfants)",
            day_label(self.date),
            format_time(self.start),
            self.booked
        )
    }
}
/// A free alternative offered when a booking is refused: the same booking on other days or
/// hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Which days.
    pub schedule: Schedule,
    /// Arrival.
    pub start: NaiveTime,
    /// Departure.
    pub end: NaiveTime,
}

impl fmt::Display for Suggestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {} – {}",
            self.schedule.label(),
            format_time(self.start),
            format_time(self.end)
        )
    }
}
/// Why a booking cannot be made, in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Times off the half-hour grid.
    NotOnGrid,
    /// Departure not after arrival.
    EndNotAfterStart,
    /// Outside opening hours.
    OutsideOpeningHours {
        /// Opening.
        opens_at: NaiveTime,
        /// Closing.
        closes_at: NaiveTime,
    },
    /// A weekly booking without any weekday.
    NoWeekday,
    /// The last day precedes the first.
    RangeReversed,
    /// Longer than a child can stay.
    TooLong,
    /// The child is not in the record's family.
    UnknownChild,
    /// The child's birth date is missing.
    BirthDateUnknown,
    /// Too young on the (first) day.
    TooYoung {
        /// First day the child may come.
        from: NaiveDate,
    },
    /// Too old on the (first) day.
    TooOld {
        /// Last day the child could come.
        until: Option<NaiveDate>,
    },
    /// The booking starts before today.
    InThePast {
        /// Today, the first day a booking may start.
        today: NaiveDate,
    },
    /// No opening day in the booking (closures, closed days).
    NoOpenDay,
    /// Some half-hours are full: the booking would exceed the capacity.
    Full {
        /// The full half-hours (first ones, in time order).
        slots: Vec<FullSlot>,
        /// How many half-hours are full in all.
        count: usize,
        /// The nearest free alternatives.
        suggestions: Vec<Suggestion>,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotOnGrid => {
                f.write_str("Les horaires doivent tomber sur l'heure ou la demi-heure.")
            }
            Self::EndNotAfterStart => {
                f.write_str("L'heure de départ doit suivre l'heure d'arrivée.")
            }
            Self::OutsideOpeningHours {
                opens_at,
                closes_at,
            } => write!(
                f,
                "La crèche est ouverte de {} à {}.",
                format_time(*opens_at),
                format_time(*closes_at)
            ),
            Self::NoWeekday => f.write_str("Cochez au moins un jour de la semaine."),
            Self::RangeReversed => f.write_str("La date de fin précède la date de début."),
            Self::TooLong => f.write_str("Une réservation ne peut pas dépasser quatre ans."),
            Self::UnknownChild => f.write_str("Cet enfant n'est plus dans la fiche."),
            Self::BirthDateUnknown => f.write_str(
                "Date de naissance de l'enfant inconnue : renseignez-la dans l'onglet Identité.",
            ),
            Self::TooYoung { from } => write!(
                f,
                "Trop jeune ce jour-là : l'enfant peut être accueilli·e à partir du {}.",
                format_date(*from)
            ),
            Self::TooOld { until: Some(until) } => write!(
                f,
                "Trop âgé·e ce jour-là : accueil possible jusqu'au {} seulement.",
                format_date(*until)
            ),
            Self::TooOld { until: None } => f.write_str("Trop âgé·e pour la micro-crèche."),
            Self::InThePast { today } => write!(
                f,
                "Cette date est passée : une réservation commence au plus tôt aujourd'hui ({}).",
                format_date(*today)
            ),
            Self::NoOpenDay => f.write_str(
                "Aucun jour d'ouverture dans cette réservation (fermetures, jours fermés).",
            ),
            Self::Full { slots, count, .. } => {
                let shown: Vec<String> = slots.iter().map(ToString::to_string).collect();
                write!(f, "Complet : {}", shown.join(", "))?;
                if *count > slots.len() {
                    write!(f, " et {} autre(s) demi-heure(s)", count - slots.len())?;
                }
                f.write_str(".")
            }
        }
    }
}
/// A booking that can be made, with what the counsellor should be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The booking as it will be saved (cut at the age limit if need be).
    pub booking: Booking,
    /// The last day kept, when a recurring booking ran past the age limit.
    pub cut_at: Option<NaiveDate>,
    /// Days skipped because the crèche is closed then.
    pub skipped: Vec<NaiveDate>,
    /// How many days the booking covers.
    pub days: usize,
}

impl Planned {
    /// What to tell the counsellor besides "booked" (cut, skipped closures), in French.
    #[must_use]
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if let Some(cut) = self.cut_at {
            notes.push(format!(
                "Réservation arrêtée au {} : l'enfant dépasse ensuite l'âge de la micro-crèche.",
                format_date(cut)
            ));
        }
        if !self.skipped.is_empty() {
            let days: Vec<String> = self.skipped.iter().map(|d| format_date(*d)).collect();
            notes.push(format!("Jours de fermeture sautés : {}.", days.join(", ")));
        }
        notes
    }
}
