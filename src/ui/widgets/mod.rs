//! Form widgets shared by the panels: a labelled field in a two-column grid, with its
//! validation message beside it. Every input is labelled for screen readers (and for tests).

pub(crate) mod bidi;
pub mod consent_gate;
pub(crate) mod list_editor;
pub mod rome_picker;

use egui::{ComboBox, RichText, TextEdit, Ui};

use crate::model::{BeneficiaryDraft, Field, FieldError, Phase, PhaseStatus};
use crate::ui::{text, theme};

/// The widget id of the form field labelled `label`: stable whatever else the form shows, so
/// that focus and cursor survive fields appearing above it.
#[must_use]
pub fn field_id(label: &str) -> egui::Id {
    egui::Id::unique(("field", label))
}

/// A social-security number as shown outside editing: sex, year and month of birth and the
/// key stay readable, the place of birth and the order number are masked:
/// `1 84 12 ** *** *** 37`. A number that is not 15 characters long is masked whole (spaces
/// kept). Works on characters: any text gives a mask, never a panic.
#[must_use]
pub fn masked_nir(nir: &str) -> String {
    let compact: Vec<char> = nir.chars().filter(|c| !c.is_whitespace()).collect();
    match compact.as_slice() {
        [sex, y1, y2, m1, m2, _, _, _, _, _, _, _, _, k1, k2] => {
            format!("{sex} {y1}{y2} {m1}{m2} ** *** *** {k1}{k2}")
        }
        _ => nir
            .chars()
            .map(|c| if c.is_whitespace() { c } else { '*' })
            .collect(),
    }
}

/// Lays out a form in a grid and remembers whether anything changed.
pub struct Form<'a> {
    errors: &'a [FieldError],
    enabled: bool,
    /// Set as soon as one field was edited this frame.
    pub changed: bool,
}

impl<'a> Form<'a> {
    /// A form showing `errors` beside their fields; fields are read-only unless `enabled`.
    pub fn new(errors: &'a [FieldError], enabled: bool) -> Self {
        Self {
            errors,
            enabled,
            changed: false,
        }
    }

    /// A grid row holding only a button in the field column ("Retirer…", "Ajouter…"); returns
    /// whether it was clicked.
    pub fn button_row(&self, ui: &mut Ui, label: &str) -> bool {
        ui.label("");
        let clicked = ui
            .add_enabled(self.enabled, egui::Button::new(label))
            .clicked();
        ui.end_row();
        clicked
    }

    /// Whether the fields can be edited.
    #[must_use]
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The message for a field, if any.
    fn error(&self, field: Option<Field>) -> Option<&'a str> {
        let field = field?;
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// Shows `contents` as a titled grid section; the title must not change while the
    /// section is shown (use [`Self::section_keyed`] for a title that shows typed text).
    pub fn section(&mut self, ui: &mut Ui, title: &str, contents: impl FnOnce(&mut Self, &mut Ui)) {
        self.section_keyed(ui, title, title, contents);
    }

    /// Shows `contents` as a titled grid section whose layout is remembered under `key`, not
    /// under the title: a title that follows typed text ("Expérience 1 · Maçon") would
    /// otherwise give the grid a new id at each keystroke, and the field being typed in would
    /// lose the keyboard focus.
    pub fn section_keyed(
        &mut self,
        ui: &mut Ui,
        key: impl std::hash::Hash + std::fmt::Debug,
        title: &str,
        contents: impl FnOnce(&mut Self, &mut Ui),
    ) {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(title);
        ui.separator();
        egui::Grid::new(key)
            .num_columns(2)
            .min_col_width(theme::LABEL_WIDTH)
            .spacing([12.0, 8.0])
            .show(ui, |ui| contents(self, ui));
    }

    fn field_cell(
        &mut self,
        ui: &mut Ui,
        label: &str,
        field: Option<Field>,
        add: impl FnOnce(&mut Ui, egui::Id, bool) -> bool,
    ) {
        let label = ui.label(label);
        let error = self.error(field);
        let enabled = self.enabled;
        let Some(message) = error else {
            ui.horizontal(|ui| {
                if add(ui, label.id, enabled) {
                    self.changed = true;
                }
            });
            ui.end_row();
            return;
        };
        // The field's widget id is its own (`field_id`), so that this other layout keeps the
        // focus and cursor of a field whose message appears as it is typed.
        ui.vertical(|ui| {
            let mut under = false;
            ui.horizontal(|ui| {
                if add(ui, label.id, enabled) {
                    self.changed = true;
                }
                // Beside the field, wrapped, when there is room; under it otherwise.
                if ui.available_width() >= theme::MESSAGE_MIN_WIDTH {
                    error_message(ui, message);
                } else {
                    under = true;
                }
            });
            if under {
                error_message(ui, message);
            }
        });
        ui.end_row();
    }

