//! The CV section of the "Préparation à l'emploi" tab: assembled from phase 1 and the main
//! project in one click, then edited as text (one item per line) and saved as a PDF through
//! the report engine, like the summary. Saving it (for an employer) waits for the person's
//! consent to share with companies: the consent gate shows beside the button until then.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::preparation::{Cv, CvDraft};
use crate::model::record::Purpose;
use crate::model::{Beneficiary, BeneficiaryDraft};
use crate::report::{CvDocument, Engine, cv_file_name, cv_template, render_cv, save_pdf};
use crate::store::journal::Document;
use crate::ui::command::Command;
use crate::ui::widgets::Form;
use crate::ui::widgets::consent_gate::ConsentGate;
use crate::ui::{text, theme};

/// State of the CV section: the engine (built at the first PDF) and the last outcome.
#[derive(Default)]
pub struct CvSection {
    engine: Option<Engine>,
    status: Option<(String, egui::Color32)>,
    /// Offered when the save dialog gave nothing (perhaps none could be shown): a file in the
    /// Documents folder, saved by one click.
    fallback: Option<std::path::PathBuf>,
}

impl CvSection {
    /// Draws the section; edits go into `draft` (and `form.changed`); a CV written pushes
    /// `Command::Printed` for the journal.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        record: &Beneficiary,
        today: NaiveDate,
        out: &mut Vec<Command>,
    ) {
        let enabled = form.enabled();
        let mut assemble = false;
        let mut save = false;
        form.section(ui, text::preparation::CV, |form, ui| {
            match &mut draft.preparation.cv {
                None => {
                    assemble = form.button_row(ui, text::preparation::CV_ASSEMBLE);
                }
                Some(cv) => {
                    form.text(ui, text::preparation::CV_HEADLINE, &mut cv.headline, None);
                    form.multiline(ui, text::preparation::CV_PROFILE, &mut cv.profile);
                    form.multiline(ui, text::preparation::CV_EXPERIENCES, &mut cv.experiences);
                    form.multiline(ui, text::preparation::CV_SKILLS, &mut cv.skills);
                    form.multiline(ui, text::preparation::CV_DIPLOMAS, &mut cv.diplomas);
                    form.multiline(ui, text::preparation::CV_LANGUAGES, &mut cv.languages);
                    form.multiline(ui, text::preparation::CV_MORE, &mut cv.more);
                    ui.label("");
                    ui.horizontal(|ui| {
                        assemble = ui
                            .add_enabled(
                                enabled,
                                egui::Button::new(text::preparation::CV_REASSEMBLE),
                            )
                            .on_hover_text(text::preparation::CV_REASSEMBLE_HOVER)
                            .clicked();
                        save = ui.button(text::preparation::CV_SAVE_PDF).clicked();
                    });
                    ui.end_row();
                }
            }
        });
        if assemble {
            // From the record as edited: the phase-1 and project edits of this session count.
            let mut current = record.clone();
            current.preparation = draft.preparation.to_preparation(&mut Vec::new());
            draft.preparation.cv = Some(CvDraft::from_cv(&Cv::assemble(&current, today)));
            form.changed = true;
        }
        let gate = ConsentGate::new(("cv", record.id), Purpose::ShareWithCompanies);
        let mut go = save && gate.ask(ui.ctx(), &draft.protection, ()).is_some();
        if gate.pending::<()>(ui.ctx()).is_some() {
            let by = draft.referent.clone();
            if gate
                .ui::<()>(ui, &mut draft.protection, &by, today, enabled)
                .is_some()
            {
                form.changed = true;
                go = true;
            }
        }
        let mut written = false;
        if go && let Some(cv) = &draft.preparation.cv {
            written = self.save(record, &cv.to_cv(), today);
        }
        if let Some(path) = &self.fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
            && let Some(path) = self.fallback.take()
            && let Some(cv) = &draft.preparation.cv
        {
            written |= self.write(record, &cv.to_cv(), &path);
        }
        if written {
            out.push(Command::Printed(record.id, Document::Cv));
        }
        if let Some((message, colour)) = &self.status {
            ui.label(RichText::new(message).color(*colour));
        }
    }

    /// Asks where to save the CV and writes it; `true` when it was written.
    fn save(&mut self, record: &Beneficiary, cv: &Cv, today: NaiveDate) -> bool {
        let Some(path) = rfd::FileDialog::new()
            .set_title(text::preparation::CV_SAVE_PDF)
            .set_file_name(cv_file_name(record, today))
            .add_filter(text::common::PDF_FILTER, &["pdf"])
            .save_file()
        else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which): nothing saved,
            // and the Documents folder offered.
            let folder = crate::report::fallback_folder();
            self.status = Some((
                text::common::no_file_chosen(text::preparation::THE_CV, folder.as_deref()),
                theme::WARNING,
            ));
            self.fallback = folder
                .map(|folder| crate::report::free_path(&folder, &cv_file_name(record, today)));
            return false;
        };
        self.write(record, cv, &path)
    }

    /// Renders the CV and writes it at `path`, saying how it went; `true` when it was
    /// written.
    fn write(&mut self, record: &Beneficiary, cv: &Cv, path: &std::path::Path) -> bool {
        self.fallback = None;
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([cv_template()]));
        let outcome = match render_cv(engine, &CvDocument::new(record, cv)) {
            Err(error) => Err(error.to_string()),
            Ok(rendered) => save_pdf(path, &rendered.pdf)
                .map(|()| rendered.warning_message())
                .map_err(|e| e.to_string()),
        };
        let written = outcome.is_ok();
        self.status = Some(outcome.map_or_else(
            |error| (error, theme::ERROR),
            |warning| {
                let done = text::preparation::cv_saved(path);
                match warning {
                    Some(warning) => (format!("{done} {warning}"), theme::WARNING),
                    None => (done, theme::OK),
                }
            },
        ));
        written
    }
}
