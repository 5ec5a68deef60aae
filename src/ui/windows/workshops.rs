//! The "Ateliers collectifs" window: the shared catalogue of workshops, created and edited
//! here, with the open person enrolled in a click (within capacity: "n / capacité") and
//! attendance marked once the day has come. Each change pushes the workshop to save; the app
//! saves it in its own file, so the open record's edits are never touched.
//!
//! Opened from the "Préparation à l'emploi" tab, which draws it over the record it shows
//! (`ViewContext::shown`): the enrol buttons act for that person. A workshop clicked on the
//! agenda or on Accueil opens it with that workshop's form (`Command::OpenWorkshop`).

use std::sync::Arc;

use chrono::NaiveTime;
use egui::{RichText, TextEdit, Ui};

use crate::model::preparation::{
    Attendance, Workshop, WorkshopTheme, format_minutes, parse_duration,
};
use crate::model::{Beneficiary, BeneficiaryId, CrecheAge, WorkshopId, format_date, parse_date};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text::workshops as words;
use crate::ui::widgets::{choice_box, field_id};
use crate::ui::windows::Window;
use crate::ui::{text, theme};

/// A workshop as edited in the form, its typed fields as text.
struct WorkshopForm {
    workshop: Workshop,
    date: String,
    start: String,
    duration: String,
    capacity: String,
    errors: Vec<String>,
}

impl WorkshopForm {
    fn new(workshop: Workshop) -> Self {
        Self {
            date: format_date(workshop.date),
            start: workshop.start.format("%H:%M").to_string(),
            duration: format_minutes(workshop.duration_minutes),
            capacity: workshop.capacity.to_string(),
            workshop,
            errors: Vec::new(),
        }
    }

    /// The workshop the form amounts to, or the messages of what is wrong.
    fn parse(&self) -> Result<Workshop, Vec<String>> {
        let mut errors = Vec::new();
        let mut w = self.workshop.clone();
        w.title = w.title.trim().to_owned();
        w.place = w.place.trim().to_owned();
        w.facilitator = w.facilitator.trim().to_owned();
        match parse_date(&self.date) {
            Ok(Some(date)) => w.date = date,
            Ok(None) => errors.push(words::DATE_REQUIRED.to_owned()),
            Err(message) => errors.push(message),
        }
        match NaiveTime::parse_from_str(self.start.trim().replace('h', ":").as_str(), "%H:%M") {
            Ok(start) => w.start = start,
            Err(_) => {
                errors.push(words::START_INVALID.to_owned());
            }
        }
        match parse_duration(&self.duration) {
            Ok(minutes) => w.duration_minutes = minutes,
            Err(message) => errors.push(message),
        }
        match self.capacity.trim().parse::<u32>() {
            Ok(capacity) => w.capacity = capacity,
            Err(_) => errors.push(words::CAPACITY_INVALID.to_owned()),
        }
        if errors.is_empty() {
            errors = w.problems();
        }
        if errors.is_empty() {
            Ok(w)
        } else {
            Err(errors)
        }
    }
}

/// State of the window.
#[derive(Default)]
pub struct WorkshopsWindow {
    open: bool,
    form: Option<WorkshopForm>,
    /// Why the last enrolment or attendance was refused.
    message: Option<String>,
    /// The workshop whose deletion waits for a second click.
    confirm_delete: Option<WorkshopId>,
    /// The past workshop whose enrolment waits for a confirmation.
    confirm_past_enrol: Option<WorkshopId>,
}

/// A person's name for the lists, from the records.
fn name_of(records: &[Arc<Beneficiary>], id: BeneficiaryId) -> String {
    records
        .iter()
        .find(|b| b.id == id)
        .map_or_else(|| words::RECORD_NOT_FOUND.to_owned(), |b| b.display_name())
}

