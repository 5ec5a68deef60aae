//! Phase 3: a beneficiary's applications to an offer or a company, and the moves of their
//! state from "proposée" to a hire, a refusal or a withdrawal.
//!
//! Applications are kept on the beneficiary's record (they are part of the person's pathway
//! and follow them when a record is merged), with the company's and offer's names copied in so
//! that the history still reads right once an offer is deleted or a company renamed.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::model::record::ids::{ApplicationId, CompanyId, OfferId};
use crate::model::record::pathway::ContractKind;

/// Why an application was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RefusalReason {
    /// The person could not be reached.
    Unreachable,
    /// The person did not come to the interview.
    AbsentAtInterview,
    /// French level too low for the job.
    FrenchLevel,
    /// Skills did not fit.
    Skills,
    /// No position any more.
    NoPosition,
    /// Residence permit or work authorisation.
    ResidencePermit,
    /// Working hours, or childcare.
    HoursOrChildcare,
    /// Getting to the workplace.
    Mobility,
    /// Anything else (see the note).
    Other,
}

impl RefusalReason {
    /// Every reason, for pickers.
    pub const ALL: [Self; 9] = [
        Self::Unreachable,
        Self::AbsentAtInterview,
        Self::FrenchLevel,
        Self::Skills,
        Self::NoPosition,
        Self::ResidencePermit,
        Self::HoursOrChildcare,
        Self::Mobility,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Unreachable => "Injoignable",
            Self::AbsentAtInterview => "Absent à l'entretien",
            Self::FrenchLevel => "Niveau de français",
            Self::Skills => "Compétences",
            Self::NoPosition => "Pas de poste",
            Self::ResidencePermit => "Titre de séjour / autorisation de travail",
            Self::HoursOrChildcare => "Horaires ou garde d'enfant",
            Self::Mobility => "Mobilité",
            Self::Other => "Autre",
        }
    }
}

/// Longest PMSMP: one month, renewable once (L.5135-1 and D.5135-1 ff. code du travail; a
/// renewal is recorded as a second immersion).
pub const PMSMP_MAX_DAYS: i64 = 31;

/// What came of an immersion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ImmersionResult {
    /// Not assessed yet (planned or under way).
    #[default]
    Pending,
    /// The trade and the company suit the person: the project is confirmed.
    Conclusive,
    /// It did not confirm the project.
    NotConclusive,
    /// The company offered a job.
    JobOffered,
}

impl ImmersionResult {
    /// Every result, for pickers.
    pub const ALL: [Self; 4] = [
        Self::Pending,
        Self::Conclusive,
        Self::NotConclusive,
        Self::JobOffered,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Pending => "À évaluer",
            Self::Conclusive => "Concluante",
            Self::NotConclusive => "Non concluante",
            Self::JobOffered => "Proposition d'embauche",
        }
    }
}

/// A PMSMP (période de mise en situation en milieu professionnel): a short immersion in a
/// company, to discover a trade or confirm a project, with a tutor there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Immersion {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// The tutor in the company.
    #[serde(default)]
    pub tutor: String,
    /// What came of it.
    #[serde(default)]
    pub result: ImmersionResult,
}

impl Immersion {
    /// An immersion from `from` to `to`, refused in French when the dates are reversed or it
    /// lasts more than a month.
    pub fn new(from: NaiveDate, to: NaiveDate, tutor: &str) -> Result<Self, String> {
        if to < from {
            return Err("La PMSMP finit avant de commencer.".to_owned());
        }
        if (to - from).num_days() >= PMSMP_MAX_DAYS {
            return Err("Une PMSMP dure un mois au plus (renouvelable une fois).".to_owned());
        }
        Ok(Self {
            from,
            to,
            tutor: tutor.trim().to_owned(),
            result: ImmersionResult::Pending,
        })
    }
}

/// Why a job obtained ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EndReason {
    /// The fixed-term contract came to its end.
    EndOfContract,
    /// The employer or the person broke the contract during the trial period.
    TrialPeriodBreak,
    /// The person resigned.
    Resignation,
    /// The person was dismissed.
    Dismissal,
    /// Anything else.
    Other,
}

impl EndReason {
    /// Every reason, for pickers.
    pub const ALL: [Self; 5] = [
        Self::EndOfContract,
        Self::TrialPeriodBreak,
        Self::Resignation,
        Self::Dismissal,
        Self::Other,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::EndOfContract => "Fin de contrat",
            Self::TrialPeriodBreak => "Rupture de la période d'essai",
            Self::Resignation => "Démission",
            Self::Dismissal => "Licenciement",
            Self::Other => "Autre",
        }
    }
}

