//! The lock screen of an encrypted data directory (issue #15): before anything of the folder
//! is read, and again on Ctrl+L or after the settings' minutes without input, the window shows
//! only this screen. The passphrase (or the recovery key and a new passphrase) is checked on a
//! thread of its own — the key derivation takes about half a second on purpose — and five
//! wrong secrets in a row slow further attempts down (`vault::Attempts`).
//!
//! A lock after unlocking hides the window and keeps everything in memory (the record and the
//! tab shown, drafts): the secret only has to open the key file again.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

use egui::{Key, RichText, TextEdit, Ui};
use zeroize::Zeroizing;

use crate::store::crypto::{CryptoError, DataKey};
use crate::store::vault::{self, Attempts, Costs, VaultState};
use crate::store::{Access, Store, StoreError};
use crate::ui::{text, theme};

use super::ParcoursApp;

/// Width of the lock screen's fields.
const FIELD_WIDTH: f32 = 360.0;
/// How often the screen looks at the checking thread.
const POLL: Duration = Duration::from_millis(50);

/// Which secret the lock screen asks for.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Form {
    #[default]
    Passphrase,
    Recovery,
}

/// What a check gives on its thread: the data key and the passphrase now in force.
type Checked = Result<(DataKey, Zeroizing<String>), StoreError>;

/// The lock screen's state.
#[derive(Default)]
pub(super) struct Lock {
    /// Shown: nothing else of the window is drawn.
    pub(super) shown: bool,
    /// The folder's store is open with its key (a lock after unlocking): unlocking only
    /// checks the secret.
    pub(super) opened: bool,
    /// The folder's state when the window opened: an interrupted conversion is finished
    /// after the passphrase.
    folder: Option<VaultState>,
    form: Form,
    passphrase: Zeroizing<String>,
    recovery: Zeroizing<String>,
    new_passphrase: Zeroizing<String>,
    new_again: Zeroizing<String>,
    error: Option<String>,
    attempts: Attempts,
    checking: Option<(Form, JoinHandle<Checked>)>,
    /// The focus was given to the first field since the screen was shown.
    focused: bool,
}

/// Seconds on the window's clock, for `Attempts`.
fn seconds(now: f64) -> u64 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "egui's clock: seconds since start, positive, far below 2^52"
    )]
    let seconds = now.max(0.0) as u64;
    seconds
}

impl Lock {
    /// The lock screen of the folder at `root`, shown when it is encrypted.
    pub(super) fn for_folder(root: &Path) -> Self {
        let state = vault::state(root);
        Self {
            shown: state != VaultState::Clear,
            folder: Some(state),
            ..Self::default()
        }
    }

    /// Shows the screen again (the window is locked).
    pub(super) fn show(&mut self) {
        self.shown = true;
        self.focused = false;
        self.form = Form::Passphrase;
        self.error = None;
    }

    /// A problem after the secret was accepted (the folder could not be opened).
    pub(super) fn fail(&mut self, message: String) {
        self.shown = true;
        self.error = Some(message);
    }

    /// Takes the checking thread's answer, once it has one.
    fn take_checked(&mut self, now: f64) -> Option<(DataKey, Zeroizing<String>)> {
        if !self.checking.as_ref()?.1.is_finished() {
            return None;
        }
        let (form, thread) = self.checking.take()?;
        match thread.join() {
            Ok(Ok(done)) => {
                self.attempts.succeeded();
                self.error = None;
                self.form = Form::Passphrase;
                for field in [
                    &mut self.passphrase,
                    &mut self.recovery,
                    &mut self.new_passphrase,
                    &mut self.new_again,
                ] {
                    field.clear();
                }
                Some(done)
            }
            Ok(Err(StoreError::Crypto(CryptoError::WrongSecret))) => {
                self.attempts.failed(seconds(now));
                self.error = Some(
                    match form {
                        Form::Passphrase => text::lock::WRONG_PASSPHRASE,
                        Form::Recovery => text::lock::WRONG_RECOVERY,
                    }
                    .to_owned(),
                );
                self.focused = false;
                None
            }
            Ok(Err(other)) => {
                self.error = Some(other.to_string());
                None
            }
            Err(_) => {
                self.error = Some(text::lock::CHECK_FAILED.to_owned());
                None
            }
        }
    }

