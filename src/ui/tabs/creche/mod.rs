//! The "Crèche" tab: the record's children with their care information (edited through the
//! record's draft and autosaved like every tab), the family's bookings and the booking form —
//! which refuses a booking that would put more children than places at any moment, naming the
//! full half-hours and offering the nearest free ones —, the waiting list, and the crèche's
//! weekly planning across every family (days × half-hours, coloured by how full, a conflict
//! shown in red rather than hidden).

use crate::ui::command::{Command, InterviewBooking};
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use chrono::{Datelike, Days, NaiveDate, NaiveTime, Timelike};
use egui::{Align2, FontId, RichText, Sense, Stroke, StrokeKind, TextEdit, Ui};

use crate::model::{
    Beneficiary, BeneficiaryDraft, BeneficiaryId, Booking, BookingId, BookingReason, ChildId,
    CrecheAge, CrecheSettings, Field, FieldError, Fill, Refusal, Schedule, Suggestion,
    WaitingRequest, WeekPlan, Workshop, add_half_hours, age_in_months, day_label,
    first_fitting_request, format_date, format_time, half_hours_between, iso_week_label, monday_of,
    parse_date, plan_booking_on, planning_monday, waiting_list, weekday_label,
};
use crate::report::{CrecheWeek, Engine, creche_week_template, render_creche_week, save_pdf};
use crate::ui::widgets::{Form, choice_box, field_id};
use crate::ui::{text, theme};

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

/// What the tab asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrecheAction {
    /// Open another family's record (a conflict to resolve, a waiting request to place).
    Select(BeneficiaryId),
    /// Open the crèche's settings window.
    OpenSettings,
}

/// A child's age in words: "8 mois", "2 ans et 3 mois".
fn age_words(months: i32) -> String {
    match (months / 12, months % 12) {
        (0, m) => format!("{m} mois"),
        (1, 0) => "1 an".to_owned(),
        (y, 0) => format!("{y} ans"),
        (1, m) => format!("1 an et {m} mois"),
        (y, m) => format!("{y} ans et {m} mois"),
    }
}

/// Which field of the booking form a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormField {
    Child,
    Date,
    Days,
    From,
    Until,
    Hours,
}

/// The booking form, as typed.
#[derive(Debug, Clone)]
struct BookingForm {
    child: Option<ChildId>,
    recurring: bool,
    date: String,
    days: [bool; 7],
    from: String,
    until: String,
    start: NaiveTime,
    end: NaiveTime,
    reason: BookingReason,
    note: String,
    errors: Vec<(FormField, String)>,
}

impl Default for BookingForm {
    fn default() -> Self {
        let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Self {
            child: None,
            recurring: false,
            date: String::new(),
            days: [false; 7],
            from: String::new(),
            until: String::new(),
            start: time(9, 0),
            end: time(12, 0),
            reason: BookingReason::Workshop(None),
            note: String::new(),
            errors: Vec::new(),
        }
    }
}

impl BookingForm {
    /// A required date field.
    fn date_of(&mut self, field: FormField, text: &str) -> Option<NaiveDate> {
        match parse_date(text) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                self.errors
                    .push((field, text::creche::CRECHE_DATE_REQUIRED.to_owned()));
                None
            }
            Err(message) => {
                self.errors.push((field, message));
                None
            }
        }
    }

    /// The booking the form describes, or its messages (kept in `errors`).
    fn booking(&mut self) -> Option<Booking> {
        self.errors.clear();
        let child = self.child;
        if child.is_none() {
            self.errors.push((
                FormField::Child,
                text::creche::CRECHE_CHILD_REQUIRED.to_owned(),
            ));
        }
        let schedule = if self.recurring {
            let from = self.date_of(FormField::From, &self.from.clone());
            let until = self.date_of(FormField::Until, &self.until.clone());
            let days: Vec<chrono::Weekday> = CrecheSettings::WEEKDAYS
                .iter()
                .zip(self.days)
                .filter(|(_, on)| *on)
                .map(|(d, _)| *d)
                .collect();
            if days.is_empty() {
                self.errors
                    .push((FormField::Days, Refusal::NoWeekday.to_string()));
            }
            from.zip(until)
                .map(|(from, until)| Schedule::Weekly { days, from, until })
        } else {
            self.date_of(FormField::Date, &self.date.clone())
                .map(Schedule::Once)
        };
        if !self.errors.is_empty() {
            return None;
        }
        Some(Booking {
            id: BookingId::new(),
            child: child?,
            schedule: schedule?,
            start: self.start,
            end: self.end,
            reason: self.reason,
            note: self.note.trim().to_owned(),
        })
    }

    /// Where a refusal's message goes.
    fn place(&self, refusal: &Refusal) -> FormField {
        match refusal {
            Refusal::InThePast { .. } if self.recurring => FormField::From,
            Refusal::NoWeekday => FormField::Days,
            Refusal::RangeReversed | Refusal::TooLong => FormField::Until,
            Refusal::UnknownChild
            | Refusal::BirthDateUnknown
            | Refusal::TooYoung { .. }
            | Refusal::TooOld { .. } => FormField::Child,
            Refusal::InThePast { .. } | Refusal::NoOpenDay => FormField::Date,
            Refusal::NotOnGrid
            | Refusal::EndNotAfterStart
            | Refusal::OutsideOpeningHours { .. }
            | Refusal::Full { .. } => FormField::Hours,
        }
    }
}

