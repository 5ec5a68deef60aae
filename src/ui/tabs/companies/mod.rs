//! The "Entreprises" tab (phase 3): for the open person, their applications and the moves of
//! each, then the open offers ranked for them with the reasons criterion by criterion, each
//! proposed in one click; the companies' directory and the CSV import open in windows
//! (`windows::companies`), which the tab owns and draws. A planned interview of a parent offers
//! to book the crèche for it: the "Crèche" tab opens with the booking prepared
//! (`CrechePanel::prefill_for_interview`).
//!
//! The tab never writes: it pushes [`Command`]s (applications replaced, pathway closed,
//! companies saved, crèche asked for an interview).

mod moves;
mod ranked;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use crate::model::companies::{
    Application, ApplicationState, Immersion, ImmersionResult, StateKind,
};
use crate::model::creche::BookingReason;
use crate::model::{CompanyId, OutcomeKind, Phase, format_date, parse_date};
use crate::ui::command::{Command, InterviewBooking};
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::text::companies as words;
use crate::ui::widgets::{choice_box, info_row, info_section};
use crate::ui::windows::Window;
use crate::ui::windows::companies::{DirectoryWindow, ImportWindow};
use crate::ui::{phase_rows, theme};

use moves::MoveDraft;

/// A PMSMP being filled in, as typed.
#[derive(Debug, Clone, Default)]
struct PmsmpDraft {
    company: Option<CompanyId>,
    from: String,
    to: String,
    tutor: String,
    error: Option<String>,
}

impl PmsmpDraft {
    /// The immersion typed, or why it is not one.
    fn immersion(&self) -> Result<Immersion, String> {
        let date = |text: &str, required: &str| match parse_date(text) {
            Ok(Some(date)) => Ok(date),
            Ok(None) => Err(required.to_owned()),
            Err(message) => Err(message),
        };
        Immersion::new(
            date(&self.from, words::PMSMP_FIRST_DAY_REQUIRED)?,
            date(&self.to, words::PMSMP_LAST_DAY_REQUIRED)?,
            &self.tutor,
        )
    }
}

/// The tab's state across frames.
#[derive(Default)]
pub struct CompaniesPanel {
    moving: Option<MoveDraft>,
    pmsmp: PmsmpDraft,
    directory: DirectoryWindow,
    import: ImportWindow,
}

impl CompaniesPanel {
    /// Opens the import preview on the bytes of a CSV file (from the file dialog, or tests).
    pub fn open_import(&mut self, name: String, bytes: Vec<u8>) {
        self.import.open(name, bytes);
    }

    /// The directory and import buttons, then the phase's summary.
    fn header_ui(&mut self, ui: &mut Ui, edit: &RecordEdit<'_>, writable: bool) {
        let record = edit.shown;
        ui.add_space(theme::SECTION_GAP);
        ui.horizontal(|ui| {
            if ui.button(words::DIRECTORY).clicked() {
                self.directory.open = true;
            }
            if ui
                .add_enabled(writable, egui::Button::new(words::IMPORT_CSV))
                .clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter(words::CSV_FILTER, &["csv", "txt"])
                    .pick_file()
            {
                match crate::store::read_import_file(&path) {
                    Ok(bytes) => {
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        self.import.open(name, bytes);
                    }
                    Err(error) => self.import.fail(error.to_string()),
                }
            }
        });
        info_section(ui, words::PHASE_HEADING, |ui| {
            phase_rows(ui, record, Phase::Matching);
            match &record.pathway.outcome {
                None => info_row(ui, words::OUTCOME, words::PATHWAY_OPEN),
                Some(outcome) => {
                    ui.label(RichText::new(words::OUTCOME).weak());
                    ui.label(
                        RichText::new(words::outcome_on(
                            &outcome.kind.label(),
                            &format_date(outcome.date),
                        ))
                        .strong()
                        .color(theme::OK),
                    );
                    ui.end_row();
                }
            }
        });
    }

