//! [`AppData`]: what the data directory holds, as loaded, and its revision — a number that
//! changes with every change of what the views compute over (records, catalogue, companies,
//! crèche settings), so that a view knows at the cost of one comparison whether what it
//! computed still holds.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::model::Beneficiary;
use crate::model::Settings;
use crate::model::companies::Company;
use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::skills::FlePartner;
use crate::store::Conflict;
use crate::ui::context::{Records, ViewContext};

/// What the data directory holds, as loaded: what every panel reads. The data the views
/// compute over is reached by methods: each mutable access counts as a change.
#[derive(Default)]
pub(super) struct AppData {
    /// Every record, sorted by last then first name.
    records: Records,
    /// The partner companies' directory.
    companies: Vec<Company>,
    /// The collective workshops' catalogue.
    workshops: Vec<Workshop>,
    /// The micro-crèche's settings (`creche.ron`).
    creche_settings: CrecheSettings,
    /// Counts the mutable accesses to the four above.
    revision: u64,
    /// Records found in two files, waiting for the counsellor's choice.
    pub conflicts: Vec<Conflict>,
    pub settings: Settings,
    /// The French-course partners' directory.
    pub partners: Vec<FlePartner>,
}

impl AppData {
    /// Every record, in list order.
    pub fn records(&self) -> &[Arc<Beneficiary>] {
        &self.records
    }

    /// The records, to change them (the list copied first if a view's thread holds it: its
    /// records are not).
    pub fn records_mut(&mut self) -> &mut Vec<Arc<Beneficiary>> {
        self.revision += 1;
        Arc::make_mut(&mut self.records)
    }

    pub fn companies(&self) -> &[Company] {
        &self.companies
    }

    pub fn companies_mut(&mut self) -> &mut Vec<Company> {
        self.revision += 1;
        &mut self.companies
    }

    pub fn workshops(&self) -> &[Workshop] {
        &self.workshops
    }

    pub fn workshops_mut(&mut self) -> &mut Vec<Workshop> {
        self.revision += 1;
        &mut self.workshops
    }

    pub fn creche_settings(&self) -> &CrecheSettings {
        &self.creche_settings
    }

    pub fn creche_settings_mut(&mut self) -> &mut CrecheSettings {
        self.revision += 1;
        &mut self.creche_settings
    }

    /// The read-only context handed to the panels and windows for this frame.
    pub fn view<'a>(
        &'a self,
        today: NaiveDate,
        writable: bool,
        shown: Option<&'a Beneficiary>,
    ) -> ViewContext<'a> {
        ViewContext {
            records: &self.records,
            companies: &self.companies,
            workshops: &self.workshops,
            partners: &self.partners,
            settings: &self.settings,
            creche: &self.creche_settings,
            conflicts: &self.conflicts,
            revision: self.revision,
            today,
            writable,
            shown,
            counsellor: None,
        }
    }
}
