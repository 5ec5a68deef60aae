//! A funders' report on 10,000 records over a year: every indicator (people, activity,
//! employment, crèche, months) with the anonymity rules, as the "Bilans" view and `parcours
//! stats` compute it. Target: ≤ 300 ms.
//!
//! Measured in release on the shared 2-core machine: about 19 ms (README's Performance table).
//!
//! Run with `cargo bench --bench stats`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::creche::CrecheSettings;
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies_for, demo_workshops,
};
use parcours::model::stats::{DEFAULT_THRESHOLD, Period, Scope, StatsInput, report};

fn stats(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut records = demo_beneficiaries(10_000, today, 42);
    let companies = demo_companies_for(records.len(), today);
    add_demo_applications(&mut records, &companies, today);
    let workshops = demo_workshops(&records, today);
    let creche = CrecheSettings::default();
    let input = StatsInput {
        records: &records,
        workshops: &workshops,
        creche: &creche,
    };
    let year = Period {
        from: NaiveDate::from_ymd_opt(2025, 12, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    };
    c.bench_function("stats/report_10000_one_year", |b| {
        b.iter(|| {
            black_box(report(
                black_box(&input),
                year,
                &Scope::All,
                DEFAULT_THRESHOLD,
            ))
        });
    });
    let counsellor = Scope::Counsellor(records[0].referent.clone());
    c.bench_function("stats/report_10000_one_year_one_counsellor", |b| {
        b.iter(|| {
            black_box(report(
                black_box(&input),
                year,
                &counsellor,
                DEFAULT_THRESHOLD,
            ))
        });
    });
}

criterion_group!(benches, stats);
criterion_main!(benches);