    /// A single-line text field.
    pub fn text(&mut self, ui: &mut Ui, label: &str, value: &mut String, field: Option<Field>) {
        self.text_with_hint(ui, label, value, field, "");
    }

    /// A single-line text field with a hint shown while empty.
    pub fn text_with_hint(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut String,
        field: Option<Field>,
        hint: &str,
    ) {
        self.field_cell(ui, label, field, |ui, label_id, enabled| {
            ui.add_enabled(
                enabled,
                TextEdit::singleline(value)
                    .id(field_id(label))
                    .hint_text(hint.to_owned())
                    .desired_width(theme::FIELD_WIDTH),
            )
            .labelled_by(label_id)
            .changed()
        });
    }

    /// The social-security number's field: shown masked ([`masked_nir`]) except while it
    /// holds the focus, when the number is edited as typed.
    pub fn nir(&mut self, ui: &mut Ui, label: &str, value: &mut String, field: Option<Field>) {
        let id = field_id(label);
        let editing = ui.memory(|m| m.has_focus(id));
        self.field_cell(ui, label, field, |ui, label_id, enabled| {
            if editing {
                return ui
                    .add_enabled(
                        enabled,
                        TextEdit::singleline(value)
                            .id(id)
                            .desired_width(theme::FIELD_WIDTH),
                    )
                    .labelled_by(label_id)
                    .changed();
            }
            // Anything typed into the mask is dropped: the number shows once focused.
            let mut masked = masked_nir(value);
            let response = ui
                .add_enabled(
                    enabled,
                    TextEdit::singleline(&mut masked)
                        .id(id)
                        .desired_width(theme::FIELD_WIDTH),
                )
                .labelled_by(label_id);
            if response.gained_focus() {
                ui.ctx().request_repaint();
            }
            false
        });
    }

    /// The counsellor's private notes, with the warning under them: no health, opinions or
    /// judgements, since the person may ask to read their record.
    pub fn private_notes(&mut self, ui: &mut Ui, label: &str, value: &mut String) {
        self.multiline(ui, label, value);
        ui.label("");
        ui.add(
            egui::Label::new(
                RichText::new(text::widgets::PRIVATE_NOTES_WARNING)
                    .small()
                    .color(theme::WARNING),
            )
            .wrap(),
        );
        ui.end_row();
    }

    /// A date field, typed as `JJ/MM/AAAA`.
    pub fn date(&mut self, ui: &mut Ui, label: &str, value: &mut String, field: Field) {
        self.field_cell(ui, label, Some(field), |ui, label_id, enabled| {
            ui.add_enabled(
                enabled,
                TextEdit::singleline(value)
                    .id(field_id(label))
                    .hint_text(text::common::DATE_HINT)
                    .desired_width(theme::DATE_FIELD_WIDTH),
            )
            .labelled_by(label_id)
            .changed()
        });
    }

    /// A multi-line text field.
    ///
    /// Added straight into its grid cell, not inside a `horizontal` like the other fields: the
    /// grid centres a child ui's first size (one line high) in the row, so a box taller than that
    /// grew from the middle of the row and overflowed onto the next one (the ROME field under an
    /// experience's description).
    pub fn multiline(&mut self, ui: &mut Ui, label: &str, value: &mut String) {
        let label_id = ui.label(label).id;
        if ui
            .add_enabled(
                self.enabled,
                TextEdit::multiline(value)
                    .id(field_id(label))
                    .desired_rows(3)
                    .desired_width(theme::FIELD_WIDTH * 1.6),
            )
            .labelled_by(label_id)
            .changed()
        {
            self.changed = true;
        }
        ui.end_row();
    }

    /// A checkbox in the field column, its label on the left like the other fields.
    pub fn checkbox(&mut self, ui: &mut Ui, label: &str, value: &mut bool) {
        self.field_cell(ui, label, None, |ui, label_id, enabled| {
            ui.add_enabled(enabled, egui::Checkbox::without_text(value))
                .labelled_by(label_id)
                .changed()
        });
    }

