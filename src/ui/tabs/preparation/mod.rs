//! The "Préparation à l'emploi" tab (phase 2): phase status and dates, the hours spent with the
//! person against the 70 % individual / 30 % collective target, the sessions log (one new
//! session in a few keystrokes), professional projects, the action plan with its overdue
//! actions, the administrative checklist with the permit's expiry and the CIR's training, and
//! the children's care and schooling, and the CV. The workshops' catalogue opens from here.
//!
//! Edits go into the record's draft like the other tabs (autosaved); workshops are saved in
//! their own files through the app's command queue.

pub(crate) mod cv;

use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::model::rome::catalog;
use crate::model::{
    ActionDraft, ActionStatus, Actor, AdminStepDraft, AdminStepKind, Beneficiary, BeneficiaryDraft,
    CIR_CIVIC_DAYS, CefrLevel, CertificateDraft, CertificateKind, CivicExamDraft, CivicExamResult,
    ContractKind, Field, FieldError, Hours, INDIVIDUAL_TARGET_PERCENT, ObjectiveDraft, PermitAlert,
    PermitTarget, Phase, ProjectStatus, Session, SessionDraft, SessionKind, StepStatus, Theme,
    Transport, WorkingTime, Workshop, age_in_months, attended_sessions, format_date,
    format_minutes, parse_date, parse_duration,
};
use crate::ui::tabs::preparation::cv::CvSection;
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::widgets::{self, Form, choice_box, field_id, info_row, info_section};
use crate::ui::windows::workshops::{WorkshopAction, WorkshopsWindow};
use crate::ui::{text, theme};

/// How far (in percentage points) the individual share may stray from the target before the
/// split is flagged.
const SPLIT_TOLERANCE_POINTS: i64 = 10;

/// What the tab asks the app to do beyond editing the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PreparationAction {
    /// Save this workshop in the catalogue.
    SaveWorkshop(Workshop),
    /// Open the Crèche tab with a booking prepared for this workshop.
    BookCreche(Workshop),
    /// Take this workshop out of the catalogue.
    DeleteWorkshop(Workshop),
}

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

/// State of the tab: the project pickers, the session being logged, the workshops window.
#[derive(Default)]
pub struct PreparationPanel {
    pickers: HashMap<usize, RomePicker>,
    new_session: Option<NewSession>,
    workshops: WorkshopsWindow,
    cv: CvSection,
}

/// The record being shown, and what the tab reads around it.
pub struct Context<'a> {
    /// The record as last validated (the permit and children come from the "Identité" tab).
    pub record: &'a Beneficiary,
    /// Every record, for the names of the people enrolled in workshops.
    pub records: &'a [Beneficiary],
    /// The workshops' catalogue.
    pub workshops: &'a [Workshop],
    /// Today.
    pub today: NaiveDate,
    /// The crèche's settings (its age range, for "Réserver la crèche").
    pub creche: &'a crate::model::CrecheSettings,
}

/// A combo box named `name` for screen readers (used in table cells, under a column header).
fn cell_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    name: &str,
    enabled: bool,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    ui.add_enabled_ui(enabled, |ui| {
        // A fixed width: a combo box otherwise grows into its grid cell, which the grid then
        // widens, for several frames.
        ComboBox::from_id_salt(name)
            .width(theme::CHOICE_CELL_WIDTH)
            .selected_text(label_of(*value))
            .show_ui(ui, |ui| {
                for &option in options {
                    ui.selectable_value(value, option, label_of(option));
                }
            })
            .response
            .accessible_name(name);
    });
    *value != before
}

/// A single-line field named `name` for screen readers (used in table cells).
fn cell_text(ui: &mut Ui, name: &str, enabled: bool, value: &mut String, width: f32) -> bool {
    // In a layout of its own: straight in a grid cell, a text field takes the width the grid
    // gave the column the frame before, and the column grows a little at every frame.
    ui.horizontal(|ui| {
        ui.add_enabled(
            enabled,
            TextEdit::singleline(value)
                .id(field_id(name))
                .desired_width(width),
        )
        .accessible_name(name)
        .changed()
    })
    .inner
}

