//! Orientation to French courses: the referrals to partners of the directory, the choice of
//! a partner, and the directory's window where a partner is added or edited (saved through
//! [`Command::SavePartner`]).

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::record::Purpose;
use crate::model::skills::{CourseKind, FlePartner, ReferralOutcome, new_referral};
use crate::model::{BeneficiaryDraft, CefrLevel, Field, PartnerId};
use crate::ui::command::Command;
use crate::ui::context::ViewContext;
use crate::ui::widgets::consent_gate::ConsentGate;
use crate::ui::widgets::{Form, choice_box, list_editor};
use crate::ui::{text, theme};

use super::SkillsPanel;

/// A partner as edited in the directory window.
pub(super) struct PartnerDraft {
    partner: FlePartner,
    places: String,
    error: Option<String>,
}

impl PartnerDraft {
    /// `partner` as the window edits it (a new one: the default partner).
    fn of(partner: FlePartner) -> Self {
        Self {
            places: partner
                .places_available
                .map(|p| p.to_string())
                .unwrap_or_default(),
            partner,
            error: None,
        }
    }
}

impl SkillsPanel {
    pub(super) fn orientation_ui(
        &mut self,
        ui: &mut Ui,
        form: &mut Form<'_>,
        draft: &mut BeneficiaryDraft,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    ) {
        let partners = cx.partners;
        let enabled = form.enabled();
        form.section(ui, text::skills::ORIENTATION, |form, ui| {
            let removed = list_editor::rows(&mut draft.skills.referrals, |i, referral| {
                let n = i + 1;
                ui.label(RichText::new(text::skills::referral(n)).weak());
                ui.label(RichText::new(&referral.partner_name).strong());
                ui.end_row();
                form.date(
                    ui,
                    &text::skills::referral_date(n),
                    &mut referral.referred_on,
                    Field::ReferralDate(i),
                );
                form.choice(
                    ui,
                    &text::skills::referral_outcome(n),
                    &mut referral.outcome,
                    &ReferralOutcome::ALL,
                    |o| o.label().to_owned(),
                );
                form.text(
                    ui,
                    &text::skills::referral_note(n),
                    &mut referral.note,
                    None,
                );
                form.button_row(ui, &text::skills::remove_referral(n))
            });
            if removed.is_some() {
                form.changed = true;
            }
            if draft.needs_literacy() {
                ui.label("");
                ui.label(RichText::new(text::common::LITERACY_ROUTE).strong());
                ui.end_row();
            }
            if partners.is_empty() {
                ui.label("");
                ui.label(RichText::new(text::skills::NO_PARTNER).italics());
                ui.end_row();
            } else {
                form.changed |= self.referral_row(ui, enabled, draft, gate(cx), partners, cx.today);
                ui.end_row();
            }
        });
        form.changed |= Self::referral_gate_ui(ui, enabled, draft, cx);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(enabled, egui::Button::new(text::skills::ADD_PARTNER))
                .clicked()
            {
                self.partner_draft = Some(PartnerDraft::of(FlePartner::default()));
            }
            if !partners.is_empty() {
                ui.menu_button(text::skills::EDIT_PARTNER, |ui| {
                    for partner in partners {
                        if ui.button(&partner.name).clicked() {
                            self.partner_draft = Some(PartnerDraft::of(partner.clone()));
                        }
                    }
                });
            }
        });
        self.partner_window(ui.ctx(), out);
    }

    /// The partner to refer to, and the button that adds the referral; returns whether one
    /// was added.
    fn referral_row(
        &mut self,
        ui: &mut Ui,
        enabled: bool,
        draft: &mut BeneficiaryDraft,
        gate: ConsentGate,
        partners: &[FlePartner],
        today: NaiveDate,
    ) -> bool {
        if self
            .referral_partner
            .is_none_or(|id| !partners.iter().any(|p| p.id == id))
        {
            self.referral_partner = partners.first().map(|p| p.id);
        }
        let label = ui.label(text::skills::PARTNER);
        let options: Vec<Option<PartnerId>> = partners.iter().map(|p| Some(p.id)).collect();
        let name_of = |id: Option<PartnerId>| {
            partners
                .iter()
                .find(|p| Some(p.id) == id)
                .map_or_else(String::new, partner_summary)
        };
        let mut added = false;
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
                .add_enabled(enabled, egui::Button::new(text::skills::REFER))
                .clicked()
                && let Some(partner) = self.referral_partner
                && let Some(partner) = gate.ask(ui.ctx(), &draft.protection, partner)
            {
                added = refer(draft, partners, partner, today);
            }
        });
        added
    }

    /// While a referral waits for the person's consent: the consent gate, under the section.
    /// Returns whether the referral was then added.
    fn referral_gate_ui(
        ui: &mut Ui,
        enabled: bool,
        draft: &mut BeneficiaryDraft,
        cx: &ViewContext<'_>,
    ) -> bool {
        let (gate, partners, today) = (gate(cx), cx.partners, cx.today);
        if gate.pending::<PartnerId>(ui.ctx()).is_none() {
            return false;
        }
        let by = draft.referent.clone();
        gate.ui::<PartnerId>(ui, &mut draft.protection, &by, today, enabled)
            .is_some_and(|partner| {
                refer(draft, partners, partner, today);
                // The consent or the override changed the record, referral or not.
                true
            })
    }
}