/// What the last booking attempt gave.
#[derive(Debug, Clone)]
enum Outcome {
    /// Booked, with what to know (cut at the age limit, closures skipped).
    Booked(String, Vec<String>),
    /// Refused for lack of places: the full half-hours, the nearest free ones, and the request
    /// itself (for the waiting list).
    Full {
        message: String,
        suggestions: Vec<Suggestion>,
        request: Booking,
    },
    /// Put on the waiting list.
    Waiting(String),
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

/// Everything the tab reads besides the draft.
pub struct CrecheContext<'a> {
    /// The record as last validated (names, birth dates, stage).
    pub shown: &'a Beneficiary,
    /// Every record, the shown one in any version (its bookings come from the draft).
    pub records: &'a [Beneficiary],
    /// The crèche's settings.
    pub settings: &'a CrecheSettings,
    /// Today.
    pub today: NaiveDate,
    /// The structure's name, printed on the week's PDF.
    pub structure: &'a str,
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
        let mut note = format!("Entretien : {}", interview.label);
        if interview.time.is_none() {
            note.push_str(" (heure à préciser)");
        }
        self.prefill(
            parent,
            settings,
            interview.date,
            (start_minutes, end_minutes),
            BookingReason::Interview(Some(interview.application)),
            note,
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

    /// Draws the tab; returns whether the draft changed, and what the app should do.
    fn draw(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        errors: &[FieldError],
        writable: bool,
        context: &CrecheContext<'_>,
    ) -> (bool, Option<CrecheAction>) {
        let mut changed = false;
        let mut action = None;
        // The family as edited: its bookings and requests are the draft's, even while another
        // field of the record is invalid.
        let mut parent = context.shown.clone();
        parent.creche.bookings.clone_from(&draft.creche.bookings);
        parent.creche.waiting.clone_from(&draft.creche.waiting);
        let others: Vec<&Beneficiary> = context
            .records
            .iter()
            .filter(|r| r.id != parent.id)
            .collect();

        changed |= children_ui(ui, draft, errors, writable, context);
        {
            let mut all = others.clone();
            all.push(&parent);
            changed |= self.bookings_ui(ui, draft, writable, &parent, &all, context);
        }
        // Bookings may have changed above: the rest reads them afresh.
        parent.creche.bookings.clone_from(&draft.creche.bookings);
        parent.creche.waiting.clone_from(&draft.creche.waiting);
        let mut all = others;
        all.push(&parent);
        let (waiting_changed, waiting_action) =
            waiting_ui(ui, draft, writable, &parent, &all, context);
        changed |= waiting_changed;
        action = action.or(waiting_action);
        action = action.or(self.week_ui(ui, &all, context));
        (changed, action)
    }

    /// The family's bookings, and the form to add one.
    fn bookings_ui(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        writable: bool,
        parent: &Beneficiary,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
    ) -> bool {
        let mut changed = false;
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_BOOKINGS);
        ui.separator();
        if draft.creche.bookings.is_empty() {
            ui.label(RichText::new(text::creche::CRECHE_NO_BOOKING).weak());
        }
        let mut cancel = None;
        // By date (then hour), whatever order they were made in.
        let mut sorted: Vec<&Booking> = draft.creche.bookings.iter().collect();
        sorted.sort_by_key(|b| (b.schedule.span().0, b.start));
        for booking in sorted {
            ui.horizontal(|ui| {
                ui.label(RichText::new(child_name(parent, booking.child)).strong());
                ui.label(booking.label());
                ui.label(RichText::new(booking.reason_text()).weak());
                if ui
                    .add_enabled(
                        writable,
                        egui::Button::new(text::creche::CRECHE_CANCEL_BOOKING),
                    )
                    .clicked()
                {
                    cancel = Some(booking.id);
                }
            });
        }
        if let Some(id) = cancel {
            draft.creche.bookings.retain(|b| b.id != id);
            self.outcome = None;
            changed = true;
        }

        if parent.family.children.is_empty() {
            return changed;
        }
        ui.add_space(theme::SECTION_GAP);
        ui.label(RichText::new(text::creche::CRECHE_NEW_BOOKING).strong());
        if self.form.child.is_none()
            || !parent
                .family
                .children
                .iter()
                .any(|c| Some(c.id) == self.form.child)
        {
            self.form.child = parent.family.children.first().map(|c| c.id);
        }
        self.form_ui(ui, writable, parent, context.settings);
        if ui
            .add_enabled(writable, egui::Button::new(text::creche::CRECHE_BOOK))
            .clicked()
            && let Some(booking) = self.form.booking()
        {
            changed |= self.try_booking(draft, parent, all, booking, context);
        }
        changed |= self.outcome_ui(ui, draft, writable, parent, all, context);
        changed
    }

