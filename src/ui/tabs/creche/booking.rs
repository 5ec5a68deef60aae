//! The family's bookings and the booking form: the fields as typed, the checks run on
//! "Réserver" (booked, or refused with the full half-hours and the nearest free ones), and
//! the waiting list offered when the crèche is full.

use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, TextEdit, Ui};

use super::{CrecheContext, CrechePanel, child_name};
use crate::model::creche::{
    Booking, BookingReason, CrecheSettings, Refusal, Schedule, Suggestion, WaitingRequest,
    add_half_hours, format_time, weekday_label,
};
use crate::model::record::Purpose;
use crate::model::record::parse_date;
use crate::model::{Beneficiary, BeneficiaryDraft, BookingId, ChildId};
use crate::ui::widgets::consent_gate::ConsentGate;
use crate::ui::widgets::{choice_box, field_id, list_editor};
use crate::ui::{text, theme};

/// Which field of the booking form a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FormField {
    Child,
    Date,
    Days,
    From,
    Until,
    Hours,
}

/// The booking form, as typed.
#[derive(Debug, Clone)]
pub(super) struct BookingForm {
    pub(super) child: Option<ChildId>,
    pub(super) recurring: bool,
    pub(super) date: String,
    pub(super) days: [bool; 7],
    pub(super) from: String,
    pub(super) until: String,
    pub(super) start: NaiveTime,
    pub(super) end: NaiveTime,
    pub(super) reason: BookingReason,
    pub(super) note: String,
    pub(super) errors: Vec<(FormField, String)>,
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
pub(super) enum Outcome {
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

impl CrechePanel {
    /// The family's bookings, and the form to add one.
    pub(super) fn bookings_ui(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        parent: &Beneficiary,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
    ) -> bool {
        let writable = context.cx.writable;
        let mut changed = false;
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_BOOKINGS);
        ui.separator();
        if draft.creche.bookings.is_empty() {
            ui.label(RichText::new(text::creche::CRECHE_NO_BOOKING).weak());
        }
        // By date (then hour), whatever order they were made in.
        let mut sorted: Vec<&Booking> = draft.creche.bookings.iter().collect();
        sorted.sort_by_key(|b| (b.schedule.span().0, b.start));
        // The button first and the words wrapped after it: a long reason never pushes the
        // button out of the window, nor the row sideways.
        let cancel = list_editor::rows(&mut sorted, |_, booking| {
            ui.horizontal_wrapped(|ui| {
                let clicked = ui
                    .add_enabled(
                        writable,
                        egui::Button::new(text::creche::CRECHE_CANCEL_BOOKING),
                    )
                    .clicked();
                ui.label(RichText::new(child_name(parent, booking.child)).strong());
                ui.label(booking.label());
                ui.add(egui::Label::new(RichText::new(booking.reason_text()).weak()).wrap());
                clicked
            })
            .inner
        })
        .map(|(_, booking)| booking.id);
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
        self.form_ui(ui, writable, parent, context.cx.creche);
        // Booking shares the family's data with the crèche: it waits for the person's consent.
        let gate = ConsentGate::new(("creche", parent.id), Purpose::ShareWithCreche);
        if ui
            .add_enabled(writable, egui::Button::new(text::creche::CRECHE_BOOK))
            .clicked()
            && let Some(booking) = self.form.booking()
            && let Some(booking) = gate.ask(ui.ctx(), &draft.protection, booking)
        {
            changed |= self.try_booking(draft, parent, all, booking, context);
        }
        if gate.pending::<Booking>(ui.ctx()).is_some() {
            let by = draft.referent.clone();
            if let Some(booking) =
                gate.ui::<Booking>(ui, &mut draft.protection, &by, context.cx.today, writable)
            {
                changed = true;
                self.try_booking(draft, parent, all, booking, context);
            }
        }
        changed |= self.outcome_ui(ui, draft, parent, all, context);
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
        match crate::model::creche::plan_booking_on(
            all,
            parent,
            booking.clone(),
            context.cx.creche,
            context.cx.today,
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
        parent: &Beneficiary,
        all: &[&Beneficiary],
        context: &CrecheContext<'_>,
    ) -> bool {
        let writable = context.cx.writable;
        let Some(outcome) = self.outcome.clone() else {
            return false;
        };
        let mut changed = false;
        match outcome {
            Outcome::Booked(label, notes) => {
                ui.label(RichText::new(text::creche::booked(&label)).color(theme::OK));
                for note in notes {
                    ui.label(RichText::new(note).color(theme::WARNING));
                }
            }
            Outcome::Waiting(label) => {
                ui.label(RichText::new(text::creche::put_on_waiting_list(&label)).color(theme::OK));
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
                    let label = text::creche::book_suggestion(&suggestion.to_string());
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
                        requested_on: context.cx.today,
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