    /// Starts checking the secret typed, unless attempts are slowed down or a field is
    /// wrong.
    fn submit(&mut self, root: &Path, now: f64, ctx: &egui::Context) {
        if self.checking.is_some() {
            return;
        }
        if let Some(wait) = self.attempts.wait(seconds(now)) {
            self.error = Some(text::lock::wait_seconds(wait.as_secs()));
            return;
        }
        let root: PathBuf = root.to_owned();
        let ctx = ctx.clone();
        let thread = match self.form {
            Form::Passphrase => {
                if self.passphrase.is_empty() {
                    self.error = Some(text::lock::EMPTY_PASSPHRASE.to_owned());
                    return;
                }
                let passphrase = std::mem::take(&mut self.passphrase);
                std::thread::spawn(move || {
                    let key = vault::unlock(&root, &passphrase);
                    ctx.request_repaint();
                    key.map(|key| (key, passphrase))
                })
            }
            Form::Recovery => {
                if *self.new_passphrase != *self.new_again {
                    self.error = Some(text::lock::PASSPHRASES_DIFFER.to_owned());
                    return;
                }
                if let Some(problem) =
                    crate::store::crypto::passphrase_problem(&self.new_passphrase)
                {
                    self.error = Some(problem);
                    return;
                }
                let recovery = std::mem::take(&mut self.recovery);
                let new = std::mem::take(&mut self.new_passphrase);
                self.new_again.clear();
                std::thread::spawn(move || {
                    let key = vault::recover(&root, &recovery, &new, Costs::default());
                    ctx.request_repaint();
                    key.map(|key| (key, new))
                })
            }
        };
        self.error = None;
        self.checking = Some((self.form, thread));
    }

    /// Draws the screen; the key and the passphrase once a secret opened the folder.
    fn ui(&mut self, ui: &mut Ui, root: &Path, now: f64) -> Option<(DataKey, Zeroizing<String>)> {
        let done = self.take_checked(now);
        if done.is_some() {
            return done;
        }
        let busy = self.checking.is_some();
        let wait = self.attempts.wait(seconds(now));
        let mut submit = false;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(theme::SECTION_GAP * 4.0);
            ui.vertical_centered(|ui| {
                ui.label(RichText::new(text::lock::TITLE).heading());
                ui.add_space(theme::SPACE_M);
                ui.label(text::lock::EXPLAIN);
                if self.folder == Some(VaultState::Interrupted) && !self.opened {
                    ui.label(text::lock::INTERRUPTED);
                }
                ui.add_space(theme::SPACE_L);
                submit = match self.form {
                    Form::Passphrase => self.passphrase_ui(ui, busy),
                    Form::Recovery => self.recovery_ui(ui, busy),
                };
                if let Some(error) = &self.error {
                    ui.colored_label(theme::ERROR, error);
                }
                if busy {
                    ui.label(text::lock::CHECKING);
                } else if let Some(wait) = wait {
                    ui.label(text::lock::wait_seconds(wait.as_secs()));
                }
                ui.add_space(theme::SPACE_M);
                let label = match self.form {
                    Form::Passphrase => text::lock::UNLOCK,
                    Form::Recovery => text::lock::RECOVER,
                };
                if ui
                    .add_enabled(!busy && wait.is_none(), egui::Button::new(label))
                    .clicked()
                {
                    submit = true;
                }
                ui.add_space(theme::SPACE_L);
                let other = match self.form {
                    Form::Passphrase => text::lock::USE_RECOVERY,
                    Form::Recovery => text::lock::BACK_TO_PASSPHRASE,
                };
                if ui.add_enabled(!busy, egui::Button::new(other)).clicked() {
                    self.form = match self.form {
                        Form::Passphrase => Form::Recovery,
                        Form::Recovery => Form::Passphrase,
                    };
                    self.error = None;
                    self.focused = false;
                }
            });
        });
        if submit && !busy {
            self.submit(root, now, ui.ctx());
        }
        if self.checking.is_some() {
            ui.ctx().request_repaint_after(POLL);
        } else if wait.is_some() {
            ui.ctx().request_repaint_after(Duration::from_secs(1));
        }
        None
    }

    /// The passphrase field; `true` when Enter was pressed in it.
    fn passphrase_ui(&mut self, ui: &mut Ui, busy: bool) -> bool {
        let label = ui.label(text::lock::PASSPHRASE);
        let field = ui
            .add_enabled(
                !busy,
                TextEdit::singleline(&mut *self.passphrase)
                    .password(true)
                    .desired_width(FIELD_WIDTH),
            )
            .labelled_by(label.id);
        if !self.focused && !busy {
            field.request_focus();
            self.focused = true;
        }
        field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
    }

    /// The recovery key and the new passphrase twice; `true` when Enter was pressed in the
    /// last field.
    fn recovery_ui(&mut self, ui: &mut Ui, busy: bool) -> bool {
        ui.label(RichText::new(text::lock::RECOVERY_TITLE).strong());
        ui.label(text::lock::RECOVERY_EXPLAIN);
        ui.add_space(theme::SPACE_M);
        let label = ui.label(text::lock::RECOVERY_KEY);
        let key = ui
            .add_enabled(
                !busy,
                TextEdit::singleline(&mut *self.recovery)
                    .font(egui::TextStyle::Monospace)
                    .desired_width(FIELD_WIDTH),
            )
            .labelled_by(label.id);
        if !self.focused && !busy {
            key.request_focus();
            self.focused = true;
        }
        let label = ui.label(text::lock::NEW_PASSPHRASE);
        ui.add_enabled(
            !busy,
            TextEdit::singleline(&mut *self.new_passphrase)
                .password(true)
                .desired_width(FIELD_WIDTH),
        )
        .labelled_by(label.id);
        let label = ui.label(text::lock::NEW_PASSPHRASE_AGAIN);
        let again = ui
            .add_enabled(
                !busy,
                TextEdit::singleline(&mut *self.new_again)
                    .password(true)
                    .desired_width(FIELD_WIDTH),
            )
            .labelled_by(label.id);
        again.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
    }
}

