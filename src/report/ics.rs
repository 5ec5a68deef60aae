//! The calendar export (`.ics`, RFC 5545) of appointments and workshops, for Outlook,
//! Thunderbird or a phone. Written by hand: the format needed is small (one VTIMEZONE, plain
//! VEVENTs) and every rule it has is here and tested against an independent parser.
//!
//! Calendars leave the laptop (they sync to the cloud), so an event says only
//! "RDV Parcours — F. D." (the person's initials) and the place: never the name, the purpose,
//! the note nor anything of the person's situation. A workshop says "Atelier Parcours" and its
//! title.
//!
//! - Each event's UID is stable (`<appointment-id>@parcours`, `<workshop-id>@parcours`): a new
//!   export imported again updates the events instead of duplicating them; a cancelled
//!   appointment is exported with `STATUS:CANCELLED`, so that the calendar removes it.
//! - Times are local to Europe/Paris (`DTSTART;TZID=Europe/Paris:…`) with the zone's rules in a
//!   VTIMEZONE (last Sunday of March and of October); DTSTAMP is in UTC.
//! - Lines end with CRLF and are folded at 75 octets, never inside a UTF-8 sequence; text is
//!   escaped (`\\`, `\;`, `\,`, `\n`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};

use crate::model::preparation::{
    Appointment, AppointmentStatus, Workshop, is_appointment_of, same_counsellor,
};
use crate::model::record::{Beneficiary, is_anonymised};

/// The time zone every event is written in.
pub const TIME_ZONE: &str = "Europe/Paris";

/// Europe/Paris' rules since 1996 (EU summer time): CEST from the last Sunday of March at
/// 2:00, CET from the last Sunday of October at 3:00.
const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Paris",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// One event of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable identifier: `<id>@parcours`.
    pub uid: String,
    /// Start, local time in Europe/Paris.
    pub start: NaiveDateTime,
    /// End, local time in Europe/Paris.
    pub end: NaiveDateTime,
    /// "RDV Parcours — F. D.", or "Atelier Parcours — title".
    pub summary: String,
    /// Where (may be empty).
    pub location: String,
    /// Cancelled: the calendar removes the event it had.
    pub cancelled: bool,
}

