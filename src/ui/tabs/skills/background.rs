//! What the person brings from before: experiences (each linked to a ROME occupation, with the
//! years counted by occupation), skills, and diplomas with their recognition in France.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::skills::rome::catalog;
use crate::model::skills::{
    DiplomaDraft, ExperienceDraft, ExperienceKind, Recognition, Skill, SkillLevel, Transferability,
    eqf_french_equivalent, years_by_occupation,
};
use crate::model::{BeneficiaryDraft, Field};
use crate::ui::text;
use crate::ui::widgets::{self, Form, list_editor};

use super::{SkillsPanel, occupation_label};

impl SkillsPanel {
    pub(super) fn experiences_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        let pickers = &mut self.pickers;
        let removed = list_editor::rows(&mut draft.skills.experiences, |i, experience| {
            let n = i + 1;
            let title = text::skills::experience_section(n, experience.title.trim());
            let mut remove = false;
            form.section_keyed(ui, ("experience", i), &title, |form, ui| {
                form.choice(
                    ui,
                    &text::skills::experience_kind(n),
                    &mut experience.kind,
                    &ExperienceKind::ALL,
                    |k| k.label().to_owned(),
                );
                form.text(
                    ui,
                    &text::skills::experience_title(n),
                    &mut experience.title,
                    Some(Field::ExperienceTitle(i)),
                );
                form.text(
                    ui,
                    &text::skills::experience_country(n),
                    &mut experience.country,
                    None,
                );
                form.text(
                    ui,
                    &text::skills::experience_employer(n),
                    &mut experience.employer,
                    None,
                );
                form.text_with_hint(
                    ui,
                    &text::skills::experience_start(n),
                    &mut experience.started,
                    Some(Field::ExperienceStart(i)),
                    text::skills::MONTH_HINT,
                );
                ui.label("");
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut experience.ongoing,
                            text::skills::experience_ongoing(n),
                        ),
                    )
                    .changed();
                ui.end_row();
                if !experience.ongoing {
                    form.text_with_hint(
                        ui,
                        &text::skills::experience_end(n),
                        &mut experience.ended,
                        Some(Field::ExperienceEnd(i)),
                        text::skills::MONTH_HINT,
                    );
                }
                form.multiline(
                    ui,
                    &text::skills::experience_description(n),
                    &mut experience.description,
                );
                let picker = pickers.entry(format!("experience-{i}")).or_default();
                form.changed |= picker.ui_with_id_salt(
                    ui,
                    ("experience", i),
                    &text::skills::experience_occupation(n),
                    &mut experience.rome_code,
                    enabled,
                );
                ui.end_row();
                remove = form.button_row(ui, &text::skills::remove_experience(n));
            });
            remove
        });
        if removed.is_some() {
            // The pickers are keyed by index: those below the one removed would show the
            // wrong search.
            self.pickers
                .retain(|key, _| !key.starts_with("experience-"));
            form.changed = true;
        }
        if list_editor::add_button(ui, enabled, text::skills::ADD_EXPERIENCE) {
            draft.skills.experiences.push(ExperienceDraft::default());
            form.changed = true;
        }
        let parsed = draft.skills.to_assessment(&mut Vec::new());
        let years = years_by_occupation(&parsed.experiences, today);
        if !years.is_empty() {
            widgets::info_section(ui, text::skills::YEARS_BY_OCCUPATION, |ui| {
                for (code, years) in &years {
                    widgets::info_row(ui, &occupation_label(code), &text::skills::years(*years));
                }
            });
        }
    }
}

