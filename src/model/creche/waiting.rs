//! The waiting list: requests that found no place, ranked by the AVIP priority (article
//! L.214-7 CASF) then by age, and the first one a freed place can take.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::booking::Booking;
use super::capacity::{Alternatives, plan};
use super::refusal::Planned;
use super::settings::CrecheSettings;
use crate::model::{Beneficiary, BeneficiaryId, FamilySituation, OutcomeKind, Stage};

/// How long after the parent leaves the programme for a job or a training course their requests
/// keep the programme's priority (AVIP: the child keeps the place while the parent settles in).
pub const RECENT_EXIT_MONTHS: u32 = 6;

/// A request that could not be placed, waiting for a free place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingRequest {
    /// The booking asked for.
    pub booking: Booking,
    /// When it was asked (the waiting list's second key).
    pub requested_on: NaiveDate,
}
/// A parent's rank on the waiting list, following the AVIP reservation of article L.214-7 of
/// the code de l'action sociale et des familles (places kept for the children of parents
/// looking for work, single parents first). Lower goes first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// A single parent in the programme (a phase under way or awaited).
    SingleParentInProgramme,
    /// A parent in the programme, or who left it for a job or a training course less than
    /// [`RECENT_EXIT_MONTHS`] ago (their child keeps the place while they settle in).
    InProgramme,
    /// Everyone else.
    Other,
}

impl Priority {
    /// The French label, for the waiting list.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::SingleParentInProgramme => "parent isolé en parcours",
            Self::InProgramme => "parent en parcours ou tout juste en emploi ou en formation",
            Self::Other => "sans priorité",
        }
    }
}
/// Whether a parent brings up their children alone: a family situation without a partner
/// (single, separated, divorced, widowed). Unknown situations are not assumed.
#[must_use]
pub const fn is_single_parent(situation: FamilySituation) -> bool {
    matches!(
        situation,
        FamilySituation::Single
            | FamilySituation::Separated
            | FamilySituation::Divorced
            | FamilySituation::Widowed
    )
}
/// A parent's priority on the waiting list on `today`.
#[must_use]
pub fn priority(parent: &Beneficiary, today: NaiveDate) -> Priority {
    let in_programme = matches!(parent.stage(), Stage::InPhase(_) | Stage::Waiting(_));
    let recent_exit = parent.pathway.outcome.as_ref().is_some_and(|outcome| {
        matches!(
            outcome.kind,
            OutcomeKind::Employment(_) | OutcomeKind::Training
        ) && today
            .checked_sub_months(Months::new(RECENT_EXIT_MONTHS))
            .is_some_and(|since| outcome.date >= since)
    });
    if in_programme && is_single_parent(parent.family.situation) {
        Priority::SingleParentInProgramme
    } else if in_programme || recent_exit {
        Priority::InProgramme
    } else {
        Priority::Other
    }
}