    /// Runs the checks on `booking`: booked, or refused with its reasons. The same booking
    /// asked again (a second click on "Réserver") is not made twice.
    fn try_booking(
        &mut self,
        draft: &mut BeneficiaryDraft,
        parent: &Beneficiary,
        all: &[&Beneficiary],
        booking: Booking,
        context: &CrecheContext<'_>,
    ) -> bool {
        match plan_booking_on(
            all,
            parent,
            booking.clone(),
            context.settings,
            context.today,
        ) {
            Ok(planned) => {
                let made = draft.creche.bookings.iter().any(|b| {
                    *b == Booking {
                        id: b.id,
                        ..planned.booking.clone()
                    }
                });
                if made {
                    return false;
                }
                let label = format!(
                    "{} : {}",
                    child_name(parent, planned.booking.child),
                    planned.booking.label()
                );
                self.outcome = Some(Outcome::Booked(label, planned.notes()));
                draft.creche.bookings.push(planned.booking);
                true
            }
            Err(refusal) => {
                if let Refusal::Full { suggestions, .. } = &refusal {
                    self.outcome = Some(Outcome::Full {
                        message: refusal.to_string(),
                        suggestions: suggestions.clone(),
                        request: booking,
                    });
                } else {
                    self.outcome = None;
                    self.form
                        .errors
                        .push((self.form.place(&refusal), refusal.to_string()));
                }
                false
            }
        }
    }

    /// What the last attempt gave: confirmation, or the full slots with the free ones and the
    /// waiting list.
    fn outcome_ui(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        writable: bool,
        parent: &Beneficiary,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
    ) -> bool {
        let Some(outcome) = self.outcome.clone() else {
            return false;
        };
        let mut changed = false;
        match outcome {
            Outcome::Booked(label, notes) => {
                ui.label(RichText::new(format!("Réservé — {label}")).color(theme::OK));
                for note in notes {
                    ui.label(RichText::new(note).color(theme::WARNING));
                }
            }
            Outcome::Waiting(label) => {
                ui.label(
                    RichText::new(format!("Mis en liste d'attente — {label}")).color(theme::OK),
                );
            }
            Outcome::Full {
                message,
                suggestions,
                request,
            } => {
                ui.label(RichText::new(message).color(theme::ERROR));
                if suggestions.is_empty() {
                    ui.label(RichText::new(text::creche::CRECHE_NO_SUGGESTION).weak());
                } else {
                    ui.label(text::creche::CRECHE_SUGGESTIONS);
                }
                for suggestion in suggestions {
                    let label = format!("Réserver {suggestion}");
                    if ui.add_enabled(writable, egui::Button::new(label)).clicked() {
                        let booking = Booking {
                            id: BookingId::new(),
                            schedule: suggestion.schedule.clone(),
                            start: suggestion.start,
                            end: suggestion.end,
                            ..request.clone()
                        };
                        changed |= self.try_booking(draft, parent, all, booking, context);
                    }
                }
                if ui
                    .add_enabled(
                        writable,
                        egui::Button::new(text::creche::CRECHE_TO_WAITING_LIST),
                    )
                    .clicked()
                {
                    let label = format!(
                        "{} : {}",
                        child_name(parent, request.child),
                        request.label()
                    );
                    draft.creche.waiting.push(WaitingRequest {
                        booking: request,
                        requested_on: context.today,
                    });
                    self.outcome = Some(Outcome::Waiting(label));
                    changed = true;
                }
            }
        }
        changed
    }

