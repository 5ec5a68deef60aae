//! The record's children: their age against the crèche's range, and their care information
//! (allergies, emergency contact, start of care, health, who may pick them up), edited in the
//! record's draft.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::CrecheContext;
use crate::model::creche::CrecheSettings;
use crate::model::record::{age_in_months, format_date};
use crate::model::{BeneficiaryDraft, CrecheAge, Field, FieldError};
use crate::ui::widgets::Form;
use crate::ui::{text, theme};

/// The children, their age against the crèche's range, and their care information.
pub(super) fn children_ui(
    ui: &mut Ui,
    draft: &mut BeneficiaryDraft,
    errors: &[FieldError],
    context: &CrecheContext<'_>,
) -> bool {
    let children = &context.shown.family.children;
    let mut form = Form::new(errors, context.cx.writable);
    if children.is_empty() {
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::creche::CRECHE_CHILDREN);
        ui.separator();
        ui.label(RichText::new(text::creche::CRECHE_NO_CHILD).weak());
        return false;
    }
    for (position, child) in children.iter().enumerate() {
        let name = if child.first_name.trim().is_empty() {
            text::creche::child_number(position + 1)
        } else {
            child.first_name.trim().to_owned()
        };
        form.section_keyed(
            ui,
            ("creche-child", child.id),
            &text::creche::child_section(&name),
            |form, ui| {
                let age = child.birth_date.map_or_else(
                    || text::common::NOT_PROVIDED.to_owned(),
                    |b| {
                        text::creche::born_on(
                            &format_date(b),
                            &text::creche::age_words(age_in_months(b, context.cx.today)),
                        )
                    },
                );
                ui.label(RichText::new(text::creche::CRECHE_AGE).weak());
                ui.vertical(|ui| {
                    ui.label(age);
                    let (status, color) =
                        age_status(context.cx.creche, child.birth_date, context.cx.today);
                    ui.label(RichText::new(status).color(color));
                });
                ui.end_row();
                let Some((index, care)) = draft.creche.care_mut(child.id) else {
                    return;
                };
                form.text(
                    ui,
                    &text::creche::allergies_of(&name),
                    &mut care.allergies,
                    None,
                );
                form.text(
                    ui,
                    &text::creche::emergency_contact_of(&name),
                    &mut care.emergency_contact,
                    None,
                );
                form.date(
                    ui,
                    &text::creche::care_starts_of(&name),
                    &mut care.care_starts_on,
                    Field::CareStartsOn(index),
                );
                form.multiline(ui, &text::creche::health_of(&name), &mut care.health_notes);
                form.multiline(ui, &text::creche::pickups_of(&name), &mut care.pickups);
            },
        );
    }
    form.changed
}

/// "Peut être accueilli·e jusqu'au …", or why not.
fn age_status(
    settings: &CrecheSettings,
    birth: Option<NaiveDate>,
    today: NaiveDate,
) -> (String, egui::Color32) {
    match settings.age_on(birth, today) {
        CrecheAge::Unknown => (text::creche::AGE_UNKNOWN.to_owned(), theme::WARNING),
        CrecheAge::TooYoung { from } => (
            text::creche::too_young_until(&format_date(from)),
            theme::WARNING,
        ),
        CrecheAge::Eligible { until } => {
            (text::creche::eligible_until(&format_date(until)), theme::OK)
        }
        CrecheAge::TooOld => (text::creche::TOO_OLD.to_owned(), theme::ROUTE_UNKNOWN),
    }
}
