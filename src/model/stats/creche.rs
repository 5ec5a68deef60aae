//! Indicators about the micro-crèche: occupancy per week and per month (child-hours booked
//! over the places offered), child-hours by reason, children and families served.
//!
//! They count the bookings of the people the report counts (the scope, minus those who
//! refused statistics), on the days the crèche is open within the period.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::model::creche::{BookingReason, CrecheSettings, half_hours_between, monday_of};
use crate::model::record::dates::format_date;
use crate::model::record::{Beneficiary, ChildId};
use crate::model::stats::activity::percent;
use crate::model::stats::anonymity::PeopleTable;
use crate::model::stats::table::{Cell, Period, Row, Table};

/// The reasons, in the order shown.
const REASONS: [&str; 5] = [
    "Formation",
    "Atelier",
    "Entretien d'embauche",
    "Emploi",
    "Autre démarche",
];

/// The French month names.
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "mars 2026".
#[must_use]
pub fn month_label(first_day: NaiveDate) -> String {
    let name = MONTHS
        .get(first_day.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{name} {}", first_day.year())
}

/// The first day of the month of `day`.
#[must_use]
pub fn month_of(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

const fn reason_index(reason: BookingReason) -> usize {
    match reason {
        BookingReason::Training => 0,
        BookingReason::Workshop(_) => 1,
        BookingReason::Interview(_) => 2,
        BookingReason::Job => 3,
        BookingReason::Other => 4,
    }
}

/// Booked and offered half-hours over a week or a month.
#[derive(Debug, Clone, Copy, Default)]
struct Load {
    booked: u64,
    offered: u64,
}

/// The tables of this family, from the parents the report counts.
pub(crate) fn tables(
    parents: &[&Beneficiary],
    settings: &CrecheSettings,
    period: Period,
    threshold: u32,
) -> Vec<Table> {
    let day_slots = u64::from(half_hours_between(settings.opens_at, settings.closes_at));
    let places = u64::from(settings.capacity);
    let mut weeks: BTreeMap<NaiveDate, Load> = BTreeMap::new();
    let mut months: BTreeMap<NaiveDate, Load> = BTreeMap::new();
    let mut day = period.from;
    while day <= period.to {
        let offered = if settings.is_open(day) {
            day_slots * places
        } else {
            0
        };
        weeks.entry(monday_of(day)).or_default().offered += offered;
        months.entry(month_of(day)).or_default().offered += offered;
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    let mut by_reason = [0_u64; 5];
    let mut children: HashSet<ChildId> = HashSet::new();
    let mut families = 0_u32;
    for parent in parents {
        let mut served = false;
        for booking in &parent.creche.bookings {
            let slots = u64::from(half_hours_between(booking.start, booking.end));
            let dates = booking.dates_between(settings, period.from, period.to);
            if dates.is_empty() || slots == 0 {
                continue;
            }
            served = true;
            children.insert(booking.child);
            for date in &dates {
                weeks.entry(monday_of(*date)).or_default().booked += slots;
                months.entry(month_of(*date)).or_default().booked += slots;
            }
            by_reason[reason_index(booking.reason)] += slots * dates.len() as u64;
        }
        families += u32::from(served);
    }
    let load_rows = |loads: &BTreeMap<NaiveDate, Load>, label: &dyn Fn(NaiveDate) -> String| {
        loads
            .iter()
            .map(|(start, load)| Row {
                label: label(*start),
                cells: vec![
                    Cell::Minutes(load.booked * 30),
                    Cell::Minutes(load.offered * 30),
                    percent(load.booked, load.offered),
                ],
            })
            .collect::<Vec<Row>>()
    };
    let load_columns = vec![
        "Heures-enfants réservées".to_owned(),
        "Heures-places offertes".to_owned(),
        "Taux d'occupation".to_owned(),
    ];
    let weekly = Table {
        key: "creche_weeks",
        title: "Micro-crèche : occupation par semaine".to_owned(),
        source: "CAF — prestation de service unique (taux d'occupation)".to_owned(),
        columns: load_columns.clone(),
        rows: load_rows(&weeks, &|monday| {
            format!("Semaine du {}", format_date(monday))
        }),
    };
    let monthly = Table {
        key: "creche_months",
        title: "Micro-crèche : occupation par mois".to_owned(),
        source: "CAF — prestation de service unique (taux d'occupation)".to_owned(),
        columns: load_columns,
        rows: load_rows(&months, &|first| month_label(first)),
    };
    let mut reasons: Vec<Row> = REASONS
        .iter()
        .zip(by_reason)
        .map(|(label, slots)| Row {
            label: (*label).to_owned(),
            cells: vec![Cell::Minutes(slots * 30)],
        })
        .collect();
    reasons.push(Row {
        label: "Total".to_owned(),
        cells: vec![Cell::Minutes(by_reason.iter().sum::<u64>() * 30)],
    });
    let reasons = Table {
        key: "creche_reasons",
        title: "Micro-crèche : heures-enfants par motif du parent".to_owned(),
        source: String::new(),
        columns: vec!["Heures-enfants".to_owned()],
        rows: reasons,
    };
    let mut served = PeopleTable::new(
        "creche_served",
        "Micro-crèche : enfants et familles accueillis",
        "",
        &["Nombre"],
    )
    .overlapping();
    served.row(
        "Enfants accueillis",
        vec![u32::try_from(children.len()).unwrap_or(u32::MAX)],
    );
    served.row("Familles", vec![families]);
    vec![weekly, monthly, reasons, served.finish(threshold)]
}
