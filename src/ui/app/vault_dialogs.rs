//! The encryption dialogs opened from "Paramètres" (issue #15): "Chiffrer ce dossier…" (what
//! it does, what to keep, the passphrase twice, then the conversion on its thread),
//! "Changer la phrase de passe…" (the current one, the new one twice, checked and re-wrapped
//! on a thread: the data key only, no file rewritten) and "Nouvelle clé de secours…".

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use egui::{RichText, TextEdit, Ui};
use zeroize::Zeroizing;

use crate::store::StoreError;
use crate::store::crypto::{self, CryptoError};
use crate::store::vault::{self, Costs};
use crate::ui::{text, theme};

use super::ParcoursApp;
use super::editor::SaveState;

/// Width of the dialogs' fields.
const FIELD_WIDTH: f32 = 360.0;

/// One of the encryption dialogs, open.
pub(super) enum VaultDialog {
    /// Encrypt this clear folder.
    Encrypt {
        passphrase: Zeroizing<String>,
        again: Zeroizing<String>,
        error: Option<String>,
    },
    /// Change the passphrase.
    Change {
        old: Zeroizing<String>,
        new: Zeroizing<String>,
        again: Zeroizing<String>,
        error: Option<String>,
        checking: Option<JoinHandle<Result<(), StoreError>>>,
    },
    /// Make a new recovery key.
    Renew,
}

/// What a dialog asks of the app this frame.
enum Asked {
    Nothing,
    Close,
    Changed,
    Encrypt(Zeroizing<String>),
    Renew,
}

impl VaultDialog {
    /// "Chiffrer ce dossier…".
    pub(super) fn encrypt() -> Self {
        Self::Encrypt {
            passphrase: Zeroizing::default(),
            again: Zeroizing::default(),
            error: None,
        }
    }

    /// "Changer la phrase de passe…".
    pub(super) fn change() -> Self {
        Self::Change {
            old: Zeroizing::default(),
            new: Zeroizing::default(),
            again: Zeroizing::default(),
            error: None,
            checking: None,
        }
    }
}

/// A masked field under its label.
fn secret_field(ui: &mut Ui, label: &str, value: &mut String, enabled: bool) -> egui::Response {
    let label = ui.label(label);
    ui.add_enabled(
        enabled,
        TextEdit::singleline(value)
            .password(true)
            .desired_width(FIELD_WIDTH),
    )
    .labelled_by(label.id)
}

/// Why a new passphrase typed twice is refused, if it is.
fn new_passphrase_problem(new: &str, again: &str) -> Option<String> {
    crypto::passphrase_problem(new)
        .or_else(|| (new != again).then(|| text::lock::PASSPHRASES_DIFFER.to_owned()))
}

/// "Chiffrer ce dossier": what it does and what to keep, the passphrase twice.
fn encrypt_ui(
    ui: &mut Ui,
    passphrase: &mut Zeroizing<String>,
    again: &mut Zeroizing<String>,
    error: &mut Option<String>,
) -> Asked {
    let mut asked = Asked::Nothing;
    ui.label(RichText::new(text::lock::ENCRYPT_TITLE).heading());
    ui.add_space(theme::SPACE_M);
    ui.label(text::lock::ENCRYPT_EXPLAIN);
    ui.add_space(theme::SPACE_S);
    ui.label(text::lock::ENCRYPT_KEEP);
    ui.add_space(theme::SPACE_S);
    ui.label(RichText::new(text::lock::ENCRYPT_LOSS).color(theme::ERROR));
    ui.add_space(theme::SPACE_L);
    secret_field(ui, text::lock::CHOOSE_PASSPHRASE, passphrase, true);
    secret_field(ui, text::lock::CHOOSE_PASSPHRASE_AGAIN, again, true);
    if let Some(error) = error.as_ref() {
        ui.colored_label(theme::ERROR, error);
    }
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        if ui.button(text::lock::ENCRYPT_START).clicked() {
            *error = new_passphrase_problem(passphrase, again);
            if error.is_none() {
                asked = Asked::Encrypt(std::mem::take(passphrase));
            }
        }
        if ui.button(text::common::CANCEL).clicked() {
            asked = Asked::Close;
        }
    });
    asked
}

impl ParcoursApp {
    /// Opens an encryption dialog (from Paramètres, which closes).
    pub(super) fn open_vault_dialog(&mut self, dialog: VaultDialog) {
        self.windows.settings.close();
        self.vault_dialog = Some(dialog);
    }

