//! The micro-crèche: its settings, each family's care information, bookings and waiting
//! requests, and the rules that keep it legal and fair — opening days and closures, the age
//! range, at most `capacity` children present at any moment, the waiting list's order.
//!
//! A family's bookings live in the parent's record (`Beneficiary::creche`), so a record carries
//! everything about its children; the settings live in their own file (`creche.ron`). Capacity is
//! therefore a rule *across* records: every function here takes all the records, and
//! [`creche_problems`] finds what two laptops that each booked the last place leave behind once
//! their files are merged.
//!
//! Times sit on a half-hour grid: a booking covers whole half-hours, so two bookings overlap
//! exactly when they share a half-hour (9:00–12:30 and 12:00–14:00 share 12:00–12:30).

pub(crate) mod draft;

pub use draft::{CareDraft, CrecheDraft};

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::{Datelike, Days, Months, NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

use crate::model::record::beneficiary::{Beneficiary, Child, CrecheAge, FamilySituation};
use crate::model::record::dates::format_date;
use crate::model::record::ids::{ApplicationId, BeneficiaryId, BookingId, ChildId, WorkshopId};
use crate::model::record::pathway::{OutcomeKind, Stage};

/// Legal maximum of places of a French micro-crèche since 2021 (article R.2324-47 of the code de
/// la santé publique, décret 2021-1131): a structure with more places is not a micro-crèche.
/// The settings refuse more; the 115 % overbooking of R.2324-27 is deliberately not offered
/// (see ARCHITECTURE.md, "Rules and their sources").
pub const MAX_CAPACITY: u32 = 12;

/// Places of a new crèche's settings: the legal maximum.
pub const DEFAULT_CAPACITY: u32 = MAX_CAPACITY;

/// How long after the parent leaves the programme for a job or a training course their requests
/// keep the programme's priority (AVIP: the child keeps the place while the parent settles in).
pub const RECENT_EXIT_MONTHS: u32 = 6;

/// Longest span a recurring booking may cover: a child stays at most about three years and eight
/// months (from 3 months to the September after the third birthday), so anything longer than
/// four years is a typing mistake; it also bounds every expansion of a hand-edited file.
pub const MAX_BOOKING_DAYS: u64 = 4 * 366;

/// When children leave the micro-crèche.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum UpperAgeRule {
    /// On the birthday at `max_age_months` (the third birthday by default), included.
    Birthday,
    /// When they enter nursery school: up to the 31 August before the first 1 September after
    /// the birthday at `max_age_months` (compulsory schooling from three, article L.131-1 of
    /// the code de l'éducation).
    #[default]
    SchoolEntry,
}

impl UpperAgeRule {
    /// Both rules, for the settings' picker.
    pub const ALL: [Self; 2] = [Self::SchoolEntry, Self::Birthday];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Birthday => "3e anniversaire",
            Self::SchoolEntry => "Entrée à l'école maternelle",
        }
    }
}

/// How many free alternatives a refused booking is offered.
pub const SUGGESTIONS: usize = 3;

/// A period when the crèche is closed (holidays, bank holidays), both days included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    /// First closed day.
    pub from: NaiveDate,
    /// Last closed day.
    pub to: NaiveDate,
    /// Why ("Noël", "Ascension"…).
    #[serde(default)]
    pub label: String,
}

/// The crèche's settings (`creche.ron`), shared by everyone using the data directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CrecheSettings {
    /// The crèche's name, printed on the week's planning.
    pub name: String,
    /// Most children present at once.
    pub capacity: u32,
    /// Days of the week the crèche opens.
    pub open_days: Vec<Weekday>,
    /// Opening time (on the half-hour grid).
    pub opens_at: NaiveTime,
    /// Closing time (on the half-hour grid).
    pub closes_at: NaiveTime,
    /// Closure periods.
    pub closures: Vec<Closure>,
    /// Youngest age admitted, in months.
    pub min_age_months: u32,
    /// Oldest age admitted, in months: the child stays up to that birthday included, or up to
    /// the school year that follows it, as `upper_age_rule` says.
    pub max_age_months: u32,
    /// When children leave. Absent from files before format 5: school entry.
    pub upper_age_rule: UpperAgeRule,
}

fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)
}

impl Default for CrecheSettings {
    fn default() -> Self {
        Self {
            name: "Micro-crèche".to_owned(),
            capacity: DEFAULT_CAPACITY,
            open_days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            opens_at: time(8, 0),
            closes_at: time(18, 30),
            closures: Vec::new(),
            min_age_months: Child::CRECHE_MIN_MONTHS,
            max_age_months: Child::CRECHE_MAX_MONTHS,
            upper_age_rule: UpperAgeRule::SchoolEntry,
        }
    }
}

/// Whether a time sits on the half-hour grid.
#[must_use]
pub fn on_grid(t: NaiveTime) -> bool {
    t.second() == 0 && t.nanosecond() == 0 && t.minute().is_multiple_of(30)
}

/// The half-hour a time starts (0 = 00:00, 1 = 00:30 … 47 = 23:30).
fn slot_of(t: NaiveTime) -> u32 {
    (t.hour() * 60 + t.minute()) / 30
}

/// The time a half-hour starts at.
fn slot_time(slot: u32) -> NaiveTime {
    time((slot / 2).min(23), (slot % 2) * 30)
}

/// "9 h 30", "14 h".
#[must_use]
pub fn format_time(t: NaiveTime) -> String {
    if t.minute() == 0 {
        format!("{} h", t.hour())
    } else {
        format!("{} h {:02}", t.hour(), t.minute())
    }
}

/// The French name of a weekday.
#[must_use]
pub const fn weekday_label(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "lundi",
        Weekday::Tue => "mardi",
        Weekday::Wed => "mercredi",
        Weekday::Thu => "jeudi",
        Weekday::Fri => "vendredi",
        Weekday::Sat => "samedi",
        Weekday::Sun => "dimanche",
    }
}

/// "mardi 24/11/2026".
#[must_use]
pub fn day_label(date: NaiveDate) -> String {
    format!("{} {}", weekday_label(date.weekday()), format_date(date))
}