    /// A drop-down choice among `options`.
    pub fn choice<T: Copy + PartialEq>(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut T,
        options: &[T],
        label_of: impl Fn(T) -> String,
    ) {
        self.field_cell(ui, label, None, |ui, label_id, enabled| {
            choice_box(ui, label, label_id, enabled, value, options, &label_of)
        });
    }
}

/// A validation message, in red, wrapped to the room left (never wider than the window).
pub fn error_message(ui: &mut Ui, message: &str) {
    ui.add(egui::Label::new(RichText::new(message).color(theme::ERROR)).wrap());
}

/// A combo box labelled by `label_id`; returns whether the value changed.
pub fn choice_box<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    label_id: egui::Id,
    enabled: bool,
    value: &mut T,
    options: &[T],
    label_of: &impl Fn(T) -> String,
) -> bool {
    let before = *value;
    ui.add_enabled_ui(enabled, |ui| {
        ComboBox::from_id_salt(id_salt)
            .selected_text(label_of(*value))
            .width(theme::FIELD_WIDTH)
            .show_ui(ui, |ui| {
                for &option in options {
                    ui.selectable_value(value, option, label_of(option));
                }
            })
            .response
            .labelled_by(label_id);
    });
    *value != before
}

/// A read-only "label: value" row in a grid, with a placeholder for empty values.
pub fn info_row(ui: &mut Ui, label: &str, value: &str) {
    ui.label(RichText::new(label).weak());
    if value.trim().is_empty() {
        ui.label(RichText::new(text::common::NOT_PROVIDED).italics().weak());
    } else {
        ui.label(value);
    }
    ui.end_row();
}

/// A grid of read-only rows, under a heading.
pub fn info_section(ui: &mut Ui, title: &str, rows: impl FnOnce(&mut Ui)) {
    ui.add_space(theme::SECTION_GAP);
    ui.heading(title);
    ui.separator();
    egui::Grid::new(title)
        .num_columns(2)
        .min_col_width(theme::LABEL_WIDTH)
        .spacing([12.0, 6.0])
        .show(ui, rows);
}

/// A coloured badge for the entry route.
pub fn route_badge(ui: &mut Ui, record: &crate::model::Beneficiary) {
    use crate::model::EntryRoute;
    let color = match record.entry_route() {
        Some(EntryRoute::FrenchFirst) => theme::ROUTE_FLE,
        Some(EntryRoute::Valorisation) => theme::ROUTE_VALORISATION,
        None => theme::ROUTE_UNKNOWN,
    };
    egui::Frame::new()
        .fill(color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(record.entry_route_label())
                    .color(egui::Color32::WHITE)
                    .strong(),
            );
        });
}

/// What the French level implies for the entry route, and the counsellor's override if any.
pub fn route_explanation(ui: &mut Ui, draft: &crate::model::BeneficiaryDraft) {
    use crate::model::EntryRoute;
    if draft.needs_literacy() {
        ui.label(RichText::new(text::common::LITERACY_ROUTE).strong());
    }
    match EntryRoute::for_level(draft.summary_french_level()) {
        None => {
            ui.label(text::widgets::ROUTE_TO_DETERMINE);
        }
        Some(route) => {
            ui.label(RichText::new(text::widgets::route_by_level(route.label())).strong());
            ui.label(RichText::new(route.explanation()).weak());
        }
    }
    if let Some(route) = draft.route_override {
        ui.label(RichText::new(text::widgets::route_chosen(route.label())).color(theme::WARNING));
    }
}

/// A grid row: a choice and a short note beside it, both labelled by `label` (the note's field
/// id is derived from "Note (label)"); returns whether either changed.
pub fn choice_with_note<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    enabled: bool,
    (value, options): (&mut T, &[T]),
    label_of: &impl Fn(T) -> String,
    (note, hint): (&mut String, &str),
) -> bool {
    let label_response = ui.label(label);
    let changed = ui
        .horizontal(|ui| {
            let chosen = choice_box(
                ui,
                label,
                label_response.id,
                enabled,
                value,
                options,
                label_of,
            );
            let typed = ui
                .add_enabled(
                    enabled,
                    TextEdit::singleline(note)
                        .id(field_id(&text::widgets::note_of(label)))
                        .hint_text(hint.to_owned())
                        .desired_width(theme::FIELD_WIDTH),
                )
                .labelled_by(label_response.id)
                .changed();
            chosen || typed
        })
        .inner;
    ui.end_row();
    changed
}

