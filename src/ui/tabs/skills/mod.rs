//! The "Compétences" tab (phase 1): languages and the French level that sets the entry route,
//! experiences linked to ROME occupations, skills, diplomas and their recognition, transversal
//! skills, strengths and needs by life area, orientation to French-course partners, and the
//! valorisation profile built from all of it.
//!
//! One file per concern: `languages` (the languages' grid), `background` (experiences, skills,
//! diplomas), `orientation` (FLE referrals and the partner directory's window), `profile`
//! (transversal skills, life areas, the valorisation profile).

mod background;
mod languages;
mod orientation;
mod profile;

use std::collections::HashMap;

use egui::Ui;

use crate::model::PartnerId;
use crate::model::skills::rome::catalog;
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::widgets::rome_picker::RomePicker;
use crate::ui::widgets::{self, Form};
use crate::ui::{text, theme};

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
    partner_draft: Option<orientation::PartnerDraft>,
}

/// "Occupation label" for a ROME code, or the code alone if unknown.
fn occupation_label(code: &str) -> String {
    catalog()
        .occupation(code)
        .map_or_else(|| code.to_owned(), |o| format!("{} · {}", o.code, o.label))
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
        let mut form = Form::new(edit.errors, cx.writable);
        let draft = &mut *edit.draft;
        widgets::phase_section(ui, &mut form, draft, crate::model::Phase::Identification);
        self.languages_ui(ui, &mut form, draft);
        self.experiences_ui(ui, &mut form, draft, cx.today);
        background::skills_ui(ui, &mut form, draft);
        background::diplomas_ui(ui, &mut form, draft);
        profile::transversal_ui(ui, &mut form, draft);
        profile::life_areas_ui(ui, &mut form, draft);
        self.orientation_ui(ui, &mut form, draft, cx, out);
        self.profile_ui(ui, &mut form, draft, cx.today);
        ui.add_space(theme::SECTION_GAP);
        edit.changed |= form.changed;
    }
}
