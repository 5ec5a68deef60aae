//! "Paramètres de la micro-crèche": name, places, opening days and hours, age range and closure
//! periods, edited as a draft (closure dates as typed) and handed to the app to save in
//! `creche.ron` only when they make sense.

use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::windows::Window;
use chrono::NaiveTime;
use egui::{RichText, TextEdit, Ui};

use crate::model::creche::{
    Closure, CrecheSettings, UpperAgeRule, add_half_hours, format_time, weekday_label,
};
use crate::model::record::{format_date, parse_date};
use crate::ui::widgets::{choice_box, field_id, list_editor};
use crate::ui::{text, theme};

/// A closure period as typed.
#[derive(Debug, Clone, Default)]
struct ClosureDraft {
    from: String,
    to: String,
    label: String,
}

/// The settings as edited.
#[derive(Debug, Clone)]
struct Draft {
    settings: CrecheSettings,
    closures: Vec<ClosureDraft>,
    problems: Vec<String>,
}

/// The window, open while it holds a draft.
#[derive(Debug, Default)]
pub struct CrecheSettingsWindow {
    draft: Option<Draft>,
}

impl CrecheSettingsWindow {
    /// Opens the window on the current settings.
    pub fn open(&mut self, current: &CrecheSettings) {
        self.draft = Some(Draft {
            settings: current.clone(),
            closures: current
                .closures
                .iter()
                .map(|c| ClosureDraft {
                    from: format_date(c.from),
                    to: format_date(c.to),
                    label: c.label.clone(),
                })
                .collect(),
            problems: Vec::new(),
        });
    }

    /// Closes the window (after a successful save).
    pub fn close(&mut self) {
        self.draft = None;
    }

    /// Shows why the save failed.
    pub fn show_error(&mut self, message: String) {
        if let Some(draft) = &mut self.draft {
            draft.problems = vec![message];
        }
    }

    /// Draws the window; returns the settings to save when "Enregistrer" was clicked and they
    /// make sense.
    fn window_ui(&mut self, ctx: &egui::Context, writable: bool) -> Option<CrecheSettings> {
        let draft = self.draft.as_mut()?;
        let mut open = true;
        let mut cancel = false;
        let mut save = None;
        egui::Window::new(text::creche::CRECHE_SETTINGS_TITLE)
            .open(&mut open)
            .collapsible(false)
            .default_width(620.0)
            .show(ctx, |ui| {
                form_ui(ui, draft);
                for problem in &draft.problems {
                    ui.label(RichText::new(problem).color(theme::ERROR));
                }
                ui.add_space(theme::SPACE_M);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(writable, egui::Button::new(text::common::SAVE))
                        .clicked()
                    {
                        save = draft.checked_settings();
                    }
                    if ui.button(text::common::CANCEL).clicked() {
                        cancel = true;
                    }
                });
            });
        if cancel || !open {
            self.draft = None;
        }
        save
    }
}

impl Draft {
    /// The settings, or the problems (kept for display).
    fn checked_settings(&mut self) -> Option<CrecheSettings> {
        let mut problems = Vec::new();
        let mut closures = Vec::new();
        for (n, c) in self.closures.iter().enumerate() {
            let which = text::creche::closure_name(n + 1, c.label.trim());
            match (parse_date(&c.from), parse_date(&c.to)) {
                (Ok(Some(from)), Ok(Some(to))) => closures.push(Closure {
                    from,
                    to,
                    label: c.label.trim().to_owned(),
                }),
                (Ok(Some(from)), Ok(None)) => closures.push(Closure {
                    from,
                    to: from,
                    label: c.label.trim().to_owned(),
                }),
                (Err(e), _) | (_, Err(e)) => {
                    problems.push(text::creche::closure_problem(&which, &e));
                }
                (Ok(None), _) => problems.push(text::creche::closure_problem(
                    &which,
                    text::creche::CLOSURE_START_REQUIRED,
                )),
            }
        }
        let mut settings = self.settings.clone();
        settings.name = settings.name.trim().to_owned();
        settings.closures = closures;
        problems.extend(settings.problems());
        self.problems.clone_from(&problems);
        problems.is_empty().then_some(settings)
    }
}

