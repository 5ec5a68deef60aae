//! The sessions log of the "Préparation à l'emploi" tab: the hours spent with the person
//! against the 70 % individual / 30 % collective target, a new session in a few keystrokes,
//! and the log itself (sessions noted here, and those computed from the workshops attended).

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use crate::model::preparation::{
    Hours, INDIVIDUAL_TARGET_PERCENT, Session, SessionDraft, SessionKind, format_minutes,
    parse_duration,
};
use crate::model::{BeneficiaryDraft, format_date, parse_date};
use crate::ui::text::preparation as words;
use crate::ui::widgets::{Form, choice_box, field_id, info_row, list_editor};
use crate::ui::{text, theme};

/// How far (in percentage points) the individual share may stray from the target before the
/// split is flagged.
const SPLIT_TOLERANCE_POINTS: i64 = 10;

/// The session being logged, before it joins the record.
struct NewSession {
    date: String,
    duration: String,
    kind: SessionKind,
    note: String,
    date_error: Option<String>,
    duration_error: Option<String>,
    /// A third session identical to two already noted waits for a confirmation.
    confirm_identical: bool,
}

/// State of the sessions section: the session being logged.
#[derive(Default)]
pub(super) struct SessionsSection {
    new_session: Option<NewSession>,
}

impl SessionsSection {
    /// Draws the hours, the new session's form and the log; `attended` are the sessions
    /// computed from the workshops' attendance.
    pub(super) fn ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        attended: &[Session],
        today: NaiveDate,
    ) {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::SESSIONS);
        ui.separator();
        let logged = draft.preparation.to_preparation(&mut Vec::new());
        hours_ui(ui, logged.hours(attended));
        ui.add_space(theme::SPACE_S);
        self.new_session_ui(ui, form, draft, today);
        ui.add_space(theme::SPACE_S);
        let enabled = form.enabled();
        // Honoured appointments are sessions too, settled in the appointments' list.
        let honoured: Vec<Session> = logged
            .appointments
            .iter()
            .filter_map(crate::model::preparation::Appointment::as_session)
            .collect();
        let mut rows: Vec<(Option<usize>, &Session, &str)> = logged
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(i), s, ""))
            .chain(honoured.iter().map(|s| (None, s, words::FROM_APPOINTMENTS)))
            .chain(attended.iter().map(|s| (None, s, words::FROM_CATALOGUE)))
            .collect();
        rows.sort_by_key(|(_, s, _)| std::cmp::Reverse(s.date));
        if rows.is_empty() {
            ui.label(RichText::new(words::NO_SESSION).weak());
            return;
        }
        let removed = egui::Grid::new("sessions-log")
            .num_columns(5)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for header in words::SESSION_HEADERS {
                    ui.label(RichText::new(header).weak());
                }
                ui.end_row();
                // The rows in date order, the logged ones removable: the entry taken out
                // of this list names the draft's session to remove.
                list_editor::rows(&mut rows, |_, &mut (index, session, origin)| {
                    ui.label(format_date(session.date));
                    ui.label(format_minutes(session.duration_minutes));
                    ui.label(session.kind.label());
                    ui.label(&session.note);
                    let remove = if let Some(i) = index {
                        ui.add_enabled(enabled, egui::Button::new(text::common::REMOVE).small())
                            .accessible_name(words::remove_session(i + 1))
                            .clicked()
                    } else {
                        ui.label(RichText::new(origin).weak());
                        false
                    };
                    ui.end_row();
                    remove
                })
            })
            .inner;
        // Logged sessions are valid by construction (checked when added): positions match.
        if let Some((_, (Some(i), _, _))) = removed
            && i < draft.preparation.sessions.len()
        {
            draft.preparation.sessions.remove(i);
            form.changed = true;
        }
    }

    fn new_session_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        let new = self.new_session.get_or_insert_with(|| NewSession {
            date: format_date(today),
            duration: String::new(),
            kind: SessionKind::FaceToFace,
            note: String::new(),
            date_error: None,
            duration_error: None,
            confirm_identical: false,
        });
        let mut add = false;
        let mut confirmed = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(words::NEW_SESSION).strong());
            let mut entered = false;
            ui.horizontal(|ui| {
                let label = ui.label(words::SESSION_DATE);
                ui.add_enabled(
                    enabled,
                    TextEdit::singleline(&mut new.date)
                        .id(field_id(words::SESSION_DATE))
                        .hint_text(text::common::DATE_HINT)
                        .desired_width(theme::DATE_FIELD_WIDTH),
                )
                .labelled_by(label.id);
                let label = ui.label(words::SESSION_DURATION);
                let duration = ui
                    .add_enabled(
                        enabled,
                        TextEdit::singleline(&mut new.duration)
                            .id(field_id(words::SESSION_DURATION))
                            .hint_text(words::SESSION_DURATION_HINT)
                            .desired_width(90.0),
                    )
                    .labelled_by(label.id);
                entered |= duration.lost_focus();
            });
            ui.horizontal(|ui| {
                let label = ui.label(words::SESSION_KIND);
                choice_box(
                    ui,
                    words::SESSION_KIND,
                    label.id,
                    enabled,
                    &mut new.kind,
                    &SessionKind::ALL,
                    &|k: SessionKind| k.label().to_owned(),
                );
            });
            ui.horizontal(|ui| {
                let label = ui.label(words::SESSION_NOTE);
                let note = ui
                    .add_enabled(
                        enabled,
                        TextEdit::singleline(&mut new.note)
                            .id(field_id(words::SESSION_NOTE))
                            .desired_width(theme::FIELD_WIDTH),
                    )
                    .labelled_by(label.id);
                entered |= note.lost_focus();
                // Enter in the duration or the note logs the session: a few keystrokes each.
                let entered = entered && ui.input(|i| i.key_pressed(egui::Key::Enter));
                add = ui
                    .add_enabled(enabled, egui::Button::new(words::SESSION_ADD))
                    .clicked()
                    || entered;
            });
            if new.confirm_identical {
                ui.label(RichText::new(words::SESSION_THIRD_IDENTICAL).color(theme::WARNING));
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(enabled, egui::Button::new(words::SESSION_ADD_ANYWAY))
                        .clicked()
                    {
                        add = true;
                        confirmed = true;
                    }
                    if ui.button(words::SESSION_DONT_ADD).clicked() {
                        new.confirm_identical = false;
                    }
                });
            }
        });
        for message in [&new.date_error, &new.duration_error].into_iter().flatten() {
            ui.label(RichText::new(message).color(theme::ERROR));
        }
        if !add {
            return;
        }
        let date = parse_date(&new.date);
        let duration = parse_duration(&new.duration);
        new.date_error = match &date {
            Ok(Some(day)) if *day > today => Some(words::SESSION_IN_FUTURE.to_owned()),
            Ok(Some(_)) => None,
            Ok(None) => Some(words::SESSION_DATE_REQUIRED.to_owned()),
            Err(message) => Some(message.clone()),
        };
        new.duration_error = duration.as_ref().err().cloned();
        if let (Ok(Some(date)), Ok(minutes), None) = (date, duration, &new.date_error) {
            // Two identical sessions happen (a morning and an afternoon); a third is more
            // likely Enter pressed once too often: it asks first.
            let identical = draft
                .preparation
                .sessions
                .iter()
                .filter(|s| {
                    s.kind == new.kind
                        && parse_date(&s.date) == Ok(Some(date))
                        && parse_duration(&s.duration) == Ok(minutes)
                })
                .count();
            if identical >= 2 && !confirmed {
                new.confirm_identical = true;
                return;
            }
            new.confirm_identical = false;
            draft.preparation.sessions.push(SessionDraft {
                note: new.note.trim().to_owned(),
                ..SessionDraft::new(date, &format_minutes(minutes), new.kind)
            });
            form.changed = true;
            // Ready for the next one: same day and kind, which is how sessions come.
            new.duration.clear();
            new.note.clear();
        }
    }
}