/// "F. D.": the initials of the first and last names (whichever exist).
#[must_use]
pub fn initials(record: &Beneficiary) -> String {
    [&record.identity.first_name, &record.identity.last_name]
        .into_iter()
        .filter_map(|part| part.trim().chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The event of `appointment` of `record`.
#[must_use]
pub fn appointment_event(record: &Beneficiary, appointment: &Appointment) -> CalendarEvent {
    let initials = initials(record);
    CalendarEvent {
        uid: format!("{}@parcours", appointment.id),
        start: appointment.starts_at(),
        end: appointment.ends_at(),
        summary: if initials.is_empty() {
            "RDV Parcours".to_owned()
        } else {
            format!("RDV Parcours — {initials}")
        },
        location: appointment.place.trim().to_owned(),
        cancelled: matches!(appointment.status, AppointmentStatus::Cancelled(_)),
    }
}

/// The event of `workshop`.
#[must_use]
pub fn workshop_event(workshop: &Workshop) -> CalendarEvent {
    let start = workshop.date.and_time(workshop.start);
    let title = workshop.title.trim();
    CalendarEvent {
        uid: format!("{}@parcours", workshop.id),
        start,
        end: start + TimeDelta::minutes(i64::from(workshop.duration_minutes)),
        summary: if title.is_empty() {
            format!("Atelier Parcours — {}", workshop.theme.label())
        } else {
            format!("Atelier Parcours — {title}")
        },
        location: workshop.place.trim().to_owned(),
        cancelled: false,
    }
}

/// The events from `from` to `to` (included) for `counsellor` (`None`: everybody's): the
/// appointments (cancelled ones as cancelled) and the workshops they run, by start.
#[must_use]
pub fn calendar_events(
    records: &[Beneficiary],
    workshops: &[Workshop],
    from: NaiveDate,
    to: NaiveDate,
    counsellor: Option<&str>,
) -> Vec<CalendarEvent> {
    let within = |date: NaiveDate| from <= date && date <= to;
    let mut events: Vec<CalendarEvent> = records
        .iter()
        .filter(|r| !is_anonymised(r))
        .flat_map(|record| {
            record
                .preparation
                .appointments
                .iter()
                .filter(move |a| within(a.date) && is_appointment_of(record, a, counsellor))
                .map(move |a| appointment_event(record, a))
        })
        .chain(
            workshops
                .iter()
                .filter(|w| {
                    within(w.date) && counsellor.is_none_or(|c| same_counsellor(&w.facilitator, c))
                })
                .map(workshop_event),
        )
        .collect();
    events.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    events
}

/// Text escaped for a property value (RFC 5545, 3.3.11): backslash, semicolon, comma, line
/// breaks; other control characters dropped.
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    escaped.push_str("\\n");
                }
            }
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` folded at 75 octets (RFC 5545, 3.1): continuation lines start with a space;
/// a UTF-8 sequence is never cut. Every line ends with CRLF.
fn push_folded(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > budget {
            out.push_str("\r\n ");
            // The leading space counts in the next line's 75 octets.
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn local(time: NaiveDateTime) -> String {
    time.format("%Y%m%dT%H%M%S").to_string()
}

/// The calendar holding `events`, stamped `stamp` (the time of the export).
#[must_use]
pub fn calendar_ics(events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Parcours//Agenda//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    .into_iter()
    .chain(VTIMEZONE.iter().copied())
    {
        push_folded(&mut out, line);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for event in events {
        push_folded(&mut out, "BEGIN:VEVENT");
        push_folded(&mut out, &format!("UID:{}", escape_text(&event.uid)));
        push_folded(&mut out, &format!("DTSTAMP:{stamp}"));
        push_folded(
            &mut out,
            &format!("DTSTART;TZID={TIME_ZONE}:{}", local(event.start)),
        );
        push_folded(
            &mut out,
            &format!("DTEND;TZID={TIME_ZONE}:{}", local(event.end)),
        );
        push_folded(
            &mut out,
            &format!("SUMMARY:{}", escape_text(&event.summary)),
        );
        if !event.location.is_empty() {
            push_folded(
                &mut out,
                &format!("LOCATION:{}", escape_text(&event.location)),
            );
        }
        let status = if event.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        };
        push_folded(&mut out, &format!("STATUS:{status}"));
        push_folded(&mut out, "TRANSP:OPAQUE");
        push_folded(&mut out, "END:VEVENT");
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveTime, TimeZone};

    use super::*;
    use crate::model::record::dates::test_support::d;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_utf8_whole() {
        let mut out = String::new();
        let line = format!("LOCATION:{}", "é".repeat(100));
        push_folded(&mut out, &line);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(lines.iter().skip(1).all(|l| l.starts_with(' ')));
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("Bureau 2; porte B, 1er\r\nétage \\ fond\u{7}"),
            "Bureau 2\\; porte B\\, 1er\\nétage \\\\ fond"
        );
    }

    #[test]
    fn an_appointment_event_says_only_the_initials_and_the_place() {
        let mut b = Beneficiary::new(Utc.with_ymd_and_hms(2026, 1, 5, 9, 0, 0).unwrap());
        b.identity.first_name = "fatou".into();
        b.identity.last_name = "Diallo".into();
        let mut a = Appointment::new(d(2026, 11, 24), NaiveTime::from_hms_opt(10, 0, 0).unwrap());
        a.place = "Bureau 2".into();
        a.note = "situation".into();
        let event = appointment_event(&b, &a);
        assert_eq!(event.summary, "RDV Parcours — F. D.");
        assert_eq!(event.uid, format!("{}@parcours", a.id));
        let text = calendar_ics(
            &[event],
            Utc.with_ymd_and_hms(2026, 11, 22, 8, 0, 0).unwrap(),
        );
        assert!(text.contains("DTSTART;TZID=Europe/Paris:20261124T100000\r\n"));
        assert!(text.contains("DTEND;TZID=Europe/Paris:20261124T104500\r\n"));
        assert!(text.contains("DTSTAMP:20261122T080000Z\r\n"));
        assert!(!text.contains("Diallo") && !text.contains("situation"));
        assert!(text.split("\r\n").all(|l| !l.contains('\n')));
    }
}