    /// Draws the encryption dialog open, and does what it asks.
    pub(super) fn vault_dialog_ui(&mut self, ctx: &egui::Context) {
        let root: PathBuf = self.store.root().to_owned();
        let Some(dialog) = &mut self.vault_dialog else {
            return;
        };
        let mut asked = Asked::Nothing;
        egui::Modal::new(egui::Id::unique("vault-dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            asked = match dialog {
                VaultDialog::Encrypt {
                    passphrase,
                    again,
                    error,
                } => encrypt_ui(ui, passphrase, again, error),
                VaultDialog::Change {
                    old,
                    new,
                    again,
                    error,
                    checking,
                } => change_ui(ui, &root, (old, new, again), error, checking),
                VaultDialog::Renew => {
                    let mut asked = Asked::Nothing;
                    ui.label(RichText::new(text::lock::RENEW_TITLE).heading());
                    ui.add_space(theme::SPACE_M);
                    ui.label(text::lock::RENEW_EXPLAIN);
                    ui.add_space(theme::SPACE_M);
                    ui.horizontal(|ui| {
                        if ui.button(text::lock::RENEW_START).clicked() {
                            asked = Asked::Renew;
                        }
                        if ui.button(text::common::CANCEL).clicked() {
                            asked = Asked::Close;
                        }
                    });
                    asked
                }
            };
        });
        match asked {
            Asked::Nothing => {}
            Asked::Close => self.vault_dialog = None,
            Asked::Changed => {
                self.vault_dialog = None;
                self.save_state = SaveState::Saved;
            }
            Asked::Encrypt(passphrase) => {
                self.vault_dialog = None;
                self.start_conversion(ctx, &passphrase, false);
            }
            Asked::Renew => {
                self.vault_dialog = None;
                match self.store.renew_recovery_key(Costs::default()) {
                    Ok(recovery) => self.show_recovery_key(&recovery),
                    Err(error) => self.save_state = SaveState::Failed(error.to_string()),
                }
            }
        }
        if matches!(
            &self.vault_dialog,
            Some(VaultDialog::Change {
                checking: Some(_),
                ..
            })
        ) {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }
}

/// "Changer la phrase de passe": the current one, the new one twice, checked on a thread.
fn change_ui(
    ui: &mut Ui,
    root: &std::path::Path,
    (old, new, again): (
        &mut Zeroizing<String>,
        &mut Zeroizing<String>,
        &mut Zeroizing<String>,
    ),
    error: &mut Option<String>,
    checking: &mut Option<JoinHandle<Result<(), StoreError>>>,
) -> Asked {
    if checking.as_ref().is_some_and(JoinHandle::is_finished)
        && let Some(thread) = checking.take()
    {
        match thread.join() {
            Ok(Ok(())) => return Asked::Changed,
            Ok(Err(StoreError::Crypto(CryptoError::WrongSecret))) => {
                *error = Some(text::lock::WRONG_OLD_PASSPHRASE.to_owned());
            }
            Ok(Err(other)) => *error = Some(other.to_string()),
            Err(_) => *error = Some(text::lock::CHECK_FAILED.to_owned()),
        }
    }
    let busy = checking.is_some();
    let mut asked = Asked::Nothing;
    ui.label(RichText::new(text::lock::CHANGE_TITLE).heading());
    ui.add_space(theme::SPACE_M);
    secret_field(ui, text::lock::OLD_PASSPHRASE, old, !busy);
    secret_field(ui, text::lock::NEW_PASSPHRASE, new, !busy);
    secret_field(ui, text::lock::NEW_PASSPHRASE_AGAIN, again, !busy);
    if let Some(error) = error.as_ref() {
        ui.colored_label(theme::ERROR, error);
    }
    if busy {
        ui.label(text::lock::CHECKING);
    }
    ui.add_space(theme::SPACE_M);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!busy, egui::Button::new(text::lock::CHANGE_START))
            .clicked()
        {
            *error = new_passphrase_problem(new, again);
            if error.is_none() {
                let (root, old, new) = (root.to_owned(), std::mem::take(old), std::mem::take(new));
                again.clear();
                let ctx = ui.ctx().clone();
                *checking = Some(std::thread::spawn(move || {
                    let changed = vault::change_passphrase(&root, &old, &new, Costs::default());
                    ctx.request_repaint();
                    changed
                }));
            }
        }
        if ui
            .add_enabled(!busy, egui::Button::new(text::common::CANCEL))
            .clicked()
        {
            asked = Asked::Close;
        }
    });
    asked
}
