//! The planning of one week across every family: opening days × half-hours, each cell with
//! its children and how full it is, and the week's occupancy.

use chrono::{Datelike, Days, NaiveDate, NaiveTime};

use super::booking::Booking;
use super::capacity::{Occupancy, bookings_of, distinct_children};
use super::grid::monday_of;
use super::settings::CrecheSettings;
use crate::model::{Beneficiary, BeneficiaryId};

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

impl WeekPlan {
    /// The planning of the week holding `date`, across all records.
    #[must_use]
    pub fn build(records: &[&Beneficiary], settings: &CrecheSettings, date: NaiveDate) -> Self {
        let monday = monday_of(date);
        let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
        let occupancy = Occupancy::build(bookings_of(records), settings, monday, sunday, None);
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

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::creche::test_support::*;
    use crate::model::creche::*;
    use crate::model::record::dates::test_support::d;

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
}
