//! A counsellor's week on the agenda at 10,000 records: appointments, workshops, job interviews
//! and PMSMP days between Monday and Sunday, sorted, overlaps flagged, as the "Agenda" view and
//! `parcours agenda --week` compute it. Target: ≤ 5 ms.
//!
//! Measured in release on the shared 2-core development machine: one counsellor's week 1.4 ms
//! of CPU time, everybody's 3.8 ms (README's Performance table).
//! Besides criterion's wall-clock figures, the bench prints each call's CPU time (Linux), which
//! a loaded machine does not inflate.
//!
//! Run with `cargo bench --bench agenda`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/cpu.rs"]
mod cpu;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies_for, demo_workshops,
};
use parcours::model::preparation::{agenda, to_settle};

/// Prints the CPU time of one call of `f`, averaged over `runs` calls.
fn print_cpu_time<T>(name: &str, runs: u32, mut f: impl FnMut() -> T) {
    let Some(before) = cpu::cpu_nanos() else {
        return;
    };
    for _ in 0..runs {
        black_box(f());
    }
    if let Some(after) = cpu::cpu_nanos() {
        let per_call = (after - before) / u64::from(runs);
        println!(
            "{name}: {}.{:02} ms of CPU time per call",
            per_call / 1_000_000,
            per_call % 1_000_000 / 10_000
        );
    }
}

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
    print_cpu_time("agenda/week_10000_everybody", 50, || {
        agenda(&records, &workshops, monday, sunday, None)
    });
    print_cpu_time("agenda/week_10000_one_counsellor", 50, || {
        agenda(&records, &workshops, monday, sunday, Some("Claire Martin"))
    });
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
