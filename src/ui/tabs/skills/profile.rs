//! The assessment's summing-up: transversal skills rated 1 to 4, strengths and needs by life
//! area, and the valorisation profile (target occupations, strengths, diplomas).

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::BeneficiaryDraft;
use crate::model::skills::{
    AreaStatus, LifeArea, TransversalSkill, eqf_french_equivalent, years_by_occupation,
};
use crate::ui::widgets::{self, Form, list_editor};
use crate::ui::{text, theme};

use super::{SkillsPanel, occupation_label};

impl SkillsPanel {
    pub(super) fn profile_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::skills::PROFILE);
        ui.separator();
        ui.label(RichText::new(text::skills::TARGET_OCCUPATIONS).strong());
        let removed = list_editor::rows(&mut draft.skills.target_occupations, |_, code| {
            ui.horizontal(|ui| {
                ui.label(occupation_label(code));
                ui.add_enabled(
                    enabled,
                    egui::Button::new(text::common::remove_named(code)).small(),
                )
                .clicked()
            })
            .inner
        });
        if removed.is_some() {
            form.changed = true;
        }
        let mut new_target = None;
        let picker = self.pickers.entry("target".to_owned()).or_default();
        ui.horizontal(|ui| {
            picker.ui_with_id_salt(
                ui,
                "target-occupation",
                text::skills::ADD_TARGET,
                &mut new_target,
                enabled,
            );
        });
        if let Some(code) = new_target
            && !draft.skills.target_occupations.contains(&code)
        {
            draft.skills.target_occupations.push(code);
            form.changed = true;
        }
        let suggestions: Vec<String> = draft
            .skills
            .experiences
            .iter()
            .filter_map(|e| e.rome_code.clone())
            .filter(|c| !draft.skills.target_occupations.contains(c))
            .collect();
        for code in suggestions {
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(text::skills::target_from_experience(&occupation_label(
                        &code,
                    ))),
                )
                .clicked()
            {
                draft.skills.target_occupations.push(code);
                form.changed = true;
            }
        }

        let parsed = draft.skills.to_assessment(&mut Vec::new());
        widgets::info_section(ui, text::skills::STRENGTHS, |ui| {
            let strongest = parsed.strongest_skills(5);
            if strongest.is_empty() {
                widgets::info_row(ui, text::skills::STRONG_SKILLS, "");
            }
            for skill in strongest {
                widgets::info_row(ui, skill.level.label(), &skill.label);
            }
            for (code, years) in years_by_occupation(&parsed.experiences, today)
                .iter()
                .take(3)
            {
                widgets::info_row(ui, &text::skills::years(*years), &occupation_label(code));
            }
        });
        widgets::info_section(ui, text::skills::DIPLOMAS_AND_RECOGNITION, |ui| {
            if parsed.diplomas.is_empty() {
                widgets::info_row(ui, text::skills::DIPLOMAS, "");
            }
            for diploma in &parsed.diplomas {
                let level = diploma
                    .eqf_level
                    .map(|l| format!(" — {}", eqf_french_equivalent(l)))
                    .unwrap_or_default();
                widgets::info_row(
                    ui,
                    &format!("{}{level}", diploma.title),
                    diploma.recognition.label(),
                );
            }
        });
    }
}

/// The transversal skills, each rated 1 to 4 with a comment.
pub(super) fn transversal_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    form.section(ui, text::skills::TRANSVERSAL, |form, ui| {
        let options: [Option<u8>; 5] = [None, Some(1), Some(2), Some(3), Some(4)];
        for skill in TransversalSkill::ALL {
            let entry = draft.skills.transversal.entry(skill).or_default();
            form.changed |= widgets::choice_with_note(
                ui,
                skill.label(),
                form.enabled(),
                (&mut entry.rating, &options),
                &|r: Option<u8>| r.map_or_else(|| "—".to_owned(), |r| r.to_string()),
                (&mut entry.comment, text::skills::TRANSVERSAL_HINT),
            );
        }
    });
    // Unrated, uncommented lines are not stored.
    draft
        .skills
        .transversal
        .retain(|_, r| r.rating.is_some() || !r.comment.trim().is_empty());
}

/// Strengths and needs by life area, each with a note.
pub(super) fn life_areas_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    form.section(ui, text::skills::LIFE_AREAS, |form, ui| {
        for area in LifeArea::ALL {
            let entry = draft.skills.life_areas.entry(area).or_default();
            form.changed |= widgets::choice_with_note(
                ui,
                area.label(),
                form.enabled(),
                (&mut entry.status, &AreaStatus::ALL),
                &|s: AreaStatus| s.label().to_owned(),
                (&mut entry.note, text::skills::LIFE_AREA_HINT),
            );
        }
    });
    draft
        .skills
        .life_areas
        .retain(|_, a| a.status != AreaStatus::NotExplored || !a.note.trim().is_empty());
}
