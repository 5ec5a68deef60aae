//! Design tokens: every colour and spacing of the window, in one place.

use egui::Color32;

// Spacing tokens: every vertical gap of the window is one of these, never a bare number.
/// A hair between a field and its note.
pub const SPACE_XS: f32 = 4.0;
/// Between two rows of one group.
pub const SPACE_S: f32 = 6.0;
/// Between two groups, or above a window's buttons.
pub const SPACE_M: f32 = 8.0;
/// Above a heading's buttons on an empty screen.
pub const SPACE_L: f32 = 16.0;

/// Space between form sections.
pub const SECTION_GAP: f32 = 14.0;
/// Width of the label column of forms.
pub const LABEL_WIDTH: f32 = 280.0;
/// Width of single-line text fields.
pub const FIELD_WIDTH: f32 = 260.0;
/// The narrowest room beside a field for its message; with less, the message goes under it.
pub const MESSAGE_MIN_WIDTH: f32 = 180.0;
/// Width of date fields.
pub const DATE_FIELD_WIDTH: f32 = 110.0;
/// Height of one row of the beneficiary list (two lines of text).
pub const LIST_ROW_HEIGHT: f32 = 40.0;
/// Default width of the list panel.
pub const LIST_WIDTH: f32 = 300.0;
/// Base text size: readable across a desk.
pub const BODY_SIZE: f32 = 15.0;

/// Validation messages.
pub const ERROR: Color32 = Color32::from_rgb(0xB0, 0x1E, 0x1E);
/// Confirmation ("Enregistré").
pub const OK: Color32 = Color32::from_rgb(0x1E, 0x7A, 0x3C);
/// Warnings and banners text.
pub const WARNING: Color32 = Color32::from_rgb(0x8A, 0x5A, 0x00);
/// Background of warning banners.
pub const WARNING_FILL: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xCC);
/// Badge of the "FLE d'abord" route.
pub const ROUTE_FLE: Color32 = Color32::from_rgb(0x2F, 0x5D, 0xA8);
/// Badge of the valorisation route.
pub const ROUTE_VALORISATION: Color32 = Color32::from_rgb(0x1E, 0x7A, 0x3C);
/// Badge of an undetermined route.
pub const ROUTE_UNKNOWN: Color32 = Color32::from_rgb(0x6B, 0x6B, 0x6B);

/// The colour of a right to work: green when authorised, amber under conditions, red when not.
#[must_use]
pub const fn work_right_colour(right: &crate::model::WorkRight) -> Color32 {
    match right {
        crate::model::WorkRight::Authorised(_) => OK,
        crate::model::WorkRight::NotAuthorised(_) => ERROR,
        crate::model::WorkRight::Conditional(_) | crate::model::WorkRight::Unknown => WARNING,
    }
}

/// Installs `DejaVu` Sans (and Sans Mono) ahead of egui's bundled fonts: egui's own font lacks
/// letters such as Vietnamese "ễ", and a beneficiary's name must display as written.
fn install_fonts(ctx: &egui::Context) {
    use std::sync::Arc;

    use egui::{FontData, FontDefinitions, FontFamily};

    let mut fonts = FontDefinitions::default();
    for (name, data, family) in [
        (
            "DejaVuSans",
            dejavu::sans::regular(),
            FontFamily::Proportional,
        ),
        (
            "DejaVuSansMono",
            dejavu::sans_mono::regular(),
            FontFamily::Monospace,
        ),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, name.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies the app's look to a context: fonts, light theme, larger text.
pub fn apply(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        for (text_style, font) in &mut style.text_styles {
            font.size = match text_style {
                egui::TextStyle::Heading => 22.0,
                egui::TextStyle::Small => 12.0,
                egui::TextStyle::Monospace => 14.0,
                _ => BODY_SIZE,
            };
        }
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// Width of the occupation picker's search field and result list (ROME labels are long).
pub const ROME_PICKER_WIDTH: f32 = 420.0;
/// Minimum height of one result row of the occupation picker.
pub const ROME_ROW_HEIGHT: f32 = 24.0;
/// Inner margin of the occupation picker's result list.
pub const ROME_RESULTS_MARGIN: i8 = 4;
/// Width of a drop-down choice in a table cell (action plan, administrative steps).
pub const CHOICE_CELL_WIDTH: f32 = 150.0;
/// Width of the label column of the hours summary.
pub const HOURS_LABEL_WIDTH: f32 = 200.0;
/// Width of an action's label in the action plan.
pub const ACTION_FIELD_WIDTH: f32 = 220.0;
/// Width of the steps' names in the administrative checklist.
pub const ADMIN_LABEL_WIDTH: f32 = 300.0;
/// Width of a step's note in the administrative checklist.
pub const ADMIN_NOTE_WIDTH: f32 = 180.0;
/// Height of a row of fields in the action plan and the administrative checklist.
pub const CELL_ROW_HEIGHT: f32 = 26.0;

/// Crèche planning: a half-hour with room left.
pub const CRECHE_FREE: Color32 = Color32::from_rgb(0xE3, 0xF1, 0xE3);
/// Crèche planning: three quarters of the places taken.
pub const CRECHE_NEARLY_FULL: Color32 = Color32::from_rgb(0xFB, 0xE7, 0xB5);
/// Crèche planning: every place taken.
pub const CRECHE_FULL: Color32 = Color32::from_rgb(0xF6, 0xC3, 0xA8);
/// Crèche planning: more children than places (a conflict to resolve).
pub const CRECHE_OVER: Color32 = Color32::from_rgb(0xC0, 0x2B, 0x26);
/// Crèche planning: a closed day.
pub const CRECHE_CLOSED: Color32 = Color32::from_rgb(0xE1, 0xE1, 0xE1);
/// Crèche planning: text of a cell.
pub const CRECHE_CELL_TEXT: Color32 = Color32::from_rgb(0x20, 0x20, 0x20);
/// Crèche planning: outline of the opened (or focused) cell.
pub const CRECHE_SELECTED: Color32 = Color32::from_rgb(0x2F, 0x5D, 0xA8);
/// Crèche planning: size of a cell.
pub const CRECHE_CELL_WIDTH: f32 = 120.0;
/// Crèche planning: height of a cell.
pub const CRECHE_CELL_HEIGHT: f32 = 20.0;
/// Crèche booking form: width of the arrival and departure drop-downs.
pub const CRECHE_TIME_WIDTH: f32 = 90.0;
