//! The administrative side of the "Préparation à l'emploi" tab: the permit's expiry alert, the
//! checklist of steps (with what the "Identité" tab already says about each), the CIR's
//! training, and the 2026 conditions of the permit aimed at (French level, civic exam,
//! language certificates) with the objective they suggest for the action plan.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::preparation::{
    AdminStepDraft, AdminStepKind, CIR_CIVIC_DAYS, PermitAlert, StepStatus,
};
use crate::model::preparation::{CertificateDraft, CivicExamDraft};
use crate::model::{
    Beneficiary, BeneficiaryDraft, CefrLevel, CertificateKind, CivicExamResult, Field, FieldError,
    PermitTarget, format_date,
};
use crate::ui::text::preparation::{self as words, of_certificate, of_step};
use crate::ui::widgets::{Form, info_row, list_editor};
use crate::ui::{text, theme};

use super::cells::{cell_choice, cell_text, fixed_label, form_error, header_row};

/// The administrative checklist, the permit's expiry and the CIR's training; `record` is
/// the record as last validated (the permit and children come from the "Identité" tab).
pub(super) fn admin_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
    record: &Beneficiary,
    today: NaiveDate,
) {
    let enabled = form.enabled();
    let admin = &record.administrative;
    ui.add_space(theme::SECTION_GAP);
    ui.heading(words::ADMIN);
    ui.separator();
    if let Some(alert) = PermitAlert::of(admin, today) {
        let colour = if alert.is_urgent() {
            theme::ERROR
        } else {
            theme::WARNING
        };
        ui.label(
            RichText::new(words::permit_alert(alert))
                .color(colour)
                .strong(),
        );
    }
    // Rows of fixed-width cells, like the action plan: in a grid, text fields take the width
    // the column had the frame before, and the columns never settle.
    let widths = [
        theme::ADMIN_LABEL_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
        theme::ADMIN_NOTE_WIDTH,
    ];
    header_row(ui, &words::ADMIN_HEADERS, &widths);
    for kind in AdminStepKind::ALL {
        let step = draft.preparation.admin_steps.entry(kind).or_default();
        let name = kind.label();
        ui.horizontal(|ui| {
            fixed_label(ui, RichText::new(name), widths[0]);
            form.changed |= cell_choice(
                ui,
                &of_step(text::common::STATUS, name),
                enabled,
                &mut step.status,
                &StepStatus::ALL,
                StepStatus::label,
            );
            form.changed |= cell_text(
                ui,
                &of_step(words::STEP_DATE, name),
                enabled,
                &mut step.date,
                widths[2],
            );
            form.changed |= cell_text(
                ui,
                &of_step(words::STEP_NOTE, name),
                enabled,
                &mut step.note,
                widths[3],
            );
        });
        if let Some(error) = form_error(errors, Field::AdminStepDate(kind)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        if let Some(fact) = admin_fact(kind, record) {
            ui.horizontal(|ui| {
                ui.add_space(widths[0] + ui.spacing().item_spacing.x);
                ui.label(RichText::new(words::in_record(&fact)).weak());
            });
        }
    }
    // Untouched steps were added above only to be drawn: the record keeps none of them (see
    // `PreparationDraft::to_preparation`), and the draft compares equal again once cleaned.
    draft
        .preparation
        .admin_steps
        .retain(|_, step| *step != AdminStepDraft::default());
    cir_ui(ui, form, draft, admin.cir_signed_on);
    integration_ui(ui, form, errors, draft);
}

/// What the record already says about a step (typed in "Identité"), as a hint beside it.
fn admin_fact(kind: AdminStepKind, record: &Beneficiary) -> Option<String> {
    let admin = &record.administrative;
    match kind {
        AdminStepKind::ResidencePermit => admin.residence_permit.as_ref().map(|p| {
            let expiry = p.expires_on.map(format_date);
            words::permit_fact(p.kind.label(), expiry.as_deref())
        }),
        AdminStepKind::Cir => admin
            .cir_signed_on
            .map(|d| words::cir_signed(&format_date(d))),
        AdminStepKind::Caf => admin
            .caf_number
            .as_ref()
            .map(|_| words::CAF_NUMBER_KNOWN.to_owned()),
        AdminStepKind::SocialSecurity => admin
            .social_security_number
            .as_ref()
            .map(|_| words::SOCIAL_SECURITY_KNOWN.to_owned()),
        AdminStepKind::Schooling if record.family.children.is_empty() => {
            Some(words::NO_CHILD_FACT.to_owned())
        }
        _ => None,
    }
}

/// The CIR's civic days and language hours.
fn cir_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    draft: &mut BeneficiaryDraft,
    signed_on: Option<NaiveDate>,
) {
    let enabled = form.enabled();
    let cir = &mut draft.preparation.cir;
    form.section(ui, words::CIR, |form, ui| {
        info_row(
            ui,
            words::CIR_SIGNED_ON,
            &signed_on.map(format_date).unwrap_or_default(),
        );
        let label = ui.label(words::CIR_CIVIC_DAYS);
        ui.horizontal(|ui| {
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.civic_days_done).range(0..=CIR_CIVIC_DAYS),
                )
                .labelled_by(label.id)
                .changed();
            ui.label(format!("/ {CIR_CIVIC_DAYS}"));
        });
        ui.end_row();
        let label = ui.label(words::CIR_LANGUAGE_DONE);
        ui.horizontal(|ui| {
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.language_hours_done).range(0..=1200),
                )
                .labelled_by(label.id)
                .changed();
            let prescribed = ui.label(words::CIR_LANGUAGE_OUT_OF);
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut cir.language_hours_prescribed).range(0..=1200),
                )
                .labelled_by(prescribed.id)
                .accessible_name(words::CIR_LANGUAGE_PRESCRIBED)
                .changed();
            if cir.language_hours_prescribed == 0 {
                ui.label(RichText::new(words::CIR_NONE_PRESCRIBED).weak());
            }
        });
        ui.end_row();
    });
}

