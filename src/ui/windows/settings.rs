//! "Paramètres": the structure's name printed on documents, how many daily backups and months
//! of audit journal are kept, edited as a draft (and a way to change the counsellor's name,
//! kept on this computer), and handed to the app to save in `settings.ron`.

use crate::model::Settings;
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text;
use crate::ui::theme;
use crate::ui::windows::Window;

/// The window, open while it holds a draft.
#[derive(Debug, Default)]
pub struct SettingsWindow {
    draft: Option<Settings>,
}

impl SettingsWindow {
    /// Opens the window on the current settings.
    pub fn open(&mut self, current: &Settings) {
        self.draft = Some(current.clone());
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
                ui.horizontal(|ui| {
                    let label = ui.label(text::settings::JOURNAL_MONTHS);
                    ui.add(egui::DragValue::new(&mut draft.journal_months).range(1..=36))
                        .labelled_by(label.id);
                });
                ui.add_space(theme::SPACE_M);
                if ui.button(text::settings::CHANGE_COUNSELLOR).clicked() {
                    out.push(Command::ChangeCounsellor);
                }
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
