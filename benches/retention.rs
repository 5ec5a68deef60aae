//! The retention list on 10,000 records: every record's last contact (sessions, workshops
//! attended, application moves, crèche days, edits) and whether it is due for erasure, as the
//! "Protection des données" window and `parcours retention` compute it. Target: ≤ 200 ms
//! (the budget for the whole view; this is its computation, loading excluded).
//!
//! Measured on the 2-core development machine: about 1 ms (10,000 demo records, their
//! applications and workshops).
//!
//! Run with `cargo bench --bench retention`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::demo::demo_workshops;
use parcours::model::demo::{add_demo_applications, demo_beneficiaries, demo_companies_for};
use parcours::model::record::{Settings, WorkshopContacts, due_indexed};

fn retention(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut records = demo_beneficiaries(10_000, today, 42);
    let companies = demo_companies_for(records.len(), today);
    add_demo_applications(&mut records, &companies, today);
    let workshops = demo_workshops(&records, today);
    let settings = Settings::default();
    // Three years later, many records are due: the list is not empty.
    let later = NaiveDate::from_ymd_opt(2029, 6, 1).unwrap();
    c.bench_function("retention/due_list_10000", |b| {
        b.iter(|| {
            let contacts = WorkshopContacts::new(black_box(&workshops));
            let due: Vec<_> = records
                .iter()
                .filter_map(|r| due_indexed(r, &contacts, &settings, later).map(|l| (r.id, l)))
                .collect();
            black_box(due)
        });
    });
}

criterion_group!(benches, retention);
criterion_main!(benches);
