//! The "Préparation à l'emploi" tab (phase 2): phase status and dates, the sessions log and
//! hours against the 70 % individual / 30 % collective target (`sessions`), the appointments
//! planned and settled (`appointments`), professional
//! projects (`projects`), the action plan with its overdue actions (`plan`), the
//! administrative checklist with the permit's expiry, the CIR's training and the permit
//! aimed at (`admin`), the children's care and schooling (`children`), and the CV (`cv`).
//! The workshops' catalogue opens from here, over the record shown.
//!
//! Edits go into the record's draft like the other tabs (autosaved); workshops are saved in
//! their own files through [`Command`]s.

mod admin;
mod appointments;
mod cells;
mod children;
pub(crate) mod cv;
mod plan;
mod projects;
mod sessions;

use egui::Ui;

use crate::model::Phase;
use crate::model::preparation::attended_sessions;
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::widgets::{self, Form};
use crate::ui::windows::Window;
use crate::ui::windows::workshops::WorkshopsWindow;
use crate::ui::{text, theme};

use appointments::AppointmentsSection;
use cv::CvSection;
use projects::ProjectsSection;
use sessions::SessionsSection;

/// State of the tab: the session being logged, the project pickers, the workshops window,
/// the CV's engine and outcome.
#[derive(Default)]
pub struct PreparationPanel {
    sessions: SessionsSection,
    appointments: AppointmentsSection,
    projects: ProjectsSection,
    workshops: WorkshopsWindow,
    cv: CvSection,
}

impl PreparationPanel {
    /// No file was given for the letter (or, with `calendar`, the `.ics` file) of `record`'s
    /// first upcoming planned appointment (tests use it: a file dialog cannot be driven): the
    /// section offers `folder`.
    pub fn convocation_dialog_gave_nothing(
        &mut self,
        record: &crate::model::Beneficiary,
        today: chrono::NaiveDate,
        folder: &std::path::Path,
        calendar: bool,
    ) {
        let export = if calendar {
            appointments::Export::Calendar
        } else {
            appointments::Export::Letter
        };
        if let Some(a) = record.preparation.appointments.iter().find(|a| {
            a.status == crate::model::preparation::AppointmentStatus::Planned && a.date >= today
        }) {
            let name = appointments::file_name(record, a, export);
            self.appointments
                .dialog_gave_nothing(Some(folder), (a.id, export), &name);
        }
    }
}

impl PreparationPanel {
    /// Opens the workshops' catalogue with `workshop`'s form (drawn once this tab is shown).
    pub fn edit_workshop(&mut self, workshop: &crate::model::preparation::Workshop) {
        self.workshops.edit(workshop);
    }
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
        let record = edit.shown;
        let mut form = Form::new(edit.errors, cx.writable);
        widgets::phase_section(ui, &mut form, edit.draft, Phase::Preparation);
        ui.add_space(theme::SPACE_S);
        if ui.button(text::preparation::WORKSHOPS_OPEN).clicked() {
            self.workshops.open();
        }
        let attended = attended_sessions(cx.workshops, record.id);
        self.sessions
            .ui(ui, &mut form, edit.draft, &attended, cx.today);
        self.appointments
            .ui(ui, &mut form, edit.draft, record, cx, out);
        self.projects.ui(ui, &mut form, edit.draft);
        plan::plan_ui(ui, &mut form, edit.errors, edit.draft, record, cx.today);
        admin::admin_ui(ui, &mut form, edit.errors, edit.draft, record, cx.today);
        self.cv.ui(ui, &mut form, edit.draft, record, cx.today, out);
        children::children_ui(ui, record, cx.today);
        ui.add_space(theme::SECTION_GAP);
        // Drawn at every frame, open or not, so that it fades out once closed; over the
        // record this tab shows, whose enrolments its buttons change.
        let over_record = ViewContext {
            shown: Some(record),
            ..*cx
        };
        self.workshops.show(ui.ctx(), &over_record, out);
        edit.changed |= form.changed;
    }
}
