//! The edit in progress on each record: the draft, its messages, what is pending; autosave
//! (debounced), switching records, the undo of a removal, what cannot be saved at closing.

use crate::model::companies::Application;
use crate::model::{Beneficiary, BeneficiaryDraft, BeneficiaryId, Field, FieldError};
use crate::ui::tabs::Tab;
use crate::ui::{text, widgets};
use chrono::{NaiveDate, Utc};
use std::collections::HashSet;

use super::{AUTOSAVE_DELAY_SECONDS, ParcoursApp};

/// The edit in progress on one record.
pub(super) struct Editor {
    pub(super) draft: BeneficiaryDraft,
    pub(super) errors: Vec<FieldError>,
    /// The valid record the draft amounts to, when it differs from the saved one.
    pub(super) pending: Option<Beneficiary>,
    /// `egui` time of the last keystroke.
    pub(super) last_edit: f64,
    /// Created in this session and never saved.
    pub(super) is_new: bool,
    /// Required fields of added entries the person has left: their message shows.
    pub(super) revealed: HashSet<Field>,
    /// A save was asked for (Ctrl+S, another record, closing): every message shows.
    pub(super) reveal_all: bool,
}

impl Editor {
    pub(super) fn new(record: &Beneficiary, is_new: bool) -> Self {
        Self {
            draft: BeneficiaryDraft::from_beneficiary(record),
            errors: Vec::new(),
            pending: None,
            last_edit: 0.0,
            is_new,
            revealed: HashSet::new(),
            reveal_all: false,
        }
    }

    /// The messages shown beside the fields: the required field of an entry just added ("Ajouter
    /// un enfant") says so only once left, or once a save was asked for — not before anything
    /// could be typed.
    pub(super) fn shown_errors(&self) -> Vec<FieldError> {
        self.errors
            .iter()
            .filter(|e| {
                self.reveal_all
                    || entry_required_label(e.field).is_none()
                    || self.revealed.contains(&e.field)
            })
            .cloned()
            .collect()
    }

    /// Reveals the message of the required field whose widget just lost the focus.
    pub(super) fn field_left(&mut self, widget: egui::Id) {
        for error in &self.errors {
            if entry_required_label(error.field).is_some_and(|l| widgets::field_id(&l) == widget) {
                self.revealed.insert(error.field);
            }
        }
    }

    /// Rebuilds the record from the draft: every valid edit is pending, each invalid field
    /// stays in the draft beside its message until corrected.
    pub(super) fn revalidate(&mut self, saved: &Beneficiary, today: NaiveDate) {
        let (record, errors) = self.draft.to_beneficiary_keeping_valid(saved, today);
        self.errors = errors;
        self.pending = record.filter(|record| record != saved);
    }

    /// Whether closing now would lose something the person typed.
    pub(super) fn has_unsaveable_edits(&self, saved: &Beneficiary) -> bool {
        if self.errors.is_empty() {
            return false;
        }
        // A new record nobody typed into holds nothing to lose.
        let untouched_new = self.is_new && self.draft == BeneficiaryDraft::from_beneficiary(saved);
        !untouched_new
    }
}

/// Where a request to close the window stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// No close requested, or the last one went through.
    No,
    /// Refused because some edits cannot be saved: the dialog asks what to do.
    Blocked,
    /// The person chose to quit without those edits.
    Confirmed,
}

/// What the status bar says about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SaveState {
    Idle,
    Saved,
    Failed(String),
    /// The record just left holds invalid fields, kept unsaved (the message names them).
    LeftInvalid(String),
}

/// A record whose form holds fields that cannot be saved as typed.
pub(super) struct Unsaveable {
    pub(super) id: BeneficiaryId,
    pub(super) name: String,
    pub(super) fields: Vec<Field>,
}

