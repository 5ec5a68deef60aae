//! The "Entreprises" tab (phase 3): for the open person, their applications and the moves of
//! each, then the open offers ranked for them with the reasons criterion by criterion, each
//! proposed in one click; the companies' directory and the CSV import open in windows
//! (`companies_window`). A planned interview of a parent offers to book the crèche for it: the
//! "Crèche" tab opens with the booking prepared (`CrechePanel::prefill_for_interview`).
//!
//! The tab never writes: it returns [`CompaniesAction`]s that the app turns into commands.

use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use chrono::{NaiveDate, NaiveTime};
use egui::{RichText, TextEdit, Ui};

use crate::model::matching::{Match, Target, rank_offers_top, standing_application};
use crate::model::{
    Application, ApplicationId, ApplicationState, Beneficiary, BookingReason, Company, CompanyId,
    ContractKind, CrecheSettings, EndReason, Immersion, ImmersionResult, OutcomeKind, Phase,
    RefusalReason, StateKind, format_date, parse_date,
};
use crate::ui::command::InterviewBooking;
use crate::ui::widgets::{choice_box, info_row, info_section};
use crate::ui::windows::companies::{Candidates, DirectoryWindow, ImportWindow};
use crate::ui::{phase_rows, text, theme};

/// How many ranked lines the tab shows.
const SHOWN_MATCHES: usize = 30;

pub const APPLICATIONS: &str = "Candidatures";
pub const NO_APPLICATION: &str =
    "Aucune candidature pour l'instant : proposez une offre de la liste ci-dessous.";
pub const RANKED: &str = "Offres et entreprises proposées";
pub const NO_MATCH: &str =
    "Aucune offre ouverte dans l'annuaire : ajoutez des entreprises ou importez un fichier CSV.";
pub const PROPOSE: &str = "Proposer";
pub const ALREADY_PROPOSED: &str = "Déjà proposée";
pub const APPLICATION_STATE: &str = "Candidature :";
pub const DIRECTORY: &str = "Annuaire des entreprises…";
pub const IMPORT_CSV: &str = "Importer un fichier CSV…";
pub const CONFIRM_MOVE: &str = "Valider le changement";
pub const CANCEL: &str = "Annuler";
pub const INTERVIEW_DATE: &str = "Date de l'entretien";
pub const INTERVIEW_TIME: &str = "Heure (HH:MM)";
pub const INTERVIEW_PLACE: &str = "Lieu de l'entretien";
pub const CONTRACT: &str = "Type de contrat";
pub const START_DATE: &str = "Date de début";
pub const REFUSAL_REASON: &str = "Motif du refus";
pub const REFUSAL_NOTE: &str = "Précision";
pub const HISTORY: &str = "Historique";
pub const CLOSE_PATHWAY: &str = "Clore le parcours : sortie en emploi";
pub const SPONTANEOUS: &str = "candidature spontanée";
pub const BOOK_CRECHE: &str = "Réserver la crèche pour l'entretien";
pub const CRECHE_BOOKED: &str = "Crèche réservée pour cet entretien";
pub const INTERVIEW_PAST: &str = "L'entretien est passé : plus de garde à réserver.";

/// What the tab asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompaniesAction {
    /// Replace the open person's applications (one was proposed or moved).
    SetApplications(Vec<Application>),
    /// Close the open person's pathway with this outcome, on this date.
    ClosePathway(OutcomeKind, NaiveDate),
    /// Save these companies (edited, or imported).
    SaveCompanies(Vec<Company>),
    /// Open the "Crèche" tab with a booking prepared for this interview (not booked yet).
    BookCreche(InterviewBooking),
}

