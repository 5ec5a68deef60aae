//! "Paramètres": the structure's name printed on documents, how many daily backups are kept,
//! and data protection (the DPO's contact printed on the information notice, how long a record
//! is kept after the last contact, how many months of the journal are kept; a way to change the
//! counsellor's name, kept on this computer), the structure's details printed on convocation
//! letters (postal address, phone, access notes, usual place of appointments), edited as a draft and handed to the app to save in `settings.ron`.

use crate::model::Settings;
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text;
use crate::ui::theme;
use crate::ui::windows::Window;

/// The retention period a structure may choose, in months (CNIL 2023-095 sets two years for
/// social support; rdv-insertion offers 1 to 36).
const RETENTION_MONTHS: std::ops::RangeInclusive<u32> = 1..=36;

/// How many months of the journal a structure may keep (CNIL 2021-122: six months to a year).
const JOURNAL_MONTHS: std::ops::RangeInclusive<u32> = 6..=12;

/// Minutes without input before the window of an encrypted folder locks itself.
const LOCK_MINUTES: std::ops::RangeInclusive<u32> = 1..=60;

/// The window, open while it holds a draft.
#[derive(Debug, Default)]
pub struct SettingsWindow {
    draft: Option<Settings>,
    /// The folder is encrypted: its passphrase and recovery key can be changed, rather than
    /// the folder encrypted.
    encrypted: bool,
}

impl SettingsWindow {
    /// Opens the window on the current settings.
    pub fn open(&mut self, current: &Settings) {
        self.draft = Some(current.clone());
    }

    /// Says whether the folder is encrypted (what its encryption section offers).
    pub fn set_encrypted(&mut self, encrypted: bool) {
        self.encrypted = encrypted;
    }

    /// Closes the window (after a successful save).
    pub fn close(&mut self) {
        self.draft = None;
    }
}

impl Window for SettingsWindow {
    fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(text::common::SETTINGS)
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                let label = ui.label(text::settings::STRUCTURE_NAME);
                ui.add(egui::TextEdit::singleline(&mut draft.structure_name).desired_width(360.0))
                    .labelled_by(label.id);
                ui.add_space(theme::SPACE_M);
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::BACKUPS_KEPT);
                    ui.add(egui::DragValue::new(&mut draft.backups_kept).range(1..=365))
                        .labelled_by(label.id);
                });
                ui.add_space(theme::SPACE_M);
                if ui.button(text::settings::CHANGE_COUNSELLOR).clicked() {
                    out.push(Command::ChangeCounsellor);
                }
                ui.add_space(theme::SPACE_M);
                ui.label(egui::RichText::new(text::settings::SECTION_PROTECTION).strong());
                let label = ui.label(text::settings::DPO_CONTACT);
                ui.add(
                    egui::TextEdit::multiline(&mut draft.dpo_contact)
                        .desired_rows(2)
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::RETENTION_MONTHS);
                    ui.add(
                        egui::DragValue::new(&mut draft.retention_months)
                            .range(RETENTION_MONTHS)
                            .suffix(text::settings::MONTHS_SUFFIX),
                    )
                    .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::JOURNAL_MONTHS);
                    ui.add(
                        egui::DragValue::new(&mut draft.journal_months)
                            .range(JOURNAL_MONTHS)
                            .suffix(text::settings::MONTHS_SUFFIX),
                    )
                    .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::LOCK_MINUTES);
                    ui.add(
                        egui::DragValue::new(&mut draft.lock_minutes)
                            .range(LOCK_MINUTES)
                            .suffix(text::settings::MINUTES_SUFFIX),
                    )
                    .labelled_by(label.id);
                });
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::STATS_THRESHOLD);
                    ui.add(egui::DragValue::new(&mut draft.stats_threshold).range(2..=20))
                        .labelled_by(label.id);
                });
                encryption_ui(ui, self.encrypted, cx.writable, out);
                ui.add_space(theme::SPACE_M);
                letters_ui(ui, draft);
                ui.add_space(theme::SPACE_M);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(cx.writable, egui::Button::new(text::common::SAVE))
                        .clicked()
                    {
                        // Closed by the app once saved; left open with the status bar's
                        // message when the save fails.
                        let mut settings = draft.clone();
                        settings.structure_name = settings.structure_name.trim().to_owned();
                        settings.dpo_contact = settings.dpo_contact.trim().to_owned();
                        settings.structure_address = settings.structure_address.trim().to_owned();
                        settings.structure_phone = settings.structure_phone.trim().to_owned();
                        settings.access_notes = settings.access_notes.trim().to_owned();
                        settings.default_place = settings.default_place.trim().to_owned();
                        settings.retention_months = settings
                            .retention_months
                            .clamp(*RETENTION_MONTHS.start(), *RETENTION_MONTHS.end());
                        settings.journal_months = settings
                            .journal_months
                            .clamp(*JOURNAL_MONTHS.start(), *JOURNAL_MONTHS.end());
                        settings.stats_threshold = settings.stats_threshold.clamp(2, 20);
                        settings.lock_minutes = settings
                            .lock_minutes
                            .clamp(*LOCK_MINUTES.start(), *LOCK_MINUTES.end());
                        out.push(Command::SaveSettings(Box::new(settings)));
                    }
                    if ui.button(text::common::CANCEL).clicked() {
                        close = true;
                    }
                });
            });
        if close || !open {
            self.draft = None;
        }
    }
}

/// Encrypting the folder, or, once encrypted, changing its passphrase and its recovery key.
fn encryption_ui(ui: &mut egui::Ui, encrypted: bool, writable: bool, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        if encrypted {
            if ui
                .add_enabled(
                    writable,
                    egui::Button::new(text::settings::CHANGE_PASSPHRASE),
                )
                .clicked()
            {
                out.push(Command::ChangePassphrase);
            }
            if ui
                .add_enabled(writable, egui::Button::new(text::settings::RENEW_RECOVERY))
                .clicked()
            {
                out.push(Command::RenewRecoveryKey);
            }
        } else if ui
            .add_enabled(writable, egui::Button::new(text::settings::ENCRYPT))
            .clicked()
        {
            out.push(Command::EncryptFolder);
        }
    });
}

/// The structure's details printed on convocation letters: address, phone, access notes, and
/// the usual place of appointments.
fn letters_ui(ui: &mut egui::Ui, draft: &mut Settings) {
    ui.label(egui::RichText::new(text::settings::SECTION_LETTERS).strong());
    let label = ui.label(text::settings::STRUCTURE_ADDRESS);
    ui.add(
        egui::TextEdit::multiline(&mut draft.structure_address)
            .desired_rows(3)
            .desired_width(360.0),
    )
    .labelled_by(label.id);
    let label = ui.label(text::settings::STRUCTURE_PHONE);
    ui.add(egui::TextEdit::singleline(&mut draft.structure_phone).desired_width(360.0))
        .labelled_by(label.id);
    let label = ui.label(text::settings::ACCESS_NOTES);
    ui.add(
        egui::TextEdit::multiline(&mut draft.access_notes)
            .desired_rows(2)
            .desired_width(360.0),
    )
    .labelled_by(label.id);
    let label = ui.label(text::settings::DEFAULT_PLACE);
    ui.add(egui::TextEdit::singleline(&mut draft.default_place).desired_width(360.0))
        .labelled_by(label.id);
}
