//! A counsellor's week on the agenda at 10,000 records: appointments, workshops, job interviews
//! and PMSMP days between Monday and Sunday, sorted, overlaps flagged, as the "Agenda" view and
//! `parcours agenda --week` compute it. Target: ≤ 5 ms.
//!
//! Measured on the 2-core development machine (shared, busy): see README's Performance table.
//!
//! Run with `cargo bench --bench agenda`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies_for, demo_workshops,
};
use parcours::model::preparation::{agenda, to_settle};

fn week(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let mut records = demo_beneficiaries(10_000, today, 42);
    let companies = demo_companies_for(records.len(), today);
    add_demo_applications(&mut records, &companies, today);
    let workshops = demo_workshops(&records, today);
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let appointments: usize = records
        .iter()
        .map(|r| r.preparation.appointments.len())
        .sum();
    assert!(appointments > 4_000, "{appointments} demo appointments");
    assert!(!agenda(&records, &workshops, monday, sunday, None).is_empty());
    c.bench_function("agenda/week_10000_everybody", |b| {
        b.iter(|| {
            black_box(agenda(
                black_box(&records),
                &workshops,
                monday,
                sunday,
                None,
            ))
        });
    });
    c.bench_function("agenda/week_10000_one_counsellor", |b| {
        b.iter(|| {
            black_box(agenda(
                black_box(&records),
                &workshops,
                monday,
                sunday,
                Some("Claire Martin"),
            ))
        });
    });
    c.bench_function("agenda/to_settle_10000", |b| {
        b.iter(|| black_box(to_settle(black_box(&records), today, Some("Claire Martin"))));
    });
}

criterion_group!(benches, week);
criterion_main!(benches);