/// A move being filled in: the state chosen and the details it needs, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MoveDraft {
    application: ApplicationId,
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
    fn new(application: &Application, to: StateKind, today: NaiveDate) -> Self {
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
            Ok(None) => Err("La date est obligatoire (JJ/MM/AAAA).".to_owned()),
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
                    Some(NaiveTime::parse_from_str(&padded, "%H:%M").map_err(|_| {
                        format!(
                            "Heure « {} » invalide : HH:MM, par exemple 14:30.",
                            self.time.trim()
                        )
                    })?)
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
                    return Err(text::companies::HIRE_BEFORE_INTERVIEW.to_owned());
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
        let date = |text: &str, what: &str| match parse_date(text) {
            Ok(Some(date)) => Ok(date),
            Ok(None) => Err(format!("{what} est obligatoire (JJ/MM/AAAA).")),
            Err(message) => Err(message),
        };
        Immersion::new(
            date(&self.from, "Le premier jour")?,
            date(&self.to, "Le dernier jour")?,
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

    /// Draws the tab for `record`; `people` is everyone (for the directory's reverse view),
    /// with the crèche's settings (a child's crèche age weighs on the offers' hours).
    fn draw(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        companies: &[Company],
        people: Candidates<'_>,
        writable: bool,
        today: NaiveDate,
    ) -> Vec<CompaniesAction> {
        let mut actions = Vec::new();
        ui.add_space(theme::SECTION_GAP);
        ui.horizontal(|ui| {
            if ui.button(DIRECTORY).clicked() {
                self.directory.open = true;
            }
            if ui
                .add_enabled(writable, egui::Button::new(IMPORT_CSV))
                .clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter("CSV", &["csv", "txt"])
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
        info_section(
            ui,
            "Phase 3 · Mise en relation avec les entreprises",
            |ui| {
                phase_rows(ui, record, Phase::Matching);
                match &record.pathway.outcome {
                    None => info_row(ui, "Sortie", "parcours en cours"),
                    Some(outcome) => {
                        ui.label(RichText::new("Sortie").weak());
                        ui.label(
                            RichText::new(format!(
                                "{} le {}",
                                outcome.kind.label(),
                                format_date(outcome.date)
                            ))
                            .strong()
                            .color(theme::OK),
                        );
                        ui.end_row();
                    }
                }
            },
        );
        self.applications_ui(ui, record, writable, today, &mut actions);
        self.pmsmp_ui(ui, record, companies, writable, today, &mut actions);
        ranked_ui(
            ui,
            record,
            companies,
            people.creche,
            today,
            writable,
            &mut actions,
        );

        let ctx = ui.ctx().clone();
        actions.extend(
            self.directory
                .show(&ctx, companies, people, writable, today),
        );
        actions.extend(self.import.show(&ctx, companies, writable));
        actions
    }

    fn applications_ui(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        writable: bool,
        today: NaiveDate,
        actions: &mut Vec<CompaniesAction>,
    ) {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(APPLICATIONS);
        ui.separator();
        if record.applications.is_empty() {
            ui.label(RichText::new(NO_APPLICATION).weak());
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
                        if !immersion.tutor.is_empty() {
                            ui.label(text::companies::pmsmp_tutor(&immersion.tutor));
                        }
                        let mut result = immersion.result;
                        let name = format!(
                            "{} ({})",
                            text::companies::PMSMP_RESULT,
                            application.target_label()
                        );
                        let label = ui.label(text::companies::PMSMP_RESULT);
                        if choice_box(
                            ui,
                            &name,
                            label.id,
                            writable,
                            &mut result,
                            &ImmersionResult::ALL,
                            &|r: ImmersionResult| r.label().to_owned(),
                        ) {
                            let mut applications = record.applications.clone();
                            if let Some(changed) = applications
                                .iter_mut()
                                .find(|a| a.id == application.id)
                                .and_then(|a| a.immersion.as_mut())
                            {
                                changed.result = result;
                            }
                            actions.push(CompaniesAction::SetApplications(applications));
                        }
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    for &next in application.state.kind().next() {
                        let label = format!("→ {}", next.label());
                        // Named with its application: several may show the same moves.
                        let name = format!("{label} : {}", application.target_label());
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
                        && ui
                            .add_enabled(writable, egui::Button::new(CLOSE_PATHWAY))
                            .on_hover_text(format!(
                                "Sortie « {} » datée d'aujourd'hui",
                                OutcomeKind::Employment(*contract).label()
                            ))
                            .clicked()
                    {
                        actions.push(CompaniesAction::ClosePathway(
                            OutcomeKind::Employment(*contract),
                            today,
                        ));
                    }
                    if let Some(booking) = creche_ui(ui, record, application, writable, today) {
                        actions.push(CompaniesAction::BookCreche(booking));
                    }
                });
                if self
                    .moving
                    .as_ref()
                    .is_some_and(|m| m.application == application.id)
                {
                    self.move_form_ui(ui, record, application, today, actions);
                }
                egui::CollapsingHeader::new(HISTORY)
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
        record: &Beneficiary,
        companies: &[Company],
        writable: bool,
        today: NaiveDate,
        actions: &mut Vec<CompaniesAction>,
    ) {
        if companies.is_empty() {
            return;
        }
        let draft = &mut self.pmsmp;
        egui::CollapsingHeader::new(text::companies::NEW_PMSMP)
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
                                || text::companies::PMSMP_NO_COMPANY.to_owned(),
                                |c| c.name.clone(),
                            )
                        };
                        let label = ui.label(text::companies::PMSMP_COMPANY);
                        choice_box(
                            ui,
                            text::companies::PMSMP_COMPANY,
                            label.id,
                            writable,
                            &mut draft.company,
                            &options,
                            &name_of,
                        );
                        ui.end_row();
                        text_row(ui, text::companies::PMSMP_FROM, &mut draft.from);
                        text_row(ui, text::companies::PMSMP_TO, &mut draft.to);
                        text_row(ui, text::companies::PMSMP_TUTOR, &mut draft.tutor);
                    });
                if let Some(error) = &draft.error {
                    ui.label(RichText::new(error).color(theme::ERROR));
                }
                if ui
                    .add_enabled(writable, egui::Button::new(text::companies::ADD_PMSMP))
                    .clicked()
                {
                    let company = companies.iter().find(|c| Some(c.id) == draft.company);
                    match (company, draft.immersion()) {
                        (None, _) => {
                            draft.error = Some(text::companies::PMSMP_NO_COMPANY.to_owned());
                        }
                        (_, Err(message)) => draft.error = Some(message),
                        (Some(company), Ok(immersion)) => {
                            let mut applications = record.applications.clone();
                            applications.push(Application::immersion(
                                company.id,
                                &company.name,
                                immersion,
                                today,
                            ));
                            actions.push(CompaniesAction::SetApplications(applications));
                            *draft = PmsmpDraft::default();
                        }
                    }
                }
            });
    }

    fn move_form_ui(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        application: &Application,
        today: NaiveDate,
        actions: &mut Vec<CompaniesAction>,
    ) {
        let Some(draft) = self.moving.as_mut() else {
            return;
        };
        let mut done = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(format!("Passer à « {} »", draft.to.label())).strong());
            egui::Grid::new(("move", application.id))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| match draft.to {
                    StateKind::Interview => {
                        text_row(ui, INTERVIEW_DATE, &mut draft.date);
                        text_row(ui, INTERVIEW_TIME, &mut draft.time);
                        text_row(ui, INTERVIEW_PLACE, &mut draft.place);
                    }
                    StateKind::Hired => {
                        let label = ui.label(CONTRACT);
                        choice_box(
                            ui,
                            CONTRACT,
                            label.id,
                            true,
                            &mut draft.contract,
                            &ContractKind::ALL,
                            &|c: ContractKind| c.label().to_owned(),
                        );
                        ui.end_row();
                        text_row(ui, START_DATE, &mut draft.date);
                    }
                    StateKind::Refused => {
                        let label = ui.label(REFUSAL_REASON);
                        choice_box(
                            ui,
                            REFUSAL_REASON,
                            label.id,
                            true,
                            &mut draft.reason,
                            &RefusalReason::ALL,
                            &|r: RefusalReason| r.label().to_owned(),
                        );
                        ui.end_row();
                        text_row(ui, REFUSAL_NOTE, &mut draft.note);
                    }
                    StateKind::Ended => {
                        let label = ui.label(text::companies::END_REASON);
                        choice_box(
                            ui,
                            text::companies::END_REASON,
                            label.id,
                            true,
                            &mut draft.end_reason,
                            &EndReason::ALL,
                            &|r: EndReason| r.label().to_owned(),
                        );
                        ui.end_row();
                        text_row(ui, text::companies::END_DATE, &mut draft.date);
                    }
                    _ => {
                        ui.label(format!("Changement daté du {}.", format_date(today)));
                        ui.end_row();
                    }
                });
            if let Some(error) = &draft.error {
                ui.label(RichText::new(error).color(theme::ERROR));
            }
            ui.horizontal(|ui| {
                if ui.button(CONFIRM_MOVE).clicked() {
                    match draft.state() {
                        Err(message) => draft.error = Some(message),
                        Ok(state) => {
                            let mut applications = record.applications.clone();
                            if let Some(target) =
                                applications.iter_mut().find(|a| a.id == application.id)
                            {
                                match target.move_to(state, today) {
                                    Ok(()) => {
                                        actions
                                            .push(CompaniesAction::SetApplications(applications));
                                        done = true;
                                    }
                                    Err(error) => draft.error = Some(error.to_string()),
                                }
                            }
                        }
                    }
                }
                if ui.button(CANCEL).clicked() {
                    done = true;
                }
            });
        });
        if done {
            self.moving = None;
        }
    }
}

