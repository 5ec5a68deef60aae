//! The individualised pathway: entry route, the programme's three phases, and how it closed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::cefr::CefrLevel;

/// How a person enters the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryRoute {
    /// Below B1: first oriented to French (FLE) courses at a partner.
    FrenchFirst,
    /// B1 and above: the skills valorisation programme.
    Valorisation,
}

impl EntryRoute {
    /// Both routes, for pickers.
    pub const ALL: [Self; 2] = [Self::FrenchFirst, Self::Valorisation];

    /// The route the French level calls for, or `None` while the level is not assessed.
    #[must_use]
    pub fn for_level(level: CefrLevel) -> Option<Self> {
        if !level.is_assessed() {
            None
        } else if level.reaches_b1() {
            Some(Self::Valorisation)
        } else {
            Some(Self::FrenchFirst)
        }
    }

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::FrenchFirst => "FLE d'abord",
            Self::Valorisation => "Programme de valorisation",
        }
    }

    /// What the route means for the person, in one sentence.
    #[must_use]
    pub const fn explanation(self) -> &'static str {
        match self {
            Self::FrenchFirst => {
                "Niveau inférieur à B1 : orientation d'abord vers des cours de français (FLE) chez un partenaire."
            }
            Self::Valorisation => {
                "Niveau B1 ou plus : entrée directe dans le programme de valorisation des compétences."
            }
        }
    }
}

/// A counsellor's decision to take another route than the French level calls for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteOverride {
    /// The route chosen.
    pub route: EntryRoute,
    /// Why (required: the decision must be explainable later).
    pub reason: String,
}

/// One of the programme's three phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    /// 1 — identification and valorisation of skills.
    Identification,
    /// 2 — preparation for employment.
    Preparation,
    /// 3 — matching with companies.
    Matching,
}

impl Phase {
    /// The phases in programme order.
    pub const ALL: [Self; 3] = [Self::Identification, Self::Preparation, Self::Matching];

    /// 1, 2 or 3.
    #[must_use]
    pub const fn number(self) -> u8 {
        match self {
            Self::Identification => 1,
            Self::Preparation => 2,
            Self::Matching => 3,
        }
    }

    /// The full French title.
    #[must_use]
    pub const fn title(self) -> &'static str {
        match self {
            Self::Identification => "Identification et valorisation des compétences",
            Self::Preparation => "Préparation à l'emploi",
            Self::Matching => "Mise en relation avec les entreprises",
        }
    }

    /// A short French label for lists.
    #[must_use]
    pub const fn short_label(self) -> &'static str {
        match self {
            Self::Identification => "Phase 1 · Compétences",
            Self::Preparation => "Phase 2 · Préparation",
            Self::Matching => "Phase 3 · Entreprises",
        }
    }
}

/// Where a phase stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum PhaseStatus {
    /// Not started.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Completed.
    Done,
}

impl PhaseStatus {
    /// Every status, for pickers.
    pub const ALL: [Self; 3] = [Self::NotStarted, Self::InProgress, Self::Done];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Non commencée",
            Self::InProgress => "En cours",
            Self::Done => "Terminée",
        }
    }
}

/// Status and dates of one phase.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseProgress {
    /// Where the phase stands.
    pub status: PhaseStatus,
    /// When it started.
    pub started_on: Option<NaiveDate>,
    /// When it ended.
    pub ended_on: Option<NaiveDate>,
}

/// The three phases, by name (so that the RON file reads like the programme).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Phases {
    /// Phase 1.
    pub identification: PhaseProgress,
    /// Phase 2.
    pub preparation: PhaseProgress,
    /// Phase 3.
    pub matching: PhaseProgress,
}

impl Phases {
    /// The progress of one phase.
    #[must_use]
    pub const fn get(&self, phase: Phase) -> &PhaseProgress {
        match phase {
            Phase::Identification => &self.identification,
            Phase::Preparation => &self.preparation,
            Phase::Matching => &self.matching,
        }
    }

    /// The progress of one phase, to edit.
    pub const fn get_mut(&mut self, phase: Phase) -> &mut PhaseProgress {
        match phase {
            Phase::Identification => &mut self.identification,
            Phase::Preparation => &mut self.preparation,
            Phase::Matching => &mut self.matching,
        }
    }
}

/// Kind of employment contract at the close of a pathway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContractKind {
    /// Contrat à durée indéterminée.
    Cdi,
    /// Contrat à durée déterminée.
    Cdd,
    /// Temporary agency work.
    Interim,
    /// Subsidised contract (PEC, CUI…).
    SubsidisedContract,
    /// Self-employment or business creation.
    BusinessCreation,
}

