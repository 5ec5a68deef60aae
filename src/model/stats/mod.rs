//! Funders' reporting (issue #18): anonymised indicators over a period and a scope, computed
//! from the records, the workshops' catalogue and the crèche, as tables of counts that the
//! "Bilans" view, the CLI and the exports (CSV, XLSX, PDF) all draw the same way.
//!
//! [`table`] is the shape every output reads: a [`Report`] of [`Table`]s of [`Cell`]s, plus
//! monthly [`Series`] for the charts. No cell ever holds a name, an identifier or free text.
//!
//! [`report`] selects the people (the scope, minus those who refused statistics), then each
//! family of indicators adds its tables: [`people`], [`activity`], [`employment`], [`creche`]
//! and [`series`] (month by month); the anonymity rules ([`anonymity`]) turn counts of people
//! into cells.

pub mod activity;
pub mod anonymity;
pub mod creche;
pub mod definitions;
pub mod employment;
pub mod format;
pub mod people;
pub mod series;
pub mod table;

use std::borrow::Borrow;
use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::creche::CrecheSettings;
use crate::model::preparation::Workshop;
use crate::model::record::{Beneficiary, BeneficiaryId, ConsentState, Purpose, fold};

pub use table::{Cell, Period, Report, Row, Scope, Series, Table};

/// The default small-count threshold: a count of people from 1 to 4 is shown "< 5".
pub const DEFAULT_THRESHOLD: u32 = 5;

/// What a report is computed from.
#[derive(Debug, Clone, Copy)]
pub struct StatsInput<'a, R = Beneficiary> {
    /// Every record of the directory (anonymised ones included: they count with the values
    /// they keep): the records themselves or what holds them (the window's shared records).
    pub records: &'a [R],
    /// The workshops' catalogue.
    pub workshops: &'a [Workshop],
    /// The crèche's settings (opening days, capacity).
    pub creche: &'a CrecheSettings,
}

/// The day a person entered the programme: the earliest start of a phase, or the day the
/// record was created when no phase has a start date.
#[must_use]
pub fn entry_date(record: &Beneficiary) -> NaiveDate {
    let phases = &record.pathway.phases;
    [
        phases.identification.started_on,
        phases.preparation.started_on,
        phases.matching.started_on,
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or_else(|| record.created_at.date_naive())
}

/// The day the person left the programme: the outcome's date, when the pathway is closed.
#[must_use]
pub fn exit_date(record: &Beneficiary) -> Option<NaiveDate> {
    record.pathway.outcome.as_ref().map(|o| o.date)
}

/// Whether the person was followed during the period: entered on or before its last day and
/// had not left before its first day.
#[must_use]
pub fn followed_during(record: &Beneficiary, period: Period) -> bool {
    entry_date(record) <= period.to && exit_date(record).is_none_or(|exit| exit >= period.from)
}

/// Whether the person refused (or withdrew) the use of their data for statistics.
#[must_use]
pub fn refused_statistics(record: &Beneficiary) -> bool {
    record
        .protection
        .current(Purpose::Statistics)
        .is_some_and(|e| matches!(e.state, ConsentState::Refused | ConsentState::Withdrawn))
}

impl Scope {
    /// Whether the record belongs to the scope (referent compared folded).
    #[must_use]
    pub fn includes(&self, record: &Beneficiary) -> bool {
        match self {
            Self::All => true,
            Self::Counsellor(name) => fold(name.trim()) == fold(record.referent.trim()),
        }
    }
}

/// One person counted by a report, with the dates every indicator reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject<'a> {
    /// The record.
    pub record: &'a Beneficiary,
    /// See [`entry_date`].
    pub entry: NaiveDate,
    /// See [`exit_date`].
    pub exit: Option<NaiveDate>,
}

impl Subject<'_> {
    /// Whether the person entered during the period.
    pub fn entered(&self, period: Period) -> bool {
        period.contains(self.entry)
    }

    /// Whether the person left during the period.
    pub fn left(&self, period: Period) -> bool {
        self.exit.is_some_and(|exit| period.contains(exit))
    }
}

/// Computes every indicator of the report: the people of `scope` followed during `period`,
/// minus those who refused statistics (counted in [`Report::refused_statistics`]); counts of
/// people from 1 to `threshold − 1` hidden.
#[must_use]
pub fn report<R: Borrow<Beneficiary>>(
    input: &StatsInput<'_, R>,
    period: Period,
    scope: &Scope,
    threshold: u32,
) -> Report {
    let mut refused = 0_u32;
    let mut subjects = Vec::new();
    for record in input.records.iter().map(Borrow::borrow) {
        if !scope.includes(record) || !followed_during(record, period) {
            continue;
        }
        if refused_statistics(record) {
            refused = refused.saturating_add(1);
            continue;
        }
        subjects.push(Subject {
            record,
            entry: entry_date(record),
            exit: exit_date(record),
        });
    }
    let ids: HashSet<BeneficiaryId> = subjects.iter().map(|s| s.record.id).collect();
    let workshops = activity::workshops_of(input.workshops, &ids, period, *scope == Scope::All);
    let parents: Vec<&Beneficiary> = input
        .records
        .iter()
        .map(Borrow::borrow)
        .filter(|r| !r.creche.bookings.is_empty() && scope.includes(r) && !refused_statistics(r))
        .collect();
    let mut tables: Vec<Table> = people::tables(&subjects, period, threshold)
        .into_iter()
        .map(|t| t.finish(threshold))
        .collect();
    let (monthly, series) = series::monthly(&subjects, &workshops, period, threshold);
    tables.push(monthly);
    tables.extend(activity::tables(&subjects, &workshops, period, threshold));
    tables.extend(employment::tables(&subjects, period, threshold));
    tables.extend(creche::tables(&parents, input.creche, period, threshold));
    Report {
        period,
        scope: scope.clone(),
        threshold,
        refused_statistics: refused,
        tables,
        series,
    }
}