/// A label in a cell of `width`, left-aligned, so that rows of cells line up as columns.
fn fixed_label(ui: &mut Ui, text: RichText, width: f32) {
    // As tall as the fields beside it, so that the text sits on their line.
    let size = egui::vec2(width, theme::CELL_ROW_HEIGHT);
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(size);
            ui.label(text);
        },
    );
}

/// Column headers over rows of fixed-width cells.
fn header_row(ui: &mut Ui, headers: &[&str], widths: &[f32]) {
    ui.horizontal(|ui| {
        for (header, &width) in headers.iter().zip(widths) {
            fixed_label(ui, RichText::new(*header).weak(), width);
        }
    });
}

/// "Occupation label" for a ROME code, or the code alone if unknown.
fn occupation_label(code: &str) -> String {
    catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| o.label.clone())
}

impl PreparationPanel {
    /// Draws the tab; returns whether the record's draft changed, and an action for the app.
    fn draw(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        errors: &[FieldError],
        enabled: bool,
        cx: &Context<'_>,
    ) -> (bool, Option<PreparationAction>) {
        let mut form = Form::new(errors, enabled);
        phase_ui(ui, &mut form, draft);
        if ui.button(text::preparation::WORKSHOPS_OPEN).clicked() {
            self.workshops.open();
        }
        let attended = attended_sessions(cx.workshops, cx.record.id);
        self.sessions_ui(ui, &mut form, draft, &attended, cx.today);
        self.projects_ui(ui, &mut form, draft);
        plan_ui(ui, &mut form, errors, draft, cx);
        admin_ui(ui, &mut form, errors, draft, cx);
        self.cv.ui(ui, &mut form, draft, cx.record, cx.today);
        children_ui(ui, cx.record, cx.today);
        ui.add_space(theme::SECTION_GAP);
        let action = self
            .workshops
            .ui(ui.ctx(), cx, enabled)
            .map(|action| match action {
                WorkshopAction::Save(workshop) => PreparationAction::SaveWorkshop(workshop),
                WorkshopAction::BookCreche(workshop) => PreparationAction::BookCreche(workshop),
                WorkshopAction::Delete(workshop) => PreparationAction::DeleteWorkshop(workshop),
            });
        (form.changed, action)
    }