impl CrecheSettings {
    /// Every weekday, Monday first (pickers).
    pub const WEEKDAYS: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// What is wrong with these settings, in French (empty when they can be saved).
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.capacity == 0 {
            problems.push("La capacité doit être d'au moins un enfant.".to_owned());
        }
        if self.capacity > MAX_CAPACITY {
            problems.push(format!(
                "Une micro-crèche accueille {MAX_CAPACITY} enfants au plus (article R.2324-47 du \
                 code de la santé publique) : au-delà, ce n'est plus une micro-crèche."
            ));
        }
        if !on_grid(self.opens_at) || !on_grid(self.closes_at) {
            problems.push(
                "Les horaires d'ouverture doivent tomber sur l'heure ou la demi-heure.".to_owned(),
            );
        }
        if self.opens_at >= self.closes_at {
            problems.push("L'heure de fermeture doit suivre l'heure d'ouverture.".to_owned());
        }
        if self.open_days.is_empty() {
            problems.push("Cochez au moins un jour d'ouverture.".to_owned());
        }
        if self.min_age_months >= self.max_age_months {
            problems.push("L'âge maximum doit dépasser l'âge minimum.".to_owned());
        }
        for closure in &self.closures {
            if closure.from > closure.to {
                problems.push(format!(
                    "Fermeture « {} » : la fin ({}) précède le début ({}).",
                    closure.label,
                    format_date(closure.to),
                    format_date(closure.from)
                ));
            }
        }
        problems
    }

    /// The closure covering `date`, if any.
    #[must_use]
    pub fn closure_on(&self, date: NaiveDate) -> Option<&Closure> {
        self.closures
            .iter()
            .find(|c| c.from <= date && date <= c.to)
    }

    /// Whether the crèche opens on `date` (an opening day outside every closure).
    #[must_use]
    pub fn is_open(&self, date: NaiveDate) -> bool {
        self.open_days.contains(&date.weekday()) && self.closure_on(date).is_none()
    }

    /// The half-hours of a day, as their start times.
    #[must_use]
    pub fn slot_starts(&self) -> Vec<NaiveTime> {
        (slot_of(self.opens_at)..slot_of(self.closes_at))
            .map(slot_time)
            .collect()
    }

    /// The last day a child born on `birth` may come, under `upper_age_rule`.
    #[must_use]
    pub fn last_day(&self, birth: NaiveDate) -> NaiveDate {
        let birthday = birth
            .checked_add_months(Months::new(self.max_age_months))
            .unwrap_or(birth);
        match self.upper_age_rule {
            UpperAgeRule::Birthday => birthday,
            UpperAgeRule::SchoolEntry => {
                // The first 1 September after the birthday is the school's first day.
                let year = if birthday.month() >= 9 {
                    birthday.year().saturating_add(1)
                } else {
                    birthday.year()
                };
                NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(birthday)
            }
        }
    }

    /// Whether a child born on `birth` fits the age range on `day`.
    #[must_use]
    pub fn age_on(&self, birth: Option<NaiveDate>, day: NaiveDate) -> CrecheAge {
        let Some(birth) = birth else {
            return CrecheAge::Unknown;
        };
        let from = birth
            .checked_add_months(Months::new(self.min_age_months))
            .unwrap_or(birth);
        let until = self.last_day(birth);
        if day < from {
            CrecheAge::TooYoung { from }
        } else if day > until {
            CrecheAge::TooOld
        } else {
            CrecheAge::Eligible { until }
        }
    }
}

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

    fn slots(&self) -> std::ops::Range<u32> {
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

/// A request that could not be placed, waiting for a free place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingRequest {
    /// The booking asked for.
    pub booking: Booking,
    /// When it was asked (the waiting list's second key).
    pub requested_on: NaiveDate,
}

/// What the Crèche tab adds to a child: care information (allergies and health notes are
/// confidential: printed only when the counsellor ticks it for one print).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildCare {
    /// The child (one of the record's `family.children`).
    pub child: ChildId,
    /// Allergies (confidential).
    #[serde(default)]
    pub allergies: String,
    /// Health notes: treatments, diet… (confidential).
    #[serde(default)]
    pub health_notes: String,
    /// People allowed to pick the child up, one per entry ("Nom, lien, téléphone").
    #[serde(default)]
    pub authorised_pickups: Vec<String>,
    /// Who to call in an emergency.
    #[serde(default)]
    pub emergency_contact: String,
    /// First day of care.
    #[serde(default)]
    pub care_starts_on: Option<NaiveDate>,
}

impl ChildCare {
    /// Empty care information for a child.
    #[must_use]
    pub const fn new(child: ChildId) -> Self {
        Self {
            child,
            allergies: String::new(),
            health_notes: String::new(),
            authorised_pickups: Vec::new(),
            emergency_contact: String::new(),
            care_starts_on: None,
        }
    }

    /// Whether nothing is filled in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::new(self.child)
    }
}

/// A family's side of the crèche, kept in the parent's record.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CrecheFamily {
    /// Care information, per child.
    pub care: Vec<ChildCare>,
    /// Bookings.
    pub bookings: Vec<Booking>,
    /// Requests on the waiting list.
    pub waiting: Vec<WaitingRequest>,
}

impl CrecheFamily {
    /// The care information of a child, if any was entered.
    #[must_use]
    pub fn care_of(&self, child: ChildId) -> Option<&ChildCare> {
        self.care.iter().find(|c| c.child == child)
    }
}

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

/// Who is booked in one half-hour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotEntry {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// The child.
    pub child: ChildId,
    /// The booking.
    pub booking: BookingId,
}

/// Every booked half-hour between two dates, across all records.
#[derive(Debug, Default)]
pub struct Occupancy {
    slots: BTreeMap<(NaiveDate, u32), Vec<SlotEntry>>,
}

impl Occupancy {
    /// Expands the bookings of every record between `from` and `to` (both included), leaving
    /// out the booking `except` (the one being edited).
    #[must_use]
    pub fn build(
        records: &[&Beneficiary],
        settings: &CrecheSettings,
        from: NaiveDate,
        to: NaiveDate,
        except: Option<BookingId>,
    ) -> Self {
        let mut slots: BTreeMap<(NaiveDate, u32), Vec<SlotEntry>> = BTreeMap::new();
        for record in records {
            for booking in &record.creche.bookings {
                if Some(booking.id) == except {
                    continue;
                }
                for date in booking.dates_between(settings, from, to) {
                    for slot in booking.slots() {
                        slots.entry((date, slot)).or_default().push(SlotEntry {
                            parent: record.id,
                            child: booking.child,
                            booking: booking.id,
                        });
                    }
                }
            }
        }
        Self { slots }
    }

    /// Who is booked in a half-hour.
    #[must_use]
    pub fn entries(&self, date: NaiveDate, start: NaiveTime) -> &[SlotEntry] {
        self.slots
            .get(&(date, slot_of(start)))
            .map_or(&[], Vec::as_slice)
    }

    /// Children booked in a half-hour (a child booked twice counts once).
    #[must_use]
    pub fn booked(&self, date: NaiveDate, start: NaiveTime) -> u32 {
        distinct_children(self.entries(date, start))
    }

    /// Every half-hour with more children than the capacity: (date, start, children).
    fn over(&self, capacity: u32) -> Vec<(NaiveDate, u32, u32)> {
        self.slots
            .iter()
            .map(|(&(date, slot), entries)| (date, slot, distinct_children(entries)))
            .filter(|&(_, _, booked)| booked > capacity)
            .collect()
    }
}

fn distinct_children(entries: &[SlotEntry]) -> u32 {
    let children: BTreeSet<ChildId> = entries.iter().map(|e| e.child).collect();
    u32::try_from(children.len()).unwrap_or(u32::MAX)
}

/// The half-hours where adding `booking` would put more than `capacity` children.
fn full_slots(
    occupancy: &Occupancy,
    booking: &Booking,
    dates: &[NaiveDate],
    capacity: u32,
) -> Vec<FullSlot> {
    let mut full = Vec::new();
    for &date in dates {
        for slot in booking.slots() {
            let entries = occupancy
                .slots
                .get(&(date, slot))
                .map_or(&[][..], Vec::as_slice);
            // The same child already there takes no extra place.
            if entries.iter().any(|e| e.child == booking.child) {
                continue;
            }
            let booked = distinct_children(entries);
            if booked >= capacity {
                full.push(FullSlot {
                    date,
                    start: slot_time(slot),
                    booked,
                });
            }
        }
    }
    full
}