/// Where an application stands, with what each state needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationState {
    /// Suggested to the person by the counsellor.
    Proposed,
    /// Sent to the company.
    Sent,
    /// An interview is planned.
    Interview {
        /// Day of the interview.
        date: NaiveDate,
        /// Time, when known.
        time: Option<NaiveTime>,
        /// Where.
        place: String,
    },
    /// The person was hired.
    Hired {
        /// Contract signed.
        contract: ContractKind,
        /// First day of work.
        start: NaiveDate,
    },
    /// The company said no.
    Refused {
        /// Why.
        reason: RefusalReason,
        /// Details.
        note: String,
    },
    /// The person or the counsellor withdrew it.
    Withdrawn,
    /// The job obtained has ended.
    Ended {
        /// Why.
        reason: EndReason,
        /// Last day of work.
        on: NaiveDate,
    },
}

/// The kind of a state, without its details: for labels, pickers and the rules of moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StateKind {
    /// Proposée.
    Proposed,
    /// Envoyée.
    Sent,
    /// Entretien prévu.
    Interview,
    /// Embauché.
    Hired,
    /// Refusée.
    Refused,
    /// Retirée.
    Withdrawn,
    /// Contrat terminé.
    Ended,
}

impl StateKind {
    /// Every kind, in the order of a pathway.
    pub const ALL: [Self; 7] = [
        Self::Proposed,
        Self::Sent,
        Self::Interview,
        Self::Hired,
        Self::Refused,
        Self::Withdrawn,
        Self::Ended,
    ];

    /// The French label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Proposed => "Proposée",
            Self::Sent => "Envoyée",
            Self::Interview => "Entretien prévu",
            Self::Hired => "Embauché",
            Self::Refused => "Refusée",
            Self::Withdrawn => "Retirée",
            Self::Ended => "Contrat terminé",
        }
    }

    /// The states an application in this state may move to. A hire comes only after an
    /// interview and may end (end of contract, trial period broken…); a refusal, a withdrawal
    /// and an ended job are final.
    #[must_use]
    pub const fn next(self) -> &'static [Self] {
        match self {
            Self::Proposed => &[Self::Sent, Self::Withdrawn],
            Self::Sent => &[Self::Interview, Self::Refused, Self::Withdrawn],
            // A second interview, or a new date, stays in the same state.
            Self::Interview => &[Self::Interview, Self::Hired, Self::Refused, Self::Withdrawn],
            Self::Hired => &[Self::Ended],
            Self::Refused | Self::Withdrawn | Self::Ended => &[],
        }
    }

    /// Whether no move leaves this state.
    #[must_use]
    pub const fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

impl ApplicationState {
    /// The kind of this state.
    #[must_use]
    pub const fn kind(&self) -> StateKind {
        match self {
            Self::Proposed => StateKind::Proposed,
            Self::Sent => StateKind::Sent,
            Self::Interview { .. } => StateKind::Interview,
            Self::Hired { .. } => StateKind::Hired,
            Self::Refused { .. } => StateKind::Refused,
            Self::Withdrawn => StateKind::Withdrawn,
            Self::Ended { .. } => StateKind::Ended,
        }
    }

    /// The label with its details ("Entretien prévu le 03/12/2026 à 14:30, agence Créteil").
    #[must_use]
    pub fn describe(&self) -> String {
        let date = crate::model::record::dates::format_date;
        match self {
            Self::Interview {
                date: day,
                time,
                place,
            } => {
                let time = time
                    .map(|t| format!(" à {}", t.format("%H:%M")))
                    .unwrap_or_default();
                let place = if place.trim().is_empty() {
                    String::new()
                } else {
                    format!(", {}", place.trim())
                };
                format!("Entretien prévu le {}{time}{place}", date(*day))
            }
            Self::Hired { contract, start } => {
                format!(
                    "Embauché en {} à partir du {}",
                    contract.label(),
                    date(*start)
                )
            }
            Self::Refused { reason, note } if !note.trim().is_empty() => {
                format!("Refusée : {} ({})", reason.label(), note.trim())
            }
            Self::Refused { reason, .. } => format!("Refusée : {}", reason.label()),
            Self::Ended { reason, on } => {
                format!("Contrat terminé le {} : {}", date(*on), reason.label())
            }
            other => other.kind().label().to_owned(),
        }
    }
}

/// One dated step of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When the state was entered.
    pub on: NaiveDate,
    /// The state entered.
    pub state: ApplicationState,
}

/// A move the rules do not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Passage impossible de « {} » à « {} ».", .from.label(), .to.label())]
pub struct MoveError {
    /// The state the application is in.
    pub from: StateKind,
    /// The state asked for.
    pub to: StateKind,
}