    fn sessions_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        attended: &[Session],
        today: NaiveDate,
    ) {
        ui.add_space(theme::SECTION_GAP);
        ui.heading("Séances et heures d'accompagnement");
        ui.separator();
        let logged = draft.preparation.to_preparation(&mut Vec::new());
        hours_ui(ui, logged.hours(attended));
        ui.add_space(theme::SPACE_S);
        self.new_session_ui(ui, form, draft, today);
        ui.add_space(theme::SPACE_S);
        let enabled = form.enabled();
        let mut remove = None;
        let mut rows: Vec<(Option<usize>, &Session)> = logged
            .sessions
            .iter()
            .enumerate()
            .map(|(i, s)| (Some(i), s))
            .chain(attended.iter().map(|s| (None, s)))
            .collect();
        rows.sort_by_key(|(_, s)| std::cmp::Reverse(s.date));
        if rows.is_empty() {
            ui.label(RichText::new("Aucune séance enregistrée.").weak());
            return;
        }
        egui::Grid::new("sessions-log")
            .num_columns(5)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for header in ["Date", "Durée", "Type", "Note", ""] {
                    ui.label(RichText::new(header).weak());
                }
                ui.end_row();
                for (index, session) in rows {
                    ui.label(format_date(session.date));
                    ui.label(format_minutes(session.duration_minutes));
                    ui.label(session.kind.label());
                    ui.label(&session.note);
                    match index {
                        Some(i) => {
                            let n = i + 1;
                            if ui
                                .add_enabled(enabled, egui::Button::new("Retirer").small())
                                .accessible_name(format!("Retirer la séance {n}"))
                                .clicked()
                            {
                                remove = Some(i);
                            }
                        }
                        None => {
                            ui.label(RichText::new("depuis le catalogue des ateliers").weak());
                        }
                    }
                    ui.end_row();
                }
            });
        // Logged sessions are valid by construction (checked when added): positions match.
        if let Some(i) = remove
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
            ui.label(RichText::new("Nouvelle séance").strong());
            let mut entered = false;
            ui.horizontal(|ui| {
                let label = ui.label(text::preparation::SESSION_DATE);
                ui.add_enabled(
                    enabled,
                    TextEdit::singleline(&mut new.date)
                        .id(field_id(text::preparation::SESSION_DATE))
                        .hint_text(text::common::DATE_HINT)
                        .desired_width(theme::DATE_FIELD_WIDTH),
                )
                .labelled_by(label.id);
                let label = ui.label(text::preparation::SESSION_DURATION);
                let duration = ui
                    .add_enabled(
                        enabled,
                        TextEdit::singleline(&mut new.duration)
                            .id(field_id(text::preparation::SESSION_DURATION))
                            .hint_text("1h30 ou 90")
                            .desired_width(90.0),
                    )
                    .labelled_by(label.id);
                entered |= duration.lost_focus();
            });
            ui.horizontal(|ui| {
                let label = ui.label(text::preparation::SESSION_KIND);
                choice_box(
                    ui,
                    text::preparation::SESSION_KIND,
                    label.id,
                    enabled,
                    &mut new.kind,
                    &SessionKind::ALL,
                    &|k: SessionKind| k.label().to_owned(),
                );
            });
            ui.horizontal(|ui| {
                let label = ui.label(text::preparation::SESSION_NOTE);
                let note = ui
                    .add_enabled(
                        enabled,
                        TextEdit::singleline(&mut new.note)
                            .id(field_id(text::preparation::SESSION_NOTE))
                            .desired_width(theme::FIELD_WIDTH),
                    )
                    .labelled_by(label.id);
                entered |= note.lost_focus();
                // Enter in the duration or the note logs the session: a few keystrokes each.
                let entered = entered && ui.input(|i| i.key_pressed(egui::Key::Enter));
                add = ui
                    .add_enabled(enabled, egui::Button::new(text::preparation::SESSION_ADD))
                    .clicked()
                    || entered;
            });
            if new.confirm_identical {
                ui.label(
                    RichText::new(text::preparation::SESSION_THIRD_IDENTICAL).color(theme::WARNING),
                );
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(
                            enabled,
                            egui::Button::new(text::preparation::SESSION_ADD_ANYWAY),
                        )
                        .clicked()
                    {
                        add = true;
                        confirmed = true;
                    }
                    if ui.button(text::preparation::SESSION_DONT_ADD).clicked() {
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
            Ok(Some(day)) if *day > today => {
                Some("Une séance se note une fois faite : la date est dans le futur.".to_owned())
            }
            Ok(Some(_)) => None,
            Ok(None) => Some("La date de la séance est obligatoire.".to_owned()),
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

    fn projects_ui(&mut self, ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
        let mut remove = None;
        let mut main = None;
        let count = draft.preparation.projects.len();
        for (i, project) in draft.preparation.projects.iter_mut().enumerate() {
            let n = i + 1;
            let title = match (&project.project.rome_code, project.project.label.trim()) {
                (Some(code), _) => occupation_label(code),
                (None, "") => "à définir".to_owned(),
                (None, label) => label.to_owned(),
            };
            let star = if project.project.main {
                " (principal)"
            } else {
                ""
            };
            form.section_keyed(
                ui,
                ("project", i),
                &format!("Projet professionnel {n} : {title}{star}"),
                |form, ui| {
                    let enabled = form.enabled();
                    let picker = self.pickers.entry(i).or_default();
                    form.changed |= picker.ui_with_id_salt(
                        ui,
                        ("project", i),
                        &format!("Métier visé ROME (projet {n})"),
                        &mut project.project.rome_code,
                        enabled,
                    );
                    ui.end_row();
                    let p = &mut project.project;
                    form.text_with_hint(
                        ui,
                        &format!("Intitulé libre (projet {n})"),
                        &mut p.label,
                        None,
                        "si aucun métier ROME ne convient",
                    );
                    if count > 1
                        && !p.main
                        && form.button_row(ui, &format!("Faire du projet {n} le projet principal"))
                    {
                        main = Some(i);
                    }
                    form.choice(
                        ui,
                        &format!("Statut (projet {n})"),
                        &mut p.status,
                        &ProjectStatus::ALL,
                        |s| s.label().to_owned(),
                    );
                    multi_choice(
                        ui,
                        form,
                        &format!("Contrats recherchés (projet {n})"),
                        &mut p.contracts,
                        &ContractKind::ALL,
                        ContractKind::label,
                    );
                    form.choice(
                        ui,
                        &format!("Temps de travail (projet {n})"),
                        &mut p.working_time,
                        &WorkingTime::ALL,
                        |w| w.label().to_owned(),
                    );
                    form.date(
                        ui,
                        &format!("Disponible le (projet {n})"),
                        &mut project.earliest_start,
                        Field::ProjectStart(i),
                    );
                    multi_choice(
                        ui,
                        form,
                        &format!("Moyens de déplacement (projet {n})"),
                        &mut p.mobility.means,
                        &Transport::ALL,
                        Transport::label,
                    );
                    form.text_with_hint(
                        ui,
                        &format!("Trajet maximal, minutes (projet {n})"),
                        &mut project.max_commute,
                        Some(Field::ProjectCommute(i)),
                        "45",
                    );
                    form.text_with_hint(
                        ui,
                        &format!("Communes accessibles (projet {n})"),
                        &mut p.mobility.reachable,
                        None,
                        "Vitry, Ivry, 94…",
                    );
                    let label = ui.label(format!("Garde d'enfants (projet {n})"));
                    ui.horizontal(|ui| {
                        form.changed |= ui
                            .add_enabled(
                                enabled,
                                egui::Checkbox::new(&mut p.childcare_needed, "oui"),
                            )
                            .labelled_by(label.id)
                            .changed();
                        if p.childcare_needed {
                            ui.label(RichText::new("voir l'onglet Crèche").weak());
                        }
                    });
                    ui.end_row();
                    form.text(
                        ui,
                        &format!("Contraintes de santé (projet {n})"),
                        &mut p.health_constraints,
                        None,
                    );
                    form.text_with_hint(
                        ui,
                        &format!("Contraintes d'horaires (projet {n})"),
                        &mut p.hours_constraints,
                        None,
                        "pas de nuit, horaires d'école…",
                    );
                    if form.button_row(ui, &format!("Retirer le projet {n}")) {
                        remove = Some(i);
                    }
                },
            );
        }
        if let Some(i) = main {
            draft.preparation.set_main_project(i);
            form.changed = true;
        }
        if let Some(i) = remove {
            draft.preparation.projects.remove(i);
            self.pickers.clear();
            form.changed = true;
        }
        if draft.preparation.projects.is_empty() {
            ui.add_space(theme::SECTION_GAP);
            ui.heading("Projets professionnels");
            ui.separator();
        }
        ui.add_space(theme::SPACE_S);
        if ui
            .add_enabled(
                form.enabled(),
                egui::Button::new("Ajouter un projet professionnel"),
            )
            .clicked()
        {
            draft.preparation.add_project();
            form.changed = true;
        }
    }
}

/// Phase 2's status and dates.
fn phase_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    widgets::phase_section(ui, form, draft, Phase::Preparation);
    ui.add_space(theme::SPACE_S);
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
                "Heures individuelles",
                &format_minutes(hours.individual_minutes),
            );
            info_row(
                ui,
                "Heures collectives",
                &format_minutes(hours.collective_minutes),
            );
            ui.label(RichText::new("Répartition").weak());
            let target = format!(
                "Objectif {INDIVIDUAL_TARGET_PERCENT} % / {} %",
                100 - INDIVIDUAL_TARGET_PERCENT
            );
            if let (Some((individual, collective)), Some(gap)) =
                (hours.split_percent(), hours.gap_to_target())
            {
                let (advice, color) = if gap.abs() <= SPLIT_TOLERANCE_POINTS {
                    ("conforme à l'objectif", theme::OK)
                } else if gap > 0 {
                    ("prévoir des ateliers collectifs", theme::WARNING)
                } else {
                    ("prévoir des entretiens individuels", theme::WARNING)
                };
                ui.label(
                    RichText::new(format!(
                        "{individual} % individuel / {collective} % collectif"
                    ))
                    .color(color)
                    .strong(),
                );
                ui.end_row();
                ui.label(RichText::new(target).weak());
                ui.label(RichText::new(advice).color(color));
            } else {
                ui.label(RichText::new("aucune heure enregistrée").weak());
                ui.end_row();
                ui.label(RichText::new(target).weak());
                ui.label("");
            }
            ui.end_row();
        });
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