/// Checks the booking's shape (grid, hours, range).
fn check_shape(booking: &Booking, settings: &CrecheSettings) -> Result<(), Refusal> {
    if !on_grid(booking.start) || !on_grid(booking.end) {
        return Err(Refusal::NotOnGrid);
    }
    if booking.end <= booking.start {
        return Err(Refusal::EndNotAfterStart);
    }
    if booking.start < settings.opens_at || booking.end > settings.closes_at {
        return Err(Refusal::OutsideOpeningHours {
            opens_at: settings.opens_at,
            closes_at: settings.closes_at,
        });
    }
    if let Schedule::Weekly { days, from, until } = &booking.schedule {
        if days.is_empty() {
            return Err(Refusal::NoWeekday);
        }
        if until < from {
            return Err(Refusal::RangeReversed);
        }
        if until.signed_duration_since(*from).num_days() > MAX_BOOKING_DAYS.cast_signed() {
            return Err(Refusal::TooLong);
        }
    }
    Ok(())
}

/// Applies the age rule: a one-off day must fit; a recurring booking must start within the
/// range and is cut at its end. Returns the booking kept and the cut day.
fn apply_age(
    mut booking: Booking,
    child: &Child,
    settings: &CrecheSettings,
) -> Result<(Booking, Option<NaiveDate>), Refusal> {
    let (first, last) = booking.schedule.span();
    let until = match settings.age_on(child.birth_date, first) {
        CrecheAge::Unknown => return Err(Refusal::BirthDateUnknown),
        CrecheAge::TooYoung { from } => return Err(Refusal::TooYoung { from }),
        CrecheAge::TooOld => {
            let until = child.birth_date.map(|b| settings.last_day(b));
            return Err(Refusal::TooOld { until });
        }
        CrecheAge::Eligible { until } => until,
    };
    let mut cut = None;
    if last > until
        && let Schedule::Weekly { until: end, .. } = &mut booking.schedule
    {
        *end = until;
        cut = Some(until);
    }
    Ok((booking, cut))
}

/// Decides whether `booking` can be made for a child of `parent` (the record as edited), given
/// every record (which includes `parent`, in any version: its own bookings are taken from
/// `parent`). Refused with the full half-hours and the nearest free alternatives, or planned
/// (cut at the age limit, closures skipped).
pub fn plan_booking(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
) -> Result<Planned, Refusal> {
    plan(
        records,
        parent,
        booking,
        settings,
        Alternatives::Search(None),
    )
}

/// [`plan_booking`] as the counsellor books on `today`: a booking starting before today is
/// refused, and no alternative starting before today is offered.
pub fn plan_booking_on(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
    today: NaiveDate,
) -> Result<Planned, Refusal> {
    if booking.schedule.span().0 < today {
        return Err(Refusal::InThePast { today });
    }
    plan(
        records,
        parent,
        booking,
        settings,
        Alternatives::Search(Some(today)),
    )
}

/// Whether a refusal for lack of places looks for free alternatives (the waiting list's
/// scan does not need them, and runs at every frame); searched ones start on or after the
/// given day, when there is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Alternatives {
    Search(Option<NaiveDate>),
    Skip,
}

fn plan(
    records: &[&Beneficiary],
    parent: &Beneficiary,
    booking: Booking,
    settings: &CrecheSettings,
    alternatives: Alternatives,
) -> Result<Planned, Refusal> {
    check_shape(&booking, settings)?;
    let child = parent
        .family
        .children
        .iter()
        .find(|c| c.id == booking.child)
        .ok_or(Refusal::UnknownChild)?;
    let (booking, cut_at) = apply_age(booking, child, settings)?;
    let dates = booking.dates(settings);
    if dates.is_empty() {
        return Err(Refusal::NoOpenDay);
    }
    let others: Vec<&Beneficiary> = records
        .iter()
        .copied()
        .filter(|r| r.id != parent.id)
        .chain(std::iter::once(parent))
        .collect();
    let (first, last) = booking.schedule.span();
    let occupancy = Occupancy::build(&others, settings, first, last, Some(booking.id));
    let full = full_slots(&occupancy, &booking, &dates, settings.capacity);
    if !full.is_empty() {
        let suggestions = match alternatives {
            Alternatives::Search(not_before) => {
                suggest(&others, &booking, child, settings, not_before)
            }
            Alternatives::Skip => Vec::new(),
        };
        let count = full.len();
        return Err(Refusal::Full {
            slots: full.into_iter().take(6).collect(),
            count,
            suggestions,
        });
    }
    let skipped = booking.closed_dates(settings);
    Ok(Planned {
        days: dates.len(),
        booking,
        cut_at,
        skipped,
    })
}

/// The nearest free alternatives to a refused booking: a one-off booking on the same day at
/// other hours, then on the following open days; a recurring one at other hours on the same
/// days. Nearest first: fewest days away, then fewest minutes away. None starts before
/// `not_before`.
fn suggest(
    records: &[&Beneficiary],
    booking: &Booking,
    child: &Child,
    settings: &CrecheSettings,
    not_before: Option<NaiveDate>,
) -> Vec<Suggestion> {
    let length = slot_of(booking.end) - slot_of(booking.start);
    let first_slot = slot_of(settings.opens_at);
    let last_start = slot_of(settings.closes_at).saturating_sub(length);
    let wanted = slot_of(booking.start);
    let mut starts: Vec<u32> = (first_slot..=last_start).collect();
    starts.sort_by_key(|s| (s.abs_diff(wanted), *s));

    let schedules: Vec<Schedule> = match &booking.schedule {
        Schedule::Weekly { .. } => vec![booking.schedule.clone()],
        Schedule::Once(date) => (0..14u64)
            .filter_map(|offset| date.checked_add_days(Days::new(offset)))
            .filter(|d| settings.is_open(*d))
            .map(Schedule::Once)
            .collect(),
    };
    let (first, last) = booking.schedule.span();
    let horizon = last.checked_add_days(Days::new(14)).unwrap_or(last);
    let occupancy = Occupancy::build(records, settings, first, horizon, Some(booking.id));
    let mut found = Vec::new();
    for schedule in schedules {
        for &start in &starts {
            let candidate = Booking {
                schedule: schedule.clone(),
                start: slot_time(start),
                end: slot_time(start + length),
                ..booking.clone()
            };
            if candidate == *booking {
                continue;
            }
            if not_before.is_some_and(|day| candidate.schedule.span().0 < day) {
                continue;
            }
            let Ok((candidate, _)) = apply_age(candidate, child, settings) else {
                continue;
            };
            let dates = candidate.dates(settings);
            if dates.is_empty() {
                continue;
            }
            if full_slots(&occupancy, &candidate, &dates, settings.capacity).is_empty() {
                found.push(Suggestion {
                    schedule: candidate.schedule,
                    start: candidate.start,
                    end: candidate.end,
                });
                if found.len() == SUGGESTIONS {
                    return found;
                }
            }
        }
    }
    found
}

/// A parent's rank on the waiting list, following the AVIP reservation of article L.214-7 of
/// the code de l'action sociale et des familles (places kept for the children of parents
/// looking for work, single parents first). Lower goes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// A single parent in the programme (a phase under way or awaited).
    SingleParentInProgramme,
    /// A parent in the programme, or who left it for a job or a training course less than
    /// [`RECENT_EXIT_MONTHS`] ago (their child keeps the place while they settle in).
    InProgramme,
    /// Everyone else.
    Other,
}

impl Priority {
    /// The French label, for the waiting list.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::SingleParentInProgramme => "parent isolé en parcours",
            Self::InProgramme => "parent en parcours ou tout juste en emploi ou en formation",
            Self::Other => "sans priorité",
        }
    }
}

