//! The micro-crèche's section: children of crèche age, the family's bookings and waiting
//! requests.

use chrono::NaiveDate;

use super::options::child_name;
use super::{Sources, SummaryRow, lines, row};
use crate::model::creche::{Booking, BookingReason};
use crate::model::record::{Beneficiary, CrecheAge, format_date};

/// Why a child is booked, with the workshop or the application it is for when known.
pub(super) fn booking_reason(
    record: &Beneficiary,
    booking: &Booking,
    sources: &Sources<'_>,
) -> String {
    let linked = match booking.reason {
        BookingReason::Workshop(Some(id)) => sources
            .workshops
            .iter()
            .find(|w| w.id == id)
            .map(|w| w.title.trim().to_owned()),
        BookingReason::Interview(Some(id)) => record
            .applications
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.company_name.trim().to_owned()),
        _ => None,
    };
    let details: Vec<String> = [linked.unwrap_or_default(), booking.note.trim().to_owned()]
        .into_iter()
        // A note that only repeats the reason ("entretien d'embauche") says nothing more.
        .filter(|d| !d.is_empty() && d.to_lowercase() != booking.reason.label().to_lowercase())
        .collect();
    if details.is_empty() {
        booking.reason.label().to_owned()
    } else {
        format!("{} : {}", booking.reason.label(), details.join(", "))
    }
}

/// "Awa : les mardi et jeudi du 23/11/2026 au 04/12/2026, 9 h – 12 h 30 (Formation : cours de
/// français)", in date order.
pub(super) fn booking_lines<'b>(
    record: &Beneficiary,
    bookings: impl Iterator<Item = &'b Booking>,
    sources: &Sources<'_>,
) -> String {
    let mut bookings: Vec<&Booking> = bookings.collect();
    bookings.sort_by_key(|b| (b.schedule.span(), b.start));
    lines(bookings.into_iter().map(|b| {
        format!(
            "{} : {} ({})",
            child_name(record, b.child),
            b.label(),
            booking_reason(record, b, sources)
        )
    }))
}

/// Children of micro-crèche age (or about to be), with what the crèche can offer; then the
/// family's bookings and its requests on the waiting list.
pub(super) fn creche_rows(
    record: &Beneficiary,
    sources: &Sources<'_>,
    today: NaiveDate,
) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = record
        .family
        .children
        .iter()
        .filter_map(|child| {
            let born = child
                .birth_date
                .map(|b| format!("né·e le {}", format_date(b)));
            let status = match child.creche_age(sources.creche, today) {
                CrecheAge::TooOld => return None,
                CrecheAge::Unknown => "date de naissance à renseigner".to_owned(),
                CrecheAge::TooYoung { from } => {
                    format!("accueil possible à partir du {}", format_date(from))
                }
                CrecheAge::Eligible { until } => format!(
                    "peut être accueilli·e à la micro-crèche jusqu'au {}",
                    format_date(until)
                ),
            };
            let value = born.map_or(status.clone(), |born| format!("{born} ; {status}"));
            let name = if child.first_name.trim().is_empty() {
                "Enfant"
            } else {
                child.first_name.trim()
            };
            Some(row("enfant", name, value))
        })
        .collect();
    let creche = &record.creche;
    if !creche.bookings.is_empty() {
        rows.push(row(
            "reservations",
            "Réservations",
            booking_lines(record, creche.bookings.iter(), sources),
        ));
    }
    if !creche.waiting.is_empty() {
        rows.push(row(
            "liste_attente",
            "En liste d'attente",
            booking_lines(record, creche.waiting.iter().map(|w| &w.booking), sources),
        ));
    }
    rows
}
