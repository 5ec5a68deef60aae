//! The "Crèche" tab: the record's children with their care information (edited through the
//! record's draft and autosaved like every tab), the family's bookings and the booking form —
//! which refuses a booking that would put more children than places at any moment, naming the
//! full half-hours and offering the nearest free ones —, the waiting list, and the crèche's
//! weekly planning across every family (days × half-hours, coloured by how full, a conflict
//! shown in red rather than hidden).
//!
//! This file holds the tab's state, its entry point and the booking form's prefilling from a
//! workshop or an interview; each part of the page has its own file.

mod booking;
mod children;
mod waiting;
mod week;

#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveTime, Timelike};
use egui::Ui;

use crate::model::creche::{
    BookingReason, CrecheSettings, bookings_to_move, day_label, format_time, monday_of,
};
use crate::model::preparation::Workshop;
use crate::model::record::{age_in_months, format_date};
use crate::model::{Beneficiary, ChildId};
use crate::report::Engine;
use crate::ui::command::{Command, InterviewBooking};
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::text;

use booking::{BookingForm, Outcome};

/// Minutes allowed to go from the crèche to a job interview, and as many to come back: the
/// middle of the longest commutes counsellors note in projects (30 to 60 minutes), so the
/// child is looked after from 45 minutes before the interview until 45 minutes after its end.
pub const INTERVIEW_TRAVEL_MINUTES: u32 = 45;

/// How long an interview is expected to last, in minutes (with the waiting beforehand).
pub const INTERVIEW_MINUTES: u32 = 60;

/// Minutes since midnight.
fn minutes_of(time: NaiveTime) -> u32 {
    time.hour() * 60 + time.minute()
}

/// The tab's state: the week shown, the cell opened, the booking form.
#[derive(Default)]
pub struct CrechePanel {
    /// Monday of the week shown (`None`: the planning's current week).
    week: Option<NaiveDate>,
    /// The half-hour whose children are listed.
    cell: Option<(NaiveDate, NaiveTime)>,
    form: BookingForm,
    outcome: Option<Outcome>,
    /// Built at the first PDF of the week, then kept (fonts parsed once).
    engine: Option<Engine>,
    /// What became of the last "Enregistrer le planning en PDF…": (message, is an error).
    pdf_status: Option<(String, bool)>,
    /// Offered when the save dialog gave nothing (perhaps none could be shown): the week's PDF
    /// in the Documents folder, saved by one click.
    pdf_fallback: Option<std::path::PathBuf>,
}

/// Everything the tab's parts read besides the draft: the frame's context and the record shown.
struct CrecheContext<'a> {
    /// The record as last validated (names, birth dates, stage).
    shown: &'a Beneficiary,
    /// The frame's read-only data (every record, the shown one in any version: its bookings
    /// come from the draft).
    cx: ViewContext<'a>,
}

impl CrechePanel {
    /// Prepares the booking form for a workshop the parent is enrolled in (from the workshops
    /// window): its day; its hours widened to the half-hour grid and kept within opening hours
    /// (the child is dropped off before and picked up after); the link to the workshop; the
    /// child, when exactly one of the family's children is of crèche age that day. Shows the
    /// workshop's week. Nothing is booked until the counsellor clicks "Réserver".
    pub fn prefill_for_workshop(
        &mut self,
        workshop: &Workshop,
        parent: &Beneficiary,
        settings: &CrecheSettings,
    ) {
        let start_minutes = minutes_of(workshop.start);
        let end_minutes = start_minutes + workshop.duration_minutes;
        self.prefill(
            parent,
            settings,
            workshop.date,
            (start_minutes, end_minutes),
            BookingReason::Workshop(Some(workshop.id)),
            workshop.title.clone(),
        );
    }

    /// Prepares the booking form for a job interview of `parent` on `date` at `time`: the
    /// child is looked after from [`INTERVIEW_TRAVEL_MINUTES`] before the interview (to go
    /// there) until the interview's hour and the way back are over, widened to the half-hour
    /// grid (10:15 → 9:30–12:00) within the opening hours; without a time, the morning from
    /// the opening. Linked to the application; nothing is booked until "Réserver" is clicked.
    pub fn prefill_for_interview(
        &mut self,
        interview: &InterviewBooking,
        parent: &Beneficiary,
        settings: &CrecheSettings,
    ) {
        let (start_minutes, end_minutes) = if let Some(time) = interview.time {
            let at = minutes_of(time);
            (
                at.saturating_sub(INTERVIEW_TRAVEL_MINUTES),
                at + INTERVIEW_MINUTES + INTERVIEW_TRAVEL_MINUTES,
            )
        } else {
            let opens = minutes_of(settings.opens_at);
            (opens, opens + 3 * 60)
        };
        let note = text::creche::interview_note(&interview.label, interview.time.is_some());
        self.prefill(
            parent,
            settings,
            interview.date,
            (start_minutes, end_minutes),
            BookingReason::Interview(Some(interview.application)),
            note,
        );
    }

