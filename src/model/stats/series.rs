//! Month by month: entries and exits (a table, under the anonymity rules, and the series the
//! charts draw from it) and hours of accompaniment.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use crate::model::preparation::{Attendance, Workshop};
use crate::model::record::BeneficiaryId;
use crate::model::stats::Subject;
use crate::model::stats::anonymity::PeopleTable;
use crate::model::stats::creche::{month_label, month_of};
use crate::model::stats::table::{Cell, Period, Series, Table};

/// The first day of every month the period touches, in order.
fn months(period: Period) -> Vec<NaiveDate> {
    let mut months = Vec::new();
    let mut month = month_of(period.from);
    while month <= period.to {
        months.push(month);
        let Some(next) = month.checked_add_months(chrono::Months::new(1)) else {
            break;
        };
        month = next;
    }
    months
}

/// The monthly entries and exits table, and the series: entries, exits (the months the table
/// hides are left out of them) and hours.
pub(crate) fn monthly(
    subjects: &[Subject<'_>],
    workshops: &[&Workshop],
    period: Period,
    threshold: u32,
) -> (Table, Vec<Series>) {
    let months = months(period);
    let index = |day: NaiveDate| months.binary_search(&month_of(day)).ok();
    let mut moves = vec![[0_u32; 2]; months.len()];
    let mut minutes = vec![0_u64; months.len()];
    for s in subjects {
        if let Some(i) = s.entered(period).then(|| index(s.entry)).flatten() {
            moves[i][0] += 1;
        }
        if let Some(i) = s.exit.filter(|e| period.contains(*e)).and_then(index) {
            moves[i][1] += 1;
        }
        for session in &s.record.preparation.sessions {
            if period.contains(session.date)
                && let Some(i) = index(session.date)
            {
                minutes[i] += u64::from(session.duration_minutes);
            }
        }
    }
    let people: HashSet<BeneficiaryId> = subjects.iter().map(|s| s.record.id).collect();
    for w in workshops {
        let present = w
            .enrolments
            .iter()
            .filter(|e| e.attendance == Attendance::Present && people.contains(&e.beneficiary))
            .count() as u64;
        if let Some(i) = index(w.date) {
            minutes[i] += present * u64::from(w.duration_minutes);
        }
    }
    let mut t = PeopleTable::new(
        "people_by_month",
        "Entrées et sorties par mois",
        "",
        &["Entrées", "Sorties"],
    );
    for (month, counts) in months.iter().zip(&moves) {
        t.row(month_label(*month), counts.to_vec());
    }
    let table = t.finish(threshold);
    let shown = |column: usize| -> Vec<(NaiveDate, f64)> {
        months
            .iter()
            .zip(&table.rows)
            .filter_map(|(month, row)| match row.cells.get(column) {
                Some(Cell::People(n)) => Some((*month, f64::from(*n))),
                _ => None,
            })
            .collect()
    };
    let hours: BTreeMap<NaiveDate, f64> = months
        .iter()
        .zip(&minutes)
        .map(|(month, m)| {
            #[expect(clippy::cast_precision_loss, reason = "minutes stay far below 2^52")]
            let h = *m as f64 / 60.0;
            (*month, h)
        })
        .collect();
    let series = vec![
        Series {
            key: "entries",
            title: "Entrées par mois".to_owned(),
            unit: "personnes".to_owned(),
            points: shown(0),
        },
        Series {
            key: "exits",
            title: "Sorties par mois".to_owned(),
            unit: "personnes".to_owned(),
            points: shown(1),
        },
        Series {
            key: "hours",
            title: "Heures d'accompagnement par mois".to_owned(),
            unit: "heures".to_owned(),
            points: hours.into_iter().collect(),
        },
    ];
    (table, series)
}
