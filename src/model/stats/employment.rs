//! Indicators about employment: applications, interviews, hires and immersions (PMSMP) of the
//! period; exits by class; people in employment within 28 days of leaving (ESF+ EECR04); the
//! median time from entry to the first job.

use chrono::{Days, NaiveDate};

use crate::model::companies::{Application, ApplicationState};
use crate::model::record::{Beneficiary, ExitClass, OutcomeKind};
use crate::model::stats::Subject;
use crate::model::stats::anonymity::PeopleTable;
use crate::model::stats::table::{Cell, Period, Row, Table};

/// Days after leaving within which a job counts for EECR04.
pub const EMPLOYMENT_AFTER_EXIT_DAYS: u64 = 28;

/// The exit classes, in the order shown.
const CLASSES: [ExitClass; 4] = [
    ExitClass::DurableEmployment,
    ExitClass::TransitionEmployment,
    ExitClass::Positive,
    ExitClass::Other,
];

/// The tables of this family.
pub(crate) fn tables(subjects: &[Subject<'_>], period: Period, threshold: u32) -> Vec<Table> {
    vec![
        steps(subjects, period).finish(threshold),
        exits(subjects, period).finish(threshold),
        after_exit(subjects, period).finish(threshold),
        first_job(subjects, period, threshold),
    ]
}

/// Counts events of the period, and the people they concern.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    events: u32,
    people: u32,
}

impl Tally {
    fn add(&mut self, events: usize) {
        if events > 0 {
            self.events = self
                .events
                .saturating_add(u32::try_from(events).unwrap_or(u32::MAX));
            self.people += 1;
        }
    }
}

/// The days an application entered a state of the given kind, from its history (for an
/// interview its date, for a hire the first day of work).
fn entered<'a>(
    application: &'a Application,
    is: impl Fn(&ApplicationState) -> bool + 'a,
) -> impl Iterator<Item = NaiveDate> + 'a {
    application
        .history
        .iter()
        .filter(move |h| is(&h.state))
        .map(|h| match h.state {
            ApplicationState::Hired { start, .. } => start,
            ApplicationState::Interview { date, .. } => date,
            _ => h.on,
        })
}

/// Applications sent, interviews, hires and immersions of the period.
fn steps(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let mut sent = Tally::default();
    let mut interviews = Tally::default();
    let mut hires = Tally::default();
    let mut immersions = Tally::default();
    for s in subjects {
        let count = |is: &dyn Fn(&ApplicationState) -> bool| {
            s.record
                .applications
                .iter()
                .filter(|a| a.immersion.is_none())
                .flat_map(|a| entered(a, is))
                .filter(|day| period.contains(*day))
                .count()
        };
        sent.add(count(&|st| matches!(st, ApplicationState::Sent)));
        interviews.add(count(&|st| {
            matches!(st, ApplicationState::Interview { .. })
        }));
        hires.add(count(&|st| matches!(st, ApplicationState::Hired { .. })));
        immersions.add(
            s.record
                .applications
                .iter()
                .filter_map(|a| a.immersion.as_ref())
                .filter(|i| period.contains(i.from))
                .count(),
        );
    }
    let mut t = PeopleTable::new(
        "employment_steps",
        "Candidatures, entretiens, embauches et immersions (PMSMP)",
        "",
        &["Nombre", "Personnes concernées"],
    )
    .overlapping()
    .counting(0);
    for (label, tally) in [
        ("Candidatures envoyées", sent),
        ("Entretiens d'embauche", interviews),
        ("Embauches", hires),
        ("Immersions en entreprise (PMSMP) commencées", immersions),
    ] {
        t.row(label, vec![tally.events, tally.people]);
    }
    t
}

/// Exits of the period by class.
fn exits(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let mut counts = [0_u32; 4];
    for s in subjects.iter().filter(|s| s.left(period)) {
        if let Some(outcome) = &s.record.pathway.outcome
            && let Some(index) = CLASSES.iter().position(|c| *c == outcome.exit_class())
        {
            counts[index] += 1;
        }
    }
    let mut t = PeopleTable::new(
        "employment_exits",
        "Sorties par type",
        "Typologie des sorties de l'insertion par l'activité économique",
        &["Sorties"],
    );
    for (class, n) in CLASSES.iter().zip(counts) {
        t.row(class.label(), vec![n]);
    }
    t
}

