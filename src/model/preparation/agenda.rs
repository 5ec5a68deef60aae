//! The counsellor's agenda: what happens between two days, computed from the records and the
//! workshop catalogue (never stored). Appointments (not cancelled), the workshops the
//! counsellor runs, their beneficiaries' job interviews and PMSMP immersion days, sorted by
//! start, with overlaps flagged (shown, never hidden).
//!
//! Everything here is pure: the window's "Agenda" and "Accueil" views, `parcours agenda` and the
//! calendar export call the same functions.

use std::borrow::Borrow;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveTime, TimeDelta};

use crate::model::companies::ApplicationState;
use crate::model::preparation::appointment::{Appointment, AppointmentStatus};
use crate::model::preparation::workshop::Workshop;
use crate::model::record::beneficiary::Beneficiary;
use crate::model::record::ids::{ApplicationId, AppointmentId, BeneficiaryId, WorkshopId};
use crate::model::record::retention::is_anonymised;

/// How long a job interview is assumed to last on the agenda (its record keeps no length).
pub const INTERVIEW_MINUTES: i64 = 60;

/// What an agenda item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgendaKind {
    /// An appointment with a beneficiary.
    Appointment,
    /// A collective workshop the counsellor runs.
    Workshop,
    /// A beneficiary's job interview at a company.
    Interview,
    /// A day of a beneficiary's PMSMP (immersion in a company).
    Immersion,
}

impl AgendaKind {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Appointment => "Rendez-vous",
            Self::Workshop => "Atelier",
            Self::Interview => "Entretien d'embauche",
            Self::Immersion => "PMSMP",
        }
    }
}

/// One line of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// What it is.
    pub kind: AgendaKind,
    /// The day.
    pub date: NaiveDate,
    /// Start time (`None`: the whole day, as an immersion day or an interview of unknown time).
    pub start: Option<NaiveTime>,
    /// End time (`None` with `start`; the same day, or the next for one past midnight).
    pub end: Option<NaiveTime>,
    /// "Prénom N." for an appointment, an interview or an immersion; the workshop's title.
    pub title: String,
    /// Where (may be empty).
    pub place: String,
    /// The counsellor whose time it is: the appointment's (else the referent), the workshop's
    /// facilitator, the referent of the person for an interview or an immersion.
    pub counsellor: String,
    /// The record it belongs to (`None` for a workshop).
    pub record: Option<BeneficiaryId>,
    /// The appointment, for an appointment.
    pub appointment: Option<AppointmentId>,
    /// The workshop, for a workshop.
    pub workshop: Option<WorkshopId>,
    /// The application, for an interview or an immersion.
    pub application: Option<ApplicationId>,
    /// The appointment's status (`None` for other kinds).
    pub status: Option<AppointmentStatus>,
    /// Whether it overlaps another timed item of the same counsellor, or of the same person.
    pub overlaps: bool,
}

/// "Prénom N.": the first name and the initial of the last name (or whichever part exists),
/// as the agenda and the day sheet show a person.
#[must_use]
pub fn short_name(record: &Beneficiary) -> String {
    let first = record.identity.first_name.trim();
    let last = record.identity.last_name.trim();
    match (first.is_empty(), last.chars().next()) {
        (false, Some(initial)) => format!("{first} {}.", initial.to_uppercase()),
        (false, None) => first.to_owned(),
        (true, Some(_)) => last.to_owned(),
        (true, None) => "(sans nom)".to_owned(),
    }
}

/// `text` without the spaces around it; the ASCII fast path first (called for every record of
/// the agenda).
fn trimmed(text: &str) -> &str {
    let text = text.trim_ascii();
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii() && last.is_ascii() => text,
        _ => text.trim(),
    }
}

/// Whether two counsellor names are the same person (spaces around and case ignored).
#[must_use]
pub fn same_counsellor(a: &str, b: &str) -> bool {
    let (a, b) = (trimmed(a), trimmed(b));
    if a.is_empty() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    // Compared character by character: no allocation.
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The counsellor an appointment is with: its own, else the record's referent.
#[must_use]
pub fn appointment_counsellor<'a>(
    record: &'a Beneficiary,
    appointment: &'a Appointment,
) -> &'a str {
    if appointment.counsellor.trim().is_empty() {
        &record.referent
    } else {
        &appointment.counsellor
    }
}

