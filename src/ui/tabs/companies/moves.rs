//! Moving an application to its next state: the draft of the move (the details each state
//! needs, as typed) and its form under the application, with "Valider le changement".

use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, Ui};

use crate::model::companies::{Application, ApplicationState, EndReason, RefusalReason, StateKind};
use crate::model::{ApplicationId, ContractKind, format_date, parse_date};
use crate::ui::command::Command;
use crate::ui::context::RecordEdit;
use crate::ui::text::{common, companies as words};
use crate::ui::theme;
use crate::ui::widgets::choice_box;

use super::text_row;

/// A move being filled in: the state chosen and the details it needs, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct MoveDraft {
    /// The application moved.
    pub(super) application: ApplicationId,
    to: StateKind,
    date: String,
    time: String,
    place: String,
    contract: ContractKind,
    reason: RefusalReason,
    end_reason: EndReason,
    note: String,
    error: Option<String>,
    /// The interview's day, for a hire: the start date is never before it.
    interview_on: Option<NaiveDate>,
}

impl MoveDraft {
    pub(super) fn new(application: &Application, to: StateKind, today: NaiveDate) -> Self {
        let interview_on = match application.state {
            ApplicationState::Interview { date, .. } if to == StateKind::Hired => Some(date),
            _ => None,
        };
        // A hire starts on the interview's day at the earliest.
        let date = interview_on.map_or(today, |interview| interview.max(today));
        Self {
            application: application.id,
            interview_on,
            to,
            date: format_date(date),
            time: String::new(),
            place: String::new(),
            contract: ContractKind::Cdi,
            reason: RefusalReason::Other,
            end_reason: EndReason::EndOfContract,
            note: String::new(),
            error: None,
        }
    }

    /// The state the draft describes, or why it cannot be one.
    fn state(&self) -> Result<ApplicationState, String> {
        let date = || match parse_date(&self.date) {
            Ok(Some(date)) => Ok(date),
            Ok(None) => Err(words::DATE_REQUIRED.to_owned()),
            // The same message as every date field of the window.
            Err(message) => Err(message),
        };
        Ok(match self.to {
            StateKind::Proposed => ApplicationState::Proposed,
            StateKind::Sent => ApplicationState::Sent,
            StateKind::Withdrawn => ApplicationState::Withdrawn,
            StateKind::Interview => {
                let time = self.time.trim().replace('h', ":");
                let time = if time.is_empty() {
                    None
                } else {
                    let padded = if time.ends_with(':') {
                        format!("{time}00")
                    } else {
                        time.clone()
                    };
                    Some(
                        NaiveTime::parse_from_str(&padded, "%H:%M")
                            .map_err(|_| words::invalid_time(self.time.trim()))?,
                    )
                };
                ApplicationState::Interview {
                    date: date()?,
                    time,
                    place: self.place.trim().to_owned(),
                }
            }
            StateKind::Hired => {
                let start = date()?;
                if self.interview_on.is_some_and(|interview| start < interview) {
                    return Err(words::HIRE_BEFORE_INTERVIEW.to_owned());
                }
                ApplicationState::Hired {
                    contract: self.contract,
                    start,
                }
            }
            StateKind::Refused => ApplicationState::Refused {
                reason: self.reason,
                note: self.note.trim().to_owned(),
            },
            StateKind::Ended => ApplicationState::Ended {
                reason: self.end_reason,
                on: date()?,
            },
        })
    }
}

/// The form of the move in progress under `application`; "Valider le changement" asks for the
/// record's applications with this one moved, "Annuler" drops the draft.
pub(super) fn move_form_ui(
    ui: &mut Ui,
    moving: &mut Option<MoveDraft>,
    edit: &RecordEdit<'_>,
    application: &Application,
    today: NaiveDate,
    out: &mut Vec<Command>,
) {
    let Some(draft) = moving.as_mut() else {
        return;
    };
    let mut done = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(words::move_heading(draft.to.label())).strong());
        egui::Grid::new(("move", application.id))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| match draft.to {
                StateKind::Interview => {
                    text_row(ui, words::INTERVIEW_DATE, &mut draft.date);
                    text_row(ui, words::INTERVIEW_TIME, &mut draft.time);
                    text_row(ui, words::INTERVIEW_PLACE, &mut draft.place);
                }
                StateKind::Hired => {
                    let label = ui.label(words::CONTRACT);
                    choice_box(
                        ui,
                        words::CONTRACT,
                        label.id,
                        true,
                        &mut draft.contract,
                        &ContractKind::ALL,
                        &|c: ContractKind| c.label().to_owned(),
                    );
                    ui.end_row();
                    text_row(ui, words::START_DATE, &mut draft.date);
                }
                StateKind::Refused => {
                    let label = ui.label(words::REFUSAL_REASON);
                    choice_box(
                        ui,
                        words::REFUSAL_REASON,
                        label.id,
                        true,
                        &mut draft.reason,
                        &RefusalReason::ALL,
                        &|r: RefusalReason| r.label().to_owned(),
                    );
                    ui.end_row();
                    text_row(ui, words::REFUSAL_NOTE, &mut draft.note);
                }
                StateKind::Ended => {
                    let label = ui.label(words::END_REASON);
                    choice_box(
                        ui,
                        words::END_REASON,
                        label.id,
                        true,
                        &mut draft.end_reason,
                        &EndReason::ALL,
                        &|r: EndReason| r.label().to_owned(),
                    );
                    ui.end_row();
                    text_row(ui, words::END_DATE, &mut draft.date);
                }
                _ => {
                    ui.label(words::move_dated(&format_date(today)));
                    ui.end_row();
                }
            });
        if let Some(error) = &draft.error {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui.button(words::CONFIRM_MOVE).clicked() {
                match draft.state() {
                    Err(message) => draft.error = Some(message),
                    Ok(state) => {
                        let mut applications = edit.shown.applications.clone();
                        if let Some(target) =
                            applications.iter_mut().find(|a| a.id == application.id)
                        {
                            match target.move_to(state, today) {
                                Ok(()) => {
                                    out.push(Command::SetApplications(edit.id, applications));
                                    done = true;
                                }
                                Err(error) => draft.error = Some(error.to_string()),
                            }
                        }
                    }
                }
            }
            if ui.button(common::CANCEL).clicked() {
                done = true;
            }
        });
    });
    if done {
        *moving = None;
    }
}