impl ParcoursApp {
    /// Whether the window shows only the lock screen.
    #[must_use]
    pub fn is_locked(&self) -> bool {
        self.lock.shown
    }

    /// Draws the lock screen, and opens the folder once a secret does.
    pub(super) fn lock_ui(&mut self, ui: &mut Ui, now: f64) {
        let root = self.store.root().to_owned();
        if let Some((key, passphrase)) = self.lock.ui(ui, &root, now) {
            self.lock.shown = false;
            self.last_input = now;
            if !self.lock.opened {
                self.open_unlocked(ui.ctx(), key, &passphrase);
            }
            ui.ctx().request_repaint();
        }
    }

    /// Opens the folder with its key (read-only with the usual banner when another Parcours
    /// holds it), then finishes an interrupted conversion or loads the records.
    fn open_unlocked(&mut self, ctx: &egui::Context, key: DataKey, passphrase: &str) {
        let root = self.store.root().to_owned();
        let reader = match Store::open_with_key(&root, Access::ReadOnly, Some(key)) {
            Ok(reader) => reader,
            Err(error) => {
                self.lock.fail(error.to_string());
                return;
            }
        };
        self.lock.opened = true;
        self.store = match reader.open_like(Access::ReadWrite) {
            Ok(store) => store,
            Err(error) => {
                self.read_only_reason = Some(text::app::read_only_because(&error));
                self.reopen_when_free = reader.directory_holder().is_some();
                reader
            }
        };
        self.give_author();
        if self.lock.folder == Some(VaultState::Interrupted) && self.store.is_writable() {
            self.lock.folder = Some(VaultState::Encrypted);
            self.start_conversion(ctx, passphrase, true);
        } else {
            self.start_loading(ctx);
        }
    }

    /// Hides the window behind the lock screen, the edits waiting saved first; the records'
    /// leases are let go meanwhile (a colleague may edit the record left on screen), taken
    /// again on unlocking, when the record shown is read again if it changed.
    pub(super) fn lock_now(&mut self) {
        self.autosave(f64::INFINITY, true);
        self.leases.let_go_all();
        self.lock.show();
    }

    /// Locks the window on Ctrl+L, or after the settings' minutes without input (an
    /// encrypted folder only); `true` when it was locked now.
    pub(super) fn lock_when_due(&mut self, ctx: &egui::Context, now: f64) -> bool {
        let input = ctx.input(|i| !i.events.is_empty());
        if input {
            self.last_input = now;
        }
        if !self.store.is_encrypted() || self.loading.is_some() {
            return false;
        }
        let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, Key::L);
        let asked = ctx.input_mut(|i| i.consume_shortcut(&shortcut));
        let limit = f64::from(self.data.settings.lock_minutes.max(1)) * 60.0;
        let idle = now - self.last_input;
        if asked || idle >= limit {
            self.lock_now();
            ctx.request_repaint();
            return true;
        }
        ctx.request_repaint_after(Duration::from_secs_f64((limit - idle).max(0.0)));
        false
    }
}