/// Whether a parent brings up their children alone: a family situation without a partner
/// (single, separated, divorced, widowed). Unknown situations are not assumed.
#[must_use]
pub const fn is_single_parent(parent: &Beneficiary) -> bool {
    matches!(
        parent.family.situation,
        FamilySituation::Single
            | FamilySituation::Separated
            | FamilySituation::Divorced
            | FamilySituation::Widowed
    )
}

/// A parent's priority on the waiting list on `today`.
#[must_use]
pub fn priority(parent: &Beneficiary, today: NaiveDate) -> Priority {
    let in_programme = matches!(parent.stage(), Stage::InPhase(_) | Stage::Waiting(_));
    let recent_exit = parent.pathway.outcome.as_ref().is_some_and(|outcome| {
        matches!(
            outcome.kind,
            OutcomeKind::Employment(_) | OutcomeKind::Training
        ) && today
            .checked_sub_months(Months::new(RECENT_EXIT_MONTHS))
            .is_some_and(|since| outcome.date >= since)
    });
    if in_programme && is_single_parent(parent) {
        Priority::SingleParentInProgramme
    } else if in_programme || recent_exit {
        Priority::InProgramme
    } else {
        Priority::Other
    }
}

impl WaitingRequest {
    /// Whether the request's dates have passed on `today`: nothing is left to book, and the
    /// request waits no more.
    #[must_use]
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.booking.schedule.span().1 < today
    }
}

/// One request of the waiting list, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedRequest {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// Index in the parent's `creche.waiting`.
    pub index: usize,
    /// The parent's priority.
    pub priority: Priority,
    /// When it was asked.
    pub requested_on: NaiveDate,
}

/// Every request still waiting on `today` (expired ones left out): single parents in the
/// programme first, then parents in the programme or just gone into a job or training, then
/// the others; within each, the oldest request first.
#[must_use]
pub fn waiting_list(records: &[&Beneficiary], today: NaiveDate) -> Vec<QueuedRequest> {
    let mut queue: Vec<QueuedRequest> = records
        .iter()
        .flat_map(|r| {
            let priority = priority(r, today);
            r.creche
                .waiting
                .iter()
                .enumerate()
                .filter(move |(_, w)| !w.is_expired(today))
                .map(move |(index, w)| QueuedRequest {
                    parent: r.id,
                    index,
                    priority,
                    requested_on: w.requested_on,
                })
        })
        .collect();
    queue.sort_by_key(|q| (q.priority, q.requested_on, q.parent, q.index));
    queue
}

/// When a place frees: the first request of the waiting list that now fits, with its plan.
#[must_use]
pub fn first_fitting_request(
    records: &[&Beneficiary],
    settings: &CrecheSettings,
    today: NaiveDate,
) -> Option<(QueuedRequest, Planned)> {
    waiting_list(records, today).into_iter().find_map(|queued| {
        let parent = records.iter().find(|r| r.id == queued.parent)?;
        let request = parent.creche.waiting.get(queued.index)?;
        plan(
            records,
            parent,
            request.booking.clone(),
            settings,
            Alternatives::Skip,
        )
        .ok()
        .map(|planned| (queued, planned))
    })
}

/// A problem `parcours check` reports about the crèche, across records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrecheProblem {
    /// More children than the capacity at once (bookings made on two laptops, then merged).
    OverCapacity {
        /// The day.
        date: NaiveDate,
        /// First half-hour over capacity.
        start: NaiveTime,
        /// End of the last consecutive half-hour over capacity.
        end: NaiveTime,
        /// Most children booked at once in that time.
        booked: u32,
        /// The capacity.
        capacity: u32,
    },
    /// A booking on days when the child is outside the age range (or of unknown age).
    OutsideAge {
        /// The parent's name.
        parent: String,
        /// The child's first name.
        child: String,
        /// First such day.
        first: NaiveDate,
        /// How many such days.
        days: usize,
    },
    /// A booking for a child who is not in the record.
    UnknownChild {
        /// The parent's name.
        parent: String,
        /// The booking.
        booking: BookingId,
    },
}

impl fmt::Display for CrecheProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OverCapacity {
                date,
                start,
                end,
                booked,
                capacity,
            } => write!(
                f,
                "micro-crèche : {} de {} à {}, {booked} enfants réservés pour {capacity} places",
                day_label(*date),
                format_time(*start),
                format_time(*end)
            ),
            Self::OutsideAge {
                parent,
                child,
                first,
                days,
            } => write!(
                f,
                "micro-crèche : {child} (fiche de {parent}) est réservé·e hors de la tranche d'âge le {}{}",
                format_date(*first),
                if *days > 1 {
                    format!(" et {} autre(s) jour(s)", days - 1)
                } else {
                    String::new()
                }
            ),
            Self::UnknownChild { parent, booking } => write!(
                f,
                "micro-crèche : la réservation {booking} (fiche de {parent}) concerne un enfant absent de la fiche"
            ),
        }
    }
}

/// Every over-capacity time and every booking outside the age range, across all records.
#[must_use]
pub fn creche_problems(records: &[&Beneficiary], settings: &CrecheSettings) -> Vec<CrecheProblem> {
    let mut problems = Vec::new();
    let occupancy = Occupancy::build(records, settings, NaiveDate::MIN, NaiveDate::MAX, None);
    // Consecutive half-hours of one day over capacity make one reported time.
    let mut run: Option<(NaiveDate, u32, u32, u32)> = None;
    let flush = |run: &mut Option<(NaiveDate, u32, u32, u32)>,
                 problems: &mut Vec<CrecheProblem>| {
        if let Some((date, first, last, booked)) = run.take() {
            problems.push(CrecheProblem::OverCapacity {
                date,
                start: slot_time(first),
                end: slot_time(last + 1),
                booked,
                capacity: settings.capacity,
            });
        }
    };
    for (date, slot, booked) in occupancy.over(settings.capacity) {
        match &mut run {
            Some((d, _, last, most)) if *d == date && *last + 1 == slot => {
                *last = slot;
                *most = (*most).max(booked);
            }
            _ => {
                flush(&mut run, &mut problems);
                run = Some((date, slot, slot, booked));
            }
        }
    }
    flush(&mut run, &mut problems);

    for record in records {
        for booking in &record.creche.bookings {
            let Some(child) = record
                .family
                .children
                .iter()
                .find(|c| c.id == booking.child)
            else {
                problems.push(CrecheProblem::UnknownChild {
                    parent: record.display_name(),
                    booking: booking.id,
                });
                continue;
            };
            let outside: Vec<NaiveDate> = booking
                .dates(settings)
                .into_iter()
                .filter(|d| {
                    !matches!(
                        settings.age_on(child.birth_date, *d),
                        CrecheAge::Eligible { .. }
                    )
                })
                .collect();
            if let Some(&first) = outside.first() {
                problems.push(CrecheProblem::OutsideAge {
                    parent: record.display_name(),
                    child: child.first_name.clone(),
                    first,
                    days: outside.len(),
                });
            }
        }
    }
    problems
}

/// How full a half-hour is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// Room left.
    Free,
    /// Three quarters or more of the places taken.
    NearlyFull,
    /// Every place taken.
    Full,
    /// More children than places: a conflict to resolve.
    Over,
}