impl WorkshopsWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
        self.message = None;
    }

    /// Opens the window with `workshop`'s form, to edit it.
    pub fn edit(&mut self, workshop: &Workshop) {
        self.open();
        self.form = Some(WorkshopForm::new(workshop.clone()));
    }

    /// Draws the window for `person`; pushes what the counsellor asked for into `out`.
    fn ui(
        &mut self,
        ctx: &egui::Context,
        cx: &ViewContext<'_>,
        person: &Beneficiary,
        out: &mut Vec<Command>,
    ) {
        let enabled = cx.writable;
        let mut open = self.open;
        egui::Window::new(words::WORKSHOPS_TITLE)
            .open(&mut open)
            // Right of the list, so that another person can be picked while it stays open.
            .default_pos(egui::pos2(theme::LIST_WIDTH + 40.0, 60.0))
            .default_width(700.0)
            .default_height(560.0)
            .show(ctx, |ui| {
                ui.label(words::open_person(&person.display_name()));
                if let Some(message) = &self.message {
                    ui.label(RichText::new(message).color(theme::ERROR).strong());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(enabled, egui::Button::new(words::NEW_WORKSHOP))
                        .clicked()
                    {
                        self.form = Some(WorkshopForm::new(Workshop::new(cx.today)));
                    }
                });
                if let Some(form) = &mut self.form {
                    match form_ui(ui, form, enabled) {
                        FormOutcome::Save(w) => {
                            out.push(Command::SaveWorkshop(Box::new(w)));
                            self.form = None;
                        }
                        FormOutcome::Cancel => self.form = None,
                        FormOutcome::Editing => {}
                    }
                }
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if cx.workshops.is_empty() {
                        ui.label(RichText::new(words::CATALOGUE_EMPTY).weak());
                    }
                    // Upcoming workshops first (soonest first), then the past ones, most
                    // recent first: the one to enrol someone in is at the top.
                    let (upcoming, past): (Vec<&Workshop>, Vec<&Workshop>) =
                        cx.workshops.iter().partition(|w| w.date >= cx.today);
                    for workshop in upcoming {
                        self.workshop_ui(ui, workshop, cx, person, out);
                    }
                    if !past.is_empty() {
                        ui.add_space(theme::SPACE_M);
                        ui.heading(words::WORKSHOPS_PAST);
                    }
                    for workshop in past.into_iter().rev() {
                        self.workshop_ui(ui, workshop, cx, person, out);
                    }
                });
            });
        self.open = open;
    }

    /// The workshop with the person enrolled, to save; or nothing, with the reason shown.
    fn enrol(&mut self, workshop: &Workshop, person: BeneficiaryId) -> Option<Command> {
        let mut w = workshop.clone();
        match w.enrol(person) {
            Ok(()) => {
                self.message = None;
                Some(Command::SaveWorkshop(Box::new(w)))
            }
            Err(error) => {
                self.message = Some(error.to_string());
                None
            }
        }
    }

    /// One workshop of the catalogue; pushes it changed when the counsellor acted on it.
    fn workshop_ui(
        &mut self,
        ui: &mut Ui,
        workshop: &Workshop,
        cx: &ViewContext<'_>,
        person: &Beneficiary,
        out: &mut Vec<Command>,
    ) {
        let enabled = cx.writable;
        // One command a workshop and a frame, as a click gives.
        let mut changed = None;
        let title = &workshop.title;
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(title).strong());
            ui.label(RichText::new(workshop.theme.label()).weak());
            let fill = RichText::new(words::enrolled(&workshop.fill_text()));
            ui.label(if workshop.is_full() {
                fill.color(theme::WARNING).strong()
            } else {
                fill
            });
        });
        let place = if workshop.place.is_empty() {
            words::PLACE_UNKNOWN
        } else {
            &workshop.place
        };
        let facilitator = if workshop.facilitator.is_empty() {
            words::FACILITATOR_UNKNOWN.to_owned()
        } else {
            words::facilitated_by(&workshop.facilitator)
        };
        ui.label(words::schedule(
            &format_date(workshop.date),
            &workshop.start.format("%H:%M").to_string(),
            &format_minutes(workshop.duration_minutes),
            place,
            &facilitator,
        ));
        // Wrapped: with the crèche button, the row is wider than the window.
        ui.horizontal_wrapped(|ui| {
            let id = person.id;
            if workshop.is_enrolled(id) {
                if ui
                    .add_enabled(enabled, egui::Button::new(words::unenrol(title)))
                    .clicked()
                {
                    let mut w = workshop.clone();
                    w.unenrol(id);
                    changed = Some(Command::SaveWorkshop(Box::new(w)));
                }
                // A parent of a young child can come only if the child is looked after:
                // offered when a child is of crèche age on the workshop's day (or of an
                // unknown age, which the Crèche tab asks for), never for older ones only.
                if person.family.children.iter().any(|c| {
                    matches!(
                        cx.creche.age_on(c.birth_date, workshop.date),
                        CrecheAge::Eligible { .. } | CrecheAge::Unknown
                    )
                }) && workshop.date >= cx.today
                    && ui
                        .add_enabled(enabled, egui::Button::new(words::book_creche(title)))
                        .on_hover_text(words::BOOK_CRECHE_HOVER)
                        .clicked()
                {
                    changed = Some(Command::BookCrecheForWorkshop(Box::new(workshop.clone())));
                }
            } else if self.confirm_past_enrol == Some(workshop.id) {
                // A past workshop is most likely a slip of the list: enrolling asks first.
                ui.label(RichText::new(words::ENROL_PAST_WARNING).color(theme::WARNING));
                if ui
                    .add_enabled(enabled, egui::Button::new(words::confirm_past_enrol(title)))
                    .clicked()
                {
                    self.confirm_past_enrol = None;
                    changed = self.enrol(workshop, id);
                }
                if ui.button(words::KEEP_UNENROLLED).clicked() {
                    self.confirm_past_enrol = None;
                }
            } else if ui
                .add_enabled(enabled, egui::Button::new(words::enrol(title)))
                .clicked()
            {
                if workshop.date < cx.today {
                    self.confirm_past_enrol = Some(workshop.id);
                } else {
                    changed = self.enrol(workshop, id);
                }
            }
            if ui
                .add_enabled(enabled, egui::Button::new(words::edit(title)))
                .clicked()
            {
                self.form = Some(WorkshopForm::new(workshop.clone()));
            }
            // Only an empty workshop can go: enrolled people's hours come from its file.
            if workshop.enrolments.is_empty() {
                if self.confirm_delete == Some(workshop.id) {
                    if ui
                        .add_enabled(
                            enabled,
                            egui::Button::new(
                                RichText::new(words::confirm_delete(title)).color(theme::ERROR),
                            ),
                        )
                        .clicked()
                    {
                        self.confirm_delete = None;
                        changed = Some(Command::DeleteWorkshop(Box::new(workshop.clone())));
                    }
                    if ui.button(words::KEEP_WORKSHOP).clicked() {
                        self.confirm_delete = None;
                    }
                } else if ui
                    .add_enabled(enabled, egui::Button::new(words::delete(title)))
                    .on_hover_text(words::DELETE_HOVER)
                    .clicked()
                {
                    self.confirm_delete = Some(workshop.id);
                }
            }
        });
        if let Some(w) = self.attendance_ui(ui, workshop, cx) {
            changed = Some(Command::SaveWorkshop(Box::new(w)));
        }
        ui.separator();
        out.extend(changed);
    }

    /// The people enrolled, with their attendance once the day has come.
    fn attendance_ui(
        &mut self,
        ui: &mut Ui,
        workshop: &Workshop,
        cx: &ViewContext<'_>,
    ) -> Option<Workshop> {
        let enabled = cx.writable;
        if workshop.enrolments.is_empty() {
            return None;
        }
        let held = cx.today >= workshop.date;
        let mut changed = None;
        egui::Grid::new(("enrolments", workshop.id))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for enrolment in &workshop.enrolments {
                    let name = name_of(cx.records, enrolment.beneficiary);
                    let label = ui.label(format!("• {name}"));
                    if held {
                        let mut attendance = enrolment.attendance;
                        let options = [
                            Attendance::Unmarked,
                            Attendance::Present,
                            Attendance::Absent,
                            Attendance::Excused,
                        ];
                        let salt = words::attendance_of(&name, &workshop.title);
                        if choice_box(
                            ui,
                            &salt,
                            label.id,
                            enabled,
                            &mut attendance,
                            &options,
                            &|a: Attendance| a.label().to_owned(),
                        ) {
                            let mut w = workshop.clone();
                            match w.mark(enrolment.beneficiary, attendance, cx.today) {
                                Ok(()) => changed = Some(w),
                                Err(error) => self.message = Some(error.to_string()),
                            }
                        }
                    } else {
                        ui.label(RichText::new(words::ATTENDANCE_LATER).weak());
                    }
                    ui.end_row();
                }
            });
        changed
    }
}

