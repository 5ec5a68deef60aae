//! The consent gate: before an action that shares the person's data (proposing an offer,
//! saving the CV, booking the crèche, referring to a French-course partner), the purpose is
//! checked on the form's record. Without a consent given, the action waits; beside it, the
//! gate says why and offers to record the person's consent (oral, today, by the referent) or
//! to pass over it with a written reason, kept in the record as a [`ConsentOverride`]. Either
//! way the action then goes on.
//!
//! The action waiting is kept in egui's memory under the gate's id, so that a panel needs no
//! field of its own for it.

use std::hash::Hash;

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use crate::model::record::{
    ConsentEntry, ConsentMethod, ConsentOverride, ConsentState, Protection, Purpose,
};
use crate::ui::text::widgets as words;
use crate::ui::theme;

/// What the gate remembers between frames: the action asked for, and the override being
/// written.
#[derive(Clone)]
struct GateState<A> {
    pending: Option<A>,
    overriding: bool,
    reason: String,
    error: bool,
}

impl<A> Default for GateState<A> {
    fn default() -> Self {
        Self {
            pending: None,
            overriding: false,
            reason: String::new(),
            error: false,
        }
    }
}

/// A gate on one purpose, at one place of the window.
#[derive(Debug, Clone, Copy)]
pub struct ConsentGate {
    id: egui::Id,
    purpose: Purpose,
}

/// Who the people are who would receive the data, after "la transmission".
const fn recipients(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::ShareWithCompanies => words::TO_COMPANIES,
        Purpose::ShareWithCreche => words::TO_CRECHE,
        Purpose::ShareWithLanguagePartners => words::TO_LANGUAGE_PARTNERS,
        Purpose::Statistics => words::TO_STATISTICS,
        Purpose::FollowUp => words::TO_FOLLOW_UP,
    }
}

impl ConsentGate {
    /// The gate on `purpose`, its state kept under `id_salt`.
    #[must_use]
    pub fn new(id_salt: impl Hash + std::fmt::Debug, purpose: Purpose) -> Self {
        Self {
            id: egui::Id::unique(("consent-gate", id_salt)),
            purpose,
        }
    }

    /// The action is asked for: returned at once when `protection` allows the purpose;
    /// otherwise it waits for [`Self::ui`] (and `None`).
    pub fn ask<A: Clone + Send + Sync + 'static>(
        &self,
        ctx: &egui::Context,
        protection: &Protection,
        action: A,
    ) -> Option<A> {
        if protection.allows(self.purpose) {
            ctx.data_mut(|d| d.remove::<GateState<A>>(self.id));
            return Some(action);
        }
        ctx.data_mut(|d| {
            d.insert_temp(
                self.id,
                GateState {
                    pending: Some(action),
                    ..GateState::default()
                },
            );
        });
        None
    }

    /// The action waiting for a decision, if any.
    #[must_use]
    pub fn pending<A: Clone + Send + Sync + 'static>(&self, ctx: &egui::Context) -> Option<A> {
        ctx.data(|d| d.get_temp::<GateState<A>>(self.id))
            .and_then(|s| s.pending)
    }

    /// While an action waits: why, "Enregistrer son accord" and "Passer outre…" (with its
    /// reason). Returns the action once the consent or the override is recorded into
    /// `protection` (dated `today`, by `by`): the caller then does it, and marks the form
    /// changed.
    pub fn ui<A: Clone + Send + Sync + 'static>(
        &self,
        ui: &mut Ui,
        protection: &mut Protection,
        by: &str,
        today: NaiveDate,
        enabled: bool,
    ) -> Option<A> {
        let mut state = ui.data(|d| d.get_temp::<GateState<A>>(self.id))?;
        state.pending.as_ref()?;
        let refused = protection
            .current(self.purpose)
            .filter(|e| e.state != ConsentState::Given)
            .map(|e| e.state.label());
        let mut release = false;
        ui.vertical(|ui| {
            ui.label(
                RichText::new(words::consent_missing(recipients(self.purpose), refused))
                    .strong()
                    .color(theme::WARNING),
            );
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(enabled, egui::Button::new(words::RECORD_CONSENT))
                    .on_hover_text(words::RECORD_CONSENT_HOVER)
                    .clicked()
                {
                    protection.record(ConsentEntry {
                        purpose: self.purpose,
                        state: ConsentState::Given,
                        date: today,
                        method: ConsentMethod::Oral,
                        by: by.trim().to_owned(),
                    });
                    release = true;
                }
                if ui
                    .add_enabled(enabled, egui::Button::new(words::OVERRIDE))
                    .clicked()
                {
                    state.overriding = true;
                }
                if ui.button(crate::ui::text::common::CANCEL).clicked() {
                    state = GateState::default();
                }
            });
            if state.overriding && state.pending.is_some() {
                let label = ui.label(words::OVERRIDE_REASON);
                ui.add_enabled(
                    enabled,
                    TextEdit::multiline(&mut state.reason)
                        .desired_rows(2)
                        .desired_width(theme::FIELD_WIDTH * 2.0),
                )
                .labelled_by(label.id);
                if state.error {
                    ui.label(RichText::new(words::OVERRIDE_REASON_REQUIRED).color(theme::ERROR));
                }
                if ui
                    .add_enabled(enabled, egui::Button::new(words::OVERRIDE_CONFIRM))
                    .clicked()
                {
                    let reason = state.reason.trim();
                    if reason.is_empty() {
                        state.error = true;
                    } else {
                        protection.overrides.push(ConsentOverride {
                            purpose: self.purpose,
                            date: today,
                            reason: reason.to_owned(),
                            by: by.trim().to_owned(),
                        });
                        release = true;
                    }
                }
            }
        });
        ui.add_space(theme::SPACE_XS);
        let action = if release { state.pending.take() } else { None };
        if release || state.pending.is_none() {
            ui.data_mut(|d| d.remove::<GateState<A>>(self.id));
        } else {
            ui.data_mut(|d| d.insert_temp(self.id, state));
        }
        action
    }
}
