//! The "Identité" tab: the editable record — identity, contact, administrative situation,
//! family, entry route and phases, follow-up — with each validation message beside its field.

use crate::model::record::retention::last_contact;
use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::model::record::{AssessmentSource, ConsentEntry, ConsentMethod, ConsentState, Purpose};
use crate::model::{
    Beneficiary, BeneficiaryDraft, BeneficiaryId, EntryRoute, FamilySituation, Field, FieldError,
    Outcome, OutcomeDraft, OutcomeKind, PermitKind, Phase, ResidencePermit, Sex, WorkRight,
    format_date, parse_date,
};
use crate::report::{
    Engine, NoticeDocument, notice_file_name, notice_template, render_notice, save_pdf,
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
        french_history_rows(form, ui, draft);

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
    form.changed
}

/// A new answer being typed for one purpose (one at a time).
#[derive(Debug, Clone)]
struct NewAnswer {
    purpose: Purpose,
    state: ConsentState,
    date: String,
    method: ConsentMethod,
    by: String,
    error: Option<String>,
}

/// The "Identité" tab: identity, administrative situation, family and pathway, and the
/// record's data protection (answers per purpose, the information notice).
#[derive(Default)]
pub struct IdentityTab {
    /// The record the state below belongs to: another record starts afresh.
    record: Option<BeneficiaryId>,
    /// The answer being typed, if any.
    pending: Option<NewAnswer>,
    /// The notice's engine, built at the first notice.
    engine: Option<Engine>,
    /// The last notice's outcome.
    status: Option<(String, egui::Color32)>,
    /// Offered when the save dialog gave nothing: a file in the Documents folder.
    fallback: Option<std::path::PathBuf>,
}

impl std::fmt::Debug for IdentityTab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityTab")
            .field("record", &self.record)
            .field("pending", &self.pending)
            .finish_non_exhaustive()
    }
}

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
        if self.record != Some(edit.id) {
            *self = Self {
                record: Some(edit.id),
                engine: self.engine.take(),
                ..Self::default()
            };
        }
        edit.changed |= form_ui(ui, edit.draft, edit.errors, cx.writable, cx.today);
        edit.changed |= self.protection_ui(ui, edit.draft, edit.shown, cx);
        ui.add_space(theme::SECTION_GAP);
    }
}

