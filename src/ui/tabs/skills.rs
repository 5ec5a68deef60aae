//! The "Compétences" tab (phase 1): languages and the French level that sets the entry route,
//! experiences linked to ROME occupations, skills, diplomas and their recognition, transversal
//! skills, strengths and needs by life area, orientation to French-course partners, and the
//! valorisation profile built from all of it.

use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::rome::catalog;
use crate::model::{
    AreaStatus, BeneficiaryDraft, CefrLevel, CourseKind, DiplomaDraft, ExperienceDraft,
    ExperienceKind, Field, FieldError, FlePartner, Language, LifeArea, PartnerId, Phase,
    Recognition, ReferralOutcome, Skill, SkillLevel, Transferability, TransversalSkill,
    eqf_french_equivalent, new_referral, years_by_occupation,
};
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::widgets::{self, Form, choice_box};
use crate::ui::{text, theme};

/// What the tab asks the app to do beyond editing the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkillsAction {
    /// Save this partner in the directory.
    SavePartner(FlePartner),
}

/// State of the tab: the occupation pickers, the language being added, the partner directory
/// window.
#[derive(Default)]
pub struct SkillsPanel {
    pickers: HashMap<String, RomePicker>,
    new_language: String,
    /// Why the language typed was not added (already in the list), shown beside the field.
    language_message: Option<String>,
    referral_partner: Option<PartnerId>,
    /// The partner edited in the directory window, while it is open.
    partner_draft: Option<PartnerDraft>,
}

/// A partner as edited in the directory window.
struct PartnerDraft {
    partner: FlePartner,
    places: String,
    error: Option<String>,
}

/// "Occupation label" for a ROME code, or the code alone if unknown.
fn occupation_label(code: &str) -> String {
    catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} · {}", o.code, o.label))
}

impl SkillsPanel {
    /// Draws the tab; returns whether the record's draft changed, and an action for the app.
    fn draw(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        errors: &[FieldError],
        enabled: bool,
        today: NaiveDate,
        partners: &[FlePartner],
    ) -> (bool, Option<SkillsAction>) {
        let mut form = Form::new(errors, enabled);
        self.phase_ui(ui, &mut form, draft);
        self.languages_ui(ui, &mut form, draft);
        self.experiences_ui(ui, &mut form, draft, today);
        skills_ui(ui, &mut form, draft);
        diplomas_ui(ui, &mut form, draft);
        transversal_ui(ui, &mut form, draft);
        life_areas_ui(ui, &mut form, draft);
        let action = self.orientation_ui(ui, &mut form, draft, today, partners);
        self.profile_ui(ui, &mut form, draft, today);
        ui.add_space(theme::SECTION_GAP);
        (form.changed, action)
    }

    #[allow(clippy::unused_self)] // Kept a method like its siblings: the tab reads top-down.
    fn phase_ui(&self, ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
        widgets::phase_section(ui, form, draft, Phase::Identification);
    }