impl Fill {
    /// How full `booked` children make a half-hour of `capacity` places.
    #[must_use]
    pub const fn of(booked: u32, capacity: u32) -> Self {
        if booked > capacity {
            Self::Over
        } else if booked == capacity {
            Self::Full
        } else if booked * 4 >= capacity * 3 && booked > 0 {
            Self::NearlyFull
        } else {
            Self::Free
        }
    }

    /// The French label (legend).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Free => "Libre",
            Self::NearlyFull => "Presque complet",
            Self::Full => "Complet",
            Self::Over => "Surréservé",
        }
    }
}

/// A child in a half-hour of the week's planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellEntry {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// The parent's name.
    pub parent_name: String,
    /// The child's first name.
    pub child_name: String,
    /// Reason and note.
    pub reason: String,
}

/// One half-hour of the week's planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Start of the half-hour.
    pub start: NaiveTime,
    /// Children booked (a child booked twice counts once).
    pub booked: u32,
    /// Who, and why.
    pub entries: Vec<CellEntry>,
}

/// One day of the week's planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayPlan {
    /// The day.
    pub date: NaiveDate,
    /// Why it is closed, when it falls in a closure.
    pub closure: Option<String>,
    /// Its half-hours (empty when closed).
    pub cells: Vec<Cell>,
}

/// The planning of one week: opening days × half-hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekPlan {
    /// Monday of the week.
    pub monday: NaiveDate,
    /// Places.
    pub capacity: u32,
    /// The half-hours' start times (rows).
    pub slot_starts: Vec<NaiveTime>,
    /// The opening days (columns).
    pub days: Vec<DayPlan>,
}

/// The Monday of `date`'s week.
#[must_use]
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// The Monday of the week a planning opens on: this week, or the next one from Saturday on
/// (the week just ending is of little use then).
#[must_use]
pub fn planning_monday(today: NaiveDate) -> NaiveDate {
    monday_of(today.checked_add_days(Days::new(2)).unwrap_or(today))
}

