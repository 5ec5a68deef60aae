//! "Accueil" right after a change (issue #17: the lines computed off the frame, ≤ 2 ms per
//! frame at 10,000 records), on a copy of the data of `parcours demo --count N` (see
//! `home_view`).
//!
//! One iteration: a click on the first "Honoré" of the appointments to settle (a save of
//! that record, applied at the end of its frame), then frames until the line is gone from
//! the view (its new lines in). Measured, per iteration:
//! - `after_a_save/slowest_frame`: the slowest of those frames — what the counsellor waits
//!   at worst between two frames while the lines are computed again;
//! - `after_a_save/first_frame`: the frame right after the save, the one that used to
//!   compute the lines.
//!
//! The frame of the click itself (the record's write, fsync, journal) is not counted: it is
//! the save's, not the view's. Besides criterion's wall-clock figures, the bench prints the
//! slowest frames' CPU time (Linux): on a machine of two cores, the worker computing the
//! lines and the watcher listing the folder after the save take cores the frame then waits
//! for.
//!
//! Run with `cargo bench --bench home_after_change` (sizes: `PARCOURS_BENCH_SIZES`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/window.rs"]
mod window;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use parcours::ui::ParcoursApp;

/// The accessible name of the first "Honoré" button of the appointments to settle, once
/// Accueil shows them (its lines come from a worker thread).
fn first_settle_button(harness: &mut Harness<'_, ParcoursApp>) -> String {
    for _ in 0..10_000 {
        let first = harness
            .query_all_by(|node| {
                node.role() == egui::accesskit::Role::Button
                    && node.label().is_some_and(|l| l.starts_with("Honoré :"))
            })
            .next()
            .and_then(|node| node.accesskit_node().label());
        if let Some(first) = first {
            return first;
        }
        harness.step();
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("no appointment to settle on Accueil");
}

/// What one save cost the frames after it.
struct AfterSave {
    /// Wall time of the frame right after the save.
    first: Duration,
    /// Wall time of the slowest frame until the settled line was gone.
    slowest: Duration,
    /// CPU time of the slowest of those frames (the window's thread), when known.
    slowest_cpu: Option<Duration>,
}

/// One save and the frames until its line is gone.
fn one_save(harness: &mut Harness<'_, ParcoursApp>) -> AfterSave {
    let button = first_settle_button(harness);
    harness.get_by_label(&button).click();
    // The click's frame: the command is applied (the save) at its end.
    harness.step();
    let mut first = None;
    let mut slowest = Duration::ZERO;
    let mut slowest_cpu = Some(Duration::ZERO);
    for _ in 0..10_000 {
        let cpu_before = cpu::cpu_nanos();
        let start = Instant::now();
        harness.step();
        let took = start.elapsed();
        let cpu = cpu_before
            .zip(cpu::cpu_nanos())
            .map(|(before, after)| Duration::from_nanos(after - before));
        first.get_or_insert(took);
        slowest = slowest.max(took);
        slowest_cpu = slowest_cpu.zip(cpu).map(|(a, b)| a.max(b));
        if harness.query_by_label(&button).is_none() {
            return AfterSave {
                first: first.unwrap(),
                slowest,
                slowest_cpu,
            };
        }
        // A frame at most every millisecond, as a window repainting continuously would.
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the settled appointment stays in Accueil: {button}");
}

/// Prints the median and the largest of the slowest frames' CPU times.
fn print_cpu(name: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: slowest frame's CPU time, median {:.2} ms, largest {:.2} ms ({} saves)",
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn after_a_save(c: &mut Criterion) {
    let mut group = c.benchmark_group("after_a_save");
    // Each iteration settles one appointment (44 to settle in the demo's 1,000 records): ten
    // samples of one iteration each, after a single warm-up one.
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_millis(1));
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    for count in window::sizes() {
        let data = window::data_copy(count);
        let mut harness = window::window_on(data.path().to_path_buf(), count, today);
        harness.step();
        harness.step();
        let mut cpu = Vec::new();
        group.bench_function(BenchmarkId::new("slowest_frame", count), |b| {
            b.iter_custom(|iterations| {
                (0..iterations)
                    .map(|_| {
                        let save = one_save(&mut harness);
                        cpu.extend(save.slowest_cpu);
                        save.slowest
                    })
                    .sum()
            });
        });
        print_cpu(&format!("after_a_save/slowest_frame/{count}"), cpu);
        group.bench_function(BenchmarkId::new("first_frame", count), |b| {
            b.iter_custom(|iterations| (0..iterations).map(|_| one_save(&mut harness).first).sum());
        });
    }
    group.finish();
}

criterion_group!(benches, after_a_save);
criterion_main!(benches);
