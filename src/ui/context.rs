//! What panels and windows read: one [`ViewContext`] a frame, handed to every tab and window,
//! and the [`RecordEdit`] of the record shown. Neither writes anything: changes go through
//! [`Command`](super::command::Command)s, or through the form's draft, which the app
//! revalidates and autosaves.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::companies::Company;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::skills::FlePartner;
use crate::model::{Beneficiary, BeneficiaryDraft, BeneficiaryId, FieldError, Settings};
use crate::store::Conflict;

/// Every record, shared: the list (cloned only when changed while a thread holds it) and
/// each record.
pub type Records = Arc<Vec<Arc<Beneficiary>>>;

/// The data of the window, read-only, for one frame.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    /// Every record as saved, in list order; shared, so that a view computing over every
    /// record on a thread takes them all at the cost of one `Arc::clone`.
    pub records: &'a Records,
    /// The partner companies' directory.
    pub companies: &'a [Company],
    /// The collective workshops' catalogue.
    pub workshops: &'a [Workshop],
    /// The French-course partners' directory.
    pub partners: &'a [FlePartner],
    /// The structure's settings.
    pub settings: &'a Settings,
    /// The micro-crèche's settings.
    pub creche: &'a CrecheSettings,
    /// Changes whenever the records, the companies, the workshops or the crèche's settings
    /// change: what a view computed over them holds while it stays the same.
    pub revision: u64,
    /// Records found in two files, waiting for the counsellor's choice.
    pub conflicts: &'a [Conflict],
    /// The day the window works with.
    pub today: NaiveDate,
    /// Whether the data directory can be written (not read-only).
    pub writable: bool,
    /// The record on screen, as last validated (the edit in progress when valid).
    pub shown: Option<&'a Beneficiary>,
    /// The counsellor using this computer (the profile's name), when known: "me" in the
    /// agenda's and the reports' filters.
    pub counsellor: Option<&'a str>,
}

/// The record a tab shows and edits.
pub struct RecordEdit<'a> {
    /// Its id.
    pub id: BeneficiaryId,
    /// The record as last validated: the edit in progress when valid, else the saved one.
    pub shown: &'a Beneficiary,
    /// The form as typed.
    pub draft: &'a mut BeneficiaryDraft,
    /// The messages to show beside the fields.
    pub errors: &'a [FieldError],
    /// Set by the tab when it changed the draft: the app validates it again and autosaves.
    pub changed: bool,
}
