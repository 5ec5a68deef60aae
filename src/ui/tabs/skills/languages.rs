//! The languages of the "Compétences" tab: the French abilities and level (which set the entry
//! route), then a grid of the other languages spoken, one CEFR level per ability, and the field
//! that adds one.

use egui::{RichText, Ui};

use crate::model::skills::Language;
use crate::model::{BeneficiaryDraft, CefrLevel, fold};
use crate::ui::text;
use crate::ui::widgets::{self, Form, list_editor};

use super::SkillsPanel;

impl SkillsPanel {
    pub(super) fn languages_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
    ) {
        form.section(ui, text::skills::LANGUAGES, |form, ui| {
            widgets::french_abilities_rows(form, ui, draft);
            widgets::french_level_rows(form, ui, draft);
        });
        let enabled = form.enabled();
        egui::Grid::new("languages-grid")
            .num_columns(5)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for header in [
                    text::skills::OTHER_LANGUAGE,
                    text::skills::UNDERSTANDING,
                    text::skills::SPEAKING,
                    text::skills::WRITING,
                    "",
                ] {
                    ui.label(RichText::new(header).weak());
                }
                ui.end_row();
                let removed = list_editor::rows(&mut draft.languages, |_, language| {
                    let name = language.name.clone();
                    ui.label(RichText::new(&name).strong());
                    for (ability, level) in [
                        (text::skills::UNDERSTANDING, &mut language.understanding),
                        (text::skills::SPEAKING, &mut language.speaking),
                        (text::skills::WRITING, &mut language.writing),
                    ] {
                        let label = text::skills::language_ability(ability, &name);
                        form.changed |= level_box(ui, &label, enabled, level);
                    }
                    let remove = ui
                        .add_enabled(
                            enabled,
                            egui::Button::new(text::common::remove_named(&name)).small(),
                        )
                        .clicked();
                    ui.end_row();
                    remove
                });
                if removed.is_some() {
                    form.changed = true;
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label(text::skills::ADD_LANGUAGE);
            let response = ui
                .add_enabled(
                    enabled,
                    egui::TextEdit::singleline(&mut self.new_language)
                        .id(widgets::field_id(text::skills::ADD_LANGUAGE))
                        .hint_text(text::skills::ADD_LANGUAGE_HINT)
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .add_enabled(
                    enabled,
                    egui::Button::new(text::skills::ADD_LANGUAGE_BUTTON),
                )
                .clicked()
                || submitted)
                && !self.new_language.trim().is_empty()
            {
                let name = self.new_language.trim().to_owned();
                // "arabe" and "Arabe", "éwé" and "Éwé" are one language: said, not added twice.
                let folded = fold(&name);
                if let Some(kept) = draft.languages.iter().find(|l| fold(&l.name) == folded) {
                    self.language_message = Some(text::skills::language_exists(&kept.name));
                } else {
                    draft.languages.push(Language::named(name));
                    form.changed = true;
                    self.language_message = None;
                    self.new_language.clear();
                }
            }
            if let Some(message) = &self.language_message {
                widgets::error_message(ui, message);
            }
        });
    }
}

/// A CEFR level combo box for a language ability, labelled by `label` (for screen readers).
fn level_box(ui: &mut Ui, label: &str, enabled: bool, level: &mut CefrLevel) -> bool {
    let before = *level;
    ui.add_enabled_ui(enabled, |ui| {
        let response = egui::ComboBox::from_id_salt(label)
            .selected_text(short_level(*level))
            .width(90.0)
            .show_ui(ui, |ui| {
                for option in CefrLevel::ALL {
                    ui.selectable_value(level, option, short_level(option));
                }
            })
            .response;
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, enabled, label));
    });
    *level != before
}

/// A level as short as the grid's cells: "—" when not assessed.
fn short_level(level: CefrLevel) -> &'static str {
    match level {
        CefrLevel::NotAssessed => "—",
        CefrLevel::A0 => "A0",
        other => other.label(),
    }
}
