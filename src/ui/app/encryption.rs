//! Encrypting the folder from the window (issue #15): the conversion runs on a thread of its
//! own with the store moved into it (as `loading.rs` does), a progress bar meanwhile; the
//! recovery key it makes is shown once, in a dialog, to be printed and kept in the
//! structure's safe. The key's text stays in memory only, zeroised when the dialog closes.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use egui::{ProgressBar, RichText, Ui};
use zeroize::Zeroizing;

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
        let done = self.done.load(Ordering::Relaxed);
        let total = self.total.load(Ordering::Relaxed);
        ui.add_space(theme::SECTION_GAP * 4.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new(text::lock::CONVERTING).heading());
            ui.add_space(theme::SECTION_GAP);
            #[allow(clippy::cast_precision_loss)] // counts of files: far below 2^52
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            ui.add(
                ProgressBar::new(fraction)
                    .desired_width(360.0)
                    .text(format!("{done} / {total}")),
            );
        });
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
}

/// The recovery key, shown once.
pub(super) struct RecoveryDialog {
    key: Zeroizing<String>,
}

impl RecoveryDialog {
    /// The dialog for a key just made.
    pub(super) fn new(key: &RecoveryKey) -> Self {
        Self { key: key.to_text() }
    }

    /// Draws the dialog; `true` once the counsellor says the key is printed.
    fn show(&self, ctx: &egui::Context) -> bool {
        let mut close = false;
        egui::Modal::new(egui::Id::unique("recovery-key")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(RichText::new(text::lock::RECOVERY_DIALOG_TITLE).heading());
            ui.add_space(theme::SPACE_M);
            ui.label(text::lock::RECOVERY_DIALOG_EXPLAIN);
            ui.add_space(theme::SPACE_L);
            ui.label(
                RichText::new(self.key.as_str())
                    .monospace()
                    .size(26.0)
                    .strong(),
            );
            ui.add_space(theme::SPACE_L);
            ui.label(RichText::new(text::lock::RECOVERY_KEEP).strong());
            ui.add_space(theme::SPACE_M);
            if ui.button(text::lock::RECOVERY_PRINTED).clicked() {
                close = true;
            }
        });
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
                Ok(recovery) => self.recovery_dialog = Some(RecoveryDialog::new(&recovery)),
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

    /// The recovery key's dialog, while a key waits to be printed.
    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        if self
            .recovery_dialog
            .as_ref()
            .is_some_and(|dialog| dialog.show(ctx))
        {
            self.recovery_dialog = None;
        }
    }
}
