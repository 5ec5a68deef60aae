//! The tabs of a record. Each implements [`RecordTab`]: the app draws the tab bar from
//! [`Tab::ALL`], hands the chosen tab the record being edited and the [`ViewContext`], and
//! validates the draft again when the tab says it changed it.

pub(crate) mod companies;
pub(crate) mod creche;
pub(crate) mod identity;
pub(crate) mod preparation;
pub(crate) mod skills;
pub(crate) mod summary;

use egui::Ui;

use super::command::Command;
use super::context::{RecordEdit, ViewContext};

/// One tab of a record.
pub trait RecordTab {
    /// The tab's name in the tab bar.
    fn label(&self) -> &'static str;
    /// Draws the tab for `edit`'s record; sets `edit.changed` when the draft changed, and
    /// pushes what else it asks for into `out`.
    fn ui(
        &mut self,
        ui: &mut Ui,
        edit: &mut RecordEdit<'_>,
        cx: &ViewContext<'_>,
        out: &mut Vec<Command>,
    );
}

/// The tabs of a record, in the tab bar's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    /// Editable identity, administrative situation, family and pathway.
    Identity,
    /// Phase 1.
    Skills,
    /// Phase 2.
    Preparation,
    /// Phase 3.
    Companies,
    /// Micro-crèche.
    Creche,
    /// Printable summary.
    Summary,
}

impl Tab {
    /// Every tab, in the tab bar's order.
    pub const ALL: [Self; 6] = [
        Self::Identity,
        Self::Skills,
        Self::Preparation,
        Self::Companies,
        Self::Creche,
        Self::Summary,
    ];
}

/// Every tab's state (pickers, windows, forms in progress), kept across frames and records.
#[derive(Default)]
pub struct Tabs {
    /// "Identité".
    pub identity: identity::IdentityTab,
    /// "Compétences".
    pub skills: skills::SkillsPanel,
    /// "Préparation à l'emploi".
    pub preparation: preparation::PreparationPanel,
    /// "Entreprises".
    pub companies: companies::CompaniesPanel,
    /// "Crèche".
    pub creche: creche::CrechePanel,
    /// "Synthèse".
    pub summary: summary::SummaryPanel,
}

impl Tabs {
    /// The tab drawn for `tab`.
    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn RecordTab {
        match tab {
            Tab::Identity => &mut self.identity,
            Tab::Skills => &mut self.skills,
            Tab::Preparation => &mut self.preparation,
            Tab::Companies => &mut self.companies,
            Tab::Creche => &mut self.creche,
            Tab::Summary => &mut self.summary,
        }
    }
}
