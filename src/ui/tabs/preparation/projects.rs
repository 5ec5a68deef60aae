//! The professional projects of the "Préparation à l'emploi" tab: the occupation aimed at
//! (ROME picker or free label), the contracts and working time sought, mobility, childcare
//! and constraints; one of them is the main project, which the CV and the matching read.

use std::collections::HashMap;

use egui::{RichText, Ui};

use crate::model::preparation::{ProjectStatus, Transport, WorkingTime};
use crate::model::skills::rome::catalog;
use crate::model::{BeneficiaryDraft, ContractKind, Field};
use crate::ui::text::preparation::{self as words, of_project};
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::widgets::{Form, list_editor};
use crate::ui::{text, theme};

/// State of the projects section: one occupation picker a project.
#[derive(Default)]
pub(super) struct ProjectsSection {
    pickers: HashMap<usize, RomePicker>,
}

/// "Occupation label" for a ROME code, or the code alone if unknown.
fn occupation_label(code: &str) -> String {
    catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| o.label.clone())
}

impl ProjectsSection {
    /// Draws every project, each in its own section, and the "Ajouter" button below them.
    pub(super) fn ui(&mut self, ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
        let mut main = None;
        let count = draft.preparation.projects.len();
        let removed = list_editor::rows(&mut draft.preparation.projects, |i, project| {
            let n = i + 1;
            let title = match (&project.project.rome_code, project.project.label.trim()) {
                (Some(code), _) => occupation_label(code),
                (None, "") => words::PROJECT_UNDEFINED.to_owned(),
                (None, label) => label.to_owned(),
            };
            let mut remove = false;
            form.section_keyed(
                ui,
                ("project", i),
                &words::project_title(n, &title, project.project.main),
                |form, ui| {
                    let enabled = form.enabled();
                    let picker = self.pickers.entry(i).or_default();
                    form.changed |= picker.ui_with_id_salt(
                        ui,
                        ("project", i),
                        &of_project(words::PROJECT_ROME, n),
                        &mut project.project.rome_code,
                        enabled,
                    );
                    ui.end_row();
                    let p = &mut project.project;
                    form.text_with_hint(
                        ui,
                        &of_project(words::PROJECT_LABEL, n),
                        &mut p.label,
                        None,
                        words::PROJECT_LABEL_HINT,
                    );
                    if count > 1 && !p.main && form.button_row(ui, &words::make_main_project(n)) {
                        main = Some(i);
                    }
                    form.choice(
                        ui,
                        &of_project(text::common::STATUS, n),
                        &mut p.status,
                        &ProjectStatus::ALL,
                        |s| s.label().to_owned(),
                    );
                    multi_choice(
                        ui,
                        form,
                        &of_project(words::PROJECT_CONTRACTS, n),
                        &mut p.contracts,
                        &ContractKind::ALL,
                        ContractKind::label,
                    );
                    form.choice(
                        ui,
                        &of_project(words::PROJECT_WORKING_TIME, n),
                        &mut p.working_time,
                        &WorkingTime::ALL,
                        |w| w.label().to_owned(),
                    );
                    form.date(
                        ui,
                        &of_project(words::PROJECT_START, n),
                        &mut project.earliest_start,
                        Field::ProjectStart(i),
                    );
                    multi_choice(
                        ui,
                        form,
                        &of_project(words::PROJECT_TRANSPORT, n),
                        &mut p.mobility.means,
                        &Transport::ALL,
                        Transport::label,
                    );
                    form.text_with_hint(
                        ui,
                        &of_project(words::PROJECT_COMMUTE, n),
                        &mut project.max_commute,
                        Some(Field::ProjectCommute(i)),
                        words::PROJECT_COMMUTE_HINT,
                    );
                    form.text_with_hint(
                        ui,
                        &of_project(words::PROJECT_REACHABLE, n),
                        &mut p.mobility.reachable,
                        None,
                        words::PROJECT_REACHABLE_HINT,
                    );
                    let label = ui.label(of_project(words::PROJECT_CHILDCARE, n));
                    ui.horizontal(|ui| {
                        form.changed |= ui
                            .add_enabled(
                                enabled,
                                egui::Checkbox::new(
                                    &mut p.childcare_needed,
                                    words::PROJECT_CHILDCARE_YES,
                                ),
                            )
                            .labelled_by(label.id)
                            .changed();
                        if p.childcare_needed {
                            ui.label(RichText::new(words::PROJECT_CHILDCARE_SEE_CRECHE).weak());
                        }
                    });
                    ui.end_row();
                    form.text(
                        ui,
                        &of_project(words::PROJECT_HEALTH, n),
                        &mut p.health_constraints,
                        None,
                    );
                    form.text_with_hint(
                        ui,
                        &of_project(words::PROJECT_HOURS, n),
                        &mut p.hours_constraints,
                        None,
                        words::PROJECT_HOURS_HINT,
                    );
                    remove = form.button_row(ui, &words::remove_project(n));
                },
            );
            remove
        });
        if removed.is_some() {
            // The pickers are keyed by position: the ones below the removed project moved up.
            self.pickers.clear();
            form.changed = true;
        } else if let Some(i) = main {
            draft.preparation.set_main_project(i);
            form.changed = true;
        }
        if draft.preparation.projects.is_empty() {
            ui.add_space(theme::SECTION_GAP);
            ui.heading(words::PROJECTS);
            ui.separator();
        }
        if list_editor::add_button(ui, form.enabled(), words::ADD_PROJECT) {
            draft.preparation.add_project();
            form.changed = true;
        }
    }
}

/// A row of checkboxes choosing several values, all named by `label`.
fn multi_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    form: &mut Form<'_>,
    label: &str,
    values: &mut Vec<T>,
    options: &[T],
    label_of: impl Fn(T) -> &'static str,
) {
    let enabled = form.enabled();
    ui.label(label);
    ui.horizontal_wrapped(|ui| {
        for &option in options {
            let mut checked = values.contains(&option);
            if ui
                .add_enabled(enabled, egui::Checkbox::new(&mut checked, label_of(option)))
                .accessible_name(format!("{} ({label})", label_of(option)))
                .changed()
            {
                if checked {
                    values.push(option);
                } else {
                    values.retain(|v| *v != option);
                }
                form.changed = true;
            }
        }
    });
    ui.end_row();
}