/// The action plan: objectives by theme, their actions, overdue ones in the error colour.
fn plan_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
    cx: &Context<'_>,
) {
    let enabled = form.enabled();
    ui.add_space(theme::SECTION_GAP);
    ui.heading("Plan d'action");
    ui.separator();
    let needs = cx.record.skills.needs();
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
            ui.label(
                RichText::new(format!("Besoins repérés en phase 1 : {}", names.join(", "))).weak(),
            );
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new("Créer les objectifs de ces besoins"),
                )
                .clicked()
            {
                for theme in missing {
                    draft.preparation.add_objective(theme, theme.label());
                }
                form.changed = true;
            }
        });
    }
    let mut remove_objective = None;
    for (o, objective) in draft.preparation.objectives.iter_mut().enumerate() {
        if objective_ui(ui, form, errors, (o, objective), cx.today) {
            remove_objective = Some(o);
        }
    }
    if let Some(o) = remove_objective {
        draft.preparation.objectives.remove(o);
        form.changed = true;
    }
    ui.add_space(theme::SPACE_S);
    if ui
        .add_enabled(enabled, egui::Button::new("Ajouter un objectif"))
        .clicked()
    {
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
        ui.label(RichText::new(format!("Objectif {n}")).strong());
        form.changed |= cell_choice(
            ui,
            &format!("Thème (objectif {n})"),
            enabled,
            &mut objective.theme,
            &Theme::ALL,
            Theme::label,
        );
        form.changed |= cell_text(
            ui,
            &format!("Intitulé (objectif {n})"),
            enabled,
            &mut objective.label,
            theme::FIELD_WIDTH * 1.4,
        );
        remove_objective = ui
            .add_enabled(enabled, egui::Button::new("Retirer").small())
            .accessible_name(format!("Retirer l'objectif {n}"))
            .clicked();
    });
    let mut remove_action = None;
    // Rows of fixed-width cells rather than a grid: a grid of text fields and combo boxes
    // took ten frames to settle its column widths.
    let widths = [
        theme::ACTION_FIELD_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
        theme::CHOICE_CELL_WIDTH,
    ];
    header_row(ui, &["Action", "Qui", "Échéance", "Statut"], &widths);
    for (a, action) in objective.actions.iter_mut().enumerate() {
        let id = format!("action {n}.{}", a + 1);
        ui.horizontal(|ui| {
            form.changed |= cell_text(
                ui,
                &format!("Intitulé ({id})"),
                enabled,
                &mut action.label,
                widths[0],
            );
            form.changed |= cell_choice(
                ui,
                &format!("Qui ({id})"),
                enabled,
                &mut action.actor,
                &Actor::ALL,
                Actor::label,
            );
            form.changed |= cell_text(
                ui,
                &format!("Échéance ({id})"),
                enabled,
                &mut action.due_on,
                widths[2],
            );
            form.changed |= cell_choice(
                ui,
                &format!("Statut ({id})"),
                enabled,
                &mut action.status,
                &ActionStatus::ALL,
                ActionStatus::label,
            );
            if ui
                .add_enabled(enabled, egui::Button::new("Retirer").small())
                .accessible_name(format!("Retirer l'{id}"))
                .clicked()
            {
                remove_action = Some(a);
            }
        });
        if let Some(error) = form_error(errors, Field::ActionDue(o, a)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        // Overdue: a line of its own under the action, in the error colour.
        let due = parse_date(&action.due_on).ok().flatten();
        if let Some(due) = due.filter(|due| action.status.is_open() && *due < today) {
            let days = (today - due).num_days();
            ui.label(
                RichText::new(format!("En retard de {days} j"))
                    .color(theme::ERROR)
                    .strong(),
            );
        }
    }
    if let Some(a) = remove_action {
        objective.actions.remove(a);
        form.changed = true;
    }
    if ui
        .add_enabled(enabled, egui::Button::new("Ajouter une action").small())
        .accessible_name(format!("Ajouter une action (objectif {n})"))
        .clicked()
    {
        objective.actions.push(ActionDraft::default());
        form.changed = true;
    }
    remove_objective
}