/// A labelled single-line field in a two-column grid.
/// For a planned interview of a parent: "Réserver la crèche pour l'entretien" (the booking is
/// prepared in the "Crèche" tab), or the note that it is booked already. Returns the interview
/// to prepare when clicked.
fn creche_ui(
    ui: &mut Ui,
    record: &Beneficiary,
    application: &Application,
    writable: bool,
    today: NaiveDate,
) -> Option<InterviewBooking> {
    let ApplicationState::Interview { date, time, .. } = &application.state else {
        return None;
    };
    if record.family.children.is_empty() {
        return None;
    }
    let linked = BookingReason::Interview(Some(application.id));
    if record.creche.bookings.iter().any(|b| b.reason == linked) {
        ui.label(RichText::new(CRECHE_BOOKED).color(theme::OK));
        return None;
    }
    let upcoming = *date >= today;
    let name = format!("{BOOK_CRECHE} : {}", application.target_label());
    let enabled = writable && upcoming;
    let mut response = ui.add_enabled(enabled, egui::Button::new(BOOK_CRECHE));
    // Named with its application: several interviews may show the same button.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    if !upcoming {
        response = response.on_disabled_hover_text(INTERVIEW_PAST);
    }
    response.clicked().then(|| InterviewBooking {
        application: application.id,
        date: *date,
        time: *time,
        label: application.target_label(),
    })
}

