//! A booking: which child, which days (one day or every given weekday between two dates),
//! which half-hours and why; its occurrences once closed days and closures are skipped.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::grid::{day_label, format_time, half_hours_between, slot_of, weekday_label};
use super::settings::CrecheSettings;
use crate::model::record::dates::format_date;
use crate::model::{ApplicationId, BookingId, ChildId, WorkshopId};

/// Longest span a recurring booking may cover: a child stays at most about three years and eight
/// months (from 3 months to the September after the third birthday), so anything longer than
/// four years is a typing mistake; it also bounds every expansion of a hand-edited file.
pub const MAX_BOOKING_DAYS: u64 = 4 * 366;

/// Why a child is booked: the parent's step that needs the childcare, linked where it exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BookingReason {
    /// A collective workshop (linked to the catalogue's workshop when known).
    Workshop(Option<WorkshopId>),
    /// A job interview (linked to the application when known).
    Interview(Option<ApplicationId>),
    /// A training course (French lessons included).
    Training,
    /// The parent's job.
    Job,
    /// Anything else (administrative appointment…).
    #[default]
    Other,
}

impl BookingReason {
    /// The kinds offered in the booking form (links are added by the pages that know them).
    pub const KINDS: [Self; 5] = [
        Self::Workshop(None),
        Self::Interview(None),
        Self::Training,
        Self::Job,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Workshop(_) => "Atelier",
            Self::Interview(_) => "Entretien d'embauche",
            Self::Training => "Formation",
            Self::Job => "Emploi",
            Self::Other => "Autre démarche",
        }
    }

    /// The same kind of reason, ignoring links (pickers).
    #[must_use]
    pub const fn same_kind(self, other: Self) -> bool {
        matches!(
            (self, other),
            (Self::Workshop(_), Self::Workshop(_))
                | (Self::Interview(_), Self::Interview(_))
                | (Self::Training, Self::Training)
                | (Self::Job, Self::Job)
                | (Self::Other, Self::Other)
        )
    }
}
/// When a booking applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Schedule {
    /// Every given weekday from one date to another (both included).
    Weekly {
        /// The weekdays.
        days: Vec<Weekday>,
        /// First day.
        from: NaiveDate,
        /// Last day.
        until: NaiveDate,
    },
    /// One day.
    Once(NaiveDate),
}

impl Schedule {
    /// The first and last day the schedule can cover.
    #[must_use]
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        match self {
            Self::Weekly { from, until, .. } => (*from, *until),
            Self::Once(date) => (*date, *date),
        }
    }

    /// "le mardi 24/11/2026", "les mardi et jeudi du 03/11/2026 au 18/12/2026".
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Once(date) => format!("le {}", day_label(*date)),
            Self::Weekly { days, from, until } => {
                let names: Vec<&str> = CrecheSettings::WEEKDAYS
                    .iter()
                    .filter(|d| days.contains(d))
                    .map(|d| weekday_label(*d))
                    .collect();
                let days = match names.split_last() {
                    None => String::new(),
                    Some((last, [])) => (*last).to_owned(),
                    Some((last, rest)) => format!("{} et {last}", rest.join(", ")),
                };
                format!(
                    "les {days} du {} au {}",
                    format_date(*from),
                    format_date(*until)
                )
            }
        }
    }
}
/// A booking of one child: recurring or one-off, whole half-hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    /// Identifier.
    pub id: BookingId,
    /// The child (one of the record's `family.children`).
    pub child: ChildId,
    /// Which days.
    pub schedule: Schedule,
    /// Arrival (on the half-hour grid).
    pub start: NaiveTime,
    /// Departure (on the half-hour grid).
    pub end: NaiveTime,
    /// Why the parent needs it.
    #[serde(default)]
    pub reason: BookingReason,
    /// Free note ("atelier CV", "entretien chez Elior"…).
    #[serde(default)]
    pub note: String,
}

impl Booking {
    /// The days the booking applies, within `from..=to`, skipping closed days and closures.
    #[must_use]
    pub fn dates_between(
        &self,
        settings: &CrecheSettings,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Vec<NaiveDate> {
        let (first, last) = self.schedule.span();
        let first = first.max(from);
        // A hand-edited file may hold any range: the expansion stays bounded.
        let last = last.min(to).min(
            first
                .checked_add_days(Days::new(MAX_BOOKING_DAYS))
                .unwrap_or(first),
        );
        let mut dates = Vec::new();
        let mut day = first;
        while day <= last {
            let wanted = match &self.schedule {
                Schedule::Weekly { days, .. } => days.contains(&day.weekday()),
                Schedule::Once(_) => true,
            };
            if wanted && settings.is_open(day) {
                dates.push(day);
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        dates
    }

    /// Every day the booking applies.
    #[must_use]
    pub fn dates(&self, settings: &CrecheSettings) -> Vec<NaiveDate> {
        self.dates_between(settings, NaiveDate::MIN, NaiveDate::MAX)
    }

    /// The schedule's days that fall in a closure (skipped, and said so).
    #[must_use]
    pub fn closed_dates(&self, settings: &CrecheSettings) -> Vec<NaiveDate> {
        let open_only = self.dates(settings);
        let mut all = settings.clone();
        all.closures.clear();
        self.dates(&all)
            .into_iter()
            .filter(|d| !open_only.contains(d))
            .collect()
    }

    pub(super) fn slots(&self) -> std::ops::Range<u32> {
        slot_of(self.start)..slot_of(self.end)
    }

    /// Booked hours per occurrence.
    #[must_use]
    pub fn hours(&self) -> f64 {
        f64::from(half_hours_between(self.start, self.end)) / 2.0
    }

    /// "les mardi et jeudi du … au …, 9 h – 12 h 30".
    #[must_use]
    pub fn label(&self) -> String {
        format!(
            "{}, {} – {}",
            self.schedule.label(),
            format_time(self.start),
            format_time(self.end)
        )
    }

    /// The reason and note, for cells and lists.
    #[must_use]
    pub fn reason_text(&self) -> String {
        let note = self.note.trim();
        if note.is_empty() {
            self.reason.label().to_owned()
        } else {
            format!("{} : {note}", self.reason.label())
        }
    }
}
