//! The "Synthèse" tab: the pathway summary the beneficiary takes home. The counsellor ticks
//! sections in or out and, for this print only, confidential items; the preview below shows
//! exactly what will print (drawn from the same [`Summary`] the PDF is made of); "Imprimer"
//! sends it to the default printer (or the viewer), "Enregistrer en PDF…" saves it.

use std::sync::mpsc;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::{Beneficiary, BeneficiaryId};
use crate::report::export::{Existing, HistoryEntry, export_template, write_export};
use crate::report::{
    Confidential, Delivery, Engine, OutputError, PRINT_SHORTCUT, Rendered, Section, Summary,
    SummaryOptions, SummarySection, open_pdf, print_pdf, render_summary, save_pdf,
    summary_file_name, summary_template,
};
use crate::store::journal::{Document, Event};
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::{text, theme};

/// How the last action went, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Status {
    /// Under way (the printer or the viewer is being reached).
    Working(String),
    /// Done.
    Done(String),
    /// Done, with something the counsellor must check.
    Warning(String),
    /// Failed.
    Failed(String),
}

/// What the background hand-over to the printer or the viewer reports.
type HandOver = Result<HandOverDone, OutputError>;

#[derive(Debug)]
enum HandOverDone {
    /// Sent to the printer, or opened in the viewer when no printer took it.
    Delivered(Delivery),
    /// Opened in the viewer for checking (a character could not be drawn).
    OpenedForCheck,
}

/// State of the "Synthèse" tab.
#[derive(Debug, Default)]
pub struct SummaryPanel {
    /// Section ticks (kept while Parcours runs) and confidential ticks (for one print).
    options: SummaryOptions,
    /// The record the ticks were given for: confidential ticks never follow to another one.
    record: Option<BeneficiaryId>,
    /// Typst with its fonts, built at the first print.
    engine: Option<Engine>,
    status: Option<Status>,
    /// The hand-over running in the background, so that a slow print system never freezes
    /// the window.
    pending: Option<mpsc::Receiver<HandOver>>,
    /// The rendering's warning (missing character…), shown when the hand-over ends.
    pending_warning: Option<String>,
    /// The journal's events of a record, oldest first, for "Historique".
    history: Option<(BeneficiaryId, Vec<Event>)>,
    /// Where the counsellor chose to save the PDF, written at the next frame.
    save_to: Option<std::path::PathBuf>,
    /// Offered when the save dialog gave nothing (perhaps none could be shown): a file in the
    /// Documents folder, saved by one click.
    fallback: Option<std::path::PathBuf>,
    /// The folder the person's copy ("Remettre ses données à la personne") goes to, written at
    /// the next frame.
    export_to: Option<std::path::PathBuf>,
    /// The Documents folder, offered when the folder dialog gave nothing.
    export_fallback: Option<std::path::PathBuf>,
}

