//! The occupation picker: type part of a ROME label or code, pick with the keyboard.
//!
//! Counsellors fill the skills panel face to face, often typing fast and without accents:
//! the search is the catalogue's (accents, case and hyphens ignored), results show as the
//! person types, and the arrow keys, Enter or a click pick one. The picker holds only what is
//! being typed; the chosen ROME code lives in the caller's model (`Option<String>`).

use std::fmt::Debug;
use std::hash::Hash;

use egui::{Button, Id, Key, Modifiers, RichText, TextEdit, Ui};

use crate::model::skills::rome::{self, Occupation};
use crate::ui::{text, theme};

/// How many results are listed under the field.
const MAX_RESULTS: usize = 8;

/// A search field that picks one ROME occupation, with the current choice shown above it.
///
/// Keep one per field, across frames (in the panel's state). Several pickers can share a
/// screen: [`Self::ui`] derives the field's widget id from its label, and
/// [`Self::ui_with_id_salt`] from any salt (for repeated labels, e.g. one picker per
/// experience in a list).
#[derive(Debug, Default)]
pub struct RomePicker {
    /// What the person typed.
    query: String,
    /// The index of the highlighted result, moved by the arrow keys and picked by Enter.
    highlighted: usize,
    /// The query `results` were computed for: the search runs only when the query changes.
    results_for: String,
    /// The best matches for `results_for`, at most [`MAX_RESULTS`].
    results: Vec<&'static Occupation>,
    /// Whether more occupations match than are listed.
    more_results: bool,
}

impl RomePicker {
    /// Shows the picker labelled `label` and returns `true` when `*selected` (a ROME code)
    /// changed. The field's id is derived from `label`, which must therefore be unique on the
    /// screen; otherwise use [`Self::ui_with_id_salt`].
    ///
    /// Draws the label, then the picker in a vertical block: inside a two-column
    /// `egui::Grid` they fill the two cells of one row (call `end_row` after), elsewhere the
    /// picker sits under its label. Nothing can be changed unless `enabled`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        label: &str,
        selected: &mut Option<String>,
        enabled: bool,
    ) -> bool {
        self.ui_with_id_salt(ui, label, label, selected, enabled)
    }

    /// Like [`Self::ui`], with the search field's widget id derived from `id_salt` (globally:
    /// two pickers on one screen need different salts, and the id stays the same whatever is
    /// drawn above, so focus survives results and choices appearing).
    pub fn ui_with_id_salt(
        &mut self,
        ui: &mut Ui,
        id_salt: impl Hash + Debug,
        label: &str,
        selected: &mut Option<String>,
        enabled: bool,
    ) -> bool {
        let field_id = Id::unique(("rome_picker", id_salt));
        let before = selected.clone();
        // Top-aligned: beside a tall block (choice, field, results) a centred label would
        // float away from the field it names.
        let label_response = ui
            .with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(label)
            })
            .inner;
        ui.vertical(|ui| {
            if let Some(code) = selected.as_deref() {
                let clear = ui
                    .horizontal(|ui| choice_ui(ui, code, label, enabled))
                    .inner;
                if clear {
                    *selected = None;
                }
            }

            self.refresh();
            // Keys are taken before the field sees them: the arrows would move its cursor and
            // Enter would end the editing.
            let mut picked = None;
            if enabled && ui.memory(|m| m.has_focus(field_id)) {
                picked = self.keyboard(ui);
            }

            let response = ui
                .add_enabled(
                    enabled,
                    TextEdit::singleline(&mut self.query)
                        .id(field_id)
                        .hint_text(text::widgets::ROME_SEARCH_HINT)
                        .desired_width(theme::ROME_PICKER_WIDTH),
                )
                .labelled_by(label_response.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                self.query.clear();
            }
            self.refresh();

            if enabled && picked.is_none() && !self.query.trim().is_empty() {
                picked = self.results_ui(ui);
            }
            if let Some(occupation) = picked {
                *selected = Some(occupation.code.clone());
                self.query.clear();
                self.refresh();
            }
        });
        *selected != before
    }

    /// Recomputes the results if the query changed since they were computed; a new query
    /// highlights its first result.
    fn refresh(&mut self) {
        if self.results_for == self.query {
            return;
        }
        self.results_for.clone_from(&self.query);
        self.results = rome::catalog().search(&self.query, MAX_RESULTS + 1);
        self.more_results = self.results.len() > MAX_RESULTS;
        self.results.truncate(MAX_RESULTS);
        self.highlighted = 0;
    }

    /// Moves the highlight with the arrow keys; returns the result picked with Enter.
    fn keyboard(&mut self, ui: &Ui) -> Option<&'static Occupation> {
        let last = self.results.len().checked_sub(1)?;
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            self.highlighted = (self.highlighted + 1).min(last);
        }
        if up {
            self.highlighted = self.highlighted.saturating_sub(1);
        }
        if enter {
            self.results.get(self.highlighted).copied()
        } else {
            None
        }
    }

    /// Lists the results under the field; returns the one clicked.
    fn results_ui(&self, ui: &mut Ui) -> Option<&'static Occupation> {
        let mut picked = None;
        egui::Frame::group(ui.style())
            .inner_margin(egui::Margin::same(theme::ROME_RESULTS_MARGIN))
            .show(ui, |ui| {
                ui.set_width(theme::ROME_PICKER_WIDTH);
                if self.results.is_empty() {
                    ui.label(RichText::new(text::widgets::ROME_NO_MATCH).italics().weak());
                    return;
                }
                for (index, &occupation) in self.results.iter().enumerate() {
                    let row = Button::selectable(index == self.highlighted, occupation.to_string())
                        .wrap()
                        .min_size(egui::vec2(ui.available_width(), theme::ROME_ROW_HEIGHT));
                    if ui.add(row).clicked() {
                        picked = Some(occupation);
                    }
                }
                if self.more_results {
                    ui.label(
                        RichText::new(text::widgets::ROME_MORE_RESULTS)
                            .small()
                            .weak(),
                    );
                }
            });
        picked
    }
}

/// The current choice, "J1501 · Aide-soignant / Aide-soignante", and its "Retirer" button;
/// returns `true` when the button was clicked.
fn choice_ui(ui: &mut Ui, code: &str, label: &str, enabled: bool) -> bool {
    match rome::catalog().occupation(code) {
        Some(occupation) => ui.label(RichText::new(occupation.to_string()).strong()),
        None => {
            ui.label(RichText::new(text::widgets::rome_unknown_code(code)).color(theme::WARNING))
        }
    };
    ui.add_enabled(enabled, Button::new(text::common::REMOVE).small())
        .accessible_name(text::common::remove_named(label))
        .clicked()
}