/// Whether `appointment` of `record` is `counsellor`'s: the appointment's counsellor or the
/// record's referent is them (`None`: everybody's).
#[must_use]
pub fn is_appointment_of(
    record: &Beneficiary,
    appointment: &Appointment,
    counsellor: Option<&str>,
) -> bool {
    counsellor.is_none_or(|c| {
        same_counsellor(&appointment.counsellor, c) || same_counsellor(&record.referent, c)
    })
}

/// The agenda from `from` to `to` (both included) for `counsellor` (`None`: everybody's),
/// sorted by day then start (whole-day items first), see the module's documentation.
/// Anonymised records show nothing.
#[must_use]
pub fn agenda<R: Borrow<Beneficiary>>(
    records: &[R],
    workshops: &[Workshop],
    from: NaiveDate,
    to: NaiveDate,
    counsellor: Option<&str>,
) -> Vec<AgendaItem> {
    let within = |date: NaiveDate| from <= date && date <= to;
    let referent_ok =
        |record: &Beneficiary| counsellor.is_none_or(|c| same_counsellor(&record.referent, c));
    let mut items = Vec::new();
    for record in records.iter().map(Borrow::borrow) {
        // Most records have nothing in the span: they are passed over reading their lists
        // alone (the rest of a record is memory the scan of 10,000 records need not touch).
        if !has_items_within(record, from, to) || is_anonymised(record) {
            continue;
        }
        for appointment in &record.preparation.appointments {
            if !within(appointment.date)
                || matches!(appointment.status, AppointmentStatus::Cancelled(_))
                || !is_appointment_of(record, appointment, counsellor)
            {
                continue;
            }
            items.push(AgendaItem {
                kind: AgendaKind::Appointment,
                date: appointment.date,
                start: Some(appointment.start),
                end: Some(appointment.ends_at().time()),
                title: short_name(record),
                place: appointment.place.clone(),
                counsellor: appointment_counsellor(record, appointment).to_owned(),
                record: Some(record.id),
                appointment: Some(appointment.id),
                workshop: None,
                application: None,
                status: Some(appointment.status),
                overlaps: false,
            });
        }
        if !referent_ok(record) {
            continue;
        }
        for application in &record.applications {
            let person_item = |kind, date, start: Option<NaiveTime>, place: &str| AgendaItem {
                kind,
                date,
                start,
                end: start.map(|s| s + TimeDelta::minutes(INTERVIEW_MINUTES)),
                title: short_name(record),
                place: place.to_owned(),
                counsellor: record.referent.clone(),
                record: Some(record.id),
                appointment: None,
                workshop: None,
                application: Some(application.id),
                status: None,
                overlaps: false,
            };
            if let ApplicationState::Interview { date, time, place } = &application.state
                && within(*date)
            {
                items.push(person_item(AgendaKind::Interview, *date, *time, place));
            }
            if let Some(immersion) = &application.immersion {
                let mut day = immersion.from.max(from);
                while day <= immersion.to.min(to) {
                    items.push(person_item(
                        AgendaKind::Immersion,
                        day,
                        None,
                        &application.company_name,
                    ));
                    let Some(next) = day.succ_opt() else { break };
                    day = next;
                }
            }
        }
    }
    for workshop in workshops {
        if !within(workshop.date)
            || !counsellor.is_none_or(|c| same_counsellor(&workshop.facilitator, c))
        {
            continue;
        }
        let start = workshop.date.and_time(workshop.start);
        let end = start + TimeDelta::minutes(i64::from(workshop.duration_minutes));
        items.push(AgendaItem {
            kind: AgendaKind::Workshop,
            date: workshop.date,
            start: Some(workshop.start),
            end: Some(end.time()),
            title: if workshop.title.trim().is_empty() {
                workshop.theme.label().to_owned()
            } else {
                workshop.title.clone()
            },
            place: workshop.place.clone(),
            counsellor: workshop.facilitator.clone(),
            record: None,
            appointment: None,
            workshop: Some(workshop.id),
            application: None,
            status: None,
            overlaps: false,
        });
    }
    // Sorted by keys taken once, the items then moved into place once each: a week's
    // thousands of items are too large to be moved at every step of a sort.
    items.sort_by_cached_key(|item| (item.date, item.start, item.kind, item.title.clone()));
    flag_overlaps(&mut items);
    items
}