impl SummaryPanel {
    /// Draws the tab for a record; the summary also draws from the catalogue, the directory
    /// and the crèche's settings in `cx` (collective hours, current company names, a child's
    /// crèche age).
    fn draw(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        if self.record != Some(record.id) {
            self.record = Some(record.id);
            self.options.forget_confidential();
            self.status = None;
            self.export_fallback = None;
        }
        self.poll_hand_over();

        self.ticks_ui(ui, record);
        let today = cx.today;
        let summary = Summary::build(
            record,
            cx.settings,
            cx.workshops,
            cx.companies,
            cx.creche,
            &self.options,
            today,
        );
        ui.add_space(theme::SECTION_GAP);
        self.actions_ui(ui, record, &summary, today, out);
        self.export_ui(ui, record, cx, out);
        ui.add_space(theme::SECTION_GAP);
        self.history_ui(ui, record.id);
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::summary::SUMMARY_PREVIEW);
        ui.separator();
        preview_ui(ui, &summary);
    }

    fn ticks_ui(&mut self, ui: &mut Ui, record: &Beneficiary) {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::summary::SUMMARY_SECTIONS);
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for section in Section::ALL {
                let mut included = self.options.includes(section);
                if ui.checkbox(&mut included, section.title()).changed() {
                    self.options.set_included(section, included);
                }
            }
        });

        ui.add_space(theme::SECTION_GAP);
        ui.heading(RichText::new(text::summary::SUMMARY_CONFIDENTIAL).color(theme::WARNING));
        ui.separator();
        ui.label(RichText::new(text::summary::SUMMARY_CONFIDENTIAL_HINT).weak());
        ui.horizontal_wrapped(|ui| {
            for item in Confidential::ALL {
                let held = item.value(record).is_some();
                let mut revealed = self.options.reveals(item);
                let response =
                    ui.add_enabled(held, egui::Checkbox::new(&mut revealed, item.label()));
                if response.changed() {
                    self.options.set_revealed(item, revealed);
                }
                if !held {
                    response.on_disabled_hover_text(text::summary::SUMMARY_NOT_IN_RECORD);
                }
            }
        });
    }

    fn actions_ui(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        summary: &Summary,
        today: NaiveDate,
        out: &mut Vec<Command>,
    ) {
        let busy = self.pending.is_some();
        let printed = Command::Printed(record.id, Document::Summary);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(!busy, egui::Button::new(text::summary::PRINT))
                .clicked()
                && self.print(ui.ctx(), summary)
            {
                out.push(printed.clone());
            }
            if ui
                .add_enabled(!busy, egui::Button::new(text::summary::SAVE_PDF))
                .clicked()
            {
                self.choose_file(record, today);
            }
            if ui
                .add_enabled(!busy, egui::Button::new(text::summary::EXPORT))
                .on_hover_text(text::summary::EXPORT_HINT)
                .clicked()
            {
                self.choose_export_folder();
            }
        });
        if let Some(path) = &self.fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
        {
            self.save_to = self.fallback.take();
        }
        if let Some(path) = self.save_to.take() {
            self.fallback = None;
            if self.save(&path, summary) {
                out.push(printed);
            }
        }
        if let Some(status) = &self.status {
            let (message, colour) = match status {
                Status::Working(m) => (m, ui.visuals().weak_text_color()),
                Status::Done(m) => (m, theme::OK),
                Status::Warning(m) => (m, theme::WARNING),
                Status::Failed(m) => (m, theme::ERROR),
            };
            ui.add(egui::Label::new(RichText::new(message).color(colour)).wrap());
        }
    }

    /// Renders the summary; the confidential ticks are spent as soon as a document exists.
    fn render(&mut self, summary: &Summary) -> Option<Rendered> {
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([summary_template(), export_template()]));
        match render_summary(engine, summary) {
            Ok(rendered) => {
                self.options.forget_confidential();
                Some(rendered)
            }
            Err(error) => {
                self.status = Some(Status::Failed(error.to_string()));
                None
            }
        }
    }

    /// Hands the summary to the printer (or the viewer); `true` once a document went out.
    fn print(&mut self, ctx: &egui::Context, summary: &Summary) -> bool {
        let Some(rendered) = self.render(summary) else {
            return false;
        };
        let warning = rendered.warning_message();
        let check_first = !rendered.missing_chars.is_empty();
        self.status = Some(Status::Working(
            if check_first {
                text::summary::OPENING_VIEWER
            } else {
                text::summary::PRINTING
            }
            .to_owned(),
        ));
        let (sender, receiver) = mpsc::channel();
        self.pending = Some(receiver);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // A document with a missing character is shown for checking rather than printed
            // straight away: a name printed with a blank box must not leave unnoticed.
            let result = if check_first {
                open_pdf(&rendered.pdf).map(|_| HandOverDone::OpenedForCheck)
            } else {
                print_pdf(&rendered.pdf).map(HandOverDone::Delivered)
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.pending_warning = warning;
        true
    }

    fn poll_hand_over(&mut self) {
        let Some(receiver) = &self.pending else {
            return;
        };
        let result = match receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(OutputError::TempFile(
                std::io::Error::other(text::summary::PRINT_INTERRUPTED),
            )),
        };
        self.pending = None;
        let warning = self.pending_warning.take();
        self.status = Some(match (result, warning) {
            (Err(error), _) => Status::Failed(error.to_string()),
            (Ok(HandOverDone::OpenedForCheck), warning) => Status::Warning(
                text::summary::opened_for_check(&warning.unwrap_or_default(), PRINT_SHORTCUT),
            ),
            (Ok(HandOverDone::Delivered(delivery)), Some(warning)) => {
                Status::Warning(format!("{delivery} {warning}"))
            }
            (Ok(HandOverDone::Delivered(delivery @ Delivery::Opened { .. })), None) => {
                Status::Warning(delivery.to_string())
            }
            (Ok(HandOverDone::Delivered(delivery)), None) => Status::Done(delivery.to_string()),
        });
    }

    /// Asks where to save the PDF; it is written by [`Self::save`] once chosen.
    fn choose_file(&mut self, record: &Beneficiary, today: NaiveDate) {
        let Some(path) = rfd::FileDialog::new()
            .set_title(text::summary::SAVE_PDF_TITLE)
            .set_file_name(summary_file_name(record, today))
            .add_filter(text::common::PDF_FILTER, &["pdf"])
            .save_file()
        else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which): say that nothing
            // was saved, and offer the Documents folder.
            self.dialog_gave_nothing(
                crate::report::fallback_folder().as_deref(),
                &summary_file_name(record, today),
            );
            return;
        };
        self.save_to = Some(path);
    }

    /// The save dialog returned no file: nothing saved, and a one-click save of `file_name` in
    /// `folder` offered (tests call it with a folder of theirs: a dialog cannot be driven).
    pub fn dialog_gave_nothing(&mut self, folder: Option<&std::path::Path>, file_name: &str) {
        self.status = Some(Status::Warning(text::common::no_file_chosen(
            text::summary::THE_SUMMARY,
            folder,
        )));
        self.fallback = folder.map(|folder| crate::report::free_path(folder, file_name));
        self.export_fallback = None;
    }

    /// Saves the summary at `path` at the next frame, as when the counsellor chooses it in the
    /// "Enregistrer en PDF…" dialog (tests use it: a file dialog cannot be driven).
    pub fn save_pdf_to(&mut self, path: std::path::PathBuf) {
        self.save_to = Some(path);
    }

    /// Asks for the folder of the person's copy; written by [`Self::export_ui`] once chosen.
    fn choose_export_folder(&mut self) {
        match rfd::FileDialog::new()
            .set_title(text::summary::EXPORT_TITLE)
            .pick_folder()
        {
            Some(folder) => self.export_to = Some(folder),
            None => self.export_dialog_gave_nothing(crate::report::fallback_folder()),
        }
    }

    /// The folder dialog gave nothing: nothing written, and a one-click export into `folder`
    /// offered (tests call it with a folder of theirs: a dialog cannot be driven).
    pub fn export_dialog_gave_nothing(&mut self, folder: Option<std::path::PathBuf>) {
        self.status = Some(Status::Warning(text::common::no_file_chosen(
            text::summary::THE_EXPORT,
            folder.as_deref(),
        )));
        self.fallback = None;
        self.export_fallback = folder;
    }

    /// Writes the person's copy into `folder` at the next frame, as when the counsellor
    /// chooses it in the dialog (tests use it: a dialog cannot be driven).
    #[cfg(test)]
    pub fn export_to_folder(&mut self, folder: std::path::PathBuf) {
        self.export_to = Some(folder);
    }

    /// The Documents button when the dialog gave nothing, and the copy's writing.
    fn export_ui(
        &mut self,
        ui: &mut Ui,
        record: &Beneficiary,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        if let Some(folder) = &self.export_fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(folder.display().to_string())
                .clicked()
        {
            self.export_to = self.export_fallback.take();
        }
        let Some(folder) = self.export_to.take() else {
            return;
        };
        self.export_fallback = None;
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([summary_template(), export_template()]));
        // The journal's events about the person, as "Historique" shows them (read when the
        // tab opened on this record).
        let history: Vec<HistoryEntry> = match &self.history {
            Some((id, events)) if *id == record.id => events
                .iter()
                .map(|e| HistoryEntry {
                    time: e.time,
                    author: e.author.clone(),
                    operation: e.operation.token(),
                    label: e.operation.label(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let written = write_export(
            engine,
            record,
            cx.settings,
            &history,
            &folder,
            cx.today,
            Existing::Keep,
        );
        self.status = Some(match written {
            Err(error) => Status::Failed(error.to_string()),
            Ok(done) => {
                out.push(Command::Exported(record.id));
                let message = text::summary::exported(&done.pdf, &done.json);
                match done.warning {
                    Some(warning) => Status::Warning(format!("{message} {warning}")),
                    None => Status::Done(message),
                }
            }
        });
        // The status line is drawn above: shown at once, not at the next mouse move.
        ui.ctx().request_repaint();
    }

    /// Saves the PDF at `path`; `true` when it was written.
    fn save(&mut self, path: &std::path::Path, summary: &Summary) -> bool {
        let Some(rendered) = self.render(summary) else {
            return false;
        };
        let saved = save_pdf(path, &rendered.pdf);
        let written = saved.is_ok();
        self.status = Some(if let Err(error) = saved {
            Status::Failed(error.to_string())
        } else {
            let done = text::summary::pdf_saved(path);
            match rendered.warning_message() {
                Some(warning) => Status::Warning(format!("{done} {warning}")),
                None => Status::Done(done),
            }
        });
        written
    }

    /// Hands the tab the journal's events of a record (the app reads them from the store
    /// when the record or the journal changes).
    pub fn set_history(&mut self, record: BeneficiaryId, events: Vec<Event>) {
        self.history = Some((record, events));
    }

    /// "Historique": the record's journal events, newest first, collapsed at first.
    fn history_ui(&self, ui: &mut Ui, record: BeneficiaryId) {
        let events = match &self.history {
            Some((id, events)) if *id == record => events.as_slice(),
            _ => &[],
        };
        egui::CollapsingHeader::new(text::summary::HISTORY)
            .id_salt("summary-history")
            .show(ui, |ui| {
                if events.is_empty() {
                    ui.label(RichText::new(text::summary::HISTORY_EMPTY).weak());
                }
                for event in events.iter().rev() {
                    let author = if event.author == "-" {
                        text::summary::UNKNOWN_AUTHOR
                    } else {
                        event.author.as_str()
                    };
                    ui.label(text::summary::history_line(
                        &event
                            .time
                            .with_timezone(&chrono::Local)
                            .format("%d/%m/%Y %H:%M")
                            .to_string(),
                        author,
                        &event.operation.label(),
                    ));
                }
            });
    }
}

/// The summary drawn as the page will print it: header, title, sections, signatures.
fn preview_ui(ui: &mut Ui, summary: &Summary) {
    let page = ui.visuals().extreme_bg_color;
    let border = ui.visuals().widgets.noninteractive.bg_stroke;
    egui::Frame::new()
        .fill(page)
        .stroke(border)
        .inner_margin(24)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if summary.structure.is_empty() {
                    // Not printed: a reminder for the counsellor only.
                    ui.label(
                        RichText::new(text::summary::STRUCTURE_NAME_MISSING)
                            .italics()
                            .weak(),
                    );
                } else {
                    ui.label(RichText::new(&summary.structure).strong());
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(RichText::new(&summary.date_long).weak());
                });
            });
            ui.separator();
            ui.label(
                RichText::new(summary.title)
                    .size(22.0)
                    .strong()
                    .color(theme::ROUTE_FLE),
            );
            ui.label(RichText::new(&summary.person).size(18.0).strong());
            if !summary.referent.is_empty() {
                ui.label(RichText::new(text::summary::referent(&summary.referent)).weak());
            }
            for section in &summary.sections {
                section_ui(ui, section);
            }
            ui.add_space(theme::SECTION_GAP * 2.0);
            ui.columns(summary.signatures.len().max(1), |columns| {
                for (column, signature) in columns.iter_mut().zip(&summary.signatures) {
                    column.label(RichText::new(signature.role).strong());
                    column.label(&signature.name);
                    column.label(RichText::new(text::summary::SIGNATURE).small().weak());
                    let (rect, _) = column.allocate_exact_size(
                        egui::vec2(column.available_width(), 60.0),
                        egui::Sense::hover(),
                    );
                    column
                        .painter()
                        .rect_stroke(rect, 3.0, border, egui::StrokeKind::Inside);
                }
            });
        });
}

fn section_ui(ui: &mut Ui, section: &SummarySection) {
    ui.add_space(theme::SECTION_GAP);
    let colour = if section.confidential {
        theme::WARNING
    } else {
        theme::ROUTE_FLE
    };
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(&section.title)
                .strong()
                .size(16.0)
                .color(colour),
        );
        if section.confidential {
            ui.label(
                RichText::new(text::summary::CONFIDENTIAL_TAG)
                    .small()
                    .color(colour),
            );
        }
    });
    ui.separator();
    egui::Grid::new(("summary-preview", section.key))
        .num_columns(2)
        .min_col_width(theme::LABEL_WIDTH)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for row in &section.rows {
                ui.label(RichText::new(&row.label).weak());
                ui.add(egui::Label::new(&row.value).wrap());
                ui.end_row();
            }
        });
    for paragraph in section.text.lines().filter(|l| !l.trim().is_empty()) {
        ui.add(egui::Label::new(paragraph).wrap());
    }
}

impl RecordTab for SummaryPanel {
    fn label(&self) -> &'static str {
        text::summary::TAB_SUMMARY
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        self.draw(ui, edit.shown, cx, out);
    }
}

#[cfg(test)]
#[path = "summary_export_tests.rs"]
mod export_tests;
