//! The CSV import preview: the file read (encoding, separator), the mapping of its columns
//! (each can be changed), the invalid rows explained, the companies new or updated; nothing is
//! written until "Importer N entreprise(s)".

use egui::RichText;

use crate::model::companies::csv_import::{self, Action, Column, Preview};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::text::companies as words;
use crate::ui::theme;
use crate::ui::widgets::choice_box;
use crate::ui::windows::Window;

/// What is being imported.
struct ImportState {
    name: String,
    bytes: Vec<u8>,
    mapping: Vec<Option<Column>>,
    preview: Preview,
}

/// The CSV import preview window.
#[derive(Default)]
pub struct ImportWindow {
    state: Option<ImportState>,
    failure: Option<String>,
}

impl ImportWindow {
    /// Reads the bytes of a file and shows the preview.
    pub fn open(&mut self, name: String, bytes: Vec<u8>) {
        let preview = csv_import::preview(&bytes);
        let mapping = preview.mapping.iter().map(|m| m.column).collect();
        self.failure = None;
        self.state = Some(ImportState {
            name,
            bytes,
            mapping,
            preview,
        });
    }

    /// Shows why a file could not be read.
    pub fn fail(&mut self, message: String) {
        self.state = None;
        self.failure = Some(message);
    }
}

impl Window for ImportWindow {
    fn is_open(&self) -> bool {
        self.state.is_some() || self.failure.is_some()
    }

    /// Draws the failure or the preview when a file is open; pushes the import, once
    /// confirmed.
    fn show(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, out: &mut Vec<Command>) {
        if let Some(message) = self.failure.clone() {
            let mut open = true;
            egui::Window::new(words::IMPORT_TITLE)
                .open(&mut open)
                .show(ctx, |ui| {
                    ui.label(RichText::new(message).color(theme::ERROR));
                });
            if !open {
                self.failure = None;
            }
        }
        let Some(state) = self.state.as_mut() else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(words::IMPORT_TITLE)
            .open(&mut open)
            .default_size([820.0, 560.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    close = state.ui(ui, cx, out);
                });
            });
        if close || !open {
            self.state = None;
        }
    }
}

impl ImportState {
    /// The preview's content; `true` when the import was confirmed or cancelled.
    fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, out: &mut Vec<Command>) -> bool {
        let mut close = false;
        ui.label(words::import_file(
            &self.name,
            self.preview.encoding.label(),
            self.preview.separator,
        ));
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::MAPPING);
        let mut changed = false;
        egui::Grid::new("import_mapping")
            .num_columns(2)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                for (index, mapping) in self.mapping.iter_mut().enumerate() {
                    let header = self
                        .preview
                        .mapping
                        .get(index)
                        .map(|m| m.header.clone())
                        .unwrap_or_default();
                    let label = words::column(&header);
                    let id = ui.label(&label).id;
                    let options: Vec<Option<Column>> = std::iter::once(None)
                        .chain(Column::ALL.into_iter().map(Some))
                        .collect();
                    changed |= choice_box(
                        ui,
                        &label,
                        id,
                        true,
                        mapping,
                        &options,
                        &|c: Option<Column>| c.map_or(words::IGNORED, Column::label).to_owned(),
                    );
                    ui.end_row();
                }
            });
        if changed {
            self.preview = csv_import::preview_with(&self.bytes, Some(&self.mapping));
        }
        let unknown = self.preview.unknown_columns();
        if !unknown.is_empty() {
            ui.label(
                RichText::new(words::ignored_columns(&unknown.join(", "))).color(theme::WARNING),
            );
        }
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::invalid_rows(self.preview.errors.len()));
        for error in &self.preview.errors {
            ui.label(RichText::new(error.to_string()).color(theme::ERROR));
        }
        let planned = csv_import::plan(&self.preview.rows, cx.companies);
        let updated = planned
            .iter()
            .filter(|p| matches!(p.action, Action::Update(_)))
            .count();
        ui.add_space(theme::SECTION_GAP);
        ui.heading(words::to_import(planned.len() - updated, updated));
        for item in &planned {
            let action = match item.action {
                Action::New => words::IMPORT_NEW,
                Action::Update(_) => words::IMPORT_UPDATE,
            };
            ui.label(words::import_line(
                &item.company.name,
                &item.company.siret,
                &item.company.town,
                action,
            ));
        }
        ui.add_space(theme::SECTION_GAP);
        ui.horizontal(|ui| {
            if planned.is_empty() {
                ui.label(RichText::new(words::NOTHING_TO_IMPORT).weak());
            } else if ui
                .add_enabled(
                    cx.writable,
                    egui::Button::new(words::confirm_import(planned.len())),
                )
                .clicked()
            {
                out.push(Command::ImportCompanies(
                    planned.iter().map(|p| p.company.clone()).collect(),
                ));
                close = true;
            }
            if ui.button(words::CANCEL_IMPORT).clicked() {
                close = true;
            }
        });
        close
    }
}