    /// "Candidatures": each application with its state, its moves, its history.
    fn applications_ui(
        &mut self,
        ui: &mut Ui,
        edit: &RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let record = edit.shown;
        let (writable, today) = (cx.writable, cx.today);
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::APPLICATIONS);
        ui.separator();
        if record.applications.is_empty() {
            ui.label(RichText::new(words::NO_APPLICATION).weak());
        }
        for application in &record.applications {
            ui.push_id(application.id, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(application.target_label()).strong());
                    let colour = match application.state.kind() {
                        StateKind::Hired => theme::OK,
                        StateKind::Refused | StateKind::Withdrawn | StateKind::Ended => {
                            theme::ROUTE_UNKNOWN
                        }
                        _ => theme::ROUTE_FLE,
                    };
                    ui.label(RichText::new(application.state.describe()).color(colour));
                    if let Some(immersion) = &application.immersion {
                        immersion_ui(ui, edit, application, immersion, writable, out);
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    for &next in application.state.kind().next() {
                        let label = words::move_to(next.label());
                        // Named with its application: several may show the same moves.
                        let name = words::move_to_for(next.label(), &application.target_label());
                        let response = ui.add_enabled(writable, egui::Button::new(label));
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, writable, &name)
                        });
                        if response.clicked() {
                            self.moving = Some(MoveDraft::new(application, next, today));
                        }
                    }
                    let hired = application.state.kind() == StateKind::Hired;
                    if let (true, None, ApplicationState::Hired { contract, .. }) =
                        (hired, &record.pathway.outcome, &application.state)
                    {
                        let outcome = OutcomeKind::Employment(*contract);
                        if ui
                            .add_enabled(writable, egui::Button::new(words::CLOSE_PATHWAY))
                            .on_hover_text(words::close_pathway_hover(&outcome.label()))
                            .clicked()
                        {
                            out.push(Command::ClosePathway(edit.id, outcome, today));
                        }
                    }
                    if let Some(booking) = creche_ui(ui, edit, application, writable, today) {
                        out.push(Command::BookCrecheForInterview(booking));
                    }
                });
                if self
                    .moving
                    .as_ref()
                    .is_some_and(|m| m.application == application.id)
                {
                    moves::move_form_ui(ui, &mut self.moving, edit, application, today, out);
                }
                egui::CollapsingHeader::new(words::HISTORY)
                    .id_salt(("history", application.id))
                    .show(ui, |ui| {
                        for step in application.history.iter().rev() {
                            ui.label(format!(
                                "{} · {}",
                                format_date(step.on),
                                step.state.describe()
                            ));
                        }
                    });
                ui.separator();
            });
        }
    }

    /// "Nouvelle PMSMP": a company, the dates and the tutor; added as an application.
    fn pmsmp_ui(
        &mut self,
        ui: &mut Ui,
        edit: &RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let companies = cx.companies;
        if companies.is_empty() {
            return;
        }
        let draft = &mut self.pmsmp;
        egui::CollapsingHeader::new(words::NEW_PMSMP)
            .id_salt("new-pmsmp")
            .show(ui, |ui| {
                egui::Grid::new("pmsmp-form")
                    .num_columns(2)
                    .spacing([12.0, 6.0])
                    .show(ui, |ui| {
                        let options: Vec<Option<CompanyId>> =
                            companies.iter().map(|c| Some(c.id)).collect();
                        let name_of = |id: Option<CompanyId>| {
                            companies.iter().find(|c| Some(c.id) == id).map_or_else(
                                || words::PMSMP_NO_COMPANY.to_owned(),
                                |c| c.name.clone(),
                            )
                        };
                        let label = ui.label(words::PMSMP_COMPANY);
                        choice_box(
                            ui,
                            words::PMSMP_COMPANY,
                            label.id,
                            cx.writable,
                            &mut draft.company,
                            &options,
                            &name_of,
                        );
                        ui.end_row();
                        text_row(ui, words::PMSMP_FROM, &mut draft.from);
                        text_row(ui, words::PMSMP_TO, &mut draft.to);
                        text_row(ui, words::PMSMP_TUTOR, &mut draft.tutor);
                    });
                if let Some(error) = &draft.error {
                    ui.label(RichText::new(error).color(theme::ERROR));
                }
                if ui
                    .add_enabled(cx.writable, egui::Button::new(words::ADD_PMSMP))
                    .clicked()
                {
                    let company = companies.iter().find(|c| Some(c.id) == draft.company);
                    match (company, draft.immersion()) {
                        (None, _) => {
                            draft.error = Some(words::PMSMP_NO_COMPANY.to_owned());
                        }
                        (_, Err(message)) => draft.error = Some(message),
                        (Some(company), Ok(immersion)) => {
                            let mut applications = edit.shown.applications.clone();
                            applications.push(Application::immersion(
                                company.id,
                                &company.name,
                                immersion,
                                cx.today,
                            ));
                            out.push(Command::SetApplications(edit.id, applications));
                            *draft = PmsmpDraft::default();
                        }
                    }
                }
            });
    }
}