/// The 2026 conditions: the permit aimed at, the gap to its French level and examen civique
/// (with the objective it suggests for the action plan), the exam, the certificates held.
fn integration_ui(
    ui: &mut Ui,
    form: &mut Form<'_>,
    errors: &[FieldError],
    draft: &mut BeneficiaryDraft,
) {
    let enabled = form.enabled();
    let level = draft.summary_french_level();
    let integration = &mut draft.preparation.integration;
    form.section(ui, words::INTEGRATION, |form, ui| {
        let targets: Vec<Option<PermitTarget>> = std::iter::once(None)
            .chain(PermitTarget::ALL.map(Some))
            .collect();
        form.choice(ui, words::TARGET, &mut integration.target, &targets, |t| {
            t.map_or_else(|| words::NO_TARGET.to_owned(), words::target_choice)
        });
        let mut exam = integration.civic_exam.is_some();
        ui.label(words::CIVIC_EXAM);
        if ui
            .add_enabled(
                enabled,
                egui::Checkbox::new(&mut exam, words::CIVIC_EXAM_RECORDED),
            )
            .changed()
        {
            integration.civic_exam = exam.then(|| CivicExamDraft {
                mention: integration.target.unwrap_or(PermitTarget::MultiYearCard),
                date: String::new(),
                result: CivicExamResult::Registered,
                attempts: 0,
            });
            form.changed = true;
        }
        ui.end_row();
        if let Some(exam) = &mut integration.civic_exam {
            form.choice(
                ui,
                words::CIVIC_EXAM_MENTION,
                &mut exam.mention,
                &PermitTarget::ALL,
                words::target_choice,
            );
            form.date(
                ui,
                words::CIVIC_EXAM_DATE,
                &mut exam.date,
                Field::CivicExamDate,
            );
            form.choice(
                ui,
                words::CIVIC_EXAM_RESULT,
                &mut exam.result,
                &CivicExamResult::ALL,
                |r| r.label().to_owned(),
            );
            let label = ui.label(words::CIVIC_EXAM_ATTEMPTS);
            form.changed |= ui
                .add_enabled(
                    enabled,
                    egui::DragValue::new(&mut exam.attempts).range(0..=20),
                )
                .labelled_by(label.id)
                .changed();
            ui.end_row();
        }
    });
    let widths = [
        theme::CHOICE_CELL_WIDTH,
        theme::CHOICE_CELL_WIDTH,
        theme::DATE_FIELD_WIDTH,
    ];
    ui.label(RichText::new(words::CERTIFICATES).strong());
    if !integration.certificates.is_empty() {
        header_row(ui, &words::CERTIFICATE_HEADERS, &widths);
    }
    let removed = list_editor::rows(&mut integration.certificates, |i, certificate| {
        let n = i + 1;
        let remove = ui
            .horizontal(|ui| {
                form.changed |= cell_choice(
                    ui,
                    &words::certificate(n),
                    enabled,
                    &mut certificate.kind,
                    &CertificateKind::ALL,
                    CertificateKind::label,
                );
                form.changed |= cell_choice(
                    ui,
                    &of_certificate(words::CERTIFICATE_LEVEL, n),
                    enabled,
                    &mut certificate.level,
                    &CefrLevel::ALL,
                    CefrLevel::label,
                );
                form.changed |= cell_text(
                    ui,
                    &of_certificate(words::CERTIFICATE_OBTAINED_ON, n),
                    enabled,
                    &mut certificate.obtained_on,
                    widths[2],
                );
                ui.add_enabled(
                    enabled,
                    egui::Button::new(words::remove_certificate(n)).small(),
                )
                .clicked()
            })
            .inner;
        if let Some(error) = form_error(errors, Field::CertificateDate(i)) {
            ui.label(RichText::new(error).color(theme::ERROR));
        }
        remove
    });
    if removed.is_some() {
        form.changed = true;
    }
    if ui
        .add_enabled(enabled, egui::Button::new(words::ADD_CERTIFICATE).small())
        .clicked()
    {
        integration.certificates.push(CertificateDraft {
            kind: CertificateKind::Delf,
            level: CefrLevel::A2,
            obtained_on: String::new(),
        });
        form.changed = true;
    }
    // The gap, from what is typed now (a half-typed date counts as unknown).
    if let Some(gap) = integration.to_integration(&mut Vec::new()).gap(level) {
        let colour = if gap.is_closed() {
            theme::OK
        } else {
            theme::WARNING
        };
        ui.add(egui::Label::new(RichText::new(gap.sentence()).color(colour).strong()).wrap());
        if gap.suggested_objective().is_some()
            && ui
                .add_enabled(enabled, egui::Button::new(words::ADD_INTEGRATION_OBJECTIVE))
                .clicked()
            && draft.preparation.add_integration_objective(&gap)
        {
            form.changed = true;
        }
    }
}