    fn languages_ui(&mut self, ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
        form.section(ui, "Langues", |form, ui| {
            widgets::french_abilities_rows(form, ui, draft);
            widgets::french_level_rows(form, ui, draft);
        });
        let enabled = form.enabled();
        egui::Grid::new("languages-grid")
            .num_columns(5)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for header in [
                    "Autre langue",
                    "Compréhension",
                    "Expression orale",
                    "Écrit",
                    "",
                ] {
                    ui.label(RichText::new(header).weak());
                }
                ui.end_row();
                let mut remove = None;
                for (i, language) in draft.languages.iter_mut().enumerate() {
                    let name = language.name.clone();
                    ui.label(RichText::new(&name).strong());
                    for (ability, level) in [
                        ("Compréhension", &mut language.understanding),
                        ("Expression orale", &mut language.speaking),
                        ("Écrit", &mut language.writing),
                    ] {
                        let label = format!("{ability} ({name})");
                        form.changed |= level_box(ui, &label, enabled, level);
                    }
                    if ui
                        .add_enabled(
                            enabled,
                            egui::Button::new(format!("Retirer ({name})")).small(),
                        )
                        .clicked()
                    {
                        remove = Some(i);
                    }
                    ui.end_row();
                }
                if let Some(i) = remove {
                    draft.languages.remove(i);
                    form.changed = true;
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label("Ajouter une langue");
            let response = ui
                .add_enabled(
                    enabled,
                    egui::TextEdit::singleline(&mut self.new_language)
                        .id(widgets::field_id("Ajouter une langue"))
                        .hint_text("arabe, peul, anglais…")
                        .desired_width(200.0),
                )
                .labelled_by(label.id);
            let submitted = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .add_enabled(enabled, egui::Button::new("Ajouter la langue"))
                .clicked()
                || submitted)
                && !self.new_language.trim().is_empty()
            {
                let name = self.new_language.trim().to_owned();
                // "arabe" and "Arabe", "éwé" and "Éwé" are one language: said, not added twice.
                let folded = crate::model::fold(&name);
                if let Some(kept) = draft
                    .languages
                    .iter()
                    .find(|l| crate::model::fold(&l.name) == folded)
                {
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

    fn experiences_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        let mut remove = None;
        for (i, experience) in draft.skills.experiences.iter_mut().enumerate() {
            let n = i + 1;
            let title = if experience.title.trim().is_empty() {
                format!("Expérience {n}")
            } else {
                format!("Expérience {n} · {}", experience.title.trim())
            };
            form.section_keyed(ui, ("experience", i), &title, |form, ui| {
                form.choice(
                    ui,
                    &format!("Type (expérience {n})"),
                    &mut experience.kind,
                    &ExperienceKind::ALL,
                    |k| k.label().to_owned(),
                );
                form.text(
                    ui,
                    &format!("Intitulé (expérience {n})"),
                    &mut experience.title,
                    Some(Field::ExperienceTitle(i)),
                );
                form.text(
                    ui,
                    &format!("Pays (expérience {n})"),
                    &mut experience.country,
                    None,
                );
                form.text(
                    ui,
                    &format!("Employeur ou contexte (expérience {n})"),
                    &mut experience.employer,
                    None,
                );
                form.text_with_hint(
                    ui,
                    &format!("Début (expérience {n})"),
                    &mut experience.started,
                    Some(Field::ExperienceStart(i)),
                    "MM/AAAA",
                );
                ui.label("");
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut experience.ongoing,
                            format!("En cours (expérience {n})"),
                        ),
                    )
                    .changed();
                ui.end_row();
                if !experience.ongoing {
                    form.text_with_hint(
                        ui,
                        &format!("Fin (expérience {n})"),
                        &mut experience.ended,
                        Some(Field::ExperienceEnd(i)),
                        "MM/AAAA",
                    );
                }
                form.multiline(
                    ui,
                    &format!("Description (expérience {n})"),
                    &mut experience.description,
                );
                let picker = self.pickers.entry(format!("experience-{i}")).or_default();
                form.changed |= picker.ui_with_id_salt(
                    ui,
                    ("experience", i),
                    &format!("Métier ROME (expérience {n})"),
                    &mut experience.rome_code,
                    enabled,
                );
                ui.end_row();
                if form.button_row(ui, &format!("Retirer l'expérience {n}")) {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            draft.skills.experiences.remove(i);
            self.pickers
                .retain(|key, _| !key.starts_with("experience-"));
            form.changed = true;
        }
        ui.add_space(theme::SPACE_S);
        if ui
            .add_enabled(enabled, egui::Button::new("Ajouter une expérience"))
            .clicked()
        {
            draft.skills.experiences.push(ExperienceDraft::default());
            form.changed = true;
        }
        let parsed = draft.skills.to_assessment(&mut Vec::new());
        let years = years_by_occupation(&parsed.experiences, today);
        if !years.is_empty() {
            widgets::info_section(ui, "Années d'expérience par métier", |ui| {
                for (code, years) in &years {
                    widgets::info_row(ui, &occupation_label(code), &format_years(*years));
                }
            });
        }
    }

    fn orientation_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
        partners: &[FlePartner],
    ) -> Option<SkillsAction> {
        let enabled = form.enabled();
        let mut remove = None;
        form.section(
            ui,
            "Orientation vers des cours de français (FLE)",
            |form, ui| {
                for (i, referral) in draft.skills.referrals.iter_mut().enumerate() {
                    let n = i + 1;
                    ui.label(RichText::new(format!("Orientation {n}")).weak());
                    ui.label(RichText::new(&referral.partner_name).strong());
                    ui.end_row();
                    form.date(
                        ui,
                        &format!("Orienté·e le (orientation {n})"),
                        &mut referral.referred_on,
                        Field::ReferralDate(i),
                    );
                    form.choice(
                        ui,
                        &format!("Suite (orientation {n})"),
                        &mut referral.outcome,
                        &ReferralOutcome::ALL,
                        |o| o.label().to_owned(),
                    );
                    form.text(
                        ui,
                        &format!("Note (orientation {n})"),
                        &mut referral.note,
                        None,
                    );
                    if form.button_row(ui, &format!("Retirer l'orientation {n}")) {
                        remove = Some(i);
                    }
                }
                if draft.needs_literacy() {
                    ui.label("");
                    ui.label(RichText::new(text::common::LITERACY_ROUTE).strong());
                    ui.end_row();
                }
                if partners.is_empty() {
                    ui.label("");
                    ui.label(
                        RichText::new("L'annuaire des partenaires FLE est vide : ajoutez-en un.")
                            .italics(),
                    );
                    ui.end_row();
                } else {
                    if self
                        .referral_partner
                        .is_none_or(|id| !partners.iter().any(|p| p.id == id))
                    {
                        self.referral_partner = partners.first().map(|p| p.id);
                    }
                    let label = ui.label("Partenaire");
                    let options: Vec<Option<PartnerId>> =
                        partners.iter().map(|p| Some(p.id)).collect();
                    let name_of = |id: Option<PartnerId>| {
                        partners
                            .iter()
                            .find(|p| Some(p.id) == id)
                            .map_or_else(String::new, partner_summary)
                    };
                    ui.horizontal(|ui| {
                        choice_box(
                            ui,
                            "referral-partner",
                            label.id,
                            enabled,
                            &mut self.referral_partner,
                            &options,
                            &name_of,
                        );
                        if ui
                            .add_enabled(enabled, egui::Button::new("Orienter vers ce partenaire"))
                            .clicked()
                            && let Some(partner) = partners
                                .iter()
                                .find(|p| Some(p.id) == self.referral_partner)
                        {
                            draft.skills.referrals.push(new_referral(
                                partner.id,
                                &partner.name,
                                today,
                            ));
                            form.changed = true;
                        }
                    });
                    ui.end_row();
                }
            },
        );
        if let Some(i) = remove {
            draft.skills.referrals.remove(i);
            form.changed = true;
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new("Ajouter un partenaire à l'annuaire"),
                )
                .clicked()
            {
                self.partner_draft = Some(PartnerDraft {
                    partner: FlePartner::default(),
                    places: String::new(),
                    error: None,
                });
            }
            if !partners.is_empty() {
                ui.menu_button("Modifier un partenaire", |ui| {
                    for partner in partners {
                        if ui.button(&partner.name).clicked() {
                            self.partner_draft = Some(PartnerDraft {
                                partner: partner.clone(),
                                places: partner
                                    .places_available
                                    .map(|p| p.to_string())
                                    .unwrap_or_default(),
                                error: None,
                            });
                        }
                    }
                });
            }
        });
        self.partner_window(ui.ctx())
    }

