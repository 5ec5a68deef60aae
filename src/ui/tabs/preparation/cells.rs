//! The cells of the tab's tables (action plan, administrative steps, certificates): fixed-width
//! fields and drop-downs named for screen readers, their column headers, and the message of a
//! field drawn outside the form's rows.

use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::model::{Field, FieldError};
use crate::ui::theme;
use crate::ui::widgets::field_id;

/// A combo box named `name` for screen readers (used in table cells, under a column header).
pub(super) fn cell_choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    name: &str,
    enabled: bool,
    value: &mut T,
    options: &[T],
    label_of: impl Fn(T) -> &'static str,
) -> bool {
    let before = *value;
    ui.add_enabled_ui(enabled, |ui| {
        // A fixed width: a combo box otherwise grows into its grid cell, which the grid then
        // widens, for several frames.
        ComboBox::from_id_salt(name)
            .width(theme::CHOICE_CELL_WIDTH)
            .selected_text(label_of(*value))
            .show_ui(ui, |ui| {
                for &option in options {
                    ui.selectable_value(value, option, label_of(option));
                }
            })
            .response
            .accessible_name(name);
    });
    *value != before
}

/// A single-line field named `name` for screen readers (used in table cells).
pub(super) fn cell_text(
    ui: &mut Ui,
    name: &str,
    enabled: bool,
    value: &mut String,
    width: f32,
) -> bool {
    // In a layout of its own: straight in a grid cell, a text field takes the width the grid
    // gave the column the frame before, and the column grows a little at every frame.
    ui.horizontal(|ui| {
        ui.add_enabled(
            enabled,
            TextEdit::singleline(value)
                .id(field_id(name))
                .desired_width(width),
        )
        .accessible_name(name)
        .changed()
    })
    .inner
}

/// A label in a cell of `width`, left-aligned, so that rows of cells line up as columns.
pub(super) fn fixed_label(ui: &mut Ui, text: RichText, width: f32) {
    // As tall as the fields beside it, so that the text sits on their line.
    let size = egui::vec2(width, theme::CELL_ROW_HEIGHT);
    ui.allocate_ui_with_layout(
        size,
        egui::Layout::left_to_right(egui::Align::Center),
        |ui| {
            ui.set_min_size(size);
            ui.label(text);
        },
    );
}

/// Column headers over rows of fixed-width cells.
pub(super) fn header_row(ui: &mut Ui, headers: &[&str], widths: &[f32]) {
    ui.horizontal(|ui| {
        for (header, &width) in headers.iter().zip(widths) {
            fixed_label(ui, RichText::new(*header).weak(), width);
        }
    });
}

/// The message for a field, if any (for cells drawn outside the form's rows).
pub(super) fn form_error(errors: &[FieldError], field: Field) -> Option<&str> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.as_str())
}
