//! Retention and erasure (CNIL délibération 2023-095: an active file is kept for the retention
//! period after the last contact, then anonymised; GDPR article 17).
//!
//! A record's **last contact** is the latest of: an individual session, a workshop the person
//! attended (from the catalogue), a move of one of their applications, a day of a crèche booking
//! that has passed (a booking's future days are not contact yet), and the counsellor's last edit
//! of the record (`updated_at`). A record whose last contact is older than the retention period
//! is **due for erasure**, unless its retention was extended to a day not yet past.
//!
//! **Anonymising** keeps only what statistics need, as values that identify nobody, and drops
//! everything else (see [`anonymise`]).

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::preparation::{Attendance, Workshop};
use crate::model::record::beneficiary::{Beneficiary, Identity};
use crate::model::record::ids::BeneficiaryId;
use crate::model::record::settings::Settings;

/// What the last contact was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    /// An individual session.
    Session,
    /// A collective workshop attended.
    Workshop,
    /// A move of an application (proposed, sent, interview…).
    Application,
    /// A day of care at the micro-crèche.
    CrecheBooking,
    /// The counsellor's last change to the record.
    Edit,
}

impl ContactKind {
    /// In French, as the data-protection window shows it.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Session => "entretien",
            Self::Workshop => "atelier collectif",
            Self::Application => "suivi d'une candidature",
            Self::CrecheBooking => "accueil à la micro-crèche",
            Self::Edit => "modification de la fiche",
        }
    }
}

/// A record's last contact: when, and what it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LastContact {
    /// The day.
    pub date: NaiveDate,
    /// What happened that day.
    pub kind: ContactKind,
}

/// The latest workshop each person attended, computed once from the catalogue so that the last
/// contact of thousands of records costs one pass over the catalogue, not one per record.
#[derive(Debug, Clone, Default)]
pub struct WorkshopContacts {
    latest: HashMap<BeneficiaryId, NaiveDate>,
}

impl WorkshopContacts {
    /// Indexes the catalogue: for each person, the latest workshop marked present.
    #[must_use]
    pub fn new(workshops: &[Workshop]) -> Self {
        Self::indexing(workshops, |_| true)
    }

    /// Indexes the catalogue for one person only (one record's last contact, drawn at every
    /// frame of its tab: no entry for anybody else).
    fn of(workshops: &[Workshop], person: BeneficiaryId) -> Self {
        Self::indexing(workshops, |id| id == person)
    }

    fn indexing(workshops: &[Workshop], wanted: impl Fn(BeneficiaryId) -> bool) -> Self {
        let mut latest: HashMap<BeneficiaryId, NaiveDate> = HashMap::new();
        for workshop in workshops {
            for enrolment in &workshop.enrolments {
                if enrolment.attendance == Attendance::Present && wanted(enrolment.beneficiary) {
                    let entry = latest.entry(enrolment.beneficiary).or_insert(workshop.date);
                    *entry = (*entry).max(workshop.date);
                }
            }
        }
        Self { latest }
    }

    /// The latest workshop `person` attended, if any.
    #[must_use]
    pub fn latest(&self, person: BeneficiaryId) -> Option<NaiveDate> {
        self.latest.get(&person).copied()
    }
}

/// The latest day of a crèche booking that is not after `today`.
fn latest_booked_day(
    schedule: &crate::model::creche::Schedule,
    today: NaiveDate,
) -> Option<NaiveDate> {
    use crate::model::creche::Schedule;
    match schedule {
        Schedule::Once(day) => (*day <= today).then_some(*day),
        Schedule::Weekly { days, from, until } => {
            let mut day = (*until).min(today);
            // At most a week back finds the latest booked weekday, if the span has one.
            for _ in 0..7 {
                if day < *from {
                    return None;
                }
                if days.contains(&day.weekday()) {
                    return Some(day);
                }
                day = day.pred_opt()?;
            }
            None
        }
    }
}

/// The record's last contact as of `today` (see the module's documentation), with the
/// catalogue's attendance already indexed.
#[must_use]
pub fn last_contact_indexed(
    record: &Beneficiary,
    workshops: &WorkshopContacts,
    today: NaiveDate,
) -> LastContact {
    let mut best = LastContact {
        date: record.updated_at.date_naive(),
        kind: ContactKind::Edit,
    };
    let mut consider = |date: NaiveDate, kind: ContactKind| {
        if date > best.date && date <= today {
            best = LastContact { date, kind };
        }
    };
    for session in &record.preparation.sessions {
        consider(session.date, ContactKind::Session);
    }
    if let Some(date) = workshops.latest(record.id) {
        consider(date, ContactKind::Workshop);
    }
    for application in &record.applications {
        for entry in &application.history {
            consider(entry.on, ContactKind::Application);
        }
    }
    let creche = &record.creche;
    for booking in creche
        .bookings
        .iter()
        .chain(creche.waiting.iter().map(|w| &w.booking))
    {
        if let Some(day) = latest_booked_day(&booking.schedule, today) {
            consider(day, ContactKind::CrecheBooking);
        }
    }
    best
}