fn text_row(ui: &mut Ui, label: &str, value: &mut String) {
    let label = ui.label(label);
    ui.add(TextEdit::singleline(value).desired_width(theme::FIELD_WIDTH))
        .labelled_by(label.id);
    ui.end_row();
}

/// What stands instead of "Proposer" when the person already holds an application for the
/// line: "Déjà proposée", or its state ("Candidature : Embauché").
fn standing_label(kind: StateKind) -> String {
    if kind == StateKind::Proposed {
        ALREADY_PROPOSED.to_owned()
    } else {
        format!("{APPLICATION_STATE} {}", kind.label())
    }
}

fn ranked_ui(
    ui: &mut Ui,
    record: &Beneficiary,
    companies: &[Company],
    creche: &CrecheSettings,
    today: NaiveDate,
    writable: bool,
    actions: &mut Vec<CompaniesAction>,
) {
    ui.add_space(theme::SECTION_GAP);
    ui.heading(RANKED);
    ui.separator();
    let ranked = rank_offers_top(record, companies, creche, today, SHOWN_MATCHES);
    if ranked.is_empty() {
        ui.label(RichText::new(NO_MATCH).weak());
        return;
    }
    for line in &ranked {
        ui.push_id(line.target, |ui| {
            match_row_ui(ui, record, companies, line, writable, today, actions);
        });
    }
}