/// The label of a required field of a list entry (as its panel shows it, which gives its
/// widget id), or `None` for other fields.
pub(super) fn entry_required_label(field: Field) -> Option<String> {
    match field {
        Field::ChildFirstName(i) => Some(text::identity::child_first_name(i + 1)),
        Field::ExperienceTitle(i) => Some(text::skills::experience_title(i + 1)),
        Field::SkillLabel(i) => Some(text::skills::skill(i + 1)),
        Field::DiplomaTitle(i) => Some(text::skills::diploma_title(i + 1)),
        _ => None,
    }
}

/// The tab where a field is typed.
pub(super) fn tab_of(field: Field) -> Tab {
    match field {
        Field::ExperienceTitle(_)
        | Field::ExperienceStart(_)
        | Field::ExperienceEnd(_)
        | Field::SkillLabel(_)
        | Field::DiplomaTitle(_)
        | Field::DiplomaYear(_)
        | Field::DiplomaRequestedOn(_)
        | Field::DiplomaDecidedOn(_)
        | Field::ReferralDate(_) => Tab::Skills,
        Field::ProjectStart(_)
        | Field::ProjectCommute(_)
        | Field::ActionDue(..)
        | Field::SessionDate(_)
        | Field::SessionDuration(_)
        | Field::AdminStepDate(_)
        | Field::CivicExamDate
        | Field::CertificateDate(_) => Tab::Preparation,
        Field::CareStartsOn(_) => Tab::Creche,
        _ => Tab::Identity,
    }
}

