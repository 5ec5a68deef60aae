//! The action plan of the "Préparation à l'emploi" tab: objectives by theme (those of the
//! needs found in phase 1 created in one click), their actions with who acts and by when,
//! an open action past its due date flagged in the error colour.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::preparation::{ActionDraft, ActionStatus, Actor, ObjectiveDraft, Theme};
use crate::model::{Beneficiary, BeneficiaryDraft, Field, FieldError, parse_date};
use crate::ui::text::preparation::{self as words, of_action, of_objective};
use crate::ui::widgets::{Form, list_editor};
use crate::ui::{text, theme};

use super::cells::{cell_choice, cell_text, form_error, header_row};

/// The action plan; `record` gives the needs found in phase 1.
pub(super) fn plan_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
    record: &Beneficiary,
    today: NaiveDate,
) {
    let enabled = form.enabled();
    ui.add_space(theme::SECTION_GAP);
    ui.heading(words::PLAN);
    ui.separator();
    let needs = record.skills.needs();
    let missing: Vec<Theme> = needs
        .iter()
        .map(|&area| Theme::for_need(area))
        .filter(|theme| {
            !draft
                .preparation
                .objectives
                .iter()
                .any(|o| o.theme == *theme)
        })
        .collect();
    if !missing.is_empty() {
        ui.horizontal_wrapped(|ui| {
            let names: Vec<&str> = missing.iter().map(|t| t.label()).collect();
            ui.label(RichText::new(words::needs_found(&names)).weak());
            if ui
                .add_enabled(enabled, egui::Button::new(words::CREATE_NEED_OBJECTIVES))
                .clicked()
            {
                for theme in missing {
                    draft.preparation.add_objective(theme, theme.label());
                }
                form.changed = true;
            }
        });
    }
    let removed = list_editor::rows(&mut draft.preparation.objectives, |o, objective| {
        objective_ui(ui, form, errors, (o, objective), today)
    });
    if removed.is_some() {
        form.changed = true;
    }
    if list_editor::add_button(ui, enabled, words::ADD_OBJECTIVE) {
        draft.preparation.objectives.push(ObjectiveDraft {
            actions: vec![ActionDraft::default()],
            ..ObjectiveDraft::default()
        });
        form.changed = true;
    }
}

/// One objective and its actions; returns whether the objective is to be removed.
fn objective_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    (o, objective): (usize, &mut ObjectiveDraft),
    today: NaiveDate,
) -> bool {
    let enabled = form.enabled();
    let n = o + 1;
    let mut remove_objective = false;
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        ui.label(RichText::new(words::objective(n)).strong());
        form.changed |= cell_choice(
            ui,
            &of_objective(words::OBJECTIVE_THEME, n),
            enabled,
            &mut objective.theme,
            &Theme::ALL,
            Theme::label,
        );
        form.changed |= cell_text(
            ui,
            &of_objective(words::OBJECTIVE_LABEL, n),
            enabled,
            &mut objective.label,
            theme::FIELD_WIDTH * 1.4,
        );
        remove_objective = ui
            .add_enabled(enabled, egui::Button::new(text::common::REMOVE).small())
            .accessible_name(words::remove_objective(n))
            .clicked();
    });
    // Rows of fixed-width cells rather than a grid: a grid of text fields and combo boxes
    // took ten frames to settle its column widths.
    let widths = [
        theme::ACTION_FIELD_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
        theme::CHOICE_CELL_WIDTH,
    ];
    header_row(ui, &words::ACTION_HEADERS, &widths);
    let removed = list_editor::rows(&mut objective.actions, |a, action| {
        let m = a + 1;
        let remove = ui
            .horizontal(|ui| {
                form.changed |= cell_text(
                    ui,
                    &of_action(words::ACTION_LABEL, n, m),
                    enabled,
                    &mut action.label,
                    widths[0],
                );
                form.changed |= cell_choice(
                    ui,
                    &of_action(words::ACTION_ACTOR, n, m),
                    enabled,
                    &mut action.actor,
                    &Actor::ALL,
                    Actor::label,
                );
                form.changed |= cell_text(
                    ui,
                    &of_action(words::ACTION_DUE, n, m),
                    enabled,
                    &mut action.due_on,
                    widths[2],
                );
                form.changed |= cell_choice(
                    ui,
                    &of_action(text::common::STATUS, n, m),
                    enabled,
                    &mut action.status,
                    &ActionStatus::ALL,
                    ActionStatus::label,
                );
                ui.add_enabled(enabled, egui::Button::new(text::common::REMOVE).small())
                    .accessible_name(words::remove_action(n, m))
                    .clicked()
            })
            .inner;
        if let Some(error) = form_error(errors, Field::ActionDue(o, a)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        // Overdue: a line of its own under the action, in the error colour.
        let due = parse_date(&action.due_on).ok().flatten();
        if let Some(due) = due.filter(|due| action.status.is_open() && *due < today) {
            let days = (today - due).num_days();
            ui.label(
                RichText::new(words::late_by(days))
                    .color(theme::ERROR)
                    .strong(),
            );
        }
        remove
    });
    if removed.is_some() {
        form.changed = true;
    }
    if ui
        .add_enabled(enabled, egui::Button::new(words::ADD_ACTION).small())
        .accessible_name(of_objective(words::ADD_ACTION, n))
        .clicked()
    {
        objective.actions.push(ActionDraft::default());
        form.changed = true;
    }
    remove_objective
}