/// Beside a PMSMP: its tutor, and its result to choose.
fn immersion_ui(
    ui: &mut Ui,
    edit: &RecordEdit<'_>,
    application: &Application,
    immersion: &Immersion,
    writable: bool,
    out: &mut Vec<Command>,
) {
    if !immersion.tutor.is_empty() {
        ui.label(words::pmsmp_tutor(&immersion.tutor));
    }
    let mut result = immersion.result;
    let name = words::pmsmp_result_for(&application.target_label());
    let label = ui.label(words::PMSMP_RESULT);
    if choice_box(
        ui,
        &name,
        label.id,
        writable,
        &mut result,
        &ImmersionResult::ALL,
        &|r: ImmersionResult| r.label().to_owned(),
    ) {
        let mut applications = edit.shown.applications.clone();
        if let Some(changed) = applications
            .iter_mut()
            .find(|a| a.id == application.id)
            .and_then(|a| a.immersion.as_mut())
        {
            changed.result = result;
        }
        out.push(Command::SetApplications(edit.id, applications));
    }
}

/// For a planned interview of a parent: "Réserver la crèche pour l'entretien" (the booking is
/// prepared in the "Crèche" tab), or the note that it is booked already. Returns the interview
/// to prepare when clicked.
fn creche_ui(
    ui: &mut Ui,
    edit: &RecordEdit<'_>,
    application: &Application,
    writable: bool,
    today: NaiveDate,
) -> Option<InterviewBooking> {
    let record = edit.shown;
    let ApplicationState::Interview { date, time, .. } = &application.state else {
        return None;
    };
    if record.family.children.is_empty() {
        return None;
    }
    let linked = BookingReason::Interview(Some(application.id));
    if record.creche.bookings.iter().any(|b| b.reason == linked) {
        ui.label(RichText::new(words::CRECHE_BOOKED).color(theme::OK));
        return None;
    }
    let upcoming = *date >= today;
    let name = words::book_creche_for(&application.target_label());
    let enabled = writable && upcoming;
    let mut response = ui.add_enabled(enabled, egui::Button::new(words::BOOK_CRECHE));
    // Named with its application: several interviews may show the same button.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    if !upcoming {
        response = response.on_disabled_hover_text(words::INTERVIEW_PAST);
    }
    response.clicked().then(|| InterviewBooking {
        application: application.id,
        date: *date,
        time: *time,
        label: application.target_label(),
    })
}

/// A labelled single-line field in a two-column grid.
fn text_row(ui: &mut Ui, label: &str, value: &mut String) {
    let label = ui.label(label);
    ui.add(TextEdit::singleline(value).desired_width(theme::FIELD_WIDTH))
        .labelled_by(label.id);
    ui.end_row();
}

impl RecordTab for CompaniesPanel {
    fn label(&self) -> &'static str {
        words::TAB_COMPANIES
    }

    /// The applications, a new PMSMP, the ranked offers; then the directory and import
    /// windows when open (they read the same context and push into the same `out`).
    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        self.header_ui(ui, edit, cx.writable);
        self.applications_ui(ui, edit, cx, out);
        self.pmsmp_ui(ui, edit, cx, out);
        ranked::ranked_ui(ui, edit, cx, out);

        let ctx = ui.ctx().clone();
        self.directory.show(&ctx, cx, out);
        self.import.show(&ctx, cx, out);
    }
}