impl ContractKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 5] = [
        Self::Cdi,
        Self::Cdd,
        Self::Interim,
        Self::SubsidisedContract,
        Self::BusinessCreation,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Cdi => "CDI",
            Self::Cdd => "CDD",
            Self::Interim => "Intérim",
            Self::SubsidisedContract => "Contrat aidé",
            Self::BusinessCreation => "Création d'activité",
        }
    }
}

/// How a pathway ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutcomeKind {
    /// A job, with its contract.
    Employment(ContractKind),
    /// Entry into a training course.
    Training,
    /// Any other exit (moved away, other programme…).
    Other,
    /// The person stopped attending.
    Dropout,
}

impl OutcomeKind {
    /// Every outcome, for pickers.
    pub const ALL: [Self; 8] = [
        Self::Employment(ContractKind::Cdi),
        Self::Employment(ContractKind::Cdd),
        Self::Employment(ContractKind::Interim),
        Self::Employment(ContractKind::SubsidisedContract),
        Self::Employment(ContractKind::BusinessCreation),
        Self::Training,
        Self::Other,
        Self::Dropout,
    ];

    /// The French label.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Employment(contract) => format!("Emploi ({})", contract.label()),
            Self::Training => "Formation".to_owned(),
            Self::Other => "Autre sortie".to_owned(),
            Self::Dropout => "Abandon".to_owned(),
        }
    }
}

/// The closing outcome of a pathway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// What happened.
    pub kind: OutcomeKind,
    /// When.
    pub date: NaiveDate,
}

/// A beneficiary's pathway through the programme.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Pathway {
    /// Set when the counsellor chose another route than the French level calls for.
    pub route_override: Option<RouteOverride>,
    /// The three phases.
    pub phases: Phases,
    /// Set when the pathway is closed.
    pub outcome: Option<Outcome>,
}

/// Where a person stands in the programme, summarised for lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// No phase started.
    NotStarted,
    /// A phase is under way (the latest one, if several are).
    InPhase(Phase),
    /// Some phases are done, the next one has not started yet.
    Waiting(Phase),
    /// All three phases are done and no outcome recorded yet.
    PhasesDone,
    /// The pathway is closed.
    Closed(OutcomeKind),
}

impl Stage {
    /// The French label for lists and the command line.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::NotStarted => "Non commencé".to_owned(),
            Self::InPhase(phase) => phase.short_label().to_owned(),
            Self::Waiting(phase) => format!("En attente de la phase {}", phase.number()),
            Self::PhasesDone => "Phases terminées".to_owned(),
            Self::Closed(kind) => format!("Sorti : {}", kind.label()),
        }
    }
}

impl Pathway {
    /// The stage the pathway is at.
    #[must_use]
    pub fn stage(&self) -> Stage {
        if let Some(outcome) = &self.outcome {
            return Stage::Closed(outcome.kind);
        }
        if let Some(phase) = Phase::ALL
            .into_iter()
            .rev()
            .find(|&p| self.phases.get(p).status == PhaseStatus::InProgress)
        {
            return Stage::InPhase(phase);
        }
        let done = |p: Phase| self.phases.get(p).status == PhaseStatus::Done;
        if Phase::ALL.into_iter().all(done) {
            return Stage::PhasesDone;
        }
        if Phase::ALL.into_iter().any(done)
            && let Some(next) = Phase::ALL.into_iter().find(|&p| !done(p))
        {
            return Stage::Waiting(next);
        }
        Stage::NotStarted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_follows_the_b1_threshold() {
        assert_eq!(EntryRoute::for_level(CefrLevel::NotAssessed), None);
        for level in [CefrLevel::A0, CefrLevel::A1, CefrLevel::A2] {
            assert_eq!(EntryRoute::for_level(level), Some(EntryRoute::FrenchFirst));
        }
        for level in [CefrLevel::B1, CefrLevel::B2, CefrLevel::C1, CefrLevel::C2] {
            assert_eq!(EntryRoute::for_level(level), Some(EntryRoute::Valorisation));
        }
    }

    #[test]
    fn stage_is_the_latest_phase_in_progress_or_the_outcome() {
        let mut pathway = Pathway::default();
        assert_eq!(pathway.stage(), Stage::NotStarted);
        pathway.phases.identification.status = PhaseStatus::Done;
        assert_eq!(pathway.stage(), Stage::Waiting(Phase::Preparation));
        pathway.phases.preparation.status = PhaseStatus::InProgress;
        pathway.phases.matching.status = PhaseStatus::InProgress;
        assert_eq!(pathway.stage(), Stage::InPhase(Phase::Matching));
        for phase in Phase::ALL {
            pathway.phases.get_mut(phase).status = PhaseStatus::Done;
        }
        assert_eq!(pathway.stage(), Stage::PhasesDone);
        pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Employment(ContractKind::Cdi),
            date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
        });
        assert_eq!(pathway.stage().label(), "Sorti : Emploi (CDI)");
    }
}