/// An application of the person to an offer, or to a company (spontaneous, `offer: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// Stable identifier.
    pub id: ApplicationId,
    /// The company applied to.
    pub company: CompanyId,
    /// The offer, unless spontaneous.
    #[serde(default)]
    pub offer: Option<OfferId>,
    /// The company's name when the application was made.
    #[serde(default)]
    pub company_name: String,
    /// The offer's title when the application was made (empty: spontaneous).
    #[serde(default)]
    pub offer_title: String,
    /// Where it stands now.
    pub state: ApplicationState,
    /// Every state it went through, dated, oldest first (the current one last).
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
    /// Set when this is a PMSMP (an immersion), not an application for a job (absent from
    /// files before format 5: none).
    #[serde(default)]
    pub immersion: Option<Immersion>,
}

impl Application {
    /// A new application, proposed on `today`.
    #[must_use]
    pub fn propose(
        company: CompanyId,
        company_name: &str,
        offer: Option<(OfferId, &str)>,
        today: NaiveDate,
    ) -> Self {
        Self {
            id: ApplicationId::new(),
            company,
            offer: offer.map(|(id, _)| id),
            company_name: company_name.to_owned(),
            offer_title: offer.map(|(_, title)| title.to_owned()).unwrap_or_default(),
            state: ApplicationState::Proposed,
            history: vec![HistoryEntry {
                on: today,
                state: ApplicationState::Proposed,
            }],
            immersion: None,
        }
    }

    /// A PMSMP in a company, proposed on `today`.
    #[must_use]
    pub fn immersion(
        company: CompanyId,
        company_name: &str,
        immersion: Immersion,
        today: NaiveDate,
    ) -> Self {
        Self {
            immersion: Some(immersion),
            ..Self::propose(company, company_name, None, today)
        }
    }

    /// "Title — Company", "Company (candidature spontanée)", or "PMSMP du … au … — Company".
    #[must_use]
    pub fn target_label(&self) -> String {
        if let Some(immersion) = &self.immersion {
            let date = crate::model::record::dates::format_date;
            format!(
                "PMSMP du {} au {} — {}",
                date(immersion.from),
                date(immersion.to),
                self.company_name
            )
        } else if self.offer_title.trim().is_empty() {
            format!("{} (candidature spontanée)", self.company_name)
        } else {
            format!("{} — {}", self.offer_title, self.company_name)
        }
    }

    /// Moves to `next` on `on`, recording it in the history; refuses what the rules forbid
    /// (see [`StateKind::next`]) and leaves the application unchanged then.
    pub fn move_to(&mut self, next: ApplicationState, on: NaiveDate) -> Result<(), MoveError> {
        let from = self.state.kind();
        let to = next.kind();
        if !from.next().contains(&to) {
            return Err(MoveError { from, to });
        }
        self.history.push(HistoryEntry {
            on,
            state: next.clone(),
        });
        self.state = next;
        Ok(())
    }