/// The gate on referrals of the record shown: they share the language profile with a
/// French-course partner.
fn gate(cx: &ViewContext<'_>) -> ConsentGate {
    ConsentGate::new(
        ("referral", cx.shown.map(|b| b.id)),
        Purpose::ShareWithLanguagePartners,
    )
}

/// Adds a referral to `partner` of the directory, dated `today`; returns whether it was.
fn refer(
    draft: &mut BeneficiaryDraft,
    partners: &[FlePartner],
    partner: PartnerId,
    today: NaiveDate,
) -> bool {
    let Some(partner) = partners.iter().find(|p| p.id == partner) else {
        return false;
    };
    draft
        .skills
        .referrals
        .push(new_referral(partner.id, &partner.name, today));
    true
}

impl SkillsPanel {
    /// The directory's window, while a partner is edited; a saved partner becomes a
    /// [`Command::SavePartner`].
    fn partner_window(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some(edit) = self.partner_draft.as_mut() else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(text::skills::PARTNER_WINDOW)
            .open(&mut open)
            .collapsible(false)
            .default_width(480.0)
            .show(ctx, |ui| {
                partner_form(ui, edit);
                if let Some(error) = &edit.error {
                    ui.label(RichText::new(error).color(theme::ERROR));
                }
                ui.horizontal(|ui| {
                    if ui.button(text::skills::SAVE_PARTNER).clicked() {
                        let places = edit.places.trim();
                        match (places.is_empty(), places.parse::<u32>()) {
                            _ if edit.partner.name.trim().is_empty() => {
                                edit.error = Some(text::skills::PARTNER_NAME_REQUIRED.to_owned());
                            }
                            (true, _) => {
                                edit.partner.places_available = None;
                                out.push(Command::SavePartner(edit.partner.clone()));
                                close = true;
                            }
                            (false, Ok(n)) => {
                                edit.partner.places_available = Some(n);
                                out.push(Command::SavePartner(edit.partner.clone()));
                                close = true;
                            }
                            (false, Err(_)) => {
                                edit.error = Some(text::skills::PARTNER_PLACES_INVALID.to_owned());
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
    }
}

/// The partner's fields, in the directory window.
fn partner_form(ui: &mut Ui, edit: &mut PartnerDraft) {
    let mut form = Form::new(&[], true);
    let partner = &mut edit.partner;
    form.section(ui, text::skills::PARTNER_DIRECTORY, |form, ui| {
        form.text(ui, text::skills::PARTNER_NAME, &mut partner.name, None);
        form.text(
            ui,
            text::skills::PARTNER_ADDRESS,
            &mut partner.address,
            None,
        );
        form.text_with_hint(
            ui,
            text::skills::PARTNER_SCHEDULE,
            &mut partner.schedule,
            None,
            text::skills::PARTNER_SCHEDULE_HINT,
        );
        form.text(
            ui,
            text::skills::PARTNER_CONTACT,
            &mut partner.contact,
            None,
        );
        form.text(ui, text::skills::PARTNER_PLACES, &mut edit.places, None);
        form.choice(
            ui,
            text::skills::COURSE_KIND,
            &mut partner.course,
            &CourseKind::ALL,
            |k| k.label().to_owned(),
        );
        ui.label(text::skills::LEVELS_TAUGHT);
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
}

/// A partner in the referral's choice: name, course kind, places.
fn partner_summary(partner: &FlePartner) -> String {
    text::skills::partner_summary(
        &partner.name,
        partner.course == CourseKind::Literacy,
        partner.places_available,
    )
}