/// Whether `record` has an appointment, a job interview or an immersion day from `from` to
/// `to` (whoever's, whatever its status): the agenda looks no further into the others.
fn has_items_within(record: &Beneficiary, from: NaiveDate, to: NaiveDate) -> bool {
    let within = |date: NaiveDate| from <= date && date <= to;
    record
        .preparation
        .appointments
        .iter()
        .any(|a| within(a.date))
        || record.applications.iter().any(|application| {
            matches!(&application.state, ApplicationState::Interview { date, .. } if within(*date))
                || application
                    .immersion
                    .as_ref()
                    .is_some_and(|i| i.from <= to && from <= i.to)
        })
}

/// The minutes an item spans from its day's midnight (`None` for a whole-day item).
fn span(item: &AgendaItem) -> Option<(i64, i64)> {
    let start = item.start?;
    let begin = start.signed_duration_since(NaiveTime::MIN).num_minutes();
    let mut end = item
        .end?
        .signed_duration_since(NaiveTime::MIN)
        .num_minutes();
    if end <= begin {
        // Past midnight.
        end += 24 * 60;
    }
    Some((begin, end))
}

/// Marks the timed items that overlap another of the same day with the same counsellor (an
/// appointment or a workshop: the counsellor's own time) or the same person (an appointment
/// during their job interview).
fn flag_overlaps(items: &mut [AgendaItem]) {
    // Counsellors' names are numbered once each (lower-cased on first sight only): the
    // agenda of a busy week holds thousands of items and a handful of names.
    let mut names: HashMap<&str, usize> = HashMap::new();
    let mut folded: HashMap<String, usize> = HashMap::new();
    // (day, group, start, end, index): group 0 + name number for a counsellor's time, the
    // record for a person's.
    let mut entries: Vec<(NaiveDate, GroupKey, i64, i64, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some((start, end)) = span(item) else {
            continue;
        };
        if matches!(item.kind, AgendaKind::Appointment | AgendaKind::Workshop) {
            let name = item.counsellor.trim();
            if !name.is_empty() {
                let next = folded.len();
                let number = *names.entry(name).or_insert_with(|| {
                    let key: String = name.chars().flat_map(char::to_lowercase).collect();
                    *folded.entry(key).or_insert(next)
                });
                entries.push((item.date, GroupKey::Counsellor(number), start, end, i));
            }
        }
        if let Some(record) = item.record {
            entries.push((item.date, GroupKey::Person(record), start, end, i));
        }
    }
    entries.sort_unstable_by_key(|&(date, group, start, _, _)| (date, group, start));
    let mut flagged = vec![false; items.len()];
    // A sweep per group: an item overlaps when it starts before the latest end so far.
    let mut latest: Option<(NaiveDate, GroupKey, i64, usize)> = None;
    for &(date, group, start, end, i) in &entries {
        match latest {
            Some((day, same, latest_end, j)) if day == date && same == group => {
                if start < latest_end {
                    for k in [i, j] {
                        if let Some(flag) = flagged.get_mut(k) {
                            *flag = true;
                        }
                    }
                }
                if end > latest_end {
                    latest = Some((date, group, end, i));
                }
            }
            _ => latest = Some((date, group, end, i)),
        }
    }
    for (item, flag) in items.iter_mut().zip(flagged) {
        item.overlaps |= flag;
    }
}

/// What a group of items for the overlap check shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum GroupKey {
    /// A counsellor, by the number of their (lower-cased) name.
    Counsellor(usize),
    /// A person.
    Person(BeneficiaryId),
}

/// The past appointments still "planned" (see [`Appointment::to_settle`]) of `counsellor`
/// (`None`: everybody's), oldest first: the counsellor should say what happened.
#[must_use]
pub fn to_settle<'a, R: Borrow<Beneficiary>>(
    records: &'a [R],
    today: NaiveDate,
    counsellor: Option<&str>,
) -> Vec<(BeneficiaryId, &'a Appointment)> {
    let mut list: Vec<(BeneficiaryId, &Appointment)> = records
        .iter()
        .map(Borrow::borrow)
        .filter(|r| !is_anonymised(r))
        .flat_map(|record| {
            record
                .preparation
                .appointments
                .iter()
                .filter(move |a| a.to_settle(today) && is_appointment_of(record, a, counsellor))
                .map(move |a| (record.id, a))
        })
        .collect();
    list.sort_by_key(|(_, a)| a.starts_at());
    list
}

#[cfg(test)]
#[path = "agenda_tests.rs"]
mod tests;