/// "Code postal, Adresse e-mail": the fields of a list of errors, each once.
pub(super) fn field_names(fields: &[Field]) -> String {
    let mut names: Vec<String> = Vec::new();
    for field in fields {
        let name = field.form_name();
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

impl ParcoursApp {
    /// Saves every pending edit whose delay has passed (all of them when `force`).
    pub(super) fn autosave(&mut self, now: f64, force: bool) {
        let today = self.today();
        let due: Vec<BeneficiaryId> = self
            .editors
            .iter()
            .filter(|(_, e)| {
                e.pending.is_some() && (force || now - e.last_edit >= AUTOSAVE_DELAY_SECONDS)
            })
            .map(|(&id, _)| id)
            .collect();
        for id in due {
            let Some(editor) = self.editors.get_mut(&id) else {
                continue;
            };
            let Some(mut record) = editor.pending.clone() else {
                continue;
            };
            record.updated_at = Utc::now();
            match self.store.save_beneficiary(&record, today) {
                Ok(_) => {
                    editor.pending = None;
                    editor.is_new = false;
                    self.save_state = SaveState::Saved;
                    if self.index_of(id).is_some() {
                        self.put_record(record);
                    }
                }
                Err(error) => {
                    // Retried after the delay; the message stays until a save succeeds.
                    editor.last_edit = now;
                    self.save_state = SaveState::Failed(error.to_string());
                }
            }
        }
    }

    pub(super) fn select(&mut self, id: BeneficiaryId, now: f64) {
        // Choosing a person, from the list or from a view, shows their record.
        self.main_view = crate::ui::views::MainView::Record;
        if self.selected == Some(id) {
            return;
        }
        // Leaving a record: save what is valid now, forget an untouched new record, keep
        // invalid edits (they are not lost: the record keeps its editor).
        self.autosave(now, true);
        if let Some(previous) = self.selected {
            if let Some(editor) = self.editors.get_mut(&previous) {
                editor.reveal_all = true;
            }
            let discard_new = self.editors.get(&previous).is_some_and(|e| {
                e.is_new
                    && self.index_of(previous).is_some_and(|i| {
                        e.draft == BeneficiaryDraft::from_beneficiary(&self.data.records()[i])
                    })
            });
            if discard_new {
                self.editors.remove(&previous);
                self.data.records_mut().retain(|b| b.id != previous);
                self.records_changed();
            } else if let Some(left) = self
                .unsaveable()
                .into_iter()
                .find(|record| record.id == previous)
            {
                // Said once, as the person leaves; the list keeps the record marked.
                self.save_state = SaveState::LeftInvalid(text::app::left_invalid(
                    &left.name,
                    &field_names(&left.fields),
                ));
            } else if self
                .editors
                .get(&previous)
                .is_some_and(|e| e.errors.is_empty() && e.pending.is_none())
            {
                self.editors.remove(&previous);
            }
        }
        if let Some(index) = self.index_of(id) {
            self.editors
                .entry(id)
                .or_insert_with(|| Editor::new(&self.data.records()[index], false));
            self.selected = Some(id);
        }
    }

    /// Takes the keyboard focus away from the form after a switch of record: the other
    /// record's field of the same label has the same widget id, and keys typed after the
    /// click must not land in it. The list's search field keeps the focus (arrow keys walk
    /// the list from it).
    pub(super) fn leave_form_field(&self, ctx: &egui::Context) {
        ctx.memory_mut(|m| {
            if let Some(focused) = m.focused()
                && Some(focused) != self.list.search_id()
            {
                m.surrender_focus(focused);
            }
        });
    }

    /// A save was asked for: every message shows, required fields included.
    pub(super) fn reveal_all(&mut self) {
        for editor in self.editors.values_mut() {
            editor.reveal_all = true;
        }
    }

    /// Puts back the `index`-th removed entry into its record's form, which saves it again.
    pub(super) fn undo_removal(&mut self, index: usize, now: f64) {
        if index >= self.removals.len() {
            return;
        }
        let (id, removal) = self.removals.remove(index);
        let today = self.today();
        let Some(record_index) = self.index_of(id) else {
            return;
        };
        let saved = &self.data.records()[record_index];
        let editor = self
            .editors
            .entry(id)
            .or_insert_with(|| Editor::new(saved, false));
        removal.restore(&mut editor.draft);
        editor.last_edit = now;
        editor.revalidate(saved, today);
    }

    /// The records whose forms hold an invalid field (marked in the list).
    pub(super) fn flagged(&self) -> Vec<BeneficiaryId> {
        // Only forms holding errors are looked up among the records (a search through
        // thousands for each form opened in the session, at every frame, otherwise).
        self.editors
            .iter()
            .filter(|(_, editor)| !editor.errors.is_empty())
            .filter(|(id, editor)| {
                self.index_of(**id)
                    .is_some_and(|i| editor.has_unsaveable_edits(&self.data.records()[i]))
            })
            .map(|(&id, _)| id)
            .collect()
    }

    /// The records whose forms hold fields that cannot be saved as typed, in list order.
    pub(super) fn unsaveable(&self) -> Vec<Unsaveable> {
        self.data
            .records()
            .iter()
            .filter_map(|saved| {
                let editor = self.editors.get(&saved.id)?;
                editor.has_unsaveable_edits(saved).then(|| Unsaveable {
                    id: saved.id,
                    name: saved.display_name(),
                    fields: editor.errors.iter().map(|e| e.field).collect(),
                })
            })
            .collect()
    }

    /// Saves a record with new applications: the valid edit in progress, if any, goes with
    /// them, so that neither overwrites the other.
    pub(super) fn set_applications(&mut self, id: BeneficiaryId, applications: Vec<Application>) {
        let today = self.today();
        let Some(index) = self.index_of(id) else {
            return;
        };
        let mut record = self
            .editors
            .get(&id)
            .and_then(|e| e.pending.clone())
            .unwrap_or_else(|| Beneficiary::clone(&self.data.records()[index]));
        record.applications = applications;
        record.updated_at = Utc::now();
        match self.store.save_beneficiary(&record, today) {
            Ok(_) => {
                self.put_record(record);
                self.save_state = SaveState::Saved;
                let index = self.index_of(id);
                if let (Some(editor), Some(index)) = (self.editors.get_mut(&id), index) {
                    editor.pending = None;
                    editor.is_new = false;
                    editor.revalidate(&self.data.records()[index], today);
                }
            }
            Err(error) => self.save_state = SaveState::Failed(error.to_string()),
        }
    }
}