/// What the form's buttons asked.
enum FormOutcome {
    Save(Workshop),
    Cancel,
    Editing,
}

/// The create / edit form of a workshop.
fn form_ui(ui: &mut Ui, form: &mut WorkshopForm, enabled: bool) -> FormOutcome {
    let mut outcome = FormOutcome::Editing;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("workshop-form")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let w = &mut form.workshop;
                text_row(ui, enabled, words::TITLE, &mut w.title, 320.0);
                let label = ui.label(words::THEME);
                choice_box(
                    ui,
                    words::THEME,
                    label.id,
                    enabled,
                    &mut w.theme,
                    &WorkshopTheme::ALL,
                    &|t: WorkshopTheme| t.label().to_owned(),
                );
                ui.end_row();
                text_row(
                    ui,
                    enabled,
                    words::DATE,
                    &mut form.date,
                    theme::DATE_FIELD_WIDTH,
                );
                text_row(ui, enabled, words::START, &mut form.start, 80.0);
                text_row(ui, enabled, words::DURATION, &mut form.duration, 80.0);
                text_row(ui, enabled, words::PLACE, &mut w.place, 320.0);
                text_row(ui, enabled, words::FACILITATOR, &mut w.facilitator, 320.0);
                text_row(ui, enabled, words::CAPACITY, &mut form.capacity, 80.0);
            });
        for message in &form.errors {
            ui.label(RichText::new(message).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new(words::SAVE_WORKSHOP))
                .clicked()
            {
                match form.parse() {
                    Ok(w) => outcome = FormOutcome::Save(w),
                    Err(errors) => form.errors = errors,
                }
            }
            if ui.button(text::common::CANCEL).clicked() {
                outcome = FormOutcome::Cancel;
            }
        });
    });
    outcome
}

