//! The half-hour grid every booking sits on, and the words of the calendar: times ("9 h 30"),
//! weekdays, days, ISO weeks.

use chrono::{Datelike, Days, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::model::record::dates::format_date;

/// A time of day; midnight for an impossible one (never reached with the grid's values).
pub(super) fn time(hour: u32, minute: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN)
}

/// Whether a time sits on the half-hour grid.
#[must_use]
pub fn on_grid(t: NaiveTime) -> bool {
    t.second() == 0 && t.nanosecond() == 0 && t.minute().is_multiple_of(30)
}
/// The half-hour a time starts (0 = 00:00, 1 = 00:30 … 47 = 23:30).
pub(super) fn slot_of(t: NaiveTime) -> u32 {
    (t.hour() * 60 + t.minute()) / 30
}
/// The time a half-hour starts at.
pub(super) fn slot_time(slot: u32) -> NaiveTime {
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