    /// The booking form's fields.
    fn form_ui(
        &mut self,
        ui: &mut Ui,
        enabled: bool,
        parent: &Beneficiary,
        settings: &CrecheSettings,
    ) {
        let form = &mut self.form;
        let errors = form.errors.clone();
        let error_of = |field: FormField| {
            errors
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        };
        egui::Grid::new("creche-booking-form")
            .num_columns(2)
            .min_col_width(theme::LABEL_WIDTH)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(text::creche::CRECHE_CHILD);
                ui.horizontal(|ui| {
                    let children: Vec<Option<ChildId>> =
                        parent.family.children.iter().map(|c| Some(c.id)).collect();
                    choice_box(
                        ui,
                        text::creche::CRECHE_CHILD,
                        label.id,
                        enabled,
                        &mut form.child,
                        &children,
                        &|c: Option<ChildId>| c.map_or_else(String::new, |c| child_name(parent, c)),
                    );
                    error_label(ui, error_of(FormField::Child));
                });
                ui.end_row();

                ui.label(text::creche::CRECHE_KIND);
                ui.horizontal(|ui| {
                    ui.add_enabled_ui(enabled, |ui| {
                        ui.radio_value(&mut form.recurring, false, text::creche::CRECHE_ONCE);
                        ui.radio_value(&mut form.recurring, true, text::creche::CRECHE_WEEKLY);
                    });
                });
                ui.end_row();

                if form.recurring {
                    ui.label(text::creche::CRECHE_DAYS);
                    ui.horizontal(|ui| {
                        ui.add_enabled_ui(enabled, |ui| {
                            for (day, on) in CrecheSettings::WEEKDAYS.iter().zip(&mut form.days) {
                                if settings.open_days.contains(day) {
                                    ui.checkbox(on, weekday_label(*day));
                                }
                            }
                        });
                        error_label(ui, error_of(FormField::Days));
                    });
                    ui.end_row();
                    date_row(
                        ui,
                        text::creche::CRECHE_FROM,
                        &mut form.from,
                        enabled,
                        error_of(FormField::From),
                    );
                    date_row(
                        ui,
                        text::creche::CRECHE_UNTIL,
                        &mut form.until,
                        enabled,
                        error_of(FormField::Until),
                    );
                } else {
                    date_row(
                        ui,
                        text::creche::CRECHE_DATE,
                        &mut form.date,
                        enabled,
                        error_of(FormField::Date),
                    );
                }

                let label = ui.label(text::creche::CRECHE_HOURS);
                ui.horizontal(|ui| {
                    let starts: Vec<NaiveTime> = settings.slot_starts();
                    time_box(
                        ui,
                        text::creche::CRECHE_START,
                        label.id,
                        enabled,
                        &mut form.start,
                        &starts,
                    );
                    ui.label("–");
                    let ends: Vec<NaiveTime> = starts
                        .iter()
                        .map(|&t| add_half_hours(t, 1))
                        .filter(|&t| t > form.start)
                        .collect();
                    if !ends.contains(&form.end) {
                        form.end = ends.first().copied().unwrap_or(form.end);
                    }
                    time_box(
                        ui,
                        text::creche::CRECHE_END,
                        label.id,
                        enabled,
                        &mut form.end,
                        &ends,
                    );
                    error_label(ui, error_of(FormField::Hours));
                });
                ui.end_row();

                let label = ui.label(text::creche::CRECHE_REASON);
                ui.horizontal(|ui| {
                    let mut kind = BookingReason::KINDS
                        .into_iter()
                        .find(|k| k.same_kind(form.reason))
                        .unwrap_or_default();
                    if choice_box(
                        ui,
                        text::creche::CRECHE_REASON,
                        label.id,
                        enabled,
                        &mut kind,
                        &BookingReason::KINDS,
                        &|r: BookingReason| r.label().to_owned(),
                    ) {
                        form.reason = kind;
                    }
                });
                ui.end_row();
                let label = ui.label(text::creche::CRECHE_NOTE);
                ui.add_enabled(
                    enabled,
                    TextEdit::singleline(&mut form.note)
                        .id(field_id(text::creche::CRECHE_NOTE))
                        .hint_text(text::creche::CRECHE_NOTE_HINT)
                        .desired_width(theme::FIELD_WIDTH),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
    }

    /// The weekly planning across every family.
    fn week_ui(
        &mut self,
        ui: &mut Ui,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
    ) -> Option<CrecheAction> {
        let mut action = None;
        let settings = context.settings;
        let monday = self.week.unwrap_or_else(|| planning_monday(context.today));
        let plan = WeekPlan::build(all, settings, monday);
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_PLANNING);
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(text::creche::CRECHE_PREVIOUS_WEEK).clicked() {
                self.week = monday.checked_sub_days(Days::new(7));
            }
            if ui.button(text::creche::CRECHE_THIS_WEEK).clicked() {
                self.week = None;
            }
            if ui.button(text::creche::CRECHE_NEXT_WEEK).clicked() {
                self.week = monday.checked_add_days(Days::new(7));
            }
            if ui.button(text::creche::CRECHE_SETTINGS).clicked() {
                action = Some(CrecheAction::OpenSettings);
            }
        });
        if ui.button(text::creche::CRECHE_SAVE_WEEK_PDF).clicked() {
            self.save_week_pdf(all, context, monday);
        }
        if let Some(path) = &self.pdf_fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
            && let Some(path) = self.pdf_fallback.take()
        {
            self.write_week_pdf(all, context, monday, &path);
        }
        if let Some((message, failed)) = &self.pdf_status {
            let colour = if *failed { theme::ERROR } else { theme::OK };
            ui.label(RichText::new(message).color(colour));
        }
        let friday = plan.days.last().map_or(monday, |d| d.date);
        ui.label(
            RichText::new(format!(
                "Semaine {} : du {} au {}",
                iso_week_label(monday),
                day_label(monday),
                day_label(friday)
            ))
            .strong(),
        );
        ui.label(format!(
            "{} : {:.1} % ({:.1} heures-enfant réservées sur {:.1} — {} places × heures d'ouverture)",
            text::creche::CRECHE_OCCUPANCY,
            plan.occupancy_percent(),
            plan.booked_hours(),
            plan.capacity_hours(),
            plan.capacity
        )
        .replace('.', ","));
        let over = plan
            .days
            .iter()
            .flat_map(|d| &d.cells)
            .filter(|c| c.booked > plan.capacity)
            .count();
        if over > 0 {
            ui.label(
                RichText::new(format!(
                    "Attention : {over} demi-heure(s) surréservée(s) cette semaine (en rouge), sans doute des réservations faites sur deux ordinateurs. Ouvrez la case pour voir les familles et annulez ou déplacez une réservation."
                ))
                .color(theme::ERROR)
                .strong(),
            );
        }
        legend_ui(ui);
        let before = self.cell;
        grid_ui(ui, &plan, &mut self.cell);
        // A cell just opened also proposes its day and time to the booking form (same length).
        if self.cell != before
            && let Some((date, start)) = self.cell
        {
            let length = half_hours_between(self.form.start, self.form.end).max(1);
            self.form.recurring = false;
            self.form.date = format_date(date);
            self.form.start = start;
            self.form.end = add_half_hours(start, length).min(settings.closes_at);
            if self.form.end <= start {
                self.form.end = add_half_hours(start, 1);
            }
        }
        if let Some((date, start)) = self.cell
            && let Some(cell) = plan.cell(date, start)
        {
            ui.add_space(theme::SPACE_S);
            ui.label(
                RichText::new(format!(
                    "{} à {} : {} enfant(s) pour {} places",
                    day_label(date),
                    format_time(start),
                    cell.booked,
                    plan.capacity
                ))
                .strong(),
            );
            for entry in &cell.entries {
                ui.horizontal(|ui| {
                    ui.label(format!(
                        "{} (fiche {}) — {}",
                        entry.child_name, entry.parent_name, entry.reason
                    ));
                    if entry.parent != context.shown.id
                        && ui
                            .small_button(format!("Ouvrir la fiche {}", entry.parent_name))
                            .clicked()
                    {
                        action = Some(CrecheAction::Select(entry.parent));
                    }
                });
            }
        }
        action
    }
}

