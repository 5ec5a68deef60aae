//! The micro-crèche's week as a printed A4 landscape page: the planning grid (opening days ×
//! half-hours, booked/places, coloured by how full), the occupancy rate, then each day's
//! children with their hours. Plain data built from the model's [`WeekPlan`], laid out by
//! `assets/typst/creche_week.typ` through the shared [`Engine`].
//!
//! Only first names and hours are printed: allergies and health notes stay in the records.

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::engine::{Engine, RenderError, Rendered, Template};
use super::summary::long_date;
use crate::model::creche::{
    CrecheSettings, Fill, WeekPlan, day_label, format_time, iso_week_label,
};
use crate::model::record::Beneficiary;

/// The template's file name.
pub const CRECHE_WEEK_TEMPLATE_FILE: &str = "creche_week.typ";

/// The week template embedded in the binary.
#[must_use]
pub fn creche_week_template() -> Template {
    Template {
        file: CRECHE_WEEK_TEMPLATE_FILE,
        source: Cow::Borrowed(include_str!("../../assets/typst/creche_week.typ")),
    }
}

/// A day's column head.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekDay {
    /// "mardi 24/11".
    pub label: String,
    /// "Fermé : Noël", when closed.
    pub closure: Option<String>,
}

/// One cell of the grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekCell {
    /// "9/12", or "" on a closed day.
    pub text: String,
    /// "free", "nearly", "full", "over" or "closed": the template's colour.
    pub fill: &'static str,
}

/// One half-hour row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekRow {
    /// "09:00".
    pub time: String,
    /// One cell per day.
    pub cells: Vec<WeekCell>,
}

/// The children of one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayChildren {
    /// "mardi 24/11/2026".
    pub day: String,
    /// "Awa (Diallo) 9 h – 12 h 30, Atelier", sorted by arrival.
    pub lines: Vec<String>,
}

/// Everything the week's page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrecheWeek {
    /// The structure's name.
    pub structure: String,
    /// The crèche's name.
    pub creche: String,
    /// "Semaine 2026-W48".
    pub week: String,
    /// "du lundi 23/11/2026 au dimanche 29/11/2026".
    pub period: String,
    /// "22 novembre 2026".
    pub printed_on: String,
    /// Places.
    pub capacity: u32,
    /// "8,3 %".
    pub occupancy: String,
    /// Booked child-hours over places × opening hours, in words.
    pub occupancy_detail: String,
    /// Columns.
    pub days: Vec<WeekDay>,
    /// Rows.
    pub rows: Vec<WeekRow>,
    /// Children per open day.
    pub children: Vec<DayChildren>,
}

const fn fill_key(fill: Fill) -> &'static str {
    match fill {
        Fill::Free => "free",
        Fill::NearlyFull => "nearly",
        Fill::Full => "full",
        Fill::Over => "over",
    }
}

/// "8,3", the French way.
fn french_number(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}

impl CrecheWeek {
    /// The week's page for the week holding `date`.
    #[must_use]
    pub fn build(
        records: &[&Beneficiary],
        settings: &CrecheSettings,
        structure: &str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        let plan = WeekPlan::build(records, settings, date);
        let sunday = plan
            .monday
            .checked_add_days(Days::new(6))
            .unwrap_or(plan.monday);
        let days = plan
            .days
            .iter()
            .map(|d| WeekDay {
                label: format!(
                    "{} {:02}/{:02}",
                    crate::model::creche::weekday_label(d.date.weekday()),
                    d.date.day(),
                    d.date.month()
                ),
                closure: d.closure.clone(),
            })
            .collect();
        let rows = plan
            .slot_starts
            .iter()
            .map(|&start| WeekRow {
                time: start.format("%H:%M").to_string(),
                cells: plan
                    .days
                    .iter()
                    .map(|d| match d.cells.iter().find(|c| c.start == start) {
                        Some(cell) => WeekCell {
                            text: format!("{}/{}", cell.booked, plan.capacity),
                            fill: fill_key(Fill::of(cell.booked, plan.capacity)),
                        },
                        None => WeekCell {
                            text: String::new(),
                            fill: "closed",
                        },
                    })
                    .collect(),
            })
            .collect();
        let children = plan
            .days
            .iter()
            .filter(|d| d.closure.is_none())
            .map(|d| DayChildren {
                day: day_label(d.date),
                lines: children_of_day(records, settings, d.date),
            })
            .collect();
        Self {
            structure: structure.to_owned(),
            creche: settings.name.clone(),
            week: format!("Semaine {}", iso_week_label(plan.monday)),
            period: format!("du {} au {}", day_label(plan.monday), day_label(sunday)),
            printed_on: long_date(today),
            capacity: plan.capacity,
            occupancy: format!("{} %", french_number(plan.occupancy_percent())),
            occupancy_detail: format!(
                "{} heures-enfant réservées sur {} ({} places × heures d'ouverture)",
                french_number(plan.booked_hours()),
                french_number(plan.capacity_hours()),
                plan.capacity
            ),
            days,
            rows,
            children,
        }
    }
}

/// Each booking of a day: child, parent, hours and reason, by arrival time.
fn children_of_day(
    records: &[&Beneficiary],
    settings: &CrecheSettings,
    date: NaiveDate,
) -> Vec<String> {
    let mut lines: Vec<(chrono::NaiveTime, String)> = records
        .iter()
        .flat_map(|r| {
            r.creche
                .bookings
                .iter()
                .filter(move |b| !b.dates_between(settings, date, date).is_empty())
                .map(move |b| {
                    let child = r
                        .family
                        .children
                        .iter()
                        .find(|c| c.id == b.child)
                        .map_or("(enfant inconnu)", |c| c.first_name.as_str());
                    (
                        b.start,
                        format!(
                            "{child} ({}) {} – {}, {}",
                            r.identity.last_name.trim(),
                            format_time(b.start),
                            format_time(b.end),
                            b.reason_text()
                        ),
                    )
                })
        })
        .collect();
    lines.sort();
    lines.into_iter().map(|(_, line)| line).collect()
}

/// Renders a week with an engine that holds the week template.
pub fn render_creche_week(engine: &Engine, week: &CrecheWeek) -> Result<Rendered, RenderError> {
    engine.render(CRECHE_WEEK_TEMPLATE_FILE, week)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_week_prints_every_half_hour_free() {
        let settings = CrecheSettings::default();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let week = CrecheWeek::build(&[], &settings, "EDS", monday, monday);
        assert_eq!(week.week, "Semaine 2026-W48");
        assert_eq!(week.days.len(), 5);
        assert_eq!(week.days[1].label, "mardi 24/11");
        assert_eq!(week.rows.len(), 21);
        assert_eq!(week.rows[0].time, "08:00");
        assert_eq!(week.rows[0].cells[0].text, "0/12");
        assert_eq!(week.occupancy, "0,0 %");
    }
}
