//! The "Identité" tab: the editable record — identity, contact, administrative situation,
//! family, entry route and phases, follow-up — with each validation message beside its field.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::{
    BeneficiaryDraft, EntryRoute, FamilySituation, Field, FieldError, Outcome, OutcomeDraft,
    OutcomeKind, PermitKind, Phase, ResidencePermit, Sex, WorkRight, format_date,
};
use crate::ui::command::Command;
use crate::ui::context::{RecordEdit, ViewContext};
use crate::ui::tabs::RecordTab;
use crate::ui::widgets::{self, Form, choice_box, list_editor};
use crate::ui::{text, theme};

/// Draws the form; returns whether the person changed anything this frame.
fn form_ui(
    ui: &mut Ui,
    draft: &mut BeneficiaryDraft,
    errors: &[FieldError],
    enabled: bool,
    today: NaiveDate,
) -> bool {
    let mut form = Form::new(errors, enabled);

    form.section(ui, text::identity::SECTION_IDENTITY, |form, ui| {
        form.text(
            ui,
            text::common::LAST_NAME,
            &mut draft.last_name,
            Some(Field::LastName),
        );
        form.text(
            ui,
            text::identity::FIRST_NAME,
            &mut draft.first_name,
            Some(Field::FirstName),
        );
        form.text(ui, text::identity::BIRTH_NAME, &mut draft.birth_name, None);
        form.date(
            ui,
            text::identity::BIRTH_DATE,
            &mut draft.birth_date,
            Field::BirthDate,
        );
        form.choice(ui, text::identity::SEX, &mut draft.sex, &Sex::ALL, |s| {
            s.label().to_owned()
        });
        form.text(
            ui,
            text::identity::NATIONALITY,
            &mut draft.nationality,
            None,
        );
        form.text(
            ui,
            text::identity::COUNTRY,
            &mut draft.country_of_origin,
            None,
        );
        form.date(
            ui,
            text::identity::ARRIVAL_DATE,
            &mut draft.arrival_date,
            Field::ArrivalDate,
        );
    });

    form.section(ui, text::identity::SECTION_CONTACT, |form, ui| {
        form.text(
            ui,
            text::common::PHONE,
            &mut draft.phone,
            Some(Field::Phone),
        );
        form.text(
            ui,
            text::common::EMAIL,
            &mut draft.email,
            Some(Field::Email),
        );
        form.text(ui, text::common::ADDRESS, &mut draft.street, None);
        form.text(
            ui,
            text::common::POSTCODE,
            &mut draft.postcode,
            Some(Field::Postcode),
        );
        form.text(ui, text::identity::TOWN, &mut draft.town, None);
    });

    form.section(ui, text::identity::SECTION_ADMIN, |form, ui| {
        let options: Vec<Option<PermitKind>> = std::iter::once(None)
            .chain(PermitKind::ALL.map(Some))
            .collect();
        form.choice(
            ui,
            text::identity::PERMIT_KIND,
            &mut draft.permit_kind,
            &options,
            |k| {
                k.map_or(text::identity::NO_PERMIT, PermitKind::label)
                    .to_owned()
            },
        );
        if let Some(kind) = draft.permit_kind {
            if kind.stands_for_another() {
                let renewed: Vec<Option<PermitKind>> = std::iter::once(None)
                    .chain(
                        PermitKind::ALL
                            .into_iter()
                            .filter(|k| !k.stands_for_another())
                            .map(Some),
                    )
                    .collect();
                form.choice(
                    ui,
                    text::identity::PERMIT_RENEWS,
                    &mut draft.permit_renews,
                    &renewed,
                    |k| {
                        k.map_or(text::identity::PERMIT_RENEWS_UNKNOWN, PermitKind::label)
                            .to_owned()
                    },
                );
            }
            if kind == PermitKind::AsylumSeeker {
                form.checkbox(
                    ui,
                    text::identity::WORK_AUTHORISATION,
                    &mut draft.permit_work_authorisation,
                );
            }
            form.text(
                ui,
                text::identity::PERMIT_NUMBER,
                &mut draft.permit_number,
                None,
            );
            form.date(
                ui,
                text::identity::PERMIT_ISSUED,
                &mut draft.permit_issued_on,
                Field::PermitIssuedOn,
            );
            form.date(
                ui,
                text::identity::PERMIT_EXPIRES,
                &mut draft.permit_expires_on,
                Field::PermitExpiresOn,
            );
            let right = WorkRight::of_permit(
                &draft.typed_permit().unwrap_or(ResidencePermit::new(kind)),
                today,
            );
            ui.label(RichText::new(text::identity::WORK_RIGHT).weak());
            // A sentence: wrapped to the room left, never wider than the window.
            ui.add(
                egui::Label::new(
                    RichText::new(right.sentence()).color(theme::work_right_colour(&right)),
                )
                .wrap(),
            );
            ui.end_row();
        }
        form.date(
            ui,
            text::identity::CIR_SIGNED,
            &mut draft.cir_signed_on,
            Field::CirSignedOn,
        );
        form.text(
            ui,
            text::identity::CAF_NUMBER,
            &mut draft.caf_number,
            Some(Field::CafNumber),
        );
        form.nir(
            ui,
            text::identity::SSN,
            &mut draft.social_security_number,
            Some(Field::SocialSecurityNumber),
        );
    });

    form.section(ui, text::identity::SECTION_FAMILY, |form, ui| {
        form.choice(
            ui,
            text::identity::FAMILY_SITUATION,
            &mut draft.family_situation,
            &FamilySituation::ALL,
            |s| s.label().to_owned(),
        );
        let removed = list_editor::rows(&mut draft.children, |index, child| {
            let n = index + 1;
            form.text(
                ui,
                &text::identity::child_first_name(n),
                &mut child.first_name,
                Some(Field::ChildFirstName(index)),
            );
            form.date(
                ui,
                &text::identity::child_birth_date(n),
                &mut child.birth_date,
                Field::ChildBirthDate(index),
            );
            form.button_row(ui, &text::identity::remove_child(n))
        });
        if removed.is_some() {
            form.changed = true;
        }
        if form.button_row(ui, text::identity::ADD_CHILD) {
            draft.add_child();
            form.changed = true;
        }
    });

    form.section(ui, text::identity::SECTION_PATHWAY, |form, ui| {
        widgets::french_level_rows(form, ui, draft);

        ui.label("");
        let mut overridden = draft.route_override.is_some();
        if ui
            .add_enabled(
                enabled,
                egui::Checkbox::new(&mut overridden, text::identity::ROUTE_OVERRIDE),
            )
            .changed()
        {
            draft.route_override = overridden.then(|| {
                // Default to the route the level does not call for: that is why one overrides.
                match EntryRoute::for_level(draft.french_level) {
                    Some(EntryRoute::Valorisation) => EntryRoute::FrenchFirst,
                    _ => EntryRoute::Valorisation,
                }
            });
            form.changed = true;
        }
        ui.end_row();
        if let Some(route) = &mut draft.route_override {
            let label = ui.label(text::identity::ROUTE_CHOSEN);
            if choice_box(
                ui,
                "route-override",
                label.id,
                enabled,
                route,
                &EntryRoute::ALL,
                &|r: EntryRoute| r.label().to_owned(),
            ) {
                form.changed = true;
            }
            ui.end_row();
            form.text(
                ui,
                text::identity::ROUTE_OVERRIDE_REASON,
                &mut draft.route_override_reason,
                Some(Field::RouteOverrideReason),
            );
        }
    });

    for phase in Phase::ALL {
        widgets::phase_section(ui, &mut form, draft, phase);
    }

    form.section(ui, text::identity::OUTCOME, |form, ui| {
        let options: Vec<Option<OutcomeKind>> = std::iter::once(None)
            .chain(OutcomeKind::ALL.map(Some))
            .collect();
        let mut kind = draft.outcome.as_ref().map(|o| o.kind);
        let before = kind;
        let label = ui.label(text::identity::OUTCOME);
        choice_box(
            ui,
            "outcome",
            label.id,
            enabled,
            &mut kind,
            &options,
            &|k: Option<OutcomeKind>| {
                k.map_or_else(
                    || text::identity::OUTCOME_NONE.to_owned(),
                    OutcomeKind::label,
                )
            },
        );
        ui.end_row();
        if kind != before {
            draft.outcome = kind.map(|kind| OutcomeDraft {
                kind,
                date: draft
                    .outcome
                    .as_ref()
                    .map_or_else(|| format_date(today), |o| o.date.clone()),
                months: draft
                    .outcome
                    .as_ref()
                    .map(|o| o.months.clone())
                    .unwrap_or_default(),
            });
            form.changed = true;
        }
        if let Some(outcome) = &mut draft.outcome {
            form.date(
                ui,
                text::identity::OUTCOME_DATE,
                &mut outcome.date,
                Field::OutcomeDate,
            );
            let has_length = matches!(outcome.kind, OutcomeKind::Employment(c) if c.has_length());
            if has_length {
                form.text(
                    ui,
                    text::identity::OUTCOME_MONTHS,
                    &mut outcome.months,
                    Some(Field::OutcomeMonths),
                );
            }
            // The class as funders count it, from what is typed now.
            let class = Outcome {
                kind: outcome.kind,
                date: today,
                contract_months: outcome.months.trim().parse().ok(),
            }
            .exit_class();
            ui.label(text::identity::EXIT_CLASS);
            ui.label(egui::RichText::new(class.label()).strong());
            ui.end_row();
        }
    });

    form.section(ui, text::identity::SECTION_FOLLOW_UP, |form, ui| {
        form.text(ui, text::common::REFERENT, &mut draft.referent, None);
        form.private_notes(ui, text::identity::PRIVATE_NOTES, &mut draft.private_notes);
    });
    ui.add_space(theme::SECTION_GAP);
    form.changed
}

/// The "Identité" tab: identity, administrative situation, family and pathway.
#[derive(Debug, Default)]
pub struct IdentityTab;

impl RecordTab for IdentityTab {
    fn label(&self) -> &'static str {
        text::identity::TAB_IDENTITY
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        _out: &mut Vec<Command>,
    ) {
        edit.changed |= form_ui(ui, edit.draft, edit.errors, cx.writable, cx.today);
    }
}