/// A narrow drop-down of half-hours, labelled by `label_id`.
fn time_box(
    ui: &mut Ui,
    id_salt: &str,
    label_id: egui::Id,
    enabled: bool,
    value: &mut NaiveTime,
    options: &[NaiveTime],
) {
    ui.add_enabled_ui(enabled, |ui| {
        egui::ComboBox::from_id_salt(id_salt)
            .selected_text(format_time(*value))
            .width(theme::CRECHE_TIME_WIDTH)
            .show_ui(ui, |ui| {
                for &option in options {
                    ui.selectable_value(value, option, format_time(option));
                }
            })
            .response
            .labelled_by(label_id);
    });
}

impl CrechePanel {
    /// Asks where to save the week's planning, then writes it (the same PDF as
    /// `parcours creche week --pdf`).
    fn save_week_pdf(
        &mut self,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
        monday: NaiveDate,
    ) {
        let name = format!("creche_{}.pdf", iso_week_label(monday));
        let Some(path) = rfd::FileDialog::new()
            .set_title(text::creche::CRECHE_SAVE_WEEK_PDF)
            .set_file_name(&name)
            .add_filter(text::common::PDF_FILTER, &["pdf"])
            .save_file()
        else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which): nothing saved,
            // and the Documents folder offered.
            let folder = crate::report::fallback_folder();
            self.pdf_status = Some((
                text::common::no_file_chosen(text::creche::THE_WEEK_PLANNING, folder.as_deref()),
                true,
            ));
            self.pdf_fallback = folder.map(|folder| crate::report::free_path(&folder, &name));
            return;
        };
        self.write_week_pdf(all, context, monday, &path);
    }

    /// Renders the week's planning and writes it at `path`, saying how it went.
    fn write_week_pdf(
        &mut self,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
        monday: NaiveDate,
        path: &std::path::Path,
    ) {
        self.pdf_fallback = None;
        let week = CrecheWeek::build(
            all,
            context.settings,
            context.structure,
            monday,
            context.today,
        );
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([creche_week_template()]));
        self.pdf_status = Some(match render_creche_week(engine, &week) {
            Err(error) => (error.to_string(), true),
            Ok(rendered) => {
                if let Err(error) = save_pdf(path, &rendered.pdf) {
                    (error.to_string(), true)
                } else {
                    let done = format!("{} {}.", text::creche::CRECHE_WEEK_SAVED, path.display());
                    match rendered.warning_message() {
                        Some(warning) => (format!("{done} {warning}"), false),
                        None => (done, false),
                    }
                }
            }
        });
    }
}

