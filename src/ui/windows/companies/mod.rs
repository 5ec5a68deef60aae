//! The windows of the "Entreprises" tab: the companies' directory ([`DirectoryWindow`]:
//! search, company and offer editor, people ranked for an offer) and the CSV import preview
//! ([`ImportWindow`]: mapping of the columns, invalid rows explained, new and updated
//! companies), where nothing is written until the counsellor confirms. The tab owns them and
//! draws them through [`Window`](super::Window); they push [`Command`](crate::ui::command::Command)s
//! and know nothing of the tab.

mod directory;
mod import;

pub use directory::DirectoryWindow;
pub use import::ImportWindow;

use egui::{RichText, TextEdit, Ui};

use crate::ui::theme;
use crate::ui::widgets::choice_box;

/// A labelled single-line field with its messages beside it.
fn field_row(ui: &mut Ui, label: &str, value: &mut String, messages: &[&str]) {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        ui.add(TextEdit::singleline(value).desired_width(theme::FIELD_WIDTH))
            .labelled_by(label.id);
        for message in messages {
            ui.label(RichText::new(*message).color(theme::ERROR));
        }
    });
    ui.end_row();
}

/// One grid row: a label and a drop-down list named by it.
fn choice_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    enabled: bool,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> String,
) {
    let id = ui.label(label).id;
    choice_box(ui, label, id, enabled, value, options, &label_of);
    ui.end_row();
}
