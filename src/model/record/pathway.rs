//! The individualised pathway: entry route, the programme's three phases, and how it closed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::record::cefr::CefrLevel;

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
    /// Contrat à durée déterminée d'insertion, in an insertion structure (SIAE).
    Cddi,
    /// Apprenticeship contract.
    Apprenticeship,
    /// Professionalisation contract.
    Professionalisation,
}

impl ContractKind {
    /// Every kind, for pickers.
    pub const ALL: [Self; 8] = [
        Self::Cdi,
        Self::Cdd,
        Self::Interim,
        Self::SubsidisedContract,
        Self::Cddi,
        Self::Apprenticeship,
        Self::Professionalisation,
        Self::BusinessCreation,
    ];

    /// Whether the contract is for a fixed term whose length decides how funders count it
    /// (CDD, interim, work-study contracts).
    #[must_use]
    pub const fn has_length(self) -> bool {
        matches!(
            self,
            Self::Cdd | Self::Interim | Self::Apprenticeship | Self::Professionalisation
        )
    }

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Cdi => "CDI",
            Self::Cdd => "CDD",
            Self::Interim => "Intérim",
            Self::SubsidisedContract => "Contrat aidé",
            Self::BusinessCreation => "Création d'activité",
            Self::Cddi => "CDDI (insertion)",
            Self::Apprenticeship => "Contrat d'apprentissage",
            Self::Professionalisation => "Contrat de professionnalisation",
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
    /// Entry into another insertion structure or programme.
    OtherInsertion,
    /// Any other exit (moved away, other programme…).
    Other,
    /// The person stopped attending.
    Dropout,
}

impl OutcomeKind {
    /// Every outcome, for pickers.
    pub const ALL: [Self; 12] = [
        Self::Employment(ContractKind::Cdi),
        Self::Employment(ContractKind::Cdd),
        Self::Employment(ContractKind::Interim),
        Self::Employment(ContractKind::SubsidisedContract),
        Self::Employment(ContractKind::Cddi),
        Self::Employment(ContractKind::Apprenticeship),
        Self::Employment(ContractKind::Professionalisation),
        Self::Employment(ContractKind::BusinessCreation),
        Self::Training,
        Self::OtherInsertion,
        Self::Other,
        Self::Dropout,
    ];

    /// The French label.
    #[must_use]
    pub fn label(self) -> String {
        match self {
            Self::Employment(contract) => format!("Emploi ({})", contract.label()),
            Self::Training => "Formation".to_owned(),
            Self::OtherInsertion => "Autre structure d'insertion".to_owned(),
            Self::Other => "Autre sortie".to_owned(),
            Self::Dropout => "Abandon".to_owned(),
        }
    }
}

/// Months from which a fixed-term job counts as lasting employment.
pub const DURABLE_MONTHS: u16 = 6;

/// How funders class an exit (the IAE's typology: emploi durable, emploi de transition,
/// sortie positive, autre sortie).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExitClass {
    /// CDI, fixed-term job of 6 months or more, business creation.
    DurableEmployment,
    /// Fixed-term job under 6 months (or of unknown length), subsidised contract, CDDI.
    TransitionEmployment,
    /// Training, another insertion structure.
    Positive,
    /// Any other exit, drop-out included.
    Other,
}

impl ExitClass {
    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::DurableEmployment => "Emploi durable",
            Self::TransitionEmployment => "Emploi de transition",
            Self::Positive => "Sortie positive",
            Self::Other => "Autre sortie",
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
    /// For a CDD, interim or work-study contract: its length in months (absent from files
    /// before format 5: unknown).
    #[serde(default)]
    pub contract_months: Option<u16>,
}

impl Outcome {
    /// How funders count this exit. A fixed-term job of unknown length counts as transition
    /// until its length is recorded.
    #[must_use]
    pub fn exit_class(&self) -> ExitClass {
        match self.kind {
            OutcomeKind::Employment(ContractKind::Cdi | ContractKind::BusinessCreation) => {
                ExitClass::DurableEmployment
            }
            OutcomeKind::Employment(contract) if contract.has_length() => {
                if self.contract_months.is_some_and(|m| m >= DURABLE_MONTHS) {
                    ExitClass::DurableEmployment
                } else {
                    ExitClass::TransitionEmployment
                }
            }
            OutcomeKind::Employment(_) => ExitClass::TransitionEmployment,
            OutcomeKind::Training | OutcomeKind::OtherInsertion => ExitClass::Positive,
            OutcomeKind::Other | OutcomeKind::Dropout => ExitClass::Other,
        }
    }

    /// "4 mois, emploi de transition", "emploi durable": the length when it counts, and the class.
    #[must_use]
    pub fn describe_class(&self) -> String {
        let class = self.exit_class().label().to_lowercase();
        match self.contract_months {
            Some(m) if matches!(self.kind, OutcomeKind::Employment(c) if c.has_length()) => {
                format!("{m} mois, {class}")
            }
            _ => class,
        }
    }

    /// "Emploi (CDD) · 4 mois · emploi de transition".
    #[must_use]
    pub fn describe(&self) -> String {
        let months = self
            .contract_months
            .filter(|_| matches!(self.kind, OutcomeKind::Employment(c) if c.has_length()))
            .map(|m| format!(" · {m} mois"))
            .unwrap_or_default();
        format!(
            "{}{months} · {}",
            self.kind.label(),
            self.exit_class().label().to_lowercase()
        )
    }
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
            contract_months: None,
        });
        assert_eq!(pathway.stage().label(), "Sorti : Emploi (CDI)");
    }

    #[test]
    fn exits_are_classed_as_funders_count_them() {
        let outcome = |kind, contract_months| Outcome {
            kind,
            date: NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
            contract_months,
        };
        let class = |kind, months| outcome(kind, months).exit_class();
        let job = OutcomeKind::Employment;
        assert_eq!(
            class(job(ContractKind::Cdi), None),
            ExitClass::DurableEmployment
        );
        assert_eq!(
            class(job(ContractKind::BusinessCreation), None),
            ExitClass::DurableEmployment
        );
        assert_eq!(
            class(job(ContractKind::Cdd), Some(6)),
            ExitClass::DurableEmployment
        );
        assert_eq!(
            class(job(ContractKind::Cdd), Some(5)),
            ExitClass::TransitionEmployment
        );
        assert_eq!(
            class(job(ContractKind::Interim), None),
            ExitClass::TransitionEmployment
        );
        assert_eq!(
            class(job(ContractKind::Interim), Some(8)),
            ExitClass::DurableEmployment
        );
        assert_eq!(
            class(job(ContractKind::Cddi), Some(12)),
            ExitClass::TransitionEmployment
        );
        assert_eq!(
            class(job(ContractKind::SubsidisedContract), Some(12)),
            ExitClass::TransitionEmployment
        );
        assert_eq!(class(OutcomeKind::Training, None), ExitClass::Positive);
        assert_eq!(
            class(OutcomeKind::OtherInsertion, None),
            ExitClass::Positive
        );
        assert_eq!(class(OutcomeKind::Dropout, None), ExitClass::Other);
        assert_eq!(
            outcome(job(ContractKind::Cdd), Some(4)).describe(),
            "Emploi (CDD) · 4 mois · emploi de transition"
        );
    }
}
