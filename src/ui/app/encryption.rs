//! Encrypting the folder from the window (issue #15): the conversion runs on a thread of its
//! own with the store moved into it (as `loading.rs` does), a progress bar meanwhile; the
//! recovery key it makes is shown once, in a dialog, to be printed and kept in the
//! structure's safe. The key's text stays in memory only, zeroised when the dialog closes.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::JoinHandle;

use chrono::NaiveDate;

use egui::{RichText, Ui};
use zeroize::Zeroizing;

use crate::report::{RecoverySheet, render_recovery_sheet};
use crate::store::crypto::RecoveryKey;
use crate::store::vault::Costs;
use crate::store::{Access, Store, StoreError};
use crate::ui::{text, theme};

use super::ParcoursApp;
use super::editor::SaveState;

/// What a conversion's thread gives back: the store, and the new recovery key.
type Converted = (Store, Result<RecoveryKey, StoreError>);

/// A conversion in progress.
pub(super) struct Conversion {
    thread: Option<JoinHandle<Converted>>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    /// The records are loaded once it is over (the folder was opened locked).
    then_load: bool,
}

impl Conversion {
    /// Whether the thread is over.
    fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// The progress bar shown instead of the window while the folder is converted.
    fn ui(&self, ui: &mut Ui) {
        super::loading::progress_screen(
            ui,
            text::lock::CONVERTING,
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        );
    }
}

/// The recovery key, shown once, with its sheet to print or to save as PDF.
pub(super) struct RecoveryDialog {
    key: Zeroizing<String>,
    /// What the sheet prints besides the key: the structure, the folder, the day.
    structure: String,
    data_dir: String,
    created: NaiveDate,
    /// The last printing or saving said this (`true`: done).
    status: Option<(bool, String)>,
    /// The sheet being printed or saved on a thread.
    pending: Option<mpsc::Receiver<Result<String, String>>>,
    /// Where to save the sheet, chosen (or given by a test).
    save_to: Option<PathBuf>,
}

/// What the sheet's thread does with the PDF.
enum HandOver {
    Print,
    Save(PathBuf),
}

impl RecoveryDialog {
    /// The key as printed; the sheet never exists but in memory, the printer's private
    /// temporary file, or the file the counsellor chooses.
    fn sheet(&self) -> RecoverySheet {
        RecoverySheet {
            structure: self.structure.clone(),
            data_dir: self.data_dir.clone(),
            created: self.created,
            key_text: self.key.as_str().to_owned(),
        }
    }

    /// Renders the sheet and hands it over on a thread of its own (Typst takes a moment).
    fn hand_over(&mut self, ctx: &egui::Context, how: HandOver) {
        let sheet = self.sheet();
        let (sender, receiver) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let pdf = render_recovery_sheet(&sheet).map(Zeroizing::new);
            drop(Zeroizing::new(sheet.key_text));
            let result = match pdf {
                Err(error) => Err(error.to_string()),
                Ok(pdf) => match how {
                    HandOver::Print => crate::report::print_pdf(&pdf)
                        .map(|delivery| delivery.to_string())
                        .map_err(|e| e.to_string()),
                    HandOver::Save(path) => crate::report::save_pdf(&path, &pdf)
                        .map(|()| text::lock::sheet_saved(&path))
                        .map_err(|e| e.to_string()),
                },
            };
            let _ = sender.send(result);
            ctx.request_repaint();
        });
        self.pending = Some(receiver);
        self.status = Some((true, text::lock::SHEET_WORKING.to_owned()));
    }

    /// Takes the thread's answer, once it has one.
    fn poll(&mut self) {
        let Some(receiver) = &self.pending else {
            return;
        };
        let result = match receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(text::lock::SHEET_FAILED.to_owned()),
        };
        self.pending = None;
        self.status = Some(match result {
            Ok(done) => (true, done),
            Err(error) => (false, error),
        });
    }

    /// Draws the dialog; `true` once the counsellor says the key is printed.
    fn show(&mut self, ctx: &egui::Context) -> bool {
        self.poll();
        if let Some(path) = self.save_to.take() {
            self.hand_over(ctx, HandOver::Save(path));
        }
        let mut close = false;
        let busy = self.pending.is_some();
        egui::Modal::new(egui::Id::unique("recovery-key")).show(ctx, |ui| {
            ui.set_max_width(600.0);
            ui.label(RichText::new(text::lock::RECOVERY_DIALOG_TITLE).heading());
            ui.add_space(theme::SPACE_M);
            ui.label(text::lock::RECOVERY_DIALOG_EXPLAIN);
            ui.add_space(theme::SPACE_L);
            // On one line, as typed back: 39 characters of the monospace font.
            ui.add(
                egui::Label::new(
                    RichText::new(self.key.as_str())
                        .monospace()
                        .size(22.0)
                        .strong(),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            );
            ui.add_space(theme::SPACE_L);
            ui.label(RichText::new(text::lock::RECOVERY_KEEP).strong());
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!busy, egui::Button::new(text::lock::PRINT_SHEET))
                    .clicked()
                {
                    self.hand_over(ui.ctx(), HandOver::Print);
                }
                if ui
                    .add_enabled(!busy, egui::Button::new(text::lock::SAVE_SHEET))
                    .clicked()
                {
                    match rfd::FileDialog::new()
                        .set_title(text::lock::SAVE_SHEET_TITLE)
                        .set_file_name(text::lock::SHEET_FILE_NAME)
                        .add_filter(text::common::PDF_FILTER, &["pdf"])
                        .save_file()
                    {
                        Some(path) => self.save_to = Some(path),
                        None => {
                            self.status = Some((
                                false,
                                text::common::no_file_chosen(text::lock::THE_SHEET, None),
                            ));
                        }
                    }
                }
            });
            if let Some((done, status)) = &self.status {
                let colour = if *done { theme::OK } else { theme::ERROR };
                ui.colored_label(colour, status);
            }
            ui.add_space(theme::SPACE_M);
            if ui.button(text::lock::RECOVERY_PRINTED).clicked() {
                close = true;
            }
        });
        if busy {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        close
    }
}