/// The message for a field, if any (for cells drawn outside the form's rows).
fn form_error(errors: &[FieldError], field: Field) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}

/// The administrative checklist, the permit's expiry and the CIR's training.
fn admin_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
    cx: &Context<'_>,
) {
    let enabled = form.enabled();
    let admin = &cx.record.administrative;
    ui.add_space(theme::SECTION_GAP);
    ui.heading("Démarches administratives");
    ui.separator();
    if let Some(alert) = PermitAlert::of(admin, cx.today) {
        let colour = if alert.is_urgent() {
            theme::ERROR
        } else {
            theme::WARNING
        };
        ui.label(
            RichText::new(text::preparation::permit_alert(alert))
                .color(colour)
                .strong(),
        );
    }
    // Rows of fixed-width cells, like the action plan: in a grid, text fields take the width
    // the column had the frame before, and the columns never settle.
    let widths = [
        theme::ADMIN_LABEL_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
        theme::ADMIN_NOTE_WIDTH,
    ];
    header_row(ui, &["Démarche", "Statut", "Date", "Note"], &widths);
    for kind in AdminStepKind::ALL {
        let step = draft.preparation.admin_steps.entry(kind).or_default();
        let name = kind.label();
        ui.horizontal(|ui| {
            fixed_label(ui, RichText::new(name), widths[0]);
            form.changed |= cell_choice(
                ui,
                &format!("Statut ({name})"),
                enabled,
                &mut step.status,
                &StepStatus::ALL,
                StepStatus::label,
            );
            form.changed |= cell_text(
                ui,
                &format!("Date ({name})"),
                enabled,
                &mut step.date,
                widths[2],
            );
            form.changed |= cell_text(
                ui,
                &format!("Note ({name})"),
                enabled,
                &mut step.note,
                widths[3],
            );
        });
        if let Some(error) = form_error(errors, Field::AdminStepDate(kind)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        if let Some(fact) = admin_fact(kind, cx) {
            ui.horizontal(|ui| {
                ui.add_space(widths[0] + ui.spacing().item_spacing.x);
                ui.label(RichText::new(format!("Dans la fiche : {fact}")).weak());
            });
        }
    }
    // Untouched steps were added above only to be drawn: the record keeps none of them (see
    // `PreparationDraft::to_preparation`), and the draft compares equal again once cleaned.
    draft
        .preparation
        .admin_steps
        .retain(|_, step| *step != AdminStepDraft::default());
    cir_ui(ui, form, draft, admin.cir_signed_on);
    integration_ui(ui, form, errors, draft);
}

/// The 2026 conditions: the permit aimed at, the gap to its French level and examen civique
/// (with the objective it suggests for the action plan), the exam, the certificates held.
fn integration_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
) {
    let enabled = form.enabled();
    let level = draft.summary_french_level();
    let integration = &mut draft.preparation.integration;
    form.section(ui, text::preparation::INTEGRATION, |form, ui| {
        let targets: Vec<Option<PermitTarget>> = std::iter::once(None)
            .chain(PermitTarget::ALL.map(Some))
            .collect();
        form.choice(
            ui,
            text::preparation::TARGET,
            &mut integration.target,
            &targets,
            |t| {
                t.map_or_else(
                    || text::preparation::NO_TARGET.to_owned(),
                    text::preparation::target_choice,
                )
            },
        );
        let mut exam = integration.civic_exam.is_some();
        ui.label(text::preparation::CIVIC_EXAM);
        if ui
            .add_enabled(
                enabled,
                egui::Checkbox::new(&mut exam, text::preparation::CIVIC_EXAM_RECORDED),
            )
            .changed()
        {
            integration.civic_exam = exam.then(|| CivicExamDraft {
                mention: integration.target.unwrap_or(PermitTarget::MultiYearCard),
                date: String::new(),
                result: CivicExamResult::Registered,
                attempts: 0,
            });
            form.changed = true;
        }
        ui.end_row();
        if let Some(exam) = &mut integration.civic_exam {
            form.choice(
                ui,
                text::preparation::CIVIC_EXAM_MENTION,
                &mut exam.mention,
                &PermitTarget::ALL,
                text::preparation::target_choice,
            );
            form.date(
                ui,
                text::preparation::CIVIC_EXAM_DATE,
                &mut exam.date,
                Field::CivicExamDate,
            );
            form.choice(
                ui,
                text::preparation::CIVIC_EXAM_RESULT,
                &mut exam.result,
                &CivicExamResult::ALL,
                |r| r.label().to_owned(),
            );
            let label = ui.label(text::preparation::CIVIC_EXAM_ATTEMPTS);
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut exam.attempts).range(0..=20),
                )
                .labelled_by(label.id)
                .changed();
            ui.end_row();
        }
    });
    let widths = [
        theme::CHOICE_CELL_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
    ];
    ui.label(RichText::new(text::preparation::CERTIFICATES).strong());
    if !integration.certificates.is_empty() {
        header_row(ui, &text::preparation::CERTIFICATE_HEADERS, &widths);
    }
    let mut remove = None;
    for (i, certificate) in integration.certificates.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            form.changed |= cell_choice(
                ui,
                &format!("Certificat {n}"),
                enabled,
                &mut certificate.kind,
                &CertificateKind::ALL,
                CertificateKind::label,
            );
            form.changed |= cell_choice(
                ui,
                &format!("Niveau (certificat {n})"),
                enabled,
                &mut certificate.level,
                &CefrLevel::ALL,
                CefrLevel::label,
            );
            form.changed |= cell_text(
                ui,
                &format!("Obtenu le (certificat {n})"),
                enabled,
                &mut certificate.obtained_on,
                widths[2],
            );
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(format!("Retirer le certificat {n}")).small(),
                )
                .clicked()
            {
                remove = Some(i);
            }
        });
        if let Some(error) = form_error(errors, Field::CertificateDate(i)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
    }
    if let Some(i) = remove {
        integration.certificates.remove(i);
        form.changed = true;
    }
    if ui
        .add_enabled(
            enabled,
            egui::Button::new(text::preparation::ADD_CERTIFICATE).small(),
        )
        .clicked()
    {
        integration.certificates.push(CertificateDraft {
            kind: CertificateKind::Delf,
            level: CefrLevel::A2,
            obtained_on: String::new(),
        });
        form.changed = true;
    }
    // The gap, from what is typed now (a half-typed date counts as unknown).
    if let Some(gap) = integration.to_integration(&mut Vec::new()).gap(level) {
        let colour = if gap.is_closed() {
            theme::OK
        } else {
            theme::WARNING
        };
        ui.add(egui::Label::new(RichText::new(gap.sentence()).color(colour).strong()).wrap());
        if gap.suggested_objective().is_some()
            && ui
                .add_enabled(
                    enabled,
                    egui::Button::new(text::preparation::ADD_INTEGRATION_OBJECTIVE),
                )
                .clicked()
            && draft.preparation.add_integration_objective(&gap)
        {
            form.changed = true;
        }
    }
}

