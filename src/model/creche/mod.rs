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
//!
//! One file per concern: [`settings`](CrecheSettings), the half-hour grid and calendar words,
//! bookings and their occurrences, what a family's record keeps, capacity (occupancy and the
//! booking checks), the answer to a request (planned or refused), the waiting list, the week's
//! planning, and the problems `parcours check` reports. Everything is re-exported here:
//! `crate::model::creche::WeekPlan`.

mod booking;
mod capacity;
pub(crate) mod draft;
mod family;
mod grid;
mod problems;
mod problems_to_move;
mod refusal;
mod settings;
#[cfg(test)]
pub(crate) mod test_support;
mod waiting;
mod week;

pub use booking::{Booking, BookingReason, MAX_BOOKING_DAYS, Schedule};
pub use capacity::{
    Occupancy, SUGGESTIONS, SlotEntry, booking_fits, bookings_fit, bookings_of, plan_booking,
    plan_booking_on,
};
pub use draft::{CareDraft, CrecheDraft};
pub use family::{ChildCare, CrecheFamily};
pub use grid::{
    add_half_hours, day_label, format_time, half_hours_between, iso_week_label, monday_of, on_grid,
    parse_iso_week, planning_monday, weekday_label,
};
pub use problems::{CrecheProblem, creche_problems};
pub use problems_to_move::{BookingToMove, all_bookings_to_move, bookings_to_move};
pub use refusal::{FullSlot, Planned, Refusal, Suggestion};
pub use settings::{Closure, CrecheSettings, DEFAULT_CAPACITY, MAX_CAPACITY, UpperAgeRule};
pub use waiting::{
    Priority, QueuedRequest, RECENT_EXIT_MONTHS, WaitingRequest, first_fitting_request,
    is_single_parent, priority, waiting_list,
};
pub use week::{Cell, CellEntry, DayPlan, Fill, WeekPlan, week_lines};