/// Individual and collective hours, and their split against the 70/30 target.
fn hours_ui(ui: &mut Ui, hours: Hours) {
    egui::Grid::new("hours")
        .num_columns(2)
        .min_col_width(theme::HOURS_LABEL_WIDTH)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            info_row(
                ui,
                words::HOURS_INDIVIDUAL,
                &format_minutes(hours.individual_minutes),
            );
            info_row(
                ui,
                words::HOURS_COLLECTIVE,
                &format_minutes(hours.collective_minutes),
            );
            ui.label(RichText::new(words::HOURS_SPLIT).weak());
            let target = words::split_target(INDIVIDUAL_TARGET_PERCENT);
            if let (Some((individual, collective)), Some(gap)) =
                (hours.split_percent(), hours.gap_to_target())
            {
                let (advice, color) = if gap.abs() <= SPLIT_TOLERANCE_POINTS {
                    (words::SPLIT_ON_TARGET, theme::OK)
                } else if gap > 0 {
                    (words::SPLIT_MORE_COLLECTIVE, theme::WARNING)
                } else {
                    (words::SPLIT_MORE_INDIVIDUAL, theme::WARNING)
                };
                ui.label(
                    RichText::new(words::split(individual, collective))
                        .color(color)
                        .strong(),
                );
                ui.end_row();
                ui.label(RichText::new(target).weak());
                ui.label(RichText::new(advice).color(color));
            } else {
                ui.label(RichText::new(words::NO_HOURS).weak());
                ui.end_row();
                ui.label(RichText::new(target).weak());
                ui.label("");
            }
            ui.end_row();
        });
}