/// What the record already says about a step (typed in "Identité"), as a hint beside it.
fn admin_fact(kind: AdminStepKind, cx: &Context<'_>) -> Option<String> {
    let admin = &cx.record.administrative;
    match kind {
        AdminStepKind::ResidencePermit => admin.residence_permit.as_ref().map(|p| {
            let expiry = p
                .expires_on
                .map(|d| format!(", expire le {}", format_date(d)))
                .unwrap_or_default();
            format!("{}{expiry}", p.kind.label())
        }),
        AdminStepKind::Cir => admin
            .cir_signed_on
            .map(|d| format!("signé le {}", format_date(d))),
        AdminStepKind::Caf => admin
            .caf_number
            .as_ref()
            .map(|_| "n° allocataire renseigné".to_owned()),
        AdminStepKind::SocialSecurity => admin
            .social_security_number
            .as_ref()
            .map(|_| "n° de sécurité sociale renseigné".to_owned()),
        AdminStepKind::Schooling if cx.record.family.children.is_empty() => {
            Some("aucun enfant".to_owned())
        }
        _ => None,
    }
}

/// The CIR's civic days and language hours.
fn cir_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    draft: &mut BeneficiaryDraft,
    signed_on: Option<NaiveDate>,
) {
    let enabled = form.enabled();
    let cir = &mut draft.preparation.cir;
    form.section(ui, "Formation du CIR", |form, ui| {
        info_row(
            ui,
            "Signé le",
            &signed_on.map(format_date).unwrap_or_default(),
        );
        let label = ui.label("Journées de formation civique");
        ui.horizontal(|ui| {
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.civic_days_done).range(0..=CIR_CIVIC_DAYS),
                )
                .labelled_by(label.id)
                .changed();
            ui.label(format!("/ {CIR_CIVIC_DAYS}"));
        });
        ui.end_row();
        let label = ui.label("Heures de formation linguistique faites");
        ui.horizontal(|ui| {
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.language_hours_done).range(0..=1200),
                )
                .labelled_by(label.id)
                .changed();
            let prescribed = ui.label("sur, prescrites :");
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.language_hours_prescribed).range(0..=1200),
                )
                .labelled_by(prescribed.id)
                .accessible_name("Heures de formation linguistique prescrites")
                .changed();
            if cir.language_hours_prescribed == 0 {
                ui.label(RichText::new("aucune prescrite").weak());
            }
        });
        ui.end_row();
    });
}

