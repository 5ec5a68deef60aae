//! One pathway summary rendered to PDF. The first render of a session is **cold** (fonts
//! parsed, template compiled, nothing memoised): timed once and printed as
//! `summary_pdf_first_render_cold`, and also measured by criterion on a fresh engine each time
//! (`summary_pdf_cold_new_engine`). The others are **warm** (the engine built and the template
//! compiled once before measuring, as in the window after the first print). Target: under
//! 100 ms warm.
//!
//! Run with `cargo bench --bench summary_pdf`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use parcours::model::Settings;
use parcours::model::creche::CrecheSettings;
use parcours::model::demo::{
    add_demo_applications, demo_beneficiaries, demo_companies, demo_workshops,
};
use parcours::report::{Engine, Summary, SummaryOptions, render_summary, summary_template};

fn summary_pdf(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let settings = Settings {
        structure_name: "EDS de Vitry-sur-Seine".into(),
        ..Settings::default()
    };
    // Demo records as `parcours demo` writes them: applications, workshops attended, bookings.
    let mut records = demo_beneficiaries(40, today, 7);
    let companies = demo_companies(today);
    add_demo_applications(&mut records, &companies, today);
    let workshops = demo_workshops(&records, today);
    let summary = Summary::build(
        &records[0],
        &settings,
        &workshops,
        &companies,
        &CrecheSettings::default(),
        &SummaryOptions::default(),
        today,
    );
    // The first print of a session: fonts parsed, template compiled, nothing memoised yet.
    let started = std::time::Instant::now();
    let engine = Engine::new([summary_template()]);
    render_summary(&engine, &summary).unwrap();
    eprintln!(
        "summary_pdf_first_render_cold (once, this process's first): {:.1} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );

    // Cold each time: a new engine (fonts, template) for every render, as the first print
    // after Parcours starts. (Process-wide caches such as Typst's memoisation stay warm: the
    // single figure above is the truly cold one.)
    let mut group = c.benchmark_group("summary_pdf_cold_new_engine");
    group.sample_size(10);
    group.bench_function("same_record", |b| {
        b.iter(|| {
            let engine = Engine::new([summary_template()]);
            render_summary(&engine, black_box(&summary)).unwrap()
        });
    });
    group.finish();

    c.bench_function("summary_pdf_warm_same_record", |b| {
        b.iter(|| render_summary(&engine, black_box(&summary)).unwrap());
    });
    // A different record each time: nothing of the previous document's layout can be reused.
    let summaries: Vec<Summary> = records
        .iter()
        .map(|r| {
            Summary::build(
                r,
                &settings,
                &workshops,
                &companies,
                &CrecheSettings::default(),
                &SummaryOptions::default(),
                today,
            )
        })
        .collect();
    let mut next = summaries.iter().cycle();
    c.bench_function("summary_pdf_warm_next_record", |b| {
        b.iter(|| render_summary(&engine, black_box(next.next().unwrap())).unwrap());
    });
}

criterion_group!(benches, summary_pdf);
criterion_main!(benches);