impl WaitingRequest {
    /// Whether the request's dates have passed on `today`: nothing is left to book, and the
    /// request waits no more.
    #[must_use]
    pub fn is_expired(&self, today: NaiveDate) -> bool {
        self.booking.schedule.span().1 < today
    }
}
/// One request of the waiting list, in the list's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedRequest {
    /// The parent's record.
    pub parent: BeneficiaryId,
    /// Index in the parent's `creche.waiting`.
    pub index: usize,
    /// The parent's priority.
    pub priority: Priority,
    /// When it was asked.
    pub requested_on: NaiveDate,
}
/// Every request still waiting on `today` (expired ones left out): single parents in the
/// programme first, then parents in the programme or just gone into a job or training, then
/// the others; within each, the oldest request first.
#[must_use]
pub fn waiting_list(records: &[&Beneficiary], today: NaiveDate) -> Vec<QueuedRequest> {
    let mut queue: Vec<QueuedRequest> = records
        .iter()
        .flat_map(|r| {
            let priority = priority(r, today);
            r.creche
                .waiting
                .iter()
                .enumerate()
                .filter(move |(_, w)| !w.is_expired(today))
                .map(move |(index, w)| QueuedRequest {
                    parent: r.id,
                    index,
                    priority,
                    requested_on: w.requested_on,
                })
        })
        .collect();
    queue.sort_by_key(|q| (q.priority, q.requested_on, q.parent, q.index));
    queue
}
/// When a place frees: the first request of the waiting list that now fits, with its plan.
#[must_use]
pub fn first_fitting_request(
    records: &[&Beneficiary],
    settings: &CrecheSettings,
    today: NaiveDate,
) -> Option<(QueuedRequest, Planned)> {
    waiting_list(records, today).into_iter().find_map(|queued| {
        let parent = records.iter().find(|r| r.id == queued.parent)?;
        let request = parent.creche.waiting.get(queued.index)?;
        plan(
            records,
            parent,
            request.booking.clone(),
            settings,
            Alternatives::Skip,
        )
        .ok()
        .map(|planned| (queued, planned))
    })
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::model::creche::test_support::*;

    use crate::model::record::dates::test_support::d;
    use crate::model::record::pathway::{Phase, PhaseStatus};
    use crate::model::*;

    #[test]
    fn waiting_list_follows_avip_priority_single_parents_first() {
        use crate::model::{ContractKind, FamilySituation, Outcome, OutcomeKind};
        let settings = CrecheSettings::default();
        let today = d(2026, 11, 22);
        let mut records = twelve_booked();
        let mut early = parent("Tôt", d(2025, 2, 2));
        let mut seeker = parent("Chercheuse", d(2025, 2, 2));
        seeker.pathway.phases.get_mut(Phase::Preparation).status = PhaseStatus::InProgress;
        seeker.family.situation = FamilySituation::Married;
        let mut single = seeker.clone();
        single.id = BeneficiaryId::new();
        single.family.situation = FamilySituation::Divorced;
        let mut hired = parent("Embauchée", d(2025, 2, 2));
        hired.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Employment(ContractKind::Cdd),
            date: d(2026, 9, 1),
            contract_months: None,
        });
        let mut long_gone = hired.clone();
        long_gone.id = BeneficiaryId::new();
        long_gone.pathway.outcome = Some(Outcome {
            kind: OutcomeKind::Employment(ContractKind::Cdi),
            date: d(2025, 9, 1),
            contract_months: None,
        });
        assert_eq!(priority(&single, today), Priority::SingleParentInProgramme);
        assert_eq!(priority(&seeker, today), Priority::InProgramme);
        assert_eq!(priority(&hired, today), Priority::InProgramme);
        assert_eq!(priority(&long_gone, today), Priority::Other);
        assert_eq!(priority(&early, today), Priority::Other);
        // The oldest requests come from those without priority; the single parent asked last.
        ask(&mut early, d(2026, 10, 1));
        ask(&mut long_gone, d(2026, 10, 2));
        ask(&mut hired, d(2026, 11, 10));
        ask(&mut seeker, d(2026, 11, 5));
        ask(&mut single, d(2026, 11, 20));
        let mut all = refs(&records);
        all.extend([&early, &long_gone, &hired, &seeker, &single]);
        let queue = waiting_list(&all, today);
        assert_eq!(
            queue.iter().map(|q| q.parent).collect::<Vec<_>>(),
            [single.id, seeker.id, hired.id, early.id, long_gone.id]
        );
        // Full: nothing fits yet.
        assert_eq!(first_fitting_request(&all, &settings, today), None);
        // A place frees: the single parent is proposed, though she asked last.
        records[3].creche.bookings.clear();
        let mut all = refs(&records);
        all.extend([&early, &long_gone, &hired, &seeker, &single]);
        let (queued, planned) = first_fitting_request(&all, &settings, today).unwrap();
        assert_eq!(queued.parent, single.id);
        assert_eq!(planned.booking.child, child_of(&single));
    }

    #[test]
    fn waiting_requests_whose_dates_have_passed_expire() {
        let settings = CrecheSettings::default();
        let mut records = twelve_booked();
        records[3].creche.bookings.clear();
        let mut asked = parent("Attente", d(2025, 2, 2));
        ask(&mut asked, d(2026, 11, 1));
        let request = &asked.creche.waiting[0];
        assert!(!request.is_expired(d(2026, 11, 24)));
        assert!(request.is_expired(d(2026, 11, 25)));
        let mut all = refs(&records);
        all.push(&asked);
        assert_eq!(waiting_list(&all, d(2026, 11, 24)).len(), 1);
        assert!(first_fitting_request(&all, &settings, d(2026, 11, 24)).is_some());
        // The day after, the request waits no more: no rank, and a free place is not offered.
        assert!(waiting_list(&all, d(2026, 11, 25)).is_empty());
        assert_eq!(
            first_fitting_request(&all, &settings, d(2026, 11, 25)),
            None
        );
    }
}