/// The children: care to arrange, schooling to check.
fn children_ui(ui: &mut Ui, record: &Beneficiary, today: NaiveDate) {
    info_section(ui, "Enfants : garde et scolarité", |ui| {
        if record.family.children.is_empty() {
            ui.label(RichText::new("Aucun enfant").weak());
            ui.end_row();
        }
        for child in &record.family.children {
            let need = match child.birth_date {
                None => "date de naissance non renseignée".to_owned(),
                Some(birth) => {
                    let months = age_in_months(birth, today);
                    if months < 36 {
                        "mode de garde à prévoir (micro-crèche : onglet Crèche)".to_owned()
                    } else if months < 16 * 12 {
                        "scolarisation à vérifier".to_owned()
                    } else {
                        "plus de 16 ans".to_owned()
                    }
                }
            };
            info_row(ui, &child.first_name, &need);
        }
    });
}

impl RecordTab for PreparationPanel {
    fn label(&self) -> &'static str {
        text::preparation::TAB_PREPARATION
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let context = Context {
            record: edit.shown,
            records: cx.records,
            workshops: cx.workshops,
            today: cx.today,
            creche: cx.creche,
        };
        let (changed, action) = self.draw(ui, edit.draft, edit.errors, cx.writable, &context);
        edit.changed |= changed;
        match action {
            Some(PreparationAction::SaveWorkshop(workshop)) => {
                out.push(Command::SaveWorkshop(Box::new(workshop)));
            }
            Some(PreparationAction::DeleteWorkshop(workshop)) => {
                out.push(Command::DeleteWorkshop(Box::new(workshop)));
            }
            Some(PreparationAction::BookCreche(workshop)) => {
                out.push(Command::BookCrecheForWorkshop(Box::new(workshop)));
            }
            None => {}
        }
    }
}