fn error_label(ui: &mut Ui, message: Option<String>) {
    if let Some(message) = message {
        crate::ui::widgets::error_message(ui, &message);
    }
}

fn date_row(ui: &mut Ui, label: &str, value: &mut String, enabled: bool, error: Option<String>) {
    let label_response = ui.label(label);
    ui.horizontal(|ui| {
        ui.add_enabled(
            enabled,
            TextEdit::singleline(value)
                .id(field_id(label))
                .hint_text(text::common::DATE_HINT)
                .desired_width(theme::DATE_FIELD_WIDTH),
        )
        .labelled_by(label_response.id);
        error_label(ui, error);
    });
    ui.end_row();
}

/// A child's first name, or "l'enfant" when it has none yet.
fn child_name(parent: &Beneficiary, child: ChildId) -> String {
    parent
        .family
        .children
        .iter()
        .find(|c| c.id == child)
        .map(|c| c.first_name.trim())
        .filter(|n| !n.is_empty())
        .map_or_else(|| "(enfant sans prénom)".to_owned(), str::to_owned)
}

/// The children, their age against the crèche's range, and their care information.
fn children_ui(
    ui: &mut Ui,
    draft: &mut BeneficiaryDraft,
    errors: &[FieldError],
    writable: bool,
    context: &CrecheContext<'_>,
) -> bool {
    let children = &context.shown.family.children;
    let mut form = Form::new(errors, writable);
    if children.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_CHILDREN);
        ui.separator();
        ui.label(RichText::new(text::creche::CRECHE_NO_CHILD).weak());
        return false;
    }
    for (position, child) in children.iter().enumerate() {
        let name = if child.first_name.trim().is_empty() {
            format!("Enfant {}", position + 1)
        } else {
            child.first_name.trim().to_owned()
        };
        form.section_keyed(
            ui,
            ("creche-child", child.id),
            &format!("{} — {name}", text::creche::CRECHE_CHILD_SECTION),
            |form, ui| {
                let age = child.birth_date.map_or_else(
                    || text::common::NOT_PROVIDED.to_owned(),
                    |b| {
                        format!(
                            "né·e le {} ({})",
                            format_date(b),
                            age_words(age_in_months(b, context.today))
                        )
                    },
                );
                ui.label(RichText::new(text::creche::CRECHE_AGE).weak());
                ui.vertical(|ui| {
                    ui.label(age);
                    let (status, color) =
                        age_status(context.settings, child.birth_date, context.today);
                    ui.label(RichText::new(status).color(color));
                });
                ui.end_row();
                let Some((index, care)) = draft.creche.care_mut(child.id) else {
                    return;
                };
                form.text(
                    ui,
                    &format!("Allergies de {name} (confidentiel)"),
                    &mut care.allergies,
                    None,
                );
                form.text(
                    ui,
                    &format!("Contact d'urgence pour {name}"),
                    &mut care.emergency_contact,
                    None,
                );
                form.date(
                    ui,
                    &format!("Début de l'accueil de {name}"),
                    &mut care.care_starts_on,
                    Field::CareStartsOn(index),
                );
                form.multiline(
                    ui,
                    &format!("Santé de {name} (confidentiel)"),
                    &mut care.health_notes,
                );
                form.multiline(
                    ui,
                    &format!("Autorisé·es à venir chercher {name} (un par ligne)"),
                    &mut care.pickups,
                );
            },
        );
    }
    form.changed
}

/// "Peut être accueilli·e jusqu'au …", or why not.
fn age_status(
    settings: &CrecheSettings,
    birth: Option<NaiveDate>,
    today: NaiveDate,
) -> (String, egui::Color32) {
    match settings.age_on(birth, today) {
        CrecheAge::Unknown => (
            "Âge inconnu : renseignez la date de naissance (onglet Identité).".to_owned(),
            theme::WARNING,
        ),
        CrecheAge::TooYoung { from } => (
            format!(
                "Trop jeune pour la micro-crèche : accueil possible à partir du {}.",
                format_date(from)
            ),
            theme::WARNING,
        ),
        CrecheAge::Eligible { until } => (
            format!(
                "Peut être accueilli·e à la micro-crèche jusqu'au {}.",
                format_date(until)
            ),
            theme::OK,
        ),
        CrecheAge::TooOld => (
            "Au-delà de l'âge de la micro-crèche.".to_owned(),
            theme::ROUTE_UNKNOWN,
        ),
    }
}