fn match_row_ui(
    ui: &mut Ui,
    record: &Beneficiary,
    companies: &[Company],
    line: &Match,
    writable: bool,
    today: NaiveDate,
    actions: &mut Vec<CompaniesAction>,
) {
    ui.horizontal(|ui| {
        let colour = if line.score >= 50 {
            theme::OK
        } else if line.score >= 20 {
            theme::ROUTE_FLE
        } else {
            theme::ROUTE_UNKNOWN
        };
        ui.add_sized(
            [44.0, 20.0],
            egui::Label::new(RichText::new(line.score.to_string()).strong().color(colour)),
        );
        ui.label(RichText::new(&line.label).strong());
        if matches!(line.target, Target::Spontaneous { .. }) {
            ui.label(RichText::new(SPONTANEOUS).italics().color(theme::WARNING));
        }

        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(application) = standing_application(record, line.target) {
                ui.label(RichText::new(standing_label(application.state.kind())).weak());
            } else if proposal_button(ui, writable, &line.label, line.work_warning.as_deref())
                .clicked()
            {
                let (company_id, offer_id) = match line.target {
                    Target::Offer { company, offer } => (company, Some(offer)),
                    Target::Spontaneous { company } => (company, None),
                };
                if let Some(company) = companies.iter().find(|c| c.id == company_id) {
                    let offer = offer_id
                        .and_then(|id| company.offers.iter().find(|o| o.id == id))
                        .map(|o| (o.id, o.title.as_str()));
                    let mut applications = record.applications.clone();
                    applications.push(Application::propose(
                        company.id,
                        &company.name,
                        offer,
                        today,
                    ));
                    actions.push(CompaniesAction::SetApplications(applications));
                }
            }
        });
    });
    // Indented under the title, and kept there when the reasons wrap.
    ui.horizontal(|ui| {
        ui.add_space(52.0);
        ui.vertical(|ui| {
            if let Some(details) = details(companies, line.target) {
                ui.label(RichText::new(details).weak());
            }
            ui.horizontal_wrapped(|ui| reasons_ui(ui, line));
            if let Some(warning) = &line.work_warning {
                ui.label(RichText::new(warning).small().strong().color(theme::ERROR));
            }
        });
    });
    ui.add_space(theme::SPACE_XS);
}

/// One coloured label per criterion: green adds points, red takes some away.
fn reasons_ui(ui: &mut Ui, line: &Match) {
    {
        for reason in &line.reasons {
            let colour = match reason.points {
                p if p > 0 => theme::OK,
                0 => theme::ROUTE_UNKNOWN,
                _ => theme::ERROR,
            };
            ui.label(
                RichText::new(format!(
                    "{} {:+} : {}",
                    reason.criterion.label(),
                    reason.points,
                    reason.text
                ))
                .small()
                .color(colour),
            );
        }
    }
}

/// "CDI · 35 h · Journée · Créteil" for an offer, the town for a company.
fn details(companies: &[Company], target: Target) -> Option<String> {
    let (company_id, offer_id) = match target {
        Target::Offer { company, offer } => (company, Some(offer)),
        Target::Spontaneous { company } => (company, None),
    };
    let company = companies.iter().find(|c| c.id == company_id)?;
    let Some(offer) = offer_id.and_then(|id| company.offers.iter().find(|o| o.id == id)) else {
        return Some(company.town.clone());
    };
    let mut parts = vec![offer.contract.label().to_owned()];
    if let Some(hours) = offer.weekly_hours {
        parts.push(format!("{hours} h"));
    }
    parts.push(offer.schedule.label().to_owned());
    let town = if offer.town.trim().is_empty() {
        &company.town
    } else {
        &offer.town
    };
    if !town.trim().is_empty() {
        parts.push(town.trim().to_owned());
    }
    Some(parts.join(" · "))
}

/// "Proposer", named "Proposer « offer — company »" for screen readers (and tests): a list of
/// identical "Proposer" buttons says nothing to someone who cannot see the rows.
/// When the person may not work on the start date, the button says so on hover.
fn proposal_button(
    ui: &mut Ui,
    enabled: bool,
    target: &str,
    work_warning: Option<&str>,
) -> egui::Response {
    let name = format!("{PROPOSE} « {target} »");
    let label = if work_warning.is_some() {
        RichText::new(PROPOSE).color(theme::ERROR)
    } else {
        RichText::new(PROPOSE)
    };
    let hover = work_warning.map_or_else(|| name.clone(), text::companies::propose_despite);
    let response = ui
        .add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(hover);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
    response
}

impl RecordTab for CompaniesPanel {
    fn label(&self) -> &'static str {
        text::companies::TAB_COMPANIES
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let people = Candidates {
            people: cx.records,
            creche: cx.creche,
        };
        let id = edit.id;
        for action in self.draw(ui, edit.shown, cx.companies, people, cx.writable, cx.today) {
            out.push(match action {
                CompaniesAction::SetApplications(applications) => {
                    Command::SetApplications(id, applications)
                }
                CompaniesAction::ClosePathway(kind, date) => Command::ClosePathway(id, kind, date),
                CompaniesAction::SaveCompanies(companies) => Command::SaveCompanies(companies),
                CompaniesAction::BookCreche(interview) => {
                    Command::BookCrecheForInterview(interview)
                }
            });
        }
    }
}
