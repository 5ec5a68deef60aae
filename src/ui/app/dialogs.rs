//! The main screen's frame around the record: banners, the status bar, the empty screen, and
//! the dialogs of the app itself (restore a backup, unreadable files, closing with unsaved
//! fields).

use crate::ui::command::Command;
use crate::ui::tabs::Tab;
use crate::ui::{text, theme};
use chrono::NaiveDate;
use egui::{RichText, Ui, ViewportCommand};

use super::ParcoursApp;
use super::editor::{Closing, SaveState, field_names, tab_of};
use crate::store::profile::{self, Profile};

/// "Qui utilise Parcours sur cet ordinateur ?": the counsellor's name, asked at first start
/// (cannot be skipped, nor left empty) and from "Paramètres".
#[derive(Debug, Default)]
pub(super) struct ProfileDialog {
    name: String,
    /// Why the last "Valider" was refused, or the profile could not be saved.
    error: Option<String>,
}

/// The "Restaurer une sauvegarde" window: the dates offered, then the one to confirm.
pub(super) struct RestoreDialog {
    pub(super) dates: Vec<NaiveDate>,
    pub(super) chosen: Option<NaiveDate>,
}

impl ParcoursApp {
    pub(super) fn banners_ui(&mut self, ui: &mut Ui) {
        let directory = self.leases.directory_holder().map(|holder| {
            text::app::folder_held_by(
                &holder.name,
                &holder.machine,
                &holder.since().format("%H:%M").to_string(),
                &holder.purpose,
            )
        });
        if self.read_only_reason.is_none()
            && directory.is_none()
            && self.problems.is_empty()
            && self.data.conflicts.is_empty()
        {
            return;
        }
        egui::Panel::top("banners")
            .frame(egui::Frame::new().fill(theme::WARNING_FILL).inner_margin(8))
            .show(ui, |ui| {
                if let Some(reason) = &self.read_only_reason {
                    ui.label(RichText::new(reason).color(theme::WARNING).strong());
                }
                if let Some(directory) = &directory {
                    ui.label(RichText::new(directory).color(theme::WARNING).strong());
                }
                if !self.data.conflicts.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(text::app::conflicts_banner(self.data.conflicts.len()))
                                .color(theme::WARNING)
                                .strong(),
                        );
                        if ui.button(text::app::RESOLVE).clicked() {
                            self.windows.conflict.open();
                        }
                    });
                }
                if !self.problems.is_empty() {
                    ui.horizontal(|ui| {
                        ui.label(
                            RichText::new(format!(
                                "{} {}",
                                self.problems.len(),
                                text::app::PROBLEMS_BANNER
                            ))
                            .color(theme::WARNING),
                        );
                        if ui.button(text::app::SHOW_DETAILS).clicked() {
                            self.show_problems = true;
                        }
                    });
                }
            });
    }

    /// The state of the saves, in its colour (empty when there is nothing to say).
    fn status_message(&self) -> RichText {
        let editor = self.selected.and_then(|id| self.editors.get(&id));
        let (message, color) = if !self.is_writable() {
            (text::app::STATUS_READ_ONLY.to_owned(), theme::WARNING)
        } else if let Some(editor) = editor.filter(|e| !e.shown_errors().is_empty()) {
            // A record never saved has nothing kept yet; otherwise only the red fields wait.
            let message = if editor.is_new {
                text::app::STATUS_INVALID
            } else {
                text::app::STATUS_INVALID_KEPT
            };
            (message.to_owned(), theme::ERROR)
        } else if let SaveState::Failed(message) = &self.save_state {
            (text::app::save_failed(message), theme::ERROR)
        } else if let SaveState::LeftInvalid(message) = &self.save_state {
            (message.clone(), theme::WARNING)
        } else if self.pending_saves() > 0 {
            (text::app::STATUS_PENDING.to_owned(), theme::WARNING)
        } else if self.save_state == SaveState::Saved {
            (text::app::STATUS_SAVED.to_owned(), theme::OK)
        } else {
            (String::new(), theme::OK)
        };
        RichText::new(message).color(color)
    }

    pub(super) fn status_ui(&mut self, ui: &mut Ui) {
        egui::Panel::bottom("status").show(ui, |ui| {
            // The buttons stand at the right, on two rows when one is too narrow; the state at
            // the left, on a row of its own when it would not fit beside them (a narrow
            // window, a long count of overdue actions): never under a button. The buttons'
            // width is last frame's.
            let buttons_id = ui.scope_id().with("status-buttons");
            let buttons_width: f32 = ui.ctx().data(|d| d.get_temp(buttons_id)).unwrap_or(0.0);
            let message = self.status_message();
            let message_width = egui::WidgetText::from(message.clone())
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Body,
                )
                .size()
                .x;
            let stacked = message_width + theme::SPACE_L + buttons_width > ui.available_width();
            if stacked {
                ui.label(message.clone());
            }
            let buttons = egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true);
            ui.horizontal(|ui| {
                if !stacked {
                    ui.label(message);
                }
                ui.with_layout(buttons, |ui| {
                    self.status_buttons(ui);
                    let width = ui.min_rect().width();
                    ui.ctx().data_mut(|d| d.insert_temp(buttons_id, width));
                });
            });
        });
    }

    /// The status bar's buttons and names, right to left.
    fn status_buttons(&mut self, ui: &mut Ui) {
        ui.label(RichText::new(text::app::DATA_DIR).weak())
            .on_hover_text(self.store.root().display().to_string());
        if let Some(profile) = &self.profile {
            ui.label(text::app::counsellor(&profile.name));
        }
        if self.store.is_encrypted()
            && ui
                .small_button(text::lock::LOCK_NOW)
                .on_hover_text(text::lock::LOCK_NOW_HOVER)
                .clicked()
        {
            self.lock_now();
            ui.ctx().request_repaint();
        }
        if ui.small_button(text::common::SETTINGS).clicked() {
            self.windows.settings.open(&self.data.settings);
            self.windows
                .settings
                .set_encrypted(self.store.is_encrypted());
        }
        if ui.small_button(text::common::PROTECTION_OPEN).clicked() {
            self.windows.protection.open();
        }
        // Shown only when some action is overdue: then it stands out, in red.
        let overdue = self.overdue_count();
        if overdue > 0 {
            let label = format!("{} ({overdue})", text::common::OVERDUE_OPEN);
            let button = egui::Button::new(RichText::new(label).color(theme::ERROR)).small();
            // The list is on the "Accueil" view.
            if ui.add(button).clicked() {
                self.commands
                    .push(Command::ShowView(crate::ui::views::MainView::Home));
            }
        }
        let restore = egui::Button::new(text::app::RESTORE).small();
        if ui.add_enabled(self.store.is_writable(), restore).clicked() {
            self.restore_dialog = Some(RestoreDialog {
                dates: self.store.backups(),
                chosen: None,
            });
        }
    }

    pub(super) fn empty_ui(&mut self, ui: &mut Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.25);
            ui.heading(text::app::EMPTY_TITLE);
            ui.add_space(theme::SPACE_M);
            ui.label(text::app::EMPTY_BODY);
            ui.add_space(theme::SPACE_L);
            ui.add_enabled_ui(self.store.is_writable(), |ui| {
                if ui
                    .add_sized([320.0, 36.0], egui::Button::new(text::app::LOAD_DEMO))
                    .clicked()
                {
                    self.commands.push(Command::LoadDemo);
                }
                ui.add_space(theme::SPACE_S);
                if ui
                    .add_sized(
                        [320.0, 36.0],
                        egui::Button::new(text::common::NEW_BENEFICIARY),
                    )
                    .clicked()
                {
                    self.commands.push(Command::NewBeneficiary);
                }
            });
        });
    }

    pub(super) fn restore_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.restore_dialog else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("restore-backup")).show(ctx, |ui| {
            ui.heading(text::app::RESTORE_TITLE);
            match dialog.chosen {
                None if dialog.dates.is_empty() => {
                    ui.label(text::app::RESTORE_NONE);
                }
                None => {
                    for date in &dialog.dates {
                        if ui.button(date.format("%d/%m/%Y").to_string()).clicked() {
                            dialog.chosen = Some(*date);
                        }
                    }
                }
                Some(date) => {
                    ui.label(RichText::new(text::app::restore_question(date)).strong());
                    ui.label(text::app::RESTORE_CONFIRM);
                    if ui.button(text::app::RESTORE_GO).clicked() {
                        self.commands.push(Command::Restore(date));
                        close = true;
                    }
                }
            }
            ui.add_space(theme::SPACE_M);
            if ui.button(text::common::CANCEL).clicked() {
                close = true;
            }
        });
        if close || modal.should_close() {
            self.restore_dialog = None;
        }
    }

    /// Opens the counsellor dialog on the current name ("Paramètres").
    pub(super) fn change_counsellor(&mut self) {
        if self.config_dir.is_some() {
            self.profile_dialog = Some(ProfileDialog {
                name: self
                    .profile
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default(),
                error: None,
            });
        }
    }

    pub(super) fn profile_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.profile_dialog else {
            return;
        };
        let Some(config_dir) = &self.config_dir else {
            return;
        };
        // At first start there is nothing to go back to: the dialog stays until a name is given.
        let can_cancel = self.profile.is_some();
        let mut done = None;
        let mut cancel = false;
        let modal = egui::Modal::new(egui::Id::unique("counsellor-profile")).show(ctx, |ui| {
            ui.heading(text::app::PROFILE_TITLE);
            ui.label(text::app::PROFILE_WHY);
            ui.add_space(theme::SPACE_S);
            let label = ui.label(text::app::PROFILE_NAME);
            let field = ui
                .add(egui::TextEdit::singleline(&mut dialog.name).desired_width(280.0))
                .labelled_by(label.id);
            if let Some(error) = &dialog.error {
                ui.label(RichText::new(error).color(theme::ERROR));
            }
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if ui.button(text::app::PROFILE_OK).clicked() || entered {
                    if dialog.name.trim().is_empty() {
                        dialog.error = Some(text::app::PROFILE_EMPTY.to_owned());
                    } else {
                        done = Some(dialog.name.trim().to_owned());
                    }
                }
                if can_cancel && ui.button(text::common::CANCEL).clicked() {
                    cancel = true;
                }
            });
        });
        if let Some(name) = done {
            // A new name keeps the installation's id.
            let profile = match self.profile.take() {
                Some(mut profile) => {
                    profile.name = name;
                    profile
                }
                None => Profile::new(&name),
            };
            let saved = profile::save(config_dir, &profile);
            self.profile = Some(profile);
            self.give_author();
            match saved {
                Ok(()) => self.profile_dialog = None,
                Err(error) => {
                    if let Some(dialog) = &mut self.profile_dialog {
                        dialog.error = Some(text::app::profile_not_saved(&error));
                    }
                }
            }
        } else if can_cancel && (cancel || modal.should_close()) {
            self.profile_dialog = None;
        }
    }

    pub(super) fn problems_window(&mut self, ctx: &egui::Context) {
        let mut open = self.show_problems;
        egui::Window::new(text::app::PROBLEMS_TITLE)
            .open(&mut open)
            .default_width(640.0)
            .show(ctx, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(400.0)
                    .show(ui, |ui| {
                        for problem in &self.problems {
                            ui.label(RichText::new(problem.to_string()).monospace());
                            ui.separator();
                        }
                    });
            });
        self.show_problems = open;
    }

    pub(super) fn close_ui(&mut self, ctx: &egui::Context, now: f64) {
        if ctx.input(|i| i.viewport().close_requested()) && self.closing != Closing::Confirmed {
            self.reveal_all();
            self.autosave(now, true);
            if !self.unsaveable().is_empty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.closing = Closing::Blocked;
            }
        }
        if self.closing != Closing::Blocked {
            return;
        }
        let records = self.unsaveable();
        let modal = egui::Modal::new(egui::Id::unique("close-blocked")).show(ctx, |ui| {
            ui.heading(text::app::CLOSE_BLOCKED_TITLE);
            ui.label(text::app::CLOSE_BLOCKED_BODY);
            for record in &records {
                ui.label(
                    RichText::new(format!(
                        "• {} : {}",
                        record.name,
                        field_names(&record.fields)
                    ))
                    .strong(),
                );
            }
            ui.add_space(theme::SPACE_M);
            ui.horizontal(|ui| {
                if ui.button(text::app::CLOSE_FIX).clicked() {
                    self.closing = Closing::No;
                    // The first record to correct opens on the tab of its first field.
                    if let Some(first) = records.first() {
                        let tab = first.fields.first().map_or(Tab::Identity, |&f| tab_of(f));
                        self.commands.push(Command::Open(first.id, tab));
                    }
                }
                if ui.button(text::app::CLOSE_DISCARD).clicked() {
                    self.commands.push(Command::DiscardAndClose);
                }
            });
        });
        if modal.should_close() && self.closing == Closing::Blocked {
            self.closing = Closing::No;
        }
    }
}