/// The record's last contact as of `today` (see the module's documentation).
#[must_use]
pub fn last_contact(record: &Beneficiary, workshops: &[Workshop], today: NaiveDate) -> LastContact {
    last_contact_indexed(record, &WorkshopContacts::of(workshops, record.id), today)
}

/// The first day a contact no longer counts: contacts before it are older than the retention
/// period (at least one month, at most 36, as the settings allow).
#[must_use]
pub fn retention_cutoff(settings: &Settings, today: NaiveDate) -> NaiveDate {
    let months = settings.retention_months.clamp(1, 36);
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether the record's retention was extended to a day not yet past.
#[must_use]
pub fn is_extended(record: &Beneficiary, today: NaiveDate) -> bool {
    record
        .protection
        .extension
        .as_ref()
        .is_some_and(|e| e.until >= today)
}

/// Whether the record is due for erasure on `today`, with its last contact when it is: not yet
/// anonymised, last contact older than the retention period, retention not extended.
#[must_use]
pub fn due_indexed(
    record: &Beneficiary,
    workshops: &WorkshopContacts,
    settings: &Settings,
    today: NaiveDate,
) -> Option<LastContact> {
    if record.protection.anonymised_on.is_some() || is_extended(record, today) {
        return None;
    }
    let last = last_contact_indexed(record, workshops, today);
    (last.date < retention_cutoff(settings, today)).then_some(last)
}

/// Whether the record is due for erasure on `today` (see [`due_indexed`]).
#[must_use]
pub fn due_for_erasure(
    record: &Beneficiary,
    workshops: &[Workshop],
    settings: &Settings,
    today: NaiveDate,
) -> bool {
    due_indexed(record, &WorkshopContacts::new(workshops), settings, today).is_some()
}

/// The record with every personal field removed, marked anonymised on `today`.
///
/// Kept, for statistics, as values that identify nobody: the identifier (a random one, which
/// the workshops' attendance and the tombstone refer to), the birth **year** (stored as the 1st
/// of January of it), sex, nationality, French level, the dates and status of the phases, the
/// entry route (not the override's reason), the outcome (kind, date, contract length), the
/// hours (each session's date, length and kind, without its note), the CIR training counts,
/// the creation date. Everything else goes: names, birth name, exact birth date, country, languages,
/// arrival date, contact, residence permit and its number, NIR, CAF number, family and
/// children, crèche care data and bookings, skills, projects, objectives and actions,
/// administrative steps, CV, applications, referent, private notes, consents.
#[must_use]
pub fn anonymise(record: &Beneficiary, today: NaiveDate) -> Beneficiary {
    let mut kept = Beneficiary::new(record.created_at);
    kept.id = record.id;
    kept.updated_at = record.updated_at;
    kept.identity = Identity {
        birth_date: record
            .identity
            .birth_date
            .and_then(|d| NaiveDate::from_ymd_opt(d.year(), 1, 1)),
        sex: record.identity.sex,
        nationality: record.identity.nationality.clone(),
        ..Identity::default()
    };
    kept.french_level = record.french_level;
    kept.french_abilities = record.french_abilities;
    kept.french_history = record.french_history.clone();
    kept.pathway.phases = record.pathway.phases.clone();
    kept.pathway.outcome = record.pathway.outcome.clone();
    kept.pathway.route_override = record.pathway.route_override.as_ref().map(|o| {
        crate::model::record::pathway::RouteOverride {
            route: o.route,
            reason: String::new(),
        }
    });
    kept.preparation.sessions = record
        .preparation
        .sessions
        .iter()
        .map(|s| crate::model::preparation::Session {
            note: String::new(),
            ..s.clone()
        })
        .collect();
    kept.preparation.cir = record.preparation.cir;
    kept.protection.anonymised_on = Some(today);
    kept
}

/// Whether a record is anonymised (erased): no list, search or print shows it.
#[must_use]
pub fn is_anonymised(record: &Beneficiary) -> bool {
    record.protection.anonymised_on.is_some()
}

#[cfg(test)]
#[path = "retention_tests.rs"]
mod tests;