    fn partner_window(&mut self, ctx: &egui::Context) -> Option<SkillsAction> {
        let edit = self.partner_draft.as_mut()?;
        let mut open = true;
        let mut action = None;
        let mut close = false;
        egui::Window::new("Partenaire FLE")
            .open(&mut open)
            .collapsible(false)
            .default_width(480.0)
            .show(ctx, |ui| {
                let mut form = Form::new(&[], true);
                let partner = &mut edit.partner;
                form.section(ui, "Annuaire des partenaires FLE", |form, ui| {
                    form.text(ui, "Nom du partenaire", &mut partner.name, None);
                    form.text(ui, "Adresse du partenaire", &mut partner.address, None);
                    form.text_with_hint(
                        ui,
                        "Jours et horaires",
                        &mut partner.schedule,
                        None,
                        "lundi et jeudi 9h-12h",
                    );
                    form.text(ui, "Contact du partenaire", &mut partner.contact, None);
                    form.text(ui, "Places disponibles", &mut edit.places, None);
                    form.choice(
                        ui,
                        text::skills::COURSE_KIND,
                        &mut partner.course,
                        &CourseKind::ALL,
                        |k| k.label().to_owned(),
                    );
                    ui.label("Niveaux enseignés");
                    ui.horizontal_wrapped(|ui| {
                        for level in CefrLevel::ALL.into_iter().skip(1) {
                            let mut taught = partner.levels_taught.contains(&level);
                            let name = match level {
                                CefrLevel::A0 => "A0",
                                other => other.label(),
                            };
                            if ui.checkbox(&mut taught, name).changed() {
                                partner.levels_taught.retain(|&l| l != level);
                                if taught {
                                    partner.levels_taught.push(level);
                                    partner.levels_taught.sort();
                                }
                            }
                        }
                    });
                    ui.end_row();
                });
                if let Some(error) = &edit.error {
                    ui.label(RichText::new(error).color(theme::ERROR));
                }
                ui.horizontal(|ui| {
                    if ui.button("Enregistrer le partenaire").clicked() {
                        let places = edit.places.trim();
                        match (places.is_empty(), places.parse::<u32>()) {
                            _ if edit.partner.name.trim().is_empty() => {
                                edit.error =
                                    Some("Le nom du partenaire est obligatoire.".to_owned());
                            }
                            (true, _) => {
                                edit.partner.places_available = None;
                                action = Some(SkillsAction::SavePartner(edit.partner.clone()));
                                close = true;
                            }
                            (false, Ok(n)) => {
                                edit.partner.places_available = Some(n);
                                action = Some(SkillsAction::SavePartner(edit.partner.clone()));
                                close = true;
                            }
                            (false, Err(_)) => {
                                edit.error =
                                    Some("Nombre de places : un nombre entier.".to_owned());
                            }
                        }
                    }
                    if ui.button(text::common::CANCEL).clicked() {
                        close = true;
                    }
                });
            });
        if close || !open {
            self.partner_draft = None;
        }
        action
    }