fn form_ui(ui: &mut Ui, draft: &mut Draft) {
    let settings = &mut draft.settings;
    egui::Grid::new("creche-settings")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(text::creche::CRECHE_NAME);
            ui.add(
                TextEdit::singleline(&mut settings.name)
                    .id(field_id(text::creche::CRECHE_NAME))
                    .desired_width(theme::FIELD_WIDTH),
            )
            .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(text::creche::CRECHE_CAPACITY);
            ui.add(egui::DragValue::new(&mut settings.capacity).range(1..=60))
                .labelled_by(label.id);
            ui.end_row();

            ui.label(text::creche::CRECHE_OPEN_DAYS);
            ui.horizontal(|ui| {
                for day in CrecheSettings::WEEKDAYS {
                    let mut on = settings.open_days.contains(&day);
                    if ui.checkbox(&mut on, weekday_label(day)).changed() {
                        if on {
                            settings.open_days.push(day);
                            settings
                                .open_days
                                .sort_by_key(chrono::Weekday::num_days_from_monday);
                        } else {
                            settings.open_days.retain(|d| *d != day);
                        }
                    }
                }
            });
            ui.end_row();

            let label = ui.label(text::creche::CRECHE_OPENING_HOURS);
            ui.horizontal(|ui| {
                let times: Vec<NaiveTime> = (0..48u32)
                    .map(|n| add_half_hours(NaiveTime::MIN, n))
                    .collect();
                choice_box(
                    ui,
                    text::creche::CRECHE_OPENS_AT,
                    label.id,
                    true,
                    &mut settings.opens_at,
                    &times,
                    &|t| format_time(t),
                );
                ui.label("–");
                choice_box(
                    ui,
                    text::creche::CRECHE_CLOSES_AT,
                    label.id,
                    true,
                    &mut settings.closes_at,
                    &times,
                    &|t| format_time(t),
                );
            });
            ui.end_row();

            let label = ui.label(text::creche::CRECHE_MIN_AGE);
            ui.add(egui::DragValue::new(&mut settings.min_age_months).range(0..=72))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(text::creche::CRECHE_MAX_AGE);
            ui.add(egui::DragValue::new(&mut settings.max_age_months).range(1..=72))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(text::creche::CRECHE_UPPER_AGE_RULE);
            choice_box(
                ui,
                text::creche::CRECHE_UPPER_AGE_RULE,
                label.id,
                true,
                &mut settings.upper_age_rule,
                &UpperAgeRule::ALL,
                &|rule| rule.label().to_owned(),
            );
            ui.end_row();
        });

    ui.add_space(theme::SPACE_M);
    ui.label(RichText::new(text::creche::CRECHE_CLOSURES).strong());
    list_editor::rows(&mut draft.closures, |n, closure| {
        ui.horizontal(|ui| {
            let fields = [
                (text::creche::closure_from(n + 1), &mut closure.from, true),
                (text::creche::CLOSURE_TO.to_owned(), &mut closure.to, true),
                (
                    text::creche::CLOSURE_REASON.to_owned(),
                    &mut closure.label,
                    false,
                ),
            ];
            for (k, (label, value, is_date)) in fields.into_iter().enumerate() {
                let label_response = ui.label(label);
                let (hint, width) = if is_date {
                    (text::common::DATE_HINT, theme::DATE_FIELD_WIDTH)
                } else {
                    (text::creche::CLOSURE_REASON_HINT, theme::FIELD_WIDTH * 0.7)
                };
                ui.add(
                    TextEdit::singleline(value)
                        .id(field_id(&format!("creche-closure-{n}-{k}")))
                        .hint_text(hint)
                        .desired_width(width),
                )
                .labelled_by(label_response.id);
            }
            ui.small_button(text::common::REMOVE).clicked()
        })
        .inner
    });
    if list_editor::add_button(ui, true, text::creche::CRECHE_ADD_CLOSURE) {
        draft.closures.push(ClosureDraft::default());
    }
}

impl Window for CrecheSettingsWindow {
    fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if let Some(settings) = self.window_ui(ctx, cx.writable) {
            out.push(Command::SaveCrecheSettings(Box::new(settings)));
        }
    }
}