/// The skills, one section each, and the buttons that add one (empty, or from an
/// experience's occupation).
pub(super) fn skills_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    let enabled = form.enabled();
    let removed = list_editor::rows(&mut draft.skills.skills, |i, skill| {
        let n = i + 1;
        let mut remove = false;
        form.section(ui, &text::skills::skill(n), |form, ui| {
            form.text(
                ui,
                &text::skills::skill(n),
                &mut skill.label,
                Some(Field::SkillLabel(i)),
            );
            form.choice(
                ui,
                &text::skills::skill_level(n),
                &mut skill.level,
                &SkillLevel::ALL,
                |l| l.label().to_owned(),
            );
            form.text(
                ui,
                &text::skills::skill_acquired_in(n),
                &mut skill.acquired_in,
                None,
            );
            form.choice(
                ui,
                &text::skills::skill_transferability(n),
                &mut skill.transferability,
                &Transferability::ALL,
                |t| t.label().to_owned(),
            );
            remove = form.button_row(ui, &text::skills::remove_skill(n));
        });
        remove
    });
    if removed.is_some() {
        form.changed = true;
    }
    ui.add_space(crate::ui::theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(enabled, egui::Button::new(text::skills::ADD_SKILL))
            .clicked()
        {
            draft.skills.skills.push(Skill::default());
            form.changed = true;
        }
        // One click turns an experience's occupation into a skill.
        let from_experiences: Vec<(String, String)> = draft
            .skills
            .experiences
            .iter()
            .filter_map(|e| {
                let occupation = catalog().occupation(e.rome_code.as_deref()?)?;
                Some((occupation.label.clone(), e.title.clone()))
            })
            .filter(|(label, _)| !draft.skills.skills.iter().any(|s| &s.label == label))
            .collect();
        for (label, acquired_in) in from_experiences {
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(text::skills::add_skill_named(&label)),
                )
                .clicked()
            {
                draft.skills.skills.push(Skill {
                    label,
                    acquired_in,
                    ..Skill::default()
                });
                form.changed = true;
            }
        }
    });
}

/// The diplomas, one section each: level, recognition in France, documents held.
pub(super) fn diplomas_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    let enabled = form.enabled();
    let removed = list_editor::rows(&mut draft.skills.diplomas, |i, diploma| {
        let n = i + 1;
        let mut remove = false;
        form.section(ui, &text::skills::diploma(n), |form, ui| {
            form.text(
                ui,
                &text::skills::diploma_title(n),
                &mut diploma.title,
                Some(Field::DiplomaTitle(i)),
            );
            form.text(
                ui,
                &text::skills::diploma_country(n),
                &mut diploma.country,
                None,
            );
            form.text_with_hint(
                ui,
                &text::skills::diploma_year(n),
                &mut diploma.year,
                Some(Field::DiplomaYear(i)),
                text::skills::YEAR_HINT,
            );
            let levels: Vec<Option<u8>> = std::iter::once(None).chain((1..=8).map(Some)).collect();
            form.choice(
                ui,
                &text::skills::diploma_eqf_level(n),
                &mut diploma.eqf_level,
                &levels,
                |l| {
                    l.map_or_else(
                        || text::skills::EQF_UNKNOWN.to_owned(),
                        |l| text::skills::eqf_level(l, eqf_french_equivalent(l)),
                    )
                },
            );
            form.text(
                ui,
                &text::skills::diploma_field(n),
                &mut diploma.field,
                None,
            );
            form.choice(
                ui,
                &text::skills::diploma_recognition(n),
                &mut diploma.recognition,
                &Recognition::ALL,
                |r| r.label().to_owned(),
            );
            if diploma.recognition != Recognition::None {
                form.date(
                    ui,
                    &text::skills::diploma_requested_on(n),
                    &mut diploma.requested_on,
                    Field::DiplomaRequestedOn(i),
                );
            }
            if matches!(
                diploma.recognition,
                Recognition::Obtained | Recognition::NotComparable
            ) {
                form.date(
                    ui,
                    &text::skills::diploma_decided_on(n),
                    &mut diploma.decided_on,
                    Field::DiplomaDecidedOn(i),
                );
            }
            ui.label(RichText::new(text::skills::DOCUMENTS_HELD).weak());
            ui.horizontal(|ui| {
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut diploma.has_original,
                            text::skills::diploma_original(n),
                        ),
                    )
                    .changed();
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut diploma.has_certified_translation,
                            text::skills::diploma_certified_translation(n),
                        ),
                    )
                    .changed();
            });
            ui.end_row();
            remove = form.button_row(ui, &text::skills::remove_diploma(n));
        });
        remove
    });
    if removed.is_some() {
        form.changed = true;
    }
    if list_editor::add_button(ui, enabled, text::skills::ADD_DIPLOMA) {
        draft.skills.diplomas.push(DiplomaDraft::default());
        form.changed = true;
    }
}
