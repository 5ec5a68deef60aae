//! What the counsellor ticks: the sections of the summary and the confidential items, left out
//! unless ticked for one print, and the block those items make when they are.

use std::collections::BTreeSet;

use super::{SummaryRow, SummarySection, lines, row};
use crate::model::record::{Beneficiary, ChildId};

/// A part of the summary the counsellor can tick in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Birth date and nationality (the name heads every page anyway).
    Identity,
    /// French level, entry route and where the person stands.
    Pathway,
    /// Phase 1: skills identification and valorisation.
    Identification,
    /// Phase 2: employment preparation, administrative steps.
    Preparation,
    /// Phase 3: matching with companies, outcome.
    Matching,
    /// Children of micro-crèche age.
    Creche,
}

impl Section {
    /// Every section, in print order.
    pub const ALL: [Self; 6] = [
        Self::Identity,
        Self::Pathway,
        Self::Identification,
        Self::Preparation,
        Self::Matching,
        Self::Creche,
    ];

    /// The French title, as printed.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Identity => "Identité",
            Self::Pathway => "Parcours",
            Self::Identification => "Phase 1 · Identification et valorisation des compétences",
            Self::Preparation => "Phase 2 · Préparation à l'emploi",
            Self::Matching => "Phase 3 · Mise en relation avec les entreprises",
            Self::Creche => "Micro-crèche",
        }
    }

    /// The stable key templates refer to.
    #[must_use]
    pub const fn key(self) -> &'static str {
        match self {
            Self::Identity => "identite",
            Self::Pathway => "parcours",
            Self::Identification => "phase1",
            Self::Preparation => "phase2",
            Self::Matching => "phase3",
            Self::Creche => "creche",
        }
    }
}

/// An item left out of the summary unless ticked for this print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Confidential {
    /// The counsellor's private notes.
    PrivateNotes,
    /// The residence permit's number.
    PermitNumber,
    /// The social-security number.
    SocialSecurityNumber,
    /// The children's allergies and health notes (the crèche's care information).
    ChildHealth,
}

impl Confidential {
    /// Every confidential item, in print order.
    pub const ALL: [Self; 4] = [
        Self::PermitNumber,
        Self::SocialSecurityNumber,
        Self::ChildHealth,
        Self::PrivateNotes,
    ];

    /// The French label, as printed.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::PrivateNotes => "Notes privées du conseiller",
            Self::PermitNumber => "N° du titre de séjour",
            Self::SocialSecurityNumber => "N° de sécurité sociale",
            Self::ChildHealth => "Allergies et santé des enfants",
        }
    }

    /// The stable key of its row, for templates (the private notes are the block's text).
    const fn key(self) -> &'static str {
        match self {
            Self::PrivateNotes => "notes_privees",
            Self::PermitNumber => "numero_titre_sejour",
            Self::SocialSecurityNumber => "numero_securite_sociale",
            Self::ChildHealth => "sante_enfants",
        }
    }

    /// The record's value for this item, when it holds one.
    #[must_use]
    pub fn value(self, record: &Beneficiary) -> Option<String> {
        let value = match self {
            Self::PrivateNotes => record.private_notes.clone(),
            Self::PermitNumber => record
                .administrative
                .residence_permit
                .as_ref()
                .and_then(|p| p.number.clone())
                .unwrap_or_default(),
            Self::SocialSecurityNumber => record
                .administrative
                .social_security_number
                .clone()
                .unwrap_or_default(),
            Self::ChildHealth => child_health(record),
        };
        let value = value.trim();
        (!value.is_empty()).then(|| value.to_owned())
    }
}

/// "Awa — allergies : arachide — santé : Ventoline en cas de crise", one line per child with
/// something noted.
pub(super) fn child_health(record: &Beneficiary) -> String {
    lines(record.creche.care.iter().filter_map(|care| {
        let parts: Vec<String> = [
            ("allergies", care.allergies.trim()),
            ("santé", care.health_notes.trim()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(label, text)| format!("{label} : {}", text.replace('\n', " ; ")))
        .collect();
        (!parts.is_empty())
            .then(|| format!("{} — {}", child_name(record, care.child), parts.join(" — ")))
    }))
}

/// A child's first name, or "Enfant" when the record holds none.
pub(super) fn child_name(record: &Beneficiary, child: ChildId) -> String {
    record
        .family
        .children
        .iter()
        .find(|c| c.id == child)
        .map(|c| c.first_name.trim())
        .filter(|name| !name.is_empty())
        .unwrap_or("Enfant")
        .to_owned()
}

/// What the counsellor ticked: sections in (all by default) and confidential items revealed
/// (none by default, and forgotten after each print).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryOptions {
    sections: BTreeSet<Section>,
    revealed: BTreeSet<Confidential>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        Self {
            sections: Section::ALL.into_iter().collect(),
            revealed: BTreeSet::new(),
        }
    }
}

impl SummaryOptions {
    /// Whether a section is ticked in.
    #[must_use]
    pub fn includes(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }

    /// Ticks a section in or out.
    pub fn set_included(&mut self, section: Section, included: bool) {
        if included {
            self.sections.insert(section);
        } else {
            self.sections.remove(&section);
        }
    }

    /// Whether a confidential item is ticked in.
    #[must_use]
    pub fn reveals(&self, item: Confidential) -> bool {
        self.revealed.contains(&item)
    }

    /// Ticks a confidential item in or out.
    pub fn set_revealed(&mut self, item: Confidential, revealed: bool) {
        if revealed {
            self.revealed.insert(item);
        } else {
            self.revealed.remove(&item);
        }
    }

    /// Unticks every confidential item: called after each print, and when another record is
    /// shown, so that a tick never outlives the document it was meant for.
    pub fn forget_confidential(&mut self) {
        self.revealed.clear();
    }
}

pub(super) fn confidential_section(
    record: &Beneficiary,
    options: &SummaryOptions,
) -> Option<SummarySection> {
    let revealed = |item: Confidential| options.reveals(item).then(|| item.value(record)).flatten();
    let rows: Vec<SummaryRow> = Confidential::ALL
        .into_iter()
        .filter(|&item| item != Confidential::PrivateNotes)
        .filter_map(|item| revealed(item).map(|value| row(item.key(), item.label(), value)))
        .collect();
    let text = revealed(Confidential::PrivateNotes).unwrap_or_default();
    (!rows.is_empty() || !text.is_empty()).then(|| SummarySection {
        key: "confidentiel",
        title: "Informations confidentielles".to_owned(),
        confidential: true,
        rows,
        text,
    })
}