/// A labelled single-line field in the form's grid.
fn text_row(ui: &mut Ui, enabled: bool, label: &str, value: &mut String, width: f32) {
    let label_response = ui.label(label);
    ui.add_enabled(
        enabled,
        TextEdit::singleline(value)
            .id(field_id(label))
            .desired_width(width),
    )
    .labelled_by(label_response.id);
    ui.end_row();
}

impl Window for WorkshopsWindow {
    fn is_open(&self) -> bool {
        self.open
    }

    /// Drawn over a record only: with no record shown, there is nobody to enrol, and the
    /// window waits, still open, for one.
    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if let Some(person) = cx.shown {
            self.ui(ctx, cx, person, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::record::dates::test_support::d;

    #[test]
    fn the_form_reads_typed_times_and_refuses_nonsense() {
        let mut form = WorkshopForm::new(Workshop::new(d(2026, 12, 3)));
        form.workshop.title = " Simulation d'entretien ".into();
        form.start = "14h00".into();
        form.duration = "1h30".into();
        form.capacity = "2".into();
        let w = form.parse().unwrap();
        assert_eq!(w.title, "Simulation d'entretien");
        assert_eq!(w.start, NaiveTime::from_hms_opt(14, 0, 0).unwrap());
        assert_eq!((w.duration_minutes, w.capacity), (90, 2));
        form.capacity = "deux".into();
        form.start = "25:00".into();
        assert_eq!(form.parse().unwrap_err().len(), 2);
    }
}