impl IdentityTab {
    /// The "Protection des données" section: each purpose's current answer, its earlier ones
    /// collapsed, a form for a new answer, and the notice. Returns whether an answer was
    /// recorded (into the draft).
    fn protection_ui(
        &mut self,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
        record: &Beneficiary,
        cx: &ViewContext<'_>,
    ) -> bool {
        let enabled = cx.writable;
        let mut recorded = false;
        let mut form = Form::new(&[], enabled);
        // Not a two-column grid: a purpose's name is longer than a field's label, and would
        // push every field of the tab to the right.
        ui.add_space(theme::SECTION_GAP);
        ui.heading(text::identity::SECTION_PROTECTION);
        ui.separator();
        // The last contact, and how long the record is kept without a new one.
        let last = last_contact(record, cx.workshops, cx.today);
        let kept_until = last.date.checked_add_months(chrono::Months::new(
            cx.settings.retention_months.clamp(1, 36),
        ));
        ui.add(
            egui::Label::new(text::identity::last_contact(
                &format_date(last.date),
                last.kind.label(),
                kept_until.map(format_date).as_deref(),
            ))
            .wrap(),
        );
        for purpose in Purpose::ALL {
            let protection = &draft.protection;
            let current = protection.current(purpose);
            ui.add_space(theme::SPACE_S);
            ui.add(egui::Label::new(RichText::new(purpose.label()).strong()).wrap());
            ui.horizontal_wrapped(|ui| {
                let answer = current.map_or_else(
                    || text::identity::no_answer(purpose).to_owned(),
                    text::identity::answer,
                );
                let colour = match current.map(|e| e.state) {
                    Some(ConsentState::Given) => theme::OK,
                    Some(_) => theme::WARNING,
                    None => ui.visuals().weak_text_color(),
                };
                ui.label(RichText::new(answer).color(colour));
                if ui
                    .add_enabled(enabled, egui::Button::new(text::identity::NEW_ANSWER))
                    .clicked()
                {
                    self.pending = Some(NewAnswer {
                        purpose,
                        state: ConsentState::Given,
                        date: format_date(cx.today),
                        method: ConsentMethod::default(),
                        by: draft.referent.trim().to_owned(),
                        error: None,
                    });
                }
            });
            let mut earlier: Vec<&ConsentEntry> = protection
                .consents
                .iter()
                .filter(|e| e.purpose == purpose && Some(*e) != current)
                .collect();
            if !earlier.is_empty() {
                earlier.sort_by_key(|e| std::cmp::Reverse(e.date));
                egui::CollapsingHeader::new(text::identity::history(earlier.len()))
                    .id_salt(("consent-history", purpose))
                    .default_open(false)
                    .show(ui, |ui| {
                        for entry in earlier {
                            ui.label(RichText::new(text::identity::answer(entry)).weak());
                        }
                    });
            }
            if self.pending.as_ref().is_some_and(|p| p.purpose == purpose) {
                egui::Grid::new(("new-answer", purpose))
                    .num_columns(2)
                    .min_col_width(theme::LABEL_WIDTH)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        recorded |= self.new_answer_rows(&mut form, ui, draft);
                    });
            }
        }
        ui.add_space(theme::SPACE_S);
        // Printing writes nothing in the data directory: offered read-only too.
        let notice = ui.button(text::identity::NOTICE_PRINT).clicked();
        if notice {
            self.save_notice(record, cx);
        }
        if let Some(path) = &self.fallback
            && ui
                .button(text::common::SAVE_IN_FALLBACK)
                .on_hover_text(path.display().to_string())
                .clicked()
            && let Some(path) = self.fallback.take()
        {
            self.write_notice(record, cx, &path);
        }
        if let Some((message, colour)) = &self.status {
            ui.label(RichText::new(message).color(*colour));
        }
        recorded
    }

    /// The fields of the answer being typed, under its purpose; returns whether it was
    /// recorded into the draft.
    fn new_answer_rows(
        &mut self,
        form: &mut Form<'_>,
        ui: &mut Ui,
        draft: &mut BeneficiaryDraft,
    ) -> bool {
        let Some(pending) = &mut self.pending else {
            return false;
        };
        let purpose = pending.purpose;
        ui.label("");
        ui.label(RichText::new(text::identity::new_answer_title(purpose)).strong());
        ui.end_row();
        if purpose.needs_consent() {
            form.choice(
                ui,
                text::identity::ANSWER_STATE,
                &mut pending.state,
                &ConsentState::ALL,
                |s| s.label().to_owned(),
            );
        } else {
            ui.label(text::identity::ANSWER_STATE);
            ui.label(text::identity::INFORMED);
            ui.end_row();
        }
        form.text(ui, text::identity::ANSWER_DATE, &mut pending.date, None);
        form.choice(
            ui,
            text::identity::ANSWER_METHOD,
            &mut pending.method,
            &ConsentMethod::ALL,
            |m| m.label().to_owned(),
        );
        form.text(ui, text::identity::ANSWER_BY, &mut pending.by, None);
        if let Some(error) = &pending.error {
            ui.label("");
            widgets::error_message(ui, error);
            ui.end_row();
        }
        ui.label("");
        let (mut save, mut cancel) = (false, false);
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(
                    form.enabled(),
                    egui::Button::new(text::identity::ANSWER_SAVE),
                )
                .clicked();
            cancel = ui.button(text::common::CANCEL).clicked();
        });
        ui.end_row();
        // Typing in the answer's fields is not an edit of the record: only recording it is.
        form.changed = false;
        if cancel {
            self.pending = None;
            return false;
        }
        if !save {
            return false;
        }
        let date = match parse_date(&pending.date) {
            Ok(Some(date)) => date,
            Ok(None) => {
                pending.error = Some(text::identity::ANSWER_DATE_MISSING.to_owned());
                return false;
            }
            Err(message) => {
                pending.error = Some(message);
                return false;
            }
        };
        draft.protection.record(ConsentEntry {
            purpose,
            state: if purpose.needs_consent() {
                pending.state
            } else {
                ConsentState::Given
            },
            date,
            method: pending.method,
            by: pending.by.trim().to_owned(),
        });
        self.pending = None;
        true
    }

    /// Asks where to save the notice, then writes it; offers the Documents folder when no
    /// file was chosen.
    fn save_notice(&mut self, record: &Beneficiary, cx: &ViewContext<'_>) {
        let Some(path) = rfd::FileDialog::new()
            .set_title(text::identity::NOTICE_PRINT)
            .set_file_name(notice_file_name(record, cx.today))
            .add_filter(text::common::PDF_FILTER, &["pdf"])
            .save_file()
        else {
            // Cancelled, or no dialog could be shown (rfd cannot tell which).
            let folder = crate::report::fallback_folder();
            self.status = Some((
                text::common::no_file_chosen(text::identity::THE_NOTICE, folder.as_deref()),
                theme::WARNING,
            ));
            self.fallback = folder.map(|folder| {
                crate::report::free_path(&folder, &notice_file_name(record, cx.today))
            });
            return;
        };
        self.write_notice(record, cx, &path);
    }

    /// Renders the notice and writes it at `path`, saying how it went.
    fn write_notice(&mut self, record: &Beneficiary, cx: &ViewContext<'_>, path: &std::path::Path) {
        self.fallback = None;
        let engine = self
            .engine
            .get_or_insert_with(|| Engine::new([notice_template()]));
        let document = NoticeDocument::new(record, cx.settings, cx.today);
        self.status = Some(
            match render_notice(engine, &document) {
                Err(error) => Err(error.to_string()),
                Ok(rendered) => save_pdf(path, &rendered.pdf)
                    .map(|()| rendered.warning_message())
                    .map_err(|e| e.to_string()),
            }
            .map_or_else(
                |error| (error, theme::ERROR),
                |warning| {
                    let done = text::identity::notice_saved(path);
                    match warning {
                        Some(warning) => (format!("{done} {warning}"), theme::WARNING),
                        None => (done, theme::OK),
                    }
                },
            ),
        );
    }
}

/// Where the next level comes from, and the French level's dated history: a change of level
/// adds an assessment (dated the day it is made) instead of overwriting the earlier one.
fn french_history_rows(
    form: &mut Form<'_>,
    ui: &mut Ui,
    draft: &mut crate::model::BeneficiaryDraft,
) {
    form.choice(
        ui,
        text::identity::FRENCH_SOURCE,
        &mut draft.french_source,
        &AssessmentSource::ALL,
        |s| s.label().to_owned(),
    );
    ui.label(RichText::new(text::identity::FRENCH_HISTORY).weak());
    ui.vertical(|ui| {
        if draft.french_history.is_empty() {
            ui.label(RichText::new(text::identity::FRENCH_HISTORY_EMPTY).weak());
        }
        for a in &draft.french_history {
            ui.label(text::identity::french_assessment(
                &crate::model::record::format_date(a.date),
                a.level.short_label(),
                a.source.label(),
            ));
        }
    });
    ui.end_row();
}