/// The family's waiting requests with their rank, and the request a freed place can take.
fn waiting_ui(
    ui: &mut Ui,
    draft: &mut BeneficiaryDraft,
    writable: bool,
    parent: &Beneficiary,
    all: &[&Beneficiary],
    context: &CrecheContext<'_>,
) -> (bool, Option<CrecheAction>) {
    let mut changed = false;
    let mut action = None;
    let queue = waiting_list(all, context.today);
    ui.add_space(theme::SECTION_GAP);
    ui.heading(text::creche::CRECHE_WAITING);
    ui.separator();
    ui.label(RichText::new(text::creche::creche_waiting_count(queue.len())).weak());
    ui.label(RichText::new(text::creche::CRECHE_WAITING_ORDER).weak());
    let mut remove = None;
    for (index, request) in draft.creche.waiting.iter().enumerate() {
        let queued = queue
            .iter()
            .position(|q| q.parent == parent.id && q.index == index);
        ui.horizontal(|ui| {
            if request.is_expired(context.today) {
                ui.label(
                    RichText::new(text::creche::CRECHE_REQUEST_EXPIRED)
                        .strong()
                        .color(theme::WARNING),
                );
            } else if let Some((rank, priority)) =
                queued.and_then(|p| Some((p + 1, queue.get(p)?.priority)))
            {
                ui.label(RichText::new(format!("n° {rank}")).strong())
                    .on_hover_text(priority.label());
            }
            ui.label(format!(
                "{} : {} — {} (demandé le {})",
                child_name(parent, request.booking.child),
                request.booking.label(),
                request.booking.reason_text(),
                format_date(request.requested_on)
            ));
            if ui
                .add_enabled(
                    writable,
                    egui::Button::new(text::creche::CRECHE_REMOVE_REQUEST),
                )
                .clicked()
            {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove
        && index < draft.creche.waiting.len()
    {
        draft.creche.waiting.remove(index);
        return (true, None);
    }
    if queue.is_empty() {
        return (changed, action);
    }
    if let Some((queued, planned)) = first_fitting_request(all, context.settings, context.today) {
        let owner = all.iter().find(|r| r.id == queued.parent);
        let who = owner.map(|r| r.display_name()).unwrap_or_default();
        let what = owner.map_or_else(String::new, |r| {
            format!(
                "{} : {}",
                child_name(r, planned.booking.child),
                planned.booking.label()
            )
        });
        ui.label(
            RichText::new(format!(
                "Une place est libre pour la demande n° {} ({who} — {what}).",
                queue.iter().position(|q| *q == queued).map_or(0, |p| p + 1)
            ))
            .color(theme::OK),
        );
        if queued.parent == parent.id {
            if ui
                .add_enabled(
                    writable,
                    egui::Button::new(text::creche::CRECHE_PLACE_REQUEST),
                )
                .clicked()
                && queued.index < draft.creche.waiting.len()
            {
                draft.creche.waiting.remove(queued.index);
                draft.creche.bookings.push(planned.booking);
                changed = true;
            }
        } else if ui.button(format!("Ouvrir la fiche {who}")).clicked() {
            action = Some(CrecheAction::Select(queued.parent));
        }
    }
    (changed, action)
}

/// The colour of a cell.
const fn fill_colour(fill: Fill) -> egui::Color32 {
    match fill {
        Fill::Free => theme::CRECHE_FREE,
        Fill::NearlyFull => theme::CRECHE_NEARLY_FULL,
        Fill::Full => theme::CRECHE_FULL,
        Fill::Over => theme::CRECHE_OVER,
    }
}

fn legend_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(text::creche::CRECHE_LEGEND).weak());
        for fill in [Fill::Free, Fill::NearlyFull, Fill::Full, Fill::Over] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, fill_colour(fill));
            ui.label(fill.label());
        }
    });
}