    /// Prepares the booking form for an appointment of `parent`: the child is looked after
    /// from [`INTERVIEW_TRAVEL_MINUTES`] before it until the way back after it, on the
    /// half-hour grid within the opening hours. Nothing is booked until "Réserver" is clicked.
    pub fn prefill_for_appointment(
        &mut self,
        appointment: &crate::model::preparation::Appointment,
        parent: &Beneficiary,
        settings: &CrecheSettings,
    ) {
        let at = minutes_of(appointment.start);
        self.prefill(
            parent,
            settings,
            appointment.date,
            (
                at.saturating_sub(INTERVIEW_TRAVEL_MINUTES),
                at + appointment.duration_minutes + INTERVIEW_TRAVEL_MINUTES,
            ),
            BookingReason::Other,
            appointment.purpose.label().to_owned(),
        );
    }

    /// Fills the booking form for one day: `minutes` (from midnight) widened to the half-hour
    /// grid and kept within the opening hours; the child chosen when only one is of crèche
    /// age on that day.
    fn prefill(
        &mut self,
        parent: &Beneficiary,
        settings: &CrecheSettings,
        date: NaiveDate,
        (start_minutes, end_minutes): (u32, u32),
        reason: BookingReason,
        note: String,
    ) {
        let start_minutes = start_minutes / 30 * 30;
        let end_minutes = end_minutes.div_ceil(30) * 30;
        let time = |m: u32| NaiveTime::from_hms_opt(m / 60, m % 60, 0);
        let start = time(start_minutes).map_or(settings.opens_at, |t| t.max(settings.opens_at));
        let end = time(end_minutes).map_or(settings.closes_at, |t| t.min(settings.closes_at));
        let of_age: Vec<ChildId> = parent
            .family
            .children
            .iter()
            .filter(|c| {
                c.birth_date.is_some_and(|birth| {
                    let months = age_in_months(birth, date);
                    months >= i32::try_from(settings.min_age_months).unwrap_or(i32::MAX)
                        && months < i32::try_from(settings.max_age_months).unwrap_or(i32::MAX)
                })
            })
            .map(|c| c.id)
            .collect();
        self.form = BookingForm {
            child: match of_age.as_slice() {
                [only] => Some(*only),
                _ => None,
            },
            recurring: false,
            date: format_date(date),
            start,
            end,
            reason,
            note,
            ..BookingForm::default()
        };
        self.week = Some(monday_of(date));
        self.cell = None;
        self.outcome = None;
    }

    /// Draws the tab; returns whether the draft changed, and pushes what the app should do.
    fn draw(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        context: &CrecheContext<'_>,
        out: &mut Vec<Command>,
    ) -> bool {
        let draft = &mut *edit.draft;
        // The family as edited: its bookings and requests are the draft's, even while another
        // field of the record is invalid.
        let mut parent = context.shown.clone();
        parent.creche.bookings.clone_from(&draft.creche.bookings);
        parent.creche.waiting.clone_from(&draft.creche.waiting);
        let others: Vec<&Beneficiary> = context
            .cx
            .records
            .iter()
            .map(|r| &**r)
            .filter(|r| r.id != parent.id)
            .collect();

        // Two laptops that each booked the last place: this family's newer booking is to move.
        {
            let mut all = others.clone();
            all.push(&parent);
            for m in bookings_to_move(&parent, &all, context.cx.creche) {
                ui.colored_label(
                    crate::ui::theme::ERROR,
                    text::creche::booking_to_move(
                        &child_name(&parent, m.child),
                        &day_label(m.date),
                        &format_time(m.start),
                        &format_time(m.end),
                        m.capacity,
                    ),
                );
            }
        }
        let mut changed = children::children_ui(ui, draft, edit.errors, context);
        {
            let mut all = others.clone();
            all.push(&parent);
            changed |= self.bookings_ui(ui, draft, &parent, &all, context);
        }
        // Bookings may have changed above: the rest reads them afresh.
        parent.creche.bookings.clone_from(&draft.creche.bookings);
        parent.creche.waiting.clone_from(&draft.creche.waiting);
        let mut all = others;
        all.push(&parent);
        changed |= waiting::waiting_ui(ui, draft, &parent, &all, context, out);
        self.week_ui(ui, &all, context, out);
        changed
    }
}

/// A child's first name, or "(enfant sans prénom)" when it has none yet.
fn child_name(parent: &Beneficiary, child: ChildId) -> String {
    parent
        .family
        .children
        .iter()
        .find(|c| c.id == child)
        .map(|c| c.first_name.trim())
        .filter(|n| !n.is_empty())
        .map_or_else(
            || text::creche::CHILD_WITHOUT_NAME.to_owned(),
            str::to_owned,
        )
}

impl RecordTab for CrechePanel {
    fn label(&self) -> &'static str {
        text::creche::TAB_CRECHE
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let context = CrecheContext {
            shown: edit.shown,
            cx: *cx,
        };
        let changed = self.draw(ui, edit, &context, out);
        edit.changed |= changed;
    }
}