    /// Whether the application is still under way (not hired, refused, withdrawn nor ended).
    #[must_use]
    pub const fn is_active(&self) -> bool {
        !matches!(self.state.kind(), StateKind::Hired) && !self.state.kind().is_final()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn interview() -> ApplicationState {
        ApplicationState::Interview {
            date: day(20),
            time: NaiveTime::from_hms_opt(14, 30, 0),
            place: "Agence de Créteil".into(),
        }
    }

    fn hired() -> ApplicationState {
        ApplicationState::Hired {
            contract: ContractKind::Cdd,
            start: day(30),
        }
    }

    #[test]
    fn a_hire_goes_through_every_step_and_each_is_dated() {
        let mut application = Application::propose(
            CompanyId::new(),
            "Hôtel du Parc",
            Some((OfferId::new(), "Valet de chambre")),
            day(2),
        );
        application.move_to(ApplicationState::Sent, day(3)).unwrap();
        application.move_to(interview(), day(10)).unwrap();
        application.move_to(hired(), day(21)).unwrap();
        let steps: Vec<(NaiveDate, StateKind)> = application
            .history
            .iter()
            .map(|h| (h.on, h.state.kind()))
            .collect();
        assert_eq!(
            steps,
            [
                (day(2), StateKind::Proposed),
                (day(3), StateKind::Sent),
                (day(10), StateKind::Interview),
                (day(21), StateKind::Hired),
            ]
        );
        assert!(!application.is_active());
        assert_eq!(
            application.state.describe(),
            "Embauché en CDD à partir du 30/11/2026"
        );
        assert_eq!(
            application.target_label(),
            "Valet de chambre — Hôtel du Parc"
        );
    }

    #[test]
    fn a_hired_application_can_end_with_a_date_and_a_reason() {
        let mut application = Application::propose(CompanyId::new(), "Lidl", None, day(2));
        application.move_to(ApplicationState::Sent, day(3)).unwrap();
        application.move_to(interview(), day(4)).unwrap();
        application.move_to(hired(), day(21)).unwrap();
        assert_eq!(StateKind::Hired.next(), [StateKind::Ended]);
        let ended = ApplicationState::Ended {
            reason: EndReason::TrialPeriodBreak,
            on: day(28),
        };
        application.move_to(ended, day(29)).unwrap();
        assert_eq!(
            application.state.describe(),
            "Contrat terminé le 28/11/2026 : Rupture de la période d'essai"
        );
        assert!(StateKind::Ended.is_final());
        assert!(!application.is_active());
        assert_eq!(
            RefusalReason::ResidencePermit.label(),
            "Titre de séjour / autorisation de travail"
        );
        assert!(RefusalReason::ALL.contains(&RefusalReason::HoursOrChildcare));
        assert!(RefusalReason::ALL.contains(&RefusalReason::Mobility));
    }

    #[test]
    fn impossible_moves_are_refused_and_change_nothing() {
        let mut application = Application::propose(CompanyId::new(), "Lidl", None, day(2));
        let before = application.clone();
        // No hire without an interview, no refusal of what was never sent.
        let error = application.move_to(hired(), day(3)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Passage impossible de « Proposée » à « Embauché »."
        );
        assert!(application.move_to(interview(), day(3)).is_err());
        let refused = ApplicationState::Refused {
            reason: RefusalReason::Skills,
            note: String::new(),
        };
        assert!(application.move_to(refused.clone(), day(3)).is_err());
        assert_eq!(application, before);
        // Final states are final.
        application
            .move_to(ApplicationState::Withdrawn, day(4))
            .unwrap();
        for next in [ApplicationState::Sent, interview(), hired(), refused] {
            assert!(application.move_to(next, day(5)).is_err());
        }
        assert_eq!(application.history.len(), 2);
        assert_eq!(application.target_label(), "Lidl (candidature spontanée)");
    }

    #[test]
    fn an_interview_can_be_moved_to_a_new_date() {
        let mut application = Application::propose(CompanyId::new(), "Lidl", None, day(2));
        application.move_to(ApplicationState::Sent, day(3)).unwrap();
        application.move_to(interview(), day(4)).unwrap();
        let later = ApplicationState::Interview {
            date: day(27),
            time: None,
            place: String::new(),
        };
        application.move_to(later, day(19)).unwrap();
        assert_eq!(
            application.state.describe(),
            "Entretien prévu le 27/11/2026"
        );
        assert_eq!(application.history.len(), 4);
    }

    #[test]
    fn applications_roundtrip_through_ron() {
        let mut application = Application::propose(
            CompanyId::new(),
            "Hôtel du Parc",
            Some((OfferId::new(), "Valet de chambre")),
            day(2),
        );
        application.move_to(ApplicationState::Sent, day(3)).unwrap();
        application.move_to(interview(), day(4)).unwrap();
        application
            .move_to(
                ApplicationState::Refused {
                    reason: RefusalReason::AbsentAtInterview,
                    note: "prévenu trop tard".into(),
                },
                day(21),
            )
            .unwrap();
        let text =
            ron::ser::to_string_pretty(&application, ron::ser::PrettyConfig::default()).unwrap();
        let back: Application = ron::from_str(&text).unwrap();
        assert_eq!(back, application);
    }

    #[test]
    fn a_pmsmp_is_an_application_with_dates_a_tutor_and_a_result() {
        assert!(Immersion::new(day(20), day(19), "").is_err());
        let too_long = NaiveDate::from_ymd_opt(2026, 12, 21).unwrap();
        assert!(
            Immersion::new(day(20), too_long, "")
                .unwrap_err()
                .contains("un mois")
        );
        let two_weeks = Immersion::new(
            day(23),
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            " M. Roux ",
        )
        .unwrap();
        assert_eq!(two_weeks.tutor, "M. Roux");
        let mut pmsmp =
            Application::immersion(CompanyId::new(), "Jardins solidaires", two_weeks, day(2));
        assert_eq!(
            pmsmp.target_label(),
            "PMSMP du 23/11/2026 au 04/12/2026 — Jardins solidaires"
        );
        if let Some(immersion) = &mut pmsmp.immersion {
            immersion.result = ImmersionResult::JobOffered;
        }
        let text = ron::ser::to_string_pretty(&pmsmp, ron::ser::PrettyConfig::default()).unwrap();
        let back: Application = ron::from_str(&text).unwrap();
        assert_eq!(back, pmsmp);
    }
}