/// The first day of a job: the earliest hire's start, or the outcome's date for an exit to
/// employment; `None` when the person never had a job recorded.
fn first_job_of(record: &Beneficiary) -> Option<NaiveDate> {
    let hired = record
        .applications
        .iter()
        .filter(|a| a.immersion.is_none())
        .flat_map(|a| entered(a, |st| matches!(st, ApplicationState::Hired { .. })));
    let outcome = record
        .pathway
        .outcome
        .as_ref()
        .filter(|o| matches!(o.kind, OutcomeKind::Employment(_)))
        .map(|o| o.date);
    hired.chain(outcome).min()
}

/// Whether the person was in employment within 28 days of leaving on `exit`: the exit is to
/// employment, or a job started on or before the 28th day after it and had not ended before
/// the exit.
fn employed_after_exit(record: &Beneficiary, exit: NaiveDate) -> bool {
    let limit = exit
        .checked_add_days(Days::new(EMPLOYMENT_AFTER_EXIT_DAYS))
        .unwrap_or(exit);
    if record
        .pathway
        .outcome
        .as_ref()
        .is_some_and(|o| matches!(o.kind, OutcomeKind::Employment(_)))
    {
        return true;
    }
    record
        .applications
        .iter()
        .filter(|a| a.immersion.is_none())
        .any(|a| {
            let started = entered(a, |st| matches!(st, ApplicationState::Hired { .. }))
                .any(|start| start <= limit);
            let ended_before = a
                .history
                .iter()
                .any(|h| matches!(h.state, ApplicationState::Ended { on, .. } if on < exit));
            started && !ended_before
        })
}

/// Among the exits of the period: in employment within 28 days, or not.
fn after_exit(subjects: &[Subject<'_>], period: Period) -> PeopleTable {
    let mut counts = [0_u32; 2];
    for s in subjects {
        if let Some(exit) = s.exit.filter(|exit| period.contains(*exit)) {
            counts[usize::from(!employed_after_exit(s.record, exit))] += 1;
        }
    }
    let mut t = PeopleTable::new(
        "employment_after_exit",
        "Situation dans les 28 jours suivant la sortie",
        "FSE+ — EECR04 (participants exerçant un emploi à la sortie)",
        &["Sorties"],
    );
    t.row("En emploi dans les 28 jours", vec![counts[0]]);
    t.row("Sans emploi connu dans les 28 jours", vec![counts[1]]);
    t
}

/// The median of days from entry to the first job, over the people whose first job started
/// during the period.
fn first_job(subjects: &[Subject<'_>], period: Period, threshold: u32) -> Table {
    let mut days: Vec<i64> = subjects
        .iter()
        .filter_map(|s| {
            let job = first_job_of(s.record).filter(|day| period.contains(*day))?;
            Some((job - s.entry).num_days().max(0))
        })
        .collect();
    days.sort_unstable();
    let people = u32::try_from(days.len()).unwrap_or(u32::MAX);
    let median = median(&days);
    // The median of fewer people than the threshold says too much about each of them.
    let hidden = people > 0 && people < threshold;
    Table {
        key: "employment_first_job",
        title: "Délai entre l'entrée et le premier emploi".to_owned(),
        source: String::new(),
        columns: vec!["Valeur".to_owned()],
        rows: vec![
            Row {
                label: "Personnes ayant commencé un premier emploi sur la période".to_owned(),
                cells: vec![if hidden {
                    Cell::Hidden
                } else {
                    Cell::People(people)
                }],
            },
            Row {
                label: "Délai médian (jours)".to_owned(),
                cells: vec![if hidden {
                    Cell::Hidden
                } else {
                    Cell::Days(median)
                }],
            },
        ],
    }
}

/// The median of sorted values (the mean of the two middle ones for an even count).
#[expect(clippy::cast_precision_loss, reason = "numbers of days")]
fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let upper = *sorted.get(mid)? as f64;
    if n % 2 == 1 {
        Some(upper)
    } else {
        let lower = *sorted.get(mid - 1)? as f64;
        Some(f64::midpoint(lower, upper))
    }
}