/// `2026-W48` → its Monday (ISO 8601 week).
#[must_use]
pub fn parse_iso_week(text: &str) -> Option<NaiveDate> {
    let (year, week) = text.trim().split_once("-W")?;
    let year: i32 = year.parse().ok()?;
    let week: u32 = week.parse().ok()?;
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// `2026-W48`.
#[must_use]
pub fn iso_week_label(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

impl WeekPlan {
    /// The planning of the week holding `date`, across all records.
    #[must_use]
    pub fn build(records: &[&Beneficiary], settings: &CrecheSettings, date: NaiveDate) -> Self {
        let monday = monday_of(date);
        let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
        let occupancy = Occupancy::build(records, settings, monday, sunday, None);
        let slot_starts = settings.slot_starts();
        let days = (0..7u64)
            .filter_map(|offset| monday.checked_add_days(Days::new(offset)))
            .filter(|d| settings.open_days.contains(&d.weekday()))
            .map(|date| {
                let closure = settings.closure_on(date).map(|c| {
                    if c.label.trim().is_empty() {
                        "Fermé".to_owned()
                    } else {
                        format!("Fermé : {}", c.label.trim())
                    }
                });
                let cells = if closure.is_some() {
                    Vec::new()
                } else {
                    slot_starts
                        .iter()
                        .map(|&start| cell(records, &occupancy, date, start))
                        .collect()
                };
                DayPlan {
                    date,
                    closure,
                    cells,
                }
            })
            .collect();
        Self {
            monday,
            capacity: settings.capacity,
            slot_starts,
            days,
        }
    }

    /// Booked child-hours of the week.
    #[must_use]
    pub fn booked_hours(&self) -> f64 {
        let half_hours: u32 = self
            .days
            .iter()
            .flat_map(|d| &d.cells)
            .map(|c| c.booked)
            .sum();
        f64::from(half_hours) / 2.0
    }

    /// Places × opening hours of the week's open days.
    #[must_use]
    pub fn capacity_hours(&self) -> f64 {
        let open_cells: usize = self.days.iter().map(|d| d.cells.len()).sum();
        f64::from(u32::try_from(open_cells).unwrap_or(u32::MAX)) * f64::from(self.capacity) / 2.0
    }

    /// Booked child-hours over places × opening hours, in percent (0 when closed all week).
    #[must_use]
    pub fn occupancy_percent(&self) -> f64 {
        let capacity = self.capacity_hours();
        if capacity > 0.0 {
            self.booked_hours() * 100.0 / capacity
        } else {
            0.0
        }
    }

    /// The cell of a day and a half-hour.
    #[must_use]
    pub fn cell(&self, date: NaiveDate, start: NaiveTime) -> Option<&Cell> {
        self.days
            .iter()
            .find(|d| d.date == date)?
            .cells
            .iter()
            .find(|c| c.start == start)
    }
}

fn cell(
    records: &[&Beneficiary],
    occupancy: &Occupancy,
    date: NaiveDate,
    start: NaiveTime,
) -> Cell {
    let found = occupancy.entries(date, start);
    let entries = found
        .iter()
        .map(|entry| {
            let record = records.iter().find(|r| r.id == entry.parent);
            let child_name = record
                .and_then(|r| r.family.children.iter().find(|c| c.id == entry.child))
                .map_or_else(|| "(enfant inconnu)".to_owned(), |c| c.first_name.clone());
            let reason = record
                .and_then(|r| r.creche.bookings.iter().find(|b| b.id == entry.booking))
                .map(Booking::reason_text)
                .unwrap_or_default();
            CellEntry {
                parent: entry.parent,
                parent_name: record.map(|r| r.display_name()).unwrap_or_default(),
                child_name,
                reason,
            }
        })
        .collect();
    Cell {
        start,
        booked: distinct_children(found),
        entries,
    }
}

/// The week's days with their start of day, for text output: `(date, start, booked)` for every
/// opening half-hour, closed days left out.
#[must_use]
pub fn week_lines(plan: &WeekPlan) -> Vec<(NaiveDate, NaiveTime, u32)> {
    plan.days
        .iter()
        .flat_map(|d| d.cells.iter().map(move |c| (d.date, c.start, c.booked)))
        .collect()
}

/// Half-hours from `start` to `end` (0 when `end` is not later).
#[must_use]
pub fn half_hours_between(start: NaiveTime, end: NaiveTime) -> u32 {
    slot_of(end).saturating_sub(slot_of(start))
}

/// The time `n` half-hours after `t` (the booking form's departure choices).
#[must_use]
pub fn add_half_hours(t: NaiveTime, n: u32) -> NaiveTime {
    slot_time(slot_of(t) + n)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::record::pathway::{Phase, PhaseStatus};

    use crate::model::record::dates::test_support::d;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    /// A parent with one child born on `birth`.
    fn parent(name: &str, birth: NaiveDate) -> Beneficiary {
        let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
        b.identity.last_name = name.into();
        b.family.children.push(Child {
            id: ChildId::new(),
            first_name: format!("Enfant {name}"),
            birth_date: Some(birth),
        });
        b
    }

    fn child_of(b: &Beneficiary) -> ChildId {
        b.family.children[0].id
    }

    fn once(b: &Beneficiary, date: NaiveDate, start: NaiveTime, end: NaiveTime) -> Booking {
        Booking {
            id: BookingId::new(),
            child: child_of(b),
            schedule: Schedule::Once(date),
            start,
            end,
            reason: BookingReason::Workshop(None),
            note: String::new(),
        }
    }

    /// Twelve families each booked on Tuesday 24/11/2026, 9:00–12:30.
    fn twelve_booked() -> Vec<Beneficiary> {
        (0..12)
            .map(|i| {
                let mut b = parent(&format!("Parent{i}"), d(2025, 3, 1));
                let booking = once(&b, d(2026, 11, 24), t(9, 0), t(12, 30));
                b.creche.bookings.push(booking);
                b
            })
            .collect()
    }

    fn refs(records: &[Beneficiary]) -> Vec<&Beneficiary> {
        records.iter().collect()
    }

    #[test]
    fn a_booking_in_the_past_is_refused_and_no_past_day_is_suggested() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let thirteenth = parent("Treize", d(2025, 6, 1));
        let mut all = refs(&records);
        all.push(&thirteenth);
        let tuesday = once(&thirteenth, d(2026, 11, 24), t(9, 0), t(12, 0));

        // Booked on Thursday 26/11, Tuesday has passed: refused, whatever the places.
        let refusal = plan_booking_on(
            &all,
            &thirteenth,
            tuesday.clone(),
            &settings,
            d(2026, 11, 26),
        )
        .unwrap_err();
        assert_eq!(
            refusal,
            Refusal::InThePast {
                today: d(2026, 11, 26)
            }
        );
        assert!(refusal.to_string().contains("26/11/2026"), "{refusal}");
        let mut weekly = tuesday.clone();
        weekly.schedule = Schedule::Weekly {
            days: vec![Weekday::Tue],
            from: d(2026, 11, 17),
            until: d(2026, 12, 15),
        };
        assert!(matches!(
            plan_booking_on(&all, &thirteenth, weekly, &settings, d(2026, 11, 20)),
            Err(Refusal::InThePast { .. })
        ));

        // On the day itself, the full morning is refused with free hours of that day or later.
        let Err(Refusal::Full { suggestions, .. }) = plan_booking_on(
            &all,
            &thirteenth,
            tuesday.clone(),
            &settings,
            d(2026, 11, 24),
        ) else {
            panic!("expected full");
        };
        assert!(!suggestions.is_empty());
        assert!(
            suggestions
                .iter()
                .all(|s| s.schedule.span().0 >= d(2026, 11, 24))
        );
        // Today's free day after it is fine.
        let wednesday = once(&thirteenth, d(2026, 11, 25), t(9, 0), t(12, 0));
        assert!(plan_booking_on(&all, &thirteenth, wednesday, &settings, d(2026, 11, 25)).is_ok());
    }

    #[test]
    fn the_thirteenth_child_is_refused_on_an_overlapping_slot_only() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let thirteenth = parent("Treize", d(2025, 6, 1));
        let mut all = refs(&records);
        all.push(&thirteenth);

        // 12:00–14:00 shares 12:00–12:30 with the twelve 9:00–12:30 bookings.
        let overlapping = once(&thirteenth, d(2026, 11, 24), t(12, 0), t(14, 0));
        let refusal = plan_booking(&all, &thirteenth, overlapping, &settings).unwrap_err();
        let Refusal::Full {
            slots, suggestions, ..
        } = &refusal
        else {
            panic!("expected full, got {refusal:?}");
        };
        assert_eq!(
            slots,
            &[FullSlot {
                date: d(2026, 11, 24),
                start: t(12, 0),
                booked: 12
            }]
        );
        assert!(refusal.to_string().contains("mardi 24/11/2026 à 12 h"));
        // The nearest free alternative: the same two hours just after the full half-hour.
        assert_eq!(
            suggestions.first(),
            Some(&Suggestion {
                schedule: Schedule::Once(d(2026, 11, 24)),
                start: t(12, 30),
                end: t(14, 30),
            })
        );
        assert_eq!(suggestions.len(), SUGGESTIONS);

        let after = once(&thirteenth, d(2026, 11, 24), t(12, 30), t(14, 0));
        let planned = plan_booking(&all, &thirteenth, after, &settings).unwrap();
        assert_eq!(planned.days, 1);
        // Another day at the same hours is free too.
        let wednesday = once(&thirteenth, d(2026, 11, 25), t(9, 0), t(12, 30));
        assert!(plan_booking(&all, &thirteenth, wednesday, &settings).is_ok());
    }

    #[test]
    fn a_recurring_booking_counts_against_one_off_ones() {
        let settings = CrecheSettings::default();
        let records = twelve_booked();
        let newcomer = parent("Récurrent", d(2025, 1, 10));
        let mut all = refs(&records);
        all.push(&newcomer);
        let weekly = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Tue, Weekday::Thu],
                from: d(2026, 11, 2),
                until: d(2026, 12, 18),
            },
            ..once(&newcomer, d(2026, 11, 24), t(11, 0), t(13, 0))
        };
        let Err(Refusal::Full { slots, count, .. }) =
            plan_booking(&all, &newcomer, weekly.clone(), &settings)
        else {
            panic!("expected full");
        };
        assert_eq!(count, 3, "11:00, 11:30 and 12:00 on 24/11 only");
        assert!(slots.iter().all(|s| s.date == d(2026, 11, 24)));
        // Once one family frees its place, the recurring booking fits.
        let mut fewer = records.clone();
        fewer[0].creche.bookings.clear();
        let mut all = refs(&fewer);
        all.push(&newcomer);
        let planned = plan_booking(&all, &newcomer, weekly, &settings).unwrap();
        assert_eq!(planned.days, 14);
    }

    #[test]
    fn children_of_two_months_or_three_years_and_a_day_are_refused() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let day = d(2026, 11, 24);
        let baby = parent("Bébé", d(2026, 9, 24));
        let booking = once(&baby, day, t(9, 0), t(11, 0));
        assert_eq!(
            plan_booking(&[&baby], &baby, booking, &settings),
            Err(Refusal::TooYoung {
                from: d(2026, 12, 24)
            })
        );
        let big = parent("Grand", d(2023, 11, 23));
        let booking = once(&big, day, t(9, 0), t(11, 0));
        let refusal = plan_booking(&[&big], &big, booking, &settings).unwrap_err();
        assert_eq!(
            refusal,
            Refusal::TooOld {
                until: Some(d(2026, 11, 23))
            }
        );
        assert!(refusal.to_string().contains("jusqu'au 23/11/2026"));
        // On the third birthday itself, still welcome.
        let birthday = parent("Anniversaire", d(2023, 11, 24));
        let booking = once(&birthday, day, t(9, 0), t(11, 0));
        assert!(plan_booking(&[&birthday], &birthday, booking, &settings).is_ok());
    }

    #[test]
    fn a_recurring_booking_past_the_third_birthday_is_cut_and_said_so() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let child = parent("Coupé", d(2023, 12, 10));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 11, 2),
                until: d(2027, 1, 31),
            },
            ..once(&child, d(2026, 11, 2), t(9, 0), t(12, 0))
        };
        let planned = plan_booking(&[&child], &child, booking, &settings).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 12, 10)));
        assert_eq!(
            planned.booking.schedule.span(),
            (d(2026, 11, 2), d(2026, 12, 10))
        );
        assert_eq!(planned.days, 6, "Mondays 2/11 to 7/12");
        assert!(planned.notes()[0].contains("arrêtée au 10/12/2026"));
    }

    #[test]
    fn a_recurring_booking_across_a_closure_skips_it() {
        let mut settings = CrecheSettings::default();
        settings.closures.push(Closure {
            from: d(2026, 12, 21),
            to: d(2027, 1, 1),
            label: "Noël".into(),
        });
        let child = parent("Fermeture", d(2025, 5, 5));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Tue],
                from: d(2026, 12, 14),
                until: d(2027, 1, 12),
            },
            ..once(&child, d(2026, 12, 14), t(9, 0), t(12, 0))
        };
        assert_eq!(
            booking.dates(&settings),
            [d(2026, 12, 15), d(2027, 1, 5), d(2027, 1, 12)]
        );
        let planned = plan_booking(&[&child], &child, booking, &settings).unwrap();
        assert_eq!(planned.skipped, [d(2026, 12, 22), d(2026, 12, 29)]);
        assert!(planned.notes()[0].contains("22/12/2026, 29/12/2026"));
        // A one-off booking on a closed day, or on a Saturday, has no day to book.
        let closed = once(&child, d(2026, 12, 22), t(9, 0), t(10, 0));
        assert_eq!(
            plan_booking(&[&child], &child, closed, &settings),
            Err(Refusal::NoOpenDay)
        );
        let saturday = once(&child, d(2026, 11, 28), t(9, 0), t(10, 0));
        assert_eq!(
            plan_booking(&[&child], &child, saturday, &settings),
            Err(Refusal::NoOpenDay)
        );
    }

    #[test]
    fn hours_off_the_grid_or_outside_opening_are_refused() {
        let settings = CrecheSettings::default();
        let child = parent("Horaires", d(2025, 5, 5));
        let day = d(2026, 11, 24);
        for (start, end, expected) in [
            (t(9, 15), t(10, 0), Refusal::NotOnGrid),
            (t(10, 0), t(10, 0), Refusal::EndNotAfterStart),
            (
                t(7, 30),
                t(9, 0),
                Refusal::OutsideOpeningHours {
                    opens_at: t(8, 0),
                    closes_at: t(18, 30),
                },
            ),
        ] {
            let booking = once(&child, day, start, end);
            assert_eq!(
                plan_booking(&[&child], &child, booking, &settings),
                Err(expected)
            );
        }
    }

    /// `b` asks on `on` for Tuesday 24/11/2026, 10:00–11:00.
    fn ask(b: &mut Beneficiary, on: NaiveDate) {
        let booking = once(b, d(2026, 11, 24), t(10, 0), t(11, 0));
        b.creche.waiting.push(WaitingRequest {
            booking,
            requested_on: on,
        });
    }

    #[test]
    fn waiting_list_follows_avip_priority_single_parents_first() {
        use crate::model::{ContractKind, FamilySituation, Outcome, OutcomeKind};
        let settings = CrecheSettings::default();
        let today = d(2026, 11, 22);
        let mut records = twelve_booked();
        let mut early = parent("Tôt", d(2025, 2, 2));
        let mut seeker = parent("Chercheuse", d(2025, 2, 2));
        seeker.pathway.phases.get_mut(Phase::Preparation).status = PhaseStatus::InProgress;
        seeker.family.situation = FamilySituation::Married;
        let mut single = seeker.clone();
        single.id = BeneficiaryId::new();
        single.family.situation = FamilySituation::Divorced;
        let mut hired = parent("Embauchée", d(2025, 2, 2));
        hired.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Employment(ContractKind::Cdd),
            date: d(2026, 9, 1),
            contract_months: None,
        });
        let mut long_gone = hired.clone();
        long_gone.id = BeneficiaryId::new();
        long_gone.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Employment(ContractKind::Cdi),
            date: d(2025, 9, 1),
            contract_months: None,
        });
        assert_eq!(priority(&single, today), Priority::SingleParentInProgramme);
        assert_eq!(priority(&seeker, today), Priority::InProgramme);
        assert_eq!(priority(&hired, today), Priority::InProgramme);
        assert_eq!(priority(&long_gone, today), Priority::Other);
        assert_eq!(priority(&early, today), Priority::Other);
        // The oldest requests come from those without priority; the single parent asked last.
        ask(&mut early, d(2026, 10, 1));
        ask(&mut long_gone, d(2026, 10, 2));
        ask(&mut hired, d(2026, 11, 10));
        ask(&mut seeker, d(2026, 11, 5));
        ask(&mut single, d(2026, 11, 20));
        let mut all = refs(&records);
        all.extend([&early, &long_gone, &hired, &seeker, &single]);
        let queue = waiting_list(&all, today);
        assert_eq!(
            queue.iter().map(|q| q.parent).collect::<Vec<_>>(),
            [single.id, seeker.id, hired.id, early.id, long_gone.id]
        );
        // Full: nothing fits yet.
        assert_eq!(first_fitting_request(&all, &settings, today), None);
        // A place frees: the single parent is proposed, though she asked last.
        records[3].creche.bookings.clear();
        let mut all = refs(&records);
        all.extend([&early, &long_gone, &hired, &seeker, &single]);
        let (queued, planned) = first_fitting_request(&all, &settings, today).unwrap();
        assert_eq!(queued.parent, single.id);
        assert_eq!(planned.booking.child, child_of(&single));
    }

    #[test]
    fn waiting_requests_whose_dates_have_passed_expire() {
        let settings = CrecheSettings::default();
        let mut records = twelve_booked();
        records[3].creche.bookings.clear();
        let mut asked = parent("Attente", d(2025, 2, 2));
        ask(&mut asked, d(2026, 11, 1));
        let request = &asked.creche.waiting[0];
        assert!(!request.is_expired(d(2026, 11, 24)));
        assert!(request.is_expired(d(2026, 11, 25)));
        let mut all = refs(&records);
        all.push(&asked);
        assert_eq!(waiting_list(&all, d(2026, 11, 24)).len(), 1);
        assert!(first_fitting_request(&all, &settings, d(2026, 11, 24)).is_some());
        // The day after, the request waits no more: no rank, and a free place is not offered.
        assert!(waiting_list(&all, d(2026, 11, 25)).is_empty());
        assert_eq!(
            first_fitting_request(&all, &settings, d(2026, 11, 25)),
            None
        );
    }

    #[test]
    fn check_reports_merged_overbookings_and_bookings_outside_the_age_range() {
        // The third birthday as the limit (the setting "3e anniversaire").
        let settings = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..CrecheSettings::default()
        };
        let mut records = twelve_booked();
        assert!(creche_problems(&refs(&records), &settings).is_empty());
        // The thirteenth, booked on another laptop for 9:00–10:00.
        let mut extra = parent("Portable", d(2025, 4, 4));
        let booking = once(&extra, d(2026, 11, 24), t(9, 0), t(10, 0));
        extra.creche.bookings.push(booking);
        // And a toddler booked after the third birthday.
        let mut old = parent("Âgé", d(2023, 11, 1));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Fri],
                from: d(2026, 10, 2),
                until: d(2026, 11, 20),
            },
            ..once(&old, d(2026, 10, 2), t(14, 0), t(16, 0))
        };
        old.creche.bookings.push(booking);
        records.push(extra);
        records.push(old);
        let problems = creche_problems(&refs(&records), &settings);
        assert_eq!(
            problems[0],
            CrecheProblem::OverCapacity {
                date: d(2026, 11, 24),
                start: t(9, 0),
                end: t(10, 0),
                booked: 13,
                capacity: 12
            }
        );
        assert_eq!(
            problems[0].to_string(),
            "micro-crèche : mardi 24/11/2026 de 9 h à 10 h, 13 enfants réservés pour 12 places"
        );
        assert!(matches!(
            &problems[1],
            CrecheProblem::OutsideAge { first, days: 3, .. } if *first == d(2026, 11, 6)
        ));
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn the_week_plan_shows_every_half_hour_and_the_occupancy() {
        let mut settings = CrecheSettings::default();
        settings.closures.push(Closure {
            from: d(2026, 11, 27),
            to: d(2026, 11, 27),
            label: "Pont".into(),
        });
        let records = twelve_booked();
        let plan = WeekPlan::build(&refs(&records), &settings, d(2026, 11, 26));
        assert_eq!(plan.monday, d(2026, 11, 23));
        assert_eq!(plan.days.len(), 5);
        assert_eq!(plan.slot_starts.len(), 21, "8:00 to 18:30");
        assert_eq!(plan.days[4].closure.as_deref(), Some("Fermé : Pont"));
        let cell = plan.cell(d(2026, 11, 24), t(12, 0)).unwrap();
        assert_eq!(cell.booked, 12);
        assert_eq!(Fill::of(cell.booked, plan.capacity), Fill::Full);
        assert_eq!(cell.entries[0].reason, "Atelier");
        assert_eq!(plan.cell(d(2026, 11, 24), t(12, 30)).unwrap().booked, 0);
        // 12 children × 3.5 h over 12 places × 10.5 h × 4 open days.
        assert!((plan.booked_hours() - 42.0).abs() < 1e-9);
        assert!((plan.capacity_hours() - 504.0).abs() < 1e-9);
        assert!((plan.occupancy_percent() - 8.333).abs() < 0.01);
        assert_eq!(week_lines(&plan).len(), 84);
    }

    #[test]
    fn fill_levels_and_iso_weeks() {
        assert_eq!(Fill::of(0, 12), Fill::Free);
        assert_eq!(Fill::of(8, 12), Fill::Free);
        assert_eq!(Fill::of(9, 12), Fill::NearlyFull);
        assert_eq!(Fill::of(12, 12), Fill::Full);
        assert_eq!(Fill::of(13, 12), Fill::Over);
        assert_eq!(parse_iso_week("2026-W48"), Some(d(2026, 11, 23)));
        assert_eq!(parse_iso_week("2026-48"), None);
        assert_eq!(parse_iso_week("2026-W54"), None);
        assert_eq!(iso_week_label(d(2026, 11, 29)), "2026-W48");
    }

    #[test]
    fn settings_and_family_roundtrip_through_ron() {
        let mut settings = CrecheSettings::default();
        settings.closures.push(Closure {
            from: d(2026, 12, 21),
            to: d(2027, 1, 1),
            label: "Noël".into(),
        });
        let text = ron::to_string(&settings).unwrap();
        assert_eq!(ron::from_str::<CrecheSettings>(&text).unwrap(), settings);
        assert!(settings.problems().is_empty());

        let mut b = parent("Aller-retour", d(2025, 5, 5));
        let child = child_of(&b);
        let mut care = ChildCare::new(child);
        care.allergies = "Arachide".into();
        care.authorised_pickups = vec!["Tante Awa, 06 12 34 56 78".into()];
        care.care_starts_on = Some(d(2026, 9, 1));
        b.creche.care.push(care);
        let booking = Booking {
            reason: BookingReason::Interview(Some(ApplicationId::new())),
            ..once(&b, d(2026, 11, 24), t(9, 0), t(10, 0))
        };
        b.creche.waiting.push(WaitingRequest {
            booking: booking.clone(),
            requested_on: d(2026, 11, 20),
        });
        b.creche.bookings.push(booking);
        let text = ron::to_string(&b.creche).unwrap();
        assert_eq!(ron::from_str::<CrecheFamily>(&text).unwrap(), b.creche);
        // A settings file with only a name gets every other default.
        let partial: CrecheSettings = ron::from_str(r#"(name: "La Passerelle")"#).unwrap();
        assert_eq!(partial.capacity, 12);
        assert_eq!(partial.open_days.len(), 5);
    }

    #[test]
    fn bad_settings_are_explained() {
        let settings = CrecheSettings {
            capacity: 0,
            opens_at: t(9, 15),
            min_age_months: 40,
            ..CrecheSettings::default()
        };
        let problems = settings.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn settings_refuse_more_than_twelve_places() {
        let twelve = CrecheSettings {
            capacity: 12,
            ..CrecheSettings::default()
        };
        assert!(twelve.problems().is_empty());
        let thirteen = CrecheSettings {
            capacity: 13,
            ..CrecheSettings::default()
        };
        let problems = thirteen.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("12 enfants au plus")
                && problems[0].contains("ce n'est plus une micro-crèche"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn upper_age_rule_defaults_to_school_entry_and_old_settings_files_load() {
        // A creche.ron written before format 5 has no upper_age_rule: school entry.
        let old: CrecheSettings =
            ron::from_str(r#"(name: "La Passerelle", capacity: 10, max_age_months: 36)"#).unwrap();
        assert_eq!(old.upper_age_rule, UpperAgeRule::SchoolEntry);
        assert_eq!(old.capacity, 10);
        let birthday = CrecheSettings {
            upper_age_rule: UpperAgeRule::Birthday,
            ..old
        };
        let text = ron::to_string(&birthday).unwrap();
        assert_eq!(ron::from_str::<CrecheSettings>(&text).unwrap(), birthday);

        // A recurring booking runs to the summer before school, and is cut there.
        let b = parent("Rentrée", d(2023, 3, 10));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 1, 5),
                until: d(2026, 12, 21),
            },
            ..once(&b, d(2026, 1, 5), t(9, 0), t(10, 0))
        };
        let school = CrecheSettings::default();
        let planned = plan_booking(&[&b], &b, booking.clone(), &school).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 8, 31)));
        let planned = plan_booking(&[&b], &b, booking, &birthday).unwrap();
        assert_eq!(planned.cut_at, Some(d(2026, 3, 10)));
        assert_eq!(
            school.age_on(Some(d(2023, 3, 10)), d(2026, 9, 1)),
            CrecheAge::TooOld
        );
    }

    #[test]
    fn a_hand_edited_booking_over_centuries_stays_bounded_and_is_reported() {
        let settings = CrecheSettings::default();
        let mut b = parent("Siècles", d(2025, 1, 1));
        let booking = Booking {
            schedule: Schedule::Weekly {
                days: vec![Weekday::Mon],
                from: d(2026, 1, 5),
                until: NaiveDate::MAX,
            },
            ..once(&b, d(2026, 1, 5), t(9, 0), t(10, 0))
        };
        // The form refuses it outright…
        assert_eq!(
            plan_booking(&[&b], &b, booking.clone(), &settings),
            Err(Refusal::TooLong)
        );
        // …and a file holding it expands at most four years of Mondays.
        assert!(booking.dates(&settings).len() <= 210);
        b.creche.bookings.push(booking);
        let mut orphan = once(&b, d(2026, 1, 5), t(9, 0), t(10, 0));
        orphan.child = ChildId::new();
        b.creche.bookings.push(orphan);
        let problems = creche_problems(&[&b], &settings);
        assert!(matches!(
            &problems[0],
            // Born on 01/01/2025: school from 01/09/2028, the first Monday after is 04/09/2028.
            CrecheProblem::OutsideAge { first, .. } if *first == d(2028, 9, 4)
        ));
        assert!(
            problems[1]
                .to_string()
                .contains("enfant absent de la fiche")
        );
        assert_eq!(problems.len(), 2);
    }
}