/// The French level (it sets the entry route) and what that route implies, as two grid rows:
/// the same in the "Identité" and "Compétences" tabs.
pub fn french_level_rows(
    form: &mut Form<'_>,
    ui: &mut Ui,
    draft: &mut crate::model::BeneficiaryDraft,
) {
    if let Some(summary) = draft.french_abilities.summary() {
        // Derived from the abilities (tab "Compétences"): shown, not picked.
        draft.french_level = summary;
        ui.label(text::widgets::FRENCH_LEVEL);
        ui.label(text::widgets::french_summary(summary.label()));
        ui.end_row();
    } else {
        form.choice(
            ui,
            text::widgets::FRENCH_LEVEL,
            &mut draft.french_level,
            &crate::model::CefrLevel::ALL,
            |l| l.label().to_owned(),
        );
    }
    ui.label(RichText::new(text::widgets::ENTRY_ROUTE).weak());
    ui.vertical(|ui| route_explanation(ui, draft));
    ui.end_row();
}

/// The four French abilities, one level each; the summary level follows the lowest.
pub fn french_abilities_rows(form: &mut Form<'_>, ui: &mut Ui, draft: &mut BeneficiaryDraft) {
    let abilities = &mut draft.french_abilities;
    for (label, level) in [
        (
            text::widgets::FRENCH_ORAL_COMPREHENSION,
            &mut abilities.oral_comprehension,
        ),
        (
            text::widgets::FRENCH_ORAL_EXPRESSION,
            &mut abilities.oral_expression,
        ),
        (
            text::widgets::FRENCH_WRITTEN_COMPREHENSION,
            &mut abilities.written_comprehension,
        ),
        (
            text::widgets::FRENCH_WRITTEN_EXPRESSION,
            &mut abilities.written_expression,
        ),
    ] {
        form.choice(ui, label, level, &crate::model::CefrLevel::ALL, |l| {
            l.label().to_owned()
        });
    }
}

/// A phase's status and dates, editable, as the section that opens its tab ("Phase 2 ·
/// Préparation à l'emploi").
pub fn phase_section(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft, phase: Phase) {
    let number = phase.number();
    let Some(progress) = draft.phases.get_mut(usize::from(number) - 1) else {
        return;
    };
    form.section(
        ui,
        &text::widgets::phase_title(number, phase.title()),
        |form, ui| {
            form.choice(
                ui,
                &text::widgets::phase_status(number),
                &mut progress.status,
                &PhaseStatus::ALL,
                |s| s.label().to_owned(),
            );
            form.date(
                ui,
                &text::widgets::phase_start(number),
                &mut progress.started_on,
                Field::PhaseStart(phase),
            );
            form.date(
                ui,
                &text::widgets::phase_end(number),
                &mut progress.ended_on,
                Field::PhaseEnd(phase),
            );
        },
    );
}

/// The characters of `text` that no embedded font can draw (Chinese, a script no font covers):
/// egui shows each as a box, so the window says which they were instead of leaving an empty
/// box unexplained. Invisible formatting characters (joiners, direction marks, variation
/// selectors) are not counted: nothing is drawn for them anyway.
pub fn undrawable_chars(ui: &Ui, text: &str) -> Vec<char> {
    let font = egui::TextStyle::Heading.resolve(ui.style());
    let mut missing: Vec<char> = ui.fonts_mut(|fonts| {
        text.chars()
            .filter(|&c| !c.is_whitespace() && !c.is_control() && !is_invisible_format(c))
            .filter(|&c| !fonts.has_glyph(&font, c))
            .collect()
    });
    missing.dedup();
    missing
}

/// Zero-width and direction marks, variation selectors, the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::masked_nir;

    #[test]
    fn a_nir_shows_sex_year_month_and_key_only() {
        assert_eq!(masked_nir("184127645108946"), "1 84 12 ** *** *** 46");
        assert_eq!(masked_nir("2 69 05 2A 123 456 88"), "2 69 05 ** *** *** 88");
        assert_eq!(masked_nir(""), "");
        // Not a whole number: masked whole, spaces kept; any text, no panic.
        assert_eq!(masked_nir("1 84 12"), "* ** **");
        assert_eq!(masked_nir("é́👩‍👩‍👧 ١٢"), "******* **");
    }
}
