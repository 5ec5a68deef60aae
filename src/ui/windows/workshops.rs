//! The "Ateliers collectifs" window: the shared catalogue of workshops, created and edited
//! here, with the open person enrolled in a click (within capacity: "n / capacité") and
//! attendance marked once the day has come. Each change returns the workshop to save; the app
//! saves it in its own file, so the open record's edits are never touched.

use chrono::NaiveTime;
use egui::{RichText, TextEdit, Ui};

use crate::model::{
    Attendance, Beneficiary, BeneficiaryId, CrecheAge, Workshop, WorkshopId, WorkshopTheme,
    format_date, format_minutes, parse_date, parse_duration,
};
use crate::ui::tabs::preparation::Context;
use crate::ui::widgets::{choice_box, field_id};
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
            Ok(None) => errors.push("La date de l'atelier est obligatoire.".to_owned()),
            Err(message) => errors.push(message),
        }
        match NaiveTime::parse_from_str(self.start.trim().replace('h', ":").as_str(), "%H:%M") {
            Ok(start) => w.start = start,
            Err(_) => {
                errors.push("Heure de début invalide : HH:MM (par exemple 09:30).".to_owned());
            }
        }
        match parse_duration(&self.duration) {
            Ok(minutes) => w.duration_minutes = minutes,
            Err(message) => errors.push(message),
        }
        match self.capacity.trim().parse::<u32>() {
            Ok(capacity) => w.capacity = capacity,
            Err(_) => errors.push("Capacité : un nombre de places est attendu.".to_owned()),
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

/// What the window asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopAction {
    /// Save this workshop (its own file only).
    Save(Workshop),
    /// Prepare a crèche booking for the open person's child during this workshop.
    BookCreche(Workshop),
    /// Take this workshop out of the catalogue (nobody enrolled; its file is kept aside).
    Delete(Workshop),
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
fn name_of(records: &[Beneficiary], id: BeneficiaryId) -> String {
    records.iter().find(|b| b.id == id).map_or_else(
        || "(fiche introuvable)".to_owned(),
        Beneficiary::display_name,
    )
}

impl WorkshopsWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
        self.message = None;
    }

    /// Draws the window when open; returns what the person asked for.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        cx: &Context<'_>,
        enabled: bool,
    ) -> Option<WorkshopAction> {
        let mut open = self.open;
        let mut save = None;
        egui::Window::new(text::workshops::WORKSHOPS_TITLE)
            .open(&mut open)
            // Right of the list, so that another person can be picked while it stays open.
            .default_pos(egui::pos2(theme::LIST_WIDTH + 40.0, 60.0))
            .default_width(700.0)
            .default_height(560.0)
            .show(ctx, |ui| {
                let person = cx.record.display_name();
                ui.label(format!("Personne ouverte : {person}"));
                if let Some(message) = &self.message {
                    ui.label(RichText::new(message).color(theme::ERROR).strong());
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(enabled, egui::Button::new("Nouvel atelier"))
                        .clicked()
                    {
                        self.form = Some(WorkshopForm::new(Workshop::new(cx.today)));
                    }
                });
                if let Some(form) = &mut self.form {
                    match form_ui(ui, form, enabled) {
                        FormOutcome::Save(w) => {
                            save = Some(WorkshopAction::Save(w));
                            self.form = None;
                        }
                        FormOutcome::Cancel => self.form = None,
                        FormOutcome::Editing => {}
                    }
                }
                ui.separator();
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if cx.workshops.is_empty() {
                        ui.label(RichText::new("Aucun atelier au catalogue.").weak());
                    }
                    // Upcoming workshops first (soonest first), then the past ones, most
                    // recent first: the one to enrol someone in is at the top.
                    let (upcoming, past): (Vec<&Workshop>, Vec<&Workshop>) =
                        cx.workshops.iter().partition(|w| w.date >= cx.today);
                    for workshop in upcoming {
                        if let Some(w) = self.workshop_ui(ui, workshop, cx, enabled) {
                            save = Some(w);
                        }
                    }
                    if !past.is_empty() {
                        ui.add_space(theme::SPACE_M);
                        ui.heading(text::workshops::WORKSHOPS_PAST);
                    }
                    for workshop in past.into_iter().rev() {
                        if let Some(w) = self.workshop_ui(ui, workshop, cx, enabled) {
                            save = Some(w);
                        }
                    }
                });
            });
        self.open = open;
        save
    }

    /// The workshop with the person enrolled, to save; or nothing, with the reason shown.
    fn enrol(&mut self, workshop: &Workshop, person: BeneficiaryId) -> Option<WorkshopAction> {
        let mut w = workshop.clone();
        match w.enrol(person) {
            Ok(()) => {
                self.message = None;
                Some(WorkshopAction::Save(w))
            }
            Err(error) => {
                self.message = Some(error.to_string());
                None
            }
        }
    }

    /// One workshop of the catalogue; returns it changed when the person acted on it.
    fn workshop_ui(
        &mut self,
        ui: &mut Ui,
        workshop: &Workshop,
        cx: &Context<'_>,
        enabled: bool,
    ) -> Option<WorkshopAction> {
        let mut changed = None;
        let title = &workshop.title;
        ui.add_space(theme::SPACE_S);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(title).strong());
            ui.label(RichText::new(workshop.theme.label()).weak());
            let fill = RichText::new(format!("{} inscrits", workshop.fill_text()));
            ui.label(if workshop.is_full() {
                fill.color(theme::WARNING).strong()
            } else {
                fill
            });
        });
        let place = if workshop.place.is_empty() {
            "lieu à préciser".to_owned()
        } else {
            workshop.place.clone()
        };
        let facilitator = if workshop.facilitator.is_empty() {
            "animation à préciser".to_owned()
        } else {
            format!("animé par {}", workshop.facilitator)
        };
        ui.label(format!(
            "{} à {}, {} · {place} · {facilitator}",
            format_date(workshop.date),
            workshop.start.format("%H:%M"),
            format_minutes(workshop.duration_minutes),
        ));
        // Wrapped: with the crèche button, the row is wider than the window.
        ui.horizontal_wrapped(|ui| {
            let person = cx.record.id;
            if workshop.is_enrolled(person) {
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(format!("Désinscrire de « {title} »")),
                    )
                    .clicked()
                {
                    let mut w = workshop.clone();
                    w.unenrol(person);
                    changed = Some(WorkshopAction::Save(w));
                }
                // A parent of a young child can come only if the child is looked after:
                // offered when a child is of crèche age on the workshop's day (or of an
                // unknown age, which the Crèche tab asks for), never for older ones only.
                if cx.record.family.children.iter().any(|c| {
                    matches!(
                        cx.creche.age_on(c.birth_date, workshop.date),
                        CrecheAge::Eligible { .. } | CrecheAge::Unknown
                    )
                }) && workshop.date >= cx.today
                    && ui
                        .add_enabled(
                            enabled,
                            egui::Button::new(format!("Réserver la crèche pour « {title} »")),
                        )
                        .on_hover_text(
                            "Ouvre l'onglet Crèche avec la réservation préparée pour ce jour et \
                             ces heures ; rien n'est réservé avant « Réserver ».",
                        )
                        .clicked()
                {
                    changed = Some(WorkshopAction::BookCreche(workshop.clone()));
                }
            } else if self.confirm_past_enrol == Some(workshop.id) {
                // A past workshop is most likely a slip of the list: enrolling asks first.
                ui.label(RichText::new(text::workshops::ENROL_PAST_WARNING).color(theme::WARNING));
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(text::workshops::confirm_past_enrol(title)),
                    )
                    .clicked()
                {
                    self.confirm_past_enrol = None;
                    changed = self.enrol(workshop, person);
                }
                if ui.button(text::workshops::KEEP_UNENROLLED).clicked() {
                    self.confirm_past_enrol = None;
                }
            } else if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(format!("Inscrire à « {title} »")),
                )
                .clicked()
            {
                if workshop.date < cx.today {
                    self.confirm_past_enrol = Some(workshop.id);
                } else {
                    changed = self.enrol(workshop, person);
                }
            }
            if ui
                .add_enabled(enabled, egui::Button::new(format!("Modifier « {title} »")))
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
                                RichText::new(format!("Confirmer la suppression de « {title} »"))
                                    .color(theme::ERROR),
                            ),
                        )
                        .clicked()
                    {
                        self.confirm_delete = None;
                        changed = Some(WorkshopAction::Delete(workshop.clone()));
                    }
                    if ui.button("Garder l'atelier").clicked() {
                        self.confirm_delete = None;
                    }
                } else if ui
                    .add_enabled(enabled, egui::Button::new(format!("Supprimer « {title} »")))
                    .on_hover_text(
                        "Retire l'atelier du catalogue ; son fichier est gardé dans le dossier \
                         ateliers-supprimes.",
                    )
                    .clicked()
                {
                    self.confirm_delete = Some(workshop.id);
                }
            }
        });
        if let Some(w) = self.attendance_ui(ui, workshop, cx, enabled) {
            changed = Some(WorkshopAction::Save(w));
        }
        ui.separator();
        changed
    }

    /// The people enrolled, with their attendance once the day has come.
    fn attendance_ui(
        &mut self,
        ui: &mut Ui,
        workshop: &Workshop,
        cx: &Context<'_>,
        enabled: bool,
    ) -> Option<Workshop> {
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
                        let salt = format!("Présence de {name} (« {} »)", workshop.title);
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
                        ui.label(RichText::new("présence à pointer le jour de l'atelier").weak());
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
                text_row(ui, enabled, "Titre de l'atelier", &mut w.title, 320.0);
                let label = ui.label("Thème de l'atelier");
                choice_box(
                    ui,
                    "Thème de l'atelier",
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
                    "Date de l'atelier",
                    &mut form.date,
                    theme::DATE_FIELD_WIDTH,
                );
                text_row(ui, enabled, "Heure de début", &mut form.start, 80.0);
                text_row(ui, enabled, "Durée de l'atelier", &mut form.duration, 80.0);
                text_row(ui, enabled, "Lieu", &mut w.place, 320.0);
                text_row(ui, enabled, "Animateur·rice", &mut w.facilitator, 320.0);
                text_row(ui, enabled, "Capacité (places)", &mut form.capacity, 80.0);
            });
        for message in &form.errors {
            ui.label(RichText::new(message).color(theme::ERROR));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new("Enregistrer l'atelier"))
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn the_form_reads_typed_times_and_refuses_nonsense() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut form = WorkshopForm::new(Workshop::new(day));
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