    fn profile_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        today: NaiveDate,
    ) {
        let enabled = form.enabled();
        ui.add_space(theme::SECTION_GAP);
        ui.heading("Profil de valorisation");
        ui.separator();
        ui.label(RichText::new("Métiers visés").strong());
        let mut remove = None;
        for (i, code) in draft.skills.target_occupations.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(occupation_label(code));
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(format!("Retirer ({code})")).small(),
                    )
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            draft.skills.target_occupations.remove(i);
            form.changed = true;
        }
        let mut new_target = None;
        let picker = self.pickers.entry("target".to_owned()).or_default();
        ui.horizontal(|ui| {
            picker.ui_with_id_salt(
                ui,
                "target-occupation",
                "Ajouter un métier visé",
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
                    egui::Button::new(format!(
                        "Viser « {} » (expérience)",
                        occupation_label(&code)
                    )),
                )
                .clicked()
            {
                draft.skills.target_occupations.push(code);
                form.changed = true;
            }
        }

        let parsed = draft.skills.to_assessment(&mut Vec::new());
        widgets::info_section(ui, "Points forts", |ui| {
            let strongest = parsed.strongest_skills(5);
            if strongest.is_empty() {
                widgets::info_row(ui, "Compétences confirmées ou expertes", "");
            }
            for skill in strongest {
                widgets::info_row(ui, skill.level.label(), &skill.label);
            }
            for (code, years) in years_by_occupation(&parsed.experiences, today)
                .iter()
                .take(3)
            {
                widgets::info_row(ui, &format_years(*years), &occupation_label(code));
            }
        });
        widgets::info_section(ui, "Diplômes et reconnaissance", |ui| {
            if parsed.diplomas.is_empty() {
                widgets::info_row(ui, "Diplômes", "");
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

fn format_years(years: f32) -> String {
    let tenths = (years * 10.0).round() / 10.0;
    if tenths <= 1.0 {
        format!("{tenths} an")
    } else {
        format!("{tenths} ans")
    }
    .replace('.', ",")
}

fn partner_summary(partner: &FlePartner) -> String {
    let places = partner
        .places_available
        .map_or_else(String::new, |n| format!(" — {n} place(s)"));
    let course = match partner.course {
        CourseKind::Fle => "",
        CourseKind::Literacy => " (alphabétisation)",
    };
    format!("{}{course}{places}", partner.name)
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

fn short_level(level: CefrLevel) -> &'static str {
    match level {
        CefrLevel::NotAssessed => "—",
        CefrLevel::A0 => "A0",
        other => other.label(),
    }
}

fn skills_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    let enabled = form.enabled();
    let mut remove = None;
    for (i, skill) in draft.skills.skills.iter_mut().enumerate() {
        let n = i + 1;
        form.section(ui, &format!("Compétence {n}"), |form, ui| {
            form.text(
                ui,
                &format!("Compétence {n}"),
                &mut skill.label,
                Some(Field::SkillLabel(i)),
            );
            form.choice(
                ui,
                &format!("Niveau (compétence {n})"),
                &mut skill.level,
                &SkillLevel::ALL,
                |l| l.label().to_owned(),
            );
            form.text(
                ui,
                &format!("Acquise (compétence {n})"),
                &mut skill.acquired_in,
                None,
            );
            form.choice(
                ui,
                &format!("Transférabilité (compétence {n})"),
                &mut skill.transferability,
                &Transferability::ALL,
                |t| t.label().to_owned(),
            );
            if form.button_row(ui, &format!("Retirer la compétence {n}")) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        draft.skills.skills.remove(i);
        form.changed = true;
    }
    ui.add_space(theme::SPACE_S);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(enabled, egui::Button::new("Ajouter une compétence"))
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
                .add_enabled(enabled, egui::Button::new(format!("Ajouter « {label} »")))
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

fn diplomas_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    let enabled = form.enabled();
    let mut remove = None;
    for (i, diploma) in draft.skills.diplomas.iter_mut().enumerate() {
        let n = i + 1;
        form.section(ui, &format!("Diplôme {n}"), |form, ui| {
            form.text(
                ui,
                &format!("Intitulé (diplôme {n})"),
                &mut diploma.title,
                Some(Field::DiplomaTitle(i)),
            );
            form.text(
                ui,
                &format!("Pays (diplôme {n})"),
                &mut diploma.country,
                None,
            );
            form.text_with_hint(
                ui,
                &format!("Année (diplôme {n})"),
                &mut diploma.year,
                Some(Field::DiplomaYear(i)),
                "AAAA",
            );
            let levels: Vec<Option<u8>> = std::iter::once(None).chain((1..=8).map(Some)).collect();
            form.choice(
                ui,
                &format!("Niveau CEC (diplôme {n})"),
                &mut diploma.eqf_level,
                &levels,
                |l| {
                    l.map_or_else(
                        || "Non précisé".to_owned(),
                        |l| format!("CEC {l} — {}", eqf_french_equivalent(l)),
                    )
                },
            );
            form.text(
                ui,
                &format!("Domaine (diplôme {n})"),
                &mut diploma.field,
                None,
            );
            form.choice(
                ui,
                &format!("Reconnaissance (diplôme {n})"),
                &mut diploma.recognition,
                &Recognition::ALL,
                |r| r.label().to_owned(),
            );
            if diploma.recognition != Recognition::None {
                form.date(
                    ui,
                    &format!("Demandée le (diplôme {n})"),
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
                    &format!("Réponse le (diplôme {n})"),
                    &mut diploma.decided_on,
                    Field::DiplomaDecidedOn(i),
                );
            }
            ui.label(RichText::new("Documents détenus").weak());
            ui.horizontal(|ui| {
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut diploma.has_original,
                            format!("Original (diplôme {n})"),
                        ),
                    )
                    .changed();
                form.changed |= ui
                    .add_enabled(
                        enabled,
                        egui::Checkbox::new(
                            &mut diploma.has_certified_translation,
                            format!("Traduction certifiée (diplôme {n})"),
                        ),
                    )
                    .changed();
            });
            ui.end_row();
            if form.button_row(ui, &format!("Retirer le diplôme {n}")) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        draft.skills.diplomas.remove(i);
        form.changed = true;
    }
    ui.add_space(theme::SPACE_S);
    if ui
        .add_enabled(enabled, egui::Button::new("Ajouter un diplôme"))
        .clicked()
    {
        draft.skills.diplomas.push(DiplomaDraft::default());
        form.changed = true;
    }
}

fn transversal_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    form.section(
        ui,
        "Compétences transversales (1 : à développer … 4 : point fort)",
        |form, ui| {
            let options: [Option<u8>; 5] = [None, Some(1), Some(2), Some(3), Some(4)];
            for skill in TransversalSkill::ALL {
                let entry = draft.skills.transversal.entry(skill).or_default();
                form.changed |= widgets::choice_with_note(
                    ui,
                    skill.label(),
                    form.enabled(),
                    (&mut entry.rating, &options),
                    &|r: Option<u8>| r.map_or_else(|| "—".to_owned(), |r| r.to_string()),
                    (&mut entry.comment, "commentaire"),
                );
            }
        },
    );
    // Unrated, uncommented lines are not stored.
    draft
        .skills
        .transversal
        .retain(|_, r| r.rating.is_some() || !r.comment.trim().is_empty());
}

fn life_areas_ui(ui: &mut Ui, form: &mut Form<'_>, draft: &mut BeneficiaryDraft) {
    form.section(
        ui,
        "Atouts et besoins par domaine (les besoins deviennent des objectifs en phase 2)",
        |form, ui| {
            for area in LifeArea::ALL {
                let entry = draft.skills.life_areas.entry(area).or_default();
                form.changed |= widgets::choice_with_note(
                    ui,
                    area.label(),
                    form.enabled(),
                    (&mut entry.status, &AreaStatus::ALL),
                    &|s: AreaStatus| s.label().to_owned(),
                    (&mut entry.note, "note"),
                );
            }
        },
    );
    draft
        .skills
        .life_areas
        .retain(|_, a| a.status != AreaStatus::NotExplored || !a.note.trim().is_empty());
}

impl RecordTab for SkillsPanel {
    fn label(&self) -> &'static str {
        text::skills::TAB_SKILLS
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let (changed, action) = self.draw(
            ui,
            edit.draft,
            edit.errors,
            cx.writable,
            cx.today,
            cx.partners,
        );
        edit.changed |= changed;
        if let Some(SkillsAction::SavePartner(partner)) = action {
            out.push(Command::SavePartner(partner));
        }
    }
}