/// Days × half-hours; each cell a focusable button named "mardi 24/11/2026 09:30 : 9/12".
fn grid_ui(ui: &mut Ui, plan: &WeekPlan, selected: &mut Option<(NaiveDate, NaiveTime)>) {
    let cell_size = egui::vec2(theme::CRECHE_CELL_WIDTH, theme::CRECHE_CELL_HEIGHT);
    egui::Grid::new(("creche-week", plan.monday))
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for day in &plan.days {
                ui.vertical_centered(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} {:02}/{:02}",
                            weekday_label(day.date.weekday()),
                            day.date.day(),
                            day.date.month()
                        ))
                        .strong(),
                    );
                });
            }
            ui.end_row();
            for &start in &plan.slot_starts {
                ui.label(RichText::new(start.format("%H:%M").to_string()).weak());
                for day in &plan.days {
                    let (rect, response) = ui.allocate_exact_size(cell_size, Sense::click());
                    let Some(cell) = day.cells.iter().find(|c| c.start == start) else {
                        ui.painter().rect_filled(rect, 2.0, theme::CRECHE_CLOSED);
                        if start == plan.slot_starts.first().copied().unwrap_or(start) {
                            let closure = day.closure.as_deref().unwrap_or("Fermé");
                            ui.painter().text(
                                rect.center(),
                                Align2::CENTER_CENTER,
                                closure,
                                FontId::proportional(12.0),
                                theme::CRECHE_CELL_TEXT,
                            );
                        }
                        let name = format!(
                            "{} {} : {}",
                            day_label(day.date),
                            start.format("%H:%M"),
                            day.closure.as_deref().unwrap_or("Fermé")
                        );
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, false, &name)
                        });
                        continue;
                    };
                    let fill = Fill::of(cell.booked, plan.capacity);
                    let text = format!("{}/{}", cell.booked, plan.capacity);
                    let name =
                        format!("{} {} : {text}", day_label(day.date), start.format("%H:%M"));
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    let painter = ui.painter();
                    painter.rect_filled(rect, 2.0, fill_colour(fill));
                    let is_selected = *selected == Some((day.date, start));
                    if is_selected || response.has_focus() || response.hovered() {
                        painter.rect_stroke(
                            rect,
                            2.0,
                            Stroke::new(2.0, theme::CRECHE_SELECTED),
                            StrokeKind::Inside,
                        );
                    }
                    let colour = if fill == Fill::Over {
                        egui::Color32::WHITE
                    } else {
                        theme::CRECHE_CELL_TEXT
                    };
                    painter.text(
                        rect.center(),
                        Align2::CENTER_CENTER,
                        &text,
                        FontId::proportional(13.0),
                        colour,
                    );
                    let response = if cell.entries.is_empty() {
                        response
                    } else {
                        response.on_hover_text(
                            cell.entries
                                .iter()
                                .map(|e| format!("{} ({})", e.child_name, e.parent_name))
                                .collect::<Vec<_>>()
                                .join("\n"),
                        )
                    };
                    if response.clicked() {
                        *selected = Some((day.date, start));
                    }
                }
                ui.end_row();
            }
        });
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
            records: cx.records,
            settings: cx.creche,
            today: cx.today,
            structure: &cx.settings.structure_name,
        };
        let (changed, action) = self.draw(ui, edit.draft, edit.errors, cx.writable, &context);
        edit.changed |= changed;
        match action {
            Some(CrecheAction::Select(other)) => out.push(Command::Select(other)),
            Some(CrecheAction::OpenSettings) => out.push(Command::OpenCrecheSettings),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveTime, Utc};

    use super::{CrechePanel, InterviewBooking, age_words};
    use crate::model::{ApplicationId, Beneficiary, BookingReason, CrecheSettings};

    fn interview_hours(time: Option<NaiveTime>) -> (NaiveTime, NaiveTime, String) {
        let mut panel = CrechePanel::default();
        let interview = InterviewBooking {
            application: ApplicationId::new(),
            date: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            time,
            label: "Commis — Brasserie".into(),
        };
        let parent = Beneficiary::new(Utc::now());
        panel.prefill_for_interview(&interview, &parent, &CrecheSettings::default());
        assert_eq!(
            panel.form.reason,
            BookingReason::Interview(Some(interview.application))
        );
        assert_eq!(panel.form.date, "26/11/2026");
        (panel.form.start, panel.form.end, panel.form.note)
    }

    #[test]
    fn an_interview_is_framed_by_the_way_there_and_back_on_the_half_hour_grid() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        // 10:15: from 9:30 (45 minutes before) to 12:00 (an hour, then 45 minutes back).
        assert_eq!(interview_hours(Some(t(10, 15))).0, t(9, 30));
        assert_eq!(interview_hours(Some(t(10, 15))).1, t(12, 0));
        // 14:00: 13:00 (13:15 rounded down) to 15:45 rounded up to 16:00.
        assert_eq!(interview_hours(Some(t(14, 0))).0, t(13, 0));
        assert_eq!(interview_hours(Some(t(14, 0))).1, t(16, 0));
        // Kept within the opening hours (8:00–18:30 by default).
        assert_eq!(interview_hours(Some(t(8, 15))).0, t(8, 0));
        assert_eq!(interview_hours(Some(t(17, 45))).1, t(18, 30));
        // No time known: the morning, and the note says the hour is to be set.
        let (start, end, note) = interview_hours(None);
        assert_eq!((start, end), (t(8, 0), t(11, 0)));
        assert_eq!(note, "Entretien : Commis — Brasserie (heure à préciser)");
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(age_words(8), "8 mois");
        assert_eq!(age_words(12), "1 an");
        assert_eq!(age_words(27), "2 ans et 3 mois");
    }
}