impl ParcoursApp {
    /// Converts the folder (or finishes an interrupted conversion) with `passphrase` on a
    /// thread of its own, the edits waiting saved first.
    pub(super) fn start_conversion(
        &mut self,
        ctx: &egui::Context,
        passphrase: &str,
        then_load: bool,
    ) {
        self.autosave(f64::INFINITY, true);
        let placeholder = self
            .store
            .open_like(Access::ReadOnly)
            .unwrap_or_else(|_| Store::read_only(self.store.root()));
        let mut store = std::mem::replace(&mut self.store, placeholder);
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (thread_done, thread_total, ctx) = (done.clone(), total.clone(), ctx.clone());
        let passphrase = Zeroizing::new(passphrase.to_owned());
        let thread = std::thread::spawn(move || {
            let result = store.encrypt(&passphrase, Costs::default(), &|files_done, files| {
                thread_total.store(files, Ordering::Relaxed);
                thread_done.store(files_done, Ordering::Relaxed);
                ctx.request_repaint();
            });
            ctx.request_repaint();
            (store, result)
        });
        self.conversion = Some(Conversion {
            thread: Some(thread),
            done,
            total,
            then_load,
        });
    }

    /// Draws the progress while the folder is converted, and takes the store back once it is
    /// over; `false` while it runs (nothing else is drawn).
    pub(super) fn conversion_ui(&mut self, ui: &mut Ui) -> bool {
        let Some(conversion) = &mut self.conversion else {
            return true;
        };
        if !conversion.is_finished() {
            egui::CentralPanel::default_margins().show(ui, |ui| conversion.ui(ui));
            return false;
        }
        let then_load = conversion.then_load;
        let joined = conversion.thread.take().map(JoinHandle::join);
        self.conversion = None;
        if let Some(Ok((store, result))) = joined {
            self.store = store;
            self.give_author();
            match result {
                Ok(recovery) => self.show_recovery_key(&recovery),
                Err(error) => self.save_state = SaveState::Failed(error.to_string()),
            }
        } else {
            {
                // The thread died with the store: opened again as it can be.
                match self.store.open_like(Access::ReadWrite) {
                    Ok(store) => self.store = store,
                    Err(error) => {
                        self.read_only_reason = Some(text::app::read_only_because(&error));
                    }
                }
                self.save_state = SaveState::Failed(text::lock::CONVERSION_FAILED.to_owned());
            }
        }
        if then_load {
            self.start_loading(ui.ctx());
        }
        ui.ctx().request_repaint();
        true
    }

    /// Shows a recovery key just made, once, with its sheet.
    pub(super) fn show_recovery_key(&mut self, key: &RecoveryKey) {
        self.recovery_dialog = Some(RecoveryDialog {
            key: key.to_text(),
            structure: self.data.settings.structure_name.clone(),
            data_dir: self.store.root().display().to_string(),
            created: self.today(),
            status: None,
            pending: None,
            save_to: None,
        });
    }

    /// The recovery key's dialog, while a key waits to be printed.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self
            .recovery_dialog
            .as_mut()
            .is_some_and(|dialog| dialog.show(ctx))
        {
            self.recovery_dialog = None;
        }
    }

    /// Saves the recovery sheet at `path`, as when the counsellor chooses that file in the
    /// dialog's "Enregistrer en PDF…" (tests use it: a file dialog cannot be driven); nothing
    /// when no recovery key is shown.
    pub fn save_recovery_sheet_to(&mut self, path: PathBuf) {
        if let Some(dialog) = &mut self.recovery_dialog {
            dialog.save_to = Some(path);
        }
    }
}
